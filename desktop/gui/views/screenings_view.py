"""คัดกรองความยากจน › แบบคัดกรอง: the screenings of a term, filtered by status and searched
by name, sorted by any column; Enter (or a double-click) opens one in the form, and
คัดกรองเด็กคนใหม่ chooses a child. A teacher sees their own class's only (the service,
services/screening_list.py, decides). Printing and exporting this list are not built yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.views.screening_form import ScreeningFormDialog, open_screening_form
from desktop.gui.views.screening_picker import ScreeningChildPicker
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.access import NotPermitted
from desktop.services.screening_detail import term_choices
from desktop.services.screening_list import ScreeningRow, screening_rows
from desktop.services.screenings import STATUSES, status_label

UUID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 200
LEVEL_COLOURS = {"extreme": "#b00020", "poor": "#8a4b00"}


class _Item(QTableWidgetItem):
    """Sorts by the key in UserRole + 1 (Thai dictionary order, numbers by value)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(UUID_ROLE + 1), other.data(UUID_ROLE + 1)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return super().__lt__(other)


class ScreeningsView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.rows: list[ScreeningRow] = []
        self.shown: list[ScreeningRow] = []
        self.form: ScreeningFormDialog | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("แบบคัดกรองความยากจน (นร./กสศ.01)"), self)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.term_combo = QComboBox(self)
        self.term_combo.setObjectName("termCombo")
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem(self.tr("ทุกสถานะ"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อเด็ก (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("ภาคเรียน"), self))
        bar.addWidget(self.term_combo)
        bar.addWidget(QLabel(self.tr("สถานะ"), self))
        bar.addWidget(self.status_combo)
        bar.addWidget(self.search_edit, 1)
        self.filters = FilterMark(self, [self.status_combo, self.search_edit], self.clear_filter,
                                  self.tr("แสดงทุกสถานะและทุกชื่อในภาคเรียนนี้"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("screeningsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("ภาคเรียน"), self.tr("ชื่อ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง"),
            self.tr("สถานะ"), self.tr("ผลคัดกรอง"), self.tr("คะแนน")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("คัดกรองเด็กคนใหม่…"), self)
        self.new_button.setObjectName("newScreeningButton")
        self.open_button = QPushButton(self.tr("เปิดแบบคัดกรอง"), self)
        self.open_button.setObjectName("openScreeningButton")
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        note = QLabel(self.tr("การพิมพ์และส่งออกรายการนี้ยังไม่พร้อมใช้งาน"), self)
        note.setStyleSheet("color: #777;")
        buttons.addWidget(note)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.term_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_screening)
        self.open_button.clicked.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        list_keys(self, self.search_edit, self.table, open=self.open_selected)
        self._fill_terms()

    def _fill_terms(self) -> None:
        try:
            with self.ctx.db.reader() as session:
                terms, current = term_choices(session, self.today)
        except NotPermitted:
            terms, current = [], None
        self.term_combo.blockSignals(True)
        self.term_combo.clear()
        self.term_combo.addItem(self.tr("ทุกภาคเรียน"), None)
        for year, number in terms:
            self.term_combo.addItem(f"{number}/{year}", year * 10 + number)  # an int: a tuple comes back a list
        if current is not None:
            self.term_combo.setCurrentIndex(self.term_combo.findData(current[0] * 10 + current[1]))
        self.term_combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def term(self) -> tuple[int, int] | None:
        data = self.term_combo.currentData()
        return divmod(int(data), 10) if data else None

    def clear_filter(self) -> None:
        self.status_combo.setCurrentIndex(0)
        self.search_edit.clear()
        self.apply_filter()

    def refresh(self) -> None:
        term = self.term()
        try:
            with self.ctx.db.reader() as session:
                self.rows = screening_rows(session, year_be=term[0] if term else None,
                                           term=term[1] if term else None,
                                           status=self.status_combo.currentData())
        except NotPermitted as exc:
            self.rows = []
            self.count_label.setText(exc.message)
            self._show([])
            return
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        words = self.search_edit.text().split()
        self.shown = [r for r in self.rows if all(w in r.child_name for w in words)]
        self._show(self.shown)
        self.filters.show_state()
        counts: dict[str, int] = {}
        for r in self.shown:
            counts[r.poverty] = counts.get(r.poverty, 0) + 1
        self.count_label.setText(self.tr("%1 แบบ · ยากจนพิเศษ %2 · ยากจน %3 · ยังไม่คิดผล %4").replace(
            "%1", f"{len(self.shown):,}").replace("%2", f"{counts.get('extreme', 0):,}").replace(
            "%3", f"{counts.get('poor', 0):,}").replace("%4", f"{counts.get('', 0):,}"))

    def _show(self, rows: list[ScreeningRow]) -> None:
        selected = self.selected_uuid()
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            cells: list[tuple[str, object]] = [
                (r.term, tuple(int(x) for x in reversed(r.term.split("/")))), (r.child_name, None),
                (r.institution, None), (r.level, None), (r.classroom, None), (r.status_label, None),
                (r.level_label, None), ("" if r.score is None else str(r.score), -1 if r.score is None else r.score)]
            for column, (text, key) in enumerate(cells):
                item = _Item(text)
                item.setData(UUID_ROLE, r.uuid)
                item.setData(UUID_ROLE + 1, natural_sort_key(text) if key is None else key)
                if column == 6 and r.poverty in LEVEL_COLOURS:
                    item.setForeground(QBrush(QColor(LEVEL_COLOURS[r.poverty])))
                if column == 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(n, column, item)
        table.setSortingEnabled(True)
        table.setColumnWidth(2, min(max(table.columnWidth(2), 160), 260))
        if selected:
            self.select_uuid(selected)
        self._update_buttons()

    def selected_uuid(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.selectedItems() else None
        return None if item is None else str(item.data(UUID_ROLE))

    def select_uuid(self, uuid: str) -> None:
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            if item is not None and item.data(UUID_ROLE) == uuid:
                self.table.selectRow(n)
                return

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_uuid() is not None)

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid is not None:
            self._open(open_screening_form(self.ctx, self, uuid=uuid))

    def new_screening(self) -> None:
        picker = ScreeningChildPicker(self.ctx, self, term=self.term(), today=self.today)
        if picker.exec() != ScreeningChildPicker.DialogCode.Accepted:
            return
        choice, term = picker.current(), picker.term()
        if choice is None or term is None:
            return
        self._open(open_screening_form(self.ctx, self, child_uuid=choice.uuid, term=term))

    def _open(self, dialog: ScreeningFormDialog | None) -> None:
        if dialog is None:
            return
        self.form = dialog  # the one open (tests reach it)
        dialog.saved.connect(self._saved)
        dialog.status_message.connect(self.status_message.emit)
        dialog.open()

    def _saved(self, uuid: str) -> None:
        self.refresh()
        self.select_uuid(uuid)
