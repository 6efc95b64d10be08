"""Text contrast as WCAG 2 counts it, and the colours the window derives from the palette in use so that
every text keeps at least 4.5:1 (level AA) in a light or a dark appearance alike.

Nothing here names a theme colour: secondary text is the palette's text moved toward its background only as
far as AA allows, an accent or an error red is darkened or lightened just enough for the background it sits
on. Whoever changes the palette (View -> Appearance, the desktop) changes these colours with it."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

AA = 4.5
# the colours are 8-bit: aim a little above the line so rounding never lands below it
_AIM = AA + 0.15
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
ERROR_RED = QColor("#c62828")


def _channel(v: int) -> float:
    c = v / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(c: QColor) -> float:
    rgb = c.toRgb()
    return 0.2126 * _channel(rgb.red()) + 0.7152 * _channel(rgb.green()) + 0.0722 * _channel(rgb.blue())


def over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` as it shows on ``bg`` (a translucent colour is what it blends to)."""
    a = fg.alphaF()
    if a >= 1:
        return QColor(fg.red(), fg.green(), fg.blue())
    return QColor(round(fg.red() * a + bg.red() * (1 - a)), round(fg.green() * a + bg.green() * (1 - a)),
                  round(fg.blue() * a + bg.blue() * (1 - a)))


def ratio(fg: QColor, bg: QColor) -> float:
    """The contrast ratio of ``fg`` drawn on ``bg``, 1 to 21."""
    a, b = luminance(over(fg, bg)), luminance(over(bg, QColor("white")))
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``t`` of the way from ``a`` to ``b``."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


@lru_cache(maxsize=256)
def _readable(fg: int, bg: int, minimum: float) -> int:
    back = QColor.fromRgba(bg)
    start = over(QColor.fromRgba(fg), back)
    if ratio(start, back) >= minimum:
        return start.rgba()
    # toward black on a light background, toward white on a dark one: the way that has room
    target = QColor("black") if ratio(QColor("black"), back) >= ratio(QColor("white"), back) else QColor("white")
    lo, hi = 0.0, 1.0
    for _ in range(14):
        mid = (lo + hi) / 2
        if ratio(mix(start, target, mid), back) >= minimum:
            hi = mid
        else:
            lo = mid
    return mix(start, target, hi).rgba()


def readable(fg: QColor, bg: QColor, minimum: float = _AIM) -> QColor:
    """``fg`` moved just far enough from ``bg`` to be read on it (as close to ``fg`` as AA allows)."""
    return QColor.fromRgba(_readable(fg.rgba(), bg.rgba(), minimum))


def hint_colour(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active,
                background: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """Secondary text (notes, counts, empty lists): dimmer than the text, never below AA."""
    bg = palette.color(group, background)
    text_role = QPalette.ColorRole.WindowText if background == QPalette.ColorRole.Window else QPalette.ColorRole.Text
    return readable(mix(palette.color(group, text_role), bg, 0.5), bg)


def error_colour(palette: QPalette) -> QColor:
    return readable(ERROR_RED, palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window))


def dim_on(text: QColor, bg: QColor) -> QColor:
    """A row's second line: the row's text toward its background, as far as AA allows."""
    return readable(mix(text, bg, 0.35), bg)


def accent_on(palette: QPalette, bg: QColor) -> QColor:
    """The palette's accent (its highlight) as text on ``bg``: the playing clip's title."""
    return readable(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), bg)


# -- the application's palette ----------------------------------------------------------------------------
def readable_palette(palette: QPalette) -> QPalette | None:
    """``palette`` with its placeholder text and its selection made readable, or None when they already are."""
    fixed = QPalette(palette)
    changed = False
    for group in _GROUPS:
        base = palette.color(group, QPalette.ColorRole.Base)
        placeholder = palette.color(group, QPalette.ColorRole.PlaceholderText)
        if ratio(placeholder, base) < AA:
            fixed.setColor(group, QPalette.ColorRole.PlaceholderText, readable(placeholder, base))
            changed = True
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        if group != QPalette.ColorGroup.Disabled and ratio(text, highlight) < AA:
            # the selection colour moves away from its text (a darker blue under white text)
            fixed.setColor(group, QPalette.ColorRole.Highlight, readable(highlight, text))
            changed = True
    return fixed if changed else None


class ReadableApplication(QObject):
    """Keeps the application's palette readable: now, and after each change of appearance."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("readablePalette")
        # the application's signal, not an application-wide event filter: that one was a Python call for every
        # event of every object (169,000 in 38 tests)
        app.paletteChanged.connect(lambda _palette: self._apply(app))
        self._apply(app)

    @staticmethod
    def _apply(app: QApplication) -> None:
        fixed = readable_palette(app.palette())
        if fixed is not None:
            app.setPalette(fixed)


def keep_application_readable() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(
            ReadableApplication, "readablePalette", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        ReadableApplication(app)


# -- widgets drawn in a derived colour ----------------------------------------------------------------------
class _Tint(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.setObjectName("contrastTint")
        self.colour: Callable[[QPalette], QColor] = lambda p: hint_colour(p)
        self._busy = False
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange) and not self._busy:
            self.apply()
        return False

    def apply(self) -> None:
        widget = self.parent()
        assert isinstance(widget, QWidget)
        parent = widget.parentWidget()
        source = parent.palette() if parent is not None else QApplication.palette(widget)
        colour = self.colour(source)
        pal = widget.palette()
        if all(pal.color(g, QPalette.ColorRole.WindowText) == colour for g in _GROUPS):
            return
        for group in _GROUPS:    # a disabled hint ("used in custom mode only") is still read
            pal.setColor(group, QPalette.ColorRole.WindowText, colour)
        self._busy = True
        try:
            widget.setPalette(pal)
        finally:
            self._busy = False


def tint(widget: QWidget, colour: Callable[[QPalette], QColor] = hint_colour) -> None:
    """Draw ``widget``'s text in ``colour(palette)``, worked out again whenever the palette changes."""
    follower = widget.findChild(_Tint, "contrastTint", Qt.FindChildOption.FindDirectChildrenOnly)
    if follower is None:
        follower = _Tint(widget)
    follower.colour = colour
    follower.apply()


def small_print(widget: QWidget, on: bool = True) -> None:
    """The notes' smaller type, set as a font: a style sheet on the label would take its palette over, and the
    colour above would no longer follow a change of appearance."""
    font = QFont(widget.font())
    if on:
        font.setPixelSize(11)
    else:
        font = QFont(QApplication.font(widget))
    widget.setFont(font)
