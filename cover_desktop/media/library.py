"""Keeps a local copy of every finished job's clips (the service deletes them after about two weeks).

The library is the only writer of a clip's media state (local paths, download error, progress): in memory
on the ``ClipRecord`` and on disk in the store's ``clip_media`` table.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..api.errors import MediaError
from ..i18n import translate
from ..jobs.model import ClipRecord, Job, JobState
from ..jobs.store import RESTORE, AsyncJobStore, Restore
from ..tasks import TaskSet
from .fetch import MediaFetcher
from .names import unique_name

log = logging.getLogger(__name__)

RETRIES = 3            # tries per file in one go; a failure after that waits for the Retry action or a restart
RETRY_BASE = 2.0       # seconds before the second try, doubling


def needs_fetch(rec: ClipRecord) -> bool:
    """Blocking (a stat per file): call it off the GUI thread for many clips. A clip in the trash, or whose
    files the user deleted by emptying it, is not fetched again."""
    if rec.trashed_at is not None or rec.purged_at is not None:
        return False
    audio_missing = not rec.audio_path or not Path(rec.audio_path).exists()
    image_missing = bool(rec.clip.image_url) and (not rec.image_path or not Path(rec.image_path).exists())
    return (audio_missing and bool(rec.clip.audio_url)) or image_missing


class MediaLibrary(QObject):
    clipChanged = Signal(int, str)     # job id, clip id
    problem = Signal(str)

    def __init__(self, root: Path, store: AsyncJobStore, fetcher: MediaFetcher, concurrency: int = 2,
                 parent: QObject | None = None, retry_base: float = RETRY_BASE):
        super().__init__(parent)
        self.root = root
        self.store = store
        self.fetcher = fetcher
        self.retry_base = retry_base
        self._sem = asyncio.Semaphore(concurrency)
        self._tasks = TaskSet(self.problem.emit, "media library")

    def folder(self, job: Job) -> Path:
        # a short hash of the raw id keeps ids that clean to the same name ("x/1", "x:1") apart
        return self.root / unique_name(job.task_id or f"job-{job.id}")

    def keep(self, job: Job) -> None:
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
            self.keep(job)
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
        await self.store.set_clip_meta(job.id, rec.id, rating=rating, favourite=favourite, trashed_at=trashed_at,
                                       notes=notes, local_title=local_title, rec=rec)
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
        errors: list[str] = []
        for kind in ("audio", "image"):
            url = rec.clip.audio_url if kind == "audio" else rec.clip.image_url
            have = rec.audio_path if kind == "audio" else rec.image_path
            if not url or (have and Path(have).exists()):
                continue
            dest = base if kind == "audio" else base.with_name(base.name + "-cover")
            try:
                path = await self._fetch_with_retries(url, dest, kind, self._progress(job, rec, kind))
            except MediaError as err:
                errors.append(err.message)
                log.warning("media for clip %s: %s", rec.id, err.message)
                continue
            except OSError as err:
                errors.append(translate("MediaLibrary", "Could not write the file: {reason}").format(
                    reason=err.strerror or err))
                continue
            if kind == "audio":
                rec.audio_path = str(path)
            else:
                rec.image_path = str(path)
            await self._save(job, rec)
        rec.progress = -1.0
        rec.media_error = " ".join(errors)
        await self._save(job, rec)
        if errors:
            self.problem.emit(f"{rec.clip.title or rec.id}: {errors[0]}")

    async def _fetch_with_retries(self, url: str, dest: Path, kind: str,
                                  progress: Callable[[float], None]) -> Path:
        for attempt in range(1, RETRIES + 1):
            try:
                # a slot per attempt, not per clip: a clip waiting out its back-off lets the others through
                async with self._sem:
                    return await self.fetcher.fetch(url, dest, kind, progress)
            except MediaError as err:
                if not err.retryable or attempt == RETRIES:
                    raise
                delay = self.retry_base * 2 ** (attempt - 1) * random.uniform(0.8, 1.2)
                log.info("media %s for %s failed (%s); try %d in %.1f s", kind, dest.name, err.kind,
                         attempt + 1, delay)
                await asyncio.sleep(delay)
        raise MediaError(translate("MediaLibrary", "The audio could not be fetched.") if kind == "audio"
                         else translate("MediaLibrary", "The cover could not be fetched."))

    async def _save(self, job: Job, rec: ClipRecord) -> None:
        await self.store.set_clip_media(job.id, rec.id, rec.audio_path, rec.image_path, rec.media_error)
        self.clipChanged.emit(job.id, rec.id)

    def _progress(self, job: Job, rec: ClipRecord, kind: str) -> Callable[[float], None]:
        def report(fraction: float) -> None:
            if kind == "audio":
                rec.progress = fraction
                self.clipChanged.emit(job.id, rec.id)
        return report
