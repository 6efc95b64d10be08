"""The suite's own safety checks: what a test leaves running is found and named, the loop fixture behaves as
the app's loop does, and Qt's messages always have a handler to go to."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
import qasync
from PySide6.QtCore import qInstallMessageHandler

from cover_desktop.demo import DemoServer
from helpers import native_threads, python_threads, qt_message_to_stderr, run, thread_leaks


def snapshot() -> tuple[set[int], set[int]]:
    return set(python_threads()), set(native_threads())


def test_a_demo_server_left_running_is_found_and_named():
    before = snapshot()
    server = DemoServer(duration=0).start()
    try:
        leaks = thread_leaks(*before)
        assert any("demo-api" in t and "serve_forever" in t for t in leaks), leaks
        assert any("demo-media" in t for t in leaks), leaks
    finally:
        server.stop()
    assert thread_leaks(*before) == []


def test_qthreads_running_python_are_found_though_threading_does_not_list_them():
    before = snapshot()
    executor = qasync.QThreadExecutor(2)    # what asyncio.to_thread uses under qasync
    try:
        assert executor.submit(threading.get_ident).result(timeout=5) not in {t.ident for t in threading.enumerate()}
        end = time.monotonic() + 10      # a QThread shows once it runs Python: give the second its start
        while len(leaks := thread_leaks(*before)) < 2 and time.monotonic() < end:
            time.sleep(0.01)
        assert len(leaks) == 2 and all(t.startswith("a QThread started in qasync/") for t in leaks), leaks
    finally:
        executor.shutdown(wait=True)
    assert thread_leaks(*before) == []


def test_a_thread_still_running_is_named_by_where_it_started():
    before = snapshot()
    release = threading.Event()
    t = threading.Thread(target=release.wait, name="forgotten-writer")
    t.start()
    try:
        (leak,) = thread_leaks(*before)
        assert leak.startswith("forgotten-writer started in ") and "threading.py" in leak
    finally:
        release.set()
        t.join()


def test_the_loop_counts_as_running_between_runs_as_in_the_app(aloop):
    assert asyncio.get_running_loop() is aloop, "a widget's async slot may run between run() calls"
    assert run(aloop, asyncio.sleep(0, "done")) == "done"
    assert asyncio.get_running_loop() is aloop


@pytest.mark.no_qt_log
def test_qt_messages_never_go_to_a_cleared_python_handler():
    # pytest-qt captures Qt's messages for each test and then puts back what it found; PySide crashes a Qt
    # thread that logs while the handler it holds is cleared (None), so what it finds must be ours
    found = qInstallMessageHandler(qt_message_to_stderr)
    assert found is qt_message_to_stderr
