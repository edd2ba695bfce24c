"""เด็กนอกระบบ: the out-of-school children's cases (issue 13): the list filtered by status,
case worker and village (หมู่), searched by name or ID, overdue follow-ups first (or by
village and house for a tracing trip, or by any column: a click on its header, again the
other way; choosing an order in the box goes back to it), sorted and paged from SQL as the
clerk scrolls
(services/cases_lists.py); a case opened in its page (views/case_page.py); the list
printed and exported as shown (services/case_list_documents.py); the dashboard in its own
tab (views/case_dashboard_view.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseStatus, status_label
from desktop.domain.dates import format_be
from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.session_menu import may
from desktop.gui.widgets.list_page import list_keys

PAGE = 200
SEARCH_DELAY_MS = 200
Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#fde2e1")


class CasesModel(QAbstractTableModel):
    """The cases the filters match, a page at a time."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query: Any = None
        self.order: Any = None
        self.column_sort: Any = None  # a header's column (services' CaseSort), or None: the chosen order
        self.rows: list[Any] = []
        self.total = self.overdue = 0
        self.error = ""
        self.headers = [self.tr("ชื่อ-นามสกุล"), self.tr("เลขประจำตัวประชาชน"), self.tr("สถานะ"), self.tr("ตั้งแต่"),
                        self.tr("ผู้รับผิดชอบ"), self.tr("หมู่"), self.tr("บ้านเลขที่"), self.tr("นิเทศติดตามครั้งถัดไป")]

    def listed_order(self) -> Any:
        """What the list is ordered by: a header's column, else the chosen order."""
        return self.column_sort if self.column_sort is not None else self.order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header's click (Qt's name): the list ordered by that column in SQL; a column
        below 0: the chosen order again."""
        from desktop.services.cases_lists import CaseColumn, CaseSort

        columns = list(CaseColumn)
        self.column_sort = (CaseSort(columns[column], order == Qt.SortOrder.DescendingOrder)
                     if 0 <= column < len(columns) else None)
        if self.query is not None:
            self.reload(self.query, self.order)

    def reload(self, query: Any, order: Any) -> None:
        from desktop.services.cases_lists import list_cases

        self.beginResetModel()
        self.query, self.order, self.error = query, order, ""
        try:
            with self.ctx.db.reader() as session:
                page = list_cases(session, query, limit=PAGE, order=self.listed_order())
            self.rows, self.total, self.overdue = list(page.rows), page.total, page.overdue
        except Exception as exc:  # noqa: BLE001 - said on the page, never a crash
            from desktop.gui.views.case_common import problem_text

            self.rows, self.total, self.overdue, self.error = [], 0, 0, problem_text(exc)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        from desktop.services.cases_lists import list_cases

        if parent.isValid() or self.query is None:
            return
        with self.ctx.db.reader() as session:
            more = list_cases(session, self.query, offset=len(self.rows), limit=PAGE,
                              order=self.listed_order()).rows
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def cell(self, row: int, column: int) -> str:
        r = self.rows[row]
        if column == 7:  # overdue: the days (the date in the tooltip), else the date
            if r.follow_due_on is None:
                return ""
            return self.tr("เลยกำหนด %1 วัน").replace("%1", str(r.days_overdue)) if r.days_overdue \
                else format_be(r.follow_due_on)
        return str((r.child_name, r.national_id, status_label(r.status), format_be(r.status_on), r.worker,
                    r.village_no, r.house_no)[column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 7:
            from desktop.domain.case_followup import (
                due_text,  # as the printout says it, with the date
            )

            return due_text(self.rows[index.row()].follow_due_on, date.today())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole and self.rows[index.row()].days_overdue:
            return QBrush(OVERDUE)
        return None


class CasesView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("casesView")
        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title = QLabel(self.tr("เด็กนอกระบบการศึกษา"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title_row.addWidget(title)
        title_row.addStretch(1)
        self.open_button = QPushButton(self.tr("เปิดกรณี"), self)
        self.open_button.setToolTip(self.tr("เปิดหน้ากรณีที่เลือก (Enter)"))
        self.print_button = QPushButton(self.tr("พิมพ์/PDF"), self)
        self.print_button.setToolTip(self.tr("พิมพ์รายชื่อตามตัวกรอง (Ctrl+P)"))
        self.export_button = QPushButton(self.tr("ส่งออก…"), self)
        self.export_button.setToolTip(self.tr("ส่งออกรายชื่อตามตัวกรองเป็น Excel หรือ CSV"))
        self.import_button = QPushButton(self.tr("นำเข้ารายชื่อ…"), self)
        self.import_button.setToolTip(self.tr("นำเข้ารายชื่อเด็กนอกระบบจากจังหวัดหรืออาสาสมัคร (Excel หรือ CSV)"))
        self.import_button.setVisible(may(ctx.db, Action.CASE_IMPORT))
        for b in (self.import_button, self.open_button, self.print_button, self.export_button):
            title_row.addWidget(b)
        self.print_button.setVisible(may(ctx.db, Action.REPORT))
        self.export_button.setVisible(may(ctx.db, Action.EXPORT))
        layout.addLayout(title_row)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อ นามสกุล เลขประจำตัวประชาชน หรือรหัส G… (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        filters.addWidget(self.search_edit, 3)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("ทุกสถานะ"), None)
        self.status_combo.addItem(self.tr("ยังไม่ปิด"), "open")
        for status in CaseStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.setCurrentIndex(1)
        filters.addWidget(self.status_combo, 2)
        self.worker_edit = QLineEdit(self)
        self.worker_edit.setPlaceholderText(self.tr("ผู้รับผิดชอบ"))
        self.worker_edit.setToolTip(self.tr("ชื่อผู้ใช้ของเจ้าหน้าที่ผู้รับผิดชอบ"))
        filters.addWidget(self.worker_edit, 1)
        self.village_edit = QLineEdit(self)
        self.village_edit.setPlaceholderText(self.tr("หมู่"))
        self.village_edit.setToolTip(self.tr("หมู่ที่หรือชื่อหมู่บ้านของครัวเรือนเด็ก"))
        filters.addWidget(self.village_edit, 1)
        self.order_combo = QComboBox(self)
        self.order_combo.addItem(self.tr("เลยกำหนดติดตามก่อน"), "overdue_first")
        self.order_combo.addItem(self.tr("เรียงตามหมู่และบ้านเลขที่ (ออกติดตาม)"), "village")
        filters.addWidget(self.order_combo, 2)
        self.mine_check = QCheckBox(self.tr("เฉพาะของฉัน"), self)
        filters.addWidget(self.mine_check)
        self.model = CasesModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("casesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # none: the chosen order (overdue first)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (5, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel(self)
        from desktop.gui.documents import Documents
        from desktop.gui.views.case_dashboard_view import CaseDashboardView

        self.documents = Documents(ctx, self, self.status_message.emit)
        self.tabs = QTabWidget(self)
        listing = QWidget(self.tabs)
        inner = QVBoxLayout(listing)
        inner.setContentsMargins(0, 4, 0, 0)
        inner.addLayout(filters)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.count_label)
        self.tabs.addTab(listing, self.tr("รายชื่อกรณี"))
        self.dashboard = CaseDashboardView(ctx, self.documents, self.tabs)
        self.tabs.addTab(self.dashboard, self.tr("สรุป"))
        self.tabs.currentChanged.connect(lambda i: self.dashboard.refresh() if i == 1 else None)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for edit in (self.search_edit, self.worker_edit, self.village_edit):
            edit.textEdited.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.order_combo.currentIndexChanged.connect(self._order_chosen)
        self.mine_check.toggled.connect(self.refresh)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(self.import_list)
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_list)
        list_keys(self, self.search_edit, self.table, open=self.open_selected, print_=self.print_list)
        self.case_dialog: Any = None
        if may(ctx.db, Action.CASE_WORK):
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name: the page reloads when shown
        super().showEvent(event)
        if may(self.ctx.db, Action.CASE_WORK) and self.model.query is not None:
            self.refresh()

    def query(self) -> Any:
        from desktop.services.cases_lists import CaseQuery

        value = self.status_combo.currentData()
        worker: str | None = self.worker_edit.text().strip() or None
        if self.mine_check.isChecked():
            worker = getattr(self.ctx.db.actor, "name", None)
        return CaseQuery(status=CaseStatus(value) if value not in (None, "open") else None, worker=worker,
                         village=self.village_edit.text(), search=self.search_edit.text(), open_only=value == "open")

    def order(self) -> Any:
        """The chosen order, or the header's column the list is sorted by."""
        from desktop.services.cases_lists import CaseOrder

        return self.model.column_sort if self.model.column_sort is not None else CaseOrder(self.order_combo.currentData())

    def _order_chosen(self) -> None:
        self.model.column_sort = None  # the box's order again: the header's arrow goes
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def filter_text(self) -> str:
        parts = [self.status_combo.currentText()] if self.status_combo.currentData() is not None else []
        q = self.query()
        if q.worker:
            parts.append(self.tr("ผู้รับผิดชอบ %1").replace("%1", q.worker))
        if q.village.strip():
            parts.append(self.tr("หมู่ %1").replace("%1", q.village.strip()))
        if q.search.strip():
            parts.append(self.tr("คำค้น \"%1\"").replace("%1", q.search.strip()))
        return " · ".join(parts)

    def refresh(self) -> None:
        from desktop.services.cases_lists import CaseOrder

        self.model.reload(self.query(), CaseOrder(self.order_combo.currentData()))
        if self.model.error:
            self.count_label.setText(self.model.error)
        else:
            text = self.tr("%1 กรณี").replace("%1", f"{self.model.total:,}")
            if self.model.overdue:
                text += " · " + self.tr("เลยกำหนดนิเทศติดตาม %1 กรณี").replace("%1", f"{self.model.overdue:,}")
            self.count_label.setText(text)
        has_rows = self.model.rowCount() > 0
        for b in (self.open_button, self.print_button, self.export_button):
            b.setEnabled(has_rows)
        if has_rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].id if index.isValid() and index.row() < len(self.model.rows) else None

    def open_selected(self) -> None:
        case_id = self.selected_id()
        if case_id is not None:
            self.open_case(case_id)

    def open_case(self, case_id: int) -> None:
        from desktop.gui.views.case_page import CaseDialog

        self.case_dialog = CaseDialog(self.ctx, case_id, self)
        self.case_dialog.changed.connect(self.refresh)
        self.case_dialog.show()

    def import_list(self) -> None:
        from desktop.gui.views.case_import_view import CaseImportDialog

        self.import_dialog = CaseImportDialog(self.ctx, self)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()

    def _imported(self, text: str) -> None:
        self.refresh()
        self.status_message.emit(text, None)

    def print_list(self) -> None:
        from desktop.services.case_list_documents import case_list_pdf

        if not self.print_button.isEnabled() or not may(self.ctx.db, Action.REPORT):
            return
        q, order, text, today = self.query(), self.order(), self.filter_text(), date.today()
        self.documents.report(
            self.tr("รายชื่อกรณีเด็กนอกระบบ"), "cases-list",
            lambda session, out, options, progress: case_list_pdf(session, q, out, options, progress, order=order,
                                                                  filter_text=text, today=today),
            detail=text, landscape=True)

    def export_list(self) -> None:
        from desktop.services.case_list_documents import export_case_list

        q, order = self.query(), self.order()
        self.documents.export(self.tr("รายชื่อกรณีเด็กนอกระบบ"), "cases",
                              lambda session, path, progress: export_case_list(session, q, path, order=order,
                                                                               progress=progress))
