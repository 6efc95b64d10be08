"""packaging/build end to end: bundle, size limit, licences, tarball, and the smoke runs of the unpacked tarball.

About a minute with a fresh virtual environment (PySide6 and PyInstaller installed into it), so it runs in
CI (which sets CI) or when COVER_DESKTOP_BUNDLE_TEST=1, and is skipped in a quick local run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from cover_desktop import __version__
from cover_desktop.resources import BINARY, DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("COVER_DESKTOP_BUNDLE_TEST")),
                       reason="builds the bundle (a minute): runs in CI or with COVER_DESKTOP_BUNDLE_TEST=1"),
]


def test_bundle_builds_fits_and_runs_from_its_tarball(tmp_path):
    env = {**os.environ, "BUNDLE_VENV": str(tmp_path / "venv"), "BUNDLE_DIST": str(tmp_path / "dist")}
    try:
        run = subprocess.run([str(ROOT / "packaging" / "build")], env=env, check=False, capture_output=True,
                             text=True, timeout=840)
    finally:
        shutil.rmtree(tmp_path / "venv", ignore_errors=True)  # some 700 MB of PySide6
    print(run.stdout[-6000:])
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    assert "bundle size unpacked:" in run.stdout
    assert f"cover-desktop {__version__}" in run.stdout   # the --version smoke
    assert "quit cleanly" in run.stdout                   # the demo smoke's log
    assert "smoke test: job" in run.stdout and "complete with" in run.stdout
    assert re.search(r"FFmpeg carried: \d+\.\d+", run.stdout), "the build names the FFmpeg it carries"
    [tarball] = (tmp_path / "dist").glob(f"cover-desktop-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as tf:
        names = set(tf.getnames())
        top = tarball.name.removesuffix(".tar.gz")
        for member in ("cover-desktop", "install-desktop", "README.txt", "app/cover-desktop", "LICENSE",
                       "THIRD-PARTY-NOTICES.txt", f"share/man/man1/{BINARY}.1",
                       f"share/applications/{DESKTOP_ID}.desktop", f"share/metainfo/{DESKTOP_ID}.metainfo.xml",
                       f"share/icons/hicolor/512x512/apps/{DESKTOP_ID}.png",
                       "app/_internal/cover_desktop/resources/THIRD-PARTY-NOTICES.txt",
                       "app/_internal/cover_desktop/resources/LICENSE",
                       "app/_internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so"):
            assert f"{top}/{member}" in names, member
        assert any(re.fullmatch(rf"{top}/app/_internal/cover_desktop/i18n/cover_desktop_fr-\w+\.qm", n) for n in names)
        assert f"{top}/app/_internal/cover_desktop/i18n/update.py" not in names
        licence = tf.extractfile(f"{top}/LICENSE")
        notices = tf.extractfile(f"{top}/THIRD-PARTY-NOTICES.txt")
        assert licence is not None and notices is not None
        assert licence.read() == (ROOT / "LICENSE").read_bytes()
        text = notices.read().decode()
    # every bundled library and Python package, with a version and a licence
    assert re.search(r"^Qt 6\.\d+\.\d+ .*LGPL-3\.0-only$", text, re.MULTILINE)
    assert re.search(r"^FFmpeg \d+\.\d+.* LGPL version 2\.1 or later$", text, re.MULTILINE)
    assert re.search(r"^Python 3\.\d+\.\d+ .*PSF-2\.0$", text, re.MULTILINE)
    for package in ("PySide6_Essentials", "httpx", "certifi", "mutagen", "qasync"):
        assert re.search(rf"^  {package} +\S+ +\S", text, re.MULTILINE), package
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
