"""A page past the middle of the children list (a scroll to the end) is read by walking the
same order from its other end, so it reads a page's worth of the index instead of every
entry before it (an OFFSET of 99,800 at 100k children read the whole name index; on an
encrypted file each of those pages is decrypted: bench_cipher.py's scroll figure).
The rows must be exactly the ones the forward walk gives, in every sort and direction."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.gui.context import AppContext
from desktop.gui.models import children_model
from desktop.gui.models.children_model import ChildrenTableModel
from desktop.services.children_query import ChildFilter, ChildSort, page_children


def _walked(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    original = getattr(children_model, "page_children")  # noqa: B009 - the name the model calls

    def spy(session: Any, flt: ChildFilter, **kw: Any) -> Any:
        calls.append(kw)
        return original(session, flt, **kw)

    monkeypatch.setattr(children_model, "page_children", spy)
    return calls


@pytest.mark.parametrize("sort", list(ChildSort))
@pytest.mark.parametrize("descending", [False, True])
def test_far_pages_walk_from_the_end_and_match_the_forward_order(
        ctx: AppContext, monkeypatch: pytest.MonkeyPatch, sort: ChildSort, descending: bool) -> None:
    monkeypatch.setattr(ChildrenTableModel, "PAGE_SIZE", 40)
    model = ChildrenTableModel(ctx.db)
    model._sort, model._descending = sort, descending  # noqa: SLF001 - the state under test
    model.reload()
    n = model.rowCount()
    assert n == 300
    with ctx.db.reader() as s:
        expected = [r.uuid for r in page_children(s, ChildFilter(), offset=0, limit=1000, sort=sort,
                                                  descending=descending)]
    calls = _walked(monkeypatch)
    shown = [model.uuid_at(r) for r in range(n - 1, -1, -1)]  # from the end, as a scroll there
    assert shown[::-1] == expected
    # the pages nearer the end than the start
    far = [c for c in calls if c["descending"] is not descending or n - c["offset"] - c["limit"] < c["offset"]]
    assert len(far) >= 3, calls
    # each page past the middle was read from the other end: a small offset, reversed order
    assert all(c["descending"] is (not descending) and c["offset"] < n // 2 for c in far), far
    # the last page (short: 300 = 7 * 40 + 20) is exactly the rows left
    assert model.uuid_at(n - 1) == expected[-1] and model.uuid_at(280) == expected[280]


def test_a_search_keeps_the_forward_walk(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search's pages (children_search's own paths) are not walked backwards."""
    monkeypatch.setattr(ChildrenTableModel, "PAGE_SIZE", 10)
    model = ChildrenTableModel(ctx.db)
    with ctx.db.reader() as s:
        some = page_children(s, ChildFilter(), offset=0, limit=1, sort=ChildSort.NAME)[0]
    model.set_filter(ChildFilter(search=some.last_name[:2]))
    calls = _walked(monkeypatch)
    for r in range(model.rowCount() - 1, -1, -1):
        model.uuid_at(r)
    assert all(c["descending"] is False for c in calls)
