"""One copy per profile, proven with real processes: a second launch hands its ids to the first and exits
0; a copy that died by SIGKILL leaves a lock that does not block the next start.

Two copies on one profile once downloaded every clip into the same file (a false "could not write" error,
or a saved file with a run of zeros in it); these tests start the app as a user would, twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from app_process import Profile

from cover_desktop.single import InstanceGuard

STARTED = r"INFO cover_desktop\.runtime: started on "
HANDED = r"INFO cover_desktop\.app: handed (\d+) argument\(s\) to the running copy"
RECEIVED = r"INFO cover_desktop\.single: another launch handed over: (.*)$"


@pytest.mark.slow
def test_a_second_launch_hands_its_id_to_the_first_and_exits_0(tmp_path):
    profile = Profile(tmp_path / "profile")
    first = profile.start("--demo")
    try:
        first.wait_log(STARTED)
        second = profile.start("--demo", "aud-from-the-second")
        assert second.wait(30) == 0, second.output()
        assert second.wait_log(HANDED) == "1"
        assert "aud-from-the-second" in first.wait_log(RECEIVED)
        assert "started on" not in second.log(), "the second never started a runtime of its own"
        assert first.proc.poll() is None, "the first copy runs on"
        # a launch with nothing to hand over only asks the first to show its window
        third = profile.start()
        assert third.wait(30) == 0
        first.wait_log(RECEIVED, count=2)
        assert first.stop() == 0
    finally:
        first.kill()
    assert "quit cleanly" in first.log()


@pytest.mark.slow
def test_the_lock_of_a_copy_killed_by_sigkill_does_not_block_the_next_start(tmp_path):
    profile = Profile(tmp_path / "profile")
    first = profile.start("--demo")
    try:
        first.wait_log(STARTED)
    finally:
        first.kill()
    assert first.proc.returncode == -signal.SIGKILL
    assert (profile.data / "instance.lock").exists(), "the dead copy's lock is left behind"
    second = profile.start("--demo")
    try:
        second.wait_log(STARTED)
        # and the new copy is the one that answers later launches (the dead one's socket is gone)
        third = profile.start("--demo", "aud-after-the-crash")
        assert third.wait(30) == 0, third.output()
        assert "aud-after-the-crash" in second.wait_log(RECEIVED)
        assert second.stop() == 0
    finally:
        second.kill()


@pytest.mark.slow
def test_a_first_copy_that_hangs_is_not_joined_by_a_second(tmp_path):
    profile = Profile(tmp_path / "profile")
    first = profile.start("--demo")
    try:
        first.wait_log(STARTED)
        os.kill(first.pid, signal.SIGSTOP)
        try:
            second = profile.start("--demo", "aud1")
            assert second.wait(30) == 1
            assert "already running on this profile but does not answer" in second.output()
        finally:
            os.kill(first.pid, signal.SIGCONT)
        assert "started on" not in second.log(), "no second copy ran on the profile"
        assert first.stop() == 0
    finally:
        first.kill()


def test_ids_handed_over_while_the_first_copy_is_still_starting_are_kept_for_its_window(qapp, tmp_path):
    # the first copy listens from its first moment, but its window connects only once the history is read
    profile = tmp_path / "profile"
    guard = InstanceGuard(profile)
    assert guard.acquire()
    try:
        # a second launch is another process (a thread here would hold the GIL in its blocking waits)
        sender = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from PySide6.QtCore import QCoreApplication
            from cover_desktop.single import InstanceGuard
            app = QCoreApplication([])
            sys.exit(0 if InstanceGuard.hand_over(Path({str(profile)!r}), ["aud1", "--raise"]) else 3)
        """)])
        deadline = time.monotonic() + 20
        while sender.poll() is None and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.01)
        assert sender.wait(5) == 0, "the first copy answered"
        got: list[list[str]] = []
        guard.received.connect(got.append)
        while not got and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.01)
        assert got == [["aud1", "--raise"]]
    finally:
        guard.release()
