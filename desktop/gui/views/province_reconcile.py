"""จังหวัด › เด็กเลขเดียวกันจากหลาย อปท.: one child with records from two municipalities
(the same national ID), the two offices, both children's names and birth dates; the
officer decides each pair with the keyboard (1 ย้าย, 2 ข้อมูลผิด, 3 คงไว้ทั้งสอง, a note,
Enter saves) and a decided pair moves below the open ones. The decision is recorded and
audited (services/province_reconcile.py). Printed and exported like every list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be, format_be_local, utc_to_local
from desktop.domain.identity import format_national_id
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.views.province_municipalities import KEY_ROLE, cell, fill_row, plain_table
from desktop.gui.widgets.list_page import FilterMark, list_keys

DECIDED_TEXT = QBrush(QColor("#6b6b6b"))
DECISIONS = ("moved", "error", "same")
SHOW_ALL, SHOW_OPEN, SHOW_DECIDED = "all", "open", "decided"


class ProvinceReconcileView(QWidget):
    status_message = Signal(str, object)
    changed = Signal()  # a decision was recorded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceReconcileView")
        self.ctx = ctx
        self.rows: list[Any] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("เด็กเลขประจำตัวเดียวกันจากหลาย อปท."), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("ค้นหาเลขประจำตัว ชื่อ หรือ อปท. (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        bar.addWidget(self.search, 1)
        self.show_combo = QComboBox(self)
        self.show_combo.setObjectName("showCombo")
        self.show_combo.addItem(self.tr("ทุกคู่"), None)
        self.show_combo.addItem(self.tr("รอตรวจสอบ"), SHOW_OPEN)
        self.show_combo.addItem(self.tr("ตรวจแล้ว"), SHOW_DECIDED)
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        bar.addWidget(self.show_combo)
        self.filters = FilterMark(self, [self.show_combo, self.search], self.clear_filter,
                                  self.tr("แสดงทุกคู่"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)

        self.table = QTableWidget(self)
        self.table.setObjectName("table")
        headers = [self.tr("เลขประจำตัวประชาชน"), self.tr("ผล"), self.tr("อปท. ที่ส่งเข้ามาใหม่"),
                   self.tr("ชื่อ (เข้ามาใหม่)"), self.tr("วันเกิด"), self.tr("อปท. ที่มีอยู่แล้ว"),
                   self.tr("ชื่อ (มีอยู่แล้ว)"), self.tr("วันเกิด"), self.tr("พบเมื่อ"), self.tr("หมายเหตุ")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        plain_table(self.table)
        header = self.table.horizontalHeader()
        for column in (2, 5):  # the offices' long names: elided, whole in the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 140)
        header.setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setSortingEnabled(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)

        box = QGroupBox(self.tr("ผลการตรวจสอบคู่ที่เลือก"), self)
        box.setObjectName("decisionBox")
        row = QHBoxLayout(box)
        self.choice = QButtonGroup(self)
        labels = {"moved": self.tr("ย้าย อปท. (&1)"), "error": self.tr("ข้อมูลผิด (&2)"),
                  "same": self.tr("คงไว้ทั้งสอง (&3)")}
        tips = {"moved": self.tr("เด็กย้ายจาก อปท. หนึ่งไปอีกแห่ง"),
                "error": self.tr("รายการหนึ่งบันทึกเลขประจำตัวผิด"),
                "same": self.tr("เป็นเด็กคนเดียวกัน คงไว้ทั้งสองรายการ")}
        self.radios: dict[str, QRadioButton] = {}
        for i, decision in enumerate(DECISIONS, start=1):
            radio = QRadioButton(labels[decision], box)
            radio.setObjectName(f"{decision}Radio")
            radio.setToolTip(tips[decision])
            self.choice.addButton(radio, i)
            self.radios[decision] = radio
            row.addWidget(radio)
        note_label = QLabel(self.tr("หมายเหตุ:"), box)
        row.addWidget(note_label)
        self.note = QLineEdit(box)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("เช่น ย้ายไปอยู่กับยาย (Enter บันทึก)"))
        self.note.setMaxLength(500)
        note_label.setBuddy(self.note)
        self.note.returnPressed.connect(self.save_decision)
        row.addWidget(self.note, 1)
        self.save_button = QPushButton(self.tr("บันทึกผล"), box)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("บันทึกผลของคู่ที่เลือก (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_decision)
        row.addWidget(self.save_button)
        self.decision_box = box
        self.pair_label = QLabel(self)
        self.pair_label.setObjectName("pairLabel")
        self.pair_label.setWordWrap(True)
        layout.addWidget(self.pair_label)
        layout.addWidget(box)
        self.hint = QLabel(self.tr("ในตาราง: กด 1 ย้าย · 2 ข้อมูลผิด · 3 คงไว้ทั้งสอง แล้วพิมพ์หมายเหตุและกด Enter "
                                   "คู่ที่ตรวจแล้วจะย้ายไปอยู่ท้ายรายการ"), self)
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("พิมพ์รายการ"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("พิมพ์รายการนี้ (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_list)
        self.export_button = QPushButton(self.tr("ส่งออก Excel/CSV"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_list)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.documents = Documents(ctx, self, self.status_message.emit)
        # F2 or a double-click goes to the decision; Enter stays the note's (it saves)
        list_keys(self, self.search, self.table, open=self.focus_decision, open_keys=(Qt.Key.Key_F2,),
                  print_=self.print_list)
        for i, decision in enumerate(DECISIONS, start=1):
            QShortcut(QKeySequence(str(i)), self.table, lambda d=decision: self.choose(d),
                      Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_decision)
        self._selection_changed()

    # ---- loading
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        from desktop.services.access import NotPermitted
        from desktop.services.province_reconcile import reconcile_rows

        keep = select if select is not None else self.selected_id()
        try:
            with self.ctx.db.reader() as session:
                self.rows = reconcile_rows(session)
        except NotPermitted:  # a user without the province's roles: said, not a fault
            self.rows = []
            self.table.setRowCount(0)
            self.count_label.setText(self.tr("หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้"))
            self._selection_changed()
            return
        self._fill()
        self.select_id(keep)

    def decision_words(self, decision: str) -> str:
        return {"": self.tr("รอตรวจสอบ"), "moved": self.tr("ย้าย"), "error": self.tr("ข้อมูลผิด"),
                "same": self.tr("คงไว้ทั้งสอง")}.get(decision, decision)

    def _fill(self) -> None:
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(self.rows))
        gone = self.tr("(ไม่มีรายการนี้แล้ว)")
        for i, r in enumerate(self.rows):
            def born(side: Any) -> tuple[str, object]:
                return (format_be(side.birth_date), side.birth_date.isoformat()) if side.birth_date else ("-", "")
            cells: list[tuple[str, object]] = [
                (format_national_id(r.national_id), (0 if r.open else 1, i)),
                (self.decision_words(r.decision), (0 if r.open else 1, i)),
                (f"{r.incoming.office_name} ({r.incoming.office_code})", None), (r.incoming.name or gone, None),
                born(r.incoming),
                (f"{r.existing.office_name} ({r.existing.office_code})", None), (r.existing.name or gone, None),
                born(r.existing), (format_be(utc_to_local(r.found_at).date()), r.found_at.isoformat()),
                (r.note or "", None)]
            fill_row(table, i, cells, key=str(r.id), foreground=None if r.open else DECIDED_TEXT)
            cell(table, i, 8).setToolTip(format_be_local(r.found_at) + (
                "\n" + self.tr("ตรวจโดย %1 เมื่อ %2").replace("%1", r.decided_by)
                .replace("%2", format_be_local(r.decided_at)) if r.decided_at else ""))
            for column in (2, 5, 9):
                cell(table, i, column).setToolTip(cell(table, i, column).text())
            if r.open:
                status = cell(table, i, 1)
                font = status.font()
                font.setBold(True)
                status.setFont(font)
        table.sortItems(0, Qt.SortOrder.AscendingOrder)  # the service's order: open first
        table.setSortingEnabled(True)
        waiting = sum(1 for r in self.rows if r.open)
        self.count_label.setText(self.tr("รอตรวจสอบ %1 คู่ · ตรวจแล้ว %2 คู่").replace("%1", f"{waiting:,}")
                                 .replace("%2", f"{len(self.rows) - waiting:,}"))
        self._apply_filter()

    def clear_filter(self) -> None:
        self.search.clear()
        self.show_combo.setCurrentIndex(0)

    def _apply_filter(self) -> None:
        words = self.search.text().strip().lower()
        digits = "".join(ch for ch in words if ch.isdigit())
        show = self.show_combo.currentData()
        for row in range(self.table.rowCount()):
            r = self.row_at(row)
            if r is None:
                continue
            text = " ".join((r.incoming.name, r.existing.name, r.incoming.office_name, r.existing.office_name,
                             r.incoming.office_code, r.existing.office_code)).lower()
            hit = not words or words in text or (bool(digits) and digits in r.national_id)
            hit = hit and (show is None or (show == SHOW_OPEN) == r.open)
            self.table.setRowHidden(row, not hit)
        self.filters.show_state()
        if self.table.currentRow() >= 0 and self.table.isRowHidden(self.table.currentRow()):
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self._selection_changed()

    # ---- selection
    def row_at(self, table_row: int) -> Any:
        item = self.table.item(table_row, 0)
        if item is None:
            return None
        pair = int(item.data(KEY_ROLE))
        return next((r for r in self.rows if r.id == pair), None)

    def selected(self) -> Any:
        row = self.table.currentRow()
        return None if row < 0 or self.table.isRowHidden(row) else self.row_at(row)

    def selected_id(self) -> int | None:
        r = self.selected()
        return r.id if r is not None else None

    def select_id(self, pair: int | None) -> None:
        for row in range(self.table.rowCount()):
            if pair is not None and self.row_at(row).id == pair and not self.table.isRowHidden(row):
                self.table.selectRow(row)
                return
        first = next((row for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)), -1)
        if first >= 0:
            self.table.selectRow(first)
        self._selection_changed()

    def _selection_changed(self) -> None:
        r = self.selected()
        self.decision_box.setEnabled(r is not None)
        # the pair in words (its columns scroll on a netbook)
        self.pair_label.setText("" if r is None else
                                self.tr("คู่ที่เลือก %1: %2 (%3) กับ %4 (%5)")
                                   .replace("%1", format_national_id(r.national_id))
                                   .replace("%2", r.incoming.name or "-").replace("%3", r.incoming.office_name)
                                   .replace("%4", r.existing.name or "-").replace("%5", r.existing.office_name))
        self.choice.setExclusive(False)
        for decision, radio in self.radios.items():
            radio.setChecked(r is not None and r.decision == decision)
        self.choice.setExclusive(True)
        self.note.setText(r.note if r is not None else "")
        self.save_button.setEnabled(r is not None)

    def choose(self, decision: str) -> None:
        if self.selected() is None:
            return
        self.radios[decision].setChecked(True)
        self.note.setFocus()
        self.note.selectAll()

    def focus_decision(self) -> None:
        if self.selected() is None:
            return
        checked = self.choice.checkedButton()
        (checked or self.radios["moved"]).setFocus()

    def chosen(self) -> str:
        return next((d for d, radio in self.radios.items() if radio.isChecked()), "")

    # ---- deciding
    def save_decision(self) -> None:
        from desktop.services.province_reconcile import decide

        r = self.selected()
        if r is None:
            return
        decision = self.chosen()
        if not decision:
            self.status_message.emit(self.tr("เลือกผลก่อน: 1 ย้าย · 2 ข้อมูลผิด · 3 คงไว้ทั้งสอง"), None)
            self.radios["moved"].setFocus()
            return
        try:
            with self.ctx.db.session() as session:
                decide(session, r.id, decision, note=self.note.text())
        except Exception as exc:  # noqa: BLE001 - not permitted, read-only, busy: said, nothing changed
            from desktop.gui.app import fault_text

            QMessageBox.warning(self, "Samoe", getattr(exc, "message", "") or fault_text(exc, None))
            return
        following = self._next_open(r.id)
        self.refresh(select=following)
        self.table.setFocus()
        self.status_message.emit(self.tr("บันทึกผลของเลข %1: %2").replace("%1", format_national_id(r.national_id))
                                 .replace("%2", self.decision_words(decision)), None)
        self.changed.emit()

    def _next_open(self, pair: int) -> int | None:
        """The open pair shown after ``pair`` (or before it, when it was the last)."""
        shown = [self.row_at(row) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]
        shown = [r for r in shown if r is not None]
        at = next((i for i, r in enumerate(shown) if r.id == pair), -1)
        after = [r for r in shown[at + 1:] if r.open] + [r for r in shown[:max(at, 0)] if r.open]
        return after[0].id if after else pair

    # ---- documents
    def print_list(self) -> None:
        from desktop.services.province_documents import reconcile_pdf

        self.documents.report(self.tr("เด็กเลขประจำตัวเดียวกันจากหลาย อปท."), "province-reconcile",
                              lambda session, out, options, progress: reconcile_pdf(session, out, options, progress),
                              landscape=True)

    def export_list(self) -> None:
        from desktop.services.province_documents import export_reconcile

        self.documents.export(self.tr("เด็กเลขประจำตัวเดียวกันจากหลาย อปท."), "province-reconcile",
                              lambda session, path, progress: export_reconcile(session, path, progress=progress))
