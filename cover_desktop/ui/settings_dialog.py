"""Settings: the only place a musician enters a key. Opened with open(), never exec()."""

from __future__ import annotations

from typing import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..api.client import normalize_base_url
from ..api.errors import ApiError
from ..runtime import SettingsChange
from ..settings import Secret, Settings
from ..tasks import TaskSet


class SettingsDialog(QDialog):
    applied = Signal(object)   # SettingsChange

    def __init__(self, settings: Settings, key: Secret, key_source: str,
                 test_key: Callable[[str, str], Awaitable[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self._settings = settings
        self._original_key = key
        self._test_key = test_key
        self._tasks = TaskSet(self._show_test_result, "settings")

        self.key_edit = QLineEdit(key.reveal())
        self.key_edit.setObjectName("apiKeyEdit")
        self.key_edit.setAccessibleName("API key")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("aio_\u2026")
        self.show_key = QAction("Show", self)
        self.show_key.setCheckable(True)
        self.show_key.toggled.connect(self._toggle_echo)
        self.key_edit.addAction(self.show_key, QLineEdit.ActionPosition.TrailingPosition)
        self.test_button = QPushButton("Test key")
        self.test_button.setObjectName("testKeyButton")
        self.test_result = QLabel()
        self.test_result.setObjectName("testKeyResult")
        self.test_result.setWordWrap(True)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.test_button)
        if key_source == "environment":
            self.key_edit.setEnabled(False)
            self.test_result.setText("The key comes from COVER_DESKTOP_API_KEY and is used as it is.")

        self.base_url = QLineEdit(settings.base_url)
        self.base_url.setObjectName("baseUrlEdit")
        self.base_url.setAccessibleName("Base URL")
        self.demo = QCheckBox("Use the built-in demo server (no key, no credits, no network)")
        self.demo.setObjectName("useDemoCheck")
        self.demo.setChecked(settings.use_demo)
        self.interval = QDoubleSpinBox()
        self.interval.setObjectName("pollIntervalSpin")
        self.interval.setRange(1.0, 60.0)
        self.interval.setSuffix(" s")
        self.interval.setDecimals(1)
        self.interval.setValue(settings.poll_interval)
        self.folder = QLineEdit(str(settings.downloads()))
        self.folder.setObjectName("downloadDirEdit")
        browse = QPushButton("Browse\u2026")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        where = {"keyring": "in your system keyring", "environment": "in COVER_DESKTOP_API_KEY",
                 "file": "in a file only you can read"}.get(key_source, "privately")
        self.key_note = QLabel(f"Keys look like aio_… Yours is kept {where}, and sent only to the "
                               "service's API, never to the hosts that serve audio and covers.")
        self.key_note.setWordWrap(True)
        self.key_note.setStyleSheet("color: palette(mid); font-size: 11px;")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow("API key", key_row)
        form.addRow("", self.key_note)
        form.addRow("", self.test_result)
        form.addRow("", self.demo)
        form.addRow("Base URL", self.base_url)
        form.addRow("Check jobs every", self.interval)
        form.addRow("Save clips to", folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.test_button.clicked.connect(self._test)
        self.test_result.setVisible(bool(self.test_result.text()))
        self.demo.toggled.connect(lambda on: self.base_url.setEnabled(not on))
        self.base_url.setEnabled(not settings.use_demo)

    def _toggle_echo(self, show: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if show else QLineEdit.EchoMode.Password)
        self.show_key.setText("Hide" if show else "Show")

    def _browse(self) -> None:
        dlg = QFileDialog(self, "Save clips to", self.folder.text())
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.fileSelected.connect(self.folder.setText)
        dlg.open()

    def _test(self) -> None:
        try:
            base = normalize_base_url(self.base_url.text())
        except ValueError as exc:
            self._show_test_result(str(exc))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText("Checking\u2026 (this costs no credits)")
        self.test_result.show()
        self._tasks.spawn(self._run_test(base, self.key_edit.text().strip()), "testing the key")

    async def _run_test(self, base: str, key: str) -> None:
        try:
            self._show_test_result("\u2714 " + await self._test_key(base, key))
        except ApiError as err:
            self._show_test_result("\u2716 " + err.message)

    def _show_test_result(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(text)
        self.test_result.setVisible(bool(text))

    def _save(self) -> None:
        use_demo = self.demo.isChecked()
        try:
            base = normalize_base_url(self.base_url.text())
        except ValueError as exc:
            if not use_demo:
                self.error.setText(str(exc))
                self.base_url.setFocus()
                return
            base = self._settings.base_url
        s = self._settings
        s.base_url, s.use_demo, s.poll_interval = base, use_demo, float(self.interval.value())
        s.download_dir = self.folder.text().strip()
        key = Secret(self.key_edit.text())
        self.applied.emit(SettingsChange(s, key, key != self._original_key and self.key_edit.isEnabled()))
        self.accept()

    def done(self, result: int) -> None:
        self._tasks.cancel()
        super().done(result)
