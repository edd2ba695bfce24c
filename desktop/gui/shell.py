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
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.gui.app import open_db_or_explain
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.first_admin_dialog import AdminValues
from desktop.gui.views.lock_screen import IdleWatch, ScreenLock
from desktop.gui.views.login_dialog import remember_user
from desktop.paths import default_db_path, demo_db_path
from desktop.services.access import Actor, sign_in
from desktop.services.office import OfficeValues
from desktop.store.db import Database, sqlite_path

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

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
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):  # .keys: an encrypted one's keyring
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class Shell(QObject):
    """Owns the open database, its context and its main window."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None  # imported late: it pulls in every view
        self.left = False  # the clerk chose to leave at a set-up
        self.actor: Actor | None = None  # who is signed in on the open database
        self.idle: IdleWatch | None = None
        self.lock: ScreenLock | None = None

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
        """Demo data (in its own database) or the office's real one, set up in one go:
        the office, then the first administrator; the choice is asked again until the
        clerk makes one or leaves. Nothing is written before every step is done."""
        from desktop.gui.views.first_admin_dialog import ask_admin_until_set
        from desktop.gui.views.office_dialog import OfficeDialog

        while True:
            choice = self._ask_start()
            if choice == "demo":
                admin = ask_admin_until_set(None, intro=self._demo_admin_intro())
                if admin is None:
                    return 0
                return None if self.open_demo(admin) else 3
            if choice != "real":
                return 0
            dialog = OfficeDialog(None)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_values is not None:
                admin = ask_admin_until_set(None)
                if admin is None:
                    return 0
                return None if self.create(default_db_path(), dialog.result_values, admin) else 3

    def _demo_admin_intro(self) -> str:
        return self.tr(
            "ฐานข้อมูลตัวอย่างเป็นไฟล์แยกของตัวเอง และต้องเข้าสู่ระบบเช่นเดียวกับฐานข้อมูลจริง "
            "ตั้งชื่อผู้ใช้และรหัสผ่านของผู้ดูแลระบบสำหรับฐานข้อมูลตัวอย่างนี้ "
            "(ไม่ใช้รหัสผ่านเดียวกับฐานข้อมูลจริง เพราะไฟล์ตัวอย่างมักถูกคัดลอกไปให้ผู้อื่นดู)")

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
        """Open an existing database (refused in Thai when missing, damaged or newer);
        its user signs in before anything of it is shown (an encrypted one: before it is
        opened, gui/unlock.py)."""
        from desktop.gui.unlock import unlock_before_open
        from desktop.gui.views.login_dialog import remembered_user

        place = str(sqlite_path(db_url(target))) if target is not None else ""
        given = unlock_before_open(self.window, remembered_user(self.settings, place), target,
                                   leave_text=self.tr("ยกเลิก") if self.window is not None else "")
        if given is None:
            if self.window is None:
                self.left = True
            return False
        db = open_db_or_explain(target, self.window, create=create)
        if db is None:
            if target is not None:
                found = sqlite_path(db_url(target))
                if found is not None and not found.exists():
                    forget_database(self.settings, str(target))
            return False
        return self._install(db, given=given)

    def open_demo(self, admin: AdminValues | None = None) -> bool:
        """The demo database, made and filled on first use. A new one gets its own first
        administrator (``admin``, or asked now): never a known password, and never a copy
        of the real database's password hash in a file people pass around."""
        from desktop.gui.views.first_admin_dialog import FirstAdminDialog
        from desktop.services.demo import prepare_demo

        path = demo_db_path()
        new = not path.exists()
        if new and admin is None:
            dialog = FirstAdminDialog(self.window, intro=self._demo_admin_intro(),
                                      name=self.actor.name if self.actor is not None else "admin")
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_values is None:
                return False
            admin = dialog.result_values
        db = open_db_or_explain(path, self.window, create=new)
        if db is None:
            return False
        if new and admin is not None:
            actor = self._make_first_admin(db, path, admin)
        else:
            actor = self._sign_in(db)
        if actor is None:
            db.dispose()
            return False
        sign_in(db, actor)
        prepare_demo(db.engine)  # marked demo (an older demo file too) and its office
        if not self._install(db, actor):
            return False
        if new and self.window is not None:
            self.window.add_demo_data(DEMO_CHILDREN)
        return True

    def create(self, path: Path, values: OfficeValues, admin: AdminValues | None = None) -> bool:
        """A new database with its office and first administrator, or nothing at all."""
        from desktop.gui.views.first_admin_dialog import FirstAdminDialog
        from desktop.services.office import init_office

        path = Path(path)
        if path.exists():
            QMessageBox.warning(self.window, "Samoe", self.tr(
                "มีไฟล์ %1 อยู่แล้ว ฐานข้อมูลใหม่ต้องเป็นไฟล์ใหม่ ใช้ชื่ออื่น "
                "หรือเปิดไฟล์นั้นจากเมนู แฟ้ม › เปิดฐานข้อมูล…").replace("%1", str(path)))
            return False
        if admin is None:
            dialog = FirstAdminDialog(self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_values is None:
                return False
            admin = dialog.result_values
        from desktop.gui.unlock import encrypt_new, show_recovery_key
        from desktop.services.keys import start_encrypted

        new_key = start_encrypted(path) if encrypt_new() else None  # encrypted by default
        db = open_db_or_explain(path, self.window, create=True)
        if db is None:
            _remove_database_files(path)
            return False
        actor = self._make_first_admin(db, path, admin, values.role)  # wraps the key for their password
        if actor is None:
            return False
        try:
            with db.session() as session:
                init_office(session, name=values.name, code=values.code, role=values.role,
                            province=values.province)
            from desktop.services.exchange_keys import make_office_keys

            with db.session() as session:  # the office's exchange keys (docs/keys.md)
                make_office_keys(session, password=admin.password)
        except Exception as exc:  # noqa: BLE001 - nothing half-made stays behind
            self._give_up(db, path, exc)
            return False
        if new_key is not None:
            show_recovery_key(self.window, new_key, db=db, settings=self.settings)  # once: print it for the safe
        return self._install(db, actor)

    def _make_first_admin(self, db: Database, path: Path, admin: AdminValues,
                          office_role: str = "municipality") -> Actor | None:
        """The first administrator of a database this set-up has just made, signed in
        (with the office's working role: a province's is the provincial officer's)."""
        from desktop.services.users import create_first_admin

        try:
            actor = create_first_admin(db, admin.name, admin.password, admin.full_name, office_role=office_role)
        except Exception as exc:  # noqa: BLE001 - nothing half-made stays behind
            self._give_up(db, path, exc)
            return None
        sign_in(db, actor)
        remember_user(self.settings, self._place(db), actor.name)
        return actor

    def _give_up(self, db: Database, path: Path, exc: BaseException) -> None:
        from desktop.gui.app import fault_text

        db.dispose()
        _remove_database_files(path)
        QMessageBox.critical(self.window, "Samoe", self.tr("สร้างฐานข้อมูลใหม่ไม่สำเร็จ ไม่มีไฟล์ใดถูกสร้าง\n\n%1")
                             .replace("%1", str(getattr(exc, "message", "")) or fault_text(exc, path)))

    # ---- who works
    @staticmethod
    def _place(db: Database) -> str:
        path = sqlite_path(db.url)
        if path is not None:
            return str(path)
        from sqlalchemy.engine import make_url

        url = make_url(db.url)
        return f"{url.database or ''} @ {url.host or ''}"

    def _sign_in(self, db: Database, given: tuple[str, str] = ("", "")) -> Actor | None:
        """Who works on ``db``: its first administrator when it has no user yet (a
        database made before users existed), else a login (``SAMOE_PASSWORD`` with
        ``SAMOE_USER`` or the remembered name logs in without asking). None: the clerk
        left (or cancelled, when another database stays open)."""
        from desktop.gui.views.first_admin_dialog import ask_admin_until_set
        from desktop.gui.views.login_dialog import LoginDialog, refusal_text, remembered_user
        from desktop.services.access import LoginRefused, authenticate
        from desktop.services.users import create_first_admin, first_admin_needed

        place = self._place(db)
        if first_admin_needed(db):
            if db.read_only:  # no one to log in as, and no way to add one: never opened without
                QMessageBox.warning(self.window, "Samoe", self.tr(
                    "ฐานข้อมูลนี้ยังไม่มีผู้ใช้ และอยู่ในที่ที่เขียนไม่ได้ (แผ่นซีดี แฟลชไดรฟ์ที่ล็อกไว้ "
                    "หรือโฟลเดอร์ที่ไม่มีสิทธิ์เขียน) จึงตั้งผู้ดูแลระบบไม่ได้และเปิดข้อมูลไม่ได้\n\n"
                    "คัดลอกไฟล์ไปไว้ในเครื่องแล้วเปิดจากเมนู แฟ้ม › เปิดฐานข้อมูล…"))
                return None
            made: list[Actor] = []

            def save(values: AdminValues) -> object:
                made.append(create_first_admin(db, values.name, values.password, values.full_name))
                return made[-1]

            if ask_admin_until_set(self.window, save, intro=self.tr(
                    "ฐานข้อมูลนี้ยังไม่มีผู้ใช้ (สร้างด้วย Samoe รุ่นก่อนที่จะมีการเข้าสู่ระบบ) "
                    "ตั้งผู้ดูแลระบบคนแรกและรหัสผ่านก่อนเปิดข้อมูล ผู้ดูแลระบบคนนี้ทำงานทะเบียนได้ด้วย")) is None:
                return None
            remember_user(self.settings, place, made[-1].name)
            return made[-1]
        name = remembered_user(self.settings, place) or "admin"
        message = ""
        if given[0]:  # typed to unlock the encrypted file: not asked again
            try:
                actor = authenticate(db, *given)
            except LoginRefused as exc:
                name, message = given[0], refusal_text(exc)
            else:
                remember_user(self.settings, place, actor.name)
                return actor
        password = os.environ.get("SAMOE_PASSWORD") if not message else None
        if password:  # scripts, tests, the self-test: no prompt; a refusal is still said
            name = os.environ.get("SAMOE_USER") or name
            try:
                actor = authenticate(db, name, password)
            except LoginRefused as exc:
                message = refusal_text(exc)
            else:
                remember_user(self.settings, place, actor.name)
                return actor
        from desktop.gui.views.recovery_reset_dialog import recovery_for_open

        dialog = LoginDialog(lambda n, p: authenticate(db, n, p), place=place, office=self._office_name(db),
                             name=name, message=message, parent=self.window,
                             leave_text=self.tr("ยกเลิก") if self.window is not None else "",
                             recovery=recovery_for_open(db))  # ลืมรหัสผ่าน… (a plain file: says why not)
        if dialog.exec() != QDialog.DialogCode.Accepted or not isinstance(dialog.actor, Actor):
            return None
        remember_user(self.settings, place, dialog.actor.name)
        return dialog.actor

    @staticmethod
    def _office_name(db: Database) -> str:
        from desktop.services.office import local_office

        try:
            with db.reader() as session:
                office = local_office(session)
        except Exception:  # noqa: BLE001 - only the login's heading
            return ""
        return office.name if office is not None else ""

    def _install(self, db: Database, actor: Actor | None = None,
                 given: tuple[str, str] = ("", "")) -> bool:
        if actor is None:
            actor = self._sign_in(db, given)
            if actor is None:
                db.dispose()
                if self.window is None:
                    self.left = True
                return False
        sign_in(db, actor)
        self.actor = actor
        old_window, old_ctx = self.window, self.ctx
        if old_window is not None:
            old_window.save_layout()
        ctx = AppContext(db, TaskRunner(self), self.settings)
        self.ctx = ctx
        self._show_window()
        if old_window is not None and old_ctx is not None:
            self._retire(old_window, old_ctx)
        path = sqlite_path(db.url)
        if path is not None:
            remember_database(self.settings, path)
        if self.window is None or not self.window.ensure_office():
            self.left = True
            self.close()
            return False
        self._watch_idle()
        self.window.backups.start_checks()  # the quick check's verdict, then the day's backup
        return True

    def _show_window(self) -> None:
        """A main window for the signed-in user on the open database."""
        from desktop.gui.main_window import MainWindow
        from desktop.gui.session_menu import SessionControls

        assert self.ctx is not None and self.actor is not None
        window = MainWindow(self.ctx)
        window.open_requested.connect(lambda path: self.open(path))
        window.new_requested.connect(lambda path, values: self.create(Path(path), values))
        window.demo_requested.connect(self.open_demo)
        controls = SessionControls(window, self.actor)
        controls.lock_requested.connect(lambda: self.lock_now())
        controls.switch_requested.connect(lambda: self.lock_now(switching=True))
        window.office_view.idle_minutes_changed.connect(self._idle_minutes_changed)
        self.window = window
        window.show()

    # ---- idle lock and switching user
    def _watch_idle(self) -> None:
        from desktop.gui.views.lock_screen import IdleWatch, ScreenLock
        from desktop.services.security import idle_lock_minutes

        assert self.ctx is not None
        with self.ctx.db.reader() as session:
            seconds = idle_lock_minutes(session) * 60.0
        if self.idle is None:
            self.idle = IdleWatch(seconds, self)
            self.idle.idle.connect(lambda: self.lock_now())
        else:
            self.idle.set_seconds(seconds)
            self.idle.restart()
        if self.lock is None:
            from desktop.gui.views.recovery_reset_dialog import recovery_for_open

            self.lock = ScreenLock(self._authenticate, self,
                                   recovery=recovery_for_open(self.ctx.db))  # ลืมรหัสผ่าน…
            self.lock.unlocked.connect(self._unlocked)
            self.lock.switched.connect(self._switched)

    def _idle_minutes_changed(self, minutes: int) -> None:
        if self.idle is not None:
            self.idle.set_seconds(minutes * 60.0)

    def _authenticate(self, name: str, password: str) -> Actor:
        from desktop.services.access import authenticate

        assert self.ctx is not None
        return authenticate(self.ctx.db, name, password)

    def lock_now(self, *, switching: bool = False) -> None:
        """Hide every personal field until the password is given again (or another user
        signs in: ``switching`` opens the lock screen at that step)."""
        if self.lock is None or self.actor is None or self.window is None:
            return
        if self.idle is not None:
            self.idle.stop()
        self.lock.lock(self.window, self.actor.name, self.actor.user_id, switching=switching)

    def _unlocked(self, actor: Actor) -> None:
        assert self.ctx is not None
        sign_in(self.ctx.db, actor)  # the roles as they are now
        self.actor = actor
        if self.window is not None:
            from desktop.gui.session_menu import SessionControls

            SessionControls.of(self.window).apply(actor)
        if self.idle is not None:
            self.idle.restart()

    def _switched(self, actor: Actor) -> None:
        """Another user: what the previous one had open is closed (the lock did), the
        window is built again for what the new user may see."""
        assert self.ctx is not None
        sign_in(self.ctx.db, actor)
        self.actor = actor
        remember_user(self.settings, self._place(self.ctx.db), actor.name)
        old = self.window
        if old is not None:
            old.save_layout()
            old.close()
            old.deleteLater()
        self._show_window()
        if self.idle is not None:
            self.idle.restart()

    def _retire(self, window: QWidget, ctx: AppContext) -> None:
        window.close()  # saves its layout, cancels and waits for its work
        window.deleteLater()
        ctx.tasks.wait(10_000)
        ctx.db.dispose()
        ctx.tasks.deleteLater()

    def close(self) -> None:
        if self.idle is not None:
            self.idle.close()
            self.idle = None
        if self.lock is not None:
            self.lock.close()
        if self.window is not None and self.ctx is not None:
            self._retire(self.window, self.ctx)
        self.window, self.ctx = None, None


def db_url(target: str | os.PathLike[str]) -> str:
    from desktop.store.db import resolve_url

    return resolve_url(target)
