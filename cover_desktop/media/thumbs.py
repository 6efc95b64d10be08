"""Cover thumbnails: loaded only when a row is drawn (or is about to be), decoded and scaled once in worker
threads, kept in a bounded memory LRU and in the cache dir, so 10,000 clips cost what the visible ones cost.

Loading order: what was asked for last loads first (while scrolling, the rows on screen now, not those
scrolled past), and what ``prefetch`` asks for (the rows just beyond the view) only when nothing on screen
waits. Both queues are bounded: a fast scroll drops the requests it left behind instead of decoding
hundreds of covers nobody sees; a row that comes back asks again. Memory keeps the covers asked for most
recently, whatever order they landed in.

Covers that land within ``ANNOUNCE_S`` of each other are announced (``ready``) together: the clips model
turns each into a dataChanged, and after each event-loop turn with a dataChanged in it QListView lays out
every row again, calling into the Python model twice per row (20,000 calls for 10,000 clips)."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPainterPath

log = logging.getLogger(__name__)

COVER_SIZE = 56   # logical pixels of a cover in a clip row
# decoding threads: one core fewer than the machine has, so scrolling keeps one to itself (with a core per
# thread the first scroll through new covers took twice as long as the next; with one less, a third longer)
WORKERS = min(4, max(1, (os.cpu_count() or 2) - 1))
ANNOUNCE_S = 0.03  # a frame or two: late enough to gather what lands together, too soon for an eye to see


def _scaled(source: str, cached: str, px: int, dpr: float) -> QImage | None:
    """Runs in a worker thread (QImage, unlike QPixmap, is safe there): a square crop at exactly the
    device pixels a row paints, so painting never scales."""
    img = QImage(cached)
    if img.isNull():
        img = QImage(source)
        if img.isNull():
            return None
        img = img.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                         Qt.TransformationMode.SmoothTransformation)
        img = _rounded(img.copy((img.width() - px) // 2, (img.height() - px) // 2, px, px), px * 6 // COVER_SIZE)
        Path(cached).parent.mkdir(parents=True, exist_ok=True)
        img.save(cached)  # PNG, by the name
    # the raster engine's fastest source format; corners are already transparent, so no clip path per paint
    img = img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    return img


def _rounded(img: QImage, radius: int) -> QImage:
    out = QImage(img.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, img.width(), img.height()), radius, radius)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setClipPath(path)
    p.drawImage(0, 0, img)
    p.end()
    return out


class ThumbnailCache(QObject):
    ready = Signal(str)   # the source path whose thumbnail is now available (or failed)

    def __init__(self, cache_dir: Path, capacity: int = 400, size: int = COVER_SIZE, dpr: float = 1.0,
                 parent: QObject | None = None, workers: int = WORKERS):
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.dpr = dpr
        self.px = max(1, round(size * dpr))
        self.capacity = capacity
        self.workers = workers
        self._images: dict[str, QImage] = {}
        self._used: OrderedDict[str, None] = OrderedDict()      # asked for by get(), least recently first
        self._failed: set[str] = set()
        self._wanted: OrderedDict[str, None] = OrderedDict()     # asked for by get(): newest last
        self._ahead: OrderedDict[str, None] = OrderedDict()      # asked for by prefetch(): newest last
        self._running: dict[str, asyncio.Future[QImage | None]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._landed_now: list[str] = []
        self._announcing: asyncio.TimerHandle | None = None
        self._closed = False
        self.loads = 0   # decodes started (for tests and benchmarks)

    def get(self, source: str) -> QImage | None:
        """The thumbnail if ready; otherwise ask for it (first in line) and return None."""
        if not source:
            return None
        img = self._images.get(source)
        if img is not None:
            self._used.move_to_end(source)
            return img
        if source in self._failed:
            return None
        self._used[source] = None
        self._used.move_to_end(source)
        if source not in self._running:
            self._ahead.pop(source, None)
            self._wanted[source] = None
            self._wanted.move_to_end(source)
            if len(self._wanted) > self.capacity + self.workers:   # more than memory would keep
                left_behind, _ = self._wanted.popitem(last=False)
                self._used.pop(left_behind, None)
            self._pump()
        return None

    def prefetch(self, sources: Iterable[str]) -> None:
        """Load these, nearest first, when nothing asked for by ``get`` waits: the covers of the rows just
        beyond the view, so they are there when scrolled to. The latest call goes before earlier ones, whose
        farthest rows are dropped when too many wait."""
        for source in reversed(list(sources)):   # the queue's end loads first
            if (source and source not in self._images and source not in self._failed
                    and source not in self._running and source not in self._wanted):
                self._ahead[source] = None
                self._ahead.move_to_end(source)
        while len(self._ahead) > self.capacity // 2:
            self._ahead.popitem(last=False)
        self._pump()

    def failed(self, source: str) -> bool:
        return source in self._failed

    def __len__(self) -> int:
        return len(self._images)

    def pending(self) -> int:
        """Thumbnails waiting or loading."""
        return len(self._wanted) + len(self._ahead) + len(self._running)

    @property
    def _loading(self) -> int:   # the name callers waited on before pending()
        return self.pending()

    async def aclose(self) -> None:
        self._closed = True
        self._wanted.clear()
        self._ahead.clear()
        if self._announcing is not None:
            self._announcing.cancel()
            self._announcing = None
        running = list(self._running.values())
        if running:
            await asyncio.gather(*running, return_exceptions=True)
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def _pump(self) -> None:
        if self._closed:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:   # no loop (yet): what is queued starts on the next call made inside one
            return
        while len(self._running) < self.workers and (self._wanted or self._ahead):
            source, _ = (self._wanted or self._ahead).popitem(last=True)
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="thumbnails")
            cached = self.cache_dir / f"{hashlib.sha1(source.encode()).hexdigest()}-{self.px}.png"
            future = loop.run_in_executor(self._pool, _scaled, source, str(cached), self.px, self.dpr)
            self._running[source] = future
            self.loads += 1
            future.add_done_callback(functools.partial(self._landed, source))

    def _landed(self, source: str, future: asyncio.Future[QImage | None]) -> None:
        self._running.pop(source, None)
        if self._closed or future.cancelled():
            return
        img: QImage | None = None
        exc = future.exception()
        if exc is not None:   # a broken file shows the broken-image mark, nothing more
            log.warning("thumbnail failed: %s", type(exc).__name__)
        else:
            img = future.result()
        if img is None:
            self._failed.add(source)
            self._used.pop(source, None)
        else:
            self._images[source] = img
            self._used.setdefault(source, None)   # a prefetched cover: as recent as its landing
            if len(self._images) > self.capacity:
                self._evict()
        self._landed_now.append(source)
        if self._announcing is None:
            self._announcing = asyncio.get_running_loop().call_later(ANNOUNCE_S, self._announce)
        self._pump()

    def _evict(self) -> None:
        """Drop the covers asked for least recently (some asked for may still be on their way: skipped)."""
        for old in [s for s in self._used if s in self._images][: len(self._images) - self.capacity]:
            del self._images[old]
            del self._used[old]

    def _announce(self) -> None:
        self._announcing = None
        landed, self._landed_now = self._landed_now, []
        for source in landed:
            self.ready.emit(source)
