"""Connections a pane makes to the runtime's current objects, undone when it binds to new ones.

After Settings change the server or the key, the runtime replaces the job service and the library; a pane
that kept a connection to the old ones would hear (and act on) a history that is no longer shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance


class Bindings:
    def __init__(self) -> None:
        self._made: list[tuple[SignalInstance, Callable[..., Any] | SignalInstance]] = []

    def connect(self, signal: SignalInstance, slot: Callable[..., Any] | SignalInstance) -> None:
        signal.connect(slot)
        self._made.append((signal, slot))

    def clear(self) -> None:
        made, self._made = self._made, []
        for signal, slot in made:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):   # the sender is already gone: nothing to undo
                pass
