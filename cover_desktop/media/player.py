"""Playback: one QMediaPlayer for the app, playing the local copy when there is one, else the URL.

Every command reaches the player as a queued call to its C++ slot, never as a direct call from Python.
A direct call holds the GIL while the FFmpeg backend waits on a Qt lock; the backend's own thread,
tearing down the previous source, holds that lock while it waits for the GIL (PySide asks Python
whether a virtual is overridden). That deadlock froze a run of the test suite in stop(). Queued, the
slot runs from the event loop with the GIL released.

QtMultimedia, the player with its FFmpeg backend and the audio device check are made on first use (or by
``prepare()``, which the app calls once its window is on screen), not while the window is being built:
together they held up the first paint by about 20 ms. Until then the controller answers from what it
was given (volume, nothing loaded, not playing).
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QUrl, Signal

from ..api.words import N_, Words

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

log = logging.getLogger(__name__)


class PlayerController(QObject):
    positionChanged = Signal(int)        # ms
    durationChanged = Signal(int)        # ms
    playingChanged = Signal(bool)
    currentChanged = Signal(str)         # key of the clip now loaded ("" for none)
    ended = Signal(str)                  # key of the clip that played to its end
    problem = Signal(object)      # Words, for ui.messages to say
    audioOutputChanged = Signal(bool)    # whether there is an audio output: once known (False), and on changes

    def __init__(self, volume: float = 0.8, parent: QObject | None = None):
        super().__init__(parent)
        self.current = ""
        self._volume = max(0.0, min(1.0, float(volume)))
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._devices: QMediaDevices | None = None
        self._has_output: bool | None = None   # None: not asked yet (asking needs QtMultimedia)
        self._start_at = 0      # where a newly loaded clip starts (A/B comparison at the same bar)
        self._gain = 1.0        # loudness matching: a factor on the volume, never above 1

    # -- made on first use ---------------------------------------------------------------------------------
    @property
    def player(self) -> QMediaPlayer:
        if self._player is None:
            self.prepare()
        assert self._player is not None
        return self._player

    @property
    def output(self) -> QAudioOutput:
        if self._output is None:
            self.prepare()
        assert self._output is not None
        return self._output

    @property
    def prepared(self) -> bool:
        return self._player is not None

    def prepare(self) -> None:
        """Make the player now: QtMultimedia's import, the FFmpeg backend and the audio device check."""
        if self._player is not None:
            return
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

        player = QMediaPlayer(self)
        output = QAudioOutput(self)
        output.setVolume(self._volume * self._gain)
        player.setAudioOutput(output)
        player.positionChanged.connect(lambda p: self.positionChanged.emit(int(p)))
        player.durationChanged.connect(lambda d: self.durationChanged.emit(int(d)))
        player.playbackStateChanged.connect(
            lambda s: self.playingChanged.emit(s == QMediaPlayer.PlaybackState.PlayingState))
        player.errorOccurred.connect(self._on_error)
        player.mediaStatusChanged.connect(self._status)
        self._player, self._output = player, output
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._outputs_changed()

    def has_audio_device(self) -> bool:
        """Whether sound can be heard. True until the player is made (the check needs QtMultimedia; playing
        makes the player, so the answer is real by the time a clip plays); ``audioOutputChanged`` says when
        it turns out otherwise."""
        return True if self._has_output is None else self._has_output

    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        has = bool(QMediaDevices.audioOutputs())
        before = self.has_audio_device()
        self._has_output = has
        if has != before:
            self.audioOutputChanged.emit(has)

    # -- commands -----------------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def _queue(self, slot: str, *args: Any) -> None:
        QMetaObject.invokeMethod(self.player, slot, Qt.ConnectionType.QueuedConnection, *args)

    def play(self, key: str, local_path: str = "", url: str = "", start_ms: int = 0) -> bool:
        """Load (if another clip) and play, from ``start_ms`` for a newly loaded clip. False with a
        ``problem`` when there is nothing to play."""
        if key != self.current:
            if local_path and Path(local_path).exists():
                source = QUrl.fromLocalFile(local_path)
            elif url.startswith(("http://", "https://")):
                source = QUrl(url)
            else:
                self.problem.emit(Words.of(N_("This clip has no audio to play yet.")))
                return False
            self.current = key
            self._start_at = max(0, int(start_ms))
            self._queue("setSource", Q_ARG(QUrl, source))
            self.currentChanged.emit(key)
        self._queue("play")
        return True

    def toggle(self) -> None:
        if self.playing:
            self._queue("pause")
        elif self.current:
            self._queue("play")

    def stop(self) -> None:
        if self._player is not None:    # never made: nothing plays
            self._queue("stop")

    def unload(self) -> None:
        if self._player is not None:
            self._queue("stop")
            self._queue("setSource", Q_ARG(QUrl, QUrl()))
        self.current = ""
        self.currentChanged.emit("")

    def seek(self, ms: int) -> None:
        if self._player is not None:    # nothing loaded yet: nothing to seek in
            self._queue("setPosition", Q_ARG("qint64", max(0, int(ms))))

    def volume(self) -> float:
        return self._volume

    def set_volume(self, v: float) -> None:
        self._volume = max(0.0, min(1.0, v))
        if self._output is not None:
            self._output.setVolume(self._volume * self._gain)

    def gain_db(self) -> float:
        return 20 * math.log10(self._gain)

    def set_gain_db(self, db: float) -> None:
        """Play at ``db`` (at most 0: the output cannot amplify) on top of the volume the musician chose."""
        self._gain = 10 ** (min(0.0, db) / 20)
        if self._output is not None:
            self._output.setVolume(self._volume * self._gain)

    def position(self) -> int:
        return int(self._player.position()) if self._player is not None else 0

    def duration(self) -> int:
        return int(self._player.duration()) if self._player is not None else 0

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia) \
                and self._start_at:
            # a position set before the media is loaded is lost: apply it once the backend can seek
            self.seek(self._start_at)
            self._start_at = 0
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self.current:
            self.ended.emit(self.current)

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if error == QMediaPlayer.Error.NoError:
            return
        log.warning("playback error %s: %s", error, message)
        self.problem.emit(Words.of(N_("Could not play this clip: {problem}."), problem=message or error.name))
