"""Shared bits for the benchmarks: private XDG dirs, a demo server in its own process, statistics."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def private_dirs() -> str:
    tmp = tempfile.mkdtemp(prefix="cover-bench-")
    for var in ("CONFIG", "DATA", "CACHE", "STATE"):
        os.environ[f"XDG_{var}_HOME"] = os.path.join(tmp, var.lower())
    os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return tmp


@contextmanager
def demo_process(duration: float):
    """The demo server in a separate process, so its threads do not share the app's GIL."""
    proc = subprocess.Popen([sys.executable, "-m", "cover_desktop.demo", "--duration", str(duration)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    info = dict(proc.stdout.readline().split() for _ in range(3))
    try:
        yield info["api"], info["key"]
    finally:
        proc.terminate()
        proc.wait(10)


def summary(values: list[float]) -> str:
    values = sorted(values)
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return (f"median {statistics.median(values):.2f}  p99 {p99:.2f}  max {values[-1]:.2f}  (n={len(values)})")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
