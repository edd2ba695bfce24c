"""File › Back up… and File › Restore from a backup…, the day's automatic backup, and the
offer of the newest good backup when the open database turns out damaged.

Backing up and restoring run on the one background helper (progress bar and cancel in the
status bar). Restoring checks the backup there, asks, lets the window's work finish,
closes the database (a query meanwhile is refused), holds the window's pages and menus,
replaces the file (services/backup.py keeps the replaced file in ``backups/``), says how
it went and asks the shell to open it again (``open_requested``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from desktop.domain.dates import format_be_datetime
from desktop.gui.context import AppContext
from desktop.gui.widgets.file_pickers import existing_directory, open_file_name
from desktop.services.progress import Progress

if TYPE_CHECKING:
    from desktop.services.backup import BackupInfo, RestorePlan
    from desktop.store.db import Database

log = logging.getLogger(__name__)
FOLDER_KEY = "backup/folder"


def restore_now(plan: RestorePlan, parent: QWidget | None, actor: object | None = None) -> bool:
    """Restore before any window is open (a damaged file at start), on a thread of its
    own with a progress box while the event loop runs (noted in the restored file's audit
    log as ``actor``'s); a refusal (busy, damaged copy) is told in a box."""
    import threading

    from desktop.gui.app import fault_text
    from desktop.services import backup as svc
    from desktop.services.progress import Progress

    state: dict[str, object] = {"done": 0, "total": 0}

    def step(done: int, total: int, _message: str) -> None:  # the worker: plain values only
        state["done"], state["total"] = done, total

    def work() -> None:
        try:
            result = svc.restore_backup(plan, progress=Progress(step))
            svc.note_restore(plan.target, plan, result, actor)
        except BaseException as exc:  # noqa: BLE001 - told on the GUI thread
            state["error"] = exc

    box = QProgressDialog(QCoreApplication.translate("BackupActions", "กำลังกู้คืนจากไฟล์สำรอง…"), "", 0, 100, parent)
    box.setCancelButton(None)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setMinimumDuration(0)
    box.setAutoClose(False)
    box.setValue(0)
    worker = threading.Thread(target=work, name="samoe-restore", daemon=True)
    loop = QEventLoop()
    timer = QTimer()

    def poll() -> None:
        total = int(state["total"] or 0)  # type: ignore[call-overload]
        if total:
            box.setValue(min(99, int(100 * int(state["done"] or 0) / total)))  # type: ignore[call-overload]
        if not worker.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    worker.start()
    timer.start(50)
    loop.exec()
    timer.stop()
    box.close()
    box.deleteLater()
    error = state.get("error")
    if isinstance(error, BaseException):
        QMessageBox.critical(parent, "Samoe", fault_text(error, plan.target))
        return False
    return True


def close_database(db: Database, message: str) -> Callable[[], None]:
    """Close ``db`` for a while: its connections are dropped and any new one is refused
    with ``message`` (DatabaseBusy: a slot that tries is told in a box), until the
    returned function is called."""
    from sqlalchemy import event

    from desktop.store.faults import DatabaseBusy

    def refuse(*_args: object) -> None:
        raise DatabaseBusy(message)

    db.dispose()
    pool = db.engine.pool
    event.listen(pool, "connect", refuse, insert=True)  # before the PRAGMAs touch the file
    event.listen(pool, "checkout", refuse)

    def reopen() -> None:
        for name in ("connect", "checkout"):
            if event.contains(pool, name, refuse):
                event.remove(pool, name, refuse)

    return reopen


class DamageText(QObject):
    """The offer of a backup for a damaged file, in the window's words."""

    def offer(self, parent: QWidget | None, problem: str, backup: BackupInfo | None) -> bool:
        """True when the clerk chose to restore ``backup``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Samoe")
        text = self.tr("ไฟล์ฐานข้อมูลเสียหาย จึงยังไม่ได้บันทึกอะไรลงไป\n\n%1").replace("%1", problem)
        restore = None
        if backup is not None:
            text += "\n\n" + self.tr("ไฟล์สำรองล่าสุดที่ตรวจแล้วว่าใช้ได้: %1 (%2)\nกู้คืนจากไฟล์นี้ได้เลย "
                                     "ไฟล์ที่เสียจะถูกเก็บสำเนาไว้ในโฟลเดอร์ backups").replace(
                "%1", format_be_datetime(backup.at)).replace("%2", str(backup.path))
            restore = box.addButton(self.tr("กู้คืนจากไฟล์สำรองนี้"), QMessageBox.ButtonRole.AcceptRole)
        else:
            text += "\n\n" + self.tr("ไม่พบไฟล์สำรองที่ใช้ได้ในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล "
                                     "โปรดกู้คืนจากสำเนาที่เก็บไว้ (เมนู แฟ้ม › กู้คืนจากไฟล์สำรอง…)")
        close = box.addButton(self.tr("ปิด"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore or close)
        box.setEscapeButton(close)
        box.setText(text)
        box.exec()
        return restore is not None and box.clickedButton() is restore


class BackupActions(QObject):
    """The window's backup commands (``window``: the MainWindow, for its open_requested)."""

    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self._timer: QTimer | None = None
        self.last: BackupInfo | None = None  # the last backup this window made

    def install_menu(self, menu: QMenu, before: QAction) -> None:
        """File › สำรองข้อมูล… and กู้คืนจากไฟล์สำรอง…, above ``before``."""
        self.backup_action = QAction(self.tr("สำรองข้อมูลไปยังโฟลเดอร์หรือแฟลชไดรฟ์…"), self)
        self.restore_action = QAction(self.tr("กู้คืนจากไฟล์สำรอง…"), self)
        self.backup_action.setObjectName("backupAction")
        self.restore_action.setObjectName("restoreAction")
        self.backup_action.triggered.connect(lambda _checked=False: self.back_up())
        self.restore_action.triggered.connect(lambda _checked=False: self.restore())
        menu.insertActions(before, [self.backup_action, self.restore_action])
        menu.insertSeparator(before)

    @property
    def db_path(self) -> Path | None:
        return self.ctx.db.path

    def _not_allowed(self) -> bool:
        """The signed-in user may not back up or restore (services/backup.py decides)."""
        from desktop.services.access import NotPermitted
        from desktop.services.backup import require_backup_manager

        try:
            require_backup_manager(self.ctx.db.actor)
        except NotPermitted as exc:
            QMessageBox.warning(self.window, "Samoe", str(exc))
            return True
        return False

    def _no_file(self) -> bool:
        if self._not_allowed():
            return True
        if self.db_path is None:
            QMessageBox.information(self.window, "Samoe", self.tr(
                "ฐานข้อมูลนี้อยู่บนเซิร์ฟเวอร์ ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์"))
            return True
        return False

    # ---- back up
    def back_up(self) -> None:
        """Ask for a folder (a USB stick), then back up into it on a worker."""
        if self._no_file():
            return
        start = str(self.ctx.settings.value(FOLDER_KEY, "") or Path.home())
        folder = existing_directory(self.window, self.tr("เลือกโฟลเดอร์หรือแฟลชไดรฟ์ที่จะเก็บไฟล์สำรอง"), start)
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> None:
        from desktop.services.backup import create_backup, note_backup

        path = self.db_path
        assert path is not None
        self.ctx.settings.setValue(FOLDER_KEY, str(folder))
        db = self.ctx.db

        def work(progress: Progress) -> BackupInfo:
            info = create_backup(path, folder=folder, progress=progress)
            note_backup(db, info)  # in the audit log, as an export is
            return info

        self.ctx.tasks.run(work, on_done=self._backed_up, on_error=self._failed, writes=True,
                           on_cancel=self._cancelled, label=self.tr("กำลังสำรองข้อมูล…"))

    def _backed_up(self, info: object) -> None:
        from desktop.services.backup import BackupInfo

        assert isinstance(info, BackupInfo)
        self.last = info
        size = f"{info.size / 1_048_576:,.1f} MB"
        children = "" if info.children is None else self.tr(" เด็ก %1 คน").replace("%1", f"{info.children:,}")
        QMessageBox.information(self.window, "Samoe", self.tr(
            "สำรองข้อมูลแล้ว และตรวจแล้วว่าไฟล์สำรองใช้ได้ (ความถูกต้อง จำนวนแถว และค่า SHA-256)\n\n%1\n%2%3")
            .replace("%1", str(info.path)).replace("%2", size).replace("%3", children))
        refresh = getattr(self.window, "refresh_all", None)
        if callable(refresh):
            refresh()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        from desktop.gui.app import fault_text

        QMessageBox.critical(self.window, "Samoe", self.tr("สำรองข้อมูลไม่สำเร็จ\n\n%1")
                             .replace("%1", fault_text(exc, self.db_path)))

    def _cancelled(self) -> None:
        QMessageBox.information(self.window, "Samoe", self.tr("ยกเลิกการสำรองแล้ว ไม่มีไฟล์สำรองค้างไว้ครึ่ง ๆ กลาง ๆ"))

    # ---- restore
    def restore(self) -> None:
        """Choose a backup file, check it, confirm, restore over the open database."""
        if self._no_file():
            return
        path = self.db_path
        assert path is not None
        start = str(path.parent / "backups") if (path.parent / "backups").is_dir() else str(path.parent)
        chosen, _filter = open_file_name(
            self.window, self.tr("เลือกไฟล์สำรองที่จะกู้คืน"), start, self.tr("ไฟล์สำรอง Samoe (*.db)"))
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> None:
        """Check ``backup`` on the background helper (it reads the whole file), ask, then
        restore it (``_restore``)."""
        from desktop.services import backup as svc

        path = self.db_path
        assert path is not None

        def check(_progress: Progress) -> RestorePlan:
            return svc.plan_restore(backup, path)

        def failed(exc: BaseException, _tb: str) -> None:
            from desktop.gui.app import fault_text

            QMessageBox.critical(self.window, "Samoe", fault_text(exc, path))

        def checked(plan: object) -> None:
            if self._confirm(plan):  # type: ignore[arg-type]
                self._restore(plan, told=True)  # type: ignore[arg-type]

        self.ctx.tasks.run(check, on_done=checked, on_error=failed,
                           label=self.tr("กำลังตรวจไฟล์สำรอง…"))

    def _restore(self, plan: RestorePlan, *, told: bool) -> None:
        """Replace the file on the background helper while the window waits with the
        database closed (a query meanwhile is refused, not run on a file being
        replaced); then say so (``told``) and ask the shell to open it again."""
        import time

        from desktop.services import backup as svc

        path = plan.target
        actor = self.ctx.db.actor
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait(30_000)
        closed = close_database(self.ctx.db, self.tr("กำลังกู้คืนฐานข้อมูลจากไฟล์สำรอง รอให้เสร็จก่อน"))
        pane = self._hold_window(True)
        started = time.monotonic()

        def work(progress: Progress) -> object:
            result = svc.restore_backup(plan, progress=progress)
            svc.note_restore(plan.target, plan, result, actor)  # in the restored file's audit log
            return result

        def reopen() -> None:
            opener = getattr(self.window, "open_requested", None)
            if opener is not None:
                opener.emit(str(path))

        def done(_result: object) -> None:
            seconds = time.monotonic() - started
            if told:
                manifest = plan.manifest
                children = ("" if manifest is None else
                            self.tr(" เด็ก %1 คน").replace("%1", f"{manifest.counts.get('child', 0):,}"))
                QMessageBox.information(self.window, "Samoe", self.tr(
                    "กู้คืนแล้ว%1 ใช้เวลา %2 วินาที ไฟล์เดิมเก็บไว้ในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูล "
                    "โปรแกรมจะเปิดฐานข้อมูลใหม่อีกครั้ง").replace("%1", children)
                    .replace("%2", f"{seconds:,.1f}"))
            closed()  # the shell opens the restored file anew
            reopen()

        def failed(exc: BaseException, _tb: str) -> None:
            from desktop.gui.app import fault_text

            closed()
            self._hold_window(False, pane)
            QMessageBox.critical(self.window, "Samoe", self.tr("กู้คืนไม่สำเร็จ ฐานข้อมูลยังเป็นไฟล์เดิม\n\n%1")
                                 .replace("%1", fault_text(exc, path)))

        def cancelled() -> None:
            closed()
            self._hold_window(False, pane)
            QMessageBox.information(self.window, "Samoe", self.tr(
                "ยกเลิกการกู้คืนแล้ว ฐานข้อมูลยังเป็นไฟล์เดิม ไม่มีอะไรถูกแทนที่"))

        self.ctx.tasks.run(work, on_done=done, on_error=failed, on_cancel=cancelled, writes=True,
                           label=self.tr("กำลังกู้คืนจากไฟล์สำรอง…"))

    def _hold_window(self, hold: bool, pane: list[QWidget] | None = None) -> list[QWidget]:
        """While restoring: the window's pages and menus take no input (the status bar's
        progress and Cancel stay usable); returns what was disabled, to enable again."""
        if not hold:
            for widget in pane or []:
                if isValid(widget):
                    widget.setEnabled(True)
            return []
        held: list[QWidget] = []
        for name in ("centralWidget", "menuBar"):
            getter = getattr(self.window, name, None)
            part: object = getter() if callable(getter) else None
            if isinstance(part, QWidget) and part.isEnabled():
                part.setEnabled(False)
                held.append(part)
        return held

    def _confirm(self, plan: RestorePlan) -> bool:
        manifest = plan.manifest
        when = format_be_datetime(manifest.created_at) if manifest is not None else "-"
        children = f"{manifest.counts.get('child', 0):,}" if manifest is not None else "-"
        text = self.tr("กู้คืนฐานข้อมูลจากไฟล์สำรองนี้?\n\n%1\nสำรองเมื่อ %2 · เด็ก %3 คน\n\n"
                       "ข้อมูลที่บันทึกหลังเวลานั้นจะไม่อยู่ในฐานข้อมูลที่กู้คืน "
                       "ไฟล์ปัจจุบันจะถูกเก็บไว้ในโฟลเดอร์ backups ก่อนถูกแทนที่").replace(
            "%1", str(plan.backup)).replace("%2", when).replace("%3", children)
        for warning in plan.warnings:
            text += "\n\n" + warning
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Samoe")
        box.setText(text)
        yes = box.addButton(self.tr("กู้คืน"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    # ---- at start
    def start_checks(self) -> None:
        """Wait for the start-up quick check (store/db.py runs it on a thread); a damaged
        file is said at once with the newest good backup offered, a sound one gets the
        day's backup (on a worker, quietly)."""
        if self.db_path is None or self.ctx.db.read_only or getattr(self.window, "is_demo", False):
            return  # nothing to back up on a read-only medium; demo data is made up
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll_check)
        self._timer.start()

    def _poll_check(self) -> None:
        future = self.ctx.db.damage_check
        if future is not None and not future.done():
            return
        if self._timer is not None:
            self._timer.stop()
        problems = future.result() if future is not None else []
        if problems:
            self.offer_backup(problems[0])
        else:
            self._daily()

    def offer_backup(self, problem: str) -> bool:
        from desktop.services.backup import newest_good_local

        path = self.db_path
        assert path is not None
        backup = newest_good_local(path)
        if not DamageText(self).offer(self.window, problem[:300], backup) or backup is None:
            return False
        return self.restore_from_damaged(backup.path)

    def restore_from_damaged(self, backup: Path) -> bool:
        """The newest good backup over a damaged file, on the background helper; False
        when the backup no longer verifies (said in a box)."""
        from desktop.gui.app import fault_text
        from desktop.services.backup import plan_restore

        path = self.db_path
        assert path is not None
        try:
            plan = plan_restore(backup, path)
        except Exception as exc:  # noqa: BLE001 - the check's refusal, in Thai
            QMessageBox.critical(self.window, "Samoe", fault_text(exc, path))
            return False
        self._restore(plan, told=False)
        return True

    def _daily(self) -> None:
        """The day's backup, when due: in the status bar with its progress and Cancel (the
        window's close cancels it too; the next start of the day tries again)."""
        from desktop.services.backup import auto_backups_on, daily_backup, daily_due

        path = self.db_path
        assert path is not None
        if not auto_backups_on() or not daily_due(path):
            return

        def work(progress: Progress) -> object:
            return daily_backup(path, progress=progress)

        def failed(exc: BaseException, _tb: str) -> None:
            log.warning("daily backup failed: %s", type(exc).__name__)

        self.ctx.tasks.run(work, on_error=failed, label=self.tr("กำลังสำรองข้อมูลประจำวัน…"))
