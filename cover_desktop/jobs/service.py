"""The job layer: submit, follow and keep jobs. Views listen to its signals; it knows no widgets."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Coroutine

from PySide6.QtCore import QObject, Signal

from ..api.client import ApiClient, RetryNotice
from ..api.errors import ApiError, NetworkError, ValidationError
from ..api.models import CoverRequest, TaskStatus
from .model import Job, JobState
from .scheduler import PollPolicy, PollScheduler
from .store import AsyncJobStore

log = logging.getLogger(__name__)

INTERRUPTED = ("The app stopped while this job was being submitted, so it is not known whether the "
               "service created it. Check your account before submitting again.")
UNCONFIRMED = ("The service's answer to the submit was lost ({why}). The job may have been created and "
               "charged; check your account before submitting again.")


def definitely_not_created(err: ApiError) -> bool:
    """True when the service surely did not create (or charge) the job."""
    if isinstance(err, ValidationError) or not err.reached_server:
        return True
    return err.status is not None and 400 <= err.status < 500


class JobService(QObject):
    jobAdded = Signal(object)
    jobChanged = Signal(object)
    jobRemoved = Signal(int)
    jobFinished = Signal(object)
    notice = Signal(str, str)          # level, text
    pausedChanged = Signal(bool, str)
    connectionChanged = Signal(bool, str)   # reachable, words for the status bar

    def __init__(self, store: AsyncJobStore, client: ApiClient, policy: PollPolicy | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.client = client
        client.on_retry = self._on_retry
        self.jobs: dict[int, Job] = {}
        self.scheduler = PollScheduler(client, policy, on_status=self._on_status, on_error=self._on_error,
                                       on_timeout=self._on_timeout, on_paused=self.pausedChanged.emit)
        self._tasks: set[asyncio.Task] = set()
        self.reachable: bool | None = None

    # -- life cycle ------------------------------------------------------------------------------
    async def load(self) -> list[Job]:
        jobs = await self.store.all_jobs()
        for job in reversed(jobs):  # oldest first, so "newest first" views can insert at the top
            self.jobs[job.id] = job
            if job.state is JobState.SUBMITTING:
                job.state, job.error = JobState.UNCERTAIN, INTERRUPTED
                await self.store.update(job)
            elif job.state is JobState.RUNNING and job.task_id:
                self.scheduler.track(job.id, job.task_id, job.submitted_at or job.created_at, now=True)
        self.scheduler.start()
        return jobs

    async def aclose(self) -> None:
        await self.scheduler.stop()
        tasks = list(self._tasks)
        if tasks:
            # store writes already queued must land; the rest is cancelled
            done, pending = await asyncio.wait(tasks, timeout=2)
            for t in pending:
                t.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    def set_client(self, client: ApiClient) -> None:
        self.client = client
        client.on_retry = self._on_retry
        self.scheduler.set_source(client)

    # -- actions ---------------------------------------------------------------------------------------
    async def submit(self, request: CoverRequest) -> Job:
        """Send one job. Raises ApiError (ValidationError before anything is stored or sent)."""
        request = request.validated()
        job = Job(request=request)
        await self.store.add(job)               # on disk before the request leaves
        self.jobs[job.id] = job
        self.jobAdded.emit(job)
        try:
            task_id = await self.client.submit(request)
            self._reach(True)
        except asyncio.CancelledError:
            job.state, job.error = JobState.UNCERTAIN, INTERRUPTED
            await asyncio.shield(self.store.update(job))
            raise
        except ApiError as err:
            if definitely_not_created(err):
                await self._drop(job.id)
            else:
                job.state, job.error = JobState.UNCERTAIN, UNCONFIRMED.format(why=err.message)
                await self.store.update(job)
                self.jobChanged.emit(job)
            raise
        job.task_id, job.state, job.submitted_at = task_id, JobState.RUNNING, time.time()
        job.raw_status = "submitted"
        job.history.append((job.submitted_at, "submitted"))
        await self.store.update(job)            # the task id is kept before we act on it
        self.jobChanged.emit(job)
        self.scheduler.track(job.id, task_id, job.submitted_at)
        log.info("job %s submitted as task %s", job.id, task_id)
        return job

    def retry_polling(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job is None or not job.task_id:
            return
        if job.state is not JobState.DONE:
            job.state, job.error, job.finished_at = JobState.RUNNING, "", None
            # the timeout counts from now, not from the first submit
            job.submitted_at = time.time()
            self._spawn(self.store.update(job))
            self.jobChanged.emit(job)
        self.scheduler.track(job.id, job.task_id, job.submitted_at or time.time(), now=True)

    async def remove(self, job_id: int) -> None:
        self.scheduler.untrack(job_id)
        await self._drop(job_id)

    def pause(self) -> None:
        self.scheduler.pause("Polling paused")

    def resume(self) -> None:
        self.scheduler.resume()

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
        if job.error and job.state.active:
            job.error = ""
        if job.apply(status) or was_active != job.state.active:
            self._spawn(self.store.update(job))
            self.jobChanged.emit(job)
            if was_active and not job.state.active:
                self.jobFinished.emit(job)

    def _on_error(self, job_id: int, err: ApiError, will_retry: bool) -> None:
        if isinstance(err, NetworkError):
            self._reach(False, err.message)
        job = self.jobs.get(job_id)
        if job is None:
            return
        if will_retry:
            job.error = f"{err.message} Will keep checking."
        else:
            job.state, job.error, job.finished_at = JobState.FAILED, err.message, time.time()
        self._spawn(self.store.update(job))
        self.jobChanged.emit(job)
        self.notice.emit("warning" if will_retry else "error", err.message)

    def _on_timeout(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job is None:
            return
        minutes = round(self.scheduler.policy.timeout / 60)
        job.state, job.finished_at = JobState.TIMED_OUT, time.time()
        job.error = f"No result after {minutes} min. Use \u201cRetry polling\u201d to keep waiting."
        self._spawn(self.store.update(job))
        self.jobChanged.emit(job)

    def _on_retry(self, n: RetryNotice) -> None:
        self.notice.emit("warning", f"{n.error.message} Retrying in {n.delay:.0f} s "
                                    f"(try {n.attempt + 1} of {n.attempts}).")

    # -- helpers -----------------------------------------------------------------------------------------
    async def _drop(self, job_id: int) -> None:
        await self.store.remove(job_id)
        if self.jobs.pop(job_id, None) is not None:
            self.jobRemoved.emit(job_id)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
        t = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(t)
        t.add_done_callback(self._task_done)
        return t

    def _task_done(self, t: asyncio.Task) -> None:
        self._tasks.discard(t)
        if not t.cancelled() and t.exception() is not None:
            log.error("background job task failed: %r", t.exception())
            self.notice.emit("error", f"Could not save the job history: {t.exception()}")
