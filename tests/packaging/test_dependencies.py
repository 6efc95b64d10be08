"""Dependencies: ranges a distribution can meet in pyproject.toml, exact versions for CI and the bundle in
packaging/constraints.txt, the lowest versions the ranges allow in packaging/constraints-lowest.txt."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(name: str) -> dict[str, Version]:
    out = {}
    for line in (ROOT / "packaging" / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            m = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line)
            assert m, f"{name}: not an exact pin: {line!r}"
            out[canonicalize_name(m[1])] = Version(m[2])
    return out


def requirements(*groups: str) -> list[Requirement]:
    found = [Requirement(r) for r in PROJECT["dependencies"]]
    for group in groups:
        found += [Requirement(r) for r in PROJECT["optional-dependencies"][group]]
    return found


def test_ranges_not_pins_and_never_the_pyside6_with_the_emit_bug():
    for r in requirements("test"):
        assert not any(s.operator in ("==", "===") for s in r.specifier), f"{r}: a range, please (pins: constraints)"
    for name in ("PySide6-Essentials", "PySide6-Addons"):
        [r] = [r for r in requirements() if r.name == name]
        assert not r.specifier.contains("6.12.0") and r.specifier.contains("6.11.2") and r.specifier.contains("6.12.1")


def test_ci_and_the_bundle_pin_everything_they_install_within_its_range():
    pinned = pins("constraints.txt")
    for r in requirements("test"):
        version = pinned.get(canonicalize_name(r.name))
        assert version is not None, f"{r.name} has no pin in packaging/constraints.txt"
        assert r.specifier.contains(version, prereleases=True), f"{r.name}=={version} is outside {r}"
    assert "pyinstaller" in pinned, "the bundle's build tool is pinned too"
    assert pinned[canonicalize_name("shiboken6")] == pinned[canonicalize_name("PySide6-Essentials")]
    for script in ("scripts/test", "packaging/build"):
        assert "packaging/constraints.txt" in (ROOT / script).read_text(), f"{script} installs the pinned versions"


def test_the_lowest_versions_are_the_ranges_lower_bounds():
    lowest = pins("constraints-lowest.txt")
    for r in requirements():
        floor = [Version(s.version) for s in r.specifier if s.operator == ">="]
        assert floor, f"{r}: no lower bound"
        assert lowest.get(canonicalize_name(r.name)) == floor[0], f"{r.name}: constraints-lowest.txt"
