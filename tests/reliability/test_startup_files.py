"""The app starts whatever state its files are in, proven with the real process and ``--smoke-test`` (it
submits one demo job and exits 0 once the job completes): a damaged job history is moved aside and kept, a
damaged settings file gives defaults and says which setting was ignored, a folder that cannot be written
gives a history kept in memory."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest
from app_process import Profile, can_write, unprivileged

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.model import Job
from cover_desktop.jobs.store import JobStore

pytestmark = pytest.mark.slow

SMOKE = ("--smoke-test", "--demo-duration", "0")
COMPLETE = r"smoke test: job \w+ complete with 2 clips"
FAST_POLLS = '{"poll_interval": 0.2}'


def demo_history(profile: Profile) -> Path:
    return profile.data / "demo" / "jobs.sqlite"


def smoke(profile: Profile, prefix: list[str] | None = None) -> str:
    app = profile.start(*SMOKE, prefix=prefix or [])
    assert app.wait(60) == 0, f"{app.log()[-3000:]}\n{app.output()[-2000:]}"
    log = app.log()
    assert re.search(COMPLETE, log), log[-3000:]
    assert "quit cleanly" in log
    return log


def sound(path: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT task_id, state FROM jobs").fetchall()
    finally:
        db.close()


def truncated_history(folder: Path) -> bytes:
    """The first half and a bit of a real history of 300 jobs, as a disk that filled up mid-copy leaves it."""
    path = folder / "whole.sqlite"
    store = JobStore(path)
    for i in range(300):
        store.add(Job(request=CoverRequest(f"aud{i}", True, "words " * 40, "folk", f"title {i}"),
                      task_id=f"upl{i:012d}"))
    store.close()
    whole = path.read_bytes()
    assert len(whole) > 16 * 4096
    return whole[: len(whole) // 2 + 1000]


@pytest.mark.parametrize("damage", ["random bytes", "truncated database", "empty header"])
def test_a_damaged_job_history_is_kept_aside_and_a_new_one_started(tmp_path, damage):
    profile = Profile(tmp_path / "profile")
    profile.write_settings(FAST_POLLS)
    path = demo_history(profile)
    path.parent.mkdir(parents=True)
    if damage == "random bytes":
        bad = random.Random(8).randbytes(64 * 1024)
    elif damage == "truncated database":
        bad = truncated_history(tmp_path)
    else:
        bad = b"SQLite format 3\x00" + b"\x00" * 84
    path.write_bytes(bad)

    log = smoke(profile)

    assert f"job history {path} is damaged" in log, "the log names the file"
    # (SQLite's own -wal/-shm files, made by reading it, go aside with it)
    kept = [p for p in path.parent.glob("jobs.sqlite.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert [p.read_bytes() for p in kept] == [bad], "the damaged file is kept, untouched, beside the new one"
    assert "shown to the user: The job history could not be read" in log and str(kept[0]) in log, \
        "the user is told where it went"
    assert [state for _, state in sound(path)] == ["done"], "the new history holds this session's job"


def test_a_damaged_settings_file_gives_defaults_and_the_window_says_which_setting(tmp_path):
    # each kind of damage is tried in-process (test_settings_file.py); this is the real app showing the note
    profile = Profile(tmp_path / "profile")
    profile.write_settings('{"volume": "loud", "poll_interval": 0.2}')
    log = smoke(profile)
    assert re.search(r'shown to the user: A setting was ignored: volume: "loud" is not a number', log), log[-3000:]


@pytest.mark.parametrize("folder", ["data home", "profile", "demo history"])
def test_a_data_folder_that_cannot_be_written_keeps_the_session_in_memory(tmp_path, folder):
    prefix = unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: folder permissions cannot be made to apply")
    profile = Profile(tmp_path / "profile")
    profile.write_settings(FAST_POLLS)
    locked = {"data home": profile.data.parent, "profile": profile.data, "demo history": profile.data / "demo"}[folder]
    locked.mkdir(parents=True)
    locked.chmod(0o500)
    try:
        if can_write(locked, prefix):
            pytest.skip("this user can write into a read-only folder")
        log = smoke(profile, prefix)
    finally:
        locked.chmod(0o700)
    assert "keeping this session's jobs in memory" in log
    assert "shown to the user: The job history in" in log and "cannot be written" in log
    assert not demo_history(profile).exists()
