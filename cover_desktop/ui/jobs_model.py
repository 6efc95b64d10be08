"""One row per job, newest first. The view draws it with JobDelegate; DisplayRole is a full summary."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from ..api.models import CREDITS_MAX, CREDITS_MIN
from ..i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from ..jobs.ledger import CreditRange
from ..jobs.model import Job
from .messages import describe

Index = QModelIndex | QPersistentModelIndex   # what Qt hands to the overrides
JobRole = Qt.ItemDataRole.UserRole + 1
ElapsedRole = Qt.ItemDataRole.UserRole + 2
WhenRole = Qt.ItemDataRole.UserRole + 3

# jobs.model names a job's status in English (it knows no Qt): these are its words, for the catalogues
STATE_WORDS = (
    QT_TRANSLATE_NOOP("JobState", "Submitting\u2026"), QT_TRANSLATE_NOOP("JobState", "Running"),
    QT_TRANSLATE_NOOP("JobState", "Complete"), QT_TRANSLATE_NOOP("JobState", "Failed"),
    QT_TRANSLATE_NOOP("JobState", "Timed out \u2014 retry?"), QT_TRANSLATE_NOOP("JobState", "Submit unconfirmed"),
    QT_TRANSLATE_NOOP("JobState", "Queued"), QT_TRANSLATE_NOOP("JobState", "Processing"),
    QT_TRANSLATE_NOOP("JobState", "Streaming first results"),
)


def state_text(job: Job) -> str:
    """The job's status in words, in the user's language."""
    return translate_marked("JobState", job.label)


def clips_text(n: int) -> str:
    return translate("JobsModel", "%n clip(s)", None, n)


def range_text(credits: CreditRange) -> str:
    """jobs.ledger's CreditRange.text in the user's language: "5–12 credits", "12 credits", "no credits"."""
    if not credits:
        return translate("JobsModel", "no credits")
    if credits.lo == credits.hi:
        return translate("JobsModel", "%n credit(s)", None, credits.hi)
    return translate("JobsModel", "{low}\u2013{high} credits").format(low=credits.lo, high=credits.hi)


def spent_text(known: CreditRange, maybe: CreditRange) -> str:
    """jobs.ledger's spent_text in the user's language: "10–24 credits + up to 12 unconfirmed"."""
    if not maybe:
        return range_text(known)
    if not known:
        return translate("JobsModel", "up to %n credit(s) unconfirmed", None, maybe.hi)
    return translate("JobsModel", "{spent} + up to {most} unconfirmed").format(spent=range_text(known), most=maybe.hi)


def cost_text(n: int) -> str:
    """What ``n`` submits cost, as jobs.ledger.credit_text says it, in the user's language."""
    if n <= 0:
        return translate("JobsModel", "no credits")
    if n == 1:
        return range_text(CreditRange.jobs(1))
    return translate("JobsModel", "{jobs} \u00d7 {low}\u2013{high} = {total_low}\u2013{total_high} credits").format(
        jobs=n, low=CREDITS_MIN, high=CREDITS_MAX, total_low=n * CREDITS_MIN, total_high=n * CREDITS_MAX)


def fmt_when(stamp: float, now: float | None = None) -> str:
    """When a job was made, as short as is clear: the time today, the day this week, else the date."""
    now = now or time.time()
    when = QDateTime.fromSecsSinceEpoch(int(stamp))
    locale = QLocale()
    clock = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    today = QDateTime.fromSecsSinceEpoch(int(now)).date()
    days = when.date().daysTo(today)
    if days == 0:
        return clock
    if 0 < days < 7:
        day = locale.dayName(when.date().dayOfWeek(), QLocale.FormatType.ShortFormat)
    else:
        day = locale.toString(when.date(), QLocale.FormatType.ShortFormat)
    return translate("JobsModel", "{day} {time}").format(day=day, time=clock)


def fmt_elapsed(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def elapsed_text(job: Job, now: float | None = None) -> str:
    """How long the job ran, said as a duration: beside the time it was made, "1:05" alone read as a clock."""
    took = fmt_elapsed(job.elapsed(now))
    return (translate("JobsModel", "for {time}") if job.state.active
            else translate("JobsModel", "took {time}")).format(time=took)


def job_summary(job: Job, now: float | None = None) -> str:
    what = " \u00b7 ".join(x for x in (job.request.title, job.request.style) if x) or (
        translate("JobsModel", "custom") if job.request.custom_mode else translate("JobsModel", "plain cover"))
    raw = f" ({job.raw_status})" if job.raw_status else ""
    parts = [job.request.audio_id, what, state_text(job) + raw, elapsed_text(job, now),
             clips_text(len(job.clips)), fmt_when(job.created_at, now)]
    return " \u2014 ".join(parts + ([describe(job.error)] if job.error else []))


def job_spoken(job: Job, now: float | None = None) -> str:
    """What a screen reader says for a row: the status once, in words (the raw value is for the eye and the
    automation contract), and no running clock, which would change the row's name every second."""
    what = " \u00b7 ".join(x for x in (job.request.title, job.request.style) if x) or (
        translate("JobsModel", "custom") if job.request.custom_mode else translate("JobsModel", "plain cover"))
    parts = [job.request.audio_id, what, state_text(job)]
    if job.clips:
        parts.append(clips_text(len(job.clips)))
    parts.append(translate("JobsModel", "made {when}").format(when=fmt_when(job.created_at, now)))
    return ", ".join(parts + ([describe(job.error)] if job.error else []))


class JobsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._rows: dict[int, int] = {}
        # one timer for every running row's clock, not one per job
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_running)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._jobs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return job_summary(job)
        if role == JobRole:
            return job
        if role == ElapsedRole:
            return elapsed_text(job)
        if role == WhenRole:
            return fmt_when(job.created_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [translate("JobsModel", "Task id: {task_id}").format(
                         task_id=job.task_id or translate("JobsModel", "(not yet)")),
                     translate("JobsModel", "Status: {status}").format(status=job.raw_status or state_text(job))]
            if job.history:
                lines.append(translate("JobsModel", "History: {steps}").format(
                    steps=" \u2192 ".join(raw for _, raw in job.history[-8:])))
            if job.error:
                lines.append(describe(job.error))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return job_spoken(job)
        return None

    # -- changes -----------------------------------------------------------------------------------------
    def set_jobs(self, jobs: list[Job]) -> None:
        self.beginResetModel()
        self._jobs = sorted(jobs, key=lambda j: (j.created_at, j.id), reverse=True)
        self._reindex()
        self.endResetModel()
        self._update_timer()

    def add(self, job: Job) -> None:
        if job.id in self._rows:
            return self.changed(job)
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._jobs.insert(0, job)
        self._reindex()
        self.endInsertRows()
        self._update_timer()

    def changed(self, job: Job) -> None:
        row = self._rows.get(job.id)
        if row is None:
            return
        self._jobs[row] = job
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)
        self._update_timer()

    def remove(self, job_id: int) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        self._reindex()
        self.endRemoveRows()

    def row_of(self, job_id: int) -> int:
        return self._rows.get(job_id, -1)

    def job_at(self, row: int) -> Job | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def _reindex(self) -> None:
        self._rows = {j.id: i for i, j in enumerate(self._jobs)}

    def _update_timer(self) -> None:
        running = any(j.state.active for j in self._jobs)
        if running and not self._tick.isActive():
            self._tick.start()
        elif not running:
            self._tick.stop()

    def _refresh_running(self) -> None:
        for i, j in enumerate(self._jobs):
            if j.state.active:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole, ElapsedRole])
        self._update_timer()

