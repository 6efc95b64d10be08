"""How jobs are laid out in SQLite: the schema's migrations, and turning rows back into jobs and clips."""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import threading
from typing import Any, NamedTuple

from ..api.models import Clip, CoverRequest
from ..api.text import SHOWN_MAX
from ..api.words import load
from .model import ClipRecord, JobState

MIGRATIONS: list[str] = [
    """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id TEXT NOT NULL DEFAULT '',
        request TEXT NOT NULL,
        state TEXT NOT NULL,
        raw_status TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        submitted_at REAL,
        updated_at REAL NOT NULL,
        finished_at REAL
    );
    CREATE INDEX jobs_state ON jobs(state);
    CREATE TABLE status_history (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        at REAL NOT NULL,
        raw_status TEXT NOT NULL
    );
    CREATE INDEX status_history_job ON status_history(job_id);
    CREATE TABLE clips (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        clip_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        audio_path TEXT NOT NULL DEFAULT '',
        image_path TEXT NOT NULL DEFAULT '',
        media_error TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, clip_id)
    );
    """,
    # The local copies get a table of their own, written only by the media library: the job layer's
    # upserts of what the service said can then never touch them.
    """
    CREATE TABLE clip_media (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        clip_id TEXT NOT NULL,
        audio_path TEXT NOT NULL DEFAULT '',
        image_path TEXT NOT NULL DEFAULT '',
        media_error TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, clip_id)
    );
    INSERT INTO clip_media SELECT job_id, clip_id, audio_path, image_path, media_error FROM clips
        WHERE audio_path != '' OR image_path != '' OR media_error != '';
    ALTER TABLE clips DROP COLUMN audio_path;
    ALTER TABLE clips DROP COLUMN image_path;
    ALTER TABLE clips DROP COLUMN media_error;
    """,
    # What the musician keeps about a clip on this computer (rating, trash, own title and notes): a table
    # of its own, so neither the service's answers nor the media library's writes can touch it.
    """
    CREATE TABLE clip_meta (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        clip_id TEXT NOT NULL,
        rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
        favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        trashed_at REAL,
        purged_at REAL,
        notes TEXT NOT NULL DEFAULT '',
        local_title TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (job_id, clip_id)
    );
    CREATE INDEX clip_meta_trashed ON clip_meta(trashed_at) WHERE trashed_at IS NOT NULL;
    """,
]

_decode_json = json.JSONDecoder().decode   # json.loads without its per-call checks: once per clip at start
_CLIP_KEYS = frozenset(("id", "audio_url", "image_url", "title", "duration", "tags"))
_REQUEST_KEYS = frozenset(f.name for f in dataclasses.fields(CoverRequest))
_STATES = {s.value: s for s in JobState}
_JOBS = ("SELECT id, task_id, request, state, raw_status, error, created_at, submitted_at, updated_at, finished_at"
         " FROM jobs")


def stored_clip(d: Any) -> Clip:
    """``Clip.from_json(d)`` for a clip this store wrote (``Clip.to_json``), without from_json's checks where
    every value is of the plain kind to_json writes: this runs once per clip on every start. Anything else
    (an older or damaged row) goes through from_json itself; tests hold the two equal for any input."""
    if type(d) is not dict:
        return Clip.from_json(d)
    cid = d.get("id")
    audio = d.get("audio_url") or d.get("stream_audio_url")
    image = d.get("image_url") or d.get("image_large_url")
    title = d.get("title")
    duration = d.get("duration")
    tags = d.get("tags") or d.get("style")
    if (type(cid) is not str or not cid or not (audio is None or type(audio) is str)
            or not (image is None or type(image) is str)
            or not (title is None or (type(title) is str and len(title) <= SHOWN_MAX))
            or not (tags is None or (type(tags) is str and len(tags) <= SHOWN_MAX))
            or not (duration is None or type(duration) is float)):
        return Clip.from_json(d)
    if duration is not None and not math.isfinite(duration):
        duration = None
    extra = {} if len(d) <= 6 and d.keys() <= _CLIP_KEYS else {k: v for k, v in d.items() if k not in _CLIP_KEYS}
    return Clip(cid, audio or "", image or "", title or "", duration, tags or "", extra)


def _decode_clip(clip_id: str, data: Any) -> Clip:
    try:
        return stored_clip(_decode_json(data) if type(data) is str else json.loads(data))
    except ValueError:   # a damaged row: the clip keeps its id, the rest is lost
        return Clip.from_json({"id": clip_id})


_UNREAD: Any = object()
_decoding = threading.Lock()
_LOCAL_DEFAULTS = {f.name: f.default for f in dataclasses.fields(ClipRecord) if f.name != "clip"}
_PLAIN_DEFAULTS = all(v is not dataclasses.MISSING for v in _LOCAL_DEFAULTS.values())


class StoredClipRecord(ClipRecord):
    """A clip as the store read it: ``clip`` (what the service said, kept as JSON) is decoded on first use.
    A start with 10,000 clips then decodes only what is looked at: the clips on screen, and the service's
    links when the library checks for missing files (in a worker thread, after the window is up).

    Either thread may be first: the lock makes the decoding happen once and never overwrite a clip that
    was assigned meanwhile. Everything else is ClipRecord's, and it compares equal to a ClipRecord with the
    same fields."""

    _cid = ""
    _raw: Any = None

    @classmethod
    def from_row(cls, clip_id: str, data: Any, audio_path: str, image_path: str, media_error: str) -> StoredClipRecord:
        rec = cls.__new__(cls)
        media_error = load(media_error)   # Words kept with their phrases, or an older version's plain text
        if _PLAIN_DEFAULTS:   # 10,000 times at a start: fill the fields as __init__ would, without the calls
            rec.__dict__.update(_LOCAL_DEFAULTS, _clip=_UNREAD, _cid=clip_id, _raw=data, audio_path=audio_path,
                                image_path=image_path, media_error=media_error)
        else:
            ClipRecord.__init__(rec, _UNREAD, audio_path, image_path, media_error)
            rec._cid, rec._raw = clip_id, data
        return rec

    @property
    def clip(self) -> Clip:
        clip = self.__dict__["_clip"]
        if clip is _UNREAD:
            with _decoding:
                clip = self.__dict__["_clip"]
                if clip is _UNREAD:
                    clip = self.__dict__["_clip"] = _decode_clip(self._cid, self._raw)
                    self._raw = None
        return clip

    @clip.setter
    def clip(self, value: Clip) -> None:
        with _decoding:
            self.__dict__["_clip"] = value
            self._raw = None

    @property
    def id(self) -> str:
        clip = self.__dict__["_clip"]
        return self._cid if clip is _UNREAD else clip.id

    def glance(self) -> Clip:
        with _decoding:
            clip, raw = self.__dict__["_clip"], self._raw
        return _decode_clip(self._cid, raw) if clip is _UNREAD else clip

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClipRecord):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(ClipRecord))

    __hash__ = None  # type: ignore[assignment]


def _request(d: Any) -> CoverRequest:
    if type(d) is dict and d.keys() <= _REQUEST_KEYS:   # what from_dict would pass on: all of it
        return CoverRequest(**d)
    return CoverRequest.from_dict(d)


REQUESTS_AT_ONCE = 500   # one JSON decode holds the GIL: 50,000 requests with lyrics at once held it 150 ms


def _requests(texts: list[Any]) -> list[CoverRequest]:
    """The jobs' requests, decoded as JSON arrays of a few hundred (a third faster than a call each; the GUI
    thread waits for the GIL no longer than one array takes)."""
    if len(texts) > REQUESTS_AT_ONCE:
        return [r for i in range(0, len(texts), REQUESTS_AT_ONCE)
                for r in _requests_at_once(texts[i:i + REQUESTS_AT_ONCE])]
    return _requests_at_once(texts)


def _requests_at_once(texts: list[Any]) -> list[CoverRequest]:
    """A row that breaks the array (it cannot make one of the same length and stay valid) is decoded alone."""
    if texts and all(type(t) is str for t in texts):
        try:
            decoded = _decode_json("[" + ",".join(texts) + "]")
        except ValueError:
            decoded = None
        if decoded is not None and len(decoded) == len(texts):
            return [_request(d) for d in decoded]
    return [_request(_decode_json(t) if type(t) is str else json.loads(t)) for t in texts]


_CLIPS = ("SELECT c.job_id, c.clip_id, c.data, m.audio_path, m.image_path, m.media_error,"
          " k.rating, k.favourite, k.trashed_at, k.purged_at, k.notes, k.local_title FROM clips c"
          " LEFT JOIN clip_media m ON m.job_id = c.job_id AND m.clip_id = c.clip_id"
          " LEFT JOIN clip_meta k ON k.job_id = c.job_id AND k.clip_id = c.clip_id")


class Restore(enum.Enum):
    """``set_clip_meta(trashed_at=RESTORE)``: out of the trash (None there means "leave as it is")."""
    RESTORE = "restore"


RESTORE = Restore.RESTORE


class TrashedClip(NamedTuple):
    job_id: int
    clip_id: str
    trashed_at: float
    audio_path: str
    image_path: str
