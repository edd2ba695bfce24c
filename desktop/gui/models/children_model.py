"""The children list as a row window over SQL.

The model knows the row count and fetches only the pages of rows the view paints
(``LIMIT``/``OFFSET`` in the sort order, a small LRU of pages). Sorting and filtering
happen in SQL, so a million children paint as fast as a hundred.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.identity import format_national_id
from desktop.domain.levels import level_by_code
from desktop.domain.people import full_name
from desktop.gui.models.paging import SqlListModel
from desktop.gui.tasks import TaskRunner
from desktop.services.children_query import (
    ChildFilter,
    ChildRow,
    ChildSort,
    count_children,
    page_children,
    row_of,
)
from desktop.services.institutions import institution_label
from desktop.store.db import Database

Index = QModelIndex | QPersistentModelIndex
# a narrow list shows the prefix as schools write it short (the whole name is the tooltip)
SHORT_PREFIXES = {"เด็กชาย": "ด.ช.", "เด็กหญิง": "ด.ญ.", "นางสาว": "น.ส."}

COLUMNS: tuple[tuple[str, ChildSort], ...] = (
    ("ident", ChildSort.IDENT),
    ("name", ChildSort.NAME),
    ("sex", ChildSort.SEX),
    ("birth", ChildSort.BIRTH_DATE),
    ("age", ChildSort.AGE),  # ascending: youngest first
    ("institution", ChildSort.INSTITUTION),
    ("level", ChildSort.LEVEL),
    ("room", ChildSort.CLASSROOM),  # level, then room
)


def _level_label(code: str) -> str:
    if not code:
        return ""
    try:
        return level_by_code(code).display_label
    except KeyError:
        return code


class ChildrenTableModel(SqlListModel[ChildRow]):
    """Children, filtered, searched and sorted in SQL (see SqlListModel for the loading)."""

    def __init__(self, db: Database, parent: Any = None, *, today: date | None = None,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(db, parent, tasks=tasks)
        self._filter = ChildFilter()
        self._sort = ChildSort.NAME
        self._descending = False
        self._today = today or date.today()
        self._headers = (
            self.tr("เลขประจำตัว"), self.tr("ชื่อ-นามสกุล"), self.tr("เพศ"), self.tr("วันเกิด"),
            self.tr("อายุ"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ห้อง"),
        )
        self._sex = {"M": self.tr("ชาย"), "F": self.tr("หญิง")}
        self.short_prefix = False  # ด.ช./ด.ญ. in the name column (a narrow list)

    # ---- state
    @property
    def filter(self) -> ChildFilter:
        return self._filter

    def set_short_prefix(self, short: bool) -> None:
        """Write the prefix short (ด.ช., ด.ญ.) in the name column, or whole."""
        if short != self.short_prefix:
            self.short_prefix = short
            if self.rowCount():
                column = [k for k, _s in COLUMNS].index("name")
                self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def set_filter(self, flt: ChildFilter, *, force: bool = False) -> None:
        """Show ``flt``; reloads when it changed, or always with ``force`` (fresh data)."""
        if force or flt != self._filter:
            self._filter = flt
            self.reload()

    def query_state(self) -> tuple[ChildFilter, ChildSort, bool]:
        return self._filter, self._sort, self._descending

    def fetch_page(self, session: Session, state: tuple[ChildFilter, ChildSort, bool],
                   offset: int, limit: int) -> list[ChildRow]:
        flt, sort, descending = state
        size = min(limit, self._count - offset)
        after = self._count - offset - size  # the rows after this page
        if not flt.search and size > 0 and after < offset:
            # Nearer the end than the start (a scroll to the end): walk the same order from
            # the other end (every sort's descending is its exact reverse, ties by id), so
            # SQLite steps over the rows after the page instead of all those before it: at
            # 100k, 2 index pages instead of 644 (decrypted one by one on an encrypted file).
            rows = page_children(session, flt, offset=after, limit=size, sort=sort,
                                 descending=not descending)
            return rows[::-1]
        return page_children(session, flt, offset=offset, limit=limit, sort=sort,
                             descending=descending)

    def fetch_count(self, session: Session, state: tuple[ChildFilter, ChildSort, bool]) -> int:
        return count_children(session, state[0])

    # ---- Qt model API
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section]
            return str(section + 1)
        return None

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
            short = self.short_prefix and role == Qt.ItemDataRole.DisplayRole
            prefix = SHORT_PREFIXES.get(row.prefix, row.prefix) if short else row.prefix
            return full_name(prefix, row.first_name, row.last_name)
        if key == "sex":
            return self._sex.get(row.sex, row.sex)
        if key == "birth":
            return format_be(row.birth_date)
        if key == "age":
            years, months = age_on(row.birth_date, self._today)
            return format_age(years, months)
        if key == "institution":
            return institution_label(row.institution, deleted=row.institution_deleted)
        if key == "level":
            return _level_label(row.level_code)
        if key == "room":
            return row.classroom
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self._sort, self._descending):
            return  # e.g. the view setting its initial indicator
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
