"""Forgotten password (the login's ลืมรหัสผ่าน…): the recovery key from the office's safe
sets a new password for an administrator (services/password_reset.py decides who may be
reset and checks the key). The key is typed as it is printed; spaces, dashes, lower case
and Thai digits do not matter, and a typo names its group. Every refusal is said on the
dialog's error line and the field to fix gets the focus. Once the password is set the
login signs the administrator in with it (login_dialog.py), as if it had been typed there.

A plain database or a server has no recovery key: the login says so on its own message
line (another administrator sets the password) instead of opening this dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen, max_height

if TYPE_CHECKING:
    from desktop.store.db import Database

Reset = Callable[[str, str, str], object]  # (recovery key, name, new password); raises ResetRefused


@dataclass(frozen=True)
class RecoveryReset:
    """What the login's ลืมรหัสผ่าน… does: ``reset`` when the database has a recovery key,
    else ``unavailable`` says (in Thai) what to do instead."""

    reset: Reset | None
    unavailable: str = ""


def recovery_before_open(path: Path) -> RecoveryReset:
    """The unlock step of an encrypted file (not open yet): the key opens it for the reset."""
    from desktop.services.password_reset import reset_before_open

    return RecoveryReset(lambda key, name, password: reset_before_open(path, name, key, password))


def recovery_for_open(db: Database) -> RecoveryReset:
    """The login on an open database: an encrypted file resets, a plain one or a server says why not."""
    from desktop.services.password_reset import reset_password, reset_unavailable

    why = reset_unavailable(db.url)
    if why:
        return RecoveryReset(None, why)
    return RecoveryReset(lambda key, name, password: reset_password(db, name, key, password))


class RecoveryResetDialog(QDialog):
    """``result_name`` and ``result_password`` hold the reset account once accepted."""

    def __init__(self, reset: Reset, *, name: str = "", parent: QWidget | None = None) -> None:
        from desktop.services.users import password_rule

        super().__init__(parent)
        self._reset = reset
        self.result_name = ""
        self.result_password = ""
        self.setWindowTitle(self.tr("ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน"))
        self.setMinimumWidth(520)
        layout = self._layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "พิมพ์รหัสกู้คืนจากแผ่นที่เก็บไว้ในตู้นิรภัยของสำนักงาน (13 กลุ่ม) เพื่อตั้งรหัสผ่านใหม่ให้ผู้ดูแลระบบ "
            "ผู้ใช้อื่นที่ลืมรหัสผ่าน ให้ผู้ดูแลระบบตั้งรหัสผ่านให้ที่หน้าผู้ใช้"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("recoveryKeyEdit")
        self.key_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("resetNameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("resetPasswordEdit")
        self.again_edit = QLineEdit(self)
        self.again_edit.setObjectName("resetAgainEdit")
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("รหัสกู้คืน"), self.key_edit)
        form.addRow(self.tr("ชื่อผู้ดูแลระบบ"), self.name_edit)
        form.addRow(self.tr("รหัสผ่านใหม่"), self.password_edit)
        form.addRow(self.tr("ยืนยันรหัสผ่านใหม่"), self.again_edit)
        layout.addLayout(form)
        rule = QLabel(password_rule(), self)  # under the form: a wrapped label in a form row is cut
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #52606d;")
        layout.addWidget(rule)
        self.message = error_line(self, "resetMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("ตั้งรหัสผ่านใหม่และเข้าสู่ระบบ"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.key_edit.setFocus()
        fit_to_screen(self)

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.setText(text)
        self.message.show()
        layout = self._layout  # a wrapped message: grow rather than squeeze the fields
        wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else self.sizeHint().height())
        if self.height() < wanted:
            self.resize(self.width(), min(wanted, max_height(self)))
        if field in (self.password_edit, self.again_edit):
            self.password_edit.clear()
            self.again_edit.clear()
            field = self.password_edit
        field.setFocus()
        field.selectAll()

    def problem(self) -> tuple[str, QLineEdit] | None:
        """The first thing to fix before the key is tried, and its field."""
        from desktop.services.password_reset import key_problem
        from desktop.services.users import password_problem

        if not self.key_edit.text().strip():
            return self.tr("พิมพ์รหัสกู้คืนจากแผ่นที่เก็บไว้ในตู้นิรภัย"), self.key_edit
        found = key_problem(self.key_edit.text())
        if found:
            return found, self.key_edit
        if not self.name_edit.text().strip():
            return self.tr("พิมพ์ชื่อผู้ใช้ของผู้ดูแลระบบที่ลืมรหัสผ่าน"), self.name_edit
        rule = password_problem(self.password_edit.text())
        if rule:
            return rule, self.password_edit
        if self.again_edit.text() != self.password_edit.text():
            return self.tr("รหัสผ่านใหม่สองช่องไม่ตรงกัน พิมพ์ใหม่ให้เหมือนกัน"), self.again_edit
        return None

    def accept(self) -> None:
        from desktop.gui.app import fault_text
        from desktop.services import password_reset

        self.message.hide()
        found = self.problem()
        if found is not None:
            self._refuse(*found)
            return
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        fields = {password_reset.BAD_KEY: self.key_edit, password_reset.PASSWORD: self.password_edit}
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # Argon2id, and opening the file
        try:
            self._reset(self.key_edit.text(), name, password)
        except password_reset.ResetRefused as exc:
            QApplication.restoreOverrideCursor()
            self._refuse(fault_text(exc, None), fields.get(exc.reason, self.name_edit))
            return
        except Exception as exc:  # noqa: BLE001 - a damaged or busy file: said in Thai
            QApplication.restoreOverrideCursor()
            self._refuse(fault_text(exc, None), self.key_edit)
            return
        QApplication.restoreOverrideCursor()
        self.result_name, self.result_password = name, password
        super().accept()


def ask_reset(parent: QWidget, recovery: RecoveryReset, name: str,
              message: QLabel) -> tuple[str, str] | None:
    """ลืมรหัสผ่าน… of the login and of the lock: the recovery key's dialog over ``parent``;
    the reset account's (name, new password) once it set it. Where the database has no
    recovery key, ``message`` (the caller's message line) says what to do instead."""
    if recovery.reset is None:
        message.setText(recovery.unavailable)
        message.show()
        return None
    dialog = RecoveryResetDialog(recovery.reset, name=name, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    message.hide()
    return dialog.result_name, dialog.result_password
