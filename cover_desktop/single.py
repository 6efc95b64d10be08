"""One running copy per profile. Two copies on one profile would download into the same files and poll the
same jobs twice; a second launch instead hands its arguments (ids, links) to the first and exits."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
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
        profile.mkdir(parents=True, exist_ok=True)
        self.name = server_name(profile)
        self.lock = QLockFile(str(profile / "instance.lock"))
        # a lock left by a crashed copy is taken over (QLockFile checks whether its process still runs)
        self.lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True for the first copy on this profile; it then listens for later launches."""
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
