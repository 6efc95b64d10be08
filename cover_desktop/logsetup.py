"""A rotating log file with every API key scrubbed out, whatever logger wrote it.

One record is one line: newlines and other control characters in a message are escaped, so text a
server chose (an error message, a title) cannot forge log lines; and a message is cut at a length no
honest record reaches.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_KEY_RE = re.compile(r"(aio_)[A-Za-z0-9_\-]+|(Bearer\s+)\S+")
# C0 and C1 controls, DEL, and the Unicode line and paragraph separators
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
MESSAGE_MAX = 4000


def _escaped(m: re.Match[str]) -> str:
    ch = m.group(0)
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def escape_controls(text: str) -> str:
    return _CONTROL_RE.sub(_escaped, text)


def one_line(text: str, limit: int = MESSAGE_MAX) -> str:
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit} more characters)"
    return escape_controls(text)


class RedactFilter(logging.Filter):
    def __init__(self, secrets: list[str] | None = None):
        super().__init__()
        self.secrets = [s for s in (secrets or []) if s]

    def add(self, secret: str) -> None:
        if secret and secret not in self.secrets:
            self.secrets.append(secret)

    def scrub(self, text: str) -> str:
        for s in self.secrets:
            text = text.replace(s, "***")
        return _KEY_RE.sub(lambda m: (m.group(1) or m.group(2)) + "***", text)

    def filter(self, record: logging.LogRecord) -> bool:
        # scrubbed before cutting, so a key straddling the cut cannot survive in part
        record.msg = one_line(self.scrub(record.getMessage()))
        record.args = None
        return True


REDACT = RedactFilter()


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "cover-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(REDACT)
    root = logging.getLogger()
    root.setLevel(level)
    for h in list(root.handlers):
        if getattr(h, "_cover_desktop", False):
            root.removeHandler(h)
            h.close()
    handler._cover_desktop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # httpx logs each request URL at INFO; ours carry no key, but keep it at WARNING to keep the log readable
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
