"""PostgreSQL's kept counts of the children list (migration 0018, store/pg_counts.py) and
the search's way chosen by them (children_pg_counts): the counts and pages are those of
plain SQL (count(*), ILIKE on the search text, in name order) for terms common, rare,
absent, Thai, Latin and digits, with no filter and inside one municipality; single
writes (insert, rename, move, soft and hard delete) and a bulk load (the demo, paused and
counted by id range) keep every count exact. On a throwaway server (tests/pg_cluster.py)
or SAMOE_TEST_PG_URL (wiped!); skipped without, failing under CI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Connection, select, text, update

from desktop.services import children_pg_counts, children_query, children_terms
from desktop.services.children_pg_terms import caseless
from desktop.services.children_query import (
    ChildFilter,
    ChildSort,
    count_children,
    page_children,
)
from desktop.services.children_terms import normalise_search
from desktop.services.demo import fill_demo
from desktop.store import migrate, pg_counts
from desktop.store.db import Database
from desktop.store.models import Child, Office, new_uuid

SEARCH = ("(first_name || ' ' || last_name || ' ' || first_name_en || ' ' || last_name_en || ' ' "
          "|| coalesce(national_id, '') || ' ' || coalesce(g_code, ''))")
TODAY = date(2026, 11, 24)


@pytest.fixture
def pg_demo(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    fill_demo(db.engine, children=400, seed=5, today=TODAY)
    with db.session() as s:  # a second municipality sent every third child
        other = Office(uuid=new_uuid(), code="6400999", name="เทศบาลทดสอบ",
                       role="municipality", is_local=False)
        s.add(other)
        s.flush()
        ids = s.scalars(select(Child.id).order_by(Child.id)).all()[::3]
        s.execute(update(Child).where(Child.id.in_(ids)).values(origin_office_id=other.id))
        latin = s.scalars(select(Child.id).order_by(Child.id)).all()[::5]  # the demo has none
        s.execute(update(Child).where(Child.id.in_(latin[::2])).values(first_name_en="Somchai"))
        s.execute(update(Child).where(Child.id.in_(latin[1::2])).values(last_name_en="SOMSRI"))
    yield db
    db.dispose()


def _kept(conn: Connection) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(text(
        "SELECT key, sum(docs) FROM child_list_count GROUP BY key HAVING sum(docs) <> 0"))}


def _plain(conn: Connection, term: str = "", office: int | None = None) -> int:
    """count(*) of the live children (of a municipality) whose search text ILIKEs ``term``."""
    where = "deleted_at IS NULL"
    if term:
        where += f" AND {SEARCH} ILIKE :p ESCAPE '\\'"
    if office is not None:
        where += " AND origin_office_id = :o"
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return int(conn.execute(text(f"SELECT count(*) FROM child WHERE {where}"),  # noqa: S608
                            {"p": pattern, "o": office}).scalar() or 0)


def _all_exact(db: Database) -> None:
    """Every kept key equals plain SQL: the total, each office, and every piece (each
    checked by ILIKE), and no piece a live child holds is missing."""
    with db.engine.connect() as conn:
        kept = _kept(conn)
        assert kept.get("all", 0) == _plain(conn)
        for office in conn.scalars(select(Office.id)):
            assert kept.get(f"o:{office}", 0) == _plain(conn, office=office), office
        pieces = {k[2:] for k in kept if k.startswith("p:")}
        held = {str(r[0]) for r in conn.execute(text(
            f"SELECT DISTINCT substr(lower({SEARCH}), i, 3) FROM child, "  # noqa: S608
            f"generate_series(1, length({SEARCH}) - 2) AS i WHERE deleted_at IS NULL"))}
        assert pieces == {p for p in held if not any(ch.isspace() for ch in p)}
        for piece in sorted(pieces)[::7]:  # a seventh of them by ILIKE (each a scan)
            assert kept[f"p:{piece}"] == _plain(conn, piece), piece


def _terms(db: Database) -> dict[str, str]:
    """Terms of each kind, taken from the data."""
    with db.engine.connect() as conn:
        kept = sorted(((n, k[2:]) for k, n in _kept(conn).items() if k.startswith("p:")),
                      key=lambda x: (-x[0], x[1]))
        en = conn.scalar(text("SELECT first_name_en FROM child WHERE first_name_en <> '' "
                              "ORDER BY id LIMIT 1"))
        name = conn.scalar(text("SELECT last_name FROM child ORDER BY id LIMIT 1"))
    thai = [p for _n, p in kept if all("\u0e01" <= ch <= "\u0e5b" for ch in p)]
    digits = [p for _n, p in kept if p.isdigit()]
    assert thai and digits and en
    return {"common": thai[0], "rare": thai[-1], "absent": "ฮฮฮ", "latin": str(en)[:3].upper(),
            "latin long": str(en), "digits": digits[len(digits) // 2], "long": str(name),
            "two parts": f"{thai[0]} {thai[1]}", "short": thai[0][:2]}


def test_the_migration_counts_what_is_there_and_writes_keep_it(pg_demo: Database) -> None:
    _all_exact(pg_demo)  # the demo's load (paused, counted by range) and the office move
    with pg_demo.session() as s:
        first = int(s.scalar(select(Child.id).order_by(Child.id)) or 0)
        s.execute(update(Child).where(Child.id == first).values(first_name="ชัยพฤกษ์ Ab",
                                                                 first_name_en="ChaiX"))
        s.execute(update(Child).where(Child.id == first + 1).values(deleted_at=Child.updated_at))
        s.execute(update(Child).where(Child.id == first + 2).values(national_id=None))
    _all_exact(pg_demo)
    with pg_demo.session() as s:  # restored from the bin; one hard deleted
        s.execute(update(Child).where(Child.id == first + 1).values(deleted_at=None))
        s.execute(text("DELETE FROM enrollment WHERE child_id = :i"), {"i": first + 3})
        s.execute(text("DELETE FROM child_guardian WHERE child_id = :i"), {"i": first + 3})
        s.execute(text("DELETE FROM child WHERE id = :i"), {"i": first + 3})
    _all_exact(pg_demo)
    fill_demo(pg_demo.engine, children=150, seed=6, today=TODAY)  # a second bulk load
    _all_exact(pg_demo)
    with pg_demo.engine.begin() as conn:
        before = _kept(conn)
        pg_counts.fold(conn)
        assert conn.scalar(text("SELECT count(*) = count(DISTINCT key) FROM child_list_count"))
        assert _kept(conn) == before
        pg_counts.recount(conn)
        assert _kept(conn) == before


def test_a_pause_pauses_inserts_only_and_ends_with_its_transaction(pg_demo: Database) -> None:
    with pg_demo.engine.begin() as conn:
        total = pg_counts.total(conn)
        with pg_counts.paused(conn) as kept:
            assert kept is not None
            conn.execute(text("UPDATE child SET deleted_at = now() WHERE id = "
                              "(SELECT min(id) FROM child)"))  # counted at once
            assert pg_counts.total(conn) == total - 1
        assert conn.scalar(text("SELECT current_setting('samoe.counts_paused', true)")) == "off"
    with pg_demo.engine.begin() as conn:
        conn.execute(text("SELECT set_config('samoe.counts_paused', 'on', true)"))
    with pg_demo.engine.connect() as conn:  # the next transaction is not paused
        assert conn.scalar(text("SELECT current_setting('samoe.counts_paused', true)")) in (
            "", None)


def test_a_failed_bulk_write_raises_its_own_error(pg_demo: Database) -> None:
    """An insert refused inside the pause surfaces as itself, not as the aborted
    transaction's complaint at resetting the pause; the counts stay as they were."""
    from sqlalchemy.exc import IntegrityError

    with pg_demo.engine.connect() as conn:
        before = _kept(conn)
    with pytest.raises(IntegrityError), pg_demo.engine.begin() as conn, pg_counts.paused(conn):
        conn.execute(text("INSERT INTO child SELECT * FROM child WHERE id = (SELECT min(id) FROM child)"))
    with pg_demo.engine.connect() as conn:
        assert _kept(conn) == before


def _pages(db: Database, flt: ChildFilter) -> list[list[int]]:
    out = []
    for sort in (ChildSort.NAME, ChildSort.LAST_NAME):
        for descending in (False, True):
            for offset, limit in ((0, 200), (0, 5), (3, 4)):
                with db.reader() as s:
                    out.append([r.id for r in page_children(s, flt, offset=offset, limit=limit,
                                                            sort=sort, descending=descending)])
    return out


def _plain_page(db: Database, term: str, office: int | None) -> list[int]:
    """The first 200 matches in name order by plain SQL (ILIKE on each field, as the list)."""
    term = normalise_search(term)
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = ("deleted_at IS NULL AND ((first_name || ' ' || last_name) ILIKE :p OR national_id "
             "ILIKE :p OR g_code ILIKE :p OR (first_name_en || ' ' || last_name_en) ILIKE :p)")
    if office is not None:
        where += " AND origin_office_id = :o"
    with db.engine.connect() as conn:
        return [int(i) for i in conn.scalars(text(
            f"SELECT id FROM child WHERE {where} "  # noqa: S608
            "ORDER BY first_name_key, last_name_key, id LIMIT 200"), {"p": pattern, "o": office})]


def test_counts_and_pages_are_plain_sqls(pg_demo: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    terms = _terms(pg_demo)
    with pg_demo.reader() as s:
        office = s.scalar(select(Office.id).where(Office.is_local.is_(False)))
    flts = [ChildFilter(), ChildFilter(office_id=office)] + [
        ChildFilter(search=t, office_id=o) for t in terms.values() for o in (None, office)]
    counted: dict[ChildFilter, int] = {}
    paged: dict[ChildFilter, list[list[int]]] = {}
    real_kept = children_pg_counts.kept_count
    answered: list[bool] = []

    def spy(*a: Any, **k: Any) -> Any:
        got = real_kept(*a, **k)
        answered.append(got is not None)
        return got

    monkeypatch.setattr(children_query, "kept_count", spy)
    for flt in flts:
        with pg_demo.reader() as s:
            counted[flt] = count_children(s, flt)
        paged[flt] = _pages(pg_demo, flt)
    assert sum(answered) == 2 + 5  # the totals and the five 3-character terms outside an office
    with pg_demo.engine.connect() as conn:
        for flt in flts:
            term = normalise_search(flt.search)
            if " " not in term and len(term) >= 3:  # ILIKE on the search text: the list's
                assert counted[flt] == _plain(conn, term, flt.office_id), flt
    for flt in flts:
        if flt.search:
            assert paged[flt][0] == _plain_page(pg_demo, flt.search, flt.office_id), flt
    assert counted[flts[0]] == 400 and 0 < counted[flts[1]] < 400
    assert counted[ChildFilter(search=terms["absent"])] == 0
    assert counted[ChildFilter(search=terms["common"])] > counted[ChildFilter(search=terms["rare"])] > 0
    assert counted[ChildFilter(search=terms["latin"])] > 0
    # without the kept counts (and so without their choice of way): the same answers
    monkeypatch.setattr(children_query, "kept_count", lambda *_a, **_k: None)
    monkeypatch.setattr(children_query, "worth_walking", lambda *_a, **_k: True)
    monkeypatch.setattr(children_query, "office_rare", lambda *_a, **_k: False)
    monkeypatch.setattr(children_terms, "caseless", lambda _t: False)  # ILIKE, as before
    monkeypatch.setattr(children_query, "walk_where", lambda where, _t: where)
    for flt in flts:
        with pg_demo.reader() as s:
            assert count_children(s, flt) == counted[flt], flt
        assert _pages(pg_demo, flt) == paged[flt], flt


def test_a_rare_term_is_not_walked(pg_demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services import children_pg

    terms = _terms(pg_demo)
    walked: list[str] = []
    real = children_pg.walked_page
    monkeypatch.setattr(children_pg, "WALK", 200)
    monkeypatch.setattr(children_query, "WALK", 200)

    def spy(*a: Any, **k: Any) -> Any:
        walked.append("walk")
        return real(*a, **k)

    monkeypatch.setattr(children_query, "walked_page", spy)
    for key in ("rare", "absent", "common"):
        with pg_demo.reader() as s:
            page_children(s, ChildFilter(search=terms[key]), offset=0, limit=5)
        walked.append(key)
    assert walked == ["rare", "absent", "walk", "common"]


def test_caseless_terms_are_thai_and_digits_only() -> None:
    """Found as typed (LIKE, strpos) only where lowering can change nothing."""
    assert caseless("ชัย") and caseless("110") and caseless("ศรี1")
    assert not any(caseless(t) for t in ("", "som", "SOM", "ชัย ศรี", "ชั%", "ชั_", "é12", "Ａ"))
