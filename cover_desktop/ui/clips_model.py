"""The clips of the selected job, or of every job (the library). Covers come lazily from ThumbnailCache."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from ..jobs.model import ClipRecord, Job
from ..media.thumbs import ThumbnailCache
from .jobs_model import Index, fmt_elapsed

ClipRole = Qt.ItemDataRole.UserRole + 11
BrokenCoverRole = Qt.ItemDataRole.UserRole + 13
PlayingRole = Qt.ItemDataRole.UserRole + 14
DetailRole = Qt.ItemDataRole.UserRole + 15


def clip_key(job: Job, rec: ClipRecord) -> str:
    return f"{job.id}/{rec.id}"


def clip_title(job: Job, rec: ClipRecord) -> str:
    """The clip's title, with #n when its job made several (they often share one title)."""
    base = rec.clip.title or job.request.title or rec.id
    if len(job.clips) > 1:
        n = next((i for i, r in enumerate(job.clips, 1) if r is rec), 0)
        if n and not base.endswith(f"#{n}"):
            return f"{base} #{n}"
    return base


def clip_detail(rec: ClipRecord) -> str:
    parts = []
    if rec.clip.duration:
        parts.append(fmt_elapsed(rec.clip.duration))
    if rec.clip.tags:
        parts.append(rec.clip.tags)
    if rec.progress >= 0:
        parts.append(f"downloading {int(rec.progress * 100)} %")
    elif rec.media_error:
        parts.append(rec.media_error)
    elif rec.audio_path:
        parts.append("saved")
    elif rec.clip.audio_url:
        parts.append("not saved yet")
    return "  \u00b7  ".join(parts)


class ClipsModel(QAbstractListModel):
    def __init__(self, thumbs: ThumbnailCache, parent: QObject | None = None):
        super().__init__(parent)
        self.thumbs = thumbs
        self._rows: list[tuple[Job, ClipRecord]] = []
        self._index: dict[str, int] = {}
        self._by_image: dict[str, list[int]] = {}
        self.playing_key = ""
        self.library_mode = False
        self.job: Job | None = None
        thumbs.ready.connect(self._thumb_ready)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        job, rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return clip_title(job, rec)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbs.get(rec.image_path) if rec.image_path else None
        if role == DetailRole:
            return clip_detail(rec)
        if role == ClipRole:
            return rec
        if role == BrokenCoverRole:
            return bool(rec.image_path and self.thumbs.failed(rec.image_path)) or (
                not rec.image_path and bool(rec.media_error) and bool(rec.clip.image_url))
        if role == PlayingRole:
            return clip_key(job, rec) == self.playing_key
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (clip_title(job, rec), f"Clip id: {rec.id}", rec.clip.audio_url,
                                         rec.media_error) if x)
        return None

    def show_job(self, job: Job | None) -> None:
        self.library_mode = False
        self.job = job
        self._set([(job, r) for r in job.clips] if job else [])

    def show_library(self, jobs: list[Job]) -> None:
        self.library_mode = True
        self.job = None
        self._set([(j, r) for j in jobs for r in j.clips])

    def refresh_job(self, job: Job, all_jobs: list[Job]) -> None:
        """A job changed: repaint its rows; rebuild (a model reset) only when it gained clips."""
        if not self.library_mode and (self.job is None or self.job.id != job.id):
            return
        rows = [i for i, (j, _) in enumerate(self._rows) if j.id == job.id]
        if len(rows) != len(job.clips):
            if self.library_mode:
                self.show_library(all_jobs)
            else:
                self.show_job(job)
            return
        for i, rec in zip(rows, job.clips, strict=True):
            self._rows[i] = (job, rec)
            self._index_image(i)
        if rows:
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))

    def clip_changed(self, job_id: int, clip_id: str) -> None:
        row = self._index.get(f"{job_id}/{clip_id}")
        if row is not None:
            self._index_image(row)
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    def set_playing(self, key: str) -> None:
        old, self.playing_key = self.playing_key, key
        for k in (old, key):
            row = self._index.get(k)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row), [PlayingRole])

    def row_of(self, key: str) -> int:
        return self._index.get(key, -1)

    def at(self, row: int) -> tuple[Job, ClipRecord] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _set(self, rows: list[tuple[Job, ClipRecord]]) -> None:
        if rows and [clip_key(j, r) for j, r in rows] == [clip_key(j, r) for j, r in self._rows]:
            # the same clips (a job without clips came or went): keep the selection, repaint
            self._rows = rows
            self._reindex_images()
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._index = {clip_key(j, r): i for i, (j, r) in enumerate(rows)}
        self._reindex_images()
        self.endResetModel()

    def _reindex_images(self) -> None:
        self._by_image = {}
        for i in range(len(self._rows)):
            self._index_image(i)

    def _index_image(self, row: int) -> None:
        """One row's cover into the path -> rows index (download progress calls this per chunk: no rescan)."""
        path = self._rows[row][1].image_path
        if path:
            rows = self._by_image.setdefault(path, [])
            if row not in rows:
                rows.append(row)

    def _thumb_ready(self, source: str) -> None:
        for row in self._by_image.get(source, []):
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole, BrokenCoverRole])
