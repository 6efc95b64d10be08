"""Refused bodies give their connection back to the pool (issue 17, defect 1).

A refusal raised while a body streams in (a CDN's error page served as 200, junk that is not audio) used to
leave the connection checked out of httpx's pool under qasync: the body's iterator was left to the garbage
collector, which closed httpcore's stream from no task. After as many refusals as the pool holds (six),
every later download waited out the pool timeout and failed as "stalled".
"""

from __future__ import annotations

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from helpers import media_clip, run, until

pytestmark = pytest.mark.log_warnings(r"cover_desktop\.media\.library: media for clip bad")

REFUSED = 20


@pytest.fixture
def library(make_library):
    # a stall timeout far below the pool's 60 s: a download waiting for a connection fails fast
    return make_library(stall_timeout=5.0)


def clip(demo, cid: str, cover: bool = False) -> ClipRecord:
    return media_clip(demo, cid, cover=cover)


def test_twenty_refused_bodies_in_a_row_then_a_good_clip_is_saved(library, demo, aloop, tmp_path):
    bad = [clip(demo, f"bad{i}") for i in range(REFUSED)]
    for i, rec in enumerate(bad):
        # half a login page served as 200, half junk: both refused after their first bytes
        demo.inject("html" if i % 2 else "garbage", target="media", path_contains=f"item_id={rec.id}")
    refused = Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="upl-refused", clips=bad)
    run(aloop, library.store.add(refused))
    library.fetch_missing(refused)
    run(aloop, until(lambda: not library.busy(), timeout=30, what="the refusals"))
    assert all("is not audio" in rec.media_error for rec in bad), [rec.media_error for rec in bad]

    good = Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="upl-good",
               clips=[clip(demo, "good", cover=True)])
    run(aloop, library.store.add(good))
    library.fetch_missing(good)
    rec = good.clips[0]
    run(aloop, until(lambda: not library.busy(), timeout=20, what="the good clip"))
    assert rec.media_error == ""
    assert open(rec.audio_path, "rb").read() == demo.audio_for("good")
    assert open(rec.image_path, "rb").read() == demo.image_for("good")
    assert len(demo.requests("media", "item_id=good")) == 1, "saved at the first try"
