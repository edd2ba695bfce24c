"""Which database the window works on: the first start, File › New, Open, the recent list
and the demo database. Switching opens the chosen database, then a new main window on it,
then closes the old window and its database.

Demo data never fills the office's real database: it lives in its own file
(``paths.demo_db_path``), marked as demo in the database itself. A new database is made
only once its office is known (set-up checked first), so cancelling leaves no file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.gui.app import open_db_or_explain
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.paths import default_db_path, demo_db_path
from desktop.services.office import OfficeValues
from desktop.store.db import Database, sqlite_path

RECENT_KEY = "db/recent"
RECENT_MAX = 8
DEMO_CHILDREN = 2000


def recent_databases(settings: QSettings) -> list[str]:
    """The databases opened lately, the latest first (paths as opened)."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or []) if str(v)]


def remember_database(settings: QSettings, path: Path) -> None:
    text = str(Path(path).resolve())
    recent = [p for p in recent_databases(settings) if p != text]
    settings.setValue(RECENT_KEY, [text, *recent][:RECENT_MAX])


def forget_database(settings: QSettings, path: str) -> None:
    settings.setValue(RECENT_KEY, [p for p in recent_databases(settings) if p != path])


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class Shell(QObject):
    """Owns the open database, its context and its main window."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ctx: AppContext | None = None
        self.window = None  # MainWindow (imported late: it pulls in every view)
        self.left = False  # the clerk chose to leave at a set-up

    # ---- start
    def start(self, target: str | None = None) -> int | None:
        """Open the window; None when it is open, else the exit code (0: the clerk left
        at the first start, 3: no database could be opened)."""
        if target is None and not os.environ.get("SAMOE_DB"):
            default = default_db_path()
            last = next((p for p in recent_databases(self.settings) if Path(p).is_file()), None)
            if last is not None and (self.open(last) or self.left or Path(last) == default.resolve()):
                return None if self.window is not None else 0 if self.left else 3
            if not default.exists():
                return self.first_start()
            return None if self.open(default) else 0 if self.left else 3
        return None if self.open(target) else 0 if self.left else 3

    def first_start(self) -> int | None:
        """Demo data (in its own database) or the office's real one, set up in one go;
        the choice is asked again until the clerk makes one or leaves."""
        from desktop.gui.views.office_dialog import OfficeDialog

        while True:
            choice = self._ask_start()
            if choice == "demo":
                return None if self.open_demo() else 3
            if choice != "real":
                return 0
            dialog = OfficeDialog(None)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_values is not None:
                return None if self.create(default_db_path(), dialog.result_values) else 3

    def _ask_start(self) -> str | None:
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("เริ่มใช้งาน Samoe"))
        box.setText(self.tr(
            "ยินดีต้อนรับสู่ Samoe\n\n"
            "ทดลองใช้ด้วยข้อมูลตัวอย่าง (เด็กสมมุติ %1 คน ในฐานข้อมูลตัวอย่างที่แยกไว้ต่างหาก) "
            "หรือเริ่มฐานข้อมูลจริงของหน่วยงาน?\n\n"
            "ข้อมูลตัวอย่างไม่ปนกับข้อมูลจริง เริ่มฐานข้อมูลจริงภายหลังได้จากเมนู แฟ้ม › ฐานข้อมูลใหม่…")
            .replace("%1", f"{DEMO_CHILDREN:,}"))
        demo = box.addButton(self.tr("ทดลองด้วยข้อมูลตัวอย่าง"), QMessageBox.ButtonRole.AcceptRole)
        real = box.addButton(self.tr("เริ่มฐานข้อมูลจริง"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("ออกจากโปรแกรม"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(real)
        box.setEscapeButton(leave)
        box.exec()
        clicked = box.clickedButton()
        return "demo" if clicked is demo else "real" if clicked is real else None

    # ---- switching
    def open(self, target: str | os.PathLike[str] | None, *, create: bool = False) -> bool:
        """Open an existing database (refused in Thai when missing, damaged or newer)."""
        db = open_db_or_explain(target, self.window, create=create)
        if db is None:
            if target is not None:
                found = sqlite_path(db_url(target))
                if found is not None and not found.exists():
                    forget_database(self.settings, str(target))
            return False
        return self._install(db)

    def open_demo(self) -> bool:
        """The demo database, made and filled on first use."""
        from desktop.services.demo import prepare_demo

        path = demo_db_path()
        new = not path.exists()
        db = open_db_or_explain(path, self.window, create=new)
        if db is None:
            return False
        prepare_demo(db.engine)  # marked demo (an older demo file too) and its office
        if not self._install(db):
            return False
        if new and self.window is not None:
            self.window.add_demo_data(DEMO_CHILDREN)
        return True

    def create(self, path: Path, values: OfficeValues) -> bool:
        """A new database with its office, or nothing at all."""
        from desktop.services.office import init_office

        path = Path(path)
        if path.exists():
            QMessageBox.warning(self.window, "Samoe", self.tr(
                "มีไฟล์ %1 อยู่แล้ว ฐานข้อมูลใหม่ต้องเป็นไฟล์ใหม่ ใช้ชื่ออื่น "
                "หรือเปิดไฟล์นั้นจากเมนู แฟ้ม › เปิดฐานข้อมูล…").replace("%1", str(path)))
            return False
        db = open_db_or_explain(path, self.window, create=True)
        if db is None:
            return False
        try:
            with db.session() as session:
                init_office(session, name=values.name, code=values.code, role=values.role,
                            province=values.province)
        except Exception as exc:  # noqa: BLE001 - nothing half-made stays behind
            db.dispose()
            _remove_database_files(path)
            from desktop.gui.app import fault_text

            QMessageBox.critical(self.window, "Samoe", self.tr("สร้างฐานข้อมูลใหม่ไม่สำเร็จ ไม่มีไฟล์ใดถูกสร้าง\n\n%1")
                                 .replace("%1", fault_text(exc, path)))
            return False
        return self._install(db)

    def _install(self, db: Database) -> bool:
        from desktop.gui.main_window import MainWindow

        old_window, old_ctx = self.window, self.ctx
        if old_window is not None:
            old_window.save_layout()
        ctx = AppContext(db, TaskRunner(self), self.settings)
        window = MainWindow(ctx)
        window.open_requested.connect(lambda path: self.open(path))
        window.new_requested.connect(lambda path, values: self.create(Path(path), values))
        window.demo_requested.connect(self.open_demo)
        self.window, self.ctx = window, ctx
        window.show()
        if old_window is not None and old_ctx is not None:
            self._retire(old_window, old_ctx)
        path = sqlite_path(db.url)
        if path is not None:
            remember_database(self.settings, path)
        if not window.ensure_office():
            self.left = True
            self.close()
            return False
        return True

    def _retire(self, window: QWidget, ctx: AppContext) -> None:
        window.close()  # saves its layout, cancels and waits for its work
        window.deleteLater()
        ctx.tasks.wait(10_000)
        ctx.db.dispose()
        ctx.tasks.deleteLater()

    def close(self) -> None:
        if self.window is not None and self.ctx is not None:
            self._retire(self.window, self.ctx)
        self.window, self.ctx = None, None


def db_url(target: str | os.PathLike[str]) -> str:
    from desktop.store.db import resolve_url

    return resolve_url(target)
