"""The strip above the form that says when the app is not talking to the live service with a good key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import translate


class Banner(QFrame):
    enterKeyClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: rgba(30,136,229,0.12); border-radius: 6px; }")
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(translate("Banner", "Enter API key\u2026"))
        self.button.setObjectName("enterKeyButton")
        self.button.clicked.connect(self.enterKeyClicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)

    def show_server(self, is_demo: bool, has_key: bool, for_want_of_key: bool = False,
                    key_unreadable: bool = False) -> None:
        if is_demo:
            if for_want_of_key:
                self._say(translate("Banner", "<b>Demo server</b> \u2014 no API key is set. Everything works, with "
                                              "made-up music and no credits spent. Enter your API key to make real "
                                              "covers."))
            else:
                self._say(translate("Banner", "<b>Demo server</b> \u2014 demo mode is on. Everything works, with "
                                              "made-up music and no credits spent. Enter your API key to make real "
                                              "covers."))
        elif key_unreadable:
            self._say(translate("Banner", "<b>The system keyring is locked.</b> Your key could not be read, so jobs "
                                          "are not checked. Unlock the keyring and open Settings, or enter the key "
                                          "there."))
        elif not has_key:
            self._say(translate("Banner", "<b>No API key.</b> Jobs will be refused until you enter your key."))
        else:
            self.hide()

    def key_refused(self, message: str) -> None:
        self._say(translate("Banner", "<b>Key not accepted.</b> {message}").format(message=message))

    def _say(self, html: str) -> None:
        self.text.setText(html)
        self.show()
