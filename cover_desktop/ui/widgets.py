"""Little widgets the panes share."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * 1.05)
    label.setFont(f)
    return label
