"""The clips of the selected job (or of every job: the library) with their covers, and the player bar.

Playback, saving and exporting start here; which job is shown comes from the shell. The pane keeps no jobs of
its own: it reads them from the service (the ``jobs`` provider) when told they changed, and ``bind`` points every
row, the details and the loaded clip at the objects of the service and library it is given."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..config import Config
from ..i18n import translate
from ..jobs.model import ClipRecord, Job
from ..media.audition import Audition, job_of
from ..media.library import MediaLibrary
from ..media.loudness import Loudness
from ..media.peaks import PeaksCache
from ..media.player import PlayerController
from ..media.thumbs import ThumbnailCache
from ..tasks import TaskSet
from .bindings import Bindings
from .clip_actions import ClipActions
from .clip_details import ClipDetails
from .clips_model import ClipsModel, Item, clip_key, clip_title
from .contrast import tint
from .cover_loading import follow_covers
from .delegates import ClipDelegate
from .drag_files import DragFiles
from .library_bar import LibraryBar
from .library_view import LibraryView
from .loop_export import LoopExport
from .messages import describe
from .player_bar import PlayerBar
from .speech import announce, follow_list
from .widgets import section_label


class ClipsPane(QWidget):
    message = Signal(str)
    error = Signal(str)
    viewChanged = Signal(object)    # LibraryView: to keep for the next start

    def __init__(self, player: PlayerController, thumbs: ThumbnailCache, peaks: PeaksCache,
                 jobs: Callable[[], list[Job]], config: Config, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clipsPane")
        self.player = player
        self.peaks = peaks
        self._loaded: Item | None = None
        self._jobs = jobs
        self.library: MediaLibrary | None = None
        self._bindings = Bindings()
        self.tasks = TaskSet(self.error.emit, "clips", saves=True)

        self.title = section_label(translate("ClipsPane", "Clips"))
        self.library_button = QToolButton()
        self.library_button.setObjectName("libraryButton")
        self.library_button.setText(translate("ClipsPane", "All clips"))
        self.library_button.setCheckable(True)
        self.library_button.setToolTip(translate("ClipsPane", "Show the clips of every job (your library)"))
        self.library_button.toggled.connect(self._library_toggled)
        self.details_button = QToolButton()
        self.details_button.setObjectName("detailsButton")
        self.details_button.setText(translate("ClipsPane", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(translate("ClipsPane", "Everything about the selected clip, your title and "
                                                              "notes ({keys})").format(
            keys=QKeySequence("Ctrl+I").toString(QKeySequence.SequenceFormat.NativeText)))
        self.details_button.toggled.connect(self._details_toggled)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.details_button)
        head.addWidget(self.library_button)

        self.model = ClipsModel(thumbs, self, playing=lambda: player.current)
        self.view = QListView()
        self.view.setObjectName("clipsView")
        self.view.setAccessibleName(translate("ClipsPane", "Clips"))
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        delegate = ClipDelegate(self.view)
        self.view.setItemDelegate(delegate)
        # several clips can be selected: dragged out together, copied, rated, trashed
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.doubleClicked.connect(lambda index: self.play_row(index.row()))
        self.clip_actions = ClipActions(self.model, self.selected_items, jobs, config, self)
        self.drag_files = DragFiles(self.view, self.model, self.selected_items, config, self.tasks, self)
        self.clip_actions.message.connect(self.message)
        self.clip_actions.error.connect(self.error)
        self.clip_actions.said.connect(lambda text: announce(self.view, text))
        self.clip_actions.advance.connect(lambda: self.step_clip(1))
        self.view.customContextMenuRequested.connect(self._menu)
        delegate.rated.connect(lambda index, n: self.clip_actions.rate(n, self._items_at(index.row())))
        delegate.favouriteToggled.connect(lambda index: self.clip_actions.toggle_favourite(self._items_at(index.row())))
        delegate.groupClicked.connect(self.show_group)
        self.library_bar = LibraryBar()
        self.library_bar.viewChanged.connect(self._view_changed)
        self.library_bar.playlistRequested.connect(self.clip_actions.save_playlist)
        self.library_bar.emptyTrashRequested.connect(self.clip_actions.empty_trash)
        self.library_bar.hide()
        self.details = ClipDetails()
        self.details.edited.connect(self._details_edited)
        self.details.message.connect(self.message)
        self.details.hide()
        self.view.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        # a new listing (a search, a filter, a job's new clips) must not leave Details on a clip no longer chosen
        self.model.modelReset.connect(self._current_changed)
        follow_covers(self.view, self.model)
        # a clip's marks or download repaint its row without a dataChanged: its name follows them too
        self.model.coverLanded.connect(follow_list(self.view).rows_changed)
        self.empty = QLabel()
        self.empty.setObjectName("clipsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(16)
        tint(self.empty)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)

        self.audition = audition = Audition(player, self.model.rowCount, self.model.row_of, self)
        self.player_bar = PlayerBar(player, audition)
        self.player_bar.playClicked.connect(self.toggle_play)
        self.player_bar.nextClicked.connect(lambda: self.step_clip(1))
        self.player_bar.prevClicked.connect(lambda: self.step_clip(-1))
        player.currentChanged.connect(self.model.playing_changed)
        player.currentChanged.connect(self._now_playing)
        player.problem.connect(lambda problem: self.error.emit(describe(problem)))
        audition.playRow.connect(self.play_row)
        peaks.ready.connect(self._peaks_ready)
        self.loop_export = LoopExport(self.player_bar, lambda: self._loaded, lambda: config.settings,
                                      peaks.cache_dir.parent / "loops", self.tasks, self)
        self.loop_export.message.connect(self.message)
        self.loop_export.error.connect(self.error)
        self.player_bar.match.levels = self._levels
        self.player_bar.match_button.setChecked(config.settings.match_loudness)
        self.player_bar.match_button.toggled.connect(lambda on: config.update(match_loudness=on))
        peaks.ready.connect(lambda _path: self.player_bar.match.refresh())
        self.model.loudness_of = peaks.loudness
        peaks.ready.connect(self.model.loudness_landed)
        self.details.loudness_of = peaks.loudness
        peaks.ready.connect(lambda _path: self.details.refresh_loudness())

        listing = QWidget()
        listing.setLayout(self._stack)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("clipsSplitter")
        split.addWidget(listing)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(head)
        outer.addWidget(self.library_bar)
        outer.addWidget(split, 1)
        outer.addWidget(self.player_bar)
        self._has_jobs = False
        self._selected: Job | None = None
        self._update_empty()

    def unbind(self) -> None:
        self._bindings.clear()

    def bind(self, library: MediaLibrary) -> None:
        """Follow ``library`` and the jobs the provider now gives: no row, detail or loaded clip keeps an
        object of the history shown before (its marks and notes may be older than the disk's)."""
        self._bindings.clear()
        self.library = library
        self.clip_actions.library = library
        self._bindings.connect(library.clipChanged, self.model.clip_changed)
        self._bindings.connect(library.problem, self._library_problem)
        self._selected = None
        if self.model.library_mode:
            self.model.show_library(self._jobs())
        else:
            self.model.show_job(None)   # the jobs pane selects the new job object next
        self._loaded = self._find(self.player.current)
        self._now_playing(self.player.current)
        self._update_empty()

    def _library_problem(self, words: object) -> None:
        self.error.emit(describe(words))

    def _find(self, key: str) -> Item | None:
        for job in self._jobs():
            for rec in job.clips:
                if clip_key(job, rec) == key:
                    return job, rec
        return None

    # -- what is listed ---------------------------------------------------------------------------------
    def show_job(self, job: Job | None) -> None:
        self._selected = job
        self._has_jobs = bool(self._jobs())
        if self.library_button.isChecked():
            return
        self.model.show_job(job)
        self.title.setText(translate("ClipsPane", "Clips \u2014 {job}").format(
            job=job.request.title or job.request.audio_id) if job else translate("ClipsPane", "Clips"))
        self._update_empty()

    def job_changed(self, job: Job) -> None:
        self.model.refresh_job(job, self._jobs())
        self._update_empty()

    def jobs_changed(self, *_: object) -> None:
        self._has_jobs = bool(self._jobs())
        if self.model.library_mode:
            self.model.show_library(self._jobs())
        self._update_empty()

    def _library_toggled(self, on: bool) -> None:
        self.library_bar.setVisible(on)
        if on:
            self.model.show_library(self._jobs())
            self._library_title()
            self._update_empty()
        else:
            self.show_job(self._selected)

    def show_group(self, name: str) -> None:
        """Every clip of a style matrix, side by side: the library, searched for the group's name."""
        self.library_button.setChecked(True)
        self.library_bar.search.setText(name)

    def _update_empty(self) -> None:
        has_clips = self.model.rowCount() > 0
        self._stack.setCurrentWidget(self.view if has_clips else self.empty)
        job = self.model.job
        if self.model.library_mode and self.model.filters.trash:
            text = translate("ClipsPane", "The trash is empty.")
        elif self.model.library_mode and self.model.filters.filtering:
            text = translate("ClipsPane", "No clip matches. Clear the search or the filters to see them all.")
        elif self.model.library_mode:
            text = translate("ClipsPane", "No clips yet. Finished jobs put their clips here.")
        elif job is None:
            text = (translate("ClipsPane", "Select a job to see its clips.") if self._has_jobs else
                    translate("ClipsPane", "Your covers will appear here, with their art, ready to play."))
        elif job.state.active:
            text = translate("ClipsPane", "Waiting for the first clips\u2026 they appear here as soon as the service "
                                          "sends them.")
        else:
            text = describe(job.error) or translate("ClipsPane", "This job has no clips.")
        self.empty.setText(text)

    def set_view(self, view: LibraryView) -> None:
        """The saved search, filters and sort (from the settings)."""
        self.library_bar.set_view(view)

    def _library_title(self) -> None:
        self.title.setText(translate("ClipsPane", "Trash") if self.model.filters.trash
                           else translate("ClipsPane", "All clips"))

    def _view_changed(self, view: LibraryView) -> None:
        self.model.set_filters(view)
        if self.model.library_mode:
            self._library_title()
        self._update_empty()
        self.viewChanged.emit(view)

    def _details_toggled(self, on: bool) -> None:
        focus = QApplication.focusWidget()
        was_inside = focus is not None and self.details.isAncestorOf(focus)
        self.details.setVisible(on)
        if not on and was_inside:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)   # not into whatever widget comes next
        if on:
            # opened (Ctrl+I or the button): the keyboard goes where the details are, the first field
            self.details.title.setFocus(Qt.FocusReason.OtherFocusReason)
            # the list keeps most of the height: three rows or more stay in view
            total = self.split.height()
            self.split.setSizes([max(total * 3 // 5, 240), total * 2 // 5])
            self._current_changed()
            self.view.scrollTo(self.view.currentIndex())

    def _current_changed(self) -> None:
        if self.details.isVisible():
            self.details.show_clip(self.selected_clip())

    def _details_edited(self, job: Job, rec: ClipRecord, title: str, notes: str) -> None:
        if self.library is not None:
            self.tasks.spawn(self.library.set_meta(job, rec, local_title=title, notes=notes), "keeping your notes")

    def _menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        if not self.view.selectionModel().isSelected(idx):
            self.view.setCurrentIndex(idx)
        self.clip_actions.menu(self.view.viewport().mapToGlobal(pos), lambda: self.play_row(idx.row()))

    def _items_at(self, row: int) -> list[Item]:
        item = self.model.at(row)
        return [item] if item is not None else []

    def selected_items(self) -> list[Item]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [item for r in rows if (item := self.model.at(r)) is not None]

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
            self.message.emit(translate("ClipsPane", "No audio output device was found: the clip plays silently. "
                                                     "Connect headphones or speakers and press Play again."))

    def toggle_play(self) -> None:
        item = self.selected_clip()
        if item is not None and clip_key(*item) != self.player.current:
            self.play_row(self.view.currentIndex().row())
        elif self.player.current:
            self.player.toggle()
        elif self.model.rowCount():
            self.play_row(max(0, self.view.currentIndex().row()))
        else:
            self.error.emit(translate("ClipsPane", "Nothing to play yet: select a job with clips."))

    def swap_clip(self) -> None:
        """Back to the clip played before this one, at the same position: A/B comparison."""
        row = self.audition.swap_row()
        if row < 0:
            self.message.emit(translate("ClipsPane", "Play two clips first; then this swaps between them."))
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

    def _levels(self, key: str) -> dict[str, Loudness | None]:
        """The loudness of the loaded clip and of the others of its job: loudness matching levels them."""
        if self._loaded is None or clip_key(*self._loaded) != key:
            return {}
        job = self._loaded[0]
        return {clip_key(job, r): self.peaks.loudness(r.audio_path) if r.audio_path else None for r in job.clips}

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
