"""Named presets of the form (mode, prompt, style, title) and the styles used before, kept as JSON in the
config dir. A file that cannot be read never stops the app: it is set aside as ``.bad`` and the list
starts empty, so the user's next save does not overwrite the only copy of what was there."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .api.models import CoverRequest
from .settings import Dirs

log = logging.getLogger(__name__)

HISTORY_MAX = 200


@dataclass(frozen=True)
class Preset:
    name: str
    custom_mode: bool = False
    prompt: str = ""
    style: str = ""
    title: str = ""

    @classmethod
    def of(cls, name: str, request: CoverRequest) -> Preset:
        return cls(name, request.custom_mode, request.prompt, request.style, request.title)

    def applied_to(self, request: CoverRequest) -> CoverRequest:
        """The form's request with this preset's fields; the audio id and callback stay as they are."""
        return replace(request, custom_mode=self.custom_mode, prompt=self.prompt, style=self.style,
                       title=self.title)

    @classmethod
    def from_json(cls, d: Any) -> Preset | None:
        if not isinstance(d, dict) or not isinstance(d.get("name"), str) or not d["name"].strip():
            return None
        def text(k: str) -> str:
            v = d.get(k)
            return v if isinstance(v, str) else ""

        return cls(d["name"].strip(), d.get("custom_mode") is True, text("prompt"), text("style"), text("title"))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "custom_mode": self.custom_mode, "prompt": self.prompt,
                "style": self.style, "title": self.title}


def _read(path: Path, key: str) -> list[Any]:
    """The list under ``key``; a missing file is empty, an unreadable one is set aside as ``.bad``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("%s unreadable: %s", path.name, type(exc).__name__)
        return []
    try:
        data = json.loads(raw.decode("utf-8"))
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise TypeError(f"no list under {key!r}")
        return items
    except (ValueError, TypeError) as exc:   # UnicodeDecodeError and JSONDecodeError are ValueErrors
        bad = path.with_name(path.name + ".bad")
        log.warning("%s is damaged (%s); kept as %s", path.name, type(exc).__name__, bad.name)
        try:
            os.replace(path, bad)
        except OSError:
            pass
        return []


def _write(path: Path, key: str, items: list[Any]) -> None:
    """Write a new file, then rename it over the old one: a crash leaves one or the other, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"version": 1, key: items}, f, indent=1, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class PresetStore:
    def __init__(self, path: Path | None = None):
        self.path = path or Dirs.config() / "presets.json"
        found = [Preset.from_json(d) for d in _read(self.path, "presets")]
        self._presets: dict[str, Preset] = {}
        for p in found:
            if p is not None:
                self._presets[p.name.casefold()] = p

    def all(self) -> list[Preset]:
        """By name, as a menu lists them."""
        return sorted(self._presets.values(), key=lambda p: p.name.casefold())

    def get(self, name: str) -> Preset | None:
        return self._presets.get(name.strip().casefold())

    def save(self, name: str, request: CoverRequest) -> Preset:
        """Save the form under ``name``; a preset of the same name (in any case) is replaced."""
        name = name.strip()
        if not name:
            raise ValueError("A preset needs a name.")
        preset = Preset.of(name, request)
        self._presets[name.casefold()] = preset
        self._store()
        return preset

    def delete(self, name: str) -> bool:
        if self._presets.pop(name.strip().casefold(), None) is None:
            return False
        self._store()
        return True

    def _store(self) -> None:
        _write(self.path, "presets", [p.to_json() for p in self.all()])


class StyleHistory:
    """Styles sent before, most recent first, for the style field's completer."""

    def __init__(self, path: Path | None = None, limit: int = HISTORY_MAX):
        self.path = path or Dirs.config() / "style-history.json"
        self.limit = limit
        self._items: list[str] = []
        self._merge(s for s in _read(self.path, "styles") if isinstance(s, str))

    def items(self) -> list[str]:
        return list(self._items)

    def add(self, style: str) -> None:
        """Put ``style`` first (a style written in another case replaces the older spelling)."""
        style = style.strip()
        if not style:
            return
        key = style.casefold()
        rest = [s for s in self._items if s.casefold() != key]
        new = [style, *rest][: self.limit]
        if new != self._items:
            self._items = new
            _write(self.path, "styles", self._items)

    def remember(self, request: CoverRequest) -> None:
        """Record the style of a request that was sent; outside custom mode the style is not sent."""
        if request.custom_mode:
            self.add(request.style)

    def add_older(self, styles: Iterable[str]) -> None:
        """Fill in from an older source (the job history): after what is known, never before it."""
        before = list(self._items)
        self._merge(styles)
        if self._items != before:
            _write(self.path, "styles", self._items)

    def _merge(self, styles: Iterable[str]) -> None:
        seen = {s.casefold() for s in self._items}
        for s in styles:
            s = s.strip()
            if s and s.casefold() not in seen and len(self._items) < self.limit:
                seen.add(s.casefold())
                self._items.append(s)
