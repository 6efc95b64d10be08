"""The clips of the selected job (or of every job: the library) with their covers, and the player bar.

Playback, saving and exporting start here; which job is shown comes from the shell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..jobs.model import ClipRecord, Job
from ..media.audition import Audition, job_of
from ..media.export import export_clips
from ..media.library import MediaLibrary
from ..media.naming import DEFAULT_TEMPLATE
from ..media.peaks import PeaksCache
from ..media.player import PlayerController
from ..media.thumbs import ThumbnailCache
from ..settings import Settings
from ..tasks import TaskSet
from .clips_model import ClipsModel, clip_key, clip_title
from .delegates import ClipDelegate
from .dialogs import open_folder, pick_folder
from .player_bar import PlayerBar
from .widgets import section_label

Item = tuple[Job, ClipRecord]


class ClipsPane(QWidget):
    message = Signal(str)
    error = Signal(str)

    def __init__(self, player: PlayerController, thumbs: ThumbnailCache, peaks: PeaksCache,
                 jobs: Callable[[], list[Job]], settings: Callable[[], Settings], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clipsPane")
        self.player = player
        self.peaks = peaks
        self._loaded: Item | None = None
        self._jobs = jobs
        self._settings = settings
        self.library: MediaLibrary | None = None
        self.tasks = TaskSet(self.error.emit, "clips")

        self.title = section_label("Clips")
        self.library_button = QToolButton()
        self.library_button.setObjectName("libraryButton")
        self.library_button.setText("All clips")
        self.library_button.setCheckable(True)
        self.library_button.setToolTip("Show the clips of every job (your library)")
        self.library_button.toggled.connect(self._library_toggled)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.library_button)

        self.model = ClipsModel(thumbs, self)
        self.view = QListView()
        self.view.setObjectName("clipsView")
        self.view.setAccessibleName("Clips")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(ClipDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(lambda index: self.play_row(index.row()))
        self.empty = QLabel()
        self.empty.setObjectName("clipsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); padding: 16px;")
        self._stack = QStackedLayout()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)

        self.audition = audition = Audition(player, self.model.rowCount, self.model.row_of, self)
        self.player_bar = PlayerBar(player, audition)
        self.player_bar.playClicked.connect(self.toggle_play)
        self.player_bar.nextClicked.connect(lambda: self.step_clip(1))
        self.player_bar.prevClicked.connect(lambda: self.step_clip(-1))
        player.currentChanged.connect(self.model.set_playing)
        player.currentChanged.connect(self._now_playing)
        player.problem.connect(self.error)
        audition.playRow.connect(self.play_row)
        peaks.ready.connect(self._peaks_ready)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(head)
        outer.addLayout(self._stack, 1)
        outer.addWidget(self.player_bar)
        self._has_jobs = False
        self._selected: Job | None = None
        self._update_empty()

    def bind(self, library: MediaLibrary) -> None:
        self.library = library
        library.clipChanged.connect(self.model.clip_changed)
        library.problem.connect(self.error)

    # -- what is listed ---------------------------------------------------------------------------------
    def show_job(self, job: Job | None) -> None:
        self._selected = job
        self._has_jobs = bool(self._jobs())
        if self.library_button.isChecked():
            return
        self.model.show_job(job)
        self.title.setText(f"Clips \u2014 {job.request.title or job.request.audio_id}" if job else "Clips")
        self._update_empty()

    def job_changed(self, job: Job) -> None:
        self.model.refresh_job(job, self._jobs())
        self._update_empty()

    def jobs_changed(self) -> None:
        self._has_jobs = bool(self._jobs())
        if self.model.library_mode:
            self.model.show_library(self._jobs())
        self._update_empty()

    def _library_toggled(self, on: bool) -> None:
        if on:
            self.model.show_library(self._jobs())
            self.title.setText("All clips")
            self._update_empty()
        else:
            self.show_job(self._selected)

    def _update_empty(self) -> None:
        has_clips = self.model.rowCount() > 0
        self._stack.setCurrentWidget(self.view if has_clips else self.empty)
        job = self.model.job
        if self.model.library_mode:
            text = "No clips yet. Finished jobs put their clips here."
        elif job is None:
            text = ("Select a job to see its clips." if self._has_jobs else
                    "Your covers will appear here, with their art, ready to play.")
        elif job.state.active:
            text = "Waiting for the first clips\u2026 they appear here as soon as the service sends them."
        else:
            text = job.error or "This job has no clips."
        self.empty.setText(text)

    # -- playback ---------------------------------------------------------------------------------------
    def selected_clip(self) -> Item | None:
        idx = self.view.currentIndex()
        return self.model.at(idx.row() if idx.isValid() else -1)

    def play_row(self, row: int) -> None:
        item = self.model.at(row)
        if item is None:
            return
        job, rec = item
        self.view.setCurrentIndex(self.model.index(row))
        key = clip_key(job, rec)
        if key != self.player.current:
            self._loaded = item
        if self.player.play(key, rec.audio_path, rec.clip.audio_url, self.audition.start_for(key)) \
                and not self.player.has_audio_device():
            self.message.emit("No audio output device was found: the clip plays silently. "
                              "Connect headphones or speakers and press Play again.")

    def toggle_play(self) -> None:
        item = self.selected_clip()
        if item is not None and clip_key(*item) != self.player.current:
            self.play_row(self.view.currentIndex().row())
        elif self.player.current:
            self.player.toggle()
        elif self.model.rowCount():
            self.play_row(max(0, self.view.currentIndex().row()))
        else:
            self.error.emit("Nothing to play yet: select a job with clips.")

    def swap_clip(self) -> None:
        """Back to the clip played before this one, at the same position: A/B comparison."""
        row = self.audition.swap_row()
        if row < 0:
            self.message.emit("Play two clips first; then this swaps between them.")
            return
        keep = self.audition.keep_position
        self.audition.keep_position = True
        try:
            self.play_row(row)
        finally:
            self.audition.keep_position = keep

    def job_removed(self, job_id: int) -> None:
        if self.player.current and job_of(self.player.current) == str(job_id):
            self.player.unload()

    def _now_playing(self, key: str) -> None:
        item = self._loaded if self._loaded is not None and clip_key(*self._loaded) == key else None
        if item is None:
            self._loaded = None
            self.player_bar.show_clip("", None)
            return
        job, rec = item
        self.player_bar.show_clip(clip_title(job, rec), self.peaks.get(rec.audio_path))

    def _peaks_ready(self, path: str) -> None:
        if self._loaded is not None and self._loaded[1].audio_path == path:
            self.player_bar.set_peaks(self.peaks.get(path))

    def step_clip(self, delta: int) -> None:
        n = self.model.rowCount()
        if not n:
            return
        row = self.model.row_of(self.player.current)
        if row < 0:
            row = self.view.currentIndex().row()
        self.play_row((row + delta) % n)

    # -- clip actions -----------------------------------------------------------------------------------
    def _menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        self.view.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction("Play", lambda: self.play_row(idx.row()))
        menu.addAction("Save clip\u2026", self.save_clip)
        menu.addAction("Export job\u2026", self.export_job)
        menu.addAction("Copy audio URL", self.copy_audio_url)
        menu.addAction("Open containing folder", self.open_clip_folder)
        item = self.selected_clip()
        if item is not None and item[1].media_error:
            menu.addAction("Retry download", self.retry_download)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def copy_audio_url(self) -> None:
        item = self.selected_clip()
        if item and item[1].clip.audio_url:
            QGuiApplication.clipboard().setText(item[1].clip.audio_url)
            self.message.emit("Copied the audio URL.")

    def open_clip_folder(self) -> None:
        item = self.selected_clip()
        if item and item[1].audio_path:
            folder = Path(item[1].audio_path).parent
            if not open_folder(folder):
                self.message.emit(f"The clip is in {folder}")
        else:
            self.error.emit("This clip has not been saved on this computer yet.")

    def retry_download(self) -> None:
        item = self.selected_clip()
        if item is None or self.library is None:
            return
        if self.library.retry(*item):
            self.message.emit(f"Fetching {item[1].clip.title or item[1].id} again.")
        else:
            self.message.emit("This clip is already saved.")

    def save_clip(self) -> None:
        item = self.selected_clip()
        if item is None:
            self.error.emit("Select a clip to save.")
            return
        pick_folder(self, "Save clip to", self._settings().export_start(),
                    lambda folder: self.export_to(folder, [item]))

    def export_job(self) -> None:
        job = self.model.job
        if job is None:
            item = self.selected_clip()
            job = item[0] if item else None
        if job is None or not job.clips:
            self.error.emit("Select a finished job to export.")
            return
        items = [(job, r) for r in job.clips]
        pick_folder(self, "Export job to", self._settings().export_start(),
                    lambda folder: self.export_to(folder, items))

    def export_to(self, folder: Path, items: list[Item]) -> None:
        self._settings().last_export_dir = str(folder)
        self.tasks.spawn(self._export(folder, items), "exporting")

    async def _export(self, folder: Path, items: list[Item]) -> None:
        s = self._settings()
        report = await export_clips(items, folder, s.name_template or DEFAULT_TEMPLATE, s.artist)
        (self.message if report.ok else self.error).emit(report.summary())
