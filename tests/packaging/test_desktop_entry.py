"""The desktop entry, the AppStream metainfo, the man page and the icon set: valid, consistent with each other,
the changelog and the app."""

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
    metainfo_text,
)
from cover_desktop.resources.releases import parse_changelog, with_releases
from cover_desktop.resources.share import PNG_SIZES, build_share, icon_paths

ROOT = Path(__file__).resolve().parents[2]


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: appstream, desktop-file-utils)")
    return path


def findings(output: str) -> list[str]:
    """Error and warning lines of appstreamcli / desktop-file-validate; infos and hints are let through. So is
    the one complaint of a validator older than the Desktop Entry spec 1.5 (desktop-file-utils 0.26, Debian 12),
    which does not know SingleMainWindow yet."""
    return [line for line in output.splitlines()
            if (line.startswith(("E:", "W:")) or ": error:" in line or ": warning:" in line)
            and 'key "SingleMainWindow"' not in line]


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_metainfo_validates_without_errors_or_warnings(tmp_path):
    complete = tmp_path / metainfo_file().name
    complete.write_text(metainfo_text(), "utf-8")
    run = subprocess.run([validator("appstreamcli"), "validate", "--no-net", "--no-color", str(complete)],
                         check=False, capture_output=True, text=True)
    assert run.returncode == 0 and not findings(run.stdout + run.stderr), run.stdout + run.stderr


def test_desktop_file_validates():
    run = subprocess.run([validator("desktop-file-validate"), str(desktop_file())],
                         check=False, capture_output=True, text=True)
    assert desktop_file_valid(run), run.stdout + run.stderr


def desktop_file_valid(run: subprocess.CompletedProcess[str]) -> bool:
    out = run.stdout + run.stderr
    return not findings(out) and (run.returncode == 0 or 'key "SingleMainWindow"' in out)


def test_metainfo_names_the_desktop_file_binary_and_current_release():
    root = ET.fromstring(metainfo_text())
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_ID
    assert metainfo_file().name == f"{DESKTOP_ID}.metainfo.xml"
    assert root.findtext("launchable[@type='desktop-id']") == desktop_file().name
    assert [b.text for b in root.iterfind("provides/binary")] == [BINARY]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, \
        "a new version needs its entry at the top of CHANGELOG.md"
    for image in root.iterfind("screenshots/screenshot/image"):
        assert (image.text or "").startswith("https://"), "AppStream wants screenshots as web URLs"


XML = "{http://www.w3.org/XML/1998/namespace}lang"


def test_metainfo_has_developer_translation_branding_french_and_a_filled_content_rating():
    root = ET.fromstring(metainfo_text())
    assert root.find("developer_name") is None, "developer_name is deprecated: <developer id=...><name>"
    developer = root.find("developer")
    assert developer is not None and developer.get("id") and developer.findtext("name")
    translation = root.find("translation")
    assert translation is not None and translation.get("type") == "qt" and translation.text == "cover_desktop"
    colours = {c.get("scheme_preference"): c.text for c in root.iterfind("branding/color[@type='primary']")}
    assert set(colours) == {"light", "dark"} and all((c or "").startswith("#") for c in colours.values())
    assert root.find(f"name[@{XML}='fr']") is not None and root.find(f"summary[@{XML}='fr']") is not None
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    assert len(rating.findall("content_attribute")) >= 10
    assert root.find("url[@type='homepage']") is not None


def test_metainfo_releases_are_the_changelog_s_versions():
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    root = ET.fromstring(metainfo_text())
    released = [(r.get("version"), r.get("date")) for r in root.iterfind("releases/release")]
    assert released == [(r.version, r.date) for r in parse_changelog(changelog)]
    assert all(r.find("description/p") is not None for r in root.iterfind("releases/release"))
    # the source tree's copy has a marker, not a second list of releases that could drift
    assert "<releases>" not in metainfo_file().read_text("utf-8")


def test_releases_from_a_changelog_with_items_and_escapes():
    changelog = ("# Changelog\n\nintro\n\n## 1.1.0 - 2027-01-02\n\nFixes & more <fast>.\n\n- one\n- two,\n"
                 "  continued\n\n## 1.0.0 - 2026-12-01\n\nFirst.\n")
    text = with_releases('<component>\n  <!-- releases: here -->\n</component>\n', changelog)
    root = ET.fromstring(text)
    assert [r.get("version") for r in root.iterfind("releases/release")] == ["1.1.0", "1.0.0"]
    first = root.find("releases/release")
    assert first is not None and first.findtext("description/p") == "Fixes & more <fast>."
    assert [li.text for li in first.iterfind("description/ul/li")] == ["one", "two, continued"]
    with pytest.raises(ValueError, match="VERSION - YYYY-MM-DD"):
        parse_changelog("## soon\n")


def test_desktop_file_starts_the_installed_command_with_the_shipped_icon():
    entry = desktop_entry(desktop_file())
    assert desktop_file().name == f"{DESKTOP_ID}.desktop"
    assert entry["Exec"].split()[0] == BINARY
    # links and files dropped on the launcher reach the app (which takes song links and .txt lists of ids)
    assert entry["Exec"].split()[1:] == ["%U"]
    assert entry["SingleMainWindow"] == "true"
    assert entry["Name[fr]"] and entry["Comment[fr]"] and entry["Comment[fr]"] != entry["Comment"]
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
    assert (tmp_path / "share" / "metainfo" / metainfo_file().name).read_text("utf-8") == metainfo_text()
    assert (tmp_path / "share" / "man" / "man1" / f"{BINARY}.1") in written


def test_app_icon_loads(qapp):
    assert not icon().isNull()
    assert not icon().pixmap(64, 64).isNull()


def test_one_copy_of_each_resource_in_the_top_level_resources_folder():
    names = ("cover-desktop.svg", desktop_file().name, metainfo_file().name, "cover-desktop.desktop",
             "cover-desktop.metainfo.xml", "LICENSE", "CHANGELOG.md")
    copies = [p for p in ROOT.rglob("*") if p.name in names
              and not any(part in {".venv", "build", "dist", ".git"} or part.endswith(".egg-info")
                          for part in p.relative_to(ROOT).parts)]
    shipped = ROOT / "resources"
    assert sorted(copies) == sorted([shipped / "cover-desktop.svg", shipped / desktop_file().name,
                                     shipped / metainfo_file().name, ROOT / "LICENSE", ROOT / "CHANGELOG.md"])
    assert desktop_file().parent == shipped     # the code finds them there in a checkout
