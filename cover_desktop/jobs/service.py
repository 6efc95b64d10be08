"""The job layer: submit, follow and keep jobs. Views listen to its signals; it knows no widgets.

``JobService`` is the one holder of the jobs and their clip records (``jobs``) and the one stream of events
about them (``jobAdded``/``jobChanged``/``jobRemoved``/``jobFinished``; the library's ``clipChanged`` for a
clip's media and marks). Views and models keep no copies: they read ``jobs``/``newest_first()`` when told."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..api.errors import (
    ApiError,
    AuthError,
    InsufficientCredits,
    NetworkError,
    ValidationError,
)
from ..api.models import CoverRequest, TaskStatus
from ..api.words import N_, Words
from ..i18n import translate
from ..tasks import TaskSet
from .model import Job, JobState
from .scheduler import PauseReason, PollPolicy, PollScheduler
from .store import AsyncJobStore

if TYPE_CHECKING:
    # for types only: the client's code (httpx) is the runtime's to import, when it starts
    from ..api.client import ApiClient, RetryNotice

log = logging.getLogger(__name__)

STORE_RETRY_DELAYS = (0.1, 0.5, 1.5)   # seconds between writes of a task id the disk refused


# the words a job keeps with it: Words, so the window says them in the language it speaks when it shows them
def interrupted() -> Words:
    return Words.of(N_("The app stopped while this job was being submitted, so it is not known whether the service "
                       "created it. Check your account before submitting again."))


def task_id_unsaved(task_id: str, why: str) -> Words:
    return Words.of(N_("The service accepted this job as task {task_id}, but the job history could not save it "
                       "({why}). The app keeps following it; copy the task id to be safe."), task_id=task_id, why=why)


def unconfirmed(why: str) -> Words:
    return Words.of(N_("The service's answer to the submit was lost ({why}). The job may have been created and "
                       "charged; check your account before submitting again."), why=why)


def definitely_not_created(err: ApiError) -> bool:
    """True when the service surely did not create (or charge) the job."""
    if isinstance(err, ValidationError) or not err.reached_server:
        return True
    return err.status is not None and 400 <= err.status < 500


@dataclass
class BatchResult:
    total: int
    submitted: int = 0
    failures: list[Words] = field(default_factory=list)
    not_tried: int = 0
    stopped_by: str = ""    # "", "cancel" or the error that made trying the rest pointless

    def summary(self, say: Callable[[Words], str] = str) -> str:
        """In the user's language when ``say`` is ``ui.messages.describe`` (the failures are the service's)."""
        if not self.failures and not self.not_tried:
            return translate("JobService", "%n job(s) submitted.", None, self.submitted)
        text = translate("JobService", "{submitted} of %n job(s) submitted.", None, self.total).format(
            submitted=self.submitted)
        if self.stopped_by == "cancel":
            text += " " + translate("JobService", "Stopped: %n not sent.", None, self.not_tried)
        elif self.not_tried:
            text += " " + translate("JobService", "%n not tried.", None, self.not_tried)
        return " ".join([text, *map(say, self.failures[:3])])


class JobService(QObject):
    jobAdded = Signal(object)
    jobChanged = Signal(object)
    jobRemoved = Signal(int)
    jobFinished = Signal(object)
    notice = Signal(str, object)       # level, Words
    pausedChanged = Signal(bool, object)    # paused, PauseReason
    connectionChanged = Signal(bool, object)   # reachable, words (Words or text) for the status bar
    batchProgress = Signal(int, int)        # sent so far, total
    batchFinished = Signal(object)          # BatchResult

    def __init__(self, store: AsyncJobStore, client: ApiClient, policy: PollPolicy | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.client = client
        client.on_retry = self._on_retry
        self.jobs: dict[int, Job] = {}
        self.scheduler = PollScheduler(client, policy, on_status=self._on_status, on_error=self._on_error,
                                       on_timeout=self._on_timeout, on_paused=self.pausedChanged.emit,
                                       on_hold=self._on_hold, on_failure=self._on_poll_failure)
        self._writes = TaskSet(self._write_failed, "job store writes")
        self._unsaved: set[int] = set()   # accepted jobs whose task id the disk has refused so far
        self.reachable: bool | None = None
        self._hold_words: Words | None = None
        self._batch_stop = False
        self.batch_running = False

    # -- life cycle ------------------------------------------------------------------------------
    async def load(self) -> list[Job]:
        jobs = await self.store.all_jobs()
        for job in reversed(jobs):  # oldest first, so "newest first" views can insert at the top
            self.jobs[job.id] = job
            if job.state is JobState.SUBMITTING:
                job.state, job.error = JobState.UNCERTAIN, interrupted()
                await self.store.update(job)
            elif job.state is JobState.RUNNING and job.task_id:
                self.scheduler.track(job.id, job.task_id, job.submitted_at or job.created_at, now=True)
        self.scheduler.start()
        return jobs

    async def aclose(self) -> None:
        self._batch_stop = True
        await self.scheduler.stop()
        # store writes already queued must land; the rest is cancelled
        await self._writes.wait(timeout=2)

    def newest_first(self) -> list[Job]:
        """Every job, as the lists show them. The service is their one holder: views read them here."""
        return sorted(self.jobs.values(), key=lambda j: (j.created_at, j.id), reverse=True)

    # -- actions ---------------------------------------------------------------------------------------
    async def submit(self, request: CoverRequest) -> Job:
        """Send one job. Raises ApiError (ValidationError before anything is stored or sent).

        The one place a request is validated; the form shows the same ``CoverRequest.problems()``.
        """
        request = request.validated()
        job = Job(request=request)
        await self.store.add(job)               # on disk before the request leaves
        self.jobs[job.id] = job
        self.jobAdded.emit(job)
        try:
            task_id = await self.client.submit(request)
            self._reach(True)
        except asyncio.CancelledError:
            job.state, job.error = JobState.UNCERTAIN, interrupted()
            await asyncio.shield(self.store.update(job))
            raise
        except ApiError as err:
            if isinstance(err, NetworkError):
                self._reach(False, err.message)
            if definitely_not_created(err):
                await self._drop(job.id)
            else:
                job.state, job.error = JobState.UNCERTAIN, unconfirmed(err.message)
                await self.store.update(job)
                self.jobChanged.emit(job)
            raise
        if job.id not in self.jobs:
            log.info("job %s was removed while it was being submitted; task %s is not followed", job.id, task_id)
            job.task_id = task_id
            return job
        job.task_id, job.state, job.submitted_at = task_id, JobState.RUNNING, time.time()
        job.raw_status = "submitted"
        job.history.append((job.submitted_at, "submitted"))
        log.info("job %s submitted as task %s", job.id, task_id)
        # the task id is kept before we act on it; a paid job is never dropped for a disk that refuses it
        problem = await self._store_task_id(job)
        if problem:
            log.warning("job %s: task %s could not be saved in the job history (%s); it is kept in memory, "
                        "followed, and saved again at the next change", job.id, task_id, problem)
            job.error = task_id_unsaved(task_id, problem)
            self._unsaved.add(job.id)
        self.jobChanged.emit(job)
        self.scheduler.track(job.id, task_id, job.submitted_at)
        return job

    async def submit_batch(self, requests: list[CoverRequest]) -> BatchResult:
        """Send one job per request, in order. Stops early on ``cancel_batch()`` (between submits: one in
        flight is never cut off, as that could leave it charged and unknown) or on an error that will
        refuse every other submit too (the key, the credits)."""
        result = BatchResult(len(requests))
        self._batch_stop = False
        self.batch_running = True
        try:
            for i, request in enumerate(requests):
                if self._batch_stop:
                    result.not_tried, result.stopped_by = len(requests) - i, "cancel"
                    break
                self.batchProgress.emit(i, len(requests))
                try:
                    await self.submit(request)
                    result.submitted += 1
                except ApiError as err:
                    result.failures.append(Words.of(N_("{name}: {problem}"), name=request.audio_id,
                                                    problem=err.message))
                    if isinstance(err, (AuthError, InsufficientCredits)):
                        result.not_tried, result.stopped_by = len(requests) - i - 1, err.message
                        break
            self.batchProgress.emit(result.submitted, len(requests))
        finally:
            self.batch_running = False
            self.batchFinished.emit(result)
        return result

    def cancel_batch(self) -> None:
        self._batch_stop = True

    def retry_polling(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job is None or not job.task_id:
            return
        if job.state is not JobState.DONE:
            job.state, job.error, job.finished_at = JobState.RUNNING, "", None
            # the timeout counts from now, not from the first submit
            job.submitted_at = time.time()
            self._write(job)
            self.jobChanged.emit(job)
        self.scheduler.track(job.id, job.task_id, job.submitted_at or time.time(), now=True)

    async def remove(self, job_id: int) -> None:
        self.scheduler.untrack(job_id)
        await self._drop(job_id)

    def set_policy(self, policy: PollPolicy) -> None:
        """New intervals from Settings: the next poll of each job follows them; nothing is restarted."""
        self.scheduler.policy = policy

    def pause(self, reason: PauseReason = PauseReason.USER) -> None:
        self.scheduler.pause(reason)

    def resume(self) -> None:
        self.scheduler.resume()

    @property
    def paused(self) -> bool:
        return self.scheduler.paused

    @property
    def pause_reason(self) -> PauseReason:
        return self.scheduler.pause_reason

    def set_paused(self, paused: bool) -> None:
        self.pause() if paused else self.resume()

    def poll_now(self) -> None:
        self.scheduler.poll_now()

    def report_reach(self, ok: bool, words: str = "") -> None:
        """Any request's outcome (a key test, a download) tells whether the service can be reached."""
        self._reach(ok, words)

    # -- scheduler callbacks ----------------------------------------------------------------------------
    def _reach(self, ok: bool, words: str = "") -> None:
        if ok != self.reachable:
            self.reachable = ok
            self.connectionChanged.emit(ok, words)

    def _on_status(self, job_id: int, status: TaskStatus) -> None:
        self._reach(True)
        job = self.jobs.get(job_id)
        if job is None:
            return
        was_active = job.state.active
        if job.error and job.state.active and job.id not in self._unsaved:
            job.error = ""   # a passing problem (a retry) is over; a task id not yet on disk is not
        if job.apply(status) or was_active != job.state.active:
            self._write(job)
            self.jobChanged.emit(job)
            if was_active and not job.state.active:
                self.jobFinished.emit(job)

    def _on_error(self, job_id: int, err: ApiError, will_retry: bool) -> None:
        # one line: why, and how long the wait is
        said = err.message if self._hold_words is None else Words.joined(err.message, self._hold_words)
        self._hold_words = None
        if isinstance(err, NetworkError):
            self._reach(False, err.message)
        job = self.jobs.get(job_id)
        if job is None:
            return
        if will_retry:
            job.error = Words.joined(err.message, Words.of(N_("Will keep checking.")))
        else:
            job.state, job.error, job.finished_at = JobState.FAILED, err.message, time.time()
        self._write(job)
        self.jobChanged.emit(job)
        self.notice.emit("warning" if will_retry else "error", said)

    def _on_hold(self, seconds: float) -> None:
        """Called just before the error that asked for the wait, whose notice then says it too."""
        self._hold_words = (Words.of(N_("Next check in {seconds} s; F5 checks now."), seconds=max(1, round(seconds)))
                            if seconds > 0 else None)

    def _on_poll_failure(self, problem: str) -> None:
        self.notice.emit("error", Words.of(N_("{problem} Checking jobs starts again by itself."), problem=problem))

    def _on_timeout(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job is None:
            return
        minutes = round(self.scheduler.policy.timeout / 60)
        job.state, job.finished_at = JobState.TIMED_OUT, time.time()
        job.error = Words.of(N_("No result after {minutes} min. Use \u201cRetry polling\u201d to keep waiting."),
                             minutes=minutes)
        self._write(job)
        self.jobChanged.emit(job)

    def _on_retry(self, n: RetryNotice) -> None:
        self.notice.emit("warning", Words.joined(n.error.message, Words.of(
            N_("Retrying in {seconds} s (try {attempt} of {attempts})."),
            seconds=round(n.delay), attempt=n.attempt + 1, attempts=n.attempts)))

    # -- helpers -----------------------------------------------------------------------------------------
    async def _store_task_id(self, job: Job) -> str:
        """Write a job the service has just accepted, trying again a few times: "" once it is on disk,
        else what the disk said."""
        problem = ""
        for delay in (*STORE_RETRY_DELAYS, None):
            try:
                await asyncio.shield(self.store.update(job))
                return ""
            except (sqlite3.Error, OSError) as exc:
                problem = str(exc) or type(exc).__name__
            if delay is not None:
                await asyncio.sleep(delay)
        return problem

    async def _drop(self, job_id: int) -> None:
        await self.store.remove(job_id)
        if self.jobs.pop(job_id, None) is not None:
            self.jobRemoved.emit(job_id)

    def _write(self, job: Job) -> None:
        self._writes.spawn(self._update(job), "saving the job history")

    async def _update(self, job: Job) -> None:
        await self.store.update(job)
        if job.id in self._unsaved:   # the disk takes writes again: the task id is safe now
            self._unsaved.discard(job.id)

    def _write_failed(self, message: str) -> None:
        self.notice.emit("error", translate("JobService", "Could not save the job history: {reason}").format(
            reason=message))
