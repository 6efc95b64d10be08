"""How many status requests one job costs, and how fast the demo server starts and serves a cycle.

1. Demo server start, then one submit -> complete cycle over loopback with the real client (duration 0).
2. A 20 s demo job followed by the real scheduler with the default policy (3 s, stretching after 10
   polls, cap 30 s): requests per job. Prints figures; asserts nothing.

    python benchmarks/polling_cost.py [job-seconds]
"""

from __future__ import annotations

import asyncio
import sys
import time

from common import private_dirs, report


async def main_async(job_seconds: float) -> None:
    from cover_desktop.api import ApiClient, CoverRequest, Phase
    from cover_desktop.demo import DEMO_KEY, DemoServer
    from cover_desktop.jobs.scheduler import PollPolicy, PollScheduler

    t0 = time.perf_counter()
    demo = DemoServer(duration=0).start()
    t1 = time.perf_counter()
    client = ApiClient(demo.api_url, DEMO_KEY)
    tid = await client.submit(CoverRequest("aud1"))
    st = await client.status(tid)
    t2 = time.perf_counter()
    assert st.phase is Phase.DONE
    print(f"demo server start: {1000 * (t1 - t0):.1f} ms; submit + status to complete: {1000 * (t2 - t1):.1f} ms")

    demo.duration = job_seconds
    done = asyncio.Event()
    seen: list[str] = []
    sched = PollScheduler(client, PollPolicy(),
                          on_status=lambda j, s: (seen.append(s.raw_status),
                                                  done.set() if s.phase is not Phase.RUNNING else None),
                          on_error=lambda *a: None, on_timeout=lambda j: done.set())
    start = time.time()
    tid = await client.submit(CoverRequest("aud2"))
    sched.track(1, tid, start)
    sched.start()
    await done.wait()
    waited = time.time() - start
    await sched.stop()
    polls = len(demo.requests("api", f"task_id={tid}"))
    print(f"{job_seconds:.0f} s job: {polls} status requests (+1 submit), result seen {waited - job_seconds:.1f} s "
          f"after it was ready; statuses seen: {' -> '.join(dict.fromkeys(seen))}")
    report(f"status requests for one {job_seconds:.0f} s job", polls, "requests",
           baseline=job_seconds / PollPolicy().gap(1), baseline_name="one per poll interval")
    report("demo server start", 1000 * (t1 - t0), "ms")
    for minutes in (1, 5, 15):
        p = PollPolicy()
        t, n = 0.0, 0
        while t < minutes * 60:
            n += 1
            t += p.gap(n)
        print(f"a job running {minutes:>2} min costs about {n} status requests")
    await client.aclose()
    demo.stop()


if __name__ == "__main__":
    private_dirs()
    asyncio.run(main_async(float(sys.argv[1]) if len(sys.argv) > 1 else 20))
