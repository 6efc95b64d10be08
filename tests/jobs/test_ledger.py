"""The credits ledger: which jobs may have cost something, by day and month, and the budget question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.ledger import (
    CreditRange,
    credit_text,
    spend,
    spent_text,
    would_exceed,
)
from cover_desktop.jobs.model import Job, JobState

TZ = timezone(timedelta(hours=2))
NOW = datetime(2026, 3, 14, 15, 0, tzinfo=TZ).timestamp()


def job(state: JobState, task_id: str = "upl1", at: datetime | None = None) -> Job:
    when = (at or datetime(2026, 3, 14, 9, 0, tzinfo=TZ)).timestamp()
    return Job(request=CoverRequest("aud1"), state=state, task_id=task_id, created_at=when)


def test_done_running_timed_out_and_failed_after_acceptance_count_5_to_12_each():
    jobs = [job(JobState.DONE), job(JobState.RUNNING), job(JobState.TIMED_OUT), job(JobState.FAILED)]
    ledger = spend(jobs, NOW, TZ)
    assert ledger.today == ledger.month == CreditRange(20, 48)
    assert ledger.jobs_today == 4 and not ledger.today_maybe
    assert ledger.today_text() == "20\u201348 credits"


def test_jobs_refused_before_a_charge_and_submits_in_flight_cost_nothing():
    jobs = [job(JobState.FAILED, task_id=""), job(JobState.SUBMITTING, task_id="")]
    ledger = spend(jobs, NOW, TZ)
    assert ledger.today == ledger.month == CreditRange(0, 0) and not ledger.month_maybe
    assert ledger.month_text() == "no credits"


def test_unconfirmed_submits_are_kept_apart_as_maybe():
    jobs = [job(JobState.DONE), job(JobState.UNCERTAIN, task_id=""), job(JobState.UNCERTAIN, task_id="")]
    ledger = spend(jobs, NOW, TZ)
    assert ledger.today == CreditRange(5, 12)
    assert ledger.today_maybe == CreditRange(0, 24) and ledger.unconfirmed_today == 2
    assert ledger.today_text() == "5\u201312 credits + up to 24 unconfirmed"
    only_maybe = spend([job(JobState.UNCERTAIN, task_id="")], NOW, TZ)
    assert only_maybe.today_text() == "up to 12 credits unconfirmed"


def test_day_and_month_follow_the_time_zone_and_the_month_boundary():
    first = datetime(2026, 3, 1, 0, 30, tzinfo=TZ).timestamp()
    jobs = [job(JobState.DONE, at=datetime(2026, 2, 28, 23, 50, tzinfo=TZ)),   # last month
            job(JobState.DONE, at=datetime(2026, 3, 1, 0, 10, tzinfo=TZ)),     # today, this month
            job(JobState.UNCERTAIN, "", at=datetime(2026, 2, 27, 12, 0, tzinfo=TZ))]
    ledger = spend(jobs, first, TZ)
    assert ledger.jobs_today == ledger.jobs_month == 1 and not ledger.month_maybe
    # the same instants seen from UTC: 1 March 00:30 +02:00 is still 28 February there
    utc = spend(jobs, first, UTC)
    assert utc.jobs_month == 2 and utc.jobs_today == 2 and utc.month_maybe == CreditRange(0, 12)


def test_a_retried_job_stays_in_the_month_it_was_sent():
    j = job(JobState.RUNNING, at=datetime(2026, 2, 20, 12, 0, tzinfo=TZ))
    j.submitted_at = NOW   # "Retry polling" moves submitted_at; the charge did not move
    assert spend([j], NOW, TZ).jobs_month == 0


def test_budget_question_counts_the_worst_case():
    ledger = spend([job(JobState.DONE)] * 3 + [job(JobState.UNCERTAIN, task_id="")], NOW, TZ)
    # worst case so far: 3 x 12 + 12 unconfirmed = 48
    assert not would_exceed(ledger, 60, 1)        # 48 + 12 = 60: reaches the budget, does not pass it
    assert would_exceed(ledger, 60, 2)            # 72
    assert would_exceed(ledger, 40, 0)            # already past in the worst case
    assert not would_exceed(ledger, None, 100) and not would_exceed(ledger, 0, 100)


def test_credit_text_is_written_one_way():
    assert credit_text(1) == "5\u201312 credits"
    assert credit_text(3) == "3 \u00d7 5\u201312 = 15\u201336 credits"
    assert credit_text(0) == "no credits"
    assert CreditRange(12, 12).text() == "12 credits"
    assert spent_text(CreditRange(5, 12), CreditRange()) == "5\u201312 credits"
