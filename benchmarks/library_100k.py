"""100,000 clips (and the search at 10,000): the history read and listed, the library's first show, a
search keystroke, a download's progress, and memory after the library was shown and scrolled.

The profiles are written by the store's own code (``common.make_store``, varied: each job its own eight lines
of lyrics, twelve styles, notes on every tenth clip). Same-run baselines: SQLite alone reading the same rows,
a bare QListView over a QStringListModel of as many strings (first paint, a reset), a repaint of one row of
the same view (progress), the process before it read the history (memory). The GUI loop's lateness is a
5 ms ticker's, while the store reads in its thread. Prints figures; asserts nothing.

    python benchmarks/library_100k.py
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
import time
from pathlib import Path

from common import lateness_while, make_store, percentile, private_dirs, report, rss_mb

# typed forward then back to empty, as a musician types and corrects; each round a model of its own
QUERIES = ["neon river", "delta blues 42", "song 4711", "keep the mirror", "upl0004"]


def sqlite_alone(db: Path) -> float:
    import sqlite3

    con = sqlite3.connect(str(db))
    t = time.perf_counter()
    con.execute("SELECT * FROM jobs").fetchall()
    con.execute("SELECT c.job_id, c.clip_id, c.data, m.audio_path, m.image_path, m.media_error FROM clips c"
                " LEFT JOIN clip_media m ON m.job_id = c.job_id AND m.clip_id = c.clip_id").fetchall()
    con.execute("SELECT job_id, at, raw_status FROM status_history").fetchall()
    con.close()
    return (time.perf_counter() - t) * 1000


def bare_view(n: int):
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    view = QListView()
    view.setUniformItemSizes(True)
    model = QStringListModel()
    view.setModel(model)
    view.resize(600, 700)
    view.show()
    QApplication.processEvents()
    rows = [f"Song {i}" for i in range(n)]
    t = time.perf_counter()
    model.setStringList(rows)
    view.viewport().repaint()
    first = (time.perf_counter() - t) * 1000
    return view, model, rows, first


def clips_view(jobs: list, thumbs_dir: Path):
    """The clip list as the clips pane makes it: its model, delegate and cover wiring, the library shown."""
    from PySide6.QtWidgets import QApplication, QListView

    from cover_desktop.media.thumbs import ThumbnailCache
    from cover_desktop.ui.clips_model import ClipsModel
    from cover_desktop.ui.cover_loading import follow_covers
    from cover_desktop.ui.delegates import ClipDelegate

    thumbs = ThumbnailCache(thumbs_dir)
    model = ClipsModel(thumbs)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setItemDelegate(ClipDelegate(view))
    view.setModel(model)
    follow_covers(view, model)
    view.resize(600, 700)
    view.show()
    QApplication.processEvents()
    t = time.perf_counter()
    model.show_library(jobs)
    view.viewport().repaint()
    return view, model, thumbs, (time.perf_counter() - t) * 1000


async def keystrokes(jobs: list, root: Path, label: str) -> list[float]:
    """ms per keystroke (the filters set, the list reset, the view repainted) over every query, each typed on a
    fresh clip list (nothing kept from another query) and taken back to nothing."""
    from PySide6.QtWidgets import QApplication

    from cover_desktop.ui.library_view import LibraryView

    times: list[float] = []
    for n, query in enumerate(QUERIES):
        view, model, thumbs, _ = clips_view(jobs, root / f"thumbs-keys-{label}-{n}")
        # the musician moves to the search field: a second or two in which a tree may prepare (a tree that
        # builds its search texts while the loop is idle gets up to 5 s; the time it took is printed)
        t = time.perf_counter()
        warming = getattr(model, "_warming", None)
        await asyncio.sleep(1.0)
        while warming is not None and warming.isActive() and time.perf_counter() - t < 5:
            await asyncio.sleep(0.05)
        if warming is not None:
            print(f"  {label} round {n}: search texts ready {time.perf_counter() - t:.1f} s after the first show")
        typed = [query[:i] for i in range(1, len(query) + 1)] + [query[:i] for i in range(len(query) - 1, -1, -1)]
        for text in typed:
            t = time.perf_counter()
            model.set_filters(LibraryView(query=text, sort="rating" if n == 2 else "date"))
            QApplication.processEvents()
            view.viewport().repaint()
            times.append((time.perf_counter() - t) * 1000)
        view.close()
        await thumbs.aclose()
    return times


async def history(db: Path) -> tuple[list, float, float, float]:
    """The history read in the store's thread and every job listed: total ms, the loop's worst lateness
    during the read, and the longest the GUI thread then spent listing the jobs."""
    from PySide6.QtWidgets import QListView

    from cover_desktop.jobs.store import AsyncJobStore
    from cover_desktop.ui.jobs_model import JobsModel

    t = time.perf_counter()
    with gc_held():   # as the app's runtime does: nothing collected during the read, the history frozen after
        store = await AsyncJobStore(db).open()
        lags, jobs = await lateness_while(store.all_jobs())
        gc_freeze()
    await store.close()
    t_list = time.perf_counter()
    model = JobsModel()
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    view.resize(500, 700)
    view.show()
    model.set_jobs(jobs)
    view.viewport().repaint()
    listing = (time.perf_counter() - t_list) * 1000
    total = (time.perf_counter() - t) * 1000
    CLOCK.append(clock_tick(view, model, jobs))
    view.close()
    return jobs, total, max(lags, default=0.0), listing


CLOCK: list[tuple[float, float]] = []   # (ms per tick of a running job's clock, ms per repaint of its row)


def clock_tick(view, model, jobs: list) -> tuple[float, float]:
    """A running job's clock moving on (once a second), all the jobs listed, as the jobs pane wires it;
    against a repaint of that row alone."""
    from PySide6.QtWidgets import QApplication

    from cover_desktop.jobs.model import JobState

    moved = getattr(model, "clockMoved", None)
    if moved is not None:   # the pane repaints the rows it names
        moved.connect(lambda rows: [view.update(model.index(r)) for r in rows])
    job = model.job_at(3)
    state, job.state = job.state, JobState.RUNNING
    model.changed(job)
    QApplication.processEvents()
    per, base = [], []
    for _ in range(20):
        t = time.perf_counter()
        model._refresh_running()
        QApplication.processEvents()
        per.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view.update(model.index(3))
        QApplication.processEvents()
        base.append((time.perf_counter() - t) * 1000)
    job.state = state
    model.changed(job)
    return statistics.median(per), statistics.median(base)


async def progress(view, model, steps: int = 30) -> tuple[float, float]:
    """ms per download step of the clip in row 2 (its progress changed, as the library says it), against a
    repaint of that row alone."""
    from PySide6.QtWidgets import QApplication

    job, rec = model.at(2)
    per, base = [], []
    for i in range(steps):
        rec.progress = i / steps
        t = time.perf_counter()
        model.clip_changed(job.id, rec.id)
        QApplication.processEvents()
        per.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view.update(model.index(2))
        QApplication.processEvents()
        base.append((time.perf_counter() - t) * 1000)
    rec.progress = -1.0
    return statistics.median(per), statistics.median(base)


def gc_held():
    """gcguard.held(), in a tree that has it (the runtime holds collections while the history is read)."""
    import contextlib

    from cover_desktop import gcguard
    return getattr(gcguard, "held", contextlib.nullcontext)()


def gc_freeze() -> None:
    from cover_desktop import gcguard
    getattr(gcguard, "freeze", lambda: None)()


def gc_thaw() -> None:
    from cover_desktop import gcguard
    getattr(gcguard, "thaw", lambda: None)()


PAUSES: dict[int, list[float]] = {0: [], 1: [], 2: []}   # ms of each collection of the cycle collector
OWN = [False]   # a collection the benchmark asks for itself (before measuring memory) is not the app's


def collect() -> None:
    OWN[0] = True
    try:
        gc.collect()
    finally:
        OWN[0] = False


def time_collections() -> None:
    started = [0.0]

    def callback(phase: str, info: dict) -> None:
        if OWN[0]:
            return
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            PAUSES[info["generation"]].append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(callback)


async def scenario(root: Path) -> None:
    from PySide6.QtWidgets import QApplication

    t = time.perf_counter()
    db = root / "jobs-100k.sqlite"
    make_store(db, 100_000, root / "media", varied=True)
    print(f"profile of 100,000 clips written in {time.perf_counter() - t:.1f} s")
    collect()
    rss0 = rss_mb()
    raw = sqlite_alone(db)
    jobs, total, lag, listing = await history(db)
    print(f"history: {total:.0f} ms to read and list {len(jobs)} jobs (SQLite alone {raw:.0f} ms); the loop's "
          f"worst lateness while the store read {lag:.1f} ms; the jobs listed in {listing:.0f} ms on the GUI thread")
    report("history read and every job listed, 100,000 clips", total, "ms", baseline=raw,
           baseline_name="SQLite alone, same rows", goal="<= 1000 ms")
    report("GUI thread blocked the longest while the history loads, 100,000 clips", max(lag, listing), "ms",
           goal="<= 16 ms")

    tick, repaint = CLOCK[0]
    print(f"a running job's clock, 50,000 jobs listed: {tick:.2f} ms a tick (a repaint of its row {repaint:.2f} ms)")
    report("a running job's clock tick, 50,000 jobs listed", tick, "ms", baseline=repaint,
           baseline_name="a repaint of its row", goal="ratio <= 2")

    bare, bare_model, rows, bare_first = bare_view(100_000)
    view, model, thumbs, first = clips_view(jobs, root / "thumbs-show")
    print(f"library first show, 100,000 clips: {first:.0f} ms (bare QListView {bare_first:.0f} ms)")
    report("library first show, 100,000 clips", first, "ms", baseline=bare_first,
           baseline_name="bare QListView, 100,000 strings", goal="<= 100 ms")

    per, base = await progress(view, model)
    print(f"a download step: {per:.2f} ms (a repaint of its row {base:.2f} ms)")
    report("a download's progress step, 100,000 clips listed", per, "ms", baseline=base,
           baseline_name="a repaint of its row", goal="ratio <= 2")

    bar = view.verticalScrollBar()
    for _ in range(150):   # some pages with their covers, then the far end and back
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        await asyncio.sleep(0.005)
    for value in (bar.maximum(), bar.maximum() // 2, 0):
        bar.setValue(value)
        view.viewport().repaint()
        await asyncio.sleep(0.2)
    collect()
    rss = rss_mb()
    print(f"RSS after the library was shown and scrolled: {rss:.0f} MB (before the history {rss0:.0f} MB)")
    report("RSS with 100,000 clips, the library shown and scrolled", rss, "MB", baseline=rss0,
           baseline_name="the process before reading the history", goal="<= 250 MB")
    view.close()
    await thumbs.aclose()

    times: list[float] = []
    for _ in range(len(QUERIES)):
        t = time.perf_counter()
        bare_model.setStringList(rows)
        QApplication.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    bare_reset = statistics.median(times)
    bare.close()
    keys = await keystrokes(jobs, root, "100k")
    print("  slowest keystrokes (ms): " + ", ".join(f"{k:.0f}" for k in sorted(keys)[-8:]))
    print(f"search, 100,000 clips, {len(keys)} keystrokes: median {percentile(keys, 0.5):.1f} ms, p95 "
          f"{percentile(keys, 0.95):.1f} ms, max {max(keys):.0f} ms (bare list reset {bare_reset:.1f} ms)")
    report("library search per keystroke, 100,000 clips (p95)", percentile(keys, 0.95), "ms", baseline=bare_reset,
           baseline_name="bare QListView reset, 100,000 rows", goal="<= 16 ms")
    del jobs, keys
    gc_thaw()   # the app has one history; here the next one replaces it, as after Settings' Save
    collect()

    db10 = root / "jobs-10k.sqlite"
    make_store(db10, 10_000, root / "media", varied=True)
    jobs10, *_ = await history(db10)
    bare, bare_model, rows, _ = bare_view(10_000)
    times = []
    for _ in range(len(QUERIES)):
        t = time.perf_counter()
        bare_model.setStringList(rows)
        QApplication.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    bare.close()
    keys = await keystrokes(jobs10, root, "10k")
    print(f"search, 10,000 clips, {len(keys)} keystrokes: median {percentile(keys, 0.5):.1f} ms, p95 "
          f"{percentile(keys, 0.95):.1f} ms (bare list reset {statistics.median(times):.1f} ms)")
    full = PAUSES[2]
    print(f"cycle collector on the GUI thread: {len(full)} full collections, longest {max(full, default=0):.0f} ms, "
          f"{sum(full):.0f} ms in all; {len(PAUSES[1])} of generation 1, longest {max(PAUSES[1], default=0):.0f} ms; "
          f"{len(PAUSES[0])} of generation 0, longest {max(PAUSES[0], default=0):.0f} ms")
    report("the cycle collector's longest pause on the GUI thread, 100,000 then 10,000 clips",
           max(max(p, default=0.0) for p in PAUSES.values()), "ms", goal="<= 16 ms")
    report("library search per keystroke, 10,000 clips (p95)", percentile(keys, 0.95), "ms",
           baseline=statistics.median(times), baseline_name="bare QListView reset, 10,000 rows", goal="<= 8 ms")


def main() -> None:
    tmp = Path(private_dirs())
    import qasync
    from PySide6.QtWidgets import QApplication

    from cover_desktop.gcguard import MainThreadGC
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    collector = MainThreadGC()
    time_collections()
    qasync.run(scenario(tmp))
    collector.stop()


if __name__ == "__main__":
    main()
