"""A damaged or hand-edited settings.json: every setting checked alone, the rest kept, the ignored named."""

from __future__ import annotations

import json

import pytest

from cover_desktop.jobs.model import JobState
from cover_desktop.settings import Settings
from helpers import fill, find, jobs, run, submit, until

pytestmark = pytest.mark.log_warnings(r"cover_desktop\.settings: (setting ignored|settings unreadable)")


def load(text: str) -> Settings:
    Settings.path().parent.mkdir(parents=True, exist_ok=True)
    Settings.path().write_text(text, "utf-8")
    return Settings.load()


@pytest.mark.parametrize("text", ["[]", "null", "3", '"x"', "{ not json", "", "[" * 100_000])
def test_not_settings_at_all_gives_defaults_and_says_so(text):
    s = load(text)
    assert s == Settings()
    assert len(s.ignored) == 1 and "default" in s.ignored[0] and str(Settings.path()) in s.ignored[0]


@pytest.mark.parametrize("field,value,words", [
    ("volume", "loud", '"loud" is not a number'),
    ("volume", 7, "outside 0\u20131"),
    ("poll_interval", 0, "outside"),
    ("poll_interval", -5, "outside"),
    ("poll_interval", "3", '"3" is not a number'),
    ("poll_interval", True, "true is not a number"),
    ("poll_interval", [3], "a list is not a number"),
    ("poll_timeout_min", 0, "outside"),
    ("use_demo", "yes", "not true or false"),
    ("use_demo", 1, "not true or false"),
    ("base_url", "ftp://example.org", "not an http:// or https:// address"),
    ("base_url", 42, "not text"),
    ("download_dir", {"a": 1}, "a dict is not text"),
])
def test_a_bad_setting_falls_back_alone(field, value, words):
    s = load(json.dumps({field: value, "volume" if field != "volume" else "poll_cap": 0.5 if field != "volume" else 40,
                         "unknown_key": [1]}))
    assert getattr(s, field) == getattr(Settings(), field)
    assert any(line.startswith(f"{field}: ") and words in line for line in s.ignored), s.ignored
    if field != "volume":
        assert s.volume == 0.5, "the good setting next to it is kept"
    assert s.extra == {"unknown_key": [1]}


def test_a_cap_below_the_interval_is_ignored():
    s = load(json.dumps({"poll_interval": 10, "poll_cap": 5}))
    assert s.poll_interval == 10 and s.poll_cap >= 10 and any("poll_cap" in line for line in s.ignored)


def test_good_settings_load_unchanged_and_ignored_is_never_saved():
    s = Settings(base_url="https://proxy.example", poll_interval=5.0, volume=0.3, use_demo=True)
    s.save()
    again = Settings.load()
    assert again == s and again.ignored == []
    assert "ignored" not in json.loads(Settings.path().read_text())


@pytest.mark.parametrize("text,said", [
    ("[]", "does not hold settings"),
    ("null", "does not hold settings"),
    ('{"volume": "loud", "poll_interval": 0.2}', 'volume: "loud" is not a number'),
    ('{"poll_interval": 0}', "poll_interval: 0 is outside"),
])
def test_a_damaged_settings_file_starts_on_defaults_and_the_window_says_which_setting(harness, aloop, text, said):
    # the app shows every startup note in the window (tests/reliability/test_startup_files.py proves it
    # with the real process); here: the notes, and a session that works on what was kept
    win = harness.window(argv=["--demo", "--demo-duration", "0"], saved=load(text))
    assert any(note.startswith("A setting was ignored: ") and said in note for note in win.rt.startup_notes), \
        win.rt.startup_notes
    # the interval the file gave, or the default, never 0 (which once meant about 23 checks a second)
    assert win.rt.service.scheduler.policy.interval == (0.2 if "0.2" in text else Settings().poll_interval)
    fill(win, "aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].task_id, what="the task id"))
    find(win, "pollNowAction").trigger()    # F5 rather than the default interval's wait
    run(aloop, until(lambda: jobs(win)[0].state is JobState.DONE, what="the demo job done"))
