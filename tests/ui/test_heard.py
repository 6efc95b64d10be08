"""Heard, not only seen: what the window exposes to a screen reader, read back through Qt's own accessibility
interfaces (the tree a reader walks) and the accessibility events Qt sends (caught with Qt's update handler,
which is what its own accessibility tests use)."""

from __future__ import annotations

import asyncio
import ctypes
import os

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QMessageBox, QWidget

from helpers import fill, find, finished_window, jobs, rows, run, submit, until

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
WATCHED = (QAccessible.Event.Announcement, QAccessible.Event.NameChanged, QAccessible.Event.ValueChanged,
           QAccessible.Event.Focus)


def _qt_gui() -> ctypes.CDLL:
    try:
        return ctypes.CDLL("libQt6Gui.so.6")     # the one PySide6 loaded already
    except OSError:
        import PySide6
        return ctypes.CDLL(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib", "libQt6Gui.so.6"))


class Events:
    """Every accessibility event Qt sends while installed: (type, object, child, announcement text, politeness)."""

    def __init__(self) -> None:
        self.seen: list[tuple[QAccessible.Event, int, int, str, object]] = []
        self._install = _qt_gui()._ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE
        self._install.restype = ctypes.c_void_p
        self._install.argtypes = [_HANDLER]
        self._callback = _HANDLER(self._event)

    def _event(self, pointer: int) -> None:
        # the event lives on Qt's stack for this call only: its wrappers are dropped before returning, or a
        # later object at the same address would be taken for it
        event = shiboken6.wrapInstance(pointer, QAccessibleEvent)
        kind, text, politeness = event.type(), "", None
        # an object being built (ObjectCreated comes from QWidget's constructor) must not be wrapped yet:
        # Python would keep it as a plain QWidget
        if kind in WATCHED:
            if kind == QAccessible.Event.Announcement:
                said = shiboken6.wrapInstance(pointer, QAccessibleAnnouncementEvent)
                text, politeness = said.message(), said.politeness()
                shiboken6.invalidate(said)
            # the object is known by its interface's id: a wrapper of it, kept, would outlive it unseen
            iface = event.accessibleInterface()
            name, ident = "", 0
            if iface is not None:
                name, ident = iface.text(QAccessible.Text.Name), QAccessible.uniqueId(iface)
                shiboken6.invalidate(iface)
            self.seen.append((kind, ident, event.child(), text or name, politeness))
        shiboken6.invalidate(event)

    def __enter__(self) -> Events:
        self._install(self._callback)
        QAccessible.setActive(True)     # as when a screen reader runs: Qt sends its events only then
        return self

    def __exit__(self, *_: object) -> None:
        QAccessible.setActive(False)
        self._install(ctypes.cast(None, _HANDLER))

    def announced(self) -> list[tuple[str, object]]:
        return [(text, politeness) for kind, _o, _c, text, politeness in self.seen
                if kind == QAccessible.Event.Announcement]

    def renamed(self) -> list[str]:
        return [text for kind, _o, _c, text, _p in self.seen if kind == QAccessible.Event.NameChanged]

    def of(self, kind: QAccessible.Event, obj: object) -> int:
        ident = read(obj, QAccessible.uniqueId)
        return sum(1 for k, o, _c, _t, _p in self.seen if k == kind and o == ident)


@pytest.fixture
def events():
    with Events() as spy:
        yield spy


def read(obj, what):
    """``what(interface)`` of ``obj``'s accessible interface. Qt deletes interfaces unseen by Python: no wrapper
    of one is kept past the call."""
    iface = QAccessible.queryAccessibleInterface(obj)
    try:
        return what(iface)
    finally:
        shiboken6.invalidate(iface)


def row_name(view, row: int) -> str:
    def name(iface):
        cell = iface.child(row)
        try:
            return cell.text(QAccessible.Text.Name)
        finally:
            shiboken6.invalidate(cell)
    return read(view, name)


def labelled_by(widget) -> list[str]:
    def labels(iface):
        found = []
        for rel, _flag in iface.relations(QAccessible.RelationFlag.Label):
            found.append(rel.text(QAccessible.Text.Name))
            shiboken6.invalidate(rel)
        return found
    return read(widget, labels)


def test_a_job_is_heard_from_submit_to_complete(harness, demo, keyed, aloop, events):
    demo.duration = 1.0
    win = harness.window(demo.api_url)
    view = find(win, "jobsView")
    fill(win, "aud-heard", custom=True, prompt="words", style="folk", title="River")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state.active and jobs(win)[0].task_id, what="running"))
    said_running = row_name(view, 0)
    run(aloop, until(lambda: jobs(win)[0].state.name == "DONE", timeout=15, what="completion"))
    run(aloop, until(lambda: events.announced(), what="the announcement"))
    run(aloop, asyncio.sleep(0.3))
    spoken = row_name(view, 0)
    assert spoken.startswith("aud-heard, River \u00b7 folk, Complete, 2 clips, made ")
    assert "(complete)" not in spoken and spoken.count("omplete") == 1, "the status is said once"
    assert "(complete)" in rows(win)[0], "the automation contract keeps the raw status in DisplayRole"
    assert said_running != spoken and any("Complete" in name for name in events.renamed()), \
        "the row's new name is sent, so a caching reader stops saying the old status"
    ready = [(text, how) for text, how in events.announced() if text.startswith("Cover ready")]
    assert ready == [("Cover ready: River (2 clips).", QAccessible.AnnouncementPoliteness.Polite)]
    assert ("Submitting\u2026", QAccessible.AnnouncementPoliteness.Polite) in events.announced()


def test_a_failed_job_is_announced_once(harness, demo, keyed, aloop, events):
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("fail-heard")
    submit(win)
    run(aloop, until(lambda: jobs(win) and not jobs(win)[0].state.active, timeout=15, what="the failure"))
    run(aloop, until(lambda: events.announced(), what="the announcement"))
    failed = [text for text, _ in events.announced() if text.startswith("Job failed")]
    assert len(failed) == 1 and "fail-heard" in failed[0]


def test_a_clip_row_says_everything_and_a_rating_is_announced(harness, demo, keyed, aloop, events):
    win = finished_window(harness, demo, aloop, "aud-row", prompt="w", style="folk", title="River")
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(0))
    spoken = row_name(view, 0)
    assert spoken.startswith("River #1, ") and "folk" in spoken and "saved" in spoken and "not rated" in spoken
    assert ":" in spoken.split(", ")[1], "the duration"
    events.seen.clear()
    find(win, "rate3Action").trigger()
    run(aloop, until(lambda: events.announced(), what="the rating said"))
    assert events.announced() == [("River #1: 3 stars", QAccessible.AnnouncementPoliteness.Polite)]
    assert "3 stars" in row_name(view, 0) and any("3 stars" in n for n in events.renamed())
    events.seen.clear()
    find(win, "favouriteAction").trigger()
    run(aloop, until(lambda: events.announced(), what="the heart said"))
    assert events.announced()[0][0] == "River #1: favourite"
    assert row_name(view, 0).count("favourite") == 1
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: "playing" in row_name(view, 0), what="the row saying it plays"))


def test_the_player_says_what_it_plays(harness, demo, keyed, aloop, events):
    demo.audio_seconds = 3.0
    win = finished_window(harness, demo, aloop, "aud-play", prompt="w", title="River")
    player = win.rt.player
    now, play, repeat, seek = (find(win, n) for n in ("nowPlayingLabel", "playButton", "repeatButton", "seekSlider"))
    assert now.accessibleName() == "Nothing loaded" and play.accessibleName() == "Play"
    positions: list[int] = []
    player.positionChanged.connect(positions.append)
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: player.playing, what="playback"))
    assert now.accessibleName() == "Now playing: River #2"
    assert read(play, lambda i: i.text(QAccessible.Text.Name)) == "Pause"
    run(aloop, until(lambda: len({p // 1000 for p in positions}) >= 2 and len(positions) >= 6, timeout=15,
                     what="a second of playback"))
    assert seek.accessibleDescription().endswith(" of 0:03") and seek.accessibleDescription().startswith("0:0")
    value_events = events.of(QAccessible.Event.ValueChanged, seek)
    assert 1 <= value_events <= len({p // 1000 for p in positions}) + 1 < len(positions), \
        "the value (and its event) moves once a second, not at each position update"
    find(win, "playAction").trigger()
    run(aloop, until(lambda: not player.playing, what="pause"))
    assert play.accessibleName() == "Play"
    assert repeat.accessibleName() == "Repeat: off"
    repeat.click()
    assert read(repeat, lambda i: i.text(QAccessible.Text.Name)) == "Repeat: all"


def test_every_field_has_a_name(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud-names", prompt="w", style="folk", title="River")
    find(win, "libraryButton").setChecked(True)
    expected = {"minRatingCombo": "Stars", "statusFilterCombo": "Status", "periodCombo": "Made", "sortCombo": "Sort"}
    for name, label in expected.items():
        assert labelled_by(find(win, name, QComboBox)) == [label], name
    # details: each value read with its label, each Copy button named for what it copies
    find(win, "clipsView").setCurrentIndex(find(win, "clipsView").model().index(0))
    find(win, "detailsAction").trigger()
    assert labelled_by(find(win, "detail_style", QLabel)) == ["Style"]
    assert find(win, "detail_style", QLabel).text() == "folk"
    copies = [b.accessibleName() for b in find(win, "clipDetails").findChildren(type(find(win, "copy_style")))
              if b.objectName().startswith("copy_")]
    assert len(copies) == len(set(copies)) == 11 and "Copy Style" in copies
    assert win.focusWidget() is find(win, "localTitleEdit"), "Ctrl+I takes the keyboard into Details"
    for scroll in ("leftScroll", "detailsScroll"):
        area = find(win, scroll)
        assert area.accessibleName(), scroll
        area.setFocus()
        ring = find(win, f"{scroll}Focus", QWidget)
        assert ring.isVisible() and ring.parentWidget() is area and ring.geometry() == area.rect(), \
            "focus on a scroll area shows"
    # Settings: the folder field named by its label
    find(win, "settingsAction").trigger()
    dialog = find(win, "settingsDialog", QDialog)
    assert labelled_by(find(dialog, "downloadDirEdit", QLineEdit)) == ["Save clips to"]
    assert read(dialog, lambda i: i.state().modal), "a dialog says that it is modal"
    dialog.reject()


def test_about_and_shortcuts_open_on_a_named_widget(harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    for action, page in (("aboutAction", "aboutText"), ("shortcutsAction", "shortcutsDialogText")):
        find(win, action).trigger()
        page_widget = win.findChild(QWidget, page)
        focus = page_widget.window().focusWidget()    # offscreen, no window is active: its own focus widget
        assert focus is page_widget and focus.accessibleName(), action
        focus.window().close()


def test_a_confirmation_says_it_is_modal_and_asks_its_question(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud-ask")
    find(win, "removeAction").trigger()
    box = find(win, "removeConfirm", QMessageBox)
    modal, role, question = read(box, lambda i: (i.state().modal, i.role(), i.text(QAccessible.Text.Value)))
    assert modal and role == QAccessible.Role.AlertMessage
    assert question == "Remove aud-ask from the history?"
    box.reject()


def test_a_form_error_is_tied_to_its_field_and_said_where_the_focus_is(harness, demo, keyed, aloop, events):
    win = harness.window(demo.api_url)
    fill(win, "aud1", custom=True, prompt="   ")
    prompt = find(win, "promptEdit")
    prompt.setFocus()
    events.seen.clear()
    win.submit_pane.submit()    # what Ctrl+Return does, the focus staying in the field
    run(aloop, until(lambda: events.announced(), what="the error said"))
    message = events.announced()[0][0]
    assert "lyrics" in message.lower() or "prompt" in message.lower()
    assert win.focusWidget() is prompt
    assert read(prompt, lambda i: i.text(QAccessible.Text.Description)) == message
    prompt.setPlainText("now some words")
    assert prompt.accessibleDescription() == ""


def test_submit_pressed_from_the_button_leaves_the_focus_in_the_form(harness, demo, keyed, aloop):
    demo.duration = 0.5
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud-focus")
    button = find(win, "submitButton")
    button.setFocus()
    assert win.focusWidget() is button
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert win.focusWidget() is find(win, "audioIdEdit"), "not silently into the job list"
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="the submit"))


def test_tabbing_into_a_list_says_its_row_and_down_skips_none(harness, demo, keyed, aloop, events):
    win = finished_window(harness, demo, aloop, "aud-tab")
    view = find(win, "clipsView")
    win.clips_pane.show_job(jobs(win)[0])
    assert not view.currentIndex().isValid()
    # the row's words include its loudness once measured: wait, so the words said and compared are the same
    run(aloop, until(lambda: all("LUFS" in (view.model().index(i).data(Qt.ItemDataRole.ToolTipRole) or "")
                                 for i in range(view.model().rowCount())), what="both clips measured"))
    events.seen.clear()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    run(aloop, asyncio.sleep(0.05))
    assert view.currentIndex().row() == 0 and view.selectionModel().isSelected(view.currentIndex())
    focused = [text for kind, _o, _c, text, _p in events.seen if kind == QAccessible.Event.Focus]
    assert focused and focused[-1] == row_name(view, 0), "the row is what is said last"
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1, "the first Down goes to the second row"
    finished_window(harness, demo, aloop, "aud-tab-2", win=win)
    win.clips_pane.show_job(jobs(win)[1])   # a new listing under the keyboard (another job's clips)
    assert view.window().focusWidget() is view and view.model().rowCount() == 2
    assert view.currentIndex().row() == 0, "keys like 3 or F still have a row to act on"
