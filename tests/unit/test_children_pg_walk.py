"""A search's page on PostgreSQL found by walking the list's order (children_pg) is the
page the trigram index's path gives: both name sorts and directions, a later page, with a
year and a municipality; a walk that finds too few hands over. On a throwaway server
(tests/pg_cluster.py) or SAMOE_TEST_PG_URL (wiped!); skipped without, failing under CI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text, update

from desktop.services import children_pg, children_query
from desktop.services.children_query import ChildFilter, ChildSort, page_children
from desktop.services.demo import fill_demo
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Office, new_uuid


@pytest.fixture
def pg_demo(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    fill_demo(db.engine, children=300, seed=3, today=date(2026, 11, 24))
    with db.session() as s:  # a second municipality sent every third child
        other = Office(uuid=new_uuid(), code="6400999", name="เทศบาลทดสอบ",
                       role="municipality", is_local=False)
        s.add(other)
        s.flush()
        ids = s.scalars(select(Child.id).order_by(Child.id)).all()[::3]
        s.execute(update(Child).where(Child.id.in_(ids)).values(origin_office_id=other.id))
    yield db
    db.dispose()


def _pages(db: Database, flts: list[ChildFilter]) -> list[Any]:
    out = []
    for flt in flts:
        for sort in (ChildSort.NAME, ChildSort.LAST_NAME):
            for descending in (False, True):
                for offset, limit in ((0, 5), (3, 4)):
                    with db.reader() as s:
                        out.append([r.id for r in page_children(
                            s, flt, offset=offset, limit=limit, sort=sort,
                            descending=descending)])
    return out


def test_the_walked_pages_are_the_index_pages(pg_demo: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with pg_demo.reader() as s:
        year = s.scalars(select(AcademicYear.year_be)).first()
        office = s.scalar(select(Office.id).where(Office.is_local.is_(False)))
    flts = [ChildFilter(search=t, year_be=y, office_id=o)
            for t in ("ชัย", "ศรี", "สุข", "ทอง", "วงศ์", "ประเสริฐ", "ชัย ศรี")
            for y, o in ((None, None), (year, None), (None, office))]
    monkeypatch.setattr(children_pg, "WALK", 60)  # 300 children: some walks find too few
    found: list[bool] = []
    real = children_pg.walked_page

    def spy(*a: Any, **k: Any) -> Any:
        got = real(*a, **k)
        found.append(got is not None)
        return got

    monkeypatch.setattr(children_query, "walked_page", spy)
    walked = _pages(pg_demo, flts)
    assert any(found) and not all(found)  # some walked, some handed over
    monkeypatch.setattr(children_query, "walked_page", lambda *_a, **_k: None)
    assert _pages(pg_demo, flts) == walked
    assert sum(bool(p) for p in walked) > 100


def test_a_municipality_search_on_postgresql(pg_demo: Database) -> None:
    """Inside one municipality the search tests its rows (not the trigram index): the
    unfiltered list's matches of that office, in order, and their count."""
    from desktop.services.children_query import count_children

    with pg_demo.reader() as s:
        office = s.scalar(select(Office.id).where(Office.is_local.is_(False)))
        theirs = set(s.scalars(select(Child.id).where(Child.origin_office_id == office)))
    for term in ("ชัย", "ศรี", "วงศ์", "ชัย ศรี", "zz"):
        for sort in (ChildSort.NAME, ChildSort.LAST_NAME):
            with pg_demo.reader() as s:
                whole = [r.id for r in page_children(s, ChildFilter(search=term), offset=0,
                                                     limit=10**6, sort=sort)]
                flt = ChildFilter(search=term, office_id=office)
                got = [r.id for r in page_children(s, flt, offset=0, limit=5, sort=sort)]
                kept = [i for i in whole if i in theirs]
                assert got == kept[:5], (term, sort)
                assert count_children(s, flt) == len(kept), (term, sort)


def test_a_municipality_first_page_counts_for_its_transaction_only(pg_demo: Database) -> None:
    """A first page of a term inside one municipality counts its matches as it reads them
    (children_offices.office_term_page); count_children takes that count in the same
    transaction only, and only for the same term, municipality and bin."""
    from dataclasses import replace

    from desktop.services import children_offices
    from desktop.services.children_query import count_children

    with pg_demo.reader() as s:
        office = s.scalar(select(Office.id).where(Office.is_local.is_(False)))
        plain = count_children(s, ChildFilter(search="ชัย", office_id=office))
        other = count_children(s, ChildFilter(search="ศรี", office_id=office))
        binned = count_children(s, ChildFilter(search="ชัย", office_id=office, deleted=True))
    assert plain > 1 and other > 0
    with pg_demo.session() as s:
        flt = ChildFilter(search="ชัย", office_id=office)
        first = page_children(s, flt, offset=0, limit=2)[0].id
        key = children_query._office_count_key(flt, "ชัย")
        assert children_offices.office_term_count(s, key) == plain
        assert count_children(s, flt) == plain
        assert count_children(s, ChildFilter(search="ศรี", office_id=office)) == other
        assert count_children(s, replace(flt, deleted=True)) == binned
        page_children(s, flt, offset=1, limit=2)  # a later page counts nothing new
        assert count_children(s, flt) == plain
        local = s.scalar(select(Office.id).where(Office.is_local.is_(True)))
    assert children_offices.office_term_count(s, key) is None  # its transaction ended
    with pg_demo.session() as w:  # one of its children was another office's
        w.execute(update(Child).where(Child.id == first).values(origin_office_id=local))
    with pg_demo.reader() as s:
        page_children(s, flt, offset=0, limit=2)
        assert count_children(s, flt) == plain - 1
