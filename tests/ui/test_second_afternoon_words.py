"""Second afternoon, what the window shows and says: each case failed on the window as it was before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QScrollArea

from cover_desktop import i18n
from cover_desktop.jobs.model import JobState
from cover_desktop.ui.clips_model import GroupRole
from cover_desktop.ui.delegates import group_rect
from cover_desktop.ui.jobs_model import ElapsedRole, WhenRole
from helpers import find, finished_window, jobs, run, submit, submit_matrix, until


def test_a_style_matrix_shows_what_differs_and_a_click_on_its_group_lists_its_clips(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, audio_id="aud9")   # a job of no matrix beside it
    submit_matrix(win, aloop, "aud1", "River Night", "jazz\nfolk")
    run(aloop, until(lambda: len(jobs(win)) == 3 and all(
        j.state is JobState.DONE and j.clips and all(c.audio_path for c in j.clips) for j in jobs(win)),
        timeout=30, what="the matrix's clips"))
    find(win, "libraryButton").click()
    view = find(win, "clipsView")
    model = view.model()
    grouped = [model.index(i) for i in range(model.rowCount()) if model.index(i).data(GroupRole)]
    assert len(grouped) == 4
    titles = [i.data() for i in grouped]
    assert len(set(titles)) == 4, f"each row of the matrix tells itself apart: {titles}"
    assert any("jazz" in t and "aud1" in t for t in titles) and any("folk" in t for t in titles)
    name = grouped[0].data(GroupRole)
    assert name == "aud1 \u00d7 2 styles"
    view.scrollTo(grouped[0])
    chip = group_rect(view.visualRect(grouped[0]), QFontMetrics(view.font()))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(chip.right() - 4, chip.center().y()))
    assert find(win, "librarySearchEdit").text() == name, "the search is the group's shown name"
    run(aloop, until(lambda: model.rowCount() == 4, what="the group's clips alone"))
    assert all(model.index(i).data(GroupRole) == name for i in range(4))


def test_the_trash_says_trash_and_a_job_row_labels_how_long_it_took(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    index = find(win, "jobsView").model().index(0)
    assert index.data(ElapsedRole).startswith("took "), "a duration, said as one"
    assert not index.data(WhenRole).startswith("took ")
    find(win, "libraryButton").click()
    assert win.clips_pane.title.text() == "All clips"
    find(win, "trashButton").click()
    assert win.clips_pane.title.text() == "Trash"
    find(win, "trashButton").click()
    assert win.clips_pane.title.text() == "All clips"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_library_search_shows_its_whole_placeholder(harness, aloop, language):
    i18n.install(language)
    try:
        win = harness.window(argv=["--demo"])
        win.resize(1000, 700)   # a laptop's window, not the whole screen
        find(win, "libraryButton").click()
        QApplication.processEvents()
        edit = find(win, "librarySearchEdit", QLineEdit)
        room = edit.width() - edit.height() - 12   # the clear button and the frame's margins
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room, edit.placeholderText()
    finally:
        i18n.install()


def test_the_details_file_path_wraps_whole(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    find(win, "detailsButton").click()
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(0))
    QApplication.processEvents()
    label = find(win, "detail_file", QLabel)
    path = jobs(win)[0].clips[0].audio_path
    assert path in label.text().replace("\u200b", "").replace("\u2060", "")
    scroll = label.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    assert not scroll.horizontalScrollBar().isVisible() or scroll.horizontalScrollBar().maximum() == 0
    assert label.minimumSizeHint().width() <= label.width(), "no line is wider than the label"
    assert label.height() >= label.heightForWidth(label.width()), "every line of it has room"


def test_the_demo_asks_without_speaking_of_credits(harness, aloop):
    win = harness.window(argv=["--demo"])
    assert "credit" not in find(win, "submitButton").text() + find(win, "submitButton").toolTip()
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win), what="the job"))
    find(win, "jobsView").setCurrentIndex(find(win, "jobsView").model().index(0))
    find(win, "resubmitAction").trigger()
    box = run(aloop, until(lambda: win.findChild(QMessageBox, "resubmitConfirm"), what="the question"))
    assert "credit" not in box.text() + box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_settings_shows_the_file_name_fields_and_adds_one_on_a_click(harness, aloop):
    win = harness.window(argv=["--demo"])
    find(win, "settingsAction").trigger()
    dlg = win.findChild(QDialog, "settingsDialog")
    fields = dlg.findChild(QLabel, "nameTemplateFields")
    assert fields.isVisible() and "{nth}" in fields.text() and "{title}" in fields.text()
    template = dlg.findChild(QLineEdit, "nameTemplateEdit")
    assert template.text() == "{title}{nth}"
    assert dlg.findChild(QLabel, "nameTemplatePreview").text().endswith("Night Drive #2.mp3")
    template.setText("{title} ")
    fields.linkActivated.emit("{n}")
    assert template.text() == "{title} {n}"
    dlg.reject()
