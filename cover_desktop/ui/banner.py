"""The strip above the form that says when the app is not talking to the live service with a good key."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import translate

GROUND_ALPHA = 0.14   # of the palette's highlight, over the window: a tint the text reads on in light and dark


class Banner(QFrame):
    enterKeyClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
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

    def paintEvent(self, event: QPaintEvent) -> None:
        # painted, not a style sheet: a widget under a style sheet keeps the palette it had when the sheet was
        # applied, and the button stayed light in a dark appearance
        tint = QColor(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
        tint.setAlphaF(GROUND_ALPHA)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(tint)
        p.drawRoundedRect(QRectF(self.rect()), 6, 6)
        p.end()

    def _say(self, html: str) -> None:
        self.text.setText(html)
        self.show()
