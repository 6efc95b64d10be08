"""Cold start: process launch to a painted main window, Cover Desktop (demo server) vs a bare PySide6
window, alternating runs in the same session. Prints both and the ratio; asserts nothing.

    python benchmarks/cold_start.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from common import ROOT, private_dirs

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1180, 760); w.show()
w.grab()
print("READY", flush=True)
"""

APP = r"""
import sys, qasync
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
async def main():
    from cover_desktop.app import Runtime, parse_args
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow
    rt = Runtime(parse_args(["--demo"]), Settings.load(), KeyStore())
    await rt.start()
    w = MainWindow(rt); w.show()
    w.grab()
    print("READY", flush=True)
    w.close(); await w.tasks.cancel_all(); await rt.aclose()
app.setQuitOnLastWindowClosed(False)
qasync.run(main())
"""


def once(code: str) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit("the program never became ready")
    proc.wait(30)
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    private_dirs()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    once(BARE), once(APP)  # warm the OS file cache for both
    bare, app = [], []
    for _ in range(runs):
        bare.append(once(BARE))
        app.append(once(APP))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window : median {b * 1000:.0f} ms  (runs {', '.join(f'{x * 1000:.0f}' for x in bare)})")
    print(f"Cover Desktop --demo: median {a * 1000:.0f} ms  (runs {', '.join(f'{x * 1000:.0f}' for x in app)})")
    print(f"ratio app / bare    : {a / b:.2f}")


if __name__ == "__main__":
    main()
