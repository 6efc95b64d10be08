"""The real ApiClient against the demo server's faults: what the caller sees for each one.

Each test names the fault it injects. Deadlines are set to about a second so a slow server shows
within the test; the guard around each call fails a test that hangs instead of finishing.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time

import pytest

from cover_desktop.api import (
    ApiClient,
    ApiTimeout,
    BadResponse,
    CoverRequest,
    NetworkError,
    Phase,
    RateLimited,
    RetryPolicy,
    ServerError,
)
from cover_desktop.api.retry import parse_retry_after
from cover_desktop.api.text import SHOWN_MAX
from helpers import KEY

FAST = RetryPolicy(attempts=3, base=0.01, cap=0.05)
MB = 1024 * 1024

pytestmark = pytest.mark.log_warnings(
    # the client says in the log what failed and how often it tried
    r"cover_desktop\.api\.client: (GET|POST) \S+ failed \(try \d+/\d+\): \w+"
)


def call(demo, fn, *, guard=20.0, **kwargs):
    kwargs.setdefault("policy", FAST)
    kwargs.setdefault("status_deadline", 1.0)
    kwargs.setdefault("submit_deadline", 1.0)

    async def body():
        client = ApiClient(demo.api_url, KEY, **kwargs)
        try:
            return await fn(client)
        finally:
            await client.aclose()
    return asyncio.run(asyncio.wait_for(body(), guard))


def submitted(demo) -> str:
    return call(demo, lambda c: c.submit(CoverRequest("aud1")))


# -- HTTP errors and retry -------------------------------------------------------------------------------

def test_500_on_status_is_retried_then_the_answer_arrives(demo):
    tid = submitted(demo)
    demo.inject("500", path_contains="status", count=2)
    assert call(demo, lambda c: c.status(tid)).phase is Phase.DONE
    assert len(demo.requests("api", "status")) == 3


def test_500_forever_says_the_service_had_a_problem(demo):
    demo.inject("500", count=10)
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.status("t1"))
    assert "HTTP 500" in str(info.value) and "gave up after 3 tries" in str(info.value)


def test_502_html_page_is_words_not_markup(demo):
    demo.inject("502-html", count=10)
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.status("t1"))
    assert "HTTP 502" in str(info.value) and "<" not in str(info.value)


@pytest.mark.parametrize("kind", ["503", "429"])
def test_retry_after_in_seconds_is_honoured(demo, kind):
    tid = submitted(demo)
    demo.inject(kind, path_contains="status", retry_after="0.3")
    waits = []

    async def sleep(s):
        waits.append(s)
    assert call(demo, lambda c: c.status(tid), sleep=sleep).phase is Phase.DONE
    assert waits == [0.3]


def test_retry_after_as_an_http_date_is_honoured(demo):
    tid = submitted(demo)
    demo.inject("retry-after-date", path_contains="status", seconds=3)
    notices, waits = [], []

    async def sleep(s):
        waits.append(s)
    st = call(demo, lambda c: c.status(tid), sleep=sleep, on_retry=notices.append)
    assert st.phase is Phase.DONE
    assert isinstance(notices[0].error, RateLimited)
    # the date has one-second resolution: about 3 s from when it was made
    assert 1.0 <= waits[0] <= 3.5, waits
    sent = demo.requests("api", "status")[0]
    assert sent.headers.get("authorization") == f"Bearer {KEY}"


def test_retry_after_date_parses():
    when = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 58 <= parse_retry_after(when) <= 61


def test_envelope_code_inside_http_200(demo):
    demo.inject("envelope")
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "Upstream model error" in str(info.value)


# -- broken connections --------------------------------------------------------------------------------

def test_reset_before_the_answer(demo):
    demo.inject("reset", count=10)
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.status("t1"))
    assert "cut off" in str(info.value)


def test_reset_in_the_middle_of_the_answer_on_status_is_retried(demo):
    tid = submitted(demo)
    demo.inject("reset-mid", path_contains="status")
    assert call(demo, lambda c: c.status(tid)).phase is Phase.DONE
    assert len(demo.requests("api", "status")) == 2


def test_reset_in_the_middle_of_a_submit_is_not_retried_and_may_have_been_charged(demo):
    demo.inject("reset-mid", path_contains="generate")
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert info.value.reached_server is True
    assert len(demo.requests("api", "generate")) == 1 and demo.submits == 1


def test_length_lie_is_a_cut_connection(demo):
    tid = submitted(demo)
    demo.inject("length-lie", path_contains="status", count=10)
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.status(tid))
    assert "cut off" in str(info.value)


def test_stall_before_the_answer_hits_the_deadline(demo):
    demo.inject("stall", count=10, seconds=30)
    with pytest.raises(ApiTimeout) as info:
        call(demo, lambda c: c.status("t1"), policy=RetryPolicy(attempts=2, base=0.01))
    assert "did not finish answering within 1 s" in str(info.value)


def test_slow_drip_on_status_hits_the_deadline(demo):
    # one byte every 0.2 s: each read is quick, so only an overall deadline ends it
    tid = submitted(demo)
    demo.inject("drip", path_contains="status", count=10, seconds=0.2)
    with pytest.raises(ApiTimeout) as info:
        call(demo, lambda c: c.status(tid), policy=RetryPolicy(attempts=2, base=0.01))
    assert "within 1 s" in str(info.value) and "gave up after 2 tries" in str(info.value)


def test_slow_drip_on_submit_is_unconfirmed_not_retried(demo):
    demo.inject("drip", path_contains="generate", seconds=0.2)
    with pytest.raises(ApiTimeout) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    err = info.value
    assert err.reached_server is True, "past its deadline a submit may have been acted on"
    assert len(demo.requests("api", "generate")) == 1 and demo.submits == 1
    from cover_desktop.jobs.service import definitely_not_created
    assert not definitely_not_created(err)


def test_drip_that_finishes_within_the_deadline_is_read(demo):
    tid = submitted(demo)
    demo.inject("drip", path_contains="status", seconds=0.0005)
    assert call(demo, lambda c: c.status(tid), status_deadline=20).phase is Phase.DONE


# -- bodies that are too big or not what they should be ------------------------------------------------------------

def test_huge_body_with_length_is_refused_unread(demo):
    demo.inject("huge", count=10)  # announces 2 GB
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.status("t1"), policy=RetryPolicy(attempts=1))
    assert "too large" in str(info.value) and "2048 KB" in str(info.value)
    # the socket buffers hold a few MB at most: nowhere near 2 GB was read
    assert demo.body_bytes_sent("huge") < 64 * MB


def test_huge_body_without_length_stops_at_the_cap(demo):
    demo.inject("huge-stream", count=10)
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.status("t1"), policy=RetryPolicy(attempts=2, base=0.01))
    assert "too large" in str(info.value)
    assert 2 * MB < demo.body_bytes_sent("huge-stream") < 2 * 64 * MB


def test_cap_is_configurable(demo):
    tid = submitted(demo)
    with pytest.raises(BadResponse):
        call(demo, lambda c: c.status(tid), max_body=100)
    assert call(demo, lambda c: c.status(tid), max_body=100_000).phase is Phase.DONE


def test_non_json(demo):
    demo.inject("garbage")
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.status("t1"), policy=RetryPolicy(attempts=1))
    assert "not valid JSON" in str(info.value)


def test_status_without_data(demo):
    tid = submitted(demo)
    demo.inject("no-data", path_contains="status", count=10)
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.status(tid))
    assert "no job data" in str(info.value)


def test_submit_answer_without_data_says_check_the_account(demo):
    demo.inject("no-data", path_contains="generate")
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "no task id" in str(info.value) and "Check your account" in str(info.value)
    assert demo.submits == 1 and len(demo.requests("api", "generate")) == 1


def test_data_without_clips(demo):
    tid = submitted(demo)
    demo.inject("no-clips", path_contains="status")
    st = call(demo, lambda c: c.status(tid))
    assert st.phase is Phase.DONE and st.clips == []


def test_null_and_empty_urls(demo):
    tid = submitted(demo)
    demo.inject("null-urls", path_contains="status")
    st = call(demo, lambda c: c.status(tid))
    assert len(st.clips) == 2 and all(c.audio_url == "" and c.image_url == "" for c in st.clips)


def test_unknown_status_is_running_and_keeps_the_raw_value(demo):
    tid = submitted(demo)
    demo.inject("unknown-status", path_contains="status")
    st = call(demo, lambda c: c.status(tid))
    assert st.phase is Phase.RUNNING and st.raw_status == "weird_state"


def test_a_megabyte_error_is_cut_and_cannot_forge_log_lines(demo, caplog):
    from cover_desktop.logsetup import RedactFilter
    tid = submitted(demo)
    demo.inject("long-error", path_contains="status", size=1_000_000)
    st = call(demo, lambda c: c.status(tid))
    assert st.phase is Phase.FAILED
    assert len(st.error) <= SHOWN_MAX and "\n" not in st.error and st.error.startswith("Model failure")
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "job failed: %s", ("a\n2026 ERROR forged",), None)
    RedactFilter().filter(record)
    assert "\n" not in record.getMessage() and "a\\n2026 ERROR forged" in record.getMessage()
