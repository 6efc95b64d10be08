"""PySide6 6.12.0's Signal.emit() drops a reference to True on every call; after a few thousand
emits the interpreter aborts ("bool_dealloc"). This guards the pinned version against that."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from cover_desktop.jobs.model import JobState
from helpers import find, jobs, run, submit, until


class _Emitter(QObject):
    changed = Signal(int, str)


def test_emit_keeps_refcount_of_true():
    e = _Emitter()
    e.changed.connect(lambda *_: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        e.changed.emit(1, "x")
    assert sys.getrefcount(True) >= before - 10


def test_app_signals_over_a_busy_session_keep_refcounts(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        find(win, "pauseAction").trigger()
        win.rt.service.report_reach(False, "x")
        win.rt.service.report_reach(True)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] >= before[0] - 20 and after[1] >= before[1] - 20, (before, after)
