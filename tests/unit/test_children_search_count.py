"""A search's first page counts its matches in the same pass (children_query's
_page_and_count); the list's count that follows reuses it. The count must be the plain
count's, and a write in between must never leave a stale one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Child


def _term(db: Database) -> str:
    """A last name of more than three characters (a phrase of several trigrams) that
    several children share, and the ids of the live children whose names hold it."""
    with db.reader() as s:
        lasts = list(s.scalars(select(Child.last_name).where(Child.deleted_at.is_(None))))
    return max((n for n in set(lasts) if len(n) > 4), key=lasts.count)


def _matching(db: Database, term: str) -> int:
    with db.reader() as s:
        children = list(s.scalars(select(Child).where(Child.deleted_at.is_(None))))
    return sum(term in f"{c.first_name} {c.last_name} {c.first_name_en} {c.last_name_en}"
               for c in children)


def _new_child(last_name: str) -> object:
    from desktop.domain.child import ChildInput
    from desktop.domain.identity import IdType
    from desktop.domain.people import Sex
    from desktop.services.children import ChildForm

    child = ChildInput(prefix="เด็กชาย", first_name="ต้นกล้า", last_name=last_name, sex=Sex.MALE,
                       birth_date=date(2020, 1, 2), id_type=IdType.G_CODE, g_code="G001122334455")
    return ChildForm(child=child)


def test_count_after_a_first_page_is_the_plain_count(demo_db: Database) -> None:
    term = _term(demo_db)
    flt = ChildFilter(search=term)
    with demo_db.reader() as s:
        plain = count_children(s, flt)  # no page before it: the index counts
    assert plain == _matching(demo_db, term) > 1
    for parts in (term, f"{term[:2]}  {term[2:]}", f"{term} {term[:3]}"):
        each = ChildFilter(search=parts)
        with demo_db.reader() as s:
            alone = count_children(s, each)
        with demo_db.reader() as s:
            page_children(s, each, offset=0, limit=5)
        with demo_db.reader() as s:
            assert count_children(s, each) == alone
    with demo_db.reader() as s:
        page_children(s, flt, offset=0, limit=5)
        # another term's count is its own, not the remembered one
        assert count_children(s, ChildFilter(search=term[:3])) == _matching(demo_db, term[:3])
        assert count_children(s, flt) == plain


def test_a_commit_between_page_and_count_is_counted(demo_db: Database) -> None:
    from desktop.services.children import save_child

    term = _term(demo_db)
    flt = ChildFilter(search=term)
    with demo_db.reader() as s:
        before = count_children(s, flt)
    for _ in range(2):  # the pooled reader connections, each with its remembered count
        with demo_db.reader() as s:
            page_children(s, flt, offset=0, limit=5)
    other = Database.open(demo_db.path)  # another connection commits (data_version)
    try:
        with other.session() as s:
            save_child(s, _new_child(term), today=date(2026, 11, 24))
    finally:
        other.dispose()
    for _ in range(2):
        with demo_db.reader() as s:
            assert count_children(s, flt) == before + 1


def test_a_write_of_the_same_connection_is_counted(demo_db: Database) -> None:
    from desktop.services.children import save_child

    term = _term(demo_db)
    flt = ChildFilter(search=term)
    with demo_db.session() as s:
        before = count_children(s, flt)
        assert len(page_children(s, flt, offset=0, limit=500)) == before
        save_child(s, _new_child(term), today=date(2026, 11, 24))
        s.flush()
        assert count_children(s, flt) == before + 1
        assert len(page_children(s, flt, offset=0, limit=500)) == before + 1
        assert count_children(s, flt) == before + 1


def _pages(db: Database, terms: list[str]) -> list[list[int]]:
    from desktop.services.children_query import ChildSort

    out = []
    with db.reader() as s:
        year = s.scalar(select(func.max(AcademicYear.year_be)))
        for term in terms:
            for sort in (ChildSort.NAME, ChildSort.LAST_NAME):
                for descending in (False, True):
                    for offset in (0, 3):
                        for flt in (ChildFilter(search=term), ChildFilter(search=term, year_be=year)):
                            out.append([r.id for r in page_children(
                                s, flt, offset=offset, limit=7, sort=sort, descending=descending)])
                            out.append([count_children(s, flt)])
    return out


def test_the_three_sources_of_name_keys_give_the_same_pages(demo_db: Database) -> None:
    """child_name_order (0006), the narrow index of a file at 0005, and the rows (a file
    of an early 0005 build): the same pages, counts, orders."""
    from sqlalchemy import text

    from desktop.services import children_search

    term = _term(demo_db)
    terms = [term, term[:3], f"{term[:3]} {term[-2:]}", "ไม่มีชื่อนี้"]
    by_table = _pages(demo_db, terms)
    assert any(len(p) == 7 for p in by_table)
    with demo_db.engine.begin() as conn:
        for trigger in ("child_name_order_ai", "child_name_order_ad", "child_name_order_au"):
            conn.execute(text(f"DROP TRIGGER {trigger}"))
        conn.execute(text("DROP TABLE child_name_order"))
        conn.execute(text("CREATE INDEX ix_child_live_id_names ON child (id, first_name_key, "
                          "last_name_key) WHERE deleted_at IS NULL"))
    children_search._SEARCH_ORDER_SEEN.clear()
    with demo_db.reader() as s:
        assert children_search.search_order(s) == "index"
    assert _pages(demo_db, terms) == by_table
    with demo_db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_child_live_id_names"))
    children_search._SEARCH_ORDER_SEEN.clear()
    with demo_db.reader() as s:
        assert children_search.search_order(s) == ""
    assert _pages(demo_db, terms) == by_table
    children_search._SEARCH_ORDER_SEEN.clear()


def test_a_bulk_load_fills_the_name_order(db: Database) -> None:
    """A demo (or import) of 5000+ children into an empty file drops the triggers while it
    writes: it copies each chunk's name keys itself, as it indexes them for search."""
    from sqlalchemy import text

    from desktop.services.demo import fill_demo

    fill_demo(db.engine, children=5000, seed=2, today=date(2026, 11, 24))
    with db.reader() as s:
        order = s.execute(text("SELECT id, first_name_key, last_name_key FROM child_name_order "
                               "ORDER BY id")).all()
        live = s.execute(select(Child.id, Child.first_name_key, Child.last_name_key)
                         .where(Child.deleted_at.is_(None)).order_by(Child.id)).all()
        triggers = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert len(live) >= 5000 and [tuple(r) for r in order] == [tuple(r) for r in live]
    assert {"child_name_order_ai", "child_name_order_ad", "child_name_order_au"} <= triggers
    term = _term(db)
    with db.reader() as s:
        assert len(page_children(s, ChildFilter(search=term), offset=0, limit=500)) == \
            _matching(db, term) > 0
