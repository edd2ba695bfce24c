"""0021: on PostgreSQL ix_child_live_office_name carries the fields a term is tested on, so
a term's count inside one municipality is an index-only scan; a downgrade gives back
0014's index. On SQLite the twentieth schema's file upgrades with its index as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import text
from test_upgrade_0014 import _empty

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
COLUMNS = ("SELECT indnatts, indnkeyatts FROM pg_index "
           "WHERE indexrelid = 'ix_child_live_office_name'::regclass")


def _index_sql(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                                "'ix_child_live_office_name'").fetchone()[0])
    finally:
        conn.close()


def test_the_twentieth_schema_upgrades_with_its_index_on_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0020.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, target="0021", backup=False)
        assert migrate.current_revision(db.engine) == "0021"
        assert check_database(db.engine) == []
    finally:
        db.dispose()
    assert _index_sql(path) == _index_sql(FIXTURES / "samoe-0020.db")


def test_postgresql_office_index_carries_the_fields(pg_url: str) -> None:
    from alembic import command

    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0020", backup=False)
        with db.engine.connect() as conn:
            assert tuple(conn.execute(text(COLUMNS)).one()) == (3, 3)
        migrate.upgrade(db, target="0021", backup=False)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            assert tuple(conn.execute(text(COLUMNS)).one()) == (9, 3)
            conn.execute(text("VACUUM ANALYZE child"))
            conn.execute(text("SET enable_bitmapscan = off"))  # an empty table: any plan is cheap
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(str(r[0]) for r in conn.execute(text(
                "EXPLAIN SELECT count(*) FROM child WHERE deleted_at IS NULL AND "
                "origin_office_id = 1 AND (strpos(first_name, 'ชัย') > 0 OR "
                "strpos(national_id, 'ชัย') > 0)")))
            assert "Index Only Scan using ix_child_live_office_name" in plan, plan
        with db.engine.connect() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0020")
            conn.commit()
        with db.engine.connect() as conn:
            assert tuple(conn.execute(text(COLUMNS)).one()) == (3, 3)
    finally:
        db.dispose()
