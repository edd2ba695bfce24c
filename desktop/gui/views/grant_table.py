"""What the grant rounds' lists share: a read-only table over a list of rows (a model: a
20k-child round's list shows at once, only the rows in view are drawn), sorted by any
column in Python (Thai dictionary order, numbers by value) and kept in the service's
order until a header is clicked; the selection read back by each row's key; a Thai
message for a refused or wrong action (problems beside their fields)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.sort_keys import natural_sort_key
from desktop.services.access import NotPermitted

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LONG_TEXT = 30  # longer cells read in full as a tooltip

Cell = tuple[str, object]  # (text, sort key: None sorts the text in Thai order; a number by value)
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """``rows`` (any objects) shown through ``cells(row)``; ``key(row)`` names a row."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[Cell]], key: Callable[[Any], str], *,
                 right: Sequence[int] = (), colour: Callable[[Any], str | None] | None = None,
                 bold_last: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.cells, self.key, self.right, self.colour, self.bold_last = cells, key, set(right), colour, bold_last
        self.rows: list[Any] = []
        self._cells: dict[int, Sequence[Cell]] = {}
        self._keys: dict[int, dict[int, Any]] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cells, self._keys = {}, {}
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        found = self._cells.get(id(self.rows[row]))
        if found is None:
            found = self._cells[id(self.rows[row])] = self.cells(self.rows[row])
        return found[column]

    def text(self, row: int, column: int) -> str:
        return self.cell(row, column)[0]

    def key_at(self, row: int) -> str:
        return self.key(self.rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(row, column)
            return text if len(text) > LONG_TEXT else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.colour is not None:
            colour = self.colour(self.rows[row])
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self.bold_last and row == len(self.rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self.rows[i.row()], i.column()) for i in old]

        known = self._keys.setdefault(column, {})  # a column's keys once: the next click only reverses

        def sort_key(row: Any) -> Any:
            found = known.get(id(row))
            if found is None:
                cells = self._cells.get(id(row))
                if cells is None:
                    cells = self._cells[id(row)] = self.cells(row)
                text, key = cells[column]
                found = known[id(row)] = (0, natural_sort_key(text)) if key is None else (1, key)
            return found

        self.rows.sort(key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(r): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(where[id(r)], c) for r, c in held])
        self.layoutChanged.emit()


def make_table(parent: QWidget, name: str, model: RowsModel, *, stretch: int = 0, multi: bool = False,
               sortable: bool = True) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    model.setParent(table)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(200)  # widths from the first rows: a long list opens at once
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if sortable:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
        table.setSortingEnabled(True)
    return table


def model_of(table: QTableView) -> RowsModel:
    model = table.model()
    assert isinstance(model, RowsModel)
    return model


def fill(table: QTableView, rows: Sequence[Any], *, widest: int = 320) -> None:
    """Show ``rows``, keeping the selection by key; columns as wide as their text (at most
    ``widest`` px; the stretching one takes the rest)."""
    kept = set(selected_keys(table))
    model = model_of(table)
    model.set_rows(rows)
    header = table.horizontalHeader()
    if header.isSortIndicatorShown() and header.sortIndicatorSection() >= 0:
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    table.resizeColumnsToContents()
    for column in range(model.columnCount()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            table.setColumnWidth(column, min(table.columnWidth(column), widest))
    if kept:
        select_keys(table, kept)


def selected_keys(table: QTableView) -> list[str]:
    model, selection = model_of(table), table.selectionModel()
    if selection is None:
        return []
    return [model.key_at(i.row()) for i in sorted(selection.selectedRows(), key=lambda i: i.row())]


def select_keys(table: QTableView, keys: set[str]) -> None:
    model, selection = model_of(table), table.selectionModel()
    chosen = QItemSelection()
    rows = [n for n in range(model.rowCount()) if model.key_at(n) in keys]
    first = rows[0] if rows else None
    last_column = model.columnCount() - 1
    start = 0
    for i in range(1, len(rows) + 1):  # one range per run of rows (thousands of rows select at once)
        if i == len(rows) or rows[i] != rows[i - 1] + 1:
            chosen.select(model.index(rows[start], 0), model.index(rows[i - 1], last_column))
            start = i
    selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if first is not None:
        selection.setCurrentIndex(model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def cell_text(table: QTableView, row: int, column: int) -> str:
    """The text shown in a cell (tests, screenshots)."""
    return model_of(table).text(row, column)


def problem_text(exc: BaseException) -> str:
    """A service's refusal or its problems, in Thai, for a message box or a status line."""
    if isinstance(exc, NotPermitted):
        return str(exc)
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    return str(exc)


def show_problems(errors: dict[str, QLabel], message: QLabel, problems: Sequence[Problem]) -> None:
    """Each problem in the red line under its field; those of no field in ``message``."""
    for label in errors.values():
        label.hide()
        label.setText("")
    other: list[str] = []
    for p in problems:
        found = errors.get(p.field)
        if found is None:
            other.append(p.message)
        else:
            found.setText(f"{found.text()}\n{p.message}" if found.text() else p.message)
            found.show()
    message.setText("\n".join(other))
    message.setVisible(bool(other))
