"""The window shows before the runtime has read the history (paint first), and fills once it has: nothing in
it may reach for a service that is not there yet, and a submit made in that moment is answered in words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from cover_desktop.api.models import CoverRequest
from cover_desktop.app import parse_args
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.store import JobStore
from cover_desktop.runtime import Runtime
from cover_desktop.settings import Dirs, KeyStore, Settings
from cover_desktop.ui.main_window import MainWindow
from helpers import app_env, fill, find, jobs, run, settle, submit, until

ROOT = Path(__file__).resolve().parents[2]


def _history(folder: Path, n: int) -> None:
    store = JobStore(folder / "jobs.sqlite")
    for i in range(n):
        store.add(Job(request=CoverRequest(f"old{i}"), state=JobState.FAILED, error="gone", task_id=f"t{i}"))
    store.close()


def test_a_window_made_before_the_start_waits_for_the_history_then_fills(harness, demo, keyed, aloop):
    _history(Dirs.data(), 3)
    rt = Runtime(parse_args(["--base-url", demo.api_url]), Settings(poll_interval=0.2), KeyStore(),
                 retry_policy=harness.retry_policy)
    win = MainWindow(rt, QIcon())
    harness.open.append((rt, win))
    win.show()
    run(aloop, settle())
    assert not rt.started and jobs(win) == []
    assert "Reading the job history" in find(win, "statusMessage").text()
    # what the menus and the form can do before the history is there: nothing breaks, nothing is sent
    for name in ("pollNowAction", "pauseAction"):
        win.menu_actions[name].trigger()
    assert not win.pause_action.isChecked()
    fill(win, "aud-early")
    submit(win)
    run(aloop, settle())
    assert "Still reading the job history" in find(win, "statusMessage").text()
    assert demo.submits == 0 and find(win, "audioIdEdit").text() == "aud-early", "the form keeps what was typed"

    run(aloop, rt.start(defer=True))
    run(aloop, until(lambda: len(jobs(win)) == 3, what="the history listed"))
    submit(win)
    run(aloop, until(lambda: len(jobs(win)) == 4 and jobs(win)[0].request.audio_id == "aud-early"
                     and demo.submits == 1, what="the submit after the start"))


FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

seen = {}

def state(win):
    loaded = [m for m in ("httpx", "mutagen", "soundfile") if m in sys.modules]
    return {"started": win.rt.started, "jobs": win.jobs_pane.model.rowCount(), "loaded": loaded}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if "paint" not in seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            seen["paint"] = state(obj)
            def later():
                if obj.rt.started and obj.jobs_pane.model.rowCount():
                    seen["later"] = state(obj)
                    obj.close()
                else:
                    QTimer.singleShot(50, later)
            QTimer.singleShot(50, later)
        return False

class App(QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.watch = Watch()
        self.installEventFilter(self.watch)

import cover_desktop.app as cover_app
cover_app.QApplication = App
code = cover_app.main(sys.argv[1:])
print("SEEN " + json.dumps(seen), flush=True)
sys.exit(code)
"""


@pytest.mark.slow
def test_the_app_paints_its_window_before_it_reads_the_history_or_loads_what_it_needs_later(tmp_path):
    env = app_env(tmp_path)
    (tmp_path / "data" / "cover-desktop").mkdir(parents=True)
    _history(tmp_path / "data" / "cover-desktop", 5)
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, "--base-url", "http://127.0.0.1:9"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("SEEN ")), "")
    assert out.returncode == 0 and line, out.stdout[-2000:] + out.stderr[-2000:]
    seen = json.loads(line[5:])
    assert seen["paint"] == {"started": False, "jobs": 0, "loaded": []}, \
        "the first paint comes before the history is read, and before the HTTP clients' and the export's code"
    assert seen["later"] == {"started": True, "jobs": 5, "loaded": ["httpx"]}, \
        "then the window lists the history; tags and audio files wait for an export"
