"""Turn any reply or transport failure into one ApiError with words a musician can act on.

The functions taking a status, headers and body are pure: whatever bytes or JSON arrive, they give a
result or an ApiError, never another exception (tests/api/test_parsing_properties.py holds them to it).
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Mapping
from typing import Any

import httpx

from .errors import (
    ApiError,
    ApiTimeout,
    AuthError,
    BadResponse,
    InsufficientCredits,
    InvalidRequest,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    TlsError,
)
from .models import CREDITS_MAX, CREDITS_MIN, TaskStatus
from .retry import parse_retry_after
from .text import scalar_text, short
from .words import N_, Value, Words

__all__ = [
    "error_for",
    "error_from_exception",
    "error_from_reply",
    "error_from_response",
    "looks_like_html",
    "parse_body",
    "short",
    "status_from",
    "task_id_from",
]


def looks_like_html(body: bytes, content_type: str = "") -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body"))


def parse_body(status: int, content_type: str, body: bytes) -> Any:
    """The body as JSON, or BadResponse that says what came instead."""
    if looks_like_html(body, content_type):
        raise BadResponse(
            N_("The server answered with a web page instead of data (HTTP {code}). "
               "A proxy may be in the way, or the base URL in Settings is wrong."),
            code=status, status=status, detail=_html_title(body))
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # bad UTF-8, bad JSON, a number past the digit limit, deep nesting
        raise BadResponse(
            N_("The server's answer could not be read (HTTP {code}, not valid JSON)."),
            code=status, status=status, detail=short(body[:2000].decode("utf-8", "replace"))) from None


def _html_title(body: bytes) -> str:
    m = re.search(rb"<title>(.{0,2000}?)</title>", body[:65536], re.IGNORECASE | re.DOTALL)
    return short(m.group(1).decode("utf-8", "replace")) if m else ""


def _server_words(payload: Any) -> tuple[str, str]:
    """(type, message) from the shapes seen: {type,message}, {error:{...}}, {code,message}, {detail}."""
    if not isinstance(payload, dict):
        return "", short(scalar_text(payload)) if payload else ""
    inner = payload.get("error")
    if isinstance(inner, dict):
        payload = {**payload, **inner}
    elif isinstance(inner, str) and not payload.get("message"):
        payload = {**payload, "message": inner}
    kind = payload.get("type") or payload.get("error_type") or ""
    msg = payload.get("message") or payload.get("msg") or payload.get("detail") or ""
    return short(scalar_text(kind)), short(scalar_text(msg))


def _said(source: str, words: str, **values: Value) -> Words:
    """The app's message, then the server's own words (never translated) when it sent some."""
    return Words.joined(Words.of(source, **values),
                      Words.of(N_("The service said: \u201c{words}\u201d"), words=words) if words else "")


def error_for(status: int, payload: Any = None, *, context: str = "", subject: str = "",
              retry_after: float | None = None) -> ApiError:
    """The ApiError for an HTTP status (or envelope code) and whatever body came with it."""
    kind, words = _server_words(payload)
    credit_words = "credit" in words.lower() or "balance" in words.lower()
    if status == 402 or kind in ("insufficient_credits", "payment_required") or (status == 403 and credit_words):
        return InsufficientCredits(_said(
            N_("Not enough credits for this cover (each one costs {low}\u2013{high} credits). "
               "Top up your account, then submit again."), words, low=CREDITS_MIN, high=CREDITS_MAX),
            status=status, detail=words)
    if status in (401, 403) or kind == "authentication_error":
        return AuthError(_said(N_("The API key was not accepted. Fix your key in Settings (File \u2192 Settings)."),
                               words), status=status, detail=words)
    if status == 400 or kind == "invalid_request":
        return InvalidRequest(_said(
            N_("The service refused this request. Check the audio id, and that the uploaded audio "
               "is between 6 and 60 seconds long."), words), status=status, detail=words)
    if status == 404 or kind == "not_found":
        if context == "status":
            msg = Words.of(N_("The service does not know the task \u201c{task_id}\u201d (it may have expired)."),
                           task_id=subject)
        elif context == "key-check":
            msg = Words.of(N_("The key works."))  # the check asks for a task that cannot exist
        else:
            msg = Words.of(N_("The service does not know the audio id \u201c{audio_id}\u201d. "
                              "Check the id of your uploaded audio."), audio_id=subject)
        return NotFound(msg, status=status, detail=words)
    if status == 429 or kind in ("rate_limited", "rate_limit_error"):
        return RateLimited(_said(N_("The service is busy and asked us to slow down (HTTP 429)."), words),
                           status=status, detail=words, retry_after=retry_after)
    if status >= 500:
        return ServerError(_said(N_("The service had a problem (HTTP {code}). Try again in a little while."), words,
                                 code=status), status=status, detail=words, retry_after=retry_after)
    return ApiError(_said(N_("The service answered with an error (HTTP {code})."), words, code=status),
                    status=status, detail=words)


def _envelope_code(payload: Any) -> int:
    """The ``code`` of a success-shaped envelope; 200 when it is missing or not a number."""
    value = payload.get("code") if isinstance(payload, dict) else None
    if isinstance(value, bool) or value is None:
        return 200
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # "ok", NaN, 1e999
        return 200


def error_from_reply(status: int, headers: Mapping[str, str], body: bytes, *, context: str,
                     subject: str) -> tuple[ApiError | None, Any]:
    """(error, payload): error is None when the reply is a success envelope. Raises only BadResponse."""
    retry_after = parse_retry_after(headers.get("retry-after"))
    ctype = headers.get("content-type", "")
    if status >= 400:
        try:
            payload = parse_body(status, ctype, body)
        except BadResponse as bad:
            if status in (400, 401, 403, 404, 429) or status >= 500:
                err = error_for(status, None, context=context, subject=subject, retry_after=retry_after)
                if bad.detail:
                    err.detail = bad.detail
                return err, None
            raise
        return error_for(status, payload, context=context, subject=subject, retry_after=retry_after), payload
    payload = parse_body(status, ctype, body)
    code = _envelope_code(payload)
    if code != 200:
        return error_for(code, payload, context=context, subject=subject, retry_after=retry_after), payload
    return None, payload


def error_from_response(resp: httpx.Response, *, context: str, subject: str) -> tuple[ApiError | None, Any]:
    return error_from_reply(resp.status_code, resp.headers, resp.content, context=context, subject=subject)


def task_id_from(payload: Any) -> str:
    """The task id of a submit's success envelope, or BadResponse."""
    data = payload.get("data") if isinstance(payload, dict) else None
    task_id = data.get("task_id") if isinstance(data, dict) else None
    if not task_id and isinstance(payload, dict):
        task_id = payload.get("task_id")
    if not isinstance(task_id, str) or not task_id.strip() or len(task_id) > 512:
        raise BadResponse(N_("The service accepted the request but sent back no task id, so the job "
                             "cannot be followed. Check your account before submitting again."))
    return task_id.strip()


def status_from(payload: Any, task_id: str) -> TaskStatus:
    """The TaskStatus of a status reply's success envelope, or BadResponse."""
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        raise BadResponse(N_("The service's status answer had no job data in it."))
    return TaskStatus.from_json(data, task_id)


def error_from_exception(exc: httpx.HTTPError, base_url: str) -> ApiError:
    host = httpx.URL(base_url).host or base_url
    if isinstance(exc, httpx.TimeoutException):
        return ApiTimeout(N_("{host} did not answer in time. Check your connection; we will keep trying."),
                          host=host, detail=type(exc).__name__)
    if _is_tls(exc):
        return TlsError(N_("A secure connection to {host} could not be made (certificate or TLS problem). "
                           "Check the base URL in Settings."), host=host, detail=short(str(exc)))
    if isinstance(exc, httpx.ConnectError):
        return NetworkError(N_("Could not reach {host}. Check your internet connection or the base URL."),
                            host=host, detail=short(str(exc)))
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return NetworkError(N_("The connection to {host} was cut off."), host=host, detail=short(str(exc)))
    return NetworkError(N_("Network problem talking to {host}."), host=host, detail=short(str(exc)))


def _is_tls(exc: BaseException) -> bool:
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 6:
        if isinstance(cur, ssl.SSLError) or "CERTIFICATE_VERIFY" in str(cur) or "SSL" in type(cur).__name__:
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False
