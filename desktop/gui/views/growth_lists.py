"""ศูนย์พัฒนาเด็กเล็ก › การเจริญเติบโตและพัฒนาการ (issue 12): the centres' lists, one tab each:
ผอม / เตี้ย / อ้วน this term per room, not measured this term, DSPM checks due this month,
re-checks due and overdue, referrals waiting for the hospital. Each list is filtered by
room, searched by name, sorted by any column, printed (the PDF preview) and exported
(.xlsx/.csv) exactly as shown (services/growth_documents.py gives the rows, paged from
growth_lists / dspm_lists, for all three). Enter or a double-click opens the child's
development page; the centre's DSPM summary for the term prints from here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
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

from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.session_menu import may
from desktop.gui.views.dspm_check import problem_text
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.access import NotPermitted
from desktop.services.growth_documents import (
    GROWTH_KINDS,
    LANDSCAPE,
    ListQuery,
    ListRow,
    cell_text,
    narrow,
    rooms_of,
    sort_key,
)

SEARCH_DELAY_MS = 200
Index = QModelIndex | QPersistentModelIndex
FLAG_COLOURS = {"wfh_wasted": "#b00020", "hfa_short": "#8a4b00", "wfh_obese": "#b00020", "wfh_overweight": "#8a4b00",
                "overdue": "#b00020"}
NUMBER_HEADERS = {"น้ำหนัก (กก.)", "ส่วนสูง (ซม.)", "W/A", "H/A", "W/H", "ช่วงอายุ (เดือน)", "เหลือ (วัน)", "รอผล (วัน)"}
STRETCH_COLUMN = 0  # the child's name takes the room left
FLEX_HEADERS = {"การแปลผล", "โรงพยาบาล"}  # long texts that give way to the name on a narrow screen


class RowsModel(QAbstractTableModel):
    """The list's rows; a header click sorts by the service's own key (as the printout)."""

    def __init__(self, headers: list[str], numbers: set[int], tips: list[str] | None = None) -> None:
        super().__init__()
        self.headers, self.numbers = headers, numbers
        self.tips = tips or list(headers)
        # the service's own words in a cell (the printout and the file keep them Thai)
        self.words = {"เลยกำหนด": self.tr("เลยกำหนด"), "ถึงกำหนด": self.tr("ถึงกำหนด")}
        self.rows: list[ListRow] = []
        self.texts: list[list[str]] = []
        self._brushes = {k: QBrush(QColor(v)) for k, v in FLAG_COLOURS.items()}

    def set_rows(self, rows: list[ListRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.texts = [[self.words.get(t, t) for t in (cell_text(c) for c in r.cells)] for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the whole text, if cut short
            return self.texts[index.row()][index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numbers:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes.get(self.rows[index.row()].flag)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        moved = sorted(range(len(self.rows)), key=lambda n: sort_key(self.rows[n].cells[column]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[n] for n in moved]
        self.texts = [self.texts[n] for n in moved]
        place = {old: new for new, old in enumerate(moved)}
        before = self.persistentIndexList()
        self.changePersistentIndexList(before, [self.index(place[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()


class GrowthListPage(QWidget):
    """One list of ``kind``; ``query()`` of the view gives the term, month and centre."""

    status_message = Signal(str, object)
    opened = Signal(str)  # the child's uuid

    def __init__(self, ctx: AppContext, kind: str, headers: list[tuple[str, str, str]], base: object, title: str,
                 parent: QWidget | None = None) -> None:
        """``headers``: (the service's header, the short one shown, the full one as its tooltip)."""
        super().__init__(parent)
        self.ctx, self.kind, self.base, self.title = ctx, kind, base, title
        self.rows: list[ListRow] = []
        self.sort: tuple[int, bool] | None = None
        self.documents = Documents(ctx, self, self.status_message.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.room_combo = QComboBox(self)
        self.room_combo.setObjectName("roomCombo")
        self.overdue_check = QCheckBox(self.tr("เฉพาะที่เลยกำหนด"), self)
        self.overdue_check.setObjectName("overdueCheck")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อเด็ก (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        controls: list[QComboBox | QLineEdit] = []
        if kind in GROWTH_KINDS:
            bar.addWidget(self.room_combo, 1)
            controls.append(self.room_combo)
        else:
            self.room_combo.hide()
        if kind == "rechecks":
            bar.addWidget(self.overdue_check)
        else:
            self.overdue_check.hide()
        bar.addWidget(self.search_edit, 2)
        controls.append(self.search_edit)
        self.filters = FilterMark(self, controls, self.clear_filter, self.tr("แสดงทุกรายการ"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        numbers = {i for i, h in enumerate(headers) if h[0] in NUMBER_HEADERS}
        self.flex = next((i for i, h in enumerate(headers) if h[0] in FLEX_HEADERS), None)
        self.model = RowsModel([h[1] for h in headers], numbers, [h[2] for h in headers])
        self.table = QTableView(self)
        self.table.setObjectName(f"{kind}Table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Interactive)
        if self.flex is not None:
            header.setSectionResizeMode(self.flex, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.viewport().installEventFilter(self)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sorted)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setWordWrap(True)
        foot.addWidget(self.count_label, 1)
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
        self.room_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue_check.toggled.connect(lambda _c: self.refresh())
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_list)
        list_keys(self, self.search_edit, self.table, open=self.open_selected, print_=self.print_list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """The columns fill the table's width, no sideways scrolling: the short ones their
        contents, the name what is left; on a narrow screen a long text (the reading, the
        hospital) gives way first, down to what the name leaves it, each cut text whole in
        its tooltip."""
        header, table = self.table.horizontalHeader(), self.table
        loose = [c for c in (STRETCH_COLUMN, self.flex) if c is not None]

        def natural(c: int) -> int:  # as ResizeToContents sizes it (the header may not have yet)
            return max(table.sizeHintForColumn(c), header.sectionSizeHint(c))

        fixed = sum(natural(c) for c in range(self.model.columnCount())
                    if c not in loose and not header.isSectionHidden(c))
        room = max(table.viewport().width() - fixed, 0)

        name = natural(STRETCH_COLUMN)
        if self.flex is None:
            header.resizeSection(STRETCH_COLUMN, max(room, 40))
            return
        flex = natural(self.flex)
        if name + flex <= room:  # both whole: the name takes the rest
            name = room - flex
        else:  # the name whole if it leaves the reading half, else each at least half
            name = min(name, max(room // 2, room - flex))
            flex = room - name
        header.resizeSection(STRETCH_COLUMN, max(name, 40))
        header.resizeSection(self.flex, max(flex, 40))

    def query(self, *, filtered: bool = True) -> ListQuery:
        base = self.base() if callable(self.base) else ListQuery(self.kind)
        q = replace(base, kind=self.kind, overdue_only=self.overdue_check.isChecked())
        if not filtered:
            return q
        return replace(q, room=str(self.room_combo.currentData() or ""), search=self.search_edit.text(),
                       sort=self.sort)

    def _sorted(self, section: int, order: Qt.SortOrder) -> None:
        self.sort = None if section < 0 else (section, order == Qt.SortOrder.DescendingOrder)

    def clear_filter(self) -> None:
        self.room_combo.blockSignals(True)
        self.room_combo.setCurrentIndex(0)
        self.room_combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        from desktop.services.growth_documents import list_rows

        try:
            with self.ctx.db.reader() as s:
                self.rows = list_rows(s, self.query(filtered=False))
        except (NotPermitted, ValidationFailed) as exc:
            self.rows = []
            self.model.set_rows([])
            self.count_label.setText(problem_text(exc))
            return
        keep = self.room_combo.currentData()
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        self.room_combo.addItem(self.tr("ทุกห้อง"), None)
        for room in rooms_of(self.rows, self.kind):
            self.room_combo.addItem(room, room)
        self.room_combo.setCurrentIndex(max(self.room_combo.findData(keep), 0) if keep else 0)
        self.room_combo.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        shown = narrow(self.rows, replace(self.query(), sort=None))
        self.model.set_rows(shown)
        self.table.setColumnHidden(1, self.query().centre_id is not None)  # one centre chosen: its name is above
        if self.sort is not None:
            self.model.sort(self.sort[0], Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder)
        self.filters.show_state()
        self.fit_columns()
        self.count_label.setText(self.tr("%1 คน").replace("%1", f"{len(shown):,}"))
        self.print_button.setEnabled(may(self.ctx.db, Action.REPORT))
        self.export_button.setEnabled(may(self.ctx.db, Action.EXPORT) and bool(shown))

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        return self.model.texts[row][column]

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].uuid if rows else None

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid:
            self.opened.emit(uuid)

    def print_list(self) -> None:
        from desktop.services.growth_documents import list_pdf

        q = self.query()
        self.documents.report(self.title, f"growth-{self.kind}",
                              lambda s, out, o, p: list_pdf(s, q, out, o, p), landscape=self.kind in LANDSCAPE)

    def export_list(self) -> None:
        from desktop.services.growth_documents import export_list

        q = self.query()
        self.documents.export(self.title, f"growth-{self.kind}",
                              lambda s, path, p: export_list(s, q, path, progress=p))


class GrowthView(QWidget):
    """The page: the centre, the term and month, the lists as tabs."""

    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today or date.today()
        self.period: object | None = None
        self.centre_ids: list[int] = []
        self.documents = Documents(ctx, self, self.status_message.emit)
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("การเจริญเติบโตและพัฒนาการ"), self)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        top = QHBoxLayout()  # the title and the child to open: the placeholder whole, even at 1024 wide
        top.addWidget(title)
        top.addStretch(1)
        layout.addLayout(top)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("ศูนย์:"), self))
        self.centre_combo = QComboBox(self)
        self.centre_combo.setObjectName("centreCombo")
        self.centre_combo.setMinimumContentsLength(16)
        self.centre_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.centre_combo, 1)
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        bar.addWidget(self.period_label)
        self.summary_button = QPushButton(self.tr("สรุป DSPM ภาคเรียน…"), self)
        self.summary_button.setObjectName("summaryButton")
        bar.addWidget(self.summary_button)
        self.child_edit = QLineEdit(self)
        self.child_edit.setObjectName("childRefEdit")
        self.child_edit.setPlaceholderText(self.tr("เลขประจำตัว / รหัส G แล้วกด Enter"))
        self.child_edit.setToolTip(self.tr("เปิดหน้าพัฒนาการของเด็ก: พิมพ์เลขประจำตัวประชาชนหรือรหัส G แล้วกด Enter"))
        self.child_edit.setMinimumWidth(self.child_edit.fontMetrics().horizontalAdvance(
            self.child_edit.placeholderText()) + 24)
        top.addWidget(self.child_edit)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("growthTabs")
        self.pages: dict[str, GrowthListPage] = {}
        from desktop.services.growth_documents import HEADERS

        names = {"thin": self.tr("ผอม"), "short": self.tr("เตี้ย"), "obese": self.tr("อ้วน"),
                 "not_measured": self.tr("ยังไม่ได้ชั่ง/วัด"), "dspm_due": self.tr("ถึงกำหนดประเมิน DSPM"),
                 "rechecks": self.tr("ประเมินซ้ำ"), "referrals": self.tr("รอผลส่งต่อ")}
        titles = {"thin": self.tr("เด็กผอมในภาคเรียน"), "short": self.tr("เด็กเตี้ยในภาคเรียน"),
                  "obese": self.tr("เด็กอ้วนในภาคเรียน"), "not_measured": self.tr("เด็กที่ยังไม่ได้ชั่งน้ำหนักวัดส่วนสูง"),
                  "dspm_due": self.tr("เด็กที่ถึงกำหนดประเมินพัฒนาการเดือนนี้"),
                  "rechecks": self.tr("เด็กที่ต้องประเมินพัฒนาการซ้ำ"), "referrals": self.tr("เด็กที่ส่งต่อและรอผล")}
        headers = {k: [self._header(h) for h in hs] for k, hs in HEADERS.items()}
        for kind, name in names.items():
            page = GrowthListPage(ctx, kind, headers[kind], self.base_query, titles[kind], self.tabs)
            page.status_message.connect(self.status_message.emit)
            page.opened.connect(self.open_child)
            self.pages[kind] = page
            self.tabs.addTab(page, name)
        layout.addWidget(self.tabs, 1)
        self.centre_combo.currentIndexChanged.connect(lambda _i: self.refresh_lists())
        self.tabs.currentChanged.connect(lambda _i: self.current_page().refresh())
        self.summary_button.clicked.connect(self.print_summary)
        self.child_edit.returnPressed.connect(lambda: self.open_child(self.child_edit.text()))

    def _header(self, text: str) -> tuple[str, str, str]:
        """(the service's header, the one shown, the tooltip): short where the list is wide."""
        full = {"ชื่อ-สกุล": self.tr("ชื่อ-สกุล"), "ศูนย์": self.tr("ศูนย์"), "ห้อง": self.tr("ห้อง"),
                "วันที่ชั่ง/วัด": self.tr("วันที่ชั่ง/วัด"), "น้ำหนัก (กก.)": self.tr("น้ำหนัก (กก.)"),
                "ส่วนสูง (ซม.)": self.tr("ส่วนสูง (ซม.)"),
                "W/A": self.tr("น้ำหนักตามเกณฑ์อายุ (z-score)"), "H/A": self.tr("ส่วนสูงตามเกณฑ์อายุ (z-score)"),
                "W/H": self.tr("น้ำหนักตามเกณฑ์ส่วนสูง (z-score)"),
                "การแปลผล": self.tr("การแปลผล: น้ำหนักตามอายุ / ส่วนสูงตามอายุ / น้ำหนักตามส่วนสูง"),
                "วันเกิด": self.tr("วันเกิด"), "ช่วงอายุ (เดือน)": self.tr("ช่วงอายุ (เดือน)"),
                "อายุครบวันที่": self.tr("อายุครบวันที่"), "ประเมินแล้วเมื่อ": self.tr("ประเมินแล้วเมื่อ"),
                "ประเมินเมื่อ": self.tr("ประเมินเมื่อ"), "ประเมินซ้ำภายใน": self.tr("ประเมินซ้ำภายใน"),
                "เหลือ (วัน)": self.tr("เหลือ (วัน)"), "สถานะ": self.tr("สถานะ"), "โรงพยาบาล": self.tr("โรงพยาบาล"),
                "เลขที่หนังสือ": self.tr("เลขที่หนังสือ"), "ส่งต่อเมื่อ": self.tr("ส่งต่อเมื่อ"),
                "รอผล (วัน)": self.tr("รอผล (วัน)")}
        short = {"วันที่ชั่ง/วัด": self.tr("วันที่วัด"), "น้ำหนัก (กก.)": self.tr("กก."),
                 "ส่วนสูง (ซม.)": self.tr("ซม."), "W/A": "W/A", "H/A": "H/A", "W/H": "W/H",
                 "การแปลผล": self.tr("การแปลผล")}
        shown = full.get(text, text)
        return text, short.get(text, shown), full.get(text, text)

    def current_page(self) -> GrowthListPage:
        page = self.tabs.currentWidget()
        assert isinstance(page, GrowthListPage)
        return page

    @property
    def centre_id(self) -> int | None:
        i = self.centre_combo.currentIndex()
        return self.centre_ids[i] if 0 <= i < len(self.centre_ids) else None

    def base_query(self) -> ListQuery:
        p = self.period
        return ListQuery("", start=getattr(p, "start", None), end=getattr(p, "end", None),
                         month=(self.today.year, self.today.month), today=self.today, centre_id=self.centre_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from desktop.services.centre import centres
        from desktop.services.growth_lists import term_period

        try:
            with self.ctx.db.reader() as s:
                found = centres(s)
                self.period = term_period(s, self.today)
        except NotPermitted as exc:
            found, self.period = [], None
            self.period_label.setText(exc.message)
        keep = self.centre_id
        self.centre_ids = [c.id for c in found]
        self.centre_combo.blockSignals(True)
        self.centre_combo.clear()
        for c in found:
            self.centre_combo.addItem(c.name)
        self.centre_combo.setCurrentIndex(self.centre_ids.index(keep) if keep in self.centre_ids else
                                          (0 if found else -1))
        self.centre_combo.blockSignals(False)
        p = self.period
        if p is not None:
            self.period_label.setText(self.tr("ภาคเรียน %1 · เดือน %2").replace("%1", getattr(p, "label", "")).replace(
                "%2", f"{self.today.month}/{self.today.year + 543}"))
        self.summary_button.setEnabled(self.centre_id is not None and may(self.ctx.db, Action.REPORT))
        self.refresh_lists()

    def refresh_lists(self) -> None:
        self.summary_button.setEnabled(self.centre_id is not None and may(self.ctx.db, Action.REPORT))
        if self.centre_id is None:
            for page in self.pages.values():
                page.rows = []
                page.apply_filter()
            return
        self.current_page().refresh()

    def open_child(self, ref: str) -> None:
        from desktop.gui.views.growth_child import ChildDevelopmentDialog

        if not ref.strip():
            return
        dialog = ChildDevelopmentDialog(self.ctx, ref.strip(), self, today=self.today)
        dialog.status_message.connect(self.status_message.emit)
        dialog.changed.connect(lambda: self.current_page().refresh())
        self.dialog = dialog
        dialog.show()

    def print_summary(self) -> None:
        from desktop.services.dspm_print import summary

        centre, p = self.centre_id, self.period
        if centre is None or p is None:
            return
        start, end = getattr(p, "start"), getattr(p, "end")  # noqa: B009
        period = str(getattr(p, "label"))  # noqa: B009
        self.documents.report(self.tr("สรุปผลการประเมินพัฒนาการ (DSPM)"), "dspm-summary",
                              lambda s, out, o, pr: summary(s, centre, start, end, period, out, o, pr))
