"""The job list at any size: a running job's clock repaints its row and announces no change of the list (after a
dataChanged QListView lays out every row again); jobs added, changed and removed keep every row on its job,
newest first, and the selection on the job it was on."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QListView

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.ui.jobs_model import ElapsedRole, JobsModel


def job(n: int, state: JobState = JobState.DONE) -> Job:
    return Job(request=CoverRequest(f"aud{n}"), state=state, id=n, task_id=f"t{n}", created_at=1.7e9 + n * 60,
               submitted_at=1.7e9 + n * 60)


def test_a_running_clock_repaints_its_rows_and_relays_out_nothing(qapp, qtbot):
    model = JobsModel()
    view = QListView()
    view.setModel(model)
    model.set_jobs([job(n, JobState.RUNNING if n in (2, 5) else JobState.DONE) for n in range(1, 8)])
    changed, reset = [], []
    model.dataChanged.connect(lambda *a: changed.append(a))
    model.modelReset.connect(lambda: reset.append(1))
    with qtbot.waitSignal(model.clockMoved, timeout=5000) as moved:
        pass
    assert moved.args == [[model.row_of(5), model.row_of(2)]]
    assert changed == [] and reset == [], "a dataChanged or a reset makes QListView lay out every row again"
    assert "for " in model.index(model.row_of(5)).data(ElapsedRole)
    model.changed(_finished(model, 5))
    model.changed(_finished(model, 2))
    assert not model._tick.isActive(), "no clock runs: no tick"


def _finished(model: JobsModel, job_id: int) -> Job:
    found = model.job_at(model.row_of(job_id))
    assert found is not None
    found.state = JobState.DONE
    return found


def test_jobs_coming_and_going_keep_each_row_on_its_job_and_the_selection_on_its_job(qapp):
    rnd = random.Random(3)
    model = JobsModel()
    view = QListView()
    view.setModel(model)
    jobs = {n: job(n) for n in range(1, 30)}
    model.set_jobs(list(jobs.values()))
    view.setCurrentIndex(model.index(4))
    selected = model.job_at(4)
    next_id = 100
    for _ in range(200):
        action = rnd.random()
        if action < 0.4:
            next_id += 1
            jobs[next_id] = job(next_id, JobState.RUNNING)
            model.add(jobs[next_id])
        elif action < 0.7 and len(jobs) > 1:
            gone = rnd.choice(sorted(jobs))
            del jobs[gone]
            model.remove(gone)
        else:
            some = jobs[rnd.choice(sorted(jobs))]
            some.state = rnd.choice([JobState.DONE, JobState.RUNNING])
            model.changed(some)
        newest_first = sorted(jobs.values(), key=lambda j: (j.created_at, j.id), reverse=True)
        assert [model.job_at(r).id for r in range(model.rowCount())] == [j.id for j in newest_first]
        assert all(model.row_of(j.id) == r for r, j in enumerate(newest_first))
        if selected is not None and selected.id in jobs:
            assert view.currentIndex().row() == model.row_of(selected.id), "the selection stayed on its job"
        else:
            selected = model.job_at(view.currentIndex().row())
    assert model._tick.isActive() == any(j.state.active for j in jobs.values())
