"""About says how the app was installed, on which system and under which licence, and opens the licences
(the app's and those of everything it runs on) and Qt's own About, each without a nested event loop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit, QPushButton

from cover_desktop import installation
from cover_desktop.resources import license_file
from helpers import find, run, until


def open_about(harness):
    win = harness.window(argv=["--demo"])
    find(win, "aboutAction").trigger()
    dlg = win.findChild(QDialog, "aboutDialog")
    assert dlg is not None
    return win, dlg


def test_about_names_the_installation_system_and_licence(harness, aloop):
    _win, dlg = open_about(harness)
    text = dlg.findChild(QPlainTextEdit, "aboutText").toPlainText()
    assert "Licence: MIT" in text
    assert f"Installed as: {installation.install_kind()}" in text
    assert installation.install_kind().startswith("source")     # the tests run from the checkout
    assert f"System: {installation.os_description()}" in text


def test_licences_show_the_mit_text_and_the_packages_it_runs_on(harness, aloop):
    _win, dlg = open_about(harness)
    dlg.findChild(QPushButton, "aboutLicencesButton").click()
    licences = run(aloop, until(lambda: dlg.findChild(QDialog, "licencesDialog"), what="the licences window"))
    assert licences.isVisible()       # opened with open(): the click returned at once
    text = licences.findChild(QPlainTextEdit, "licencesText").toPlainText()
    assert license_file().read_text().strip() in text
    for package in ("PySide6_Essentials", "httpx", "qasync", "mutagen"):
        assert f"  {package} " in text, package
    assert "LGPL-3.0-only" in text


def test_about_qt_opens_without_blocking(harness, aloop):
    _win, dlg = open_about(harness)
    dlg.findChild(QPushButton, "aboutQtButton").click()     # returns: QApplication.aboutQt() would not
    box = run(aloop, until(lambda: dlg.findChild(QMessageBox, "aboutQtBox"), what="Qt's About"))
    assert box.isVisible() and "Qt 6." in box.text() and "LGPL" in box.text()


def test_install_kinds(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert installation.install_kind() == "bundle"
    monkeypatch.delattr(sys, "frozen")
    assert installation.install_kind() in ("source", "source (editable install)")
