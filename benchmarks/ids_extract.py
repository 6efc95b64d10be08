"""How long picking ids out of pasted or dropped text takes, for 10k, 30k and 100k ids.

Before the per-line parser this was quadratic (10k ids 2.3 s, 30k 21 s, 100k minutes). Shapes timed:
one id per line (the common paste), song links, prose lines with ids in them, and all ids on one line.
Prints figures; asserts nothing.

    python benchmarks/ids_extract.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def main() -> None:
    print(f"{'ids':>8}  {'shape':<14} {'bytes':>10}  {'best s':>7}  {'ids found':>9}")
    per_id = []
    for n in (10_000, 30_000, 100_000):
        for shape, text in texts(n).items():
            seconds, found = best_of(text)
            per_id.append(seconds / n * 1e6)
            print(f"{n:>8}  {shape:<14} {len(text):>10}  {seconds:>7.3f}  {found:>9}")
    print(f"median cost per id: {statistics.median(per_id):.2f} \u00b5s")


if __name__ == "__main__":
    main()
