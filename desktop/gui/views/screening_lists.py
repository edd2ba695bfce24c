"""One list of the screenings page (issue 11): the term's screenings, who is not screened
yet, households with no photo or no position, or the term's dashboard per institution.
Each is filtered by institution and class, searched by name, sorted by any column, and
printed (the PDF preview) or exported (.xlsx/.csv) exactly as shown: the rows, their
filter and their order come from services/screening_documents.py for both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.session_menu import may
from desktop.gui.views.screening_list_model import ListModel
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.access import NotPermitted
from desktop.services.screening_documents import (
    LANDSCAPE,
    ListQuery,
    ListRow,
    list_rows,
    narrow,
    sort_key,
    totals,
)

SEARCH_DELAY_MS = 200
NUMBER_COLUMNS = {"screened": {7}, "dashboard": {1, 2, 3, 4, 5, 6, 7}}
PLACE_COLUMN = {"screened": 2, "unscreened": 1, "no_photo_gps": 1}  # the institution's; the class's follows


class ScreeningListPage(QWidget):
    """A list of ``kind`` for the term ``term()`` gives; ``extra`` (the screened list's
    status combo) filters in the service too."""

    status_message = Signal(str, object)
    opened = Signal(str)  # the row's uuid (a screening's, or a child's), Enter or a double-click

    def __init__(self, ctx: AppContext, kind: str, term: Callable[[], tuple[int, int] | None],
                 headers: list[str], parent: QWidget | None = None, *, status: QComboBox | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.term, self.status = ctx, kind, term, status
        self.rows: list[ListRow] = []
        self.shown: list[ListRow] = []
        self.documents = Documents(ctx, self, self.status_message.emit)
        self.sort: tuple[int, bool] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.institution_combo = QComboBox(self)
        self.institution_combo.setObjectName("institutionCombo")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("levelCombo")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("ค้นหาสถานศึกษา (Ctrl+F)") if kind == "dashboard" else self.tr("ค้นหาชื่อเด็ก (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        controls: list[QComboBox | QLineEdit] = []
        if status is not None:
            bar.addWidget(QLabel(self.tr("สถานะ"), self))
            bar.addWidget(status)
            controls.append(status)
        if kind != "dashboard":
            bar.addWidget(self.institution_combo, 1)
            bar.addWidget(self.level_combo)
            controls += [self.institution_combo, self.level_combo]
        else:
            self.institution_combo.hide()
            self.level_combo.hide()
        bar.addWidget(self.search_edit, 2)
        controls.append(self.search_edit)
        self.filters = FilterMark(self, controls, self.clear_filter, self.tr("แสดงทุกรายการของภาคเรียนนี้"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        self.model = ListModel(headers, NUMBER_COLUMNS.get(kind, set()), 6 if kind == "screened" else None)
        self.table = QTableView(self)
        self.table.setObjectName(f"{kind}Table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if kind == "dashboard":  # the school's name whole, the counts share the rest
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        else:
            header.setSectionResizeMode(0 if kind != "screened" else 1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sorted)
        self.table.setSortingEnabled(True)  # a header click: ListModel.sort
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setWordWrap(True)
        foot.addWidget(self.count_label, 1)
        self.buttons = QHBoxLayout()
        foot.addLayout(self.buttons)
        self.print_button = QPushButton(self.tr("พิมพ์…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("พิมพ์รายการตามที่แสดง (Ctrl+P)"))
        self.export_button = QPushButton(self.tr("ส่งออก Excel…"), self)
        self.export_button.setObjectName("exportButton")
        foot.addWidget(self.print_button)
        foot.addWidget(self.export_button)
        layout.addLayout(foot)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.institution_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.level_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        if status is not None:
            status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_list)
        list_keys(self, self.search_edit, self.table,
                  open=self.open_selected if kind != "dashboard" else None, print_=self.print_list)

    # ---- what the list is
    def query(self, *, filtered: bool = True) -> ListQuery:
        term = self.term()
        status = self.status.currentData() if self.status is not None else None
        if not filtered:
            return ListQuery(self.kind, term[0] if term else None, term[1] if term else None, status)
        return ListQuery(self.kind, term[0] if term else None, term[1] if term else None, status,
                         institution=str(self.institution_combo.currentData() or ""),
                         level=str(self.level_combo.currentData() or ""), search=self.search_edit.text(),
                         sort=self.sort)

    def _sorted(self, section: int, order: Qt.SortOrder) -> None:
        self.sort = None if section < 0 else (section, order == Qt.SortOrder.DescendingOrder)

    def clear_filter(self) -> None:
        for combo in (self.status, self.institution_combo, self.level_combo):
            if combo is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.refresh()

    # ---- loading
    def refresh(self) -> None:
        """Read the term's rows again (the service's order), then filter as set."""
        try:
            with self.ctx.db.reader() as session:
                self.rows = list_rows(session, self.query(filtered=False))
        except NotPermitted as exc:
            self.rows = []
            self._show([])
            self.count_label.setText(exc.message)
            return
        self._fill_choices()
        self.apply_filter()

    def _fill_choices(self) -> None:
        if self.kind == "dashboard":
            return
        place = PLACE_COLUMN[self.kind]
        for combo, column, every in ((self.institution_combo, place, self.tr("ทุกสถานศึกษา")),
                                     (self.level_combo, place + 1, self.tr("ทุกชั้น"))):
            keep = combo.currentData()
            values = sorted({str(r.cells[column]) for r in self.rows if r.cells[column]}, key=sort_key)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for value in values:
                combo.addItem(value, value)
            found = combo.findData(keep) if keep else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def apply_filter(self) -> None:
        """The rows as the service filters them (institution, class, search), no new read."""
        self._timer.stop()
        self.shown = shown = narrow(self.rows, replace(self.query(), sort=None))  # the table sorts itself
        self._show(shown)
        self.filters.show_state()
        self.count_label.setText(self._count_text(shown))
        may_print = bool(shown) or self.kind != "dashboard"
        self.print_button.setEnabled(may(self.ctx.db, Action.REPORT) and may_print)
        self.export_button.setEnabled(may(self.ctx.db, Action.EXPORT) and bool(shown))

    def _count_text(self, shown: list[ListRow]) -> str:
        if self.kind != "screened" and self.term() is None:
            return self.tr("เลือกภาคเรียนก่อน รายการนี้เป็นของภาคเรียนหนึ่ง")
        if self.kind == "screened":
            counts: dict[str, int] = {}
            for r in shown:
                counts[r.poverty] = counts.get(r.poverty, 0) + 1
            return self.tr("%1 แบบ · ยากจนพิเศษ %2 · ยากจน %3 · ยังไม่คิดผล %4").replace(
                "%1", f"{len(shown):,}").replace("%2", f"{counts.get('extreme', 0):,}").replace(
                "%3", f"{counts.get('poor', 0):,}").replace("%4", f"{counts.get('', 0):,}")
        if self.kind == "dashboard":
            total = totals(shown)
            return self.tr("%1 แห่ง · นักเรียน %2 · คัดกรองแล้ว %3 · รับรองแล้ว %4 · ยากจน %5 · ยากจนพิเศษ %6 · "
                           "ได้รับเงินแล้ว %7").replace("%1", f"{len(shown):,}").replace(
                "%2", f"{total[1]:,}").replace("%3", f"{total[2]:,}").replace("%4", f"{total[4]:,}").replace(
                "%5", f"{total[5]:,}").replace("%6", f"{total[6]:,}").replace("%7", f"{total[7]:,}")
        if self.kind == "unscreened":
            return self.tr("ยังไม่ได้คัดกรอง %1 คน").replace("%1", f"{len(shown):,}")
        return self.tr("ต้องเพิ่มรูปถ่ายหรือพิกัดบ้าน %1 ครัวเรือน").replace("%1", f"{len(shown):,}")

    def _show(self, rows: list[ListRow]) -> None:
        selected = self.selected_uuid()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if self.sort is not None:  # the order chosen stays as the rows change
            self.model.sort(self.sort[0], Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        if selected:
            self.select_uuid(selected)

    # ---- rows
    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        uuid = self.model.uuid_at(rows[0].row()) if rows else ""
        return uuid or None

    def select_uuid(self, uuid: str) -> None:
        for n, row in enumerate(self.model.rows):
            if row.uuid == uuid:
                self.table.selectRow(n)
                self.table.scrollTo(self.model.index(n, 0))
                return

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        """The text shown in a cell (tests read the list as the clerk sees it)."""
        return self.model.text(row, column)

    def uuid_at(self, row: int) -> str:
        return self.model.uuid_at(row)

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid is not None:
            self.opened.emit(uuid)

    # ---- documents: what is shown, in its order
    def title(self) -> str:
        return {"screened": self.tr("รายชื่อเด็กที่คัดกรอง"), "unscreened": self.tr("เด็กที่ยังไม่ได้คัดกรอง"),
                "no_photo_gps": self.tr("ครัวเรือนที่ไม่มีรูปหรือพิกัด"),
                "dashboard": self.tr("สรุปการคัดกรองภาคเรียน")}[self.kind]

    def _detail(self) -> str:
        q = self.query()
        parts = [f"{q.term}/{q.year_be}" if q.term else self.tr("ทุกภาคเรียน")]
        parts += [c.currentText() for c in (self.status, self.institution_combo, self.level_combo)
                  if c is not None and c.currentData()]
        if q.search.strip():
            parts.append(self.tr("คำค้น \"%1\"").replace("%1", q.search.strip()))
        return " · ".join(parts)

    def print_list(self) -> None:
        from desktop.services.screening_documents import list_pdf

        q = self.query()
        self.documents.report(self.title(), f"screening-{self.kind}",
                              lambda session, out, options, progress: list_pdf(session, q, out, options, progress),
                              detail=self._detail(), landscape=self.kind in LANDSCAPE)

    def export_list(self) -> None:
        from desktop.services.screening_documents import export_list

        q = self.query()
        self.documents.export(self.title(), f"screening-{self.kind}",
                              lambda session, path, progress: export_list(session, q, path, progress=progress))
