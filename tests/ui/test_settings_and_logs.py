"""Settings, the key's storage and file mode, and a log that never holds the key."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from cover_desktop.jobs.model import JobState
from cover_desktop.logsetup import REDACT, setup_logging
from cover_desktop.settings import Dirs, KeyStore, Secret, Settings
from helpers import KEY, find, jobs, run, submit, until


def test_key_file_is_private_and_round_trips(tmp_path):
    ks = KeyStore(tmp_path, use_keyring=False)
    ks.save(Secret("aio_abc123"))
    assert stat.S_IMODE(ks.file.stat().st_mode) == 0o600
    assert ks.load() == Secret("aio_abc123") and ks.warning == ""
    ks.save(Secret(""))
    assert not ks.file.exists() and not ks.load()


@pytest.mark.log_warnings(r"settings: key file mode was 644")
def test_a_readable_key_file_is_reported_and_tightened(tmp_path):
    ks = KeyStore(tmp_path, use_keyring=False)
    ks.save(Secret("aio_abc123"))
    os.chmod(ks.file, 0o644)
    assert ks.load().reveal() == "aio_abc123"
    assert "can be read by other users" in ks.warning and "644" in ks.warning
    assert stat.S_IMODE(ks.file.stat().st_mode) == 0o600


def test_environment_key_wins(tmp_path, monkeypatch):
    ks = KeyStore(tmp_path, use_keyring=False)
    ks.save(Secret("aio_from_file"))
    monkeypatch.setenv("COVER_DESKTOP_API_KEY", " aio_from_env ")
    assert ks.load().reveal() == "aio_from_env" and ks.source == "environment"


def test_secret_never_shows_itself():
    s = Secret("aio_supersecret")
    assert "supersecret" not in repr(s) and "supersecret" not in str(s) and "supersecret" not in f"{s}"
    assert "supersecret" not in repr(Settings())


@pytest.mark.log_warnings(r"settings: settings unreadable")
def test_settings_round_trip_keeps_unknown_keys(private_dirs):
    s = Settings(base_url="https://proxy.example", poll_interval=5.0)
    s.extra = {"from_a_newer_version": 1}
    s.save()
    again = Settings.load()
    assert again.base_url == "https://proxy.example" and again.poll_interval == 5.0
    assert again.extra == {"from_a_newer_version": 1}
    Settings.path().write_text("{ not json")
    assert Settings.load() == Settings()


@pytest.mark.log_warnings(r"^probe: header was Bearer \*\*\*", r"status failed \(try 1/1\): server_error")
def test_log_file_never_holds_the_key(harness, demo, keyed, aloop, tmp_path):
    path = setup_logging(tmp_path / "logs")
    try:
        win = harness.window(demo.api_url)
        demo.inject("500", path_contains="status")
        find(win, "audioIdEdit").setText("aud1")
        submit(win)
        run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE))
        logging.getLogger("probe").warning("header was Bearer %s and key %s", KEY, KEY)
        for h in logging.getLogger().handlers:
            h.flush()
        text = path.read_text()
        assert "POST /api/v1/audio/music/upload-cover/generate -> 200" in text
        assert "header was Bearer *** and key" in text
        assert KEY not in text and KEY[4:] not in text
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "_cover_desktop", False):
                root.removeHandler(h)
                h.close()


def test_redaction_catches_keys_it_was_never_told_about():
    assert REDACT.scrub("key aio_Zz9_-xy in text") == "key aio_*** in text"


def test_log_dir_follows_xdg(private_dirs):
    assert str(Dirs.logs()).startswith(str(private_dirs / "state"))
