"""SIGKILL at random points, over several rounds, with 20 jobs running and their downloads in flight: at
the end every job is there and complete, every kept file is byte for byte the server's, the history passes
SQLite's integrity check, and no job was submitted twice.

The process killed is the app's runtime without its window (kill_driver.py): the window holds nothing that
is written to disk. The demo server runs in the test, so it outlives every kill and counts every POST.
"""

from __future__ import annotations

import fcntl
import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from app_process import Profile

from cover_desktop.demo import DemoServer
from cover_desktop.jobs.model import JobState
from cover_desktop.jobs.store import JobStore
from helpers import KEY

pytestmark = pytest.mark.slow

JOBS = 20
ROUNDS = 4
SEED = 20261127
DRIVER = Path(__file__).with_name("kill_driver.py")


def partial_files(media: Path) -> list[tuple[Path, int, bool]]:
    """Each partial file, its size, and whether a process is writing it now (a download holds a lock on
    its own partial file while it runs)."""
    found = []
    for part in media.rglob("*.part") if media.exists() else []:
        try:
            with open(part, "rb") as f:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
                    busy = False
                except OSError:
                    busy = True
                found.append((part, os.fstat(f.fileno()).st_size, busy))
        except FileNotFoundError:  # finished and renamed meanwhile
            pass
    return found


def wait_for(pred: Callable[[], object], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            return False
        time.sleep(0.005)
    return True


def test_sigkill_rounds_lose_no_job_corrupt_no_file_and_submit_nothing_twice(tmp_path):
    rng = random.Random(SEED)
    server = DemoServer(duration=2.0, state_file=tmp_path / "demo" / "state.json").start()
    try:
        profile = Profile(tmp_path / "profile")
        profile.write_settings('{"poll_interval": 0.2, "poll_cap": 1.0}')
        media = profile.data / "media"
        env = {"COVER_DESKTOP_API_KEY": KEY}
        # three downloads cut a third of the way in, so partial files with bytes in them meet the kills
        server.inject("reset-mid", target="media", path_contains="/audio", count=3, size=40_000)
        kills: list[tuple[int, float, int, int]] = []   # round, s after start, downloads in flight, partial bytes
        peak_kb = 0
        for rnd in range(ROUNDS):
            app = profile.start("--base-url", server.api_url, *(["--submit", str(JOBS)] if rnd == 0 else []),
                                module=[str(DRIVER)], env=env)
            started = time.monotonic()
            try:
                if rnd == 0:
                    app.wait_output("submitted", 60)          # all 20 running, none complete yet
                    time.sleep(rng.uniform(0.0, 1.0))
                elif rnd == 1:
                    # a partial file with bytes in it, cut by the server or still being written
                    wait_for(lambda: any(size for _, size, _ in partial_files(media)), 20)
                    time.sleep(rng.uniform(0.0, 0.1))
                elif rnd == 2:
                    time.sleep(rng.uniform(0.2, 2.5))             # anywhere, start-up included
                else:
                    wait_for(lambda: any(busy for _, _, busy in partial_files(media)), 20)   # mid-download
                    time.sleep(rng.uniform(0.0, 0.05))
                peak_kb = max(peak_kb, app.peak_rss_kb())
                parts = partial_files(media)
            finally:
                app.kill()
            assert app.proc.returncode is not None and app.proc.returncode < 0, app.output()[-2000:]
            kills.append((rnd, round(time.monotonic() - started, 2), sum(busy for _, _, busy in parts),
                          sum(size for _, size, _ in parts)))
        assert any(k[2] for k in kills), f"no kill caught a download in flight: {kills}"
        assert any(k[3] for k in kills), f"no kill left a partial file with bytes: {kills}"

        final = profile.start("--base-url", server.api_url, "--until-kept", "--timeout", "60",
                              module=[str(DRIVER)], env=env)
        assert final.wait(90) == 0, f"{kills}\n{final.output()[-2000:]}\n{final.log()[-4000:]}"

        db = sqlite3.connect(profile.data / "jobs.sqlite")
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            db.close()
        store = JobStore(profile.data / "jobs.sqlite")
        try:
            jobs = store.all_jobs()
        finally:
            store.close()
        assert len(jobs) == JOBS and all(j.state is JobState.DONE for j in jobs), \
            [(j.id, j.state, j.error) for j in jobs]
        assert sorted(j.request.audio_id for j in jobs) == [f"aud-kill{i:02d}" for i in range(JOBS)]
        assert len({j.task_id for j in jobs}) == JOBS and all(j.task_id in server.state.tasks for j in jobs)

        kept: set[Path] = set()
        for job in jobs:
            assert len(job.clips) == 2
            for rec in job.clips:
                assert Path(rec.audio_path).read_bytes() == server.audio_for(rec.id), f"{rec.id}: audio differs"
                assert Path(rec.image_path).read_bytes() == server.image_for(rec.id), f"{rec.id}: cover differs"
                kept |= {Path(rec.audio_path), Path(rec.image_path)}
        on_disk = {p for p in media.rglob("*") if p.is_file()}
        assert on_disk == kept, f"stray files: {sorted(map(str, on_disk - kept))[:5]}"

        assert any(r.headers.get("range") for r in server.requests("media")), "a cut download was resumed"
        posts = [r for r in server.requests("api") if r.method == "POST"]
        assert len(posts) == JOBS and server.submits == JOBS, "no job was submitted twice"
        print(f"\nkills (round, s after start, downloads in flight, partial bytes): {kills}; "
              f"peak RSS {peak_kb // 1024} MB")
    finally:
        server.stop()
