"""The first children of each common trigram (search_heads, migration 0010): a head always
holds every live child containing its trigram on the near side of its boundary, whatever
writes the file (the ORM, the bin, the demo loader, an import, a rename, a new national
ID), and a term's page read from a head is the trigram path's page."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from desktop.services.children_query import ChildFilter, ChildSort, count_children, page_children
from desktop.services.children_search import page_by_name
from desktop.services.demo import fill_demo
from desktop.store import search_heads
from desktop.store.db import Database
from desktop.store.models import Child, utcnow

MIN, SIZE = 12, 9  # small heads: the boundaries and the fallbacks are reached


def _raw(s: Any) -> Any:
    raw = s.connection().connection.driver_connection
    assert raw is not None
    return raw


def _rebuild(db: Database, **kw: int) -> int:
    with db.session() as s:
        return search_heads.rebuild(_raw(s), **{"min_matches": MIN, "size": SIZE, **kw})


def _key(row: Any, way: int) -> tuple[Any, ...]:
    first, last, id_ = row
    return (first, last, id_) if way < 2 else (last, first, id_)


def assert_heads_whole(db: Database) -> int:
    """Each head is exactly the live children containing its trigram (the trigram index's
    matches) on the near side of its boundary. The number of heads."""
    with db.reader() as s:
        raw = _raw(s)
        terms = raw.execute("SELECT piece, way, k1, k2, id FROM search_head_term").fetchall()
        assert raw.execute("SELECT count(*) FROM search_head_pause").fetchone() == (0,)
        for tri, way, k1, k2, bid in terms:
            matches = raw.execute(
                "SELECT o.first_name_key, o.last_name_key, o.id FROM child_fts "
                "JOIN child_name_order o ON o.id = child_fts.rowid WHERE child_fts MATCH ?",
                (f'"{tri}"',)).fetchall()
            bound = (k1, k2, bid)
            near = sorted(_key(r, way) for r in matches
                          if (_key(r, way) >= bound if way % 2 else _key(r, way) <= bound))
            held = [tuple(r) for r in raw.execute(
                "SELECT k1, k2, id FROM search_head WHERE piece = ? AND way = ? "
                "ORDER BY k1, k2, id", (tri, way))]
            assert held == near, (tri, way)
        stray = raw.execute("SELECT count(*) FROM search_head h WHERE NOT EXISTS (SELECT 1 "
                            "FROM search_head_term t WHERE t.piece = h.piece AND t.way = h.way)")
        assert stray.fetchone() == (0,)
        # each piece's count (0013) is the trigram index's count of it
        counted = dict(raw.execute("SELECT piece, docs FROM search_head_count").fetchall())
        assert set(counted) == {t[0] for t in terms}
        for piece, docs in counted.items():
            index = raw.execute("SELECT count(*) FROM child_fts WHERE child_fts MATCH ?",
                                (f'"{piece}"',)).fetchone()[0]
            assert docs == index, piece
    return len(terms)


def _common_terms(db: Database) -> list[str]:
    with db.reader() as s:
        rows = s.execute(select(Child.first_name, Child.last_name)
                         .where(Child.deleted_at.is_(None))).all()
    pieces: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for r in rows:
        for text_ in (r.first_name, r.last_name):
            names[text_] += 1
            for n in (3, 4, 6):
                pieces.update({text_[i:i + n] for i in range(len(text_) - n + 1)})
    return [t for t, _ in pieces.most_common(40) + names.most_common(20)]


def _sorted_page(db: Database, term: str, *, last_name_first: bool, descending: bool,
                 limit: int) -> list[int]:
    with db.reader() as s:
        rows = page_by_name(s, f'"{term}"', last_name_first=last_name_first,
                            descending=descending, offset=0, limit=limit,
                            where=lambda _: [], count=False, term=term, walk=False)
        return [r.id for r in rows]


@pytest.mark.parametrize("min_matches", [MIN, 3])  # 3: names get heads too
def test_a_head_page_is_the_trigram_paths_page(demo_db: Database, min_matches: int) -> None:
    assert _rebuild(demo_db, min_matches=min_matches) > 10
    answered = 0
    for term in _common_terms(demo_db):
        for last_name_first in (False, True):
            for descending in (False, True):
                for need in (1, 5, SIZE):
                    with demo_db.reader() as s:
                        got = search_heads.head_page(_raw(s), term, need=need,
                                                     last_name_first=last_name_first,
                                                     descending=descending)
                    if got is None:
                        continue
                    answered += 1
                    assert got == _sorted_page(demo_db, term, last_name_first=last_name_first,
                                               descending=descending, limit=need), term
    assert answered > 100
    # more than a head holds: the search goes its usual way
    with demo_db.reader() as s:
        term = _common_terms(demo_db)[0]
        assert search_heads.head_page(_raw(s), term, need=10_000, last_name_first=False,
                                      descending=False) is None


def _pages(db: Database, flts: list[ChildFilter]) -> list[Any]:
    """The list's first 5 and count of each filter, in both name sorts and directions."""
    out = []
    for flt in flts:
        for sort in (ChildSort.NAME, ChildSort.LAST_NAME):
            for descending in (False, True):
                with db.reader() as s:
                    out.append(([r.id for r in page_children(
                        s, flt, offset=0, limit=5, sort=sort, descending=descending)],
                        count_children(s, flt)))
    return out


def test_the_list_gives_the_same_pages_and_counts_with_heads(demo_db: Database) -> None:
    terms = _common_terms(demo_db)[:12]
    flts = [ChildFilter(search=t) for t in terms]

    before = _pages(demo_db, flts)
    assert _rebuild(demo_db) > 0
    assert _pages(demo_db, flts) == before


@pytest.mark.parametrize("longest", [False, True], ids=["trigram", "name"])
def test_every_write_keeps_each_head_whole(demo_db: Database, longest: bool) -> None:
    assert _rebuild(demo_db, min_matches=3 if longest else MIN) > 10  # names of 3 children
    assert_heads_whole(demo_db)
    with demo_db.reader() as s:
        tri = _raw(s).execute("SELECT piece FROM search_head_term WHERE way = 0 ORDER BY "
                              f"length(piece){' DESC' if longest else ''}, piece "
                              "LIMIT 1").fetchone()[0]
        some = s.execute(select(Child.id).where(Child.deleted_at.is_(None))
                         .order_by(Child.id)).scalars().all()
        office = s.execute(select(Child.origin_office_id).limit(1)).scalar_one()
    assert (len(tri) > 3) is longest
    # a new child at the very start of the order, containing a head's trigram
    with demo_db.session() as s:
        s.add(Child(prefix="ด.ช.", first_name="กกก" + tri, last_name="กข" + tri, sex="M",
                    birth_date=date(2018, 5, 1), id_type="none",
                    origin_office_id=office))
    assert_heads_whole(demo_db)
    with demo_db.session() as s:  # renames (the form's: keys follow), across the boundaries
        for id_, field, value in ((some[0], "first_name", "กก" + tri),
                                  (some[1], "first_name", "ฮฮฮ"),
                                  (some[2], "last_name", "กอ" + tri)):
            child = s.get(Child, id_)
            assert child is not None
            setattr(child, field, value)
    assert_heads_whole(demo_db)
    with demo_db.session() as s:  # the text alone (a bulk fix that leaves the keys)
        s.execute(update(Child).where(Child.id == some[4]).values(first_name="ก" + tri))
    assert_heads_whole(demo_db)
    with demo_db.session() as s:  # the bin, back, and a new national ID
        s.execute(update(Child).where(Child.id.in_(some[3:40])).values(deleted_at=utcnow()))
    assert_heads_whole(demo_db)
    with demo_db.session() as s:
        s.execute(update(Child).where(Child.id.in_(some[3:20])).values(deleted_at=None))
        s.execute(update(Child).where(Child.id == some[41]).values(national_id="1103702071838"))
    assert_heads_whole(demo_db)
    with demo_db.session() as s:  # for good (an undone import)
        gone = ", ".join(str(i) for i in some[20:40])
        for table in ("enrollment", "child_guardian"):
            s.execute(text(f"DELETE FROM {table} WHERE child_id IN ({gone})"))
        s.execute(delete(Child).where(Child.id.in_(some[20:40])))
    assert_heads_whole(demo_db)


def test_a_bulk_load_pauses_the_triggers_and_puts_its_children_in_their_heads(
        demo_db: Database) -> None:
    assert _rebuild(demo_db) > 10
    fill_demo(demo_db.engine, children=200, seed=11, today=date(2026, 11, 30))
    assert_heads_whole(demo_db)
    with demo_db.reader() as s:
        raw = _raw(s)
        added = raw.execute("SELECT count(*) FROM search_head WHERE id > 300").fetchone()[0]
    assert added > 0  # some of the new children came before a boundary


def test_a_failed_bulk_load_leaves_the_heads_and_no_pause(demo_db: Database) -> None:
    assert _rebuild(demo_db) > 10
    with demo_db.reader() as s:
        before = _raw(s).execute("SELECT * FROM search_head ORDER BY 1, 2, 3, 4, 5").fetchall()
    with pytest.raises(RuntimeError), demo_db.engine.begin() as conn:
        from desktop.services.demo import deferred_indexes

        with deferred_indexes(conn, ()) as load:
            conn.exec_driver_sql("UPDATE child SET first_name = 'กกกกก' WHERE id = 1")
            load.children_added(1, 1)
            raise RuntimeError("the disk is full")
    with demo_db.reader() as s:
        after = _raw(s).execute("SELECT * FROM search_head ORDER BY 1, 2, 3, 4, 5").fetchall()
    assert after == before
    assert_heads_whole(demo_db)


def test_the_heads_are_chosen_again_when_the_registry_has_doubled(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_heads, "REBUILD_MIN_CHILDREN", 100)
    with demo_db.session() as s:
        raw = _raw(s)
        search_heads.rebuild(raw, min_matches=MIN, size=SIZE)
        chosen = raw.execute("SELECT value FROM setting WHERE key = ?",
                             (search_heads.SIZE_SETTING,)).fetchone()
        assert chosen == ("300",)
        assert not search_heads.maybe_rebuild(raw, min_matches=MIN, size=SIZE)
        raw.execute("UPDATE setting SET value = '150' WHERE key = ?",
                    (search_heads.SIZE_SETTING,))
        assert search_heads.maybe_rebuild(raw, min_matches=MIN, size=SIZE)
        raw.execute("UPDATE setting SET value = 'x' WHERE key = ?",
                    (search_heads.SIZE_SETTING,))
        assert search_heads.maybe_rebuild(raw, min_matches=MIN, size=SIZE)
        assert not search_heads.maybe_rebuild(raw, min_matches=1000, size=SIZE)  # too few
        monkeypatch.setattr(search_heads, "REBUILD_MIN_CHILDREN", 301)
        assert not search_heads.maybe_rebuild(raw, min_matches=MIN, size=SIZE)


def test_what_a_head_can_answer() -> None:
    assert search_heads.headable("ภัท") and search_heads.headable("Som")
    assert search_heads.headable("0123")
    assert not search_heads.headable("สม ชาย") and not search_heads.headable("สม")
    assert not search_heads.headable("Élo")  # SQLite's lower() cannot fold it
    assert search_heads.head_piece("ภัท") and search_heads.head_piece("som")
    assert not search_heads.head_piece("123") and not search_heads.head_piece("ม ช")


def test_a_filtered_search_gives_the_same_pages_from_the_heads(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A year, a school or a level on the side: the page found among a head's children
    that pass the filter is the sorted path's page (and the count is the filter's)."""
    from desktop.services import children_search
    from desktop.store.models import AcademicYear, Enrollment

    with demo_db.reader() as s:
        year = s.execute(select(AcademicYear.year_be)).scalars().first()
        school, level = s.execute(select(Enrollment.institution_id, Enrollment.level_code)
                                  .where(Enrollment.deleted_at.is_(None))).first()  # type: ignore[misc]
    flts = [ChildFilter(search=t, year_be=year, institution_id=i, level_code=lv)
            for t in _common_terms(demo_db)[:8]
            for i, lv in ((None, None), (school, None), (None, level))]

    before = _pages(demo_db, flts)
    assert _rebuild(demo_db, size=60) > 10
    answered: list[bool] = []
    real = children_search._filtered_head_page

    def spy(*args: Any, **kw: Any) -> Any:
        found = real(*args, **kw)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(children_search, "_filtered_head_page", spy)
    assert _pages(demo_db, flts) == before
    assert any(answered) and len(answered) == len(before)
