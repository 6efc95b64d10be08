"""What a fresh pass over the window found, as a musician uses it: each case failed on the window as it was."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest

from cover_desktop.jobs.model import JobState
from cover_desktop.ui.clips_model import GroupRole
from cover_desktop.ui.delegates import GROUP_MARK, group_rect
from helpers import find, jobs, run, submit_matrix, until


def test_a_matrix_rows_group_name_is_shown_whole_and_a_click_anywhere_on_it_lists_the_group(harness, demo, keyed,
                                                                                             aloop):
    win = harness.window(demo.api_url)
    win.resize(1240, 780)
    submit_matrix(win, aloop, "aud0c11e9f3", "Harbour Lights", "acoustic folk\nlo-fi jazz\nbossa nova")
    run(aloop, until(lambda: len(jobs(win)) == 3 and all(j.state is JobState.DONE and j.clips for j in jobs(win)),
                     timeout=30, what="the matrix's clips"))
    find(win, "libraryButton").click()
    view = find(win, "clipsView")
    index = view.model().index(0)
    name = index.data(GroupRole)
    assert name == "aud0c11e9f3 \u00d7 3 styles"
    fm = QFontMetrics(view.font())
    chip = group_rect(view.visualRect(index), fm, name)
    assert chip.width() >= fm.horizontalAdvance(GROUP_MARK + name) + 10, "the name fits its chip, not cut to 'aud0c…'"
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(chip.left() + 4, chip.center().y()))
    assert find(win, "librarySearchEdit").text() == name, "the chip's left end lists the group too"
