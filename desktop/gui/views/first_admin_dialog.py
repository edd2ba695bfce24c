"""Set-up's step for the first administrator: the user name, full name and password
(twice, with the rule shown). Used at the first start, for a new or demo database, and
when a database made before users existed is opened. It cannot be left half done:
cancelling asks whether to go back to it or leave the program."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen


@dataclass(frozen=True)
class AdminValues:
    name: str
    full_name: str
    password: str


Save = Callable[[AdminValues], object]  # may raise users.UserError


class FirstAdminDialog(QDialog):
    """``save`` makes the user (it may refuse with UserError, shown under the form);
    without it the values are only checked, for a database made once they pass.
    ``result_values`` holds what was accepted."""

    def __init__(self, parent: QWidget | None = None, *, intro: str = "", name: str = "admin",
                 save: Save | None = None) -> None:
        from desktop.services.users import password_rule

        super().__init__(parent)
        self.setWindowTitle(self.tr("ผู้ดูแลระบบคนแรก"))
        self.setMinimumWidth(520)
        self._save = save
        self.result_values: AdminValues | None = None
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(intro or self.tr(
            "ตั้งผู้ดูแลระบบคนแรกของฐานข้อมูลนี้ ทุกครั้งที่เปิดโปรแกรมต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านนี้ "
            "ผู้ดูแลระบบเพิ่มผู้ใช้คนอื่นได้ภายหลัง และทำงานทะเบียนได้ด้วย"), self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        form = QFormLayout()
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("adminNameEdit")
        self.full_name_edit = QLineEdit(self)
        self.full_name_edit.setObjectName("adminFullNameEdit")
        self.full_name_edit.setPlaceholderText(self.tr("เช่น นางสาวสมใจ ใจดี"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("adminPasswordEdit")
        self.again_edit = QLineEdit(self)
        self.again_edit.setObjectName("adminAgainEdit")
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors: dict[str, QLabel] = {}
        rows = (("name", self.tr("ชื่อผู้ใช้"), self.name_edit),
                ("full_name", self.tr("ชื่อ-นามสกุล"), self.full_name_edit),
                ("password", self.tr("รหัสผ่าน"), self.password_edit),
                ("again", self.tr("ยืนยันรหัสผ่าน"), self.again_edit))
        for key, label, edit in rows:
            form.addRow(label, edit)
            error = error_line(self, f"{key}Error")
            form.addRow("", error)
            self.errors[key] = error
            edit.textEdited.connect(lambda _t, key=key: self.errors[key].hide())
        self.rule_label = QLabel(password_rule(), self)
        self.rule_label.setObjectName("ruleLabel")
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: #52606d;")
        form.insertRow(6, "", self.rule_label)  # under the password
        layout.addLayout(form)
        self.message = error_line(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("บันทึก"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.full_name_edit if name else self.name_edit).setFocus()
        fit_to_screen(self)

    def values(self) -> AdminValues:
        return AdminValues(self.name_edit.text().strip(), self.full_name_edit.text().strip(),
                           self.password_edit.text())

    def problems(self) -> dict[str, str]:
        from desktop.services.users import name_problem, password_problem

        values = self.values()
        found: dict[str, str] = {}
        for key, problem in (("name", name_problem(values.name)),
                             ("password", password_problem(values.password))):
            if problem:
                found[key] = problem
        if "password" not in found and self.again_edit.text() != values.password:
            found["again"] = self.tr("รหัสผ่านสองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน")
        return found

    def accept(self) -> None:
        from desktop.services.users import UserError

        for label in self.errors.values():
            label.hide()
        self.message.hide()
        found = self.problems()
        if found:
            for key, text in found.items():
                self.errors[key].setText(text)
                self.errors[key].show()
            first = next(iter(found))
            {"name": self.name_edit, "password": self.password_edit,
             "again": self.again_edit}.get(first, self.name_edit).setFocus()
            if "again" in found or "password" in found:
                self.again_edit.clear()
            return
        values = self.values()
        if self._save is not None:
            try:
                self._save(values)
            except UserError as exc:
                self.message.setText(exc.message)
                self.message.show()
                return
        self.result_values = values
        super().accept()


class LeaveAdminQuestion(QMessageBox):
    """Asked when the first administrator's step is cancelled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("ยังไม่ได้ตั้งผู้ดูแลระบบ"))
        self.setText(self.tr(
            "ฐานข้อมูลต้องมีผู้ดูแลระบบและรหัสผ่านก่อน จึงจะเปิดข้อมูลได้\n\n"
            "กลับไปตั้งให้ครบ หรือออกไว้ทำต่อครั้งหน้า?"))
        self.back = self.addButton(self.tr("กลับไปตั้งผู้ดูแลระบบ"), QMessageBox.ButtonRole.AcceptRole)
        self.leave = self.addButton(self.tr("ออกจากโปรแกรม"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.back)
        self.setEscapeButton(self.back)


def ask_admin_until_set(parent: QWidget | None, save: Save | None = None, *,
                        intro: str = "", name: str = "admin") -> AdminValues | None:
    """The first administrator's values (made by ``save`` when given), asked again after
    a cancel until given; None when the clerk chose to leave."""
    while True:
        dialog = FirstAdminDialog(parent, intro=intro, name=name, save=save)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_values is not None:
            return dialog.result_values
        question = LeaveAdminQuestion(parent)
        question.exec()
        if question.clickedButton() is question.leave:
            return None
