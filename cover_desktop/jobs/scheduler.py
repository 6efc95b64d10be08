"""One polling loop for every running job (not a timer per job).

Each job has its own next-due time: the base interval at first, then stretching by 25 % a poll up to
a cap for long jobs. At most ``concurrency`` requests are in flight. A 429 holds back *every* job until
its Retry-After has passed (the limit is per key, not per job). No Qt in here.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..api.errors import ApiError, AuthError, InsecureConnection, NotFound, RateLimited
from ..api.models import TaskStatus
from ..tasks import TaskSet

log = logging.getLogger(__name__)


class StatusSource(Protocol):
    async def status(self, task_id: str, *, attempts: int | None = None) -> TaskStatus: ...


@dataclass
class PollPolicy:
    interval: float = 3.0        # first polls
    cap: float = 30.0            # longest gap between two polls of one job
    steady_polls: int = 10       # polls at the base interval before stretching
    growth: float = 1.25
    timeout: float = 15 * 60.0   # give up after this long since submit (wall clock)
    concurrency: int = 4

    def gap(self, polls: int) -> float:
        return min(self.cap, self.interval * self.growth ** max(0, polls - self.steady_polls))

    def error_gap(self, failures: int, retry_after: float | None) -> float:
        backoff = min(self.cap * 2, self.interval * 2 ** min(failures, 6)) * random.uniform(0.8, 1.2)
        return max(backoff, retry_after or 0.0)


@dataclass
class _Entry:
    job_id: int
    task_id: str
    submitted_at: float      # wall clock, survives restarts
    due: float               # monotonic
    polls: int = 0
    failures: int = 0
    in_flight: bool = False


class PollScheduler:
    def __init__(self, source: StatusSource, policy: PollPolicy | None = None, *,
                 on_status: Callable[[int, TaskStatus], None],
                 on_error: Callable[[int, ApiError, bool], None],
                 on_timeout: Callable[[int], None],
                 on_paused: Callable[[bool, str], None] | None = None,
                 wall_clock: Callable[[], float] = time.time):
        self.source = source
        self.policy = policy or PollPolicy()
        self.on_status, self.on_error, self.on_timeout = on_status, on_error, on_timeout
        self.on_paused = on_paused
        self.wall_clock = wall_clock     # job ages are wall-clock: they span restarts
        self._entries: dict[int, _Entry] = {}
        self._wake = asyncio.Event()
        self._tasks = TaskSet(name="poll scheduler")
        self._gate_until = 0.0
        self._busy = 0          # polls in flight; counted here because a task leaves _inflight only later
        self.paused = False
        self.pause_reason = ""
        self.requests = 0

    # -- control -------------------------------------------------------------------------------
    def start(self) -> None:
        self._tasks.spawn(self._run(), "the polling loop", key="loop")

    async def stop(self) -> None:
        await self._tasks.aclose()

    def track(self, job_id: int, task_id: str, submitted_at: float, *, now: bool = False) -> None:
        delay = 0.0 if now else self.policy.interval
        self._entries[job_id] = _Entry(job_id, task_id, submitted_at, time.monotonic() + delay)
        self._wake.set()

    def untrack(self, job_id: int) -> None:
        self._entries.pop(job_id, None)

    def pause(self, reason: str = "Paused") -> None:
        if not self.paused:
            self.paused, self.pause_reason = True, reason
            if self.on_paused:
                self.on_paused(True, reason)

    def resume(self) -> None:
        if self.paused:
            self.paused, self.pause_reason = False, ""
            now = time.monotonic()
            for e in self._entries.values():
                e.due = min(e.due, now)
            self._wake.set()
            if self.on_paused:
                self.on_paused(False, "")

    def poll_now(self) -> None:
        now = time.monotonic()
        for e in self._entries.values():
            e.due = now
        self._wake.set()

    # -- the loop ----------------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            self._wake.clear()
            timeout = self._launch_due()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout)
            except TimeoutError:
                pass

    def _launch_due(self) -> float | None:
        """Start the polls that are due; return how long to sleep (None: until woken)."""
        if self.paused:
            return None
        now = time.monotonic()
        if now < self._gate_until:
            return self._gate_until - now
        wall = self.wall_clock()
        for e in list(self._entries.values()):
            # at least one answer first: after a long time closed, a job may well be finished
            if not e.in_flight and e.polls and wall - e.submitted_at > self.policy.timeout:
                self.untrack(e.job_id)
                self.on_timeout(e.job_id)
        free = self.policy.concurrency - self._busy
        for e in sorted(self._entries.values(), key=lambda x: x.due):
            if free <= 0 or e.due > now:
                break
            if e.in_flight:
                continue
            e.in_flight = True
            self._busy += 1
            free -= 1
            self._tasks.spawn(self._poll(e), f"polling job {e.job_id}")
        waiting = [e.due for e in self._entries.values() if not e.in_flight]
        if free <= 0 or not waiting:
            return None  # a finishing poll wakes us
        return max(0.0, min(waiting) - now)

    async def _poll(self, e: _Entry) -> None:
        try:
            self.requests += 1
            status = await self.source.status(e.task_id, attempts=1)
        except asyncio.CancelledError:
            raise
        except ApiError as err:
            self._failed(e, err)
        except Exception as exc:  # a bug must not kill the loop: report it on the job and go on
            log.exception("poll of job %s crashed", e.job_id)
            self._failed(e, ApiError(f"Unexpected problem while checking the job: {type(exc).__name__}"))
        else:
            e.polls += 1
            e.failures = 0
            e.due = time.monotonic() + self.policy.gap(e.polls)
            if self._entries.get(e.job_id) is e and status.phase.value != "running":
                self.untrack(e.job_id)
            self.on_status(e.job_id, status)
        finally:
            e.in_flight = False
            self._busy -= 1
            self._wake.set()

    def _failed(self, e: _Entry, err: ApiError) -> None:
        if isinstance(err, AuthError):
            self.pause("The API key was not accepted")
            self.on_error(e.job_id, err, True)
            return
        if isinstance(err, InsecureConnection):
            self.pause("The key is not sent over plain http")
            self.on_error(e.job_id, err, True)
            return
        if isinstance(err, NotFound) or not err.retryable:
            self.untrack(e.job_id)
            self.on_error(e.job_id, err, False)
            return
        e.failures += 1
        gap = self.policy.error_gap(e.failures, err.retry_after)
        e.due = time.monotonic() + gap
        if isinstance(err, RateLimited):
            self._gate_until = max(self._gate_until, time.monotonic() + (err.retry_after or gap))
        self.on_error(e.job_id, err, True)
