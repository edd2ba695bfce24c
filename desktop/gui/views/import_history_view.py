"""ประวัติการนำเข้า: every import batch, and undoing one as a whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QMessageBox, QTableWidgetItem, QWidget

from desktop.domain.dates import format_be_local
from desktop.domain.levels import level_by_code
from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.app import fault_text
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.forms.import_history_view_ui import Ui_ImportHistoryView

UUID_ROLE = Qt.ItemDataRole.UserRole
WHOLE_COLUMN = 7  # the values the clerk gave for the whole file
FILE_WIDTH = 220


class _Item(QTableWidgetItem):
    """Sorts by the value stored in UserRole + 1 when there is one (dates, numbers)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(UUID_ROLE + 1), other.data(UUID_ROLE + 1)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return super().__lt__(other)


class ImportHistoryView(QWidget):
    import_requested = Signal()
    changed = Signal()  # a batch was undone
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportHistoryView()
        self.ui.setupUi(self)
        self.batches: list[Any] = []
        table = self.ui.table
        headers = [self.tr("นำเข้าเมื่อ"), self.tr("ไฟล์"), self.tr("แผ่นงาน"), self.tr("แถวในไฟล์"),
                   self.tr("นำเข้า (คน)"), self.tr("ผู้นำเข้า"), self.tr("สถานะ"), self.tr("ค่าทั้งไฟล์")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the file's name as wide as it is, up to FILE_WIDTH (elided in the middle, whole as
        # tooltip); the whole-file values take the rest
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHOLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.itemSelectionChanged.connect(self._update_buttons)
        # the selected batch's whole-file values in full (the column is narrow on a netbook)
        self.whole_label = QLabel(self)
        self.whole_label.setObjectName("wholeFileLabel")
        self.whole_label.setWordWrap(True)
        self.whole_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.hintLabel), self.whole_label)
        self.ui.undoButton.clicked.connect(self.undo_selected)
        self.ui.importButton.clicked.connect(self.import_requested.emit)
        self.documents = Documents(ctx, self, self.status_message.emit)
        self.ui.printButton.clicked.connect(self.print_list)
        self.ui.exportButton.clicked.connect(self.export_list)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_list)
        self._update_buttons()

    def print_list(self) -> None:
        from desktop.services.reports import import_batches_pdf

        self.documents.report(
            self.tr("ประวัติการนำเข้า"), "import-batches",
            lambda session, out, options, progress: import_batches_pdf(session, out, options, progress))

    def export_list(self) -> None:
        from desktop.services.exports import export_import_batches

        self.documents.export(self.tr("ประวัติการนำเข้า"), "import-batches",
                              lambda session, path, progress: export_import_batches(session, path, progress=progress))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from desktop.services.imports import list_batches

        with self.ctx.db.reader() as session:
            self.batches = list_batches(session, limit=500)
        table = self.ui.table
        table.setSortingEnabled(False)
        table.setRowCount(len(self.batches))
        for row, b in enumerate(self.batches):
            if b.undone_at is not None:
                status = self.tr("ยกเลิกแล้วเมื่อ %1").replace("%1", format_be_local(b.undone_at))
            elif b.edited_since:
                status = self.tr("ใช้งานอยู่ (แก้ไขภายหลัง %1 คน)").replace("%1", f"{b.edited_since:,}")
            else:
                status = self.tr("ใช้งานอยู่")
            cells: list[tuple[str, object]] = [
                (format_be_local(b.at), b.at.isoformat()), (b.file_name, None), (b.sheet, None),
                (f"{b.rows:,}", b.rows), (f"{b.children:,}", b.children), (b.actor, None), (status, None),
                (self.whole_words(b.whole), None),
            ]
            for column, (text, key) in enumerate(cells):
                item = _Item(text)
                item.setData(UUID_ROLE, b.uuid)
                # text in Thai dictionary order, numbers by value
                item.setData(UUID_ROLE + 1, natural_sort_key(text) if key is None else key)
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column in (1, WHOLE_COLUMN):
                    item.setToolTip(text)
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        table.resizeColumnToContents(1)
        table.setColumnWidth(1, min(table.columnWidth(1), FILE_WIDTH))
        if self.batches and table.currentRow() < 0:
            table.selectRow(0)
        self._update_buttons()

    def whole_words(self, whole: Any) -> str:
        """The values the clerk gave for the whole file (imports.batch_whole.BatchWhole):
        "โรงเรียน… · ปีการศึกษา 2569 · อ.2 · ห้อง 1 · ผู้ปกครอง: แม่"."""
        parts = [whole.institution] if whole.institution else []
        if whole.year_be:
            parts.append(self.tr("ปีการศึกษา %1").replace("%1", str(whole.year_be)))
        if whole.level_code:
            try:
                parts.append(level_by_code(whole.level_code).display_label)
            except KeyError:
                parts.append(whole.level_code)
        if whole.classroom:
            parts.append(self.tr("ห้อง %1").replace("%1", whole.classroom))
        if whole.relation:
            parts.append(self.tr("ผู้ปกครอง: %1").replace("%1", whole.relation))
        return " · ".join(parts)

    def selected(self) -> Any:
        item = self.ui.table.item(self.ui.table.currentRow(), 0)
        if item is None:
            return None
        uuid = item.data(UUID_ROLE)
        return next((b for b in self.batches if b.uuid == uuid), None)

    def _update_buttons(self) -> None:
        batch = self.selected()
        words = self.whole_words(batch.whole) if batch is not None else ""
        self.whole_label.setText(self.tr("ค่าทั้งไฟล์ของการนำเข้าที่เลือก: %1").replace("%1", words)
                                 if words else "")
        self.whole_label.setVisible(bool(words))
        self.ui.undoButton.setEnabled(batch is not None and batch.undone_at is None)

    def undo_selected(self) -> None:
        from desktop.services.imports import undo_batch

        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return
        text = self.tr("ยกเลิกการนำเข้าไฟล์ %1 (%2 คน) ใช่หรือไม่?\n"
                       "เด็กที่นำเข้ามากับไฟล์นี้จะถูกลบ และกู้คืนได้จากรายชื่อที่ลบแล้ว").replace(
            "%1", batch.file_name).replace("%2", f"{batch.children:,}")
        if batch.edited_since:
            text += "\n\n" + self.tr("คำเตือน: มี %1 คนที่ถูกแก้ไขหลังนำเข้า การแก้ไขนั้นจะถูกลบไปด้วย").replace(
                "%1", f"{batch.edited_since:,}")
        answer = QMessageBox.question(self, self.tr("ยืนยันการยกเลิกการนำเข้า"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        uuid, name = batch.uuid, batch.file_name

        def work(_progress: object) -> int:
            with self.ctx.db.session() as session:
                return undo_batch(session, uuid)

        def done(removed: object) -> None:
            self.refresh()
            self.changed.emit()
            self.status_message.emit(self.tr("ยกเลิกการนำเข้า %1 แล้ว (%2 คน)").replace("%1", name)
                                     .replace("%2", f"{int(removed or 0):,}"), None)

        self.ctx.tasks.run(work, on_done=done, writes=True,
                           on_error=lambda exc, _tb: QMessageBox.warning(self, "Samoe", fault_text(exc, None)),
                           label=self.tr("กำลังยกเลิกการนำเข้า…"))
