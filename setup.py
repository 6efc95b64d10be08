"""setuptools' entry point for the build hooks in packaging/setuptools_hooks.py (catalogues compiled, shipped
files copied in, the developer tool left out); the metadata lives in pyproject.toml."""

import importlib.util
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("cover_desktop_build_hooks", ROOT / "packaging" / "setuptools_hooks.py")
assert _spec is not None and _spec.loader is not None
hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hooks)

setup(cmdclass=hooks.cmdclass(ROOT))
