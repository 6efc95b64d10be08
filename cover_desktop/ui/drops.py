"""Audio ids from drops and pastes: plain text, song links, or .txt files holding a list. What was dropped
is read here (a small file at most); picking the ids out happens off the GUI thread when the text is big."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from ..i18n import translate
from ..jobs.ids import IdParse, parse_ids

TEXT_FILE_MAX = 1_000_000
TEXT_SUFFIXES = (".txt", ".csv", ".list", "")
BIG_TEXT = 20_000      # characters; above this, parse in a worker thread


@dataclass
class Dropped:
    text: str = ""
    problem: str = ""    # said instead of parsing: a file too large, unreadable, or of another kind


def read_file(path: Path) -> Dropped:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _unreadable(path, exc)
    if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
        return Dropped(problem=translate("Drops", "{name} is not a text file with audio ids (.txt or .csv).").format(
            name=path.name))
    if size > TEXT_FILE_MAX:
        return Dropped(problem=translate("Drops", "{name} is too large ({size} MB): a list of audio ids is a text "
                                                  "file of at most {limit} MB.").format(
            name=path.name, size=size // 1_000_000, limit=TEXT_FILE_MAX // 1_000_000))
    try:
        return Dropped(path.read_text("utf-8", "replace"))
    except OSError as exc:
        return _unreadable(path, exc)


def _unreadable(path: Path, exc: OSError) -> Dropped:
    return Dropped(problem=translate("Drops", "Could not read {name}: {reason}").format(
        name=path.name, reason=exc.strerror or exc))


def read_mime(mime: QMimeData | None) -> Dropped:
    if mime is None:
        return Dropped()
    chunks: list[str] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                got = read_file(Path(url.toLocalFile()))
                if got.problem:
                    return got
                chunks.append(got.text)
            else:
                chunks.append(url.toString())
    if not chunks and mime.hasText():
        chunks.append(mime.text())
    return Dropped("\n".join(chunks))


def from_arguments(args: list[str]) -> Dropped:
    """Command-line arguments as a drop: a file:// URL (what a launcher's %U passes for a file dropped on it) is
    read as a dropped file is; anything else (an id, a song link) is text."""
    chunks: list[str] = []
    for arg in args:
        url = QUrl(arg)
        if arg.startswith("file:") and url.isLocalFile():
            got = read_file(Path(url.toLocalFile()))
            if got.problem:
                return got
            chunks.append(got.text)
        else:
            chunks.append(arg)
    return Dropped("\n".join(chunks))


async def parse_dropped(dropped: Dropped) -> IdParse:
    if len(dropped.text) > BIG_TEXT:
        return await asyncio.to_thread(parse_ids, dropped.text)
    return parse_ids(dropped.text)


def mime_may_hold_ids(mime: QMimeData | None) -> bool:
    return mime is not None and (mime.hasText() or mime.hasUrls())


class IdDropTarget:
    """Mixin for a widget that takes drags which may hold ids and hands what was dropped to ``take_drop``."""

    def dragEnterEvent(self, event: Any) -> None:
        if mime_may_hold_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)  # type: ignore[misc]

    def dragMoveEvent(self, event: Any) -> None:
        if mime_may_hold_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)  # type: ignore[misc]

    def dropEvent(self, event: Any) -> None:
        dropped = read_mime(event.mimeData())
        event.acceptProposedAction()
        self.take_drop(dropped)

    def take_drop(self, dropped: Dropped) -> None:
        raise NotImplementedError


class IdLineEdit(IdDropTarget, QLineEdit):
    """The audio_id field: a drop or paste of one link becomes its id; anything with several lines goes to
    ``dropped`` for the form to sort out."""

    dropped = Signal(object)   # Dropped

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            got = read_mime(QGuiApplication.clipboard().mimeData())
            if got.problem or "\n" in got.text.strip():
                self.take_drop(got)
                return
            one = parse_ids(got.text)
            if len(one.ids) == 1 and one.ids[0] != got.text.strip():
                self.setText(one.ids[0])    # a song link: its id
                return
        super().keyPressEvent(event)

    def take_drop(self, dropped: Dropped) -> None:
        self.dropped.emit(dropped)
