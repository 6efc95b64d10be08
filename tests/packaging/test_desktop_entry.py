"""The desktop entry, the AppStream metainfo and the icon set: valid, consistent with each other and the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cover_desktop import __version__
from cover_desktop.resources import (
    BINARY,
    DESKTOP_ID,
    desktop_file,
    icon,
    metainfo_file,
)
from cover_desktop.resources.share import PNG_SIZES, build_share, icon_paths

ROOT = Path(__file__).resolve().parents[2]


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: appstream, desktop-file-utils)")
    return path


def findings(output: str) -> list[str]:
    """Error and warning lines of appstreamcli / desktop-file-validate; infos and hints are let through."""
    return [line for line in output.splitlines()
            if line.startswith(("E:", "W:")) or ": error:" in line or ": warning:" in line]


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_metainfo_validates_without_errors_or_warnings():
    run = subprocess.run([validator("appstreamcli"), "validate", "--no-net", "--no-color", str(metainfo_file())],
                         check=False, capture_output=True, text=True)
    assert run.returncode == 0 and not findings(run.stdout + run.stderr), run.stdout + run.stderr


def test_desktop_file_validates():
    run = subprocess.run([validator("desktop-file-validate"), str(desktop_file())],
                         check=False, capture_output=True, text=True)
    assert run.returncode == 0 and not findings(run.stdout + run.stderr), run.stdout + run.stderr


def test_metainfo_names_the_desktop_file_binary_and_current_release():
    root = ET.parse(metainfo_file()).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_ID
    assert metainfo_file().name == f"{DESKTOP_ID}.metainfo.xml"
    assert root.findtext("launchable[@type='desktop-id']") == desktop_file().name
    assert [b.text for b in root.iterfind("provides/binary")] == [BINARY]
    assert root.find("content_rating") is not None
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, \
        "a new version needs a <release> entry at the top of the metainfo"
    for image in root.iterfind("screenshots/screenshot/image"):
        assert (image.text or "").startswith("https://"), "AppStream wants screenshots as web URLs"


def test_desktop_file_starts_the_installed_command_with_the_shipped_icon():
    entry = desktop_entry(desktop_file())
    assert desktop_file().name == f"{DESKTOP_ID}.desktop"
    assert entry["Exec"].split()[0] == BINARY
    # the app takes no file or URL arguments: %f/%U would hand it ones it refuses
    assert "%" not in entry["Exec"] and "MimeType" not in entry
    assert entry["Icon"] == DESKTOP_ID
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert BINARY in scripts


def test_icon_set_is_rendered_from_the_svg_at_every_size(tmp_path):
    written = build_share(tmp_path / "share")
    for size, path in zip(PNG_SIZES, icon_paths(tmp_path / "share"), strict=False):
        assert path in written
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel()
        # drawn, not blank: the record in the middle is opaque, the rounded corner is not
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0
    assert max(PNG_SIZES) == 512 and min(PNG_SIZES) == 16
    scalable = icon_paths(tmp_path / "share")[-1]
    assert scalable.read_bytes() == (Path(desktop_file()).parent / "cover-desktop.svg").read_bytes()
    assert (tmp_path / "share" / "applications" / desktop_file().name).read_bytes() == desktop_file().read_bytes()


def test_app_icon_loads(qapp):
    assert not icon().isNull()
    assert not icon().pixmap(64, 64).isNull()


def test_one_copy_of_each_resource():
    names = ("cover-desktop.svg", desktop_file().name, metainfo_file().name, "cover-desktop.desktop",
             "cover-desktop.metainfo.xml")
    copies = [p for p in ROOT.rglob("*") if p.name in names
              and not any(part in {".venv", "build", "dist", ".git"} or part.endswith(".egg-info")
                          for part in p.relative_to(ROOT).parts)]
    assert sorted(copies) == sorted([desktop_file(), metainfo_file(), desktop_file().parent / "cover-desktop.svg"])
