"""Wiring and command line: settings, the (demo) server, the API client, the job layer, the window."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__
from .api.client import ApiClient, normalize_base_url
from .demo import DEMO_KEY, DemoServer
from .gcguard import MainThreadGC
from .jobs.scheduler import PollPolicy
from .jobs.service import JobService
from .jobs.store import AsyncJobStore
from .logsetup import REDACT, setup_logging
from .media.fetch import MediaFetcher
from .media.library import MediaLibrary
from .media.player import PlayerController
from .media.thumbs import ThumbnailCache
from .settings import ENV_BASE_URL, Dirs, KeyStore, Secret, Settings

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


class Runtime(QObject):
    """Owns everything with a life cycle; ``apply`` rebuilds it after Settings change the server or key."""

    def __init__(self, args: argparse.Namespace, settings: Settings, keystore: KeyStore):
        super().__init__()
        self.args = args
        self.settings = settings
        self.keystore = keystore
        self.log_dir = Dirs.logs()
        self.demo: DemoServer | None = None
        self.key = Secret()
        self.base_url = ""
        self.db_path = Path()
        self.fetcher = MediaFetcher()
        screen = QGuiApplication.primaryScreen()
        self.thumbs = ThumbnailCache(Dirs.cache() / "thumbs", dpr=screen.devicePixelRatio() if screen else 1.0,
                                     parent=self)
        self.player = PlayerController(settings.volume, parent=self)

    def icon(self) -> QIcon:
        return QIcon(str(RESOURCES / "cover-desktop.svg"))

    def saved_key(self) -> Secret:
        return self.keystore.load()

    # -- choosing the server --------------------------------------------------------------------------------------
    def _explicit_base(self) -> str:
        return (self.args.base_url or os.environ.get(ENV_BASE_URL, "")).strip()

    def wants_demo(self, key: Secret) -> bool:
        explicit = self._explicit_base()
        return self.args.demo or (not explicit and (self.settings.use_demo or not key))

    async def start(self) -> None:
        self.key = self.keystore.load()
        REDACT.add(self.key.reveal())
        if self.wants_demo(self.key):
            if self.demo is None:
                self.demo = DemoServer(duration=self.args.demo_duration).start()
            self.base_url, key, folder = self.demo.api_url, Secret(DEMO_KEY), Dirs.data() / "demo"
        else:
            await self._stop_demo()
            self.base_url = normalize_base_url(self._explicit_base() or self.settings.base_url)
            key, folder = self.key, Dirs.data()
        self.db_path = folder / "jobs.sqlite"
        self.client = ApiClient(self.base_url, key.reveal())
        self.store = await AsyncJobStore(self.db_path).open()
        policy = PollPolicy(interval=self.settings.poll_interval, cap=self.settings.poll_cap,
                            timeout=self.settings.poll_timeout_min * 60)
        self.service = JobService(self.store, self.client, policy, parent=self)
        self.library = MediaLibrary(folder / "media", self.store, self.fetcher, parent=self)
        self.service.jobFinished.connect(self.library.keep)
        jobs = await self.service.load()
        # a stat() per clip: for a large library, off the GUI thread
        incomplete = await asyncio.to_thread(
            lambda: [j for j in jobs if any(MediaLibrary.needs_fetch(r) for r in j.clips)])
        for job in incomplete:
            self.library.keep(job)
        log.info("started on %s (%s), %d jobs in history", self.base_url,
                 "demo" if self.demo else "live", len(jobs))

    async def apply(self, result) -> None:
        self.settings = result.settings
        self.settings.save()
        if result.key_changed:
            self.keystore.save(result.key)
        await self._stop_services()
        await self.start()

    async def test_key(self, base_url: str, key: str) -> str:
        if self.demo is not None and base_url == self.demo.api_url:
            key = key or DEMO_KEY
        client = ApiClient(base_url, key)
        try:
            return await client.check_key()
        finally:
            await client.aclose()

    # -- stopping -------------------------------------------------------------------------------------------------------
    async def _stop_services(self) -> None:
        await self.library.aclose()
        await self.service.aclose()
        await self.client.aclose()
        await self.store.close()
        self.service.deleteLater()
        self.library.deleteLater()

    async def _stop_demo(self) -> None:
        if self.demo is not None:
            demo, self.demo = self.demo, None
            await asyncio.to_thread(demo.stop)

    async def aclose(self) -> None:
        self.player.stop()
        await self.thumbs.aclose()
        await self._stop_services()
        await self.fetcher.aclose()
        await self._stop_demo()


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
    window = MainWindow(rt)
    window.closed.connect(quitting.set)
    window.show()
    if keystore.warning:
        window.show_error(keystore.warning)
    await quitting.wait()
    window.hide()
    await window.tasks.cancel_all()
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
