"""The waveform seek bar while playing, against a plain QSlider of the same size in the same process:
time in paintEvent per frame and per whole frame (value change, events, paint), as the position advances.
Then the cost of getting the peaks: a 3-minute WAV in the worker thread, cold and cached, and 3-minute
FLAC and M4A files through QAudioDecoder, with the longest GUI-thread handler and the event loop's lag
while decoding. Prints figures and ratios; asserts nothing.

    python benchmarks/waveform_paint.py
"""

from __future__ import annotations

import asyncio
import gc
import math
import random
import statistics
import sys
import time
from pathlib import Path

from common import ROOT, lateness_while, private_dirs, report, summary

FRAMES = 600
STEP_MS = 50           # QMediaPlayer reports the position about this often
SECONDS = 180          # a typical cover


def peaks(n: int = 600) -> list[float]:
    rnd = random.Random(7)
    return [min(1.0, abs(math.sin(i / 23)) * 0.7 + rnd.random() * 0.3) for i in range(n)]


def paint_run(widget, app, frames: int = FRAMES, full: bool = False) -> tuple[list[float], list[float]]:
    """ms in paintEvent per call, and ms per frame (setValue, then events or a forced full repaint)."""
    inside: list[float] = []
    original = widget.paintEvent

    def timed(e) -> None:
        t = time.perf_counter()
        original(e)
        inside.append((time.perf_counter() - t) * 1000)

    widget.paintEvent = timed
    per_frame = []
    for i in range(frames):
        t = time.perf_counter()
        widget.setValue((i * STEP_MS) % widget.maximum())
        if full:
            widget.repaint()
        else:
            app.processEvents()
        per_frame.append((time.perf_counter() - t) * 1000)
    widget.paintEvent = original
    return inside, per_frame


def paint_bench(app) -> None:
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QSlider

    from cover_desktop.ui.waveform import WaveformSeekBar, render_bars

    wave = WaveformSeekBar()
    wave.set_peaks(peaks())
    plain = QSlider(Qt.Orientation.Horizontal)
    for w in (wave, plain):
        w.setRange(0, SECONDS * 1000)
        w.resize(640, 32)
        w.show()
    for _ in range(5):
        app.processEvents()
    print(f"paint, {FRAMES} frames, value +{STEP_MS} ms each, 640x32 px, dpr {wave.devicePixelRatioF():g}")
    for label, full in (("as in playback (update, events)", False), ("forced full repaint()", True)):
        results = {}
        for name, w in (("QSlider", plain), ("waveform", wave), ("QSlider", plain), ("waveform", wave)):
            results[name] = paint_run(w, app, full=full)   # second pass of each counts (warm)
        (p_in, p_frame), (w_in, w_frame) = results["QSlider"], results["waveform"]
        print(f"  {label}:")
        print(f"    plain QSlider paintEvent ms  {summary(p_in)}")
        print(f"    waveform      paintEvent ms  {summary(w_in)}")
        print(f"    ratio waveform/plain paintEvent (median) {statistics.median(w_in) / statistics.median(p_in):.2f}")
        print(f"    per frame ms: plain {summary(p_frame)}")
        print(f"                  waveform {summary(w_frame)}")
        print(f"    ratio waveform/plain per frame (median) "
              f"{statistics.median(w_frame) / statistics.median(p_frame):.2f}")
        if not full:
            report("waveform seek bar, ms per playback frame (median)", statistics.median(w_frame), "ms",
                   baseline=statistics.median(p_frame), baseline_name="plain QSlider")
    t = time.perf_counter()
    for _ in range(20):
        render_bars(peaks(), QSize(640, 28), 1.0, QColor("steelblue"))
    print(f"  rendering the bars once (new size, peaks or palette): {(time.perf_counter() - t) * 50:.2f} ms")
    wave.close()
    plain.close()


async def peaks_bench(tmp: Path) -> None:
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "media")]
    from test_peaks import pcm_wav
    try:   # the tests' encoder, wherever the tree under test keeps it
        from samples import recorded

        async def encoded(path: Path, signal: list[float], container: str, rate: int = 44100) -> Path:
            return await recorded(path, container, len(signal) / rate, rate, signal)
    except ImportError:
        from test_peaks import encoded

    from cover_desktop.media import peaks as pk
    try:
        from cover_desktop.media import decode as dec
    except ImportError:     # a tree from before decode.py kept the decoder's statistics in peaks.py
        dec = pk

    rate = 44100
    rnd = random.Random(3)
    signal = [0.6 * math.sin(2 * math.pi * 220 * i / rate) * (0.5 + 0.5 * math.sin(i / rate)) + 0.1 * rnd.random()
              for i in range(SECONDS * rate)]
    print(f"\npeaks of a {SECONDS} s clip, {pk.BUCKETS} buckets")
    t = time.perf_counter()
    wav = pcm_wav(tmp / "a.wav", signal, 2, 2, rate)
    files = {c: await encoded(tmp / f"a.{c}", signal, c, rate) for c in ("flac", "m4a")}
    print(f"  (made the WAV, FLAC and M4A in {time.perf_counter() - t:.1f} s)")
    # millions of floats would make every collection slow, and the handlers with it: not what the app holds
    del signal
    gc.collect()
    cache = tmp / "cache"
    for label in ("WAV, cold (worker thread)", "WAV, cached"):
        t = time.perf_counter()
        lags, _ = await lateness_while(pk.peaks_for(wav, cache))
        print(f"  {label}: {(time.perf_counter() - t) * 1000:.0f} ms; loop lag ms {summary(lags)}")
    for container, path in files.items():
        dec.decoder_stats = stats = dec.DecoderStats()
        t = time.perf_counter()
        lags, result = await lateness_while(pk.peaks_for(path, cache))
        took = (time.perf_counter() - t) * 1000
        print(f"  {container.upper()} ({path.stat().st_size // 1024} KiB) decoded: {took:.0f} ms, "
              f"{'ok' if result else 'NO PEAKS'}")
        print(f"    GUI-thread handler: {stats.calls} calls, longest {stats.longest_ms:.2f} ms, "
              f"total {stats.total_ms:.0f} ms; loop lag ms {summary(lags)}")


def main() -> None:
    tmp = Path(private_dirs())
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    paint_bench(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(peaks_bench(tmp))


if __name__ == "__main__":
    main()
