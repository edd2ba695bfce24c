"""The screening form's photos (issue 11): a button for each kind (the house outside and
inside, or the child at the school sign), each attaching an image file the clerk picks
(the service shrinks it, strips its metadata and takes the house's position from it, on
the task runner), and the attached photos shown small beside their kind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

KINDS = ("outside", "inside", "school_sign")
THUMB = 160  # pixels, as services/screening_photos.THUMB_SIDE


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


class PhotoThumbs(QWidget):
    """The attached photos, small, each with its kind under it; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoThumbs")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.images: dict[str, QLabel] = {}  # kind -> the label showing it (tests look)
        self.hide()

    def set_thumbnails(self, thumbs: list) -> None:  # type: ignore[type-arg]  # screening_photos.Thumbnail
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.images = {}
        for thumb in thumbs:
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 8, 0)
            image = QLabel(box)
            image.setObjectName(f"thumb_{thumb.kind}")
            pixmap = QPixmap()
            pixmap.loadFromData(thumb.data, "JPEG")
            image.setPixmap(pixmap)
            image.setFixedSize(THUMB, THUMB)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setStyleSheet("border: 1px solid #bbb; background: #f4f4f4;")
            image.setToolTip(self.tr("%1 (%2×%3 จุด)").replace("%1", thumb.label).replace(
                "%2", str(thumb.width)).replace("%3", str(thumb.height)))
            caption = QLabel(thumb.label, box)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(image)
            column.addWidget(caption)
            self.row.addWidget(box)
            self.images[thumb.kind] = image
        self.row.addStretch(1)
        self.setVisible(bool(thumbs))
