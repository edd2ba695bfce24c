"""The red line under a hand-built form that says, in Thai, what is wrong and what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b00020;"


def error_line(parent: QWidget, name: str = "", text: str = "") -> QLabel:
    """A word-wrapped red label, hidden until it has something to say (``text``)."""
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(bool(text))
    return label
