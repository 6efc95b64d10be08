"""Download a clip's audio or cover: streamed, capped, checked, written to ``.part`` then renamed.

This client never carries the API key: media URLs point at CDNs, which must not see it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import httpx

from ..api.errors import MediaError
from ..api.mapping import looks_like_html

log = logging.getLogger(__name__)

AUDIO_MAX = 200 * 1024 * 1024
IMAGE_MAX = 20 * 1024 * 1024
CHUNK = 64 * 1024

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
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        shown = (url or "(none)")[:80]
        raise MediaError(f"Refused to fetch the {what} from \u201c{shown}\u201d: only http and https links are used.")


class MediaFetcher:
    def __init__(self, transport: httpx.AsyncBaseTransport | None = None):
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(connect=10.0, read=60.0, write=30.0, pool=60.0), follow_redirects=True,
            limits=httpx.Limits(max_connections=6, max_keepalive_connections=4), transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def fetch(self, url: str, dest: Path, kind: str,
                    progress: Callable[[float], None] | None = None) -> Path:
        """Fetch ``url`` to ``dest`` + the proven extension; return the final path."""
        what = "audio" if kind == "audio" else "cover image"
        check_url(url, what)
        cap = AUDIO_MAX if kind == "audio" else IMAGE_MAX
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        offset = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        try:
            async with self._http.stream("GET", url, headers=headers) as resp:
                if resp.status_code in (401, 403, 404, 410):
                    raise MediaError(f"The {what} link has expired or is gone (HTTP {resp.status_code}). "
                                     "The service keeps files for about two weeks.", status=resp.status_code)
                if resp.status_code >= 400:
                    raise MediaError(f"The {what} could not be fetched (HTTP {resp.status_code}).",
                                     status=resp.status_code)
                if resp.status_code != 206:
                    offset = 0
                length = resp.headers.get("content-length")
                total = int(length) + offset if length and length.isdigit() else None
                if total is not None and total > cap:
                    raise MediaError(f"The {what} is {total // 2**20} MB, more than the {cap // 2**20} MB allowed.")
                head = await asyncio.to_thread(_read_head, part) if offset else b""
                got = offset
                f = await asyncio.to_thread(open, part, "ab" if offset else "wb")
                # closed here, in this task, even on cancel: left to the garbage collector, httpcore's
                # stream would be closed from another task, which anyio refuses
                chunks = resp.aiter_bytes(CHUNK)
                try:
                    async for chunk in chunks:
                        if len(head) < 64:
                            head += chunk[: 64 - len(head)]
                            self._check_head(head, kind, what, resp.headers.get("content-type", ""))
                        got += len(chunk)
                        if got > cap:
                            raise MediaError(f"The {what} is larger than the {cap // 2**20} MB allowed.")
                        await asyncio.to_thread(f.write, chunk)
                        if progress is not None:
                            progress(got / total if total else -1.0)
                finally:
                    await chunks.aclose()
                    await asyncio.to_thread(f.close)
        except MediaError:
            part.unlink(missing_ok=True)
            raise
        except httpx.HTTPError as exc:
            # the .part file stays: the next try resumes from where this one stopped
            raise MediaError(f"Downloading the {what} failed ({type(exc).__name__}); "
                             "it will be tried again.") from exc
        if total is not None and got < total:
            raise MediaError(f"The {what} download stopped early ({got} of {total} bytes).")
        ext = sniff(head, kind) or ""
        if not ext or got == 0:
            part.unlink(missing_ok=True)
            raise MediaError(f"The file served as the {what} is not {'audio' if kind == 'audio' else 'a picture'}.")
        if kind == "image":
            await self._check_image(part, what)
        final = dest.with_name(dest.name + ext)
        os.replace(part, final)
        if progress is not None:
            progress(1.0)
        return final

    @staticmethod
    def _check_head(head: bytes, kind: str, what: str, ctype: str) -> None:
        if looks_like_html(head) or (len(head) >= 12 and sniff(head, kind) is None):
            raise MediaError(f"The file served as the {what} is not {'audio' if kind == 'audio' else 'a picture'}"
                             f" (it looks like {'a web page' if looks_like_html(head) else ctype or 'something else'}).")

    @staticmethod
    async def _check_image(path: Path, what: str) -> None:
        from PySide6.QtGui import QImage

        def decodes() -> bool:
            return not QImage(str(path)).isNull()

        if not await asyncio.to_thread(decodes):
            path.unlink(missing_ok=True)
            raise MediaError(f"The {what} could not be decoded as a picture.")


def _read_head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(64)
