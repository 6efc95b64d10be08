"""The Upload Cover API over one long-lived httpx.AsyncClient.

Rate control lives here and not in the UI: retries with capped, jittered back-off that honour
Retry-After. A submit costs credits, so it is only retried when the service cannot have acted on it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

import httpx

from .. import __version__
from .errors import ApiError, BadResponse, NotFound, RateLimited, ServerError
from .mapping import error_from_exception, error_from_response
from .models import CoverRequest, TaskStatus
from .retry import RetryPolicy

log = logging.getLogger(__name__)

GENERATE_PATH = "/api/v1/audio/music/upload-cover/generate"
STATUS_PATH = "/api/v1/audio/music/upload-cover/status"
KEY_CHECK_TASK = "cover-desktop-key-check-00000000"

TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=30.0)


@dataclass(frozen=True)
class RetryNotice:
    """Told to the UI before each wait, so it can say "retrying in 4 s"."""
    what: str
    attempt: int
    attempts: int
    delay: float
    error: ApiError


def normalize_base_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"The base URL must start with http:// or https:// (got \u201c{url}\u201d).")
    return url


class ApiClient:
    def __init__(self, base_url: str, api_key: str, *, policy: RetryPolicy | None = None,
                 timeout: httpx.Timeout = TIMEOUT, transport: httpx.AsyncBaseTransport | None = None,
                 on_retry: Callable[[RetryNotice], None] | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.base_url = normalize_base_url(base_url)
        self.__key = api_key.strip()
        self.policy = policy or RetryPolicy()
        self.on_retry = on_retry
        self._sleep = sleep
        self._http = httpx.AsyncClient(
            base_url=self.base_url, timeout=timeout, limits=LIMITS, transport=transport,
            follow_redirects=False, headers={"User-Agent": f"cover-desktop/{__version__}"})

    def __repr__(self) -> str:
        return f"ApiClient(base_url={self.base_url!r}, key={'set' if self.__key else 'none'})"

    @property
    def has_key(self) -> bool:
        return bool(self.__key)

    def set_key(self, api_key: str) -> None:
        self.__key = api_key.strip()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def submit(self, request: CoverRequest) -> str:
        """Create the job and return its task id. Raises ValidationError before sending anything."""
        request = request.validated()
        payload = await self._call("POST", GENERATE_PATH, json=request.to_json(), context="submit",
                                   subject=request.audio_id, idempotent=False)
        data = payload.get("data") if isinstance(payload, dict) else None
        task_id = (data or {}).get("task_id") if isinstance(data, dict) else None
        task_id = task_id or (payload.get("task_id") if isinstance(payload, dict) else None)
        if not isinstance(task_id, str) or not task_id.strip():
            raise BadResponse("The service accepted the request but sent back no task id, so the job "
                              "cannot be followed. Check your account before submitting again.")
        return task_id.strip()

    async def status(self, task_id: str, *, attempts: int | None = None) -> TaskStatus:
        payload = await self._call("GET", STATUS_PATH, params={"task_id": task_id}, context="status",
                                   subject=task_id, idempotent=True, attempts=attempts)
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, dict):
            raise BadResponse("The service's status answer had no job data in it.")
        return TaskStatus.from_json(data, task_id)

    async def check_key(self) -> str:
        """One authenticated call that costs nothing. Returns a message; raises AuthError if refused."""
        try:
            await self._call("GET", STATUS_PATH, params={"task_id": KEY_CHECK_TASK}, context="key-check",
                             subject=KEY_CHECK_TASK, idempotent=True, attempts=2)
        except NotFound:
            pass
        return "The key works."

    async def _call(self, method: str, path: str, *, context: str, subject: str, idempotent: bool,
                    params: dict[str, str] | None = None, json: Any = None,
                    attempts: int | None = None) -> Any:
        attempts = attempts or self.policy.attempts
        headers = {"Authorization": f"Bearer {self.__key}"} if self.__key else {}
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            reached_server = True
            try:
                resp = await self._http.request(method, path, params=params, json=json, headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                reached_server = False
                err = error_from_exception(exc, self.base_url)
            except httpx.HTTPError as exc:
                err = error_from_exception(exc, self.base_url)
            else:
                log.info("%s %s -> %s in %.2fs", method, path, resp.status_code, time.monotonic() - started)
                try:
                    found, payload = error_from_response(resp, context=context, subject=subject)
                except ApiError as unreadable:
                    found, payload = unreadable, None
                if found is None:
                    return payload
                err = found
            log.warning("%s %s failed (try %d/%d): %s", method, path, attempt, attempts, err.kind)
            err.reached_server = reached_server
            if not self._may_retry(err, idempotent, reached_server) or attempt == attempts:
                raise self._final(err, attempt)
            delay = self.policy.delay(attempt, err.retry_after)
            if self.on_retry is not None:
                self.on_retry(RetryNotice(context, attempt, attempts, delay, err))
            await self._sleep(delay)
        raise AssertionError("unreachable")

    @staticmethod
    def _may_retry(err: ApiError, idempotent: bool, reached_server: bool) -> bool:
        if not err.retryable:
            return False
        if idempotent or not reached_server:
            return True
        # A submit that reached the server may have been charged: only retry the answers that
        # say it was not acted on.
        return isinstance(err, RateLimited) or (isinstance(err, ServerError) and err.status == 503)

    @staticmethod
    def _final(err: ApiError, attempt: int) -> ApiError:
        if attempt > 1 and err.retryable:
            err.message = f"{err.message} (gave up after {attempt} tries)"
            err.args = (err.message,)
        return err
