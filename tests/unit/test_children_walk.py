"""A common term's first page by walking the name order (children_walk) must be the
trigram path's page: same rows, same order, either name sort, both directions, any
offset; and the table it walks (child_name_text, migration 0009) must follow every write."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from desktop.services import children_search, children_walk
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.services.children_search import page_by_name
from desktop.store.db import Database
from desktop.store.models import Child

SORTS = (ChildSort.NAME, ChildSort.LAST_NAME)


def _terms(db: Database) -> list[str]:
    """The commonest 3- and 4-character pieces of the names and identifiers, a few rare
    ones, one that matches nothing."""
    with db.reader() as s:
        rows = s.execute(select(Child.first_name, Child.last_name, Child.national_id,
                                Child.g_code).where(Child.deleted_at.is_(None))).all()
    pieces: Counter[str] = Counter()
    for r in rows:
        for text_ in (r.first_name, r.last_name, r.national_id or "", r.g_code or ""):
            for n in (3, 4):
                pieces.update({text_[i:i + n] for i in range(len(text_) - n + 1)})
    common = [t for t, _ in pieces.most_common(25)]
    rare = [t for t, k in pieces.items() if k == 1][:5]
    return [*common, *rare, "ฮฮฮ", "123"]


def _page(db: Database, term: str, *, walk: bool | None, last_name_first: bool, descending: bool,
          offset: int, limit: int) -> list[Any]:
    with db.reader() as s:
        rows = page_by_name(s, '"' + term + '"', last_name_first=last_name_first,
                            descending=descending, offset=offset, limit=limit,
                            where=lambda _: [], count=False, term=term, walk=walk)
        return [tuple(r)[:-1] for r in rows]  # all but the count column


def test_the_walk_gives_the_trigram_pages(demo_db: Database) -> None:
    terms = [t for t in _terms(demo_db) if children_walk.walkable(t)]
    assert len(terms) > 20
    seen = 0
    for term in terms:
        for last_name_first in (False, True):
            for descending in (False, True):
                for offset, limit in ((0, 200), (0, 3), (7, 11), (150, 200)):
                    kw = dict(last_name_first=last_name_first, descending=descending,
                              offset=offset, limit=limit)
                    walked = _page(demo_db, term, walk=True, **kw)  # type: ignore[arg-type]
                    sorted_ = _page(demo_db, term, walk=False, **kw)  # type: ignore[arg-type]
                    assert walked == sorted_, (term, kw)
                    seen += bool(walked)
    assert seen > 100


def test_a_term_of_few_matches_is_sorted_from_its_probe(demo_db: Database) -> None:
    """Fewer than PROBE_MATCHES matches: the probe holds all of them, and the page sorted
    from them is the trigram path's, with the count."""
    terms = [t for t in _terms(demo_db) if children_walk.walkable(t)]
    for term in terms:
        with demo_db.reader() as s:
            found = children_walk.walk_page(s, f'"{term}"', term, descending=False, offset=0,
                                            limit=200)
            counted = count_children(s, ChildFilter(search=term))
        assert found is not None and found[1] == counted < children_walk.PROBE_MATCHES
        for last_name_first in (False, True):
            for descending in (False, True):
                for offset, limit in ((0, 200), (0, 3), (7, 11), (150, 200)):
                    kw = dict(last_name_first=last_name_first, descending=descending,
                              offset=offset, limit=limit)
                    probed = _page(demo_db, term, walk=None, **kw)  # type: ignore[arg-type]
                    sorted_ = _page(demo_db, term, walk=False, **kw)  # type: ignore[arg-type]
                    assert probed == sorted_, (term, kw)


def test_a_term_with_a_cased_letter_or_a_space_is_not_walked() -> None:
    assert not children_walk.walkable("Som")
    assert not children_walk.walkable("สม ชาย")
    assert not children_walk.walkable("สม")
    assert children_walk.walkable("ชัย") and children_walk.walkable("0123")


def test_the_walk_pays_for_a_common_term_only() -> None:
    size = 1_000_000
    assert children_walk.walk_pays(200, size, 94_000)  # "ชัย": ~2,100 children to read
    assert children_walk.walk_pays(200, size, 13_000)  # "สมช": ~15,000 of at most 26,000
    assert not children_walk.walk_pays(200, size, 5_000)  # 40,000 to read for 5,000 to sort
    assert not children_walk.walk_pays(2_200, size, 13_000)  # the 11th page: sorted
    assert not children_walk.walk_pays(200, size, 0)
    # the budget: the children that cost about half of what sorting the matches does
    assert children_walk.walk_budget(200, size, 94_000) == 188_000
    assert children_walk.walk_budget(200, size, 13_000) == 26_000


@pytest.mark.parametrize(("budget", "limit"), [(1, 50), (150, 5), (10**9, 50)])
def test_the_list_gives_the_same_page_and_count_whether_it_walks_or_not(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch, budget: int, limit: int) -> None:
    """A budget of one row always runs over (the trigram path answers, knowing the
    count); a huge one always walks (every common term); half the order walks to a bound
    that some first pages of 5 lie before: the list cannot tell."""
    terms = [t for t in _terms(demo_db) if children_walk.walkable(t)][:10]
    expected = {}
    for term in terms:
        for sort in SORTS:
            for descending in (False, True):
                with demo_db.reader() as s:
                    expected[term, sort, descending] = (
                        [r.id for r in page_children(s, ChildFilter(search=term), offset=0,
                                                     limit=limit, sort=sort,
                                                     descending=descending)],
                        count_children(s, ChildFilter(search=term)))
    monkeypatch.setattr(children_walk, "PROBE_MATCHES", 1)  # no term sorted from its probe
    monkeypatch.setattr(children_walk, "starts_far", lambda *_, **__: False)
    monkeypatch.setattr(children_walk, "walk_pays", lambda *_: True)
    monkeypatch.setattr(children_walk, "walk_budget", lambda *_: budget)
    walked = []

    def spy(*args: Any, **kw: Any) -> Any:
        found = children_walk.walk_page(*args, **kw)
        walked.append(found is not None and found[0] is not None)
        return found

    monkeypatch.setattr(children_search, "walk_page", spy)
    for (term, sort, descending), (ids, count) in expected.items():
        flt = ChildFilter(search=term)
        with demo_db.reader() as s:
            got = [r.id for r in page_children(s, flt, offset=0, limit=limit, sort=sort,
                                               descending=descending)]
            assert (got, count_children(s, flt)) == (ids, count), (term, sort, descending)
    assert len(walked) == len(expected)
    if budget == 1:
        assert not any(walked)
    elif budget == 150:  # half of 300 children: some pages before the bound, some past it
        assert any(walked) and not all(walked)
    else:
        assert all(walked)


def test_a_term_far_along_the_order_is_sorted_not_walked_past_the_budget(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk reads no further than a key about its budget of children along the
    order (no callback), then hands over with the count: the page still right."""
    with demo_db.reader() as s:
        last = s.execute(select(Child.first_name).where(Child.deleted_at.is_(None))
                         .order_by(Child.first_name_key.desc()).limit(1)).scalar_one()
    term = last[:3]
    monkeypatch.setattr(children_walk, "PROBE_MATCHES", 1)
    monkeypatch.setattr(children_walk, "starts_far", lambda *_, **__: False)
    monkeypatch.setattr(children_walk, "walk_pays", lambda *_: True)
    monkeypatch.setattr(children_walk, "walk_budget", lambda *_: 5)
    with demo_db.reader() as s:
        found = children_walk.walk_page(s, f'"{term}"', term, descending=False, offset=0,
                                        limit=20)
    assert found is not None and found[0] is None and found[1] > 0
    assert (_page(demo_db, term, walk=True, last_name_first=False, descending=False,
                  offset=0, limit=20)
            == _page(demo_db, term, walk=False, last_name_first=False, descending=False,
                     offset=0, limit=20))


def test_a_term_whose_matches_sit_together_at_the_end_is_seen_far(demo_db: Database) -> None:
    """The probe places the term's earliest probed match among children spread over the
    ids: the last first name of the order is far for an ascending walk, at hand for a
    descending one; its last name sits elsewhere in the last-name order."""
    with demo_db.reader() as s:
        name = s.execute(select(Child.first_name).where(Child.deleted_at.is_(None))
                         .order_by(Child.first_name_key.desc()).limit(1)).scalar_one()
        raw = s.connection().connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        size = int(cursor.execute("SELECT max(id) FROM child_name_order").fetchone()[0])
        matches = int(cursor.execute("SELECT count(*) FROM child_fts WHERE child_fts MATCH ?",
                                     (f'"{name}"',)).fetchone()[0])
        assert 0 < matches < size // 10

        found = cursor.execute(children_walk._PROBE_MATCHES, (f'"{name}"', 200)).fetchall()
        spread = cursor.execute(children_walk._PROBE_ORDER,
                                children_walk._spread_ids(size)).fetchall()

        def far(descending: bool, budget: int) -> bool:
            return children_walk.starts_far(spread, found, size=size, need=1,
                                            matches=matches, budget=budget,
                                            last_name_first=False, descending=descending)

        assert far(False, size // 2) and not far(True, size // 10)
        assert not far(False, size)  # a budget of every child always reaches it


# ------------------------------------------------------------ child_name_text (0009)
def _text_rows(db: Database) -> tuple[list[Any], list[Any]]:
    """child_name_text as stored, and as the live children's rows say it must be."""
    with db.reader() as s:
        stored = [tuple(r) for r in s.execute(text(
            "SELECT first_name_key, last_name_key, id, search FROM child_name_text "
            "ORDER BY first_name_key, last_name_key, id"))]
        wanted = [tuple(r) for r in s.execute(text(
            "SELECT first_name_key, last_name_key, id, first_name || ' ' || last_name || ' ' "
            "|| first_name_en || ' ' || last_name_en || ' ' || coalesce(national_id, '') "
            "|| ' ' || coalesce(g_code, '') FROM child WHERE deleted_at IS NULL "
            "ORDER BY first_name_key, last_name_key, id"))]
    return stored, wanted


def test_the_walked_text_follows_every_write(demo_db: Database) -> None:
    stored, wanted = _text_rows(demo_db)
    assert stored == wanted and len(stored) > 250
    with demo_db.reader() as s:
        ids = list(s.scalars(select(Child.id).where(Child.deleted_at.is_(None))
                             .order_by(Child.id).limit(5)))
    with demo_db.session() as s:
        child = s.get(Child, ids[0])
        assert child is not None
        child.first_name, child.last_name = "ฮุสนา", "ฮะมะ"  # keys and text change
    for id_, values in ((ids[1], {"national_id": "1234567890121"}),  # the text alone
                        (ids[4], {"first_name_en": "Husna"})):
        with demo_db.session() as s:
            s.execute(update(Child).where(Child.id == id_).values(**values))
    with demo_db.session() as s:
        s.execute(update(Child).where(Child.id == ids[2]).values(
            deleted_at=date(2026, 11, 30)))  # soft-deleted: gone from the walk
        for table in ("enrollment", "child_guardian"):  # then gone for good
            s.execute(text(f"DELETE FROM {table} WHERE child_id = :id"), {"id": ids[3]})
        s.execute(delete(Child).where(Child.id == ids[3]))
    stored, wanted = _text_rows(demo_db)
    assert stored == wanted
    assert not any(r[2] in (ids[2], ids[3]) for r in stored)
    assert any(r[2] == ids[0] and r[3].startswith("ฮุสนา ฮะมะ ") for r in stored)
    assert any(r[2] == ids[1] and r[3].endswith(" 1234567890121 ") for r in stored)
    assert any(r[2] == ids[4] and " Husna " in r[3] for r in stored)
    with demo_db.session() as s:
        s.execute(update(Child).where(Child.id == ids[2]).values(deleted_at=None))  # restored
    stored, wanted = _text_rows(demo_db)
    assert stored == wanted and any(r[2] == ids[2] for r in stored)
    with demo_db.reader() as s:  # and the walk finds the renamed child
        got = page_children(s, ChildFilter(search="ฮุสนา"), offset=0, limit=5)
        assert [r.id for r in got] == [ids[0]]


@pytest.mark.slow
def test_a_bulk_load_fills_the_walked_text(db: Database) -> None:
    """A demo of 5000+ children into an empty file drops the child triggers; the copy of
    each chunk into child_name_order carries the text along."""
    from desktop.services.demo import fill_demo

    fill_demo(db.engine, children=5000, seed=2, today=date(2026, 11, 24), chunk_size=2000)
    stored, wanted = _text_rows(db)
    assert len(stored) >= 5000 and stored == wanted
    with db.reader() as s:
        triggers = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert {"child_name_text_ai", "child_name_text_ad", "child_name_text_au"} <= triggers
