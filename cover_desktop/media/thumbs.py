"""Cover thumbnails: loaded only when a row is drawn, scaled once off the GUI thread, kept in a bounded
memory LRU and in the cache dir, so 10,000 clips cost what the visible ones cost."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPainterPath

from ..tasks import TaskSet

log = logging.getLogger(__name__)

COVER_SIZE = 56   # logical pixels of a cover in a clip row


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
                 parent: QObject | None = None):
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.dpr = dpr
        self.px = max(1, round(size * dpr))
        self.capacity = capacity
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._failed: set[str] = set()
        self._loading = TaskSet(name="thumbnails")
        self._sem = asyncio.Semaphore(2)

    def get(self, source: str) -> QImage | None:
        """The thumbnail if ready; otherwise start loading it and return None."""
        if not source:
            return None
        img = self._images.get(source)
        if img is not None:
            self._images.move_to_end(source)
            return img
        if source not in self._failed and not self._loading.running(source):
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return None
            self._loading.spawn(self._load(source), "loading a cover", key=source)
        return None

    def failed(self, source: str) -> bool:
        return source in self._failed

    def __len__(self) -> int:
        return len(self._images)

    async def aclose(self) -> None:
        await self._loading.aclose()

    async def _load(self, source: str) -> None:
        cached = self.cache_dir / f"{hashlib.sha1(source.encode()).hexdigest()}-{self.px}.png"
        try:
            async with self._sem:
                img = await asyncio.to_thread(_scaled, source, str(cached), self.px, self.dpr)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a broken file shows the broken-image mark, nothing more
            log.warning("thumbnail failed: %s", type(exc).__name__)
            img = None
        if img is None:
            self._failed.add(source)
        else:
            self._images[source] = img
            while len(self._images) > self.capacity:
                self._images.popitem(last=False)
        self.ready.emit(source)
