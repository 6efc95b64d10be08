"""Covers in the clip list: one that lands repaints its rows (a dataChanged would make QListView lay out every
row again through the Python model), and those just beyond the view are asked for ahead of the scroll."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QListView

from .clips_model import ClipsModel


def follow_covers(view: QListView, model: ClipsModel, pages: int = 2) -> None:
    def repaint(rows: list[int]) -> None:
        for row in rows:
            view.update(model.index(row))

    def prefetch(*_: object) -> None:
        """The covers ``pages`` pages below the visible rows and one page above, nearest first."""
        area = view.viewport().rect()
        top = view.indexAt(area.topLeft()).row()
        if top < 0:
            return
        bottom = view.indexAt(area.bottomLeft()).row()
        n = model.rowCount()
        bottom = bottom if bottom >= 0 else n - 1
        page = bottom - top + 1
        rows = [*range(bottom + 1, min(n, bottom + 1 + pages * page)), *range(top - 1, max(0, top - page) - 1, -1)]
        model.thumbs.prefetch([p for r in rows if (item := model.at(r)) and (p := item[1].image_path)])

    model.coverLanded.connect(repaint)
    view.verticalScrollBar().valueChanged.connect(prefetch)
    model.modelReset.connect(lambda: QTimer.singleShot(0, prefetch))
