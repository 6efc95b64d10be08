"""One owner for each piece of state: the config (settings, key, demo or live), the job service (jobs and
clips), the player (what is playing). Each test here failed before the owners existed."""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from cover_desktop.jobs.model import JobState
from cover_desktop.settings import KeyStore, Secret, Settings
from helpers import KEY, fill, find, finished_window, jobs, run, submit, until


def settings_dialog(win) -> QDialog:
    find(win, "settingsAction").trigger()
    dlg = win.findChild(QDialog, "settingsDialog")
    assert dlg is not None and dlg.isVisible()
    return dlg


def save(win, dlg) -> None:
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not dlg.isVisible(), dlg.findChild(QLabel, "settingsError").text()


def saved() -> dict:
    return json.loads(Settings.path().read_text("utf-8"))


def test_an_unchanged_save_on_first_start_does_not_choose_the_demo_and_a_key_then_goes_live(harness, demo, aloop):
    win = harness.window(argv=[])     # nothing configured: the demo runs for want of a key
    rt = win.rt
    assert rt.is_demo
    own_demo = rt.demo
    dlg = settings_dialog(win)
    assert not find(dlg, "useDemoCheck").isChecked(), "the box is the musician's choice, not what runs"
    assert "no key is set" in find(dlg, "serverNote", QLabel).text()
    service = rt.service
    save(win, dlg)
    run(aloop, until(lambda: "Settings saved" in find(win, "statusMessage").text(), what="the save"))
    assert saved()["use_demo"] is False, "saving unchanged settings is not choosing the demo"
    assert rt.service is service, "a Save that changes neither server nor key rebuilds nothing"

    dlg = settings_dialog(win)
    dlg.findChild(QLineEdit, "apiKeyEdit").setText(KEY)
    dlg.findChild(QLineEdit, "baseUrlEdit").setText(demo.api_url)
    save(win, dlg)
    run(aloop, until(lambda: rt.started and win.jobs_pane.service is rt.service and rt.base_url == demo.api_url,
                     what="the window bound to the live server"))
    assert not rt.is_demo and rt.demo is None and own_demo is not None
    assert not find(win, "demoBanner").isVisible(), "the banner no longer asks for a key"
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: demo.submits == 1, what="the submit to reach the server entered in Settings"))
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE, what="completion"))


def test_command_line_choices_are_shown_not_saved(harness, demo, aloop, keyed):
    win = harness.window(demo.api_url)    # --base-url, and the key from the environment
    dlg = settings_dialog(win)
    assert not find(dlg, "useDemoCheck").isChecked()
    assert find(dlg, "baseUrlEdit", QLineEdit).text() == "https://apiin.one", "the saved address, not the one-off"
    assert demo.api_url in find(dlg, "serverNote", QLabel).text()
    dlg.findChild(QLineEdit, "artistEdit").setText("The Band")
    save(win, dlg)
    run(aloop, until(lambda: Settings.path().exists() and saved().get("artist") == "The Band", what="the save"))
    assert saved()["base_url"] == "https://apiin.one" and saved()["use_demo"] is False
    assert "api-key" not in {p.name for p in Settings.path().parent.iterdir()}, "the environment's key stays there"


def test_demo_from_the_command_line_is_not_saved_as_chosen(harness, aloop):
    win = harness.window(argv=["--demo"])
    dlg = settings_dialog(win)
    box = find(dlg, "useDemoCheck")
    assert box.isChecked() and not box.isEnabled()
    save(win, dlg)
    run(aloop, until(lambda: Settings.path().exists(), what="the save"))
    assert saved()["use_demo"] is False


def test_a_save_that_keeps_the_server_leaves_player_and_objects_and_one_that_changes_it_rebinds_all(
        harness, demo, aloop):
    KeyStore().save(Secret(KEY))
    win = finished_window(harness, demo, aloop)
    rt = win.rt
    service, library = rt.service, rt.library
    clips = find(win, "clipsView")
    clips.setCurrentIndex(clips.model().index(0))
    win.clips_pane.play_row(0)
    playing = rt.player.current
    assert playing
    job = jobs(win)[0]
    rec = job.clips[0]
    run(aloop, library.set_meta(job, rec, notes="bridge is too long", local_title="Take one"))

    dlg = settings_dialog(win)
    dlg.findChild(QLineEdit, "artistEdit").setText("Someone Else")
    save(win, dlg)
    run(aloop, until(lambda: rt.settings.artist == "Someone Else", what="the save"))
    assert rt.service is service and rt.library is library, "nothing rebuilt"
    assert rt.player.current == playing, "nothing stopped"

    find(win, "libraryButton").setChecked(True)
    dlg = settings_dialog(win)
    dlg.findChild(QLineEdit, "baseUrlEdit").setText(demo.api_url + "/")   # the same server, said differently
    dlg.findChild(QLineEdit, "apiKeyEdit").setText("aio_another_key_0001")
    save(win, dlg)
    run(aloop, until(lambda: rt.started and win.jobs_pane.service is not service, what="the rebuild"))
    owned = {id(r) for j in rt.service.jobs.values() for r in j.clips} | {id(j) for j in rt.service.jobs.values()}
    model = clips.model()
    rows = [model.at(i) for i in range(model.rowCount())]
    assert rows and all(id(j) in owned and id(r) in owned for j, r in rows), "no row keeps an old object"
    assert win.jobs_pane.service is rt.service and win.submit_pane.service is rt.service
    assert win.clips_pane.library is rt.library and win.clips_pane.clip_actions.library is rt.library
    mine = next(r for j, r in rows if r.id == rec.id)
    assert (mine.notes, mine.local_title) == ("bridge is too long", "Take one")
    # the old objects reach no view any more: gone, or heard by no one
    for old, signal in ((library, "2clipChanged(int,QString)"), (service, "2jobChanged(PyObject)")):
        assert not shiboken6.isValid(old) or old.receivers(signal) == 0


def test_the_same_list_pasted_twice_asks_before_charging_again(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    win.submit_pane.offer_batch(["aud-one", "aud-two"])
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the batch question"))
    assert "sent exactly like this" not in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: demo.submits == 2 and not win.submit_pane.busy, what="two submits"))
    run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm") is None, what="the first box to go"))
    win.submit_pane.offer_batch(["aud-one", "aud-two", "aud-three"])
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the second question"))
    assert "2 of these were sent exactly like this" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "Enter does not pay twice"
    box.button(QMessageBox.StandardButton.Cancel).click()
    run(aloop, until(lambda: all(j.state is JobState.DONE for j in jobs(win)), what="the first two done"))
    assert demo.submits == 2


def test_a_style_matrix_sent_again_asks_too(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    form = win.submit_pane.form
    for _ in range(2):
        fill(win, "aud1, aud2", custom=True, prompt="words", style="folk\njazz")
        find(win, "matrixCheck").setChecked(True)
        submit(win)
        box = run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the matrix question"))
        if demo.submits:
            break
        box.button(QMessageBox.StandardButton.Ok).click()
        run(aloop, until(lambda: demo.submits == 4 and not win.submit_pane.busy, what="the matrix sent"))
        run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm") is None, what="the box to go"))
    assert form is win.submit_pane.form
    assert "4 of these were sent exactly like this" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    run(aloop, until(lambda: all(j.state is JobState.DONE for j in jobs(win)), what="the first matrix done"))
    assert demo.submits == 4


def test_submit_anyway_to_the_budget_still_asks_about_the_repeat(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url, monthly_budget=15)
    fill(win, "aud1")
    submit(win)   # nothing spent yet: 12 credits at most, under 15
    run(aloop, until(lambda: demo.submits == 1 and not win.submit_pane.busy, what="the first submit"))
    submit(win)
    budget = run(aloop, until(lambda: win.findChild(QMessageBox, "budgetConfirm"), what="the budget question"))
    assert "could take you past" in budget.text()
    budget.button(QMessageBox.StandardButton.Ok).click()     # Submit anyway
    repeat = run(aloop, until(lambda: win.findChild(QMessageBox, "repeatConfirm"), what="the repeat question"))
    repeat.button(QMessageBox.StandardButton.Cancel).click()
    run(aloop, until(lambda: win.findChild(QMessageBox, "repeatConfirm") is None, what="the box to go"))
    assert demo.submits == 1, "a Submit anyway to the budget is not a yes to paying twice"


def test_a_resubmit_asks_the_same_questions(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    find(win, "resubmitAction").trigger()
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "resubmitConfirm"), what="the resubmit question"))
    assert "You sent exactly this request" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "Enter does not pay twice"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert demo.submits == 1


def test_the_search_texts_follow_the_clips_listed_and_no_others(harness, demo, keyed, aloop):
    """Kept by clip, for the clips listed: a text kept by id() of a record long gone could be found again
    under a new record that Python put at the same address."""
    win = finished_window(harness, demo, aloop)
    model = find(win, "clipsView").model()
    find(win, "libraryButton").setChecked(True)
    find(win, "librarySearchEdit").setText("aud1")
    run(aloop, until(lambda: model.rowCount() == 2, what="the search"))
    listed = {f"{j.id}/{r.id}" for j in win.rt.service.jobs.values() for r in j.clips}
    assert set(model._hay) == listed
    job = jobs(win)[0]
    run(aloop, win.rt.service.remove(job.id))
    run(aloop, until(lambda: model.rowCount() == 0, what="the job's clips to go"))
    assert model._hay == {}, "texts of clips no longer listed are dropped"
