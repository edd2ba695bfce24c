"""The rows of a screenings page list as a Qt model (screening_lists.py): thousands of rows
show at once (no widget item per cell), and a header click sorts them by the service's own
key (services/screening_documents.sort_key), so the printout sorts exactly the same."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.screening_documents import ListRow, sort_key

UUID_ROLE = Qt.ItemDataRole.UserRole
LEVEL_COLOURS = {"extreme": "#b00020", "poor": "#8a4b00"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


class ListModel(QAbstractTableModel):
    def __init__(self, headers: list[str], numbers: set[int], level_column: int | None) -> None:
        super().__init__()
        self.headers, self.numbers, self.level_column = headers, numbers, level_column
        self.rows: list[ListRow] = []
        self.texts: list[list[str]] = []
        self._brushes = {k: QBrush(QColor(v)) for k, v in LEVEL_COLOURS.items()}

    def set_rows(self, rows: list[ListRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.texts = [[_text(v) for v in r.cells] for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[row][column]
        if role == UUID_ROLE:
            return self.rows[row].uuid
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numbers:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.level_column:
            return self._brushes.get(self.rows[row].poverty)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        moved = sorted(range(len(self.rows)), key=lambda n: sort_key(self.rows[n].cells[column]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[n] for n in moved]
        self.texts = [self.texts[n] for n in moved]
        place = {old: new for new, old in enumerate(moved)}  # the selection follows its row
        before = self.persistentIndexList()
        self.changePersistentIndexList(before, [self.index(place[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def uuid_at(self, row: int) -> str:
        return self.rows[row].uuid if 0 <= row < len(self.rows) else ""

    def text(self, row: int, column: int) -> str:
        return self.texts[row][column]


def _text(value: object) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else str(value)
