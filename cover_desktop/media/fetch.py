"""Download a clip's audio or cover: streamed, capped, checked, then renamed into place atomically.

Each download writes its own locked partial file (see ``partfile``). A later try resumes from a partial
file only from a ``206`` whose ``Content-Range`` starts exactly where the file ends; anything else starts
again from byte zero. The finished file is checked against the announced size, flushed to disk and
renamed over the destination in one step, so a reader sees the whole file or none.

Every response is closed by the task that opened it, before anything else lets go of its body: under
qasync a body iterator left to the garbage collector closes httpcore's stream from no task at all, which
anyio refuses, and the connection stays checked out of the pool for good (six of those and every later
download waits for a free connection until it counts as stalled).

Links and redirects are followed only to public addresses unless the API itself is local (``addresses``).
This client never carries the API key: media URLs point at CDNs, which must not see it.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import re
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO

import httpx

from ..api.errors import MediaError
from ..api.mapping import looks_like_html
from ..api.text import short
from ..api.urls import split_http
from ..api.words import N_, Words
from . import partfile
from .addresses import Classifier, api_is_local, is_public, literal, resolve

log = logging.getLogger(__name__)

AUDIO_MAX = 200 * 1024 * 1024
IMAGE_MAX = 20 * 1024 * 1024
MAX_REDIRECTS = 10
URL_MAX = 8192            # longer "links" are junk (one of 64k characters once crashed a download task)
STALL_TIMEOUT = 30.0      # seconds without a single byte before a download counts as stalled
DEADLINE = 600.0          # seconds for one whole download, so a slow drip cannot hold a slot forever

_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)

_AUDIO_TYPES = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/wav": ".wav", "audio/x-wav": ".wav",
                "audio/wave": ".wav", "audio/flac": ".flac", "audio/x-flac": ".flac", "audio/ogg": ".ogg",
                "audio/mp4": ".m4a", "audio/x-m4a": ".m4a", "audio/aac": ".aac", "audio/aiff": ".aiff",
                "audio/x-aiff": ".aiff"}
_IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}


def sniff(head: bytes, kind: str) -> str | None:
    """The file extension the first bytes prove, or None when they are not that kind of media."""
    if kind == "audio":
        if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
            return ".wav"
        if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
            return ".mp3"
        if head[:4] == b"fLaC":
            return ".flac"
        if head[:4] == b"OggS":
            return ".ogg"
        if head[4:8] == b"ftyp":
            return ".m4a"
        if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
            return ".aiff"
        return None
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return ".png"
    if head[:3] == b"\xff\xd8\xff":
        return ".jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head[:4] == b"GIF8":
        return ".gif"
    return None


def what_of(kind: str) -> Words:
    """The name of what a download fetches, for its messages."""
    return Words.of(N_("audio")) if kind == "audio" else Words.of(N_("cover image"))


def check_url(url: str, what: str) -> None:
    """MediaError (never another exception) unless ``url`` is a well-formed http(s) link."""
    shown = short(url or "(none)", 80)
    if not url or len(url) > URL_MAX:
        raise MediaError(N_("Refused to fetch the {what} from \u201c{link}\u201d: it is not a usable link."),
                         what=what, link=shown)
    if split_http(url) is None:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ("http", "https"):
            raise MediaError(N_("Refused to fetch the {what} from \u201c{link}\u201d: only http and https links "
                                "are used."), what=what, link=shown)
        raise MediaError(N_("The {what} link \u201c{link}\u201d is malformed."), what=what, link=shown)


def _content_range(value: str) -> tuple[int, int, int | None] | None:
    m = _CONTENT_RANGE.match(value or "")
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(2))
    total = None if m.group(3) == "*" else int(m.group(3))
    if end < start or (total is not None and end >= total):
        return None
    return start, end, total


class _Restart(Exception):
    """The answer cannot continue the partial file: start again from byte zero."""


def disk_full(err: OSError) -> bool:
    return err.errno in (errno.ENOSPC, errno.EDQUOT)


def _write(f: BinaryIO, data: bytes) -> None:
    f.write(data)


class _Body:
    """A streamed body read chunk by chunk on the task that opened it, and closed there: the response
    first (its connection goes back to the pool, or is closed when the body was not read to the end),
    then the chunk iterator, which then has nothing left that must await."""

    def __init__(self, resp: httpx.Response):
        self._resp = resp
        self._chunks = resp.aiter_bytes()   # as they arrive, not in 64 KB lots

    async def next(self) -> bytes | None:
        try:
            return await self._chunks.__anext__()
        except StopAsyncIteration:
            return None

    async def aclose(self) -> None:
        try:
            await self._resp.aclose()
        finally:
            await self._chunks.aclose()  # type: ignore[attr-defined]


class MediaFetcher:
    """``private_ok``: True or False fixes whether links may reach loopback, link-local and private
    addresses; None (the default) decides from ``api_base``: allowed when the API's own host is such an
    address, or when no API is set (a fetcher serving no API: tools and tests)."""

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None, *,
                 stall_timeout: float = STALL_TIMEOUT, deadline: float = DEADLINE,
                 private_ok: bool | None = None, public: Classifier = is_public,
                 writer: Callable[[BinaryIO, bytes], None] = _write):
        self.stall_timeout = stall_timeout
        self.deadline = deadline
        self.private_ok = private_ok
        self.api_base: str | None = None
        self.public = public
        self.writer = writer    # a seam: tests stand in a disk that fills up
        self._local_api: tuple[str, bool] | None = None
        # through a proxy the peer is the proxy, whatever the link: the names are checked, not the peer
        self._proxied = bool(urllib.request.getproxies_environment())
        # the read timeout is the stall timeout: httpx applies it to each wait for bytes. Redirects are
        # followed here, one by one, so that each hop's address is checked before it is asked
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(connect=10.0, read=stall_timeout, write=30.0, pool=60.0), follow_redirects=False,
            limits=httpx.Limits(max_connections=6, max_keepalive_connections=4), transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def private_allowed(self) -> bool:
        if self.private_ok is not None:
            return self.private_ok
        if self.api_base is None:
            return True
        if self._local_api is None or self._local_api[0] != self.api_base:
            self._local_api = (self.api_base, await api_is_local(self.api_base))
        return self._local_api[1]

    async def fetch(self, url: str, dest: Path, kind: str,
                    progress: Callable[[float], None] | None = None) -> Path:
        """Fetch ``url`` to ``dest`` + the proven extension; return the final path.

        Raises MediaError (``retryable`` says whether trying later can help) or OSError for the disk; on a
        full disk the partial file is deleted, as it holds the space the rest of the app needs.
        """
        what = what_of(kind)
        check_url(url, what)
        await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
        part, f = await asyncio.to_thread(partfile.claim_part, dest)
        keep_part = True
        try:
            try:
                async with asyncio.timeout(self.deadline):
                    ext = await self._download(url, f, kind, what, progress)
            except TimeoutError:
                raise MediaError(N_("Downloading the {what} took longer than {seconds} s; it will be tried again."),
                                 what=what, seconds=self.deadline, retryable=True) from None
            if kind == "image":
                # the decoder reads the file: what is still in the write buffer would be missing
                await asyncio.to_thread(f.flush)
                await self._check_image(part, what)
            final = dest.with_name(dest.name + ext)
            # replaced while the lock is held, so no one can take the finished file for a partial one
            await asyncio.to_thread(partfile.commit, f, part, final)
            keep_part = False
        except MediaError as err:
            keep_part = err.retryable
            raise
        except asyncio.CancelledError:
            raise
        except OSError as err:
            keep_part = not disk_full(err)
            raise
        except Exception as exc:  # a download must end in a per-clip error, never a dead task
            log.warning("download of the %s failed unexpectedly: %s", what, type(exc).__name__, exc_info=True)
            keep_part = False
            raise MediaError(N_("The {what} could not be fetched ({problem})."), what=what,
                             problem=type(exc).__name__) from exc
        finally:
            await asyncio.to_thread(partfile.release, f, part, keep_part)
        await asyncio.to_thread(partfile.drop_stale_parts, dest)
        if progress is not None:
            progress(1.0)
        return final

    async def _download(self, url: str, f: BinaryIO, kind: str, what: str,
                        progress: Callable[[float], None] | None) -> str:
        offset = await asyncio.to_thread(partfile.size, f)
        try:
            return await self._get(url, f, offset, kind, what, progress)
        except _Restart as why:
            log.info("the %s server cannot continue a partial download (%s); starting again", what, why)
            await asyncio.to_thread(partfile.truncate, f)
            return await self._get(url, f, 0, kind, what, progress)

    @asynccontextmanager
    async def _open(self, url: str, headers: dict[str, str], what: str) -> AsyncIterator[httpx.Response]:
        """The answer at ``url`` after its redirects, each hop checked; closed on leaving, by this task."""
        private_ok = await self.private_allowed()
        try:
            request = self._http.build_request("GET", url, headers=headers)
        except Exception:  # noqa: BLE001 -- InvalidURL, IDNA and encoding errors all mean a link we cannot use
            raise MediaError(N_("The {what} link \u201c{link}\u201d cannot be used."), what=what,
                             link=short(url, 80)) from None
        for _hop in range(MAX_REDIRECTS + 1):
            if not private_ok:
                await self._check_host(request.url, what)
            try:
                resp = await self._http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise _network_error(exc, what) from exc
            try:
                if not private_ok:
                    self._check_peer(resp, request.url, what)
                if resp.next_request is None:
                    yield resp
                    return
                request = resp.next_request
                check_url(str(request.url), what)
            finally:
                await resp.aclose()
        raise MediaError(N_("The {what} link redirects more than {count} times."), what=what, count=MAX_REDIRECTS)

    async def _check_host(self, url: httpx.URL, what: str) -> None:
        addresses = await resolve(url.host, url.port or (443 if url.scheme == "https" else 80))
        # a name that does not resolve here is left to the connection (or the proxy) to fail or reach
        if any(not self.public(a) for a in addresses):
            raise _private(url, what)

    def _check_peer(self, resp: httpx.Response, url: httpx.URL, what: str) -> None:
        """The address actually connected to: a name that resolved to a public address a moment ago may
        resolve to this machine now."""
        stream = resp.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None and not self._proxied else None
        ip = literal(str(peer[0])) if isinstance(peer, tuple) and peer else None
        if ip is not None and not self.public(ip):
            raise _private(url, what)

    async def _get(self, url: str, f: BinaryIO, offset: int, kind: str, what: str,
                   progress: Callable[[float], None] | None) -> str:
        cap = AUDIO_MAX if kind == "audio" else IMAGE_MAX
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        async with self._open(url, headers, what) as resp:
            offset, total = self._accept(resp, offset, cap, what)
            if offset == 0:
                await asyncio.to_thread(partfile.truncate, f)
            head = await asyncio.to_thread(partfile.read_head, f) if offset else b""
            got = offset
            body = _Body(resp)
            try:
                while (chunk := await body.next()) is not None:
                    if len(head) < 64:
                        head += chunk[: 64 - len(head)]
                        self._check_head(head, kind, what, resp.headers.get("content-type", ""))
                    got += len(chunk)
                    if got > cap or (total is not None and got > total):
                        raise (MediaError(N_("The {what} is larger than the {limit} MB allowed."), what=what,
                                          limit=cap // 2**20) if got > cap else
                               MediaError(N_("The {what} server sent more than it announced."), what=what))
                    await asyncio.to_thread(self.writer, f, chunk)
                    if progress is not None:
                        progress(got / total if total else -1.0)
            except httpx.HTTPError as exc:
                raise _network_error(exc, what) from exc
            finally:
                await body.aclose()
        if total is not None and got != total:
            raise MediaError(N_("The {what} download stopped early ({got} of {total} bytes); it will be tried "
                                "again."), what=what, got=got, total=total, retryable=True)
        ext = sniff(head, kind) or ""
        if not ext or got == 0:
            raise MediaError(N_("The file served as the audio is not audio.") if kind == "audio"
                             else N_("The file served as the cover image is not a picture."))
        return ext

    @staticmethod
    def _accept(resp: httpx.Response, offset: int, cap: int, what: str) -> tuple[int, int | None]:
        """(offset the body starts at, total size or None) for an answer, or why it is refused."""
        code = resp.status_code
        if code in (401, 403, 404, 410):
            raise MediaError(N_("The {what} link has expired or is gone (HTTP {code}). "
                                "The service keeps files for about two weeks."), what=what, code=code, status=code)
        if code == 416 and offset:
            raise _Restart("HTTP 416")
        if code == 429 or code >= 500:
            raise MediaError(N_("The {what} server is busy or failing (HTTP {code}); it will be tried again."),
                             what=what, code=code, status=code, retryable=True)
        if code >= 400 or code not in (200, 206):
            raise MediaError(N_("The {what} could not be fetched (HTTP {code})."), what=what, code=code, status=code)
        length = resp.headers.get("content-length", "").strip()
        size = int(length) if length.isdigit() else None
        total: int | None
        if code == 206:
            rng = _content_range(resp.headers.get("content-range", ""))
            if rng is None or rng[0] != offset or (size is not None and size != rng[1] - rng[0] + 1):
                if offset:
                    raise _Restart(f"206 with Content-Range {resp.headers.get('content-range')!r} for byte {offset}")
                if rng is not None or size is None:
                    raise MediaError(N_("The {what} server sent a part of the file that was not asked for."),
                                     what=what, retryable=True)
                # a 206 to a request without Range, with no Content-Range: the body is the file
                total = size
            else:
                total = rng[2] if rng[2] is not None else rng[1] + 1
        else:
            # a 200 is the whole file, even when a Range was asked for: start again from zero
            offset, total = 0, size
        if total is not None and total > cap:
            raise MediaError(N_("The {what} is {size} MB, more than the {limit} MB allowed."), what=what,
                             size=total // 2**20, limit=cap // 2**20)
        return offset, total

    @staticmethod
    def _check_head(head: bytes, kind: str, what: str, ctype: str) -> None:
        if looks_like_html(head) or (len(head) >= 12 and sniff(head, kind) is None):
            looks = (Words.of(N_("a web page")) if looks_like_html(head)
                     else short(ctype, 80) or Words.of(N_("something else")))
            raise MediaError(N_("The file served as the audio is not audio (it looks like {looks}).") if kind == "audio"
                             else N_("The file served as the cover image is not a picture (it looks like {looks})."),
                             looks=looks)

    @staticmethod
    async def _check_image(path: Path, what: str) -> None:
        from PySide6.QtGui import QImage

        def decodes() -> bool:
            return not QImage(str(path)).isNull()

        if not await asyncio.to_thread(decodes):
            raise MediaError(N_("The {what} could not be decoded as a picture."), what=what)


def _private(url: httpx.URL, what: str) -> MediaError:
    return MediaError(N_("Refused to fetch the {what} from \u201c{link}\u201d: it points at this computer or a "
                         "private network."), what=what, link=short(str(url), 80))


def _network_error(exc: httpx.HTTPError, what: str) -> MediaError:
    if isinstance(exc, httpx.TimeoutException):
        return MediaError(N_("The {what} download stalled (nothing arrived for a while); it will be tried again."),
                          what=what, retryable=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return MediaError(N_("The {what} link cannot be used ({problem})."), what=what, problem=type(exc).__name__)
    return MediaError(N_("Downloading the {what} failed ({problem}); it will be tried again."), what=what,
                      problem=type(exc).__name__, retryable=True)
