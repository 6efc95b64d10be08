"""Turn any reply or transport failure into one ApiError with words a musician can act on."""

from __future__ import annotations

import json
import re
import ssl
from typing import Any

import httpx

from .errors import (ApiError, ApiTimeout, AuthError, BadResponse, InsufficientCredits,
                     InvalidRequest, NetworkError, NotFound, RateLimited, ServerError, TlsError)
from .retry import parse_retry_after

KEY_HINT = "Fix your key in Settings (File \u2192 Settings)."


def short(text: str, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def looks_like_html(body: bytes, content_type: str = "") -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body"))


def parse_json(resp: httpx.Response) -> Any:
    """The body as JSON, or BadResponse that says what came instead."""
    body = resp.content
    if looks_like_html(body, resp.headers.get("content-type", "")):
        raise BadResponse(
            f"The server answered with a web page instead of data (HTTP {resp.status_code}). "
            "A proxy may be in the way, or the base URL in Settings is wrong.",
            status=resp.status_code, detail=_html_title(body))
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadResponse(
            f"The server's answer could not be read (HTTP {resp.status_code}, not valid JSON).",
            status=resp.status_code, detail=short(body.decode("utf-8", "replace"))) from None


def _html_title(body: bytes) -> str:
    m = re.search(rb"<title>(.*?)</title>", body, re.I | re.S)
    return short(m.group(1).decode("utf-8", "replace")) if m else ""


def _server_words(payload: Any) -> tuple[str, str]:
    """(type, message) from the shapes seen: {type,message}, {error:{...}}, {code,message}, {detail}."""
    if not isinstance(payload, dict):
        return "", short(str(payload)) if payload else ""
    inner = payload.get("error")
    if isinstance(inner, dict):
        payload = {**payload, **inner}
    elif isinstance(inner, str) and not payload.get("message"):
        payload = {**payload, "message": inner}
    kind = payload.get("type") or payload.get("error_type") or ""
    msg = payload.get("message") or payload.get("msg") or payload.get("detail") or ""
    return short(str(kind)), short(str(msg))


def error_for(status: int, payload: Any = None, *, context: str = "", subject: str = "",
              retry_after: float | None = None) -> ApiError:
    """The ApiError for an HTTP status (or envelope code) and whatever body came with it."""
    kind, words = _server_words(payload)
    said = f" The service said: \u201c{words}\u201d" if words else ""
    credit_words = "credit" in words.lower() or "balance" in words.lower()
    if status == 402 or kind in ("insufficient_credits", "payment_required") or (status == 403 and credit_words):
        return InsufficientCredits(
            "Not enough credits for this cover (each one costs 5\u201312 credits). "
            "Top up your account, then submit again." + said, status=status, detail=words)
    if status in (401, 403) or kind == "authentication_error":
        return AuthError(f"The API key was not accepted. {KEY_HINT}" + said, status=status, detail=words)
    if status == 400 or kind == "invalid_request":
        return InvalidRequest(
            "The service refused this request. Check the audio id, and that the uploaded audio "
            "is between 6 and 60 seconds long." + said, status=status, detail=words)
    if status == 404 or kind == "not_found":
        if context == "status":
            msg = f"The service does not know the task \u201c{subject}\u201d (it may have expired)."
        elif context == "key-check":
            msg = "The key works."  # the check asks for a task that cannot exist
        else:
            msg = (f"The service does not know the audio id \u201c{subject}\u201d. "
                   "Check the id of your uploaded audio.")
        return NotFound(msg, status=status, detail=words)
    if status == 429 or kind in ("rate_limited", "rate_limit_error"):
        return RateLimited("The service is busy and asked us to slow down (HTTP 429)." + said,
                           status=status, detail=words, retry_after=retry_after)
    if status >= 500:
        return ServerError(f"The service had a problem (HTTP {status}). Try again in a little while." + said,
                           status=status, detail=words, retry_after=retry_after)
    return ApiError(f"The service answered with an error (HTTP {status})." + said, status=status, detail=words)


def error_from_response(resp: httpx.Response, *, context: str, subject: str) -> tuple[ApiError | None, Any]:
    """(error, payload): error is None when the reply is a success envelope."""
    retry_after = parse_retry_after(resp.headers.get("retry-after"))
    if resp.status_code >= 400:
        try:
            payload = parse_json(resp)
        except BadResponse as bad:
            if resp.status_code in (401, 403, 404, 429) or resp.status_code >= 500 or resp.status_code == 400:
                err = error_for(resp.status_code, None, context=context, subject=subject,
                                retry_after=retry_after)
                if bad.detail:
                    err.detail = bad.detail
                return err, None
            raise
        return error_for(resp.status_code, payload, context=context, subject=subject,
                         retry_after=retry_after), payload
    payload = parse_json(resp)
    if isinstance(payload, dict) and "code" in payload:
        try:
            code = int(payload["code"])
        except (TypeError, ValueError):
            code = 200
        if code != 200:
            return error_for(code, payload, context=context, subject=subject, retry_after=retry_after), payload
    return None, payload


def error_from_exception(exc: httpx.HTTPError, base_url: str) -> ApiError:
    host = httpx.URL(base_url).host or base_url
    if isinstance(exc, httpx.TimeoutException):
        return ApiTimeout(f"{host} did not answer in time. Check your connection; we will keep trying.",
                          detail=type(exc).__name__)
    if _is_tls(exc):
        return TlsError(f"A secure connection to {host} could not be made (certificate or TLS problem). "
                        "Check the base URL in Settings.", detail=short(str(exc)))
    if isinstance(exc, httpx.ConnectError):
        return NetworkError(f"Could not reach {host}. Check your internet connection or the base URL.",
                            detail=short(str(exc)))
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return NetworkError(f"The connection to {host} was cut off.", detail=short(str(exc)))
    return NetworkError(f"Network problem talking to {host}.", detail=short(str(exc)))


def _is_tls(exc: BaseException) -> bool:
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 6:
        if isinstance(cur, ssl.SSLError) or "CERTIFICATE_VERIFY" in str(cur) or "SSL" in type(cur).__name__:
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False
