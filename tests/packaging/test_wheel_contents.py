"""The wheel that `pip install .` builds carries the resources, so an installed app has its icon and entries."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cover_desktop.resources import BINARY, FOLDER

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_wheel_contains_every_resource_and_the_launcher_script(tmp_path):
    # Built from a copy: the checkout is shared, and setuptools writes build/ and *.egg-info beside the sources.
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "cover_desktop", src / "cover_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", "../out"],
                         cwd=src, check=False, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    [wheel] = (tmp_path / "out").glob("cover_desktop-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        shipped = sorted(p.name for p in FOLDER.iterdir()
                         if p.is_file() and p.suffix in {".svg", ".desktop", ".xml"})
        assert len(shipped) == 3
        for name in shipped:
            member = f"cover_desktop/resources/{name}"
            assert member in names, f"{member} is not in the wheel"
            assert zf.read(member) == (FOLDER / name).read_bytes()
        assert "cover_desktop/resources/share.py" in names
        [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        assert f"{BINARY} = cover_desktop.app:main" in zf.read(entry_points).decode()
