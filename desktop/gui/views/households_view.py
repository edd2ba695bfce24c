"""ครัวเรือน: the households list, searched as you type, with the selected household's
address and members beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableWidgetItem, QWidget

from desktop.domain.dates import format_be
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.forms.households_view_ui import Ui_HouseholdsView
from desktop.gui.models.households_model import ADDRESS_COLUMN, HouseholdsTableModel
from desktop.gui.views.household_actions import HouseholdActions
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.households import HouseholdDetail, household_detail

SEARCH_DELAY_MS = 200
SPLITTER_KEY = "households/splitter"
SEARCH_KEY = "households/search"  # no longer written: a search holds names and IDs, and the
# settings are plain files (or the registry) outside the database's encryption
UUID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class HouseholdsView(QWidget):
    open_child = Signal(str)  # the child's uuid
    status_message = Signal(str, object)  # text, undo callable or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HouseholdsView()
        self.ui.setupUi(self)
        self.model = HouseholdsTableModel(ctx.db, self, tasks=ctx.tasks)
        self._current_uuid: str | None = None
        self._kind_labels = {"child": self.tr("เด็ก"), "guardian": self.tr("ผู้ปกครอง")}

        table = self.ui.table
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (1, 50), (2, 110), (4, 70), (5, 80)):
            table.setColumnWidth(column, width)
        header.setMinimumSectionSize(40)
        # a header click sorts in SQL (the model's sort); the address order to begin with
        header.setSortIndicator(ADDRESS_COLUMN, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.verticalHeader().setDefaultSectionSize(28)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        members = self.ui.membersTable
        members.verticalHeader().hide()
        members.verticalHeader().setDefaultSectionSize(28)
        m_header = members.horizontalHeader()
        m_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        m_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        m_header.setHighlightSections(False)

        splitter = self.ui.splitter
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        saved = ctx.settings.value(SPLITTER_KEY)
        if not saved or not splitter.restoreState(saved):
            splitter.setSizes([330, 330])
        splitter.splitterMoved.connect(
            lambda _pos, _i: ctx.settings.setValue(SPLITTER_KEY, splitter.saveState())
        )

        search = self.ui.searchEdit
        ctx.settings.remove(SEARCH_KEY)  # one an earlier version kept
        self.filters = FilterMark(self, [search], self.clear_filter,
                                  self.tr("แสดงทุกครัวเรือน (ล้างคำค้น)"))
        row = QHBoxLayout()
        layout = self.ui.mainLayout
        at = layout.indexOf(search)
        layout.removeWidget(search)
        row.addWidget(search)
        row.addWidget(self.filters.button)
        layout.insertLayout(at, row)
        self.filters.show_state()

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        search.textChanged.connect(lambda _t: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(self.apply_search)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        members.cellActivated.connect(self._member_activated)
        self.model.counted.connect(self._show_count)
        self.model.searching.connect(self._show_searching)
        self.model.modelReset.connect(self._after_reload)

        self.documents = Documents(ctx, self, self.status_message.emit)
        self.ui.printButton.clicked.connect(self.print_list)
        self.ui.exportButton.clicked.connect(self.export_list)
        self.actions = HouseholdActions(self)  # edit (F2) and merge (Ctrl+M)
        # Enter opens the household's address as F2 does (the edit action holds F2)
        list_keys(self, search, table, open=self.edit_selected,
                  open_keys=(Qt.Key.Key_Return, Qt.Key.Key_Enter), delete=self.explain_delete,
                  print_=self.print_list)

    def explain_delete(self) -> None:
        """Delete on the list: a household is not deleted on its own; say how one goes."""
        self.status_message.emit(self.tr(
            "ครัวเรือนลบแยกไม่ได้: ครัวเรือนที่ซ้ำกันให้รวมเป็นหนึ่งเดียว (เลือกสองแถว แล้วกด "
            "รวมครัวเรือน Ctrl+M) ที่อยู่ที่ผิดให้แก้ด้วย แก้ไขที่อยู่ (F2)"), None)

    # ---- documents
    def print_list(self) -> None:
        from desktop.services.reports import households_list_pdf

        search = self.ui.searchEdit.text().strip()
        detail = (self.tr("คำค้น \"%1\"").replace("%1", search) if search
                  else self.tr("ทุกครัวเรือน"))
        self.documents.report(
            self.tr("รายการครัวเรือน"), "households-list",
            lambda session, out, options, progress: households_list_pdf(session, out, search, options, progress),
            detail=detail)

    def export_list(self) -> None:
        from desktop.services.exports import export_households

        search = self.ui.searchEdit.text().strip()
        self.documents.export(self.tr("รายการครัวเรือน"), "households",
                              lambda session, path, progress: export_households(session, path, search, progress=progress))

    # ---- list
    def showEvent(self, event: QShowEvent) -> None:
        """Load when shown (and again each time: data may have changed meanwhile), so
        building the main window does not query pages nobody has opened yet."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list (after an edit elsewhere), keeping the selected household."""
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        if text != self.model.search:
            self.model.set_search(text)
        else:
            self.model.reload()

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        self.filters.show_state()
        self.model.set_search(text)

    def clear_filter(self) -> None:
        self.ui.searchEdit.clear()
        self.apply_search()

    def _show_count(self, count: int) -> None:
        self.ui.countLabel.setText(self.tr("พบ %1 ครัวเรือน").replace("%1", f"{count:,}"))

    def _show_searching(self, busy: bool) -> None:
        if busy:
            self.ui.countLabel.setText(self.tr("กำลังค้นหา…"))

    def _after_reload(self) -> None:
        if self.model.rowCount() == 0:
            self._show_detail(None)
            return
        row = -1
        if self._current_uuid:
            row = self.model.row_of(self._current_uuid, limit=self.model.PAGE_SIZE)
        self.select_row(max(row, 0))

    def select_row(self, row: int) -> None:
        self.ui.table.selectRow(row)
        self.ui.table.scrollTo(self.model.index(row, 0))

    def selected_uuid(self) -> str | None:
        index = self.ui.table.currentIndex()
        return self.model.uuid_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        uuid = self.model.uuid_at(current.row()) if current.isValid() else None
        if uuid is None:
            self._show_detail(None)
            return
        with self.ctx.db.reader() as session:
            detail = household_detail(session, uuid)
        self._show_detail(detail)

    # ---- detail
    def _show_detail(self, detail: HouseholdDetail | None) -> None:
        members = self.ui.membersTable
        members.setRowCount(0)
        if detail is None:
            self._current_uuid = None
            if self.model.rowCount() == 0 and self.model.search.strip():
                self.ui.addressLabel.setText(
                    self.tr("ไม่พบครัวเรือนที่ตรงกับ “%1” ลองค้นด้วยคำอื่น").replace(
                        "%1", self.model.search.strip())
                )
            else:
                self.ui.addressLabel.setText(self.tr("เลือกครัวเรือนจากรายการเพื่อดูรายละเอียด"))
            self.ui.detailTitleLabel.hide()
            self.ui.infoLabel.hide()
            self.ui.hintLabel.hide()
            return
        self._current_uuid = detail.uuid
        self.ui.detailTitleLabel.show()
        self.ui.addressLabel.setText(detail.address_text or self.tr("(ยังไม่ได้กรอกที่อยู่)"))
        info = []
        if detail.house_code:
            info.append(self.tr("รหัสประจำบ้าน %1").replace("%1", detail.house_code))
        if detail.phone:
            info.append(self.tr("โทร %1").replace("%1", detail.phone))
        self.ui.infoLabel.setText("   ".join(info))
        self.ui.infoLabel.setVisible(bool(info))

        members.setRowCount(len(detail.members))
        child_tip = self.tr("ดับเบิลคลิกเพื่อเปิดข้อมูลเด็ก")
        for row, m in enumerate(detail.members):
            is_child = m.kind == "child"
            cells = (
                m.name,
                self._kind_labels.get(m.kind, m.kind),
                "" if is_child else m.relation,
                format_be(m.birth_date),
                m.phone,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(UUID_ROLE, m.uuid)
                item.setData(KIND_ROLE, m.kind)
                if is_child:
                    item.setToolTip(child_tip)
                members.setItem(row, column, item)
        self.ui.hintLabel.setVisible(any(m.kind == "child" for m in detail.members))

    def member_count(self) -> int:
        return self.ui.membersTable.rowCount()

    def _member_activated(self, row: int, _column: int) -> None:
        item = self.ui.membersTable.item(row, 0)
        if item is not None and item.data(KIND_ROLE) == "child":
            self.open_child.emit(item.data(UUID_ROLE))

    # ---- edit and merge (desktop/gui/views/household_actions.py)
    def selected_uuids(self) -> list[str]:
        rows = sorted(i.row() for i in self.ui.table.selectionModel().selectedRows())
        return [u for u in (self.model.uuid_at(r) for r in rows) if u]

    def edit_selected(self) -> object:
        return self.actions.edit()

    def merge_selected(self) -> object:
        return self.actions.merge()
