"""What every list page (children, households, institutions) shares: a filter that is on is
marked and one click clears it, and the keys clerks use on a list.

    self.filters = FilterMark(self, [combo, edit], self.clear_filter, tooltip)
    self.filters.show_state()      # after any filter change (and after restoring one)
    list_keys(self, search_edit, table, open=..., delete=..., print_=...)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QToolButton, QWidget

ACTIVE_COMBO = "QComboBox { background: #fff4d6; font-weight: bold; }"
ACTIVE_EDIT = "QLineEdit { background: #fff4d6; font-weight: bold; }"
CLEAR_BUTTON = "QToolButton { color: #8a4b00; font-weight: bold; }"

FilterControl = QComboBox | QLineEdit


def filter_on(control: FilterControl) -> bool:
    """A combo whose choice is not its "all" item (data None), or a box with text."""
    if isinstance(control, QComboBox):
        return control.currentData() is not None
    return bool(control.text().strip())


class FilterMark(QObject):
    """The filter controls of a page, marked while on, and one "ล้างตัวกรอง ✕" button that
    shows only then (a filter restored at start is on, too) and clears them."""

    def __init__(self, page: QWidget, controls: Sequence[FilterControl],
                 clear: Callable[[], None], tooltip: str) -> None:
        super().__init__(page)
        self.controls = list(controls)
        self.button = QToolButton(page)
        self.button.setObjectName("clearFilterButton")
        self.button.setText(self.tr("ล้างตัวกรอง ✕"))
        self.button.setToolTip(tooltip)
        self.button.setStyleSheet(CLEAR_BUTTON)
        self.button.clicked.connect(clear)
        self.button.hide()

    def is_on(self) -> bool:
        return any(filter_on(c) for c in self.controls)

    def show_state(self) -> bool:
        """Mark each control that filters, show the clear button when any does; whether on."""
        on = False
        for control in self.controls:
            active = filter_on(control)
            on = on or active
            style = (ACTIVE_COMBO if isinstance(control, QComboBox) else ACTIVE_EDIT) if active else ""
            if control.styleSheet() != style:
                control.setStyleSheet(style)
        self.button.setVisible(on)
        return on


class _DownIntoResults(QObject):
    """Down in the search box moves into the results (the first row when none is current)."""

    def __init__(self, search: QLineEdit, table: QTableView) -> None:
        super().__init__(search)
        self.table = table
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down:
            table = self.table
            table.setFocus()
            model = table.model()
            if not table.currentIndex().isValid() and model is not None and model.rowCount():
                table.selectRow(0)
            return True
        return super().eventFilter(watched, event)


def focus_search(search: QLineEdit) -> None:
    search.setFocus()
    search.selectAll()


OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)


def list_keys(page: QWidget, search: QLineEdit, table: QTableView, *,
              open: Callable[[], object] | None = None,  # noqa: A002 - the key's name
              open_keys: Sequence[Qt.Key] = OPEN_KEYS,
              delete: Callable[[], object] | None = None,
              print_: Callable[[], object] | None = None) -> None:
    """The keys of a list page: Ctrl+F searches, Down from the search box goes into the
    results, Tab leaves the table (no cell-by-cell walk), Enter and F2 open the current
    row (a double-click too), Delete deletes it (the page's own action asks first), Ctrl+P
    prints the list. A page whose own action has one of these keys leaves it out here (two
    shortcuts on one key cancel each other)."""
    _DownIntoResults(search, table)
    table.setTabKeyNavigation(False)
    QShortcut(QKeySequence(QKeySequence.StandardKey.Find), page, lambda: focus_search(search))
    if open is not None:
        for key in open_keys:
            QShortcut(QKeySequence(key), table, open, Qt.ShortcutContext.WidgetShortcut)
        table.doubleClicked.connect(lambda _index: open())
    if delete is not None:
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table, delete,
                  Qt.ShortcutContext.WidgetShortcut)
    if print_ is not None:
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), page, print_)
