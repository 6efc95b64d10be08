"""scripts/install-desktop puts the launcher entry, icons and man page into the user's XDG folders and takes them
out again, with the folders it made."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from test_desktop_entry import desktop_entry, desktop_file_valid

from cover_desktop.resources import BINARY, DESKTOP_ID
from cover_desktop.resources.share import PNG_SIZES, build_share

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "install-desktop"

pytestmark = pytest.mark.slow


def fake_pip_script(folder: Path) -> Path:
    """What pip writes for a gui-script: the venv's Python in the shebang, then the entry point."""
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "cover-desktop"
    exe.write_text(f"#!{sys.executable}\nimport sys\nfrom cover_desktop.app import main\nsys.exit(main())\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def sh(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], env=env, check=False, capture_output=True, text=True, timeout=60)


def install_desktop(data_home: Path, *args: str) -> None:
    run = sh(SCRIPT, *args, env={**os.environ, "XDG_DATA_HOME": str(data_home)})
    assert run.returncode == 0, run.stderr


def ours(data_home: Path) -> list[Path]:
    return sorted(p for p in data_home.rglob("*") if p.is_file() and p.stem in (DESKTOP_ID, BINARY))


def check_icons(data_home: Path) -> None:
    for size in PNG_SIZES:
        png = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()


def test_install_points_the_launcher_at_the_installed_command_and_uninstall_removes_it(tmp_path):
    exe = fake_pip_script(tmp_path / "venv" / "bin")
    data = tmp_path / "data"
    (data / "applications").mkdir(parents=True)
    neighbour = data / "applications" / "other.desktop"
    neighbour.write_text("[Desktop Entry]\n")

    install_desktop(data, "--exec", str(exe))
    installed = data / "applications" / f"{DESKTOP_ID}.desktop"
    entry = desktop_entry(installed)
    assert entry["Exec"] == f"{exe} %U"       # the program replaced, its arguments kept
    assert entry["TryExec"] == str(exe)
    assert entry["Icon"] == DESKTOP_ID
    check_icons(data)
    if shutil.which("desktop-file-validate"):
        run = sh("desktop-file-validate", installed)
        assert desktop_file_valid(run), run.stdout + run.stderr

    # the entry really starts that program
    version = sh(entry["Exec"].split()[0], "--version")
    assert version.stdout.strip().startswith("cover-desktop ")
    man = data / "man" / "man1" / f"{BINARY}.1"
    assert man.read_text().startswith(f".TH {BINARY.upper()} 1") and "COVER_DESKTOP_API_KEY" in man.read_text()

    install_desktop(data, "--exec", str(exe))  # a second install replaces, it does not pile up
    assert len(ours(data)) == len(PNG_SIZES) + 3

    install_desktop(data, "--uninstall")
    assert ours(data) == []
    assert neighbour.is_file()
    # the folders the install made are gone; the one that was there before stays, with its neighbour
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")) == ["applications",
                                                                                "applications/other.desktop"]


def test_uninstall_keeps_folders_that_hold_something_else(tmp_path):
    exe = fake_pip_script(tmp_path / "venv" / "bin")
    data = tmp_path / "data"
    install_desktop(data, "--exec", str(exe))
    other_icon = data / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.write_bytes(b"")
    (data / "cover-desktop" / "history.sqlite3").write_bytes(b"")   # the app's own data, made since
    install_desktop(data, "--uninstall")
    assert ours(data) == []
    assert other_icon.is_file() and (data / "cover-desktop" / "history.sqlite3").is_file()
    assert not (data / "man").exists() and not (data / "applications").exists()
    assert not (data / "icons" / "hicolor" / "16x16").exists()


def test_found_on_path_and_quoted_when_the_path_has_a_space(tmp_path):
    exe = fake_pip_script(tmp_path / "my apps" / "bin")
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PATH": f"{exe.parent}{os.pathsep}{os.environ['PATH']}"}
    run = sh(SCRIPT, env=env)
    assert run.returncode == 0, run.stderr
    entry = desktop_entry(data / "applications" / f"{DESKTOP_ID}.desktop")
    assert entry["Exec"] == f'"{exe}" %U'
    assert entry["TryExec"] == str(exe)


def test_from_a_bundle_it_installs_the_bundle_s_prebuilt_tree(tmp_path):
    bundle = tmp_path / "cover-desktop-bundle"
    build_share(bundle / "share")
    launcher = bundle / "cover-desktop"
    launcher.write_text("#!/bin/sh\nexit 0\n")
    launcher.chmod(0o755)
    shutil.copy2(SCRIPT, bundle / "install-desktop")
    data = tmp_path / "data"
    # no Python on the bundle's side: PATH holds only the shell tools
    env = {"XDG_DATA_HOME": str(data), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = sh(bundle / "install-desktop", env=env)
    assert run.returncode == 0, run.stderr
    assert desktop_entry(data / "applications" / f"{DESKTOP_ID}.desktop")["Exec"] == f"{launcher} %U"
    check_icons(data)
    assert (data / "man" / "man1" / f"{BINARY}.1").is_file()
    run = sh(bundle / "install-desktop", "--uninstall", env=env)
    assert run.returncode == 0 and ours(data) == []


def test_refuses_a_path_a_desktop_entry_cannot_hold(tmp_path):
    exe = fake_pip_script(tmp_path / "a$b")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    run = sh(SCRIPT, "--exec", exe, env=env)
    assert run.returncode != 0 and "cannot go into a desktop entry" in run.stderr
    assert not (tmp_path / "data" / "applications" / f"{DESKTOP_ID}.desktop").exists()
