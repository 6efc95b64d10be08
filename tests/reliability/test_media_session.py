"""The media library over a whole session against the demo media host's faults: a download that fails once
is tried again on its own and ends saved, byte for byte; slow downloads cannot hold every slot forever."""

from __future__ import annotations

from pathlib import Path

import pytest

from cover_desktop.jobs.model import Job
from cover_desktop.jobs.store import JobStore
from helpers import done_job, run, until


def assert_saved(demo, job: Job, tmp_path: Path) -> None:
    for rec in job.clips:
        assert rec.media_error == "", rec.media_error
        assert Path(rec.audio_path).read_bytes() == demo.audio_for(rec.id), f"{rec.id}: audio differs"
        assert Path(rec.image_path).read_bytes() == demo.image_for(rec.id), f"{rec.id}: cover differs"
    assert not list((tmp_path / "media").rglob("*.part")), "no partial file is left"
    db = JobStore(tmp_path / "jobs.sqlite")
    try:
        kept = db.get(job.id)
    finally:
        db.close()
    assert kept is not None
    assert [(c.audio_path, c.image_path) for c in kept.clips] == [(c.audio_path, c.image_path) for c in job.clips]


@pytest.mark.parametrize("fault", ["reset-mid", "500"])
def test_a_download_that_fails_once_is_tried_again_in_the_session_and_saved_whole(make_library, demo, aloop,
                                                                                  tmp_path, fault):
    library = make_library()
    job = done_job(demo, "c1", task_id="upl-session")
    run(aloop, library.store.add(job))
    demo.inject(fault, target="media", path_contains="item_id=c1", count=1)
    library.fetch_missing(job)
    run(aloop, until(lambda: not library.busy(), timeout=20, what="the download and its retry"))
    assert_saved(demo, job, tmp_path)
    tries = demo.requests("media", "item_id=c1")
    assert len(tries) == 2, "one failure, one more try, no user action"
    if fault == "reset-mid":
        assert tries[1].headers.get("range", "").startswith("bytes="), "the retry went on from the cut"


def test_two_slow_downloads_do_not_starve_a_third(make_library, demo, aloop, tmp_path):
    # both slots taken by slow servers: one drips a byte at a time, one stalls; the stall timeout and the
    # overall deadline free them, so the third clip is kept and the slow ones are tried again
    library = make_library(stall_timeout=0.5, deadline=1.5)
    job = done_job(demo, "slow-drip", "slow-stall", "normal", task_id="upl-session")
    run(aloop, library.store.add(job))
    demo.inject("drip", target="media", path_contains="item_id=slow-drip", seconds=0.05)
    demo.inject("stall", target="media", path_contains="item_id=slow-stall", seconds=60)
    library.fetch_missing(job)
    normal = job.clips[2]
    run(aloop, until(lambda: normal.audio_path and normal.image_path, timeout=20, what="the third clip"))
    run(aloop, until(lambda: not library.busy(), timeout=20, what="the slow ones, tried again"))
    assert_saved(demo, job, tmp_path)
    assert len(demo.requests("media", "item_id=slow-drip")) == 2
    assert len(demo.requests("media", "item_id=slow-stall")) == 2
