"""Choosing what to ask for: the style matrix, the credits estimate and budget, presets, styles used before,
and being told when a job finishes while the window is elsewhere."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job, JobState
from helpers import fill, find, finished_window, jobs, run, submit, until


def matrix(win, ids: str, styles: str, prompt: str = "same words") -> None:
    fill(win, ids, custom=True, prompt=prompt)
    find(win, "matrixCheck", QCheckBox).setChecked(True)
    find(win, "stylesEdit", QPlainTextEdit).setPlainText(styles)


def test_one_id_times_three_styles_sends_three_grouped_jobs_after_showing_the_cost(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    matrix(win, "aud1", "acoustic pop\nlo-fi jazz\n\nsynthwave\nlo-fi jazz")
    submit(win)
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the question"))
    assert "Submit 3 jobs" in box.text() and "aud1 \u00d7 3 styles" in box.text()
    assert "15\u201336 credits" in box.informativeText()
    assert demo.requests() == [], "nothing is sent before the answer"
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: demo.submits == 3, what="three submits"))
    bodies = [r.json() for r in demo.requests("api", "generate")]
    assert [b["style"] for b in bodies] == ["acoustic pop", "lo-fi jazz", "synthwave"]
    assert all(b["audio_id"] == "aud1" and b["custom_mode"] and b["prompt"] == "same words" for b in bodies)
    assert all("group" not in b for b in bodies), "the group is kept locally, never sent"
    groups = {j.request.group for j in jobs(win)}
    assert len(groups) == 1 and "aud1 \u00d7 3 styles" in groups.pop()


def test_several_ids_times_one_style_and_the_matrix_clips_listed_together(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    finished = finished_window(harness, demo, aloop, "aud-other", win=win)
    matrix(win, "aud1, aud2 aud3", "folk")
    submit(win)
    run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"))).button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: len(jobs(win)) == 4 and all(j.state is JobState.DONE for j in jobs(win)),
                     what="the matrix jobs"))
    assert sorted(r.json()["audio_id"] for r in demo.requests("api", "generate")[1:]) == ["aud1", "aud2", "aud3"]
    group_id = jobs(win)[0].request.group.split("|")[0]
    find(win, "libraryButton").setChecked(True)
    find(win, "librarySearchEdit", QLineEdit).setText(group_id)
    model = find(win, "clipsView").model()
    listed = {model.at(i)[0].request.audio_id for i in range(model.rowCount())}
    assert listed == {"aud1", "aud2", "aud3"} and model.rowCount() == 6
    assert finished


def test_a_matrix_without_a_prompt_is_refused_before_anything_is_sent(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    matrix(win, "aud1", "pop\nrock", prompt="")
    submit(win)
    assert win.findChild(QMessageBox, "batchConfirm") is None and demo.requests() == []
    assert "lyrics" in find(win, "statusMessage").text()


def test_cancel_stops_a_matrix(harness, demo, keyed, aloop):
    demo.latency = 0.2
    win = harness.window(demo.api_url)
    matrix(win, "aud1", "\n".join(f"style {i}" for i in range(12)))
    submit(win)
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm")))
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "12 jobs: Enter answers Cancel"
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: demo.submits >= 2, what="the first submits"))
    find(win, "batchCancelButton").click()
    run(aloop, until(lambda: find(win, "submitButton").isEnabled(), what="the batch to stop"))
    assert demo.submits < 12 and "not sent" in find(win, "statusMessage").text()


def _charged_job(created: float) -> Job:
    return Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="t", created_at=created)


def test_the_credit_estimate_and_the_budget_question(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url, monthly_budget=30)
    label = find(win, "creditsLabel", QLabel)
    assert label.text() == "This month: no credits", "nothing spent before the first submit"
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1))
    run(aloop, until(lambda: "5\u201312" in label.text(), what="the estimate"))
    assert "estimate" in label.toolTip()
    # two more jobs this month: 15-36 spent, worst case 36 > 30 already
    # kept by the job service, the one holder the budget reads (not a view's copy)
    for n in range(2):
        job = _charged_job(time.time())
        job.id = -1 - n
        win.rt.service.jobs[job.id] = job
    run(aloop, until(lambda: find(win, "submitButton").isEnabled()))
    fill(win, "aud2")
    submit(win)
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "budgetConfirm"), what="the budget question"))
    assert "30 credits" in box.text() and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert demo.submits == 1


def test_presets_round_trip_and_styles_used_before_complete(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="my lyrics", style="dream pop", title="Night")
    button = win.submit_pane.presets_button
    button.save_preset("Night set")
    fill(win, "aud2", custom=False)
    button.apply_preset("Night set")
    assert find(win, "audioIdEdit").text() == "aud2", "a preset keeps the audio id in the form"
    assert find(win, "customModeCheck").isChecked() and find(win, "promptEdit").toPlainText() == "my lyrics"
    assert find(win, "styleEdit").text() == "dream pop" and find(win, "titleEdit").text() == "Night"
    button.menu().aboutToShow.emit()
    assert "Night set" in [a.text() for a in button.menu().actions()]
    button.ask_preset_name()
    assert win.findChild(QInputDialog, "presetNameDialog").isVisible()
    submit(win)
    run(aloop, until(lambda: demo.submits == 1 and jobs(win)[0].state is JobState.DONE, what="the job done"))
    completer = find(win, "styleEdit", QLineEdit).completer()
    assert "dream pop" in completer.model().stringList(), "a style used before is offered"
    harness.close_all()
    again = harness.window(demo.api_url)
    assert "Night set" in [p.name for p in again.submit_pane.presets_button.presets.all()]
    assert "dream pop" in find(again, "styleEdit", QLineEdit).completer().model().stringList()


def test_a_job_finishing_while_the_window_is_elsewhere_notifies_and_a_click_selects_it(harness, demo, keyed, aloop):
    demo.duration = 60
    win = harness.window(demo.api_url)
    fill(win, "aud-first")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1 and find(win, "submitButton").isEnabled(), what="the first"))
    fill(win, "aud-second")
    submit(win)
    run(aloop, until(lambda: demo.submits == 2))
    first = jobs(win)[1]
    elsewhere = QWidget()              # the musician is in another window
    elsewhere.show()
    elsewhere.activateWindow()
    run(aloop, until(lambda: not win.isActiveWindow(), what="the window to lose focus"))
    demo.finish_all()
    run(aloop, until(lambda: win.notified_job is not None, timeout=15, what="the notification"))
    run(aloop, until(lambda: all(j.state is JobState.DONE for j in jobs(win)), what="both jobs done"))
    win.jobs_pane.select(jobs(win)[0].id)
    win.notified_job = first.id
    win.notification_clicked()
    assert win.jobs_pane.selected_job().id == first.id
    elsewhere.close()


def test_about_lists_versions_and_folders_with_a_copy_button(harness, aloop):
    win = harness.window(argv=["--demo"])
    find(win, "aboutAction").trigger()
    dlg = win.findChild(QDialog, "aboutDialog")
    text = dlg.findChild(QPlainTextEdit, "aboutText").toPlainText()
    assert "PySide6" in text and "Qt " in text and "Python" in text and "Job history" in text
    dlg.findChild(type(find(win, "submitButton")), "aboutCopyButton").click()
    assert QGuiApplication.clipboard().text() == text


@pytest.mark.parametrize("n", [1])
def test_credit_text_comes_from_one_place(n):
    from cover_desktop.jobs.ledger import credit_text
    from cover_desktop.ui.form import one_job_text
    assert credit_text(n) in one_job_text()


def test_the_submit_button_shows_what_a_matrix_costs(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    button = find(win, "submitButton")
    assert "5\u201312 credits" in button.text()
    matrix(win, "aud1 aud2", "pop\nrock\njazz")
    assert "Submit 6 jobs" in button.text() and "30\u201372 credits" in button.text()
    find(win, "matrixCheck", QCheckBox).setChecked(False)
    assert "Submit 6" not in button.text()


def test_enter_in_the_title_field_submits_too(harness, demo, keyed, aloop):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="words", title="Night")
    QTest.keyClick(find(win, "titleEdit", QLineEdit), Qt.Key.Key_Return)
    run(aloop, until(lambda: demo.submits == 1, what="the submit"))


def test_the_jobs_of_a_matrix_can_be_told_apart_in_the_list(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    matrix(win, "aud1", "pop\nrock")
    find(win, "titleEdit", QLineEdit).setText("Same Title")
    submit(win)
    run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"))).button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: len(jobs(win)) == 2 and all(j.state is JobState.DONE for j in jobs(win))))
    model = find(win, "jobsView").model()
    rows = [model.index(i).data() for i in range(2)]
    assert any("rock" in r for r in rows) and any("pop" in r for r in rows) and all("Same Title" in r for r in rows)
