"""scripts/install-desktop puts the launcher entry and icons into the user's XDG folders and takes them out."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from test_desktop_entry import desktop_entry, findings

from cover_desktop.resources import DESKTOP_ID
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
    return sorted(p for p in data_home.rglob("*") if p.is_file() and p.stem == DESKTOP_ID)


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
    assert entry["Exec"] == str(exe)
    assert entry["TryExec"] == str(exe)
    assert entry["Icon"] == DESKTOP_ID
    check_icons(data)
    if shutil.which("desktop-file-validate"):
        run = sh("desktop-file-validate", installed)
        assert run.returncode == 0 and not findings(run.stdout + run.stderr), run.stdout + run.stderr

    # the entry really starts that program
    version = sh(entry["Exec"], "--version")
    assert version.stdout.strip().startswith("cover-desktop ")

    install_desktop(data, "--exec", str(exe))  # a second install replaces, it does not pile up
    assert len(ours(data)) == len(PNG_SIZES) + 2

    install_desktop(data, "--uninstall")
    assert ours(data) == []
    assert neighbour.is_file()


def test_found_on_path_and_quoted_when_the_path_has_a_space(tmp_path):
    exe = fake_pip_script(tmp_path / "my apps" / "bin")
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PATH": f"{exe.parent}{os.pathsep}{os.environ['PATH']}"}
    run = sh(SCRIPT, env=env)
    assert run.returncode == 0, run.stderr
    entry = desktop_entry(data / "applications" / f"{DESKTOP_ID}.desktop")
    assert entry["Exec"] == f'"{exe}"'
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
    assert desktop_entry(data / "applications" / f"{DESKTOP_ID}.desktop")["Exec"] == str(launcher)
    check_icons(data)
    run = sh(bundle / "install-desktop", "--uninstall", env=env)
    assert run.returncode == 0 and ours(data) == []


def test_refuses_a_path_a_desktop_entry_cannot_hold(tmp_path):
    exe = fake_pip_script(tmp_path / "a$b")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    run = sh(SCRIPT, "--exec", exe, env=env)
    assert run.returncode != 0 and "cannot go into a desktop entry" in run.stderr
    assert not (tmp_path / "data" / "applications" / f"{DESKTOP_ID}.desktop").exists()
