"""Transport controls: what is loaded, previous / play / next, the waveform seek bar with times, repeat,
A/B position keeping, loudness matching with the gain in use, the loop's export, and volume."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from ..media.audition import Audition, Repeat
from ..media.matching import LoudnessMatch
from ..media.player import PlayerController
from .icons import icon
from .jobs_model import fmt_elapsed
from .waveform import WaveformSeekBar

REPEAT_TEXT: dict[Repeat, str] = {Repeat.OFF: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: off"),
               Repeat.ALL: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: all"),
               Repeat.ONE: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: one")}


def _keys(portable: str) -> str:
    """A shortcut as the user's language writes it (Ctrl+Left is Ctrl+Gauche in French)."""
    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)


class PlayerBar(QWidget):
    playClicked = Signal()
    nextClicked = Signal()
    prevClicked = Signal()

    def __init__(self, player: PlayerController, audition: Audition, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.audition = audition

        def button(name: str, what: str, keys: str = "") -> QToolButton:
            b = QToolButton()
            b.setObjectName(name)
            b.setToolTip(f"{what} ({keys})" if keys else what)
            b.setAccessibleName(what)
            b.setAutoRaise(True)
            return b

        self.now = QLabel(translate("PlayerBar", "Nothing loaded"))
        self.now.setObjectName("nowPlayingLabel")
        self.now.setAccessibleName(translate("PlayerBar", "Now playing"))
        self.now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.now.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.prev = button("prevButton", translate("PlayerBar", "Previous clip"), _keys("Ctrl+Left"))
        self.play = button("playButton", translate("PlayerBar", "Play / pause"), _keys("Space"))
        self.play.setIconSize(self.play.iconSize() * 1.5)
        self.next = button("nextButton", translate("PlayerBar", "Next clip"), _keys("Ctrl+Right"))
        self.seek = WaveformSeekBar()
        self.seek.setObjectName("seekSlider")
        self.seek.setAccessibleName(translate("PlayerBar", "Playback position"))
        self.seek.setToolTip(translate("PlayerBar", "Click to jump there, drag to seek; Shift+drag marks a loop"))
        self.seek.setRange(0, 0)
        self.seek.setMinimumWidth(120)
        self.seek.setMinimumHeight(36)
        self.time = QLabel("0:00 / 0:00")
        self.time.setObjectName("timeLabel")
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("00:00 / 00:00") + 6)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.repeat = button("repeatButton", translate("PlayerBar", "Repeat: off, all, one"), "R")
        self.repeat.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.keep = button("keepPositionButton", translate("PlayerBar", "A/B: a clip of the same job starts at the "
                                                                        "same position"))
        self.keep.setText("A/B")
        self.keep.setCheckable(True)
        self.match_button = button("matchLoudnessButton", translate(
            "PlayerBar", "Match loudness: every clip plays at the level of the quietest of its job, so A/B compares "
                         "the music, not the level"))
        self.match_button.setText(translate("PlayerBar", "Match loudness"))
        self.match_button.setCheckable(True)
        self.gain = QLabel()
        self.gain.setObjectName("matchGainLabel")
        self.gain.setAccessibleName(translate("PlayerBar", "Gain in use"))
        self.gain.setToolTip(translate("PlayerBar", "The gain that brings this clip to the common loudness"))
        self.match = LoudnessMatch(player, self)
        self.export_loop_action = QAction(translate("PlayerBar", "Export loop\u2026"), self)
        self.export_loop_action.setObjectName("exportLoopAction")
        self.export_loop_action.setToolTip(translate(
            "PlayerBar", "Save the A\u2013B loop as a WAV or FLAC file with short fades; or drag the loop band "
                         "out of the waveform"))
        self.export_loop_action.setEnabled(False)
        self.export_loop = QToolButton()
        self.export_loop.setObjectName("exportLoopButton")
        self.export_loop.setAutoRaise(True)
        self.export_loop.setDefaultAction(self.export_loop_action)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("volumeSlider")
        self.volume.setAccessibleName(translate("PlayerBar", "Volume"))
        self.volume.setRange(0, 100)
        self.volume.setValue(int(player.volume() * 100))
        self.volume.setMaximumWidth(90)
        self.volume.setMinimumWidth(60)
        self.vol_icon = QLabel()

        # three rows, so the bar stays narrow enough for a small screen: what and when, the waveform, buttons
        head = QHBoxLayout()
        head.addWidget(self.now, 1)
        # the level beside the title it applies to: on the button row it made the window too wide for a laptop
        head.addWidget(self.match_button)
        head.addWidget(self.gain)
        head.addWidget(self.time)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev, self.play, self.next):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.export_loop)
        row.addWidget(self.repeat)
        row.addWidget(self.keep)
        row.addSpacing(4)
        row.addWidget(self.vol_icon)
        row.addWidget(self.volume)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(2)
        outer.addLayout(head)
        outer.addWidget(self.seek)
        outer.addLayout(row)

        self.play.clicked.connect(self.playClicked)
        self.next.clicked.connect(self.nextClicked)
        self.prev.clicked.connect(self.prevClicked)
        # the player's own position updates are set with signals blocked: any change seen here is the user's
        self.seek.valueChanged.connect(self._user_seek)
        self.seek.loopChanged.connect(audition.set_loop)
        audition.loopChanged.connect(self._loop_changed)
        audition.modeChanged.connect(self._modes)
        self.repeat.clicked.connect(audition.cycle_repeat)
        self.keep.toggled.connect(audition.set_keep_position)
        self.match_button.toggled.connect(self.match.set_enabled)
        self.match.gainChanged.connect(self._gain_changed)
        self.volume.valueChanged.connect(lambda v: player.set_volume(v / 100))
        player.positionChanged.connect(self._position)
        player.durationChanged.connect(self._duration)
        player.playingChanged.connect(self._playing)
        self._playing_now = False
        self._name_play()
        self._icons()
        self._modes()
        if not player.has_audio_device():
            self.play.setToolTip(translate("PlayerBar", "Play / pause ({keys}). No audio output device was found: "
                                                        "playback is silent.").format(keys=_keys("Space")))

    def show_clip(self, title: str, peaks: list[float] | None) -> None:
        self.now.setText(title or translate("PlayerBar", "Nothing loaded"))
        self.now.setToolTip(title)
        # the name carries the title: "Now playing" alone told a screen reader nothing
        self.now.setAccessibleName(translate("PlayerBar", "Now playing: {title}").format(title=title) if title
                                   else translate("PlayerBar", "Nothing loaded"))
        self.set_peaks(peaks)

    def set_peaks(self, peaks: list[float] | None) -> None:
        self.seek.set_peaks(peaks)
        if peaks is not None and not peaks and self.player.current:
            self.seek.setToolTip(translate("PlayerBar", "This file could not be decoded: no waveform and no "
                                                        "loudness. It may still play."))
        else:
            self.seek.setToolTip(translate("PlayerBar", "Click to jump there, drag to seek; Shift+drag marks a "
                                                        "loop"))

    def _gain_changed(self, db: float) -> None:
        if not self.match.enabled:
            self.gain.setText("")
        elif math.isnan(db):
            self.gain.setText(translate("PlayerBar", "measuring\u2026"))
        else:
            # U+2212 minus: a hyphen reads as a dash beside the button
            self.gain.setText(translate("PlayerBar", "{gain} dB").format(
                gain=f"{db:+.1f}".replace("-", "\u2212") if abs(db) >= 0.05 else "0.0"))

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.PaletteChange:
            self._icons()
        super().changeEvent(e)

    def _icons(self) -> None:
        pal = self.palette()
        self.prev.setIcon(icon("previous", pal))
        self.next.setIcon(icon("next", pal))
        self.play.setIcon(icon("pause" if self._playing_now else "play", pal))
        self.vol_icon.setPixmap(icon("volume", pal).pixmap(16, 16))

    def _modes(self) -> None:
        a = self.audition
        self.repeat.setText(translate_marked("PlayerBar", REPEAT_TEXT[a.repeat]))
        self.repeat.setAccessibleName(self.repeat.text())
        self.keep.blockSignals(True)
        self.keep.setChecked(a.keep_position)
        self.keep.blockSignals(False)

    def _loop_changed(self, a: int, b: int) -> None:
        self.export_loop_action.setEnabled(a >= 0 and bool(self.player.current))
        if a < 0:
            self.seek.clear_loop()
        elif self.seek.loop() != (a, b):
            self.seek.set_loop(a, b)

    def _user_seek(self, value: int) -> None:
        self.player.seek(value)
        self._show_time(value)

    def _position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.blockSignals(True)
            if ms // 1000 != self.seek.value() // 1000:
                self.seek.setValue(ms)
            else:
                # the playhead moves ten times a second; the value (and the event a screen reader hears for
                # it) once a second: untracked, the slider's position moves without its value
                self.seek.setTracking(False)
                self.seek.setSliderPosition(ms)
                self.seek.setTracking(True)
            self.seek.blockSignals(False)
        self._show_time(ms)

    def _duration(self, ms: int) -> None:
        self.seek.blockSignals(True)
        self.seek.setRange(0, max(0, ms))
        self.seek.blockSignals(False)
        self._show_time(self.seek.value())

    def _show_time(self, ms: int) -> None:
        now, total = fmt_elapsed(ms / 1000), fmt_elapsed(self.seek.maximum() / 1000)
        self.time.setText(f"{now} / {total}")
        spoken = translate("PlayerBar", "{position} of {duration}").format(position=now, duration=total)
        if spoken != self.seek.accessibleDescription():
            self.seek.setAccessibleDescription(spoken)
            self.time.setAccessibleName(spoken)

    def _playing(self, playing: bool) -> None:
        self._playing_now = playing
        self.play.setIcon(icon("pause" if playing else "play", self.palette()))
        self._name_play()

    def _name_play(self) -> None:
        """The button says what a press will do."""
        self.play.setAccessibleName(translate("PlayerBar", "Pause") if self._playing_now
                                    else translate("PlayerBar", "Play"))
