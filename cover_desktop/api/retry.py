"""When and how long to wait before trying a request again. Pure policy: no I/O, no Qt."""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


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
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap)
        raw = min(self.cap, self.base * (2 ** (attempt - 1)))
        r = (rng or random).uniform(1 - self.jitter, 1 + self.jitter)
        return min(self.cap, raw * r)
