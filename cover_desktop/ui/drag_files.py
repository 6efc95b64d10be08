"""What the clip list hands out when clips are dragged or copied (Ctrl+C): copies named by the export template
and tagged, from the drag-out cache (media/dragout.py), never the library's own files.

The selected clips' files are made in the background once the selection settles, so a drag finds them ready;
a drag started sooner makes them on the spot, on the GUI thread, since a drag must hold its URLs when it starts
(a copy and its tags: 5-15 ms for a 3-minute clip as delivered; when Settings convert to WAV or FLAC, the decode
and the encode, over a second)."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

from ..config import Config
from ..media.dragout import DragOutCache, HandOut
from ..settings import Dirs
from ..tasks import TaskSet
from .clips_model import ClipsModel, Item

log = logging.getLogger(__name__)

PREPARE_AFTER_MS = 300      # arrowing through the list changes the selection many times a second
PRUNE, PREPARING = "drag-out prune", "drag-out preparing"     # tasks' keys: one of each at a time
PREPARE_MAX = 50            # a larger selection (Ctrl+A) is made when it is dragged, not whenever it is selected


class DragFiles(QObject):
    def __init__(self, view: QAbstractItemView, model: ClipsModel, selected: Callable[[], list[Item]],
                 config: Config, tasks: TaskSet, parent: QObject | None = None):
        super().__init__(parent)
        self.cache = DragOutCache(Dirs.cache() / "drag-out")
        self._view = view
        self._selected = selected
        self._config = config
        self._tasks = tasks
        self._keep: set[Path] = set()
        self._again = False
        self._pending: list[Item] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREPARE_AFTER_MS)
        self._timer.timeout.connect(self.prepare)
        view.selectionModel().selectionChanged.connect(lambda *_: self._timer.start())
        model.hand_out = self.files
        self._prune()       # what earlier sessions left

    def _how(self) -> HandOut:
        return HandOut.of(self._config.settings)

    def files(self, items: list[Item]) -> list[Path]:
        """The files to hand out for these clips, made now where they are not ready yet."""
        how = self._how()
        out: list[Path] = []
        made: list[Path] = []
        start = time.perf_counter()
        for job, rec in items:
            if not os.path.isfile(rec.audio_path):     # emptied from the trash meanwhile
                continue
            try:
                path = self.cache.ready(job, rec, how)
                if path is None:
                    path = self.cache.make(job, rec, how)
                    made.append(self.cache.entry(job, rec, how))
            except (OSError, ValueError) as exc:
                # a drag that works beats none: the library's file, as it is named
                log.warning("a clip handed out as the library keeps it: %s", exc)
                path = Path(rec.audio_path)
                if not path.is_file():
                    continue
            out.append(path)
        if made:
            log.info("made %d file(s) for a drag or a copy on the spot in %.0f ms", len(made),
                     (time.perf_counter() - start) * 1000)
            self._prune(made)
        return out

    def prepare(self) -> None:
        """Make the selected clips' files in the background, one at a time (a conversion holds a decoded clip in
        memory); a new selection replaces what was still to come. A closed window prepares nothing: its
        tasks have been settled for the quit, and one started now would outlive them."""
        if not self._view.isVisible():
            return
        self._pending = [item for item in self._selected()[:PREPARE_MAX] if item[1].audio_path]
        if self._pending:
            self._tasks.spawn(self._preparing(), "preparing clips to drag out", key=PREPARING)

    async def _preparing(self) -> None:
        while self._pending:
            job, rec = self._pending.pop(0)
            how = self._how()
            try:
                _path, new = await self.cache.prepare(job, rec, how)
            except (OSError, ValueError) as exc:
                log.info("not prepared for a drag: %s", exc)
                continue
            if new:
                self._prune([self.cache.entry(job, rec, how)])

    def _prune(self, keep: Collection[Path] = ()) -> None:
        """Prune in a worker thread, sparing the newest entries (``keep``) even when they alone are over the
        bound; asked while a prune runs, once more after it (it may have listed the folder before them)."""
        self._keep = set(keep)
        if self._tasks.running(PRUNE):
            self._again = True
            return
        self._tasks.spawn(self._pruning(), "cleaning the drag-out cache", key=PRUNE)

    async def _pruning(self) -> None:
        self._again = True
        while self._again:
            self._again = False
            keep, self._keep = self._keep, set()
            await asyncio.to_thread(self.cache.prune, keep)
