"""A big history reads back whole and in order: the requests are decoded a few hundred at a time (one JSON
decode of them all held the GIL, and the GUI thread, for 150 ms at 50,000 jobs with lyrics)."""

from __future__ import annotations

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs import schema
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.store import JobStore


def test_more_requests_than_one_decode_takes_come_back_whole_and_in_order(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    n = schema.REQUESTS_AT_ONCE * 2 + 7
    for j in range(n):
        store.add(Job(CoverRequest(f"aud{j}", True, f"line {j}\nsecond line é", f"style {j % 5}", f"Song {j}"),
                      state=JobState.DONE, created_at=1e9 + j))
    store.db.execute("UPDATE jobs SET request = '{\"audio_id\": \"odd\", \"extra\": 1}' WHERE id = ?",
                     (schema.REQUESTS_AT_ONCE + 3,))   # a row of another shape, in the second batch
    jobs = store.all_jobs()
    assert len(jobs) == n
    for job in jobs:
        if job.id == schema.REQUESTS_AT_ONCE + 3:
            assert job.request.audio_id == "odd"
        else:
            j = job.id - 1
            assert job.request == CoverRequest(f"aud{j}", True, f"line {j}\nsecond line é", f"style {j % 5}",
                                               f"Song {j}")
    store.close()
