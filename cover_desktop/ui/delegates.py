"""Row painting for the jobs and clips lists (a delegate per list, never a widget per row)."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractItemModel, QEvent, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem

from ..jobs.model import Job, JobState
from ..media.thumbs import COVER_SIZE
from .clips_model import BrokenCoverRole, ClipRole, DetailRole, FavouriteRole, GroupRole, PlayingRole, RatingRole
from .contrast import accent_on, dim_on, readable
from .jobs_model import ElapsedRole, Index, JobRole, WhenRole, clips_text, state_text
from .messages import describe

STATE_COLORS = {
    JobState.SUBMITTING: "#7e57c2", JobState.RUNNING: "#1e88e5", JobState.DONE: "#43a047",
    JobState.FAILED: "#e53935", JobState.TIMED_OUT: "#fb8c00", JobState.UNCERTAIN: "#fb8c00",
}
PAD = 8


def _background(painter: QPainter, option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
    """Draw the selection/hover background; return (text, dim text) colours for this row."""
    style = option.widget.style() if option.widget else None
    if style is not None:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    group = QPalette.ColorGroup.Active
    text = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    # the second line: dimmer than the text, still 4.5:1 on the row's own background (selected or not)
    dim = dim_on(text, option.palette.color(group, QPalette.ColorRole.Highlight if selected
                                            else QPalette.ColorRole.Base))
    return text, dim


def _focus_ring(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The keyboard's place in the list: a row painted by hand must draw the style's focus frame itself."""
    if not option.state & QStyle.StateFlag.State_HasFocus or option.widget is None:
        return
    ring = QStyleOptionFocusRect()
    ring.initFrom(option.widget)
    ring.rect = option.rect.adjusted(1, 1, -1, -1)
    ring.state = ring.state | option.state   # initFrom knows whether the keyboard moved the focus
    ring.backgroundColor = option.palette.color(QPalette.ColorRole.Highlight if option.state
                                                & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Base)
    option.widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, ring, painter, option.widget)


class JobDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(260, fm.height() * 2 + PAD * 2 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        job: Job | None = index.data(JobRole)
        if job is None:
            return super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, dim = _background(painter, option)
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        fm = QFontMetrics(option.font)
        dot = QRectF(r.left(), r.top() + fm.height() / 2 - 5, 10, 10)
        # on the selection colour (blue, like a running job's dot) the dot keeps a ring of the selected text's
        painter.setPen(QPen(text, 2) if option.state & QStyle.StateFlag.State_Selected else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLORS.get(job.state, "#9e9e9e")))
        painter.drawEllipse(dot)

        left = r.left() + 18
        elapsed = index.data(ElapsedRole) or ""
        ew = fm.horizontalAdvance(elapsed) + 4
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        head = job.request.audio_id
        # title and style both: the jobs of a style matrix share a title and differ by style
        what = "  \u00b7  ".join(x for x in (job.request.title, job.request.style) if x)
        line1 = QRect(left, r.top(), r.width() - 18 - ew, fm.height())
        bfm = QFontMetrics(bold)
        head_w = min(bfm.horizontalAdvance(head), line1.width())
        painter.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bfm.elidedText(head, Qt.TextElideMode.ElideMiddle, line1.width()))
        painter.setFont(option.font)
        if what and head_w < line1.width() - 20:
            rest = QRect(left + head_w, r.top(), line1.width() - head_w, fm.height())
            painter.setPen(dim)
            painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(f"  \u00b7  {what}", Qt.TextElideMode.ElideRight, rest.width()))
        painter.setPen(dim)
        painter.drawText(QRect(r.right() - ew, r.top(), ew, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elapsed)

        raw = f" ({job.raw_status})" if job.raw_status and job.raw_status.lower() not in job.label.lower() else ""
        clips = f"  \u00b7  {clips_text(len(job.clips))}" if job.clips else ""
        status = f"{state_text(job)}{raw}{clips}"
        when = index.data(WhenRole) or ""
        ww = fm.horizontalAdvance(when) + 4
        painter.setPen(dim)
        painter.drawText(QRect(r.right() - ww, r.top() + fm.height() + 4, ww, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        line2 = QRect(left, r.top() + fm.height() + 4, r.width() - 18 - ww - 8, fm.height())
        painter.setPen(text if job.state.active else dim)
        sw = min(fm.horizontalAdvance(status), line2.width())
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(status, Qt.TextElideMode.ElideRight, line2.width()))
        if job.error and sw < line2.width() - 30:
            err = QRect(line2.left() + sw, line2.top(), line2.width() - sw, line2.height())
            if option.state & QStyle.StateFlag.State_Selected:
                painter.setPen(text)  # red on the selection colour is unreadable
            else:
                base = option.palette.color(QPalette.ColorRole.Base)
                painter.setPen(readable(QColor("#e53935") if job.state in (JobState.FAILED, JobState.UNCERTAIN)
                                        else QColor("#ef6c00"), base))
            painter.drawText(err, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText("  \u00b7  " + describe(job.error), Qt.TextElideMode.ElideRight,
                                           err.width()))
        _focus_ring(painter, option)
        painter.restore()


def _star(r: QRectF) -> QPainterPath:
    path = QPainterPath()
    cx, cy, outer = r.center().x(), r.center().y(), min(r.width(), r.height()) / 2
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        point = QPointF(cx + radius * math.cos(angle), cy - radius * math.sin(angle))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    path.closeSubpath()
    return path


def _heart(r: QRectF) -> QPainterPath:
    path = QPainterPath()
    w, h, x, y = r.width(), r.height(), r.left(), r.top()
    path.moveTo(x + w / 2, y + h * 0.92)
    path.cubicTo(x - w * 0.1, y + h * 0.45, x + w * 0.15, y - h * 0.05, x + w / 2, y + h * 0.28)
    path.cubicTo(x + w * 0.85, y - h * 0.05, x + w * 1.1, y + h * 0.45, x + w / 2, y + h * 0.92)
    return path


MARK = 16      # one star or the heart, in logical pixels
MARKS_WIDTH = MARK * 6 + 12


def mark_rects(row: QRect) -> tuple[QRectF, list[QRectF]]:
    """Where a clip row draws its heart and its five stars (and takes clicks on them): bottom right."""
    r = row.adjusted(PAD, PAD, -PAD, -PAD)
    y = r.bottom() - MARK - 2
    x = r.right() - MARKS_WIDTH
    heart = QRectF(x, y, MARK, MARK)
    stars = [QRectF(x + 12 + MARK * (i + 1), y, MARK - 2, MARK - 2) for i in range(5)]
    return heart, stars


GROUP_MARK = "\u25a6 "   # a grid: the clip is one cell of a style matrix
GROUP_SHARE = 0.4   # of a row's width, the most its group's name takes from the title beside it


def group_rect(row: QRect, fm: QFontMetrics, name: str = "") -> QRect:
    """Where a clip row names its style matrix (and takes a click on it): top right, above the marks, as wide as
    the name needs (it was cut to "aud0c11e9…" in the marks' width), up to a share of the row."""
    r = row.adjusted(PAD, PAD, -PAD, -PAD)
    width = max(MARKS_WIDTH, min(fm.horizontalAdvance(GROUP_MARK + name) + 12, int(r.width() * GROUP_SHARE)))
    return QRect(r.right() - width + 1, r.top(), width, fm.height() + 2)


class ClipDelegate(QStyledItemDelegate):
    COVER = COVER_SIZE
    rated = Signal(QPersistentModelIndex, int)          # the row, 0..5 stars (the same star again: 0)
    favouriteToggled = Signal(QPersistentModelIndex)
    groupClicked = Signal(str)                          # the shown name of a row's style matrix

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            heart, stars = mark_rects(option.rect)
            pos = event.position()
            if heart.adjusted(-2, -2, 2, 2).contains(pos):
                self.favouriteToggled.emit(QPersistentModelIndex(index))
                return True
            for n, star in enumerate(stars, 1):
                if star.adjusted(-1, -2, 1, 2).contains(pos):
                    self.rated.emit(QPersistentModelIndex(index), 0 if index.data(RatingRole) == n else n)
                    return True
            group = index.data(GroupRole)
            if group and group_rect(option.rect, QFontMetrics(option.font), group).contains(pos.toPoint()):
                self.groupClicked.emit(group)
                return True
        return super().editorEvent(event, model, option, index)

    def _paint_marks(self, painter: QPainter, option: QStyleOptionViewItem, index: Index, dim: QColor) -> None:
        heart, stars = mark_rects(option.rect)
        rating = int(index.data(RatingRole) or 0)
        gold, red = QColor("#f5a623"), QColor("#e53935")
        outline = QColor(dim)
        outline.setAlphaF(0.5)
        painter.setPen(QPen(red if index.data(FavouriteRole) else outline, 1.2))
        painter.setBrush(red if index.data(FavouriteRole) else Qt.BrushStyle.NoBrush)
        painter.drawPath(_heart(heart))
        for n, star in enumerate(stars, 1):
            painter.setPen(QPen(gold if n <= rating else outline, 1.2))
            painter.setBrush(gold if n <= rating else Qt.BrushStyle.NoBrush)
            painter.drawPath(_star(star))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(260, self.COVER + PAD * 2)

    @staticmethod
    def _paint_group(painter: QPainter, rect: QRect, name: str, dim: QColor) -> None:
        """The matrix's name in a rounded frame, like a tag: a click on it lists the group."""
        fm = painter.fontMetrics()
        text = fm.elidedText(GROUP_MARK + name, Qt.TextElideMode.ElideRight, rect.width() - 10)
        chip = QRectF(rect.right() - fm.horizontalAdvance(text) - 10, rect.top(), fm.horizontalAdvance(text) + 10,
                      rect.height())
        painter.setPen(QPen(dim, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rec = index.data(ClipRole)
        if rec is None:
            return super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        text, dim = _background(painter, option)
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        cover = QRectF(r.left(), r.top(), self.COVER, self.COVER)
        path = QPainterPath()
        path.addRoundedRect(cover, 6, 6)
        img: QImage | None = index.data(Qt.ItemDataRole.DecorationRole)
        playing = bool(index.data(PlayingRole))
        if isinstance(img, QImage) and not img.isNull():
            if img.deviceIndependentSize().toSize() == cover.size().toSize():
                painter.drawImage(cover.topLeft(), img)  # made to measure and pre-rounded: a plain blit
            else:
                painter.setClipPath(path)
                painter.drawImage(cover, img)
                painter.setClipping(False)
        else:
            painter.fillPath(path, QColor(128, 128, 128, 60))
            painter.setPen(dim)
            big = QFont(option.font)
            big.setPointSizeF(option.font.pointSizeF() * 1.6)
            painter.setFont(big)
            mark = "\u2715" if index.data(BrokenCoverRole) else "\u266a"
            painter.drawText(cover, Qt.AlignmentFlag.AlignCenter, mark)
            painter.setFont(option.font)
        if playing:
            painter.fillPath(path, QColor(0, 0, 0, 110))
            painter.setPen(QColor("white"))
            big = QFont(option.font)
            big.setPointSizeF(option.font.pointSizeF() * 1.8)
            painter.setFont(big)
            painter.drawText(cover, Qt.AlignmentFlag.AlignCenter, "\u25b6")
            painter.setFont(option.font)

        fm = QFontMetrics(option.font)
        left = int(cover.right()) + 12
        width = r.right() - left - MARKS_WIDTH - 8
        group = index.data(GroupRole)
        chip = group_rect(option.rect, fm, group) if group else None
        title_width = width if chip is None else min(width, chip.left() - 8 - left)
        self._paint_marks(painter, option, index, dim)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(accent_on(option.palette, option.palette.color(QPalette.ColorRole.Base))
                       if playing and not option.state & QStyle.StateFlag.State_Selected else text)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        top = r.top() + (self.COVER - fm.height() * 2 - 6) // 2
        painter.drawText(QRect(left, top, title_width, fm.height()), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, title_width))
        painter.setFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(readable(QColor("#e53935"), option.palette.color(QPalette.ColorRole.Base))
                       if rec.media_error and rec.progress < 0 and not selected else dim)
        detail = index.data(DetailRole) or ""
        painter.drawText(QRect(left, top + fm.height() + 6, width, fm.height()), Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(detail, Qt.TextElideMode.ElideRight, width))
        if chip is not None:
            self._paint_group(painter, chip, group, dim)
        if rec.progress >= 0:
            bar = QRectF(left, r.bottom() - 3, width, 3)
            painter.fillRect(bar, QColor(128, 128, 128, 70))
            painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * max(0.05, rec.progress), 3),
                             QColor("#1e88e5"))
        _focus_ring(painter, option)
        painter.restore()
