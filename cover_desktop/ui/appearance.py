"""View -> Appearance: the system's look, or Fusion with a light or a dark palette of the app's own.

A musician on a desktop without a dark theme (or stuck in one) still gets the other. The choice is a setting
(``Settings.appearance``), changed through ``Config.update`` and applied to the whole application as soon as
it is saved: every widget, icon and row painter reads the application's palette, so they follow it.

"System" gives the palette back to the platform (an empty palette: no role of the app's own), so a desktop
that changes its theme later is followed again. Both palettes of the app's own keep text, placeholder and
tooltip text at 4.5:1 or more on their backgrounds (WCAG AA)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAction, QActionGroup, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from ..config import Config
from ..i18n import QT_TRANSLATE_NOOP, translate, translate_marked

SYSTEM, LIGHT, DARK = "system", "light", "dark"
MODES = (SYSTEM, LIGHT, DARK)
# the automation contract's names (ui-contract.md: appearanceDarkAction), written out so they can be found
OBJECT_NAMES = {SYSTEM: "appearanceSystemAction", LIGHT: "appearanceLightAction", DARK: "appearanceDarkAction"}
NAMES = {SYSTEM: QT_TRANSLATE_NOOP("Appearance", "&System"), LIGHT: QT_TRANSLATE_NOOP("Appearance", "&Light"),
         DARK: QT_TRANSLATE_NOOP("Appearance", "&Dark")}
OWN_STYLE = "Fusion"   # draws everything from the palette, on every platform
EDGE = 0.42            # how far a dark appearance's control edges sit from the window toward its text (3:1)
# kept on the application object: one appearance per application, whichever window asked for it
_MODE = "coverDesktopAppearance"
_SYSTEM_STYLE = "coverDesktopSystemStyle"

R = QPalette.ColorRole
# role: (light, dark). Text, placeholder and tooltip text are all 4.5:1 or more on Base, Window and ToolTipBase
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    R.Window: ("#efefef", "#232427"),
    R.WindowText: ("#1a1a1a", "#e8e8e8"),
    R.Base: ("#ffffff", "#2e3035"),
    R.AlternateBase: ("#f5f5f5", "#33353a"),
    R.Text: ("#1a1a1a", "#e8e8e8"),
    R.PlaceholderText: ("#6b6b6b", "#a3a6ad"),
    R.ToolTipBase: ("#ffffdc", "#3c3f45"),
    R.ToolTipText: ("#1a1a1a", "#e8e8e8"),
    R.Button: ("#efefef", "#383a40"),
    R.ButtonText: ("#1a1a1a", "#e8e8e8"),
    R.BrightText: ("#ffffff", "#ffffff"),
    # Fusion's bevels and frames
    R.Light: ("#ffffff", "#4f525a"),
    R.Midlight: ("#cacaca", "#44474d"),
    R.Mid: ("#b8b8b8", "#5a5d64"),
    R.Dark: ("#9f9f9f", "#17181a"),
    R.Shadow: ("#767676", "#0d0d0e"),
    R.Highlight: ("#2f6fbf", "#2f6fcf"),
    R.HighlightedText: ("#ffffff", "#ffffff"),
    R.Accent: ("#2f6fbf", "#2f6fcf"),
    R.Link: ("#1a5fb4", "#7fb0ff"),
    R.LinkVisited: ("#7a3e9d", "#c49bf0"),
}
# what cannot be used now: dimmer, still told apart from the background (WCAG asks nothing of disabled text)
_DISABLED: dict[QPalette.ColorRole, tuple[str, str]] = {
    R.WindowText: ("#8c8c8c", "#83868d"), R.Text: ("#8c8c8c", "#83868d"), R.ButtonText: ("#8c8c8c", "#83868d"),
    R.Highlight: ("#a8a8a8", "#4a4d54"), R.Base: ("#efefef", "#232427"),
}


def palette(mode: str) -> QPalette:
    """The app's own palette for LIGHT or DARK, every role set in every group."""
    column = 1 if mode == DARK else 0
    pal = QPalette()
    for role, pair in _COLOURS.items():
        pal.setColor(role, QColor(pair[column]))   # all groups
    for role, pair in _DISABLED.items():
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(pair[column]))
    return pal


def current(app: QApplication | None = None) -> str:
    app = app or _app()
    return str(app.property(_MODE) or SYSTEM)


def apply(mode: str, app: QApplication | None = None) -> bool:
    """Make ``mode`` the application's appearance; False when it already was."""
    app = app or _app()
    mode = mode if mode in MODES else SYSTEM
    before = current(app)
    if mode == before:
        return False
    if before == SYSTEM:
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    if mode == SYSTEM:
        _set_style(app, str(app.property(_SYSTEM_STYLE) or OWN_STYLE))
        app.setPalette(QPalette())
    elif mode == DARK:
        if not isinstance(app.style(), DarkEdges):
            app.setStyle(DarkEdges())
        app.setPalette(palette(mode))
    else:
        _set_style(app, OWN_STYLE)
        app.setPalette(palette(mode))
    _restyle(app)
    app.setProperty(_MODE, mode)
    return True


def _restyle(app: QApplication) -> None:
    """A widget under a style sheet (its own, an ancestor's or Qt's -stylesheet) keeps the palette it had when the
    sheet was applied, so its sheet is applied again (a light button was left in a dark banner)."""
    if app.styleSheet():
        app.setStyleSheet(app.styleSheet())
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def _set_style(app: QApplication, name: str) -> None:
    # a new style object re-polishes every widget; the dark one's name is "" (a proxy)
    if app.style().name().lower() != name.lower() or isinstance(app.style(), DarkEdges):
        app.setStyle(name)


class DarkEdges(QProxyStyle):
    """Fusion with the edges of check boxes, radio buttons and fields drawn light enough to be seen on a dark
    window: Fusion darkens the window colour for them, which on a dark window is 1.2:1 (WCAG asks 3:1)."""

    EDGED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
             QStyle.PrimitiveElement.PE_FrameLineEdit)

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(OWN_STYLE))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self.EDGED:
            return
        pal = option.palette
        group = QPalette.ColorGroup.Disabled if not option.state & QStyle.StateFlag.State_Enabled \
            else QPalette.ColorGroup.Active
        window, text = pal.color(group, R.Window), pal.color(group, R.WindowText)
        if option.state & QStyle.StateFlag.State_HasFocus and element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            return   # Fusion's focus frame, in the highlight, is the edge then
        edge = QColor.fromRgbF(*(w + (t - w) * EDGE for w, t in ((window.redF(), text.redF()),
                                                                  (window.greenF(), text.greenF()),
                                                                  (window.blueF(), text.blueF()))))
        painter.save()
        painter.setPen(QPen(edge, 1))
        painter.setBrush(QColor(0, 0, 0, 0))
        r = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRoundedRect(r, 2, 2) if element == QStyle.PrimitiveElement.PE_FrameLineEdit \
                else painter.drawRect(r)
        painter.restore()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


class AppearanceMenu(QObject):
    """System, Light and Dark in ``menu``, one of them checked: a choice is saved, and applied once saved."""

    def __init__(self, menu: QMenu, config: Config, on_error: Callable[[str], object] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent or menu)
        self.config = config
        self._on_error = on_error
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for mode in MODES:
            act = QAction(translate_marked("Appearance", NAMES[mode]), menu)
            act.setObjectName(OBJECT_NAMES[mode])
            act.setCheckable(True)
            act.setData(mode)
            self.group.addAction(act)
            menu.addAction(act)
            self.actions[mode] = act
        self.group.triggered.connect(self._chosen)
        config.changed.connect(self._changed)
        self._show(config.settings.appearance)
        apply(config.settings.appearance)   # the saved one, before the window is first shown

    def _chosen(self, act: QAction) -> None:
        try:
            self.config.update(appearance=act.data())
        except OSError as exc:
            self._show(self.config.settings.appearance)
            if self._on_error is not None:
                self._on_error(translate("Appearance", "The appearance could not be saved: {reason}")
                               .format(reason=exc.strerror or exc))

    def _changed(self, names: frozenset[str]) -> None:
        if "appearance" in names:
            self._show(self.config.settings.appearance)
            apply(self.config.settings.appearance)

    def _show(self, mode: str) -> None:
        self.actions.get(mode, self.actions[SYSTEM]).setChecked(True)
