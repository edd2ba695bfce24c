"""An encrypted database in the window (store/cipher.py, services/keys.py): the key from a
user's password before the file is opened, and a new database's recovery key shown once.

The login dialog asks for the name and password first (the keyring beside the file
unwraps the key: a wrong password is refused in the dialog); the file is then opened and
the same name and password go through the usual login (``access.authenticate``: lockout,
rehash) without asking again (shell.py)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.services import keys
from desktop.store import cipher

Given = tuple[str, str]  # (name, password) already typed; ("", "") when none was needed
NO_KEY_NEEDED: Given = ("", "")


def encrypt_new() -> bool:
    """New databases are encrypted unless ``SAMOE_NO_ENCRYPTION`` says not (the tests)."""
    return os.environ.get("SAMOE_NO_ENCRYPTION", "") not in ("1", "yes", "true")


def unlock_before_open(parent: QWidget | None, remembered: str, target: object,
                       leave_text: str = "") -> Given | None:
    """The key of an encrypted ``target`` from a user's password (``SAMOE_PASSWORD`` with
    ``SAMOE_USER`` or ``remembered`` first, else the login dialog); None: the clerk left."""
    try:
        path = keys.file_of(target)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a malformed target is said when it is opened
        return NO_KEY_NEEDED
    if path is None or not cipher.is_encrypted(path) or cipher.key_for(path) is not None:
        return NO_KEY_NEEDED
    from desktop.gui.views.login_dialog import LoginDialog
    from desktop.services.access import LoginRefused

    name, message = remembered or "admin", ""
    password = os.environ.get("SAMOE_PASSWORD")
    if password:
        name = os.environ.get("SAMOE_USER") or name
        try:
            keys.unlock(path, name, password)
            return name, password
        except cipher.CipherError as exc:
            message = exc.message

    def unlock(who: str, secret: str) -> Given:
        try:
            keys.unlock(path, who, secret)
        except cipher.CipherError as exc:
            raise LoginRefused(exc.message) from None
        return who, secret

    dialog = LoginDialog(unlock, place=str(path), name=name, message=message, parent=parent,
                         leave_text=leave_text)
    if dialog.exec() != QDialog.DialogCode.Accepted or not isinstance(dialog.actor, tuple):
        return None
    return dialog.actor


class RecoveryKeyBox(QMessageBox):
    """The recovery key of a database made now, shown once (selectable, to copy or write
    down) with the advice to keep it in the office safe."""

    def __init__(self, parent: QWidget | None, new: keys.NewKey) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("รหัสกู้คืนของฐานข้อมูล"))
        self.setText(self.tr("ฐานข้อมูลนี้เข้ารหัสแล้ว รหัสกู้คืนของฐานข้อมูล:") + "\n\n" + new.recovery)
        self.setInformativeText(keys.recovery_note())
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def show_recovery_key(parent: QWidget | None, new: keys.NewKey) -> None:
    RecoveryKeyBox(parent, new).exec()
