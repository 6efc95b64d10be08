"""What the sdist and the wheel carry: the licence, the shipped files, compiled catalogues that work without
lrelease, the whole test suite in the sdist and no developer tool in the wheel, and complete metadata."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, Dists

from cover_desktop.resources import BINARY, DESKTOP_ID

pytestmark = pytest.mark.slow
SHIPPED = ("cover-desktop.svg", f"{DESKTOP_ID}.desktop")


def test_the_wheel_carries_the_licence_the_shipped_files_and_the_launcher_script(dists: Dists):
    names = set(dists.wheel_names())
    with zipfile.ZipFile(dists.wheel) as zf:
        [licence] = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert zf.read(licence) == (ROOT / "LICENSE").read_bytes()
        assert zf.read("cover_desktop/resources/LICENSE") == (ROOT / "LICENSE").read_bytes()
        for name in SHIPPED:
            assert zf.read(f"cover_desktop/resources/{name}") == (ROOT / "resources" / name).read_bytes(), name
        metainfo = zf.read(f"cover_desktop/resources/{DESKTOP_ID}.metainfo.xml").decode()
        assert '<release version="' in metainfo and "<!-- releases:" not in metainfo
        assert "cover_desktop/resources/share.py" in names
        [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        assert f"{BINARY} = cover_desktop.app:main" in zf.read(entry_points).decode()


def test_the_wheel_leaves_out_the_developer_tool_and_nothing_else_of_the_package(dists: Dists):
    names = set(dists.wheel_names())
    assert "cover_desktop/i18n/update.py" not in names
    modules = {p.relative_to(dists.src).as_posix() for p in (dists.src / "cover_desktop").rglob("*.py")}
    assert modules - names == {"cover_desktop/i18n/update.py"}


def test_the_sdist_holds_the_whole_test_suite_the_licence_and_compiled_catalogues(dists: Dists):
    names = set(dists.sdist_names())
    suite = {p.relative_to(dists.src).as_posix() for p in (dists.src / "tests").rglob("*.py")}
    assert suite <= names, sorted(suite - names)
    for name in ("LICENSE", "CHANGELOG.md", "setup.py", "packaging/qm.py", "cover_desktop/i18n/update.py",
                 *(f"resources/{n}" for n in SHIPPED)):
        assert name in names, name
    for language in ("en", "fr"):
        assert any(n.startswith(f"cover_desktop/i18n/cover_desktop_{language}-") and n.endswith(".qm")
                   for n in names), language


def test_the_unpacked_sdist_collects_the_same_tests_as_its_source(dists: Dists, tmp_path):
    with tarfile.open(dists.sdist) as tf:
        tf.extractall(tmp_path, filter="data")
    [tree] = tmp_path.iterdir()

    def collected(where: Path) -> list[str]:
        run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                             cwd=where, check=False, capture_output=True, text=True, timeout=300,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        return sorted(line for line in run.stdout.splitlines() if "::" in line)

    assert collected(tree) == collected(dists.src)


def test_the_metadata_names_licence_authors_urls_classifiers_and_keywords(dists: Dists):
    with zipfile.ZipFile(dists.wheel) as zf:
        [meta] = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(zf.read(meta))
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert metadata["Author"]
    assert {u.split(",")[0] for u in metadata.get_all("Project-URL")} >= {"Homepage", "Source", "Issues", "Changelog"}
    assert any(c.startswith("Topic :: Multimedia") for c in metadata.get_all("Classifier"))
    assert "music" in metadata["Keywords"]
    requires = metadata.get_all("Requires-Dist")
    # a range a distribution can meet, never the release with the Signal.emit bug
    essentials = next(r for r in requires if r.startswith("PySide6-Essentials"))
    assert "!=6.12.0" in essentials and "==" not in essentials.replace("!=", "")


def test_an_installed_wheel_speaks_french_from_its_own_catalogue_without_lrelease(dists: Dists, tmp_path):
    with zipfile.ZipFile(dists.wheel) as zf:
        zf.extractall(tmp_path / "site")
    # lrelease out of reach: PySide6's own is patched away (a distribution's PySide6 has none), PATH has none
    code = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from cover_desktop import i18n; i18n.lrelease = lambda: None; "
            "print(i18n.__file__); print(i18n.catalogue('fr')); print(i18n.install()); "
            "print(i18n.translate('JobsModel', '%n clip(s)', None, 2))")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "COVER_DESKTOP_LANGUAGE": "fr",
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    where, catalogue, language, words = run.stdout.splitlines()
    site = str(tmp_path / "site")
    assert where.startswith(site) and catalogue.startswith(site) and catalogue.endswith(".qm")
    assert language == "fr" and words == "2 morceaux"
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").rglob("*.qm"))
