"""When and how long to wait before trying a request again. Pure policy: no I/O, no Qt."""

from __future__ import annotations

import email.utils
import math
import random
import time
from dataclasses import dataclass

RETRY_AFTER_MAX = 300.0   # seconds: the longest wait any server's Retry-After can ask of the app


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None for garbage.

    Always between 0 and ``RETRY_AFTER_MAX``: a server (or a proxy in front of it) asking for a day, a date in
    2100 or ``1e999`` gets minutes. Timers are made from this value, and one told to wait for ever (or
    longer than the event loop's timers can hold) stops polling for good.
    """
    return bounded(_seconds(value, now))


def bounded(seconds: float | None) -> float | None:
    """A wait as a timer can use it: finite, 0 to ``RETRY_AFTER_MAX``; None when there is no number."""
    if seconds is None or math.isnan(seconds):
        return None
    return min(max(0.0, seconds), RETRY_AFTER_MAX)


def _seconds(value: str | None, now: float | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return float(value)
    except (ValueError, OverflowError):
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        return when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError, AttributeError):
        return None


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4          # tries in all, the first one included
    base: float = 0.5          # first back-off, seconds
    cap: float = 20.0          # no single wait is longer than this...
    retry_after_cap: float = 120.0  # ...unless the server asked for it, up to this
    jitter: float = 0.25       # +-25 %, so many clients do not retry in step

    def delay(self, attempt: int, retry_after: float | None = None,
              rng: random.Random | None = None) -> float:
        """Wait before try number ``attempt + 1`` (attempt counts from 1)."""
        retry_after = bounded(retry_after)
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap)
        raw = min(self.cap, self.base * (2 ** (attempt - 1)))
        r = (rng or random).uniform(1 - self.jitter, 1 + self.jitter)
        return min(self.cap, raw * r)
