"""The strip above the form that says when the app is not talking to the live service with a good key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    enterKeyClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: rgba(30,136,229,0.12); border-radius: 6px; }")
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton("Enter API key\u2026")
        self.button.setObjectName("enterKeyButton")
        self.button.clicked.connect(self.enterKeyClicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)

    def show_server(self, is_demo: bool, has_key: bool) -> None:
        if is_demo:
            reason = "no API key is set" if not has_key else "demo mode is on"
            self._say(f"<b>Demo server</b> \u2014 {reason}. Everything works, with made-up music and no "
                      "credits spent. Enter your API key to make real covers.")
        elif not has_key:
            self._say("<b>No API key.</b> Jobs will be refused until you enter your key.")
        else:
            self.hide()

    def key_refused(self, message: str) -> None:
        self._say(f"<b>Key not accepted.</b> {message}")

    def _say(self, html: str) -> None:
        self.text.setText(html)
        self.show()
