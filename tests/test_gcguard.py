"""The cycle collector (cover_desktop.gcguard): it collects on the GUI thread only; a full collection follows
CPython's own rule (only once the objects promoted into the oldest generation are a quarter of what the last
one left there), so an idle window with a big history does not go through all of it every minute; a runtime
asked to freeze its history does so once it is read, and gives an old one back when Settings replace it."""

from __future__ import annotations

import gc
import threading
import weakref

from cover_desktop.api.models import CoverRequest
from cover_desktop.app import parse_args
from cover_desktop.gcguard import MainThreadGC, freeze, held, thaw
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.store import JobStore
from cover_desktop.runtime import Runtime, SettingsChange
from cover_desktop.settings import Dirs, KeyStore, Secret, Settings
from helpers import run


def recorded() -> tuple[list[tuple[int, bool]], object]:
    """(generation, on the GUI thread) of every collection from now on, and the callback to remove."""
    seen: list[tuple[int, bool]] = []

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append((info["generation"], threading.current_thread() is threading.main_thread()))

    gc.callbacks.append(callback)
    return seen, callback


def garbage(n: int) -> None:
    for _ in range(n):
        cycle: list = []
        cycle.append(cycle)


def guard() -> MainThreadGC:
    """A guard driven by hand: its timer stopped, automatic collection left off as the session's guard left it."""
    gc.collect()
    g = MainThreadGC()
    g.timer.stop()
    return g


def turns(g: MainThreadGC) -> None:
    """Enough of the guard's turns, each after more allocations than its first threshold, for more
    generation-1 collections than the oldest generation's threshold."""
    t0, t1, t2 = g.threshold
    for _ in range((t1 + 2) * (t2 + 2)):
        garbage(2 * t0)   # a freed list is reused without counting as an allocation: more than t0
        g.check()


def test_garbage_alone_brings_no_full_collection(qapp):
    g = guard()
    seen, callback = recorded()
    try:
        turns(g)
    finally:
        gc.callbacks.remove(callback)
    generations = [gen for gen, _ in seen]
    assert generations.count(1) > g.threshold[2], "the young generations were collected"
    assert 2 not in generations, "nothing new lives on: no need to go through every object"


def test_a_quarter_more_long_lived_objects_bring_a_full_collection(qapp):
    g = guard()
    seen, callback = recorded()
    try:
        kept = [[] for _ in range(g.long_lived // 4 + 1000)]
        turns(g)
    finally:
        gc.callbacks.remove(callback)
    assert 2 in [gen for gen, _ in seen]
    assert len(kept) and g.pending < len(kept), "counted again from the full collection"


def test_what_is_frozen_no_longer_counts_as_long_lived(qapp):
    g = guard()
    history = [[] for _ in range(20_000)]
    freeze()
    seen, callback = recorded()
    try:
        later = [[] for _ in range(2_000)]   # few beside the history, many beside what is not frozen
        turns(g)
    finally:
        gc.callbacks.remove(callback)
        assert thaw()
    assert not thaw(), "nothing left frozen"
    assert 2 in [gen for gen, _ in seen] and len(history) and len(later)


def test_nothing_is_collected_while_held_and_the_turns_after_catch_up(qapp):
    g = guard()
    seen, callback = recorded()
    try:
        with held():
            turns(g)
            assert seen == [], "a history being read is all alive: no pass goes through it"
        garbage(2 * g.threshold[0])
        g.check()
    finally:
        gc.callbacks.remove(callback)
    assert len(seen) == 1


def test_collections_run_on_the_gui_thread_only(qapp):
    g = MainThreadGC(interval_ms=5)
    seen, callback = recorded()
    done = threading.Event()

    def churn() -> None:
        while not done.is_set():
            garbage(5000)

    worker = threading.Thread(target=churn, name="churn")
    worker.start()
    try:
        for _ in range(2000):
            qapp.processEvents()
            if len(seen) >= 5:
                break
            done.wait(0.005)
    finally:
        done.set()
        worker.join()
        g.timer.stop()
        gc.callbacks.remove(callback)
    assert len(seen) >= 5 and all(on_gui for _, on_gui in seen)


def _history() -> None:
    store = JobStore(Dirs.data() / "jobs.sqlite")
    store.add(Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="t1"))
    store.close()


def frozen(obj: object) -> bool:
    return gc.is_tracked(obj) and not any(o is obj for o in gc.get_objects())


def test_a_runtime_freezes_its_history_and_a_rebuild_frees_the_old_one(demo, aloop, tmp_path):
    _history()
    rt = Runtime(parse_args(["--base-url", demo.api_url]), Settings(), KeyStore(), freeze_history=True)
    try:
        run(aloop, rt.start())
        old = next(iter(rt.service.jobs.values()))
        assert frozen(old), "read, then kept out of the collector's way"
        gone = weakref.ref(old)
        del old
        assert run(aloop, rt.apply(SettingsChange({}, Secret("another-key"), key_changed=True)))
        new = next(iter(rt.service.jobs.values()))
        assert gone() is None, "the replaced history was given back to the collector and freed"
        assert frozen(new)
    finally:
        thaw()
        run(aloop, rt.aclose())
