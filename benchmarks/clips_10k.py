"""10,000 clips: loading the job history, the library view's first paint, scrolling while the covers load
against scrolling once they are loaded, and memory after scrolling through every clip with its cover.

Scrolling is measured for the clips view as it is (wired as the clips pane wires it where the tree has
ui/cover_loading.py) and, in trees without that, as proposed (prefetch the covers beyond the view, and
repaint a row whose cover lands instead of taking the model's dataChanged, after which QListView lays out
all 10,000 rows again); each with covers never seen (no thumbnail files yet) and in a new session
(thumbnail files kept, memory empty).

Same-run baselines: SQLite alone reading the same rows (for the store), a bare QListView over a
QStringListModel of 10,000 strings (for the first paint), the warm pass (for the first pass), and the
process before it read the history (for memory). Covers are 1,000 distinct 300x300 JPEG files, neighbours
differ, and the thumbnail cache starts empty. Prints figures and ratios; asserts nothing.

    python benchmarks/clips_10k.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from common import make_store, private_dirs, report, rss_mb

CLIPS = 10_000
PASS_PAGES = 30          # a pass: this many page-downs from the top (about 300 rows, within the cache's 400)
FRAME = 0.016            # between two page-downs, as a 60 Hz wheel or drag gives the loop time
ROUNDS = 3


async def timed_load(db: Path, runs: int = 5) -> tuple[float, list]:
    from cover_desktop.jobs.store import AsyncJobStore

    times: list[float] = []
    jobs: list = []
    for _ in range(runs):
        store = await AsyncJobStore(db).open()
        t = time.perf_counter()
        jobs = await store.all_jobs()
        times.append((time.perf_counter() - t) * 1000)
        await store.close()
    return statistics.median(times), jobs


def sqlite_alone(db: Path, runs: int = 5) -> float:
    """Every column the store reads, as plain tuples: what no Python-side work can beat."""
    import sqlite3

    con = sqlite3.connect(str(db))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        con.execute("SELECT * FROM jobs").fetchall()
        con.execute("SELECT c.job_id, c.clip_id, c.data, m.audio_path, m.image_path, m.media_error FROM clips c"
                    " LEFT JOIN clip_media m ON m.job_id = c.job_id AND m.clip_id = c.clip_id").fetchall()
        con.execute("SELECT job_id, at, raw_status FROM status_history").fetchall()
        times.append((time.perf_counter() - t) * 1000)
    con.close()
    return statistics.median(times)


def attach_prefetch(view, model, thumbs, pages: int = 2) -> bool:
    """What the clips view does where ThumbnailCache can prefetch: the covers of the rows up to ``pages``
    pages below the visible ones (nearest first) and one page above are asked for when the list is
    shown and whenever it scrolls. False where the cache cannot (an older tree)."""
    if not hasattr(thumbs, "prefetch"):
        return False

    def ahead() -> None:
        top = view.indexAt(view.viewport().rect().topLeft()).row()
        bottom = view.indexAt(view.viewport().rect().bottomLeft()).row()
        if top < 0:
            return
        bottom = bottom if bottom >= 0 else model.rowCount() - 1
        page = bottom - top + 1
        rows = [*range(bottom + 1, min(model.rowCount(), bottom + 1 + pages * page)),
                *range(top - 1, max(0, top - page) - 1, -1)]
        thumbs.prefetch([p for p in (model.at(r)[1].image_path for r in rows) if p])

    view.verticalScrollBar().valueChanged.connect(ahead)
    ahead()
    return True


async def scroll_pass(view, pages: int = PASS_PAGES) -> list[float]:
    """ms of GUI-thread work per page-down (the scroll, the repaint, then whatever the loop runs next),
    with a frame's pause between page-downs that is not counted."""
    bar = view.verticalScrollBar()
    bar.setValue(0)
    await asyncio.sleep(FRAME)
    frames = []
    for _ in range(pages):
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        await asyncio.sleep(0)
        frames.append((time.perf_counter() - t) * 1000)
        await asyncio.sleep(FRAME)
    return frames


def visible_loaded(view, model, thumbs) -> bool:
    top = view.indexAt(view.viewport().rect().topLeft()).row()
    bottom = view.indexAt(view.viewport().rect().bottomLeft()).row()
    bottom = bottom if bottom >= 0 else model.rowCount() - 1
    for r in range(max(top, 0), bottom + 1):
        path = model.at(r)[1].image_path
        if path and thumbs.get(path) is None and not thumbs.failed(path):
            return False
    return True


async def settle(view, model, thumbs, limit: float = 2.0) -> None:
    end = time.perf_counter() + limit
    while not visible_loaded(view, model, thumbs) and time.perf_counter() < end:
        await asyncio.sleep(0.005)


async def scenario(root: Path) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    from cover_desktop.media.thumbs import ThumbnailCache
    from cover_desktop.ui.clips_model import ClipsModel
    from cover_desktop.ui.delegates import ClipDelegate

    db = root / "jobs.sqlite"
    make_store(db, CLIPS, root / "media")
    rss0 = rss_mb()
    raw = sqlite_alone(db)
    load_ms, jobs = await timed_load(db)
    print(f"store load, {CLIPS} clips: median {load_ms:.0f} ms (SQLite alone {raw:.0f} ms)")
    report(f"store load, {CLIPS:,} clips", load_ms, "ms", baseline=raw, baseline_name="SQLite alone, same rows",
           goal="<= 100 ms")

    bare = QListView()
    bare.setUniformItemSizes(True)
    bare.setModel(QStringListModel([f"Song {i}" for i in range(CLIPS)]))
    bare.resize(600, 700)
    bare.show()
    t = time.perf_counter()
    bare.viewport().repaint()
    bare_first = (time.perf_counter() - t) * 1000

    try:   # the clips pane's own wiring of covers to the view, where the tree has it
        from cover_desktop.ui.cover_loading import follow_covers
    except ImportError:
        follow_covers = None

    def make_view(thumbs_dir: Path, prefetch: bool, repaint: bool):
        thumbs = ThumbnailCache(thumbs_dir)
        model = ClipsModel(thumbs)
        t = time.perf_counter()
        model.show_library(jobs)
        view = QListView()
        view.setUniformItemSizes(True)
        view.setItemDelegate(ClipDelegate(view))
        view.setModel(model)
        view.resize(600, 700)
        view.show()
        view.viewport().repaint()
        first_paint = (time.perf_counter() - t) * 1000
        if follow_covers is not None and not (prefetch or repaint):
            follow_covers(view, model)   # as the clips pane does
        if prefetch:
            attach_prefetch(view, model, thumbs)
        if repaint:
            # the change proposed for the clips view: a cover that lands repaints its rows on screen, instead
            # of a dataChanged per row that uses it, after each of which QListView lays out all 10,000 rows
            # again (two calls into the Python model per row)
            thumbs.ready.disconnect(model._thumb_ready)

            def landed(source: str) -> None:
                top = view.indexAt(view.viewport().rect().topLeft()).row()
                bottom = view.indexAt(view.viewport().rect().bottomLeft()).row()
                for row in model._by_image.get(source, []):
                    if top <= row <= (bottom if bottom >= 0 else row):
                        view.update(model.index(row))

            thumbs.ready.connect(landed)
        return view, model, thumbs, first_paint

    variants = [("the clips view as it is", False, False),
                ("proposed: prefetch, a landing cover repaints its rows on screen", True, True)]
    if not hasattr(ThumbnailCache, "prefetch"):
        variants[1] = ("proposed: a landing cover repaints its rows on screen", False, True)
    if follow_covers is not None:   # the proposal is what the view does now
        variants = variants[:1]

    # memory first, in a process that has done nothing else: every clip once on screen with its cover
    view, model, thumbs, _ = make_view(root / "thumbs-all", *variants[-1][1:])
    bar = view.verticalScrollBar()
    rss1 = rss_mb()
    t = time.perf_counter()
    steps = 0
    while True:
        await settle(view, model, thumbs, limit=1.0)
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        steps += 1
    took = time.perf_counter() - t
    await asyncio.sleep(0.2)
    rss = rss_mb()
    print(f"scrolled through all {CLIPS} clips with covers ({steps} page-downs, {took:.1f} s, {variants[-1][0]}): "
          f"RSS {rss:.0f} MB (before reading the history {rss0:.0f} MB, with it and the view {rss1:.0f} MB), "
          f"{len(thumbs)} thumbnails in memory")
    report("RSS after scrolling through 10,000 clips with covers", rss, "MB", baseline=rss0,
           baseline_name="the process before reading the history", goal="<= 200 MB")
    view.close()
    await thumbs.aclose()

    async def rounds(label: str, prefetch: bool, repaint: bool, dirs: list[Path]) -> tuple[float, float, float]:
        """Median first pass, warm pass and first paint over one round per thumbnail folder."""
        firsts, warms, paints = [], [], []
        for folder in dirs:
            view, model, thumbs, first_paint = make_view(folder, prefetch, repaint)
            paints.append(first_paint)
            firsts.append(sum(await scroll_pass(view)))
            bar = view.verticalScrollBar()
            for _ in range(PASS_PAGES):   # let every cover of the pass land
                await settle(view, model, thumbs)
                bar.setValue(bar.value() - bar.pageStep())
            await settle(view, model, thumbs)
            warms.append(sum(await scroll_pass(view)))
            view.close()
            await thumbs.aclose()
        first, warm, first_paint = (statistics.median(x) for x in (firsts, warms, paints))
        print(f"  {label}: first pass {first:.0f} ms (rounds {', '.join(f'{x:.0f}' for x in firsts)}), "
              f"warm {warm:.0f} ms ({', '.join(f'{x:.0f}' for x in warms)}), ratio {first / warm:.2f}")
        return first, warm, first_paint

    print(f"library view, {PASS_PAGES} page-downs from the top, median of {ROUNDS} rounds "
          f"(bare QListView first paint {bare_first:.1f} ms):")
    for number, (label, prefetch, repaint) in enumerate(variants):
        # never seen: no thumbnail files yet, each round its own folder
        first, warm, first_paint = await rounds(f"{label}, covers never seen", prefetch, repaint,
                                                [root / f"thumbs-{number}-new-{r}" for r in range(ROUNDS)])
        if number == 0:
            report("library view: model + first paint, 10,000 clips", first_paint, "ms", baseline=bare_first,
                   baseline_name="bare QListView, 10,000 strings")
        report(f"first scroll pass, covers never seen ({label})", first, "ms", baseline=warm,
               baseline_name="warm pass", goal="ratio <= 1.5")
        # a new session: the thumbnail files of the last round kept, memory empty
        kept = root / f"thumbs-{number}-new-{ROUNDS - 1}"
        first, warm, _ = await rounds(f"{label}, a new session", prefetch, repaint, [kept] * ROUNDS)
        report(f"first scroll pass, a new session ({label})", first, "ms", baseline=warm,
               baseline_name="warm pass", goal="ratio <= 1.5")
    bare.close()


def main() -> None:
    tmp = Path(private_dirs())
    import qasync
    from PySide6.QtWidgets import QApplication

    from cover_desktop.gcguard import MainThreadGC
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    collector = MainThreadGC()   # as in the app: the cycle collector runs on the GUI thread, on a timer
    qasync.run(scenario(tmp))
    collector.stop()


if __name__ == "__main__":
    main()
