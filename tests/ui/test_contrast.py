"""Text stays readable (WCAG AA, 4.5:1) in a light and a dark appearance: the colours are computed from the
palette roles the widgets really use, on the backgrounds they are drawn on."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from cover_desktop.ui.contrast import AA, accent_on, dim_on, ratio, readable
from helpers import find, run

A, D = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
R = QPalette.ColorRole


def dark_palette() -> QPalette:
    """A dark palette of the usual kind: light grey text on near-black, a mid blue selection, Qt's translucent
    placeholder and a mid grey for the 'mid' role that hints used to be drawn in."""
    pal = QPalette()
    for role, colour in ((R.Window, "#2d2d2d"), (R.WindowText, "#e6e6e6"), (R.Base, "#1f1f1f"),
                         (R.AlternateBase, "#2a2a2a"), (R.Text, "#e6e6e6"), (R.Button, "#353535"),
                         (R.ButtonText, "#e6e6e6"), (R.Highlight, "#3d7fd6"), (R.HighlightedText, "#ffffff"),
                         (R.Mid, "#4a4a4a"), (R.Link, "#5ea3f0"), (R.ToolTipBase, "#353535"),
                         (R.ToolTipText, "#e6e6e6")):
        pal.setColor(role, QColor(colour))
    placeholder = QColor("#e6e6e6")
    placeholder.setAlpha(128)
    pal.setColor(R.PlaceholderText, placeholder)
    for role in (R.WindowText, R.Text, R.ButtonText):
        pal.setColor(D, role, QColor("#7a7a7a"))
    return pal


@pytest.fixture(params=["light", "dark"])
def appearance(request, qapp):
    before = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def test_the_arithmetic_is_wcag_s():
    assert round(ratio(QColor("black"), QColor("white")), 2) == 21.0
    assert round(ratio(QColor("#777777"), QColor("white")), 2) == 4.48
    assert ratio(readable(QColor("#777777"), QColor("white")), QColor("white")) >= AA
    faint = QColor("black")
    faint.setAlpha(128)   # Qt's own placeholder colour, on white: 3.95
    assert ratio(faint, QColor("white")) < AA


def test_hints_placeholders_and_rows_keep_aa(harness, demo, keyed, aloop, appearance):
    win = harness.window(demo.api_url)
    run(aloop, asyncio.sleep(0.05))     # Qt hands a new application palette to the widgets from its event loop
    app = QApplication.instance()
    if appearance == "dark":
        assert app.palette().color(R.Window) == QColor("#2d2d2d")
    # hints: the empty lists, the form's notes (disabled outside custom mode, still read) and its count
    hints = [find(win, "jobsEmpty", QLabel), find(win, "clipsEmpty", QLabel), win.submit_pane.form.prompt_note,
             win.submit_pane.form.prompt_count]
    assert not win.submit_pane.form.prompt_note.isEnabled()
    for label in hints:
        pal = label.palette()
        for group in (A, D):
            assert ratio(pal.color(group, R.WindowText), pal.color(group, R.Window)) >= AA, (label.text(), group)
    # placeholders, in every field
    field = find(win, "audioIdEdit")
    pal = field.palette()
    assert ratio(pal.color(A, R.PlaceholderText), pal.color(A, R.Base)) >= AA
    # rows: the second line on the selection and off it, the playing clip's title on the list's base
    view = find(win, "clipsView")
    pal = view.palette()
    assert ratio(pal.color(A, R.HighlightedText), pal.color(A, R.Highlight)) >= AA
    assert ratio(dim_on(pal.color(A, R.HighlightedText), pal.color(A, R.Highlight)), pal.color(A, R.Highlight)) >= AA
    assert ratio(dim_on(pal.color(A, R.Text), pal.color(A, R.Base)), pal.color(A, R.Base)) >= AA
    assert ratio(accent_on(pal, pal.color(A, R.Base)), pal.color(A, R.Base)) >= AA
    # the Settings dialog's notes
    find(win, "settingsAction").trigger()
    dialog = find(win, "settingsDialog")
    run(aloop, asyncio.sleep(0.05))
    note = find(dialog, "keyNote", QLabel)
    assert ratio(note.palette().color(A, R.WindowText), note.palette().color(A, R.Window)) >= AA
    dialog.reject()


def test_a_change_of_appearance_recomputes_the_hints(harness, demo, keyed, aloop, qapp):
    win = harness.window(demo.api_url)
    label = find(win, "jobsEmpty", QLabel)
    light = label.palette().color(A, R.WindowText)
    before = QPalette(qapp.palette())
    try:
        qapp.setPalette(dark_palette())
        run(aloop, asyncio.sleep(0.05))
        dark = label.palette().color(A, R.WindowText)
        assert dark != light and ratio(dark, label.palette().color(A, R.Window)) >= AA
        assert label.palette().color(A, R.Window) == QColor("#2d2d2d")
    finally:
        qapp.setPalette(before)
