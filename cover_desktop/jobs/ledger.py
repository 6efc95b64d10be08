"""What the jobs may have cost: an honest estimate, because the API never reports spend.

Every job the service may have charged counts the documented 5–12 credits. A submit whose reply was lost
may or may not have been charged; it is kept apart ("maybe") so the user sees both the known and the
possible. This module is also the one place that writes a credit range as words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ..api.models import CREDITS_MAX, CREDITS_MIN
from .model import Job, JobState

DASH = "\u2013"
TIMES = "\u00d7"


@dataclass(frozen=True)
class CreditRange:
    lo: int = 0
    hi: int = 0

    @classmethod
    def jobs(cls, n: int) -> CreditRange:
        return cls(n * CREDITS_MIN, n * CREDITS_MAX)

    def __add__(self, other: CreditRange) -> CreditRange:
        return CreditRange(self.lo + other.lo, self.hi + other.hi)

    def __bool__(self) -> bool:
        return self.hi > 0

    def text(self) -> str:
        """``"5–12 credits"``, ``"12 credits"``, ``"no credits"``."""
        if self.hi == 0:
            return "no credits"
        amount = str(self.hi) if self.lo == self.hi else f"{self.lo}{DASH}{self.hi}"
        return f"{amount} credit{'' if amount == '1' else 's'}"


@dataclass(frozen=True)
class Ledger:
    today: CreditRange
    month: CreditRange
    today_maybe: CreditRange   # unconfirmed submits: from nothing up to this
    month_maybe: CreditRange
    jobs_today: int = 0
    jobs_month: int = 0
    unconfirmed_today: int = 0
    unconfirmed_month: int = 0

    def today_text(self) -> str:
        return spent_text(self.today, self.today_maybe)

    def month_text(self) -> str:
        return spent_text(self.month, self.month_maybe)


def may_have_charged(job: Job) -> bool:
    """Accepted by the service, so charged as far as anyone can tell."""
    if job.state in (JobState.DONE, JobState.RUNNING, JobState.TIMED_OUT):
        return True
    # a task id means the service accepted the job; without one, a failed job was refused before any
    # charge and a submit still in flight has not been accepted yet
    return bool(job.task_id)


def unconfirmed(job: Job) -> bool:
    """The submit's reply was lost: the service may have made (and charged) the job, or not."""
    return job.state is JobState.UNCERTAIN and not job.task_id


def spend(jobs: Iterable[Job], now: float, tz: tzinfo | None = None) -> Ledger:
    """Spend today and this calendar month in ``tz`` (None: the local zone), as of ``now`` (epoch s).

    A job counts at ``created_at``, the moment its request was sent: ``submitted_at`` moves when
    polling is retried, a charge does not.
    """
    here = datetime.fromtimestamp(now, tz)
    day, month = here.date(), (here.year, here.month)
    counts = {"today": 0, "month": 0, "maybe_today": 0, "maybe_month": 0}
    for job in jobs:
        if may_have_charged(job):
            kind = ""
        elif unconfirmed(job):
            kind = "maybe_"
        else:
            continue
        when = datetime.fromtimestamp(job.created_at, tz)
        if (when.year, when.month) == month:
            counts[kind + "month"] += 1
            if when.date() == day:
                counts[kind + "today"] += 1
    return Ledger(today=CreditRange.jobs(counts["today"]), month=CreditRange.jobs(counts["month"]),
                  today_maybe=CreditRange(0, counts["maybe_today"] * CREDITS_MAX),
                  month_maybe=CreditRange(0, counts["maybe_month"] * CREDITS_MAX),
                  jobs_today=counts["today"], jobs_month=counts["month"],
                  unconfirmed_today=counts["maybe_today"], unconfirmed_month=counts["maybe_month"])


def would_exceed(ledger: Ledger, budget: int | None, n_new: int) -> bool:
    """Could ``n_new`` more jobs take this month past ``budget``? Counts the worst case: every unconfirmed
    submit charged, every job at the top price. No budget (None or 0) is never exceeded."""
    if not budget or budget <= 0:
        return False
    worst = ledger.month.hi + ledger.month_maybe.hi + n_new * CREDITS_MAX
    return worst > budget


def credit_text(n: int) -> str:
    """What ``n`` submits cost: ``"5–12 credits"`` for one, ``"3 × 5–12 = 15–36 credits"`` for more."""
    if n <= 0:
        return "no credits"
    one = f"{CREDITS_MIN}{DASH}{CREDITS_MAX}"
    if n == 1:
        return f"{one} credits"
    return f"{n} {TIMES} {one} = {CreditRange.jobs(n).text()}"


def spent_text(known: CreditRange, maybe: CreditRange) -> str:
    """``"10–24 credits"``, ``"10–24 credits + up to 12 unconfirmed"``, ``"up to 12 credits unconfirmed"``."""
    if not maybe:
        return known.text()
    if not known:
        return f"up to {maybe.hi} credits unconfirmed"
    return f"{known.text()} + up to {maybe.hi} unconfirmed"
