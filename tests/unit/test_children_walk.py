"""A common term's first page by walking the name order (children_walk) must be the
trigram path's page: same rows, same order, both directions, any offset."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from desktop.services import children_search, children_walk
from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.services.children_search import page_by_name
from desktop.store.db import Database
from desktop.store.models import Child


def _terms(db: Database) -> list[str]:
    """The commonest 3- and 4-character pieces of the names and identifiers, a few rare
    ones, one that matches nothing."""
    with db.reader() as s:
        rows = s.execute(select(Child.first_name, Child.last_name, Child.national_id,
                                Child.g_code).where(Child.deleted_at.is_(None))).all()
    pieces: Counter[str] = Counter()
    for r in rows:
        for text in (r.first_name, r.last_name, r.national_id or "", r.g_code or ""):
            for n in (3, 4):
                pieces.update({text[i:i + n] for i in range(len(text) - n + 1)})
    common = [t for t, _ in pieces.most_common(25)]
    rare = [t for t, k in pieces.items() if k == 1][:5]
    return [*common, *rare, "ฮฮฮ", "123"]


def _page(db: Database, term: str, *, walk: bool, descending: bool, offset: int,
          limit: int) -> list[Any]:
    with db.reader() as s:
        rows = page_by_name(s, '"' + term + '"', last_name_first=False, descending=descending,
                            offset=offset, limit=limit, where=lambda _: [], count=False,
                            term=term, walk=walk)
        return [tuple(r)[:-1] for r in rows]  # all but the count column


def test_the_walk_gives_the_trigram_pages(demo_db: Database) -> None:
    terms = [t for t in _terms(demo_db) if children_walk.walkable(t)]
    assert len(terms) > 20
    seen = 0
    for term in terms:
        for descending in (False, True):
            for offset, limit in ((0, 200), (0, 3), (7, 11), (150, 200)):
                walked = _page(demo_db, term, walk=True, descending=descending, offset=offset,
                               limit=limit)
                sorted_ = _page(demo_db, term, walk=False, descending=descending,
                                offset=offset, limit=limit)
                assert walked == sorted_, (term, descending, offset, limit)
                seen += bool(walked)
    assert seen > 50


def test_a_term_with_a_cased_letter_or_a_space_is_not_walked() -> None:
    assert not children_walk.walkable("Som")
    assert not children_walk.walkable("สม ชาย")
    assert not children_walk.walkable("สม")
    assert children_walk.walkable("ชัย") and children_walk.walkable("0123")


@pytest.mark.parametrize("rows", [1, 10**9])
def test_the_list_gives_the_same_page_and_count_whether_it_walks_or_not(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    """A budget of one row always runs over (the trigram path answers); a huge one
    always walks (every common term): the list cannot tell."""
    terms = [t for t in _terms(demo_db) if children_walk.walkable(t)][:10]
    expected = {}
    for term in terms:
        for descending in (False, True):
            with demo_db.reader() as s:
                expected[term, descending] = (
                    [r.id for r in page_children(s, ChildFilter(search=term), offset=0,
                                                 limit=50, descending=descending)],
                    count_children(s, ChildFilter(search=term)))
    monkeypatch.setattr(children_walk, "WALK_SHARE_ROWS", 10**9)
    monkeypatch.setattr(children_walk, "WALK_ROWS", rows)
    walked = []

    def spy(*args: Any, **kw: Any) -> Any:
        found = children_walk.walk_page(*args, **kw)
        walked.append(found is not None and found[0] is not None)
        return found

    monkeypatch.setattr(children_search, "walk_page", spy)
    for (term, descending), (ids, count) in expected.items():
        flt = ChildFilter(search=term)
        with demo_db.reader() as s:
            got = [r.id for r in page_children(s, flt, offset=0, limit=50,
                                               descending=descending)]
            assert (got, count_children(s, flt)) == (ids, count), term
    assert len(walked) == len(expected)
    assert all(walked) if rows > 1 else not any(walked)
