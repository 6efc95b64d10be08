"""The row above the library: search as you type, filters (favourites, stars, status, when), the sort
order, the trash, and a playlist of what is listed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from .library_view import PERIODS, SORTS, STATES, LibraryView


def _combo(name: str, tip: str, items: dict) -> QComboBox:
    """``items``: value -> English words (context "LibraryView"), shown translated."""
    box = QComboBox()
    box.setObjectName(name)
    box.setToolTip(tip)
    box.setAccessibleName(tip)
    for value, text in items.items():
        box.addItem(translate_marked("LibraryView", text), value)
    return box


ANY_RATING = QT_TRANSLATE_NOOP("LibraryView", "Any rating")


class LibraryBar(QWidget):
    viewChanged = Signal(object)        # LibraryView
    playlistRequested = Signal()
    emptyTrashRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryBar")
        self.search = QLineEdit()
        self.search.setObjectName("librarySearchEdit")
        self.search.setAccessibleName(translate("LibraryBar", "Search the clips"))
        # short enough to be read whole beside the buttons (in French too); the tooltip says the rest
        self.search.setPlaceholderText(translate("LibraryBar", "Search title, style, id, lyrics\u2026"))
        self.search.setToolTip(translate("LibraryBar", "Finds clips by title, style, audio id, task id, clip id, "
                                                       "lyrics or your notes"))
        self.search.setClearButtonEnabled(True)
        self.favourites = QToolButton()
        self.favourites.setObjectName("favouritesOnlyButton")
        self.favourites.setText("\u2665 " + translate("LibraryBar", "Favourites"))
        self.favourites.setCheckable(True)
        self.favourites.setToolTip(translate("LibraryBar", "Only the clips you marked as favourites"))
        self.stars = _combo("minRatingCombo", translate("LibraryBar", "Fewest stars shown"), {0: ANY_RATING})
        for n in range(1, 6):
            self.stars.addItem(translate("LibraryBar", "%n+ star(s)", None, n), n)
        self.state = _combo("statusFilterCombo", translate("LibraryBar", "Job status"), STATES)
        self.period = _combo("periodCombo", translate("LibraryBar", "When the job was made"), PERIODS)
        self.sort = _combo("sortCombo", translate("LibraryBar", "Sort by"), SORTS)
        self.order = QToolButton()
        self.order.setObjectName("sortOrderButton")
        self.order.setCheckable(True)
        self.order.setToolTip(translate("LibraryBar", "Newest, longest or best first / the other way round"))
        self.trash = QToolButton()
        self.trash.setObjectName("trashButton")
        self.trash.setText(translate("LibraryBar", "Trash"))
        self.trash.setCheckable(True)
        self.trash.setToolTip(translate("LibraryBar", "Clips you put in the trash: restore them, or empty the trash "
                                                      "for good"))
        self.playlist = QToolButton()
        self.playlist.setObjectName("playlistButton")
        self.playlist.setText(translate("LibraryBar", "Playlist\u2026"))
        self.playlist.setToolTip(translate("LibraryBar", "Save what is listed as an M3U8 playlist"))
        self.empty = QToolButton()
        self.empty.setObjectName("emptyTrashButton")
        self.empty.setText(translate("LibraryBar", "Empty trash\u2026"))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.favourites)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        # a visible label for each combo, its buddy: on Linux Qt names a combo by its current value and a
        # screen reader finds what it is for only through the label pointing at it
        self.labels: dict[str, QLabel] = {}
        for box, words in ((self.stars, translate("LibraryBar", "Stars")),
                           (self.state, translate("LibraryBar", "Status")),
                           (self.period, translate("LibraryBar", "Made")),
                           (self.sort, translate("LibraryBar", "Sort"))):
            label = QLabel(words)
            label.setObjectName(f"{box.objectName()}Label")
            label.setBuddy(box)
            self.labels[box.objectName()] = label
            bottom.addWidget(label)
            bottom.addWidget(box)
            bottom.addSpacing(6)
        bottom.addWidget(self.order)
        bottom.addStretch(1)
        for w in (self.trash, self.empty, self.playlist):
            top.addWidget(w)   # the filters below get the width
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 4)
        outer.setSpacing(4)
        outer.addLayout(top)
        outer.addLayout(bottom)

        self.search.textChanged.connect(self._changed)
        for box in (self.stars, self.state, self.period, self.sort):
            box.currentIndexChanged.connect(self._changed)
        for button in (self.favourites, self.order, self.trash):
            button.toggled.connect(self._changed)
        self.playlist.clicked.connect(self.playlistRequested)
        self.empty.clicked.connect(self.emptyTrashRequested)
        self._loading = False
        self._show_order()
        self.empty.hide()

    def view(self) -> LibraryView:
        return LibraryView(query=self.search.text(), favourites=self.favourites.isChecked(),
                           min_rating=int(self.stars.currentData() or 0), state=str(self.state.currentData() or ""),
                           days=int(self.period.currentData() or 0), sort=str(self.sort.currentData() or "date"),
                           descending=not self.order.isChecked(), trash=self.trash.isChecked())

    def set_view(self, view: LibraryView) -> None:
        self._loading = True
        try:
            self.search.setText(view.query)
            self.favourites.setChecked(view.favourites)
            for box, value in ((self.stars, view.min_rating), (self.state, view.state), (self.period, view.days),
                               (self.sort, view.sort)):
                box.setCurrentIndex(max(0, box.findData(value)))
            self.order.setChecked(not view.descending)
            self.trash.setChecked(view.trash)
        finally:
            self._loading = False
        self._changed()

    def _show_order(self) -> None:
        self.order.setText("\u2191 " + translate("LibraryBar", "Ascending") if self.order.isChecked()
                           else "\u2193 " + translate("LibraryBar", "Descending"))
        self.empty.setVisible(self.trash.isChecked())
        self.playlist.setVisible(not self.trash.isChecked())

    def _changed(self) -> None:
        self._show_order()
        if not self._loading:
            self.viewChanged.emit(self.view())
