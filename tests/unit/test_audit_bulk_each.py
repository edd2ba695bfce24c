"""``audit_chain.append_each`` (an import's or its undo's entry per child, without an Entry
object each) writes the very rows and hashes ``append`` writes for the same entries, and
the chain verifies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop.services.audit import per_child, record_per_child
from desktop.store import audit_chain
from desktop.store.db import Database

AT = datetime(2026, 11, 30, 15, 4, 5, 123456)
UUIDS = [f"0193{i:04x}-aaaa-7bbb-8ccc-{i:012x}" for i in range(300)] + ["ก-\"quote\"-\\"]


def _written(db: Database, write: Any) -> list[tuple[Any, ...]]:
    """The audit rows ``write(conn)`` adds, rolled back after (both ways start alike)."""
    with db.engine.connect() as conn:
        trans = conn.begin()
        before = conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar()
        write(conn)
        rows = [tuple(r) for r in conn.execute(text(
            f"SELECT {', '.join(audit_chain.COLUMNS)} FROM audit_log WHERE id > :b ORDER BY id"),  # noqa: S608
            {"b": before})]
        trans.rollback()
    return rows


@pytest.mark.parametrize("entity", ["child", "household"])
def test_append_each_writes_what_append_writes(office_db: Database, entity: str) -> None:
    detail = '{"import_batch": "x"}'
    by_entries = _written(office_db, lambda conn: audit_chain.append(conn, [
        audit_chain.Entry("create", entity, u, detail, "clerk", u if entity == "child" else "", AT)
        for u in UUIDS]))
    each = _written(office_db, lambda conn: audit_chain.append_each(
        conn, "create", entity, UUIDS, detail=detail, actor="clerk", at=AT))
    assert each == by_entries and len(each) == len(UUIDS)
    assert audit_chain.append_each(office_db.engine.connect(), "create", entity, [],
                                   actor="clerk") is None


def test_record_per_child_is_record_many_of_per_child(office_db: Database) -> None:
    from sqlalchemy.orm import Session

    from desktop.services.audit import record_many

    def many(conn: Any) -> None:
        record_many(Session(bind=conn), per_child("delete", UUIDS, {"undo_import": "b"}, at=AT),
                    actor="หัวหน้า")

    def each(conn: Any) -> None:
        record_per_child(Session(bind=conn), "delete", UUIDS, {"undo_import": "b"}, at=AT,
                         actor="หัวหน้า")

    assert _written(office_db, each) == _written(office_db, many)
    with office_db.session() as s:
        record_per_child(s, "create", UUIDS[:50], {"import_batch": "a"}, actor="clerk")
    with office_db.engine.connect() as conn:
        assert audit_chain.verify(conn) is None
