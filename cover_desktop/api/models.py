"""Typed models of the Upload Cover API.

They keep what the server sent that we do not know (``extra``) and tolerate what it left out,
because the reference documents only a few fields and proxies add more.
"""

from __future__ import annotations

import enum
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import ValidationError
from .text import SHOWN_MAX, scalar_text, short
from .urls import is_http_url
from .words import N_

PROMPT_MAX = 5000
STYLE_MAX = 1000
TITLE_MAX = 100
CREDITS_MIN, CREDITS_MAX = 5, 12
STATUS_MAX = 60  # a raw status value is shown next to the words for it


@dataclass(frozen=True)
class CoverRequest:
    audio_id: str
    custom_mode: bool = False
    prompt: str = ""
    style: str = ""
    title: str = ""
    callback_url: str = ""
    # kept on this computer, never sent: the style matrix a job belongs to ("m-…|aud1 × 3 styles")
    group: str = ""

    def problems(self) -> list[ValidationError]:
        """Every reason the request would be refused, one per field, in form order."""
        out: list[ValidationError] = []
        if not self.audio_id.strip():
            out.append(ValidationError("audio_id", N_("Enter the audio id of your uploaded clip.")))
        elif any(c.isspace() for c in self.audio_id.strip()):
            out.append(ValidationError("audio_id", N_("An audio id has no spaces in it.")))
        if self.custom_mode and not self.prompt.strip():
            out.append(ValidationError("prompt", N_("Custom mode needs lyrics or a prompt.")))
        for name, limit, too_long in (
                ("prompt", PROMPT_MAX, N_("Prompt is {length} characters; the limit is {limit}.")),
                ("style", STYLE_MAX, N_("Style is {length} characters; the limit is {limit}.")),
                ("title", TITLE_MAX, N_("Title is {length} characters; the limit is {limit}."))):
            value = getattr(self, name).strip()
            if len(value) > limit:
                out.append(ValidationError(name, too_long, length=len(value), limit=limit))
        url = self.callback_url.strip()
        if url and not is_http_url(url):
            out.append(ValidationError("callback_url", N_("The callback URL must start with http:// or https://.")))
        return out

    def validated(self) -> CoverRequest:
        """A trimmed copy, or the first problem raised."""
        problems = self.problems()
        if problems:
            raise problems[0]
        return CoverRequest(self.audio_id.strip(), self.custom_mode, self.prompt.strip(),
                            self.style.strip(), self.title.strip(), self.callback_url.strip(), self.group)

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"audio_id": self.audio_id, "custom_mode": self.custom_mode}
        for name in ("prompt", "style", "title", "callback_url"):
            if getattr(self, name):
                body[name] = getattr(self, name)
        return body

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CoverRequest:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})


class Phase(str, enum.Enum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


_DONE = {"complete", "completed", "success", "succeeded"}
_FAILED = {"failed", "error", "failure", "cancelled", "canceled"}


def classify(raw: str | None) -> Phase:
    value = (raw or "").strip().lower()
    if value in _DONE:
        return Phase.DONE
    if value in _FAILED:
        return Phase.FAILED
    return Phase.RUNNING


def _text(value: Any, limit: int | None = None) -> str:
    """A field as text, bounded where it is only ever shown (the server decides how long it is)."""
    text = scalar_text(value)
    return text if limit is None or len(text) <= limit else short(text, limit)


def _number(value: Any) -> float | None:
    if value is None or value == "" or isinstance(value, (bool, dict, list)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


@dataclass
class Clip:
    id: str
    audio_url: str = ""
    image_url: str = ""
    title: str = ""
    duration: float | None = None
    tags: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, d: Any, index: int = 0) -> Clip:
        if not isinstance(d, dict):
            return cls(id=f"clip-{index + 1}", extra={"raw": d})
        known = {"id", "audio_url", "image_url", "title", "duration", "tags"}
        return cls(
            id=_text(d.get("id")) or f"clip-{index + 1}",
            audio_url=_text(d.get("audio_url") or d.get("stream_audio_url")),
            image_url=_text(d.get("image_url") or d.get("image_large_url")),
            title=_text(d.get("title"), SHOWN_MAX),
            duration=_number(d.get("duration")),
            tags=_text(d.get("tags") or d.get("style"), SHOWN_MAX),
            extra={k: v for k, v in d.items() if k not in known},
        )

    def to_json(self) -> dict[str, Any]:
        d = dict(self.extra)
        d.update(id=self.id, audio_url=self.audio_url, image_url=self.image_url, title=self.title,
                 duration=self.duration, tags=self.tags)
        return d


@dataclass
class TaskStatus:
    task_id: str
    raw_status: str
    clips: list[Clip] = field(default_factory=list)
    created_at: str = ""
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def phase(self) -> Phase:
        return classify(self.raw_status)

    @classmethod
    def from_json(cls, data: dict[str, Any], task_id: str) -> TaskStatus:
        raw_clips = data.get("clips") or data.get("data") or []
        if isinstance(raw_clips, dict):
            raw_clips = [raw_clips]
        if not isinstance(raw_clips, list):
            raw_clips = []
        known = {"task_id", "status", "clips", "created_at"}
        error = data.get("error") or data.get("error_message") or data.get("fail_reason") or ""
        if isinstance(error, dict):
            error = error.get("message") or error.get("detail") or ""
        own_id = _text(data.get("task_id"))
        return cls(
            task_id=own_id if own_id and len(own_id) <= 512 else task_id,
            raw_status=_text(data.get("status"), STATUS_MAX) or "unknown",
            clips=[Clip.from_json(c, i) for i, c in enumerate(raw_clips)],
            created_at=_text(data.get("created_at"), 64),
            error=_text(error, SHOWN_MAX),
            extra={k: v for k, v in data.items() if k not in known},
        )
