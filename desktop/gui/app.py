"""Start-up: Qt application, bundled fonts, Thai (or English) strings, the database, the
main window. Heavy libraries (pandas, reportlab) are not imported here."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.gui.resources import install_translation, register_fonts
from desktop.i18n import set_language as set_core_language
from desktop.store.db import Database

log = logging.getLogger(__name__)
ORG, APP = "Samoe", "Samoe"


def make_app(argv: list[str] | None = None, *, lang: str | None = None) -> tuple[QApplication, QSettings, str]:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    settings = QSettings(ORG, APP)
    register_fonts(app)
    chosen = lang or str(settings.value("ui/lang", "th"))
    install_translation(app, chosen)
    set_core_language(chosen)  # dates, labels and messages of domain/services
    return app, settings, chosen


# The store's messages serve the command line too; in the window, no message sends a clerk
# to a command line: these hints are said the window's way.
_WINDOW_HINTS = (
    (" (ตรวจรายละเอียดได้ด้วย samoe db check)", " (ตรวจรายละเอียดได้จากเมนู แฟ้ม › ตรวจความถูกต้องของฐานข้อมูล)"),
    ("ตรวจ URL ใน --db", "ตรวจที่อยู่ของฐานข้อมูล"),
    (" หรือเปิดด้วยรหัสกู้คืน (samoe --recovery-key หรือตัวแปร SAMOE_RECOVERY_KEY)",
     " ผู้ที่ลืมรหัสผ่าน ให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่ให้ที่หน้า ตั้งค่า › ผู้ใช้"),
)


class FaultText(QObject):
    """A database fault (``store.faults``) or schema error as the window says it."""

    def text(self, exc: BaseException, path: Path | None) -> str:
        from desktop.store.faults import DatabaseMissing

        if isinstance(exc, DatabaseMissing) and path is not None:
            where = str(path)
            if path.is_dir():
                head = self.tr("%1 เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล").replace("%1", where)
            elif path.exists():
                head = self.tr("ไฟล์ %1 ว่างเปล่า (0 ไบต์) ไม่ใช่ฐานข้อมูลทะเบียน").replace("%1", where)
            else:
                head = self.tr("ไม่พบไฟล์ฐานข้อมูล %1 (ไฟล์อาจถูกย้าย เปลี่ยนชื่อ "
                               "หรืออยู่ในแฟลชไดรฟ์ที่ไม่ได้เสียบไว้)").replace("%1", where)
            return head + "\n\n" + self.tr(
                "เลือกไฟล์ฐานข้อมูลอื่นจากเมนู แฟ้ม › เปิดฐานข้อมูล… "
                "หรือสร้างฐานข้อมูลใหม่จากเมนู แฟ้ม › ฐานข้อมูลใหม่…")
        text = str(exc)
        for cli, window in _WINDOW_HINTS:
            text = text.replace(cli, window)
        return re.sub(r' กู้คืนด้วยคำสั่ง samoe backup restore "[^"]*"', self.tr(
            " กู้คืนได้จากเมนู แฟ้ม › กู้คืนจากไฟล์สำรอง…"), text)


def fault_text(exc: BaseException, path: Path | None) -> str:
    return FaultText().text(exc, path)


def open_db_or_explain(target: str | os.PathLike[str] | None, parent: QWidget | None = None, *,
                       create: bool | None = None) -> Database | None:
    from desktop.services.database import open_database
    from desktop.store.db import resolve_url, sqlite_path
    from desktop.store.faults import DatabaseFault
    from desktop.store.migrate import SchemaError

    # only the first start on the default path makes a new database; a path given with
    # --db or SAMOE_DB must exist (a typo must not open an empty registry)
    if create is None:
        create = target is None and not os.environ.get("SAMOE_DB")
    try:
        db, result = open_database(target, create=create, check=False)
    except (SchemaError, DatabaseFault) as exc:
        try:
            path = sqlite_path(resolve_url(target))
        except Exception:  # noqa: BLE001 - only to word the message
            path = None
        offered = offer_backup_for(exc, path, parent)  # damaged: the newest good backup
        if offered == "restored":
            return open_db_or_explain(target, parent, create=False)
        if offered is None:
            QMessageBox.critical(parent, "Samoe", fault_text(exc, path))  # Thai, from the store
        return None
    if result is not None and result.backup is not None:
        log.info("upgraded %s -> %s, backup %s", result.from_revision, result.to_revision, result.backup)
    db.check_in_background()  # a damaged file: the first save is refused (quick_check)
    return db


def offer_backup_for(exc: BaseException, path: Path | None, parent: QWidget | None) -> str | None:
    """A damaged file at start: say what is wrong and offer the newest good backup in
    ``backups/``: "restored" (open the file again), "declined", "failed" (said in a box),
    or None when there is nothing to offer (the caller says what is wrong)."""
    from desktop.store.faults import DatabaseDamaged

    if not isinstance(exc, DatabaseDamaged) or path is None or not path.is_file():
        return None
    from desktop.gui.views.backup_actions import DamageText, restore_now
    from desktop.services.backup import newest_good_local, plan_restore

    backup = newest_good_local(path)
    if backup is None:
        return None  # the usual message: it says no backup was found
    problem = fault_text(exc, path).split(" ไม่ได้บันทึกอะไรลงไฟล์นี้")[0]  # the box names the backup
    if not DamageText().offer(parent, problem, backup):
        return "declined"
    try:
        plan = plan_restore(backup.path, path)
    except Exception as problem:  # noqa: BLE001 - the backup no longer verifies
        QMessageBox.critical(parent, "Samoe", fault_text(problem, path))
        return "failed"
    return "restored" if restore_now(plan, parent) else "failed"


def show_database_faults(kind: type[BaseException], exc: BaseException, tb: object,
                         *, previous: object = None) -> None:
    """``sys.excepthook`` of the window: a database fault that escapes a slot (a save into
    a damaged file, another program holding the write lock, a full disk) or a refusal of
    the signed-in user's rights is told in a Thai message box instead of a traceback on
    stderr; anything else goes to ``previous``."""
    from desktop.services.access import NotPermitted
    from desktop.store.faults import classify

    if isinstance(exc, NotPermitted):  # the services refuse what the menus did not hide
        log.warning("not permitted: %s", exc.action)
        QMessageBox.warning(QApplication.activeWindow(), "Samoe", exc.message)
        return
    fault = classify(exc) if isinstance(exc, Exception) else None
    if fault is None:
        (previous if callable(previous) else sys.__excepthook__)(kind, exc, tb)
        return
    log.warning("database fault: %s", type(exc).__name__)
    QMessageBox.critical(QApplication.activeWindow(), "Samoe", fault_text(fault, None))


def run_gui(db_target: str | None = None, lang: str | None = None) -> int:
    logging.basicConfig(level=os.environ.get("SAMOE_LOG", "WARNING"))
    app, settings, _lang = make_app(lang=lang)
    previous = sys.excepthook
    sys.excepthook = lambda k, e, t: show_database_faults(k, e, t, previous=previous)
    from sqlalchemy.orm import configure_mappers

    from desktop.gui.shell import Shell

    configure_mappers()  # once, here, not inside the first list query the clerk waits on

    shell = Shell(settings)
    status = shell.start(db_target)
    if status is not None:
        return status
    code = app.exec()
    shell.close()
    return int(code)
