"""The audit log is a hash chain (issue 9): verify names the first row edited, deleted,
inserted or cut directly in the database file (triggers dropped, plain sqlite3); the
triggers refuse edits; two processes appending at once keep one chain."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import random
import sqlite3
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from desktop.services import audit
from desktop.store import audit_chain, migrate
from desktop.store.db import Database
from desktop.store.models import AuditEntry

VERSIONS = Path(migrate.__file__).parent / "migrations" / "versions"
N = 12


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("m0007", VERSIONS / "0007_users_and_audit_chain.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_chain_hash_is_the_migrations_on_many_rows() -> None:
    m = _migration()
    rng = random.Random(9)
    alphabet = 'aก"\\\n\t\x00\x1f/<>&ข้ำ €😀 '
    prev = audit_chain.GENESIS
    for i in range(2000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(6)]
        when = datetime(2026, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, rng.randrange(10**6) * (i % 2))
        at: datetime | str = when
        if i % 3 == 0:
            at = when.isoformat(sep=" ", timespec="microseconds")
        elif i % 3 == 1:
            at = when.isoformat()  # other spellings of a time hash as the canonical one
        a, b, c, d, e, f = texts
        ours = audit_chain.chain_hash(prev, i + 1, at, a, b, c, d, e, f)
        assert ours == m.chain_hash(prev, i + 1, at, a, b, c, d, e, f), (at, texts)
        prev = ours
    assert audit_chain.GENESIS == m.GENESIS


def _filled(db: Database, n: int = N) -> None:
    with db.session() as s:
        for i in range(n):
            audit.record(s, "update", "child", f"uuid-{i}", {"first_name": ["ก", f"ข{i}"]}, actor="clerk")


def _raw(db: Database) -> sqlite3.Connection:
    """The file opened with plain sqlite3, the append-only triggers dropped."""
    assert db.path is not None
    db.dispose()
    conn = sqlite3.connect(db.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def _verify(db: Database) -> audit_chain.Problem | None:
    with db.engine.connect() as conn:
        return audit_chain.verify(conn)


def _row(conn: sqlite3.Connection, i: int) -> list[object]:
    return list(conn.execute(f"SELECT {', '.join(audit_chain.COLUMNS)} FROM audit_log WHERE id = ?", (i,)).fetchone())


def test_a_fresh_chain_verifies_and_its_head_is_kept(db: Database) -> None:
    assert _verify(db) is None  # empty
    _filled(db)
    assert _verify(db) is None
    with db.engine.connect() as conn:
        head = audit_chain.stored_head(conn)
        assert head == audit_chain.last_row(conn)
    assert head is not None and head.id == N


def test_an_edited_row_is_named(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    conn.execute("UPDATE audit_log SET detail = '{}' WHERE id = 5")
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (5, "edited")
    assert "5" in problem.message and "แก้ไข" in problem.message


def test_an_edited_row_with_its_hash_recomputed_is_named(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    row = _row(conn, 5)
    row[2] = "someone else"
    conn.execute("UPDATE audit_log SET actor = ?, hash = ? WHERE id = 5",
                 (row[2], audit_chain.chain_hash(row[8], *row[:8])))  # type: ignore[arg-type]
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (5, "edited")


def test_a_deleted_row_is_named(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    conn.execute("DELETE FROM audit_log WHERE id IN (4, 5)")
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (4, "deleted")
    assert "ลบ" in problem.message


def test_a_deleted_first_row_is_named(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    conn.execute("DELETE FROM audit_log WHERE id = 1")
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (1, "deleted")


def _forge(conn: sqlite3.Connection, row_id: int, prev_hash: str) -> None:
    fields = [row_id, "2026-11-30 09:00:00.000000", "intruder", "update", "child", "x", "x", ""]
    conn.execute(f"INSERT INTO audit_log ({', '.join(audit_chain.COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                 (*fields, prev_hash, audit_chain.chain_hash(prev_hash, *fields)))  # type: ignore[arg-type]


@pytest.mark.parametrize("where", ["middle", "start", "end"])
def test_an_inserted_row_is_named(db: Database, where: str) -> None:
    _filled(db)
    conn = _raw(db)
    if where == "middle":  # a gap made by renumbering the tail up by one, then a row in it
        conn.execute("UPDATE audit_log SET id = id + 100 WHERE id > 6")
        conn.execute("UPDATE audit_log SET id = id - 99 WHERE id > 100")
        _forge(conn, 7, str(_row(conn, 6)[9]))
        expected = 7
    elif where == "start":
        _forge(conn, 0, audit_chain.GENESIS)
        expected = 0
    else:
        _forge(conn, N + 1, str(_row(conn, N)[9]))  # chained well, but after the kept head
        expected = N + 1
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (expected, "inserted")
    assert "แทรก" in problem.message


def test_a_cut_tail_is_named(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    conn.execute(f"DELETE FROM audit_log WHERE id > {N - 3}")
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (N - 2, "cut")
    assert str(N) in problem.message


def test_a_whole_table_emptied_is_a_cut(db: Database) -> None:
    _filled(db)
    conn = _raw(db)
    conn.execute("DELETE FROM audit_log")
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (1, "cut")


def test_the_triggers_refuse_edits_raw_and_through_the_orm(db: Database) -> None:
    _filled(db)
    with pytest.raises(IntegrityError, match="append-only"), db.session() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 3).values(actor="x"))
    with pytest.raises(IntegrityError, match="append-only"), db.session() as s:
        s.delete(s.get(AuditEntry, 3))
    with pytest.raises(IntegrityError, match="append-only"), db.session() as s:
        entry = s.get(AuditEntry, 3)
        assert entry is not None
        entry.detail = "{}"
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log WHERE id = 1"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(statement)
    finally:
        conn.close()
    assert _verify(db) is None


def test_national_ids_in_details_are_masked(db: Database) -> None:
    with db.session() as s:
        audit.record(s, "update", "child", "u1", {"national_id": [None, "1103702071836"],
                                                  "guardians": [{"national_id": "3100600123456"}]})
    with db.reader() as s:
        detail = json.loads(s.scalars(select(AuditEntry.detail)).one())
    assert detail == {"national_id": [None, "xxxxxxxxx1836"], "guardians": [{"national_id": "xxxxxxxxx3456"}]}


def test_a_childs_entry_names_the_child_as_its_subject(db: Database) -> None:
    with db.session() as s:
        audit.record(s, "update", "child", "c1", {})
        audit.record(s, "update", "household", "h1", {}, subject_uuid="c1")
        audit.record(s, "update", "institution", "i1", {})
    with db.reader() as s:
        rows = s.execute(select(AuditEntry.entity, AuditEntry.subject_uuid).order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in rows] == [("child", "c1"), ("household", "c1"), ("institution", "")]


def test_a_rolled_back_entry_leaves_no_trace_in_the_chain(db: Database) -> None:
    _filled(db, 3)
    with pytest.raises(RuntimeError), db.session() as s:
        audit.record(s, "update", "child", "c1", {})
        raise RuntimeError
    _filled(db, 2)
    assert _verify(db) is None
    with db.reader() as s:
        assert s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all() == [1, 2, 3, 4, 5]


def _writer(path: str, who: str, n: int) -> None:
    db = Database.open(path)
    try:
        for i in range(n):
            with db.session() as s:
                if i % 5 == 0:
                    audit.record_many(s, [audit.entry("import", "child", f"{who}-{i}-{k}") for k in range(3)],
                                      actor=who)
                else:
                    audit.record(s, "update", "child", f"{who}-{i}", {"i": i}, actor=who)
    finally:
        db.dispose()


def test_two_processes_appending_at_once_keep_one_chain(db: Database) -> None:
    n = 60
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db.path), who, n)) for who in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert _verify(db) is None
    with db.reader() as s:
        ids = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
        actors = set(s.scalars(select(AuditEntry.actor)))
    per_writer = n + 2 * (n // 5)
    assert ids == list(range(1, 2 * per_writer + 1)) and actors == {"a", "b"}


def test_the_sixth_schema_upgraded_verifies_and_goes_on(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "office.db"
    shutil.copyfile(Path(__file__).parents[1] / "migrations" / "fixtures" / "samoe-0006.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert _verify(db) is None  # the migration chained the old entry and kept the head
        _filled(db, 2)
        assert _verify(db) is None
        with db.reader() as s:
            assert s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all() == [1, 2, 3]
    finally:
        db.dispose()


def test_odd_text_verifies_whichever_way_the_row_is_hashed(db: Database) -> None:
    """SQLite spells the hashed text itself (json_array) for speed; values it might spell
    otherwise than Python (NUL, control characters, lone marks, emoji) still verify."""
    odd = ['a"\\\n\t\x00\x01\x1f\x7f/', "ก\u0e49\u0e33 😀 \u2028", "", "\ud7ff\ue000"]
    with db.session() as s:
        for i, text in enumerate(odd):
            audit.record(s, "update", "child", f"u{i}", {"note": text}, actor=text)
    assert _verify(db) is None
    conn = _raw(db)
    conn.execute("UPDATE audit_log SET actor = ? WHERE id = 3", ('a"\\\n\t\x00\x01',))
    conn.close()
    problem = _verify(db)
    assert problem is not None and (problem.id, problem.kind) == (3, "edited")


def test_a_bulk_append_hashes_each_row_as_chain_hash_does(db: Database) -> None:
    """append builds the hashed text itself (what a batch repeats encoded once)."""
    at = datetime(2026, 11, 30, 9, 0, 0, 5)
    batch = [audit.entry(["view", "update"][i % 2], "child", f"c{i}", {"n": i % 3} if i % 4 else None,
                         actor=["ก", 'b"'][i % 2], at=at if i % 3 else None) for i in range(40)]
    with db.session() as s:
        audit.record_many(s, batch)
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        rows = conn.execute(f"SELECT {', '.join(audit_chain.COLUMNS)} FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()
    prev = audit_chain.GENESIS
    for row in rows:
        assert row[8] == prev and row[9] == audit_chain.chain_hash(prev, *row[:8]), row
        prev = row[9]
    assert len(rows) == 40 and _verify(db) is None


def test_an_entry_added_as_an_orm_object_is_refused(db: Database) -> None:
    with pytest.raises(RuntimeError, match="record"), db.session() as s:
        s.add(AuditEntry(action="update", entity="child", entity_uuid="c1", actor="x", detail=""))
        s.flush()
    assert _verify(db) is None
