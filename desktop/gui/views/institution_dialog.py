"""เพิ่ม/แก้ไขสถานศึกษา: the form of one school or child development centre.

Loads and saves through ``desktop.services.institutions``; the service validates. On
``ValidationFailed`` every problem's Thai message is shown under its field, the field is
outlined, and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from desktop.domain.address import Address
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.levels import InstitutionKind
from desktop.domain.text import clean_text
from desktop.gui.context import AppContext
from desktop.gui.forms.institution_dialog_ui import Ui_InstitutionDialog
from desktop.gui.widgets.screen import max_height
from desktop.services.institutions import InstitutionForm, load_institution, save_institution

# Address fields of the service, in form order, with the widget name stem in the .ui.
ADDRESS_WIDGETS: tuple[tuple[str, str], ...] = (
    ("house_no", "houseNo"), ("village_no", "villageNo"), ("village_name", "villageName"),
    ("soi", "soi"), ("road", "road"), ("subdistrict", "subdistrict"),
    ("district", "district"), ("province", "province"), ("postcode", "postcode"),
)
KINDS: tuple[InstitutionKind, ...] = (InstitutionKind.SCHOOL, InstitutionKind.CDC)  # combo order


class InstitutionDialog(QDialog):
    saved = Signal(str, str)  # uuid, name

    def __init__(self, ctx: AppContext, uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid = uuid
        self.ui = Ui_InstitutionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for index, kind in enumerate(KINDS):
            ui.kindCombo.setItemData(index, kind.value)

        # field name (as the service reports it) -> (input widget, error label)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {
            "kind": (ui.kindCombo, ui.kindError),
            "code": (ui.codeEdit, ui.codeError),
            "name": (ui.nameEdit, ui.nameError),
            "phone": (ui.phoneEdit, ui.phoneError),
        }
        for field, stem in ADDRESS_WIDGETS:
            self._fields["address." + field] = (getattr(ui, stem + "Edit"), getattr(ui, stem + "Error"))
        for widget, _label in self._fields.values():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, w=widget: self._clear_field(w))

        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("บันทึก"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.clear_errors()

        if uuid is None:
            self.setWindowTitle(self.tr("เพิ่มสถานศึกษา"))
        else:
            self.setWindowTitle(self.tr("แก้ไขสถานศึกษา"))
            with ctx.db.reader() as session:
                self.set_form(load_institution(session, uuid))
        ui.codeEdit.setFocus()

    # ---- form <-> widgets
    def set_form(self, form: InstitutionForm) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentIndex(max(ui.kindCombo.findData(form.kind.value), 0))
        ui.codeEdit.setText(form.code)
        ui.nameEdit.setText(form.name)
        ui.phoneEdit.setText(form.phone)
        for field, stem in ADDRESS_WIDGETS:
            getattr(ui, stem + "Edit").setText(getattr(form.address, field))

    def form(self) -> InstitutionForm:
        ui = self.ui
        address = Address(**{field: getattr(ui, stem + "Edit").text()
                             for field, stem in ADDRESS_WIDGETS})
        return InstitutionForm(
            uuid=self.uuid,
            kind=InstitutionKind(ui.kindCombo.currentData() or InstitutionKind.SCHOOL.value),
            code=ui.codeEdit.text(),
            name=ui.nameEdit.text(),
            phone=ui.phoneEdit.text(),
            address=address,
        )

    # ---- save
    def save(self) -> bool:
        """Save and close; on problems show them and keep the dialog open."""
        self.clear_errors()
        form = self.form()
        try:
            with self.ctx.db.session() as session:
                uuid = save_institution(session, form)
        except ValidationFailed as failed:
            self.show_problems(failed.problems)
            return False
        self.uuid = uuid
        self.saved.emit(uuid, clean_text(form.name))
        self.accept()
        return True

    # ---- problems
    def show_problems(self, problems: list[Problem]) -> None:
        unplaced: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            found = self._fields.get(problem.field)
            if found is None:
                unplaced.append(problem.message)
                continue
            widget, label = found
            label.setText("\n".join(filter(None, (label.text(), problem.message))))
            label.show()
            self._mark(widget, True)
            first = first or widget
        lines = [self.tr("บันทึกไม่ได้ โปรดแก้ไขช่องที่มีกรอบสีแดงแล้วกดบันทึกอีกครั้ง")] if first else []
        lines += unplaced
        self.ui.errorLabel.setText("\n".join(lines))
        self.ui.errorLabel.setVisible(bool(lines))
        self._fit_height()
        if first is not None:
            first.setFocus()

    def _fit_height(self) -> None:
        """Grow to show wrapped messages whole (a layout's minimum ignores word wrap)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), min(needed, max_height(self)))

    def clear_errors(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            self._mark(widget, False)
        self.ui.errorLabel.clear()
        self.ui.errorLabel.hide()

    def field_error(self, field: str) -> str:
        """The message shown under ``field`` ("" when none): for tests and tools."""
        label = self._fields[field][1]
        return "" if label.isHidden() else label.text()

    def _clear_field(self, widget: QWidget) -> None:
        if widget.property("invalid"):
            for candidate, label in self._fields.values():
                if candidate is widget:
                    label.clear()
                    label.hide()
            self._mark(widget, False)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()
