"""A big batch in the real window: Enter does not confirm it, and once running it can be stopped with a
visible control; the status says how many were not sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from helpers import find, jobs, run, until

IDS = [f"aud-batch{i:02d}" for i in range(1, 31)]


def paste_ids(win, aloop) -> QMessageBox:
    QApplication.clipboard().setText("\n".join(IDS))
    field = find(win, "audioIdEdit")
    field.setFocus()
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    return run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the batch question"))


def test_a_30_job_batch_asks_with_cancel_as_default_and_can_be_stopped_midway(harness, demo, keyed, aloop):
    demo.latency = 0.2   # each submit takes a while, as over a real network
    demo.duration = 60   # no job finishes meanwhile: a "Cover ready" would take the status line
    win = harness.window(demo.api_url)

    box = paste_ids(win, aloop)
    assert "30 jobs" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "Enter must not spend credits"
    QTest.keyClick(box, Qt.Key.Key_Return)
    run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm") is None, what="the question closed"))
    assert demo.requests() == [] and jobs(win) == [], "Enter answered Cancel"

    box = paste_ids(win, aloop)
    box.button(QMessageBox.StandardButton.Ok).click()
    stop = find(win, "batchCancelButton", QPushButton)
    run(aloop, until(lambda: demo.submits >= 2, what="the batch under way"))
    assert stop.isVisible() and stop.isEnabled(), "a visible way to stop it while it runs"
    assert "of 30" in find(win, "batchProgress").text()

    stop.click()
    run(aloop, until(lambda: not win.rt.service.batch_running, timeout=10, what="the batch to stop"))
    run(aloop, until(lambda: not stop.isVisible(), what="the stop control to go"))

    sent = demo.submits
    assert 2 <= sent < 30, "the rest was not sent"
    assert len(demo.requests("api", "generate")) == sent
    assert len(jobs(win)) == sent and all(j.task_id for j in jobs(win))
    status = find(win, "statusMessage").text()
    assert f"{sent} of 30 job" in status and f"{30 - sent} not sent" in status, status
