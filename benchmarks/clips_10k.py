"""10,000 clips: store load, model fill, and painting while scrolling, against a bare QListView over a
QStringListModel with the same number of rows in the same process. Also the store-to-screen time and
memory for 1,000 clips. Prints figures and ratios; asserts nothing.

    python benchmarks/clips_10k.py
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from pathlib import Path

from common import private_dirs, rss_mb


def make_store(path: Path, clips: int, media: Path) -> None:
    from cover_desktop.api.models import Clip, CoverRequest
    from cover_desktop.demo.synth import png_bytes
    from cover_desktop.jobs.model import ClipRecord, Job, JobState
    from cover_desktop.jobs.store import JobStore

    media.mkdir(parents=True, exist_ok=True)
    covers = []
    for i in range(20):  # a few real cover files, shared, so thumbnails have work to do
        p = media / f"cover{i}.png"
        p.write_bytes(png_bytes(f"bench{i}"))
        covers.append(str(p))
    store = JobStore(path)
    store.db.execute("BEGIN")
    for j in range(clips // 2):
        job = Job(request=CoverRequest(f"aud{j:06d}", True, "words", "synthwave", f"Song {j}"),
                  state=JobState.DONE, task_id=f"upl{j:08d}", raw_status="complete", created_at=1e9 + j,
                  clips=[ClipRecord(Clip(f"upl{j:08d}-{k}", f"https://cdn.example/a{j}{k}", "https://x/i.png",
                                         f"Song {j} #{k}", 31.0, "synthwave"),
                                    audio_path=f"/nonexistent/{j}-{k}.mp3", image_path=covers[(j + k) % 20])
                         for k in (1, 2)])
        store.db.execute("INSERT INTO jobs (task_id, request, state, raw_status, error, created_at, submitted_at,"
                         " updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)", store._row(job))
        job.id = store.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        store._write_children(job)
    store.db.execute("COMMIT")
    store.close()


async def paint_scroll(view, steps: int = 40) -> float:
    bar = view.verticalScrollBar()
    start = time.perf_counter()
    for i in range(steps):
        bar.setValue(bar.maximum() * i // (steps - 1))
        view.viewport().repaint()
        await asyncio.sleep(0)
    return time.perf_counter() - start


async def scenario(root: Path) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    from cover_desktop.jobs.store import AsyncJobStore
    from cover_desktop.media.thumbs import ThumbnailCache
    from cover_desktop.ui.clips_model import ClipsModel
    from cover_desktop.ui.delegates import ClipDelegate

    for n in (1_000, 10_000):
        db = root / f"jobs{n}.sqlite"
        make_store(db, n, root / "media")
        rss0 = rss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        store = await AsyncJobStore(db).open()
        jobs = await store.all_jobs()
        t1 = time.perf_counter()
        thumbs = ThumbnailCache(root / f"thumbs{n}")
        model = ClipsModel(thumbs)
        model.show_library(jobs)
        view = QListView()
        view.setUniformItemSizes(True)
        view.setItemDelegate(ClipDelegate(view))
        view.setModel(model)
        view.resize(600, 700)
        view.show()
        view.viewport().repaint()
        t2 = time.perf_counter()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        cold = await paint_scroll(view)
        await asyncio.sleep(1.0)  # let the thumbnails asked for on the way land
        scroll = await paint_scroll(view)
        print(f"{n:>6} clips: store load {1000 * (t1 - t0):.0f} ms, model + first paint "
              f"{1000 * (t2 - t1):.0f} ms, Python heap {current / 2**20:.1f} MB (peak {peak / 2**20:.1f}), "
              f"RSS +{rss_mb() - rss0:.1f} MB, 40 scroll repaints {1000 * cold:.0f} ms with thumbnails "
              f"loading, {1000 * scroll:.0f} ms once loaded")
        view.close()
        await thumbs.aclose()
        await store.close()

    bare_model = QStringListModel([f"Song {i}" for i in range(10_000)])
    bare = QListView()
    bare.setUniformItemSizes(True)
    bare.setModel(bare_model)
    bare.resize(600, 700)
    bare.show()
    t = time.perf_counter()
    bare.viewport().repaint()
    first = time.perf_counter() - t
    await paint_scroll(bare)
    bare_scroll = await paint_scroll(bare)
    print(f"bare QListView, 10000 strings: first paint {1000 * first:.1f} ms, 40 scroll repaints "
          f"{1000 * bare_scroll:.0f} ms")
    print(f"ratio scroll repaints once loaded, clips view / bare: {scroll / bare_scroll:.2f} "
          "(the clips view paints covers, two lines and a progress bar per row)")
    bare.close()


def main() -> None:
    import sys

    tmp = Path(private_dirs())
    import qasync
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    qasync.run(scenario(tmp))


if __name__ == "__main__":
    main()
