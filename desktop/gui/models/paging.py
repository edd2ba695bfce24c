"""The row window behind every big list: pages of rows fetched from SQL on demand, the
most recently used kept (an LRU), nothing else held."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


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
