"""The job store: SQLite in the data dir, WAL journal, versioned schema.

WAL with synchronous=NORMAL survives a killed process (kill -9) with every committed row: the
commit is in the OS page cache before the call returns. Only a power cut can cost the last commits.
All calls run on one worker thread (``AsyncJobStore``) so the GUI loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import functools
import json
import math
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from ..api.models import Clip, CoverRequest
from ..api.text import SHOWN_MAX
from .model import ClipRecord, Job, JobState

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

MEDIA_FIELDS = ("audio_path", "image_path", "media_error")
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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClipRecord):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(ClipRecord))

    __hash__ = None  # type: ignore[assignment]


def _request(d: Any) -> CoverRequest:
    if type(d) is dict and d.keys() <= _REQUEST_KEYS:   # what from_dict would pass on: all of it
        return CoverRequest(**d)
    return CoverRequest.from_dict(d)


def _requests(texts: list[Any]) -> list[CoverRequest]:
    """The jobs' requests, decoded as one JSON array when all are text (a third faster than a call each);
    a row that breaks the array (it cannot make one of the same length and stay valid) is decoded alone."""
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


class JobStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), isolation_level=None, timeout=10)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT version FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self.db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self.db.execute("INSERT INTO schema_version VALUES (0)")
                version = 0
            else:
                version = row[0]
            if version > len(MIGRATIONS):
                raise RuntimeError(f"The job history was written by a newer Cover Desktop (schema {version}).")
            for i in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[i].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("UPDATE schema_version SET version = ?", (i + 1,))

    # -- writes ------------------------------------------------------------------------------------
    def add(self, job: Job) -> int:
        with self.db:
            cur = self.db.execute(
                "INSERT INTO jobs (task_id, request, state, raw_status, error, created_at, submitted_at,"
                " updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)", self._row(job))
            job.id = int(cur.lastrowid or 0)
            self._write_children(job)
        return job.id

    def update(self, job: Job) -> None:
        """Write the job's state; a job removed meanwhile (the user removed it mid-submit) stays removed."""
        with self.db:
            cur = self.db.execute(
                "UPDATE jobs SET task_id=?, request=?, state=?, raw_status=?, error=?, created_at=?,"
                " submitted_at=?, updated_at=?, finished_at=? WHERE id=?", (*self._row(job), job.id))
            if cur.rowcount:
                self._write_children(job)

    def remove(self, job_id: int) -> None:
        with self.db:
            self.db.execute("DELETE FROM jobs WHERE id=?", (job_id,))

    def set_clip_media(self, job_id: int, clip_id: str, audio_path: str, image_path: str,
                       media_error: str) -> None:
        """The local copies of one clip; called by the media library only."""
        with self.db:
            self.db.execute(
                "INSERT INTO clip_media (job_id, clip_id, audio_path, image_path, media_error)"
                " SELECT ?,?,?,?,? WHERE EXISTS (SELECT 1 FROM jobs WHERE id=?)"
                " ON CONFLICT (job_id, clip_id) DO UPDATE SET audio_path=excluded.audio_path,"
                " image_path=excluded.image_path, media_error=excluded.media_error",
                (job_id, clip_id, audio_path, image_path, media_error, job_id))

    def set_clip_meta(self, job_id: int, clip_id: str, *, rating: int | None = None,
                      favourite: bool | None = None, trashed_at: float | Restore | None = None,
                      notes: str | None = None, local_title: str | None = None) -> None:
        """Change only the given fields of a clip's local metadata; ``trashed_at=RESTORE`` takes it out of
        the trash (and forgets an emptied trash, so its files may be fetched again). A removed job: no-op."""
        changes: dict[str, Any] = {}
        if rating is not None:
            if not 0 <= rating <= 5:
                raise ValueError(f"A rating is 0 to 5 stars, not {rating}.")
            changes["rating"] = int(rating)
        if favourite is not None:
            changes["favourite"] = int(bool(favourite))
        if trashed_at is RESTORE:
            changes["trashed_at"] = changes["purged_at"] = None
        elif trashed_at is not None:
            changes["trashed_at"] = float(trashed_at)
        if notes is not None:
            changes["notes"] = notes
        if local_title is not None:
            changes["local_title"] = local_title
        if not changes:
            return
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO clip_meta (job_id, clip_id) SELECT ?, ?"
                            " WHERE EXISTS (SELECT 1 FROM jobs WHERE id=?)", (job_id, clip_id, job_id))
            self.db.execute(f"UPDATE clip_meta SET {', '.join(f'{k}=?' for k in changes)}"
                            " WHERE job_id=? AND clip_id=?", (*changes.values(), job_id, clip_id))

    def trashed_clips(self) -> list[TrashedClip]:
        """What the trash holds (emptied clips are no longer in it), most recently trashed first."""
        return [TrashedClip(r[0], r[1], r[2], r[3] or "", r[4] or "") for r in self.db.execute(
            "SELECT k.job_id, k.clip_id, k.trashed_at, m.audio_path, m.image_path FROM clip_meta k"
            " LEFT JOIN clip_media m ON m.job_id = k.job_id AND m.clip_id = k.clip_id"
            " WHERE k.trashed_at IS NOT NULL AND k.purged_at IS NULL ORDER BY k.trashed_at DESC")]

    def empty_trash(self, now: float | None = None) -> list[str]:
        """Mark every clip in the trash as emptied and return the local files to delete (the caller
        deletes them). The clips stay in their jobs, marked, so nothing fetches them again."""
        now = time.time() if now is None else now
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            trashed = self.trashed_clips()
            self.db.execute("UPDATE clip_meta SET purged_at=? WHERE trashed_at IS NOT NULL AND purged_at IS NULL",
                            (now,))
        return list(dict.fromkeys(p for t in trashed for p in (t.audio_path, t.image_path) if p))

    @staticmethod
    def _row(job: Job) -> tuple:
        return (job.task_id, json.dumps(job.request.to_dict()), job.state.value, job.raw_status, job.error,
                job.created_at, job.submitted_at, job.updated_at, job.finished_at)

    def _write_children(self, job: Job) -> None:
        known = {r[0] for r in self.db.execute("SELECT at FROM status_history WHERE job_id=?", (job.id,))}
        self.db.executemany("INSERT INTO status_history VALUES (?,?,?)",
                            [(job.id, at, raw) for at, raw in job.history if at not in known])
        self.db.executemany(
            "INSERT OR REPLACE INTO clips (job_id, clip_id, position, data) VALUES (?,?,?,?)",
            [(job.id, r.clip.id, i, json.dumps(r.clip.to_json())) for i, r in enumerate(job.clips)])

    # -- reads -------------------------------------------------------------------------------------------
    def all_jobs(self) -> list[Job]:
        """Every job, newest first, with its clips and history."""
        return self._read("", ())

    def jobs_page(self, limit: int, before: tuple[float, int] | None = None) -> list[Job]:
        """Up to ``limit`` jobs, newest first, older than ``before`` (the ``(created_at, id)`` of the last job
        of the previous page; None for the first): the first screen of a big history reads in a few ms."""
        if before is None:
            return self._read("", (), limit)
        return self._read(" WHERE created_at < ? OR (created_at = ? AND id < ?)", (before[0], *before), limit)

    def _read(self, where: str, params: tuple[Any, ...], limit: int | None = None) -> list[Job]:
        # plain tuples and positions, not sqlite3.Row and names: this runs once per clip on every start
        cur = self.db.cursor()
        cur.row_factory = None
        page = f"{where} ORDER BY created_at DESC, id DESC" + (" LIMIT ?" if limit is not None else "")
        args = (*params, limit) if limit is not None else params
        # a whole history is read without filtering its clips; a page, with the page's ids
        among = f" WHERE {{}} IN (SELECT id FROM jobs{page})" if where or limit is not None else ""
        clips: dict[int, list[ClipRecord]] = {}
        clip = self._clip
        for r in cur.execute(f"{_CLIPS}{among.format('c.job_id')} ORDER BY c.job_id, c.position",
                             args if among else ()):
            clips.setdefault(r[0], []).append(clip(r))
        history: dict[int, list[tuple[float, str]]] = {}
        for r in cur.execute(f"SELECT job_id, at, raw_status FROM status_history{among.format('job_id')}"
                             " ORDER BY job_id, at", args if among else ()):
            history.setdefault(r[0], []).append((r[1], r[2]))
        rows = cur.execute(f"{_JOBS}{page}", args).fetchall()
        job = self._job
        return [job(r, q, clips.get(r[0], []), history.get(r[0], []))
                for r, q in zip(rows, _requests([r[2] for r in rows]), strict=True)]

    def get(self, job_id: int) -> Job | None:
        cur = self.db.cursor()
        cur.row_factory = None
        r = cur.execute(f"{_JOBS} WHERE id=?", (job_id,)).fetchone()
        if r is None:
            return None
        clips = [self._clip(c) for c in cur.execute(f"{_CLIPS} WHERE c.job_id=? ORDER BY c.position", (job_id,))]
        hist = [(h[0], h[1]) for h in cur.execute(
            "SELECT at, raw_status FROM status_history WHERE job_id=? ORDER BY at", (job_id,))]
        return self._job(r, _requests([r[2]])[0], clips, hist)

    @staticmethod
    def _clip(r: tuple[Any, ...]) -> ClipRecord:
        """A row of ``_CLIPS``, by position: this runs once per clip on every start (10,000 clips and more)."""
        rec = StoredClipRecord.from_row(r[1], r[2], r[3] or "", r[4] or "", r[5] or "")
        if r[6] is not None:   # local metadata: a few clips
            rec.rating, rec.favourite, rec.trashed_at, rec.purged_at, rec.notes, rec.local_title = (
                r[6], bool(r[7]), r[8], r[9], r[10], r[11])
        return rec

    @staticmethod
    def _job(r: tuple[Any, ...], request: CoverRequest, clips: list[ClipRecord],
             history: list[tuple[float, str]]) -> Job:
        """A row of ``_JOBS``, by position."""
        return Job(request=request, state=_STATES.get(r[3], JobState.FAILED), id=r[0], task_id=r[1],
                   raw_status=r[4], error=r[5], created_at=r[6], submitted_at=r[7], updated_at=r[8],
                   finished_at=r[9], clips=clips, history=history)


def _snapshot(job: Job) -> Job:
    """A copy the worker thread can read while the GUI thread goes on changing the original."""
    return dataclasses.replace(job, clips=[dataclasses.replace(c) for c in job.clips], history=list(job.history))


class AsyncJobStore:
    """JobStore on its own thread: ``await store.add(job)`` and so on, in call order."""

    def __init__(self, path: Path):
        self.path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="job-store")
        self._store: JobStore | None = None

    async def open(self) -> AsyncJobStore:
        self._store = await self._run(JobStore, self.path)
        return self

    async def close(self) -> None:
        if self._store is not None:
            await self._run(self._store.close)
            self._store = None
        self._pool.shutdown(wait=True)

    @property
    def _db(self) -> JobStore:
        if self._store is None:
            raise RuntimeError("the job store is closed")
        return self._store

    async def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    async def add(self, job: Job) -> int:
        job.id = await self._run(self._db.add, _snapshot(job))
        return job.id

    async def update(self, job: Job) -> None:
        job.updated_at = max(job.updated_at, time.time())
        await self._run(self._db.update, _snapshot(job))

    async def remove(self, job_id: int) -> None:
        await self._run(self._db.remove, job_id)

    async def set_clip_media(self, job_id: int, clip_id: str, audio_path: str, image_path: str,
                             media_error: str) -> None:
        await self._run(self._db.set_clip_media, job_id, clip_id, audio_path, image_path, media_error)

    async def all_jobs(self) -> list[Job]:
        return await self._run(self._db.all_jobs)

    async def jobs_page(self, limit: int, before: tuple[float, int] | None = None) -> list[Job]:
        return await self._run(self._db.jobs_page, limit, before)

    async def set_clip_meta(self, job_id: int, clip_id: str, *, rating: int | None = None,
                            favourite: bool | None = None, trashed_at: float | Restore | None = None,
                            notes: str | None = None, local_title: str | None = None,
                            rec: ClipRecord | None = None) -> None:
        """As ``JobStore.set_clip_meta``; with ``rec``, the same change is made to it at once (before the
        write), so the view shows it while the disk catches up."""
        if rating is not None and not 0 <= rating <= 5:
            raise ValueError(f"A rating is 0 to 5 stars, not {rating}.")
        if rec is not None:
            if rating is not None:
                rec.rating = rating
            if favourite is not None:
                rec.favourite = favourite
            if trashed_at is RESTORE:
                rec.trashed_at = rec.purged_at = None
            elif trashed_at is not None:
                rec.trashed_at = float(trashed_at)
            if notes is not None:
                rec.notes = notes
            if local_title is not None:
                rec.local_title = local_title
        await self._run(self._db.set_clip_meta, job_id, clip_id, rating=rating, favourite=favourite,
                        trashed_at=trashed_at, notes=notes, local_title=local_title)

    async def trashed_clips(self) -> list[TrashedClip]:
        return await self._run(self._db.trashed_clips)

    async def empty_trash(self) -> list[str]:
        return await self._run(self._db.empty_trash)
