"""A long term's matches found through its rarest trigrams (store/search_rare.py, then
services/children_rare.py): exactly the trigram index's matches of the whole term, and
the list's pages and counts the same with and without it, with and without a year,
school or level filter."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update
from test_search_heads import _pages  # each filter's first 5 and count, in the four orders

from desktop.services import children_query, children_rare, children_search, children_walk
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.store import search_heads, search_rare
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment

MIN, SIZE = 12, 9  # small heads: most trigrams of the demo's names are "common"


def _raw(s: Any) -> Any:
    raw = s.connection().connection.driver_connection
    assert raw is not None
    return raw


def _rebuild(db: Database) -> int:
    with db.session() as s:
        return search_heads.rebuild(_raw(s), min_matches=MIN, size=SIZE)


def _long_terms(db: Database) -> list[str]:
    """Whole names, names run together as typed (a first name's end and a last name's
    start), their pieces of 4-7 letters, and a few English and ID pieces."""
    with db.reader() as s:
        rows = s.execute(select(Child.first_name, Child.last_name, Child.last_name_en,
                                Child.national_id).where(Child.deleted_at.is_(None))
                         .order_by(Child.id).limit(60)).all()
    terms: list[str] = []
    for r in rows:
        terms += [r.first_name, r.last_name, r.last_name[:5], r.first_name[1:6],
                  r.last_name[-4:] + "x"]
        if r.last_name_en:
            terms.append(r.last_name_en[:5].upper())  # a letter with a case: lower() needed
        if r.national_id:
            terms.append(r.national_id[3:9])
    return [t for t in dict.fromkeys(terms) if len(t) > 3]


def _index_matches(db: Database, term: str) -> set[int]:
    with db.reader() as s:
        return {int(r[0]) for r in _raw(s).execute(
            "SELECT rowid FROM child_fts WHERE child_fts MATCH ?", (f'"{term}"',))}


def _rare(db: Database, term: str) -> list[int] | None:
    """Every match through the rare trigrams, in the first-name order (None: not rare)."""
    with db.reader() as s:
        found = children_rare.rare_page(s, _raw(s), term, lambda _: [], last_name_first=False,
                                        descending=False, need=10**6)
    if found is None:
        return None
    assert found[1] == len(found[0])
    return found[0]


def test_the_rare_matches_are_the_index_matches_of_the_whole_term(demo_db: Database) -> None:
    assert _rebuild(demo_db) > 10
    answered = 0
    for term in _long_terms(demo_db):
        with demo_db.reader() as s:
            candidates = search_rare.rare_candidates(_raw(s), term)
        ids = _rare(demo_db, term)
        if ids is None:
            assert candidates is None
            continue
        answered += 1
        matches = _index_matches(demo_db, term)
        assert set(candidates or []) >= matches, term  # the candidates hold every match
        assert len(ids) == len(set(ids)), term
        assert set(ids) == matches, term
    assert answered > 50


def test_no_heads_no_rare_path(demo_db: Database) -> None:
    """A file whose heads were never chosen knows no trigram to be common: the search goes
    its usual way (an office's registry)."""
    with demo_db.reader() as s:
        assert search_rare.rarest_trigrams(_raw(s), _long_terms(demo_db)[0]) == []
    _rebuild(demo_db)
    with demo_db.reader() as s:
        raw = _raw(s)
        assert search_rare.rarest_trigrams(raw, "กขค") == []  # one trigram: the index is cheap
        assert search_rare.rarest_trigrams(raw, "กข คง") == []  # two parts
        assert search_rare.rarest_trigrams(raw, "0123456") == []  # digits alone


def test_an_english_name_in_capitals_is_found(demo_db: Database) -> None:
    with demo_db.session() as s:
        child_id = s.scalars(select(Child.id).where(Child.deleted_at.is_(None))).first()
        s.execute(update(Child).where(Child.id == child_id).values(last_name_en="Zyxwvutsr"))
    _rebuild(demo_db)
    for term in ("ZYXWV", "xwvut", "Wvuts"):
        assert _rare(demo_db, term) == [child_id], term


def _filters(db: Database) -> list[ChildFilter]:
    with db.reader() as s:
        year = s.execute(select(AcademicYear.year_be)).scalars().first()
        school, level = s.execute(select(Enrollment.institution_id, Enrollment.level_code)
                                  .where(Enrollment.deleted_at.is_(None))).first()  # type: ignore[misc]
    terms = _long_terms(db)[:14]
    return [ChildFilter(search=t, year_be=y, institution_id=i, level_code=lv)
            for t in terms
            for y, i, lv in ((None, None, None), (year, None, None), (year, school, None),
                             (None, None, level))]


def test_the_list_gives_the_same_pages_and_counts_through_the_rare_trigrams(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    flts = _filters(demo_db)
    assert _rebuild(demo_db) > 10
    answered: list[bool] = []
    real = children_rare.rare_page

    def spy(*args: Any, **kw: Any) -> Any:
        found = real(*args, **kw)
        answered.append(found is not None)
        return found

    for module in (children_search, children_walk):
        monkeypatch.setattr(module, "rare_page", spy)
    through_rare = _pages(demo_db, flts)
    assert sum(answered) > 20
    for module in (children_search, children_walk):
        monkeypatch.setattr(module, "rare_page", lambda *_a, **_k: None)
    monkeypatch.setattr(children_query, "rare_count", lambda *_a, **_k: None)
    assert _pages(demo_db, flts) == through_rare


def test_a_count_remembered_inside_one_filter_is_not_given_for_another(
        demo_db: Database) -> None:
    """A first page counts its matches inside its filter: the count asked next for the
    same term with another filter (or none) on the same connection is that filter's."""
    assert _rebuild(demo_db) > 10
    flts = _filters(demo_db)[:4]  # one term: none, a year, a year and school, a level
    fresh = []
    for flt in flts:
        with demo_db.reader() as s:
            fresh.append(count_children(s, flt))
    assert len(set(fresh)) > 1
    for first in flts:
        with demo_db.reader() as s:
            page_children(s, first, offset=0, limit=5, sort=ChildSort.NAME)
            assert [count_children(s, flt) for flt in flts] == fresh


def test_a_page_read_from_a_head_is_counted_through_the_rare_trigrams(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's count after a page that a head answered (not counted on the way) is the
    rare trigrams' exact count, inside the filter, on any connection."""
    flts = _filters(demo_db)
    assert _rebuild(demo_db) > 10
    counted: list[int | None] = []
    real = children_rare.rare_count

    def spy(*args: Any, **kw: Any) -> Any:
        counted.append(real(*args, **kw))
        return counted[-1]

    monkeypatch.setattr(children_query, "rare_count", spy)
    with_rare = []
    for flt in flts:
        with demo_db.reader() as s:
            with_rare.append(count_children(s, flt))
    assert sum(c is not None for c in counted) > 20
    monkeypatch.setattr(children_query, "rare_count", lambda *_a, **_k: None)
    for flt, expected in zip(flts, with_rare, strict=True):
        with demo_db.reader() as s:
            assert count_children(s, flt) == expected, flt
