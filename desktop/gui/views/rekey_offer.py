"""After a suspension on an encrypted database, the users page offers a re-key
(services/rekey.py): a keyring copied before the suspension still opens the file with
the suspended user's old password until the key changes.

The question says what the re-key does (who will need a new password, whether a new
recovery key comes); yes runs it on the background helper with the window's progress
bar while the database is closed (as a restore does: gui/views/backup_actions.py), then
shows a new recovery key if there is one (printable) and opens the database again."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.progress import Progress
from desktop.store import cipher

if TYPE_CHECKING:
    from desktop.gui.context import AppContext
    from desktop.services.rekey import RekeyPreview, RekeyResult


class RekeyOffer(QObject):
    """The question, the work and what is said after; ``finished(ok)`` for tests."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.question: QMessageBox | None = None
        self.result: RekeyResult | None = None

    def applies(self) -> bool:
        path = self.ctx.db.path
        return path is not None and cipher.is_encrypted(path) and cipher.key_for(path) is not None

    def offer(self, suspended: str) -> bool:
        """Ask; True when the re-key was started."""
        from desktop.services.rekey import preview_text, rekey_preview
        from desktop.store.rekey import RekeyFailed

        if not self.applies():
            return False
        try:
            preview = rekey_preview(self.ctx.db)
        except RekeyFailed as exc:
            QMessageBox.warning(self.parent_widget, "Samoe", exc.message)
            return False
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("เปลี่ยนกุญแจฐานข้อมูล"))
        box.setText(self.tr("ไฟล์กุญแจที่คัดลอกไว้ก่อนระงับ %1 ยังเปิดฐานข้อมูลนี้ได้ด้วยรหัสผ่านเดิมของเขา "
                            "เปลี่ยนกุญแจของฐานข้อมูลเดี๋ยวนี้?").replace("%1", suspended))
        box.setInformativeText(preview_text(preview))
        yes = box.addButton(self.tr("เปลี่ยนกุญแจ"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("ไว้ทีหลัง"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(later)
        self.question = box
        box.exec()
        self.question = None
        if box.clickedButton() is not yes:
            return False
        self.run(preview)
        return True

    def run(self, preview: RekeyPreview) -> None:
        from desktop.gui.views.backup_actions import close_database
        from desktop.services.rekey import rekey_database

        db = self.ctx.db
        path, actor = db.path, db.actor
        self.ctx.tasks.cancel_all()
        self.ctx.tasks.wait(30_000)
        closed = close_database(db, self.tr("กำลังเปลี่ยนกุญแจของฐานข้อมูล รอให้เสร็จก่อน"))
        started = time.monotonic()

        def work(progress: Progress) -> RekeyResult:
            return rekey_database(db, progress, preview)

        def done(result: RekeyResult) -> None:
            self.result = result
            text = self.tr("เปลี่ยนกุญแจของฐานข้อมูลแล้ว (%1 วินาที) ไฟล์กุญแจที่คัดลอกไว้ก่อนหน้านี้เปิดฐานข้อมูลนี้ไม่ได้อีก "
                           "ไฟล์สำรองที่ทำก่อนหน้านี้ยังเปิดได้ด้วยกุญแจเดิม ลบไฟล์สำรองเก่าที่ไม่ต้องการแล้ว").replace(
                "%1", f"{time.monotonic() - started:,.1f}")
            if result.need_password:
                text += "\n\n" + self.tr("ผู้ใช้ที่ต้องตั้งรหัสผ่านใหม่ให้ก่อนเข้าสู่ระบบ: %1").replace(
                    "%1", ", ".join(result.need_password))
            QMessageBox.information(self.parent_widget, "Samoe", text)
            if result.recovery is not None and path is not None:
                self._show_recovery(result.recovery, actor)
            # only now: until the window opens the file anew, its old engine (old key) stays
            # closed, so nothing reads the re-keyed file with the wrong key meanwhile
            closed()
            opener = getattr(self.parent_widget.window(), "open_requested", None)
            if opener is not None and path is not None:
                opener.emit(str(path))  # the window's database holds the old key: open anew

        def failed(exc: BaseException, _tb: str) -> None:
            from desktop.gui.app import fault_text

            closed()
            message = exc.message if isinstance(exc, cipher.CipherError) else fault_text(exc, path)
            QMessageBox.critical(self.parent_widget, "Samoe", self.tr(
                "เปลี่ยนกุญแจไม่สำเร็จ ฐานข้อมูลและไฟล์กุญแจยังเป็นแบบเดิม\n\n%1").replace("%1", message))

        self.ctx.tasks.run(work, on_done=done, on_error=failed, on_cancel=closed, writes=True,
                           label=self.tr("กำลังเปลี่ยนกุญแจฐานข้อมูล…"))

    def _show_recovery(self, recovery: str, actor: object | None) -> None:
        """The new recovery key, printable (the print is audited in the re-keyed file)."""
        from desktop.gui.unlock import show_recovery_key
        from desktop.services.keys import NewKey
        from desktop.store.db import Database

        path = self.ctx.db.path
        assert path is not None
        key = cipher.key_for(path)
        fresh = Database.open(path)
        try:
            fresh.set_actor(actor)
            show_recovery_key(self.parent_widget, NewKey(key or b"", recovery), db=fresh,
                              settings=self.ctx.settings)
        finally:
            fresh.dispose()
