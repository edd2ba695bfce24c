"""The office's name, code, province and role: one form, used by the set-up dialog (first
start, a new database, a database with no office yet) and the settings page.

The service checks (``services.office``): each problem's Thai message is shown under its
field, the field is outlined, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.gui.forms.office_form_ui import Ui_OfficeForm
from desktop.services.office import ROLES, OfficeInfo, OfficeValues, check_office

Save = Callable[[OfficeValues], object]  # may raise ValidationFailed


class OfficeForm(QWidget):
    """The fields and their error labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OfficeForm()
        self.ui.setupUi(self)
        ui = self.ui
        for index, role in enumerate(ROLES):
            ui.roleCombo.setItemData(index, role)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {
            "name": (ui.nameEdit, ui.nameError), "code": (ui.codeEdit, ui.codeError),
            "province": (ui.provinceEdit, ui.provinceError), "role": (ui.roleCombo, ui.roleError),
        }
        for widget, _label in self._fields.values():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, w=widget: self._clear_field(w))
        self.clear_errors()

    def values(self) -> OfficeValues:
        ui = self.ui
        return OfficeValues(ui.nameEdit.text(), ui.codeEdit.text(), ui.provinceEdit.text(),
                            str(ui.roleCombo.currentData() or ROLES[0]))

    def set_values(self, office: OfficeInfo | OfficeValues | None) -> None:
        ui = self.ui
        ui.nameEdit.setText(office.name if office else "")
        ui.codeEdit.setText(office.code if office else "")
        ui.provinceEdit.setText(office.province if office else "")
        role = office.role if office else ROLES[0]
        ui.roleCombo.setCurrentIndex(max(ui.roleCombo.findData(role), 0))
        self.clear_errors()

    def clear_errors(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            self._mark(widget, False)

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        for problem in problems:
            widget, label = self._fields.get(problem.field, self._fields["name"])
            label.setText((label.text() + "\n" if label.text() else "") + problem.message)
            label.show()
            self._mark(widget, True)
            first = first or widget
        if first is not None:
            first.setFocus()

    def _clear_field(self, widget: QWidget) -> None:
        for w, label in self._fields.values():
            if w is widget:
                label.clear()
                label.hide()
                self._mark(w, False)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class OfficeDialog(QDialog):
    """Set-up: the office of this (or a new) database. ``save`` stores the checked values
    (it may refuse with ValidationFailed); without it the values are only checked, for a
    database that is made once they pass. ``result_values`` holds what was accepted."""

    def __init__(self, parent: QWidget | None = None, *, intro: str = "",
                 office: OfficeInfo | OfficeValues | None = None, save: Save | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ตั้งค่าหน่วยงาน"))
        self.setMinimumWidth(520)
        self._save = save
        self.result_values: OfficeValues | None = None
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(intro or self.tr(
            "กรอกชื่อ รหัส และจังหวัดของหน่วยงานที่จะใช้ฐานข้อมูลนี้ "
            "(ใช้เป็นหัวกระดาษของรายงาน แก้ไขภายหลังได้ที่หน้า ตั้งค่าหน่วยงาน)"), self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.form = OfficeForm(self)
        self.form.set_values(office)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("บันทึก"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.ui.nameEdit.setFocus()

    def accept(self) -> None:
        try:
            values = check_office(self.form.values())
            if self._save is not None:
                self._save(values)
        except ValidationFailed as exc:
            self.form.show_problems(exc.problems)
            return
        self.result_values = values
        super().accept()


class LeaveSetUpQuestion(QMessageBox):
    """Asked when the set-up is cancelled: back to it, or leave the program."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("ยังไม่ได้ตั้งค่าหน่วยงาน"))
        self.setText(self.tr(
            "ฐานข้อมูลนี้ยังไม่มีชื่อและรหัสหน่วยงาน จึงยังใช้งานไม่ได้\n\n"
            "กลับไปกรอกให้ครบ หรือออกจากโปรแกรมไว้ทำต่อครั้งหน้า?"))
        self.back = self.addButton(self.tr("กลับไปตั้งค่า"), QMessageBox.ButtonRole.AcceptRole)
        self.leave = self.addButton(self.tr("ออกจากโปรแกรม"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.back)
        self.setEscapeButton(self.back)


def ask_office_until_set(parent: QWidget | None, save: Save, *, intro: str = "") -> bool:
    """The set-up cannot be left half done: cancel asks whether to go back to it or to
    leave the program. True once the office is saved, False when the clerk leaves."""
    while True:
        dialog = OfficeDialog(parent, intro=intro, save=save)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return True
        question = LeaveSetUpQuestion(parent)
        question.exec()
        if question.clickedButton() is question.leave:
            return False
