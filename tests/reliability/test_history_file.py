"""The job history's file under faults while the app runs or between runs (issue 17, defect 7): the data
folder deleted, ``jobs.sqlite`` replaced by garbage, a ``-wal`` file cut short by a crash."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.recovery import check, open_store
from cover_desktop.jobs.store import JobStore
from helpers import fill, finished_window, jobs, run, submit, until

pytestmark = pytest.mark.log_warnings(r"cover_desktop\.jobs\.store: the job history .* (deleted|replaced) while")


def kept_task_ids(path: Path) -> set[str]:
    assert check(path) == "", "the history is a sound database"
    db = JobStore(path)
    try:
        return {j.task_id for j in db.all_jobs()}
    finally:
        db.close()


def delete_folder(path: Path) -> None:
    shutil.rmtree(path.parent)


def replace_by_garbage(path: Path) -> None:
    # as a sync tool or a restore does it: a new file, renamed over the old name
    junk = path.with_name("incoming.tmp")
    junk.write_bytes(b"this is not a database\n" * 400)
    os.replace(junk, path)


@pytest.mark.parametrize("fault", [delete_folder, replace_by_garbage])
def test_the_history_survives_its_file_going_away_while_the_app_runs(harness, demo, aloop, keyed, fault):
    win = finished_window(harness, demo, aloop, "aud-before")
    path = win.rt.db_path
    fault(path)

    fill(win, "aud-after")
    submit(win)
    run(aloop, until(lambda: len(jobs(win)) == 2 and jobs(win)[0].state is JobState.DONE, what="the second job"))
    run(aloop, until(lambda: all(c.audio_path for c in jobs(win)[0].clips) and not win.rt.library.busy(),
                     what="its clips"))
    expected = {j.task_id for j in jobs(win)}
    harness.close(win)
    assert kept_task_ids(path) == expected, "both jobs are in the history a restart reads"
    damaged = sorted(path.parent.glob("jobs.sqlite.damaged-*"))
    if fault is replace_by_garbage:
        assert [p.name for p in damaged if not p.name.endswith(("-wal", "-shm"))], "the other file is kept"
        main = next(p for p in damaged if not p.name.endswith(("-wal", "-shm")))
        assert main.read_bytes().startswith(b"this is not a database")


def test_a_wal_cut_short_between_runs_opens_to_the_jobs_before_the_cut(tmp_path):
    db_path = tmp_path / "jobs.sqlite"
    db = JobStore(db_path)
    for i in range(30):
        db.add(Job(request=CoverRequest(f"aud{i}"), state=JobState.RUNNING, task_id=f"t{i}"))
    crash = tmp_path / "after-crash"
    crash.mkdir()
    for name in ("jobs.sqlite", "jobs.sqlite-wal", "jobs.sqlite-shm"):   # as a crash leaves them: not checkpointed
        shutil.copy(tmp_path / name, crash / name)
    db.close()
    wal = crash / "jobs.sqlite-wal"
    with open(wal, "r+b") as f:
        f.truncate(wal.stat().st_size // 2)

    async def reopen() -> tuple[list[Job], str]:
        store, note = await open_store(crash / "jobs.sqlite")
        try:
            return await store.all_jobs(), note
        finally:
            await store.close()

    kept, note = asyncio.run(reopen())
    assert note == "", "not damaged: the cut frames are simply not there"
    assert 0 < len(kept) < 30
    assert {j.task_id for j in kept} == {f"t{i}" for i in range(len(kept))}, "a prefix, in order"
    assert check(crash / "jobs.sqlite") == ""
