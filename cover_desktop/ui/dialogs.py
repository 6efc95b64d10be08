"""Small dialogs, all opened with open() (never exec(), which would nest an event loop inside a coroutine)
and deleted when closed; callers keep no reference to them, so nothing reaches a deleted dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, info: str, yes: str, then: Callable[[], None], *,
            name: str = "confirmBox", default_yes: bool = True) -> QMessageBox:
    """Ask; run ``then`` on yes. With ``default_yes=False``, Enter answers Cancel (for costly questions)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName(name)
    if info:
        box.setInformativeText(info)
    ok, cancel = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel
    box.setStandardButtons(ok | cancel)
    box.button(ok).setText(yes)
    box.setDefaultButton(ok if default_yes else cancel)
    box.setEscapeButton(cancel)
    box.buttonClicked.connect(lambda b: then() if box.standardButton(b) == ok else None)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def pick_folder(parent: QWidget, title: str, start: Path, then: Callable[[Path], object]) -> QFileDialog:
    dlg = QFileDialog(parent, title, str(start if start.exists() else Path.home()))
    dlg.setObjectName("folderDialog")
    dlg.setFileMode(QFileDialog.FileMode.Directory)
    dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dlg.fileSelected.connect(lambda p: then(Path(p)))
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg


def pick_file(parent: QWidget, title: str, start: Path, filters: str, then: Callable[[Path], object]) -> QFileDialog:
    dlg = QFileDialog(parent, title, str(start), filters)
    dlg.setObjectName("fileDialog")
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.fileSelected.connect(lambda p: then(Path(p)))
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager; False when none could be started (the caller says where it is)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
