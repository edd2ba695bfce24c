"""The screening form's photos (issue 11): a button for each kind (the house outside and
inside, or the child at the school sign), each attaching an image file the clerk picks;
the service shrinks it, strips its metadata and takes the house's position from it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

KINDS = ("outside", "inside", "school_sign")


class PhotoButtons(QWidget):
    chosen = Signal(str)  # the kind of photo to attach

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoButtons")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        labels = {"outside": self.tr("แนบรูปบ้านภายนอก…"), "inside": self.tr("แนบรูปบ้านภายใน…"),
                  "school_sign": self.tr("แนบรูปเด็กกับป้ายโรงเรียน…")}
        self.buttons: dict[str, QPushButton] = {}
        for kind in KINDS:
            button = QPushButton(labels[kind], self)
            button.setObjectName(f"photo_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self.chosen.emit(k))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
