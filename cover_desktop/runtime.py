"""Everything with a life cycle, wired together: the (demo) server, the API client, the job store and
service, the media library, thumbnails and the player. It holds the ``Config`` (settings, key, demo or
live: see config.py) and follows it: ``apply`` saves what Settings changed and rebuilds the server-bound part
only when the config's identity (server, key) changed, then says so with ``rebound``; every pane binds again
to the new service and library, none keeps the old ones. A Save that changes neither rebuilds nothing.

The start does only what the window's first paint needs, and overlaps what it can: the two HTTP clients
(each reads the CA bundle for TLS, ~20 ms) are made in worker threads while the job history is read in
the store's. Work the window does not wait for, the media fetches earlier sessions left unfinished and
the player, waits for ``window_shown()`` when the caller asks ``start(defer=True)``. The HTTP clients'
and the demo server's code is imported by ``start``, not with this module: a window that paints before
the runtime starts need not wait for httpx."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from . import gcguard
from .api.errors import NetworkError
from .config import Config, DemoReason, Overrides
from .jobs.recovery import open_store
from .jobs.scheduler import PauseReason, PollPolicy
from .jobs.service import JobService
from .jobs.store import AsyncJobStore
from .logsetup import REDACT
from .media.library import MediaLibrary
from .media.peaks import PeaksCache
from .media.player import PlayerController
from .media.thumbs import ThumbnailCache
from .settings import Dirs, KeyStatus, KeyStore, Secret, Settings
from .tasks import TaskSet

if TYPE_CHECKING:
    from .api.client import ApiClient
    from .api.retry import RetryPolicy
    from .demo.server import DemoServer
    from .media.fetch import MediaFetcher

log = logging.getLogger(__name__)


def demo_key() -> str:
    from .demo.protocol import DEMO_KEY
    return DEMO_KEY


class Clock(Protocol):
    """Wall-clock and monotonic time (the ``time`` module is one)."""
    def time(self) -> float: ...
    def monotonic(self) -> float: ...


class StartOptions(Protocol):
    demo: bool
    base_url: str | None
    demo_duration: float


@dataclass
class SettingsChange:
    """What Settings' Save asks for: the fields it edits, and the key when it was edited."""
    values: dict[str, object]
    key: Secret
    key_changed: bool


class Runtime(QObject):
    unbinding = Signal()    # service and library are about to be replaced: let go of them
    rebound = Signal()      # service and library were replaced (after Settings changed the server or key)
    ready = Signal()        # the first start is done: service and library are there (a window shown before binds)

    def __init__(self, options: StartOptions, settings: Settings, keystore: KeyStore, *,
                 api_client: Callable[..., ApiClient] | None = None, retry_policy: RetryPolicy | None = None,
                 clock: Clock = time, freeze_history: bool = False):
        """``api_client`` (called as ``ApiClient`` is), ``retry_policy`` and ``clock`` replace what the runtime
        would make: tests wait out no real back-off and move time instead of waiting for it.

        ``freeze_history``: once read, the job history (with everything else alive then) is kept out of the
        cycle collector's full collections (gcguard.freeze), which at 100,000 clips take 0.7 s each on the
        GUI thread; a rebuild gives the old one back and freezes the new. For the app's one runtime: a
        process freezes what it holds, so a test's runtime would keep what other tests left."""
        super().__init__()
        self._freeze = freeze_history
        self.options = options
        self._make_client = api_client
        self._retry_policy = retry_policy
        self._clock = clock
        self.config = Config(settings, keystore, Overrides.from_options(options), parent=self)
        self.log_dir = Dirs.logs()
        self.demo: DemoServer | None = None
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
        self._rebuilding = False
        # said to the user once the window shows: settings ignored, a damaged history moved aside
        self.startup_notes: list[str] = [f"A setting was ignored: {line}" for line in settings.ignored]

    @property
    def settings(self) -> Settings:
        """The saved settings, read-only here: changes go through ``config``."""
        return self.config.settings

    @property
    def keystore(self) -> KeyStore:
        return self.config.keystore

    @property
    def key(self) -> Secret:
        return self.config.key

    @property
    def demo_reason(self) -> DemoReason:
        return self.config.server().demo

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

    # -- choosing the server -----------------------------------------------------------------------------
    async def start(self, defer: bool = False) -> None:
        """Start (or restart after ``apply``) on the server the settings choose. With ``defer``, fetching what
        earlier sessions left unfinished waits for ``window_shown()``: it checks every clip's files."""
        if not self._freeze or self._rebuilding:
            await self._start(defer)
        else:
            # the history read is all alive: no collection goes through it while it is read, none once it is
            with gcguard.held():
                await self._start(defer)
                gcguard.freeze()
        if not self._rebuilding:
            self.ready.emit()

    async def _start(self, defer: bool) -> None:
        from .api.client import ApiClient, normalize_base_url
        from .media.fetch import MediaFetcher

        key = self.config.reload_key()
        REDACT.add(key.reveal())
        server = self.config.server()
        demo = server.is_demo
        if self.config.key_status is KeyStatus.UNREADABLE:
            self.startup_notes.append("The system keyring could not be read (is it locked?), so no key is in use: "
                                      "unlock it and open Settings, or enter the key there.")
        self.data_dir = Dirs.data() / "demo" if demo else Dirs.data()
        async def make_fetcher() -> None:
            if self._fetcher is None:
                self._fetcher = await asyncio.to_thread(MediaFetcher)

        async def connect() -> ApiClient:
            api_key = key
            if demo:
                if self.demo is None:
                    from .demo.server import DemoServer
                    # the demo keeps its tasks in the profile, so a restart mid-job does not turn it into a failure
                    self.demo = DemoServer(duration=self.options.demo_duration,
                                           state_file=Dirs.data() / "demo" / "demo-server.json").start()
                self.base_url, api_key = self.demo.api_url, Secret(demo_key())
            else:
                await self._stop_demo()
                self.base_url = normalize_base_url(server.base_url)
            return await asyncio.to_thread(self._make_client or ApiClient, self.base_url, api_key.reveal(),
                                           policy=self._retry_policy,
                                           allow_insecure=self.settings.allow_insecure_http)

        # the history is read in the store's thread while the clients are made in others; all three finish
        # (a failure of one too) before this goes on, so nothing is left running and aclose() closes the store
        opened, made, connected = await asyncio.gather(open_store(self.db_path), make_fetcher(), connect(),
                                                       return_exceptions=True)
        if not isinstance(opened, BaseException):
            self._store, note = opened       # kept on a failure below too: aclose() closes it
            if note:
                self.startup_notes.append(note)
        if not isinstance(connected, BaseException):
            self._client = connected
        for outcome in (opened, made, connected):
            if isinstance(outcome, BaseException):
                raise outcome
        store, client = self._store, self._client
        if store is None or client is None:
            raise RuntimeError("the job history or the API client was not made")
        # media links may reach this machine or the local network only when the API itself is there
        self.fetcher.api_base = self.base_url
        self._service = JobService(store, client, self._policy(), parent=self)
        self._service.scheduler.wall_clock, self._service.scheduler.monotonic = self._clock.time, self._clock.monotonic
        self._library = MediaLibrary(self.data_dir / "media", store, self.fetcher, parent=self)
        self._service.jobFinished.connect(self._library.fetch_missing)
        jobs = await self._service.load()
        if self.config.key_status is KeyStatus.UNREADABLE and not demo:
            # nothing to send: every poll would be refused, and "key not accepted" would be the wrong words
            self._service.pause(PauseReason.KEY_UNREADABLE)
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

    async def apply(self, change: SettingsChange) -> bool:
        """Save what Settings changed; rebuild the service and library only when the server or the key
        changed (True then). Raises OSError when the settings cannot be saved (nothing changed then)."""
        before, data_dir = self.config.identity(), self.data_dir
        names = self.config.update(**change.values)
        if change.key_changed:
            self.config.set_key(change.key)
        if self.config.identity() == before:
            if self.config.poll_changed(names) and self._service is not None:
                self._service.set_policy(self._policy())
            return False
        self.unbinding.emit()
        self._rebuilding = True
        try:
            await self._stop_services()
            await self.start()
        finally:
            self._rebuilding = False
        if self.data_dir != data_dir:
            self.player.unload()   # its file belongs to the other history
        self.rebound.emit()
        if self._freeze and gcguard.thaw():
            # the views hold the new history now: the old one is garbage, freed by this one full collection
            gc.collect()
            gcguard.freeze()
        return True

    def _policy(self) -> PollPolicy:
        s = self.settings
        return PollPolicy(interval=s.poll_interval, cap=s.poll_cap, timeout=s.poll_timeout_min * 60)

    async def test_key(self, base_url: str, key: str) -> str:
        if self.demo is not None and base_url == self.demo.api_url:
            key = key or demo_key()
        from .api.client import ApiClient

        client = (self._make_client or ApiClient)(base_url, key, policy=self._retry_policy,
                                                  allow_insecure=self.settings.allow_insecure_http)
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
