"""A key that cannot go in a header, and a key that would travel in clear text: refused before sending."""

from __future__ import annotations

import asyncio

import pytest

from cover_desktop.api import (
    ApiClient,
    AuthError,
    CoverRequest,
    InsecureConnection,
    KeyFormatError,
    insecure_base,
    key_problem,
)
from cover_desktop.jobs.service import definitely_not_created
from cover_desktop.settings import key_problem as settings_key_problem
from helpers import KEY

# a fault test expects the failure to be logged
pytestmark = pytest.mark.log_warnings(r"cover_desktop\.api\.client: (GET|POST) \S+ failed \(try \d+/\d+\)")


def call(base_url, key, fn, **kwargs):
    async def body():
        client = ApiClient(base_url, key, **kwargs)
        try:
            return await fn(client)
        finally:
            await client.aclose()
    return asyncio.run(asyncio.wait_for(body(), 20))


@pytest.mark.parametrize("key", ["aio_abc\u200bdef", "aio_abc\ndef", "aio_abc def", "aio_abc\u00e9", "aio_\x00x",
                                 "aio_abc\ufeff", "aio_\u2028x", "aio_x\ty"])
def test_bad_characters_are_named_without_showing_the_key(key):
    problem = key_problem(key)
    assert problem and "character" in problem and "Settings" in problem
    assert "aio_" not in problem and "abc" not in problem
    assert settings_key_problem(key) == problem


def test_invisible_and_line_break_are_said_plainly():
    assert "invisible" in key_problem("aio_abc\u200bdef") and "U+200B" in key_problem("aio_abc\u200bdef")
    assert "line break" in key_problem("aio_abc\ndef") and "character 8" in key_problem("aio_abc\ndef")


@pytest.mark.parametrize("key", [KEY, "  aio_padded_key\n", "", "aio_~!@#$%^&*()_+{}|:<>?"])
def test_good_keys_pass(key):
    assert key_problem(key) is None


@pytest.mark.parametrize("bad", ["aio_abc\u200bdef", "aio_abc\ndef", "aio_caf\u00e9"])
def test_client_refuses_before_sending_and_says_nothing_was_charged(demo, bad):
    with pytest.raises(KeyFormatError) as info:
        call(demo.api_url, bad, lambda c: c.submit(CoverRequest("aud1")))
    err = info.value
    assert isinstance(err, AuthError) and err.reached_server is False and not err.retryable
    assert definitely_not_created(err), "the job layer must not mark it 'may have been charged'"
    assert "codec" not in str(err) and "character" in str(err)
    assert demo.requests() == []
    with pytest.raises(KeyFormatError):
        call(demo.api_url, bad, lambda c: c.check_key())
    with pytest.raises(KeyFormatError):
        call(demo.api_url, bad, lambda c: c.status("t1"))
    assert demo.requests() == []


@pytest.mark.parametrize("url,insecure", [
    ("http://example.org", True), ("http://10.0.0.5:8080/", True), ("http://0.0.0.0:80", True),
    ("http://127.0.0.1:5000", False), ("http://127.8.9.10", False), ("http://localhost:8000", False),
    ("http://[::1]:8000", False), ("http://api.localhost", False), ("https://example.org", False),
    ("HTTP://Example.org", True), ("not a url", False), ("http://[::1", False),
])
def test_insecure_base(url, insecure):
    assert insecure_base(url) is insecure


def test_plain_http_to_another_host_is_refused_unless_allowed(demo):
    # 0.0.0.0 is not a loopback address by name, but connecting to it reaches this machine
    port = demo.api_url.rsplit(":", 1)[1]
    remote_looking = f"http://0.0.0.0:{port}"
    with pytest.raises(InsecureConnection) as info:
        call(remote_looking, KEY, lambda c: c.submit(CoverRequest("aud1")))
    assert info.value.reached_server is False and definitely_not_created(info.value)
    assert "https://" in str(info.value) and "0.0.0.0" in str(info.value)
    assert demo.requests() == []
    assert call(remote_looking, KEY, lambda c: c.check_key(), allow_insecure=True) == "The key works."
    assert demo.requests()[0].headers["authorization"] == f"Bearer {KEY}"


def test_loopback_http_is_fine(demo):
    assert call(demo.api_url, KEY, lambda c: c.submit(CoverRequest("aud1")))
