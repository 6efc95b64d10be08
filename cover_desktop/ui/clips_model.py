"""The clips of the selected job, or of every job (the library). Covers come lazily from ThumbnailCache."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QObject, QStringListModel, Qt, QTimer, QUrl, Signal

from ..i18n import translate
from ..jobs.model import ClipRecord, Job
from ..media.loudness import Loudness
from ..media.name_template import clip_title as known_title
from ..media.thumbs import ThumbnailCache
from .jobs_model import Index, fmt_elapsed
from .library_view import LibraryView, clip_words, job_words
from .listing import STATE_GROUPS, Listing, Rows
from .messages import describe

Item = tuple[Job, ClipRecord]   # a clip and the job it belongs to: what a row of the clip list is
WARM_TEXTS = 300   # search texts built per idle turn of the loop: a few ms

ClipRole = Qt.ItemDataRole.UserRole + 11
BrokenCoverRole = Qt.ItemDataRole.UserRole + 13
PlayingRole = Qt.ItemDataRole.UserRole + 14
DetailRole = Qt.ItemDataRole.UserRole + 15
RatingRole = Qt.ItemDataRole.UserRole + 16       # 0..5
FavouriteRole = Qt.ItemDataRole.UserRole + 17    # bool
GroupRole = Qt.ItemDataRole.UserRole + 18        # the style matrix the clip's job belongs to, as shown; or ""


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


def group_name(job: Job) -> str:
    """The shown name of a job's style matrix ("aud1 \u00d7 3 styles"): searching the library for it finds the
    group's clips (the search looks through the whole group mark, id and name)."""
    return job.request.group.partition("|")[2]


def row_title(job: Job, rec: ClipRecord) -> str:
    """A row's title: the jobs of a matrix share a title, so their rows add what differs, style and audio id."""
    title = clip_title(job, rec)
    if not job.request.group:
        return title
    return " \u00b7 ".join([title, *(x for x in (rec.clip.tags or job.request.style, job.request.audio_id) if x)])


def clip_detail(rec: ClipRecord, level: Loudness | None = None) -> str:
    parts = []
    if rec.clip.duration:
        parts.append(fmt_elapsed(rec.clip.duration))
    # next to the duration: at the end of the line it was the first thing a narrow window cut off
    if level is not None and level.measured:
        parts.append(lufs_text(level))
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


def stars_text(n: int) -> str:
    return translate("ClipsModel", "%n star(s)", None, n) if n else translate("ClipsModel", "not rated")


def clip_spoken(job: Job, rec: ClipRecord, level: Loudness | None, playing: bool) -> str:
    """Everything a row shows, in words, for a screen reader: title, duration, style, saved or downloading,
    stars, heart, playing and loudness."""
    if rec.progress >= 0:     # not the percentage: the row's name would change with every chunk
        state = translate("ClipsModel", "downloading")
    elif rec.media_error:
        state = describe(rec.media_error)
    elif rec.audio_path:
        state = translate("ClipsModel", "saved")
    else:
        state = translate("ClipsModel", "not saved yet") if rec.clip.audio_url else ""
    parts = [clip_title(job, rec), fmt_elapsed(rec.clip.duration) if rec.clip.duration else "", rec.clip.tags,
             state, stars_text(rec.rating)]
    if rec.favourite:
        parts.append(translate("ClipsModel", "favourite"))
    if playing:
        parts.append(translate("ClipsModel", "playing"))
    if level is not None and level.measured:
        parts.append(lufs_text(level))
    return ", ".join(p for p in parts if p)


def library_files(items: list[Item]) -> list[Path]:
    """The library's own files of these clips, those on disk."""
    return [Path(rec.audio_path) for _, rec in items if Path(rec.audio_path).exists()]


class ClipsModel(QStringListModel):
    """A QStringListModel for its row count alone: QListView asks a model for an index of every row on each
    layout (a reset, any dataChanged), and each ``index()`` asks ``rowCount()``: in C++ here, where a Python
    ``rowCount`` made 200,000 calls into Python per layout at 100,000 clips. The strings stay empty; every
    role comes from ``data()``."""

    coverLanded = Signal(list)    # rows whose cover has just loaded (or failed), or whose download moved on
    def __init__(self, thumbs: ThumbnailCache, parent: QObject | None = None,
                 playing: Callable[[], str] = lambda: ""):
        super().__init__(parent)
        self.thumbs = thumbs
        self._playing = playing     # the player's current clip key: the player owns it, rows only read it
        self._painted_playing = ""  # the row painted as playing, to repaint when the player moves on
        self._rows = Rows([])
        self.library_mode = False
        self.job: Job | None = None
        self.filters = LibraryView()   # the library's search, filters and sort
        self._source: list[tuple[Job, ClipRecord]] = []     # before the view's filters and order
        # per source, built on first use: a keystroke in the search must not pay for them
        self._listing: Listing | None = None
        self._positions: dict[str, int] | None = None       # clip key -> position in the source
        self._by_path: dict[str, dict[str, list[int]]] = {}  # "image_path"/"audio_path" -> path -> positions
        # the library's search texts, built a few at a time while the loop is idle, before the first keystroke
        self._warming = QTimer(self)
        self._warming.setInterval(0)
        self._warming.timeout.connect(self._warm)
        # clip key -> its own part of the search text, job id -> its job's part; only for clips and jobs in the
        # source (an id() could be reused by another record)
        self._hay: dict[str, str] = {}
        self._job_hay: dict[int, str] = {}
        thumbs.ready.connect(self._thumb_ready)
        # a clip's loudness by its file (PeaksCache.loudness: asking starts the measurement)
        self.loudness_of: Callable[[str], Loudness | None] = lambda path: None
        # the files a drag or a copy hands out: named, tagged copies once ui/drag_files.py is set up
        self.hand_out: Callable[[list[Item]], list[Path]] = library_files

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        job, rec = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_title(job, rec)
        if role == GroupRole:
            return group_name(job)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbs.get(rec.image_path) if rec.image_path else None
        if role == DetailRole:
            level = self.loudness_of(rec.audio_path) if rec.audio_path else None
            return clip_detail(rec, level)
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
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return clip_spoken(job, rec, self.loudness_of(rec.audio_path) if rec.audio_path else None,
                               clip_key(job, rec) == self._playing())
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (clip_title(job, rec),
                                         translate("ClipsModel", "Clip id: {clip_id}").format(clip_id=rec.id),
                                         loudness_text(self.loudness_of(rec.audio_path) if rec.audio_path else None),
                                         rec.clip.audio_url, rec.media_error) if x)
        return None

    # -- dragging clips out to a file manager or a DAW ----------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = QAbstractListModel.flags(self, index)   # not QStringListModel's: rows are neither edited nor dropped on
        item = self.at(index.row()) if index.isValid() else None
        if item is not None and item[1].audio_path:
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", "text/plain"]

    def mimeData(self, indexes: list[Any]) -> QMimeData:  # type: ignore[override]
        """The files of these rows' saved clips as URLs (rows not saved yet are left out), from ``hand_out``."""
        items = {clip_key(*item): item for i in indexes if (item := self.at(i.row())) and item[1].audio_path}
        paths = list(dict.fromkeys(self.hand_out(list(items.values()))))
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
            self._source = rows
            self._listing, self._positions, self._by_path = None, None, {}
            if self._hay:
                keys = self._keys
                self._hay = {k: v for k, v in self._hay.items() if k in keys}
            if self._job_hay:
                listed = {j.id for j, _ in rows}
                self._job_hay = {k: v for k, v in self._job_hay.items() if k in listed}
        if self.library_mode:
            view = self.filters
            if self._listing is None:
                self._listing = Listing(rows, self._text)
                self._warming.start()
            since = (time.time() - view.days * 86400) if view.days else None
            self._set(Rows(rows, self._listing.shown(
                trash=view.trash, favourites=view.favourites, min_rating=view.min_rating,
                group=STATE_GROUPS.get(view.state), since=since, words=tuple(view.query.lower().split()),
                sort=view.sort, descending=view.descending)))
        else:
            # a job's own clips: all but those in the trash, in the service's order
            self._set(Rows(rows, [i for i, (_, r) in enumerate(rows) if r.trashed_at is None and r.purged_at is None]))

    def _warm(self) -> None:
        if self._listing is None or self._listing.prepare(WARM_TEXTS):
            self._warming.stop()

    @property
    def _keys(self) -> dict[str, int]:
        """Clip key -> its position in the source."""
        if self._positions is None:
            self._positions = {clip_key(j, r): i for i, (j, r) in enumerate(self._source)}
        return self._positions

    def _text(self, position: int) -> tuple[str, str]:
        """The search text of the source's clip at ``position`` in its two parts (the clip's, its job's), kept
        by clip key and job id across listings."""
        job, rec = self._source[position]
        key = clip_key(job, rec)
        text = self._hay.get(key)
        if text is None:
            text = self._hay[key] = clip_words(rec)
        whole = self._job_hay.get(job.id)
        if whole is None:
            whole = self._job_hay[job.id] = job_words(job)
        return text, whole

    def refresh_job(self, job: Job, all_jobs: list[Job]) -> None:
        """A job changed: repaint its rows; rebuild (a model reset) only when it gained clips."""
        if not self.library_mode and (self.job is None or self.job.id != job.id):
            return
        for rec in job.clips:
            self._hay.pop(clip_key(job, rec), None)
        self._job_hay.pop(job.id, None)
        positions = [self._keys.get(clip_key(job, rec), -1) for rec in job.clips]
        rows = sorted(r for p in positions if (r := self._rows.row_of(p)) >= 0)
        if (len(rows) != len(job.clips) or -1 in positions or self.library_mode and self.filters.filtering
                or any(self._source[p][1] is not rec for p, rec in zip(positions, job.clips, strict=True))):
            if self.library_mode:
                self.show_library(all_jobs)
            else:
                self.show_job(job)
            return
        for p, rec in zip(positions, job.clips, strict=True):
            self._source[p] = (job, rec)
            self._moved(p)
        if rows:
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))

    def clip_changed(self, job_id: int, clip_id: str) -> None:
        """A clip's media or marks changed (a download moving on: once per chunk). A clip still shown is
        repainted (``coverLanded``), not announced with a dataChanged: after each of those QListView lays
        out every row again."""
        key = f"{job_id}/{clip_id}"
        position = self._keys.get(key)
        if position is None:
            return
        self._hay.pop(key, None)
        self._moved(position)
        row = self._rows.row_of(position)
        if row >= 0 and not self._still_shown(self._source[position][1]):
            self._set_source(self._source)   # trashed, restored, or no longer matching a rating filter
        elif row >= 0:
            self.coverLanded.emit([row])

    def _moved(self, position: int) -> None:
        """The source's clip at ``position`` changed: its columns, search text and paths."""
        if self._listing is not None:
            self._listing.update(position)
        rec = self._source[position][1]
        for attr, paths in self._by_path.items():
            path = getattr(rec, attr)
            if path and position not in paths.setdefault(path, []):
                paths[path].append(position)

    def playing_changed(self, key: str) -> None:
        old, self._painted_playing = self._painted_playing, key
        rows = [r for k in (old, key) if (r := self.row_of(k)) >= 0]
        if rows:
            self.coverLanded.emit(rows)

    def _still_shown(self, rec: ClipRecord) -> bool:
        if rec.purged_at is not None or (rec.trashed_at is not None) != (self.library_mode and self.filters.trash):
            return False
        if self.library_mode:
            return (not self.filters.favourites or rec.favourite) and rec.rating >= self.filters.min_rating
        return True

    def loudness_landed(self, path: str) -> None:
        """Repaint the rows of a file whose loudness is now known."""
        rows = self._rows_with("audio_path", path)
        if rows:
            self.coverLanded.emit(rows)

    def row_of(self, key: str) -> int:
        position = self._keys.get(key)
        return -1 if position is None else self._rows.row_of(position)

    def at(self, row: int) -> tuple[Job, ClipRecord] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _set(self, rows: Rows) -> None:
        if len(rows) and rows.same_as(self._rows):
            # the same clips (a job without clips came or went): keep the selection, repaint
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        # the count QListView reads in C++, changed without announcing rows: the reset announces them all
        blocked = self.blockSignals(True)
        try:
            count = super().rowCount()
            if len(rows) < count:
                self.removeRows(len(rows), count - len(rows))
            elif len(rows) > count:
                self.insertRows(count, len(rows) - count)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def _rows_with(self, attr: str, path: str) -> list[int]:
        """The rows whose clip has ``path`` as its ``attr`` (image_path or audio_path)."""
        paths = self._by_path.get(attr)
        if paths is None:
            paths = self._by_path[attr] = {}
            for i, (_, rec) in enumerate(self._source):
                if p := getattr(rec, attr):
                    paths.setdefault(p, []).append(i)
        return sorted(r for i in paths.get(path, ()) if getattr(self._source[i][1], attr) == path
                      and (r := self._rows.row_of(i)) >= 0)

    def _thumb_ready(self, source: str) -> None:
        # not a dataChanged: after each one QListView lays out every row again (two Python calls a row, at
        # 10,000 clips the first scroll through new covers took twice the warm pass); the view repaints them
        rows = self._rows_with("image_path", source)
        if rows:
            self.coverLanded.emit(rows)
