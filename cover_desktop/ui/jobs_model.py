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
    QStringListModel,
    Qt,
    QTimer,
    Signal,
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


class JobsModel(QStringListModel):
    """A QStringListModel for its row count alone, as the clip list (clips_model.py): QListView asks for an
    index of every row on each layout (a reset, any dataChanged), each asking ``rowCount()``, which in Python
    made 100,000 calls into it per layout at 50,000 jobs. The strings stay empty; every role comes from
    ``data()``. Rows come and go through QStringListModel's own insertRows/removeRows, and the jobs follow
    in the first slot of its signals, before any view reads them. A running job's clock is repainted
    (``clockMoved``), not announced: its words for a screen reader do not change with it."""

    clockMoved = Signal(list)   # rows whose running clock moved on: repaint them, nothing else changed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._rows: dict[int, int] | None = {}   # job id -> row, built on first use after rows moved
        self._running: set[int] = set()          # ids of the jobs whose clock runs
        self._coming: Job | None = None          # the job insertRows is adding
        # connected before any view: the jobs change between the model's "about to" and "done" signals
        self.rowsInserted.connect(self._inserted)
        self.rowsRemoved.connect(self._removed)
        # one timer for every running row's clock, not one per job
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_running)

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
    def flags(self, index: Index) -> Qt.ItemFlag:
        return QAbstractListModel.flags(self, index)   # not QStringListModel's: rows are neither edited nor dropped on

    def set_jobs(self, jobs: list[Job]) -> None:
        self.beginResetModel()
        self._jobs = sorted(jobs, key=lambda j: (j.created_at, j.id), reverse=True)
        self._rows = None
        self._running = {j.id for j in self._jobs if j.state.active}
        # the count QListView reads in C++, changed without announcing rows: the reset announces them all
        blocked = self.blockSignals(True)
        try:
            count = super().rowCount()
            if len(self._jobs) < count:
                self.removeRows(len(self._jobs), count - len(self._jobs))
            elif len(self._jobs) > count:
                self.insertRows(count, len(self._jobs) - count)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
        self._update_timer()

    def add(self, job: Job) -> None:
        if job.id in self._index():
            return self.changed(job)
        self._coming = job
        try:
            self.insertRows(0, 1)
        finally:
            self._coming = None
        self._update_timer()

    def changed(self, job: Job) -> None:
        row = self._index().get(job.id)
        if row is None:
            return
        self._jobs[row] = job
        if job.state.active:
            self._running.add(job.id)
        else:
            self._running.discard(job.id)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)
        self._update_timer()

    def remove(self, job_id: int) -> None:
        row = self._index().get(job_id)
        if row is None:
            return
        self.removeRows(row, 1)
        self._update_timer()

    def _inserted(self, parent: Index, first: int, last: int) -> None:
        if self.signalsBlocked() or self._coming is None:
            return
        self._jobs.insert(first, self._coming)
        if self._coming.state.active:
            self._running.add(self._coming.id)
        self._rows = None

    def _removed(self, parent: Index, first: int, last: int) -> None:
        if self.signalsBlocked():
            return
        for job in self._jobs[first:last + 1]:
            self._running.discard(job.id)
        del self._jobs[first:last + 1]
        self._rows = None

    def row_of(self, job_id: int) -> int:
        return self._index().get(job_id, -1)

    def job_at(self, row: int) -> Job | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def _index(self) -> dict[int, int]:
        if self._rows is None:
            self._rows = {j.id: i for i, j in enumerate(self._jobs)}
        return self._rows

    def _update_timer(self) -> None:
        if self._running and not self._tick.isActive():
            self._tick.start()
        elif not self._running:
            self._tick.stop()

    def _refresh_running(self) -> None:
        index = self._index()
        self.clockMoved.emit(sorted(index[i] for i in self._running if i in index))
        self._update_timer()
