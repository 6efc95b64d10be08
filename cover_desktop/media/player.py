"""Playback: one QMediaPlayer for the app, playing the local copy when there is one, else the URL."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

log = logging.getLogger(__name__)


class PlayerController(QObject):
    positionChanged = Signal(int)        # ms
    durationChanged = Signal(int)        # ms
    playingChanged = Signal(bool)
    currentChanged = Signal(str)         # key of the clip now loaded ("" for none)
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

    @staticmethod
    def has_audio_device() -> bool:
        return bool(QMediaDevices.audioOutputs())

    @property
    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self, key: str, local_path: str = "", url: str = "") -> bool:
        """Load (if another clip) and play. False with a ``problem`` when there is nothing to play."""
        if key != self.current or self.player.source().isEmpty():
            if local_path and Path(local_path).exists():
                source = QUrl.fromLocalFile(local_path)
            elif url.startswith(("http://", "https://")):
                source = QUrl(url)
            else:
                self.problem.emit("This clip has no audio to play yet.")
                return False
            self.current = key
            self.player.setSource(source)
            self.currentChanged.emit(key)
        self.player.play()
        return True

    def toggle(self) -> None:
        if self.playing:
            self.player.pause()
        elif not self.player.source().isEmpty():
            self.player.play()

    def stop(self) -> None:
        self.player.stop()

    def unload(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        self.current = ""
        self.currentChanged.emit("")

    def seek(self, ms: int) -> None:
        self.player.setPosition(max(0, int(ms)))

    def set_volume(self, v: float) -> None:
        self.output.setVolume(max(0.0, min(1.0, v)))

    def position(self) -> int:
        return int(self.player.position())

    def duration(self) -> int:
        return int(self.player.duration())

    def _on_error(self, error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        log.warning("playback error %s: %s", error, message)
        self.problem.emit(f"Could not play this clip: {message or error.name}.")
