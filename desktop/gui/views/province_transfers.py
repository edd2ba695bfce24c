"""The province's ไฟล์ส่งต่อกรณี… on the municipalities page (issue 13; docs/cases.md,
"Transfer to another municipality"): the cases other municipalities transferred to the
selected one, written into its signed transfer file where the officer chooses
(services/case_transfer.write_transfer_file); the password asked for where the keys need
it. Thin: the service decides and checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.views.exchange_common import ExchangeText, needs_password
from desktop.gui.widgets.file_pickers import save_file_name

FOLDER_KEY = "exchange/transfer_folder"


class TransferFileWriter(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.text = ExchangeText(self)

    def write_for(self, code: str, name: str, out: Path | None = None) -> str:
        """Write ``code``'s transfer file to ``out`` (None: ask where); the outcome's text,
        said in a box ("" when cancelled)."""
        from desktop.services.case_transfer import write_transfer_file

        if out is None:
            start = str(self.ctx.settings.value(FOLDER_KEY, "") or Path.home())
            chosen, _ = save_file_name(self.parent_widget, self.tr("บันทึกไฟล์ส่งต่อกรณีถึง %1").replace("%1", name),
                                       str(Path(start) / f"ส่งต่อกรณี-{code}.samoe-transfer"),
                                       self.tr("ไฟล์ส่งต่อกรณี (*.samoe-transfer)"))
            if not chosen:
                return ""
            out = Path(chosen)
        if not out.name.endswith(".samoe-transfer"):
            out = out.with_name(out.name + ".samoe-transfer")
        password: str | None = None
        if needs_password(self.ctx):
            password, ok = QInputDialog.getText(self.parent_widget, self.tr("ไฟล์ส่งต่อกรณี"),
                                                self.tr("รหัสผ่านที่ใช้เข้าสู่ระบบ (เพื่อเปิดกุญแจของหน่วยงาน)"),
                                                QLineEdit.EchoMode.Password)
            if not ok:
                return ""
        self.ctx.settings.setValue(FOLDER_KEY, str(out.parent))
        try:
            with self.ctx.db.session() as session:
                written = write_transfer_file(session, code, out, password=password or None)
        except Exception as exc:  # noqa: BLE001 - said in a box, never a traceback
            text = self.text.failure(exc, out)
            QMessageBox.warning(self.parent_widget, self.tr("เขียนไฟล์ส่งต่อกรณีไม่สำเร็จ"), text)
            return text
        text = self.tr("เขียนไฟล์ส่งต่อกรณีถึง %1 (%2) %3 กรณี ลงไฟล์ %4 แล้ว ส่งไฟล์นี้ให้ อปท. ปลายทางนำเข้า").replace(
            "%1", written.office_name).replace("%2", written.office_code).replace(
            "%3", str(len(written.transfers))).replace("%4", str(out))
        QMessageBox.information(self.parent_widget, self.tr("ไฟล์ส่งต่อกรณี"), text)
        return text
