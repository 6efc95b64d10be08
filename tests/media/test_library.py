"""The media library on its own: a real store, a real fetcher, the demo server's media host."""

from __future__ import annotations

from pathlib import Path

import pytest

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.store import JobStore
from helpers import done_job, run, until


@pytest.fixture
def parts(make_library):
    library = make_library()
    return library.store, library


def test_keeps_audio_and_cover_and_stores_them_in_its_own_rows(parts, demo, aloop, tmp_path):
    store, library = parts
    job = done_job(demo, "c1", "c2")
    run(aloop, store.add(job))
    changed: list[tuple[int, str]] = []
    library.clipChanged.connect(lambda j, c: changed.append((j, c)))
    library.fetch_missing(job)
    run(aloop, until(lambda: not library.busy(), what="the downloads"))
    for rec in job.clips:
        assert Path(rec.audio_path).read_bytes() == demo.audio_for(rec.id)
        assert Path(rec.image_path).read_bytes() == demo.image_for(rec.id)
        assert rec.media_error == "" and rec.progress == -1.0
    assert (job.id, "c1") in changed and (job.id, "c2") in changed
    # the job layer's own write of what the service said leaves the library's paths alone
    job.raw_status = "complete"
    run(aloop, store.update(job))
    run(aloop, store.close())
    kept = JobStore(tmp_path / "jobs.sqlite").get(job.id)
    assert [c.audio_path for c in kept.clips] == [c.audio_path for c in job.clips]


@pytest.mark.log_warnings(r"media.library: media for clip c1: Refused to fetch")
def test_a_refused_url_is_an_error_on_the_clip_and_nothing_is_fetched(parts, demo, aloop):
    store, library = parts
    job = Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="t-file",
              clips=[ClipRecord(Clip("c1", audio_url="file:///etc/passwd", image_url="ftp://x/y.png"))])
    run(aloop, store.add(job))
    problems: list[str] = []
    library.problem.connect(problems.append)
    library.fetch_missing(job)
    run(aloop, until(lambda: job.clips[0].media_error and not library.busy(), what="the refusal"))
    assert "only http and https" in job.clips[0].media_error
    assert problems and "only http and https" in problems[0]
    assert not demo.requests("media")


def test_resume_fetches_only_what_an_earlier_session_left(parts, demo, aloop):
    store, library = parts
    job = done_job(demo, "r1")
    running = done_job(demo, "r2")
    running.state = JobState.RUNNING
    for j in (job, running):
        run(aloop, store.add(j))
    assert run(aloop, library.resume([job, running])) == 1
    run(aloop, until(lambda: not library.busy(), what="the download"))
    assert job.clips[0].audio_path and not running.clips[0].audio_path
    assert run(aloop, library.resume([job])) == 0, "nothing left to fetch"


@pytest.mark.log_warnings(r"media.library: media for clip x1: The audio link has expired")
def test_retry_after_an_expired_link_tries_again(parts, demo, aloop):
    store, library = parts
    job = done_job(demo, "x1")
    job.clips[0].clip.audio_url = f"{demo.media_url}/audio?item_id=expired-x1"
    run(aloop, store.add(job))
    library.fetch_missing(job)
    run(aloop, until(lambda: job.clips[0].media_error and not library.busy(), what="the failure"))
    assert "expired" in job.clips[0].media_error
    before = len(demo.requests("media", "expired-x1"))
    job.clips[0].clip.audio_url = f"{demo.media_url}/audio?item_id=x1"
    assert library.retry(job, job.clips[0])
    run(aloop, until(lambda: job.clips[0].audio_path and not library.busy(), what="the retry"))
    assert job.clips[0].media_error == "" and before == 1
    assert not library.retry(job, job.clips[0]), "a saved clip has nothing to retry"
