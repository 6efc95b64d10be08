"""The metainfo's ``<releases>``, made from CHANGELOG.md: the changelog is the one place a version is described.

The metainfo in the source tree holds a marker where the releases go; the build (packaging/setuptools_hooks.py)
writes the completed file into the wheel, and ``metainfo_text`` completes it for a checkout. Standard library
only: the build hook loads this file without the app's dependencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

MARKER = re.compile(r"^[ \t]*<!-- releases:[^>]*-->[ \t]*\n", re.MULTILINE)
HEADING = re.compile(r"^## +(?P<version>\d+(?:\.\d+)*\S*) +[-\u2013\u2014] +(?P<date>\d{4}-\d{2}-\d{2}) *$")


@dataclass
class Release:
    version: str
    date: str
    blocks: list[tuple[str, list[str]]] = field(default_factory=list)   # ("p", [text]) or ("ul", items)


def parse_changelog(text: str) -> list[Release]:
    """The versions of a changelog, newest first as written; ValueError on a version heading it cannot read."""
    releases: list[Release] = []
    for line in text.splitlines():
        if line.startswith("## "):
            m = HEADING.match(line.strip())
            if m is None:
                raise ValueError(f"CHANGELOG.md: a version heading is '## VERSION - YYYY-MM-DD', not {line!r}")
            releases.append(Release(m["version"], m["date"]))
            continue
        if not releases:
            continue
        blocks = releases[-1].blocks
        stripped = line.strip()
        if not stripped:
            if blocks and blocks[-1][0] == "p" and blocks[-1][1]:
                blocks.append(("p", []))
        elif stripped.startswith("- "):
            if not blocks or blocks[-1][0] != "ul":
                blocks.append(("ul", []))
            blocks[-1][1].append(stripped[2:])
        elif blocks and blocks[-1][0] == "ul" and line.startswith("  "):
            blocks[-1][1][-1] += " " + stripped       # a list item continued on the next line
        else:
            if not blocks or blocks[-1][0] != "p":
                blocks.append(("p", []))
            blocks[-1][1].append(stripped)
    for release in releases:
        release.blocks = [b for b in release.blocks if b[1]]
    return releases


def releases_xml(changelog: str, indent: str = "  ") -> str:
    releases = parse_changelog(changelog)
    if not releases:
        raise ValueError("CHANGELOG.md holds no version")
    i1, i2, i3, i4, i5 = (indent * n for n in range(1, 6))
    lines = [f"{i1}<releases>"]
    for r in releases:
        lines.append(f'{i2}<release version="{escape(r.version)}" date="{r.date}">')
        lines.append(f"{i3}<description>")
        for kind, parts in r.blocks:
            if kind == "p":
                lines.append(f"{i4}<p>{escape(' '.join(parts))}</p>")
            else:
                lines.append(f"{i4}<ul>")
                lines.extend(f"{i5}<li>{escape(item)}</li>" for item in parts)
                lines.append(f"{i4}</ul>")
        lines.append(f"{i3}</description>")
        lines.append(f"{i2}</release>")
    lines.append(f"{i1}</releases>")
    return "\n".join(lines) + "\n"


def with_releases(metainfo: str, changelog: str) -> str:
    """The metainfo with its releases marker replaced by the changelog's versions; unchanged when it already
    has them (a built package's copy)."""
    if "<releases>" in metainfo:
        return metainfo
    completed, count = MARKER.subn(lambda _m: releases_xml(changelog), metainfo, count=1)
    if count != 1:
        raise ValueError("the metainfo has neither <releases> nor the '<!-- releases: ... -->' marker")
    return completed
