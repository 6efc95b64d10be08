"""One way to start background coroutines: kept alive, failures logged and surfaced, cancelled on close.

asyncio keeps only a weak reference to a task, so a task nobody holds can vanish mid-flight; and a task
whose exception nobody reads fails silently. Every component that starts tasks owns a ``TaskSet``.

A set made with ``saves=True`` holds writes the musician expects to land (a star, a note, a trash move, the
settings): it registers itself, and quitting lets every registered set finish (``settle_savers``) before the
store closes, as a save manager would. No one keeps a list of them by hand.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Coroutine, Hashable
from typing import Any

log = logging.getLogger(__name__)


def describe_failure(exc: BaseException, what: str) -> str:
    """Words for the user about a task that failed; a service error already carries its own."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    return (f"Something went wrong{' while ' + what if what else ''}: {exc}. "
            "Details are in the log (Help \u2192 Open log folder).")


class TaskSet:
    def __init__(self, on_error: Callable[[str], None] | None = None, name: str = "", *, saves: bool = False):
        self.on_error = on_error
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[Hashable, asyncio.Task[Any]] = {}
        if saves:
            _SAVERS.add(self)

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str = "", key: Hashable | None = None) -> asyncio.Task[Any]:
        """Start ``coro``; with a ``key``, at most one task per key runs (a second spawn returns the first)."""
        if key is not None and key in self._keyed:
            coro.close()
            return self._keyed[key]
        t = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(t)
        if key is not None:
            self._keyed[key] = t
        t.add_done_callback(lambda task: self._done(task, what, key))
        return t

    def running(self, key: Hashable) -> bool:
        return key in self._keyed

    def __len__(self) -> int:
        return len(self._tasks)

    def __bool__(self) -> bool:
        return bool(self._tasks)

    def _done(self, t: asyncio.Task[Any], what: str, key: Hashable | None) -> None:
        self._tasks.discard(t)
        if key is not None and self._keyed.get(key) is t:
            del self._keyed[key]
        if t.cancelled():
            return
        exc = t.exception()
        if exc is None:
            return
        if getattr(exc, "message", None):
            log.warning("%s: %s failed: %s", self.name or "task", what or "background task", exc)
        else:
            log.error("%s: %s failed", self.name or "task", what or "background task", exc_info=exc)
        if self.on_error is not None:
            self.on_error(describe_failure(exc, what))

    def cancel(self) -> None:
        for t in list(self._tasks):
            t.cancel()

    async def wait(self, timeout: float | None = None) -> None:
        """Let the running tasks finish (up to ``timeout``), then cancel what is left and wait for it."""
        tasks = list(self._tasks)
        if not tasks:
            return
        if timeout:
            _done, pending = await asyncio.wait(tasks, timeout=timeout)
            tasks = list(pending)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def aclose(self) -> None:
        await self.wait(None)


_SAVERS: weakref.WeakSet[TaskSet] = weakref.WeakSet()


async def settle_savers(timeout: float) -> None:
    """At quit: let every registered set's writes land (up to ``timeout`` in all), then cancel the rest."""
    sets = list(_SAVERS)
    if sets:
        await asyncio.gather(*(s.wait(timeout=timeout) for s in sets))
