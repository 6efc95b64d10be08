"""The A–B loop of the loaded clip as a file: "Export loop…" asks for a folder and writes it there; dragging the
loop band out of the waveform hands a DAW or a file manager a copy made beforehand in the cache (a drag must
have its file the moment it starts, and a decode takes a tenth of a second or more)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QWidget

from ..i18n import translate
from ..jobs.model import ClipRecord, Job
from ..media.audio_out import Target, export_region
from ..media.name_template import DEFAULT_TEMPLATE, template_problem
from ..settings import Settings
from ..tasks import TaskSet
from .dialogs import pick_folder
from .player_bar import PlayerBar

log = logging.getLogger(__name__)

Item = tuple[Job, ClipRecord]
PREPARE_AFTER_MS = 400      # a loop being dragged changes many times a second: render once it settles


class LoopExport(QObject):
    message = Signal(str)
    error = Signal(str)
    prepared = Signal(str)      # the path of a loop file ready to be dragged out

    def __init__(self, bar: PlayerBar, loaded: Callable[[], Item | None], settings: Callable[[], Settings],
                 cache_dir: Path, tasks: TaskSet, parent: QObject | None = None):
        super().__init__(parent)
        self.bar = bar
        self._loaded = loaded
        self._settings = settings
        self.cache_dir = cache_dir
        self.tasks = tasks
        self._ready: dict[tuple[str, int, int, str, int], Path] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREPARE_AFTER_MS)
        self._timer.timeout.connect(self.prepare)
        bar.export_loop_action.triggered.connect(self.ask_folder)
        bar.seek.loopDragged.connect(self.drag)
        bar.seek.loopChanged.connect(lambda a, b: self._timer.start() if a >= 0 else self._timer.stop())

    def _what(self) -> tuple[Item, tuple[int, int], Target] | None:
        item, loop = self._loaded(), self.bar.seek.loop()
        if item is None or loop is None or not item[1].audio_path:
            return None
        s = self._settings()
        return item, loop, Target.of(s.export_format, s.export_rate)

    def _template(self) -> tuple[str, str]:
        s = self._settings()
        ok = s.name_template and not template_problem(s.name_template)
        return (s.name_template if ok else DEFAULT_TEMPLATE), s.artist

    def ask_folder(self) -> None:
        what = self._what()
        if what is None:
            self.error.emit(translate("LoopExport", "Mark a loop (Shift+drag on the waveform) in a saved clip "
                                                    "first."))
            return
        item, loop, target = what
        parent = self.bar.window() if isinstance(self.bar.window(), QWidget) else self.bar
        pick_folder(parent, translate("LoopExport", "Export loop to"), self._settings().export_start(),
                    lambda folder: self.tasks.spawn(self.export_to(folder, item, loop, target), "exporting a loop"))

    async def export_to(self, folder: Path, item: Item, loop: tuple[int, int], target: Target) -> Path | None:
        template, artist = self._template()
        try:
            written = await export_region(item[0], item[1], folder, loop[0], loop[1], target, template, artist)
        except (OSError, ValueError) as exc:
            log.warning("loop not exported: %s", type(exc).__name__)
            self.error.emit(translate("LoopExport", "The loop could not be saved: {problem}").format(problem=exc))
            return None
        self.message.emit(translate("LoopExport", "Saved the loop as {file}.").format(file=written.path))
        return written.path

    def _key(self, item: Item, loop: tuple[int, int], target: Target) -> tuple[str, int, int, str, int]:
        return (item[1].audio_path, loop[0], loop[1], target.format.value, target.rate)

    def prepare(self) -> None:
        """Render the current loop into the cache, for a drag."""
        what = self._what()
        if what is None or self._key(*what) in self._ready:
            return
        item, loop, target = what
        key = self._key(item, loop, target)

        async def render() -> None:
            path = await self.export_to_cache(item, loop, target)
            if path is not None:
                for old in self._ready.values():    # the last loop only: the cache holds no collection of them
                    if old != path:
                        old.unlink(missing_ok=True)
                self._ready = {key: path}
                self.prepared.emit(str(path))

        self.tasks.spawn(render(), "preparing the loop", key=str(key))

    async def export_to_cache(self, item: Item, loop: tuple[int, int], target: Target) -> Path | None:
        template, artist = self._template()
        try:
            written = await export_region(item[0], item[1], self.cache_dir, loop[0], loop[1], target,
                                          template.split("/")[-1], artist)
        except (OSError, ValueError) as exc:
            log.info("loop not prepared: %s", type(exc).__name__)
            return None
        return written.path

    def ready_file(self) -> Path | None:
        what = self._what()
        path = self._ready.get(self._key(*what)) if what is not None else None
        return path if path is not None and path.exists() else None

    def drag(self) -> None:
        path = self.ready_file()
        if path is None:
            self.prepare()
            self.message.emit(translate("LoopExport", "The loop is being prepared: drag it again in a moment."))
            return
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        drag = QDrag(self.bar.seek)
        drag.setMimeData(mime)
        drag.exec()
