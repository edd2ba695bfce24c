"""รับรองข้อมูล / ส่งกลับ: the certifier's two small dialogs on a submitted screening. The
service (services/screenings.py) checks who may and what is missing; its Thai problems show
under the fields here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import Problem
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen


class CertifyDialog(QDialog):
    """The certifier's name and position (the date is today's)."""

    def __init__(self, child_name: str, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("รับรองข้อมูลการคัดกรอง"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("รับรองว่าข้อมูลการคัดกรองของ %1 ถูกต้องตามที่ตรวจสอบแล้ว "
                               "หากมีการแก้ไขข้อมูลภายหลัง การรับรองนี้จะถูกยกเลิก").replace("%1", child_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(full_name, self)
        self.name_edit.setObjectName("certifierNameEdit")
        self.position_edit = QLineEdit(self)
        self.position_edit.setObjectName("certifierPositionEdit")
        self.name_error = error_line(self, "certifierNameError")
        self.position_error = error_line(self, "certifierPositionError")
        form.addRow(self.tr("ชื่อผู้รับรอง"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("ตำแหน่ง"), self.position_edit)
        form.addRow("", self.position_error)
        layout.addLayout(form)
        self.error = error_line(self, "certifyError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("รับรอง"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 240)
        (self.position_edit if full_name else self.name_edit).setFocus()
        fit_to_screen(self)

    def show_problems(self, problems: list[Problem]) -> None:
        by_field = {p.field: p.message for p in problems}
        for field, label in (("name", self.name_error), ("position", self.position_error)):
            label.setText(by_field.pop(field, ""))
            label.setVisible(bool(label.text()))
        self.error.setText("\n".join(by_field.values()))
        self.error.setVisible(bool(by_field))


class ReturnDialog(QDialog):
    """Why the screening goes back to the teacher."""

    def __init__(self, child_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ส่งกลับให้ครูแก้ไข"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("ส่งแบบคัดกรองของ %1 กลับให้ครูแก้ไข โปรดระบุสิ่งที่ต้องแก้").replace(
            "%1", child_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("returnReasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        layout.addWidget(self.reason_edit)
        self.error = error_line(self, "returnError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("ส่งกลับ"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 260)
        self.reason_edit.setFocus()
        fit_to_screen(self)

    def show_problems(self, problems: list[Problem]) -> None:
        self.error.setText("\n".join(p.message for p in problems))
        self.error.setVisible(bool(problems))
