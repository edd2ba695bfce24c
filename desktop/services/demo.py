"""``samoe demo``: fill a database with synthetic data, fast, in one transaction, and mark
the database as demo data (``services.office.is_demo``).

Rows go through the driver's ``executemany`` in chunks (the ORM would be 5–10× slower).
Loading into an empty registry drops the secondary indexes and the search triggers first
and builds them once at the end, which is cheaper than keeping them up to date row by row.
Cancel or any error rolls everything back.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Date, DateTime, Engine, func, select

from desktop.domain.dates import academic_year_of
from desktop.domain.roles import Action
from desktop.services import demo_data
from desktop.services.access import require_actor
from desktop.services.audit import entry, per_child, record_many
from desktop.services.office import mark_demo
from desktop.services.progress import NO_PROGRESS, Progress
from desktop.services.years import year_bounds
from desktop.store import pg_counts, search_heads
from desktop.store.db import (
    bulk_cache,
    checkpoint_after_commit,
    engine_actor,
    grow_for_index_builds,
)
from desktop.store.list_keys import COUNT_TRIGGERS, recount_households
from desktop.store.models import (
    AcademicYear,
    Base,
    Child,
    Institution,
    Office,
    Term,
    new_uuid,
    utcnow,
)
from desktop.store.pg_stats import analyze

BULK_TABLES = ("household", "child", "guardian", "child_guardian", "enrollment")
# What child_name_text (0009) holds as a child's search text: its trigger's expression
# (tests/unit/test_children_walk.py compares a bulk load's rows with the children's)
NAME_TEXT = ("first_name || ' ' || last_name || ' ' || first_name_en || ' ' || last_name_en "
             "|| ' ' || coalesce(national_id, '') || ' ' || coalesce(g_code, '')")
# Tables whose triggers and indexes a bulk load of children defers with the child's: the
# name order (0006) and the walked text (0009), filled chunk by chunk (BulkLoad)
NAME_TABLES = ("child_name_order", "child_name_text")
# what fill_demo(screenings=True) adds (growth and DSPM: demo_growth analyses its own) and
# the grant round's
DEMO_RECORDS = ("screening", "screening_member", "screening_certification", "screening_photo", "centre_room",
                "centre_placement", "centre_register", "centre_absence", "centre_closed_day")
DEMO_GRANTS = ("grant_round", "term_attendance", "grant_payment")
DEMO_OFFICE = {"code": "6300101", "name": "เทศบาลตำบลบ้านใหม่", "province": "นครราชสีมา"}


@dataclass(frozen=True)
class DemoResult:
    children: int
    rows: int
    seconds: float
    office_name: str
    screenings: int = 0  # made-up poverty screenings (services/demo_screenings.py)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def _placeholder(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"


def insert_sql(conn: Connection, table: str, columns: tuple[str, ...] | None = None, *,
               fixed: dict[str, int | str] | None = None) -> str:
    """INSERT of plain rows into ``table`` (the generator's columns unless ``columns`` are
    given). Dates travel as ISO text: SQLite stores them so, PostgreSQL is told to cast.
    ``fixed``: columns every row of the load shares (a batch's time, office, batch id),
    written into the statement once instead of bound for each row (an import of 50k
    children binds ~1.2M fewer values)."""
    cols = demo_data.COLUMNS[table] if columns is None else columns
    mark = _placeholder(conn)
    marks = []
    values = {**dict.fromkeys(cols, mark), **{c: _literal(v) for c, v in (fixed or {}).items()}}
    for col, value in values.items():
        kind = Base.metadata.tables[table].c[col].type
        if conn.dialect.name != "sqlite" and isinstance(kind, Date | DateTime):
            marks.append(f"CAST({value} AS {'DATE' if not isinstance(kind, DateTime) else 'TIMESTAMP'})")
        else:
            marks.append(value)
    return f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join(marks)})"  # noqa: S608


def _literal(value: int | str) -> str:
    """A constant of the program's own (an id, a timestamp it formatted) as SQL text."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"not a fixed column value: {type(value).__name__}")
    return str(int(value)) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"


class BulkLoad:
    """What a bulk load owes the schema while its indexes and triggers are dropped."""

    def __init__(self, conn: Connection, *, search_by_chunk: bool, name_order_by_chunk: bool = False,
                 counts_dropped: bool = False, heads: search_heads.Paused | None = None,
                 name_text_by_chunk: bool = False) -> None:
        self._conn = conn
        self._heads = heads
        # the households' member-count triggers (0008) are dropped: rows that carry their
        # counts keep them (else they are recounted at the end); with the triggers on, the
        # triggers count and a row's own counts must be 0
        self.counts_dropped = counts_dropped
        self._search_by_chunk = search_by_chunk
        self._name_order_by_chunk = name_order_by_chunk
        self._name_text_by_chunk = name_text_by_chunk
        self.pg_counts: pg_counts.Paused | None = None  # PostgreSQL's kept counts (0018)

    def children_added(self, first_id: int, last_id: int) -> None:
        """Index a chunk of new children for search while their pages are still cached
        (one 'rebuild' at the end re-reads every row from a transaction that has spilled
        to the WAL: 4x slower at 100k); copy their name keys into child_name_order (0006),
        whose triggers are dropped too, and their keys and search text into child_name_text
        (0009) in the keys' order, its triggers and index dropped too (one trigger and two
        index entries a child, in no order, cost ~1/6 of a 50k-row import's commit). The
        search heads (0010) take them at the end."""
        if self._heads is not None:
            self._heads.added(first_id, last_id)
        if self.pg_counts is not None:
            self.pg_counts.added(first_id, last_id)
        if self._search_by_chunk:
            self._conn.exec_driver_sql(
                "INSERT INTO child_fts(rowid, name, ident) "
                "SELECT id, name, ident FROM child_search_src WHERE id BETWEEN ? AND ?",
                (first_id, last_id),
            )
        if self._name_order_by_chunk:
            self._conn.exec_driver_sql(
                "INSERT INTO child_name_order (id, first_name_key, last_name_key) "
                "SELECT id, first_name_key, last_name_key FROM child "
                "WHERE id BETWEEN ? AND ? AND deleted_at IS NULL",
                (first_id, last_id),
            )
        if self._name_text_by_chunk:
            self._conn.exec_driver_sql(
                "INSERT INTO child_name_text (first_name_key, last_name_key, id, search) "
                f"SELECT first_name_key, last_name_key, id, {NAME_TEXT} FROM child "
                "WHERE id BETWEEN ? AND ? AND deleted_at IS NULL "
                "ORDER BY first_name_key, last_name_key, id",
                (first_id, last_id),
            )


@contextmanager
def deferred_indexes(conn: Connection, tables: tuple[str, ...], *,
                     counted: bool = False, triggers_only: bool = False) -> Iterator[BulkLoad]:
    """A bulk load of children (the demo, an import): on SQLite with a large page cache
    (store/db.bulk_cache: its pages are not read back, nor decrypted again, to build the
    indexes), the search heads' triggers
    paused (search_heads.paused: the new children join their heads in one query per
    trigram at the end), and the indexes and triggers of ``tables`` deferred
    (``_deferred``). The heads are chosen again when the registry has doubled
    (search_heads.maybe_rebuild). ``triggers_only``: a load smaller than the registry keeps
    the indexes (rebuilding them would re-read every row) and sets aside only the triggers,
    whose per-row work (the trigram index, the name tables, the member counts) is done a
    chunk at a time (``BulkLoad.children_added``) or once at the end."""
    if conn.dialect.name != "sqlite":  # the kept counts' insert trigger paused (0018)
        with pg_counts.paused(conn) as kept, _deferred(conn, tables, counted=counted,
                                                       heads=None, triggers_only=triggers_only) as load:
            load.pg_counts = kept
            yield load
        return
    raw = conn.connection.driver_connection
    checkpoint_after_commit(conn)  # its COMMIT does not wait to copy the WAL (store/db.py)
    with bulk_cache(raw):  # the heads' rebuild too: it reads the trigram index per piece
        with search_heads.paused(raw) as heads, _deferred(conn, tables, counted=counted, heads=heads,
                                                          triggers_only=triggers_only) as load:
            yield load
        search_heads.maybe_rebuild(raw)


@contextmanager
def _deferred(conn: Connection, tables: tuple[str, ...], *, counted: bool,
              heads: search_heads.Paused | None, triggers_only: bool = False) -> Iterator[BulkLoad]:
    """SQLite: drop secondary indexes and triggers of ``tables``, rebuild them after.

    Only the named, explicitly created ones (``sql IS NOT NULL``): unique constraints stay.
    Runs inside the caller's transaction, so a failure restores the schema too. The
    households' member counts are recounted at the end unless ``counted`` (the loader's
    household rows carry them: ``BulkLoad.counts_dropped``).
    """
    if conn.dialect.name != "sqlite" or not tables:
        yield BulkLoad(conn, search_by_chunk=False, heads=heads)
        return
    names = (*tables, *NAME_TABLES) if "child" in tables else tables
    marks = ", ".join("?" * len(names))
    saved = [(str(kind), str(name), str(sql)) for kind, name, sql, _table in sorted(
        conn.exec_driver_sql(
            f"SELECT type, name, sql, tbl_name FROM sqlite_master WHERE type IN ('index', 'trigger') "  # noqa: S608
            f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY rowid",
            names,
        ).all(),
        # a table's indexes one after another, each built while the last one's read of the
        # table is still in the page cache (the migrations made them table by table in turn)
        key=lambda r: names.index(r[3])) if not (triggers_only and kind == "index")]
    for kind, name, _sql in saved:
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    has_fts = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'child_fts'").first()
    fts_triggers_dropped = any(kind == "trigger" and name.startswith("child_fts") for kind, name, _ in saved)
    order_triggers_dropped = any(kind == "trigger" and name.startswith("child_name_order")
                                 for kind, name, _ in saved)
    text_triggers_dropped = order_triggers_dropped and any(
        kind == "trigger" and name == "child_name_text_ai" for kind, name, _ in saved)
    counts_dropped = any(kind == "trigger" and name in COUNT_TRIGGERS for kind, name, _ in saved)
    yield BulkLoad(conn, search_by_chunk=bool(has_fts) and fts_triggers_dropped,
                   name_order_by_chunk=order_triggers_dropped, counts_dropped=counts_dropped,
                   heads=heads, name_text_by_chunk=text_triggers_dropped)
    grow_for_index_builds(conn.connection.driver_connection)  # within bulk_cache: given back
    for kind, _name, sql in saved:
        if kind == "index":
            conn.exec_driver_sql(sql)
    if counts_dropped and not counted:
        recount_households(conn)  # the households' member counts (0008), once
    for kind, _name, sql in saved:
        if kind == "trigger":
            conn.exec_driver_sql(sql)


def _ensure_office(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(Office.id, Office.name).where(Office.is_local.is_(True))).first()
    if row is not None:
        return int(row[0]), str(row[1])
    now = utcnow()
    result = conn.execute(
        Office.__table__.insert().values(
            uuid=new_uuid(), role="municipality",
            is_local=True, created_at=now, updated_at=now, **DEMO_OFFICE,
        )
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0]), DEMO_OFFICE["name"]


def _ensure_year(conn: Connection, year_be: int) -> int:
    found = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == year_be))
    if found is not None:
        return int(found)
    start, end, terms = year_bounds(year_be)
    result = conn.execute(
        AcademicYear.__table__.insert().values(year_be=year_be, start_date=start, end_date=end)
    )
    assert result.inserted_primary_key is not None
    year_id = int(result.inserted_primary_key[0])
    conn.execute(
        Term.__table__.insert(),
        [{"academic_year_id": year_id, "number": n, "start_date": s, "end_date": e} for n, s, e in terms],
    )
    return year_id


def _ensure_institutions(
    conn: Connection, n_children: int, office_id: int, seed: int
) -> demo_data.Institutions:
    existing = conn.execute(
        select(Institution.id, Institution.kind, Institution.name)
        .where(Institution.deleted_at.is_(None))
    ).all()
    if not existing:
        schools, cdcs = demo_data.institution_counts(n_children)
        start = int(conn.scalar(select(func.coalesce(func.max(Institution.id), 0))) or 0) + 1
        rows = demo_data.institution_rows(schools, cdcs, office_id, start, random.Random(f"samoe-demo-institutions-{seed}-{start}"), utcnow())
        conn.exec_driver_sql(insert_sql(conn, "institution"), rows)
        existing = [(r[0], r[7], r[9]) for r in rows]
    return demo_data.Institutions(
        schools=tuple(int(i) for i, k, _n in existing if k == "school"),
        cdcs=tuple(int(i) for i, k, _n in existing if k == "cdc"),
        names={int(i): str(n) for i, _k, n in existing},
    )


def _next_ids(conn: Connection) -> demo_data.Ids:
    ids = demo_data.Ids()
    for table in BULK_TABLES:
        top = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar()  # noqa: S608
        setattr(ids, table, int(top or 0) + 1)
    return ids


def prepare_demo(engine: Engine) -> str:
    """Make a new database a demo one at once (the mark and the demo office, one
    transaction), so that it is a usable demo even if the fill is then cancelled."""
    require_actor(engine_actor(engine), Action.DEMO)
    with engine.begin() as conn:
        mark_demo(conn)
        return _ensure_office(conn)[1]


def fill_demo(
    engine: Engine,
    *,
    children: int = 2000,
    seed: int = 1,
    today: date | None = None,
    progress: Progress = NO_PROGRESS,
    chunk_size: int = 10_000,
    screenings: bool = False,
    grant_round: bool = False,
) -> DemoResult:
    """Add ``children`` synthetic children (with households, guardians and enrolments);
    ``screenings``: and poverty screenings of some of them (``samoe demo``, the window's
    demo: services/demo_screenings.py; the tests' demo registries have none); ``grant_round``:
    and a grant round of them with attendance and payments (services/demo_grants.py)."""
    require_actor(engine_actor(engine), Action.DEMO)
    started = time.perf_counter()
    year_be = academic_year_of(today or date.today())
    rows = 0
    with engine.begin() as conn:
        mark_demo(conn)  # fictional children: every window, printout and export says so
        office_id, office_name = _ensure_office(conn)
        year_id = _ensure_year(conn, year_be)
        institutions = _ensure_institutions(conn, children, office_id, seed)
        ids = _next_ids(conn)
        empty = conn.scalar(select(func.count()).select_from(Child)) == 0
        sqls = {t: insert_sql(conn, t) for t in BULK_TABLES}
        progress.step(0, children, "")
        with deferred_indexes(conn, BULK_TABLES if empty and children >= 5000 else (),
                              counted=True) as load:
            chunks = demo_data.generate(
                children, seed=seed, office_id=office_id, institutions=institutions,
                year_id=year_id, year_be=year_be, ids=ids, now=utcnow(), chunk_size=chunk_size,
            )
            done = 0
            for chunk in chunks:
                for table, table_rows in chunk.tables():
                    if table == "household" and not load.counts_dropped:
                        table_rows = [(*r[:-2], 0, 0) for r in table_rows]  # the triggers count
                    if table_rows:
                        conn.exec_driver_sql(sqls[table], table_rows)
                        rows += len(table_rows)
                if chunk.child:  # one audit entry per child, the chunk's in one statement
                    record_many(conn, per_child("create", [str(r[1]) for r in chunk.child],
                                                {"demo": seed}))  # by the signed-in user
                    load.children_added(int(chunk.child[0][0]), int(chunk.child[-1][0]))  # type: ignore[call-overload]
                done += chunk.children
                progress.step(done, children, "")
            progress.step(children, children, "index")
        if conn.dialect.name == "postgresql":
            # explicit ids do not move PostgreSQL's sequences; later inserts would collide
            for table in (*BULK_TABLES, "institution"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        screened = registers = cases = 0
        grown = (0, 0)
        if screenings:
            from desktop.services.demo_screenings import fill_screenings

            screened = fill_screenings(conn, office_id=office_id, year_id=year_id, seed=seed,
                                       today=today or date.today(), children=children)
            if screened and grant_round:  # and a grant round of them, with attendance and some payments
                from desktop.services.demo_grants import fill_grant_round

                fill_grant_round(conn, office_id=office_id, year_id=year_id, seed=seed, today=today or date.today())
            from desktop.services.demo_centres import fill_centres  # rooms and a term of attendance

            registers = fill_centres(conn, office_id=office_id, year_id=year_id, seed=seed,
                                     today=today or date.today())
            from desktop.services.demo_growth import fill_growth  # measurements and DSPM checks

            grown = fill_growth(conn, office_id=office_id, year_id=year_id, seed=seed, today=today or date.today())
            # out-of-school cases in every status (issue 13)
            from desktop.services.demo_cases import fill_cases

            cases = fill_cases(conn, office_id=office_id, seed=seed, today=today or date.today())
        if conn.dialect.name == "postgresql":  # planner statistics of what was loaded (store/pg_stats.py)
            analyze(conn, [*BULK_TABLES, "institution", *(DEMO_RECORDS if screenings else ()),
                           *(DEMO_GRANTS if screenings and grant_round else ())])
        detail: dict[str, object] = {"children": children, "seed": seed}
        if screened:
            detail["screenings"] = screened
        if registers:
            detail["centre_registers"] = registers
        if any(grown):
            detail["growth_measurements"], detail["dspm_checks"] = grown
        if cases:
            detail["oos_cases"] = cases
        record_many(conn, [entry("import", "demo", "", detail)])
    return DemoResult(children, rows, time.perf_counter() - started, office_name, screened)
