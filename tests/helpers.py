"""What the tests share: driving the loop, a real window on a real runtime, jobs with clips on the demo media
host, and the seams that spare tests real waiting (a quick retry policy, a clock they can move)."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QMessageLogContext, QtMsgType
from PySide6.QtGui import QIcon

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.api.retry import RetryPolicy
from cover_desktop.app import parse_args
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.store import JobStore
from cover_desktop.runtime import Runtime
from cover_desktop.settings import KeyStore, Settings
from cover_desktop.ui.jobs_model import JobRole
from cover_desktop.ui.main_window import MainWindow

KEY = "aio_test_secret_key_4242"

# the app's retry schedule (tries, what is retried) with waits of milliseconds instead of seconds
FAST_RETRY = RetryPolicy(base=0.01, cap=0.05, jitter=0.0)


class ShiftedClock:
    """Real time plus an offset the test moves: wall and monotonic clocks jump together, as when time passes,
    so a 15-minute timeout is reached without waiting for it."""

    def __init__(self) -> None:
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


def media_clip(demo, clip_id: str, *, cover: bool = True) -> ClipRecord:
    """A clip whose audio (and cover) the demo media host serves."""
    return ClipRecord(Clip(clip_id, audio_url=f"{demo.media_url}/audio?item_id={clip_id}",
                           image_url=f"{demo.media_url}/image_{clip_id}.png" if cover else ""))


def done_job(demo, *clip_ids: str, task_id: str = "t1") -> Job:
    """A finished job whose clips are on the demo media host, nothing of them saved yet."""
    return Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id=task_id,
               clips=[media_clip(demo, c) for c in clip_ids])


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], timeout: float = 30) -> Any:
    """Run Qt's event loop, and with it the asyncio loop (which counts as running all along, see the ``aloop``
    fixture), until ``coro`` is done."""
    task = asyncio.ensure_future(asyncio.wait_for(coro, timeout), loop=loop)
    if not task.done():
        spin = QEventLoop()
        task.add_done_callback(lambda _: spin.quit())
        spin.exec()
    return task.result()


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


def qt_message_to_stderr(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    sys.stderr.write(f"qt: {message}\n")


def python_threads() -> dict[int, str]:
    """Every thread now running Python code, named: threading's own and Qt's (qasync's executor workers are
    QThreads, which threading does not list). Live means having a frame, so a dead thread's record is no leak."""
    known = {t.ident: t.name for t in threading.enumerate()}
    out = {}
    for ident, frame in sys._current_frames().items():
        stack = [fs for fs in traceback.extract_stack(frame) if fs.filename != threading.__file__] or \
            traceback.extract_stack(frame)
        # the frame a thread started in says what it is (serve_forever, a pool's _worker, qasync's run)
        start, now = (f"{Path(fs.filename).parent.name}/{Path(fs.filename).name}:{fs.lineno} {fs.name}"
                      for fs in (stack[0], stack[-1]))
        out[ident] = f"{known.get(ident, 'a QThread')} started in {start}, now in {now}"
    return out


def native_threads() -> dict[int, str]:
    """The process's threads by kernel id and name, Python's included."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                out[int(tid)] = f.read().strip()
        except OSError:     # ended meanwhile
            pass
    return out


# Qt's thread pool keeps idle threads for 30 s whoever started them; they run nothing of a test's
POOLED = "Thread (pooled)"


def thread_leaks(before_py: set[int], before_native: set[int]) -> list[str]:
    """The threads started since the two snapshots that still run, named."""
    py = {i: n for i, n in python_threads().items() if i not in before_py}
    native = {t: n for t, n in native_threads().items()
              if t not in before_native and n != POOLED and t != threading.get_native_id()}
    # a thread that runs Python is named above, with its stack
    python_tids = {t.native_id for t in threading.enumerate()}
    return sorted(py.values()) + sorted(f"native thread {n!r}" for t, n in native.items()
                                        if t not in python_tids and n not in ("python", "_QThreadWorker"))


async def settle(rounds: int = 20) -> None:
    """Let the loop run everything it has ready (woken tasks, queued callbacks) while no time passes: what a
    click or a signal sets off without waiting for I/O or a timer has happened by the end."""
    for _ in range(rounds):
        await asyncio.sleep(0)


async def grows(count: Callable[[], int], by: int, what: str, timeout: float = 10) -> None:
    """Wait until ``count()`` is ``by`` more than now: a witness that time went by in which something else,
    had it been going to happen, would have happened too (the next polls of another job, say)."""
    start = count()
    await until(lambda: count() >= start + by, timeout, what)


def on_disk(path: Path, job_id: int) -> Job | None:
    """The job as the history file holds it now (``path``: the folder of jobs.sqlite)."""
    db = JobStore(path / "jobs.sqlite")
    try:
        return db.get(job_id)
    finally:
        db.close()


class Harness:
    def __init__(self, loop):
        self.loop = loop
        self.open: list[tuple[Runtime, MainWindow]] = []
        self.retry_policy = FAST_RETRY      # the runtime's seams for the windows made from now on
        self.clock: ShiftedClock | None = None

    def window(self, base_url: str | None = None, argv: list[str] | None = None, *, saved: Settings | None = None,
               **settings) -> MainWindow:
        """A window on a started runtime: with the ``settings`` given (polling every 0.2 s unless they say),
        or with ``saved`` ones as ``Settings.load()`` read them, as at a start."""
        settings.setdefault("poll_interval", 0.2)
        args = parse_args(argv if argv is not None else ["--base-url", base_url])
        rt = Runtime(args, saved or Settings(**settings), KeyStore(), retry_policy=self.retry_policy,
                     clock=self.clock or time)
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


def app_env(tmp_path) -> dict[str, str]:
    """The environment for the real app in a subprocess: its own profile in ``tmp_path``, offscreen, keyed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COVER_DESKTOP_", "XDG_"))}
    env.update({f"XDG_{v}_HOME": str(tmp_path / v.lower()) for v in ("CONFIG", "DATA", "CACHE", "STATE")})
    env.update(QT_QPA_PLATFORM="offscreen", COVER_DESKTOP_NO_KEYRING="1", COVER_DESKTOP_API_KEY=KEY,
               HOME=str(tmp_path / "home"), PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    return env


def submit_matrix(win, aloop, audio_ids: str, title: str, styles: str) -> None:
    """Fill the form as a style matrix (custom mode, some words) and answer its question with Submit."""
    from PySide6.QtWidgets import QMessageBox
    find(win, "audioIdEdit").setText(audio_ids)
    find(win, "customModeCheck").setChecked(True)
    find(win, "promptEdit").setPlainText("words")
    find(win, "titleEdit").setText(title)
    find(win, "matrixCheck").setChecked(True)
    find(win, "stylesEdit").setPlainText(styles)
    submit(win)
    run(aloop, until(lambda: win.findChild(QMessageBox, "batchConfirm"), what="the matrix question")).button(
        QMessageBox.StandardButton.Ok).click()
