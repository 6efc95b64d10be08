"""Help pages: the keyboard shortcuts (read from the window's own actions, so the list never goes stale)
and how to get an audio id."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..i18n import translate


def audio_id_help() -> str:
    return translate("Help", """
<h3>Where an audio id comes from</h3>
<p>Cover Desktop makes covers of audio you have <b>already uploaded</b> to the music service. Each upload
gets an <i>audio id</i>; that id is what you type or drop here.</p>
<ol>
<li>Upload your piece on the service's website or through its upload API. It must be
<b>6 to 60 seconds</b> long; longer or shorter uploads are refused with a clear message.</li>
<li>Copy the id the service shows for the upload, e.g. <code>aud123456789</code>, or copy the upload's
link: the id is picked out of links like <code>https://\u2026/song/&lt;id&gt;</code>.</li>
<li>Paste it into <b>Audio id</b>, or drop the link or a text file with many ids on the window.
Several ids become a batch, one job each, and you see the cost before anything is sent.</li>
</ol>
<p>Each job costs 5\u201312 credits. On the built-in demo server (no key set) everything is free: ids that
start with <code>aud</code> or <code>demo-</code> work there.</p>
""")


def _page(parent: QWidget, title: str, body: str, name: str) -> QDialog:
    dlg = QDialog(parent)
    dlg.setObjectName(name)
    dlg.setWindowTitle(title)
    view = QTextBrowser()
    view.setObjectName(f"{name}Text")
    view.setAccessibleName(title)
    view.setOpenExternalLinks(True)
    view.setHtml(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    layout = QVBoxLayout(dlg)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dlg.resize(520, 460)
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    view.setFocus()   # the page itself, named: a reader starts reading it
    return dlg


def shortcuts_html(actions: list[QAction]) -> str:
    rows = []
    for act in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts() if not k.isEmpty()]
        if keys:
            what = html.escape(act.text().replace("&", "").rstrip("\u2026."))
            rows.append(f"<tr><td><b>{html.escape(', '.join(keys))}</b></td><td>{what}</td></tr>")
    for key, what in ((QKeySequence(Qt.Key.Key_Enter), translate("Help", "Submit (in the audio id field)")),
                      (QKeySequence(QKeySequence.StandardKey.Delete),
                       translate("Help", "Remove the selected job (in the job list)"))):
        shown = key.toString(QKeySequence.SequenceFormat.NativeText)
        rows.append(f"<tr><td><b>{html.escape(shown)}</b></td><td>{html.escape(what)}</td></tr>")
    return ("<h3>" + html.escape(translate("Help", "Keyboard shortcuts")) + "</h3><p>"
            + html.escape(translate("Help", "Single-letter keys never fire while you type in a text field."))
            + "</p><table cellspacing='6'>" + "".join(rows) + "</table>")


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    return _page(parent, translate("Help", "Keyboard shortcuts"), shortcuts_html(actions), "shortcutsDialog")


def show_audio_id_help(parent: QWidget) -> QDialog:
    return _page(parent, translate("Help", "How to get an audio id"), audio_id_help(), "audioIdHelp")
