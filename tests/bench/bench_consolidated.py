"""The province's consolidated registry (issue 10): the children list's first paint and
3-character searches at 1M children sent by 150 municipalities, on SQLite and on
PostgreSQL, each against a plain SQL baseline that gives the same page, in the same run.

    .venv/bin/python tests/bench/bench_consolidated.py --children 1000000 --offices 150 \\
        --pg-url postgresql+psycopg://postgres@/samoe?host=/tmp/pg/sock

Without ``--pg-url`` PostgreSQL runs on a throwaway server (tests/pg_cluster.py) when one
is installed; ``--no-pg`` leaves it out. The databases are filled once by the demo loader
(``fill_demo``: sort keys, the name order, the search heads), its children spread over
the offices by id, and kept in ``--work`` (SQLite) or the server (a marker table) for the
next run with the same size. On PostgreSQL the trigram index (0014) is dropped for the
load and built after it, then ``VACUUM ANALYZE`` (what autovacuum does after an import);
the kept counts (0018) are counted once at the load's end (store/pg_counts.paused), and a
database kept from before 0018 is counted by its upgrade (``upgrade_s``).

Measured, medians of ``--runs`` (Samoe and the baseline taken in turn), in ms:
- first paint: ``page_children`` (the first 200 in name order) and ``count_children``,
  with no filter and filtered to one municipality; the baseline: the same page and the
  same count in plain SQL (the rows' shown columns ``ORDER BY`` the name keys ``LIMIT
  200``, then their enrolments in one query; ``count(*)``);
- search: a common and a rare 3-character term, the first page and the count, and the
  same inside one municipality; the baseline: SQLite's FTS5 trigram matches joined to
  their rows, PostgreSQL's ``ILIKE`` on the trigram index's expression, in name order,
  and their count.
The goals are the municipal list's: first paint under 100 ms, search under 20 ms.
Prints one JSON line a figure and a Markdown table.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/pg_cluster.py

os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

from _common import SEED, TODAY_ISO, raw_connect, sign_in_bench  # noqa: E402
from raw_queries import PAGE, fts_query  # noqa: E402

# a common 3-letter piece of the demo names (93,299 of 1M) and the rarest (chosen from
# SQLite's data; on PostgreSQL alone this one, 1,339 of 1M)
COMMON, RARE = "ชัย", "คำด"
_CHOSEN: dict[str, str] = {}  # the rare term SQLite's vocabulary gave, for PostgreSQL too
GOALS = {"first paint": 100.0, "search": 20.0}
_ORDER = f" ORDER BY first_name_key, last_name_key, id LIMIT {PAGE}"
# what the list shows of a row (page_children), and of its enrolments (the latest first)
ROW_COLUMNS = ("id, uuid, prefix, first_name, last_name, sex, birth_date, id_type, national_id, "
               "g_code, deleted_at")
ENROLMENTS = ("SELECT e.child_id, i.name, e.level_code, e.classroom, y.year_be, i.deleted_at "
              "FROM enrollment e JOIN institution i ON i.id = e.institution_id "
              "JOIN academic_year y ON y.id = e.academic_year_id "
              "WHERE e.child_id IN :ids AND e.deleted_at IS NULL "
              "ORDER BY e.child_id, y.year_be DESC, e.id DESC")
PG_SEARCH = ("(first_name || ' ' || last_name || ' ' || first_name_en || ' ' || last_name_en "
             "|| ' ' || coalesce(national_id, '') || ' ' || coalesce(g_code, ''))")


def _spread_offices(offices: list[int]) -> Callable[[], None]:
    """Wrap the demo generator so that child ``id`` comes from ``offices[id % n]`` (their
    households, guardians and enrolments stay with the demo's office: the list reads the
    child's). Returns the undo."""
    from desktop.services import demo_data

    original = demo_data.generate
    column = demo_data.COLUMNS["child"].index("origin_office_id")

    def generate(*args: Any, **kw: Any) -> Iterator[Any]:
        for chunk in original(*args, **kw):
            chunk.child = [(*r[:column], offices[int(r[0]) % len(offices)], *r[column + 1:])
                           for r in chunk.child]
            yield chunk

    demo_data.generate = generate  # type: ignore[assignment]

    def undo() -> None:
        demo_data.generate = original  # type: ignore[assignment]

    return undo


def _add_offices(db: Any, n: int) -> list[int]:
    """The demo's office (made by fill_demo if missing) and n-1 more municipalities."""
    from sqlalchemy import select

    from desktop.services.demo import DEMO_OFFICE
    from desktop.store.models import Office, new_uuid, utcnow

    with db.session() as s:
        if s.scalar(select(Office.id).where(Office.is_local.is_(True))) is None:
            now = utcnow()
            s.add(Office(uuid=new_uuid(), role="municipality", is_local=True, created_at=now,
                         updated_at=now, **DEMO_OFFICE))
        for i in range(1, n):
            s.add(Office(uuid=new_uuid(), code=f"69{i:05d}", name=f"เทศบาลตำบลที่ {i}",
                         province="นครราชสีมา", role="municipality", is_local=False))
        s.flush()
        return list(s.scalars(select(Office.id).order_by(Office.id)))


def _marker(db: Any) -> str | None:
    from sqlalchemy import text

    with contextlib.suppress(Exception), db.engine.connect() as conn:
        return str(conn.execute(text("SELECT what FROM bench_consolidated")).scalar())
    return None


def build(db: Any, children: int, offices: int) -> dict[str, Any]:
    """Fill ``db`` (migrated, empty) unless it already holds this size; the load's figures."""
    from sqlalchemy import text

    from desktop.services.demo import fill_demo
    from desktop.store import migrate

    want = f"{children}:{offices}:{SEED}"
    before = migrate.current_revision(db.engine)
    t = time.perf_counter()
    migrate.upgrade(db, backup=False)  # a file kept from an older schema is upgraded
    upgraded = {"upgraded": f"{before} -> {migrate.HEAD_REVISION}",
                "upgrade_s": round(time.perf_counter() - t, 1)} if before not in (
        None, migrate.HEAD_REVISION) else {}
    if _marker(db) == want:
        return {"cached": True, **upgraded}
    pg = db.engine.dialect.name == "postgresql"
    ids = _add_offices(db, offices)
    undo = _spread_offices(ids)
    started = time.perf_counter()
    trgm = False  # the trigram index (0014) is built after the load
    if pg:
        with db.engine.begin() as conn:
            trgm = conn.execute(text("SELECT to_regclass('ix_child_live_search_trgm')")
                                ).scalar() is not None
            conn.execute(text("DROP INDEX IF EXISTS ix_child_live_search_trgm"))
    try:
        result = fill_demo(db.engine, children=children, seed=SEED,
                           today=date.fromisoformat(TODAY_ISO))
    finally:
        undo()
    loaded = time.perf_counter() - started
    out: dict[str, Any] = {"load_s": round(loaded, 1), "rows": result.rows}
    if trgm:
        t = time.perf_counter()
        with db.engine.begin() as conn:
            conn.execute(text("SET maintenance_work_mem = '512MB'"))
            conn.execute(text("CREATE INDEX ix_child_live_search_trgm ON child USING gin "
                              f"({PG_SEARCH} gin_trgm_ops) WHERE deleted_at IS NULL"))
        out["trgm_index_s"] = round(time.perf_counter() - t, 1)
    if pg:
        t = time.perf_counter()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
        out["vacuum_s"] = round(time.perf_counter() - t, 1)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_consolidated (what TEXT)"))
        conn.execute(text("DELETE FROM bench_consolidated"))
        conn.execute(text("INSERT INTO bench_consolidated VALUES (:w)"), {"w": want})
    return out


def _rare_term(db: Any) -> str:
    """The rarest 3-letter Thai piece of the names (SQLite: from the trigram index's
    vocabulary; at 1M "คำด", 1,339 children: the demo's names share their pieces)."""
    if db.engine.dialect.name != "sqlite":
        return _CHOSEN.get("rare", RARE)
    raw = raw_connect(db.path)
    try:
        raw.execute("CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, child_fts, row)")
        found = [str(t) for t, in raw.execute(
            "SELECT term FROM temp.bench_vocab WHERE doc >= 20 ORDER BY doc, term")]
    finally:
        raw.close()
    thai = [t for t in found if len(t) == 3 and all("\u0e01" <= ch <= "\u0e4e" for ch in t)
            and "\u0e01" <= t[0] <= "\u0e2e"]
    return thai[0] if thai else RARE


def _raw_sql(dialect: str, what: str) -> tuple[str, str]:
    """The baseline's page and count for ``what``: "all", "office", "search",
    "office search" (a term inside one municipality)."""
    cols = f"SELECT {ROW_COLUMNS} FROM child"
    office = " AND origin_office_id = :office" if what.startswith("office") else ""
    if what in ("all", "office"):
        where = " WHERE deleted_at IS NULL" + office
    elif dialect == "sqlite":
        joined = (" FROM child c JOIN child_fts f ON f.rowid = c.id WHERE f.child_fts MATCH "
                  ":fts AND c.deleted_at IS NULL" + office.replace("origin", "c.origin"))
        return (f"SELECT {ROW_COLUMNS.replace('id,', 'c.id,', 1)}{joined} ORDER BY "
                f"c.first_name_key, c.last_name_key, c.id LIMIT {PAGE}",
                ("SELECT count(*) FROM child_fts WHERE child_fts MATCH :fts" if not office
                 else f"SELECT count(*){joined}"))
    else:
        where = f" WHERE deleted_at IS NULL AND {PG_SEARCH} ILIKE :pattern" + office
    return cols + where + _ORDER, "SELECT count(*) FROM child" + where


def measure(db: Any, label: str, runs: int, office: int) -> list[dict[str, Any]]:
    from sqlalchemy import bindparam, text

    from desktop.services.children_query import (
        ChildFilter,
        count_children,
        page_children,
    )

    dialect = db.engine.dialect.name
    enrolments = text(ENROLMENTS).bindparams(bindparam("ids", expanding=True))
    rare = _CHOSEN["rare"] = _rare_term(db)
    cases = [("first paint", "all", ChildFilter(), {}),
             ("first paint", "office", ChildFilter(office_id=office), {"office": office})]
    for term in (COMMON, rare):
        cases.append(("search", "search", ChildFilter(search=term),
                      {"fts": fts_query(term), "pattern": f"%{term}%"}))
    for term in (COMMON, rare):  # inside one municipality
        cases.append(("search", "office search", ChildFilter(search=term, office_id=office),
                      {"fts": fts_query(term), "pattern": f"%{term}%", "office": office}))
    out = []
    for goal, what, flt, params in cases:
        page_sql, count_sql = _raw_sql(dialect, what)

        def samoe(flt: ChildFilter = flt) -> tuple[list[int], int]:
            with db.reader() as s:
                ids = [r.id for r in page_children(s, flt, offset=0, limit=PAGE)]
                return ids, count_children(s, flt)

        def samoe_page(flt: ChildFilter = flt) -> tuple[list[int], int]:
            with db.reader() as s:
                return [r.id for r in page_children(s, flt, offset=0, limit=PAGE)], 0

        def raw(page_sql: str = page_sql, count_sql: str = count_sql,
                params: dict[str, Any] = params) -> tuple[list[int], int]:
            with db.engine.connect() as conn:
                ids = [int(r[0]) for r in conn.execute(text(page_sql), params)]
                if ids:  # each row's enrolment, as the list shows it
                    conn.execute(enrolments, {"ids": ids}).all()
                return ids, int(conn.execute(text(count_sql), params).scalar() or 0)

        times: dict[str, list[float]] = {"samoe": [], "samoe_page": [], "raw": []}
        first: dict[str, tuple[list[int], int]] = {}
        for round_ in range(runs + 1):  # the first round warms the caches
            for name, fn in (("samoe", samoe), ("samoe_page", samoe_page), ("raw", raw)):
                t = time.perf_counter()
                got = fn()
                if round_:
                    times[name].append(time.perf_counter() - t)
                else:
                    first[name] = got
        assert first["samoe"] == first["raw"], f"{label} {what} {flt}: pages or counts differ"
        ms = {k: round(statistics.median(v) * 1000, 1) for k, v in times.items()}
        row = {"db": label, "goal": goal, "what": what, "term": flt.search,
               "matches": first["raw"][1], **ms,
               "ratio": round(ms["samoe"] / ms["raw"], 2) if ms["raw"] else None,
               "goal_ms": GOALS[goal], "load": round(os.getloadavg()[0], 2)}
        print(json.dumps(row, ensure_ascii=False), flush=True)
        out.append(row)
    return out


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| db | figure | filter / term | matches | Samoe page+count ms | page alone ms | "
             "raw SQL ms | ratio | goal | load |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        what = {"all": "none", "office": "one municipality"}.get(
            r["what"], f"“{r['term']}”" + (" in one municipality" if r["what"] != "search"
                                           else ""))
        ok = "met" if r["samoe"] < r["goal_ms"] else "missed"
        lines.append(f"| {r['db']} | {r['goal']} | {what} | {r['matches']:,} | {r['samoe']} | "
                     f"{r['samoe_page']} | {r['raw']} | {r['ratio']}x | < {r['goal_ms']:.0f} ms "
                     f"{ok} | {r['load']} |")
    return "\n".join(lines)


def _run(target: str, label: str, ns: argparse.Namespace) -> list[dict[str, Any]]:
    from desktop.store.db import Database

    db = Database.open(target)
    try:
        sign_in_bench(db)
        built = build(db, ns.children, ns.offices)
        print(json.dumps({"db": label, "children": ns.children, "offices": ns.offices, **built,
                          "load": round(os.getloadavg()[0], 2)}, ensure_ascii=False), flush=True)
    finally:
        db.dispose()
    db = Database.open(target, read_only=label == "sqlite")
    try:
        sign_in_bench(db)
        return measure(db, label, ns.runs, office=_an_office(db))
    finally:
        db.dispose()


def _an_office(db: Any) -> int:
    """A municipality in the middle of the list of offices (one that sent children)."""
    from sqlalchemy import select

    from desktop.store.models import Office

    with db.reader() as s:
        ids = list(s.scalars(select(Office.id).order_by(Office.id)))
    return ids[len(ids) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=1_000_000)
    parser.add_argument("--offices", type=int, default=150)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/samoe-bench"))
    parser.add_argument("--pg-url", default="", help="a PostgreSQL database (emptied if its "
                        "marker is not this size)")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    ns = parser.parse_args(argv)
    ns.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    if not ns.no_sqlite:
        rows += _run(str(ns.work / f"consolidated-{ns.children}-{ns.offices}.db"), "sqlite", ns)
    if not ns.no_pg:
        if ns.pg_url:
            _empty_unless_built(ns.pg_url, ns)
            rows += _run(ns.pg_url, "postgresql", ns)
        else:
            from pg_cluster import server_bin, throwaway_cluster

            if server_bin() is None:
                print("no PostgreSQL server installed: --no-pg, or apt postgresql", flush=True)
                return 4
            with throwaway_cluster() as url:
                rows += _run(url, "postgresql", ns)
    print(table(rows))
    return 0


def _empty_unless_built(url: str, ns: argparse.Namespace) -> None:
    """A server database holding another size (or no marker) is emptied first."""
    from sqlalchemy import text

    from desktop.store.db import Database

    db = Database.open(url)
    try:
        if _marker(db) != f"{ns.children}:{ns.offices}:{SEED}":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
