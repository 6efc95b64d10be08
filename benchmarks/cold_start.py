"""Cold start: process launch to the first paint of the main window, for a bare PySide6 window and for the
real app (``cover_desktop.app.main(["--demo"])``, as the launcher runs it) on an empty profile and on
profiles holding 10,000 and 100,000 clips. Runs alternate in the same session; a paint event on the main window is the
finish line for both. Prints the medians and ratios; asserts nothing.

    python benchmarks/cold_start.py [runs] [--imports]

``--imports`` also lists the biggest imports done before the first paint (``python -X importtime``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, child_env, make_store, private_dirs, report

# the finish lines: the first paint event a QMainWindow receives (READY); then, for the app, the first paint
# once its panes are bound to the runtime, the history listed (LISTED: the same moment where the window is
# built after the runtime has started); then a clean quit, as from the window
HOOK = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def bound(win):
    rt = getattr(win, "rt", None)
    return rt is None or rt.started

class FirstPaint(QObject):
    seen = False
    listed = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            if not self.seen:
                self.seen = True
                print("READY", flush=True)
                os.write(2, b"READY-MARK\n")   # where -X importtime writes, wherever the app points it
            if not self.listed and bound(obj):
                self.listed = True
                print("LISTED", flush=True)
                QTimer.singleShot(0, obj.close)
            elif not self.listed:
                obj.rt.ready.connect(obj.update)   # the window painted before the runtime: paint once it binds
        return False

class HookedApp(QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.first_paint = FirstPaint()
        self.installEventFilter(self.first_paint)
"""

BARE = HOOK + r"""
from PySide6.QtWidgets import QLabel
app = HookedApp(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1180, 760); w.show()
app.exec()
"""

APP = HOOK + r"""
import cover_desktop.app as cover_app
cover_app.QApplication = HookedApp
sys.exit(cover_app.main(["--demo"]))
"""


def once(code: str, env: dict[str, str], importtime: bool = False) -> tuple[float, str, float]:
    """Seconds from launch to the first paint, what ``-X importtime`` wrote (with ``importtime``: to stderr,
    and after the app sends native stderr to its log folder, to native.log there), and seconds from launch to
    the first paint with the history listed."""
    native = Path(env["XDG_STATE_HOME"]) / "cover-desktop" / "log" / "native.log"
    native.unlink(missing_ok=True)
    args = [sys.executable, *(["-X", "importtime"] if importtime else []), "-c", code]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE if importtime else subprocess.DEVNULL,
                            text=True, cwd=ROOT, env=env)
    assert proc.stdout is not None
    elapsed = listed = float("nan")
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
        if line.startswith("LISTED"):
            listed = time.perf_counter() - start
            break
    _, err = proc.communicate(timeout=60)
    if elapsed != elapsed or listed != listed:
        raise SystemExit(f"the program never painted its window (exit {proc.returncode})")
    return elapsed, (err or "") + (native.read_text(errors="replace") if native.exists() else ""), listed


def biggest_imports(err: str, bare_err: str, top: int = 14) -> None:
    """Modules imported before the first paint that the bare window does not import, by cumulative time
    (importtime's own overhead inflates them all: compare them with each other)."""
    def parse(text: str) -> dict[str, tuple[int, int, int]]:
        out = {}
        for line in text.split("READY-MARK")[0].splitlines():
            if line.startswith("import time:") and "|" in line and "self [us]" not in line:
                own, total, name = line[12:].split("|")
                out[name.strip()] = (int(own), int(total), len(name) - len(name.lstrip()))
        return out

    app, bare = parse(err), parse(bare_err)
    extra = {k: v for k, v in app.items() if k not in bare}
    print(f"  modules imported before the first paint: app {len(app)}, bare window {len(bare)}")
    print(f"  time in the app's extra imports (top level of each chain): "
          f"{sum(v[1] for v in extra.values() if v[2] == min(x[2] for x in extra.values())) / 1000:.0f} ms")
    for name, (own, total, _) in sorted(extra.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"    {total / 1000:6.1f} ms  (own {own / 1000:5.1f})  {name}")


def main() -> None:
    argv = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(argv[0]) if argv else 7
    tmp = Path(private_dirs())
    empty_env = child_env()
    big_env = child_env(**{f"XDG_{v}_HOME": str(tmp / "big" / v.lower()) for v in ("CONFIG", "DATA", "CACHE", "STATE")})
    make_store(Path(big_env["XDG_DATA_HOME"]) / "cover-desktop" / "demo" / "jobs.sqlite", 10_000, tmp / "media")
    huge_env = child_env(**{f"XDG_{v}_HOME": str(tmp / "huge" / v.lower())
                            for v in ("CONFIG", "DATA", "CACHE", "STATE")})
    make_store(Path(huge_env["XDG_DATA_HOME"]) / "cover-desktop" / "demo" / "jobs.sqlite", 100_000, tmp / "media",
               varied=True)

    for code, env in ((BARE, empty_env), (APP, empty_env), (APP, big_env), (APP, huge_env)):
        once(code, env)   # warm the OS file cache and write the bytecode caches
    bare, app, big, huge, big_listed, huge_listed = [], [], [], [], [], []
    for _ in range(runs):
        bare.append(once(BARE, empty_env)[0])
        app.append(once(APP, empty_env)[0])
        first, _, listed = once(APP, big_env)
        big.append(first)
        big_listed.append(listed)
        first, _, listed = once(APP, huge_env)
        huge.append(first)
        huge_listed.append(listed)
    b, a, g, h, gl, hl = (statistics.median(x) * 1000 for x in (bare, app, big, huge, big_listed, huge_listed))

    def runs_of(xs: list[float]) -> str:
        return ", ".join(f"{x * 1000:.0f}" for x in xs)

    print(f"bare PySide6 window        : median {b:.0f} ms  (runs {runs_of(bare)})")
    print(f"Cover Desktop, empty       : median {a:.0f} ms  (runs {runs_of(app)})  ratio {a / b:.2f}")
    print(f"Cover Desktop, 10,000 clips: median {g:.0f} ms  (runs {runs_of(big)})  ratio {g / b:.2f}")
    print(f"Cover Desktop, 100,000 clips: median {h:.0f} ms  (runs {runs_of(huge)})  ratio {h / b:.2f}")
    print(f"  the same, history listed : 10,000 clips {gl:.0f} ms ({runs_of(big_listed)}), "
          f"100,000 clips {hl:.0f} ms ({runs_of(huge_listed)})")
    report("cold start to first paint, empty profile", a, "ms", baseline=b, baseline_name="bare PySide6 window",
           goal="ratio <= 1.5")
    report("cold start to first paint, 10,000 clips", g, "ms", baseline=b, baseline_name="bare PySide6 window",
           goal="ratio <= 2")
    report("cold start to first paint, 100,000 clips", h, "ms", baseline=b, baseline_name="bare PySide6 window",
           goal="ratio <= 1.8")
    report("cold start to the history listed, 10,000 clips", gl, "ms", baseline=b,
           baseline_name="bare PySide6 window")
    report("cold start to the history listed, 100,000 clips", hl, "ms", baseline=b,
           baseline_name="bare PySide6 window")
    if "--imports" in sys.argv:
        _, bare_err, _ = once(BARE, empty_env, importtime=True)
        _, app_err, _ = once(APP, empty_env, importtime=True)
        biggest_imports(app_err, bare_err)


if __name__ == "__main__":
    main()
