"""The form and everything that sends: one submit, a resubmit, a batch of ids (with its confirmation,
progress and cancel), and importing ids from a file. The rules live in ``jobs/``: the service validates and
sends, ``jobs.preflight`` says what to ask first (the same request again, a budget it could pass); this pane
words the questions and asks them, for every way of sending."""

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
from ..jobs.preflight import OverBudget, Preflight, Repeats, preflight
from ..jobs.service import BatchResult, JobService
from ..presets import StyleHistory
from ..tasks import TaskSet
from .bindings import Bindings
from .dialogs import confirm, pick_file
from .drops import Dropped, parse_dropped, read_file
from .form import CoverForm
from .jobs_model import cost_text, spent_text
from .messages import describe
from .presets_button import PresetsButton

BIG_BATCH = 5   # from this many jobs on, Enter in the confirmation answers Cancel


def _ago(seconds: float) -> str:
    minutes = int(seconds // 60)
    return (translate("SubmitPane", "less than a minute") if minutes < 1
            else translate("SubmitPane", "%n minute(s)", None, minutes))


def budget_text(over: OverBudget) -> str:
    spent = spent_text(over.ledger.month, over.ledger.month_maybe)
    budget = translate("SubmitPane", "%n credit(s)", None, over.budget)
    if over.certain:
        return translate("SubmitPane", "This month so far: {spent}. {cost} more will take you past your monthly "
                                       "budget of {budget} (Settings).").format(
            spent=spent, cost=cost_text(over.jobs), budget=budget)
    return translate("SubmitPane", "This month so far: {spent}. {cost} more could take you past your monthly "
                                   "budget of {budget} (Settings).").format(
        spent=spent, cost=cost_text(over.jobs), budget=budget)


def repeats_text(repeats: Repeats, total: int) -> str:
    if total == 1:
        return translate("SubmitPane", "You sent exactly this request {ago} ago.").format(ago=_ago(repeats.newest_age))
    return translate("SubmitPane", "%n of these were sent exactly like this in the last ten minutes (the latest "
                                   "{ago} ago): they would be made and charged again.", None, repeats.count).format(
        ago=_ago(repeats.newest_age))


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
        self._bindings = Bindings()
        self.tasks = TaskSet(self.error.emit, "submitting", saves=True)
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
        # read when something is about to be sent (the shell points them at the config)
        self.budget: Callable[[], int] = lambda: 0
        self.costs_nothing: Callable[[], bool] = lambda: False

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

    def unbind(self) -> None:
        self._bindings.clear()

    def bind(self, service: JobService) -> None:
        self._bindings.clear()
        self.service = service
        self._bindings.connect(service.batchProgress, self._batch_progress)
        self.form.set_free(self.costs_nothing())

    @property
    def busy(self) -> bool:
        return self._busy

    # -- one job ----------------------------------------------------------------------------------------
    def _ready(self) -> bool:
        """Whether there is a service to send to; the window shows before the history is read, and a submit
        made then is refused in words (the form keeps what was typed), never lost in silence."""
        if self.service is None:
            self.message.emit(translate("SubmitPane", "Still reading the job history: submit again in a moment."))
        return self.service is not None

    def submit(self) -> None:
        if self._busy or not self._ready():
            return  # a second click or Ctrl+Return while one is in flight: never a second charge
        matrix = self.form.matrix_plan()
        if matrix is not None:
            self._offer_matrix(matrix)
            return
        request = self.form.request()
        problems = request.problems()
        self.form.show_problems(problems)
        if problems:
            self.error.emit(describe(problems[0]))
            return
        self.send_one(request)

    def _preflight(self, requests: list[CoverRequest]) -> Preflight:
        jobs = self.service.jobs.values() if self.service is not None else []
        return preflight(jobs, requests, time.time(), budget=int(self.budget()), demo=self.costs_nothing())

    def resubmit(self, request: CoverRequest) -> None:
        if not self._ready():
            return
        self.send_one(request, resubmit=True)

    def send_one(self, request: CoverRequest, resubmit: bool = False) -> None:
        """One job (a submit or a resubmit): each question preflight raises is asked in turn, then it is sent.
        A resubmit is always asked about (it costs again); a recent twin is said in that same question."""
        check = self._preflight([request])
        questions: list[Callable[[Callable[[], None]], object]] = []
        if check.over_budget is not None:
            over = budget_text(check.over_budget)
            questions.append(lambda then: confirm(
                self, translate("SubmitPane", "Over your monthly budget?"), over,
                translate("SubmitPane", "This job costs {credits}.").format(credits=cost_text(1)),
                translate("SubmitPane", "Submit anyway"), then, name="budgetConfirm", default_yes=False))
        if resubmit:
            recent = f"\n\n{repeats_text(check.repeats, 1)}" if check.repeats is not None else ""
            questions.append(lambda then: confirm(
                self, translate("SubmitPane", "Resubmit job"),
                translate("SubmitPane", "Submit {audio_id} again with the same settings?").format(
                    audio_id=request.audio_id),
                (translate("SubmitPane", "This makes a new job; the demo server charges nothing.")
                 if self.costs_nothing() else
                 translate("SubmitPane", "This makes a new job and costs {credits}.").format(credits=cost_text(1)))
                + recent, translate("SubmitPane", "Resubmit"), then, name="resubmitConfirm",
                default_yes=check.repeats is None))
        elif check.repeats is not None:
            again = repeats_text(check.repeats, 1) + " " + translate("SubmitPane", "Submit it again?")
            questions.append(lambda then: confirm(
                self, translate("SubmitPane", "Submit the same again?"), again,
                translate("SubmitPane", "It makes a new job; the demo server charges nothing.")
                if self.costs_nothing() else
                translate("SubmitPane", "It makes a new job and costs {credits} again.").format(credits=cost_text(1)),
                translate("SubmitPane", "Submit again"), then, name="repeatConfirm", default_yes=False))
        self._ask_in_turn(questions, lambda: self.submit_request(request))

    def _ask_in_turn(self, questions: list[Callable[[Callable[[], None]], object]], then: Callable[[], None]) -> None:
        if not questions:
            then()
            return
        first, rest = questions[0], questions[1:]
        first(lambda: self._ask_in_turn(rest, then))

    def _batch_warnings(self, requests: list[CoverRequest]) -> tuple[str, bool]:
        """The preflight's words for a batch's one question, and whether Enter should answer Cancel."""
        check = self._preflight(requests)
        lines = []
        if check.repeats is not None:
            lines.append(repeats_text(check.repeats, len(requests)))
        if check.over_budget is not None:
            lines.append(budget_text(check.over_budget))
        return "".join(f"\n\n{line}" for line in lines), not check.clear

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
            self.error.emit(describe(err))
        except ApiError as err:
            self.form.show_error(describe(err))
            self.error.emit(describe(err))
            if isinstance(err, AuthError):
                self.keyRefused.emit(describe(err))
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
        if self._busy or not ids or not self._ready():
            return
        template = self.form.request(audio_id=ids[0])
        problems = [p for p in template.problems() if p.field != "audio_id"]
        if problems:
            self.form.show_problems(problems)
            self.error.emit(translate("SubmitPane", "Fix the form first: every job in the batch uses these settings."))
            return
        requests = [dataclasses.replace(template, audio_id=i) for i in ids]
        warnings, careful = self._batch_warnings(requests)
        shown = ", ".join(ids[:6]) + (", \u2026" if len(ids) > 6 else "")
        skipped = ("\n\n" + translate("SubmitPane", "%n line(s) not understood as an id, left out: {lines}.", None,
                                        len(unrecognised)).format(lines=_listed(unrecognised)) if unrecognised else "")
        cost = self._price(len(ids))
        confirm(self, translate("SubmitPane", "Submit several jobs"),
                translate("SubmitPane", "Submit %n job(s), one per audio id, with the settings in the form?", None,
                          len(ids)),
                f"{shown}{skipped}\n\n{cost}{warnings}",
                translate("SubmitPane", "Submit %n job(s)", None, len(ids)), lambda: self._start_batch(requests),
                name="batchConfirm", default_yes=len(ids) < BIG_BATCH and not careful)

    def _offer_matrix(self, matrix: Matrix) -> None:
        problems = matrix.problems()
        if not matrix.requests:
            problems = problems or [ValidationError("audio_id",
                                                    translate("SubmitPane", "Enter at least one audio id."))]
        if problems:
            self.form.show_problems(problems)
            self.error.emit(describe(problems[0]))
            return
        n = len(matrix.requests)
        warnings, careful = self._batch_warnings(matrix.requests)
        combos = "\n".join(f"{r.audio_id} \u00d7 {r.style or translate('SubmitPane', 'no style')}"
                           for r in matrix.requests[:6])
        more = "\n\u2026" if n > 6 else ""
        cost = self._price(n)
        confirm(self, translate("SubmitPane", "Submit a style matrix"),
                translate("SubmitPane", "Submit %n job(s): {label}?", None, n).format(label=matrix.label),
                f"{combos}{more}\n\n{cost}{warnings}",
                translate("SubmitPane", "Submit %n job(s)", None, n), lambda: self._start_batch(matrix.requests),
                name="batchConfirm", default_yes=n < BIG_BATCH and not careful)

    def _price(self, n: int) -> str:
        if self.costs_nothing():
            return translate("SubmitPane", "The demo server charges nothing.")
        return translate("SubmitPane", "This costs {credits}.").format(credits=cost_text(n))

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
        ok = not result.failures and not result.not_tried
        (self.message if ok else self.error).emit(result.summary(describe))
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
