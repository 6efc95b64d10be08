"""Everything with a life cycle, wired together: the (demo) server, the API client, the job store and
service, the media library, thumbnails and the player. ``apply`` rebuilds the server-bound part after
Settings change the server or the key, and says so with ``rebound``."""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from .api.client import ApiClient, normalize_base_url
from .api.errors import NetworkError
from .demo import DEMO_KEY, DemoServer
from .jobs.recovery import open_store
from .jobs.scheduler import PollPolicy
from .jobs.service import JobService
from .jobs.store import AsyncJobStore
from .logsetup import REDACT
from .media.fetch import MediaFetcher
from .media.library import MediaLibrary
from .media.peaks import PeaksCache
from .media.player import PlayerController
from .media.thumbs import ThumbnailCache
from .settings import ENV_BASE_URL, Dirs, KeyStore, Secret, Settings

log = logging.getLogger(__name__)


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
        self.fetcher = MediaFetcher()
        screen = QGuiApplication.primaryScreen()
        self.thumbs = ThumbnailCache(Dirs.cache() / "thumbs", dpr=screen.devicePixelRatio() if screen else 1.0,
                                     parent=self)
        self.peaks = PeaksCache(Dirs.cache() / "peaks", parent=self)
        self.player = PlayerController(settings.volume, parent=self)
        self._client: ApiClient | None = None
        self._store: AsyncJobStore | None = None
        self._service: JobService | None = None
        self._library: MediaLibrary | None = None
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

    def saved_key(self) -> Secret:
        return self.keystore.load()

    # -- choosing the server -----------------------------------------------------------------------------
    def _explicit_base(self) -> str:
        return (self.options.base_url or os.environ.get(ENV_BASE_URL, "")).strip()

    def wants_demo(self, key: Secret) -> bool:
        return self.options.demo or (not self._explicit_base() and (self.settings.use_demo or not key))

    async def start(self) -> None:
        self.key = self.keystore.load()
        REDACT.add(self.key.reveal())
        if self.wants_demo(self.key):
            if self.demo is None:
                # the demo keeps its tasks in the profile, so a restart mid-job does not turn it into a failure
                self.demo = DemoServer(duration=self.options.demo_duration,
                                       state_file=Dirs.data() / "demo" / "demo-server.json").start()
            self.base_url, key, self.data_dir = self.demo.api_url, Secret(DEMO_KEY), Dirs.data() / "demo"
        else:
            await self._stop_demo()
            self.base_url = normalize_base_url(self._explicit_base() or self.settings.base_url)
            key, self.data_dir = self.key, Dirs.data()
        self._client = ApiClient(self.base_url, key.reveal(), allow_insecure=self.settings.allow_insecure_http)
        self._store, note = await open_store(self.db_path)
        if note:
            self.startup_notes.append(note)
        policy = PollPolicy(interval=self.settings.poll_interval, cap=self.settings.poll_cap,
                            timeout=self.settings.poll_timeout_min * 60)
        self._service = JobService(self._store, self._client, policy, parent=self)
        self._library = MediaLibrary(self.data_dir / "media", self._store, self.fetcher, parent=self)
        self._service.jobFinished.connect(self._library.keep)
        jobs = await self._service.load()
        await self._library.resume(jobs)
        log.info("started on %s (%s), %d jobs in history", self.base_url,
                 "demo" if self.demo else "live", len(jobs))

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
            key = key or DEMO_KEY
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
        await self.thumbs.aclose()
        await self.peaks.aclose()
        await self._stop_services()
        await self.fetcher.aclose()
        await self._stop_demo()
