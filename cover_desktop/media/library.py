"""Keeps a local copy of every finished job's clips (the service deletes them after about two weeks)."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..api.errors import MediaError
from ..jobs.model import ClipRecord, Job, JobState
from ..jobs.store import AsyncJobStore
from .fetch import MediaFetcher

log = logging.getLogger(__name__)


def safe_name(text: str, limit: int = 80) -> str:
    text = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", text).strip(" .")
    return text[:limit] or "clip"


class MediaLibrary(QObject):
    clipChanged = Signal(int, str)     # job id, clip id
    problem = Signal(str)

    def __init__(self, root: Path, store: AsyncJobStore, fetcher: MediaFetcher, concurrency: int = 2,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.root = root
        self.store = store
        self.fetcher = fetcher
        self._sem = asyncio.Semaphore(concurrency)
        self._tasks: dict[tuple[int, str], asyncio.Task] = {}

    def folder(self, job: Job) -> Path:
        return self.root / safe_name(job.task_id or f"job-{job.id}")

    def keep(self, job: Job) -> None:
        """Fetch whatever of this job's clips is not on disk yet (no-op for what is)."""
        if job.state is not JobState.DONE:
            return
        for rec in job.clips:
            if self.needs_fetch(rec) and (job.id, rec.id) not in self._tasks:
                t = asyncio.get_running_loop().create_task(self._keep_clip(job, rec))
                self._tasks[(job.id, rec.id)] = t
                t.add_done_callback(lambda _t, k=(job.id, rec.id): self._tasks.pop(k, None))

    def busy(self) -> bool:
        return bool(self._tasks)

    @staticmethod
    def needs_fetch(rec: ClipRecord) -> bool:
        audio_missing = not rec.audio_path or not Path(rec.audio_path).exists()
        image_missing = bool(rec.clip.image_url) and (not rec.image_path or not Path(rec.image_path).exists())
        return (audio_missing and bool(rec.clip.audio_url)) or image_missing

    async def aclose(self) -> None:
        tasks = list(self._tasks.values())
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _keep_clip(self, job: Job, rec: ClipRecord) -> None:
        async with self._sem:
            base = self.folder(job) / safe_name(rec.id)
            errors: list[str] = []
            for kind, url_attr, path_attr in (("audio", "audio_url", "audio_path"),
                                              ("image", "image_url", "image_path")):
                url = getattr(rec.clip, url_attr)
                have = getattr(rec, path_attr)
                if not url or (have and Path(have).exists()):
                    continue
                dest = base if kind == "audio" else base.with_name(base.name + "-cover")
                try:
                    path = await self.fetcher.fetch(url, dest, kind, self._progress(job, rec, kind))
                except asyncio.CancelledError:
                    raise
                except MediaError as err:
                    errors.append(err.message)
                    log.warning("media for clip %s: %s", rec.id, err.message)
                    continue
                except OSError as err:
                    errors.append(f"Could not write the file: {err.strerror or err}")
                    continue
                setattr(rec, path_attr, str(path))
                await self.store.set_clip_media(job.id, rec.id, **{path_attr: str(path)})
                self.clipChanged.emit(job.id, rec.id)
            rec.progress = -1.0
            rec.media_error = " ".join(errors)
            await self.store.set_clip_media(job.id, rec.id, media_error=rec.media_error)
            self.clipChanged.emit(job.id, rec.id)
            if errors:
                self.problem.emit(f"{rec.clip.title or rec.id}: {errors[0]}")

    def _progress(self, job: Job, rec: ClipRecord, kind: str):
        def report(fraction: float) -> None:
            if kind == "audio":
                rec.progress = fraction
                self.clipChanged.emit(job.id, rec.id)
        return report
