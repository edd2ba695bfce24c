"""ประวัติ: who changed and who opened a child's record, and when (the audit log's entries
about the child, its guardians, enrolments and household moves), newest first.

The table is a model over SQL pages (``services.audit_log.page_entries``): a child opened
ten thousand times lists its first page at once and fetches more as the clerk scrolls.
Sorting by a column and the search box query again. ``attach`` is the child form's one
hook: it notes the opening (a setting, on by default) and adds the history button.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.widgets.screen import fit_to_screen

log = logging.getLogger(__name__)
PAGE = 100
SORT_KEYS = ("at", "actor", "action", "")  # the details column does not sort
Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """The child's entries, a page at a time."""

    def __init__(self, ctx: AppContext, subject_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.subject_uuid = ctx, subject_uuid
        self.search = ""
        self.sort_key, self.descending = "at", True
        self.rows: list[Any] = []
        self.total = 0
        self.error = ""
        self.headers = [self.tr("เมื่อ"), self.tr("ผู้ใช้"), self.tr("รายการ"), self.tr("รายละเอียด")]

    def _query(self) -> Any:
        from desktop.services.audit_log import LogQuery

        return LogQuery(subject_uuid=self.subject_uuid, search=self.search)

    def reload(self) -> None:
        from desktop.services.audit_log import count_entries, page_entries

        self.beginResetModel()
        self.error = ""
        try:
            with self.ctx.db.reader() as session:
                self.total = count_entries(session, self._query())
                self.rows = page_entries(session, self._query(), limit=PAGE, sort=self.sort_key,
                                         descending=self.descending)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a crash
            from desktop.gui.app import fault_text

            self.total, self.rows, self.error = 0, [], fault_text(exc, None)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        from desktop.services.audit_log import page_entries

        if parent.isValid():
            return
        with self.ctx.db.reader() as session:
            more = page_entries(session, self._query(), offset=len(self.rows), limit=PAGE,
                                sort=self.sort_key, descending=self.descending)
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
        e = self.rows[row]
        if column == 0:
            return str(e.when)
        if column == 1:
            return str(e.actor or "-")
        if column == 2:
            return str(e.what)
        return "; ".join(e.changes())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(self.rows[index.row()].changes()) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else ""
        if not key:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()


class ChildHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, subject_uuid: str, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("ประวัติการแก้ไขและการเปิดดู: %1").replace("%1", name) if name
                            else self.tr("ประวัติการแก้ไขและการเปิดดู"))
        self.resize(980, 560)
        self.model = HistoryModel(ctx, subject_uuid, self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("ค้นหา: ผู้ใช้ รายการ หรือข้อความในรายละเอียด"))
        self.search_edit.setClearButtonEnabled(True)
        top.addWidget(self.search_edit, 1)
        self.count_label = QLabel(self)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self.buttons.addButton(self.tr("พิมพ์…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setToolTip(self.tr("พิมพ์ประวัตินี้ (ตามคำค้นหาที่ใส่ไว้) Ctrl+P"))
        self.print_button.clicked.connect(self.print_history)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_history)
        self.subject_uuid, self.name = subject_uuid, name
        from desktop.gui.documents import Documents

        self.documents = Documents(ctx, self, lambda text, _undo: self.count_label.setText(text))
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self.refresh()
        fit_to_screen(self)

    def print_history(self) -> None:
        from desktop.services.audit_report import child_history_pdf

        uuid, name, search = self.subject_uuid, self.name, self.search_edit.text()
        self.documents.report(
            self.tr("ประวัติการแก้ไขและการเปิดดู"), "child-history",
            lambda session, out, options, progress: child_history_pdf(
                session, out, uuid, name, options, progress, search=search),
            detail=name, parent=self, name=self.tr("ประวัติการแก้ไข-%1").replace("%1", name),
            subject_uuid=uuid)  # printing it is an entry of this child's history too

    def refresh(self) -> None:
        self.model.search = self.search_edit.text()
        self.model.reload()
        if self.model.error:
            self.count_label.setText(self.model.error)
        else:
            self.count_label.setText(self.tr("%1 รายการ").replace("%1", f"{self.model.total:,}"))


def note_opening(ctx: AppContext, uuid: str) -> None:
    """The audit entry for opening the child's record (the setting decides); a database
    that cannot take it (read-only, busy) does not keep the record from opening."""
    from desktop.services.audit import record_view

    try:
        record_view(ctx.db, uuid)
    except Exception:  # noqa: BLE001 - opening the record matters more than noting it
        log.warning("could not note the opening of a child's record", exc_info=True)


def attach(form: Any, ctx: AppContext, uuid: str | None) -> None:
    """The child form's hook: note the opening and add the ประวัติ button (saved children)."""
    if not uuid:
        return
    note_opening(ctx, uuid)
    # filed under the dialog's context (a class, as lupdate and PySide need)
    button = form.ui.buttonBox.addButton(QCoreApplication.translate("ChildHistoryDialog", "ประวัติ…"),
                                         QDialogButtonBox.ButtonRole.ActionRole)
    button.setToolTip(QCoreApplication.translate("ChildHistoryDialog",
                                                 "ใครแก้ไขหรือเปิดดูข้อมูลเด็กคนนี้ เมื่อใด"))
    button.setObjectName("historyButton")

    def show() -> None:
        child = form._form.child
        name = f"{child.prefix}{child.first_name} {child.last_name}"
        form.history_dialog = ChildHistoryDialog(ctx, uuid, name, form)
        form.history_dialog.show()

    button.clicked.connect(show)
    form.history_button = button
