"""Which keys the player's one-key shortcuts (Space, R, X, 1-5, F, [ ]) may take, and which stay with the
focused control.

A window-wide shortcut wins over the focused widget unless that widget claims the key first (Qt asks it with
a ShortcutOverride event; text fields claim typing keys, check boxes and buttons do not). So a key typed
with the focus on a check box played the clip instead of ticking the box. Here the window claims typing
keys for the focused widget unless the focus is in a list or the player: the lists and the player hear them
(a focused button of the player still gets its own Space), everything else gets its own keys. A key with
Ctrl, Alt or Meta is a command, never typing: it always reaches its shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
BUTTON_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def typing_key(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & COMMAND


def keeps_key(focus: QWidget | None, event: QKeyEvent, hears: Callable[[QWidget], bool]) -> bool:
    """True when ``focus`` should get ``event`` itself rather than a one-key shortcut."""
    if focus is None or not typing_key(event):
        return False
    if not hears(focus):
        return True
    return isinstance(focus, QAbstractButton) and event.key() in BUTTON_KEYS


class PlayerKeys(QObject):
    """Installed on the window: it sees the ShortcutOverride its focused widget left unclaimed."""

    def __init__(self, window: QWidget, hearers: Callable[[], list[QWidget]]):
        super().__init__(window)
        self._hearers = hearers
        window.installEventFilter(self)

    def _hears(self, widget: QWidget) -> bool:
        return any(w is widget or w.isAncestorOf(widget) for w in self._hearers())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and keeps_key(QApplication.focusWidget(), event, self._hears):
            event.accept()   # an accepted override: Qt delivers the key to the focused widget, no shortcut
            return True
        return False
