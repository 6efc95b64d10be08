"""The job list: one row per job, newest first, with its actions (copy task id, retry polling, resubmit,
edit in form, remove). It follows the job service and says what it wants through signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMenu,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ..i18n import translate
from ..jobs.model import Job, JobState
from ..jobs.service import JobService
from ..tasks import TaskSet
from .delegates import JobDelegate
from .dialogs import confirm
from .jobs_model import JobsModel, cost_text
from .widgets import widget_shortcut


class JobsPane(QWidget):
    jobSelected = Signal(object)          # Job | None
    jobFinished = Signal(object)          # Job
    jobsChanged = Signal()                # added, removed or changed: the library may need a refresh
    jobChanged = Signal(object)           # Job
    jobRemoved = Signal(int)              # job id
    editRequested = Signal(object)        # CoverRequest
    resubmitRequested = Signal(object)    # CoverRequest
    message = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jobsPane")
        self.service: JobService | None = None
        self.media_folder: Callable[[Job], Path] | None = None   # where a job's clips are kept
        self.tasks = TaskSet(self.error.emit, "jobs")
        self.model = JobsModel(self)
        self.view = QListView()
        self.view.setObjectName("jobsView")
        self.view.setAccessibleName(translate("JobsPane", "Jobs"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(JobDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setMinimumHeight(110)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected)
        self.empty = QLabel(translate("JobsPane", "No jobs yet. Enter an audio id above and press Submit \u2014 "
                                                  "or drop song links or a list of ids anywhere on this window."))
        self.empty.setObjectName("jobsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 16px;")
        self.empty.setMinimumHeight(110)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._stack)

    # -- following the service --------------------------------------------------------------------------
    def bind(self, service: JobService) -> None:
        self.service = service
        service.jobAdded.connect(self._added)
        service.jobChanged.connect(self._changed)
        service.jobRemoved.connect(self._removed)
        service.jobFinished.connect(self.jobFinished)
        self.model.set_jobs(list(service.jobs.values()))
        self._update_empty()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))
        else:
            self.jobSelected.emit(None)

    def jobs(self) -> list[Job]:
        return self.model.jobs()

    def selected_job(self) -> Job | None:
        return self.model.job_at(self.view.currentIndex().row())

    def select(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _added(self, job: Job) -> None:
        self.model.add(job)
        self.view.setCurrentIndex(self.model.index(0))
        self._update_empty()
        self.jobsChanged.emit()

    def _changed(self, job: Job) -> None:
        self.model.changed(job)
        self.jobChanged.emit(job)

    def _removed(self, job_id: int) -> None:
        was_selected = (job := self.selected_job()) is not None and job.id == job_id
        self.model.remove(job_id)
        self._update_empty()
        self.jobRemoved.emit(job_id)
        if was_selected:
            self.jobSelected.emit(self.selected_job())
        self.jobsChanged.emit()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.jobSelected.emit(self.model.job_at(current.row()))

    def _update_empty(self) -> None:
        self._stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)

    # -- actions ----------------------------------------------------------------------------------------
    def _menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        self.view.setCurrentIndex(idx)
        job = self.selected_job()
        if job is None:
            return
        menu = QMenu(self)
        menu.addAction(translate("JobsPane", "Copy task id"), self.copy_task_id).setEnabled(bool(job.task_id))
        menu.addAction(translate("JobsPane", "Retry polling"), self.retry_selected).setEnabled(
            bool(job.task_id) and job.state is not JobState.DONE)
        menu.addAction(translate("JobsPane", "Resubmit with same settings\u2026"), self.resubmit_selected)
        menu.addAction(translate("JobsPane", "Edit in form"), self.edit_selected)
        menu.addSeparator()
        menu.addAction(translate("JobsPane", "Remove from history\u2026"), self.remove_selected)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def copy_task_id(self) -> None:
        job = self.selected_job()
        if job and job.task_id:
            QGuiApplication.clipboard().setText(job.task_id)
            self.message.emit(translate("JobsPane", "Copied task id {task_id}.").format(task_id=job.task_id))

    def retry_selected(self) -> None:
        job = self.selected_job()
        if job and job.task_id and self.service is not None:
            self.service.retry_polling(job.id)
            self.message.emit(translate("JobsPane", "Checking {task_id} again.").format(task_id=job.task_id))

    def edit_selected(self) -> None:
        job = self.selected_job()
        if job:
            self.editRequested.emit(job.request)

    def resubmit_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        request = job.request
        confirm(self, translate("JobsPane", "Resubmit job"),
                translate("JobsPane", "Submit {audio_id} again with the same settings?").format(
                    audio_id=request.audio_id),
                translate("JobsPane", "This makes a new job and costs {credits}.").format(credits=cost_text(1)),
                translate("JobsPane", "Resubmit"), lambda: self.resubmitRequested.emit(request),
                name="resubmitConfirm")

    def remove_selected(self) -> None:
        job = self.selected_job()
        service = self.service
        if job is None or service is None:
            return
        folder = self.media_folder(job) if self.media_folder and job.clips else None
        extra = translate("JobsPane", "Its saved clip files stay in {folder} (Help \u2192 Open the clips "
                                      "folder).").format(folder=folder) if folder else ""
        if job.state.active:
            running = translate("JobsPane", "It is still running: the app will stop following it.")
            extra = f"{running} {extra}".strip()
        job_id = job.id

        async def remove() -> None:
            await service.remove(job_id)
            self.message.emit(translate("JobsPane", "Removed from the history. The clip files are still in {folder}.")
                              .format(folder=folder) if folder else translate("JobsPane", "Removed from the history."))

        def start() -> None:
            self.tasks.spawn(remove(), "removing a job")

        confirm(self, translate("JobsPane", "Remove job"),
                translate("JobsPane", "Remove {audio_id} from the history?").format(audio_id=job.request.audio_id),
                extra, translate("JobsPane", "Remove"), start, name="removeConfirm")
