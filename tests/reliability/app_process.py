"""The real app as a process of its own, on a private profile: start it, read its log, stop it.

Used by the tests that are about the process itself (one copy per profile, a start on damaged files, a
SIGKILL at any point); everything else drives the app inside the test process.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

APP_ID = "cover-desktop"


class Profile:
    """XDG folders under ``root``, as a user's profile would be."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("COVER_DESKTOP_API_KEY", "COVER_DESKTOP_BASE_URL")}
        for var in ("CONFIG", "DATA", "CACHE", "STATE"):
            self.env[f"XDG_{var}_HOME"] = str(root / var.lower())
        self.env.update(HOME=str(root / "home"), QT_QPA_PLATFORM="offscreen", COVER_DESKTOP_NO_KEYRING="1",
                        PYTHONDONTWRITEBYTECODE="1")
        self._outputs = 0

    @property
    def data(self) -> Path:
        return self.root / "data" / APP_ID

    @property
    def config(self) -> Path:
        return self.root / "config" / APP_ID

    def write_settings(self, text: str) -> None:
        self.config.mkdir(parents=True, exist_ok=True)
        (self.config / "settings.json").write_text(text, "utf-8")

    def start(self, *args: str, module: Sequence[str] = ("-m", "cover_desktop"),
              env: dict[str, str] | None = None, prefix: Sequence[str] = ()) -> App:
        """``python -m cover_desktop *args`` (or ``module``), run through ``prefix`` (see ``unprivileged``).

        Each process logs to a file of its own (its own XDG_STATE_HOME), so a test can tell whose line is whose.
        """
        self._outputs += 1
        out = self.root / f"app-{self._outputs}.out"
        state = self.root / f"state-{self._outputs}"
        with open(out, "wb") as sink:
            proc = subprocess.Popen([*prefix, sys.executable, *module, *args],
                                    env={**self.env, "XDG_STATE_HOME": str(state), **(env or {})},
                                    stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        return App(self, proc, out, state / APP_ID / "log" / "cover-desktop.log")


def unprivileged() -> list[str] | None:
    """A command prefix under which file permissions apply to this user: none needed for an ordinary user;
    for root, ``setpriv`` without the capabilities that override them. None when there is no such way."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


def can_write(folder: Path, prefix: Sequence[str]) -> bool:
    """Whether a process started with ``prefix`` can create a file in ``folder``."""
    probe = f"open({str(folder / 'probe')!r}, 'w').close()"
    done = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True, timeout=30, check=False)
    (folder / "probe").unlink(missing_ok=True)
    return done.returncode == 0


class App:
    def __init__(self, profile: Profile, proc: subprocess.Popen[bytes], out: Path, log_file: Path):
        self.profile = profile
        self.proc = proc
        self.out = out
        self.log_file = log_file

    @property
    def pid(self) -> int:
        return self.proc.pid

    def output(self) -> str:
        return self.out.read_text("utf-8", "replace")

    def log(self) -> str:
        try:
            return self.log_file.read_text("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def wait_output(self, text: str, timeout: float = 30.0) -> None:
        """Wait until the process has printed ``text``."""
        end = time.monotonic() + timeout
        while text not in self.output():
            if self.proc.poll() is not None or time.monotonic() > end:
                raise AssertionError(f"no {text!r} from the process ({self.proc.poll()}):\n{self.output()[-2000:]}\n"
                                     f"{self.log()[-3000:]}")
            time.sleep(0.02)

    def wait_log(self, pattern: str, timeout: float = 30.0, count: int = 1) -> str:
        """Wait until this process's log matches ``pattern`` ``count`` times; the last match."""
        end = time.monotonic() + timeout
        while True:
            found = re.findall(pattern, self.log(), re.MULTILINE)
            if len(found) >= count:
                return str(found[-1])
            if self.proc.poll() is not None:
                raise AssertionError(f"the app ended ({self.proc.returncode}) before its log said {pattern!r}:\n"
                                     f"{self.log()[-3000:]}\n{self.output()[-2000:]}")
            if time.monotonic() > end:
                raise AssertionError(f"no {pattern!r} in the log within {timeout:g} s:\n{self.log()[-3000:]}")
            time.sleep(0.05)

    def wait(self, timeout: float = 60.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"the app did not end within {timeout:g} s:\n{self.log()[-3000:]}") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self, timeout: float = 20.0) -> int:
        """As a session logout or ``kill``: SIGTERM, which the app takes as a request to quit."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.wait(timeout)

    def peak_rss_kb(self) -> int:
        """The most memory the process has held so far (VmHWM), in KB; 0 once it has ended."""
        try:
            text = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0
        m = re.search(r"^VmHWM:\s+(\d+) kB", text, re.MULTILINE)
        return int(m.group(1)) if m else 0
