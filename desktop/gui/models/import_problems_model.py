"""The import's problem list: every problem of the file (row, column, value, message),
searchable, errors only on request, sortable by any column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(QAbstractTableModel):
    """The plan's problems (plain data, already in memory), sorted and filtered here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._shown: list[Any] = []
        self._text = ""
        self._errors_only = False
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._headers = [self.tr("แถว"), self.tr("คอลัมน์"), self.tr("ค่าในไฟล์"), self.tr("ปัญหา"),
                         self.tr("ระดับ")]
        self._levels = {"error": self.tr("ข้อผิดพลาด"), "warning": self.tr("คำเตือน")}

    def set_problems(self, problems: list[Any]) -> None:
        self._all = list(problems)
        self._refilter()

    def set_filter(self, text: str, errors_only: bool) -> None:
        self._text, self._errors_only = text.strip().casefold(), errors_only
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        rows = self._all
        if self._errors_only:
            rows = [p for p in rows if p.severity == "error"]
        if self._text:
            t = self._text
            rows = [p for p in rows
                    if t in f"{p.row} {p.name} {p.column} {p.value} {p.message}".casefold()]
        self._shown = rows
        self._apply_sort()
        self.endResetModel()

    def _key(self, column: int) -> Any:
        return (
            lambda p: (p.row, p.column),
            lambda p: (p.column, p.row),
            lambda p: (p.value, p.row),
            lambda p: (p.message, p.row),
            lambda p: (p.severity, p.row),
        )[column]

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._shown.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:  # the row, and the child's name to find it by
                if not p.row:
                    return self.tr("ทั้งไฟล์")
                return f"{p.row} · {p.name}" if p.name else str(p.row)
            return (None, p.column, p.value, p.message, self._levels.get(p.severity, p.severity))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return p.message  # the whole message where two lines cut it short
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and p.name:
            return p.name
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (3, 4):
            return QBrush(QColor("#b00020" if p.severity == "error" else "#8a5a00"))
        return None
