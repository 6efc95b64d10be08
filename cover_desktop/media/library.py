"""Keeps a local copy of every finished job's clips (the service deletes them after about two weeks).

The library is the only writer of a clip's media state (local paths, download error, progress): in memory
on the ``ClipRecord`` and on disk in the store's ``clip_media`` table.

A full disk is said once, with the space left; the partial files no one is writing are deleted (they only
keep a download's progress), and each clip waits until there is room again, then goes on by itself.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..api.errors import MediaError
from ..api.words import N_, Words
from ..jobs.model import ClipRecord, Job, JobState
from ..jobs.store import RESTORE, AsyncJobStore, Restore
from ..tasks import TaskSet
from . import partfile
from .safe_names import unique_name

if TYPE_CHECKING:
    # for types only: the media client's code (httpx) is the runtime's to import, when it starts
    from .fetch import MediaFetcher

log = logging.getLogger(__name__)

RETRIES = 3            # tries per file in one go; a failure after that waits for the Retry action or a restart
RETRY_BASE = 2.0       # seconds before the second try, doubling
SPACE_TO_RESUME = 64 * 2**20   # bytes free before downloads stopped by a full disk try again
SPACE_POLL = (5.0, 60.0)       # first and longest wait between two looks at the free space


def needs_fetch(rec: ClipRecord) -> bool:
    """Blocking (a stat per file): call it off the GUI thread for many clips. A clip in the trash, or whose
    files the user deleted by emptying it, is not fetched again."""
    if rec.trashed_at is not None or rec.purged_at is not None:
        return False
    clip = rec.glance()   # asked of every clip at a start: their decoded copies are not kept
    audio_missing = not rec.audio_path or not Path(rec.audio_path).exists()
    image_missing = bool(clip.image_url) and (not rec.image_path or not Path(rec.image_path).exists())
    return (audio_missing and bool(clip.audio_url)) or image_missing


class MediaLibrary(QObject):
    clipChanged = Signal(int, str)     # job id, clip id
    problem = Signal(object)           # Words (or a task's failure as text), for ui.messages to say

    def __init__(self, root: Path, store: AsyncJobStore, fetcher: MediaFetcher, concurrency: int = 2,
                 parent: QObject | None = None, retry_base: float = RETRY_BASE):
        super().__init__(parent)
        self.root = root
        self.store = store
        self.fetcher = fetcher
        self.retry_base = retry_base
        self.free_space: Callable[[Path], int] = partfile.free_bytes   # a seam: tests stand in a full disk
        self.space_poll = SPACE_POLL
        self._full_said = False    # the window has been told the disk is full, and not since that it is not
        self._sem = asyncio.Semaphore(concurrency)
        self._tasks = TaskSet(self.problem.emit, "media library")

    def folder(self, job: Job) -> Path:
        # a short hash of the raw id keeps ids that clean to the same name ("x/1", "x:1") apart
        return self.root / unique_name(job.task_id or f"job-{job.id}")

    def fetch_missing(self, job: Job) -> None:
        """Fetch whatever of this job's clips is not on disk yet (no-op for what is)."""
        if job.state is not JobState.DONE:
            return
        for rec in job.clips:
            if needs_fetch(rec):
                self._tasks.spawn(self._keep_clip(job, rec), f"keeping clip {rec.id}", key=(job.id, rec.id))

    async def resume(self, jobs: list[Job]) -> int:
        """After a start: fetch what earlier sessions did not finish. Returns how many jobs had work left."""
        # a stat() per clip: for a large library, off the GUI thread
        incomplete = await asyncio.to_thread(
            lambda: [j for j in jobs if j.state is JobState.DONE and any(needs_fetch(r) for r in j.clips)])
        for job in incomplete:
            self.fetch_missing(job)
        return len(incomplete)

    def retry(self, job: Job, rec: ClipRecord) -> bool:
        """The user's Retry on a clip: False when there is nothing left to fetch."""
        if not needs_fetch(rec):
            return False
        if self._tasks.running((job.id, rec.id)):
            return True
        rec.media_error = ""
        self.clipChanged.emit(job.id, rec.id)
        self._tasks.spawn(self._keep_clip(job, rec), f"keeping clip {rec.id}", key=(job.id, rec.id))
        return True

    # -- the musician's own marks: rating, favourite, trash, title, notes --------------------------------------
    async def set_meta(self, job: Job, rec: ClipRecord, *, rating: int | None = None,
                       favourite: bool | None = None, trashed: bool | None = None, notes: str | None = None,
                       local_title: str | None = None) -> None:
        """Change what the musician keeps about a clip; the record changes at once, the disk follows."""
        trashed_at: float | Restore | None = None
        if trashed is True:
            trashed_at = time.time()
        elif trashed is False:
            trashed_at = RESTORE
        if rating is not None and not 0 <= rating <= 5:
            raise ValueError(f"A rating is 0 to 5 stars, not {rating}.")
        # the view shows the change at once; the disk follows
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
        await self.store.set_clip_meta(job.id, rec.id, rating=rating, favourite=favourite, trashed_at=trashed_at,
                                       notes=notes, local_title=local_title)
        self.clipChanged.emit(job.id, rec.id)

    async def empty_trash(self, jobs: list[Job]) -> int:
        """Delete the files of every clip in the trash, for good. Returns how many files went."""
        paths = await self.store.empty_trash()
        now = time.time()
        for job in jobs:
            for rec in job.clips:
                if rec.trashed_at is not None and rec.purged_at is None:
                    rec.purged_at = now
                    self.clipChanged.emit(job.id, rec.id)

        def delete() -> int:
            gone = 0
            for p in paths:
                try:
                    Path(p).unlink()
                    gone += 1
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    log.warning("could not delete %s: %s", p, exc)
            return gone

        return await asyncio.to_thread(delete)

    def busy(self) -> bool:
        return bool(self._tasks)

    async def aclose(self) -> None:
        await self._tasks.aclose()

    async def _keep_clip(self, job: Job, rec: ClipRecord) -> None:
        base = self.folder(job) / unique_name(rec.id)
        errors: list[Words] = []
        for kind in ("audio", "image"):
            url = rec.clip.audio_url if kind == "audio" else rec.clip.image_url
            have = rec.audio_path if kind == "audio" else rec.image_path
            if not url or (have and Path(have).exists()):
                continue
            dest = base if kind == "audio" else base.with_name(base.name + "-cover")
            try:
                path = await self._fetch_with_retries(url, dest, kind, self._progress(job, rec, kind),
                                                      lambda: self._waiting_for_space(job, rec))
            except MediaError as err:
                errors.append(err.message)
                log.warning("media for clip %s: %s", rec.id, err.message)
                continue
            except OSError as err:
                log.warning("media for clip %s: could not write %s: %s", rec.id, dest, err)
                errors.append(Words.of(N_("Could not write the file: {reason}"), reason=str(err.strerror or err)))
                continue
            if kind == "audio":
                rec.audio_path = str(path)
            else:
                rec.image_path = str(path)
            await self._save(job, rec)
        rec.progress = -1.0
        rec.media_error = Words.joined(*errors)
        await self._save(job, rec)
        if errors:
            self.problem.emit(Words.of(N_("{clip}: {problem}"), clip=rec.clip.title or rec.id, problem=errors[0]))

    async def _fetch_with_retries(self, url: str, dest: Path, kind: str, progress: Callable[[float], None],
                                  waiting: Callable[[], None]) -> Path:
        attempt, full = 1, 0
        while attempt <= RETRIES:
            try:
                # a slot per attempt, not per clip: a clip waiting out its back-off lets the others through
                async with self._sem:
                    path = await self.fetcher.fetch(url, dest, kind, progress)
                self._full_said = False
                return path
            except MediaError as err:
                if not err.retryable or attempt == RETRIES:
                    raise
                delay = self.retry_base * 2 ** (attempt - 1) * random.uniform(0.8, 1.2)
                log.info("media %s for %s failed (%s); try %d in %.1f s", kind, dest.name, err.kind,
                         attempt + 1, delay)
                attempt += 1
                await asyncio.sleep(delay)
            except OSError as err:
                from .fetch import disk_full  # loaded with the fetcher that raised this

                if not disk_full(err):
                    raise
                # not a try used up: the download itself was fine
                waiting()
                await self._wait_for_space(dest.parent, err, full)
                full += 1
        raise MediaError(N_("The audio could not be fetched.") if kind == "audio"
                         else N_("The cover could not be fetched."))

    async def _wait_for_space(self, folder: Path, err: OSError, streak: int) -> None:
        free = await asyncio.to_thread(self.free_space, folder)
        log.warning("media: the disk holding %s is full (%s, %d MB free); downloads wait for space", folder,
                    err.strerror or err, free // 2**20)
        freed = await asyncio.to_thread(partfile.drop_idle_parts, self.root)
        if freed:
            log.info("media: deleted %d KB of partial downloads no one was writing", freed // 1024)
        if not self._full_said:
            self._full_said = True
            self.problem.emit(Words.of(N_("The disk is full ({free} MB free). The clips are saved as soon as there "
                                          "is space again."), free=free // 2**20))
        first, longest = self.space_poll
        delay = min(longest, first * 2 ** streak)
        while True:
            await asyncio.sleep(delay)
            if await asyncio.to_thread(self.free_space, folder) >= SPACE_TO_RESUME:
                return
            delay = min(longest, delay * 2)

    def _waiting_for_space(self, job: Job, rec: ClipRecord) -> None:
        rec.media_error = Words.of(N_("Waiting for free disk space."))
        rec.progress = -1.0
        self.clipChanged.emit(job.id, rec.id)

    async def _save(self, job: Job, rec: ClipRecord) -> None:
        try:
            await self.store.set_clip_media(job.id, rec.id, rec.audio_path, rec.image_path, rec.media_error)
        except (sqlite3.Error, OSError) as exc:
            # the record in memory is right, and the next change of this clip writes it all again
            log.warning("media for clip %s: the job history could not be updated (%s)", rec.id, exc)
        self.clipChanged.emit(job.id, rec.id)

    def _progress(self, job: Job, rec: ClipRecord, kind: str) -> Callable[[float], None]:
        def report(fraction: float) -> None:
            if kind == "audio":
                rec.progress = fraction
                self.clipChanged.emit(job.id, rec.id)
        return report
