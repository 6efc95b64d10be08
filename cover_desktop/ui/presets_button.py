"""Presets of the form: fill it from a saved one, save the form under a name, delete one."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from ..i18n import translate
from ..presets import PresetStore
from .form import CoverForm


class PresetsButton(QToolButton):
    message = Signal(str)
    error = Signal(str)

    def __init__(self, form: CoverForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.presets = PresetStore()
        self.setObjectName("presetsButton")
        self.setText(translate("PresetsButton", "Presets"))
        self.setToolTip(translate("PresetsButton", "Fill the form from a saved preset, or save this one"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill_presets_menu)

    def _fill_presets_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        saved = self.presets.all()
        for preset in saved:
            menu.addAction(preset.name, partial(self.apply_preset, preset.name))
        if saved:
            menu.addSeparator()
        menu.addAction(translate("PresetsButton", "Save the form as a preset\u2026"), self.ask_preset_name)
        if saved:
            delete = menu.addMenu(translate("PresetsButton", "Delete a preset"))
            for preset in saved:
                delete.addAction(preset.name, partial(self.delete_preset, preset.name))

    def apply_preset(self, name: str) -> None:
        preset = self.presets.get(name)
        if preset is None:
            return
        self.form.fill(preset.applied_to(self.form.request()))
        self.message.emit(translate("PresetsButton", "Filled in the preset \u201c{name}\u201d.").format(name=name))

    def ask_preset_name(self) -> None:
        dlg = QInputDialog(self)
        dlg.setObjectName("presetNameDialog")
        dlg.setWindowTitle(translate("PresetsButton", "Save preset"))
        dlg.setLabelText(translate("PresetsButton", "Name for this preset (mode, lyrics/prompt, style, title):"))
        dlg.textValueSelected.connect(self.save_preset)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def save_preset(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        try:
            self.presets.save(name, self.form.request())
        except OSError as exc:
            self.error.emit(translate("PresetsButton", "Could not save the preset: {reason}").format(reason=exc))
            return
        self.message.emit(translate("PresetsButton", "Saved the preset \u201c{name}\u201d.").format(name=name))

    def delete_preset(self, name: str) -> None:
        self.presets.delete(name)
        self.message.emit(translate("PresetsButton", "Deleted the preset \u201c{name}\u201d.").format(name=name))
