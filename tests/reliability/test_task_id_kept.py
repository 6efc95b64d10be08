"""A task id the service returned is never dropped, even when the disk refuses to store it (disk full):
the write is tried again, the job is followed from memory, the id is logged and shown for copying."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.service import STORE_RETRY_DELAYS
from cover_desktop.jobs.store import AsyncJobStore
from helpers import on_disk, run, until


class DiskFullOnTaskId(AsyncJobStore):
    """Refuses the next ``refusals`` writes of a job that has a task id, as a full disk would."""

    def __init__(self, path, refusals: int):
        super().__init__(path)
        self.refusals = refusals
        self.refused = 0

    async def update(self, job: Job) -> None:
        if job.task_id and self.refused < self.refusals:
            self.refused += 1
            raise sqlite3.OperationalError("database or disk is full")
        await super().update(job)


@pytest.fixture
def disk_full_service(make_service, tmp_path):
    return lambda refusals: make_service(DiskFullOnTaskId(tmp_path / "jobs.sqlite", refusals))


def test_a_refused_write_of_the_task_id_is_tried_again(disk_full_service, demo, aloop, tmp_path):
    service = disk_full_service(refusals=1)
    job = run(aloop, service.submit(CoverRequest("aud1")))
    assert service.store.refused == 1
    assert job.task_id and job.state is JobState.RUNNING and job.error == ""
    kept = on_disk(tmp_path, job.id)
    assert kept is not None and kept.task_id == job.task_id and kept.state is JobState.RUNNING
    run(aloop, until(lambda: job.state is JobState.DONE, what="completion"))
    assert demo.submits == 1


@pytest.mark.log_warnings(r"cover_desktop\.jobs\.service: job \d+: task upl\w+ could not be saved in the job history "
                          r"\(database or disk is full\)")
def test_a_task_id_the_disk_keeps_refusing_is_followed_logged_shown_and_saved_later(disk_full_service, demo, aloop,
                                                                                     tmp_path, caplog):
    demo.duration = 1.0   # still running when the submit returns, so the first status is a change to save
    service = disk_full_service(refusals=len(STORE_RETRY_DELAYS) + 1)
    changed: list[Job] = []
    service.jobChanged.connect(changed.append)
    with caplog.at_level(logging.INFO, "cover_desktop.jobs.service"):
        job = run(aloop, service.submit(CoverRequest("aud1")))
    assert service.store.refused == len(STORE_RETRY_DELAYS) + 1, "every try was made"
    task_id = job.task_id
    assert task_id and job.state is JobState.RUNNING, "the task id is kept in memory"
    assert task_id in job.error and "could not save" in job.error and "disk is full" in job.error
    assert changed and changed[-1] is job, "the list is told, so it shows the id"
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and task_id in r.getMessage()]
    assert warned, "the log holds the task id"
    kept = on_disk(tmp_path, job.id)
    assert kept is not None and kept.task_id == "", "the disk really refused it"

    run(aloop, until(lambda: job.state is JobState.DONE, what="the job followed to its end"))
    assert len(job.clips) == 2 and demo.submits == 1, "followed, never sent again"
    kept = run(aloop, until(lambda: (j := on_disk(tmp_path, job.id)) and j.state is JobState.DONE and j,
                            what="the finished job on disk"))
    assert kept.task_id == task_id, "saved at the next change, once the disk took writes again"


@pytest.mark.log_warnings(r"could not be saved in the job history", r"Could not save the job history",
                          r"saving the job history failed")
def test_the_note_with_the_task_id_stays_while_the_disk_still_refuses(disk_full_service, demo, aloop, tmp_path):
    demo.duration = 3.0
    refusals = len(STORE_RETRY_DELAYS) + 1 + 50   # the disk stays full through the first polls
    service = disk_full_service(refusals=refusals)
    job = run(aloop, service.submit(CoverRequest("aud1")))
    task_id = job.task_id
    polls = len(demo.requests("api", "status"))
    run(aloop, until(lambda: len(demo.requests("api", "status")) >= polls + 2, what="two polls"))
    assert task_id in job.error, "a poll does not wipe the only place the user can see the task id"
