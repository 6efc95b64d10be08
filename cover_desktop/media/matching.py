"""Loudness-matched listening: louder always sounds better, so A/B at the same bar compares levels unless every
clip plays at one common loudness.

The common level is that of the quietest clip in the group (the clips of the playing clip's job, as A/B
compares them), and never above REFERENCE: the player's output cannot amplify (QAudioOutput's volume stops at
1.0), so the louder clips are lowered to the quieter rather than the quieter raised. A clip whose true peak
is above 0 dBTP sets the level as if it were that much louder, so no gain ever takes a peak past 0 dBFS.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from .loudness import Loudness
from .player import PlayerController

REFERENCE = -14.0     # LUFS: the level streaming services play music at; louder clips are lowered to it
CEILING = 0.0         # dB: the most a clip is raised (the output cannot go past its full scale)


def common_level(levels: Mapping[str, Loudness | None], reference: float = REFERENCE,
                 ceiling: float = CEILING) -> float | None:
    """The loudness every clip of the group can reach without a gain over ``ceiling`` or a peak over 0 dBFS;
    None when no clip of the group is measured."""
    reachable = [lv.integrated + min(ceiling, -lv.true_peak if math.isfinite(lv.true_peak) else ceiling)
                 for lv in levels.values() if lv is not None and lv.measured]
    return min([reference, *reachable]) if reachable else None


def gain_for(level: Loudness | None, target: float | None, ceiling: float = CEILING) -> float:
    """dB to play a clip at so it sounds at ``target``: 0 for a clip not measured (or silent)."""
    if level is None or not level.measured or target is None:
        return 0.0
    gain = min(ceiling, target - level.integrated)
    if math.isfinite(level.true_peak):
        gain = min(gain, -level.true_peak)
    return gain


def matched_gains(levels: Mapping[str, Loudness | None], reference: float = REFERENCE,
                  ceiling: float = CEILING) -> dict[str, float]:
    target = common_level(levels, reference, ceiling)
    return {key: gain_for(lv, target, ceiling) for key, lv in levels.items()}


class LoudnessMatch(QObject):
    """Sets the player's gain for the loaded clip while matching is on; ``levels(key)`` gives the loudness
    of the clips to match it with (its own included), keyed by clip key."""

    gainChanged = Signal(float)   # dB in use (0.0 when off); NaN while the loaded clip is not measured yet

    def __init__(self, player: PlayerController, parent: QObject | None = None):
        super().__init__(parent)
        self.player = player
        self.enabled = False
        self.levels: Callable[[str], Mapping[str, Loudness | None]] = lambda key: {}
        self.gain = 0.0
        player.currentChanged.connect(lambda _key: self.refresh())

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.refresh()

    def refresh(self) -> None:
        """Work the gain out again (a clip loaded, or a loudness measured)."""
        key = self.player.current
        gain = 0.0
        if self.enabled and key:
            levels = self.levels(key)
            gain = gain_for(levels.get(key), common_level(levels)) if levels.get(key) is not None else math.nan
        self.gain = gain
        self.player.set_gain_db(0.0 if math.isnan(gain) else gain)
        self.gainChanged.emit(gain)
