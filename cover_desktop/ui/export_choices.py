"""Settings' choices for saved clips a DAW takes: the format (as delivered, WAV 16 or 24-bit, FLAC) and the
sample rate of a converted file."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ..i18n import translate
from ..media.audio_out import Format


def format_combo(current: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName("exportFormatCombo")
    box.setAccessibleName(translate("ExportChoices", "Format of saved clips"))
    box.addItem(translate("ExportChoices", "As delivered (no conversion)"), Format.DELIVERED.value)
    box.addItem(translate("ExportChoices", "WAV, 16-bit"), Format.WAV16.value)
    box.addItem(translate("ExportChoices", "WAV, 24-bit"), Format.WAV24.value)
    box.addItem(translate("ExportChoices", "FLAC"), Format.FLAC.value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setToolTip(translate("ExportChoices", "What Save clips, Export job and Export loop write; a loop is always "
                                              "WAV or FLAC (24-bit WAV when this is \u201cas delivered\u201d)"))
    return box


def rate_combo(current: int, formats: QComboBox) -> QComboBox:
    box = QComboBox()
    box.setObjectName("exportRateCombo")
    box.setAccessibleName(translate("ExportChoices", "Sample rate of converted clips"))
    box.addItem(translate("ExportChoices", "As delivered"), 0)
    box.addItem(translate("ExportChoices", "44.1 kHz"), 44100)
    box.addItem(translate("ExportChoices", "48 kHz"), 48000)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setToolTip(translate("ExportChoices", "Resampled with a linear-phase filter (soxr, very high quality)"))

    def follow() -> None:
        # a file kept as delivered keeps its rate: re-encoding an MP3 to change it would only lose quality
        box.setEnabled(bool(formats.currentData()))
    formats.currentIndexChanged.connect(follow)
    follow()
    return box
