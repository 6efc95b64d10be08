"""A seek bar that shows the clip: its waveform as bars, the played part in the highlight colour.

Still a QSlider (horizontal, value in ms), so everything that drives or reads the plain seek bar keeps
working: valueChanged/sliderMoved/sliderPressed/sliderReleased, isSliderDown(), the arrow keys. A click
jumps to the clicked point and a drag seeks continuously; shift+drag marks a loop region A–B. A drag that
starts on the loop band and leaves the bar upwards or downwards drags the region out as a file
(``loopDragged``: the player bar supplies the file).

Painting is two blits: the bars are rendered once per size, peaks and palette into two pixmaps (played and
not played), and each frame copies the left part of one and the right part of the other. A change of
position repaints only the strip between the old and the new playhead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QSlider,
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionSlider,
    QWidget,
)

BAR = 2          # logical pixels of a bar
GAP = 1          # between bars
MARGIN = 3       # left and right, so the playhead stays visible at either end
HEIGHT = 32
LOOP_ALPHA = 70  # of 255: a band the bars show through
NO_LOOP = -1
DRAG_OUT = 12    # logical pixels above or below the bar that turn a press on the loop band into a drag


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way to ``b``."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t, 1.0)


def rest_colour(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """The colour of bars not yet played: between the window and its text, so it reads on light and dark."""
    return mix(palette.color(group, QPalette.ColorRole.Window), palette.color(group, QPalette.ColorRole.WindowText),
               0.45)


def render_bars(peaks: Sequence[float], size: QSize, dpr: float, colour: QColor) -> QImage:
    """Peaks as centred vertical bars on a transparent image of ``size`` logical pixels (also for a clip
    row's small waveform). Works in device pixels, so bars stay crisp at any scale."""
    w, h = max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr))
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    img.setDevicePixelRatio(dpr)
    if not peaks:
        return img
    bar, step = max(1, round(BAR * dpr)), max(2, round((BAR + GAP) * dpr))
    n, count = max(1, (w + step - bar) // step), len(peaks)
    least = max(1, round(dpr))
    p = QPainter(img)
    for i in range(n):
        lo = i * count // n
        hi = max(lo + 1, (i + 1) * count // n)
        value = max(peaks[lo:hi])
        bar_h = max(least, round(min(1.0, max(0.0, value)) * h))
        p.fillRect(i * step, (h - bar_h) // 2, bar, bar_h, colour)
    p.end()
    return img


class WaveformSeekBar(QSlider):
    loopChanged = Signal(int, int)    # (a, b) in ms; (-1, -1) when the loop is cleared
    loopDragged = Signal()            # the loop band was dragged out of the bar

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSingleStep(1000)
        self.setPageStep(5000)
        self._peaks: list[float] = []
        self._version = 0
        self._loop: tuple[int, int] | None = None
        self._anchor: int | None = None       # where a shift+drag started, while it lasts
        self._anchor_x = 0.0
        self._band_press: float | None = None   # y of a press on the loop band, while the button is down
        self._key: tuple[object, ...] = ()
        self._played = QPixmap()
        self._rest = QPixmap()
        self._painted_x: float | None = None

    # -- content ------------------------------------------------------------------------------------
    def set_peaks(self, peaks: Sequence[float] | None) -> None:
        """Show these peaks (0..1); empty or None draws the plain slider."""
        self._peaks = list(peaks or [])
        self._version += 1
        self.update()

    def peaks(self) -> list[float]:
        return list(self._peaks)

    # -- loop region ----------------------------------------------------------------------------------
    def loop(self) -> tuple[int, int] | None:
        return self._loop

    def set_loop(self, a: int, b: int) -> None:
        """Loop from ``a`` to ``b`` ms (in either order); an empty region clears the loop. The loop stays
        when the range changes, so comparing two takes keeps it; clear it for an unrelated clip."""
        a, b = sorted((int(a), int(b)))
        a, b = max(a, self.minimum()), min(b, self.maximum())
        if b <= a:
            self.clear_loop()
            return
        if self._loop != (a, b):
            self._loop = (a, b)
            self.update()
            self.loopChanged.emit(a, b)

    def clear_loop(self) -> None:
        if self._loop is not None:
            self._loop = None
            self.update()
            self.loopChanged.emit(NO_LOOP, NO_LOOP)

    def mark_a(self, ms: int | None = None) -> None:
        """Start the loop here (the current position by default); its end stays, or is the clip's end."""
        a = self.sliderPosition() if ms is None else ms    # the playhead: the value follows it once a second
        b = self._loop[1] if self._loop and self._loop[1] > a else self.maximum()
        self.set_loop(a, b)

    def mark_b(self, ms: int | None = None) -> None:
        """End the loop here; its start stays, or is the clip's start."""
        b = self.sliderPosition() if ms is None else ms
        a = self._loop[0] if self._loop and self._loop[0] < b else self.minimum()
        self.set_loop(a, b)

    # -- geometry -------------------------------------------------------------------------------------
    def _wave_rect(self) -> QRect:
        return self.rect().adjusted(MARGIN, 2, -MARGIN, -2)

    def _style_option(self) -> QStyleOptionSlider:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        return opt

    def _style_span(self) -> tuple[QStyleOptionSlider, int, int]:
        """The plain slider's mapping: where its handle's centre can go, as the style draws it."""
        opt = self._style_option()
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self)
        return opt, groove.x() + handle.width() // 2, max(1, groove.width() - handle.width())

    def value_at(self, x: float) -> int:
        """The value under x (widget coordinates), clamped to the range."""
        lo, hi = self.minimum(), self.maximum()
        if hi <= lo:
            return lo
        if self._peaks:
            r = self._wave_rect()
            frac = (x - r.left()) / max(1, r.width())
            return max(lo, min(hi, lo + round(frac * (hi - lo))))
        opt, start, span = self._style_span()
        return QStyle.sliderValueFromPosition(lo, hi, max(0, min(span, round(x - start))), span, opt.upsideDown)

    def x_of(self, value: int) -> float:
        lo, hi = self.minimum(), self.maximum()
        value = min(hi, max(lo, value))
        if not self._peaks:
            opt, start, span = self._style_span()
            return start + QStyle.sliderPositionFromValue(lo, hi, value, span, opt.upsideDown)
        r = self._wave_rect()
        frac = 0.0 if hi <= lo else (value - lo) / (hi - lo)
        return r.left() + frac * r.width()

    # -- mouse and keys -------------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton or self.maximum() <= self.minimum():
            super().mousePressEvent(e)
            return
        x = e.position().x()
        if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._anchor, self._anchor_x = self.value_at(x), x
        elif self._loop and self.x_of(self._loop[0]) <= x <= self.x_of(self._loop[1]):
            # on the band: a click still seeks; leaving the bar vertically turns it into a drag of the region
            self._band_press = e.position().y()
            self.setSliderDown(True)
            self.setSliderPosition(self.value_at(x))
        else:
            # the page step QSlider would take is what made a click move 5 s: jump to the point instead
            self.setSliderDown(True)
            self.setSliderPosition(self.value_at(x))
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        x = e.position().x()
        y = e.position().y()
        if self._band_press is not None and (y < -DRAG_OUT or y > self.height() + DRAG_OUT):
            self._band_press = None
            self.setSliderDown(False)
            self.loopDragged.emit()
            e.accept()
            return
        if self._anchor is not None:
            self.set_loop(self._anchor, self.value_at(x))
        elif self.isSliderDown():
            self.setSliderPosition(self.value_at(x))
        else:
            super().mouseMoveEvent(e)
            return
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        x = e.position().x()
        self._band_press = None
        if self._anchor is not None:
            if abs(x - self._anchor_x) < 4:   # shift+click without a drag: no loop
                self.clear_loop()
            else:
                self.set_loop(self._anchor, self.value_at(x))
            self._anchor = None
        elif self.isSliderDown():
            self.setSliderPosition(self.value_at(x))
            self.setSliderDown(False)
        else:
            super().mouseReleaseEvent(e)
            return
        e.accept()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape and self._anchor is not None:
            self._anchor = None
            e.accept()
            return
        super().keyPressEvent(e)

    # -- painting -------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(HEIGHT, super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), max(HEIGHT // 2, super().minimumSizeHint().height()))

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if (change == QAbstractSlider.SliderChange.SliderValueChange and self._peaks
                and self._painted_x is not None):
            # only the strip the playhead crossed changes
            old, new = self._painted_x, self.x_of(self.sliderPosition())
            left = int(min(old, new)) - 2
            self.update(QRect(left, 0, int(abs(new - old)) + 5, self.height()))
            return
        super().sliderChange(change)

    def _colours(self) -> tuple[QColor, QColor]:
        pal = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        return pal.color(group, QPalette.ColorRole.Highlight), rest_colour(pal, group)

    def _pixmaps(self, size: QSize) -> tuple[QPixmap, QPixmap]:
        played, rest = self._colours()
        dpr = self.devicePixelRatioF()
        key = (size.width(), size.height(), dpr, self._version, played.rgba(), rest.rgba())
        if key != self._key:
            self._played = QPixmap.fromImage(render_bars(self._peaks, size, dpr, played))
            self._rest = QPixmap.fromImage(render_bars(self._peaks, size, dpr, rest))
            self._key = key
        return self._played, self._rest

    def paintEvent(self, e: QPaintEvent) -> None:
        if not self._peaks:
            self._painted_x = None
            super().paintEvent(e)   # the style's own groove and handle
            if self._loop:
                p = QPainter(self)
                self._paint_loop(p)
                p.end()
            return
        r = self._wave_rect()
        played, rest = self._pixmaps(r.size())
        x = self.x_of(self.sliderPosition())
        self._painted_x = x
        dpr = played.devicePixelRatio()
        split = x - r.left()
        p = QPainter(self)
        if split > 0:
            p.drawPixmap(QRectF(r.left(), r.top(), split, r.height()), played,
                         QRectF(0, 0, split * dpr, played.height()))
        if split < r.width():
            p.drawPixmap(QRectF(x, r.top(), r.width() - split, r.height()), rest,
                         QRectF(split * dpr, 0, (r.width() - split) * dpr, rest.height()))
        if self._loop:
            self._paint_loop(p)
        head = self.palette().color(QPalette.ColorRole.WindowText)
        head.setAlpha(200)
        p.fillRect(QRectF(x - 0.5, 0, 1.0, self.height()), head)
        if self.hasFocus():
            opt = QStyleOptionFocusRect()
            opt.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, opt, p, self)
        p.end()

    def _paint_loop(self, p: QPainter) -> None:
        if self._loop is None:
            return
        a, b = (self.x_of(v) for v in self._loop)
        band = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        band.setAlpha(LOOP_ALPHA)
        p.fillRect(QRectF(QPointF(a, 0), QPointF(b, self.height())), band)
        band.setAlpha(220)
        for edge in (a, b):
            p.fillRect(QRectF(edge - 1, 0, 2, self.height()), band)
