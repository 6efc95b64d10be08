"""The real window, driven by objectName, against the demo server over loopback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSlider,
)

from cover_desktop.jobs.model import JobState
from helpers import fill, find, jobs, rows, run, settle, submit, until

CONTRACT = {"mainWindow": QMainWindow, "audioIdEdit": QLineEdit, "customModeCheck": QCheckBox,
            "promptEdit": QPlainTextEdit, "styleEdit": QLineEdit, "titleEdit": QLineEdit,
            "callbackUrlEdit": QLineEdit, "submitButton": QPushButton, "jobsView": QAbstractItemView,
            "clipsView": QAbstractItemView, "playButton": QAbstractButton, "seekSlider": QSlider}


def test_contract_object_names_and_accessible_names(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    for name, kind in CONTRACT.items():
        w = find(win, name, kind)
        assert isinstance(w, kind), name
        assert w.accessibleName(), f"{name} needs an accessible name"
    win.activateWindow()
    run(aloop, until(win.isActiveWindow, what="the window to be active"))
    assert QApplication.focusWidget() is find(win, "audioIdEdit"), "typing starts in the audio id field"


def test_submit_goes_running_then_complete_with_clips(harness, demo, keyed, aloop):
    demo.duration = 1.5
    win = harness.window(demo.api_url)
    fill(win, "aud123456789", custom=True, prompt="new words", style="folk", title="River")
    QTest.mouseClick(find(win, "submitButton"), Qt.MouseButton.LeftButton)

    async def flow():
        await until(lambda: rows(win) and "(queued)" in rows(win)[0] or "(processing)" in "".join(rows(win)),
                    what="a running row with its raw status")
        assert jobs(win)[0].state is JobState.RUNNING
        await until(lambda: "(complete)" in rows(win)[0], timeout=10, what="completion")
        await until(lambda: find(win, "clipsView").model().rowCount() == 2, what="two clips")

    run(aloop, flow())
    body = demo.requests("api", "generate")[0].json()
    assert body == {"audio_id": "aud123456789", "custom_mode": True, "prompt": "new words", "style": "folk",
                    "title": "River"}
    assert "River" in rows(win)[0] and "2 clips" in rows(win)[0]


def test_plain_mode_sends_no_custom_fields(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="kept in the form", style="x")
    find(win, "customModeCheck").setChecked(False)
    assert not find(win, "promptEdit").isEnabled()
    submit(win)
    run(aloop, until(lambda: demo.submits == 1))
    assert demo.requests("api", "generate")[0].json() == {"audio_id": "aud1", "custom_mode": False}


def test_custom_mode_without_prompt_is_refused_before_any_request(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="   ")
    find(win, "submitButton").click()
    errors = [label.text() for label in win.findChildren(QLabel, "fieldError") if label.isVisible()]
    assert any("needs lyrics or a prompt" in e for e in errors)
    assert jobs(win) == []
    # the next submit's request is the first the server sees: the refused one sent nothing before it
    find(win, "promptEdit").setPlainText("words")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1, what="the corrected submit"))
    assert [r.json()["prompt"] for r in demo.requests("api", "generate")] == ["words"]


def test_bad_callback_url_opens_advanced_and_marks_it(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1")
    find(win, "callbackUrlEdit").setText("file:///tmp/hook")
    assert not find(win, "callbackUrlEdit").isVisible()
    submit(win)
    assert find(win, "callbackUrlEdit").isVisible()
    assert demo.requests() == []


def test_double_click_and_ctrl_return_send_one_request(harness, demo, keyed, aloop):
    demo.latency = 0.5
    win = harness.window(demo.api_url)
    win.activateWindow()
    run(aloop, until(win.isActiveWindow, what="the window to be active"))
    fill(win, "aud1")
    button = find(win, "submitButton")
    QTest.mouseDClick(button, Qt.MouseButton.LeftButton)
    button.click()
    QTest.keyClick(find(win, "audioIdEdit"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not button.isEnabled()
    run(aloop, until(lambda: button.isEnabled(), what="the submit to finish"))
    # a second submit set off by the clicks would reach the server before the next one asked for
    fill(win, "aud2")
    button.click()
    run(aloop, until(lambda: demo.submits >= 2, what="the next submit"))
    assert [r.json()["audio_id"] for r in demo.requests("api", "generate")] == ["aud1", "aud2"]
    assert len(jobs(win)) == 2


def test_ctrl_return_submits(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    win.activateWindow()
    run(aloop, until(win.isActiveWindow, what="the window to be active"))
    fill(win, "aud1", custom=True, prompt="lyrics")
    QTest.keyClick(find(win, "promptEdit"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    run(aloop, until(lambda: demo.submits == 1))
    assert find(win, "promptEdit").toPlainText() == "lyrics", "Ctrl+Return submits, it does not type a newline"


def batch_box(win, aloop) -> QMessageBox:
    """The batch confirmation, once the dropped text has been read (that happens in the background)."""
    return run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the batch question"))


def _drop(widget, mime: QMimeData) -> None:
    """What a drag from another app delivers: enter, move, drop."""
    pos = QPointF(widget.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the field takes the drag"
    QApplication.sendEvent(widget, QDragMoveEvent(pos.toPoint(), *args))
    QApplication.sendEvent(widget, QDropEvent(pos, *args))


def test_dropping_text_with_three_ids_makes_three_jobs(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "", custom=True, prompt="same words for all", style="jazz")
    mime = QMimeData()
    mime.setText("please do aud1111 and\nhttps://example.org/song/aud2222?x=1\naud3333, thanks")
    _drop(find(win, "audioIdEdit"), mime)
    box = batch_box(win, aloop)
    assert box is not None and box.isVisible()
    assert "3 jobs" in box.text() and "36 credits" in box.informativeText()
    assert demo.requests() == [], "nothing is sent before the confirmation"
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: demo.submits == 3 and len(jobs(win)) == 3, what="three jobs"))
    sent = [r.json() for r in demo.requests("api", "generate")]
    assert [s["audio_id"] for s in sent] == ["aud1111", "aud2222", "aud3333"]
    assert all(s["prompt"] == "same words for all" and s["style"] == "jazz" for s in sent)


def test_dropping_a_txt_file_on_the_jobs_list_and_cancelling_sends_nothing(harness, demo, keyed, aloop, tmp_path):
    win = harness.window(demo.api_url)
    listing = tmp_path / "ids.txt"
    listing.write_text("aud0001\naud0002\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(listing))])
    win.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier))
    assert "2 jobs" in batch_box(win, aloop).text()
    batch_box(win, aloop).button(QMessageBox.StandardButton.Cancel).click()
    fill(win, "aud9")
    submit(win)
    run(aloop, until(lambda: demo.submits >= 1, what="a submit after the cancel"))
    assert [r.json()["audio_id"] for r in demo.requests("api", "generate")] == ["aud9"], "the batch sent nothing"


def test_dropping_a_song_link_fills_the_field(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    mime = QMimeData()
    mime.setText("https://suno.com/song/3f2a1b4c-1111-2222-3333-444455556666")
    _drop(find(win, "audioIdEdit"), mime)
    run(aloop, until(lambda: find(win, "audioIdEdit").text(), what="the id"))
    assert find(win, "audioIdEdit").text() == "3f2a1b4c-1111-2222-3333-444455556666"
    assert win.findChild(QMessageBox, "batchConfirm") is None


@pytest.mark.log_warnings(r"generate failed \(try 1/4\): authentication_error")
def test_401_shows_the_key_message_and_keeps_the_form(harness, demo, monkeypatch, aloop):
    monkeypatch.setenv("COVER_DESKTOP_API_KEY", "not-a-valid-key")
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="my lyrics")
    submit(win)
    banner = win.findChild(QLabel, "formError")
    run(aloop, until(lambda: banner.isVisible(), what="the error under the form"))
    assert "API key was not accepted" in banner.text() and "Settings" in banner.text()
    assert "Settings" in find(win, "statusMessage").text()
    assert find(win, "promptEdit").toPlainText() == "my lyrics" and find(win, "audioIdEdit").text() == "aud1"
    assert jobs(win) == [], "a refused submit made no job"


@pytest.mark.log_warnings(r"generate failed \(try 1/4\): not_found")
def test_unknown_audio_id_says_so(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "nonsense")
    submit(win)
    run(aloop, until(lambda: "does not know the audio id" in find(win, "statusMessage").text()))


def test_job_survives_closing_and_reopening_the_window(harness, demo, keyed, aloop):
    demo.duration = 60
    win = harness.window(demo.api_url)
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="a task id"))
    task_id = jobs(win)[0].task_id
    harness.close(win)
    demo.finish_all()
    win2 = harness.window(demo.api_url)
    assert jobs(win2)[0].task_id == task_id
    run(aloop, until(lambda: jobs(win2)[0].state is JobState.DONE, what="completion after reopening"))
    assert len(jobs(win2)[0].clips) == 2


def test_partial_clips_show_while_running(harness, demo, keyed, aloop):
    demo.duration = 3
    win = harness.window(demo.api_url, poll_interval=0.1)
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].raw_status == "streaming", timeout=5))
    assert jobs(win)[0].state is JobState.RUNNING
    run(aloop, until(lambda: find(win, "clipsView").model().rowCount() == 1, what="the first clip"))


def test_failed_job_shows_its_error(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "fail-123")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.FAILED))
    assert "Failed (failed)" in rows(win)[0] and "could not make a cover" in rows(win)[0]


@pytest.mark.log_warnings(r"status failed \(try 1/1\): rate_limited")
def test_429_while_polling_says_so_then_completes(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    demo.inject("429", path_contains="status", count=1, retry_after="1")
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: "slow down" in find(win, "statusMessage").text(), what="the 429 in the status bar"))
    assert "Will keep checking" in rows(win)[0]
    run(aloop, until(lambda: jobs(win)[0].state is JobState.DONE, timeout=10))
    assert jobs(win)[0].error == ""


def test_pause_and_resume_polling(harness, demo, keyed, aloop):
    demo.duration = 60
    win = harness.window(demo.api_url)
    find(win, "pauseAction").trigger()
    assert "paused" in find(win, "pollLabel").text().lower()
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id))
    scheduler = win.rt.service.scheduler
    run(aloop, settle())
    assert scheduler.paused and scheduler.requests == 0, "a new job is not checked while paused"
    find(win, "pollNowAction").trigger()     # nor by F5: checking stays off until resumed
    run(aloop, settle())
    assert scheduler.requests == 0 and demo.requests("api", "status") == []
    demo.finish_all()
    find(win, "pauseAction").trigger()
    run(aloop, until(lambda: jobs(win)[0].state is JobState.DONE))


def test_timeout_then_retry_polling(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url, poll_timeout_min=0.01)
    fill(win, "stuck-1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.TIMED_OUT, timeout=5))
    assert "Timed out" in rows(win)[0]
    find(win, "jobsView").setCurrentIndex(find(win, "jobsView").model().index(0))
    find(win, "retryAction").trigger()
    assert jobs(win)[0].state is JobState.RUNNING


def test_remove_and_resubmit_from_the_job_actions(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="p")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE))
    find(win, "jobsView").setCurrentIndex(find(win, "jobsView").model().index(0))
    find(win, "resubmitAction").trigger()
    find(win, "resubmitConfirm", QMessageBox).button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: demo.submits == 2 and len(jobs(win)) == 2))
    assert demo.requests("api", "generate")[1].json()["prompt"] == "p"
    find(win, "jobsView").setCurrentIndex(find(win, "jobsView").model().index(0))
    find(win, "removeAction").trigger()
    find(win, "removeConfirm", QMessageBox).button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: len(jobs(win)) == 1))
    harness.close(win)
    assert len(jobs(harness.window(demo.api_url))) == 1, "the removal was stored"


@pytest.mark.log_warnings(r"status failed \(try 1/2\): (not_found|authentication_error)")
def test_settings_test_key_button(harness, demo, keyed, aloop, monkeypatch):
    win = harness.window(demo.api_url)
    find(win, "settingsAction").trigger()
    dlg = find(win, "settingsDialog")
    assert dlg.isVisible()
    monkeypatch.delenv("COVER_DESKTOP_API_KEY")
    dlg.key_edit.setEnabled(True)
    dlg.key_edit.setText("aio_another_good_key")
    dlg.base_url.setText(demo.api_url)
    dlg.test_button.click()
    run(aloop, until(lambda: "works" in dlg.test_result.text()))
    dlg.key_edit.setText("wrong")
    dlg.test_button.click()
    run(aloop, until(lambda: "not accepted" in dlg.test_result.text()))
    assert demo.submits == 0
    assert all("wrong" not in r.path for r in demo.requests())


def test_first_start_without_key_runs_on_the_demo_server(harness, aloop):
    win = harness.window(argv=["--demo-duration", "0"])
    assert win.rt.demo is not None and find(win, "demoBanner").isVisible()
    assert "Demo server" in find(win, "connectionLabel").text()
    assert win.findChild(QPushButton, "enterKeyButton").isVisible()
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE))


def test_saving_a_key_in_settings_switches_to_the_live_server(harness, demo, aloop):
    win = harness.window(argv=["--demo-duration", "0"])
    find(win, "settingsAction").trigger()
    dlg = find(win, "settingsDialog")
    dlg.key_edit.setText("aio_saved_in_settings")
    dlg.base_url.setText(demo.api_url)
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    run(aloop, until(lambda: "Settings saved" in find(win, "statusMessage").text(), what="the switch"))
    assert win.rt.demo is None and win.rt.base_url == demo.api_url
    assert not find(win, "demoBanner").isVisible()
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1))
    assert demo.requests("api", "generate")[0].headers["authorization"] == "Bearer aio_saved_in_settings"
    assert (win.rt.keystore.file.stat().st_mode & 0o777) == 0o600


def test_pasting_several_ids_offers_a_batch(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    QApplication.clipboard().setText("aud1001\naud1002")
    field = find(win, "audioIdEdit")
    field.setFocus()
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert "2 jobs" in batch_box(win, aloop).text()
    assert field.text() == ""
    batch_box(win, aloop).button(QMessageBox.StandardButton.Cancel).click()
    QApplication.clipboard().setText("https://example.org/song/aud5555")
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert field.text() == "aud5555"


def running_job_window(harness, demo, aloop):
    """A window following one job that will not finish on its own."""
    demo.duration = 60
    win = harness.window(demo.api_url)
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="a task id"))
    return win


@pytest.mark.log_warnings(r"status failed \(try 1/1\): network")
def test_a_dead_network_while_polling_is_shown_and_recovers(harness, demo, keyed, aloop):
    win = running_job_window(harness, demo, aloop)
    demo.inject("reset", path_contains="status", count=1000)
    run(aloop, until(lambda: "unreachable" in find(win, "connectionLabel").text(), what="the connection state"))
    assert jobs(win)[0].state is JobState.RUNNING, "a dead network never fails or loses the job"
    assert "cut off" in rows(win)[0]
    demo.clear_faults()
    demo.finish_all()
    find(win, "pollNowAction").trigger()
    run(aloop, until(lambda: jobs(win)[0].state is JobState.DONE, timeout=15, what="recovery"))
    assert "unreachable" not in find(win, "connectionLabel").text()


@pytest.mark.log_warnings(r"status failed \(try 1/1\): authentication_error")
def test_a_key_refused_while_polling_pauses_checking_and_says_why(harness, demo, keyed, aloop):
    win = running_job_window(harness, demo, aloop)
    demo.inject("401", path_contains="status")
    run(aloop, until(lambda: win.rt.service.paused, what="polling to pause"))
    assert "key" in find(win, "pollLabel").text() and find(win, "demoBanner").isVisible()
    assert "Key not accepted" in find(win, "bannerText").text()
    assert jobs(win)[0].state is JobState.RUNNING
    polls = win.rt.service.scheduler.requests
    find(win, "pollNowAction").trigger()
    run(aloop, settle())
    assert win.rt.service.scheduler.requests == polls, "no hammering with a refused key, F5 or not"


def test_enter_in_the_audio_id_field_submits(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    QTest.keyClicks(find(win, "audioIdEdit"), "aud42")
    QTest.keyClick(find(win, "audioIdEdit"), Qt.Key.Key_Return)
    run(aloop, until(lambda: demo.submits == 1))
    assert demo.requests("api", "generate")[0].json()["audio_id"] == "aud42"
