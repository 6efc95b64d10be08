"""Bounding and flattening text that came from a server before it is shown or logged."""

from __future__ import annotations

import re
from typing import Any

SHOWN_MAX = 300  # longest server-written string shown or logged; a 10 MB error once froze the window

_SPACE_RUN = re.compile(r"\s+")


def short(text: str, limit: int = 200) -> str:
    """One line, whitespace runs folded, at most ``limit`` characters."""
    # fold only what will be kept: collapsing 10 MB to show 200 characters is wasted work
    text = _SPACE_RUN.sub(" ", (text or "")[: limit * 4 + 64]).strip()
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def scalar_text(value: Any) -> str:
    """A JSON scalar as text; containers and numbers too long to print give ""."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, (dict, list, tuple)):
        return ""
    try:
        return str(value)
    except ValueError:  # an int beyond the interpreter's digit limit
        return ""
