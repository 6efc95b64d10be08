"""The main window: the form on the left above the job list, the clips and the player on the right."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFileDialog, QFrame, QHBoxLayout, QLabel,
                               QListView, QMainWindow, QMenu, QMessageBox, QPushButton, QSplitter, QStatusBar,
                               QSystemTrayIcon, QToolButton, QVBoxLayout, QWidget)

from .. import APP_NAME, __version__
from ..api.errors import ApiError, AuthError, InsufficientCredits, ValidationError
from ..api.models import CREDITS_MAX, CoverRequest
from ..jobs.model import Job, JobState
from ..media.export import export_clip
from .clips_model import ClipsModel, clip_key
from .delegates import ClipDelegate, JobDelegate
from .drops import IdDropTarget, ids_from_mime
from .form import CoverForm
from .jobs_model import JobsModel
from .player_bar import PlayerBar
from .settings_dialog import SettingsDialog, SettingsResult
from .tasks import TaskKeeper

if TYPE_CHECKING:
    from ..app import Runtime

log = logging.getLogger(__name__)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * 1.05)
    label.setFont(f)
    return label


class MainWindow(IdDropTarget, QMainWindow):
    closed = Signal()

    def __init__(self, runtime: "Runtime"):
        super().__init__()
        self.rt = runtime
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(runtime.icon())
        self.setAcceptDrops(True)
        self.tasks = TaskKeeper(self.show_error)
        self._submitting = False
        self.batch_box: QMessageBox | None = None
        self.confirm_box: QMessageBox | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.tray: QSystemTrayIcon | None = None

        self._build()
        self._build_menus()
        self.bind_runtime()
        geometry = runtime.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            self.resize(1180, 760)
        self.form.audio_id.setFocus()

    # -- building -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = CoverForm()
        self.form.submitRequested.connect(self.submit)
        self.form.audio_id.idsDropped.connect(self.offer_batch)

        self.banner = QFrame()
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet("#demoBanner { background: rgba(30,136,229,0.12); border-radius: 6px; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton("Enter API key\u2026")
        self.banner_button.setObjectName("enterKeyButton")
        self.banner_button.clicked.connect(self.open_settings)
        b = QHBoxLayout(self.banner)
        b.setContentsMargins(10, 6, 10, 6)
        b.addWidget(self.banner_text, 1)
        b.addWidget(self.banner_button)

        self.jobs_model = JobsModel(self)
        self.jobs_view = QListView()
        self.jobs_view.setObjectName("jobsView")
        self.jobs_view.setAccessibleName("Jobs")
        self.jobs_view.setModel(self.jobs_model)
        self.jobs_view.setItemDelegate(JobDelegate(self.jobs_view))
        self.jobs_view.setUniformItemSizes(True)
        self.jobs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.jobs_view.customContextMenuRequested.connect(self._jobs_menu)
        self.jobs_view.selectionModel().currentChanged.connect(self._job_selected)
        self.jobs_empty = QLabel("No jobs yet. Enter an audio id above and press Submit \u2014 "
                                 "or drop song links or a list of ids anywhere on this window.")
        self.jobs_empty.setWordWrap(True)
        self.jobs_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.jobs_empty.setStyleSheet("color: palette(mid); padding: 16px;")

        self.jobs_view.setMinimumHeight(140)
        self.jobs_empty.setMinimumHeight(140)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(12, 10, 6, 6)
        lv.addWidget(self.banner)
        lv.addWidget(_section("New cover"))
        lv.addWidget(self.form)
        lv.addSpacing(6)
        lv.addWidget(_section("Jobs"))
        lv.addWidget(self.jobs_empty, 1)
        lv.addWidget(self.jobs_view, 1)

        self.clips_title = _section("Clips")
        self.library_button = QToolButton()
        self.library_button.setObjectName("libraryButton")
        self.library_button.setText("All clips")
        self.library_button.setCheckable(True)
        self.library_button.setToolTip("Show the clips of every job (your library)")
        self.library_button.toggled.connect(self._library_toggled)
        head = QHBoxLayout()
        head.addWidget(self.clips_title, 1)
        head.addWidget(self.library_button)

        self.clips_view = QListView()
        self.clips_view.setObjectName("clipsView")
        self.clips_view.setAccessibleName("Clips")
        self.clips_view.setUniformItemSizes(True)
        self.clips_view.setItemDelegate(ClipDelegate(self.clips_view))
        self.clips_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clips_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.clips_view.customContextMenuRequested.connect(self._clips_menu)
        self.clips_view.doubleClicked.connect(self._clip_double_clicked)
        self.clips_empty = QLabel("Select a job to see its clips.")
        self.clips_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clips_empty.setWordWrap(True)
        self.clips_empty.setStyleSheet("color: palette(mid); padding: 16px;")

        self.player_host = QVBoxLayout()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 10, 12, 6)
        rv.addLayout(head)
        rv.addWidget(self.clips_empty, 1)
        rv.addWidget(self.clips_view, 1)
        rv.addLayout(self.player_host)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("mainSplitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.setMinimumSize(780, 600)

        bar = QStatusBar()
        self.status_text = QLabel()
        self.status_text.setObjectName("statusMessage")
        self.poll_label = QLabel()
        self.conn_label = QLabel()
        self.conn_label.setObjectName("connectionLabel")
        bar.addWidget(self.status_text, 1)
        bar.addPermanentWidget(self.poll_label)
        bar.addPermanentWidget(self.conn_label)
        self.setStatusBar(bar)

        submit_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        submit_key.activated.connect(self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self).activated.connect(self.submit)

    def _action(self, menu: QMenu, text: str, slot: Callable, shortcut: str | QKeySequence.StandardKey = "",
                name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if name:
            act.setObjectName(name)
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        m = self.menuBar()
        file = m.addMenu("&File")
        self._action(file, "&Settings\u2026", self.open_settings, QKeySequence.StandardKey.Preferences, "settingsAction")
        self._action(file, "Settings\u2026", self.open_settings, "Ctrl+,").setVisible(False)
        self._action(file, "&Import ids from file\u2026", self.import_ids, QKeySequence.StandardKey.Open)
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        jobs = m.addMenu("&Jobs")
        self.pause_action = self._action(jobs, "&Pause polling", self._toggle_pause, "Ctrl+Shift+P", "pauseAction")
        self.pause_action.setCheckable(True)
        self._action(jobs, "Check all &now", lambda: self.rt.service.scheduler.poll_now(), "F5")
        jobs.addSeparator()
        self._action(jobs, "&Retry polling", self.retry_selected, "Ctrl+R")
        self._action(jobs, "Re&submit with same settings\u2026", self.resubmit_selected, "Ctrl+Shift+R")
        self._action(jobs, "&Edit in form", self.edit_selected, "Ctrl+E")
        self._action(jobs, "&Copy task id", self.copy_task_id, "Ctrl+Shift+C")
        self.remove_action = self._action(jobs, "Re&move from history\u2026", self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.jobs_view, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        clips = m.addMenu("&Clips")
        self._action(clips, "&Play / pause", self.toggle_play, "Space", "playAction")
        self._action(clips, "&Next clip", lambda: self.step_clip(1), "Ctrl+Right")
        self._action(clips, "P&revious clip", lambda: self.step_clip(-1), "Ctrl+Left")
        clips.addSeparator()
        self._action(clips, "&Save clip\u2026", self.save_clip, QKeySequence.StandardKey.Save)
        self._action(clips, "&Export job\u2026", self.export_job, "Ctrl+Shift+S")
        self._action(clips, "Copy &audio URL", self.copy_audio_url)
        self._action(clips, "&Open containing folder", self.open_clip_folder)
        clips.addSeparator()
        self._action(clips, "Show &all clips", lambda: self.library_button.toggle(), "Ctrl+L")

        help_ = m.addMenu("&Help")
        self._action(help_, "Open &log folder", lambda: self._open_folder(self.rt.log_dir))
        self._action(help_, "&About Cover Desktop", self._about)

    # -- binding to the job layer ---------------------------------------------------------------------------
    def bind_runtime(self) -> None:
        """(Re)attach to the runtime's service, library and player, e.g. after Settings changed the server."""
        rt = self.rt
        svc = rt.service
        svc.jobAdded.connect(self._job_added)
        svc.jobChanged.connect(self._job_changed)
        svc.jobRemoved.connect(self._job_removed)
        svc.jobFinished.connect(self._job_finished)
        svc.notice.connect(self._notice)
        svc.pausedChanged.connect(self._paused)
        svc.connectionChanged.connect(self._connection)
        rt.library.clipChanged.connect(self._clip_changed)
        rt.library.problem.connect(self.show_error)
        if not hasattr(self, "clips_model"):
            self.clips_model = ClipsModel(rt.thumbs, self)
            self.clips_view.setModel(self.clips_model)
            self.player_bar = PlayerBar(rt.player)
            self.player_host.addWidget(self.player_bar)
            self.player_bar.playClicked.connect(self.toggle_play)
            self.player_bar.nextClicked.connect(lambda: self.step_clip(1))
            self.player_bar.prevClicked.connect(lambda: self.step_clip(-1))
            rt.player.currentChanged.connect(self.clips_model.set_playing)
            rt.player.problem.connect(self.show_error)
        self.jobs_model.set_jobs(list(svc.jobs.values()))
        self.clips_model.show_job(None)
        self._update_empty()
        if self.jobs_model.rowCount():
            self.jobs_view.setCurrentIndex(self.jobs_model.index(0))
        self._update_banner()
        self._connection(True, "")
        self._paused(svc.scheduler.paused, svc.scheduler.pause_reason)

    def _update_banner(self) -> None:
        rt = self.rt
        if rt.demo is not None:
            reason = ("no API key is set" if not rt.key else "demo mode is on")
            self.banner_text.setText(f"<b>Demo server</b> \u2014 {reason}. Everything works, with made-up music "
                                     "and no credits spent. Enter your API key to make real covers.")
            self.banner.show()
        elif not rt.key:
            self.banner_text.setText("<b>No API key.</b> Jobs will be refused until you enter your key.")
            self.banner.show()
        else:
            self.banner.hide()

    # -- submitting -------------------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self._submitting:
            return  # a second click or Ctrl+Return while one is in flight: never a second charge
        request = self.form.request()
        problems = request.problems()
        self.form.show_problems(problems)
        if problems:
            self.show_error(problems[0].message)
            return
        self._submitting = True
        self.form.set_busy(True)
        self.tasks.spawn(self._submit(request), "submitting")

    async def _submit(self, request: CoverRequest) -> None:
        try:
            job = await self.rt.service.submit(request)
        except ValidationError as err:
            self.form.show_problems([err])
        except ApiError as err:
            self._submit_failed(err)
        else:
            self.show_message(f"Submitted {job.request.audio_id} \u2014 task {job.task_id}.")
            row = self.jobs_model.row_of(job.id)
            if row >= 0:
                self.jobs_view.setCurrentIndex(self.jobs_model.index(row))
        finally:
            self._submitting = False
            self.form.set_busy(False)

    def _submit_failed(self, err: ApiError) -> None:
        self.form.show_error(err.message)
        self.show_error(err.message)
        if isinstance(err, AuthError):
            self.banner_text.setText(f"<b>Key not accepted.</b> {err.message}")
            self.banner.show()

    def offer_batch(self, ids: list[str]) -> None:
        if len(ids) == 1:
            self.form.audio_id.setText(ids[0])
            return
        if self._submitting or not ids:
            return
        template = self.form.request(audio_id=ids[0])
        problems = [p for p in template.problems() if p.field != "audio_id"]
        if problems:
            self.form.show_problems(problems)
            self.show_error("Fix the form first: every job in the batch uses these settings.")
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Submit several jobs",
                          f"Submit {len(ids)} jobs, one per audio id, with the settings in the form?", parent=self)
        shown = ", ".join(ids[:6]) + (", \u2026" if len(ids) > 6 else "")
        box.setInformativeText(f"{shown}\n\nThis costs at most {len(ids) * CREDITS_MAX} credits "
                               f"({len(ids)} \u00d7 5\u2013{CREDITS_MAX}).")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(f"Submit {len(ids)} jobs")
        box.setObjectName("batchConfirm")

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self._submitting = True
                self.form.set_busy(True, f"Submitting {len(ids)} jobs\u2026")
                self.tasks.spawn(self._submit_batch(ids, template), "submitting a batch")

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        self.batch_box = box
        box.open()

    async def _submit_batch(self, ids: list[str], template: CoverRequest) -> None:
        done, failed = 0, []
        try:
            for i, audio_id in enumerate(ids, 1):
                self.form.set_busy(True, f"Submitting {i} of {len(ids)}\u2026")
                try:
                    await self.rt.service.submit(CoverRequest(audio_id, template.custom_mode, template.prompt,
                                                              template.style, template.title,
                                                              template.callback_url))
                    done += 1
                except ApiError as err:
                    failed.append(f"{audio_id}: {err.message}")
                    if isinstance(err, (AuthError, InsufficientCredits)):
                        failed.append(f"{len(ids) - i} not tried.")
                        break
        finally:
            self._submitting = False
            self.form.set_busy(False)
        if failed:
            self.show_error(f"{done} of {len(ids)} jobs submitted. " + " ".join(failed[:3]))
        else:
            self.show_message(f"{done} jobs submitted.")

    # -- drops anywhere on the window (IdDropTarget) ----------------------------------------------------------------
    def take_ids(self, ids: list[str]) -> None:
        if ids:
            self.offer_batch(ids)
        else:
            self.show_error("No audio id found in what was dropped.")

    def import_ids(self) -> None:
        dlg = QFileDialog(self, "Import audio ids", str(Path.home()), "Text files (*.txt *.csv);;All files (*)")
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)

        def chosen(path: str) -> None:
            from PySide6.QtCore import QMimeData
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(path)])
            ids = ids_from_mime(mime)
            self.offer_batch(ids) if ids else self.show_error("No audio ids found in that file.")

        dlg.fileSelected.connect(chosen)
        dlg.open()

    # -- job list ------------------------------------------------------------------------------------------------------
    def selected_job(self) -> Job | None:
        return self.jobs_model.job_at(self.jobs_view.currentIndex().row())

    def _job_added(self, job: Job) -> None:
        self.jobs_model.add(job)
        self.jobs_view.setCurrentIndex(self.jobs_model.index(0))
        self._update_empty()

    def _job_changed(self, job: Job) -> None:
        self.jobs_model.changed(job)
        self.clips_model.refresh_job(job, self.jobs_model.jobs())
        self._update_empty()

    def _job_removed(self, job_id: int) -> None:
        self.jobs_model.remove(job_id)
        if self.clips_model.job is not None and self.clips_model.job.id == job_id:
            self.clips_model.show_job(self.selected_job())
        elif self.clips_model.library_mode:
            self.clips_model.show_library(self.jobs_model.jobs())
        self._update_empty()

    def _job_finished(self, job: Job) -> None:
        what = f"{job.request.title or job.request.audio_id}"
        if job.state is JobState.DONE:
            text = f"Cover ready: {what} ({len(job.clips)} clips)."
            self.show_message(text)
        else:
            text = f"Job failed: {what}. {job.error}"
            self.show_error(text)
        if not self.isActiveWindow():
            self._notify(text)

    def _job_selected(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        if self.library_button.isChecked():
            return
        job = self.jobs_model.job_at(current.row())
        self.clips_model.show_job(job)
        self.clips_title.setText(f"Clips \u2014 {job.request.title or job.request.audio_id}" if job else "Clips")
        self._update_empty()

    def _library_toggled(self, on: bool) -> None:
        if on:
            self.clips_model.show_library(self.jobs_model.jobs())
            self.clips_title.setText("All clips")
        else:
            self._job_selected(self.jobs_view.currentIndex())
        self._update_empty()

    def _update_empty(self) -> None:
        has_jobs = self.jobs_model.rowCount() > 0
        self.jobs_empty.setVisible(not has_jobs)
        self.jobs_view.setVisible(has_jobs)
        has_clips = self.clips_model.rowCount() > 0
        self.clips_view.setVisible(has_clips)
        self.clips_empty.setVisible(not has_clips)
        job = self.clips_model.job
        if self.clips_model.library_mode:
            self.clips_empty.setText("No clips yet. Finished jobs put their clips here.")
        elif job is None:
            self.clips_empty.setText("Select a job to see its clips." if has_jobs else
                                     "Your covers will appear here, with their art, ready to play.")
        elif job.state.active:
            self.clips_empty.setText("Waiting for the first clips\u2026 they appear here as soon as the "
                                     "service sends them.")
        else:
            self.clips_empty.setText(job.error or "This job has no clips.")

    def _jobs_menu(self, pos: QPoint) -> None:
        idx = self.jobs_view.indexAt(pos)
        if not idx.isValid():
            return
        self.jobs_view.setCurrentIndex(idx)
        job = self.selected_job()
        menu = QMenu(self)
        menu.addAction("Copy task id", self.copy_task_id).setEnabled(bool(job.task_id))
        menu.addAction("Retry polling", self.retry_selected).setEnabled(
            bool(job.task_id) and job.state is not JobState.DONE)
        menu.addAction("Resubmit with same settings\u2026", self.resubmit_selected)
        menu.addAction("Edit in form", self.edit_selected)
        menu.addSeparator()
        menu.addAction("Remove from history\u2026", self.remove_selected)
        menu.popup(self.jobs_view.viewport().mapToGlobal(pos))

    def copy_task_id(self) -> None:
        job = self.selected_job()
        if job and job.task_id:
            QGuiApplication.clipboard().setText(job.task_id)
            self.show_message(f"Copied task id {job.task_id}.")

    def retry_selected(self) -> None:
        job = self.selected_job()
        if job and job.task_id:
            self.rt.service.retry_polling(job.id)
            self.show_message(f"Checking {job.task_id} again.")

    def edit_selected(self) -> None:
        job = self.selected_job()
        if job:
            self.form.fill(job.request)
            self.form.audio_id.setFocus()

    def resubmit_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        self._confirm("Resubmit job", f"Submit {job.request.audio_id} again with the same settings?",
                      f"This makes a new job and costs 5\u2013{CREDITS_MAX} credits.", "Resubmit",
                      lambda: self._resubmit(job.request))

    def _resubmit(self, request: CoverRequest) -> None:
        if self._submitting:
            return
        self._submitting = True
        self.form.set_busy(True)
        self.tasks.spawn(self._submit(request), "resubmitting")

    def remove_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        extra = " Its saved clip files stay on disk." if job.clips else ""
        if job.state.active:
            extra = " It is still running: the app will stop following it." + extra
        self._confirm("Remove job", f"Remove {job.request.audio_id} from the history?", extra.strip(), "Remove",
                      lambda: self.tasks.spawn(self.rt.service.remove(job.id), "removing a job"))

    def _confirm(self, title: str, text: str, info: str, yes: str, then: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        if info:
            box.setInformativeText(info)
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(yes)
        box.buttonClicked.connect(
            lambda b: then() if box.standardButton(b) == QMessageBox.StandardButton.Ok else None)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    def _toggle_pause(self) -> None:
        if self.rt.service.scheduler.paused:
            self.rt.service.resume()
        else:
            self.rt.service.pause()

    def _paused(self, paused: bool, reason: str) -> None:
        self.pause_action.setChecked(paused)
        self.poll_label.setText(f"\u23f8 {reason}" if paused else "")
        if paused and "key" in reason:
            self.banner_text.setText("<b>Key not accepted.</b> Checking jobs is paused until you fix your key.")
            self.banner.show()

    # -- clips and playback -------------------------------------------------------------------------------------------
    def selected_clip(self):
        idx = self.clips_view.currentIndex()
        return self.clips_model.at(idx.row() if idx.isValid() else -1)

    def _clip_changed(self, job_id: int, clip_id: str) -> None:
        self.clips_model.clip_changed(job_id, clip_id)

    def _clip_double_clicked(self, index: QModelIndex) -> None:
        self.play_row(index.row())

    def play_row(self, row: int) -> None:
        item = self.clips_model.at(row)
        if item is None:
            return
        job, rec = item
        self.clips_view.setCurrentIndex(self.clips_model.index(row))
        if self.rt.player.play(clip_key(job, rec), rec.audio_path, rec.clip.audio_url) \
                and not self.rt.player.has_audio_device():
            self.show_message("No audio output device was found: the clip plays silently. "
                              "Connect headphones or speakers and press Play again.")

    def toggle_play(self) -> None:
        player = self.rt.player
        item = self.selected_clip()
        if item is not None and clip_key(*item) != player.current:
            self.play_row(self.clips_view.currentIndex().row())
        elif player.current:
            player.toggle()
        elif self.clips_model.rowCount():
            self.play_row(max(0, self.clips_view.currentIndex().row()))
        else:
            self.show_error("Nothing to play yet: select a job with clips.")

    def step_clip(self, delta: int) -> None:
        n = self.clips_model.rowCount()
        if not n:
            return
        row = self.clips_model.row_of(self.rt.player.current)
        if row < 0:
            row = self.clips_view.currentIndex().row()
        self.play_row((row + delta) % n)

    def _clips_menu(self, pos: QPoint) -> None:
        idx = self.clips_view.indexAt(pos)
        if not idx.isValid():
            return
        self.clips_view.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction("Play", lambda: self.play_row(idx.row()))
        menu.addAction("Save clip\u2026", self.save_clip)
        menu.addAction("Export job\u2026", self.export_job)
        menu.addAction("Copy audio URL", self.copy_audio_url)
        menu.addAction("Open containing folder", self.open_clip_folder)
        menu.popup(self.clips_view.viewport().mapToGlobal(pos))

    def copy_audio_url(self) -> None:
        item = self.selected_clip()
        if item and item[1].clip.audio_url:
            QGuiApplication.clipboard().setText(item[1].clip.audio_url)
            self.show_message("Copied the audio URL.")

    def open_clip_folder(self) -> None:
        item = self.selected_clip()
        if item and item[1].audio_path:
            self._open_folder(Path(item[1].audio_path).parent)
        else:
            self.show_error("This clip has not been saved on this computer yet.")

    def save_clip(self) -> None:
        item = self.selected_clip()
        if item is None:
            return self.show_error("Select a clip to save.")
        self._pick_folder("Save clip to", lambda folder: self.tasks.spawn(
            self.export_to(folder, [item]), "saving a clip"))

    def export_job(self) -> None:
        job = self.clips_model.job or self.selected_job()
        if job is None or not job.clips:
            return self.show_error("Select a finished job to export.")
        self._pick_folder("Export job to", lambda folder: self.tasks.spawn(
            self.export_to(folder, [(job, r) for r in job.clips]), "exporting a job"))

    def _pick_folder(self, title: str, then: Callable[[Path], object]) -> None:
        start = self.rt.settings.downloads()
        dlg = QFileDialog(self, title, str(start if start.exists() else Path.home()))
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.fileSelected.connect(lambda p: then(Path(p)))
        dlg.open()

    async def export_to(self, folder: Path, items) -> list[Path]:
        out, problems = [], []
        for job, rec in items:
            try:
                out.append(await asyncio.to_thread(export_clip, job, rec, folder))
            except (OSError, ValueError) as exc:
                problems.append(f"{rec.clip.title or rec.id}: {exc}")
        if problems:
            self.show_error(f"Saved {len(out)} of {len(items)}. " + " ".join(problems[:2]))
        else:
            self.show_message(f"Saved {len(out)} clip{'s' if len(out) != 1 else ''} to {folder}.")
        return out

    # -- settings ------------------------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            return
        rt = self.rt
        dlg = SettingsDialog(rt.settings, rt.saved_key(), rt.keystore.source, rt.test_key, self)
        dlg.applied.connect(lambda result: self.tasks.spawn(self._apply_settings(result), "applying settings"))
        dlg.finished.connect(dlg.deleteLater)
        self.settings_dialog = dlg
        dlg.open()

    async def _apply_settings(self, result: SettingsResult) -> None:
        self.rt.player.unload()
        await self.rt.apply(result)
        self.bind_runtime()
        self.show_message("Settings saved.")
        if self.rt.keystore.warning:
            self.show_error(self.rt.keystore.warning)

    # -- status bar, notifications ----------------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.status_text.setStyleSheet("")
        self.status_text.setText(text)
        self.status_text.setToolTip(text)

    def show_error(self, text: str) -> None:
        self.status_text.setStyleSheet("color: #c62828;")
        self.status_text.setText(text)
        self.status_text.setToolTip(text)
        log.info("shown to the user: %s", text)

    def _notice(self, level: str, text: str) -> None:
        (self.show_error if level == "error" else self.show_message)(text)

    def _connection(self, ok: bool, words: str) -> None:
        rt = self.rt
        where = (f"Demo server ({rt.base_url.split('//', 1)[-1]})" if rt.demo is not None
                 else f"Live: {rt.base_url.split('//', 1)[-1]}")
        dot = "#43a047" if ok else "#e53935"
        self.conn_label.setText(f"<span style='color:{dot}'>\u25cf</span> {where}"
                                + ("" if ok else " \u2014 unreachable, retrying"))
        self.conn_label.setToolTip(words or rt.base_url)

    def _notify(self, text: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.windowIcon(), self)
                self.tray.setToolTip(APP_NAME)
                self.tray.activated.connect(lambda *_: (self.showNormal(), self.activateWindow()))
                self.tray.show()
            self.tray.showMessage(APP_NAME, text, QIcon(self.windowIcon()), 8000)
        QApplication.alert(self, 0)

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                          f"<b>{APP_NAME} {__version__}</b><br>Turn your uploaded audio into new covers, follow "
                          "each job live, and keep the results.", parent=self)
        box.setInformativeText(f"Service: {self.rt.base_url}\nJob history: {self.rt.db_path}\nLog: {self.rt.log_dir}")
        box.finished.connect(box.deleteLater)
        box.open()

    def closeEvent(self, event) -> None:
        s = self.rt.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        s.volume = self.rt.player.output.volume()
        try:
            s.save()
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
        super().closeEvent(event)
        self.closed.emit()
