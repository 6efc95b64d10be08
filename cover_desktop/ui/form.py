"""The cover form: audio id, custom mode, lyrics/prompt, style, title, and an Advanced callback URL."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import ValidationError
from ..api.models import PROMPT_MAX, CoverRequest
from ..i18n import translate
from ..jobs.matrix import Matrix, lines, plan
from .contrast import error_colour, hint_colour, small_print, tint
from .drops import IdLineEdit
from .jobs_model import cost_text
from .messages import describe
from .speech import announce


def one_job_text() -> str:
    """Submit's words for one job, with what it costs."""
    return translate("CoverForm", "Submit  \u00b7  {credits}").format(credits=cost_text(1))


def _error_label(wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    # field messages are one short line; wrapping inside a form row squeezes them to a narrow column
    label.setWordWrap(wrap)
    small_print(label)
    tint(label, error_colour)
    label.hide()
    return label


class CoverForm(QWidget):
    submitRequested = Signal()
    edited = Signal()          # any field changed: an error about the old values no longer holds

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.audio_id = IdLineEdit()
        self.audio_id.setObjectName("audioIdEdit")
        self.audio_id.setAccessibleName(translate("CoverForm", "Audio id"))
        self.audio_id.setPlaceholderText(translate("CoverForm", "Audio id of your upload, or drop a song link here"))
        self.audio_id.setClearButtonEnabled(True)

        self.custom = QCheckBox(translate("CoverForm", "Custom mode: my own lyrics, style, title"))
        self.custom.setObjectName("customModeCheck")
        self.custom.setAccessibleName(translate("CoverForm", "Custom mode"))

        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("promptEdit")
        self.prompt.setAccessibleName(translate("CoverForm", "Prompt or lyrics"))
        self.prompt.setPlaceholderText(translate("CoverForm", "Lyrics, or a detailed prompt for the new version"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMinimumHeight(48)
        self.prompt.setMaximumHeight(110)
        self.prompt_note = QLabel(translate("CoverForm", "required in custom mode"))
        small_print(self.prompt_note)
        tint(self.prompt_note)
        self.prompt_count = QLabel()
        small_print(self.prompt_count)

        self.style_edit = QLineEdit()
        self.style_edit.setObjectName("styleEdit")
        self.style_edit.setAccessibleName(translate("CoverForm", "Style"))
        self.style_edit.setPlaceholderText(translate("CoverForm", "e.g. acoustic pop, lo-fi jazz"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setAccessibleName(translate("CoverForm", "Title"))
        self.title_edit.setPlaceholderText(translate("CoverForm", "Title of the new track"))

        # a matrix: one job per (audio id, style), sent as one batch
        self.matrix = QCheckBox(translate("CoverForm", "Several styles or ids: one job for each"))
        self.matrix.setObjectName("matrixCheck")
        self.matrix.setAccessibleName(translate("CoverForm", "Style matrix"))
        self.matrix.setToolTip(translate("CoverForm", "Several audio ids (separated by spaces or commas) times "
                                                      "several styles (one per line): one job per combination, sent "
                                                      "as one batch after you see the cost"))
        self.styles_edit = QPlainTextEdit()
        self.styles_edit.setObjectName("stylesEdit")
        self.styles_edit.setAccessibleName(translate("CoverForm", "Styles, one per line"))
        self.styles_edit.setPlaceholderText(translate("CoverForm", "One style per line, e.g.\nacoustic pop\n"
                                                                   "lo-fi jazz"))
        self.styles_edit.setTabChangesFocus(True)
        self.styles_edit.setMaximumHeight(90)
        self.styles_edit.hide()
        self.matrix.toggled.connect(self._matrix_toggled)
        self.completer_model = QStringListModel(self)
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.style_edit.setCompleter(completer)

        self.advanced = QToolButton()
        self.advanced.setObjectName("advancedToggle")
        self.advanced.setText(translate("CoverForm", "Advanced"))
        self.advanced.setCheckable(True)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced.setAutoRaise(True)
        self.advanced.setAccessibleName(translate("CoverForm", "Show advanced options"))
        self.callback = QLineEdit()
        self.callback.setObjectName("callbackUrlEdit")
        self.callback.setAccessibleName(translate("CoverForm", "Callback URL"))
        self.callback.setPlaceholderText(translate("CoverForm", "https://\u2026 (optional webhook for your own "
                                                                "server)"))
        self.advanced_box = QWidget()
        adv = QFormLayout(self.advanced_box)
        adv.setContentsMargins(0, 0, 0, 0)
        self.callback_error = _error_label()
        adv.addRow(translate("CoverForm", "Callback URL"), self.callback)
        adv.addRow("", self.callback_error)
        self.advanced_box.hide()

        self.submit = QPushButton(one_job_text())
        self.submit.setObjectName("submitButton")
        self.submit.setAccessibleName(translate("CoverForm", "Submit"))
        # not the default button: Fusion draws a default button as if it had the focus, so Tab never showed
        # whether Submit had it (Enter in a field sends anyway); bold keeps it the form's main action
        bold = self.submit.font()
        bold.setBold(True)
        self.submit.setFont(bold)
        self._keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.free = False
        self.submit.setToolTip(translate("CoverForm", "Submit the cover job ({keys}). Each job costs {credits}.")
                               .format(keys=self._keys, credits=cost_text(1)))
        self.submit.setMinimumHeight(32)

        self.errors = {"audio_id": _error_label(), "prompt": _error_label(), "style": _error_label(),
                       "title": _error_label(), "callback_url": self.callback_error}
        self.banner = _error_label(wrap=True)
        self.banner.setObjectName("formError")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(translate("CoverForm", "Audio id"), self.audio_id)
        form.addRow("", self.errors["audio_id"])
        form.addRow("", self.custom)
        prompt_head = QHBoxLayout()
        prompt_head.addWidget(self.prompt_note)
        prompt_head.addStretch(1)
        prompt_head.addWidget(self.prompt_count)
        form.addRow(translate("CoverForm", "Lyrics / prompt"), self.prompt)
        form.addRow("", prompt_head)
        form.addRow("", self.errors["prompt"])
        style_box = QVBoxLayout()
        style_box.setContentsMargins(0, 0, 0, 0)
        style_box.addWidget(self.style_edit)
        style_box.addWidget(self.styles_edit)
        form.addRow(translate("CoverForm", "Style"), style_box)
        form.addRow("", self.errors["style"])
        form.addRow(translate("CoverForm", "Title"), self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow("", self.matrix)
        self._form = form

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.advanced)
        outer.addWidget(self.advanced_box)
        outer.addWidget(self.banner)
        outer.addWidget(self.submit)

        self.custom.toggled.connect(self._custom_toggled)
        self.advanced.toggled.connect(self._advanced_toggled)
        self.submit.clicked.connect(self.submitRequested)
        # type an id, press Enter: the shortest path, as in any search field
        # Enter in a one-line field sends, as in any dialog (a completer's open list takes Enter first)
        for line in (self.audio_id, self.style_edit, self.title_edit):
            line.returnPressed.connect(self.submitRequested)
        self.prompt.textChanged.connect(self._count)
        for w, name in ((self.audio_id, "audio_id"), (self.style_edit, "style"), (self.title_edit, "title"),
                        (self.callback, "callback_url")):
            w.textChanged.connect(lambda _t, n=name: self._clear(n))
        self.prompt.textChanged.connect(lambda: self._clear("prompt"))
        self.custom.toggled.connect(lambda _on: self._clear(""))
        self._busy = False
        for signal in (self.audio_id.textChanged, self.styles_edit.textChanged, self.matrix.toggled):
            signal.connect(self._update_submit)
        self._custom_toggled(False)
        self._count()

    # -- reading and filling -----------------------------------------------------------------------------
    def request(self, audio_id: str | None = None) -> CoverRequest:
        custom = self.custom.isChecked()
        return CoverRequest(
            audio_id=(self.audio_id.text() if audio_id is None else audio_id).strip(),
            custom_mode=custom,
            prompt=self.prompt.toPlainText().strip() if custom else "",
            style=self.style_edit.text().strip() if custom else "",
            title=self.title_edit.text().strip() if custom else "",
            callback_url=self.callback.text().strip())

    def set_style_history(self, styles: list[str]) -> None:
        self.completer_model.setStringList(styles)

    def matrix_plan(self) -> Matrix | None:
        """In matrix mode: the jobs to send, one per (audio id, style); None otherwise."""
        if not self.matrix.isChecked():
            return None
        ids = [i for i in re.split(r"[\s,;]+", self.audio_id.text()) if i]
        styles = lines(self.styles_edit.toPlainText())
        template = self.request(audio_id=ids[0] if ids else "")
        return plan(template, ids, styles)

    def _matrix_toggled(self, on: bool) -> None:
        if on and not self.custom.isChecked():
            self.custom.setChecked(True)   # a style is only sent in custom mode: ticked before the fields show
        self.style_edit.setVisible(not on)
        self.styles_edit.setVisible(on)
        if on and self.style_edit.text().strip() and not self.styles_edit.toPlainText().strip():
            self.styles_edit.setPlainText(self.style_edit.text().strip())
        self.audio_id.setPlaceholderText(translate("CoverForm", "Audio ids, separated by spaces or commas") if on else
                                         translate("CoverForm", "Audio id of your upload, or drop a song link here"))
        self._clear("")

    def fill(self, req: CoverRequest) -> None:
        self.clear_problems()
        self.audio_id.setText(req.audio_id)
        self.custom.setChecked(req.custom_mode)
        self.prompt.setPlainText(req.prompt)
        self.style_edit.setText(req.style)
        self.title_edit.setText(req.title)
        self.callback.setText(req.callback_url)
        if req.callback_url:
            self.advanced.setChecked(True)

    # -- feedback ----------------------------------------------------------------------------------------------
    def _fields(self) -> dict[str, QWidget]:
        return {"audio_id": self.audio_id, "prompt": self.prompt, "style": self.style_edit,
                "title": self.title_edit, "callback_url": self.callback}

    def show_problems(self, problems: list[ValidationError]) -> None:
        self.clear_problems()
        fields = self._fields()
        for p in problems:
            label = self.errors.get(p.field, self.banner)
            label.setText(describe(p))
            label.show()
            if p.field in fields:
                # the message belongs to its field: read with it whenever the field is reached
                fields[p.field].setAccessibleDescription(describe(p))
        if problems:
            if problems[0].field == "callback_url":
                self.advanced.setChecked(True)
            first = fields.get(problems[0].field, self.audio_id)
            first.setFocus()
            # focus often is in that field already, and then nothing would be said: the message is announced
            announce(first, describe(problems[0]))

    def show_error(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def clear_problems(self) -> None:
        for label in (*self.errors.values(), self.banner):
            label.clear()
            label.hide()
        for field in self._fields().values():
            field.setAccessibleDescription("")

    def set_busy(self, busy: bool, text: str = "") -> None:
        started = busy and not self._busy
        self._busy = busy
        if busy and self.submit.window().focusWidget() is self.submit:
            # a disabled Submit drops the focus into the next widget (the job list) without a word: it goes
            # back to the audio id, where the next id is typed, and what happens is said
            self.audio_id.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submit.setEnabled(not busy)
        if started:   # once, not at each job of a batch
            announce(self.submit, text or translate("CoverForm", "Submitting\u2026"))
        self.submit.setText((text or translate("CoverForm", "Submitting\u2026")) if busy else self.submit_text())

    def submit_text(self) -> str:
        """What Submit will cost: one job, or every job of the matrix the form describes (nothing on the demo)."""
        plan = self.matrix_plan()
        n = 1 if plan is None else max(1, len(plan.requests))
        if self.free:
            return (translate("CoverForm", "Submit  \u00b7  free on the demo server") if n == 1 else
                    translate("CoverForm", "Submit %n job(s)  \u00b7  free on the demo server", None, n))
        if n == 1:
            return one_job_text()
        return translate("CoverForm", "Submit %n job(s)  \u00b7  {credits}", None, n).format(credits=cost_text(n))

    def set_free(self, free: bool) -> None:
        """The demo server charges nothing: Submit says so rather than a price in credits."""
        self.free = free
        self.submit.setToolTip(translate("CoverForm", "Submit the cover job ({keys}). The demo server charges "
                                                      "nothing.").format(keys=self._keys) if free else
                               translate("CoverForm", "Submit the cover job ({keys}). Each job costs {credits}.")
                               .format(keys=self._keys, credits=cost_text(1)))
        self._update_submit()

    def _update_submit(self) -> None:
        if not self._busy:
            self.submit.setText(self.submit_text())

    def _clear(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None and label.isVisible():
            label.hide()
            self._fields()[name].setAccessibleDescription("")
        if self.banner.isVisible():
            self.banner.hide()
        self.edited.emit()

    def _custom_toggled(self, on: bool) -> None:
        for w in (self.prompt, self.style_edit, self.styles_edit, self.title_edit, self.prompt_note):
            w.setEnabled(on)
        if not on and self.matrix.isChecked():
            self.matrix.setChecked(False)
        self.prompt_note.setText(translate("CoverForm", "required in custom mode") if on
                                 else translate("CoverForm", "used in custom mode only"))
        if not on:
            for n in ("prompt", "style", "title"):
                self._clear(n)

    def _advanced_toggled(self, on: bool) -> None:
        self.advanced_box.setVisible(on)
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _count(self) -> None:
        n = len(self.prompt.toPlainText())
        self.prompt_count.setText(f"{QLocale().toString(n)} / {QLocale().toString(PROMPT_MAX)}")
        tint(self.prompt_count, error_colour if n > PROMPT_MAX else hint_colour)

