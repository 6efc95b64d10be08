"""The job store: SQLite in the data dir, WAL journal, versioned schema.

WAL with synchronous=NORMAL survives a killed process (kill -9) with every committed row: the
commit is in the OS page cache before the call returns. Only a power cut can cost the last commits.
All calls run on one worker thread (``AsyncJobStore``) so the GUI loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..api.models import CoverRequest
from ..api.words import N_, Words, dump, load
from .model import ClipRecord, Job, JobState
from .rescue import FileWatch
from .schema import (
    _CLIPS,
    _JOBS,
    _STATES,
    MIGRATIONS,
    RESTORE,
    Restore,
    StoredClipRecord,
    TrashedClip,
    _requests,
)

log = logging.getLogger(__name__)


class JobStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = self._connect()
        self._migrate()
        self.watch = FileWatch(path)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        return db

    def keep_in_place(self) -> None:
        """Before each use: the file under ``path`` is still the one open, or the open one is put back there."""
        if self.watch.intact():
            return
        note = self.watch.put_back(self.db)
        self.db.close()
        self.db = self._connect()
        self.watch = FileWatch(self.path)
        log.warning("%s: written back whole, every job kept", note)

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
                raise RuntimeError(Words.of(
                    N_("The job history was written by a newer Cover Desktop (schema {version})."), version=version))
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
                (job_id, clip_id, audio_path, image_path, dump(media_error), job_id))

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
        return (job.task_id, json.dumps(job.request.to_dict()), job.state.value, job.raw_status, dump(job.error),
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
                   raw_status=r[4], error=load(r[5]), created_at=r[6], submitted_at=r[7], updated_at=r[8],
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
        return await loop.run_in_executor(self._pool, functools.partial(self._in_place, fn, *args, **kwargs))

    def _in_place(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._store is not None:
            self._store.keep_in_place()
        return fn(*args, **kwargs)

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
                            notes: str | None = None, local_title: str | None = None) -> None:
        """As ``JobStore.set_clip_meta``. Only the disk: the records in memory are the library's to change."""
        if rating is not None and not 0 <= rating <= 5:
            raise ValueError(f"A rating is 0 to 5 stars, not {rating}.")
        await self._run(self._db.set_clip_meta, job_id, clip_id, rating=rating, favourite=favourite,
                        trashed_at=trashed_at, notes=notes, local_title=local_title)

    async def trashed_clips(self) -> list[TrashedClip]:
        return await self._run(self._db.trashed_clips)

    async def empty_trash(self) -> list[str]:
        return await self._run(self._db.empty_trash)
