"""The musician's library: search, filters, sort, stars and favourites, the trash, dragging files out,
a playlist, the details panel; what must survive a restart does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QToolButton

from cover_desktop.settings import Settings
from cover_desktop.ui.clips_model import ClipRole, RatingRole
from cover_desktop.ui.delegates import mark_rects
from cover_desktop.ui.library_view import LibraryView
from helpers import find, finished_window, jobs, run, until


def library(harness, demo, aloop):
    """Two finished jobs, three covers of different styles, the library shown."""
    win = finished_window(harness, demo, aloop, "aud-river", prompt="water words", style="folk", title="River")
    finished_window(harness, demo, aloop, "aud-neon", win=win, prompt="city lights", style="synthwave", title="Neon")
    find(win, "libraryButton").setChecked(True)
    return win


def titles(win) -> list[str]:
    m = find(win, "clipsView").model()
    return [m.index(i).data() for i in range(m.rowCount())]


def test_search_filters_as_you_type_over_title_style_ids_and_lyrics(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    search = find(win, "librarySearchEdit", QLineEdit)
    assert len(titles(win)) == 4
    for text, expected in (("neon", ["Neon #1", "Neon #2"]), ("folk", ["River #1", "River #2"]),
                           ("aud-river", ["River #1", "River #2"]), ("city lights", ["Neon #1", "Neon #2"]),
                           ("water synthwave", []), (jobs(win)[1].task_id, ["River #1", "River #2"])):
        search.setText(text)
        assert titles(win) == expected, text
    assert "No clip matches" in find(win, "clipsEmpty", QLabel).text()
    search.clear()
    assert len(titles(win)) == 4


def test_stars_and_favourites_by_mouse_and_keyboard_survive_a_restart(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    view = find(win, "clipsView")
    heart, stars = mark_rects(view.visualRect(view.model().index(0)))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     stars[3].center().toPoint())
    run(aloop, until(lambda: view.model().index(0).data(RatingRole) == 4, what="four stars"))
    QTest.qWait(QGuiApplication.styleHints().mouseDoubleClickInterval() + 50)   # two clicks, not a double one
    heart, stars = mark_rects(view.visualRect(view.model().index(0)))          # where it is drawn now
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     heart.center().toPoint())
    rated = view.model().index(0).data(ClipRole)
    run(aloop, until(lambda: rated.favourite, what="the heart"))
    view.setCurrentIndex(view.model().index(1))
    view.setFocus()
    find(win, "rate2Action").trigger()
    second = view.model().index(1).data(ClipRole)
    run(aloop, until(lambda: second.rating == 2, what="two stars by key"))
    base = demo.api_url
    harness.close_all()
    again = harness.window(base)
    find(again, "libraryButton").setChecked(True)
    kept = {view_rec.id: (view_rec.rating, view_rec.favourite) for view_rec in
            (find(again, "clipsView").model().index(i).data(ClipRole) for i in range(4))}
    assert kept[rated.id] == (4, True) and kept[second.id] == (2, False)


def test_rate_and_go_to_the_next_clip(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    win.clips_pane.play_row(0)
    player = win.rt.player
    first = player.current
    find(win, "rateNext5Action").trigger()
    run(aloop, until(lambda: player.current and player.current != first, what="the next clip"))
    assert jobs(win)[0].clips[0].rating == 5


def test_filters_and_sort_and_their_survival_across_a_restart(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    first = find(win, "clipsView").model().index(3).data(ClipRole)
    shown = titles(win)[3]
    run(aloop, win.rt.library.set_meta(jobs(win)[1], first, rating=5, favourite=True))
    find(win, "favouritesOnlyButton", QToolButton).setChecked(True)
    assert titles(win) == [shown]
    find(win, "favouritesOnlyButton", QToolButton).setChecked(False)
    bar = win.clips_pane.library_bar
    bar.sort.setCurrentIndex(bar.sort.findData("title"))
    bar.order.setChecked(True)   # ascending
    assert titles(win) == ["Neon #1", "Neon #2", "River #1", "River #2"]
    bar.sort.setCurrentIndex(bar.sort.findData("rating"))
    bar.order.setChecked(False)
    assert find(win, "clipsView").model().index(0).data(RatingRole) == 5
    bar.search.setText("river")
    saved = LibraryView.from_dict(win.rt.settings.library_view)
    assert saved.query == "river" and saved.sort == "rating"
    base = demo.api_url
    harness.close_all()
    again = harness.window(base, library_view=Settings.load().library_view)   # as read at the next start
    find(again, "libraryButton").setChecked(True)
    assert find(again, "librarySearchEdit", QLineEdit).text() == "river"
    assert all(t.startswith("River") for t in titles(again)) and len(titles(again)) == 2


def test_trash_hides_restores_and_empties_only_when_asked(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(0))
    gone = view.model().index(0).data(ClipRole)
    path = Path(gone.audio_path)
    find(win, "trashAction").trigger()
    run(aloop, until(lambda: len(titles(win)) == 3, what="the clip hidden"))
    assert path.exists(), "the trash keeps the files"
    trash = find(win, "trashButton", QToolButton)
    trash.setChecked(True)
    assert len(titles(win)) == 1
    view.setCurrentIndex(view.model().index(0))
    find(win, "restoreAction").trigger()
    run(aloop, until(lambda: not titles(win), what="restored"))
    trash.setChecked(False)
    assert len(titles(win)) == 4
    view.setCurrentIndex(view.model().index(0))
    find(win, "trashAction").trigger()
    run(aloop, until(lambda: len(titles(win)) == 3))
    trash.setChecked(True)
    find(win, "emptyTrashButton", QToolButton).click()
    box = find(win, "emptyTrashConfirm", QMessageBox)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: not path.exists(), what="the files deleted"))
    assert not titles(win)
    run(aloop, until(lambda: not win.rt.library.busy()))
    assert not path.exists(), "an emptied clip is not fetched again"


def test_dragging_out_gives_the_saved_files_as_urls_and_copy_puts_them_on_the_clipboard(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    view = find(win, "clipsView")
    model = view.model()
    mime = model.mimeData([model.index(0), model.index(2)])
    urls = [u.toLocalFile() for u in mime.urls()]
    assert len(urls) == 2 and all(Path(u).is_file() for u in urls) and "text/uri-list" in mime.formats()
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    view.selectionModel().select(model.index(1), view.selectionModel().SelectionFlag.Select)
    view.setCurrentIndex(model.index(1))
    find(win, "copyFilesAction").trigger()
    assert [u.toLocalFile() for u in QGuiApplication.clipboard().mimeData().urls()]
    assert "Copied" in find(win, "statusMessage").text()


def test_a_playlist_of_what_is_listed_with_relative_paths(harness, demo, keyed, aloop, tmp_path):
    win = library(harness, demo, aloop)
    find(win, "librarySearchEdit", QLineEdit).setText("neon")
    rows = [find(win, "clipsView").model().at(i) for i in range(2)]
    out = win.rt.library.root / "Neon.m3u8"
    win.clips_pane.clip_actions.write_playlist(out, rows)
    run(aloop, until(lambda: out.exists() and "Wrote" in find(win, "statusMessage").text(), what="the playlist"))
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == "#EXTM3U" and lines[1].startswith("#EXTINF:3,Neon")
    assert not lines[2].startswith("/") and (out.parent / lines[2]).is_file()


def test_details_show_everything_and_keep_your_title_and_notes(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud-details", prompt="every word", style="folk", title="Song")
    find(win, "detailsAction").trigger()
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(1))
    details = win.clips_pane.details
    assert details.isVisible()
    assert details.values["prompt"].text() == "every word" and details.values["audio id"].text() == "aud-details"
    assert jobs(win)[0].task_id == details.values["task id"].text()
    assert "MB" in details.values["file"].text() or "kB" in details.values["file"].text()
    details.copy("task id")
    assert QGuiApplication.clipboard().text() == jobs(win)[0].task_id
    title = details.findChild(QLineEdit, "localTitleEdit")
    title.setText("Keeper")
    title.editingFinished.emit()
    details.findChild(QPlainTextEdit, "clipNotesEdit").setPlainText("use the second verse")
    rec = jobs(win)[0].clips[1]
    run(aloop, until(lambda: rec.local_title == "Keeper" and rec.notes == "use the second verse", what="kept"))
    assert "Keeper" in view.model().index(1).data()
    base = demo.api_url
    harness.close_all()
    again = harness.window(base)
    assert jobs(again)[0].clips[1].notes == "use the second verse"
    assert not any("every word" in r.body and "Keeper" in r.body for r in demo.requests("api")), \
        "your title and notes are never sent"
    _ = QPoint


def test_delete_in_the_clip_list_trashes_the_clip_and_never_removes_a_job(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    view = find(win, "clipsView")
    win.activateWindow()
    run(aloop, until(win.isActiveWindow, what="the window to be active (shortcuts need it)"))
    view.setFocus()
    view.setCurrentIndex(view.model().index(0))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    run(aloop, until(lambda: len(titles(win)) == 3, what="the clip in the trash"))
    assert win.findChild(QMessageBox, "removeConfirm") is None and len(jobs(win)) == 2


def test_a_landing_cover_repaints_its_rows_without_relaying_out_the_list(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    model = find(win, "clipsView").model()
    landed: list[list[int]] = []
    changed: list[object] = []
    model.coverLanded.connect(landed.append)
    model.dataChanged.connect(lambda *a: changed.append(a))
    rec = model.at(0)[1]
    win.rt.thumbs.ready.emit(rec.image_path)   # the thumbnail cache announces a cover
    assert landed == [[0]] and changed == [], "a repaint of row 0, not a dataChanged (a relayout of every row)"
    shown = run(aloop, until(lambda: model.index(0).data(Qt.ItemDataRole.DecorationRole), what="the cover"))
    assert not shown.isNull()


def test_a_star_given_just_before_quitting_is_kept(harness, demo, keyed, aloop):
    win = library(harness, demo, aloop)
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(1))
    rated = view.model().index(1).data(ClipRole)
    find(win, "rate4Action").trigger()
    harness.close_all()                      # at once: the write is still on its way
    again = harness.window(demo.api_url)
    kept = {r.id: r.rating for j in jobs(again) for r in j.clips}
    assert kept[rated.id] == 4
