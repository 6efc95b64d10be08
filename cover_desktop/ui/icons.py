"""Transport icons drawn in the palette's text colour, so they stay visible in light and dark themes
(the style's standard media icons are black bitmaps on some platforms)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

SIZE = 64   # drawn large once; Qt scales down smoothly


def _poly(path: QPainterPath, *pts: tuple[float, float]) -> None:
    path.moveTo(QPointF(*pts[0]))
    for p in pts[1:]:
        path.lineTo(QPointF(*p))
    path.closeSubpath()


def _shape(name: str) -> QPainterPath:
    p = QPainterPath()
    if name == "play":
        _poly(p, (18, 12), (52, 32), (18, 52))
    elif name == "pause":
        p.addRoundedRect(QRectF(16, 12, 11, 40), 2, 2)
        p.addRoundedRect(QRectF(37, 12, 11, 40), 2, 2)
    elif name == "next":
        _poly(p, (12, 14), (40, 32), (12, 50))
        p.addRoundedRect(QRectF(42, 14, 8, 36), 2, 2)
    elif name == "previous":
        _poly(p, (52, 14), (24, 32), (52, 50))
        p.addRoundedRect(QRectF(14, 14, 8, 36), 2, 2)
    elif name == "volume":
        _poly(p, (8, 24), (20, 24), (34, 12), (34, 52), (20, 40), (8, 40))
    return p


def icon(name: str, palette: QPalette) -> QIcon:
    colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    out = QIcon()
    for mode, c in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled)):
        out.addPixmap(_render(name, c), mode)
    return out


def _render(name: str, colour: QColor) -> QPixmap:
    pm = QPixmap(SIZE, SIZE)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPath(_shape(name))
    if name == "volume":
        pen = QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(30, 20, 16, 24), -50 * 16, 100 * 16)
        p.drawArc(QRectF(30, 12, 28, 40), -50 * 16, 100 * 16)
    p.end()
    return pm
