"""A rotating log file with every API key scrubbed out, whatever logger wrote it."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_KEY_RE = re.compile(r"(aio_)[A-Za-z0-9_\-]+|(Bearer\s+)\S+")


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
        record.msg = self.scrub(record.getMessage())
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
