"""About: the versions and folders people paste into a bug report, with a Copy button."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..i18n import translate
from ..installation import install_kind, os_description
from ..runtime import Runtime
from ..settings import Dirs
from .licences import show_about_qt, show_licences


def report(rt: Runtime) -> str:
    service = (translate("About", "Service: {url} (demo)") if rt.is_demo
               else translate("About", "Service: {url} (live)")).format(url=rt.base_url)
    return "\n".join([
        f"{APP_NAME} {__version__}",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()} ({sys.platform})",
        translate("About", "System: {os}").format(os=os_description()),
        translate("About", "Installed as: {kind}").format(kind=install_kind()),
        translate("About", "Licence: {licence}").format(licence="MIT"),
        service,
        translate("About", "Job history: {path}").format(path=rt.db_path),
        translate("About", "Clips kept in: {path}").format(path=rt.data_dir / "media"),
        translate("About", "Settings: {path}").format(path=Dirs.config()),
        translate("About", "Cache: {path}").format(path=Dirs.cache()),
        translate("About", "Log: {path}").format(path=rt.log_dir),
    ])


def show_about(parent: QWidget, rt: Runtime) -> QDialog:
    dlg = QDialog(parent)
    dlg.setObjectName("aboutDialog")
    dlg.setWindowTitle(translate("About", "About {app}").format(app=APP_NAME))
    intro = QLabel(f"<b>{APP_NAME} {__version__}</b><br>" + translate(
        "About", "Turn your uploaded audio into new covers, follow each job live, and keep the results."))
    intro.setWordWrap(True)
    text = QPlainTextEdit(report(rt))
    text.setObjectName("aboutText")
    text.setAccessibleName(translate("About", "Versions and folders"))
    text.setReadOnly(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = buttons.addButton(translate("About", "Copy"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.setObjectName("aboutCopyButton")
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text.toPlainText()))
    licences = buttons.addButton(translate("About", "Licences\u2026"), QDialogButtonBox.ButtonRole.ActionRole)
    licences.setObjectName("aboutLicencesButton")
    licences.clicked.connect(lambda: show_licences(dlg))
    about_qt = buttons.addButton(translate("About", "About Qt"), QDialogButtonBox.ButtonRole.ActionRole)
    about_qt.setObjectName("aboutQtButton")
    about_qt.clicked.connect(lambda: show_about_qt(dlg))
    buttons.rejected.connect(dlg.reject)
    layout = QVBoxLayout(dlg)
    layout.addWidget(intro)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dlg.resize(560, 300)
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    text.setFocus()   # what the dialog is about, named, rather than whichever button came first
    return dlg
