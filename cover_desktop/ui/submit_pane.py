"""The form and everything that sends: one submit, a resubmit, a batch of ids (with its confirmation,
progress and cancel), and importing ids from a file. The rules live in the job service."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..api.errors import ApiError, AuthError, ValidationError
from ..api.models import CoverRequest
from ..i18n import translate
from ..jobs.matrix import Matrix
from ..jobs.service import BatchResult, JobService
from ..presets import StyleHistory
from ..tasks import TaskSet
from .dialogs import confirm, pick_file
from .drops import Dropped, parse_dropped, read_file
from .form import CoverForm
from .jobs_model import cost_text
from .presets_button import PresetsButton

BIG_BATCH = 5   # from this many jobs on, Enter in the confirmation answers Cancel
RECENT = 10 * 60   # seconds: the same request sent again within this asks first (it costs again)


def _listed(items: list[str], limit: int = 3) -> str:
    shown = ", ".join(translate("SubmitPane", "\u201c{item}\u201d").format(item=i) for i in items[:limit])
    if len(items) <= limit:
        return shown
    return translate("SubmitPane", "{shown} and %n more", None, len(items) - limit).format(shown=shown)


class SubmitPane(QWidget):
    message = Signal(str)
    error = Signal(str)
    errorResolved = Signal(str)    # an error this pane showed no longer holds (its field was edited)
    keyRefused = Signal(str)
    submitted = Signal(object)     # Job

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("submitPane")
        self.service: JobService | None = None
        self.tasks = TaskSet(self.error.emit, "submitting")
        self._busy = False
        self.form = CoverForm()
        self.form.submitRequested.connect(self.submit)
        self.form.audio_id.dropped.connect(self.take_drop)
        self.form.edited.connect(self._edited)
        self._shown_error = ""
        self.error.connect(self._remember_error)

        self.batch_bar = QWidget()
        self.batch_bar.setObjectName("batchBar")
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batchProgress")
        self.batch_cancel = QPushButton(translate("SubmitPane", "Stop batch"))
        self.batch_cancel.setObjectName("batchCancelButton")
        self.batch_cancel.setAccessibleName(translate("SubmitPane", "Stop the batch"))
        self.batch_cancel.setToolTip(translate("SubmitPane", "Send no more jobs of this batch (the one being sent "
                                                             "finishes)"))
        self.batch_cancel.clicked.connect(self.cancel_batch)
        row = QHBoxLayout(self.batch_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.batch_label, 1)
        row.addWidget(self.batch_cancel)
        self.batch_bar.hide()

        self.presets_button = PresetsButton(self.form)
        self.presets_button.message.connect(self.message)
        self.presets_button.error.connect(self.error)
        self.styles = StyleHistory()
        self.form.set_style_history(self.styles.items())
        # asked before anything costs credits: "" to go on, or the words of a budget warning
        self.budget_check: Callable[[int], str] = lambda n: ""

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addStretch(1)
        top.addWidget(self.presets_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(self.form)
        outer.addWidget(self.batch_bar)

    def _remember_error(self, text: str) -> None:
        self._shown_error = text

    def _edited(self) -> None:
        if self._shown_error:
            self.errorResolved.emit(self._shown_error)
            self._shown_error = ""

    def bind(self, service: JobService) -> None:
        self.service = service
        service.batchProgress.connect(self._batch_progress)

    @property
    def busy(self) -> bool:
        return self._busy

    # -- one job ----------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return  # a second click or Ctrl+Return while one is in flight: never a second charge
        matrix = self.form.matrix_plan()
        if matrix is not None:
            self._offer_matrix(matrix)
            return
        request = self.form.request()
        problems = request.problems()
        self.form.show_problems(problems)
        if problems:
            self.error.emit(problems[0].message)
            return
        over = self.budget_check(1)
        if over:
            confirm(self, translate("SubmitPane", "Over your monthly budget?"), over,
                    translate("SubmitPane", "This job costs {credits}.").format(credits=cost_text(1)),
                    translate("SubmitPane", "Submit anyway"), lambda: self.submit_request(request),
                    name="budgetConfirm", default_yes=False)
            return
        same = self._recent_twin(request)
        if same:
            confirm(self, translate("SubmitPane", "Submit the same again?"),
                    translate("SubmitPane", "You sent exactly this request {ago} ago. Submit it again?").format(
                        ago=same),
                    translate("SubmitPane", "It makes a new job and costs {credits} again.").format(
                        credits=cost_text(1)),
                    translate("SubmitPane", "Submit again"), lambda: self.submit_request(request),
                    name="repeatConfirm", default_yes=False)
            return
        self.submit_request(request)

    def _recent_twin(self, request: CoverRequest) -> str:
        """How long ago an identical request was sent ("" if not within RECENT)."""
        if self.service is None:
            return ""
        try:
            wanted = request.validated()
        except ApiError:
            return ""
        now = time.time()
        ages = [now - j.created_at for j in self.service.jobs.values()
                if j.request == wanted and now - j.created_at < RECENT]
        if not ages:
            return ""
        minutes = int(min(ages) // 60)
        return (translate("SubmitPane", "less than a minute") if minutes < 1
                else translate("SubmitPane", "%n minute(s)", None, minutes))

    def submit_request(self, request: CoverRequest) -> None:
        if self._busy or self.service is None:
            return
        self._set_busy(True)
        self.tasks.spawn(self._submit(self.service, request), "submitting")

    async def _submit(self, service: JobService, request: CoverRequest) -> None:
        try:
            job = await service.submit(request)
        except ValidationError as err:
            self.form.show_problems([err])
            self.error.emit(err.message)
        except ApiError as err:
            self.form.show_error(err.message)
            self.error.emit(err.message)
            if isinstance(err, AuthError):
                self.keyRefused.emit(err.message)
        else:
            self.message.emit(translate("SubmitPane", "Submitted {audio_id} \u2014 task {task_id}.").format(
                audio_id=job.request.audio_id, task_id=job.task_id))
            self.submitted.emit(job)
            self._remember_style(job.request)
        finally:
            self._set_busy(False)

    def fill(self, request: CoverRequest) -> None:
        self.form.fill(request)
        self.form.audio_id.setFocus()

    # -- a batch ----------------------------------------------------------------------------------------
    def take_drop(self, dropped: Dropped) -> None:
        """Text, links or a file dropped or pasted: one id fills the field, several are offered as a batch."""
        self.form.show_error("")
        if dropped.problem:
            self.error.emit(dropped.problem)
            return
        self.tasks.spawn(self._take_drop(dropped), "reading the dropped ids")

    async def _take_drop(self, dropped: Dropped) -> None:
        found = await parse_dropped(dropped)
        if not found.ids:
            text = translate("SubmitPane", "No audio id found in what was dropped.")
            if found.unrecognised:
                text += " " + translate("SubmitPane", "Not understood: {lines}.").format(
                    lines=_listed(found.unrecognised))
            self.error.emit(text)
        elif len(found.ids) == 1 and not found.unrecognised:
            self.form.audio_id.setText(found.ids[0])
            self.form.audio_id.setFocus()
        else:
            self.offer_batch(found.ids, found.unrecognised)

    def offer_batch(self, ids: list[str], unrecognised: list[str] | None = None) -> None:
        unrecognised = unrecognised or []
        if len(ids) == 1 and not unrecognised:
            self.form.audio_id.setText(ids[0])
            return
        if self._busy or not ids or self.service is None:
            return
        template = self.form.request(audio_id=ids[0])
        problems = [p for p in template.problems() if p.field != "audio_id"]
        if problems:
            self.form.show_problems(problems)
            self.error.emit(translate("SubmitPane", "Fix the form first: every job in the batch uses these settings."))
            return
        requests = [dataclasses.replace(template, audio_id=i) for i in ids]
        over = self.budget_check(len(ids))
        shown = ", ".join(ids[:6]) + (", \u2026" if len(ids) > 6 else "")
        skipped = ("\n\n" + translate("SubmitPane", "%n line(s) not understood as an id, left out: {lines}.", None,
                                        len(unrecognised)).format(lines=_listed(unrecognised)) if unrecognised else "")
        cost = translate("SubmitPane", "This costs {credits}.").format(credits=cost_text(len(ids)))
        confirm(self, translate("SubmitPane", "Submit several jobs"),
                translate("SubmitPane", "Submit %n job(s), one per audio id, with the settings in the form?", None,
                          len(ids)),
                f"{shown}{skipped}\n\n{cost}" + (f"\n\n{over}" if over else ""),
                translate("SubmitPane", "Submit %n job(s)", None, len(ids)), lambda: self._start_batch(requests),
                name="batchConfirm", default_yes=len(ids) < BIG_BATCH and not over)

    def _offer_matrix(self, matrix: Matrix) -> None:
        problems = matrix.problems()
        if not matrix.requests:
            problems = problems or [ValidationError("audio_id",
                                                    translate("SubmitPane", "Enter at least one audio id."))]
        if problems:
            self.form.show_problems(problems)
            self.error.emit(problems[0].message)
            return
        n = len(matrix.requests)
        over = self.budget_check(n)
        combos = "\n".join(f"{r.audio_id} \u00d7 {r.style or translate('SubmitPane', 'no style')}"
                           for r in matrix.requests[:6])
        more = "\n\u2026" if n > 6 else ""
        cost = translate("SubmitPane", "This costs {credits}.").format(credits=cost_text(n))
        confirm(self, translate("SubmitPane", "Submit a style matrix"),
                translate("SubmitPane", "Submit %n job(s): {label}?", None, n).format(label=matrix.label),
                f"{combos}{more}\n\n{cost}" + (f"\n\n{over}" if over else ""),
                translate("SubmitPane", "Submit %n job(s)", None, n), lambda: self._start_batch(matrix.requests),
                name="batchConfirm", default_yes=n < BIG_BATCH and not over)

    def _start_batch(self, requests: list[CoverRequest]) -> None:
        if self._busy or self.service is None:
            return
        self._set_busy(True, translate("SubmitPane", "Submitting %n job(s)\u2026", None, len(requests)))
        self.batch_label.setText(translate("SubmitPane", "Sending {sent} of {total}\u2026").format(
            sent=0, total=len(requests)))
        self.batch_cancel.setEnabled(True)
        self.batch_bar.show()
        self.tasks.spawn(self._batch(self.service, requests), "submitting a batch")

    async def _batch(self, service: JobService, requests: list[CoverRequest]) -> None:
        try:
            result: BatchResult = await service.submit_batch(requests)
        finally:
            self.batch_bar.hide()
            self._set_busy(False)
        (self.message if not result.failures and not result.not_tried else self.error).emit(result.summary())
        for request in {r.style: r for r in requests}.values():
            self._remember_style(request)

    def _batch_progress(self, sent: int, total: int) -> None:
        self.batch_label.setText(translate("SubmitPane", "Sending {sent} of {total}\u2026").format(
            sent=min(sent + 1, total), total=total))
        self.form.set_busy(True, translate("SubmitPane", "Submitting {sent} of {total}\u2026").format(
            sent=min(sent + 1, total), total=total))

    def cancel_batch(self) -> None:
        if self.service is not None and self.service.batch_running:
            self.service.cancel_batch()
            self.batch_cancel.setEnabled(False)
            self.batch_label.setText(translate("SubmitPane", "Stopping after the job being sent\u2026"))

    # -- ids from a file --------------------------------------------------------------------------------
    def import_ids(self) -> None:
        pick_file(self, translate("SubmitPane", "Import audio ids"), Path.home(),
                  translate("SubmitPane", "Text files (*.txt *.csv);;All files (*)"), self.take_file)

    def take_file(self, path: Path) -> None:
        self.take_drop(read_file(path))

    # -- presets and styles used before ----------------------------------------------------------------
    def _remember_style(self, request: CoverRequest) -> None:
        try:
            self.styles.remember(request)
        except OSError as exc:   # a full disk must not spoil a submit that worked
            self.error.emit(translate("SubmitPane", "Could not keep the style for next time: {reason}").format(
                reason=exc))
            return
        self.form.set_style_history(self.styles.items())

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.form.set_busy(busy, text)
