"""Shared fixtures: private XDG dirs, the demo server on loopback, a qasync loop per test, the job service and
media library factories, and the checks that fail a test that logs an unexpected warning or leaves a thread
or a task running.

pytest-qt knows nothing of qasync: async slots doing real httpx I/O need a running asyncio loop,
so GUI tests drive their body with ``run(aloop, coro)``, which runs Qt's loop underneath.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import re
import time

import pytest
import qasync

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"
os.environ["COVER_DESKTOP_LANGUAGE"] = "en"   # tests read English texts; the French ones ask for French

from cover_desktop.api.client import ApiClient  # noqa: E402
from cover_desktop.demo import DemoServer  # noqa: E402
from cover_desktop.jobs.scheduler import PollPolicy  # noqa: E402
from cover_desktop.jobs.service import JobService  # noqa: E402
from cover_desktop.jobs.store import AsyncJobStore  # noqa: E402
from cover_desktop.media.fetch import MediaFetcher  # noqa: E402
from cover_desktop.media.library import MediaLibrary  # noqa: E402
from helpers import (  # noqa: E402
    FAST_RETRY,
    KEY,
    Harness,
    native_threads,
    python_threads,
    qt_message_to_stderr,
    run,
    thread_leaks,
)


def pytest_configure(config):
    # pytest-qt installs its message capture for each test and then puts back the handler it found. Left
    # to Qt's default, "back" is None, and PySide clears its handler while a Qt thread (a media player's
    # audio renderer) may be inside it waiting for the GIL: it then calls NULL and the suite segfaults.
    # With a Python handler of our own underneath, the one PySide calls is never None.
    from PySide6.QtCore import qInstallMessageHandler
    qInstallMessageHandler(qt_message_to_stderr)


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the app: cycles are collected on the GUI thread only (see cover_desktop.gcguard)."""
    from cover_desktop.gcguard import MainThreadGC
    guard = MainThreadGC()
    # what the imports made lives as long as the run: the collections each closed window asks for (84 ms
    # each over all of it) need not look at it again
    gc.collect()
    gc.freeze()
    yield guard
    gc.unfreeze()
    guard.stop()


@pytest.fixture(scope="session", autouse=True)
def multimedia_loaded(qapp):
    """Qt loads its FFmpeg plugin with the first media player, and the plugin logs while it loads, holding
    the dynamic loader's lock: the Python message handler then waits for the GIL, which a worker thread may
    hold while it waits for that lock (numpy asks the loader who called it) -- the suite hung so. Loaded
    here, before any test has started a thread, it cannot."""
    from PySide6.QtMultimedia import QMediaPlayer
    QMediaPlayer()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_unexpected_log_warnings(request):
    """A WARNING or worse in the log fails the test unless the test declares it with
    ``@pytest.mark.log_warnings(pattern, ...)``: a fault nobody expected must not pass unseen."""
    handler = _Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    allowed = [re.compile(p) for m in request.node.iter_markers("log_warnings") for p in m.args]
    unexpected = [r for r in handler.records
                  if not any(p.search(f"{r.name}: {r.getMessage()}") for p in allowed)]
    if unexpected and not getattr(request.node, "rep_call_failed", False):
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()[:300]}" for r in unexpected[:10])
        pytest.fail(f"unexpected log records at WARNING or above:\n{lines}", pytrace=False)


@pytest.fixture(autouse=True)
def no_leaked_threads(request):
    """A thread the test started and left running (a server, an executor's worker, a decoder, a media player's
    renderer) fails the test: left for later, it runs into the next tests' objects and handlers."""
    before_py, before_native = set(python_threads()), set(native_threads())
    yield
    end = time.monotonic() + 2.0   # threads already told to stop get a moment to finish
    while (leaked := thread_leaks(before_py, before_native)) and time.monotonic() < end:
        time.sleep(0.02)
    if leaked and not getattr(request.node, "rep_call_failed", False):
        pytest.fail("threads left running:\n" + "\n".join(f"  {n}" for n in leaked), pytrace=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.rep_call_failed = True


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    for var in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{var}_HOME", str(tmp_path / var.lower()))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COVER_DESKTOP_API_KEY", raising=False)
    monkeypatch.delenv("COVER_DESKTOP_BASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def demo():
    server = DemoServer(duration=0).start()
    yield server
    server.stop()


async def _wind_down(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Cancel what the test left running and say what it was."""
    me = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks(loop) if t is not me and not t.done()]
    names = [f"{t.get_name()}: {t.get_coro()!r}"[:200] for t in pending]
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    await loop.shutdown_asyncgens()
    return names


@pytest.fixture
def aloop(qapp, request):
    """A qasync loop that counts as running for the whole test, as in the app, where it always runs.

    Between ``run()`` calls Qt may still process events (a widget test pokes it, pytest-qt's teardown), and
    qasync then runs asyncio callbacks; anyio (under httpx) refuses to run those unless a loop is running.
    ``already_running`` is qasync's way of saying so; ``run()`` then spins Qt's event loop, and asyncio's
    with it, until its coroutine is done. The test fails if it leaves a task running.
    """
    executor = qasync.QThreadExecutor()     # what asyncio.to_thread uses; ours, to shut it down here
    loop = qasync.QEventLoop(qapp, already_running=True)
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    # stop() ends the "already running" state; qasync's run_until_complete unmarks the loop on its way out,
    # so a later test's asyncio.run() finds no loop running
    loop.stop()
    left = loop.run_until_complete(_wind_down(loop))
    executor.shutdown(wait=True)
    loop.set_default_executor(None)     # shut down already: close() would do it a second time
    loop.close()
    asyncio.set_event_loop(None)
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()      # unmarked, or a later asyncio.run() would refuse to start
    if left and not getattr(request.node, "rep_call_failed", False):
        pytest.fail("tasks left running:\n" + "\n".join(f"  {n}" for n in left), pytrace=False)


@pytest.fixture
def harness(aloop, request):
    if "demo" in request.fixturenames:
        # started first so that it stops last: the windows close while their server still answers
        request.getfixturevalue("demo")
    h = Harness(aloop)
    yield h
    h.close_all()


@pytest.fixture
def make_library(aloop, tmp_path, request):
    """``make(**fetcher_options)``: a media library on a real store (``tmp_path/jobs.sqlite``) and a real
    fetcher, saving into ``tmp_path/media``; everything it made is closed after the test."""
    if "demo" in request.fixturenames:
        request.getfixturevalue("demo")     # stops after the libraries that fetch from it
    made: list[tuple[AsyncJobStore, MediaFetcher, MediaLibrary]] = []

    def make(*, concurrency: int = 2, retry_base: float = 0.05, **fetcher_options) -> MediaLibrary:
        store = run(aloop, AsyncJobStore(tmp_path / "jobs.sqlite").open())
        fetcher = MediaFetcher(**fetcher_options)
        library = MediaLibrary(tmp_path / "media", store, fetcher, concurrency=concurrency, retry_base=retry_base)
        made.append((store, fetcher, library))
        return library

    yield make
    for store, fetcher, library in reversed(made):
        run(aloop, library.aclose())
        run(aloop, fetcher.aclose())
        run(aloop, store.close())
        library.deleteLater()


@pytest.fixture
def make_service(aloop, demo, tmp_path):
    """``make(store=None, base_url=None)``: a job service on a real store (an unopened ``AsyncJobStore``, by
    default ``tmp_path/jobs.sqlite``) and a real client of the demo server (or ``base_url``), polling every
    50 ms and retrying without real back-off; closed after the test, before the demo server stops."""
    made: list[tuple[JobService, ApiClient, AsyncJobStore]] = []

    def make(store: AsyncJobStore | None = None, *, base_url: str | None = None,
             policy: PollPolicy | None = None) -> JobService:
        store = run(aloop, (store or AsyncJobStore(tmp_path / "jobs.sqlite")).open())
        client = ApiClient(base_url or demo.api_url, KEY, policy=FAST_RETRY)
        svc = JobService(store, client, policy or PollPolicy(interval=0.05))
        run(aloop, svc.load())
        made.append((svc, client, store))
        return svc

    yield make
    for svc, client, store in reversed(made):
        run(aloop, svc.aclose())
        run(aloop, client.aclose())
        run(aloop, store.close())
        svc.deleteLater()


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("COVER_DESKTOP_API_KEY", KEY)
    return KEY


@pytest.fixture
def french():
    """French for this test, as the Settings choose it at start; afterwards the test session's language again."""
    from cover_desktop import i18n
    before = os.environ.pop(i18n.ENV_LANGUAGE, None)
    assert i18n.install("fr") == "fr"
    yield
    if before is not None:
        os.environ[i18n.ENV_LANGUAGE] = before
    i18n.install()
