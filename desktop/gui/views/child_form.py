"""แบบฟอร์มข้อมูลเด็ก: create or edit a child with household address, guardians and class.

The dialog only moves values between widgets and ``ChildForm``; the rules live in
``desktop.domain.child`` and ``desktop.services.children``. Problems come back as
(field, Thai message) pairs and are shown under the field they belong to.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.domain.dates import (
    DateParseError,
    age_on,
    format_age,
    format_be,
    format_be_numeric,
    parse_date,
)
from desktop.domain.duplicates import MatchKind, duplicate_message
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.identity import ID_TYPE_LABELS, IdType, format_national_id, national_id_problem
from desktop.domain.levels import InstitutionKind, levels_for
from desktop.domain.people import PREFIXES, SEX_LABELS, Sex, sex_of_prefix
from desktop.gui.context import AppContext
from desktop.gui.forms.child_form_ui import Ui_ChildForm
from desktop.gui.views import child_history, growth_child
from desktop.gui.views.child_household import ChildHousehold
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.children import (
    ENROLLMENT_STATUSES,
    RELATIONS,
    ChildForm,
    ConcurrentEdit,
    EnrollmentForm,
    GuardianForm,
    current_year_be,
    duplicates_of,
    load_child,
    save_child,
)
from desktop.services.institutions import institution_choices, institution_label

GUARDIAN_COLUMNS = ("relation", "prefix", "first_name", "last_name", "national_id", "phone", "occupation")
ERROR_STYLE = "border: 1px solid #b00020; background: #fff5f5;"


class ChildFormDialog(QDialog):
    saved = Signal(str)  # uuid
    status_message = Signal(str, object)  # text, undo callable or None

    def __init__(self, ctx: AppContext, uuid: str | None = None, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.ui = Ui_ChildForm()
        self.ui.setupUi(self)
        self._error_labels: dict[QWidget, QLabel] = {}
        self._marked: set[QWidget] = set()
        self._sex_from_prefix = False
        self._confirmed_duplicates = False
        self._form = ChildForm()
        self._fill_choices()
        self._wire()
        self.household = ChildHousehold(ctx, self.ui, self, self._address_edits())
        if uuid:
            with ctx.db.reader() as session:
                self._form = load_child(session, uuid)
            self.setWindowTitle(self.tr("ข้อมูลเด็ก: %1").replace(
                "%1", f"{self._form.child.prefix}{self._form.child.first_name} {self._form.child.last_name}"))
        else:
            self.setWindowTitle(self.tr("เพิ่มเด็กคนใหม่"))
            self._form.enrollment = EnrollmentForm(year_be=current_year_be(self.today))
        self._show(self._form)
        self._add_print_button(uuid)
        child_history.attach(self, ctx, uuid)  # the opening is audited; the ประวัติ button
        growth_child.attach(self, ctx, uuid)  # issue 12: the พัฒนาการ… button
        self.ui.duplicateLabel.hide()
        self.ui.firstNameEdit.setFocus()
        self._pristine = self.collect()
        fit_to_screen(self)

    # ---- set-up
    def _add_print_button(self, uuid: str | None) -> None:
        """พิมพ์ประวัติ: the child's profile as saved (a new child has none yet)."""
        from desktop.gui.documents import Documents

        self.documents = Documents(self.ctx, self, self.status_message.emit)
        self.print_button = self.ui.buttonBox.addButton(
            self.tr("พิมพ์ประวัติ…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setToolTip(self.tr("พิมพ์ข้อมูลเด็กคนนี้ตามที่บันทึกไว้แล้ว (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setVisible(bool(uuid))
        self.print_button.clicked.connect(lambda: self.print_profile(uuid))

    def print_profile(self, uuid: str | None) -> None:
        from desktop.services.reports import child_profile_pdf

        if not uuid:
            return
        self.documents.report(
            self.tr("ประวัติเด็ก"), "child-profile",
            lambda session, out, options, progress: child_profile_pdf(session, out, uuid, options, progress),
            detail=self.windowTitle(), name=self.tr("ประวัติ-%1-%2").replace(
                "%1", self._form.child.first_name).replace("%2", self._form.child.last_name),
            subject_uuid=uuid)  # the print shows in this child's history

    def _fill_choices(self) -> None:
        ui = self.ui
        ui.prefixCombo.addItems(list(PREFIXES))
        ui.prefixCombo.setCurrentIndex(-1)
        sex_labels = {Sex.MALE: self.tr("ชาย"), Sex.FEMALE: self.tr("หญิง")}
        for sex in Sex:
            ui.sexCombo.addItem(sex_labels.get(sex, SEX_LABELS[sex]), sex.value)
        ui.sexCombo.setCurrentIndex(-1)
        id_labels = {IdType.NATIONAL_ID: self.tr("เลขประจำตัวประชาชน"), IdType.G_CODE: self.tr("รหัส G"),
                     IdType.NONE: self.tr("ไม่มีเลขประจำตัว")}
        for id_type in IdType:
            ui.idTypeCombo.addItem(id_labels.get(id_type, ID_TYPE_LABELS[id_type]), id_type.value)
        status_labels = {"active": self.tr("กำลังเรียน"), "moved": self.tr("ย้ายออก"),
                         "graduated": self.tr("จบการศึกษา"), "dropped": self.tr("ออกกลางคัน")}
        for code, label in ENROLLMENT_STATUSES.items():
            ui.statusCombo.addItem(status_labels.get(code, label), code)
        with self.ctx.db.reader() as session:
            self._institutions = institution_choices(session)
        for inst in self._institutions:
            ui.institutionCombo.addItem(inst.name, inst.id)
        ui.institutionCombo.setCurrentIndex(-1)
        table = ui.guardianTable
        table.setColumnCount(len(GUARDIAN_COLUMNS))
        table.setHorizontalHeaderLabels([
            self.tr("ความเกี่ยวข้อง"), self.tr("คำนำหน้า"), self.tr("ชื่อ"), self.tr("นามสกุล"),
            self.tr("เลขประจำตัวประชาชน"), self.tr("โทรศัพท์"), self.tr("อาชีพ"),
        ])
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((110, 90, 140, 140, 150, 110)):
            table.setColumnWidth(column, width)

    def _wire(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.cancel)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("บันทึก"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        ui.idTypeCombo.currentIndexChanged.connect(self._id_type_changed)
        ui.birthDateEdit.editingFinished.connect(self._check_birth_date)
        ui.nationalIdEdit.editingFinished.connect(self._check_national_id)
        ui.institutionCombo.currentIndexChanged.connect(self._institution_changed)
        ui.addGuardianButton.clicked.connect(lambda: self._add_guardian_row(GuardianForm()))
        ui.removeGuardianButton.clicked.connect(self._remove_guardian_row)
        ui.prefixCombo.currentTextChanged.connect(self._prefix_changed)
        ui.sexCombo.activated.connect(lambda _i: setattr(self, "_sex_from_prefix", False))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for widget in self._field_widgets().values():
            signal = widget.textEdited if isinstance(widget, QLineEdit) else \
                widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(lambda *_a, w=widget: self._field_edited(w))
        ui.guardianTable.itemChanged.connect(self._guardian_edited)

    # ---- keys: Enter moves on (as in a spreadsheet), Esc asks before edits are lost
    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if enter and plain:
            self.focusNextChild()
            focused = self.focusWidget()
            if focused is not None and self.ui.scrollArea.isAncestorOf(focused):
                self.ui.scrollArea.ensureWidgetVisible(focused)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._may_discard():  # the window's ✕
            event.ignore()
            return
        super().closeEvent(event)

    def has_edits(self) -> bool:
        return self.collect() != self._pristine

    def cancel(self) -> None:
        """Esc or ยกเลิก: close, asking first when there are edits."""
        if self._may_discard():
            self.reject()

    def _may_discard(self) -> bool:
        if self.isVisible() and self.has_edits():
            answer = QMessageBox.question(
                self, self.tr("ยกเลิกการแก้ไข"),
                self.tr("ข้อมูลที่กรอกหรือแก้ไขไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            return answer == QMessageBox.StandardButton.Discard
        return True

    def _prefix_changed(self, text: str) -> None:
        """เด็กชาย fills in ชาย (and เด็กหญิง หญิง) when the sex is still empty or was filled so."""
        sex = sex_of_prefix(text)
        combo = self.ui.sexCombo
        if sex is not None and (combo.currentIndex() < 0 or self._sex_from_prefix):
            combo.setCurrentIndex(combo.findData(sex.value))
            self._sex_from_prefix = True

    # ---- form <-> widgets
    def _show(self, form: ChildForm) -> None:
        ui, c = self.ui, form.child
        ui.prefixCombo.setCurrentText(c.prefix)
        ui.firstNameEdit.setText(c.first_name)
        ui.lastNameEdit.setText(c.last_name)
        ui.firstNameEnEdit.setText(c.first_name_en)
        ui.lastNameEnEdit.setText(c.last_name_en)
        ui.sexCombo.setCurrentIndex(ui.sexCombo.findData(c.sex.value) if c.sex else -1)
        ui.birthDateEdit.setText(format_be_numeric(c.birth_date) if c.birth_date else "")
        ui.idTypeCombo.setCurrentIndex(ui.idTypeCombo.findData(c.id_type.value))
        ui.nationalIdEdit.setText(format_national_id(c.national_id) if c.national_id else "")
        ui.gCodeEdit.setText(c.g_code)
        ui.noIdReasonEdit.setText(c.no_id_reason)
        ui.nationalityEdit.setText(c.nationality)
        ui.disabilityEdit.setText(c.disability)
        a = c.address
        for name, edit in self._address_edits().items():
            edit.setText(getattr(a, name))
        self.household.show(form)
        e = form.enrollment
        ui.enrollmentGroup.setChecked(e is not None)
        ui.yearSpin.setValue(e.year_be if e and e.year_be else current_year_be(self.today))
        if e is not None:
            self._offer_deleted_institution(e.institution_id)
            ui.institutionCombo.setCurrentIndex(ui.institutionCombo.findData(e.institution_id))
            self._institution_changed()
            ui.levelCombo.setCurrentIndex(ui.levelCombo.findData(e.level_code))
            ui.classroomEdit.setText(e.classroom)
            ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(e.status))
        ui.guardianTable.setRowCount(0)
        for g in form.guardians:
            self._add_guardian_row(g)
        self._id_type_changed()
        self._check_birth_date()

    def _offer_deleted_institution(self, institution_id: int | None) -> None:
        """The school the child is in was deleted: show it as deleted, not blank (the
        service still saves the child in it; no other child can be put there)."""
        combo = self.ui.institutionCombo
        if institution_id is None or combo.findData(institution_id) >= 0:
            return
        with self.ctx.db.reader() as session:
            found = [c for c in institution_choices(session, include_ids=[institution_id])
                     if c.id == institution_id]
        for choice in found:
            self._institutions.append(choice)
            combo.addItem(institution_label(choice.name, deleted=True), choice.id)
            combo.setItemData(combo.count() - 1, self.tr(
                "สถานศึกษานี้ถูกลบแล้ว กู้คืนได้ที่หน้า สถานศึกษา (ติ๊ก แสดงที่ลบแล้ว)"),
                Qt.ItemDataRole.ToolTipRole)

    def _address_edits(self) -> dict[str, QLineEdit]:
        ui = self.ui
        return {
            "house_no": ui.houseNoEdit, "village_no": ui.villageNoEdit,
            "village_name": ui.villageNameEdit, "soi": ui.soiEdit, "road": ui.roadEdit,
            "subdistrict": ui.subdistrictEdit, "district": ui.districtEdit,
            "province": ui.provinceEdit, "postcode": ui.postcodeEdit,
        }

    def collect(self) -> ChildForm:
        ui = self.ui
        try:
            birth: date | None = parse_date(ui.birthDateEdit.text(), era="auto") if ui.birthDateEdit.text().strip() else None
        except DateParseError:
            birth = None
        sex = ui.sexCombo.currentData()
        child = ChildInput(
            prefix=ui.prefixCombo.currentText(),
            first_name=ui.firstNameEdit.text(),
            last_name=ui.lastNameEdit.text(),
            first_name_en=ui.firstNameEnEdit.text(),
            last_name_en=ui.lastNameEnEdit.text(),
            sex=Sex(sex) if sex else None,
            birth_date=birth,
            id_type=IdType(ui.idTypeCombo.currentData()),
            national_id=ui.nationalIdEdit.text(),
            g_code=ui.gCodeEdit.text(),
            no_id_reason=ui.noIdReasonEdit.text(),
            nationality=ui.nationalityEdit.text(),
            disability=ui.disabilityEdit.text(),
            address=Address(**{k: e.text() for k, e in self._address_edits().items()}),
        )
        enrollment = None
        if ui.enrollmentGroup.isChecked():
            enrollment = EnrollmentForm(
                institution_id=ui.institutionCombo.currentData(),
                year_be=ui.yearSpin.value(),
                level_code=ui.levelCombo.currentData() or "",
                classroom=ui.classroomEdit.text(),
                status=ui.statusCombo.currentData() or "active",
            )
        return ChildForm(
            child=child,
            uuid=self._form.uuid,
            version=self._form.version,
            household_uuid=self._form.household_uuid,
            household_member_count=self._form.household_member_count,
            guardians=self._guardians(),
            enrollment=enrollment,
        )

    # ---- guardians table
    def _add_guardian_row(self, g: GuardianForm) -> None:
        table = self.ui.guardianTable
        row = table.rowCount()
        table.insertRow(row)
        relation = QComboBox(table)
        relation.setEditable(True)
        relation.addItems(list(RELATIONS))
        relation.setCurrentText(g.relation)
        if not g.relation:
            relation.setCurrentIndex(-1)
        table.setCellWidget(row, 0, relation)
        values = (g.prefix, g.first_name, g.last_name,
                  format_national_id(g.national_id) if len(g.national_id) == 13 else g.national_id,
                  g.phone, g.occupation)
        for column, value in enumerate(values, start=1):
            item = QTableWidgetItem(value)
            if column == 1:
                item.setData(Qt.ItemDataRole.UserRole, g.uuid)
            table.setItem(row, column, item)

    def _guardian_edited(self, item: QTableWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.BackgroundRole) is not None:
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
            item.setToolTip("")
            self._marks_changed()

    def _mark_guardian(self, field: str, message: str) -> bool:
        """Mark the guardian table's cell of ``field`` ("guardians[0].national_id") red."""
        head, _, name = field.partition("].")
        if not head.startswith("guardians[") or name not in GUARDIAN_COLUMNS:
            return False
        table, row = self.ui.guardianTable, int(head[len("guardians["):])
        column = GUARDIAN_COLUMNS.index(name)
        if row >= table.rowCount():
            return False
        if column == 0:
            widget = table.cellWidget(row, 0)
            if widget is not None:
                self._set_field_error(widget, message)
            return True
        item = table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            table.setItem(row, column, item)
        table.blockSignals(True)
        item.setBackground(QColor("#fff5f5"))
        item.setForeground(QColor("#b00020"))
        item.setToolTip(message)
        table.blockSignals(False)
        return True

    def _clear_guardian_marks(self) -> None:
        table = self.ui.guardianTable
        table.blockSignals(True)
        for row in range(table.rowCount()):
            widget = table.cellWidget(row, 0)
            if widget is not None:
                widget.setStyleSheet("")
                widget.setToolTip("")
            for column in range(1, table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    item.setToolTip("")
        table.blockSignals(False)

    def _remove_guardian_row(self) -> None:
        row = self.ui.guardianTable.currentRow()
        if row >= 0:
            self.ui.guardianTable.removeRow(row)

    def _guardians(self) -> list[GuardianForm]:
        table = self.ui.guardianTable
        found = []
        for row in range(table.rowCount()):
            def text(column: int, row: int = row) -> str:
                item = table.item(row, column)
                return item.text() if item else ""
            relation = table.cellWidget(row, 0)
            assert isinstance(relation, QComboBox)
            first_item = table.item(row, 1)
            found.append(GuardianForm(
                uuid=first_item.data(Qt.ItemDataRole.UserRole) if first_item else None,
                relation=relation.currentText(), prefix=text(1), first_name=text(2),
                last_name=text(3), national_id=text(4), phone=text(5), occupation=text(6),
                is_primary=row == 0,
            ))
        return found

    # ---- live hints
    def _id_type_changed(self) -> None:
        kind = IdType(self.ui.idTypeCombo.currentData())
        self.ui.nationalIdEdit.setEnabled(kind is IdType.NATIONAL_ID)
        self.ui.gCodeEdit.setEnabled(kind is IdType.G_CODE)
        self.ui.noIdReasonEdit.setEnabled(kind is IdType.NONE)

    def _institution_changed(self) -> None:
        inst_id = self.ui.institutionCombo.currentData()
        kind = next((InstitutionKind(i.kind) for i in self._institutions if i.id == inst_id), None)
        combo = self.ui.levelCombo
        current = combo.currentData()
        combo.clear()
        for level in levels_for(kind) if kind else ():
            combo.addItem(level.display_label, level.code)
        combo.setCurrentIndex(combo.findData(current))

    def _check_birth_date(self) -> None:
        edit = self.ui.birthDateEdit
        text = edit.text().strip()
        if not text:
            self._set_field_error(edit, None)
            return
        try:
            birth = parse_date(text, era="auto")
        except DateParseError as exc:
            self._set_field_error(edit, str(exc))
            return
        if birth > self.today:
            self._set_field_error(edit, self.tr("วันเกิดอยู่ในอนาคต โปรดตรวจสอบปี พ.ศ."))
            return
        years, months = age_on(birth, self.today)
        age = self.tr("อายุ")
        self._set_field_error(edit, None, hint=f"{format_be(birth)} · {age} {format_age(years, months)}")

    def _check_national_id(self) -> None:
        edit = self.ui.nationalIdEdit
        if not edit.text().strip() or not edit.isEnabled():
            self._set_field_error(edit, None)
            return
        self._set_field_error(edit, national_id_problem(edit.text()))

    # ---- errors under the fields
    def _field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        widgets: dict[str, QWidget] = {
            "prefix": ui.prefixCombo, "first_name": ui.firstNameEdit, "last_name": ui.lastNameEdit,
            "first_name_en": ui.firstNameEnEdit, "last_name_en": ui.lastNameEnEdit,
            "sex": ui.sexCombo, "birth_date": ui.birthDateEdit, "id_type": ui.idTypeCombo,
            "national_id": ui.nationalIdEdit, "g_code": ui.gCodeEdit,
            "no_id_reason": ui.noIdReasonEdit, "nationality": ui.nationalityEdit,
            "disability": ui.disabilityEdit,
            "enrollment.institution_id": ui.institutionCombo, "enrollment.year_be": ui.yearSpin,
            "enrollment.level_code": ui.levelCombo, "enrollment.status": ui.statusCombo,
        }
        for name, edit in self._address_edits().items():
            widgets[f"address.{name}"] = edit
        return widgets

    def _error_label_for(self, widget: QWidget) -> QLabel | None:
        label = self._error_labels.get(widget)
        if label is not None:
            return label
        layout = widget.parentWidget().layout() if widget.parentWidget() else None
        forms = [layout] if isinstance(layout, QFormLayout) else []
        forms += [f for f in (self.ui.identityForm, self.ui.addressForm, self.ui.enrollmentForm)]
        for form in forms:
            row, _role = form.getWidgetPosition(widget)
            if row >= 0:
                label = QLabel(widget.parentWidget())
                label.setWordWrap(True)
                label.setObjectName(f"{widget.objectName()}Error")
                label.hide()
                form.insertRow(row + 1, "", label)
                self._error_labels[widget] = label
                return label
        return None

    def _set_field_error(self, widget: QWidget, message: str | None, *, hint: str = "") -> None:
        label = self._error_label_for(widget)
        widget.setStyleSheet(ERROR_STYLE if message else "")
        if message:
            self._marked.add(widget)
        else:
            self._marked.discard(widget)
        widget.setToolTip(message or "")
        if label is None:
            return
        if message:
            label.setStyleSheet("color: #b00020;")
            label.setText(message)
            label.show()
        elif hint:
            label.setStyleSheet("color: #2f5d3a;")
            label.setText(hint)
            label.show()
        else:
            label.hide()

    def _field_edited(self, widget: QWidget) -> None:
        """A field marked red was changed: its mark goes (the next save checks it again)."""
        if widget in self._marked and widget is not self.ui.birthDateEdit:
            self._set_field_error(widget, None)
            self._marks_changed()

    def _marks_changed(self) -> None:
        """No red mark left: the "ยังบันทึกไม่ได้" line goes too."""
        table = self.ui.guardianTable
        guardian_marks = any(
            (item := table.item(r, c)) is not None and item.data(Qt.ItemDataRole.BackgroundRole) is not None
            for r in range(table.rowCount()) for c in range(1, table.columnCount()))
        if not self._marked and not guardian_marks:
            self.ui.errorLabel.clear()

    def show_problems(self, problems: list[Problem]) -> None:
        widgets = self._field_widgets()
        for widget in widgets.values():
            if widget is not self.ui.birthDateEdit:
                self._set_field_error(widget, None)
        self._clear_guardian_marks()
        leftovers = []
        first: QWidget | None = None
        marked = 0
        for problem in problems:
            widget = widgets.get(problem.field)
            if widget is None:
                if self._mark_guardian(problem.field, problem.message):
                    marked += 1
                    leftovers.append(problem.message)
                    first = first or self.ui.guardianTable
                else:
                    leftovers.append(problem.message)
                continue
            marked += 1
            self._set_field_error(widget, problem.message)
            first = first or widget
        lines = [self.tr("ยังบันทึกไม่ได้ โปรดแก้ %1 รายการที่ทำเครื่องหมายสีแดง").replace("%1", str(marked))] \
            if marked else [self.tr("ยังบันทึกไม่ได้ โปรดแก้รายการต่อไปนี้")]
        lines += [f"• {m}" for m in leftovers]
        self.ui.errorLabel.setText("\n".join(lines))
        if first is not None:
            self.ui.scrollArea.ensureWidgetVisible(first)
            first.setFocus()

    # ---- save
    def save(self) -> None:
        form = self.collect()
        if self.ui.birthDateEdit.text().strip() and form.child.birth_date is None:
            self._check_birth_date()
        if not self._confirmed_duplicates:
            with self.ctx.db.reader() as session:
                similar = [m for m in duplicates_of(session, form.child, exclude_uuid=form.uuid)
                           if m.kind is MatchKind.SIMILAR_NAME_BIRTH]
            if similar:
                self.ui.duplicateLabel.setText(
                    "\n".join(duplicate_message(m) for m in similar[:3])
                    + "\n" + self.tr("ถ้าเป็นคนละคน กด บันทึก อีกครั้งเพื่อยืนยัน")
                )
                self.ui.duplicateLabel.show()
                self._confirmed_duplicates = True
                return
        try:
            with self.ctx.db.session() as session:
                uuid = save_child(session, form, today=self.today)
        except ValidationFailed as exc:
            problems = list(exc.problems)
            if self.ui.birthDateEdit.text().strip() and form.child.birth_date is None:
                try:
                    parse_date(self.ui.birthDateEdit.text(), era="auto")
                except DateParseError as date_exc:
                    problems = [p for p in problems if p.field != "birth_date"]
                    problems.append(Problem("birth_date", str(date_exc)))
            self.show_problems(problems)
            return
        except ConcurrentEdit as exc:
            self.ui.errorLabel.setText(exc.message)
            return
        self.saved.emit(uuid)
        self.accept()
