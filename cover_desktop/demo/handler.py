"""The demo server's request handler: the API and the media host, and the faults served on demand."""

from __future__ import annotations

import email.utils
import json
import logging
import re
import socket
import struct
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .protocol import (
    _KNOWN_ID,
    _TRANSPORT_FAULTS,
    GENERATE,
    HUGE_DEFAULT,
    STATUS,
    Fault,
    Recorded,
)
from .synth import aiff_bytes, solid_png

log = logging.getLogger(__name__)


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj).encode()


class _Handler(BaseHTTPRequestHandler):
    demo: Any   # the DemoServer this handler class was made for (set in DemoServer.start)
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
        if fault is not None and fault.kind == "redirect":
            return self._send(302, b"", "text/plain", headers={"Location": fault.variant})
        if fault is not None and fault.kind == "small-png" and ctype == "image/png":
            data = solid_png(fault.size or 64)
        if fault is not None and fault.kind == "aiff" and ctype == "audio/wav":
            data, ctype = aiff_bytes(data), "audio/aiff"
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
