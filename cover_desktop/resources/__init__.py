"""The files the app ships beside its code: icon, desktop entry, AppStream metainfo.

This folder is their only copy; a wheel, the bundle and the desktop integration all take them from here.
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
FOLDER = Path(__file__).resolve().parent
ICON_SVG = "cover-desktop.svg"


def resource_path(name: str) -> Path:
    """A shipped file by name; FileNotFoundError names what is missing from a broken install."""
    path = FOLDER / name
    if not path.is_file():
        raise FileNotFoundError(f"{name} is missing from {FOLDER}: the installation is incomplete")
    return path


def icon_svg() -> Path:
    return resource_path(ICON_SVG)


def desktop_file() -> Path:
    return resource_path(f"{DESKTOP_ID}.desktop")


def metainfo_file() -> Path:
    return resource_path(f"{DESKTOP_ID}.metainfo.xml")


def icon() -> QIcon:
    from PySide6.QtGui import QIcon

    return QIcon(str(icon_svg()))
