"""A style matrix: one request per (audio id, style) pair, made from the form's request, sent as one batch.

The service applies a style only in custom mode ("Set to true to use custom settings (prompt, style,
title)"), so a matrix over styles switches custom mode on; custom mode needs lyrics or a prompt, which
``CoverRequest.problems()`` reports like any other mistake before anything is sent.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field, replace

from ..api.errors import ValidationError
from ..api.models import CoverRequest
from .ledger import credit_text

TIMES = "\u00d7"


def lines(text: str) -> list[str]:
    """One entry per non-empty line, trimmed; a line repeated word for word is sent once."""
    out: list[str] = []
    for line in text.splitlines():
        value = line.strip()
        if value and value not in out:
            out.append(value)
    return out


def expand(template: CoverRequest, audio_ids: list[str], styles: list[str]) -> list[CoverRequest]:
    """Every (id, style) combination, ids outermost, in the order given.

    No ids: the template's own. No styles: the template's style and mode, unchanged.
    """
    ids = _unique(audio_ids) or [template.audio_id]
    wanted = _unique(styles)
    if not wanted:
        return [replace(template, audio_id=i) for i in ids]
    return [replace(template, audio_id=i, style=s, custom_mode=True) for i in ids for s in wanted]


def problems(requests: list[CoverRequest]) -> list[ValidationError]:
    """The mistakes of all requests, each said once (every request usually shares the template's)."""
    seen: set[tuple[str, str]] = set()
    out: list[ValidationError] = []
    for request in requests:
        for p in request.problems():
            if (p.field, p.message) not in seen:
                seen.add((p.field, p.message))
                out.append(p)
    return out


@dataclass(frozen=True)
class Matrix:
    """A batch made of combinations, with the id and label its jobs are grouped under."""

    id: str
    label: str
    requests: list[CoverRequest] = field(default_factory=list)

    @property
    def cost_text(self) -> str:
        return credit_text(len(self.requests))

    def problems(self) -> list[ValidationError]:
        return problems(self.requests)


def plan(template: CoverRequest, audio_ids: list[str], styles: list[str]) -> Matrix:
    """The jobs of a matrix, each marked with the group it belongs to (kept locally, never sent)."""
    mid, label = new_matrix_id(), group_label(audio_ids or [template.audio_id], styles)
    requests = [dataclasses.replace(r, group=f"{mid}|{label}") for r in expand(template, audio_ids, styles)]
    return Matrix(mid, label, requests)


def new_matrix_id() -> str:
    return "m-" + uuid.uuid4().hex[:10]


def group_label(audio_ids: list[str], styles: list[str]) -> str:
    """Words for a matrix: ``"aud1 × 3 styles"``, ``"4 ids × lo-fi jazz"``, ``"2 ids × 3 styles"``."""
    ids, wanted = _unique(audio_ids), _unique(styles)
    left = ids[0] if len(ids) == 1 else f"{len(ids)} ids"
    if not wanted:
        return left
    right = wanted[0] if len(wanted) == 1 else f"{len(wanted)} styles"
    return f"{left} {TIMES} {right}"


def _unique(values: list[str]) -> list[str]:
    return lines("\n".join(values))
