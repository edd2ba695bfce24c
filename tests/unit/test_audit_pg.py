"""The audit chain on PostgreSQL (the province's server): the same verify, the triggers
refuse UPDATE, DELETE and TRUNCATE, and two writers in two processes keep one chain (the
advisory lock); on the throwaway server of test_postgres."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from test_postgres import pg  # noqa: F401 - the fixture (pg_url: tests/conftest.py)

from desktop.services import audit
from desktop.store import audit_chain
from desktop.store.db import Database
from desktop.store.models import AuditEntry


def _fill(db: Database, n: int = 10) -> None:
    with db.session() as s:
        for i in range(n):
            audit.record(s, "update", "child", f"c{i}", {"first_name": ["ก", f"ข{i}"], "note": 'a"\n\\'},
                         actor="clerk")


def _verify(db: Database) -> audit_chain.Problem | None:
    with db.engine.connect() as conn:
        return audit_chain.verify(conn)


def _tamper(db: Database, statement: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        conn.execute(text(statement))
        conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))


def test_the_chain_holds_and_names_what_was_changed(pg: Database) -> None:  # noqa: F811
    _fill(pg)
    assert _verify(pg) is None
    _tamper(pg, "UPDATE audit_log SET actor = 'x' WHERE id = 4")
    problem = _verify(pg)
    assert problem is not None and (problem.id, problem.kind) == (4, "edited")


@pytest.mark.parametrize(("statement", "expected"), [
    ("DELETE FROM audit_log WHERE id = 3", (3, "deleted")),
    ("DELETE FROM audit_log WHERE id > 7", (8, "cut")),
])
def test_deleted_and_cut_rows_are_named(pg: Database, statement: str, expected: tuple[int, str]) -> None:  # noqa: F811
    _fill(pg)
    _tamper(pg, statement)
    problem = _verify(pg)
    assert problem is not None and (problem.id, problem.kind) == expected


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
])
def test_the_triggers_refuse_edits(pg: Database, statement: str) -> None:  # noqa: F811
    _fill(pg, 2)
    with pytest.raises(DBAPIError, match="append-only"), pg.engine.begin() as conn:
        conn.execute(text(statement))
    assert _verify(pg) is None


def _writer(url: str, who: str, n: int) -> None:
    db = Database.open(url)
    try:
        for i in range(n):
            with db.session() as s:
                if i % 4 == 0:
                    audit.record_many(s, [audit.entry("create", "child", f"{who}{i}-{k}") for k in range(3)],
                                      actor=who)
                else:
                    audit.record(s, "update", "child", f"{who}{i}", {"i": i}, actor=who)
    finally:
        db.dispose()


def test_two_writers_keep_one_chain(pg: Database) -> None:  # noqa: F811
    n = 40
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(pg.url, who, n)) for who in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
        assert p.exitcode == 0
    assert _verify(pg) is None
    with pg.reader() as s:
        ids = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
        assert s.scalar(select(func.count(func.distinct(AuditEntry.actor)))) == 2
    per_writer = n + 2 * (n // 4)
    assert ids == list(range(1, 2 * per_writer + 1))
