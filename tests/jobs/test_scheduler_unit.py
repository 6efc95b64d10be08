"""The polling loop with a fake status source and an injected wall clock: no server, no waiting."""

from __future__ import annotations

import asyncio

from cover_desktop.api.errors import AuthError, NotFound, ServerError
from cover_desktop.api.models import TaskStatus
from cover_desktop.jobs.scheduler import PollPolicy, PollScheduler
from helpers import grows, run, settle, until


class FakeSource:
    """Answers from a script per task id; the last answer repeats."""

    def __init__(self, script: dict[str, list[object]]):
        self.script = script
        self.calls: list[str] = []

    async def status(self, task_id: str, *, attempts: int | None = None) -> TaskStatus:
        self.calls.append(task_id)
        answers = self.script[task_id]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        await asyncio.sleep(0)
        if isinstance(answer, Exception):
            raise answer
        return TaskStatus(task_id, str(answer))


def make(source, seen, clock=None, **policy):
    return PollScheduler(source, PollPolicy(**{"interval": 0.01, **policy}),
                         on_status=lambda j, s: seen.append((j, s.raw_status)),
                         on_error=lambda j, e, retry: seen.append((j, f"{type(e).__name__}:{retry}")),
                         on_timeout=lambda j: seen.append((j, "timeout")), wall_clock=clock or (lambda: 0.0))


def test_polls_until_done_then_stops_asking(aloop):
    source = FakeSource({"t1": ["queued", "processing", "complete"], "w": ["processing"]})
    seen: list = []
    sched = make(source, seen)
    sched.track(1, "t1", 0.0, now=True)
    sched.track(2, "w", 0.0, now=True)      # followed beside it, as a witness of the polls that come after

    async def body():
        sched.start()
        await until(lambda: (1, "complete") in seen, what="completion")
        await grows(lambda: source.calls.count("w"), 3, "three polls of the other job")
        await sched.stop()

    run(aloop, body())
    assert [s for j, s in seen if j == 1] == ["queued", "processing", "complete"]
    assert source.calls.count("t1") == 3, "no poll after the job is done"


def test_a_job_past_its_timeout_is_asked_once_then_timed_out(aloop):
    now = [10_000.0]
    source = FakeSource({"old": ["processing"]})
    seen: list = []
    sched = make(source, seen, clock=lambda: now[0], timeout=60)
    sched.track(7, "old", submitted_at=now[0] - 3600, now=True)

    async def body():
        sched.start()
        await until(lambda: (7, "timeout") in seen, what="the timeout")
        await sched.stop()

    run(aloop, body())
    assert seen[0] == (7, "processing") and source.calls == ["old"]


def test_the_wall_clock_decides_the_timeout_not_the_run_time(aloop):
    now = [0.0]
    source = FakeSource({"t": ["processing"]})
    seen: list = []
    sched = make(source, seen, clock=lambda: now[0], timeout=60)
    sched.track(1, "t", submitted_at=0.0, now=True)

    async def body():
        sched.start()
        await until(lambda: len(source.calls) >= 3, what="three polls")
        assert (1, "timeout") not in seen
        now[0] = 61.0
        await until(lambda: (1, "timeout") in seen, what="the timeout once the clock moved")
        await sched.stop()

    run(aloop, body())


def test_a_refused_key_pauses_everything_and_an_unknown_task_fails_alone(aloop):
    source = FakeSource({"gone": [NotFound("unknown task")], "a": ["processing"]})
    seen: list = []
    paused: list = []
    sched = make(source, seen)
    sched.on_paused = lambda p, why: paused.append((p, why))
    sched.track(1, "gone", 0.0, now=True)

    async def body():
        sched.start()
        await until(lambda: (1, "NotFound:False") in seen, what="the failure")
        source.script["a"] = [AuthError("bad key")]
        sched.track(2, "a", 0.0, now=True)
        await until(lambda: sched.paused, what="the pause")
        calls = len(source.calls)
        sched.track(3, "a", 0.0, now=True)      # due at once, and the loop woken
        sched.poll_now()
        await settle()
        assert len(source.calls) == calls, "nothing is asked while paused"
        await sched.stop()

    run(aloop, body())
    assert source.calls.count("gone") == 1
    assert paused and paused[0][0] is True and "key" in paused[0][1]


def test_server_errors_back_off_and_recover(aloop):
    source = FakeSource({"t": [ServerError("busy"), ServerError("busy"), "complete"]})
    seen: list = []
    sched = make(source, seen)
    sched.track(1, "t", 0.0, now=True)

    async def body():
        sched.start()
        await until(lambda: (1, "complete") in seen, timeout=10, what="recovery")
        await sched.stop()

    run(aloop, body())
    assert [s for _, s in seen] == ["ServerError:True", "ServerError:True", "complete"]


def test_stop_ends_the_loop_even_when_it_was_woken_at_the_same_moment(aloop):
    # Python 3.11's wait_for returns the inner result instead of raising when a cancel and the inner
    # future's completion meet: the loop went on, and quitting waited for it for ever
    sched = make(FakeSource({"t": ["processing"]}), [], interval=60)
    sched.track(1, "t", 0.0)        # due in a minute: the loop waits with a timeout

    async def body():
        sched.start()
        await settle()
        sched.track(2, "t", 0.0)     # wakes the loop...
        await asyncio.wait_for(sched.stop(), 2)   # ...as it is told to stop

    run(aloop, body())
