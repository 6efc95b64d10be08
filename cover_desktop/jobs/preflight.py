"""What to ask before jobs are sent, for every way of sending them (one submit, a resubmit, a pasted or
dropped list, a style matrix): the same request sent again lately, and a month's budget it could pass.

The rules live here and answer with data; ``ui/`` only words them. A "Submit anyway" to one question is not
an answer to the other: the window asks each question this returns, in turn, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..api.errors import ApiError
from ..api.models import CREDITS_MIN, CoverRequest
from .ledger import Ledger, spend, would_exceed
from .model import Job

RECENT = 10 * 60   # seconds: the same request sent again within this asks first (it costs again)


@dataclass(frozen=True)
class Repeats:
    """Requests of this send that match one sent within RECENT."""
    count: int          # how many of the requests
    newest_age: float   # seconds since the most recent identical one was sent


@dataclass(frozen=True)
class OverBudget:
    ledger: Ledger
    budget: int
    jobs: int
    certain: bool   # even the lowest estimate passes the budget ("will", not "could")


@dataclass(frozen=True)
class Preflight:
    total: int
    repeats: Repeats | None = None
    over_budget: OverBudget | None = None

    @property
    def clear(self) -> bool:
        return self.repeats is None and self.over_budget is None


def _as_sent(request: CoverRequest) -> CoverRequest:
    """What the service receives: the style matrix a job belongs to is kept here only, and every new
    matrix gets a new one, so it does not make a request different."""
    return replace(request, group="")


def recent_repeats(jobs: Iterable[Job], requests: Sequence[CoverRequest], now: float) -> Repeats | None:
    sent: dict[CoverRequest, float] = {}
    for job in jobs:
        age = now - job.created_at
        if 0 <= age < RECENT:
            key = _as_sent(job.request)
            sent[key] = min(age, sent.get(key, age))
    ages = []
    for request in requests:
        try:
            wanted = _as_sent(request.validated())
        except ApiError:
            continue
        if wanted in sent:
            ages.append(sent[wanted])
    return Repeats(len(ages), min(ages)) if ages else None


def over_budget(jobs: Iterable[Job], n_new: int, budget: int, now: float) -> OverBudget | None:
    if budget <= 0 or n_new <= 0:
        return None
    ledger = spend(jobs, now)
    if not would_exceed(ledger, budget, n_new):
        return None
    lowest = ledger.month.lo + n_new * CREDITS_MIN
    return OverBudget(ledger, budget, n_new, certain=lowest > budget)


def preflight(jobs: Iterable[Job], requests: Sequence[CoverRequest], now: float, *, budget: int = 0,
              demo: bool = False) -> Preflight:
    """The questions before ``requests`` are sent. The demo costs nothing: no budget question there."""
    jobs = list(jobs)
    return Preflight(len(requests), recent_repeats(jobs, requests, now),
                     None if demo else over_budget(jobs, len(requests), budget, now))
