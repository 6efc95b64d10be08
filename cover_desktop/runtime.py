"""Everything with a life cycle, wired together: the (demo) server, the API client, the job store and
service, the media library, thumbnails and the player. ``apply`` rebuilds the server-bound part after
Settings change the server or the key, and says so with ``rebound``.

The start does only what the window's first paint needs, and overlaps what it can: the two HTTP clients
(each reads the CA bundle for TLS, ~20 ms) are made in worker threads while the job history is read in
the store's. Work the window does not wait for, the media fetches earlier sessions left unfinished and
the player, waits for ``window_shown()`` when the caller asks ``start(defer=True)``. The HTTP clients'
and the demo server's code is imported by ``start``, not with this module: a window that paints before
the runtime starts need not wait for httpx."""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from .api.errors import NetworkError
from .jobs.recovery import open_store
from .jobs.scheduler import PollPolicy
from .jobs.service import JobService
from .jobs.store import AsyncJobStore
from .logsetup import REDACT
from .media.library import MediaLibrary
from .media.peaks import PeaksCache
from .media.player import PlayerController
from .media.thumbs import ThumbnailCache
from .settings import ENV_BASE_URL, Dirs, KeyStore, Secret, Settings
from .tasks import TaskSet

if TYPE_CHECKING:
    from .api.client import ApiClient
    from .demo.server import DemoServer
    from .media.fetch import MediaFetcher

log = logging.getLogger(__name__)


def demo_key() -> str:
    from .demo.protocol import DEMO_KEY
    return DEMO_KEY


class StartOptions(Protocol):
    demo: bool
    base_url: str | None
    demo_duration: float


@dataclass
class SettingsChange:
    settings: Settings
    key: Secret
    key_changed: bool


class Runtime(QObject):
    rebound = Signal()      # service and library were replaced (after Settings changed the server or key)

    def __init__(self, options: StartOptions, settings: Settings, keystore: KeyStore):
        super().__init__()
        self.options = options
        self.settings = settings
        self.keystore = keystore
        self.log_dir = Dirs.logs()
        self.demo: DemoServer | None = None
        self.key = Secret()
        self.base_url = ""
        self.data_dir = Path()
        self._fetcher: MediaFetcher | None = None
        screen = QGuiApplication.primaryScreen()
        self.thumbs = ThumbnailCache(Dirs.cache() / "thumbs", dpr=screen.devicePixelRatio() if screen else 1.0,
                                     parent=self)
        self.peaks = PeaksCache(Dirs.cache() / "peaks", parent=self)
        self.player = PlayerController(settings.volume, parent=self)
        self._client: ApiClient | None = None
        self._store: AsyncJobStore | None = None
        self._service: JobService | None = None
        self._library: MediaLibrary | None = None
        self._tasks = TaskSet(name="runtime")
        self._shown = False
        # said to the user once the window shows: settings ignored, a damaged history moved aside
        self.startup_notes: list[str] = [f"A setting was ignored: {line}" for line in settings.ignored]

    # -- what the window uses ----------------------------------------------------------------------------
    @property
    def service(self) -> JobService:
        if self._service is None:
            raise RuntimeError("the runtime has not started")
        return self._service

    @property
    def library(self) -> MediaLibrary:
        if self._library is None:
            raise RuntimeError("the runtime has not started")
        return self._library

    @property
    def is_demo(self) -> bool:
        return self.demo is not None

    @property
    def db_path(self) -> Path:
        return self.data_dir / "jobs.sqlite"

    @property
    def host(self) -> str:
        return self.base_url.split("//", 1)[-1]

    @property
    def started(self) -> bool:
        """``service`` and ``library`` are there (``start`` has run)."""
        return self._service is not None

    @property
    def fetcher(self) -> MediaFetcher:
        """The media host's client (made during ``start``, off the GUI thread)."""
        if self._fetcher is None:
            from .media.fetch import MediaFetcher
            self._fetcher = MediaFetcher()
        return self._fetcher

    def saved_key(self) -> Secret:
        return self.keystore.load()

    # -- choosing the server -----------------------------------------------------------------------------
    def _explicit_base(self) -> str:
        return (self.options.base_url or os.environ.get(ENV_BASE_URL, "")).strip()

    def wants_demo(self, key: Secret) -> bool:
        return self.options.demo or (not self._explicit_base() and (self.settings.use_demo or not key))

    async def start(self, defer: bool = False) -> None:
        """Start (or restart after ``apply``) on the server the settings choose. With ``defer``, fetching what
        earlier sessions left unfinished waits for ``window_shown()``: it checks every clip's files."""
        from .api.client import ApiClient, normalize_base_url
        from .media.fetch import MediaFetcher

        self.key = self.keystore.load()
        REDACT.add(self.key.reveal())
        demo = self.wants_demo(self.key)
        self.data_dir = Dirs.data() / "demo" if demo else Dirs.data()
        # the history is read in the store's thread while the clients are made in others
        opening = asyncio.ensure_future(open_store(self.db_path))
        making_fetcher = asyncio.ensure_future(asyncio.to_thread(MediaFetcher)) if self._fetcher is None else None
        try:
            if demo:
                if self.demo is None:
                    from .demo.server import DemoServer
                    # the demo keeps its tasks in the profile, so a restart mid-job does not turn it into a failure
                    self.demo = DemoServer(duration=self.options.demo_duration,
                                           state_file=Dirs.data() / "demo" / "demo-server.json").start()
                self.base_url, key = self.demo.api_url, Secret(demo_key())
            else:
                await self._stop_demo()
                self.base_url = normalize_base_url(self._explicit_base() or self.settings.base_url)
                key = self.key
            self._client = await asyncio.to_thread(ApiClient, self.base_url, key.reveal(),
                                                   allow_insecure=self.settings.allow_insecure_http)
        finally:
            # on a failure above too: nothing is left running, and the store is closed by aclose()
            if making_fetcher is not None:
                self._fetcher = await making_fetcher
            self._store, note = await opening
        if note:
            self.startup_notes.append(note)
        policy = PollPolicy(interval=self.settings.poll_interval, cap=self.settings.poll_cap,
                            timeout=self.settings.poll_timeout_min * 60)
        self._service = JobService(self._store, self._client, policy, parent=self)
        self._library = MediaLibrary(self.data_dir / "media", self._store, self.fetcher, parent=self)
        self._service.jobFinished.connect(self._library.keep)
        jobs = await self._service.load()
        if defer and not self._shown:
            log.info("started on %s (%s), %d jobs in history; media checked once the window shows",
                     self.base_url, "demo" if self.demo else "live", len(jobs))
        else:
            await self._resume_media()

    def window_shown(self) -> None:
        """The window has painted: the work ``start(defer=True)`` put off may run now, in the background."""
        if self._shown:
            return
        self._shown = True
        if self._library is not None:
            self._tasks.spawn(self._resume_media(), "checking the kept clips")

    async def _resume_media(self) -> None:
        library, service = self._library, self._service
        if library is None or service is None:
            return
        jobs = list(service.jobs.values())
        unfinished = await library.resume(jobs)
        log.info("started on %s (%s), %d jobs in history, %d with media to fetch", self.base_url,
                 "demo" if self.demo else "live", len(jobs), unfinished)

    async def apply(self, change: SettingsChange) -> None:
        self.player.unload()
        self.settings = change.settings
        self.settings.save()
        if change.key_changed:
            self.keystore.save(change.key)
        await self._stop_services()
        await self.start()
        self.rebound.emit()

    async def test_key(self, base_url: str, key: str) -> str:
        if self.demo is not None and base_url == self.demo.api_url:
            key = key or demo_key()
        from .api.client import ApiClient

        client = ApiClient(base_url, key, allow_insecure=self.settings.allow_insecure_http)
        try:
            answer = await client.check_key()
        except NetworkError as err:
            if base_url == self.base_url and self._service is not None:
                self._service.report_reach(False, err.message)
            raise
        finally:
            await client.aclose()
        if base_url == self.base_url and self._service is not None:
            self._service.report_reach(True)
        return answer

    # -- stopping ----------------------------------------------------------------------------------------
    async def _stop_services(self) -> None:
        if self._library is not None:
            await self._library.aclose()
            self._library.deleteLater()
            self._library = None
        if self._service is not None:
            await self._service.aclose()
            self._service.deleteLater()
            self._service = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._store is not None:
            await self._store.close()
            self._store = None

    async def _stop_demo(self) -> None:
        if self.demo is not None:
            demo, self.demo = self.demo, None
            await asyncio.to_thread(demo.stop)

    async def aclose(self) -> None:
        self.player.stop()
        await self._tasks.aclose()
        await self.thumbs.aclose()
        await self.peaks.aclose()
        await self._stop_services()
        if self._fetcher is not None:
            await self._fetcher.aclose()
        await self._stop_demo()
