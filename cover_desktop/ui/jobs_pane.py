"""The job list: one row per job, newest first, with its actions (copy task id, retry polling, resubmit,
edit in form, remove). The job service owns the jobs; this pane's model follows its signals and the pane
relays none of them (the shell connects whoever else listens straight to the service)."""

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
from .bindings import Bindings
from .contrast import tint
from .delegates import JobDelegate
from .dialogs import confirm
from .jobs_model import JobsModel
from .speech import follow_list
from .widgets import breakable, widget_shortcut


class JobsPane(QWidget):
    jobSelected = Signal(object)          # Job | None
    editRequested = Signal(object)        # CoverRequest
    resubmitRequested = Signal(object)    # CoverRequest
    message = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jobsPane")
        self.service: JobService | None = None
        self._bindings = Bindings()
        self.media_folder: Callable[[Job], Path] | None = None   # where a job's clips are kept
        self.tasks = TaskSet(self.error.emit, "jobs", saves=True)
        self.model = JobsModel(self)
        self.view = QListView()
        self.view.setObjectName("jobsView")
        self.view.setAccessibleName(translate("JobsPane", "Jobs"))
        self.view.setModel(self.model)
        # a running clock repaints its row: a dataChanged would lay out every row again
        self.model.clockMoved.connect(lambda rows: [self.view.update(self.model.index(r)) for r in rows])
        self.view.setItemDelegate(JobDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setMinimumHeight(110)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected)
        follow_list(self.view)
        self.empty = QLabel(translate("JobsPane", "No jobs yet. Enter an audio id above and press Submit \u2014 "
                                                  "or drop song links or a list of ids anywhere on this window."))
        self.empty.setObjectName("jobsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(16)
        tint(self.empty)
        self.empty.setMinimumHeight(110)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._stack)

    # -- following the service --------------------------------------------------------------------------
    def unbind(self) -> None:
        self._bindings.clear()

    def bind(self, service: JobService) -> None:
        """Follow ``service`` (a new one after Settings changed the server or key): the job selected before
        stays selected when the new history has it."""
        was = self.selected_job()
        self._bindings.clear()
        self.service = service
        self._bindings.connect(service.jobAdded, self._added)
        self._bindings.connect(service.jobChanged, self.model.changed)
        self._bindings.connect(service.jobRemoved, self._removed)
        self.model.set_jobs(list(service.jobs.values()))
        self._update_empty()
        row = self.model.row_of(was.id) if was is not None else -1
        if self.model.rowCount():
            # the reset above cleared the current row: setting it again announces the new object
            self.view.setCurrentIndex(self.model.index(max(row, 0)))
        else:
            self.jobSelected.emit(None)

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

    def _removed(self, job_id: int) -> None:
        was_selected = (job := self.selected_job()) is not None and job.id == job_id
        self.model.remove(job_id)
        self._update_empty()
        if was_selected:
            self.jobSelected.emit(self.selected_job())

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
        # the submit pane asks (what it costs, and whether it was sent lately), as for every send
        self.resubmitRequested.emit(job.request)

    def remove_selected(self) -> None:
        job = self.selected_job()
        service = self.service
        if job is None or service is None:
            return
        folder = self.media_folder(job) if self.media_folder and job.clips else None
        extra = translate("JobsPane", "Its saved clip files stay in {folder} (Help \u2192 Open the clips "
                                      "folder).").format(folder=breakable(folder)) if folder else ""
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
                extra, translate("JobsPane", "Remove"), start, name="removeConfirm", default_yes=False)
