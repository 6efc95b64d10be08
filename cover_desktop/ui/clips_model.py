"""The clips of the selected job, or of every job (the library). Covers come lazily from ThumbnailCache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QObject, Qt, QUrl, Signal

from ..i18n import translate
from ..jobs.model import ClipRecord, Job
from ..media.loudness import Loudness
from ..media.naming import clip_title as known_title
from ..media.thumbs import ThumbnailCache
from .jobs_model import Index, fmt_elapsed
from .library_view import LibraryView, haystack
from .messages import describe

Item = tuple[Job, ClipRecord]   # a clip and the job it belongs to: what a row of the clip list is

ClipRole = Qt.ItemDataRole.UserRole + 11
BrokenCoverRole = Qt.ItemDataRole.UserRole + 13
PlayingRole = Qt.ItemDataRole.UserRole + 14
DetailRole = Qt.ItemDataRole.UserRole + 15
RatingRole = Qt.ItemDataRole.UserRole + 16       # 0..5
FavouriteRole = Qt.ItemDataRole.UserRole + 17    # bool


def clip_key(job: Job, rec: ClipRecord) -> str:
    return f"{job.id}/{rec.id}"


def clip_title(job: Job, rec: ClipRecord) -> str:
    """The clip's title, with #n when its job made several (they often share one title)."""
    base = known_title(job, rec)
    if len(job.clips) > 1 and not rec.local_title:
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
        parts.append(translate("ClipsModel", "downloading {percent} %").format(percent=int(rec.progress * 100)))
    elif rec.media_error:
        parts.append(describe(rec.media_error))
    elif rec.audio_path:
        parts.append(translate("ClipsModel", "saved"))
    elif rec.clip.audio_url:
        parts.append(translate("ClipsModel", "not saved yet"))
    return "  \u00b7  ".join(parts)


def lufs_text(level: Loudness) -> str:
    return translate("ClipsModel", "{lufs} LUFS").format(lufs=f"{level.integrated:.1f}")


def loudness_text(level: Loudness | None) -> str:
    """The loudness in a line, or "" while it is not measured."""
    if level is None or not level.measured:
        return ""
    return translate("ClipsModel", "Loudness: {lufs} LUFS, range {lra} LU, peak {peak} dBTP").format(
        lufs=f"{level.integrated:.1f}", lra=f"{level.lra:.1f}", peak=f"{level.true_peak:.1f}")


class ClipsModel(QAbstractListModel):
    coverLanded = Signal(list)    # rows whose cover has just loaded (or failed): repaint them
    def __init__(self, thumbs: ThumbnailCache, parent: QObject | None = None,
                 playing: Callable[[], str] = lambda: ""):
        super().__init__(parent)
        self.thumbs = thumbs
        self._playing = playing     # the player's current clip key: the player owns it, rows only read it
        self._painted_playing = ""  # the row painted as playing, to repaint when the player moves on
        self._rows: list[tuple[Job, ClipRecord]] = []
        # row lookups, built on first use after a change: a keystroke in the search must not pay for them
        self._index_cache: dict[str, int] | None = {}
        self._images_cache: dict[str, list[int]] | None = {}
        self.library_mode = False
        self.job: Job | None = None
        self.filters = LibraryView()   # the library's search, filters and sort
        self._source: list[tuple[Job, ClipRecord]] = []     # before the view's filters and order
        # clip key -> its search text; only for clips in the source (an id() could be reused by another record)
        self._hay: dict[str, str] = {}
        thumbs.ready.connect(self._thumb_ready)
        # a clip's loudness by its file (PeaksCache.loudness: asking starts the measurement)
        self.loudness_of: Callable[[str], Loudness | None] = lambda path: None

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
            level = self.loudness_of(rec.audio_path) if rec.audio_path else None
            return clip_detail(rec) + ("  \u00b7  " + lufs_text(level) if level is not None and level.measured else "")
        if role == ClipRole:
            return rec
        if role == BrokenCoverRole:
            return bool(rec.image_path and self.thumbs.failed(rec.image_path)) or (
                not rec.image_path and bool(rec.media_error) and bool(rec.clip.image_url))
        if role == PlayingRole:
            return clip_key(job, rec) == self._playing()
        if role == RatingRole:
            return rec.rating
        if role == FavouriteRole:
            return rec.favourite
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (clip_title(job, rec),
                                         translate("ClipsModel", "Clip id: {clip_id}").format(clip_id=rec.id),
                                         loudness_text(self.loudness_of(rec.audio_path) if rec.audio_path else None),
                                         rec.clip.audio_url, rec.media_error) if x)
        return None

    # -- dragging clips out to a file manager or a DAW ----------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        item = self.at(index.row()) if index.isValid() else None
        if item is not None and item[1].audio_path:
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", "text/plain"]

    def mimeData(self, indexes: list[Any]) -> QMimeData:  # type: ignore[override]
        """The saved audio files of these rows as file URLs (rows not saved yet are left out)."""
        paths = [Path(rec.audio_path) for job, rec in (self.at(i.row()) or (None, None) for i in indexes)
                 if rec is not None and rec.audio_path and Path(rec.audio_path).exists()]
        paths = list(dict.fromkeys(paths))
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        mime.setText("\n".join(str(p) for p in paths))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # -- what is listed -------------------------------------------------------------------------------------
    def show_job(self, job: Job | None) -> None:
        self.library_mode = False
        self.job = job
        self._set_source([(job, r) for r in job.clips] if job else [])

    def show_library(self, jobs: list[Job]) -> None:
        self.library_mode = True
        self.job = None
        self._set_source([(j, r) for j in jobs for r in j.clips])

    def set_filters(self, filters: LibraryView) -> None:
        self.filters = filters
        self._set_source(self._source)

    def _set_source(self, rows: list[tuple[Job, ClipRecord]]) -> None:
        if rows is not self._source:
            keys = {clip_key(j, r) for j, r in rows}
            self._hay = {k: v for k, v in self._hay.items() if k in keys}
        self._source = rows
        if self.library_mode:
            if self.filters.query:
                hay = self._hay
                for j, r in rows:
                    key = clip_key(j, r)
                    if key not in hay:
                        hay[key] = haystack(j, r)
            self._set(self.filters.apply(rows, self._hay))
        else:
            # a job's own clips: all but those in the trash, in the service's order
            self._set([(j, r) for j, r in rows if r.trashed_at is None and r.purged_at is None])

    def refresh_job(self, job: Job, all_jobs: list[Job]) -> None:
        """A job changed: repaint its rows; rebuild (a model reset) only when it gained clips."""
        if not self.library_mode and (self.job is None or self.job.id != job.id):
            return
        for rec in job.clips:
            self._hay.pop(clip_key(job, rec), None)
        rows = [i for i, (j, _) in enumerate(self._rows) if j.id == job.id]
        if len(rows) != len(job.clips) or self.library_mode and self.filters.filtering:
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
        key = f"{job_id}/{clip_id}"
        row = self._index.get(key)
        item = self.at(row) if row is not None else None
        if item is not None:
            self._hay.pop(key, None)
        if item is not None and not self._still_shown(item[1]):
            self._set_source(self._source)   # trashed, restored, or no longer matching a rating filter
            return
        if row is not None:
            self._index_image(row)
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    def playing_changed(self, key: str) -> None:
        old, self._painted_playing = self._painted_playing, key
        for k in (old, key):
            row = self._index.get(k)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row), [PlayingRole])

    def _still_shown(self, rec: ClipRecord) -> bool:
        if rec.purged_at is not None or (rec.trashed_at is not None) != (self.library_mode and self.filters.trash):
            return False
        if self.library_mode:
            return (not self.filters.favourites or rec.favourite) and rec.rating >= self.filters.min_rating
        return True

    def loudness_landed(self, path: str) -> None:
        """Repaint the rows of a file whose loudness is now known."""
        rows = [i for i, (_, r) in enumerate(self._rows) if r.audio_path == path]
        if rows:
            self.coverLanded.emit(rows)

    def row_of(self, key: str) -> int:
        return self._index.get(key, -1)

    def at(self, row: int) -> tuple[Job, ClipRecord] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _set(self, rows: list[tuple[Job, ClipRecord]]) -> None:
        same = bool(rows) and len(rows) == len(self._rows) and all(
            a[1] is b[1] for a, b in zip(rows, self._rows, strict=True))
        if same:
            # the same clips (a job without clips came or went): keep the selection, repaint
            self._rows = rows
            self._images_cache = None
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._index_cache = None
        self._images_cache = None
        self.endResetModel()

    @property
    def _index(self) -> dict[str, int]:
        if self._index_cache is None:
            self._index_cache = {clip_key(j, r): i for i, (j, r) in enumerate(self._rows)}
        return self._index_cache

    @property
    def _by_image(self) -> dict[str, list[int]]:
        if self._images_cache is None:
            images: dict[str, list[int]] = {}
            for i, (_, rec) in enumerate(self._rows):
                if rec.image_path:
                    images.setdefault(rec.image_path, []).append(i)
            self._images_cache = images
        return self._images_cache

    def _index_image(self, row: int) -> None:
        """One row's cover into the path -> rows index (download progress calls this per chunk: no rescan)."""
        if self._images_cache is None:
            return   # built whole on first use
        path = self._rows[row][1].image_path
        if path:
            rows = self._images_cache.setdefault(path, [])
            if row not in rows:
                rows.append(row)

    def _thumb_ready(self, source: str) -> None:
        # not a dataChanged: after each one QListView lays out every row again (two Python calls a row, at
        # 10,000 clips the first scroll through new covers took twice the warm pass); the view repaints them
        rows = self._by_image.get(source, [])
        if rows:
            self.coverLanded.emit(list(rows))
