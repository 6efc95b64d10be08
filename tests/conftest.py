"""Shared fixtures: private XDG dirs, the demo server on loopback, and a qasync loop per test.

pytest-qt knows nothing of qasync: async slots doing real httpx I/O need a running asyncio loop,
so GUI tests drive their body with ``run(aloop, coro)``, which runs Qt's loop underneath.
"""

from __future__ import annotations

import asyncio
import os

import pytest
import qasync

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"

from helpers import KEY, Harness  # noqa: E402

from cover_desktop.demo import DemoServer  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the app: cycles are collected on the GUI thread only (see cover_desktop.gcguard)."""
    from cover_desktop.gcguard import MainThreadGC
    guard = MainThreadGC()
    yield guard
    guard.stop()


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
