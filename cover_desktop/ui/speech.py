"""What a screen reader hears beyond what Qt says by itself.

- ``announce``: a sentence said once, politely (a cover is ready, a job failed, a clip was rated), through the
  accessibility announcement event (Qt 6.8 and later).
- ``RowNames``: a list row whose spoken text changed sends a name change, so a reader that caches names (as
  Orca does) stops saying "Submitting..." about a job that is complete. Only rows whose words changed send
  one: a running job's clock, redrawn every second, is not in its spoken text.
- ``ListFocus``: tabbing into a list says its current row (not only "list"), and a list with no current row
  starts on its first row, so the first Down goes to the second and no row is skipped.
- ``install_dialog_states``: dialogs say that they are modal.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAccessibleWidget,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)

# a dataChanged over more rows than this (a whole listing repainted) sends no name changes: no row's words
# changed that way, and a reader re-reads the list on its own
ROWS_FOLLOWED = 64
ANNOUNCEMENT = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Say ``text`` once. Polite: after what the reader is saying now, never interrupting it."""
    if not text or ANNOUNCEMENT is None:
        return
    event = ANNOUNCEMENT(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def spoken(index: QModelIndex | QPersistentModelIndex) -> str:
    text = index.data(Qt.ItemDataRole.AccessibleTextRole)
    return str(text if text is not None else index.data(Qt.ItemDataRole.DisplayRole) or "")


def _send_for_row(view: QAbstractItemView, row: int, kind: QAccessible.Event) -> None:
    """``kind`` about the row's own accessible object (what a reader names "a list item")."""
    iface = QAccessible.queryAccessibleInterface(view)
    if iface is None:
        return
    cell = iface.child(row) if 0 <= row < iface.childCount() else None
    if cell is not None:
        QAccessible.updateAccessibility(QAccessibleEvent(cell, kind))
        shiboken6.invalidate(cell)
    # Qt deletes these interfaces on its own, and Python cannot see it: a wrapper kept past this call would be
    # taken for whatever object Qt makes next at the same address
    shiboken6.invalidate(iface)


class RowNames(QObject):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        self._said: dict[int, str] = {}
        model = view.model()
        model.dataChanged.connect(self._changed)
        model.rowsInserted.connect(self._inserted)
        for moved in (model.modelReset, model.rowsRemoved, model.layoutChanged, model.rowsMoved):
            moved.connect(self._forget)

    def _forget(self, *_: object) -> None:
        self._said.clear()

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._said.clear()    # the rows below moved: their old numbers mean other rows now
        if QAccessible.isActive() and last - first < ROWS_FOLLOWED:
            model = self._view.model()
            self._said.update({r: spoken(model.index(r, 0)) for r in range(first, last + 1)})

    def _changed(self, top: QModelIndex, bottom: QModelIndex, _roles: list[int] = ()) -> None:  # type: ignore[assignment]
        self.rows_changed(range(top.row(), bottom.row() + 1))

    def rows_changed(self, rows: Sequence[int]) -> None:
        """Also for a model that repaints changed rows without a dataChanged (the clip list does)."""
        if not QAccessible.isActive() or len(rows) > ROWS_FOLLOWED:
            return
        model = self._view.model()
        for row in rows:
            text = spoken(model.index(row, 0))
            if self._said.get(row) == text:
                continue
            self._said[row] = text
            _send_for_row(self._view, row, QAccessible.Event.NameChanged)


class ListFocus(QObject):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        view.installEventFilter(self)
        # a new listing (a job's clips arriving) under the keyboard leaves no current row: keys like 3 or F
        # then answered "Select a clip first"
        view.model().modelReset.connect(self._reset)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and obj is self._view:
            self._start_on_first_row()
            # after Qt's own focus event for the list, so the row is what is said last
            QTimer.singleShot(0, self._say_current)
        return False

    def _start_on_first_row(self) -> None:
        view = self._view
        if not view.currentIndex().isValid() and view.model().rowCount() > 0:
            # Qt would make row 0 current without selecting or saying it: Down then went to row 1
            view.setCurrentIndex(view.model().index(0, 0))

    def _reset(self) -> None:
        if self._view.window().focusWidget() is self._view:
            self._start_on_first_row()
            QTimer.singleShot(0, self._say_current)

    def _say_current(self) -> None:
        view = self._view
        if not view.hasFocus() or not QAccessible.isActive():
            return
        _send_for_row(view, view.currentIndex().row(), QAccessible.Event.Focus)


def follow_list(view: QAbstractItemView) -> RowNames:
    """Row name changes and focus of ``view`` as a screen reader needs them."""
    ListFocus(view)
    return RowNames(view)


class _Dialog(QAccessibleWidget):
    """A dialog as Qt describes it, plus its modal state (Qt leaves it out)."""

    def __init__(self, widget: QWidget, role: QAccessible.Role = QAccessible.Role.Dialog):
        super().__init__(widget, role)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.modal = bool(self.widget().isModal())
        return state


class _MessageBox(_Dialog):
    """A question box: its title, its question as its value and the details as help, as Qt's own says them."""

    def __init__(self, widget: QMessageBox):
        super().__init__(widget, QAccessible.Role.AlertMessage)

    def text(self, t: QAccessible.Text) -> str:
        box = self.widget()
        assert isinstance(box, QMessageBox)
        if t == QAccessible.Text.Value:
            return box.text()
        if t == QAccessible.Text.Help:
            return box.informativeText()
        return super().text(t)


def _factory(_key: str, obj: QObject) -> QtGui.QAccessibleInterface | None:
    if type(obj) is QMessageBox:
        return _MessageBox(obj)
    # Qt's file and colour pickers keep their own interfaces; the app's dialogs are plain QDialogs
    if isinstance(obj, QDialog) and not isinstance(obj, QFileDialog | QMessageBox):
        return _Dialog(obj)
    return None


_installed = False


def install_dialog_states() -> None:
    global _installed
    if not _installed and QApplication.instance() is not None:
        QAccessible.installFactory(_factory)
        _installed = True


class _FocusRing(QWidget):
    """A ring drawn inside a scroll area while it has the focus, in the palette's highlight colour. Drawn over
    the area's own edge (a frame around it would fall outside the window, where the area touches its edges)."""

    def __init__(self, area: QAbstractScrollArea):
        super().__init__(area)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    def follow(self, shown: bool) -> None:
        area = self.parentWidget()
        if area is not None:
            self.setGeometry(area.rect())
        self.setVisible(shown)
        self.raise_()


def named_scroll_area(area: QAbstractScrollArea, name: str) -> None:
    """A scroll area that takes the focus (arrows and Page Down scroll it) says what it holds and shows that it
    has the focus: a frameless area gave no sign at all."""
    area.setAccessibleName(name)
    ring = _FocusRing(area)
    ring.setObjectName(f"{area.objectName()}Focus")

    class _Follow(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                ring.follow(event.type() == QEvent.Type.FocusIn)
            elif event.type() == QEvent.Type.Resize and ring.isVisible():
                ring.follow(True)
            return False

    area.installEventFilter(_Follow(area))
