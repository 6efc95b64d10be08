"""The one test of "an http(s) link": callback URLs, the base URL, media links and settings all ask it."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_http(url: str) -> SplitResult | None:
    """The parts of ``url`` when it is a well-formed http:// or https:// link with a host, else None.
    Never raises: a malformed link (bad port, bad IPv6) is simply not a link."""
    try:
        parts = urlsplit((url or "").strip())
        parts.port  # noqa: B018 -- raises ValueError for a port out of range or not a number
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return parts


def is_http_url(url: str) -> bool:
    return split_http(url) is not None
