"""What a musician still tripped over in a second afternoon: each case failed on the window as it was before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from cover_desktop.media.audition import Repeat
from cover_desktop.ui.clips_model import clip_key
from helpers import fill, find, finished_window, jobs, run, submit, until


def focus(win, name, aloop):
    """Tab to ``name`` as a musician would (styles show the focus only once the keyboard has moved it)."""
    win.activateWindow()
    run(aloop, until(win.isActiveWindow, what="the window to be active"))
    widget = find(win, name)
    for _ in range(80):
        if QApplication.focusWidget() is widget:
            break
        QTest.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, f"Tab reaches {name}"
    return widget


def test_several_styles_with_custom_mode_off_shows_the_styles_field(harness, aloop):
    win = harness.window(argv=["--demo"])
    assert not find(win, "customModeCheck").isChecked()
    find(win, "matrixCheck").click()
    assert find(win, "customModeCheck").isChecked(), "a style is sent in custom mode only"
    assert find(win, "stylesEdit").isVisible(), "the styles field shows at the first tick"
    assert not find(win, "styleEdit").isVisible()
    find(win, "matrixCheck").click()
    assert find(win, "styleEdit").isVisible() and not find(win, "stylesEdit").isVisible()


def test_a_focused_check_box_keeps_space_and_typing_keys_reach_the_player_only_from_the_lists(
        harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    player, audition = win.rt.player, win.clips_pane.audition
    box = focus(win, "customModeCheck", aloop)
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked(), "Space ticks the focused box"
    assert player.current == "", "and does not play"
    QTest.keyClick(box, Qt.Key.Key_R)
    QTest.keyClick(box, Qt.Key.Key_5)
    assert audition.repeat is Repeat.OFF, "R typed on a check box leaves Repeat alone"
    assert all(r.rating == 0 for r in jobs(win)[0].clips)
    submit = focus(win, "submitButton", aloop)
    QTest.keyClick(submit, Qt.Key.Key_R)
    assert audition.repeat is Repeat.OFF
    # a key with a modifier is a command: it acts wherever the focus is
    QTest.keyClick(box, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    run(aloop, until(lambda: player.current, what="Ctrl+Right to play the next clip"))
    player.unload()

    view = focus(win, "clipsView", aloop)
    view.setCurrentIndex(view.model().index(0))
    QTest.keyClick(view, Qt.Key.Key_R)
    assert audition.repeat is Repeat.ALL, "in the list R cycles Repeat"
    QTest.keyClick(view, Qt.Key.Key_Space)
    job = jobs(win)[0]
    assert player.current == clip_key(job, job.clips[0]), "in the list Space plays the current clip"


def test_remove_from_history_answers_cancel_on_enter_and_its_folder_wraps_at_separators(
        harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    find(win, "removeAction").trigger()
    box = find(win, "removeConfirm", QMessageBox)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    text = label.text()
    folder = str(win.rt.library.folder(jobs(win)[0]))
    plain = text.replace("\u200b", "").replace("\u2060", "")
    start = plain.find(folder)
    assert start >= 0, "the folder is named"
    # where may a line end? only after a separator, at any width where each name fits on a line
    widest = max(QFontMetrics(label.font()).horizontalAdvance(part + "/") for part in folder.split("/"))
    for width in range(widest + 4, widest + 400, 17):
        layout = QTextLayout(text, label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        starts = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        for s in starts[1:]:
            shown = text[:s].replace("\u200b", "").replace("\u2060", "")
            if start < len(shown) < start + len(folder):
                assert shown.endswith("/"), f"a line ends inside a name at {width}px: {shown[start:]!r}"
    QTest.keyClick(box, Qt.Key.Key_Return)
    run(aloop, until(lambda: win.findChild(QMessageBox, "removeConfirm") is None, what="the box to close"))
    assert len(jobs(win)) == 1, "Enter kept the job"


def test_the_clip_list_plays_on_enter_and_moves_on_after_delete(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    win = finished_window(harness, demo, aloop, audio_id="aud2", win=win)
    find(win, "libraryButton").click()
    view = focus(win, "clipsView", aloop)
    model = view.model()
    assert model.rowCount() == 4
    view.setCurrentIndex(model.index(1))
    second = model.at(1)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert win.rt.player.current == clip_key(*second), "Enter plays the current clip"
    win.rt.player.unload()
    third = model.at(2)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    run(aloop, until(lambda: model.rowCount() == 3, what="the clip to go to the trash"))
    run(aloop, until(lambda: view.currentIndex().row() == 1, what="the next row to be current"))
    assert model.at(1)[1].id == third[1].id, "the clip after the trashed one is current"
    assert view.selectionModel().isSelected(model.index(1))
    QTest.keyClick(view, Qt.Key.Key_4)
    run(aloop, until(lambda: third[1].rating == 4 or model.at(1)[1].rating == 4, what="rating goes on"))


def test_the_lists_and_submit_show_where_the_keyboard_is(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    for name in ("jobsView", "clipsView", "submitButton"):
        widget = find(win, name)
        target = widget.viewport() if hasattr(widget, "viewport") else widget
        if hasattr(widget, "setCurrentIndex"):
            widget.setCurrentIndex(widget.model().index(0))
            widget.selectionModel().clearSelection()
        focus(win, name, aloop)
        focused = target.grab().toImage()
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        assert focused != target.grab().toImage(), f"{name} looks different with the keyboard's focus"


def test_the_running_dot_shows_on_the_selected_row(harness, demo, keyed, aloop):
    from cover_desktop.ui.delegates import PAD
    win = harness.window(demo.api_url)
    fill(win, "stuck-1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="the job to run"))
    view = find(win, "jobsView")
    view.setCurrentIndex(view.model().index(0))
    QApplication.processEvents()
    rect = view.visualRect(view.model().index(0)).adjusted(PAD, PAD, -PAD, -PAD)
    top = rect.top() + QFontMetrics(view.font()).height() // 2 - 5
    image = view.viewport().grab().toImage()
    ring = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    near = [QColor(image.pixel(x, y)) for x in range(rect.left() - 2, rect.left() + 13)
            for y in range(top - 2, top + 13)]
    assert any(abs(c.lightness() - ring.lightness()) < 40 and abs(c.hue() - ring.hue()) < 30 for c in near), \
        "the dot stands out of the selection colour"
