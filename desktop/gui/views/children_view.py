"""รายชื่อเด็ก: the children list, searched as you type, filtered and sorted in SQL."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHeaderView, QMenu, QMessageBox, QPushButton, QWidget

from desktop.domain.levels import LEVELS
from desktop.domain.roles import Action
from desktop.gui.app import fault_text
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.forms.children_view_ui import Ui_ChildrenView
from desktop.gui.models.children_model import ChildrenTableModel
from desktop.gui.session_menu import may
from desktop.gui.views.children_columns import ChildrenColumns
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.children import delete_child, restore_child
from desktop.services.children_offices import office_filter_choices
from desktop.services.children_query import ChildFilter, institution_filter_choices
from desktop.services.institutions import institution_label
from desktop.services.years import list_years

SEARCH_DELAY_MS = 150
SEARCH_MIN_WIDTH = 170  # the search box on a 1024-wide screen with a filter on
FILTER_KEY = "children/filter"


class ChildrenView(QWidget):
    open_child = Signal(str)  # uuid
    new_child = Signal()
    imported = Signal()  # children were imported (or an import undone)
    status_message = Signal(str, object)  # text, undo callable or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ChildrenView()
        self.ui.setupUi(self)
        self.model = ChildrenTableModel(ctx.db, self, tasks=ctx.tasks)
        table = self.ui.table
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # schools with a common prefix
        self.columns = ChildrenColumns(table, self.model)  # fitted: never scrolls sideways
        # the province's consolidated registry: the municipality first among the filters
        # (shown only there: office_filter_choices)
        self.officeCombo = QComboBox(self)
        self.officeCombo.setObjectName("officeCombo")
        self.officeCombo.setToolTip(self.tr("เทศบาล/อปท. ที่ส่งข้อมูลเด็กมา"))
        self.officeCombo.hide()
        self.ui.filterRow.insertWidget(self.ui.filterRow.indexOf(self.ui.institutionCombo),
                                       self.officeCombo)
        self.filters = FilterMark(
            self, [self.officeCombo, self.ui.institutionCombo, self.ui.yearCombo,
                   self.ui.levelCombo, self.ui.searchEdit],
            self.clear_filter, self.tr("แสดงเด็กทุกคน (ล้างสถานศึกษา ปีการศึกษา ชั้น และคำค้น)"))
        self.clear_filter_button = self.filters.button
        self.ui.filterRow.insertWidget(self.ui.filterRow.indexOf(self.ui.deletedCheck), self.clear_filter_button)
        # the search box keeps its room on a netbook: the filters' combos shrink instead (a
        # long school name elided; the list that drops down is as wide as its names)
        for combo, letters in ((self.officeCombo, 11), (self.ui.institutionCombo, 11),
                               (self.ui.yearCombo, 8), (self.ui.levelCombo, 7)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self.ui.searchEdit.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.ui.filterRow.setStretchFactor(self.ui.searchEdit, 3)
        self.ui.filterRow.setStretchFactor(self.ui.institutionCombo, 2)
        self.ui.filterRow.setStretchFactor(self.officeCombo, 2)  # long names: grows as the school
        table.verticalHeader().setDefaultSectionSize(28)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.ui.searchEdit.textEdited.connect(lambda _t: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(self.apply_filter)
        for combo in (self.officeCombo, self.ui.institutionCombo, self.ui.yearCombo,
                      self.ui.levelCombo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.ui.deletedCheck.toggled.connect(self._deleted_toggled)
        self.ui.newButton.clicked.connect(self.new_child.emit)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.overview_button = QPushButton(self.tr("ภาพรวม…"), self)  # views/child_page.py
        self.overview_button.setObjectName("overviewButton")
        self.overview_button.setToolTip(self.tr("ข้อมูลทุกด้านของเด็กที่เลือก: ทะเบียน คัดกรองและทุน ศพด. "
                                                "การเจริญเติบโตและพัฒนาการ เด็กนอกระบบ (Ctrl+Enter)"))
        self.overview_button.clicked.connect(self.open_overview)
        self.ui.titleRow.insertWidget(self.ui.titleRow.indexOf(self.ui.openButton) + 1, self.overview_button)
        self.ui.deleteButton.clicked.connect(self.delete_or_restore_selected)
        self.documents = Documents(ctx, self, self.status_message.emit)
        menu = QMenu(self)
        menu.addAction(self.tr("รายชื่อเด็กตามตัวกรอง…"), self.print_list)
        self.profile_action = menu.addAction(self.tr("ประวัติเด็กที่เลือก…"), self.print_profile)
        self.ui.printButton.setMenu(menu)
        self.ui.exportButton.clicked.connect(self.export_list)
        self.ui.importButton.clicked.connect(self.import_children)
        self.model.counted.connect(self._show_count)
        self.model.searching.connect(self._show_searching)
        self.model.modelReset.connect(self._update_buttons)

        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_child.emit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.open_overview)
        list_keys(self, self.ui.searchEdit, table, open=self.open_selected,
                  delete=self.delete_or_restore_selected, print_=self.print_list)
        self._loading = False
        if may(ctx.db, Action.REGISTRY_READ):  # the window of a user without it opens empty
            self.refresh(restore=True)

    def clear_filter(self) -> None:
        self._loading = True
        for combo in (self.officeCombo, self.ui.institutionCombo, self.ui.yearCombo,
                      self.ui.levelCombo):
            combo.setCurrentIndex(0)
        self.ui.searchEdit.clear()
        self._loading = False
        self.apply_filter()

    def _show_filter_state(self) -> None:
        """A filter that is on (restored at start, too) is marked and one click clears it."""
        self.filters.show_state()

    # ---- filters
    def refresh(self, *, restore: bool = False) -> None:
        """Reload the filter choices (institutions, years) and the list."""
        self._loading = True
        saved = self._saved_filter() if restore else self._current_filter()
        with self.ctx.db.reader() as session:
            institutions = institution_filter_choices(session)
            years = list_years(session)
            offices = office_filter_choices(session)
        combo = self.officeCombo
        combo.clear()
        combo.addItem(self.tr("ทุกเทศบาล/อปท."), None)
        for office in offices:
            combo.addItem(office.name, office.id)
        combo.setVisible(bool(offices))
        if offices:  # one more combo in the row: each narrower, so it still fits 1024 px
            for combo, letters in ((self.officeCombo, 6), (self.ui.institutionCombo, 6),
                                   (self.ui.yearCombo, 4), (self.ui.levelCombo, 4)):
                combo.setMinimumContentsLength(letters)
        combo = self.ui.institutionCombo
        combo.clear()
        combo.addItem(self.tr("ทุกสถานศึกษา"), None)
        for inst in institutions:
            if inst.deleted and not combo.itemData(combo.count() - 1, Qt.ItemDataRole.UserRole + 1):
                combo.insertSeparator(combo.count())  # the deleted ones, after the live ones
            combo.addItem(institution_label(inst.name, deleted=inst.deleted), inst.id)
            combo.setItemData(combo.count() - 1, inst.deleted, Qt.ItemDataRole.UserRole + 1)
        combo = self.ui.yearCombo
        combo.clear()
        combo.addItem(self.tr("ทุกปีการศึกษา"), None)
        for year in years:
            combo.addItem(self.tr("ปีการศึกษา %1").replace("%1", str(year.year_be)), year.year_be)
        combo = self.ui.levelCombo
        combo.clear()
        combo.addItem(self.tr("ทุกชั้น"), None)
        for level in LEVELS:
            combo.addItem(level.display_label, level.code)
        self._select_data(self.officeCombo, saved.office_id)
        self._select_data(self.ui.institutionCombo, saved.institution_id)
        self._select_data(self.ui.yearCombo, saved.year_be)
        self._select_data(self.ui.levelCombo, saved.level_code)
        self.ui.searchEdit.setText(saved.search)
        self.ui.deletedCheck.setChecked(saved.deleted)
        self._loading = False
        for combo in (self.officeCombo, self.ui.institutionCombo, self.ui.yearCombo,
                      self.ui.levelCombo):
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)  # names whole
        self._show_filter_state()
        self.model.set_filter(self._current_filter(), force=True)  # one query, not two

    @staticmethod
    def _select_data(combo, value) -> None:  # type: ignore[no-untyped-def]
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _current_filter(self) -> ChildFilter:
        return ChildFilter(
            search=self.ui.searchEdit.text(),
            institution_id=self.ui.institutionCombo.currentData(),
            year_be=self.ui.yearCombo.currentData(),
            level_code=self.ui.levelCombo.currentData(),
            deleted=self.ui.deletedCheck.isChecked(),
            office_id=self.officeCombo.currentData(),
        )

    def _saved_filter(self) -> ChildFilter:
        raw = self.ctx.settings.value(FILTER_KEY, "")
        try:
            data = json.loads(raw) if raw else {}
            return ChildFilter(
                search="",
                institution_id=data.get("institution_id"),
                year_be=data.get("year_be"),
                level_code=data.get("level_code"),
                office_id=data.get("office_id"),
            )
        except (TypeError, ValueError):
            return ChildFilter()

    def apply_filter(self) -> None:
        if self._loading:
            return
        flt = self._current_filter()
        self.ctx.settings.setValue(
            FILTER_KEY,
            json.dumps({"institution_id": flt.institution_id, "year_be": flt.year_be,
                        "level_code": flt.level_code, "office_id": flt.office_id}),
        )
        self._show_filter_state()
        self.model.set_filter(flt)

    def _deleted_toggled(self, checked: bool) -> None:
        self.ui.deleteButton.setText(self.tr("กู้คืน") if checked else self.tr("ลบ"))
        self.apply_filter()

    def _show_count(self, count: int) -> None:
        if self.model.filter.deleted:
            text = self.tr("ที่ลบแล้ว %1 คน").replace("%1", f"{count:,}")
        else:
            text = self.tr("พบ %1 คน").replace("%1", f"{count:,}")
        self.ui.countLabel.setText(text)

    def _show_searching(self, busy: bool) -> None:
        if not busy:
            return
        if self.model.rowCount():
            self.ui.countLabel.setText(self.tr("พบอย่างน้อย %1 คน กำลังนับทั้งหมด…")
                                       .replace("%1", f"{self.model.rowCount():,}"))
        else:
            self.ui.countLabel.setText(self.tr("กำลังค้นหา… (คำค้นสั้นกว่า 3 ตัวอักษรต้องอ่านทุกแถว)"))

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.ui.openButton.setEnabled(has_rows)
        self.ui.deleteButton.setEnabled(has_rows)
        self.overview_button.setEnabled(has_rows)
        self.profile_action.setEnabled(has_rows)

    def filter_description(self) -> str:
        """The current filter in words, for the print dialog."""
        ui = self.ui
        parts = [combo.currentText() for combo in (self.officeCombo, ui.institutionCombo,
                                                   ui.yearCombo, ui.levelCombo)
                 if combo.currentData() is not None]
        if ui.searchEdit.text().strip():
            parts.append(self.tr("คำค้น \"%1\"").replace("%1", ui.searchEdit.text().strip()))
        if ui.deletedCheck.isChecked():
            parts.append(self.tr("เฉพาะที่ลบแล้ว"))
        return " · ".join(parts) if parts else self.tr("เด็กทุกคน")

    # ---- documents
    def print_list(self) -> None:
        from desktop.services.reports import children_list_pdf

        flt = self._current_filter()
        count = self.model.total()
        detail = self.tr("%1 — %2 คน").replace("%1", self.filter_description()).replace("%2", f"{count:,}")
        self.documents.report(
            self.tr("รายชื่อเด็ก"), "children-list",
            lambda session, out, options, progress: children_list_pdf(session, out, flt, options, progress),
            detail=detail)

    def print_profile(self) -> None:
        from desktop.services.reports import child_profile_pdf

        index = self.ui.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.status_message.emit(self.tr("เลือกเด็กในรายชื่อก่อน แล้วจึงพิมพ์ประวัติ"), None)
            return
        name = f"{row.prefix}{row.first_name} {row.last_name}"
        self.documents.report(
            self.tr("ประวัติเด็ก"), "child-profile",
            lambda session, out, options, progress: child_profile_pdf(session, out, row.uuid, options, progress),
            detail=name, name=self.tr("ประวัติ-%1-%2").replace("%1", row.first_name).replace("%2", row.last_name))

    def export_list(self) -> None:
        from desktop.services.exports import export_children

        flt = self._current_filter()
        self.documents.export(self.tr("รายชื่อเด็ก"), "children",
                              lambda session, path, progress: export_children(session, path, flt, progress=progress))

    def import_children(self) -> None:
        from desktop.gui.views.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(self._after_import)
        dialog.open()

    def _after_import(self, message: str, undo: Callable[[], None]) -> None:
        self.refresh()
        self.imported.emit()

        def undo_in_background() -> None:
            def done(_result: object) -> None:
                self.refresh()
                self.imported.emit()
                self.status_message.emit(self.tr("ยกเลิกการนำเข้าแล้ว"), None)

            self.ctx.tasks.run(lambda _p: undo(), on_done=done, writes=True,
                               on_error=lambda exc, _tb: QMessageBox.warning(self, "Samoe", fault_text(exc, None)),
                               label=self.tr("กำลังยกเลิกการนำเข้า…"))

        self.status_message.emit(message, undo_in_background)

    # ---- actions
    def selected_uuid(self) -> str | None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.uuid_at(index.row())

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid:
            self.open_child.emit(uuid)

    def open_overview(self) -> None:
        from desktop.gui.views.child_page import ChildPageDialog

        uuid = self.selected_uuid()
        if uuid:
            self.overview = ChildPageDialog(self.ctx, uuid, self)
            self.overview.show()

    def delete_or_restore_selected(self) -> None:
        index = self.ui.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        name = f"{row.prefix}{row.first_name} {row.last_name}"
        if row.deleted:
            self._run_and_report(lambda s: restore_child(s, row.uuid),
                                 self.tr("กู้คืน %1 แล้ว").replace("%1", name), None)
            return
        answer = QMessageBox.question(
            self,
            self.tr("ยืนยันการลบ"),
            self.tr("ลบ %1 ออกจากรายชื่อใช่หรือไม่?\nข้อมูลยังเก็บไว้และกู้คืนได้ (เลิกทำ หรือ แสดงที่ลบแล้ว)")
            .replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def undo() -> None:
            self._run_and_report(lambda s: restore_child(s, row.uuid),
                                 self.tr("กู้คืน %1 แล้ว").replace("%1", name), None)

        self._run_and_report(lambda s: delete_child(s, row.uuid),
                             self.tr("ลบ %1 แล้ว").replace("%1", name), undo)

    def _run_and_report(self, change: Callable[..., None], message: str,
                        undo: Callable[[], None] | None) -> None:
        with self.ctx.db.session() as session:
            change(session)
        current = self.ui.table.currentIndex().row()
        self.model.reload()
        if self.model.rowCount():
            self.ui.table.selectRow(min(max(current, 0), self.model.rowCount() - 1))
        self.status_message.emit(message, undo)

    def select_uuid(self, uuid: str) -> None:
        """Select a child in the list (after a save), wherever it now sorts."""
        row = self.model.row_of(uuid)
        if row is not None:
            self.ui.table.selectRow(row)
            self.ui.table.scrollTo(self.model.index(row, 0))

    def current_index(self) -> QModelIndex:
        return self.ui.table.currentIndex()
