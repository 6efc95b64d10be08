"""Playback: one QMediaPlayer for the app, playing the local copy when there is one, else the URL.

Every command reaches the player as a queued call to its C++ slot, never as a direct call from Python.
A direct call holds the GIL while the FFmpeg backend waits on a Qt lock; the backend's own thread,
tearing down the previous source, holds that lock while it waits for the GIL (PySide asks Python
whether a virtual is overridden). That deadlock froze a run of the test suite in stop(). Queued, the
slot runs from the event loop with the GIL released.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

log = logging.getLogger(__name__)


class PlayerController(QObject):
    positionChanged = Signal(int)        # ms
    durationChanged = Signal(int)        # ms
    playingChanged = Signal(bool)
    currentChanged = Signal(str)         # key of the clip now loaded ("" for none)
    ended = Signal(str)                  # key of the clip that played to its end
    problem = Signal(str)

    def __init__(self, volume: float = 0.8, parent: QObject | None = None):
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.output.setVolume(volume)
        self.player.setAudioOutput(self.output)
        self.current = ""
        self.player.positionChanged.connect(lambda p: self.positionChanged.emit(int(p)))
        self.player.durationChanged.connect(lambda d: self.durationChanged.emit(int(d)))
        self.player.playbackStateChanged.connect(
            lambda s: self.playingChanged.emit(s == QMediaPlayer.PlaybackState.PlayingState))
        self.player.errorOccurred.connect(self._on_error)
        self.player.mediaStatusChanged.connect(self._status)
        self._start_at = 0      # where a newly loaded clip starts (A/B comparison at the same bar)

    @staticmethod
    def has_audio_device() -> bool:
        return bool(QMediaDevices.audioOutputs())

    @property
    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def _queue(self, slot: str, *args) -> None:
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
                self.problem.emit("This clip has no audio to play yet.")
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
        self._queue("stop")

    def unload(self) -> None:
        self._queue("stop")
        self._queue("setSource", Q_ARG(QUrl, QUrl()))
        self.current = ""
        self.currentChanged.emit("")

    def seek(self, ms: int) -> None:
        self._queue("setPosition", Q_ARG("qint64", max(0, int(ms))))

    def volume(self) -> float:
        return float(self.output.volume())

    def set_volume(self, v: float) -> None:
        self.output.setVolume(max(0.0, min(1.0, v)))

    def position(self) -> int:
        return int(self.player.position())

    def duration(self) -> int:
        return int(self.player.duration())

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia) \
                and self._start_at:
            # a position set before the media is loaded is lost: apply it once the backend can seek
            self.seek(self._start_at)
            self._start_at = 0
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self.current:
            self.ended.emit(self.current)

    def _on_error(self, error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        log.warning("playback error %s: %s", error, message)
        self.problem.emit(f"Could not play this clip: {message or error.name}.")
