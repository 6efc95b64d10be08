"""What the demo server's two halves share: the API paths, the demo key, the faults it knows, and the
records it keeps of requests and faults."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

GENERATE = "/api/v1/audio/music/upload-cover/generate"
STATUS = "/api/v1/audio/music/upload-cover/status"
DEMO_KEY = "aio_demo_local_key"

_KNOWN_ID = re.compile(
    r"^(aud[\w-]+|(demo|fail|stuck)-[\w-]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")
FAULTS = {"429", "500", "503", "502-html", "envelope", "garbage", "stall", "reset", "402", "401",
          "stream", "html", "404", "403", "drip", "huge", "huge-stream", "partial-206", "range-ignored",
          "length-lie", "reset-mid", "no-data", "no-clips", "null-urls", "unknown-status", "retry-after-date",
          "long-error", "small-png", "redirect", "aiff"}
_TRANSPORT_FAULTS = {"drip", "length-lie", "reset-mid"}   # the normal answer, sent badly
HUGE_DEFAULT = 2 * 1024 ** 3


@dataclass
class Recorded:
    server: str          # "api" or "media"
    method: str
    path: str            # with the query
    headers: dict[str, str]
    body: str
    at: float

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Fault:
    kind: str
    target: str = "api"
    path_contains: str = ""
    count: int = 1
    retry_after: str = ""        # 429 sends "1" when none is given; 503 sends it only when given
    seconds: float = 5.0
    size: int = 0
    variant: str = ""
