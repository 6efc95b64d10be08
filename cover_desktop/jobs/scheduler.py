"""One polling loop for every running job (not a timer per job).

Each job has its own next-due time: the base interval at first, then stretching by 25 % a poll up to
a cap for long jobs. At most ``concurrency`` requests are in flight. A 429 holds back *every* job until
its Retry-After has passed (the limit is per key, not per job), never longer than ``RETRY_AFTER_MAX``;
``poll_now`` (F5) lifts the hold. No Qt in here.

A job times out only after an answer asked since the clocks last disagreed: when the wall clock jumps
against the monotonic one (a laptop waking from sleep, a clock set by hand), or the loop wakes far later
than it asked to, every job is asked once more before its age counts. A loop that fails is reported and
started again.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from ..api.errors import ApiError, AuthError, InsecureConnection, NotFound, RateLimited
from ..api.models import TaskStatus
from ..api.retry import RETRY_AFTER_MAX, bounded
from ..tasks import TaskSet

log = logging.getLogger(__name__)

CLOCK_JUMP = 20.0           # seconds the clocks may drift apart, or the loop wake late, before it counts as a jump
LOOP_RESTART = (1.0, 60.0)  # first and longest wait before a failed polling loop starts again


class PauseReason(str, Enum):
    """Why polling waits. The values are the English words (ui/ translates them); views compare members."""
    NONE = ""
    USER = "Polling paused"
    KEY_REFUSED = "The API key was not accepted"
    PLAIN_HTTP = "The key is not sent over plain http"
    KEY_UNREADABLE = "The key could not be read from the system keyring"


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
        return max(backoff, bounded(retry_after) or 0.0)


@dataclass
class _Entry:
    job_id: int
    task_id: str
    submitted_at: float      # wall clock, survives restarts
    due: float               # monotonic
    polls: int = 0
    failures: int = 0
    in_flight: bool = False
    answered_epoch: int = -1  # the clock epoch of the last answer: a timeout needs one from the current epoch


class PollScheduler:
    def __init__(self, source: StatusSource, policy: PollPolicy | None = None, *,
                 on_status: Callable[[int, TaskStatus], None],
                 on_error: Callable[[int, ApiError, bool], None],
                 on_timeout: Callable[[int], None],
                 on_paused: Callable[[bool, PauseReason], None] | None = None,
                 on_hold: Callable[[float], None] | None = None,
                 on_failure: Callable[[str], None] | None = None,
                 wall_clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic):
        self.source = source
        self.policy = policy or PollPolicy()
        self.on_status, self.on_error, self.on_timeout = on_status, on_error, on_timeout
        self.on_paused = on_paused
        self.on_hold = on_hold           # seconds every job waits at the service's request (0: no longer)
        self.on_failure = on_failure     # the polling loop (or a poll) failed: words for the user
        self.wall_clock = wall_clock     # job ages are wall-clock: they span restarts
        self.monotonic = monotonic       # due times and waits
        self._entries: dict[int, _Entry] = {}
        self._wake = asyncio.Event()
        self._tasks = TaskSet(self._task_failed, "poll scheduler")
        self._gate_until = 0.0
        self._epoch = 0
        self._offset: float | None = None     # wall minus monotonic when last looked
        self._wake_by: float | None = None    # when the loop asked to be woken at the latest
        self._restarts = 0
        self._busy = 0          # polls in flight; counted here because a task leaves _inflight only later
        self.paused = False
        self.pause_reason = PauseReason.NONE
        self.requests = 0

    # -- control -------------------------------------------------------------------------------
    def start(self) -> None:
        self._tasks.spawn(self._run(), "checking jobs", key="loop")

    @property
    def hold(self) -> float:
        """Seconds every job still waits because the service asked (0 when it did not)."""
        return max(0.0, self._gate_until - self.monotonic())

    def _task_failed(self, message: str) -> None:
        # the task set has logged it, with its traceback
        if self.on_failure is not None:
            self.on_failure(message)
        if not self._tasks.running("loop") and not self._tasks.running("restart"):
            self._tasks.spawn(self._restart(), "restarting the polling loop", key="restart")

    async def _restart(self) -> None:
        first, longest = LOOP_RESTART
        await asyncio.sleep(min(longest, first * 2 ** self._restarts))
        self._restarts += 1
        log.info("polling loop started again (%d so far)", self._restarts)
        self.start()

    async def stop(self) -> None:
        await self._tasks.aclose()

    def track(self, job_id: int, task_id: str, submitted_at: float, *, now: bool = False) -> None:
        delay = 0.0 if now else self.policy.interval
        self._entries[job_id] = _Entry(job_id, task_id, submitted_at, self.monotonic() + delay)
        self._wake.set()

    def untrack(self, job_id: int) -> None:
        self._entries.pop(job_id, None)

    def pause(self, reason: PauseReason = PauseReason.USER) -> None:
        if not self.paused:
            self.paused, self.pause_reason = True, reason
            if self.on_paused:
                self.on_paused(True, reason)

    def resume(self) -> None:
        if self.paused:
            self.paused, self.pause_reason = False, PauseReason.NONE
            now = self.monotonic()
            for e in self._entries.values():
                e.due = min(e.due, now)
            self._wake.set()
            if self.on_paused:
                self.on_paused(False, PauseReason.NONE)

    def poll_now(self) -> None:
        """Ask about every job now, whatever the service asked us to wait: the user wants to know."""
        now = self.monotonic()
        for e in self._entries.values():
            e.due = now
        if self._gate_until > now:
            self._gate_until = 0.0
            if self.on_hold is not None:
                self.on_hold(0.0)
        self._wake.set()

    # -- the loop ----------------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            self._wake.clear()
            timeout = self._launch_due()
            # bounded whatever the sums above gave: a timer longer than the loop can hold kills the loop
            timeout = None if timeout is None else min(max(0.0, timeout), RETRY_AFTER_MAX)
            self._wake_by = None if timeout is None else self.monotonic() + timeout
            # not wait_for: on Python 3.11 a stop that arrives as the loop is woken is swallowed by it, and
            # the loop goes on while quitting waits for it for ever
            try:
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _watch_clocks(self, wall: float, now: float) -> None:
        """A new epoch when the clocks disagree: no job's age counts until it has been asked again."""
        offset, late = wall - now, now - self._wake_by if self._wake_by is not None else 0.0
        moved = offset - self._offset if self._offset is not None else 0.0
        self._offset = offset
        if abs(moved) > CLOCK_JUMP or late > CLOCK_JUMP:
            self._epoch += 1
            log.info("the clock moved %+.0f s (or the loop woke %.0f s late): every job is asked again before "
                     "any times out", moved, late)
            for e in self._entries.values():
                e.due = min(e.due, now)

    def _launch_due(self) -> float | None:
        """Start the polls that are due; return how long to sleep (None: until woken)."""
        now, wall = self.monotonic(), self.wall_clock()
        self._watch_clocks(wall, now)
        if self.paused:
            return None
        if now < self._gate_until:
            return self._gate_until - now
        for e in list(self._entries.values()):
            # an answer first, since the last clock jump: after a long time closed or asleep, a job may well
            # be finished
            if not e.in_flight and e.answered_epoch == self._epoch and wall - e.submitted_at > self.policy.timeout:
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
            self._tasks.spawn(self._poll(e), f"checking job {e.job_id}")
        waiting = [e.due for e in self._entries.values() if not e.in_flight]
        if free <= 0 or not waiting:
            return None  # a finishing poll wakes us
        return max(0.0, min(waiting) - now)

    async def _poll(self, e: _Entry) -> None:
        epoch = self._epoch
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
            e.answered_epoch = max(e.answered_epoch, epoch)
            e.due = self.monotonic() + self.policy.gap(e.polls)
            if self._entries.get(e.job_id) is e and status.phase.value != "running":
                self.untrack(e.job_id)
            self.on_status(e.job_id, status)
        finally:
            e.in_flight = False
            self._busy -= 1
            self._wake.set()

    def _failed(self, e: _Entry, err: ApiError) -> None:
        if isinstance(err, AuthError):
            self.pause(PauseReason.KEY_REFUSED)
            self.on_error(e.job_id, err, True)
            return
        if isinstance(err, InsecureConnection):
            self.pause(PauseReason.PLAIN_HTTP)
            self.on_error(e.job_id, err, True)
            return
        if isinstance(err, NotFound) or not err.retryable:
            self.untrack(e.job_id)
            self.on_error(e.job_id, err, False)
            return
        e.failures += 1
        retry_after = bounded(err.retry_after)   # never a server's raw number: it may be a day, or infinite
        gap = self.policy.error_gap(e.failures, retry_after)
        now = self.monotonic()
        e.due = now + gap
        held, wait = 0.0, retry_after or gap
        if isinstance(err, RateLimited) and now + wait > self._gate_until:
            self._gate_until, held = now + wait, wait
        if held and self.on_hold is not None:
            self.on_hold(held)   # before the error, so that what is said of the error can say the wait too
        self.on_error(e.job_id, err, True)
