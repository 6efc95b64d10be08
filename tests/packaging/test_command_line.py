"""What the command line tells a user who is stuck: --help with the environment and the folders, the man page made
from it, a plain reason when there is no display, and what --smoke-test did."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from cover_desktop.app import build_parser
from cover_desktop.resources.manpage import render
from cover_desktop.settings import Dirs
from cover_desktop.startup import EXIT_CANNOT_START, why_qt_stopped
from cover_desktop.ui.drops import from_arguments
from cover_desktop.usage import ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]


def app(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cover_desktop", *args], capture_output=True, text=True,
                          env=env if env is not None else {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=timeout, check=False)


def variables_the_code_reads() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "cover_desktop").rglob("*.py"):
        text = path.read_text("utf-8")
        found |= set(re.findall(r"""environ(?:\.get)?[\[(]\s*["'](COVER_DESKTOP_[A-Z_]+)["']""", text))
        found |= set(re.findall(r"""^(?:ENV_[A-Z_]+)\s*=\s*["'](COVER_DESKTOP_[A-Z_]+)["']""", text, re.MULTILINE))
    return found


def test_help_lists_every_variable_the_app_reads_and_where_log_and_data_live():
    run = app("--help")
    assert run.returncode == 0
    names = variables_the_code_reads()
    assert {"COVER_DESKTOP_API_KEY", "COVER_DESKTOP_BASE_URL", "COVER_DESKTOP_LANGUAGE"} <= names
    for name in names | {"QT_QPA_PLATFORM", "XDG_STATE_HOME"}:
        assert name in run.stdout, name
    home = os.path.expanduser("~")
    for folder in (Dirs.logs(), Dirs.data(), Dirs.config()):
        shown = str(folder).replace(home, "~", 1) if str(folder).startswith(home + os.sep) else str(folder)
        assert shown in run.stdout, shown
    assert "cover-desktop.log" in run.stdout and "native.log" in run.stdout


def test_the_man_page_says_what_help_says():
    page = render()
    assert page.startswith(".TH COVER-DESKTOP 1 ")
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ENVIRONMENT", "FILES", "EXIT STATUS"):
        assert f"\n.SH {section}\n" in page, section
    for action in build_parser()._actions:
        for option in action.option_strings:
            assert option.replace("-", "\\-") in page, option
    for name, _ in ENVIRONMENT:
        assert name.replace("-", "\\-") in page, name
    assert "$XDG_STATE_HOME/cover\\-desktop/log" in page


def test_the_man_page_renders_without_warnings(tmp_path):
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    (tmp_path / "cover-desktop.1").write_text(render(), "utf-8")
    run = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(tmp_path / "cover-desktop.1")],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0 and run.stderr == "", run.stderr


@pytest.mark.slow
def test_without_a_display_it_says_so_in_two_lines_and_exits_1(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = app(env=env)
    assert run.returncode == EXIT_CANNOT_START, (run.returncode, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2, run.stderr
    assert lines[0] == "cover-desktop: cannot open a window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)."
    assert "QT_QPA_PLATFORM=offscreen" in lines[1]
    log = (Dirs.logs() / "cover-desktop.log").read_text()
    assert "could not connect to display" in log and "cannot open a window" in log


@pytest.mark.slow
def test_a_display_that_does_not_answer_is_named():
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = app(env={**env, "DISPLAY": ":4711"})
    assert run.returncode == EXIT_CANNOT_START
    assert run.stderr.startswith("cover-desktop: cannot open a window: the display :4711 does not answer.")


def test_other_fatal_messages_are_said_plainly():
    lines = why_qt_stopped("This application failed to start because no Qt platform plugin could be initialized.",
                           ['Could not load the Qt platform plugin "xcb" in "" even though it was found.'], env={})
    assert "platform plugin" in lines[0] and "libxcb-cursor0" in lines[1]
    assert why_qt_stopped("QThread: Destroyed while thread is still running\nmore", [], env={}) == [
        "cover-desktop: Qt stopped: QThread: Destroyed while thread is still running"]


def test_an_unwritable_log_folder_is_said_plainly(tmp_path):
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    run = app(env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(blocker)})
    assert run.returncode == EXIT_CANNOT_START
    assert run.stderr.startswith(f"cover-desktop: cannot write its log in {blocker}/cover-desktop/log: ")
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_smoke_test_prints_what_it_did():
    run = app("--smoke-test", "--demo-duration", "1", timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    steps = run.stdout.splitlines()
    assert steps[0] == "smoke test: window shown (offscreen platform)"
    assert steps[1].startswith("smoke test: submitting demo job for audio id demo-smoke-test to http://127.0.0.1:")
    assert re.fullmatch(r"smoke test: submitted as job \S+; waiting up to 60 s for it to complete", steps[2])
    assert re.fullmatch(r"smoke test: job \S+ complete with \d+ clips", steps[3])


def test_a_file_dropped_on_the_launcher_arrives_as_a_file_url_and_its_ids_are_read(tmp_path):
    listing = tmp_path / "my ids.txt"
    listing.write_text("aud-one\naud-two\n")
    url = QUrl.fromLocalFile(str(listing)).toString(QUrl.ComponentFormattingOption.FullyEncoded)   # as %U gives it
    assert url.startswith("file:///") and "%20" in url
    dropped = from_arguments([url, "https://suno.com/song/3f2a1b4c-1111-2222-3333-444455556666"])
    assert dropped.problem == ""
    assert dropped.text.split() == ["aud-one", "aud-two", "https://suno.com/song/3f2a1b4c-1111-2222-3333-444455556666"]
    (tmp_path / "a.mp3").write_bytes(b"ID3")
    assert "is not a text file" in from_arguments([QUrl.fromLocalFile(str(tmp_path / "a.mp3")).toString()]).problem
