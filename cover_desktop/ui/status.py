"""The status bar: the last message or error in words, whether polling is paused, and which server is in
use and whether it answered the last request."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from .contrast import error_colour, tint
from .messages import describe

log = logging.getLogger(__name__)

MESSAGE_MAX = 400   # a server may send a novel as its error: the bar shows a line, the tooltip a bit more
# why polling stopped, as the scheduler and the job service say it (in English: they know no Qt)
PAUSE_REASONS = (QT_TRANSLATE_NOOP("PauseReason", "Paused"), QT_TRANSLATE_NOOP("PauseReason", "Polling paused"),
                 QT_TRANSLATE_NOOP("PauseReason", "The API key was not accepted"),
                 QT_TRANSLATE_NOOP("PauseReason", "The key is not sent over plain http"))


def _short(text: str, limit: int) -> str:
    # ASCII white space only: a no-break space (French puts one before ":") must stay one
    text = " ".join(re.split(r"[ \t\n\r\f\v]+", text.strip(" \t\n\r\f\v")))
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("statusMessage")
        # a long message is cut off, never a reason for the window to grow
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.poll = QLabel()
        self.poll.setObjectName("pollLabel")
        self.conn = QLabel()
        self.conn.setObjectName("connectionLabel")
        self.credits = QLabel()
        self.credits.setObjectName("creditsLabel")
        self.addWidget(self.text, 1)
        self.addPermanentWidget(self.credits)
        self.addPermanentWidget(self.poll)
        self.addPermanentWidget(self.conn)
        self.is_error = False
        self._connection: tuple[str, bool | None, str] = ("", None, "")

    def show_message(self, text: str) -> None:
        self._show(describe(text), error=False)

    def show_error(self, text: str) -> None:
        text = describe(text)
        self._show(text, error=True)
        log.info("shown to the user: %s", _short(text, MESSAGE_MAX))

    def notice(self, level: str, text: str) -> None:
        self._show(describe(text), error=level == "error")

    def clear_error(self, text: str | None = None) -> None:
        """The cause of the shown error (of ``text``, if given) was edited away."""
        if self.is_error and (text is None or self.text.text() == _short(describe(text), 160)):
            self._show("", error=False)

    def _show(self, text: str, *, error: bool) -> None:
        self.is_error = error and bool(text)
        # colours from the palette in use (a fixed red read 2.3:1 on a dark window), kept when it changes
        tint(self.text, error_colour if self.is_error else _plain)
        self.text.setText(_short(text, 160))
        self.text.setToolTip(_short(text, MESSAGE_MAX))

    def set_connection(self, where: str, ok: bool | None, words: str = "", warning: str = "") -> None:
        """``ok`` None: no request has been answered yet, so nothing is claimed."""
        self._connection = (where, ok, warning)
        self._show_connection()
        self.conn.setToolTip(_short(describe(words), MESSAGE_MAX) or where)

    def _show_connection(self) -> None:
        where, ok, warning = self._connection
        if not where:
            return
        dot = "#9e9e9e" if ok is None else "#43a047" if ok else "#e53935"
        state = (" \u2014 " + translate("StatusBar", "not checked yet") if ok is None else ""
                 if ok else " \u2014 " + translate("StatusBar", "unreachable"))
        red = error_colour(self.palette()).name()
        extra = f" <span style='color:{red}'>\u2014 {warning}</span>" if warning else ""
        self.conn.setText(f"<span style='color:{dot}'>\u25cf</span> {where}{state}{extra}")

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.PaletteChange:
            self._show_connection()
        super().changeEvent(e)

    def set_credits(self, text: str, tip: str) -> None:
        self.credits.setText(text)
        self.credits.setToolTip(tip)

    def set_paused(self, paused: bool, reason: str) -> None:
        # in words: a pause glyph is missing from many default fonts
        if not paused:
            self.poll.setText("")
        else:
            words = translate_marked("PauseReason", reason)
            self.poll.setText(words if reason.lower().startswith("polling")
                              else translate("StatusBar", "Polling paused: {reason}").format(reason=words))


def _plain(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
