"""Background coroutines started from the UI: kept alive, and their failures shown, never swallowed."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Coroutine

from ..api.errors import ApiError

log = logging.getLogger(__name__)


class TaskKeeper:
    def __init__(self, on_error: Callable[[str], None]):
        self.on_error = on_error
        self._tasks: set[asyncio.Task] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str = "") -> asyncio.Task:
        t = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(t)
        t.add_done_callback(lambda task: self._done(task, what))
        return t

    def _done(self, t: asyncio.Task, what: str) -> None:
        self._tasks.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is None:
            return
        if isinstance(exc, ApiError):
            self.on_error(exc.message)
        else:
            log.error("%s failed", what or "background task", exc_info=exc)
            self.on_error(f"Something went wrong{' while ' + what if what else ''}: {exc}. "
                          "Details are in the log (Help \u2192 Open log folder).")

    def cancel(self) -> None:
        for t in list(self._tasks):
            t.cancel()

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
