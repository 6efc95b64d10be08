"""The Upload Cover API over one long-lived httpx.AsyncClient.

Rate control lives here and not in the UI: retries with capped, jittered back-off that honour
Retry-After. A submit costs credits, so it is only retried when the service cannot have acted on it.

Every request is bounded: httpx's timeouts are per read, so a server sending one byte every few
seconds would hold a request forever without the overall deadline here; and bodies are read as a
stream and refused past ``max_body``, so a reply of gigabytes never reaches memory.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from .. import __version__
from .errors import (
    ApiError,
    ApiTimeout,
    BadResponse,
    InsecureConnection,
    KeyFormatError,
    NotFound,
    RateLimited,
    ServerError,
)
from .keys import key_problem
from .mapping import error_from_exception, error_from_reply, status_from, task_id_from
from .models import CoverRequest, TaskStatus
from .retry import RetryPolicy
from .urls import is_http_url
from .words import N_, Words

log = logging.getLogger(__name__)

GENERATE_PATH = "/api/v1/audio/music/upload-cover/generate"
STATUS_PATH = "/api/v1/audio/music/upload-cover/status"
KEY_CHECK_TASK = "cover-desktop-key-check-00000000"

TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=30.0)
MAX_BODY = 2 * 1024 * 1024   # a status answer is a few KB; anything near this is not the service talking
STATUS_DEADLINE = 45.0       # seconds for one whole status (or key check) request, first byte to last
SUBMIT_DEADLINE = 60.0


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
    if not is_http_url(url):
        raise ValueError(Words.of(N_("The base URL must start with http:// or https:// (got \u201c{url}\u201d)."),
                                  url=url))
    return url


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def insecure_base(url: str) -> bool:
    """True for a plain-http base URL to another machine, where the key would travel in clear text."""
    try:
        parsed = httpx.URL((url or "").strip())
    except (httpx.InvalidURL, ValueError, TypeError):
        return False
    return parsed.scheme == "http" and not _is_loopback(parsed.host)


async def _read_capped(resp: httpx.Response, cap: int) -> bytes:
    """The body, or BadResponse as soon as it is known to be larger than ``cap`` (decoded bytes)."""
    length = resp.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > cap:
        raise _too_large(resp.status_code, cap)
    body = bytearray()
    async for chunk in resp.aiter_bytes():
        body += chunk
        if len(body) > cap:
            raise _too_large(resp.status_code, cap)
    return bytes(body)


def _too_large(status: int, cap: int) -> BadResponse:
    return BadResponse(
        N_("The server's answer was far too large to be from the service (HTTP {code}, more than {kb} KB), so it "
           "was not read. A proxy may be in the way, or the base URL in Settings is wrong."),
        code=status, kb=cap // 1024, status=status)


class ApiClient:
    def __init__(self, base_url: str, api_key: str, *, policy: RetryPolicy | None = None,
                 timeout: httpx.Timeout = TIMEOUT, transport: httpx.AsyncBaseTransport | None = None,
                 on_retry: Callable[[RetryNotice], None] | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 allow_insecure: bool = False, max_body: int = MAX_BODY,
                 status_deadline: float = STATUS_DEADLINE, submit_deadline: float = SUBMIT_DEADLINE):
        self.base_url = normalize_base_url(base_url)
        self.__key = api_key.strip()
        self.policy = policy or RetryPolicy()
        self.on_retry = on_retry
        self._sleep = sleep
        self.allow_insecure = allow_insecure
        self.max_body = max_body
        self.status_deadline = status_deadline
        self.submit_deadline = submit_deadline
        self._http = httpx.AsyncClient(
            base_url=self.base_url, timeout=timeout, limits=LIMITS, transport=transport,
            follow_redirects=False, headers={"User-Agent": f"cover-desktop/{__version__}"})

    def __repr__(self) -> str:
        return f"ApiClient(base_url={self.base_url!r}, key={'set' if self.__key else 'none'})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def submit(self, request: CoverRequest) -> str:
        """Create the job and return its task id. The request comes validated from the job service, the one
        place that checks it (the form asks the same ``CoverRequest.problems()``)."""
        payload = await self._call("POST", GENERATE_PATH, json=request.to_json(), context="submit",
                                   subject=request.audio_id, idempotent=False, deadline=self.submit_deadline)
        return task_id_from(payload)

    async def status(self, task_id: str, *, attempts: int | None = None) -> TaskStatus:
        payload = await self._call("GET", STATUS_PATH, params={"task_id": task_id}, context="status",
                                   subject=task_id, idempotent=True, attempts=attempts,
                                   deadline=self.status_deadline)
        return status_from(payload, task_id)

    async def check_key(self) -> str:
        """One authenticated call that costs nothing. Returns a message; raises AuthError if refused."""
        try:
            await self._call("GET", STATUS_PATH, params={"task_id": KEY_CHECK_TASK}, context="key-check",
                             subject=KEY_CHECK_TASK, idempotent=True, attempts=2, deadline=self.status_deadline)
        except NotFound:
            pass
        return Words.of(N_("The key works."))

    def refusal(self) -> ApiError | None:
        """Why nothing may be sent with this key to this server, checked before every request."""
        if not self.__key:
            return None
        problem = key_problem(self.__key)
        if problem:
            return KeyFormatError(problem)
        if not self.allow_insecure and insecure_base(self.base_url):
            host = httpx.URL(self.base_url).host
            return InsecureConnection(
                N_("The API key was not sent: the base URL is plain http:// to {host}, so anyone on the way "
                   "could read it. Use https://, or allow plain http in Settings."), host=host)
        return None

    async def _exchange(self, method: str, path: str, *, deadline: float, headers: dict[str, str],
                        params: dict[str, str] | None, json: Any) -> tuple[int, httpx.Headers, bytes]:
        async with asyncio.timeout(deadline):
            async with self._http.stream(method, path, params=params, json=json, headers=headers) as resp:
                return resp.status_code, resp.headers, await _read_capped(resp, self.max_body)

    async def _call(self, method: str, path: str, *, context: str, subject: str, idempotent: bool,
                    deadline: float, params: dict[str, str] | None = None, json: Any = None,
                    attempts: int | None = None) -> Any:
        refused = self.refusal()
        if refused is not None:
            raise refused
        attempts = attempts or self.policy.attempts
        headers = {"Authorization": f"Bearer {self.__key}"} if self.__key else {}
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            reached_server = True
            try:
                status, resp_headers, body = await self._exchange(method, path, deadline=deadline,
                                                                  headers=headers, params=params, json=json)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                reached_server = False
                err = error_from_exception(exc, self.base_url)
            except httpx.HTTPError as exc:
                err = error_from_exception(exc, self.base_url)
            except TimeoutError:
                # past the deadline the request has almost surely been sent (connecting has its own,
                # shorter timeout): for a submit the outcome is unknown, as with any read timeout
                host = httpx.URL(self.base_url).host
                err = ApiTimeout(N_("{host} did not finish answering within {seconds} s. "
                                    "Check your connection; we will keep trying."), host=host, seconds=deadline,
                                 detail="deadline")
            except BadResponse as too_large:
                err = too_large
            else:
                log.info("%s %s -> %s in %.2fs", method, path, status, time.monotonic() - started)
                try:
                    found, payload = error_from_reply(status, resp_headers, body, context=context,
                                                      subject=subject)
                except ApiError as unreadable:
                    found, payload = unreadable, None
                if found is None:
                    return payload
                err = found
            # a key check asks for a task that cannot exist: "not found" is its good answer
            level = logging.INFO if context == "key-check" and isinstance(err, NotFound) else logging.WARNING
            log.log(level, "%s %s failed (try %d/%d): %s", method, path, attempt, attempts, err.kind)
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
            err.message = Words.joined(err.message, Words.of(N_("(gave up after {tries} tries)"), tries=attempt))
            err.args = (str(err.message),)
        return err
