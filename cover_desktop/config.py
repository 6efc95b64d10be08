"""The one owner of the musician's settings, of the key, and of the choice between the demo and the live server.

Who holds what, and who may change it:
- ``Config.settings`` is the saved ``Settings``; nobody else holds a copy (ask ``config.settings`` each time)
  and nobody assigns to its fields. Changes go through ``update`` (saved at once: what Settings' Save
  writes) or ``remember`` (window size, volume, the library's view, the last export folder: saved at quit by
  ``flush``). Either emits ``changed`` with the names of the fields that changed.
- The key is read and written only here, through the ``KeyStore`` (environment, keyring or a 0600 file);
  ``key_status`` says where it came from or why it could not be read.
- What the command line and the environment chose (``--demo``, ``--base-url``, ``COVER_DESKTOP_BASE_URL``,
  ``COVER_DESKTOP_API_KEY``) is held in ``Overrides`` for this session only: it is shown, used, never saved.
- ``server()`` decides demo or live, and why. Demo because no key is set is not a demo the musician chose:
  a key entered later goes live at once.
- ``needs_restart(before, after)`` decides which changes rebuild the runtime (the server, the key, plain
  http), and ``poll_changed`` which only retune the poller; the window never decides it.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from .settings import DEFAULT_BASE_URL, ENV_BASE_URL, KeyStatus, KeyStore, Secret, Settings

log = logging.getLogger(__name__)

# fields that are the musician's passing state, kept without a save per change (saved at quit)
REMEMBERED = frozenset({"window_geometry", "volume", "library_view", "last_export_dir"})
POLL_FIELDS = frozenset({"poll_interval", "poll_cap", "poll_timeout_min"})


class DemoReason(enum.Enum):
    NONE = "live"
    COMMAND_LINE = "command line"   # --demo or --smoke-test
    CHOSEN = "chosen"               # the musician ticked it in Settings
    NO_KEY = "no key"               # nothing configured yet


@dataclass(frozen=True)
class Overrides:
    """This session's choices from the command line and the environment: used, never saved."""
    demo: bool = False
    base_url: str = ""

    @classmethod
    def from_options(cls, options: object) -> Overrides:
        base = (getattr(options, "base_url", None) or os.environ.get(ENV_BASE_URL, "")).strip()
        return cls(demo=bool(getattr(options, "demo", False)), base_url=base)


@dataclass(frozen=True)
class Server:
    """Where jobs go, and why there."""
    demo: DemoReason
    base_url: str          # "" for the demo: its address is known once it runs
    base_from: str         # "settings", "command line" or "" (demo)

    @property
    def is_demo(self) -> bool:
        return self.demo is not DemoReason.NONE


class Config(QObject):
    changed = Signal(frozenset)   # names of the settings that changed
    keyChanged = Signal()

    def __init__(self, settings: Settings, keystore: KeyStore, overrides: Overrides | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self.keystore = keystore
        self.overrides = overrides or Overrides()
        self._dirty = False
        self._key = keystore.load()

    # -- settings -------------------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    def update(self, **values: object) -> frozenset[str]:
        """Change and save settings (raises OSError when the disk refuses; nothing is changed then)."""
        changed = self._diff(values)
        if not changed:
            return changed
        new = dataclasses.replace(self._settings, **values)  # type: ignore[arg-type]
        new.ignored = self._settings.ignored
        new.save()
        self._settings, self._dirty = new, False
        self.changed.emit(changed)
        return changed

    def remember(self, **values: object) -> None:
        """Passing state (see REMEMBERED), saved by ``flush`` at quit rather than on every change."""
        unknown = set(values) - REMEMBERED
        if unknown:
            raise ValueError(f"not passing state: {sorted(unknown)}")
        changed = self._diff(values)
        if changed:
            self._settings = dataclasses.replace(self._settings, **values)  # type: ignore[arg-type]
            self._dirty = True
            self.changed.emit(changed)

    def flush(self) -> None:
        if self._dirty:
            try:
                self._settings.save()
                self._dirty = False
            except OSError as exc:
                log.warning("could not save settings: %s", exc)

    def _diff(self, values: dict[str, object]) -> frozenset[str]:
        names = {f.name for f in dataclasses.fields(Settings)}
        unknown = set(values) - names
        if unknown:
            raise ValueError(f"no such setting: {sorted(unknown)}")
        return frozenset(k for k, v in values.items() if getattr(self._settings, k) != v)

    # -- the key --------------------------------------------------------------------------------------------
    @property
    def key(self) -> Secret:
        return self._key

    @property
    def key_status(self) -> KeyStatus:
        return self.keystore.status

    def reload_key(self) -> Secret:
        """Read the key again (a keyring unlocked since the start)."""
        self._key = self.keystore.load()
        return self._key

    def set_key(self, secret: Secret) -> None:
        self.keystore.save(secret)
        self._key = self.keystore.load()
        self.keyChanged.emit()

    # -- the server -----------------------------------------------------------------------------------------
    def server(self) -> Server:
        if self.overrides.demo:
            return Server(DemoReason.COMMAND_LINE, "", "")
        if self.overrides.base_url:
            return Server(DemoReason.NONE, self.overrides.base_url, "command line")
        if self._settings.use_demo:
            return Server(DemoReason.CHOSEN, "", "")
        # a keyring that cannot be read is not "no key": the live history stays, and the window says why
        if self._key or self.key_status is KeyStatus.UNREADABLE:
            return Server(DemoReason.NONE, self._settings.base_url or DEFAULT_BASE_URL, "settings")
        return Server(DemoReason.NO_KEY, "", "")

    def identity(self) -> tuple[object, ...]:
        """What the running service is bound to: when this changes, the runtime is rebuilt."""
        server = self.server()
        return (server.is_demo, server.base_url, self._key if not server.is_demo else Secret(),
                self.key_status, self._settings.allow_insecure_http and not server.is_demo)

    @staticmethod
    def poll_changed(names: frozenset[str]) -> bool:
        return bool(names & POLL_FIELDS)
