"""0008: each household stores its number of live children and live guardians (the
households list sorts by them through two indexes), kept by triggers on child and guardian;
a downgrade takes all of it away again."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select, update

from desktop.services.households import HouseholdSort, page_households
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child, Guardian, utcnow

FIXTURES = Path(__file__).parent / "fixtures"


def test_0007_fixture_is_the_seventh_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0007.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0007",)]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(household)")}
        members = conn.execute("SELECT household_id, deleted_at IS NULL FROM guardian ORDER BY id").fetchall()
    finally:
        conn.close()
    assert "child_count" not in columns
    assert members == [(1, 1), (1, 0), (2, 1)]


def _upgraded(tmp_path: Path) -> Database:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0007.db", path)
    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    return db


def _counts(db: Database) -> list[tuple[int, int, int]]:
    with db.reader() as s:
        return [(r.id, r.children, r.guardians)
                for r in page_households(s, "", offset=0, limit=10, sort=HouseholdSort.CHILDREN)]


def test_seventh_schema_upgrades_with_the_members_counted(tmp_path: Path) -> None:
    db = _upgraded(tmp_path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        # household 1: children 1 and 2 (3 is deleted, 4 and 6 have none), guardian 1 (2 is
        # deleted); household 2: child 5 and guardian 3. Fewest children first.
        assert _counts(db) == [(2, 1, 1), (1, 2, 1)]
        with db.session() as s:  # the triggers work on the upgraded file
            s.execute(update(Child).where(Child.id == 2).values(household_id=2))
            s.execute(update(Guardian).where(Guardian.id == 2).values(deleted_at=None))
            s.execute(update(Child).where(Child.id == 3).values(deleted_at=None, household_id=1))
        assert _counts(db) == [(2, 2, 1), (1, 2, 2)]  # ties: by address (หมู่ 2 before 4)
        with db.session() as s:
            s.execute(update(Child).where(Child.id.in_([1, 3])).values(deleted_at=utcnow()))
            assert s.scalar(select(Child.household_id).where(Child.id == 1)) == 1
        assert _counts(db) == [(1, 0, 2), (2, 2, 1)]
        assert check_database(db.engine) == []
    finally:
        db.dispose()


def test_downgrade_takes_the_counts_away(tmp_path: Path) -> None:
    db = _upgraded(tmp_path)
    try:
        _downgrade(db, "0007")
        conn = sqlite3.connect(tmp_path / "office.db")
        try:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(household)")}
            triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
            conn.execute("UPDATE child SET household_id = NULL WHERE id = 1")  # no trigger left
        finally:
            conn.close()
        assert "child_count" not in columns and "guardian_count" not in columns
        assert not {t for t in triggers if "_count_" in t}
    finally:
        db.dispose()


def _downgrade(db: Database, target: str) -> None:
    from alembic import command

    cfg = migrate._config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
        conn.commit()
