"""The sdist and the wheel, built once per session the way a release builds them (the sdist from a clean copy of
the source, the wheel from the unpacked sdist), without network: the test extras carry build and setuptools."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# what a source tree is made of (MANIFEST.in says what of it goes into the sdist)
SOURCE = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "CHANGELOG.md", "cover_desktop",
          "resources", "packaging", "scripts", "tests")


def clean_copy(dest: Path) -> Path:
    """The source tree without what builds and runs leave in it (the checkout is shared: never build in it)."""
    dest.mkdir(parents=True)
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "*.egg-info", "build", "dist", ".pytest_cache")
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=junk, symlinks=True)
        else:
            shutil.copy2(ROOT / name, dest / name)
    return dest


@dataclass
class Dists:
    src: Path       # the copy they were built from: the checkout may have changed since
    sdist: Path
    wheel: Path

    def sdist_names(self) -> list[str]:
        with tarfile.open(self.sdist) as tf:
            top = self.sdist.name.removesuffix(".tar.gz")
            return [n.removeprefix(f"{top}/") for n in tf.getnames() if n.startswith(f"{top}/")]

    def wheel_names(self) -> list[str]:
        with zipfile.ZipFile(self.wheel) as zf:
            return zf.namelist()


@pytest.fixture(scope="session")
def dists(tmp_path_factory) -> Dists:
    work = tmp_path_factory.mktemp("dists")
    src = clean_copy(work / "src")
    # python -m build: the sdist from the tree, then the wheel from the unpacked sdist, as a release does
    run = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "out"), str(src)],
                         check=False, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    [sdist] = (work / "out").glob("cover_desktop-*.tar.gz")
    [wheel] = (work / "out").glob("cover_desktop-*.whl")
    return Dists(src, sdist, wheel)
