"""What setuptools does beyond pyproject.toml when it builds the wheel and the sdist (setup.py hands these in).

- The wheel gets the shipped files, whose one copy is outside the package: the icon and desktop entry from
  ``resources/``, the metainfo with its ``<releases>`` made from CHANGELOG.md, and LICENSE, all into
  ``cover_desktop/resources/``.
- The wheel and the sdist get compiled translation catalogues (.qm) beside their sources, under the name
  cover_desktop.i18n.catalogue looks for first, so an installed app never needs lrelease. They are compiled by
  packaging/qm.py, in Python: the build environment has no Qt. None is ever committed.
- The wheel leaves out the developer tool ``cover_desktop/i18n/update.py`` (the sdist keeps it).

Standard library and setuptools only; the helpers are loaded from their files, not imported as packages.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

PACKAGE = "cover_desktop"
DESKTOP_ID = "io.github.coverdesktop.CoverDesktop"
COPIED = ("cover-desktop.svg", f"{DESKTOP_ID}.desktop")
LEFT_OUT_OF_WHEEL = {(f"{PACKAGE}.i18n", "update")}


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def compiled_name(source: Path) -> str:
    """As cover_desktop.i18n.compiled_name: the source's digest in the name (a test keeps the two the same)."""
    return f"{source.stem}-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.qm"


def compile_catalogues(root: Path, dest: Path) -> list[Path]:
    qm = _load("cover_desktop_qm", root / "packaging" / "qm.py")
    written = []
    for source in sorted((root / PACKAGE / "i18n").glob("*.ts")):
        written.append(qm.write_qm(source, dest / compiled_name(source)))
    return written


def copy_resources(root: Path, dest: Path) -> list[Path]:
    releases = _load("cover_desktop_releases", root / PACKAGE / "resources" / "releases.py")
    dest.mkdir(parents=True, exist_ok=True)
    written = [Path(shutil.copyfile(root / "resources" / name, dest / name)) for name in COPIED]
    written.append(Path(shutil.copyfile(root / "LICENSE", dest / "LICENSE")))
    metainfo = f"{DESKTOP_ID}.metainfo.xml"
    text = releases.with_releases((root / "resources" / metainfo).read_text("utf-8"),
                                  (root / "CHANGELOG.md").read_text("utf-8"))
    (dest / metainfo).write_text(text, "utf-8")
    written.append(dest / metainfo)
    return written


def cmdclass(root: Path) -> dict[str, Any]:
    class BuildPy(build_py):
        _generated: list[Path] = []

        def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
            modules = super().find_package_modules(package, package_dir)
            return [m for m in modules if (m[0], m[1]) not in LEFT_OUT_OF_WHEEL]

        def run(self) -> None:
            super().run()
            if getattr(self, "editable_mode", False):
                return   # an editable install reads the source tree, where cover_desktop.resources looks too
            lib = Path(self.build_lib) / PACKAGE
            self._generated = (copy_resources(root, lib / "resources")
                               + compile_catalogues(root, lib / "i18n"))

        def get_outputs(self, include_bytecode: bool = True) -> list[str]:
            return [*super().get_outputs(include_bytecode), *map(str, self._generated)]

    class Sdist(sdist):
        def make_release_tree(self, base_dir: str, files: list[str]) -> None:
            super().make_release_tree(base_dir, files)
            compile_catalogues(root, Path(base_dir) / PACKAGE / "i18n")

    return {"build_py": BuildPy, "sdist": Sdist}
