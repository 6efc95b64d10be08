"""The waveform seek bar: a click jumps to the point, a drag seeks, shift+drag marks a loop, arrows step,
and the played part is painted in the highlight colour in light and dark palettes."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QSlider

from cover_desktop.ui.waveform import WaveformSeekBar, rest_colour

MINUTE = 60_000
PEAKS = [0.3 + 0.7 * abs(math.sin(i / 9)) for i in range(600)]


@pytest.fixture(params=["waveform", "plain"])
def bar(qtbot, request):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    w.setObjectName("seekSlider")
    w.setRange(0, MINUTE)
    w.resize(400, 32)
    if request.param == "waveform":
        w.set_peaks(PEAKS)
    w.show()
    qtbot.waitExposed(w)
    return w


def mouse(w: WaveformSeekBar, kind: QEvent.Type, frac: float, shift: bool = False) -> None:
    pos = QPointF(frac * w.width(), w.height() / 2)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    ev = QMouseEvent(kind, pos, w.mapToGlobal(pos), button, held, mods)
    QApplication.sendEvent(w, ev)


def test_it_is_still_the_seek_slider(bar):
    assert isinstance(bar, QSlider) and bar.orientation() == Qt.Orientation.Horizontal
    assert bar.singleStep() == 1000 and bar.pageStep() == 5000


def test_a_click_at_three_quarters_of_a_minute_lands_at_45_s(bar, qtbot):
    moved: list[int] = []
    bar.sliderMoved.connect(moved.append)
    with qtbot.waitSignal(bar.valueChanged) as sig:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(round(0.75 * bar.width()), bar.height() // 2))
    assert abs(sig.args[0] - 45_000) <= 1000, sig.args
    assert abs(bar.value() - 45_000) <= 1000 and moved and not bar.isSliderDown()
    # a second click further left goes back there, not one page step
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(round(0.1 * bar.width()), bar.height() // 2))
    assert abs(bar.value() - 6_000) <= 1000


def test_a_drag_seeks_continuously(bar, qtbot):
    values: list[int] = []
    bar.valueChanged.connect(values.append)
    pressed, released = [], []
    bar.sliderPressed.connect(lambda: pressed.append(1))
    bar.sliderReleased.connect(lambda: released.append(1))
    mouse(bar, QEvent.Type.MouseButtonPress, 0.2)
    assert bar.isSliderDown() and pressed
    for frac in (0.3, 0.4, 0.5, 0.6):
        mouse(bar, QEvent.Type.MouseMove, frac)
        assert abs(bar.value() - frac * MINUTE) <= 1000
    mouse(bar, QEvent.Type.MouseButtonRelease, 0.6)
    assert released and not bar.isSliderDown()
    assert len(values) >= 5 and values == sorted(values)
    assert bar.loop() is None


def test_shift_drag_marks_a_loop_without_seeking(bar, qtbot):
    loops: list[tuple[int, int]] = []
    bar.loopChanged.connect(lambda a, b: loops.append((a, b)))
    bar.setValue(1000)
    mouse(bar, QEvent.Type.MouseButtonPress, 0.5, shift=True)
    mouse(bar, QEvent.Type.MouseMove, 0.4, shift=True)
    mouse(bar, QEvent.Type.MouseMove, 0.25, shift=True)
    mouse(bar, QEvent.Type.MouseButtonRelease, 0.25, shift=True)
    a, b = bar.loop() or (0, 0)
    assert abs(a - 15_000) <= 1000 and abs(b - 30_000) <= 1000
    assert loops[-1] == (a, b) and len(loops) >= 2
    assert bar.value() == 1000 and not bar.isSliderDown()
    # shift+click without a drag takes the loop away
    mouse(bar, QEvent.Type.MouseButtonPress, 0.7, shift=True)
    mouse(bar, QEvent.Type.MouseButtonRelease, 0.7, shift=True)
    assert bar.loop() is None and loops[-1] == (-1, -1)


def test_loop_by_methods_and_marks(qtbot):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    w.setRange(0, MINUTE)
    seen: list[tuple[int, int]] = []
    w.loopChanged.connect(lambda a, b: seen.append((a, b)))
    w.set_loop(30_000, 10_000)
    assert w.loop() == (10_000, 30_000)
    w.set_loop(10_000, 30_000)                 # no change, no signal
    w.set_loop(50_000, 90_000)                 # clamped to the range
    assert w.loop() == (50_000, MINUTE)
    w.clear_loop()
    w.clear_loop()
    assert seen == [(10_000, 30_000), (50_000, MINUTE), (-1, -1)]
    w.setValue(20_000)
    w.mark_a()
    assert w.loop() == (20_000, MINUTE)
    w.setValue(35_000)
    w.mark_b()
    assert w.loop() == (20_000, 35_000)
    w.set_loop(5_000, 5_000)
    assert w.loop() is None


def test_arrow_keys_still_step(bar, qtbot):
    bar.setValue(10_000)
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert bar.value() == 11_000
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert bar.value() == 9_000
    qtbot.keyClick(bar, Qt.Key.Key_PageUp)
    assert bar.value() == 14_000


def colours_in(img: QImage, x0: int, x1: int) -> set[int]:
    y = img.height() // 2
    return {img.pixel(x, y) & 0xFFFFFF for x in range(x0, x1)}


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#232629"), (QPalette.ColorRole.WindowText, "#eff0f1"),
                         (QPalette.ColorRole.Base, "#1b1e20"), (QPalette.ColorRole.Text, "#eff0f1"),
                         (QPalette.ColorRole.Highlight, "#3daee9"), (QPalette.ColorRole.Button, "#31363b")):
        pal.setColor(role, QColor(colour))
    return pal


@pytest.mark.parametrize("dark", [False, True])
def test_played_part_is_painted_in_the_highlight_and_the_rest_in_a_mid_tone(qtbot, dark):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    if dark:
        w.setPalette(dark_palette())
    w.setRange(0, MINUTE)
    w.set_peaks([1.0] * 600)
    w.resize(300, 32)
    w.setValue(MINUTE // 2)
    img = w.grab().toImage()
    pal = w.palette()
    highlight = pal.color(QPalette.ColorRole.Highlight).rgb() & 0xFFFFFF
    rest = rest_colour(pal).rgb() & 0xFFFFFF
    left, right = colours_in(img, 10, 140), colours_in(img, 160, 290)
    assert highlight in left and highlight not in right
    assert rest in right and rest not in left
    window = pal.color(QPalette.ColorRole.Window)
    # the unplayed bars stand out from the window in either palette
    assert abs(QColor(rest).lightness() - window.lightness()) > 60
    # moving on repaints: the highlight now reaches further right
    w.setValue(MINUTE)
    assert highlight in colours_in(w.grab().toImage(), 160, 290)


def test_without_peaks_it_is_a_plain_slider(qtbot):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    w.setRange(0, MINUTE)
    w.resize(300, 32)
    plain = QSlider(Qt.Orientation.Horizontal)
    qtbot.addWidget(plain)
    plain.setRange(0, MINUTE)
    plain.resize(300, 32)
    assert w.grab().toImage() == plain.grab().toImage()
    w.set_peaks([0.5] * 10)
    assert w.grab().toImage() != plain.grab().toImage()
    w.set_peaks([])
    assert w.grab().toImage() == plain.grab().toImage()


def test_a_loop_is_drawn_as_a_band(qtbot):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    w.setRange(0, MINUTE)
    w.set_peaks([0.2] * 600)    # low bars: the band shows above and below them
    w.resize(300, 32)
    before = w.grab().toImage()
    w.set_loop(30_000, 45_000)
    after = w.grab().toImage()
    top = 3   # above the bars
    assert before.pixel(190, top) != after.pixel(190, top)
    assert before.pixel(60, top) == after.pixel(60, top)   # outside the band nothing changed


def test_playback_repaints_only_the_playhead_strip_and_leaves_no_trace(qtbot):
    w = WaveformSeekBar()
    qtbot.addWidget(w)
    w.setRange(0, MINUTE)
    w.set_peaks(PEAKS)
    w.resize(400, 32)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    painted: list[int] = []
    paint = w.paintEvent
    w.paintEvent = lambda e: (painted.append(e.rect().width()), paint(e))
    for ms in range(0, MINUTE, 700):
        w.setValue(ms)
        QApplication.processEvents()
    # (the first paint after showing may still be a full one)
    assert len(painted) > 50 and sum(width > 20 for width in painted) <= 1, painted
    # what is on screen, built strip by strip, is what a full paint gives
    on_screen = w.screen().grabWindow(w.winId()).toImage()
    assert on_screen.convertToFormat(QImage.Format.Format_RGB32) == w.grab().toImage().convertToFormat(
        QImage.Format.Format_RGB32)
