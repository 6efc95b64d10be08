"""How long picking ids out of pasted or dropped text takes, for 10k, 30k and 100k ids, and how the GUI
loop fares while the window parses a big drop (in a worker thread, as ``parse_dropped`` does).

Before the per-line parser this was quadratic (10k ids 2.3 s, 30k 21 s, 100k minutes). Shapes timed:
one id per line (the common paste), song links, prose lines with ids in them, and all ids on one line.
Prints figures; asserts nothing.

    python benchmarks/ids_extract.py
"""

from __future__ import annotations

import asyncio
import statistics
import time

from common import lateness_while, percentile, private_dirs, report

from cover_desktop.jobs.ids import parse_ids


def texts(n: int) -> dict[str, str]:
    return {
        "one per line": "\n".join(f"aud{i:09d}" for i in range(n)),
        "song links": "\n".join(f"https://suno.com/song/{i:08x}-1111-2222-3333-444455556666?sh=x" for i in range(n)),
        "prose lines": "\n".join(f"take {i} is aud{i:09d} (the good one)" for i in range(n)),
        "one line": " ".join(f"demo-{i}" for i in range(n)),
    }


def best_of(text: str, runs: int = 3) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = len(parse_ids(text).ids)
        times.append(time.perf_counter() - t0)
    return min(times), found


async def gui_loop(text: str) -> None:
    from cover_desktop.ui.drops import Dropped, parse_dropped

    idle, _ = await lateness_while(asyncio.sleep(1.0))
    t = time.perf_counter()
    busy, parsed = await lateness_while(parse_dropped(Dropped(text)))
    took = time.perf_counter() - t
    print(f"a drop of {len(parsed.ids):,} ids through the window's parse_dropped: {took:.3f} s; GUI loop lateness "
          f"ms: p99 {percentile(busy, .99):.1f}, max {max(busy):.1f} (idle loop: p99 {percentile(idle, .99):.1f}, "
          f"max {max(idle):.1f})")
    report("GUI loop lateness p99 while 100,000 dropped ids are parsed", percentile(busy, .99), "ms",
           baseline=percentile(idle, .99), baseline_name="the same loop idle", goal="off the GUI thread")


def main() -> None:
    print(f"{'ids':>8}  {'shape':<14} {'bytes':>10}  {'best s':>7}  {'ids found':>9}")
    per_id = []
    worst = 0.0
    for n in (10_000, 30_000, 100_000):
        for shape, text in texts(n).items():
            seconds, found = best_of(text)
            per_id.append(seconds / n * 1e6)
            print(f"{n:>8}  {shape:<14} {len(text):>10}  {seconds:>7.3f}  {found:>9}")
            if n == 100_000:
                worst = max(worst, seconds)
                if shape == "one per line":
                    one_per_line = seconds
    print(f"median cost per id: {statistics.median(per_id):.2f} \u00b5s")
    report("100,000 pasted ids parsed (one per line)", one_per_line, "s", goal="<= 0.5 s")
    report("100,000 ids parsed, slowest shape", worst, "s", goal="<= 0.5 s")

    import sys

    import qasync
    from PySide6.QtWidgets import QApplication

    private_dirs()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    qasync.run(gui_loop(texts(100_000)["one per line"]))


if __name__ == "__main__":
    main()
