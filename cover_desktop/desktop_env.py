"""Programs the app opens (the file manager for a folder, the browser for a link) get the user's environment,
not the bundle's.

PyInstaller's bootloader prepends the bundle's library folder to LD_LIBRARY_PATH (keeping the user's value in
LD_LIBRARY_PATH_ORIG) and its Qt hook points QT_PLUGIN_PATH and friends into the bundle. Every process the app
starts inherits them: a file manager built against the system's GLib or Qt then loads the bundle's copies, and
crashes or misbehaves. In a bundle, every URL Qt is asked to open (QDesktopServices.openUrl, a link in a
label) goes through ``open_url``, which starts ``xdg-open`` with the environment as it was before the bundle
changed it. Outside a bundle nothing changes: the environment is the user's own.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QUrl, Slot
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)

SCHEMES = ("file", "http", "https", "mailto")
OPENER = "xdg-open"


def bundle_folder() -> Path | None:
    """The bundle's own folder (PyInstaller's _MEIPASS) when running from the bundle, else None."""
    folder = getattr(sys, "_MEIPASS", None)
    return Path(folder) if getattr(sys, "frozen", False) and folder else None


def _inside(entry: str, folder: Path) -> bool:
    try:
        return Path(entry).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def original_environment(env: Mapping[str, str], bundle: Path) -> dict[str, str]:
    """``env`` as it was before the bundle started: a ``NAME_ORIG`` saved by the bootloader is NAME's value
    again (no ``NAME_ORIG`` beside a NAME that points into the bundle: NAME was not set), and path lists lose
    their entries inside the bundle (a variable left empty is dropped)."""
    out: dict[str, str] = {}
    for name, value in env.items():
        if name.endswith("_ORIG") and name[: -len("_ORIG")] in env:
            continue
        saved = env.get(f"{name}_ORIG")
        if saved is not None:
            out[name] = saved
            continue
        entries = value.split(os.pathsep)
        kept = [e for e in entries if not (e and _inside(e, bundle))]
        if kept != entries:
            if any(kept):
                out[name] = os.pathsep.join(kept)
            continue
        out[name] = value
    return out


class UrlOpener(QObject):
    """Opens URLs with the desktop's opener in the user's original environment."""

    def __init__(self, bundle: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.bundle = bundle

    def environment(self) -> dict[str, str]:
        return original_environment(os.environ, self.bundle)

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        env = self.environment()
        program = shutil.which(OPENER, path=env.get("PATH", os.defpath))
        if program is None:
            log.warning("cannot open %s: %s is not installed", url.toDisplayString(), OPENER)
            return
        process = QProcess()
        process.setProgram(program)
        encoded = QUrl.ComponentFormattingOption.FullyEncoded
        process.setArguments([url.toLocalFile() if url.isLocalFile() else url.toString(encoded)])
        qenv = QProcessEnvironment()
        for name, value in env.items():
            qenv.insert(name, value)
        process.setProcessEnvironment(qenv)
        result: object = process.startDetached()    # a bool in PySide6 6.11, a (bool, pid) in its stubs
        started = result[0] if isinstance(result, tuple) else bool(result)
        if started:
            log.info("opened a %s URL with %s in the original environment", url.scheme(), OPENER)
        else:
            log.warning("could not start %s for %s: %s", OPENER, url.toDisplayString(), process.errorString())


def install(parent: QObject) -> UrlOpener | None:
    """In a bundle, route every URL Qt opens through a ``UrlOpener`` (kept alive by ``parent``); else None."""
    bundle = bundle_folder()
    if bundle is None:
        return None
    opener = UrlOpener(bundle, parent)
    for scheme in SCHEMES:
        # the slot's name as str: PySide6 6.11 refuses the bytes its stubs ask for
        QDesktopServices.setUrlHandler(scheme, opener, "open_url")  # type: ignore[arg-type]
    opener.destroyed.connect(lambda *_: uninstall())
    return opener


def uninstall() -> None:
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)
