"""Login at every start, before any personal data is shown: the user name (remembered
for each database), the password, and the Thai reason when it is refused (a wrong
password, or the account locked until a time). Enter signs in, Esc leaves.

ลืมรหัสผ่าน… (when the caller gives ``recovery``): an administrator's new password from the
recovery key (recovery_reset_dialog.py), then signed in with it at once; on a database
without a recovery key (plain, a server) the message line says what to do instead."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from desktop.gui.views.recovery_reset_dialog import RecoveryReset

Authenticate = Callable[[str, str], object]  # (name, password) -> Actor; raises LoginRefused
USER_KEY = "login/user-"


def _key(place: str) -> str:
    return USER_KEY + hashlib.sha1(place.encode("utf-8")).hexdigest()[:16]  # noqa: S324 - a settings key


def remembered_user(settings: QSettings, place: str) -> str:
    """The user name last signed in on this database (its path or server)."""
    return str(settings.value(_key(place), "") or "")


def remember_user(settings: QSettings, place: str, name: str) -> None:
    settings.setValue(_key(place), name)


def refusal_text(exc: BaseException) -> str:
    """The service's Thai reason (it names the time a lock ends)."""
    return str(getattr(exc, "message", "") or exc)


class _LoginFields(Protocol):
    name_edit: QLineEdit
    password_edit: QLineEdit
    message: QLabel


def attempt_login(fields: _LoginFields, authenticate: Authenticate) -> object | None:
    """The login and the lock screen's one step: an empty field gets the focus, a refusal
    is said in place (the password cleared); the actor when the password is right."""
    from desktop.services.access import LoginRefused

    name = fields.name_edit.text().strip()
    if not name:
        fields.name_edit.setFocus()
        return None
    if not fields.password_edit.text():
        fields.password_edit.setFocus()
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # Argon2id: a fraction of a second
    try:
        return authenticate(name, fields.password_edit.text())
    except LoginRefused as exc:
        fields.message.setText(refusal_text(exc))
        fields.message.show()
        fields.password_edit.clear()
        fields.password_edit.setFocus()
        return None
    finally:
        QApplication.restoreOverrideCursor()


class LoginDialog(QDialog):
    """``actor`` holds who signed in once the dialog is accepted."""

    def __init__(self, authenticate: Authenticate, *, place: str, office: str = "",
                 name: str = "", message: str = "", leave_text: str = "",
                 recovery: RecoveryReset | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._recovery = recovery
        self.actor: object | None = None
        self.setWindowTitle(self.tr("เข้าสู่ระบบ Samoe"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        heading = QLabel(office or self.tr("Samoe"), self)
        font = heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        where = QLabel(self.tr("ฐานข้อมูล: %1").replace("%1", place), self)
        where.setWordWrap(True)
        where.setStyleSheet("color: #52606d;")
        layout.addWidget(where)
        form = QFormLayout()
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("loginNameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("ชื่อผู้ใช้"), self.name_edit)
        form.addRow(self.tr("รหัสผ่าน"), self.password_edit)
        self.forgot_button: QPushButton | None = None
        if recovery is not None:
            self.forgot_button = QPushButton(self.tr("ลืมรหัสผ่าน…"), self)
            self.forgot_button.setObjectName("forgotButton")
            self.forgot_button.setFlat(True)
            self.forgot_button.setAutoDefault(False)
            self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.forgot_button.setStyleSheet("QPushButton { color: #1a5fb4; text-decoration: underline; "
                                             "text-align: left; padding: 2px 0; }")
            self.forgot_button.setToolTip(self.tr("ผู้ดูแลระบบที่ลืมรหัสผ่าน: ตั้งรหัสผ่านใหม่ด้วยรหัสกู้คืน"))
            self.forgot_button.clicked.connect(self.forgot)
            form.addRow("", self.forgot_button)
        layout.addLayout(form)
        self.message = error_line(self, "loginMessage", message)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self.tr("เข้าสู่ระบบ"), self)
        self.login_button.setDefault(True)
        self.leave_button = QPushButton(leave_text or self.tr("ออกจากโปรแกรม"), self)
        self.leave_button.setAutoDefault(False)
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.leave_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        fit_to_screen(self)

    def accept(self) -> None:
        actor = attempt_login(self, self._authenticate)
        if actor is not None:
            self.actor = actor
            super().accept()

    def forgot(self) -> None:
        """ลืมรหัสผ่าน…: the recovery key's dialog; once it set the password, signed in with it."""
        from desktop.gui.views.recovery_reset_dialog import ask_reset

        if self._recovery is None:
            return
        found = ask_reset(self, self._recovery, self.name_edit.text().strip(), self.message)
        if found is None:
            return
        self.name_edit.setText(found[0])
        self.password_edit.setText(found[1])
        self.accept()
