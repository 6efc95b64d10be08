"""What the musician does to clips in the list: stars, favourites, the trash, a playlist of what is listed,
copying the files, saving and exporting, the clip menu. Writes go through the media library, the one owner
of a clip's local state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu, QWidget

from ..config import Config
from ..i18n import translate
from ..jobs.model import Job
from ..media.audio_out import Target
from ..media.library import MediaLibrary
from ..media.name_template import DEFAULT_TEMPLATE, template_problem
from ..media.playlist import export_playlist
from ..tasks import TaskSet
from .clips_model import ClipsModel, Item, clip_title, stars_text
from .dialogs import confirm, open_folder, pick_folder
from .messages import export_summary, playlist_summary


class ClipActions(QObject):
    message = Signal(str)
    error = Signal(str)
    advance = Signal()      # "rate and go to the next clip"
    said = Signal(str)      # a mark changed: what a screen reader says about it

    def __init__(self, model: ClipsModel, selected: Callable[[], list[Item]], jobs: Callable[[], list[Job]],
                 config: Config, parent: QWidget):
        super().__init__(parent)
        self.model = model
        self.library: MediaLibrary | None = None
        self._selected = selected
        self._jobs = jobs
        self._config = config
        self._parent = parent
        self.tasks = TaskSet(self.error.emit, "clip actions", saves=True)

    def _start(self) -> Path:
        return self._config.settings.export_start()

    def current(self) -> Item | None:
        items = self._selected()
        return items[0] if items else None

    # -- the clip menu ------------------------------------------------------------------------------------
    def menu(self, at: QPoint, play: Callable[[], None]) -> None:
        item = self.current()
        if item is None:
            return
        job, rec = item
        menu = QMenu(self._parent)
        menu.addAction(translate("ClipActions", "Play"), play)
        if rec.trashed_at is not None:
            menu.addAction(translate("ClipActions", "Restore from the trash"), self.restore)
        else:
            stars = menu.addMenu(translate("ClipActions", "Rate"))
            for n in range(6):
                stars.addAction(translate("ClipActions", "No stars") if n == 0 else "\u2605" * n, partial(self.rate, n))
            menu.addAction(translate("ClipActions", "Unmark favourite") if rec.favourite
                           else translate("ClipActions", "Mark as favourite"), self.toggle_favourite)
        menu.addSeparator()
        menu.addAction(translate("ClipActions", "Copy file (paste into a file manager or a DAW)"), self.copy_files)
        menu.addAction(translate("ClipActions", "Show in folder"), self.show_in_folder)
        menu.addAction(translate("ClipActions", "Save clip\u2026"), self.save_clip)
        menu.addAction(translate("ClipActions", "Export job\u2026"), self.export_job)
        menu.addAction(translate("ClipActions", "Copy audio URL"), self.copy_audio_url)
        if rec.media_error:
            menu.addAction(translate("ClipActions", "Retry download"), self.retry_download)
        if rec.trashed_at is None:
            menu.addSeparator()
            menu.addAction(translate("ClipActions", "Move to the trash"), self.trash)
        menu.popup(at)

    def copy_audio_url(self) -> None:
        item = self.current()
        if item and item[1].clip.audio_url:
            QGuiApplication.clipboard().setText(item[1].clip.audio_url)
            self.message.emit(translate("ClipActions", "Copied the audio URL."))

    def show_in_folder(self) -> None:
        item = self.current()
        if item and item[1].audio_path:
            folder = Path(item[1].audio_path).parent
            if not open_folder(folder):
                self.message.emit(translate("ClipActions", "The clip is in {folder}").format(folder=folder))
        else:
            self.error.emit(translate("ClipActions", "This clip has not been saved on this computer yet."))

    def retry_download(self) -> None:
        item = self.current()
        if item is None or self.library is None:
            return
        if self.library.retry(*item):
            self.message.emit(translate("ClipActions", "Fetching {clip} again.").format(
                clip=item[1].clip.title or item[1].id))
        else:
            self.message.emit(translate("ClipActions", "This clip is already saved."))

    # -- saving copies ------------------------------------------------------------------------------------
    def save_clip(self) -> None:
        items = self._selected()
        if not items:
            self.error.emit(translate("ClipActions", "Select a clip to save."))
            return
        pick_folder(self._parent, translate("ClipActions", "Save clips to"), self._start(),
                    lambda folder: self.export_to(folder, items))

    def export_job(self) -> None:
        job = self.model.job
        if job is None:
            item = self.current()
            job = item[0] if item else None
        if job is None or not job.clips:
            self.error.emit(translate("ClipActions", "Select a finished job to export."))
            return
        items = [(job, r) for r in job.clips if r.purged_at is None]
        pick_folder(self._parent, translate("ClipActions", "Export job to"), self._start(),
                    lambda folder: self.export_to(folder, items))

    def export_to(self, folder: Path, items: list[Item]) -> None:
        self._config.remember(last_export_dir=str(folder))
        self.tasks.spawn(self._export(folder, items), "exporting")

    async def _export(self, folder: Path, items: list[Item]) -> None:
        s = self._config.settings
        template = s.name_template if s.name_template and not template_problem(s.name_template) else DEFAULT_TEMPLATE
        from ..media.export import export_clips  # with mutagen: on the first save, not with the window
        report = await export_clips(items, folder, template, s.artist,
                                    target=Target.of(s.export_format, s.export_rate))
        (self.message if report.ok else self.error).emit(export_summary(report))

    # -- the musician's marks -----------------------------------------------------------------------------

    def _each(self, items: list[Item] | None, what: str, **change: object) -> asyncio.Task[Any] | None:
        items = self._selected() if items is None else items
        if not items or self.library is None:
            self.error.emit(translate("ClipActions", "Select a clip first."))
            return None
        library = self.library

        async def write() -> None:
            for job, rec in items:
                await library.set_meta(job, rec, **change)  # type: ignore[arg-type]

        return self.tasks.spawn(write(), what)

    def rate(self, stars: int, items: list[Item] | None = None, then_next: bool = False) -> None:
        items = self._selected() if items is None else items
        self._say_when_done(self._each(items, "rating a clip", rating=stars), items, stars_text(stars))
        if then_next:
            self.advance.emit()

    def toggle_favourite(self, items: list[Item] | None = None) -> None:
        items = self._selected() if items is None else items
        on = not all(rec.favourite for _, rec in items) if items else True
        mark = translate("ClipActions", "favourite") if on else translate("ClipActions", "not a favourite")
        self._say_when_done(self._each(items, "marking a favourite", favourite=on), items, mark)

    def _say_when_done(self, task: asyncio.Task[Any] | None, items: list[Item], what: str) -> None:
        """Stars and the heart change a picture: once written, the change is said too."""
        if task is None or not items:
            return
        who = clip_title(*items[0]) if len(items) == 1 else translate("ClipActions", "%n clip(s)", None, len(items))
        text = translate("ClipActions", "{clip}: {mark}").format(clip=who, mark=what)
        task.add_done_callback(lambda t: self.said.emit(text) if not t.cancelled() and t.exception() is None else None)

    def trash(self) -> asyncio.Task[Any] | None:
        items = self._selected()
        task = self._each(items, "moving clips to the trash", trashed=True)
        if items:
            self.message.emit(translate("ClipActions", "Moved %n clip(s) to the trash "
                                                       "(All clips \u2192 Trash to restore).", None, len(items)))
        return task

    def trash_moving_on(self, view: QAbstractItemView) -> None:
        """Trash the selected clips; the row after them becomes current, so rating by keys goes on."""
        rows = [i.row() for i in view.selectionModel().selectedIndexes()] or [view.currentIndex().row()]
        row = max(0, min(rows))
        task = self.trash()
        if task is not None:
            task.add_done_callback(lambda _task: self._current_near(view, row))

    def _current_near(self, view: QAbstractItemView, row: int) -> None:
        n = self.model.rowCount()
        if n:
            view.setCurrentIndex(self.model.index(min(row, n - 1)))

    def restore(self) -> None:
        self._each(None, "restoring clips", trashed=False)

    def empty_trash(self) -> None:
        library = self.library
        if library is None:
            return
        count = sum(1 for j in self._jobs() for r in j.clips if r.trashed_at is not None and r.purged_at is None)
        if not count:
            self.message.emit(translate("ClipActions", "The trash is empty."))
            return

        async def empty() -> None:
            gone = await library.empty_trash(self._jobs())
            self.model.set_filters(self.model.filters)
            self.message.emit(translate("ClipActions", "Emptied the trash: %n file(s) deleted.", None, gone))

        confirm(self._parent, translate("ClipActions", "Empty the trash"),
                translate("ClipActions", "Delete the %n clip(s) in the trash from this computer for good?",
                          None, count),
                translate("ClipActions", "Their audio and cover files are deleted. "
                                         "The service may have deleted its copies already."),
                translate("ClipActions", "Delete files"), lambda: self._spawn(empty(), "emptying the trash"),
                name="emptyTrashConfirm", default_yes=False)

    def _spawn(self, coro: Coroutine[Any, Any, None], what: str) -> None:
        self.tasks.spawn(coro, what)

    def copy_files(self) -> None:
        items = self._selected()
        indexes = [self.model.index(self.model.row_of(f"{j.id}/{r.id}")) for j, r in items]
        mime = self.model.mimeData(indexes)
        if not mime.urls():
            self.error.emit(translate("ClipActions", "Nothing to copy: the selected clips are not saved on this "
                                                     "computer yet."))
            return
        QGuiApplication.clipboard().setMimeData(mime)
        n = len(mime.urls())
        self.message.emit(translate("ClipActions", "Copied %n file(s): paste into a file manager or a DAW.", None, n))

    def save_playlist(self) -> None:
        items = [self.model.at(i) for i in range(self.model.rowCount())]
        rows = [i for i in items if i is not None]
        if not rows:
            self.error.emit(translate("ClipActions", "Nothing listed to put in a playlist."))
            return
        dlg = QFileDialog(self._parent, translate("ClipActions", "Save playlist"),
                          str(self._start() / "Cover Desktop.m3u8"), translate("ClipActions", "Playlists (*.m3u8)"))
        dlg.setObjectName("playlistDialog")
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("m3u8")
        dlg.fileSelected.connect(lambda p: self.write_playlist(Path(p), rows))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def write_playlist(self, path: Path, rows: list[Item]) -> None:
        async def write() -> None:
            report = await export_playlist(path, rows)
            self.message.emit(playlist_summary(report))

        self.tasks.spawn(write(), "saving a playlist")
