"""Pick audio ids out of whatever a musician drops or pastes: an id, a song link, or a list."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_UUID_RE = re.compile(rf"\b{UUID}\b")
_AUD_RE = re.compile(r"\baud[A-Za-z0-9_-]{3,}\b")
_URL_RE = re.compile(r"https?://[^\s<>\"']+")
_QUERY_KEYS = ("audio_id", "item_id", "id", "clip_id", "song_id")


def _from_url(url: str) -> str | None:
    parts = urlsplit(url)
    m = _UUID_RE.search(parts.path)
    if m:
        return m.group(0)
    query = parse_qs(parts.query)
    for key in _QUERY_KEYS:
        if query.get(key):
            return query[key][0]
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[0] in ("song", "songs", "s", "audio", "clip", "track") and len(segments) > 1:
        return segments[1]
    return None


def extract_ids(text: str) -> list[str]:
    """Ids in the order they appear, each once. A lone token counts as an id as typed."""
    text = (text or "").strip()
    if not text:
        return []
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _URL_RE.finditer(text):
        taken.append(m.span())
        got = _from_url(m.group(0).rstrip(".,;)"))
        if got:
            found.append((m.start(), got))
    for rx in (_UUID_RE, _AUD_RE):
        for m in rx.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                taken.append(m.span())
                found.append((m.start(), m.group(0)))
    if not found:
        tokens = [t.strip(",;") for t in re.split(r"[\s,;]+", text) if t.strip(",;")]
        if len(tokens) == 1 or all(re.fullmatch(r"[\w-]{4,}", t) for t in tokens) and "\n" in text:
            return list(dict.fromkeys(tokens))
        return []
    seen: dict[str, None] = {}
    for _, value in sorted(found):
        seen.setdefault(value, None)
    return list(seen)
