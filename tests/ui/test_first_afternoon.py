"""What a new user runs into in a first afternoon: each case failed on the window as it was before."""

from __future__ import annotations

import logging
import os
import re

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
)

from cover_desktop.app import parse_args, route_qt_messages, split_qt_options
from cover_desktop.ui.icons import icon
from helpers import fill, find, finished_window, jobs, qt_message_to_stderr, run, submit, until


def settings_dialog(win) -> QDialog:
    find(win, "settingsAction").trigger()
    dlg = win.findChild(QDialog, "settingsDialog")
    assert dlg is not None and dlg.isVisible()
    return dlg


def test_settings_open_again_and_again_from_the_menu_the_shortcut_and_the_banner(harness, aloop):
    win = harness.window(argv=["--demo"])
    action = find(win, "settingsAction")
    assert "Ctrl+," in [k.toString() for k in action.shortcuts()]
    for _ in range(3):
        dlg = settings_dialog(win)
        dlg.reject()
        run(aloop, until(lambda: win.findChild(QDialog, "settingsDialog") is None, what="the dialog to go"))
    find(win, "enterKeyButton").click()
    assert win.findChild(QDialog, "settingsDialog").isVisible(), "the banner's button still opens it"


@pytest.mark.log_warnings(r"generate failed \(try \d/4\): network")
def test_the_connection_label_tells_what_the_last_request_found(harness, aloop, keyed):
    win = harness.window("http://127.0.0.1:9")   # nothing listens there
    label = find(win, "connectionLabel")
    assert "not checked yet" in label.text(), "no claim before any request"
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: "unreachable" in label.text(), timeout=20, what="the red dot"))
    assert "Could not reach" in find(win, "statusMessage").text() or "reach" in label.toolTip()


@pytest.mark.log_warnings(r"status failed \(try \d/2\): network")
def test_test_key_against_a_dead_server_turns_the_label_red(harness, aloop, keyed):
    win = harness.window("http://127.0.0.1:9")
    dlg = settings_dialog(win)
    dlg.findChild(QPushButton, "testKeyButton").click()
    run(aloop, until(lambda: "unreachable" in find(win, "connectionLabel").text(), timeout=20, what="red"))


def test_a_pasted_list_keeps_every_id_and_names_what_it_skipped(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    QApplication.clipboard().setText("aud-one\naud-two\nhttps://example.org/song/aud-three\ndemo-four\n"
                                     "this line is not an id\n")
    field = find(win, "audioIdEdit")
    field.setFocus()
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the batch question"))
    assert "Submit 4 jobs" in box.text()
    assert "demo-four" in box.informativeText()
    assert "not understood" in box.informativeText() and "this line is not an id" in box.informativeText()


def test_settings_layout_keeps_every_line_after_a_long_test_result(harness, aloop):
    win = harness.window(argv=["--demo"])
    dlg = settings_dialog(win)
    show = dlg.findChild(QCheckBox, "showKeyCheck")
    assert show.isVisible() and show.text() == "Show", "a visible, labelled Show control"
    result = dlg.findChild(QLabel, "testKeyResult")
    dlg._show_test_result("\u2716 " + "The service could not be reached at all; " * 6)  # as after a failed test
    QApplication.processEvents()
    demo_box = dlg.findChild(QCheckBox, "useDemoCheck")
    assert not result.geometry().intersects(demo_box.geometry()), "the result does not cover the check box"
    for name in ("keyNote", "testKeyResult"):
        label = dlg.findChild(QLabel, name)
        assert label.height() >= label.heightForWidth(label.width()), f"{name} has room for all its lines"


def test_the_window_fits_a_small_scaled_laptop_screen(harness, aloop):
    win = harness.window(argv=["--demo"])
    # 1280x720 at 150 %: 853x480 logical pixels
    assert win.minimumSizeHint().width() <= 853 and win.minimumSizeHint().height() <= 480
    assert win.minimumWidth() <= 853 and win.minimumHeight() <= 480
    win.resize(853, 480)
    QApplication.processEvents()

    def on_screen(w) -> bool:
        top_left = w.mapTo(win, w.rect().topLeft())
        return 0 <= top_left.y() < 480 and 0 <= top_left.x() < 853

    for name in ("playButton", "statusMessage", "seekSlider", "clipsView"):
        assert on_screen(find(win, name)), f"{name} is on screen"
    # the left column scrolls: the job list is one scroll away
    find(win, "leftScroll").ensureWidgetVisible(find(win, "jobsPane"))
    QApplication.processEvents()
    assert on_screen(find(win, "jobsPane"))


def test_the_same_request_again_within_minutes_asks_first(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="words", style="folk")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1))
    run(aloop, until(lambda: find(win, "submitButton").isEnabled(), what="the form to be free"))
    submit(win)
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "repeatConfirm"), what="the question"))
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "Enter does not pay again"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert demo.submits == 1
    find(win, "styleEdit").setText("jazz")
    submit(win)
    run(aloop, until(lambda: demo.submits == 2, what="a different request, sent without asking"))


def test_errors_go_away_when_their_cause_is_edited(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    status = find(win, "statusMessage")
    fill(win, "aud1", custom=True, prompt="")
    submit(win)
    assert "lyrics" in status.text()
    find(win, "promptEdit").setPlainText("now there are words")
    assert status.text() == "", "the status bar forgets an error that no longer holds"


@pytest.mark.log_warnings(r"generate failed \(try 1/4\): not_found")
def test_a_service_error_on_the_form_clears_on_edit_in_form_and_on_a_drop(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    fill(win, "nope")
    submit(win)
    banner = find(win, "formError")
    run(aloop, until(lambda: banner.isVisible() and "nope" in banner.text(), what="the error"))
    find(win, "audioIdEdit").setText("aud2")
    assert not banner.isVisible()


def test_settings_shows_the_demo_in_use_and_tests_what_it_would_save(harness, aloop):
    win = harness.window(argv=[])   # no key: the demo runs
    assert win.rt.is_demo
    dlg = settings_dialog(win)
    box = dlg.findChild(QCheckBox, "useDemoCheck")
    assert not box.isChecked(), "the box is the musician's choice: the demo runs for want of a key"
    assert "no key is set" in dlg.findChild(QLabel, "serverNote").text(), "what runs, and why, is said beside it"
    box.setChecked(True)
    dlg.findChild(QPushButton, "testKeyButton").click()
    result = dlg.findChild(QLabel, "testKeyResult")
    run(aloop, until(lambda: result.text() and "Checking" not in result.text(), what="the test"))
    assert "apiin.one" not in result.text(), "with the box ticked, the test is of the demo"


def test_plain_http_to_another_machine_is_warned_about_and_must_be_confirmed(harness, aloop):
    win = harness.window(argv=["--demo"])
    dlg = settings_dialog(win)
    dlg.findChild(QCheckBox, "useDemoCheck").setChecked(False)
    dlg.findChild(QLineEdit, "baseUrlEdit").setText("http://proxy.example.org")
    warning = dlg.findChild(QLabel, "insecureWarning")
    assert warning.isVisible() and "unencrypted" in warning.text()
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible() and "plain http" in dlg.findChild(QLabel, "settingsError").text()


def test_a_key_with_an_invisible_character_is_named_before_anything_is_sent(harness, aloop):
    win = harness.window(argv=["--demo"])
    dlg = settings_dialog(win)
    dlg.findChild(QLineEdit, "apiKeyEdit").setText("aio_abc\u200bdef")
    problem = dlg.findChild(QLabel, "keyProblem")
    assert problem.isVisible() and "invisible character" in problem.text() and "abc" not in problem.text()


def test_removing_a_job_says_where_its_files_stay(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    find(win, "removeAction").trigger()
    box = find(win, "removeConfirm", QMessageBox)
    folder = win.rt.library.folder(jobs(win)[0])
    assert str(folder) in box.informativeText().replace("\u200b", "").replace("\u2060", "")
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: "still in" in find(win, "statusMessage").text(), what="the message"))
    assert folder.is_dir() and any(folder.iterdir())


def test_jobs_show_when_they_were_made(harness, demo, keyed, aloop):
    from cover_desktop.ui.jobs_model import WhenRole, fmt_when
    win = finished_window(harness, demo, aloop)
    index = find(win, "jobsView").model().index(0)
    assert index.data(WhenRole) == fmt_when(jobs(win)[0].created_at) and ":" in index.data(WhenRole)
    assert fmt_when(0, now=10 * 86400).count(" ") >= 1, "an old job shows its date too"


def test_help_lists_the_shortcuts_and_explains_audio_ids(harness, aloop):
    win = harness.window(argv=["--demo"])
    find(win, "shortcutsAction").trigger()
    text = win.findChild(QDialog, "shortcutsDialog").findChild(QTextBrowser).toPlainText()
    assert re.search(r"Enter\s+Submit \(in the audio id field\)", text), text
    assert "Swap" in text and "Ctrl+," in text
    find(win, "audioIdHelpAction").trigger()
    assert "6 to 60 seconds" in win.findChild(QDialog, "audioIdHelp").findChild(QTextBrowser).toPlainText()


def test_qt_options_pass_through_the_command_line():
    ours, qt = split_qt_options(["-style", "fusion", "--demo", "aud1", "-platform=offscreen", "-reverse"])
    assert ours == ["--demo", "aud1"] and qt == ["-style", "fusion", "-platform=offscreen", "-reverse"]
    args = parse_args(["-style", "fusion", "--demo", "aud1"])
    assert args.demo and args.ids == ["aud1"] and args.qt_args == ["-style", "fusion"]


@pytest.mark.log_warnings(r"^qt: default: Something else went wrong")
def test_multimedia_chatter_goes_to_the_log_at_debug_not_the_terminal(caplog, capfd):
    from PySide6.QtCore import qInstallMessageHandler
    # never None in between: a Qt thread that logs while PySide holds no handler crashes (see conftest.py)
    before = qInstallMessageHandler(qt_message_to_stderr)
    route_qt_messages()
    handler = qInstallMessageHandler(before)   # what route_qt_messages installed; the test's own back
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            ctx = QMessageLogContext()
            handler(QtMsgType.QtWarningMsg, ctx, "PulseAudioService: pa_context_connect() failed")
            handler(QtMsgType.QtWarningMsg, ctx, "Something else went wrong")
        levels = {r.getMessage().split(": ", 1)[1]: r.levelno for r in caplog.records if r.name == "qt"}
        assert levels["PulseAudioService: pa_context_connect() failed"] == logging.DEBUG
        assert levels["Something else went wrong"] == logging.WARNING
        assert "PulseAudio" not in capfd.readouterr().err
    finally:
        caplog.clear()


def test_transport_icons_follow_a_dark_palette(harness, aloop):
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.ButtonText, QColor("#eeeeee"))
    image = icon("play", dark).pixmap(32, 32).toImage()
    lightest = max(QColor(image.pixel(x, y)).lightness() for x in range(32) for y in range(32)
                   if QColor.fromRgba(image.pixel(x, y)).alpha() > 200)
    assert lightest > 200, "light icons on a dark palette"
    win = harness.window(argv=["--demo"])
    button = find(win, "playButton")
    button.parentWidget().setPalette(dark)   # the player bar, as when the desktop switches to dark
    shown = button.icon().pixmap(32, 32).toImage()
    assert any(QColor.fromRgba(shown.pixel(x, y)).lightness() > 200 and QColor.fromRgba(shown.pixel(x, y)).alpha()
               > 200 for x in range(32) for y in range(32))


def test_a_long_message_never_makes_the_window_grow(harness, aloop):
    win = harness.window(argv=["--demo"])
    win.resize(900, 600)
    QApplication.processEvents()
    width = win.width()
    win.show_error("The service said something very long about what went wrong. " * 20)
    QApplication.processEvents()
    assert win.width() == width and win.minimumSizeHint().width() < 900


def test_native_stderr_goes_to_the_log_folder_and_python_keeps_the_terminal(tmp_path):
    import subprocess
    import sys
    script = ("import os, sys; from pathlib import Path; from cover_desktop.app import quiet_native_stderr; "
              f"quiet_native_stderr(Path({str(tmp_path)!r})); os.write(2, b'Input #0, wav\\n'); "
              "print('python says', file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "COVER_DESKTOP_VERBOSE"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert "python says" in out.stderr and "Input #0" not in out.stderr
    assert "Input #0" in (tmp_path / "native.log").read_text()


def test_a_demo_job_running_at_quit_completes_after_a_restart(harness, aloop):
    from cover_desktop.jobs.model import JobState
    win = harness.window(argv=["--demo", "--demo-duration", "3"])
    fill(win, "aud-restart")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="the task id"))
    harness.close_all()
    again = harness.window(argv=["--demo", "--demo-duration", "3"])
    run(aloop, until(lambda: jobs(again)[0].state is JobState.DONE, timeout=20, what="completion after the restart"))
    assert "does not know" not in (jobs(again)[0].error or "")
