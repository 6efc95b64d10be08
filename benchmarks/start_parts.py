"""What each piece the start no longer does before the first paint costs on its own: the figures behind
"what each deferral saved". Each is timed in a fresh process (imports happen once per process), five
times, median; the 10,000-clip media check in one process. Prints figures; asserts nothing.

    python benchmarks/start_parts.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, child_env, make_store, private_dirs, report

PREAMBLE = r"""
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import asyncio, httpx
T = time.perf_counter
"""

PARTS = {
    "import QtMultimedia": "t = T()\nimport PySide6.QtMultimedia\nprint(T() - t)",
    "QMediaPlayer, QAudioOutput and the device list": (
        "from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer\n"
        "t = T()\np = QMediaPlayer(); o = QAudioOutput(); p.setAudioOutput(o); QMediaDevices.audioOutputs()\n"
        "print(T() - t)"),
    "the API client (httpx client, TLS context)": (
        "from cover_desktop.api.client import ApiClient\nt = T()\nApiClient('https://apiin.one', 'k')\n"
        "print(T() - t)"),
    "the media client (httpx client, TLS context)": (
        "from cover_desktop.media.fetch import MediaFetcher\nfrom cover_desktop.api.client import ApiClient\n"
        "ApiClient('https://apiin.one', 'k')\nt = T()\nMediaFetcher()\nprint(T() - t)"),
    "import the demo server": "t = T()\nimport cover_desktop.demo.server\nprint(T() - t)",
}


def part(code: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PREAMBLE + code], capture_output=True, text=True, cwd=ROOT,
                             env=child_env(), timeout=60)
        times.append(float(out.stdout.strip().splitlines()[-1]) * 1000)
    return statistics.median(times)


async def media_check(root: Path) -> float:
    """ms from asking the library to fetch what earlier sessions left unfinished to its answer, 10,000
    clips all kept (the check stats every file)."""
    from cover_desktop.jobs.store import AsyncJobStore
    from cover_desktop.media.fetch import MediaFetcher
    from cover_desktop.media.library import MediaLibrary

    db = root / "jobs.sqlite"
    make_store(db, 10_000, root / "media")
    store = await AsyncJobStore(db).open()
    jobs = await store.all_jobs()
    fetcher = MediaFetcher()
    library = MediaLibrary(root / "kept", store, fetcher)
    t = time.perf_counter()
    await library.resume(jobs)
    took = (time.perf_counter() - t) * 1000
    await library.aclose()
    await fetcher.aclose()
    await store.close()
    return took


def main() -> None:
    root = Path(private_dirs())
    for name, code in PARTS.items():
        ms = part(code)
        print(f"{name:<48} {ms:6.1f} ms")
        report(f"start part: {name}", ms, "ms")
    import qasync
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    ms = qasync.run(media_check(root))
    print(f"{'the media check of 10,000 kept clips':<48} {ms:6.1f} ms")
    report("start part: the media check of 10,000 kept clips", ms, "ms")


if __name__ == "__main__":
    main()
