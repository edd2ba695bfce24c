"""An encrypted database in the window (store/cipher.py, services/keys.py): the key from a
user's password before the file is opened, and a new database's recovery key shown once.

The login dialog asks for the name and password first (the keyring beside the file
unwraps the key: a wrong password is refused in the dialog); the file is then opened and
the same name and password go through the usual login (``access.authenticate``: lockout,
rehash) without asking again (shell.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from desktop.gui.widgets.file_pickers import save_file_name
from desktop.services import keys
from desktop.store import cipher
from desktop.store.db import Database

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
    from desktop.services.password_reset import lost_keyring_message

    def said(exc: cipher.CipherError) -> str:
        """No key file at all: the window's way is the recovery key by ลืมรหัสผ่าน…"""
        lost = isinstance(exc, cipher.NoWrap) and not cipher.keyring_path(path).exists()
        return lost_keyring_message(path) if lost else exc.message

    name, message = remembered or "admin", ""
    password = os.environ.get("SAMOE_PASSWORD")
    if password:
        name = os.environ.get("SAMOE_USER") or name
        try:
            keys.unlock(path, name, password)
            return name, password
        except cipher.CipherError as exc:
            message = said(exc)

    def unlock(who: str, secret: str) -> Given:
        try:
            keys.unlock(path, who, secret)
        except cipher.CipherError as exc:
            raise LoginRefused(said(exc)) from None
        return who, secret

    from desktop.gui.views.recovery_reset_dialog import recovery_before_open

    dialog = LoginDialog(unlock, place=str(path), name=name, message=message, parent=parent,
                         leave_text=leave_text, recovery=recovery_before_open(path))  # ลืมรหัสผ่าน…
    if dialog.exec() != QDialog.DialogCode.Accepted or not isinstance(dialog.actor, tuple):
        return None
    return dialog.actor


class RecoveryKeyBox(QMessageBox):
    """The recovery key of a database made now, shown once (selectable, to copy or write
    down) with the advice to keep it in the office safe. With the database (``db``):
    พิมพ์… shows the one-page key in the PDF preview (printed or saved from there),
    บันทึก PDF… saves it where the clerk chooses; the box stays open. Each is an audit
    entry (services/recovery_print.py); the preview's temporary file is removed when it
    closes."""

    def __init__(self, parent: QWidget | None, new: keys.NewKey, *, db: Database | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.new, self.db = new, db
        self.settings = settings or QSettings()
        self.last_preview: QDialog | None = None
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("รหัสกู้คืนของฐานข้อมูล"))
        self.setText(self.tr("ฐานข้อมูลนี้เข้ารหัสแล้ว รหัสกู้คืนของฐานข้อมูล:") + "\n\n" + new.recovery)
        self.setInformativeText(keys.recovery_note())
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.print_button: QAbstractButton | None = None
        self.save_button: QAbstractButton | None = None
        if db is not None:
            self.print_button = self._action(self.tr("พิมพ์…"), self.print_key)
            self.print_button.setToolTip(self.tr("พิมพ์รหัสกู้คืนหนึ่งหน้า เก็บในตู้นิรภัยของสำนักงาน"))
            self.save_button = self._action(self.tr("บันทึก PDF…"), self.save_pdf)

    def _action(self, text: str, slot: Callable[[], None]) -> QAbstractButton:
        button = self.addButton(text, QMessageBox.ButtonRole.ActionRole)
        button.clicked.disconnect()  # a message box closes on any of its buttons: not these
        button.clicked.connect(slot)
        return button

    def _database_name(self) -> str:
        path = self.db.path if self.db is not None else None
        return path.name if path is not None else ""

    def _write(self, out: Path) -> bool:
        """The page written to ``out`` and its audit entry; False (said) when it failed."""
        from desktop.gui.app import fault_text
        from desktop.services.access import NotPermitted
        from desktop.services.recovery_print import recovery_key_pdf_file

        assert self.db is not None
        try:
            with self.db.session() as session:
                recovery_key_pdf_file(session, out, self.new.recovery, self._database_name())
        except NotPermitted as exc:
            QMessageBox.warning(self, "Samoe", str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a full disk, a busy file: said in Thai
            QMessageBox.critical(self, "Samoe", self.tr("สร้างไฟล์รหัสกู้คืนไม่สำเร็จ: %1")
                                 .replace("%1", fault_text(exc, out)))
            return False
        return True

    def print_key(self) -> None:
        """The page in the PDF preview (print or save from there); its file is in a
        private temporary folder, removed when the preview closes."""
        from desktop.gui.context import AppContext
        from desktop.gui.tasks import TaskRunner
        from desktop.gui.views.pdf_preview import PdfPreview

        assert self.db is not None
        folder = Path(tempfile.mkdtemp(prefix="samoe-recovery-"))
        out = folder / "recovery-key.pdf"
        if not self._write(out):
            shutil.rmtree(folder, ignore_errors=True)
            return
        ctx = AppContext(self.db, TaskRunner(self), self.settings)
        preview = PdfPreview(ctx, out, self.tr("รหัสกู้คืน"), self.tr("รหัสกู้คืน-%1.pdf")
                             .replace("%1", Path(self._database_name()).stem or "samoe"), self)
        preview.finished.connect(lambda _result: shutil.rmtree(folder, ignore_errors=True))
        self.last_preview = preview
        preview.show()

    def save_pdf(self) -> None:
        from desktop.gui.views.pdf_preview import last_dir, remember_dir

        name = self.tr("รหัสกู้คืน-%1.pdf").replace("%1", Path(self._database_name()).stem or "samoe")
        start = os.path.join(last_dir(_SettingsOnly(self.settings)), name)  # type: ignore[arg-type]
        path, _filter = save_file_name(self, self.tr("บันทึก PDF"), start, self.tr("เอกสาร PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if self._write(Path(path)):
            remember_dir(_SettingsOnly(self.settings), path)  # type: ignore[arg-type]


class _SettingsOnly:
    """What pdf_preview's folder memory reads of an AppContext."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings


def show_recovery_key(parent: QWidget | None, new: keys.NewKey, *, db: Database | None = None,
                      settings: QSettings | None = None) -> None:
    RecoveryKeyBox(parent, new, db=db, settings=settings).exec()
