"""Event-loop lag with 200 jobs being polled, against a bare qasync loop in the same process.

A 10 ms QTimer stands in for the user: how late each tick fires is the lag a click or a repaint would
feel. Phase 1: the bare loop (a plain window, nothing running). Phase 2: the real window with 200 running
jobs polled every second (demo server in its own process). Prints both and the ratios; asserts nothing.

    python benchmarks/loop_lag.py [seconds-per-phase]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from common import demo_process, private_dirs, summary


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


async def scenario(seconds: float) -> None:
    from PySide6.QtWidgets import QLabel

    from cover_desktop.api.models import CoverRequest
    from cover_desktop.app import Runtime, parse_args
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow

    bare = QLabel("bare")
    bare.show()
    base = await measure(seconds)
    bare.close()

    with demo_process(duration=3600) as (api, key):
        import os
        os.environ["COVER_DESKTOP_API_KEY"] = key
        rt = Runtime(parse_args(["--base-url", api]), Settings(poll_interval=1.0, poll_cap=1.0), KeyStore())
        await rt.start()
        win = MainWindow(rt)
        win.show()
        for i in range(200):
            await rt.service.submit(CoverRequest(f"stuck-{i:03d}"))
        before = rt.service.scheduler.requests
        t0 = time.perf_counter()
        loaded = await measure(seconds)
        rate = (rt.service.scheduler.requests - before) / (time.perf_counter() - t0)
        win.close()
        await win.tasks.cancel_all()
        await rt.aclose()

    print(f"bare loop, 10 ms timer lateness (ms)      : {summary(base)}")
    print(f"200 polling jobs, 10 ms timer lateness (ms): {summary(loaded)}")
    print(f"status requests per second while measuring : {rate:.0f} (concurrency 4)")
    mb, ml = statistics.median(base), statistics.median(loaded)
    print(f"ratio median loaded / bare: {ml / mb if mb else float('inf'):.2f}; "
          f"p99 loaded / bare: "
          f"{sorted(loaded)[int(len(loaded) * .99)] / max(sorted(base)[int(len(base) * .99)], 0.01):.2f}")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    private_dirs()
    import qasync
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    qasync.run(scenario(seconds))


if __name__ == "__main__":
    main()
