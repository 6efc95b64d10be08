"""The built-in demo server: the Upload Cover API and a media host on loopback.

Used by ``cover-desktop --demo`` and by the tests. It speaks the same API as the service, moves tasks
through queued -> processing -> streaming -> complete over ``duration`` seconds, serves real audio and
covers from a *separate* port (a different origin, so tests can prove the key never goes there),
records every request, and injects faults on demand. With a ``state_file`` it keeps its tasks (and
tries to keep its ports) across restarts, so an app restarted on the demo still sees its jobs finish.

Faults (``inject(kind, target="api"|"media", ...)``):

=================  ======================================================================================
429, 500, 503,     that HTTP error; 429 carries ``Retry-After: retry_after`` seconds (default 1), 503 when given
402, 401, 403, 404
retry-after-date   429 whose Retry-After is an HTTP date ``seconds`` from now
502-html, html     a proxy's web page (502), or a login page answering 200 (as an image on the media host)
envelope           HTTP 200 whose JSON envelope says ``code`` 500
garbage            HTTP 200 with truncated JSON
stall              nothing for ``seconds``, then the connection closes
reset              the connection reset before any answer
reset-mid          headers and part of the body (``size`` bytes, default half), then a reset
length-lie         Content-Length ``size`` (default 1000) bytes more than the body, then the connection closes
drip               the normal answer, one byte every ``seconds``
huge               HTTP 200 announcing ``size`` bytes (default 2 GB) of spaces, made while sent
huge-stream        the same without Content-Length (ends when the connection closes)
no-data            a success envelope without ``data``
no-clips           status ``data`` without ``clips``
null-urls          clips whose audio_url is null and image_url empty
unknown-status     status "weird_state"
long-error         a failed task whose ``error`` is ``size`` characters (default 1 MB) of lines
stream             media without Content-Length (close-delimited)
partial-206        media: 206 with the whole file and no Content-Range (``variant="wrong"``: one saying 0-)
range-ignored      media: 200 with the whole file, whatever Range was asked for
small-png          media: the cover as a single-colour PNG of ``size`` pixels square (default 64): 136 bytes
redirect           media: 302 to ``variant`` (a link to anywhere: another port, another address)
aiff               media: the audio as AIFF (``FORM``…``AIFF``) instead of WAV
=================  ======================================================================================
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

from .handler import _Handler
from .protocol import (
    FAULTS,
    Fault,
    Recorded,
)
from .synth import png_bytes, wav_bytes

log = logging.getLogger(__name__)


@dataclass
class Task:
    task_id: str
    request: dict[str, Any]
    created: float
    duration: float
    credits: int
    clips_wanted: int = 2

    def status_at(self, now: float) -> str:
        aid = self.request.get("audio_id", "")
        if aid.startswith("stuck-"):
            return "processing"
        frac = 1.0 if self.duration <= 0 else (now - self.created) / self.duration
        if frac >= 1.0:
            return "failed" if aid.startswith("fail-") else "complete"
        if frac < 0.25:
            return "queued"
        return "processing" if frac < 0.6 or aid.startswith("fail-") else "streaming"


@dataclass
class DemoState:
    tasks: dict[str, Task] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    charged: int = 0
    submits: int = 0
    in_flight: int = 0
    max_in_flight: int = 0      # most API requests being answered at once
    body_bytes_sent: dict[str, int] = field(default_factory=dict)  # per fault kind, for the huge ones


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # reset faults and hung-up clients are expected
        pass


class DemoServer:
    def __init__(self, *, duration: float = 8.0, host: str = "127.0.0.1", clips_per_task: int = 2,
                 audio_seconds: float = 3.0, state_file: Path | None = None):
        self.duration = duration
        self.host = host
        self.clips_per_task = clips_per_task
        self.audio_seconds = audio_seconds
        self.latency = 0.0  # seconds every API answer waits, to hold a request in flight in tests
        self.state = DemoState()
        self.state_file = state_file
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self._seq = 0
        self._ports: dict[str, int] = {}
        if state_file is not None:
            self._load_state(state_file)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> DemoServer:
        for role in ("api", "media"):
            handler = type(f"{role.capitalize()}Handler", (_Handler,), {"demo": self, "role": role})
            srv = self._bind(handler, self._ports.get(role, 0))
            # a stop is noticed at the next poll: a short one, since every test stops a server
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02},
                                 name=f"demo-{role}", daemon=True)
            t.start()
            self._servers.append(srv)
            self._threads.append(t)
        if self.state_file is not None:
            with self._lock:
                self._save_state()
        return self

    def _bind(self, handler: type[BaseHTTPRequestHandler], port: int) -> _Server:
        # the same ports as last time where free: clip links saved by the app then still work
        if port:
            try:
                return _Server((self.host, port), handler)
            except OSError:
                pass
        return _Server((self.host, 0), handler)

    def stop(self) -> None:
        self._stopping.set()
        # told together, the two loops take one poll to stop, not one each
        stopping = [threading.Thread(target=srv.shutdown, name="demo-stop") for srv in self._servers]
        for t in stopping:
            t.start()
        for t in stopping:
            t.join()
        for srv in self._servers:
            srv.server_close()
        for t in self._threads:
            t.join(timeout=2)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self._servers[0].server_address[1]}"

    @property
    def media_url(self) -> str:
        return f"http://{self.host}:{self._servers[1].server_address[1]}"

    # -- what tests look at and steer -------------------------------------------------------------
    def inject(self, kind: str, *, target: str = "api", path_contains: str = "", count: int = 1,
               retry_after: str = "", seconds: float = 5.0, size: int = 0, variant: str = "") -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}")
        with self._lock:
            self.state.faults.append(Fault(kind, target, path_contains, count, retry_after, seconds, size, variant))

    def body_bytes_sent(self, kind: str) -> int:
        """How many body bytes the ``huge`` faults of this kind got out before the client hung up."""
        with self._lock:
            return self.state.body_bytes_sent.get(kind, 0)

    def clear_faults(self) -> None:
        with self._lock:
            self.state.faults.clear()

    def requests(self, server: str | None = None, path_contains: str = "") -> list[Recorded]:
        with self._lock:
            return [r for r in self.state.requests
                    if (server is None or r.server == server) and path_contains in r.path]

    @property
    def submits(self) -> int:
        return self.state.submits

    @property
    def charged(self) -> int:
        return self.state.charged

    def finish_all(self) -> None:
        """Make every task complete now (used to step a test past the wait)."""
        with self._lock:
            for t in self.state.tasks.values():
                t.created -= t.duration + 1

    def audio_for(self, clip_id: str) -> bytes:
        return wav_bytes(clip_id, self.audio_seconds)

    def image_for(self, clip_id: str) -> bytes:
        return png_bytes(clip_id)

    # -- the handlers' side --------------------------------------------------------------------------
    def _take_fault(self, role: str, path: str) -> Fault | None:
        with self._lock:
            for f in self.state.faults:
                if f.target == role and f.path_contains in path:
                    f.count -= 1
                    if f.count <= 0:
                        self.state.faults.remove(f)
                    return f
        return None

    def _count_in(self, delta: int) -> None:
        with self._lock:
            self.state.in_flight += delta
            self.state.max_in_flight = max(self.state.max_in_flight, self.state.in_flight)

    def _record(self, rec: Recorded) -> None:
        with self._lock:
            self.state.requests.append(rec)

    def _new_task(self, body: dict[str, Any]) -> Task:
        with self._lock:
            self._seq += 1
            digest = hashlib.sha1(f"{body.get('audio_id')}{self._seq}{time.time()}".encode()).hexdigest()
            task_id = f"upl{digest[:12]}"
            credits = 5 + int(digest[12:14], 16) % 8
            task = Task(task_id, body, time.monotonic(), self.duration, credits, self.clips_per_task)
            self.state.tasks[task_id] = task
            self.state.submits += 1
            self.state.charged += credits
            if self.state_file is not None:
                self._save_state()
            return task

    # -- kept across restarts ---------------------------------------------------------------------------
    def _load_state(self, path: Path) -> None:
        try:
            raw = json.loads(path.read_text("utf-8"))
            now_wall, now_mono = time.time(), time.monotonic()
            for t in raw.get("tasks", []):
                # monotonic clocks restart with the process: kept as wall-clock time on disk
                task = Task(str(t["task_id"]), dict(t["request"]), now_mono - (now_wall - float(t["created_wall"])),
                            float(t["duration"]), int(t["credits"]), int(t.get("clips_wanted", 2)))
                self.state.tasks[task.task_id] = task
            self._ports = {k: int(v) for k, v in raw.get("ports", {}).items() if k in ("api", "media")}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("demo state %s unreadable (%s); starting with no tasks", path, type(exc).__name__)

    def _save_state(self) -> None:
        """Called with the lock held."""
        if self.state_file is None:
            return
        now_wall, now_mono = time.time(), time.monotonic()
        ports = {role: srv.server_address[1] for role, srv in zip(("api", "media"), self._servers, strict=True)}
        data = {"version": 1, "ports": ports,
                "tasks": [{"task_id": t.task_id, "request": t.request,
                           "created_wall": now_wall - (now_mono - t.created),
                           "duration": t.duration, "credits": t.credits, "clips_wanted": t.clips_wanted}
                          for t in self.state.tasks.values()]}
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.state_file.with_name(self.state_file.name + ".tmp")
            tmp.write_text(json.dumps(data), "utf-8")
            os.replace(tmp, self.state_file)
        except OSError as exc:
            log.warning("demo state not saved (%s)", type(exc).__name__)

    def _task_json(self, task: Task) -> dict[str, Any]:
        status = task.status_at(time.monotonic())
        req = task.request
        clips = []
        n = task.clips_wanted if status == "complete" else (1 if status == "streaming" else 0)
        for i in range(n):
            cid = f"{task.task_id}-{i + 1}"
            clip: dict[str, Any] = {"id": cid,
                                    "audio_url": f"{self.media_url}/audio?item_id={cid}",
                                    "title": req.get("title") or f"Cover of {req.get('audio_id')} #{i + 1}",
                                    "tags": req.get("style") or "demo pop",
                                    "duration": self.audio_seconds}
            if status == "complete":
                clip["image_url"] = f"{self.media_url}/image_{cid}.png"
            clips.append(clip)
        out: dict[str, Any] = {"task_id": task.task_id, "status": status, "clips": clips,
                               "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if status == "failed":
            out["error"] = "The model could not make a cover from this audio."
        return out
