"""The children list as a row window over SQL.

The model knows the row count and fetches only the pages of rows the view paints
(``LIMIT``/``OFFSET`` in the sort order, a small LRU of pages). Sorting and filtering
happen in SQL, so a million children paint as fast as a hundred.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.identity import format_national_id
from desktop.domain.levels import level_by_code
from desktop.domain.people import full_name
from desktop.gui.models.paging import PageCache
from desktop.gui.tasks import TaskRunner
from desktop.services.children_query import (
    ChildFilter,
    ChildRow,
    ChildSort,
    count_children,
    page_children,
    row_of,
)
from desktop.store.db import Database, QueryInterrupted, interruptible

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, ChildSort], ...] = (
    ("ident", ChildSort.IDENT),
    ("name", ChildSort.NAME),
    ("sex", ChildSort.SEX),
    ("birth", ChildSort.BIRTH_DATE),
    ("age", ChildSort.BIRTH_DATE),
    ("institution", ChildSort.INSTITUTION),
    ("level", ChildSort.LEVEL),
    ("room", ChildSort.LEVEL),
)


def _level_label(code: str) -> str:
    if not code:
        return ""
    try:
        return level_by_code(code).label
    except KeyError:
        return code


class ChildrenTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 64
    # A list query gets this long on the GUI thread; past it, it moves to a worker and the
    # list says it is searching (a 2-character search scans every row: ~3 s at 1M).
    BUDGET_SECONDS = 0.08

    counted = Signal(int)
    searching = Signal(bool)

    def __init__(self, db: Database, parent: Any = None, *, today: date | None = None,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._generation = 0
        self.busy = False
        self._filter = ChildFilter()
        self._sort = ChildSort.NAME
        self._descending = False
        self._count = 0
        self._pages: PageCache[ChildRow] = PageCache(self.PAGE_SIZE, self.MAX_PAGES)
        self._today = today or date.today()
        self._headers = (
            self.tr("เลขประจำตัว"), self.tr("ชื่อ-นามสกุล"), self.tr("เพศ"), self.tr("วันเกิด"),
            self.tr("อายุ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง"),
        )
        self._sex = {"M": self.tr("ชาย"), "F": self.tr("หญิง")}

    # ---- state
    @property
    def filter(self) -> ChildFilter:
        return self._filter

    def set_filter(self, flt: ChildFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        """The first page here, within the budget; then the count here if it still fits,
        else on a worker while the first page is already shown. A query that cannot give
        even its first page in time moves to a worker whole and the list says so."""
        self._generation += 1
        generation = self._generation
        flt, sort, descending = self._filter, self._sort, self._descending

        def stale() -> bool:
            return generation != self._generation

        def first_page(seconds: float | None) -> list[ChildRow]:
            with self._db.reader() as session, interruptible(session, seconds=seconds, stop=stale):
                return page_children(session, flt, offset=0, limit=self.PAGE_SIZE,
                                     sort=sort, descending=descending)

        def count(seconds: float | None) -> int:
            with self._db.reader() as session, interruptible(session, seconds=seconds, stop=stale):
                return count_children(session, flt)

        if self._tasks is None:  # no worker (scripts, benchmarks of the bare model)
            first = first_page(None)
            self._apply(generation, count(None) if len(first) == self.PAGE_SIZE else len(first), first)
            return
        started = time.monotonic()
        try:
            first = first_page(self.BUDGET_SECONDS)
        except QueryInterrupted:
            self._apply(generation, 0, [], final=False)
            self._set_busy(True)
            self._tasks.run(lambda _p: (count(None), first_page(None)),
                            on_done=lambda found: self._apply(generation, *found),
                            on_error=self._ignore, quiet=True)
            return
        if len(first) < self.PAGE_SIZE:
            self._apply(generation, len(first), first)
            return
        try:
            total = count(max(self.BUDGET_SECONDS - (time.monotonic() - started), 0.005))
        except QueryInterrupted:
            self._apply(generation, len(first), first, final=False)  # paint what we have
            self._set_busy(True)
            self._tasks.run(lambda _p: count(None), on_done=lambda n: self._grow(generation, n),
                            on_error=self._ignore, quiet=True)
            return
        self._apply(generation, total, first)

    @staticmethod
    def _ignore(_exc: BaseException, _tb: str) -> None:
        """A worker's query stopped because a newer one replaced it."""

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.searching.emit(busy)

    def _apply(self, generation: int, count: int, first: list[ChildRow], *, final: bool = True) -> None:
        if generation != self._generation:
            return  # an older query finishing after a newer one started
        self.beginResetModel()
        self._pages.clear(first)
        self._count = count
        self.endResetModel()
        if final:
            self._set_busy(False)
            self.counted.emit(count)

    def _grow(self, generation: int, total: int) -> None:
        """The count arrived after the first page was shown: extend the list to it."""
        if generation != self._generation:
            return
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        self._set_busy(False)
        self.counted.emit(self._count)

    def total(self) -> int:
        return self._count

    # ---- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section]
            return str(section + 1)
        return None

    def row_at(self, row: int) -> ChildRow | None:
        if not 0 <= row < self._count:
            return None
        def fetch(offset: int, limit: int) -> list[ChildRow]:
            with self._db.reader() as session:
                return page_children(session, self._filter, offset=offset, limit=limit,
                                     sort=self._sort, descending=self._descending)

        return self._pages.row(row, fetch)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.uuid
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8a8a8a")) if row.deleted else None
        key = COLUMNS[index.column()][0]
        if key == "ident":
            if row.national_id:
                return format_national_id(row.national_id)
            return row.g_code or self.tr("(ไม่มีเลข)")
        if key == "name":
            return full_name(row.prefix, row.first_name, row.last_name)
        if key == "sex":
            return self._sex.get(row.sex, row.sex)
        if key == "birth":
            return format_be(row.birth_date)
        if key == "age":
            years, months = age_on(row.birth_date, self._today)
            return format_age(years, months)
        if key == "institution":
            return row.institution
        if key == "level":
            return _level_label(row.level_code)
        if key == "room":
            return row.classroom
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self._sort, self._descending):
            return  # e.g. the view setting its initial indicator, or birth date -> age
        self._sort, self._descending = wanted
        self.reload()

    def row_of(self, uuid: str) -> int | None:
        """The row of a child in the current order, without loading pages to find it."""
        with self._db.reader() as session:
            row = row_of(session, self._filter, uuid, sort=self._sort, descending=self._descending)
        if row is not None:
            return row if row < self._count else None
        return self._pages.find(lambda found: found.uuid == uuid)  # other orders: loaded rows

    def uuid_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.uuid if found else None
