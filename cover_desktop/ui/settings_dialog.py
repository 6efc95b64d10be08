"""Settings: the only place a musician enters a key. Opened with open(), never exec(); the window forgets
it when it closes, so it can be opened again and again.

It reads the ``Config`` and never changes it: Save emits ``applied`` with the fields as shown, and the
runtime decides what that changes. What the command line or the environment chose for this session is
said beside its field, never put in the field (so Save cannot make a one-off choice permanent)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..api.client import insecure_base, normalize_base_url
from ..api.errors import ApiError
from ..api.keys import key_problem
from ..api.words import CONTEXT
from ..config import Config, DemoReason
from ..i18n import ENV_LANGUAGE, LANGUAGES, choose, current, translate, translate_marked
from ..media.name_template import DEFAULT_TEMPLATE, FIELDS, preview, template_problem
from ..runtime import SettingsChange
from ..settings import Secret
from ..tasks import TaskSet
from .contrast import error_colour, hint_colour, small_print, tint
from .dialogs import pick_folder
from .export_choices import format_combo, rate_combo
from .messages import describe

# the colours come from the palette in use (ui.contrast): readable in a light or a dark appearance
NOTE_STYLE = "note"
ERROR_STYLE = "error"


def _note(text: str = "", style: str = NOTE_STYLE, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    _style(label, style)
    if name:
        label.setObjectName(name)
    return label


def _style(label: QLabel, style: str) -> None:
    if style in (ERROR_STYLE, NOTE_STYLE):
        small_print(label, style == NOTE_STYLE)
        tint(label, error_colour if style == ERROR_STYLE else hint_colour)


class SettingsDialog(QDialog):
    applied = Signal(object)   # SettingsChange

    def __init__(self, config: Config, test_key: Callable[[str, str], Awaitable[str]],
                 parent: QWidget | None = None, *, demo_url: str = ""):
        super().__init__(parent)
        settings, key, key_source = config.settings, config.key, config.keystore.source
        server = config.server()
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setMinimumWidth(540)
        self._settings = settings
        self._original_key = key
        self._test_key = test_key
        self._demo_url = demo_url
        self._tasks = TaskSet(self._show_test_result, "settings", saves=True)

        self.key_edit = QLineEdit(key.reveal())
        self.key_edit.setObjectName("apiKeyEdit")
        self.key_edit.setAccessibleName(translate("SettingsDialog", "API key"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("aio_\u2026")
        self.show_key = QCheckBox(translate("SettingsDialog", "Show"))
        self.show_key.setObjectName("showKeyCheck")
        self.show_key.toggled.connect(self._toggle_echo)
        self.test_button = QPushButton(translate("SettingsDialog", "Test key"))
        self.test_button.setObjectName("testKeyButton")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.test_button)
        self.key_error = _note(style=ERROR_STYLE, name="keyProblem")
        where = {"keyring": translate("SettingsDialog", "in your system keyring"),
                 "environment": translate("SettingsDialog", "in COVER_DESKTOP_API_KEY"),
                 "file": translate("SettingsDialog", "in a file only you can read")}.get(
                     key_source, translate("SettingsDialog", "privately"))
        self.key_note = _note(translate("SettingsDialog", "Keys look like aio_\u2026 Yours is kept {where}, and sent "
                                                          "only to the service's API, never to the hosts that serve "
                                                          "audio and covers.").format(where=where), name="keyNote")
        self.test_result = _note(style="", name="testKeyResult")
        if key_source == "environment":
            self.key_edit.setEnabled(False)
            self.test_result.setText(translate("SettingsDialog", "The key comes from COVER_DESKTOP_API_KEY and is used "
                                                                 "as it is."))

        # the box is the musician's own choice; a demo running for another reason is said beside it
        self.demo = QCheckBox(translate("SettingsDialog", "Use the built-in demo server (no key, no credits, "
                                                          "no network)"))
        self.demo.setObjectName("useDemoCheck")
        self.demo.setChecked(settings.use_demo or server.demo is DemoReason.COMMAND_LINE)
        self.demo.setEnabled(server.demo is not DemoReason.COMMAND_LINE)
        self.server_note = _note({
            DemoReason.NO_KEY: translate("SettingsDialog", "The demo server runs now because no key is set: enter "
                                                           "your key to make real covers."),
            DemoReason.COMMAND_LINE: translate("SettingsDialog", "The demo server was chosen on the command line for "
                                                                 "this session."),
        }.get(server.demo, ""), name="serverNote")
        if server.base_from == "command line":
            self.server_note.setText(translate("SettingsDialog", "This session uses {url} (from the command line or "
                                                                 "{variable}); the address below is used otherwise.")
                                     .format(url=server.base_url, variable="COVER_DESKTOP_BASE_URL"))
        self.base_url = QLineEdit(settings.base_url)
        # Test key, with the saved address untouched, tests the server this session really uses
        self._session_base = server.base_url if server.base_from == "command line" else ""
        self.base_url.setObjectName("baseUrlEdit")
        self.base_url.setAccessibleName(translate("SettingsDialog", "Base URL"))
        self.http_warning = _note(style=ERROR_STYLE, name="insecureWarning")
        self.allow_http = QCheckBox(translate("SettingsDialog", "Send my key over plain http anyway"))
        self.allow_http.setObjectName("allowInsecureCheck")
        self.allow_http.setChecked(settings.allow_insecure_http)

        self.interval = QDoubleSpinBox()
        self.interval.setObjectName("pollIntervalSpin")
        self.interval.setRange(1.0, 60.0)
        self.interval.setSuffix(translate("SettingsDialog", " s"))
        self.interval.setDecimals(1)
        self.interval.setValue(settings.poll_interval)
        self.budget = QSpinBox()
        self.budget.setObjectName("monthlyBudgetSpin")
        self.budget.setRange(0, 1_000_000)
        self.budget.setSpecialValueText(translate("SettingsDialog", "no budget"))
        self.budget.setSuffix(translate("SettingsDialog", " credits"))
        self.budget.setValue(int(settings.monthly_budget))

        self.folder = QLineEdit(str(settings.downloads()))
        self.folder.setObjectName("downloadDirEdit")
        self.folder.setAccessibleName(translate("SettingsDialog", "Save clips to"))
        browse = QPushButton(translate("SettingsDialog", "Browse\u2026"))
        browse.clicked.connect(lambda: pick_folder(self, translate("SettingsDialog", "Save clips to"),
                                                   settings.downloads(),
                                                   lambda p: self.folder.setText(str(p))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.artist = QLineEdit(settings.artist)
        self.artist.setObjectName("artistEdit")
        self.artist.setPlaceholderText(translate("SettingsDialog", "written into the tags of saved clips"))
        self.template = QLineEdit(settings.name_template or DEFAULT_TEMPLATE)
        self.template.setObjectName("nameTemplateEdit")
        fields = "\n".join(f"{name}  {translate_marked(CONTEXT, what)}" for name, what in FIELDS)
        self.template.setToolTip(fields)
        # the fields in sight, not only in a tooltip: a click adds one where the cursor is
        self.template_fields = _note(translate("SettingsDialog", "Fields (click to add): {fields}").format(
            fields=" ".join(f'<a href="{name}">{name}</a>' for name, _ in FIELDS)), name="nameTemplateFields")
        self.template_fields.setToolTip(fields)
        self.template_fields.linkActivated.connect(self._add_field)
        self.template_preview = _note(name="nameTemplatePreview")
        self.export_format = format_combo(settings.export_format)
        self.export_rate = rate_combo(settings.export_rate, self.export_format)

        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(translate("SettingsDialog", "Language"))
        system = LANGUAGES[choose("", environment=False)]
        self.language.addItem(translate("SettingsDialog", "As the system ({language})").format(language=system), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._language_in_use = current()
        self.language_note = _note(name="languageNote")

        self.error = _note(style=ERROR_STYLE, name="settingsError")

        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "API key"), key_row)
        for label in (self.key_error, self.key_note, self.test_result):
            form.addRow("", label)
        form.addRow("", self.demo)
        form.addRow("", self.server_note)
        form.addRow(translate("SettingsDialog", "Base URL"), self.base_url)
        form.addRow("", self.http_warning)
        form.addRow("", self.allow_http)
        form.addRow(translate("SettingsDialog", "Check jobs every"), self.interval)
        form.addRow(translate("SettingsDialog", "Monthly budget"), self.budget)
        form.addRow(translate("SettingsDialog", "Save clips to"), folder_row)
        # a row of several widgets gets no buddy from the form: the label must point at its field itself
        folder_label = form.labelForField(folder_row)
        if isinstance(folder_label, QLabel):
            folder_label.setBuddy(self.folder)
        form.addRow(translate("SettingsDialog", "Artist"), self.artist)
        form.addRow(translate("SettingsDialog", "File names"), self.template)
        form.addRow("", self.template_fields)
        form.addRow("", self.template_preview)
        form.addRow(translate("SettingsDialog", "Save as"), self.export_format)
        form.addRow(translate("SettingsDialog", "Sample rate"), self.export_rate)
        form.addRow(translate("SettingsDialog", "Language"), self.language)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.test_button.clicked.connect(self._test)
        self.key_edit.textChanged.connect(self._key_edited)
        self.demo.toggled.connect(self._server_changed)
        self.base_url.textChanged.connect(self._server_changed)
        self.template.textChanged.connect(self._template_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._key_edited(self.key_edit.text(), first=True)
        self._server_changed()
        self._template_changed()
        self._refresh(self.test_result, self.language_note, self.server_note)
        # an explicit minimum width stops the layout's own minimum from applying: a longer language's words
        # (a check box never wraps) would be cut off
        layout.activate()
        self.setMinimumWidth(max(self.minimumWidth(), layout.minimumSize().width()))

    # -- what the fields say ----------------------------------------------------------------------------
    def _refresh(self, *labels: QLabel) -> None:
        """Show labels that have text, hide the others, and grow the dialog so no line is cut off."""
        for label in labels:
            label.setVisible(bool(label.text()))
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def _toggle_echo(self, show: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if show else QLineEdit.EchoMode.Password)

    def _key_edited(self, text: str, first: bool = False) -> None:
        self.key_error.setText(describe(key_problem(text)))
        self._refresh(self.key_error)

    def _server_changed(self) -> None:
        demo = self.demo.isChecked()
        self.base_url.setEnabled(not demo)
        insecure = not demo and insecure_base(self.base_url.text())
        self.http_warning.setText(
            translate("SettingsDialog", "This address is plain http://: your key would travel unencrypted, readable "
                                        "by anyone on the way. Use https:// unless it is your own machine or network.")
            if insecure else "")
        self.allow_http.setVisible(insecure)
        self._refresh(self.http_warning)

    def _add_field(self, name: str) -> None:
        self.template.insert(name)
        self.template.setFocus()

    def _template_changed(self) -> None:
        text = self.template.text().strip() or DEFAULT_TEMPLATE
        problem = template_problem(text)
        _style(self.template_preview, ERROR_STYLE if problem else NOTE_STYLE)
        self.template_preview.setText(describe(problem) or translate("SettingsDialog", "For example: {name}").format(
            name=preview(text)))
        self._refresh(self.template_preview)

    def _language_changed(self) -> None:
        setting = str(self.language.currentData() or "")
        wanted = choose(setting, environment=False)
        if choose(setting) != wanted:
            text = translate("SettingsDialog", "{variable} chooses the language while it is set.").format(
                variable=ENV_LANGUAGE)
        elif wanted != self._language_in_use:
            text = translate("SettingsDialog", "The app speaks {language} from its next start.").format(
                language=LANGUAGES[wanted])
        else:
            text = ""
        self.language_note.setText(text)
        self._refresh(self.language_note)

    # -- testing the key --------------------------------------------------------------------------------
    def _target(self) -> str | None:
        """The server the dialog would save: the demo's when the box is ticked."""
        if self.demo.isChecked():
            return self._demo_url or None
        typed = normalize_base_url(self.base_url.text())
        if self._session_base and typed == normalize_base_url(self._settings.base_url):
            return normalize_base_url(self._session_base)
        return typed

    def _test(self) -> None:
        problem = key_problem(self.key_edit.text())
        if problem:
            self._show_test_result(describe(problem))
            return
        try:
            base = self._target()
        except ValueError as exc:
            self._show_test_result(describe(exc))
            return
        if base is None:
            self._show_test_result(translate("SettingsDialog", "The demo server takes any key and costs nothing: "
                                                               "there is nothing to test."))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(translate("SettingsDialog", "Checking\u2026 (this costs no credits)"))
        self._refresh(self.test_result)
        self._tasks.spawn(self._run_test(base, self.key_edit.text().strip()), "testing the key")

    async def _run_test(self, base: str, key: str) -> None:
        try:
            self._show_test_result("\u2714 " + describe(await self._test_key(base, key)))
        except ApiError as err:
            self._show_test_result("\u2716 " + describe(err))

    def _show_test_result(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(text)
        self._refresh(self.test_result)

    # -- saving -----------------------------------------------------------------------------------------
    def _save(self) -> None:
        use_demo = self.demo.isChecked()
        problem = key_problem(self.key_edit.text()) if self.key_edit.isEnabled() else None
        template = self.template.text().strip()
        problem = problem or template_problem(template or DEFAULT_TEMPLATE) or None
        try:
            base = normalize_base_url(self.base_url.text())
        except ValueError as exc:
            if not use_demo:
                problem = problem or describe(exc)
            base = self._settings.base_url
        if not use_demo and insecure_base(base) and not self.allow_http.isChecked():
            problem = problem or translate("SettingsDialog", "Tick \u201cSend my key over plain http anyway\u201d "
                                                             "or use an https:// address.")
        if problem:
            self.error.setText(describe(problem))
            self._refresh(self.error)
            return
        if not self.demo.isEnabled():
            use_demo = self._settings.use_demo   # ticked by the command line, not by the musician
        folder = self.folder.text().strip()
        values: dict[str, object] = dict(
            base_url=base, use_demo=use_demo, poll_interval=float(self.interval.value()),
            # the default folder stays "the default" (it follows the system's music folder)
            download_dir="" if folder == str(self._settings.downloads()) and not self._settings.download_dir
            else folder,
            allow_insecure_http=self.allow_http.isChecked(),
            monthly_budget=self.budget.value(), artist=self.artist.text().strip(),
            name_template="" if template == DEFAULT_TEMPLATE else template,
            export_format=str(self.export_format.currentData() or ""),
            export_rate=int(self.export_rate.currentData() or 0),
            language=str(self.language.currentData() or ""))
        key = Secret(self.key_edit.text())
        self.applied.emit(SettingsChange(values, key, key != self._original_key and self.key_edit.isEnabled()))
        self.accept()

    def done(self, result: int) -> None:
        self._tasks.cancel()
        super().done(result)
