"""The job service on its own: a real store, a real client, the demo server; no window."""

from __future__ import annotations

import asyncio

import pytest

from cover_desktop.api.errors import ApiError, ValidationError
from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import JobState
from cover_desktop.jobs.store import JobStore
from helpers import grows, on_disk, run, until


@pytest.fixture
def service(make_service):
    return make_service()


def test_submit_stores_then_follows_the_job_to_done(service, demo, aloop, tmp_path):
    finished = []
    service.jobFinished.connect(finished.append)
    job = run(aloop, service.submit(CoverRequest("  aud1  ", True, " words ", "folk", "River")))
    assert job.task_id and job.state is JobState.RUNNING
    assert demo.requests("api", "generate")[0].json()["audio_id"] == "aud1", "trimmed once, in the service"
    run(aloop, until(lambda: finished, what="completion"))
    assert finished[0].state is JobState.DONE and len(finished[0].clips) == 2
    kept = run(aloop, until(lambda: (j := on_disk(tmp_path, job.id)) and j.state is JobState.DONE and j,
                            what="the finished job on disk"))
    assert kept.task_id == job.task_id


def test_an_invalid_request_is_neither_stored_nor_sent(service, demo, aloop):
    added = []
    service.jobAdded.connect(added.append)
    with pytest.raises(ValidationError) as info:
        run(aloop, service.submit(CoverRequest("aud1", custom_mode=True, prompt="  ")))
    assert info.value.field == "prompt"
    assert added == [] and service.jobs == {} and demo.requests() == []


@pytest.mark.log_warnings(r"generate failed \(try 1/4\): server_error")
def test_a_lost_reply_after_sending_keeps_the_job_unconfirmed(service, demo, aloop):
    demo.inject("500", path_contains="generate")
    with pytest.raises(ApiError):
        run(aloop, service.submit(CoverRequest("aud1")))
    (job,) = service.jobs.values()
    assert job.state is JobState.UNCERTAIN and "may have been created" in job.error
    assert demo.submits == 0 and len(demo.requests("api", "generate")) == 1, "never retried: it may be charged"


def test_a_batch_sends_each_request_in_order(service, demo, aloop):
    progress = []
    service.batchProgress.connect(lambda sent, total: progress.append((sent, total)))
    result = run(aloop, service.submit_batch([CoverRequest(f"aud{i}") for i in range(3)]))
    assert result.submitted == 3 and not result.failures and result.summary() == "3 jobs submitted."
    assert [r.json()["audio_id"] for r in demo.requests("api", "generate")] == ["aud0", "aud1", "aud2"]
    assert progress[-1] == (3, 3)


@pytest.mark.log_warnings(r"generate failed \(try 1/4\): authentication_error")
def test_a_refused_key_stops_the_rest_of_a_batch(service, demo, aloop):
    demo.inject("401", path_contains="generate")
    result = run(aloop, service.submit_batch([CoverRequest(f"aud{i}") for i in range(5)]))
    assert result.submitted == 0 and result.not_tried == 4
    assert len(demo.requests("api", "generate")) == 1
    assert "4 not tried" in result.summary()


def test_cancel_stops_a_batch_between_submits(service, demo, aloop):
    demo.latency = 0.1
    service.batchProgress.connect(lambda sent, total: service.cancel_batch() if sent == 2 else None)
    result = run(aloop, service.submit_batch([CoverRequest(f"aud{i}") for i in range(50)]))
    # asked while the third was about to go: that one is sent, no other
    assert result.submitted == 3 and result.stopped_by == "cancel" and result.not_tried == 47
    assert demo.submits == 3
    assert "Stopped: 47 not sent" in result.summary()
    demo.latency = 0   # the three jobs sent are polled until the end of the test: quickly


@pytest.mark.log_warnings(r"generate failed \(try \d/4\): network")
def test_unreachable_server_on_submit_reports_the_connection(make_service, aloop):
    svc = make_service(base_url="http://127.0.0.1:9")
    seen = []
    svc.connectionChanged.connect(lambda ok, words: seen.append(ok))
    with pytest.raises(ApiError):
        run(aloop, svc.submit(CoverRequest("aud1")))
    assert seen == [False]
    assert svc.jobs == {}, "a submit that never left the machine leaves no job"


def test_removing_a_job_while_it_is_being_submitted_keeps_it_removed(service, demo, aloop, tmp_path):
    demo.latency = 0.3
    added = []
    service.jobAdded.connect(added.append)

    async def body():
        sending = asyncio.ensure_future(service.submit(CoverRequest("aud1")))
        await until(lambda: added, what="the job on disk")
        await service.remove(added[0].id)
        return await sending

    job = run(aloop, body())
    assert job.task_id, "the task id the service returned is still told to the caller"
    assert service.jobs == {} and demo.submits == 1
    # a job followed beside it: by its third poll, any poll of the removed one would have come
    witness = run(aloop, service.submit(CoverRequest("stuck-witness")))
    run(aloop, grows(lambda: len(demo.requests("api", witness.task_id)), 3, "three polls of another job"))
    assert len(demo.requests("api", "status")) == len(demo.requests("api", witness.task_id))
    run(aloop, service.remove(witness.id))
    assert JobStore(tmp_path / "jobs.sqlite").all_jobs() == []


@pytest.mark.parametrize("request_, field", [
    (CoverRequest("aud1", custom_mode=True, prompt="p" * 5001), "prompt"),
    (CoverRequest("aud1", callback_url="ftp://example.org/hook"), "callback_url"),
    (CoverRequest("aud 1"), "audio_id"),
    (CoverRequest("   "), "audio_id"),
])
def test_the_service_is_the_one_place_a_request_is_checked(service, demo, aloop, request_, field):
    with pytest.raises(ValidationError) as info:
        run(aloop, service.submit(request_))
    assert info.value.field == field and demo.requests() == [] and service.jobs == {}
