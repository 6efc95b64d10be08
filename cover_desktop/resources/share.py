"""Lay out what a desktop needs to list the app, as under ``share/``: the desktop entry, the metainfo (with its
releases), the man page, and the icon as SVG plus PNGs rendered from it (launchers and software centres that
cannot draw SVG use those).

``python -m cover_desktop.resources.share DEST`` writes the tree into DEST; scripts/install-desktop and
packaging/build use it, so the PNGs and the man page are made at build or install time, never committed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from . import BINARY, DESKTOP_ID, desktop_file, icon_svg, metainfo_text

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(svg: Path, size: int, dest: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(dest)):
        raise OSError(f"could not write {dest}")
    return dest


def icon_paths(share: Path) -> list[Path]:
    hicolor = share / "icons" / "hicolor"
    return ([hicolor / f"{n}x{n}" / "apps" / f"{DESKTOP_ID}.png" for n in PNG_SIZES]
            + [hicolor / "scalable" / "apps" / f"{DESKTOP_ID}.svg"])


def build_share(share: Path) -> list[Path]:
    """Write the tree under ``share`` and return the files written."""
    from .manpage import render

    apps = share / "applications"
    meta = share / "metainfo"
    man = share / "man" / "man1"
    for folder in (apps, meta, man):
        folder.mkdir(parents=True, exist_ok=True)
    written = [Path(shutil.copyfile(desktop_file(), apps / f"{DESKTOP_ID}.desktop"))]
    (meta / f"{DESKTOP_ID}.metainfo.xml").write_text(metainfo_text(), "utf-8")
    (man / f"{BINARY}.1").write_text(render(), "utf-8")
    written += [meta / f"{DESKTOP_ID}.metainfo.xml", man / f"{BINARY}.1"]
    *pngs, scalable = icon_paths(share)
    for size, dest in zip(PNG_SIZES, pngs, strict=True):
        written.append(render_png(icon_svg(), size, dest))
    scalable.parent.mkdir(parents=True, exist_ok=True)
    written.append(Path(shutil.copyfile(icon_svg(), scalable)))
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m cover_desktop.resources.share",
                                description="Write the desktop entry, metainfo and icon set under DEST.")
    p.add_argument("dest", type=Path, help="the share folder to fill, e.g. build/share")
    args = p.parse_args(argv)
    for path in build_share(args.dest):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
