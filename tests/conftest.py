"""Shared fixtures: private XDG dirs, the demo server on loopback, and a qasync loop per test.

pytest-qt knows nothing of qasync: async slots doing real httpx I/O need a running asyncio loop,
so GUI tests drive their body with ``run(aloop, coro)``, which runs Qt's loop underneath.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re

import pytest
import qasync

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"
os.environ["COVER_DESKTOP_LANGUAGE"] = "en"   # tests read English texts; the French ones ask for French

from cover_desktop.demo import DemoServer  # noqa: E402
from helpers import KEY, Harness  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the app: cycles are collected on the GUI thread only (see cover_desktop.gcguard)."""
    from cover_desktop.gcguard import MainThreadGC
    guard = MainThreadGC()
    yield guard
    guard.stop()


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


class _TestLoop(qasync.QEventLoop):
    def run_forever(self):
        try:
            return super().run_forever()
        finally:
            # qasync unmarks the loop, then processes pending Qt events once more: keep it marked
            asyncio.events._set_running_loop(self)


@pytest.fixture
def aloop(qapp):
    """A qasync loop that counts as running for the whole test, as in the app, where it always runs.

    Between ``run()`` calls Qt may still process events (a widget test pokes it), and qasync then runs
    asyncio callbacks; anyio (under httpx) refuses to run those unless a loop is marked running.
    """
    loop = _TestLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for t in pending:
        t.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    # the runs above marked the loop running again on their way out (see _TestLoop): unmark it last, or
    # a later test's asyncio.run() finds a closed loop "running"
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def harness(aloop):
    h = Harness(aloop)
    yield h
    h.close_all()


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("COVER_DESKTOP_API_KEY", KEY)
    return KEY
