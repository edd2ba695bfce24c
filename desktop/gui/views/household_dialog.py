"""แก้ไขที่อยู่ครัวเรือน: a household's address, house code and phone.

Loads and saves through ``desktop.services.household_edit``; the service validates. On
``ValidationFailed`` each problem's Thai message shows under its field and nothing is
saved; a household changed or merged meanwhile is said in Thai.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from desktop.domain.address import Address
from desktop.domain.errors import Problem, ValidationFailed
from desktop.gui.context import AppContext
from desktop.gui.forms.household_dialog_ui import Ui_HouseholdDialog
from desktop.gui.views.institution_dialog import ADDRESS_WIDGETS
from desktop.services.household_edit import (
    HouseholdError,
    HouseholdForm,
    edit_household,
    household_choice,
    load_household,
)


class HouseholdDialog(QDialog):
    saved = Signal(str)  # uuid

    def __init__(self, ctx: AppContext, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HouseholdDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._fields: dict[str, tuple[QLineEdit, QLabel]] = {
            "house_code": (ui.houseCodeEdit, ui.houseCodeError),
            "phone": (ui.phoneEdit, ui.phoneError),
        }
        for field, stem in ADDRESS_WIDGETS:
            self._fields["address." + field] = (getattr(ui, stem + "Edit"), getattr(ui, stem + "Error"))
        for edit, label in self._fields.values():
            edit.textEdited.connect(lambda _t, label=label: label.hide())
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("บันทึก"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        with ctx.db.reader() as session:
            self.form = load_household(session, uuid)
            choice = household_choice(session, uuid)
        members = len(choice.children) + len(choice.guardians)
        ui.membersLabel.setText(
            self.tr("สมาชิก %1 คน: %2 ที่อยู่ใหม่จะใช้กับทุกคนในครัวเรือน")
            .replace("%1", str(members)).replace("%2", choice.members_text or "-"))
        for field, stem in ADDRESS_WIDGETS:
            getattr(ui, stem + "Edit").setText(getattr(self.form.address, field))
        ui.houseCodeEdit.setText(self.form.house_code)
        ui.phoneEdit.setText(self.form.phone)
        self.clear_errors()
        ui.houseNoEdit.setFocus()

    def collect(self) -> HouseholdForm:
        ui = self.ui
        address = Address(**{field: getattr(ui, stem + "Edit").text() for field, stem in ADDRESS_WIDGETS})
        return HouseholdForm(self.form.uuid, self.form.version, address,
                             ui.houseCodeEdit.text(), ui.phoneEdit.text())

    def save(self) -> bool:
        self.clear_errors()
        try:
            with self.ctx.db.session() as session:
                edit_household(session, self.collect())
        except ValidationFailed as failed:
            self.show_problems(failed.problems)
            return False
        except HouseholdError as exc:
            self.ui.errorLabel.setText(exc.message)
            self.ui.errorLabel.show()
            return False
        self.saved.emit(self.form.uuid)
        self.accept()
        return True

    def show_problems(self, problems: list[Problem]) -> None:
        first: QWidget | None = None
        other: list[str] = []
        for problem in problems:
            found = self._fields.get(problem.field)
            if found is None:
                other.append(problem.message)
                continue
            edit, label = found
            label.setText(problem.message)
            label.show()
            first = first or edit
        lines = [self.tr("บันทึกไม่ได้ โปรดแก้ช่องที่มีข้อความสีแดงแล้วกดบันทึกอีกครั้ง")] + other
        self.ui.errorLabel.setText("\n".join(lines))
        self.ui.errorLabel.show()
        if first is not None:
            first.setFocus()

    def field_error(self, field: str) -> str:
        label = self._fields[field][1]
        return "" if label.isHidden() else label.text()

    def clear_errors(self) -> None:
        for _edit, label in self._fields.values():
            label.clear()
            label.hide()
        self.ui.errorLabel.clear()
        self.ui.errorLabel.hide()
