"""What ``--help`` says after the options, and the man page with it: the environment variables the app reads and
the folders it keeps things in. One table each, so the help, the man page (resources/manpage.py) and the code
that reads a variable cannot drift apart unnoticed (tests/packaging/test_command_line.py checks the names)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from .i18n import ENV_LANGUAGE
from .settings import DEFAULT_BASE_URL, ENV_BASE_URL, ENV_KEY, Dirs

ENVIRONMENT: list[tuple[str, str]] = [
    (ENV_KEY, "the API key, over the saved one; sent only to the API host, never written to the log"),
    (ENV_BASE_URL, f"the API base URL, as --base-url (default {DEFAULT_BASE_URL})"),
    (ENV_LANGUAGE, "en or fr, over Settings > Language (which otherwise follows the system)"),
    ("COVER_DESKTOP_NO_KEYRING", "set: keep the key in the api-key file of the config folder, not the OS keyring"),
    ("COVER_DESKTOP_VERBOSE", "set: native messages (FFmpeg, Qt plugins) stay on the terminal, not native.log"),
    ("QT_QPA_PLATFORM", "Qt's window system: xcb or wayland on a desktop, offscreen for a run without a window"),
    ("XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME", "move the folders below"),
]

# (what, XDG variable, default under the home folder, where the app asks for it now)
FOLDERS = [
    ("settings, presets and the api-key file", "XDG_CONFIG_HOME", ".config", Dirs.config),
    ("job history, the clips and their covers", "XDG_DATA_HOME", ".local/share", Dirs.data),
    ("caches (thumbnails, waveforms, the copies of clips dragged out, translations)", "XDG_CACHE_HOME", ".cache",
     Dirs.cache),
    ("the log: cover-desktop.log, and native.log for FFmpeg's and Qt's own output", "XDG_STATE_HOME",
     ".local/state", Dirs.logs),
]

EXIT_STATUS = ("Exit status: 0 after a normal quit; 1 when it cannot start (the reason is printed) or a "
               "--smoke-test fails; 2 for a command line it does not understand.")
WIDTH = 78


def home_relative(path: Path) -> str:
    """``path`` with the home folder written ~, as people type it."""
    home = os.path.expanduser("~")
    text = str(path)
    return "~" + text[len(home):] if home not in ("", "/") and text.startswith(home + os.sep) else text


def folders(generic: bool = False) -> list[tuple[str, str]]:
    """(what, where): where the folders are for this user now, or (``generic``) the rule, for the man page."""
    out = []
    for what, variable, default, here in FOLDERS:
        tail = here().name if variable != "XDG_STATE_HOME" else f"{here().parent.name}/{here().name}"
        out.append((what, f"${variable}/{tail} (default ~/{default}/{tail})" if generic else home_relative(here())))
    return out


def _item(head: str, text: str) -> list[str]:
    return [f"  {head}", *textwrap.wrap(text, WIDTH, initial_indent=" " * 6, subsequent_indent=" " * 6)]


def epilog() -> str:
    lines = ["environment:"]
    for name, meaning in ENVIRONMENT:
        lines += _item(name, meaning)
    lines += ["", "folders, for this user:"]
    for what, where in folders():
        lines += _item(where, what)
    lines += ["", *textwrap.wrap(EXIT_STATUS, WIDTH)]
    return "\n".join(lines)
