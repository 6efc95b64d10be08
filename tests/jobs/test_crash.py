"""Nothing is lost when the app dies: a SIGKILL mid-poll, or a stop in the middle of a submit."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.store import JobStore
from cover_desktop.settings import Dirs
from helpers import KEY, find, jobs, run, submit, until


@pytest.mark.slow
def test_sigkill_mid_poll_loses_nothing_and_the_job_completes_after_restart(harness, demo, keyed, aloop):
    demo.duration = 600
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="a task id"))
    task_id = jobs(win)[0].task_id
    harness.close(win)

    config = Dirs.config()
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"poll_interval": 0.2}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COVER_DESKTOP_API_KEY=KEY)
    polls_before = len(demo.requests("api", "status"))
    proc = subprocess.Popen([sys.executable, "-m", "cover_desktop", "--base-url", demo.api_url], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(demo.requests("api", "status")) < polls_before + 3:
            assert proc.poll() is None, "the app died by itself"
            assert time.monotonic() < deadline, "the restarted app never polled"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    db = sqlite3.connect(Dirs.data() / "jobs.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT task_id, state FROM jobs").fetchall() == [(task_id, "running")]
    db.close()

    demo.finish_all()
    win = harness.window(demo.api_url)
    assert [j.task_id for j in jobs(win)] == [task_id]
    run(aloop, until(lambda: jobs(win)[0].state is JobState.DONE, what="completion after the kill"))
    assert demo.submits == 1, "nothing was submitted twice"


def test_job_is_on_disk_before_the_submit_answer_arrives(harness, demo, keyed, aloop):
    demo.latency = 0.6
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)

    def stored():
        db = sqlite3.connect(Dirs.data() / "jobs.sqlite")
        try:
            return db.execute("SELECT state, task_id, request FROM jobs").fetchall()
        finally:
            db.close()

    run(aloop, until(lambda: stored(), what="the row"))
    state, task_id, request = stored()[0]
    assert (state, task_id) == ("submitting", "") and demo.submits == 0
    assert json.loads(request)["audio_id"] == "aud1"
    run(aloop, until(lambda: stored()[0][0] == "running" and stored()[0][1]))


def test_a_submit_cut_short_by_a_crash_is_kept_as_unconfirmed(harness, demo, keyed, aloop):
    store = JobStore(Dirs.data() / "jobs.sqlite")
    store.add(Job(request=CoverRequest("aud-crashed"), state=JobState.SUBMITTING))
    store.close()
    win = harness.window(demo.api_url)
    job = jobs(win)[0]
    assert job.state is JobState.UNCERTAIN and "not known whether" in job.error
    assert "Submit unconfirmed" in find(win, "jobsView").model().index(0).data()
    assert demo.requests() == [], "nothing is resent on its own: that could charge twice"


@pytest.mark.log_warnings(r"generate failed \(try 1/\d\): ")
def test_reply_lost_after_sending_keeps_the_job_as_unconfirmed(harness, demo, keyed, aloop):
    demo.inject("reset", path_contains="generate")
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.UNCERTAIN, what="unconfirmed"))
    assert "may have been created" in jobs(win)[0].error
    assert len(demo.requests("api", "generate")) == 1
