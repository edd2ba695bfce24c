"""The households list as a row window over SQL.

Like the children list: the model knows the row count and fetches only the pages of
rows the view paints (``LIMIT``/``OFFSET``, a small LRU of pages). Searching happens
in SQL (``count_households`` / ``page_households``), so the list never loads whole.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from desktop.gui.models.paging import SqlListModel
from desktop.gui.tasks import TaskRunner
from desktop.services.households import (
    HouseholdRow,
    HouseholdSort,
    count_households,
    page_households,
)
from desktop.store.db import Database

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[str, ...] = ("house_no", "village_no", "subdistrict", "address", "children",
                            "guardians")
SORTS: tuple[HouseholdSort, ...] = tuple(HouseholdSort(c) for c in COLUMNS)  # a sort per column
ADDRESS_COLUMN = COLUMNS.index("address")  # the default order
NUMERIC = frozenset({"children", "guardians"})


class HouseholdsTableModel(SqlListModel[HouseholdRow]):
    """Households matching a search, sorted in SQL (see SqlListModel for the loading)."""

    def __init__(self, db: Database, parent: Any = None, *, tasks: TaskRunner | None = None) -> None:
        super().__init__(db, parent, tasks=tasks)
        self._search = ""
        self._sort = HouseholdSort.ADDRESS
        self._descending = False
        self._headers = (
            self.tr("บ้านเลขที่"), self.tr("หมู่"), self.tr("ตำบล"), self.tr("ที่อยู่"),
            self.tr("เด็ก"), self.tr("ผู้ปกครอง"),
        )

    # ---- state
    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Show the households matching ``text`` (house number, village, subdistrict,
        a child's name or ID); reloads only when the text changed."""
        if text != self._search:
            self._search = text
            self.reload()

    def query_state(self) -> tuple[str, HouseholdSort, bool]:
        return self._search, self._sort, self._descending

    def fetch_page(self, session: Session, state: tuple[str, HouseholdSort, bool], offset: int,
                   limit: int) -> list[HouseholdRow]:
        search, sort, descending = state
        return page_households(session, search, offset=offset, limit=limit, sort=sort,
                               descending=descending)

    def fetch_count(self, session: Session, state: tuple[str, HouseholdSort, bool]) -> int:
        return count_households(session, state[0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: sort in SQL (reloads only when the order changed)."""
        wanted = (SORTS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != (self._sort, self._descending):
            self._sort, self._descending = wanted
            self.reload()

    # ---- Qt model API
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section]
            return str(section + 1)
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal \
                and COLUMNS[section] in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.UserRole):
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.uuid
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.address
        if key == "address":
            return row.address
        if key == "children":
            return str(row.children)
        if key == "guardians":
            return str(row.guardians)
        return str(getattr(row, key))

    def uuid_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.uuid if found else None

    def row_of(self, uuid: str, *, limit: int = 2000) -> int:
        """The row of ``uuid`` among the first ``limit`` rows, or -1."""
        for row in range(min(self._count, limit)):
            if self.uuid_at(row) == uuid:
                return row
        return -1
