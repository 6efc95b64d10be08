"""Start-up problems the user must hear about on the terminal, in plain words, before anything else runs.

By the time Qt gives up (no display, a platform plugin that cannot load), native stderr already goes to
native.log (app.quiet_native_stderr) and Qt's messages to the log file; Qt would then abort (exit 134) with the
terminal silent. What it said is turned into one or two lines on the real terminal, and the app exits 1.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 1
NAME = "cover-desktop"


def why_qt_stopped(fatal: str, platform_notes: list[str], env: Mapping[str, str] | None = None) -> list[str]:
    """The lines to print for Qt's fatal message ``fatal``, given what its platform layer warned before it."""
    env = os.environ if env is None else env
    notes = " ".join(platform_notes)
    if "could not connect to display" in notes or "Failed to create wl_display" in notes:
        if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
            where = f"the display {env.get('WAYLAND_DISPLAY') or env.get('DISPLAY')} does not answer"
        else:
            where = "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
        return [f"{NAME}: cannot open a window: {where}.",
                "Start it from a desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a window."]
    if "platform plugin" in fatal:
        cause = next((n for n in platform_notes if "could not load" in n.lower() or "cannot" in n.lower()), "")
        return [f"{NAME}: cannot open a window: Qt could not load its platform plugin"
                + (f" ({cause.strip()})" if cause else "") + ".",
                "Install the system libraries Qt needs (Debian: libxcb-cursor0 libxkbcommon-x11-0 libegl1 "
                "libxcb-icccm4 libxcb-keysyms1; scripts/system-deps.sh has the full list)."]
    first = fatal.strip().splitlines()[0] if fatal.strip() else "no reason given"
    return [f"{NAME}: Qt stopped: {first}"]


def fail(lines: list[str], log_dir: str | None = None) -> None:
    """Say ``lines`` on the terminal (and in the log), then end the process with EXIT_CANNOT_START at once.
    Called from inside Qt (a fatal message): returning would let Qt abort."""
    for line in lines:
        log.critical("%s", line)
    if log_dir is not None:
        lines = [*lines[:-1], f"{lines[-1]} (log: {log_dir})"]
    for handler in logging.getLogger().handlers:
        handler.flush()
    try:
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
    finally:
        os._exit(EXIT_CANNOT_START)
