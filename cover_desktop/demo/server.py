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
=================  ======================================================================================
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import os
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from .synth import png_bytes, wav_bytes

GENERATE = "/api/v1/audio/music/upload-cover/generate"
STATUS = "/api/v1/audio/music/upload-cover/status"
DEMO_KEY = "aio_demo_local_key"

_KNOWN_ID = re.compile(
    r"^(aud[\w-]+|(demo|fail|stuck)-[\w-]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")
FAULTS = {"429", "500", "503", "502-html", "envelope", "garbage", "stall", "reset", "402", "401",
          "stream", "html", "404", "403", "drip", "huge", "huge-stream", "partial-206", "range-ignored",
          "length-lie", "reset-mid", "no-data", "no-clips", "null-urls", "unknown-status", "retry-after-date",
          "long-error"}
_TRANSPORT_FAULTS = {"drip", "length-lie", "reset-mid"}   # the normal answer, sent badly
HUGE_DEFAULT = 2 * 1024 ** 3

log = logging.getLogger(__name__)


@dataclass
class Recorded:
    server: str          # "api" or "media"
    method: str
    path: str            # with the query
    headers: dict[str, str]
    body: str
    at: float

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Fault:
    kind: str
    target: str = "api"
    path_contains: str = ""
    count: int = 1
    retry_after: str = ""        # 429 sends "1" when none is given; 503 sends it only when given
    seconds: float = 5.0
    size: int = 0
    variant: str = ""


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
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
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
        for srv in self._servers:
            srv.shutdown()
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


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj).encode()


class _Handler(BaseHTTPRequestHandler):
    demo: DemoServer
    role: str
    protocol_version = "HTTP/1.1"
    _transport: Fault | None = None   # how the next answer's body is to be mangled on the wire

    def log_message(self, format, *args):  # quiet: tests read the recorded requests instead
        pass

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_HEAD(self):
        self._dispatch("HEAD")

    # -- plumbing ---------------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self.demo._record(Recorded(self.role, method, self.path, {k.lower(): v for k, v in self.headers.items()},
                                   raw.decode("utf-8", "replace"), time.time()))
        fault = self.demo._take_fault(self.role, self.path)
        self._transport = fault if fault is not None and fault.kind in _TRANSPORT_FAULTS else None
        if fault is not None and self._apply_fault(fault):
            return
        if self.role == "api":
            self.demo._count_in(1)
            try:
                if self.demo.latency:
                    self.demo._stopping.wait(self.demo.latency)
                self._api(method, raw, fault)
            finally:
                self.demo._count_in(-1)
        else:
            self._media(method, fault)

    def _send(self, code: int, body: bytes, ctype: str = "application/json",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        mangle, self._transport = self._transport, None
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            extra = (mangle.size or 1000) if mangle is not None and mangle.kind == "length-lie" else 0
            self.send_header("Content-Length", str(len(body) + extra))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            if mangle is None:
                self.wfile.write(body)
            elif mangle.kind == "drip":
                self.close_connection = True
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    if self.demo._stopping.wait(mangle.seconds):
                        return
            elif mangle.kind == "reset-mid":
                self.wfile.write(body[: mangle.size or len(body) // 2])
                self.demo._stopping.wait(0.2)  # let the part arrive before the reset
                self._reset()
            else:  # length-lie: the whole body, fewer bytes than announced, then the connection closes
                self.wfile.write(body)
                self.close_connection = True
        except OSError:
            self.close_connection = True

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _send_spaces(self, f: Fault) -> None:
        """``size`` bytes of spaces, made while sent: a body of gigabytes never exists in memory."""
        size = f.size or HUGE_DEFAULT
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if self.role == "api" else "audio/wav")
        if f.kind == "huge":
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        block, sent = b" " * 65536, 0
        try:
            while sent < size and not self.demo._stopping.is_set():
                n = min(len(block), size - sent)
                self.wfile.write(block[:n])
                sent += n
        except OSError:
            pass
        with self.demo._lock:
            done = self.demo.state.body_bytes_sent
            done[f.kind] = done.get(f.kind, 0) + sent

    def _error(self, code: int, kind: str, message: str) -> None:
        self._send(code, _json_bytes({"code": code, "type": kind, "message": message}))

    def _apply_fault(self, f: Fault) -> bool:
        """Serve the fault; False where the fault only changes how the normal answer is sent."""
        if f.kind in ("429", "retry-after-date"):
            when = email.utils.formatdate(time.time() + f.seconds, usegmt=True)
            self._send(429, _json_bytes({"code": 429, "type": "rate_limited", "message": "Too many requests"}),
                       headers={"Retry-After": (f.retry_after or "1") if f.kind == "429" else when})
        elif f.kind in ("huge", "huge-stream"):
            self._send_spaces(f)
        elif f.kind in ("500", "503"):
            body = {"code": int(f.kind), "type": "server_error", "message": "Internal error"}
            self._send(int(f.kind), _json_bytes(body),
                       headers={"Retry-After": f.retry_after} if f.kind == "503" and f.retry_after else None)
        elif f.kind == "402":
            self._error(402, "insufficient_credits", "Insufficient credits")
        elif f.kind == "401":
            self._error(401, "authentication_error", "Invalid API key")
        elif f.kind in ("404", "403"):
            self._error(int(f.kind), "not_found" if f.kind == "404" else "forbidden", "Gone")
        elif f.kind == "502-html":
            self._send(502, b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                            b"<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", "text/html")
        elif f.kind == "html":
            # a captive portal or CDN login page that answers 200, even claiming to be an image
            self._send(200, b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Login</body></html>",
                       "text/html" if self.role == "api" else "image/png")
        elif f.kind == "envelope":
            self._send(200, _json_bytes({"code": 500, "message": "Upstream model error", "data": None}))
        elif f.kind == "garbage":
            self._send(200, b'{"code": 200, "data": {"task_id": ', "application/json")
        elif f.kind == "stall":
            self.demo._stopping.wait(f.seconds)
            self.close_connection = True
        elif f.kind == "reset":
            self._reset()
        else:
            return False
        return True

    # -- the API -------------------------------------------------------------------------------------
    def _api(self, method: str, raw: bytes, fault: Fault | None) -> None:
        url = urlsplit(self.path)
        auth = self.headers.get("Authorization", "")
        key = auth[7:].strip() if auth.startswith("Bearer ") else ""
        if not key.startswith("aio_") or len(key) <= 4:
            return self._error(401, "authentication_error", "Invalid or missing API key")
        if url.path == GENERATE and method == "POST":
            return self._generate(raw, fault)
        if url.path == STATUS and method == "GET":
            task_id = (parse_qs(url.query).get("task_id") or [""])[0]
            if not task_id:
                return self._error(400, "invalid_request", "task_id is required")
            task = self.demo.state.tasks.get(task_id)
            if task is None:
                return self._error(404, "not_found", "Task not found")
            data = self.demo._task_json(task)
            if fault is not None and fault.kind == "no-data":
                return self._send(200, _json_bytes({"code": 200, "message": "success"}))
            if fault is not None:
                _mangle_status(data, fault)
            return self._send(200, _json_bytes({"code": 200, "message": "success", "data": data}))
        self._error(404, "not_found", "No such endpoint")

    def _generate(self, raw: bytes, fault: Fault | None = None) -> None:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return self._error(400, "invalid_request", "Body must be a JSON object")
        audio_id = body.get("audio_id")
        if not isinstance(audio_id, str) or not audio_id.strip():
            return self._error(400, "invalid_request", "audio_id is required")
        if body.get("custom_mode") and not str(body.get("prompt") or "").strip():
            return self._error(400, "invalid_request", "prompt is required when custom_mode is true")
        if audio_id.startswith(("short-", "long-")):
            return self._error(400, "invalid_request",
                               "Uploaded audio length does not meet guidelines (6-60s)")
        if not _KNOWN_ID.match(audio_id):
            return self._error(404, "not_found", "Audio ID not found")
        task = self.demo._new_task(body)
        if fault is not None and fault.kind == "no-data":
            # the service took the job (and the credits), but its answer lost the data
            return self._send(200, _json_bytes({"code": 200, "message": "success"}))
        self._send(200, _json_bytes({"code": 200, "message": "success", "data": {"task_id": task.task_id}}))

    # -- the media host ----------------------------------------------------------------------------------
    def _media(self, method: str, fault: Fault | None) -> None:
        url = urlsplit(self.path)
        if url.path == "/audio":
            cid = (parse_qs(url.query).get("item_id") or [""])[0]
            if not cid or cid.startswith("expired"):
                return self._error(404, "not_found", "Expired")
            data, ctype = self.demo.audio_for(cid), "audio/wav"
        elif url.path.startswith("/image_") and url.path.endswith(".png"):
            data, ctype = self.demo.image_for(url.path[len("/image_"):-4]), "image/png"
        else:
            return self._error(404, "not_found", "No such file")
        if fault is not None and fault.kind == "stream":
            return self._send(200, data, ctype, length=False)
        if fault is not None and fault.kind == "range-ignored":
            return self._send(200, data, ctype, headers={"Accept-Ranges": "bytes"})
        if fault is not None and fault.kind == "partial-206":
            wrong = {"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"} if fault.variant == "wrong" else {}
            return self._send(206, data, ctype, headers=wrong)
        start = _range_start(self.headers.get("Range", ""))
        if start and start < len(data):
            return self._send(206, data[start:], ctype, headers={
                "Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}", "Accept-Ranges": "bytes"})
        self._send(200, data, ctype, headers={"Accept-Ranges": "bytes"})


def _mangle_status(data: dict[str, Any], f: Fault) -> None:
    if f.kind == "no-clips":
        data.pop("clips", None)
    elif f.kind == "null-urls":
        for clip in data.get("clips", []):
            clip["audio_url"], clip["image_url"] = None, ""
    elif f.kind == "unknown-status":
        data["status"] = "weird_state"
    elif f.kind == "long-error":
        size = f.size or 1_000_000
        line = "Model failure\n2026-01-01 00:00:00 ERROR forged log line\n"
        data["status"], data["error"] = "failed", (line * (size // len(line) + 1))[:size]


def _range_start(header: str) -> int:
    m = re.match(r"bytes=(\d+)-$", header.strip())
    return int(m.group(1)) if m else 0
