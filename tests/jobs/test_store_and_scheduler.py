"""The job store (schema, WAL, round trips) and the one polling loop (limits, back-off, timeouts)."""

from __future__ import annotations

import sqlite3
import time

import pytest

from cover_desktop.api import ApiClient, CoverRequest
from cover_desktop.api.models import Clip
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.scheduler import PollPolicy, PollScheduler
from cover_desktop.jobs.store import MIGRATIONS, JobStore
from helpers import KEY, grows, run, until


def test_store_round_trip_schema_and_wal(tmp_path):
    path = tmp_path / "jobs.sqlite"
    store = JobStore(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    job = Job(request=CoverRequest("aud1", True, "p", "s", "t"), state=JobState.RUNNING, task_id="T1",
              raw_status="queued", history=[(1.0, "queued")],
              clips=[ClipRecord(Clip("c1", "http://a", extra={"model": "v5"}))])
    store.add(job)
    store.set_clip_media(job.id, "c1", "/x/c1.wav", "", "")
    job.history.append((2.0, "processing"))
    job.raw_status = "processing"
    store.update(job)  # must not wipe the media path written by set_clip_media
    store.close()
    again = JobStore(path).get(job.id)
    assert again.request == job.request and again.task_id == "T1" and again.raw_status == "processing"
    assert again.history == [(1.0, "queued"), (2.0, "processing")]
    assert again.clips[0].clip.extra == {"model": "v5"} and again.clips[0].audio_path == "/x/c1.wav"


def test_version_1_history_keeps_its_media_paths_after_the_move_to_clip_media(tmp_path):
    import sqlite3
    path = tmp_path / "jobs.sqlite"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);"
                     + MIGRATIONS[0])
    db.execute("INSERT INTO jobs (id, task_id, request, state, created_at, updated_at) VALUES"
               " (1, 'T', '{\"audio_id\": \"aud1\"}', 'done', 1, 1)")
    db.execute("INSERT INTO clips VALUES (1, 'c1', 0, '{\"id\": \"c1\"}', '/m/c1.wav', '/m/c1.png', '')")
    db.execute("INSERT INTO clips VALUES (1, 'c2', 1, '{\"id\": \"c2\"}', '', '', 'expired')")
    db.commit()
    db.close()
    store = JobStore(path)
    assert store.schema_version == len(MIGRATIONS)
    job = store.get(1)
    assert [(c.id, c.audio_path, c.image_path, c.media_error) for c in job.clips] == [
        ("c1", "/m/c1.wav", "/m/c1.png", ""), ("c2", "", "", "expired")]
    store.update(job)  # the job layer's upsert leaves the library's rows alone
    assert store.get(1).clips[0].audio_path == "/m/c1.wav"
    store.close()


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "jobs.sqlite"
    JobStore(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    with pytest.raises(RuntimeError, match="newer Cover Desktop"):
        JobStore(path)


def test_newest_first(tmp_path):
    store = JobStore(tmp_path / "j.sqlite")
    for i in range(3):
        store.add(Job(request=CoverRequest(f"aud{i}"), created_at=1000.0 + i))
    assert [j.request.audio_id for j in store.all_jobs()] == ["aud2", "aud1", "aud0"]


def test_poll_gaps_stretch_to_the_cap():
    p = PollPolicy(interval=3, cap=30, steady_polls=10)
    gaps = [p.gap(n) for n in range(1, 40)]
    assert gaps[:10] == [3] * 10
    assert gaps == sorted(gaps) and gaps[-1] == 30 and 3 < gaps[12] < 30


def _scheduler(client, policy, seen):
    return PollScheduler(client, policy, on_status=lambda j, s: seen.append((j, s.raw_status)),
                         on_error=lambda j, e, retry: seen.append((j, type(e).__name__)),
                         on_timeout=lambda j: seen.append((j, "timeout")))


async def _poll_stuck_jobs(demo, count, policy, seen, polls, before_start=lambda: None):
    """Submit ``count`` jobs that never finish and poll them until ``polls`` answers came back."""
    client = ApiClient(demo.api_url, KEY)
    ids = [await client.submit(CoverRequest(f"stuck-{i}")) for i in range(count)]
    sched = _scheduler(client, policy, seen)
    before_start()
    for i, tid in enumerate(ids):
        sched.track(i, tid, time.time(), now=True)
    sched.start()
    await until(lambda: len(seen) >= polls, what=f"{polls} polls")
    await sched.stop()
    await client.aclose()


def test_scheduler_limits_concurrent_requests(aloop, demo):
    demo.latency = 0.3
    seen = []
    run(aloop, _poll_stuck_jobs(demo, 10, PollPolicy(interval=0.05, concurrency=4), seen, 20,
                                before_start=lambda: setattr(demo.state, "max_in_flight", 0)))
    assert demo.state.max_in_flight == 4
    assert {raw for _, raw in seen} == {"processing"}


@pytest.mark.log_warnings(r"status failed \(try 1/1\): rate_limited")
def test_scheduler_holds_every_job_back_after_a_429(aloop, demo):
    seen = []
    run(aloop, _poll_stuck_jobs(demo, 3, PollPolicy(interval=0.05, concurrency=1), seen, 4,
                                before_start=lambda: demo.inject("429", path_contains="status", retry_after="1")))
    status = demo.requests("api", "status")
    assert seen[0][1] == "RateLimited"
    gap = status[1].at - status[0].at
    assert gap >= 0.9, f"the next poll came {gap:.2f}s after a 429 asking for 1 s"


def test_scheduler_stops_at_done_and_times_out(aloop, demo):
    seen = []

    async def body():
        client = ApiClient(demo.api_url, KEY)
        done = await client.submit(CoverRequest("aud1"))
        stuck = await client.submit(CoverRequest("stuck-1"))
        witness = await client.submit(CoverRequest("stuck-witness"))
        sched = _scheduler(client, PollPolicy(interval=0.05, timeout=0.5), seen)
        sched.track(1, done, time.time(), now=True)
        sched.track(2, stuck, time.time(), now=True)
        sched.track(3, witness, time.time() + 3600, now=True)   # submitted "later": no timeout here
        sched.start()
        await until(lambda: (2, "timeout") in seen, what="the timeout")
        # by the third poll of a job followed beside them, another poll of either would have come
        await grows(lambda: seen.count((3, "processing")), 3, "three polls of another job")
        await sched.stop()
        await client.aclose()
        return done

    done = run(aloop, body())
    assert seen.count((2, "processing")) >= 1, "a job is asked about at least once before it times out"
    assert seen.count((1, "complete")) == 1, "a finished job is polled no more"
    assert len(demo.requests("api", f"task_id={done}")) == 1


async def _poll_until_answered(demo, policy, seen, task_id=None, submitted_at=None):
    """Track one job (a new demo task unless ``task_id``) and poll until its first answer; then until a job
    followed beside it has been asked three times more, by when any further poll of the first would have
    come. ``seen`` gets what was seen of the first job."""
    client = ApiClient(demo.api_url, KEY)
    task_id = task_id or await client.submit(CoverRequest("aud1"))
    witness = await client.submit(CoverRequest("stuck-witness"))
    both: list[tuple[int, str]] = []
    sched = _scheduler(client, policy, both)
    sched.track(1, task_id, submitted_at or time.time(), now=True)
    sched.track(2, witness, time.time() + 3600, now=True)
    sched.start()
    await until(lambda: any(job == 1 for job, _ in both), what="the first answer")
    await grows(lambda: sum(job == 2 for job, _ in both), 3, "three polls of another job")
    await sched.stop()
    await client.aclose()
    seen.extend(event for event in both if event[0] == 1)


@pytest.mark.log_warnings(r"status failed \(try 1/1\): not_found")
def test_unknown_task_fails_the_job(aloop, demo):
    seen = []
    run(aloop, _poll_until_answered(demo, PollPolicy(interval=0.05), seen, task_id="upl-never-existed"))
    assert seen == [(1, "NotFound")]


def test_a_job_older_than_the_timeout_is_checked_once_before_giving_up(aloop, demo):
    """After the app was closed for a long time, a job may well be finished: ask before timing out."""
    seen = []
    run(aloop, _poll_until_answered(demo, PollPolicy(interval=0.05, timeout=60), seen,
                                    submitted_at=time.time() - 3600))
    assert seen == [(1, "complete")]
