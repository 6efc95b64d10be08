"""A full disk while clips download (issue 17, defect 6), through the real window on the demo server.

The disk is a seam (the fetcher's writer and the library's free-space reading), never a real disk filled:
while it is "full" every write of a download fails with ENOSPC and 3 MB are free.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from cover_desktop.jobs.model import JobState
from cover_desktop.jobs.recovery import check
from cover_desktop.jobs.store import JobStore
from helpers import fill, find, jobs, run, submit, until

MB = 2**20

pytestmark = pytest.mark.log_warnings(r"cover_desktop\.media\.library: media: the disk holding .* is full")


class Disk:
    def __init__(self) -> None:
        self.full = False
        self.refused = 0

    def write(self, f: BinaryIO, data: bytes) -> None:
        if self.full:
            self.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        f.write(data)

    def free(self, path: Path) -> int:
        return 3 * MB if self.full else 500 * MB


def parts(root: Path) -> list[Path]:
    return sorted(root.rglob("*.part"))


def test_a_full_disk_is_said_frees_partial_files_keeps_the_history_and_resumes(harness, demo, aloop, keyed):
    win = harness.window(demo.api_url)
    rt = win.rt
    disk = Disk()
    rt.fetcher.writer = disk.write
    rt.library.free_space = disk.free
    rt.library.space_poll = (0.05, 0.2)
    # a download an earlier session left half done, which no one is writing
    stale = rt.library.root / "upl-earlier" / "clip.0123456789ab.part"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"RIFF" + bytes(4000))
    disk.full = True

    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE, what="the job done"))
    job = jobs(win)[0]
    status = find(win, "statusMessage")
    run(aloop, until(lambda: "disk is full (3 MB free)" in status.text(), what="the window saying so"))
    run(aloop, until(lambda: all(c.media_error == "Waiting for free disk space." for c in job.clips),
                     what="every clip waiting"))
    assert disk.refused >= 1
    assert parts(rt.library.root) == [], "partial files no one writes are freed"
    assert not any(c.audio_path for c in job.clips)

    # the history on disk is whole: the job, its task id and its clips
    assert check(rt.db_path) == ""
    db = JobStore(rt.db_path)
    try:
        kept = db.get(job.id)
    finally:
        db.close()
    assert kept is not None and kept.task_id == job.task_id and kept.state is JobState.DONE
    assert [c.id for c in kept.clips] == [c.id for c in job.clips]

    asked = len(demo.requests("media"))
    disk.full = False
    run(aloop, until(lambda: all(c.audio_path and c.image_path for c in job.clips) and not rt.library.busy(),
                     timeout=20, what="the clips saved once there is space"))
    for rec in job.clips:
        assert rec.media_error == ""
        assert Path(rec.audio_path).read_bytes() == demo.audio_for(rec.id)
        assert Path(rec.image_path).read_bytes() == demo.image_for(rec.id)
    assert parts(rt.library.root) == []
    assert len(demo.requests("media")) > asked, "downloads went on by themselves"
