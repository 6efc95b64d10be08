"""View -> Appearance: System, Light or Dark, applied to the whole application at once and kept across starts;
the transport icons and the painted rows follow; both palettes of the app's own read at 4.5:1 or more."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from cover_desktop.settings import Settings
from cover_desktop.ui import appearance
from cover_desktop.ui.contrast import ratio
from helpers import find, finished_window

R, A = QPalette.ColorRole, QPalette.ColorGroup.Active


@pytest.fixture(autouse=True)
def system_afterwards(qapp):
    yield
    appearance.apply(appearance.SYSTEM)


def window_colour() -> QColor:
    return QApplication.palette().color(A, R.Window)


def choose(win, mode: str) -> None:
    find(win, f"appearance{mode.capitalize()}Action", QAction).trigger()
    QApplication.processEvents()


def icon_colour(win) -> QColor:
    """The most opaque pixel of the play button's icon as shown."""
    image = find(win, "playButton").icon().pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = [QColor.fromRgba(image.pixel(x, y)) for x in range(32) for y in range(32)]
    return max(pixels, key=lambda c: c.alpha())


def test_dark_is_applied_live_checked_and_kept_after_a_restart(harness, aloop):
    win = harness.window(argv=["--demo"])
    dark = find(win, "appearanceDarkAction", QAction)
    system, light = find(win, "appearanceSystemAction", QAction), find(win, "appearanceLightAction", QAction)
    assert dark.isCheckable() and system.isChecked() and not dark.isChecked()
    assert dark.actionGroup() is system.actionGroup() is light.actionGroup() and dark.actionGroup().isExclusive()
    assert window_colour().lightness() > 128

    dark.trigger()
    QApplication.processEvents()
    assert window_colour().lightness() < 80, "the application's palette is dark at once"
    assert isinstance(QApplication.style(), appearance.DarkEdges)
    assert QApplication.style().baseStyle().name().lower() == "fusion"
    assert dark.isChecked() and not system.isChecked()
    assert win.palette().color(A, R.Window) == window_colour(), "the open window follows"
    assert Settings.load().appearance == "dark", "saved at once"

    # a new start: the process begins with the system's look, the saved choice is applied before the window shows
    harness.close(win)
    appearance.apply(appearance.SYSTEM)
    assert window_colour().lightness() > 128
    again = harness.window(argv=["--demo"], appearance=Settings.load().appearance)
    assert window_colour().lightness() < 80
    assert find(again, "appearanceDarkAction", QAction).isChecked()


def test_system_gives_the_system_palette_back_and_switching_twice_works(harness, aloop):
    win = harness.window(argv=["--demo"])
    before = QPalette(QApplication.palette())
    style = QApplication.style().name()
    for _ in range(2):
        choose(win, "dark")
        assert window_colour().lightness() < 80
        choose(win, "light")
        assert window_colour().lightness() > 200
        assert QApplication.palette().color(A, R.Text).lightness() < 60
        choose(win, "dark")
        assert window_colour().lightness() < 80
        choose(win, "system")
        assert QApplication.palette() == before, "every role is the system's again"
        assert QApplication.style().name() == style
        assert find(win, "appearanceSystemAction", QAction).isChecked()
    assert Settings.load().appearance == "system"


def test_icons_and_painted_rows_follow_the_appearance(harness, demo, aloop, keyed):
    win = finished_window(harness, demo, aloop)
    view = find(win, "clipsView")
    assert icon_colour(win).lightness() < 100, "dark icons on the light system palette"

    choose(win, "dark")
    text = QApplication.palette().color(A, R.ButtonText)
    shown = icon_colour(win)
    assert abs(shown.lightness() - text.lightness()) < 30, "the icon is drawn in the palette's text colour"

    rows = view.viewport().grab().toImage()
    counts = Counter(rows.pixel(x, y) for x in range(0, rows.width(), 3) for y in range(0, rows.height(), 3))
    assert QColor.fromRgb(counts.most_common(1)[0][0]) == QApplication.palette().color(A, R.Base), \
        "the clip rows are painted on the dark base"
    assert any(QColor.fromRgb(c).lightness() > 200 for c in counts), "and their text is light"

    choose(win, "system")
    assert icon_colour(win).lightness() < 100, "back to dark icons"
    rows = view.viewport().grab().toImage()
    counts = Counter(rows.pixel(x, y) for x in range(0, rows.width(), 3) for y in range(0, rows.height(), 3))
    assert QColor.fromRgb(counts.most_common(1)[0][0]).lightness() > 200


PAIRS = [(R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window), (R.ButtonText, R.Button),
         (R.PlaceholderText, R.Base), (R.PlaceholderText, R.AlternateBase), (R.ToolTipText, R.ToolTipBase),
         (R.HighlightedText, R.Highlight), (R.Link, R.Base), (R.Link, R.Window)]


@pytest.mark.parametrize("mode", [appearance.LIGHT, appearance.DARK])
def test_the_apps_own_palettes_keep_text_and_hints_readable(qapp, mode):
    pal = appearance.palette(mode)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in PAIRS:
            assert ratio(pal.color(group, fg), pal.color(group, bg)) >= 4.5, (mode, group, fg, bg)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        assert ratio(pal.color(group, R.PlaceholderText), pal.color(group, R.Base)) >= 4.5


@pytest.mark.log_warnings(r"setting ignored: appearance")
def test_an_unknown_appearance_in_the_settings_file_falls_back_to_the_system(qapp):
    Settings(appearance="dark").save()
    assert Settings.load().appearance == "dark"
    path = Settings.path()
    path.write_text(path.read_text("utf-8").replace('"dark"', '"purple"'), "utf-8")
    loaded = Settings.load()
    assert loaded.appearance == "system" and any("appearance" in line for line in loaded.ignored)


def _best_ratio(widget, pick=lambda c: True) -> float:
    """The strongest contrast of a picked pixel of ``widget`` against its most common colour, as drawn in its
    parent (on its real background)."""
    image = widget.parentWidget().grab(widget.geometry()).toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    picked = [QColor.fromRgb(p) for p in pixels if pick(QColor.fromRgb(p))]
    return max((ratio(c, background) for c in picked), default=0.0)


def test_the_status_bars_error_and_warning_stay_readable_in_either_appearance(harness, aloop):
    win = harness.window(argv=["--demo"])
    message, connection = find(win, "statusMessage"), find(win, "connectionLabel")

    def reddish(c: QColor) -> bool:
        return c.red() > c.green() + 60 and c.red() > c.blue() + 60

    win.status.set_connection("Server", True, warning="the key goes over plain http")
    for mode in ("dark", "system", "dark"):
        win.show_error("The service refused the request")
        choose(win, mode)
        assert message.text() == "The service refused the request"
        assert _best_ratio(message) >= 4.5, f"the error in the {mode} appearance"
        assert _best_ratio(connection, reddish) >= 4.5, f"the warning in the {mode} appearance"
    win.show_message("Settings saved.")
    assert _best_ratio(message) >= 4.5 and message.palette().color(A, R.WindowText).lightness() > 200


def test_the_banner_and_its_button_follow_a_switch_made_while_they_are_shown(harness, aloop):
    win = harness.window(argv=["--demo"])
    banner, button = find(win, "demoBanner"), find(win, "enterKeyButton")
    assert banner.isVisible()
    for mode in ("dark", "system", "dark", "light"):
        choose(win, mode)
        app = QApplication.palette()
        assert button.palette().color(A, R.Button) == app.color(A, R.Button), f"the button in {mode}"
        assert button.palette().color(A, R.ButtonText) == app.color(A, R.ButtonText)
        image = banner.grab().toImage()
        colours = Counter(image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
        ground = QColor.fromRgb(colours.most_common(1)[0][0])
        assert (ground.lightness() < 90) == (mode == "dark"), f"the banner's ground in {mode}"
        assert _best_ratio(find(win, "bannerText")) >= 4.5


def test_in_dark_a_check_box_and_a_field_show_their_edges(harness, aloop):
    win = harness.window(argv=["--demo"])
    choose(win, "dark")
    window = QApplication.palette().color(A, R.Window)
    box = find(win, "matrixCheck")
    assert not box.isChecked()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab(indicator).toImage()
    pixels = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert max(ratio(QColor.fromRgb(p), window) for p in pixels) >= 3, "an empty check box is seen (WCAG 3:1)"

    find(win, "customModeCheck").setChecked(True)   # the title field is used (enabled) in custom mode
    field = find(win, "titleEdit")
    assert field.isEnabled() and not field.hasFocus()
    image = field.grab().toImage()
    edge = {image.pixel(x, image.height() // 2) for x in range(2)}
    assert max(ratio(QColor.fromRgb(p), window) for p in edge) >= 3, "so is a field's edge"
