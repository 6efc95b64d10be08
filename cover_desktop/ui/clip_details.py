"""Everything known about one clip, each with a Copy button, and the musician's own title and notes (kept
on this computer, never sent to the service)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import translate
from ..jobs.model import ClipRecord, Job
from ..media.loudness import Loudness
from .clips_model import loudness_text
from .jobs_model import fmt_elapsed
from .speech import named_scroll_area
from .widgets import WrappedLabel, breakable

FIELDS = ("prompt", "style", "service title", "audio id", "task id", "clip id", "created", "duration", "loudness",
          "file", "service fields")


def field_label(name: str) -> str:
    return {"prompt": translate("ClipDetails", "Prompt"), "style": translate("ClipDetails", "Style"),
            "service title": translate("ClipDetails", "Service title"),
            "audio id": translate("ClipDetails", "Audio id"), "task id": translate("ClipDetails", "Task id"),
            "clip id": translate("ClipDetails", "Clip id"), "created": translate("ClipDetails", "Created"),
            "duration": translate("ClipDetails", "Duration"), "file": translate("ClipDetails", "File"),
            "loudness": translate("ClipDetails", "Loudness"),
            "service fields": translate("ClipDetails", "Service fields")}.get(name, name)


def own_title_hint() -> str:
    return translate("ClipDetails", "Your own title (kept here, never sent)")


def _size(path: str) -> str:
    try:
        n = Path(path).stat().st_size
    except OSError:
        return translate("ClipDetails", "not on this computer")
    # in the locale's digits and separators, in the units a file manager uses (kB, MB)
    return QLocale().formattedDataSize(n, 1 if n >= 100_000 else 0, QLocale.DataSizeFormat.DataSizeSIFormat)


class ClipDetails(QWidget):
    edited = Signal(object, object, str, str)    # job, clip record, local title, notes
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clipDetails")
        self._item: tuple[Job, ClipRecord] | None = None
        # a clip's loudness by its file, once measured (the pane gives PeaksCache.loudness)
        self.loudness_of: Callable[[str], Loudness | None] = lambda path: None
        self.title = QLineEdit()
        self.title.setObjectName("localTitleEdit")
        self.title.setAccessibleName(translate("ClipDetails", "Your title for this clip"))
        self.title.setPlaceholderText(own_title_hint())
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("clipNotesEdit")
        self.notes.setAccessibleName(translate("ClipDetails", "Your notes on this clip"))
        self.notes.setPlaceholderText(translate("ClipDetails", "Notes: what works, what to change next time\u2026"))
        self.notes.setMaximumHeight(70)
        self.notes.setTabChangesFocus(True)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(translate("ClipDetails", "Title"), self.title)
        form.addRow(translate("ClipDetails", "Notes"), self.notes)
        for name in FIELDS:
            value = WrappedLabel()
            value.setObjectName(f"detail_{name.replace(' ', '_')}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            copy = QToolButton()
            copy.setText(translate("ClipDetails", "Copy"))
            copy.setAutoRaise(True)
            copy.setObjectName(f"copy_{name.replace(' ', '_')}")
            copy.setToolTip(translate("ClipDetails", "Copy to the clipboard: {field}").format(field=field_label(name)))
            # ten buttons all called "Copy" told a screen reader nothing: each says what it copies
            copy.setAccessibleName(translate("ClipDetails", "Copy {field}").format(field=field_label(name)))
            copy.clicked.connect(lambda _c=False, n=name: self.copy(n))
            row = QHBoxLayout()
            row.addWidget(value, 1)
            row.addWidget(copy)
            form.addRow(field_label(name), row)
            label = form.labelForField(row)
            if isinstance(label, QLabel):
                label.setBuddy(value)    # the value is read with its label ("Style: folk"), not alone
            self.values[name] = value
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("detailsScroll")
        named_scroll_area(scroll, translate("ClipDetails", "Clip details"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.title.editingFinished.connect(self._save)
        self.notes.textChanged.connect(self._notes_changed)
        self._notes_dirty = False
        # notes are kept a moment after typing stops, so nothing typed is lost to a quit or a crash
        self._keep = QTimer(self)
        self._keep.setSingleShot(True)
        self._keep.setInterval(700)
        self._keep.timeout.connect(self._save)

    def show_clip(self, item: tuple[Job, ClipRecord] | None) -> None:
        self._save()
        self._item = item
        self.setEnabled(item is not None)
        if item is None:
            for label in self.values.values():
                label.clear()
            self.title.clear()
            self.notes.blockSignals(True)
            self.notes.clear()
            self.notes.blockSignals(False)
            return
        job, rec = item
        self.title.setText(rec.local_title)
        self.title.setPlaceholderText(rec.clip.title or job.request.title or own_title_hint())
        self.notes.blockSignals(True)
        self.notes.setPlainText(rec.notes)
        self.notes.blockSignals(False)
        self._notes_dirty = False
        for name, text in self._texts(job, rec).items():
            self.values[name].setText(text)

    def refresh_loudness(self) -> None:
        """A measurement landed: show it without touching what is being typed."""
        if self._item is not None:
            self.values["loudness"].setText(self._texts(*self._item)["loudness"])

    def _texts(self, job: Job, rec: ClipRecord) -> dict[str, str]:
        req = job.request
        created = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(job.created_at)),
                                     QLocale.FormatType.LongFormat)
        extra = json.dumps(rec.clip.extra, ensure_ascii=False, indent=1) if rec.clip.extra else ""
        path = rec.audio_path
        return {"prompt": req.prompt, "style": rec.clip.tags or req.style, "service title": rec.clip.title,
                "audio id": req.audio_id, "task id": job.task_id, "clip id": rec.id, "created": created,
                "duration": fmt_elapsed(rec.clip.duration) if rec.clip.duration else "",
                "loudness": loudness_text(self.loudness_of(rec.audio_path) if rec.audio_path else None),
                # wrapped after a separator, never cut: the whole path is read (Copy takes it without the breaks)
                "file": f"{breakable(path)}  ({_size(path)})" if path else translate("ClipDetails", "not saved yet"),
                "service fields": extra}

    def copy(self, name: str) -> None:
        if self._item is None:
            return
        job, rec = self._item
        text = self._texts(job, rec)[name]
        if name == "file":
            text = rec.audio_path
        QGuiApplication.clipboard().setText(text)
        self.message.emit(translate("ClipDetails", "Copied to the clipboard: {field}.").format(field=field_label(name)))

    def _notes_changed(self) -> None:
        self._notes_dirty = True
        self._keep.start()

    def _save(self) -> None:
        if self._item is None:
            return
        job, rec = self._item
        title, notes = self.title.text().strip(), self.notes.toPlainText()
        if title != rec.local_title or (self._notes_dirty and notes != rec.notes):
            self._notes_dirty = False
            self.edited.emit(job, rec, title, notes)
