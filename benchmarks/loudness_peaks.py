"""Peaks and loudness of a 60 s clip, as the player asks for them: a LAME MP3 and a FLAC (stereo, 44.1 kHz, music-
like), measured cold (no cache entry), each against two baselines of the same run: reading the file's bytes,
and decoding it with libsndfile alone (what the measurement adds on top of a decode). The goal: the MP3 in under
a second on the project's two-core machine, off the GUI thread (the loop's lateness is printed alongside).

    python benchmarks/loudness_peaks.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import lateness_while, report, summary

SECONDS = 60
RATE = 44100
RUNS = 5


def make(folder: Path) -> dict[str, Path]:
    import numpy as np
    import soundfile

    rng = np.random.default_rng(7)
    t = np.arange(SECONDS * RATE) / RATE
    envelope = np.where((t % 8) < 4, 1.0, 0.3)
    left = (0.4 * np.sin(2 * np.pi * 55 * t) + 0.2 * np.sin(2 * np.pi * 440 * t)) * envelope
    right = left * 0.8 + 0.05 * rng.standard_normal(len(t))
    signal = np.stack([left, right], axis=1).astype(np.float32)
    files = {"MP3": folder / "a.mp3", "FLAC": folder / "a.flac"}
    soundfile.write(str(files["MP3"]), signal, RATE, format="MP3", subtype="MPEG_LAYER_III")
    soundfile.write(str(files["FLAC"]), signal, RATE, format="FLAC", subtype="PCM_16")
    return files


def median_s(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


async def main() -> None:
    import soundfile

    from cover_desktop.media.peaks import measured_for

    folder = Path(tempfile.mkdtemp(prefix="cover-bench-loudness-"))
    files = make(folder)
    for kind, path in files.items():
        read = median_s(path.read_bytes)
        decode = median_s(lambda p=path: soundfile.read(str(p), dtype="float32"))
        took, lags = [], []
        for i in range(RUNS):
            t = time.perf_counter()
            lag, found = await lateness_while(measured_for(path, folder / f"cache{i}"))
            took.append(time.perf_counter() - t)
            lags += lag
        cold = statistics.median(took)
        level = found.loudness
        print(f"{kind} {path.stat().st_size // 1024} KiB, {SECONDS} s: peaks + loudness cold {cold * 1000:.0f} ms; "
              f"decode alone {decode * 1000:.0f} ms; read {read * 1000:.1f} ms; "
              f"{level.integrated:.1f} LUFS, LRA {level.lra:.1f} LU, {level.true_peak:.1f} dBTP; "
              f"loop lag ms {summary(lags)}")
        report(f"peaks_loudness_{kind.lower()}_60s", cold * 1000, "ms", baseline=decode * 1000,
               baseline_name="libsndfile decode alone", goal="under 1000 ms" if kind == "MP3" else "")


if __name__ == "__main__":
    import qasync
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication(sys.argv)
    qasync.run(main())
