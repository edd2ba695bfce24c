"""What the exchange's dialogs share (views/exchange_export.py, exchange_import.py): the
kinds of rows in the window's words, a failure said so a clerk knows what to do, the
password row that opens the office's keys in a plain database, and "open the folder"."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.gui.context import AppContext

KIND_ORDER = ("child", "household", "guardian", "guardianship", "enrolment", "institution", "academic_year",
              "term", "screening", "screening_member", "certification", "screening_photo", "grant_round",
              "term_attendance", "grant_payment", "tombstone")
NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


class ExchangeText(QObject):
    """The exchange's words in the window's language (Qt's tr; the services' own Thai
    messages come translated through desktop/i18n.py)."""

    def kind(self, wire: str) -> str:
        return {
            "child": self.tr("เด็ก"), "household": self.tr("ครัวเรือน"), "guardian": self.tr("ผู้ปกครอง"),
            "guardianship": self.tr("ความสัมพันธ์เด็ก-ผู้ปกครอง"), "enrolment": self.tr("การลงทะเบียนเรียน"),
            "institution": self.tr("สถานศึกษา"), "academic_year": self.tr("ปีการศึกษา"),
            "term": self.tr("ภาคเรียน"), "screening": self.tr("แบบคัดกรอง"),
            "screening_member": self.tr("สมาชิกครัวเรือนในแบบคัดกรอง"),
            "certification": self.tr("การรับรองแบบคัดกรอง"),
            "screening_photo": self.tr("รูปถ่ายแบบคัดกรอง (เฉพาะรหัสตรวจสอบ)"), "grant_round": self.tr("รอบทุน"),
            "term_attendance": self.tr("การมาเรียนรายภาคเรียน"), "grant_payment": self.tr("การจ่ายเงินทุน"),
            "tombstone": self.tr("รายการที่ลบถาวร"),
        }.get(wire, wire)

    def outcome(self, name: str) -> str:
        return {
            "inserted": self.tr("เพิ่ม"), "updated": self.tr("ปรับปรุง"), "unchanged": self.tr("ไม่เปลี่ยน"),
            "deleted": self.tr("ลบ"), "unknown": self.tr("ไม่พบ"), "other_office": self.tr("เป็นของหน่วยงานอื่น"),
            "unresolved": self.tr("อ้างถึงรายการที่ไม่มี"), "older": self.tr("เก่ากว่าที่มีอยู่"),
        }.get(name, name)

    def counts(self, counts: dict[str, int]) -> list[tuple[str, str]]:
        """(kind, number) in the screens' order, the kinds a bundle may carry."""
        order = [k for k in KIND_ORDER if k in counts] + sorted(k for k in counts if k not in KIND_ORDER)
        return [(self.kind(k), f"{counts[k]:,}") for k in order]

    def failure(self, exc: BaseException, path: Path | None = None) -> str:
        """What went wrong and what to do, for any failure of the exchange's work."""
        from desktop.exchange.reasons import Refusal
        from desktop.services.access import NotPermitted
        from desktop.services.exchange_keys import OfficeKeyError
        from desktop.services.exchange_outbox import ExchangeError

        if isinstance(exc, Refusal):
            return self.tr("ไม่รับไฟล์นี้ [%1]\n%2").replace("%1", exc.code).replace("%2", exc.message)
        if isinstance(exc, ExchangeError | OfficeKeyError | NotPermitted):
            return str(exc.message)
        if isinstance(exc, OSError) and not _is_database_error(exc):
            where = str(path or exc.filename or "")
            if exc.errno in NO_SPACE:
                return self.tr("ที่ว่างใน %1 ไม่พอ จึงไม่ได้เขียนไฟล์ และข้อมูลในฐานข้อมูลไม่เปลี่ยน "
                               "ลบไฟล์ที่ไม่ใช้ออกจากแฟลชไดรฟ์ หรือเลือกที่อื่น แล้วลองใหม่").replace("%1", where)
            return self.tr("เขียนหรืออ่านไฟล์ %1 ไม่สำเร็จ (แฟลชไดรฟ์อาจถูกดึงออก เต็ม หรือป้องกันการเขียน) "
                           "ไม่มีไฟล์ครึ่ง ๆ กลาง ๆ เหลืออยู่ และข้อมูลในฐานข้อมูลไม่เปลี่ยน "
                           "เสียบแฟลชไดรฟ์ให้แน่นแล้วลองใหม่\n(%2)").replace("%1", where).replace(
                "%2", exc.strerror or type(exc).__name__)
        from desktop.gui.app import fault_text
        from desktop.store.faults import classify

        fault = classify(exc)
        if fault is not None:
            return fault_text(fault, None)
        return self.tr("เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลในฐานข้อมูลไม่เปลี่ยน โปรดแจ้งผู้ดูแลระบบ\n(%1)").replace(
            "%1", f"{type(exc).__name__}: {exc}")


def _is_database_error(exc: OSError) -> bool:
    return type(exc).__module__.startswith(("sqlite3", "sqlcipher3"))


def needs_password(ctx: AppContext) -> bool:
    """The office's keys open with the user's password in a plain database (in an
    encrypted one the file protects them)."""
    from desktop.services.keys import key_of_session

    with ctx.db.reader() as session:
        return key_of_session(session) is None


class PasswordRow(QObject):
    """รหัสผ่านของคุณ: the signed-in user's password, to open the office's keys."""

    def __init__(self, form: QFormLayout, parent: QWidget, shown: bool) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(parent)
        self.edit.setObjectName("passwordEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)"))
        self.label = QLabel(self.tr("รหัสผ่านของคุณ"), parent)
        self.label.setBuddy(self.edit)
        form.addRow(self.label, self.edit)
        self.set_shown(shown)

    def set_shown(self, shown: bool) -> None:
        self.edit.setVisible(shown)
        self.label.setVisible(shown)

    @property
    def shown(self) -> bool:
        return not self.edit.isHidden()

    def value(self) -> str | None:
        return self.edit.text() if self.shown else None

    def missing(self) -> bool:
        return self.shown and not self.edit.text()


def open_folder(path: Path) -> bool:
    """Show ``path``'s folder in the system's file manager."""
    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def key_problem(exc: BaseException) -> str:
    """``keys.password``/``keys.not_shared`` of OfficeKeyError, else ""."""
    from desktop.services.exchange_keys import OfficeKeyError

    return exc.code if isinstance(exc, OfficeKeyError) else ""


def ask_for_keys(ctx: AppContext, password: str | None) -> bool:
    """The keys not shared with this user yet: note them as waiting (their own key pair
    under their password), so the next ``samoe keys share`` of a holder gives them."""
    from desktop.services.exchange_keys import ensure_holder

    if not password:
        return False
    try:
        with ctx.db.session() as session:
            return ensure_holder(session, password)
    except Exception:  # noqa: BLE001 - only a courtesy: the message already says what to do
        return False
