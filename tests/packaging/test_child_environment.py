"""In the bundle, what the app opens (a folder in the file manager, a link in the browser) starts with the user's
environment, not the one PyInstaller's bootloader and Qt hook made for the bundle."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from cover_desktop import desktop_env
from cover_desktop.desktop_env import original_environment


def fake_opener(folder: Path, record: Path) -> None:
    """An xdg-open that writes down its arguments and environment."""
    folder.mkdir(parents=True)
    script = folder / "xdg-open"
    script.write_text(f'#!/bin/sh\n{{ printf "%s\\n" "$@"; echo ---; env; }} > "{record}.part"\n'
                      f'mv "{record}.part" "{record}"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def read_record(record: Path, qtbot) -> tuple[list[str], dict[str, str]]:
    qtbot.waitUntil(record.exists, timeout=10_000)
    args, _, env = record.read_text().partition("---\n")
    record.unlink()
    return args.splitlines(), dict(line.split("=", 1) for line in env.splitlines() if "=" in line)


@pytest.fixture
def bundle_like(tmp_path, monkeypatch):
    """The environment of a running bundle: _MEIPASS, LD_LIBRARY_PATH with the user's saved in *_ORIG, Qt's
    plugin path into the bundle."""
    internal = tmp_path / "cover-desktop" / "app" / "_internal"
    (internal / "PySide6" / "Qt" / "plugins").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{internal}:/opt/user/lib")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/user/lib")
    monkeypatch.setenv("QT_PLUGIN_PATH", str(internal / "PySide6" / "Qt" / "plugins"))
    monkeypatch.setenv("SSL_CERT_FILE", str(internal / "certifi" / "cacert.pem"))
    monkeypatch.setenv("USER_SETTING", "kept")
    bin_dir = tmp_path / "bin"
    record = tmp_path / "opened.txt"
    fake_opener(bin_dir, record)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    opener = desktop_env.install(QApplication.instance())
    assert opener is not None
    yield record
    opener.deleteLater()
    desktop_env.uninstall()


def test_a_link_opens_with_the_user_s_environment(qapp, qtbot, bundle_like):
    assert QDesktopServices.openUrl(QUrl("https://example.org/help?x=1#top"))
    args, env = read_record(bundle_like, qtbot)
    assert args == ["https://example.org/help?x=1#top"]
    assert env["LD_LIBRARY_PATH"] == "/opt/user/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in env
    assert "QT_PLUGIN_PATH" not in env and "SSL_CERT_FILE" not in env
    assert env["USER_SETTING"] == "kept"
    assert os.environ["QT_PLUGIN_PATH"]     # the app's own environment is left as the bundle needs it


def test_a_folder_opens_in_the_file_manager_the_same_way(qapp, qtbot, bundle_like, tmp_path):
    folder = tmp_path / "my clips"
    folder.mkdir()
    assert QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    args, env = read_record(bundle_like, qtbot)
    assert args == [str(folder)]
    assert env["LD_LIBRARY_PATH"] == "/opt/user/lib" and "QT_PLUGIN_PATH" not in env


def test_outside_a_bundle_nothing_is_rerouted(qapp, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert desktop_env.install(qapp) is None


def test_original_environment_rules(tmp_path):
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    env = {
        "LD_LIBRARY_PATH": f"{bundle}",                      # the user had none: no *_ORIG saved
        "QT_PLUGIN_PATH": f"{bundle}/plugins:/usr/lib/qt6/plugins",
        "PATH": "/usr/bin:/bin",
        "GIO_MODULE_DIR_ORIG": "/usr/lib/gio", "GIO_MODULE_DIR": f"{bundle}/gio",
        "QT_QPA_PLATFORM": "wayland",
    }
    assert original_environment(env, bundle) == {"QT_PLUGIN_PATH": "/usr/lib/qt6/plugins", "PATH": "/usr/bin:/bin",
                                                 "GIO_MODULE_DIR": "/usr/lib/gio", "QT_QPA_PLATFORM": "wayland"}


@pytest.mark.log_warnings(r"cover_desktop.desktop_env: cannot open https://example.org/: xdg-open is not installed")
def test_no_opener_is_logged_not_raised(qapp, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    opener = desktop_env.install(qapp)
    assert opener is not None
    try:
        QDesktopServices.openUrl(QUrl("https://example.org/"))     # the handler runs before this returns
        assert "xdg-open is not installed" in caplog.text
    finally:
        opener.deleteLater()
        desktop_env.uninstall()
