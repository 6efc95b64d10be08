"""The API client against the demo server over real loopback HTTP: every error class, retries, validation."""

from __future__ import annotations

import asyncio
import logging
import socket

import httpx
import pytest

from cover_desktop.api import (
    ApiClient,
    ApiTimeout,
    AuthError,
    BadResponse,
    CoverRequest,
    InsufficientCredits,
    InvalidRequest,
    NetworkError,
    NotFound,
    Phase,
    RateLimited,
    RetryPolicy,
    ServerError,
    TlsError,
    ValidationError,
)
from helpers import KEY

# a fault test expects the failure to be logged
pytestmark = pytest.mark.log_warnings(r"cover_desktop\.api\.client: (GET|POST) \S+ failed \(try \d+/\d+\)")

FAST = RetryPolicy(attempts=4, base=0.01, cap=0.05)


def call(demo, fn, *, key=KEY, policy=FAST, timeout=None, base_url=None, on_retry=None, sleep=None):
    async def body():
        kwargs = {"policy": policy, "on_retry": on_retry}
        if timeout:
            kwargs["timeout"] = timeout
        if sleep:
            kwargs["sleep"] = sleep
        client = ApiClient(base_url or demo.api_url, key, **kwargs)
        try:
            return await fn(client)
        finally:
            await client.aclose()
    return asyncio.run(body())


def test_submit_then_status_complete_with_clips(demo):
    async def flow(c):
        tid = await c.submit(CoverRequest("aud123456789", custom_mode=True, prompt="new words", style="pop"))
        return tid, await c.status(tid)
    tid, st = call(demo, flow)
    assert tid.startswith("upl")
    assert st.task_id == tid and st.raw_status == "complete" and st.phase is Phase.DONE
    assert [c.id for c in st.clips] == [f"{tid}-1", f"{tid}-2"]
    assert all(c.audio_url.startswith(demo.media_url) and c.image_url for c in st.clips)
    assert st.clips[0].duration == 3.0 and st.clips[0].tags == "pop"
    post = demo.requests("api", "generate")[0]
    assert post.headers["authorization"] == f"Bearer {KEY}"
    assert post.json() == {"audio_id": "aud123456789", "custom_mode": True, "prompt": "new words", "style": "pop"}


def test_running_status_keeps_raw_value(demo):
    demo.duration = 60

    async def flow(c):
        return await c.status(await c.submit(CoverRequest("aud1")))
    st = call(demo, flow)
    assert st.raw_status == "queued" and st.phase is Phase.RUNNING and st.clips == []


def test_the_validated_request_is_sent_trimmed(demo):
    call(demo, lambda c: c.submit(CoverRequest("  aud777  ").validated()))
    assert demo.requests("api", "generate")[0].json()["audio_id"] == "aud777"


@pytest.mark.parametrize("request_, field", [
    (CoverRequest("   "), "audio_id"),
    (CoverRequest("aud1", custom_mode=True, prompt="  "), "prompt"),
    (CoverRequest("aud1", title="t" * 101), "title"),
    (CoverRequest("aud1", style="s" * 1001), "style"),
    (CoverRequest("aud1", custom_mode=True, prompt="p" * 5001), "prompt"),
    (CoverRequest("aud1", callback_url="ftp://example.org/hook"), "callback_url"),
    (CoverRequest("aud 1"), "audio_id"),
])
def test_validation_names_the_field(request_, field):
    assert request_.problems()[0].field == field
    with pytest.raises(ValidationError) as info:
        request_.validated()
    assert info.value.field == field


def test_validation_accepts_limits_exactly():
    req = CoverRequest("aud1", custom_mode=True, prompt="p" * 5000, style="s" * 1000, title="t" * 100,
                       callback_url="https://example.org/hook")
    assert req.problems() == []


def test_400_names_the_length_rule(demo):
    with pytest.raises(InvalidRequest) as info:
        call(demo, lambda c: c.submit(CoverRequest("short-clip")))
    assert "6 and 60 seconds" in str(info.value) and "6-60s" in str(info.value)
    assert len(demo.requests("api")) == 1


def test_401_says_fix_the_key_and_never_shows_it(demo):
    bad = "aio"  # not aio_-style: the demo refuses it as the service would
    with pytest.raises(AuthError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")), key=bad + "-wrong-secret")
    assert "Settings" in str(info.value)
    assert "wrong-secret" not in str(info.value) and "wrong-secret" not in repr(info.value)


def test_404_unknown_audio_id_and_unknown_task(demo):
    with pytest.raises(NotFound) as info:
        call(demo, lambda c: c.submit(CoverRequest("nonsense_id")))
    assert "nonsense_id" in str(info.value) and "audio id" in str(info.value)
    with pytest.raises(NotFound) as info:
        call(demo, lambda c: c.status("upl-nope"))
    assert "upl-nope" in str(info.value) and "task" in str(info.value)


def test_402_insufficient_credits(demo):
    demo.inject("402")
    with pytest.raises(InsufficientCredits) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "credits" in str(info.value)
    assert demo.submits == 0


def test_429_is_retried_honouring_retry_after_then_succeeds(demo):
    demo.inject("429", count=2, retry_after="0.2")
    waits, notices = [], []

    async def sleep(s):
        waits.append(s)
        await asyncio.sleep(0)

    tid = call(demo, lambda c: c.submit(CoverRequest("aud1")), sleep=sleep, on_retry=notices.append)
    assert tid and demo.submits == 1
    assert waits == [0.2, 0.2]
    assert [n.attempt for n in notices] == [1, 2] and all(isinstance(n.error, RateLimited) for n in notices)
    assert len(demo.requests("api", "generate")) == 3


def test_429_forever_gives_a_clear_message(demo):
    demo.inject("429", count=10, retry_after="0")
    with pytest.raises(RateLimited) as info:
        call(demo, lambda c: c.status("x"))
    assert "gave up after 4 tries" in str(info.value)
    assert len(demo.requests("api")) == 4


def test_backoff_is_capped_exponential_with_jitter():
    p = RetryPolicy(base=1, cap=5, jitter=0.25)
    delays = [p.delay(n) for n in range(1, 7)]
    assert 0.75 <= delays[0] <= 1.25 and 1.5 <= delays[1] <= 2.5
    assert all(d <= 5 for d in delays) and delays[-1] >= 3.75
    assert p.delay(1, retry_after=7) == 7 and p.delay(1, retry_after=999) == p.retry_after_cap


def test_5xx_on_status_is_retried(demo):
    tid = call(demo, lambda c: c.submit(CoverRequest("aud1")))
    demo.inject("500", count=2)
    st = call(demo, lambda c: c.status(tid))
    assert st.phase is Phase.DONE
    assert len(demo.requests("api", "status")) == 3


def test_500_on_submit_is_not_retried_to_avoid_a_double_charge(demo):
    demo.inject("500", count=1)
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "HTTP 500" in str(info.value)
    assert len(demo.requests("api", "generate")) == 1


def test_503_on_submit_is_retried(demo):
    demo.inject("503", count=1)
    assert call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert len(demo.requests("api", "generate")) == 2 and demo.submits == 1


def test_envelope_error_with_http_200(demo):
    demo.inject("envelope", count=1)
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "Upstream model error" in str(info.value)


def test_garbage_json(demo):
    demo.inject("garbage", count=1)
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "could not be read" in str(info.value)
    assert len(demo.requests("api", "generate")) == 1, "a submit answered with garbage may have been charged"


def test_garbage_on_status_is_retried(demo):
    tid = call(demo, lambda c: c.submit(CoverRequest("aud1")))
    demo.inject("garbage", count=1, path_contains="status")
    assert call(demo, lambda c: c.status(tid)).phase is Phase.DONE
    assert len(demo.requests("api", "status")) == 2


def test_html_page_with_200_and_with_502(demo):
    demo.inject("html", count=1)
    with pytest.raises(BadResponse) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert "web page" in str(info.value) and info.value.detail == "Sign in"
    demo.inject("502-html", count=9)
    with pytest.raises(ServerError) as info:
        call(demo, lambda c: c.status("x"))
    assert "HTTP 502" in str(info.value) and "<html" not in str(info.value).lower()


def test_plain_text_error_body(demo):
    # a 5xx whose body is not JSON at all still becomes the server-error message
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Plain(BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"upstream connect error or disconnect/reset before headers"
            self.send_response(503)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    srv = HTTPServer(("127.0.0.1", 0), Plain)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with pytest.raises(ServerError) as info:
            call(demo, lambda c: c.status("x"), base_url=f"http://127.0.0.1:{srv.server_address[1]}")
        assert "HTTP 503" in str(info.value) and "upstream connect" in info.value.detail
    finally:
        srv.shutdown()
        srv.server_close()


def test_timeout(demo):
    demo.inject("stall", count=9, seconds=3)
    with pytest.raises(ApiTimeout) as info:
        call(demo, lambda c: c.status("x"), timeout=httpx.Timeout(0.3),
             policy=RetryPolicy(attempts=2, base=0.01))
    assert "did not answer in time" in str(info.value)


def test_reset_connection(demo):
    demo.inject("reset", count=9)
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.status("x"))
    assert "cut off" in str(info.value)


def test_reset_on_submit_is_not_retried(demo):
    demo.inject("reset", count=9)
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")))
    assert info.value.reached_server is True
    assert len(demo.requests("api", "generate")) == 1


def test_refused_connection_is_retried_even_for_submit(demo):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(NetworkError) as info:
        call(demo, lambda c: c.submit(CoverRequest("aud1")), base_url=f"http://127.0.0.1:{port}")
    assert "Could not reach 127.0.0.1" in str(info.value) and info.value.reached_server is False
    assert "gave up after 4 tries" in str(info.value)


def test_tls_error(demo):
    with pytest.raises(TlsError) as info:
        call(demo, lambda c: c.status("x"), base_url=demo.api_url.replace("http://", "https://"))
    assert "secure connection" in str(info.value)


def test_check_key(demo):
    assert call(demo, lambda c: c.check_key()) == "The key works."
    with pytest.raises(AuthError):
        call(demo, lambda c: c.check_key(), key="not-a-key")
    assert demo.submits == 0


def test_key_never_in_logs_or_reprs(demo, caplog):
    caplog.set_level(logging.DEBUG)
    demo.inject("429", count=1, retry_after="0")
    demo.inject("500", count=1, path_contains="status")

    async def flow(c):
        assert KEY not in repr(c)
        tid = await c.submit(CoverRequest("aud1"))
        await c.status(tid)
        with pytest.raises(NotFound) as info:
            await c.status("missing")
        assert KEY not in str(info.value)

    call(demo, flow)
    assert caplog.records, "the client logs its requests"
    assert all(KEY not in r.getMessage() for r in caplog.records)
    assert all(KEY not in r.path for r in demo.requests())


def test_base_url_must_be_http():
    with pytest.raises(ValueError):
        ApiClient("ftp://example.org", KEY)
