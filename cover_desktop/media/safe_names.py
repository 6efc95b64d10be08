"""File names made from ids and titles: readable, bounded in bytes, and never the same for two ids.

Cleaning alone maps ``x/1``, ``x:1`` and ``x?1`` to one name, and ``.`` or ``..`` to nothing, so one
clip's audio overwrote another's. A short hash of the raw id keeps them apart. File systems limit a
name to 255 *bytes*: a 90-character CJK title is 270, so names are cut by bytes, on a character edge.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

NAME_MAX = 255          # bytes in one path component on the usual Linux, macOS and Windows file systems
TITLE_BYTES = 200       # a title-based name, leaving room for " (12)", an extension and a ".part" suffix
ID_BYTES = 120          # an id-based name; the download's temporary suffix adds about 40 bytes

# path separators, characters Windows refuses, controls, and the invisible format characters
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+')
_SPACES = re.compile(r"\s+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def limit_bytes(name: str, n: int) -> str:
    """``name`` cut to at most ``n`` bytes of UTF-8 without splitting a character."""
    data = name.encode("utf-8", "surrogatepass")
    if len(data) <= n:
        return name
    # a cut inside a character leaves only continuation bytes of it: drop those
    return data[:n].decode("utf-8", "ignore")


def clean_name(text: str, limit: int = TITLE_BYTES, fallback: str = "clip") -> str:
    """``text`` made safe as a file name part: no separators or controls, trimmed, at most ``limit`` bytes."""
    text = unicodedata.normalize("NFC", text or "")
    text = _SPACES.sub(" ", _UNSAFE.sub("_", text)).strip(" .")
    text = limit_bytes(text, limit).rstrip(" .")
    if not text or text.split(".")[0].lower() in _RESERVED:
        text = f"{fallback}_{text}" if text else fallback
    return text


def id_hash(raw_id: str) -> str:
    return hashlib.sha1((raw_id or "").encode("utf-8", "surrogatepass")).hexdigest()[:8]


def unique_name(raw_id: str, limit_bytes: int = ID_BYTES) -> str:
    """A readable name for ``raw_id`` that no other id gives: the cleaned id, "-", 8 hex of its SHA-1."""
    suffix = "-" + id_hash(raw_id)
    return clean_name(raw_id, max(1, limit_bytes - len(suffix)), fallback="id") + suffix


def free_path(path: Path, limit: int = NAME_MAX) -> Path:
    """``path``, or "name (2).ext", "name (3).ext"... : the first that does not exist yet.

    It checks, it does not reserve: write with ``open(..., "x")`` and call again on FileExistsError
    where another writer may race for the same name.
    """
    if not os.path.lexists(path):
        return path
    stem, ext = path.stem, path.suffix
    for n in range(2, 100_000):
        tail = f" ({n}){ext}"
        candidate = path.with_name(limit_bytes(stem, limit - len(tail.encode())) + tail)
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"no free name for {path}")
