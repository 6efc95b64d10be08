"""The command line as a user runs it: a real process, offscreen."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from cover_desktop import __version__
from cover_desktop.settings import Dirs


def _env():
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def test_version_and_help():
    out = subprocess.run([sys.executable, "-m", "cover_desktop", "--version"], capture_output=True, text=True,
                         env=_env(), timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"cover-desktop {__version__}"
    out = subprocess.run([sys.executable, "-m", "cover_desktop", "--help"], capture_output=True, text=True,
                         env=_env(), timeout=60)
    assert out.returncode == 0
    assert "--demo" in out.stdout and "--base-url" in out.stdout and "COVER_DESKTOP_BASE_URL" in out.stdout


def test_bad_flag_is_refused_with_usage():
    out = subprocess.run([sys.executable, "-m", "cover_desktop", "--nonsense"], capture_output=True, text=True,
                         env=_env(), timeout=60)
    assert out.returncode == 2 and "usage:" in out.stderr


@pytest.mark.slow
def test_demo_starts_and_quits_cleanly_on_sigterm():
    proc = subprocess.Popen([sys.executable, "-m", "cover_desktop", "--demo"], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = Dirs.logs() / "cover-desktop.log"
    deadline = time.monotonic() + 60
    while not (log.exists() and "started on http://127.0.0.1" in log.read_text()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    text = log.read_text()
    assert "(demo)" in text and "quit cleanly" in text
    assert "Traceback" not in err and "Task was destroyed" not in err and "Event loop stopped" not in err
