"""The files the app ships beside its code: icon, desktop entry, AppStream metainfo, and the licence.

Their one copy is the top-level ``resources/`` folder of the source tree (and ``LICENSE``, ``CHANGELOG.md``
at its top). The build (packaging/setuptools_hooks.py) copies them into this package in the wheel, with the
metainfo's releases made from the changelog; the bundle takes them from the installed package. A checkout or
an editable install finds them in the source tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# Reverse-DNS id: the desktop file's and the metainfo's name, the installed icon's name, and what Wayland
# compositors match the running window against (QGuiApplication.setDesktopFileName).
DESKTOP_ID = "io.github.coverdesktop.CoverDesktop"
BINARY = "cover-desktop"
ICON_SVG = "cover-desktop.svg"
LICENSE = "LICENSE"
NOTICES = "THIRD-PARTY-NOTICES.txt"     # only the bundle has one: packaging/notices.py writes it
PACKAGE_FOLDER = Path(__file__).resolve().parent
SOURCE_TREE = PACKAGE_FOLDER.parents[1]
# where the shipped files are: in this package when installed from a wheel or bundled, else the source tree's
FOLDER = PACKAGE_FOLDER if (PACKAGE_FOLDER / ICON_SVG).is_file() else SOURCE_TREE / "resources"


def resource_path(name: str) -> Path:
    """A shipped file by name; FileNotFoundError names what is missing from a broken install."""
    for path in (FOLDER / name, SOURCE_TREE / name if FOLDER != PACKAGE_FOLDER else None):
        if path is not None and path.is_file():
            return path
    raise FileNotFoundError(f"{name} is missing from {FOLDER}: the installation is incomplete")


def icon_svg() -> Path:
    return resource_path(ICON_SVG)


def desktop_file() -> Path:
    return resource_path(f"{DESKTOP_ID}.desktop")


def metainfo_file() -> Path:
    """The metainfo as shipped: complete in a package, with a releases marker in the source tree (see
    ``metainfo_text``)."""
    return resource_path(f"{DESKTOP_ID}.metainfo.xml")


def metainfo_text() -> str:
    """The complete metainfo, its releases from CHANGELOG.md."""
    text = metainfo_file().read_text("utf-8")
    if "<releases>" in text:
        return text
    from .releases import with_releases  # urllib and xml: not on every start, which needs only the icon

    return with_releases(text, resource_path("CHANGELOG.md").read_text("utf-8"))


def license_file() -> Path:
    return resource_path(LICENSE)


def notices_file() -> Path | None:
    """The bundle's list of the libraries and packages it carries, with their licences; None elsewhere."""
    path = FOLDER / NOTICES
    return path if path.is_file() else None


def icon() -> QIcon:
    from PySide6.QtGui import QIcon

    return QIcon(str(icon_svg()))
