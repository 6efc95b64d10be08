"""Settings (JSON in the config dir) and the API key (env, OS keyring, or a 0600 file).

The key is held in a ``Secret`` so that no repr, log line or exception can show it by accident.
"""

from __future__ import annotations

import enum
import json
import logging
import math
import os
import re
import stat
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from . import APP_ID
from .api.keys import key_problem
from .api.urls import is_http_url

__all__ = ["DEFAULT_BASE_URL", "ENV_BASE_URL", "ENV_KEY", "Dirs", "KeyStatus", "KeyStore", "Secret", "Settings",
           "key_problem"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://apiin.one"
ENV_KEY = "COVER_DESKTOP_API_KEY"
ENV_BASE_URL = "COVER_DESKTOP_BASE_URL"
KEYRING_SERVICE = APP_ID


class Dirs:
    """Where things live; platformdirs honours XDG_* so tests and users can move them."""

    @staticmethod
    def config() -> Path:
        return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))

    @staticmethod
    def data() -> Path:
        return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))

    @staticmethod
    def cache() -> Path:
        return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))

    @staticmethod
    def logs() -> Path:
        return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))

    @staticmethod
    def music() -> Path:
        return Path(platformdirs.user_music_dir()) / "Cover Desktop"


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str = ""):
        self._value = (value or "").strip()

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret(***)" if self._value else "Secret()"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value


@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    use_demo: bool = False
    poll_interval: float = 3.0
    poll_cap: float = 30.0
    poll_timeout_min: float = 15.0
    download_dir: str = ""
    window_geometry: str = ""
    volume: float = 0.8
    allow_insecure_http: bool = False   # send the key over plain http:// to another machine (asked once)
    monthly_budget: int = 0             # credits; 0: no budget, no question
    artist: str = ""                    # written into the tags of saved clips
    name_template: str = ""             # file names of saved clips; "" is the built-in "{title}{nth}"
    last_export_dir: str = ""
    library_view: dict = field(default_factory=dict)   # the clip list's search, filters and sort
    language: str = ""                  # "" follows the system; else a language code ("en", "fr")
    export_format: str = ""             # saved clips: "" as delivered, "wav16", "wav24", "flac"
    export_rate: int = 0                # Hz of converted clips: 0 as delivered, 44100, 48000
    match_loudness: bool = False        # the player plays every clip at a common loudness
    appearance: str = "system"          # "system", or the app's own "light" or "dark" palette
    extra: dict = field(default_factory=dict)
    # what load() found unusable and replaced by its default, in words for the user; never saved
    ignored: list[str] = field(default_factory=list, compare=False, repr=False)

    @staticmethod
    def path() -> Path:
        return Dirs.config() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The saved settings, each checked against its type and range; a bad one falls back alone."""
        path = cls.path()
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("settings unreadable, using defaults: %s", type(exc).__name__)
            return cls(ignored=[f"{path} could not be read, so every setting is at its default"])
        if not isinstance(raw, dict):
            return cls(ignored=[f"{path} does not hold settings (a JSON object), so every setting is at its default"])
        s = cls()
        checks = {f.name: _CHECKS.get(f.name) or _like(getattr(s, f.name)) for f in fields(cls)
                  if f.name not in ("extra", "ignored")}
        for name, check in checks.items():
            if name not in raw:
                continue
            value, problem = check(raw[name])
            if problem:
                s.ignored.append(f"{name}: {problem}; the default ({getattr(s, name)!r}) is used")
            else:
                setattr(s, name, value)
        if s.poll_cap < s.poll_interval:
            s.ignored.append(f"poll_cap: less than poll_interval; the default ({cls.poll_cap!r}) is used")
            s.poll_cap = max(cls.poll_cap, s.poll_interval)
        s.extra = {k: v for k, v in raw.items() if k not in checks and k not in ("extra", "ignored")}
        for line in s.ignored:
            log.warning("setting ignored: %s", line)
        return s

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {k: v for k, v in asdict(self).items() if k not in ("extra", "ignored")}
        data.update(self.extra)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), "utf-8")
        os.replace(tmp, path)

    def downloads(self) -> Path:
        return Path(self.download_dir) if self.download_dir else Dirs.music()

    def export_start(self) -> Path:
        """Where a save dialog opens: the last folder used, else the clips folder, else the nearest folder
        above it that exists (opening a dialog makes no folder: saving does, where the musician chose)."""
        last = Path(self.last_export_dir) if self.last_export_dir else None
        if last is not None and last.is_dir():
            return last
        folder = self.downloads()
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        return folder if folder.is_dir() else Path.home()


def _number(lo: float, hi: float) -> Any:
    def check(value: Any) -> tuple[Any, str]:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return None, f"{_shown(value)} is not a number"
        if not lo <= value <= hi:
            return None, f"{value:g} is outside {lo:g}\u2013{hi:g}"
        return float(value), ""
    return check


def _flag(value: Any) -> tuple[Any, str]:
    return (value, "") if isinstance(value, bool) else (None, f"{_shown(value)} is not true or false")


def _text(value: Any) -> tuple[Any, str]:
    return (value, "") if isinstance(value, str) else (None, f"{_shown(value)} is not text")


def _url(value: Any) -> tuple[Any, str]:
    if not isinstance(value, str):
        return None, f"{_shown(value)} is not text"
    if not is_http_url(value):
        return None, f"{_shown(value)} is not an http:// or https:// address"
    return value.strip(), ""


def _like(default: Any) -> Any:
    """The check for a setting with no entry in _CHECKS: the type of its default."""
    if isinstance(default, bool):
        return _flag
    if isinstance(default, (int, float)):
        return _number(-math.inf, math.inf)
    if isinstance(default, str):
        return _text

    def same_type(value: Any) -> tuple[Any, str]:
        ok = isinstance(value, type(default))
        return (value, "") if ok else (None, f"{_shown(value)} is not a {type(default).__name__}")
    return same_type


def _shown(value: Any) -> str:
    try:
        scalar = isinstance(value, (str, bool, int, float, type(None)))
        text = json.dumps(value) if scalar else f"a {type(value).__name__}"
    except ValueError:  # an int past the digit limit
        text = "a huge number"
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _one_of(*choices: Any) -> Any:
    def check(value: Any) -> tuple[Any, str]:
        ok = not isinstance(value, bool) and value in choices
        return (value, "") if ok else (None, f"{_shown(value)} is not one of {', '.join(map(_shown, choices))}")
    return check


def _language(value: Any) -> tuple[Any, str]:
    ok = isinstance(value, str) and re.fullmatch(r"([a-z]{2,3}(_[A-Z]{2})?)?", value) is not None
    return (value, "") if ok else (None, f"{_shown(value)} is not a language code like \"fr\"")


# type and range of every saved setting; a poll interval of 0 once meant ~23 polls a second per job
_CHECKS: dict[str, Any] = {
    "base_url": _url,
    "use_demo": _flag,
    "poll_interval": _number(0.2, 600.0),
    "poll_cap": _number(1.0, 3600.0),
    "poll_timeout_min": _number(1.0, 7 * 24 * 60.0),
    "download_dir": _text,
    "window_geometry": _text,
    "volume": _number(0.0, 1.0),
    "monthly_budget": _number(0, 10_000_000),
    "language": _language,
    "export_format": _one_of("", "wav16", "wav24", "flac"),
    "export_rate": _one_of(0, 44100, 48000),
    "appearance": _one_of("system", "light", "dark"),
}


class KeyStatus(enum.Enum):
    NONE = "none"                  # no key anywhere
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    FILE = "file"
    UNREADABLE = "unreadable"      # the keyring is there but would not answer (locked): not the same as no key


class KeyStore:
    """The key's one source of truth: the environment, else the key file if it exists, else the OS keyring.

    The file exists only when the keyring is absent or refused the last write: then it holds the key the
    musician entered last (empty when they cleared it), and wins over whatever the keyring still holds.
    A successful keyring write removes the file."""

    def __init__(self, config_dir: Path | None = None, use_keyring: bool | None = None, backend: Any = None):
        self.file = (config_dir or Dirs.config()) / "api-key"
        self._keyring = backend if backend is not None else (_usable_keyring() if use_keyring is not False else None)
        self.warning = ""
        self.status = KeyStatus.NONE

    @property
    def source(self) -> str:
        if os.environ.get(ENV_KEY, "").strip():
            return "environment"
        if self.file.exists() or self._keyring is None:
            return "file"
        return "keyring"

    def load(self) -> Secret:
        env = os.environ.get(ENV_KEY, "").strip()
        if env:
            self.status = KeyStatus.ENVIRONMENT
            return Secret(env)
        if self.file.exists() or self._keyring is None:
            secret = self._load_file()
            self.status = KeyStatus.FILE if secret else KeyStatus.NONE
            return secret
        try:
            value = self._keyring.get_password(KEYRING_SERVICE, "api-key")
        except Exception as exc:  # locked or broken: said in the window, never taken for "no key"
            log.warning("keyring unreadable (%s)", type(exc).__name__)
            self.status = KeyStatus.UNREADABLE
            return Secret()
        self.status = KeyStatus.KEYRING if value else KeyStatus.NONE
        return Secret(value or "")

    def _load_file(self) -> Secret:
        try:
            st = self.file.stat()
        except FileNotFoundError:
            return Secret()
        if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            self.warning = (f"The key file {self.file} can be read by other users "
                            f"(mode {stat.S_IMODE(st.st_mode):o}); it was made private again.")
            log.warning("key file mode was %o; tightened to 600", stat.S_IMODE(st.st_mode))
            try:
                os.chmod(self.file, 0o600)
            except OSError:
                pass
        try:
            return Secret(self.file.read_text("utf-8"))
        except OSError as exc:
            log.warning("key file unreadable: %s", type(exc).__name__)
            return Secret()

    def save(self, secret: Secret) -> None:
        if self._keyring is not None:
            try:
                if secret:
                    self._keyring.set_password(KEYRING_SERVICE, "api-key", secret.reveal())
                elif self._keyring.get_password(KEYRING_SERVICE, "api-key") is not None:
                    self._keyring.delete_password(KEYRING_SERVICE, "api-key")
                self.file.unlink(missing_ok=True)
                return
            except Exception as exc:
                log.warning("keyring refused the key (%s); the key file holds it from now on", type(exc).__name__)
                self.warning = ("The system keyring refused the key, so it is kept in a file only you can read "
                                f"({self.file}).")
                self._forget_in_keyring()
                # the file is written even for "no key": it then says "cleared", over a keyring entry that stayed
                self._write_file(secret)
                return
        if not secret:
            self.file.unlink(missing_ok=True)
            return
        self._write_file(secret)

    def _forget_in_keyring(self) -> None:
        if self._keyring is None:
            return
        try:
            self._keyring.delete_password(KEYRING_SERVICE, "api-key")
        except Exception as exc:   # the file, written next, wins over the entry that stays
            log.info("the old keyring entry stays (%s); the key file overrides it", type(exc).__name__)

    def _write_file(self, secret: Secret) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(".api-key.tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secret.reveal())
        os.replace(tmp, self.file)


def _usable_keyring():
    if os.environ.get("COVER_DESKTOP_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:
        return None
    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
            return None
        return keyring
    except Exception:
        return None
