"""The command line, and the app's life: settings, the runtime, the window, and a clean quit."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__
from .gcguard import MainThreadGC
from .logsetup import setup_logging
from .runtime import Runtime
from .settings import ENV_BASE_URL, Dirs, KeyStore, Settings

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).parent / "resources"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cover-desktop",
                                description=f"{APP_NAME}: make covers of your uploaded audio, follow the jobs "
                                            "live, play and keep the results.")
    p.add_argument("--demo", action="store_true",
                   help="use the built-in demo server on loopback (no key, no network, no credits)")
    p.add_argument("--base-url", metavar="URL", help=f"API base URL (default from settings; env {ENV_BASE_URL})")
    p.add_argument("--demo-duration", type=float, default=12.0, metavar="SECONDS",
                   help="how long a demo job takes (default 12)")
    p.add_argument("--version", action="version", version=f"cover-desktop {__version__}")
    return p.parse_args(argv)


async def run_app(app: QApplication, args: argparse.Namespace) -> int:
    from .ui.main_window import MainWindow

    settings = Settings.load()
    keystore = KeyStore()
    rt = Runtime(args, settings, keystore)
    quitting = asyncio.Event()
    # The window's close, Ctrl+C and SIGTERM end the app through this event, not app.quit(): the loop must
    # keep running while the poller is cancelled and the clients close. aboutToQuit covers a session logout.
    app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(quitting.set)
    signal.signal(signal.SIGINT, lambda *_: quitting.set())
    signal.signal(signal.SIGTERM, lambda *_: quitting.set())
    try:
        await rt.start()
    except Exception as exc:
        log.exception("start-up failed")
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, f"{APP_NAME} could not start: {exc}")
        box.finished.connect(app.quit)
        box.open()
        await quitting.wait()
        return 1
    window = MainWindow(rt, QIcon(str(RESOURCES / "cover-desktop.svg")))
    window.closed.connect(quitting.set)
    window.show()
    if keystore.warning:
        window.show_error(keystore.warning)
    await quitting.wait()
    window.hide()
    await window.aclose()
    await rt.aclose()
    log.info("quit cleanly")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(Dirs.logs())
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = MainThreadGC(parent=app)  # noqa: F841 (kept alive by its parent)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setOrganizationName(APP_ID)
    # Python only sees Ctrl+C / SIGTERM while it runs, hence the idle timer
    tick = QTimer()
    tick.start(250)
    tick.timeout.connect(lambda: None)

    def excepthook(kind, value, tb):
        log.error("uncaught", exc_info=(kind, value, tb))

    sys.excepthook = excepthook
    try:
        return qasync.run(run_app(app, args)) or 0
    except (asyncio.CancelledError, RuntimeError) as exc:  # Qt quit under us (session logout)
        log.warning("event loop ended early: %s", exc)
        return 0
