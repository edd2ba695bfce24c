"""สถานศึกษา: the schools and child development centres of this local government.

A municipality has tens of institutions, not thousands, so the whole list is loaded into
a small item model; sorting and the filter box work in a QSortFilterProxyModel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMessageBox, QStyledItemDelegate, QWidget

from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.forms.institutions_view_ui import Ui_InstitutionsView
from desktop.gui.views.institution_dialog import InstitutionDialog
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.institutions import (
    InstitutionRow,
    delete_institution,
    institution_children,
    list_deleted_institutions,
    list_institutions,
    restore_institution,
)
from desktop.services.years import list_years

UUID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a header click sorts by this: Thai dictionary order
KIND, CODE, NAME, ADDRESS, ENROLLED = range(5)
FILTER_KEY = "institutions/filter"  # kept for the next start


class ThousandsDelegate(QStyledItemDelegate):
    """A count shown with thousands separators (12,345), still sorted as a number."""

    def displayText(self, value: object, locale: object) -> str:
        return f"{value:,}" if isinstance(value, int) else super().displayText(value, locale)


class InstitutionsView(QWidget):
    status_message = Signal(str, object)  # text, undo callable or None
    changed = Signal()  # saved, deleted or restored: the children's filters list them anew

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_InstitutionsView()
        self.ui.setupUi(self)
        self._rows: dict[str, InstitutionRow] = {}
        self._kind_labels = {"school": self.tr("โรงเรียน"), "cdc": self.tr("ศูนย์พัฒนาเด็กเล็ก")}

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("ประเภท"), self.tr("รหัส"), self.tr("ชื่อ"), self.tr("ที่อยู่"),
            self.tr("จำนวนเด็ก"),
        ])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)

        table = self.ui.table
        table.setModel(self.proxy)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.ui.table.setItemDelegateForColumn(ENROLLED, ThousandsDelegate(self.ui.table))
        for column, width in ((KIND, 140), (CODE, 110), (ENROLLED, 90)):
            table.setColumnWidth(column, width)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        table.sortByColumn(KIND, Qt.SortOrder.AscendingOrder)

        # Actions: the buttons trigger them; the main window may also put them in a menu.
        self.new_action = QAction(self.tr("เพิ่มสถานศึกษา"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_institution)
        self.addAction(self.new_action)
        self.edit_action = QAction(self.tr("แก้ไขสถานศึกษา"), self)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(self.tr("ลบสถานศึกษา"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        table.addAction(self.delete_action)  # Delete acts only while the list has focus

        self.ui.addButton.clicked.connect(self.new_action.trigger)
        self.ui.editButton.clicked.connect(self.edit_action.trigger)
        self.ui.deleteButton.clicked.connect(self.delete_action.trigger)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.filters = FilterMark(self, [self.ui.filterEdit], self.clear_filter,
                                  self.tr("แสดงทุกสถานศึกษา (ล้างคำค้น)"))
        self.ui.filterRow.insertWidget(self.ui.filterRow.indexOf(self.ui.deletedCheck), self.filters.button)
        self.ui.filterEdit.setText(str(ctx.settings.value(FILTER_KEY, "") or ""))
        self._filter_changed(self.ui.filterEdit.text())
        self.ui.filterEdit.textChanged.connect(self._filter_changed)
        self.ui.deletedCheck.toggled.connect(self._deleted_toggled)
        self.year_be: int | None = None
        self.documents = Documents(ctx, self, self.status_message.emit)
        self.ui.printButton.clicked.connect(self.print_list)
        self.ui.exportButton.clicked.connect(self.export_list)
        # Enter, F2 and a double-click open the dialog; Delete is the delete action's own key
        list_keys(self, self.ui.filterEdit, table, open=self.edit_selected, print_=self.print_list)

    # ---- documents
    def print_list(self) -> None:
        from desktop.services.reports import institutions_list_pdf

        year_be = self.year_be
        detail = (self.tr("จำนวนเด็กปีการศึกษา %1").replace("%1", str(year_be)) if year_be else "")
        self.documents.report(
            self.tr("รายการสถานศึกษา"), "institutions-list",
            lambda session, out, options, progress: institutions_list_pdf(session, out, year_be, options, progress),
            detail=detail)

    def export_list(self) -> None:
        from desktop.services.exports import export_institutions

        year_be = self.year_be
        self.documents.export(self.tr("รายการสถานศึกษา"), "institutions",
                              lambda session, path, progress: export_institutions(session, path, year_be, progress=progress))

    # ---- list
    def showEvent(self, event: QShowEvent) -> None:
        """Load when shown (and again each time: data may have changed meanwhile), so
        building the main window does not query pages nobody has opened yet."""
        super().showEvent(event)
        self.refresh()

    def refresh(self, select_uuid: str | None = None) -> None:
        """Reload the list, keeping (or moving to) the selected institution."""
        keep = select_uuid or self.selected_uuid()
        with self.ctx.db.reader() as session:
            years = list_years(session)
            year_be = years[0].year_be if years else None
            if self.showing_deleted():
                rows = list_deleted_institutions(session)
            else:
                rows = list_institutions(session, year_be=year_be)
        self.year_be = year_be
        self._rows = {row.uuid: row for row in rows}
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            self.model.appendRow(self._items(row))
        tip = (self.tr("จำนวนเด็กที่ลงทะเบียนในปีการศึกษา %1").replace("%1", str(year_be))
               if year_be is not None else self.tr("ยังไม่มีปีการศึกษา"))
        if self.showing_deleted():
            tip = self.tr("จำนวนเด็กที่ยังลงทะเบียนอยู่กับสถานศึกษานี้ (ทุกปีการศึกษา)")
        self.model.horizontalHeaderItem(ENROLLED).setToolTip(tip)
        self._show_count()
        if not (keep and self.select_uuid(keep)) and self.proxy.rowCount():
            self.ui.table.selectRow(0)
        self._update_actions()

    def _items(self, row: InstitutionRow) -> list[QStandardItem]:
        kind = QStandardItem(self._kind_labels.get(row.kind, row.kind))
        kind.setData(row.uuid, UUID_ROLE)
        code = QStandardItem(row.code)
        name = QStandardItem(row.name)
        address = QStandardItem(row.address)
        address.setToolTip(row.address)
        enrolled = QStandardItem()
        enrolled.setData(row.enrolled, Qt.ItemDataRole.DisplayRole)  # an int sorts as a number
        enrolled.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items = [kind, code, name, address, enrolled]
        for item in items:
            item.setEditable(False)
            # text in Thai dictionary order, numbers by value (Qt's own compare puts every
            # เ แ โ ใ ไ name after ฮ)
            item.setData(natural_sort_key(item.text()), SORT_ROLE)
        enrolled.setData(row.enrolled, SORT_ROLE)
        return items

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.ctx.settings.setValue(FILTER_KEY, text.strip())
        self.filters.show_state()
        self._show_count()
        if self.proxy.rowCount() and not self.ui.table.currentIndex().isValid():
            self.ui.table.selectRow(0)
        self._update_actions()

    def clear_filter(self) -> None:
        self.ui.filterEdit.clear()

    def showing_deleted(self) -> bool:
        return self.ui.deletedCheck.isChecked()

    def _deleted_toggled(self, checked: bool) -> None:
        """The bin: deleted institutions, to restore (the delete button restores)."""
        self.ui.deleteButton.setText(self.tr("กู้คืน") if checked else self.tr("ลบ"))
        self.ui.deleteButton.setToolTip(
            self.tr("กู้คืนสถานศึกษาที่เลือก (Delete)") if checked
            else self.tr("ลบสถานศึกษาที่เลือก (Delete) กู้คืนได้ภายหลัง"))
        self.delete_action.setText(self.tr("กู้คืนสถานศึกษา") if checked else self.tr("ลบสถานศึกษา"))
        self.refresh()

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self.showing_deleted() and shown == total:
            self.ui.countLabel.setText(self.tr("ที่ลบแล้ว %1 แห่ง").replace("%1", str(total)))
            return
        if shown == total:
            text = self.tr("ทั้งหมด %1 แห่ง").replace("%1", str(total))
        else:
            text = self.tr("แสดง %1 จาก %2 แห่ง").replace("%1", str(shown)).replace("%2", str(total))
        self.ui.countLabel.setText(text)

    def _update_actions(self) -> None:
        has = self.selected_uuid() is not None
        for action, button in ((self.edit_action, self.ui.editButton),
                               (self.delete_action, self.ui.deleteButton)):
            action.setEnabled(has)
            button.setEnabled(has)
        in_bin = self.showing_deleted()
        self.edit_action.setEnabled(has and not in_bin)  # restore first, then edit
        self.ui.editButton.setEnabled(has and not in_bin)
        self.new_action.setEnabled(not in_bin)
        self.ui.addButton.setEnabled(not in_bin)

    def row_count(self) -> int:
        return self.proxy.rowCount()

    def selected_uuid(self) -> str | None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        uuid = self.proxy.index(index.row(), KIND).data(UUID_ROLE)
        return uuid if uuid in self._rows else None

    def selected_row(self) -> InstitutionRow | None:
        uuid = self.selected_uuid()
        return self._rows.get(uuid) if uuid else None

    def select_uuid(self, uuid: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, KIND).data(UUID_ROLE) == uuid:
                self.ui.table.selectRow(row)
                self.ui.table.scrollTo(self.proxy.index(row, KIND))
                return True
        return False

    def current_index(self) -> QModelIndex:
        return self.ui.table.currentIndex()

    # ---- actions
    def new_institution(self) -> InstitutionDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> InstitutionDialog | None:
        uuid = self.selected_uuid()
        return self._open_dialog(uuid) if uuid else None

    def _open_dialog(self, uuid: str | None) -> InstitutionDialog:
        dialog = InstitutionDialog(self.ctx, uuid, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, uuid: str, name: str) -> None:
        self.refresh(select_uuid=uuid)
        if self.selected_uuid() != uuid:  # the filter hides it: a new one shows at once
            self.clear_filter()
            self.select_uuid(uuid)
        self.changed.emit()
        self.status_message.emit(self.tr("บันทึก %1 แล้ว").replace("%1", name), None)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.deleted:
            self.restore_selected()
            return
        if row is None or not self.confirm_delete(row):
            return
        current = self.ui.table.currentIndex().row()
        with self.ctx.db.session() as session:
            delete_institution(session, row.uuid)
        self.refresh()
        if self.proxy.rowCount():
            self.ui.table.selectRow(min(max(current, 0), self.proxy.rowCount() - 1))
        self.changed.emit()
        self.status_message.emit(self.tr("ลบ %1 แล้ว").replace("%1", row.name),
                                 self._undo_delete(row))

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        current = self.ui.table.currentIndex().row()
        with self.ctx.db.session() as session:
            restore_institution(session, row.uuid)
        self.refresh()
        if self.proxy.rowCount():
            self.ui.table.selectRow(min(max(current, 0), self.proxy.rowCount() - 1))
        self.changed.emit()
        self.status_message.emit(self.tr("กู้คืน %1 แล้ว").replace("%1", row.name), None)

    def _undo_delete(self, row: InstitutionRow) -> Callable[[], None]:
        def undo() -> None:
            with self.ctx.db.session() as session:
                restore_institution(session, row.uuid)
            self.refresh(select_uuid=row.uuid)
            self.changed.emit()
            self.status_message.emit(self.tr("กู้คืน %1 แล้ว").replace("%1", row.name), None)

        return undo

    def confirm_delete(self, row: InstitutionRow) -> bool:
        box = QMessageBox(self)
        box.setObjectName("confirmDeleteBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("ยืนยันการลบ"))
        box.setText(self.tr("ลบ %1 ใช่หรือไม่? กู้คืนได้ภายหลัง").replace("%1", row.name))
        with self.ctx.db.reader() as session:
            children = institution_children(session, row.uuid)  # every year, not only this one
        if children:
            box.setInformativeText(
                self.tr("มีเด็ก %1 คนลงทะเบียนกับสถานศึกษานี้ เด็กยังอยู่ในรายชื่อ "
                        "และข้อมูลเด็กจะแสดงว่าสถานศึกษานี้ถูกลบแล้ว "
                        "กู้คืนได้โดยติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน")
                .replace("%1", f"{children:,}")
            )
        else:
            box.setInformativeText(self.tr("กู้คืนได้โดยติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน"))
        delete = box.addButton(self.tr("ลบ"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteButton")
        keep = box.addButton(self.tr("ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is delete
