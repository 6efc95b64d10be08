"""Reading audio ids out of drops and pastes: plain text, song links, or .txt files holding a list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit

from ..jobs.ids import extract_ids

TEXT_FILE_MAX = 1_000_000


def ids_from_mime(mime: QMimeData | None) -> list[str]:
    if mime is None:
        return []
    chunks: list[str] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                # a tiny read; anything big is not a list of ids
                if path.suffix.lower() in (".txt", ".csv", ".list", "") and path.is_file() \
                        and path.stat().st_size <= TEXT_FILE_MAX:
                    chunks.append(path.read_text("utf-8", "replace"))
            else:
                chunks.append(url.toString())
    if not chunks and mime.hasText():
        chunks.append(mime.text())
    return extract_ids("\n".join(chunks))


def mime_may_hold_ids(mime: QMimeData | None) -> bool:
    return mime is not None and (mime.hasText() or mime.hasUrls())


class IdDropTarget:
    """Mixin for a widget that takes drags which may hold ids and hands what it finds to ``take_ids``."""

    def dragEnterEvent(self, event):
        if mime_may_hold_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if mime_may_hold_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        ids = ids_from_mime(event.mimeData())
        event.acceptProposedAction()
        self.take_ids(ids)

    def take_ids(self, ids: list[str]) -> None:
        raise NotImplementedError


class IdLineEdit(IdDropTarget, QLineEdit):
    """The audio_id field: a drop or paste of a link becomes its id; several ids go to ``idsDropped``."""

    idsDropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            ids = ids_from_mime(QGuiApplication.clipboard().mimeData())
            if len(ids) > 1 or (len(ids) == 1 and ids[0] != QGuiApplication.clipboard().text().strip()):
                self.take_ids(ids)
                return
        super().keyPressEvent(event)

    def take_ids(self, ids: list[str]) -> None:
        if len(ids) == 1:
            self.setText(ids[0])
            self.setFocus()
        elif ids:
            self.idsDropped.emit(ids)
