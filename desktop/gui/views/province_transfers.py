"""The province's ไฟล์ส่งต่อกรณี… on the municipalities page (issue 13; docs/cases.md,
"Transfer to another municipality"): the cases other municipalities transferred to the
selected one, each with whether the province already wrote it into a transfer file (when,
into which file: services/case_transfer.pending_transfers), and the button that writes
them all into its signed transfer file where the officer chooses
(services/case_transfer.write_transfer_file); the password asked for where the keys need
it. Thin: the service decides and checks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be, format_be_local
from desktop.gui.context import AppContext
from desktop.gui.views.exchange_common import ExchangeText, needs_password
from desktop.gui.views.province_municipalities import cell, fill_row, plain_table
from desktop.gui.widgets.file_pickers import save_file_name
from desktop.gui.widgets.screen import fit_to_screen

FOLDER_KEY = "exchange/transfer_folder"
NEW_BRUSH = QBrush(QColor("#fff4cc"))  # with the words "ยังไม่ได้เขียนไฟล์": never colour alone


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
        if written.written_before:
            text += "\n" + self.tr("ในจำนวนนี้ %1 กรณีเคยเขียนลงไฟล์ส่งต่อแล้ว (อปท. ปลายทางรับแต่ละกรณีครั้งเดียว)").replace(
                "%1", str(len(written.written_before)))
        QMessageBox.information(self.parent_widget, self.tr("ไฟล์ส่งต่อกรณี"), text)
        return text


class ProvinceTransfersDialog(QDialog):
    """The cases transferred to one municipality held here, new ones (never written into a
    file) first in colour and in words, and the button that writes its transfer file."""

    written = Signal()  # a file was written: the page counts again

    def __init__(self, ctx: AppContext, office_code: str, office_name: str, parent: QWidget | None = None,
                 rows: Sequence[Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceTransfersDialog")
        self.ctx, self.office_code, self.office_name = ctx, office_code, office_name
        self.rows: list[Any] = []
        self.setWindowTitle(self.tr("ไฟล์ส่งต่อกรณีถึง %1").replace("%1", office_name))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("กรณีเด็กนอกระบบที่ อปท. อื่นส่งต่อให้ %1 (%2) ไฟล์ส่งต่อกรณีมีทุกกรณีในรายการนี้ "
                                      "(เขียนซ้ำได้เมื่อไฟล์เดิมหาย อปท. ปลายทางรับแต่ละกรณีครั้งเดียว)")
                              .replace("%1", office_name).replace("%2", office_code), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(self)
        self.table.setObjectName("transfersTable")
        headers = [self.tr("เด็ก"), self.tr("จาก อปท."), self.tr("ส่งต่อเมื่อ"), self.tr("ไฟล์ส่งต่อ")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        plain_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        box = QDialogButtonBox(self)
        self.write_button = QPushButton(self.tr("เขียนไฟล์ส่งต่อกรณี…"), self)
        self.write_button.setObjectName("writeButton")
        self.write_button.setToolTip(self.tr("เขียนทุกกรณีในรายการลงไฟล์ที่ลงนามแล้ว ให้ อปท. ปลายทางนำเข้า"))
        self.write_button.clicked.connect(lambda: self.write())
        box.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = box.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("ปิด"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(900, 460)
        if rows is None:
            self.load()
        else:
            self.show_rows(rows)
        fit_to_screen(self)

    def written_words(self, r: Any) -> str:
        if r.written_at is None:
            return self.tr("ยังไม่ได้เขียนไฟล์")
        return self.tr("เขียนไฟล์แล้วเมื่อ %1 (%2)").replace("%1", format_be_local(r.written_at)).replace(
            "%2", r.written_file or "")

    def load(self) -> None:
        from desktop.services.case_transfer import pending_transfers

        with self.ctx.db.reader() as session:
            self.show_rows(pending_transfers(session, self.office_code))

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.rows = list(rows)
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            new = r.written_at is None
            cells: list[tuple[str, object]] = [
                (r.child_name, None), (r.from_name, None),
                (format_be(r.transferred_on), r.transferred_on.isoformat()),
                (self.written_words(r), (0, "") if new else (1, r.written_at.isoformat()))]
            fill_row(table, row, cells, key=r.transfer_uuid, brush=NEW_BRUSH if new else None)
            cell(table, row, 1).setToolTip(f"{r.from_name} ({r.from_office})")
            words = cell(table, row, 3)
            if new:
                font = QFont(words.font())
                font.setBold(True)
                words.setFont(font)
            else:
                words.setToolTip(self.tr("เขียนโดย %1").replace("%1", r.written_by or "-"))
        table.setSortingEnabled(True)
        table.sortItems(3)
        new = sum(1 for r in self.rows if r.written_at is None)
        self.summary.setText(self.tr("ทั้งหมด %1 กรณี · ยังไม่เคยเขียนลงไฟล์ส่งต่อ %2 กรณี (แถวสีเหลือง)")
                             .replace("%1", f"{len(self.rows):,}").replace("%2", f"{new:,}"))
        self.write_button.setEnabled(bool(self.rows))  # no row selected: the yellow of the new ones shows

    def write(self, out: Path | None = None) -> str:
        """Write the file (``out`` None: ask where), then show the list as it is now."""
        text = TransferFileWriter(self.ctx, self).write_for(self.office_code, self.office_name, out)
        if text:
            self.load()
            self.written.emit()
        return text
