"""Little widgets the panes share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QWidget


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * 1.05)
    label.setFont(f)
    return label


class WrappedLabel(QLabel):
    """A word-wrapped label that gets every line it needs inside nested layouts (a box layout in a form row
    gave it one line's height and cut the rest): its minimum height follows its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        need = self.heightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)


def breakable(path: object) -> str:
    """A path that a word-wrapping label breaks after a separator rather than mid-name: a zero-width space
    after each separator, a word joiner after each hyphen (Unicode lets a line break after "-", which cut
    "cover-desktop" in two, and not after a "/" followed by a digit)."""
    return str(path).replace("-", "-\u2060").replace("/", "/\u200b").replace("\\", "\\\u200b")


def widget_shortcut(keys: QKeySequence | QKeySequence.StandardKey | str, widget: QWidget,
                    slot: Callable[[], object]) -> QShortcut:
    """A shortcut that fires only while ``widget`` has the focus. (The constructor's ``context`` keyword is
    silently ignored by PySide6: two lists' Delete keys then clashed window-wide and neither fired.)"""
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut
