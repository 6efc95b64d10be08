"""Warm cache: what a second start asks of the media host when every cover and clip is already kept.

First session (the baseline): the window on the built-in demo server makes 10 jobs, keeps their clips
and covers, plays one, and quits. Second session on the same profile: the window starts, shows every
job's clips with their covers (the library view), plays a clip, and waits a few seconds. Prints the media
requests of each session; the second should be 0. Asserts nothing.

    python benchmarks/warm_cache.py
"""

from __future__ import annotations

import asyncio
import sys
import time

from common import private_dirs, report

JOBS = 10


async def until(pred, timeout: float = 30.0) -> bool:
    end = time.perf_counter() + timeout
    while not pred():
        if time.perf_counter() > end:
            return False
        await asyncio.sleep(0.02)
    return True


async def session(make_jobs: bool) -> tuple[int, int, str]:
    """(media requests, clips, what happened)."""
    from PySide6.QtGui import QIcon

    from cover_desktop.api.models import CoverRequest
    from cover_desktop.app import parse_args
    from cover_desktop.jobs.model import JobState
    from cover_desktop.runtime import Runtime
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow

    rt = Runtime(parse_args(["--demo", "--demo-duration", "0"]), Settings(poll_interval=0.2), KeyStore())
    await rt.start()
    win = MainWindow(rt, QIcon())
    win.show()
    service = rt.service
    if make_jobs:
        for i in range(JOBS):
            await service.submit(CoverRequest(f"demo-warm-{i}"))
    jobs = list(service.jobs.values())
    done = await until(lambda: all(j.state is JobState.DONE and j.clips for j in service.jobs.values())
                       and all(c.audio_path and c.image_path for j in service.jobs.values() for c in j.clips)
                       and not rt.library.busy())
    clips = [(j, c) for j in service.jobs.values() for c in j.clips]
    # every cover drawn: the library view lists all clips and the thumbnails load
    win.clips_pane.library_button.setChecked(True)
    for _, rec in clips:
        rt.thumbs.get(rec.image_path)
    await until(lambda: all(rt.thumbs.get(c.image_path) is not None for _, c in clips), timeout=10)
    job, rec = clips[0]
    rt.player.play(f"{job.id}/{rec.id}", rec.audio_path, rec.clip.audio_url)
    played = await until(lambda: rt.player.position() > 0, timeout=10)
    await asyncio.sleep(2.0)    # anything started in the background has had its chance
    media = len(rt.demo.requests("media")) if rt.demo else -1
    rt.player.stop()
    win.close()
    await win.aclose()
    await rt.aclose()
    return media, len(clips), (f"{len(jobs)} jobs, all clips kept: {done}, a clip played: {played}")


async def scenario() -> None:
    first, clips, what1 = await session(make_jobs=True)
    second, clips2, what2 = await session(make_jobs=False)
    print(f"first session : {first} media requests for {clips} clips ({what1})")
    print(f"second session: {second} media requests for {clips2} clips already kept ({what2})")
    report("media requests on a second start, all kept", second, "requests", baseline=first,
           baseline_name="first session (fetching them)", goal="0")


def main() -> None:
    private_dirs()
    import qasync
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    qasync.run(scenario())


if __name__ == "__main__":
    main()
