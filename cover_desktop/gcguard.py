"""Run Python's cycle collector on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: a worker of the job store,
a to_thread() download write, a demo-server thread. When a cycle it frees holds a Qt object, that
object's C++ destructor then runs in the wrong thread ("QObject::~QObject: Timers cannot be stopped
from another thread", and with a media player, a crash). So automatic collection is switched off and a
timer on the GUI thread collects instead, with the same generation thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGC(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gc.collect(2 if c2 > t2 else 1 if c1 > t1 else 0)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
