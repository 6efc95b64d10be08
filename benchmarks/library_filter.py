"""The library's search as you type, at 10,000 clips: the time per keystroke to filter and sort the list
(and let the view take the new rows), against a bare QListView reset with the same rows in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/library_filter.py

Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
import time

from common import percentile, private_dirs, report


def main() -> int:
    private_dirs()
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from cover_desktop.api.models import Clip, CoverRequest
    from cover_desktop.jobs.model import ClipRecord, Job, JobState
    from cover_desktop.media.thumbs import ThumbnailCache
    from cover_desktop.ui.clips_model import ClipsModel
    from cover_desktop.ui.library_view import LibraryView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    styles = ["synthwave", "acoustic folk", "lo-fi jazz", "bossa nova", "dream pop"]
    jobs = [Job(request=CoverRequest(f"aud{j:06d}", True, f"verse {j} about rivers and neon", styles[j % 5],
                                     f"Song {j}"), state=JobState.DONE, id=j + 1, task_id=f"upl{j:08x}",
                created_at=1.7e9 + j,
                clips=[ClipRecord(Clip(f"upl{j:08x}-{k}", title=f"Song {j}", tags=styles[j % 5], duration=30.0),
                                  rating=(j + k) % 6) for k in (1, 2)])
            for j in range(5000)]
    model = ClipsModel(ThumbnailCache(__import__("pathlib").Path("/tmp/cover-bench-thumbs")))
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    model.show_library(jobs)
    app.processEvents()

    typed = "neon river song 42"
    keystrokes = [typed[:i] for i in range(1, len(typed) + 1)] + [typed[:i] for i in range(len(typed) - 1, -1, -1)]
    times: list[float] = []
    for rounds in range(3):
        for text in keystrokes:
            t0 = time.perf_counter()
            model.set_filters(LibraryView(query=text, sort="rating" if rounds == 2 else "date"))
            app.processEvents()
            times.append(time.perf_counter() - t0)

    bare_model = QStringListModel()
    view.setModel(bare_model)
    rows = [f"Song {j} #{k}" for j in range(5000) for k in (1, 2)]
    base: list[float] = []
    for _ in range(len(times)):
        t0 = time.perf_counter()
        bare_model.setStringList(rows)
        app.processEvents()
        base.append(time.perf_counter() - t0)

    median, p99 = percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000
    bare = percentile(base, 0.5) * 1000
    print(f"10,000 clips, {len(times)} keystrokes: filter + sort + view per keystroke median {median:.1f} ms, "
          f"p99 {p99:.1f} ms; a bare list reset with 10,000 rows: median {bare:.1f} ms")
    report("library filter per keystroke (10k clips)", median, "ms", baseline=bare,
           baseline_name="bare QListView reset, 10k rows", goal="< 16 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
