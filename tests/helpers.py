"""Building a real window on a real runtime for the GUI tests."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtGui import QIcon

from cover_desktop.app import parse_args
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.runtime import Runtime
from cover_desktop.settings import KeyStore, Settings
from cover_desktop.ui.jobs_model import JobRole
from cover_desktop.ui.main_window import MainWindow

KEY = "aio_test_secret_key_4242"


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], timeout: float = 30) -> Any:
    """Run Qt's and asyncio's loop until ``coro`` is done."""
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


async def until(pred: Callable[[], Any], timeout: float = 10, what: str = "") -> Any:
    """Spin the loop until pred() is truthy; fail with ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what or pred}")
        await asyncio.sleep(0.02)


class Harness:
    def __init__(self, loop):
        self.loop = loop
        self.open: list[tuple[Runtime, MainWindow]] = []

    def window(self, base_url: str | None = None, argv: list[str] | None = None, **settings) -> MainWindow:
        settings.setdefault("poll_interval", 0.2)
        args = parse_args(argv if argv is not None else ["--base-url", base_url])
        rt = Runtime(args, Settings(**settings), KeyStore())
        run(self.loop, rt.start())
        win = MainWindow(rt, QIcon())
        win.show()
        self.open.append((rt, win))
        return win

    def close(self, win: MainWindow) -> None:
        for pair in list(self.open):
            if pair[1] is win:
                self.open.remove(pair)
                rt = pair[0]
                win.close()
                run(self.loop, win.aclose())
                run(self.loop, rt.aclose())
                # destroyed now, on this thread, rather than by a collector running somewhere else
                win.deleteLater()
                rt.deleteLater()
                run(self.loop, asyncio.sleep(0))
                gc.collect()

    def close_all(self) -> None:
        for _, win in list(self.open):
            self.close(win)


def find(win, name, kind=None):
    """A part of the window by its objectName (the automation contract)."""
    w = win if win.objectName() == name else win.findChild(kind or object, name)
    assert w is not None, name
    return w


def fill(win, audio_id, *, custom=False, prompt="", style="", title=""):
    find(win, "audioIdEdit").setText(audio_id)
    find(win, "customModeCheck").setChecked(custom)
    find(win, "promptEdit").setPlainText(prompt)
    find(win, "styleEdit").setText(style)
    find(win, "titleEdit").setText(title)


def submit(win) -> None:
    find(win, "submitButton").click()


def rows(win: MainWindow) -> list[str]:
    m = find(win, "jobsView").model()
    return [m.index(i).data() for i in range(m.rowCount())]


def jobs(win: MainWindow) -> list[Job]:
    m = find(win, "jobsView").model()
    return [m.index(i).data(JobRole) for i in range(m.rowCount())]


def finished_window(harness, demo, aloop, audio_id="aud1", win=None, **form):
    """A window whose newest job is done, with every clip's audio and cover saved."""
    win = win or harness.window(demo.api_url)
    find(win, "audioIdEdit").setText(audio_id)
    if form:
        find(win, "customModeCheck").setChecked(True)
        find(win, "promptEdit").setPlainText(form.get("prompt", "words"))
        find(win, "styleEdit").setText(form.get("style", ""))
        find(win, "titleEdit").setText(form.get("title", ""))
    before = len(jobs(win))
    submit(win)
    run(aloop, until(lambda: len(jobs(win)) > before and jobs(win)[0].state is JobState.DONE, what="completion"))
    run(aloop, until(lambda: all(c.audio_path and c.image_path for c in jobs(win)[0].clips)
                     and not win.rt.library.busy(), what="both clips saved"))
    return win
