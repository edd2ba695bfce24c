"""What the grant rounds' lists share: a read-only table sorted by any column (Thai
dictionary order, numbers by value), each row carrying its key, and the selection read
back by that key; a Thai message box for a refused or wrong action."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.sort_keys import natural_sort_key
from desktop.services.access import NotPermitted

KEY_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Cell = tuple[str, object]  # (text, sort key: None sorts the text in Thai order; an int by value)


class SortItem(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            try:
                return bool(mine < theirs)
            except TypeError:
                return str(mine) < str(theirs)
        return super().__lt__(other)


def make_table(parent: QWidget, name: str, headers: Sequence[str], *, stretch: int = 0,
               multi: bool = False) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
    return table


def fill(table: QTableWidget, rows: Sequence[tuple[str, Sequence[Cell]]], *, right: Sequence[int] = (),
         colours: Sequence[str | None] | None = None, sortable: bool = True) -> None:
    """Each row: its key (a uuid, an id) and its cells; the selection is kept by key.
    ``sortable`` False: the rows stay in the order given (a total last)."""
    kept = set(selected_keys(table))
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for n, (key, cells) in enumerate(rows):
        for column, (text, sort) in enumerate(cells):
            item = SortItem(text)
            item.setData(KEY_ROLE, key)
            item.setData(SORT_ROLE, natural_sort_key(text) if sort is None else sort)
            if len(text) > 30:
                item.setToolTip(text)  # a reason cut short by the column reads in full
            if column in right:
                item.setTextAlignment(RIGHT)
            if colours is not None and colours[n]:
                item.setForeground(QBrush(QColor(str(colours[n]))))
            table.setItem(n, column, item)
    table.setSortingEnabled(sortable)
    if len(rows) < 2000:
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 320))
    if kept:
        select_keys(table, kept)


def selected_keys(table: QTableWidget) -> list[str]:
    rows = sorted({i.row() for i in table.selectedIndexes()})
    out = []
    for n in rows:
        item = table.item(n, 0)
        if item is not None:
            out.append(str(item.data(KEY_ROLE)))
    return out


def select_keys(table: QTableWidget, keys: set[str]) -> None:
    table.clearSelection()
    mode = table.selectionMode()
    table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    first = None
    for n in range(table.rowCount()):
        item = table.item(n, 0)
        if item is not None and str(item.data(KEY_ROLE)) in keys:
            table.selectRow(n)
            first = n if first is None else first
    table.setSelectionMode(mode)
    if first is not None:
        table.setCurrentCell(first, 0, table.selectionModel().SelectionFlag.NoUpdate)


def problem_text(exc: BaseException) -> str:
    """A service's refusal or its problems, in Thai, for a message box or a status line."""
    if isinstance(exc, NotPermitted):
        return str(exc)
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    return str(exc)


def tell(parent: QWidget, exc: BaseException) -> None:
    QMessageBox.warning(parent, "Samoe", problem_text(exc))


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
