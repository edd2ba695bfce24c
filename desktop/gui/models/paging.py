"""The row window behind every big list: pages of rows fetched from SQL on demand, the
most recently used kept (an LRU), nothing else held."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal
from sqlalchemy.orm import Session

from desktop.gui.tasks import TaskRunner
from desktop.store.db import Database, QueryInterrupted, interruptible

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class PageCache(Generic[T]):
    def __init__(self, page_size: int = 200, max_pages: int = 64) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        self._pages: OrderedDict[int, list[T]] = OrderedDict()

    def clear(self, first: list[T] | None = None) -> None:
        """Forget every page; keep ``first`` as page 0 when it was fetched already."""
        self._pages.clear()
        if first:
            self._pages[0] = first

    def row(self, row: int, fetch: Callable[[int, int], list[T]]) -> T | None:
        """The row at ``row``; ``fetch(offset, limit)`` reads its page when not cached."""
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            page = fetch(number * self.page_size, self.page_size)
            self._pages[number] = page
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return page[offset] if offset < len(page) else None

    def find(self, matches: Callable[[T], bool]) -> int | None:
        """The row number of the first cached row that ``matches`` (None if not loaded)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if matches(item):
                    return number * self.page_size + offset
        return None


class SqlListModel(QAbstractTableModel, Generic[T]):
    """A table model over a SQL list that is never loaded whole.

    Subclasses say how to read one page and how to count, for a snapshot of their query
    state (filter, sort). ``reload()`` reads the first page on the GUI thread within
    ``BUDGET_SECONDS``, then the count if it still fits; otherwise the count, or the whole
    query, moves to a quiet worker while the list shows what it has and says it is busy.
    A newer reload interrupts an older query still running.
    """

    PAGE_SIZE = 200
    MAX_PAGES = 64
    BUDGET_SECONDS = 0.08

    counted = Signal(int)
    searching = Signal(bool)

    def __init__(self, db: Database, parent: Any = None, *, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._generation = 0
        self._count = 0
        self.busy = False
        self._pages: PageCache[T] = PageCache(self.PAGE_SIZE, self.MAX_PAGES)

    # ---- for subclasses
    def query_state(self) -> object:
        """An immutable snapshot of what the list shows (filter, sort)."""
        raise NotImplementedError

    def fetch_page(self, session: Session, state: Any, offset: int, limit: int) -> list[T]:
        raise NotImplementedError

    def fetch_count(self, session: Session, state: Any) -> int:
        raise NotImplementedError

    # ---- loading
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        state = self.query_state()

        def stale() -> bool:
            return generation != self._generation

        def first_page(seconds: float | None) -> list[T]:
            with self._db.reader() as session, interruptible(session, seconds=seconds, stop=stale):
                return self.fetch_page(session, state, 0, self.PAGE_SIZE)

        def count(seconds: float | None) -> int:
            with self._db.reader() as session, interruptible(session, seconds=seconds, stop=stale):
                return self.fetch_count(session, state)

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

    def _apply(self, generation: int, count: int, first: list[T], *, final: bool = True) -> None:
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

    # ---- rows
    def total(self) -> int:
        return self._count

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_at(self, row: int) -> T | None:
        if not 0 <= row < self._count:
            return None
        state = self.query_state()

        def fetch(offset: int, limit: int) -> list[T]:
            with self._db.reader() as session:
                return self.fetch_page(session, state, offset, limit)

        return self._pages.row(row, fetch)
