"""One running copy per profile. Two copies on one profile would download into the same files and poll the
same jobs twice; a second launch instead hands its arguments (ids, links) to the first and exits."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile, QMetaMethod, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MESSAGE_MAX = 1_000_000


def server_name(profile: Path) -> str:
    digest = hashlib.sha256(str(profile.resolve()).encode()).hexdigest()[:16]
    return f"cover-desktop-{digest}"


class InstanceGuard(QObject):
    received = Signal(list)   # the arguments a second launch handed over

    def __init__(self, profile: Path, parent: QObject | None = None):
        super().__init__(parent)
        try:
            profile.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # said by the job history, which then lives in memory; the app still starts
            log.warning("profile folder %s cannot be made: %s", profile, exc)
        self.name = server_name(profile)
        self.lock = _lock_file(profile / "instance.lock")
        self._server: QLocalServer | None = None
        self._pending: list[list[str]] = []   # handed over before anyone listens (the window is not up yet)

    def acquire(self) -> bool:
        """True for the first copy on this profile; it then listens for later launches."""
        if not self.lock.tryLock(200):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False   # held by a running copy
            # a profile folder that cannot be written (or made) must not stop the app (its history is then
            # kept in memory): the lock goes to the temporary folder, under the profile's name
            if _answers(self.name):
                return False
            fallback = Path(tempfile.gettempdir()) / f"{self.name}-{os.getuid() if hasattr(os, 'getuid') else 0}.lock"
            log.warning("the profile folder cannot be written; its lock is %s", fallback)
            self.lock = _lock_file(fallback)
            if not self.lock.tryLock(200):
                return False
        QLocalServer.removeServer(self.name)   # a socket file a crashed copy left behind
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen for other launches: %s", server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self.lock.unlock()

    def _accept(self) -> None:
        if self._server is None:
            return
        while (sock := self._server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine() and sock.bytesAvailable() < MESSAGE_MAX:
            return
        line = bytes(sock.readLine(MESSAGE_MAX).data())
        sock.write(b"ok\n")
        sock.flush()
        sock.disconnectFromServer()
        try:
            args = json.loads(line)
        except ValueError:
            log.warning("a second launch sent something unreadable")
            return
        if isinstance(args, list) and all(isinstance(a, str) for a in args):
            log.info("another launch handed over: %s", _described(args))
            if self.isSignalConnected(QMetaMethod.fromSignal(self.received)):
                self.received.emit(args)
            else:
                self._pending.append(args)

    def connectNotify(self, signal: QMetaMethod) -> None:
        super().connectNotify(signal)
        if signal.name() == b"received" and self._pending:
            # after the connection is made, not inside it
            QTimer.singleShot(0, self._deliver_pending)

    def _deliver_pending(self) -> None:
        pending, self._pending = self._pending, []
        for args in pending:
            self.received.emit(args)

    @staticmethod
    def hand_over(profile: Path, args: list[str], timeout_ms: int = 3000) -> bool:
        """From a second launch: give ``args`` to the running copy. Blocking, before any event loop runs."""
        sock = QLocalSocket()
        sock.connectToServer(server_name(profile))
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(json.dumps(args).encode() + b"\n")
        if not sock.waitForBytesWritten(timeout_ms):
            return False
        answered = sock.waitForReadyRead(timeout_ms) and bytes(sock.readLine(16).data()).startswith(b"ok")
        sock.disconnectFromServer()
        return answered


def _lock_file(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # a lock left by a crashed copy is taken over (QLockFile checks whether its process still runs)
    lock.setStaleLockTime(0)
    return lock


def _answers(name: str) -> bool:
    """Whether a running copy listens under ``name``."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    up = sock.waitForConnected(500)
    sock.abort()
    return up


def _described(args: list[str]) -> str:
    ids = [a for a in args if a != "--raise"]
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return f"{len(ids)} id(s){': ' + shown if ids else ''}{' and a wish to be seen' if '--raise' in args else ''}"
