"""The province's consolidated registry: the children list filtered to one municipality
(``ChildFilter.office_id``: the office a child's row came from) gives, on every path, the
pages and counts of a plain Python filter of the same list without it: the plain page in
every sort, a term through the trigram index (sorted by its matches, or walked, or from a
search head, or from a long term's rare trigrams), a short term, a year, a school, the
bin."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from desktop.services import children_query, children_search
from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.store import search_heads
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child, Enrollment, Office, new_uuid, utcnow

MIN, SIZE = 12, 60  # heads big enough that a municipality's share fills a page


def _raw(s: Any) -> Any:
    raw = s.connection().connection.driver_connection
    assert raw is not None
    return raw


def _spread(db: Database) -> list[int]:
    """Two more municipalities; the children spread over the three by id; a few deleted.
    The offices' ids."""
    with db.session() as s:
        local = s.scalar(select(Office.id).where(Office.is_local.is_(True)))
        assert local is not None
        others = []
        for n in (1, 2):
            office = Office(uuid=new_uuid(), code=f"64001{n:02d}", name=f"เทศบาลทดสอบ {n}",
                            role="municipality", is_local=False)
            s.add(office)
            s.flush()
            others.append(office.id)
        offices = [local, *others]
        ids = s.scalars(select(Child.id).order_by(Child.id)).all()
        for i, child_id in enumerate(ids):
            s.execute(update(Child).where(Child.id == child_id)
                      .values(origin_office_id=offices[(i * 7 // 5) % 3],
                              deleted_at=utcnow() if i % 23 == 0 else None))
    with db.session() as s:
        search_heads.rebuild(_raw(s), min_matches=MIN, size=SIZE)
    return offices


def _office_of(db: Database) -> dict[int, int]:
    with db.reader() as s:
        return {int(i): int(o) for i, o in s.execute(select(Child.id, Child.origin_office_id))}


def _terms(db: Database) -> list[str]:
    """Common trigrams, a short term, whole names and their pieces (the rare path)."""
    with db.reader() as s:
        names = s.execute(select(Child.first_name, Child.last_name)
                          .where(Child.deleted_at.is_(None)).order_by(Child.id).limit(6)).all()
    long = [t for n in names for t in (n.first_name, n.last_name[:5]) if len(t) > 3]
    return ["ชัย", "ศรี", "ทอง", "สม", *long]


def _check(db: Database, flts: list[ChildFilter], office: int,
           sorts: tuple[ChildSort, ...] = (ChildSort.NAME, ChildSort.LAST_NAME)) -> int:
    """Each filter with ``office`` pages and counts as the filter without it, filtered in
    Python; the number of non-empty pages compared."""
    office_of = _office_of(db)
    compared = 0
    for flt in flts:
        for sort in sorts:
            for descending in (False, True):
                with db.reader() as s:
                    whole = [r.id for r in page_children(s, flt, offset=0, limit=10**6,
                                                         sort=sort, descending=descending)]
                kept = [i for i in whole if office_of[i] == office]
                with db.reader() as s:  # a fresh connection: the page first, then the count
                    got = [r.id for r in page_children(
                        s, ChildFilter(**{**flt.__dict__, "office_id": office}),
                        offset=0, limit=5, sort=sort, descending=descending)]
                    counted = count_children(s, ChildFilter(**{**flt.__dict__,
                                                               "office_id": office}))
                assert got == kept[:5], (flt, sort, descending)
                assert counted == len(kept), (flt, sort, descending)
                with db.reader() as s:  # the count alone, and a later page
                    assert count_children(s, ChildFilter(**{**flt.__dict__,
                                                            "office_id": office})) == len(kept)
                    later = [r.id for r in page_children(
                        s, ChildFilter(**{**flt.__dict__, "office_id": office}),
                        offset=3, limit=4, sort=sort, descending=descending)]
                assert later == kept[3:7], (flt, sort, descending)
                compared += bool(kept)
    return compared


@pytest.fixture
def spread_db(demo_db: Database) -> tuple[Database, list[int]]:
    return demo_db, _spread(demo_db)


def test_plain_pages_in_every_sort(spread_db: tuple[Database, list[int]]) -> None:
    db, offices = spread_db
    with db.reader() as s:
        year = s.scalars(select(AcademicYear.year_be)).first()
        school = s.scalars(select(Enrollment.institution_id)).first()
    flts = [ChildFilter(), ChildFilter(year_be=year), ChildFilter(institution_id=school),
            ChildFilter(deleted=True)]
    for office in offices:
        assert _check(db, flts, office, sorts=tuple(ChildSort)) > 30


def _search_filters(db: Database) -> list[ChildFilter]:
    with db.reader() as s:
        year = s.scalars(select(AcademicYear.year_be)).first()
    return [ChildFilter(search=t, year_be=y, deleted=d) for t in _terms(db)
            for y, d in ((None, False), (year, False), (None, True))]


def test_searches_inside_a_municipality(spread_db: tuple[Database, list[int]],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite tests a municipality's rows for a term of common pieces (parts_clause) as the
    trigram index would match it, and takes a rarer term through the index: the same pages
    and counts either way, with a year, in the bin; terms in English capitals, of two
    parts, with a short part."""
    db, offices = spread_db
    ways: list[bool] = []
    real = children_query.by_rows

    def spy(*a: Any) -> bool:
        ways.append(real(*a))
        return ways[-1]

    monkeypatch.setattr(children_query, "by_rows", spy)
    with db.session() as s:
        s.execute(update(Child).where(Child.id.in_([5, 6, 7])).values(last_name_en="Srisuk"))
    flts = [*_search_filters(db), ChildFilter(search="SRISUK"), ChildFilter(search="isu"),
            ChildFilter(search="ชัย ศรี"), ChildFilter(search="ชัย ศ"), ChildFilter(search="ชั ศร")]
    assert sum(_check(db, flts, office) for office in offices) > 60
    assert any(ways) and not all(ways)  # both ways taken


def test_every_indexed_path_honours_the_office(spread_db: tuple[Database, list[int]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the trigram index instead (sorted, from a head, from the rare trigrams, the
    other sorts' join), each path seen to answer, the office still kept."""
    db, offices = spread_db
    monkeypatch.setattr(children_query, "_indexed", lambda _s, flt, _t: not flt.deleted)
    monkeypatch.setattr(children_query, "_by_rows", lambda *_a: False)
    answered: dict[str, int] = {"head": 0, "rare": 0}
    for name, attr in (("head", "_filtered_head_page"), ("rare", "_filtered_rare_page")):
        real = getattr(children_search, attr)

        def spy(*a: Any, _real: Any = real, _name: str = name, **k: Any) -> Any:
            found = _real(*a, **k)
            answered[_name] += found is not None
            return found

        monkeypatch.setattr(children_search, attr, spy)
    flts = _search_filters(db)
    compared = sum(_check(db, flts, office) for office in offices)
    assert compared > 60
    assert answered["head"] > 0 and answered["rare"] > 0, answered
    with db.reader() as s:
        year = s.scalars(select(AcademicYear.year_be)).first()
    # the other sorts of a search: the trigram index joined to the rows
    assert _check(db, [ChildFilter(search="ชัย"), ChildFilter(search="ศรี", year_be=year)],
                  offices[1], sorts=(ChildSort.BIRTH_DATE, ChildSort.INSTITUTION)) > 0


def test_an_office_with_no_children_shows_none(spread_db: tuple[Database, list[int]]) -> None:
    db, offices = spread_db
    with db.reader() as s:
        for flt in (ChildFilter(office_id=max(offices) + 1),
                    ChildFilter(office_id=max(offices) + 1, search="ชัย")):
            assert page_children(s, flt, offset=0, limit=5) == []
            assert count_children(s, flt) == 0


def test_the_printed_list_names_the_municipality(spread_db: tuple[Database, list[int]]) -> None:
    from desktop.services.reports import _filter_subtitle

    db, offices = spread_db
    with db.reader() as s:
        assert _filter_subtitle(s, ChildFilter(office_id=offices[1]), 5).startswith(
            "เทศบาลทดสอบ 1 · ")
        assert "เทศบาล" not in _filter_subtitle(s, ChildFilter(), 5)
