"""Every SQLite write path begins its transaction as a write (BEGIN IMMEDIATE), so that a
second writer waits in the busy timeout instead of failing when its read snapshot has to
become a write; every read path begins a plain (deferred) transaction and never waits for
a writer. tests/unit/test_db_faults.py shows the same with two real processes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from desktop.services.demo import fill_demo
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.models import Child


@contextmanager
def begins(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_write_paths_begin_immediate_and_reads_do_not(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "office.db")
    try:
        with begins(db) as seen:
            migrate.upgrade(db)
        first_write = seen.index("BEGIN IMMEDIATE")  # the revision is read first, deferred
        assert set(seen[:first_write]) <= {"BEGIN"} and set(seen[first_write:]) == {"BEGIN IMMEDIATE"}

        with begins(db) as seen, db.session() as s:
            init_office(s, name="เทศบาลตำบลทดสอบ", code="6300101")
        assert seen == ["BEGIN IMMEDIATE"]

        with begins(db) as seen:
            fill_demo(db.engine, children=20, seed=1, today=date(2026, 11, 24))
        assert seen and set(seen) == {"BEGIN IMMEDIATE"}, seen

        with begins(db) as seen, db.reader() as s:
            assert s.scalar(select(func.count()).select_from(Child)) == 20
        assert seen == ["BEGIN"]
    finally:
        db.dispose()


def test_a_reader_is_not_held_up_by_a_writer(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "office.db")
    migrate.upgrade(db)
    other = sqlite3.connect(tmp_path / "office.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE alembic_version SET version_num = version_num")
        with db.reader() as s:  # would wait 10 s and fail if it took the write lock
            assert s.scalar(select(func.count()).select_from(Child)) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()
