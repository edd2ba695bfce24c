"""0022: on SQLite ix_child_live_office_name carries the fields a term is tested on (as
keys after its own), so a term inside one municipality is read from the index alone; a
file of the twenty-first schema upgrades with its children found as before, and a
downgrade gives back the narrow index. PostgreSQL keeps 0021's index (nothing to do)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command

from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("first_name", "last_name", "first_name_en", "last_name_en", "national_id", "g_code")


def _index_columns(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[2] for r in conn.execute("PRAGMA index_info('ix_child_live_office_name')")]
    finally:
        conn.close()


def _found(db: Database) -> list[tuple[list[int], int]]:
    out = []
    with db.reader() as s:
        office = s.query(Child.origin_office_id).filter(Child.id == 1).scalar()
        first = str(s.query(Child.first_name).filter(Child.deleted_at.is_(None)).limit(1).scalar())
        for term in ("", first[:3], first, "ไม่มีใครชื่อนี้"):
            flt = ChildFilter(office_id=office, search=term)
            out.append(([r.id for r in page_children(s, flt, offset=0, limit=50)],
                        count_children(s, flt)))
    return out


def test_the_twenty_first_schema_upgrades_with_the_wider_office_index(tmp_path: Path) -> None:
    path = tmp_path / "province.db"
    shutil.copyfile(FIXTURES / "samoe-0021.db", path)
    assert _index_columns(path) == ["origin_office_id", "first_name_key", "last_name_key"]
    db = Database.open(path)
    try:
        migrate.upgrade(db, target="0021", backup=False)
        before = _found(db)
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert _index_columns(path) == ["origin_office_id", "first_name_key", "last_name_key",
                                        *FIELDS]
        assert _found(db) == before
        assert before[0][1] > 0 and before[2][1] > 0  # the fixture's children are found
        with db.engine.connect() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0021")
            conn.commit()
        assert _index_columns(path) == ["origin_office_id", "first_name_key", "last_name_key"]
    finally:
        db.dispose()


def test_postgresql_office_index_carries_the_id(pg_url: str) -> None:
    """A page's ids inside one municipality come from the index alone (the plan says so)."""
    from sqlalchemy import text
    from test_upgrade_0014 import _empty

    columns = ("SELECT indnatts, indnkeyatts FROM pg_index "
               "WHERE indexrelid = 'ix_child_live_office_name'::regclass")
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0021", backup=False)
        with db.engine.connect() as conn:
            assert tuple(conn.execute(text(columns)).one()) == (9, 3)
        migrate.upgrade(db, target="0022", backup=False)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            assert tuple(conn.execute(text(columns)).one()) == (10, 3)
            conn.execute(text("VACUUM ANALYZE child"))
            conn.execute(text("SET enable_bitmapscan = off"))  # an empty table: any plan is cheap
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(str(r[0]) for r in conn.execute(text(
                "EXPLAIN SELECT id FROM child WHERE deleted_at IS NULL AND origin_office_id = 1 "
                "AND strpos(first_name, 'ชัย') > 0 ORDER BY first_name_key, last_name_key, id "
                "LIMIT 200")))
            assert "Index Only Scan using ix_child_live_office_name" in plan, plan
        with db.engine.connect() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0021")
            conn.commit()
        with db.engine.connect() as conn:
            assert tuple(conn.execute(text(columns)).one()) == (9, 3)
    finally:
        db.dispose()
