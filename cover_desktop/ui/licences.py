"""Opened from About: the licences window (the app's own licence and those of everything it runs on) and Qt's
About box."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from .. import APP_NAME
from ..i18n import translate
from ..installation import licences_text


def show_licences(parent: QWidget) -> QDialog:
    dlg = QDialog(parent)
    dlg.setObjectName("licencesDialog")
    dlg.setWindowTitle(translate("About", "Licences") + f" \u2014 {APP_NAME}")
    text = QPlainTextEdit(licences_text())
    text.setObjectName("licencesText")
    text.setReadOnly(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))   # the notices line up in columns
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    layout = QVBoxLayout(dlg)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dlg.resize(720, 520)
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg


def show_about_qt(parent: QWidget) -> QMessageBox:
    """Qt's own About box, opened without a nested event loop (QApplication.aboutQt() runs one, which the app's
    asyncio loop must not be inside of)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutQtBox")
    box.setWindowTitle(translate("About", "About Qt"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<h3>Qt {qVersion()}</h3><p>{APP_NAME} uses Qt {qVersion()} through PySide6 "
                f"{PySide6.__version__}.</p><p>Qt is a C++ toolkit for cross-platform application development, "
                "available under the GNU LGPL version 3, which is how this program uses it, the GNU GPL, and "
                "commercial licences. See <a href=\"https://www.qt.io/licensing/\">qt.io/licensing</a> and "
                "<a href=\"https://www.qt.io/\">qt.io</a>; Qt's sources are at "
                "<a href=\"https://download.qt.io/official_releases/qt/\">download.qt.io</a>.</p>")
    logo = QPixmap(":/qt-project.org/qmessagebox/images/qtlogo-64.png")
    if not logo.isNull():
        box.setIconPixmap(logo)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
