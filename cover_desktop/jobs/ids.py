"""Pick audio ids out of whatever a musician drops or pastes: an id, a song link, or a list.

One id per non-empty line, or per link; a line may also hold several ids separated by spaces, commas
or semicolons. The API accepts any id as typed (it documents no format), so a line holding one word is
taken as it is, whatever its shape. A line of several words is taken whole only when every word looks
like an id (a known shape, or letters with a digit, ``-`` or ``_``); otherwise the known shapes
(``aud...``, UUIDs, song links) are picked out of it and the line is reported back as not understood,
so nothing is ever dropped without the user being told.

Linear in the size of the text: each line is looked at once, and nothing is rescanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_UUID_RE = re.compile(rf"(?<![0-9A-Za-z]){UUID}(?![0-9A-Za-z])")
_UUID_FULL = re.compile(UUID)
_AUD_FULL = re.compile(r"aud[A-Za-z0-9_-]{3,}")
# a word that reads as an id rather than prose: no spaces, and a digit, "-" or "_" somewhere
_ID_SHAPED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_ID_MARK = re.compile(r"[0-9_-]")
_WORD = re.compile(r"https?://[^\s<>\"']+|[^\s,;]+", re.IGNORECASE)
_PLAIN = re.compile(r"[^\s,;]+")     # a line that is one bare token: the fast path for long lists
_ALNUM = re.compile(r"[^\W_]")
_SPACE = re.compile(r"\s")
# a word this does not match (from its start) has no digit, "-" or "_" and does not start with "aud": it is
# neither shaped like an id nor holds a UUID, so prose words are told apart with one call
_HINT = re.compile(r"aud|.*?[0-9_-]", re.DOTALL)
_QUERY_KEYS = ("audio_id", "item_id", "id", "clip_id", "song_id")
_SONG_SEGMENTS = ("song", "songs", "s", "audio", "clip", "track")
_EDGE = "\"'()[]<>{}"
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")  # carried along by copy and paste
ID_MAX = 256          # a "word" longer than this is not an id (a pasted blob, a base64 string)
SHOWN_LINE_MAX = 120  # lines reported back are cut to this


@dataclass
class IdParse:
    ids: list[str] = field(default_factory=list)          # in the order they appear, each once
    unrecognised: list[str] = field(default_factory=list)  # lines (cut short) not fully taken as ids
    repeated: int = 0                                      # ids seen again and left out

    def summary(self) -> str:
        """"found 3 ids; 1 line not understood: …" for a dialog or the status bar."""
        words = [f"found {len(self.ids)} id{'s' if len(self.ids) != 1 else ''}"]
        if self.repeated:
            words.append(f"{self.repeated} repeated")
        if self.unrecognised:
            n = len(self.unrecognised)
            shown = ", ".join(f"\u201c{line}\u201d" for line in self.unrecognised[:3])
            more = f" and {n - 3} more" if n > 3 else ""
            words.append(f"{n} line{'s' if n != 1 else ''} not understood: {shown}{more}")
        return "; ".join(words)


def _from_url(url: str) -> str | None:
    got = _id_in_url(url)
    return got if got and _usable(got) else None


def _usable(word: str) -> bool:
    """Could be an id as typed: not too long, one word, and not punctuation alone ("-----", "...")."""
    return len(word) <= ID_MAX and _ALNUM.search(word) is not None and _SPACE.search(word) is None


def _id_in_url(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    m = _UUID_RE.search(parts.path)
    if m:
        return m.group(0)
    query = parse_qs(parts.query)
    for key in _QUERY_KEYS:
        value = (query.get(key) or [""])[0].strip()
        if value:
            return value
    segments = [s for s in parts.path.split("/") if s]
    if segments and _AUD_FULL.fullmatch(segments[-1]):
        return segments[-1]
    if len(segments) > 1 and segments[0].lower() in _SONG_SEGMENTS:
        return segments[1]
    return None


def _is_url(word: str) -> bool:
    return word[:8].lower().startswith(("http://", "https://"))


def _known(word: str) -> bool:
    return bool(_AUD_FULL.fullmatch(word) or _UUID_FULL.fullmatch(word))


def _id_shaped(word: str) -> bool:
    return len(word) <= ID_MAX and bool(_ID_SHAPED.fullmatch(word)) and (
        _known(word) or bool(_ID_MARK.search(word)))


def _shown(line: str) -> str:
    return line if len(line) <= SHOWN_LINE_MAX else line[: SHOWN_LINE_MAX - 1] + "\u2026"


def _line_ids(line: str) -> tuple[list[str], bool]:
    """(ids on this line, whether all of the line was understood)."""
    if _PLAIN.fullmatch(line):
        if _is_url(line):
            got = _from_url(line.rstrip(".,;)>"))
            return ([got], True) if got else ([], False)
        # one word on its line: an id as typed, whatever its shape
        return ([line], True) if _usable(line) else ([], False)
    urls = "://" in line   # no link on the line: no word needs the link checks
    words = (_WORD if urls else _PLAIN).findall(line)
    if len(words) == 1 and not _is_url(words[0]):
        word = words[0].strip(_EDGE)  # "aud123," or "'aud123'"
        return ([word], True) if _usable(word) else ([], False)
    found: list[tuple[str, bool]] = []  # (id, certain even in prose)
    whole = True
    for raw in words:
        if urls and _is_url(raw):
            got = _from_url(raw.rstrip(".,;)>"))
            if got:
                found.append((got, True))
            else:
                whole = False
            continue
        word = raw.strip(_EDGE)
        if not word:
            continue
        if _HINT.match(word) is None:
            whole = False
            continue
        if _id_shaped(word):
            found.append((word, _known(word)))
            continue
        whole = False
        m = _UUID_RE.search(word)  # "(id=3f2a…)" in a sentence
        if m:
            found.append((m.group(0), True))
    if whole and found:
        return [value for value, _ in found], True
    # prose around ids: only the shapes that cannot be ordinary words are taken from it
    return [value for value, certain in found if certain], False


def parse_ids(text: str) -> IdParse:
    """The ids in ``text`` (order kept, each once) and the lines not understood as ids."""
    out = IdParse()
    seen: dict[str, None] = {}
    for raw_line in _INVISIBLE.sub("", text or "").splitlines():
        line = raw_line.strip()
        if not line:
            continue
        ids, whole = _line_ids(line)
        for value in ids:
            if value in seen:
                out.repeated += 1
            else:
                seen[value] = None
        if not whole:
            out.unrecognised.append(_shown(line))
    out.ids = list(seen)
    return out


def extract_ids(text: str) -> list[str]:
    """Ids in the order they appear, each once. A lone token counts as an id as typed."""
    return parse_ids(text).ids
