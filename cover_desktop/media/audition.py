"""Judging what came back: what plays after a clip ends (auto-advance, repeat one or all), a loop region
for a passage, and A/B comparison (another clip of the same job starts at the same position; a key swaps
between the last two clips played). It decides; the clips pane tells it what is listed."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from .player import PlayerController


class Repeat(str, enum.Enum):
    OFF = "off"
    ONE = "one"
    ALL = "all"


def job_of(key: str) -> str:
    """Clip keys are "<job id>/<clip id>"."""
    return key.split("/", 1)[0]


class Audition(QObject):
    playRow = Signal(int)            # the row to play next (after an end, or a swap)
    loopChanged = Signal(int, int)   # (-1, -1): no loop
    modeChanged = Signal()

    def __init__(self, player: PlayerController, row_count: Callable[[], int], row_of: Callable[[str], int],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.player = player
        self._row_count = row_count
        self._row_of = row_of
        self.auto_advance = True
        self.repeat = Repeat.OFF
        self.keep_position = True        # A/B: a clip of the same job starts where the last one was
        self.loop: tuple[int, int] | None = None
        self.history: list[str] = []     # the last two clips played, newest last
        player.ended.connect(self._ended)
        player.positionChanged.connect(self._position)
        player.currentChanged.connect(self._loaded)

    # -- settings -----------------------------------------------------------------------------------------
    def set_auto_advance(self, on: bool) -> None:
        self.auto_advance = on
        self.modeChanged.emit()

    def set_repeat(self, mode: Repeat) -> None:
        self.repeat = mode
        self.modeChanged.emit()

    def cycle_repeat(self) -> Repeat:
        order = [Repeat.OFF, Repeat.ALL, Repeat.ONE]
        self.set_repeat(order[(order.index(self.repeat) + 1) % len(order)])
        return self.repeat

    def set_keep_position(self, on: bool) -> None:
        self.keep_position = on
        self.modeChanged.emit()

    def set_loop(self, a: int, b: int) -> None:
        if a < 0 or b < 0 or a == b:
            self.clear_loop()
            return
        self.loop = (min(a, b), max(a, b))
        self.loopChanged.emit(*self.loop)

    def clear_loop(self) -> None:
        if self.loop is not None:
            self.loop = None
            self.loopChanged.emit(-1, -1)

    def mark_a(self) -> None:
        pos = self.player.position()
        b = self.loop[1] if self.loop and self.loop[1] > pos else max(pos + 1000, self.player.duration())
        self.set_loop(pos, b)

    def mark_b(self) -> None:
        pos = self.player.position()
        a = self.loop[0] if self.loop and self.loop[0] < pos else 0
        self.set_loop(a, pos)

    # -- deciding -----------------------------------------------------------------------------------------
    def start_for(self, key: str) -> int:
        """Where ``key`` should start: the current position for another clip of the playing job (A/B)."""
        current = self.player.current
        if self.keep_position and current and key != current and job_of(key) == job_of(current):
            return self.player.position()
        return 0

    def swap_row(self) -> int:
        """The row of the clip played before the current one, or -1."""
        if len(self.history) < 2:
            return -1
        return self._row_of(self.history[-2])

    def _loaded(self, key: str) -> None:
        if not key:
            return
        if key in self.history:
            self.history.remove(key)
        self.history = [*self.history, key][-2:]
        if self.loop is not None and len(self.history) == 2 and job_of(self.history[0]) != job_of(key):
            self.clear_loop()   # a passage of one song means nothing in another

    def _position(self, ms: int) -> None:
        if self.loop is not None and ms >= self.loop[1] and self.player.playing:
            self.player.seek(self.loop[0])

    def _ended(self, key: str) -> None:
        if self.loop is not None:
            self.player.seek(self.loop[0])
            self.player.toggle()
            return
        if self.repeat is Repeat.ONE:
            self.player.seek(0)
            self.player.toggle()
            return
        if not self.auto_advance:
            return
        n = self._row_count()
        row = self._row_of(key)
        if n == 0 or row < 0:
            return
        if row + 1 < n:
            self.playRow.emit(row + 1)
        elif self.repeat is Repeat.ALL:
            self.playRow.emit(0)
