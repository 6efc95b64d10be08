"""Transport controls: previous, play/pause, next, position slider with times, volume."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from ..media.player import PlayerController
from .jobs_model import fmt_elapsed


class PlayerBar(QWidget):
    playClicked = Signal()
    nextClicked = Signal()
    prevClicked = Signal()

    def __init__(self, player: PlayerController, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        style = self.style()
        self.icon_play = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self.icon_pause = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)

        def button(name: str, icon, tip: str) -> QToolButton:
            b = QToolButton()
            b.setObjectName(name)
            b.setIcon(icon)
            b.setToolTip(tip)
            b.setAccessibleName(tip.split(" (")[0])
            b.setAutoRaise(True)
            return b

        self.prev = button("prevButton", style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward),
                           "Previous clip (Ctrl+Left)")
        self.play = button("playButton", self.icon_play, "Play / pause (Space)")
        self.play.setIconSize(self.play.iconSize() * 1.5)
        self.next = button("nextButton", style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward),
                           "Next clip (Ctrl+Right)")
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setObjectName("seekSlider")
        self.seek.setAccessibleName("Playback position")
        self.seek.setRange(0, 0)
        self.seek.setSingleStep(1000)
        self.seek.setPageStep(5000)
        self.seek.setMinimumWidth(120)
        self.time = QLabel("0:00 / 0:00")
        self.time.setObjectName("timeLabel")
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("00:00 / 00:00") + 6)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("volumeSlider")
        self.volume.setAccessibleName("Volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(int(player.volume() * 100))
        self.volume.setMaximumWidth(90)
        self.volume.setMinimumWidth(60)
        vol_icon = QLabel()
        vol_icon.setPixmap(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16, 16))

        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        for w in (self.prev, self.play, self.next):
            row.addWidget(w)
        row.addWidget(self.seek, 1)
        row.addWidget(self.time)
        row.addSpacing(8)
        row.addWidget(vol_icon)
        row.addWidget(self.volume)

        self.play.clicked.connect(self.playClicked)
        self.next.clicked.connect(self.nextClicked)
        self.prev.clicked.connect(self.prevClicked)
        self.seek.valueChanged.connect(self._user_seek)
        self.volume.valueChanged.connect(lambda v: player.set_volume(v / 100))
        player.positionChanged.connect(self._position)
        player.durationChanged.connect(self._duration)
        player.playingChanged.connect(self._playing)
        if not player.has_audio_device():
            self.play.setToolTip("Play / pause (Space). No audio output device was found: playback is silent.")

    def _user_seek(self, value: int) -> None:
        self.player.seek(value)
        self._show_time(value)

    def _position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.blockSignals(True)
            self.seek.setValue(ms)
            self.seek.blockSignals(False)
        self._show_time(ms)

    def _duration(self, ms: int) -> None:
        self.seek.blockSignals(True)
        self.seek.setRange(0, max(0, ms))
        self.seek.blockSignals(False)
        self._show_time(self.seek.value())

    def _show_time(self, ms: int) -> None:
        self.time.setText(f"{fmt_elapsed(ms / 1000)} / {fmt_elapsed(self.seek.maximum() / 1000)}")

    def _playing(self, playing: bool) -> None:
        self.play.setIcon(self.icon_pause if playing else self.icon_play)
