"""Download a clip's audio or cover: streamed, capped, checked, then renamed into place atomically.

Each download writes its own temporary file (``<name>.<random>.part``) and holds an exclusive lock on
it while it writes, so two instances of the app on one profile never write into the same file. A
later try resumes from a partial file only when no one holds its lock (its writer finished or died),
and only from a ``206`` whose ``Content-Range`` starts exactly where the file ends; anything else
starts again from byte zero. The finished file is checked against the announced size, flushed to disk
and renamed over the destination in one step, so a reader sees the whole file or none.

This client never carries the API key: media URLs point at CDNs, which must not see it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import uuid
from collections.abc import AsyncGenerator, Callable
from pathlib import Path
from typing import BinaryIO, cast

import httpx

from ..api.errors import MediaError
from ..api.mapping import looks_like_html
from ..api.text import short
from ..api.urls import split_http

try:
    import fcntl
except ImportError:  # no advisory locks (Windows): partial files are then never resumed
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

AUDIO_MAX = 200 * 1024 * 1024
IMAGE_MAX = 20 * 1024 * 1024
URL_MAX = 8192            # longer "links" are junk (one of 64k characters once crashed a download task)
STALL_TIMEOUT = 30.0      # seconds without a single byte before a download counts as stalled
DEADLINE = 600.0          # seconds for one whole download, so a slow drip cannot hold a slot forever

_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)

_AUDIO_TYPES = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/wav": ".wav", "audio/x-wav": ".wav",
                "audio/wave": ".wav", "audio/flac": ".flac", "audio/x-flac": ".flac", "audio/ogg": ".ogg",
                "audio/mp4": ".m4a", "audio/x-m4a": ".m4a", "audio/aac": ".aac"}
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


def check_url(url: str, what: str) -> None:
    """MediaError (never another exception) unless ``url`` is a well-formed http(s) link."""
    shown = short(url or "(none)", 80)
    if not url or len(url) > URL_MAX:
        raise MediaError(f"Refused to fetch the {what} from \u201c{shown}\u201d: it is not a usable link.")
    if split_http(url) is None:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ("http", "https"):
            raise MediaError(f"Refused to fetch the {what} from \u201c{shown}\u201d: only http and https links "
                             "are used.")
        raise MediaError(f"The {what} link \u201c{shown}\u201d is malformed.")


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


class MediaFetcher:
    def __init__(self, transport: httpx.AsyncBaseTransport | None = None, *,
                 stall_timeout: float = STALL_TIMEOUT, deadline: float = DEADLINE):
        self.stall_timeout = stall_timeout
        self.deadline = deadline
        # the read timeout is the stall timeout: httpx applies it to each wait for bytes
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(connect=10.0, read=stall_timeout, write=30.0, pool=60.0), follow_redirects=True,
            limits=httpx.Limits(max_connections=6, max_keepalive_connections=4), transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def fetch(self, url: str, dest: Path, kind: str,
                    progress: Callable[[float], None] | None = None) -> Path:
        """Fetch ``url`` to ``dest`` + the proven extension; return the final path.

        Raises MediaError (``retryable`` says whether trying later can help) or OSError for the disk.
        """
        what = "audio" if kind == "audio" else "cover image"
        check_url(url, what)
        await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
        part, f = await asyncio.to_thread(_claim_part, dest)
        keep_part = True
        try:
            try:
                async with asyncio.timeout(self.deadline):
                    ext = await self._download(url, f, kind, what, progress)
            except TimeoutError:
                raise MediaError(f"Downloading the {what} took longer than {self.deadline:g} s; "
                                 "it will be tried again.", retryable=True) from None
            if kind == "image":
                await self._check_image(part, what)
            final = dest.with_name(dest.name + ext)
            # replaced while the lock is held, so no one can take the finished file for a partial one
            await asyncio.to_thread(_commit, f, part, final)
            keep_part = False
        except MediaError as err:
            keep_part = err.retryable
            raise
        except asyncio.CancelledError:
            raise
        except OSError:
            raise
        except Exception as exc:  # a download must end in a per-clip error, never a dead task
            log.warning("download of the %s failed unexpectedly: %s", what, type(exc).__name__, exc_info=True)
            keep_part = False
            raise MediaError(f"The {what} could not be fetched ({type(exc).__name__}).") from exc
        finally:
            await asyncio.to_thread(_release, f, part, keep_part)
        await asyncio.to_thread(_drop_stale_parts, dest)
        if progress is not None:
            progress(1.0)
        return final

    async def _download(self, url: str, f: BinaryIO, kind: str, what: str,
                        progress: Callable[[float], None] | None) -> str:
        offset = await asyncio.to_thread(_size, f)
        try:
            return await self._get(url, f, offset, kind, what, progress)
        except _Restart as why:
            log.info("the %s server cannot continue a partial download (%s); starting again", what, why)
            await asyncio.to_thread(_truncate, f)
            return await self._get(url, f, 0, kind, what, progress)

    async def _get(self, url: str, f: BinaryIO, offset: int, kind: str, what: str,
                   progress: Callable[[float], None] | None) -> str:
        cap = AUDIO_MAX if kind == "audio" else IMAGE_MAX
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        try:
            request = self._http.build_request("GET", url, headers=headers)
        except Exception:  # noqa: BLE001 -- InvalidURL, IDNA and encoding errors all mean a link we cannot use
            raise MediaError(f"The {what} link \u201c{short(url, 80)}\u201d cannot be used.") from None
        try:
            resp = await self._http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise _network_error(exc, what) from exc
        try:
            offset, total = self._accept(resp, offset, cap, what)
            if offset == 0:
                await asyncio.to_thread(_truncate, f)
            head = await asyncio.to_thread(_read_head, f) if offset else b""
            got = offset
            # closed here, in this task, even on cancel: left to the garbage collector, httpcore's
            # stream would be closed from another task, which anyio refuses
            chunks = cast(AsyncGenerator[bytes, None], resp.aiter_bytes())  # as they arrive, not in 64 KB lots
            try:
                async for chunk in chunks:
                    if len(head) < 64:
                        head += chunk[: 64 - len(head)]
                        self._check_head(head, kind, what, resp.headers.get("content-type", ""))
                    got += len(chunk)
                    if got > cap or (total is not None and got > total):
                        raise MediaError(f"The {what} is larger than the {cap // 2**20} MB allowed."
                                         if got > cap else f"The {what} server sent more than it announced.")
                    await asyncio.to_thread(f.write, chunk)
                    if progress is not None:
                        progress(got / total if total else -1.0)
            except httpx.HTTPError as exc:
                raise _network_error(exc, what) from exc
            finally:
                await chunks.aclose()
        finally:
            await resp.aclose()
        if total is not None and got != total:
            raise MediaError(f"The {what} download stopped early ({got} of {total} bytes); "
                             "it will be tried again.", retryable=True)
        ext = sniff(head, kind) or ""
        if not ext or got == 0:
            raise MediaError(f"The file served as the {what} is not {'audio' if kind == 'audio' else 'a picture'}.")
        return ext

    @staticmethod
    def _accept(resp: httpx.Response, offset: int, cap: int, what: str) -> tuple[int, int | None]:
        """(offset the body starts at, total size or None) for an answer, or why it is refused."""
        code = resp.status_code
        if code in (401, 403, 404, 410):
            raise MediaError(f"The {what} link has expired or is gone (HTTP {code}). "
                             "The service keeps files for about two weeks.", status=code)
        if code == 416 and offset:
            raise _Restart("HTTP 416")
        if code == 429 or code >= 500:
            raise MediaError(f"The {what} server is busy or failing (HTTP {code}); it will be tried again.",
                             status=code, retryable=True)
        if code >= 400 or code not in (200, 206):
            raise MediaError(f"The {what} could not be fetched (HTTP {code}).", status=code)
        length = resp.headers.get("content-length", "").strip()
        size = int(length) if length.isdigit() else None
        total: int | None
        if code == 206:
            rng = _content_range(resp.headers.get("content-range", ""))
            if rng is None or rng[0] != offset or (size is not None and size != rng[1] - rng[0] + 1):
                if offset:
                    raise _Restart(f"206 with Content-Range {resp.headers.get('content-range')!r} for byte {offset}")
                if rng is not None or size is None:
                    raise MediaError(f"The {what} server sent a part of the file that was not asked for.",
                                     retryable=True)
                # a 206 to a request without Range, with no Content-Range: the body is the file
                total = size
            else:
                total = rng[2] if rng[2] is not None else rng[1] + 1
        else:
            # a 200 is the whole file, even when a Range was asked for: start again from zero
            offset, total = 0, size
        if total is not None and total > cap:
            raise MediaError(f"The {what} is {total // 2**20} MB, more than the {cap // 2**20} MB allowed.")
        return offset, total

    @staticmethod
    def _check_head(head: bytes, kind: str, what: str, ctype: str) -> None:
        if looks_like_html(head) or (len(head) >= 12 and sniff(head, kind) is None):
            looks = "a web page" if looks_like_html(head) else ctype or "something else"
            raise MediaError(f"The file served as the {what} is not {'audio' if kind == 'audio' else 'a picture'}"
                             f" (it looks like {looks}).")

    @staticmethod
    async def _check_image(path: Path, what: str) -> None:
        from PySide6.QtGui import QImage

        def decodes() -> bool:
            return not QImage(str(path)).isNull()

        if not await asyncio.to_thread(decodes):
            raise MediaError(f"The {what} could not be decoded as a picture.")


def _network_error(exc: httpx.HTTPError, what: str) -> MediaError:
    if isinstance(exc, httpx.TimeoutException):
        return MediaError(f"The {what} download stalled (nothing arrived for a while); it will be tried again.",
                          retryable=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return MediaError(f"The {what} link cannot be used ({type(exc).__name__}).")
    return MediaError(f"Downloading the {what} failed ({type(exc).__name__}); it will be tried again.",
                      retryable=True)


# -- the partial file: blocking helpers, run in a worker thread --------------------------------------------

def _lock(f: BinaryIO) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _part_candidates(dest: Path) -> list[Path]:
    """Partial files of earlier tries at ``dest``, largest first (the plain ``.part`` of older versions too)."""
    prefix = dest.name + "."
    found: list[tuple[int, Path]] = []
    try:
        with os.scandir(dest.parent) as it:
            for entry in it:
                if entry.name.startswith(prefix) and entry.name.endswith(".part") and entry.is_file():
                    middle = entry.name[len(prefix):-len(".part")]
                    if middle == "" or re.fullmatch(r"[0-9a-f]{12}", middle):
                        found.append((entry.stat().st_size, Path(entry.path)))
    except FileNotFoundError:
        return []
    return [p for _, p in sorted(found, key=lambda t: -t[0])]


def _adopt(path: Path) -> BinaryIO | None:
    """``path`` opened and locked, if no one else is writing it and it is still that file."""
    if fcntl is None:
        return None
    try:
        f = open(path, "r+b")  # noqa: SIM115 -- the caller owns it until the download ends
    except OSError:
        return None
    try:
        # the writer may have renamed it into place between our open and our lock: then it is the
        # finished file under another name, and not ours to append to
        if _lock(f) and os.stat(path).st_ino == os.fstat(f.fileno()).st_ino:
            f.seek(0, os.SEEK_END)
            return f
    except OSError:
        pass
    f.close()
    return None


def _claim_part(dest: Path) -> tuple[Path, BinaryIO]:
    """A locked partial file for ``dest``: one left by a finished or dead writer, or a new one."""
    for candidate in _part_candidates(dest):
        f = _adopt(candidate)
        if f is not None:
            return candidate, f
    while True:
        path = dest.with_name(f"{dest.name}.{uuid.uuid4().hex[:12]}.part")
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        f = os.fdopen(fd, "r+b")
        _lock(f)
        return path, f


def _drop_stale_parts(dest: Path) -> None:
    """After a success, partial files for the same destination that no one is writing are garbage."""
    for candidate in _part_candidates(dest):
        f = _adopt(candidate)
        if f is not None:
            try:
                candidate.unlink(missing_ok=True)
            finally:
                f.close()


def _size(f: BinaryIO) -> int:
    return os.fstat(f.fileno()).st_size


def _truncate(f: BinaryIO) -> None:
    f.seek(0)
    f.truncate()


def _read_head(f: BinaryIO) -> bytes:
    pos = f.tell()
    f.seek(0)
    head = f.read(64)
    f.seek(pos)
    return head


def _commit(f: BinaryIO, part: Path, final: Path) -> None:
    f.flush()
    os.fsync(f.fileno())
    os.replace(part, final)
    try:
        dir_fd = os.open(final.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _release(f: BinaryIO, part: Path, keep: bool) -> None:
    try:
        f.flush()
    except OSError:
        pass
    if not keep:
        part.unlink(missing_ok=True)
    f.close()
