"""จังหวัด › อปท. ที่ส่งข้อมูล: the municipalities the province receives from, with their
chains (last bundle, sequence, time, rows, restores, the bundles never received); one quiet
longer than the officer's limit (or that never sent) stands out in colour and says so in
words. Enter or a double-click shows that municipality's bundles. Printed and exported like
every list. The data: services/province_senders.py."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be, format_be_local, utc_to_local
from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.gui.widgets.screen import fit_to_screen

KEY_ROLE = Qt.ItemDataRole.UserRole  # the office code (column 0) / the sort value
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STALE_BRUSH = QBrush(QColor("#fde0dc"))  # with the Thai words in the status column: never colour alone
STALE_TEXT = QBrush(QColor("#8a1c10"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NAME_WIDTH, MIN_NAME_WIDTH = 260, 150


class SortItem(QTableWidgetItem):
    """Sorts by the value in SORT_ROLE (numbers, times, Thai dictionary order)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None and type(mine) is type(theirs):
            return bool(mine < theirs)
        return super().__lt__(other)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def fill_row(table: QTableWidget, row: int, cells: list[tuple[str, object]], *, key: str,
             numbers: tuple[int, ...] = (), brush: QBrush | None = None,
             foreground: QBrush | None = None) -> None:
    for column, (text, sort) in enumerate(cells):
        item = SortItem(text)
        item.setData(KEY_ROLE, key)
        item.setData(SORT_ROLE, natural_sort_key(text) if sort is None else sort)
        if column in numbers:
            item.setTextAlignment(RIGHT)
        if brush is not None:
            item.setBackground(brush)
        if foreground is not None:
            item.setForeground(foreground)
        table.setItem(row, column, item)


def plain_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class ProvinceMunicipalitiesView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceMunicipalitiesView")
        self.ctx = ctx
        self.rows: list[Any] = []
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("อปท. ที่ส่งข้อมูลถึงจังหวัด"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("ค้นหารหัสหรือชื่อ อปท. (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        bar.addWidget(self.search, 1)
        self.filters = FilterMark(self, [self.search], lambda: self.search.clear(),
                                  self.tr("แสดง อปท. ทั้งหมด"))
        bar.addWidget(self.filters.button)
        days_label = QLabel(self.tr("เน้นที่ไม่ได้ส่งเกิน"), self)
        bar.addWidget(days_label)
        self.days = QSpinBox(self)
        self.days.setObjectName("staleDays")
        self.days.setRange(1, 366)
        self.days.setSuffix(self.tr(" วัน"))
        self.days.setToolTip(self.tr("อปท. ที่ไม่ได้ส่งชุดข้อมูลนานกว่านี้ หรือยังไม่เคยส่ง จะแสดงเป็นสีและมีคำบอก"))
        days_label.setBuddy(self.days)
        self.days.editingFinished.connect(self._days_changed)
        bar.addWidget(self.days)
        layout.addLayout(bar)

        self.table = QTableWidget(self)
        self.table.setObjectName("table")
        headers = [self.tr("รหัส"), self.tr("อปท."), self.tr("สถานะ"), self.tr("ชุดที่"), self.tr("ส่งเมื่อ"),
                   self.tr("แถว"), self.tr("เด็ก"), self.tr("ได้รับ"), self.tr("ขาด"), self.tr("กู้คืน"),
                   self.tr("รอตรวจ")]
        tips = [self.tr("รหัส อปท."), self.tr("ชื่อ อปท."), self.tr("ไม่ได้ส่งนานเกินกำหนด หรือยังไม่เคยส่ง"),
                self.tr("ลำดับที่ของชุดข้อมูลล่าสุดที่รับไว้"), self.tr("วันที่ อปท. สร้างชุดข้อมูลล่าสุด"),
                self.tr("จำนวนแถวในชุดข้อมูลล่าสุด"), self.tr("เด็กจาก อปท. นี้ในทะเบียนของจังหวัด (คน)"),
                self.tr("จำนวนชุดข้อมูลที่ได้รับ"), self.tr("ชุดที่ขาด: ลำดับที่ของชุดที่ไม่เคยได้รับ"),
                self.tr("จำนวนครั้งที่ อปท. กู้คืนฐานข้อมูลจากไฟล์สำรอง"),
                self.tr("คู่เด็กเลขประจำตัวเดียวกันที่ยังรอตรวจสอบ")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for column, tip in enumerate(tips):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        plain_table(self.table)
        # the name as wide as it is up to NAME_WIDTH (whole in the tooltip); the last column
        # takes what is left on a wide screen
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)

        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.bundles_button = QPushButton(self.tr("ชุดข้อมูลที่ได้รับ…"), self)
        self.bundles_button.setObjectName("bundlesButton")
        self.bundles_button.setToolTip(self.tr("ชุดข้อมูลทั้งหมดที่ได้รับจาก อปท. ที่เลือก (Enter หรือดับเบิลคลิก)"))
        self.bundles_button.clicked.connect(self.open_bundles)
        self.summary_button = QPushButton(self.tr("สรุปราย อปท. (PDF)"), self)
        self.summary_button.setObjectName("summaryButton")
        self.summary_button.clicked.connect(self.print_summary)
        self.print_button = QPushButton(self.tr("พิมพ์รายการ"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("พิมพ์รายการนี้ (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_list)
        self.export_button = QPushButton(self.tr("ส่งออก Excel/CSV"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_list)
        self.transfer_button = QPushButton(self.tr("ไฟล์ส่งต่อกรณี…"), self)
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.setToolTip(self.tr("กรณีเด็กนอกระบบที่ อปท. อื่นส่งต่อให้ อปท. ที่เลือก: ดูว่ากรณีใดยังไม่ได้เขียนไฟล์ "
                                                "แล้วเขียนไฟล์ที่ลงนามให้นำเข้า"))
        self.transfer_button.clicked.connect(self.open_transfers)
        self.table.itemSelectionChanged.connect(self._update_buttons)  # the buttons follow the row chosen
        buttons.addWidget(self.bundles_button)
        buttons.addWidget(self.transfer_button)
        buttons.addStretch(1)
        for b in (self.summary_button, self.print_button, self.export_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.documents = Documents(ctx, self, self.status_message.emit)
        list_keys(self, self.search, self.table, open=self.open_bundles, print_=self.print_list)
        self.dialog: ProvinceBundlesDialog | None = None
        self.transfers: QDialog | None = None  # province_transfers.ProvinceTransfersDialog, when open
        self.waiting: dict[str, Any] = {}  # office code → OfficeTransfers (all held here, never written)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from desktop.services.access import NotPermitted
        from desktop.services.case_transfer import transfers_by_office
        from desktop.services.exchange_outbox import ExchangeError
        from desktop.services.province_senders import municipalities, stale_days

        try:
            with self.ctx.db.reader() as session:
                days = stale_days(session)
                self.rows = municipalities(session, stale_after=days)
                try:
                    self.waiting = transfers_by_office(session)
                except ExchangeError:  # not the province's database: no transfer is held here
                    self.waiting = {}
        except NotPermitted:  # a user without the province's roles: said, not a fault
            self.rows = []
            self.table.setRowCount(0)
            self.summary.setText(self.tr("หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้"))
            return
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)
        self._fill()

    def status_words(self, r: Any) -> str:
        if r.days_quiet is None:
            return self.tr("ยังไม่เคยส่ง")
        if r.stale:
            return self.tr("ไม่ได้ส่ง %1 วัน").replace("%1", f"{r.days_quiet:,}")
        return self.tr("ปกติ")

    def _fill(self) -> None:
        from desktop.services.province_senders import format_gaps

        table = self.table
        current = self.selected_code()
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            sent = format_be(utc_to_local(r.created_at).date()) if r.created_at else "-"
            gaps = format_gaps(r.gaps)
            cells: list[tuple[str, object]] = [
                (r.office_code, None), (r.office_name, None),
                (self.status_words(r), (0 if r.stale else 1, -(r.days_quiet if r.days_quiet is not None else 99999))),
                (f"{r.sequence:,}" if r.sequence else "-", r.sequence),
                (sent, r.created_at.isoformat() if r.created_at else ""),
                (f"{r.rows:,}" if r.sequence else "-", r.rows), (f"{r.children:,}", r.children),
                (f"{r.bundles:,}", r.bundles),
                (gaps or "-", r.missing), (f"{r.restores:,}" if r.restores else "-", r.restores),
                (f"{r.open_pairs:,}" if r.open_pairs else "-", r.open_pairs)]
            fill_row(table, row, cells, key=r.office_code, numbers=(3, 5, 6, 7, 9, 10),
                     brush=STALE_BRUSH if r.stale else None, foreground=STALE_TEXT if r.stale else None)
            if r.stale:
                status = cell(table, row, 2)
                font = QFont(status.font())
                font.setBold(True)
                status.setFont(font)
            if r.created_at is not None and r.imported_at is not None:
                cell(table, row, 4).setToolTip(self.tr("ส่งเมื่อ %1 · นำเข้าเมื่อ %2")
                                               .replace("%1", format_be_local(r.created_at))
                                               .replace("%2", format_be_local(r.imported_at)))
            cell(table, row, 1).setToolTip(r.office_name)
            if gaps:
                cell(table, row, 8).setToolTip(self.tr("ไม่ได้รับชุดที่ %1").replace("%1", gaps))
        table.setSortingEnabled(True)
        table.resizeColumnToContents(1)
        table.setColumnWidth(1, max(MIN_NAME_WIDTH, min(table.columnWidth(1), NAME_WIDTH)))
        stale = sum(1 for r in self.rows if r.stale)
        self.summary.setText(
            self.tr("รวม %1 แห่ง · ไม่ได้ส่งเกิน %2 วันหรือยังไม่เคยส่ง %3 แห่ง (แถวสีแดง)")
            .replace("%1", f"{len(self.rows):,}").replace("%2", str(self.days.value())).replace("%3", f"{stale:,}")
            if self.rows else self.tr("ยังไม่ได้รับชุดข้อมูลจาก อปท. ใด และยังไม่ได้ลงทะเบียนบัตรกุญแจของ อปท. ใด"))
        self._apply_search()
        self.select_code(current)

    def _apply_search(self) -> None:
        words = self.search.text().strip().lower()
        for row in range(self.table.rowCount()):
            code, name = cell(self.table, row, 0), cell(self.table, row, 1)
            hit = not words or words in code.text().lower() or words in name.text().lower()
            self.table.setRowHidden(row, not hit)
        self.filters.show_state()
        self._update_buttons()

    def _days_changed(self) -> None:
        from desktop.services.province_senders import set_stale_days, stale_days

        with self.ctx.db.reader() as session:
            if stale_days(session) == self.days.value():
                return
        try:
            with self.ctx.db.session() as session:
                set_stale_days(session, self.days.value())
        except Exception as exc:  # noqa: BLE001 - not permitted, read-only: said, nothing changed
            from desktop.gui.app import fault_text

            self.status_message.emit(fault_text(exc, None), None)
        self.refresh()

    def selected_code(self) -> str:
        item = self.table.item(self.table.currentRow(), 0)
        return str(item.data(KEY_ROLE)) if item is not None and not self.table.isRowHidden(item.row()) else ""

    def select_code(self, code: str) -> None:
        for row in range(self.table.rowCount()):
            if code and cell(self.table, row, 0).data(KEY_ROLE) == code:
                self.table.selectRow(row)
                return
        visible = next((r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)), -1)
        if visible >= 0 and self.table.currentRow() < 0:
            self.table.selectRow(visible)
        self._update_buttons()

    def _update_buttons(self) -> None:
        code = self.selected_code()
        self.bundles_button.setEnabled(bool(code))
        waiting = self.waiting.get(code)
        self.transfer_button.setEnabled(waiting is not None)
        self.transfer_button.setText(self.tr("ไฟล์ส่งต่อกรณี (ใหม่ %1 จาก %2)…").replace("%1", str(waiting.new))
                                     .replace("%2", str(waiting.total)) if waiting is not None
                                     else self.tr("ไฟล์ส่งต่อกรณี…"))

    def open_transfers(self) -> None:
        """The cases transferred to the selected municipality, and its transfer file."""
        from desktop.gui.views.province_transfers import ProvinceTransfersDialog

        code = self.selected_code()
        row = next((r for r in self.rows if r.office_code == code), None)
        if row is None or code not in self.waiting:
            return
        dialog = ProvinceTransfersDialog(self.ctx, row.office_code, row.office_name, self)
        dialog.written.connect(self.refresh)  # the button's count follows the file written
        self.transfers = dialog
        dialog.open()

    def open_bundles(self) -> None:
        code = self.selected_code()
        row = next((r for r in self.rows if r.office_code == code), None)
        if row is None:
            return
        self.dialog = ProvinceBundlesDialog(self.ctx, row.office_code, row.office_name, self)
        self.dialog.open()

    def print_list(self) -> None:
        from desktop.services.province_documents import municipalities_pdf

        self.documents.report(self.tr("อปท. ที่ส่งข้อมูลถึงจังหวัด"), "province-municipalities",
                              lambda session, out, options, progress: municipalities_pdf(session, out, options,
                                                                                         progress),
                              landscape=True)

    def print_summary(self) -> None:
        from desktop.services.children import current_year_be
        from desktop.services.province_summary import province_summary_pdf

        year_be = current_year_be()
        self.documents.report(self.tr("สรุปข้อมูลราย อปท."), "province-summary",
                              lambda session, out, options, progress: province_summary_pdf(
                                  session, out, year_be, options, progress),
                              detail=self.tr("ปีการศึกษา %1").replace("%1", str(year_be)))

    def export_list(self) -> None:
        from desktop.services.province_documents import export_municipalities

        self.documents.export(self.tr("อปท. ที่ส่งข้อมูลถึงจังหวัด"), "province-municipalities",
                              lambda session, path, progress: export_municipalities(session, path, progress=progress))


class ProvinceBundlesDialog(QDialog):
    """The bundles received from one municipality, newest first."""

    def __init__(self, ctx: AppContext, office_code: str, office_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceBundlesDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("ชุดข้อมูลจาก %1").replace("%1", office_name))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("ชุดข้อมูลที่ได้รับจาก %1 (%2) ใหม่สุดก่อน").replace("%1", office_name)
                              .replace("%2", office_code), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(self)
        self.table.setObjectName("bundlesTable")
        headers = [self.tr("ลำดับที่"), self.tr("สร้างเมื่อ"), self.tr("นำเข้าเมื่อ"), self.tr("ผู้นำเข้า"),
                   self.tr("แถว"), self.tr("ผลการนำเข้า"), self.tr("หมายเหตุ")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        plain_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(980, 520)
        self.load(office_code)
        fit_to_screen(self)

    def applied_words(self, applied: dict[str, dict[str, int]]) -> str:
        kinds = {"child": self.tr("เด็ก"), "household": self.tr("ครัวเรือน"), "guardian": self.tr("ผู้ปกครอง"),
                 "enrolment": self.tr("การลงทะเบียนเรียน"), "institution": self.tr("สถานศึกษา"),
                 "tombstone": self.tr("ลบถาวร")}
        outcomes = {"inserted": self.tr("เพิ่ม"), "updated": self.tr("ปรับปรุง"), "deleted": self.tr("ลบ")}
        parts = []
        for kind, label in kinds.items():
            done = applied.get(kind, {})
            words = [f"{outcomes[o]} {done[o]:,}" for o in outcomes if done.get(o)]
            if words:
                parts.append(f"{label} " + " ".join(words))
        return " · ".join(parts) or self.tr("ไม่มีอะไรเปลี่ยน")

    def load(self, office_code: str) -> None:
        from desktop.services.exchange_province import received_bundles

        with self.ctx.db.reader() as session:
            bundles = received_bundles(session, office_code)
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(bundles))
        for row, b in enumerate(bundles):
            notes = []
            if b.restored_at is not None:
                notes.append(self.tr("กู้คืนฐานข้อมูลเมื่อ %1").replace("%1", format_be_local(b.restored_at)))
            if b.continued_from is not None:
                notes.append(self.tr("ต่อจากชุดที่ %1").replace("%1", str(b.continued_from)))
            rows = sum(b.counts.values())
            cells: list[tuple[str, object]] = [
                (f"{b.sequence:,}", b.sequence), (format_be_local(b.created_at), b.created_at.isoformat()),
                (format_be_local(b.imported_at), b.imported_at.isoformat()), (b.imported_by, None),
                (f"{rows:,}", rows), (self.applied_words(b.applied), None), (" · ".join(notes) or "-", None)]
            fill_row(table, row, cells, key=b.uuid, numbers=(0, 4))
            cell(table, row, 5).setToolTip(cell(table, row, 5).text())
        table.setSortingEnabled(True)
        if bundles:
            table.selectRow(0)
        self.bundles = bundles
