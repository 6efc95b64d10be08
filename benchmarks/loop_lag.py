"""Event-loop lag with 200 jobs being polled and a clip playing, against a bare qasync loop in the same process.

A 10 ms QTimer stands in for the user: how late each tick fires is the lag a click or a repaint would
feel. Phase 1: the bare loop (a plain window, nothing running). Phase 2: the real window with 200 running
jobs polled every second (demo server in its own process) while a clip plays through the player with the
waveform seek bar on screen (a PlayerBar of its own, as the clips pane shows it). Prints both and the
ratios; asserts nothing.

    python benchmarks/loop_lag.py [seconds-per-phase]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from common import demo_process, percentile, private_dirs, report, summary


async def measure(seconds: float) -> list[float]:
    from PySide6.QtCore import QTimer
    lags: list[float] = []
    last = time.perf_counter()

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        lags.append(max(0.0, (now - last) * 1000 - 10))
        last = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    await asyncio.sleep(seconds)
    timer.stop()
    return lags


def long_wav(path: Path, seconds: float) -> Path:
    from cover_desktop.demo.synth import wav_bytes
    path.write_bytes(wav_bytes("loop-lag", seconds))
    return path


async def scenario(seconds: float, tmp: Path) -> None:
    import os

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLabel

    from cover_desktop.api.models import CoverRequest
    from cover_desktop.app import parse_args
    from cover_desktop.media.audition import Audition
    from cover_desktop.media.peaks import peaks_for
    from cover_desktop.runtime import Runtime
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow
    from cover_desktop.ui.player_bar import PlayerBar

    bare = QLabel("bare")
    bare.show()
    base = await measure(seconds)
    bare.close()

    wav = long_wav(tmp / "playing.wav", seconds * 2 + 10)
    with demo_process(duration=3600) as (api, key):
        os.environ["COVER_DESKTOP_API_KEY"] = key
        rt = Runtime(parse_args(["--base-url", api]), Settings(poll_interval=1.0, poll_cap=1.0), KeyStore())
        await rt.start()
        win = MainWindow(rt, QIcon())
        win.show()
        for i in range(200):
            await rt.service.submit(CoverRequest(f"stuck-{i:03d}"))
        bar = PlayerBar(rt.player, Audition(rt.player, lambda: 0, lambda key: -1))
        bar.resize(640, 90)
        bar.show()
        bar.show_clip("Playing while 200 jobs poll", await peaks_for(wav, tmp / "peaks"))
        rt.player.play("bench/1", str(wav))
        started = time.perf_counter()
        while rt.player.position() <= 0 and time.perf_counter() - started < 10:
            await asyncio.sleep(0.05)
        playing = rt.player.playing and rt.player.position() > 0
        before, position0 = rt.service.scheduler.requests, rt.player.position()
        t0 = time.perf_counter()
        loaded = await measure(seconds)
        elapsed = time.perf_counter() - t0
        rate = (rt.service.scheduler.requests - before) / elapsed
        played = (rt.player.position() - position0) / 1000
        rt.player.stop()
        bar.close()
        win.close()
        await win.aclose()
        await rt.aclose()

    print(f"bare loop, 10 ms timer lateness (ms)                      : {summary(base)}")
    print(f"200 polling jobs + a clip playing, timer lateness (ms)     : {summary(loaded)}")
    print(f"status requests per second while measuring : {rate:.0f} (concurrency 4); "
          f"clip {'played' if playing else 'did NOT play'} {played:.1f} s of {elapsed:.1f} s")
    mb, ml = statistics.median(base), statistics.median(loaded)
    pb, pl = percentile(base, 0.99), percentile(loaded, 0.99)
    print(f"ratio median loaded / bare: {ml / mb if mb else float('inf'):.2f}; "
          f"p99 loaded / bare: {pl / max(pb, 0.01):.2f}")
    report("loop lag p99, 200 polling jobs + a clip playing", pl, "ms", baseline=pb, baseline_name="bare qasync loop",
           goal="<= 16 ms")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    tmp = Path(private_dirs())
    import qasync
    from PySide6.QtWidgets import QApplication

    from cover_desktop.gcguard import MainThreadGC
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    collector = MainThreadGC()   # as in the app: the cycle collector runs on the GUI thread, on a timer
    qasync.run(scenario(seconds, tmp))
    collector.stop()


if __name__ == "__main__":
    main()
