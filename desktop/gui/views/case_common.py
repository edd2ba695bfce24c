"""What the case screens share (issue 13): a date typed in the Buddhist Era, a refusal's
text, a small read-only table. Qt only; the rules are the services'."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.dates import format_be, parse_date
from desktop.domain.errors import ValidationFailed
from desktop.gui.widgets.fitted_columns import compact_header, fit_columns


def problem_text(exc: BaseException) -> str:
    """Every problem of a refusal on its own line; anything else as the app says it."""
    if isinstance(exc, ValidationFailed):  # each problem once (a visit and its move may find the same)
        return "\n".join(dict.fromkeys(p.message for p in exc.problems))
    if isinstance(exc, ValueError):  # a date that is not one (DateParseError): Thai already
        return str(exc)
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    from desktop.gui.app import fault_text

    return fault_text(exc, None)


def may_discard(parent: QWidget, typed: bool, title: str, text: str) -> bool:
    """Whether a form closed with Esc (or its window's close) may throw away what was typed:
    yes when nothing was, else the clerk's answer (``title`` and ``text`` translated by the
    form)."""
    if not typed or not parent.isVisible():
        return True
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


def date_edit(parent: QWidget, on: date | None = None) -> QLineEdit:
    """A date typed as the clerk writes it (1 ธ.ค. 2569, 1/12/2569), today's to start."""
    edit = QLineEdit(format_be(on or date.today()), parent)
    edit.setMaximumWidth(140)
    return edit


def date_of(edit: QLineEdit) -> date:
    """The edit's date; ValueError (DateParseError, a Thai message) when it is not one."""
    return parse_date(edit.text(), era="auto")


def fill_table(table: QTableWidget, columns: list[str], rows: list[list[str]],
               fitted: tuple[int, ...] = ()) -> None:
    """The rows, each cell's whole text in its tooltip; the ``fitted`` columns (a date, a
    status, a number: short and bounded) as wide as their content, the others sharing the
    rest and eliding at the right."""
    table.clear()
    table.setColumnCount(len(columns))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(columns)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    fit_columns(table, fitted)


def read_only_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    compact_header(table)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table
