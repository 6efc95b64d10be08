"""Run Python's cycle collector on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: a worker of the job store,
a to_thread() download write, a demo-server thread. When a cycle it frees holds a Qt object, that
object's C++ destructor then runs in the wrong thread ("QObject::~QObject: Timers cannot be stopped
from another thread", and with a media player, a crash). So automatic collection is switched off and a
timer on the GUI thread collects instead, with the same generation thresholds and CPython's own rule for
full collections: one runs only when what was promoted into the oldest generation since the last one is a
quarter of what that one left there. A full collection goes through every tracked object, 2-3 million with
100,000 clips (0.7 s); counting ten smaller collections alone made one every 121 busy turns (a minute).

``held()`` puts collections off while a history is read; ``freeze()`` takes what is alive out of every later
collection (the job history once it is read: it lives as long as its service, and going through it finds
nothing to free); ``thaw()`` gives it back, before what was frozen can become garbage (a service replaced
by Settings' Save)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

_held = 0


@contextmanager
def held() -> Iterator[None]:
    """No collection while inside: for work whose objects all live on (the job history being read, in the
    store's thread), which a collection would go through on the GUI thread to find nothing to free."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1


def freeze() -> None:
    """Keep every object alive now out of later collections (until ``thaw``): cycles among them are never
    freed while frozen, so freeze only what lives on."""
    gc.freeze()


def thaw() -> bool:
    """Give frozen objects back to the collector (the oldest generation); True when there were any."""
    if not gc.get_freeze_count():
        return False
    gc.unfreeze()
    return True


class MainThreadGC(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._frozen = -1
        self.long_lived = 0   # objects the last full collection left in the oldest generation
        self.pending = 0      # objects promoted into it since
        self._measure()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _measure(self) -> None:
        self._frozen = gc.get_freeze_count()
        self.long_lived = len(gc.get_objects(2))
        self.pending = 0

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 <= t0 or _held:
            return
        if gc.get_freeze_count() != self._frozen:   # frozen or thawed since: the oldest generation is another
            self._measure()
        if c1 <= t1:
            gc.collect(0)
        elif c2 > t2 and self.pending >= self.long_lived // 4:
            gc.collect(2)
            self._measure()
        else:
            # what survives a generation-1 collection moves into the oldest generation
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            self.pending += max(0, young - gc.collect(1))

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
