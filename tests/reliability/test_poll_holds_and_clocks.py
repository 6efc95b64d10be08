"""What a server's Retry-After, a sleeping laptop and a failing loop can do to polling (issue 17, defects 3
and 5): the real ApiClient against the demo server, the scheduler's clocks and restart delay as seams.

- Any Retry-After is bounded where it is parsed; the scheduler never holds polling longer, F5 lifts the
  hold, and a value that once killed the loop (``1e999``: an infinite timer) no longer can.
- A wall clock that jumps (a laptop waking) does not time a job out before it has been asked once more.
- A polling loop that fails is reported and started again.
"""

from __future__ import annotations

import email.utils
import math

import pytest
from PySide6.QtGui import QAction

from cover_desktop.api import ApiClient, CoverRequest, RetryPolicy
from cover_desktop.api.client import STATUS_PATH
from cover_desktop.api.errors import RateLimited
from cover_desktop.api.retry import RETRY_AFTER_MAX, parse_retry_after
from cover_desktop.jobs import scheduler as scheduler_module
from cover_desktop.jobs.scheduler import PollPolicy, PollScheduler
from helpers import KEY, fill, find, jobs, run, submit, until

DAY_2100 = "Fri, 01 Jan 2100 00:00:00 GMT"
HOSTILE = ["86400", DAY_2100, "1e999", "9999999999", "inf", "-1e999", "nan", "garbage", "1" * 400,
           "Thu, 01 Jan 99999 00:00:00 GMT"]


@pytest.mark.parametrize("value", HOSTILE)
def test_any_retry_after_is_bounded_where_it_is_parsed(value):
    seconds = parse_retry_after(value)
    assert seconds is None or (math.isfinite(seconds) and 0 <= seconds <= RETRY_AFTER_MAX)


def test_an_ordinary_retry_after_is_kept():
    assert parse_retry_after("7") == 7.0
    soon = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after(soon, now=1_000_000) == pytest.approx(30.0)


class Seen:
    def __init__(self) -> None:
        self.statuses: list[str] = []
        self.errors: list[BaseException] = []
        self.timeouts: list[int] = []
        self.holds: list[float] = []
        self.failures: list[str] = []


@pytest.fixture
def polling(aloop, demo):
    """A scheduler over the real client, following one demo task that never finishes."""
    made: list[tuple[ApiClient, PollScheduler]] = []

    def make(wall_clock=None, **policy) -> tuple[PollScheduler, Seen]:
        client = ApiClient(demo.api_url, KEY, policy=RetryPolicy(attempts=1))
        task_id = run(aloop, client.submit(CoverRequest("stuck-1")))
        seen = Seen()
        options = {"wall_clock": wall_clock} if wall_clock else {}
        sched = PollScheduler(client, PollPolicy(**{"interval": 0.05, "cap": 0.05, **policy}),
                              on_status=lambda j, s: seen.statuses.append(s.raw_status),
                              on_error=lambda j, e, again: seen.errors.append(e),
                              on_timeout=seen.timeouts.append, on_hold=seen.holds.append,
                              on_failure=seen.failures.append, **options)
        sched.track(1, task_id, submitted_at=sched.wall_clock(), now=True)
        made.append((client, sched))
        return sched, seen

    yield make
    for client, sched in made:
        run(aloop, sched.stop())
        run(aloop, client.aclose())


def status_requests(demo) -> int:
    return len(demo.requests("api", STATUS_PATH))


@pytest.mark.log_warnings(r"cover_desktop\.api\.client: GET \S+ failed")
@pytest.mark.parametrize("value", ["86400", DAY_2100, "1e999", "9999999999", "garbage"])
def test_a_hostile_retry_after_holds_polling_minutes_at_most_and_f5_lifts_it(polling, demo, aloop, value):
    sched, seen = polling()
    demo.inject("429", path_contains=STATUS_PATH, retry_after=value)
    sched.start()
    run(aloop, until(lambda: any(isinstance(e, RateLimited) for e in seen.errors), what="the 429"))
    assert 0 <= sched.hold <= RETRY_AFTER_MAX
    assert all(0 < h <= RETRY_AFTER_MAX for h in seen.holds), seen.holds
    asked = status_requests(demo)
    sched.poll_now()
    run(aloop, until(lambda: status_requests(demo) > asked, what="a poll after F5"))
    run(aloop, until(lambda: seen.statuses, what="its answer"))
    assert sched.hold == 0 and seen.failures == []


def test_a_wall_clock_jump_asks_the_service_before_timing_a_job_out(polling, demo, aloop):
    wall = [1_000_000.0]
    sched, seen = polling(wall_clock=lambda: wall[0], timeout=900)
    asked_at_jump: list[int] = []
    answered = sched.on_status

    def on_status(job_id, status):
        answered(job_id, status)
        if len(seen.statuses) == 2:
            # the laptop slept an hour between two polls: the wall clock moved, the monotonic one did not
            wall[0] += 3600
            asked_at_jump.append(status_requests(demo))

    sched.on_status = on_status
    asked_at_timeout: list[int] = []
    sched.on_timeout = lambda job_id: asked_at_timeout.append(status_requests(demo))
    sched.start()
    run(aloop, until(lambda: asked_at_timeout, what="the timeout"))
    assert asked_at_timeout[0] > asked_at_jump[0], "the service was asked once more after the jump"
    assert seen.statuses[-1] == "processing", "and it still said the job was running"


def test_a_clock_set_back_times_nothing_out_and_polling_goes_on(polling, demo, aloop):
    wall = [1_000_000.0]
    sched, seen = polling(wall_clock=lambda: wall[0], timeout=900)
    sched.start()
    run(aloop, until(lambda: len(seen.statuses) >= 2, what="two answers"))
    wall[0] -= 86400
    run(aloop, until(lambda: len(seen.statuses) >= 4, what="two more answers"))
    assert seen.timeouts == []


@pytest.mark.log_warnings(r"poll scheduler: checking jobs failed")
def test_a_polling_loop_that_fails_is_reported_and_started_again(polling, demo, aloop, monkeypatch):
    monkeypatch.setattr(scheduler_module, "LOOP_RESTART", (0.05, 0.1))
    ticks = [0]

    def wall_clock() -> float:
        ticks[0] += 1
        if ticks[0] == 2:   # the first reading is the submit time
            raise OverflowError("cannot convert float infinity to integer")
        return 1_000_000.0

    sched, seen = polling(wall_clock=wall_clock)
    sched.start()
    run(aloop, until(lambda: seen.failures, what="the failure reported"))
    assert "OverflowError" in seen.failures[0] or "infinity" in seen.failures[0]
    run(aloop, until(lambda: seen.statuses, what="polling again"))
    assert status_requests(demo) >= 1




@pytest.mark.log_warnings(r"cover_desktop\.api\.client: GET \S+ failed")
def test_the_window_says_the_wait_and_f5_checks_at_once(harness, demo, aloop, keyed):
    win = harness.window(demo.api_url)
    fill(win, "stuck-1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="the job submitted"))
    demo.inject("429", path_contains=STATUS_PATH, retry_after="86400")
    status = find(win, "statusMessage")
    run(aloop, until(lambda: "F5" in status.text(), what="the wait said"))
    assert "slow down" in status.text(), "and why"
    assert f"Next check in {int(RETRY_AFTER_MAX)} s" in status.text(), status.text()
    asked = status_requests(demo)
    find(win, "pollNowAction", QAction).trigger()
    run(aloop, until(lambda: status_requests(demo) > asked, timeout=5, what="a poll at once"))
