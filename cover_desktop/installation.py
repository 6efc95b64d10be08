"""Facts about this installation for About and bug reports: how it was installed, on which system, and the
licences of what it runs on. No Qt here: packaging/notices.py runs it in the bundle's build environment."""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import platform
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DIST_NAME = "cover-desktop"


def install_kind() -> str:
    """"bundle", "pipx", "pip", "pip (virtual environment)", "source", "source (editable install)", or the name
    of whatever else installed it (a distribution's package manager)."""
    if getattr(sys, "frozen", False):
        return "bundle"
    try:
        dist = md.distribution(DIST_NAME)
    except md.PackageNotFoundError:
        return "source"
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        direct = {}
    if direct.get("dir_info", {}).get("editable"):
        return "source (editable install)"
    here = Path(__file__).resolve()
    installed = Path(str(dist.locate_file("cover_desktop/installation.py"))).resolve()
    if installed != here or (Path(str(dist.locate_file(""))) / "pyproject.toml").is_file():
        return "source"       # a checkout: its own egg-info, or another copy installed beside it
    if (Path(sys.prefix) / "pipx_metadata.json").is_file():
        return "pipx"
    installer = (dist.read_text("INSTALLER") or "").strip() or "a distribution package"
    if installer == "pip" and sys.prefix != sys.base_prefix:
        return "pip (virtual environment)"
    return installer


def os_description() -> str:
    """"Debian GNU/Linux 12 (bookworm), Linux 6.1.0 x86_64" and the desktop when one is named."""
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        name = ""
    parts = [name or platform.system(), f"{platform.system()} {platform.release()} {platform.machine()}"]
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "")
    session = os.environ.get("XDG_SESSION_TYPE", "")
    if desktop or session:
        parts.append(" ".join(p for p in (desktop, session) if p))
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str


def _field(meta: md.PackageMetadata, name: str) -> str:
    values = meta.get_all(name)
    return str(values[0]) if values else ""


def _licence(meta: md.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    text = _field(meta, "License").strip()
    return text if text and "\n" not in text and len(text) < 80 else "see the package's licence file"


def _requirement_name(requirement: str) -> str | None:
    if ";" in requirement and "extra ==" in requirement.split(";", 1)[1]:
        return None      # optional extras (test tools) are not what the app runs on
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return m[1] if m else None


def python_packages(root: str = DIST_NAME) -> list[Package]:
    """Every installed package ``root`` depends on, directly or not, with its version and licence."""
    seen: dict[str, Package] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = Package(dist.metadata["Name"], dist.version, _licence(dist.metadata))
        todo.extend(n for r in dist.requires or [] if (n := _requirement_name(r)))
    own = re.sub(r"[-_.]+", "-", root).lower()
    return sorted((p for k, p in seen.items() if k != own), key=lambda p: p.name.lower())


def packages_table(packages: list[Package]) -> str:
    name = max((len(p.name) for p in packages), default=0) + 2
    version = max((len(p.version) for p in packages), default=0) + 2
    return "\n".join(f"  {p.name:{name}}{p.version:{version}}{p.licence}" for p in packages)


def licences_text() -> str:
    """The app's licence, then what it is built on: the bundle's notices file, else the installed packages."""
    from . import APP_NAME, __version__
    from .resources import license_file, notices_file

    try:
        own = license_file().read_text("utf-8").strip()
    except FileNotFoundError as exc:
        own = str(exc)
    parts = [f"{APP_NAME} {__version__} is free software under the MIT licence:", "", own, "", "=" * 72, ""]
    notices = notices_file()
    if notices is not None:
        parts.append(notices.read_text("utf-8"))
    else:
        parts += ["It runs on these Python packages, each under its own licence (their licence files are in",
                  "their installed metadata):", "", packages_table(python_packages()), "",
                  "PySide6 brings Qt (LGPL-3.0-only) and, for playback, FFmpeg (LGPL-2.1-or-later).",
                  "Their sources: https://download.qt.io/official_releases/ and https://ffmpeg.org/download.html"]
    return "\n".join(parts).rstrip() + "\n"
