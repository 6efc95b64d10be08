"""The config: one owner of the settings, the key and the choice of server. In-process, no window."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from cover_desktop.config import Config, DemoReason, Overrides
from cover_desktop.jobs.scheduler import PauseReason
from cover_desktop.runtime import Runtime
from cover_desktop.settings import KeyStatus, KeyStore, Secret, Settings
from helpers import run


class Keyring:
    """A keyring backend with the keyring package's three calls; it can refuse writes or reads."""

    def __init__(self, value: str | None = None, *, refuse_writes: bool = False, locked: bool = False):
        self.value = value
        self.refuse_writes = refuse_writes
        self.locked = locked

    def get_password(self, service: str, user: str) -> str | None:
        if self.locked:
            raise RuntimeError("the keyring is locked")
        return self.value

    def set_password(self, service: str, user: str, value: str) -> None:
        if self.refuse_writes:
            raise RuntimeError("refused")
        self.value = value

    def delete_password(self, service: str, user: str) -> None:
        if self.refuse_writes:
            raise RuntimeError("refused")
        self.value = None


@pytest.mark.log_warnings(r"keyring refused the key")
def test_a_refused_keyring_write_never_leaves_the_old_key_in_use(tmp_path):
    ring = Keyring("aio_old_key", refuse_writes=True)
    store = KeyStore(tmp_path, backend=ring)
    assert store.load().reveal() == "aio_old_key" and store.status is KeyStatus.KEYRING
    store.save(Secret("aio_new_key"))
    assert ring.value == "aio_old_key", "the keyring kept its entry (it refuses everything)"
    assert store.load().reveal() == "aio_new_key", "the key entered last is the one used"
    assert "refused" in store.warning
    store.save(Secret(""))     # Clear key
    assert not store.load() and store.status is KeyStatus.NONE, "a cleared key stays cleared"


@pytest.mark.log_warnings(r"keyring refused the key")
def test_a_keyring_that_works_again_takes_over_from_the_file(tmp_path):
    ring = Keyring(refuse_writes=True)
    store = KeyStore(tmp_path, backend=ring)
    store.save(Secret("aio_first"))
    assert store.file.exists()
    ring.refuse_writes = False
    store.save(Secret("aio_second"))
    assert ring.value == "aio_second" and not store.file.exists()
    assert store.load().reveal() == "aio_second" and store.status is KeyStatus.KEYRING


def test_clearing_the_key_empties_the_keyring(tmp_path):
    ring = Keyring("aio_kept")
    store = KeyStore(tmp_path, backend=ring)
    store.save(Secret(""))
    assert ring.value is None and not store.load()


@pytest.mark.log_warnings(r"keyring unreadable")
def test_a_locked_keyring_is_not_no_key(tmp_path):
    store = KeyStore(tmp_path, backend=Keyring("aio_real", locked=True))
    assert not store.load() and store.status is KeyStatus.UNREADABLE
    config = Config(Settings(), store)
    server = config.server()
    assert not server.is_demo and server.base_url == "https://apiin.one", "the live history stays on show"


@pytest.mark.log_warnings(r"keyring unreadable")
def test_a_locked_keyring_at_start_says_so_and_keeps_the_live_history(tmp_path, aloop):
    rt = Runtime(SimpleNamespace(demo=False, base_url=None, demo_duration=0),
                 Settings(base_url="http://127.0.0.1:9"), KeyStore(tmp_path, backend=Keyring("aio_x", locked=True)))
    run(aloop, rt.start())
    try:
        assert not rt.is_demo and "keyring could not be read" in " ".join(rt.startup_notes)
        assert rt.service.paused and rt.service.pause_reason is PauseReason.KEY_UNREADABLE
    finally:
        run(aloop, rt.aclose())


@pytest.mark.parametrize(("overrides", "use_demo", "key", "reason"), [
    (Overrides(), False, "", DemoReason.NO_KEY),
    (Overrides(), False, "aio_k", DemoReason.NONE),
    (Overrides(), True, "aio_k", DemoReason.CHOSEN),
    (Overrides(demo=True), False, "aio_k", DemoReason.COMMAND_LINE),
    (Overrides(base_url="http://127.0.0.1:1"), True, "", DemoReason.NONE),
])
def test_the_server_and_why(tmp_path, overrides, use_demo, key, reason):
    store = KeyStore(tmp_path, use_keyring=False)
    store.save(Secret(key))
    server = Config(Settings(use_demo=use_demo), store, overrides).server()
    assert server.demo is reason


def test_changes_are_saved_once_and_named(private_dirs, tmp_path):
    config = Config(Settings(), KeyStore(tmp_path, use_keyring=False))
    heard: list[frozenset] = []
    config.changed.connect(heard.append)
    assert config.update(artist="A", poll_interval=3.0) == {"artist"}
    assert json.loads(Settings.path().read_text())["artist"] == "A"
    assert config.update(artist="A") == frozenset() and len(heard) == 1, "no change, no signal, no write"
    config.remember(volume=0.5)
    assert json.loads(Settings.path().read_text())["volume"] == 0.8, "passing state waits for the flush"
    config.flush()
    assert json.loads(Settings.path().read_text())["volume"] == 0.5
    with pytest.raises(ValueError):
        config.remember(base_url="https://elsewhere.example")
    with pytest.raises(ValueError):
        config.update(no_such_setting=1)


def test_a_refused_save_changes_nothing(private_dirs, tmp_path):
    config = Config(Settings(), KeyStore(tmp_path, use_keyring=False))
    Settings.path().mkdir(parents=True)     # a folder where the file should be: every write fails (even as root)
    with pytest.raises(OSError):
        config.update(artist="B")
    assert config.settings.artist == ""
