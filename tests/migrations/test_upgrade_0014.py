"""0014: the consolidated registry's indexes. On a file of the thirteenth schema: the
municipality's name-order index comes, the list filtered to one municipality reads it,
and a downgrade takes it away. On PostgreSQL (a server the tests start, as
tests/unit/test_postgres.py): the pg_trgm extension and the GIN trigram index over the
search text come, and the list's search is answered from it."""

from __future__ import annotations

import importlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.services import children_query
from desktop.services.children_query import ChildFilter, count_children, page_children
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database
from desktop.store.models import Child, Office, name_sort_key, new_uuid

FIXTURES = Path(__file__).parent / "fixtures"
M0014 = importlib.import_module("desktop.store.migrations.versions.0014_consolidated_registry")


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def test_the_search_text_is_the_index_expression() -> None:
    """The planner uses the trigram index only for the expression it was built on."""
    assert str(children_query.SEARCH_TEXT_PG) == M0014.SEARCH_TEXT


def test_thirteenth_schema_upgrades_with_the_office_index(tmp_path: Path) -> None:
    path = tmp_path / "province.db"
    shutil.copyfile(FIXTURES / "samoe-0013.db", path)
    assert "ix_child_live_office_name" not in _indexes(path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert "ix_child_live_office_name" in _indexes(path)
        with db.reader() as s:
            office = s.query(Child.origin_office_id).filter(Child.id == 1).scalar()
            everyone = [r.id for r in page_children(s, ChildFilter(), offset=0, limit=50)]
            theirs = [r.id for r in page_children(s, ChildFilter(office_id=office),
                                                  offset=0, limit=50)]
            assert theirs == everyone and count_children(s, ChildFilter(office_id=office)) == \
                len(everyone)
            assert page_children(s, ChildFilter(office_id=office + 1), offset=0, limit=5) == []
            raw: Any = s.connection().connection.driver_connection
            plan = " ".join(str(r[-1]) for r in raw.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM child WHERE deleted_at IS NULL AND "
                "origin_office_id = 1 ORDER BY first_name_key, last_name_key, id LIMIT 200"))
            assert "ix_child_live_office_name" in plan, plan
    finally:
        db.dispose()


def test_downgrade_takes_the_office_index_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "province.db"
    shutil.copyfile(FIXTURES / "samoe-0013.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0013")
            conn.commit()
        assert migrate.current_revision(db.engine) == "0013"
        assert "ix_child_live_office_name" not in _indexes(path)
    finally:
        db.dispose()


# ---------------------------------------------------------------- PostgreSQL
def _empty(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


def _plan(db: Database, flt: ChildFilter) -> str:
    """PostgreSQL's plan of the list's first page for ``flt`` (in name order)."""
    with db.reader() as s:
        stmt = (children_query.select(Child.id).where(*children_query.filter_conditions(s, flt))
                .order_by(Child.first_name_key, Child.last_name_key, Child.id).limit(200))
        compiled = stmt.compile(s.get_bind())
        return "\n".join(str(r[0]) for r in s.connection().exec_driver_sql(
            "EXPLAIN " + str(compiled), compiled.params))


def test_postgresql_upgrade_adds_the_trigram_index(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0013", backup=False)
        with db.engine.begin() as conn:  # children sent by two offices, before 0014
            conn.execute(text("DROP EXTENSION IF EXISTS pg_trgm"))
        _children(db)
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
                                ).scalar() == 1
            found = {str(r[0]) for r in conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'child'"))}
        assert {"ix_child_live_search_trgm", "ix_child_live_office_name"} <= found
        with db.reader() as s:
            offices = sorted({int(o) for o, in s.execute(text(
                "SELECT DISTINCT origin_office_id FROM child"))})
            assert count_children(s, ChildFilter(search="ทดลองค้น")) == 4
            assert count_children(s, ChildFilter(search="ดลองค")) == 4
            assert count_children(s, ChildFilter(search="ทดลองค้น", office_id=offices[1])) == 2
            assert count_children(s, ChildFilter(search="ค้นสาม ศรีสุข")) == 1  # first and last
            assert [r.first_name for r in page_children(
                s, ChildFilter(search="ลองค้น"), offset=0, limit=3)] == sorted(
                ["ทดลองค้นหนึ่ง", "ทดลองค้นสอง", "ทดลองค้นสาม", "ทดลองค้นสี่"],
                key=name_sort_key)[:3]
        _many_children(db)  # enough that the planner prefers the indexes to a scan
        plan = _plan(db, ChildFilter(search="ทดลองค้น"))
        assert "ix_child_live_search_trgm" in plan, plan
        plan = _plan(db, ChildFilter(office_id=offices[1]))
        assert "ix_child_live_office_name" in plan, plan
    finally:
        db.dispose()


def _children(db: Database) -> None:
    with db.session() as s:
        local = Office(uuid=new_uuid(), code="6300101", name="เทศบาลตำบลบ้านใหม่",
                       role="province", is_local=True)
        other = Office(uuid=new_uuid(), code="6300102", name="เทศบาลตำบลบ้านเก่า",
                       role="municipality", is_local=False)
        s.add_all([local, other])
        s.flush()
        for i, (first, office) in enumerate((
                ("ทดลองค้นหนึ่ง", local), ("ทดลองค้นสอง", local), ("ทดลองค้นสาม", other),
                ("ทดลองค้นสี่", other), ("สมชาย", other))):
            s.add(Child(prefix="ด.ช.", first_name=first, last_name="ศรีสุข", sex="M",
                        birth_date=date(2020, 1, 1 + i), id_type="none",
                        origin_office_id=office.id))


def _many_children(db: Database, n: int = 20_000) -> None:
    with db.engine.begin() as conn:
        office = conn.execute(text("SELECT min(id) FROM office")).scalar()
        conn.execute(Child.__table__.insert(), [
            {"uuid": new_uuid(), "prefix": "ด.ญ.", "first_name": f"เด็กที่{i}",
             "last_name": f"นามสกุล{i % 97}", "sex": "F", "birth_date": date(2019, 1, 1),
             "id_type": "none", "origin_office_id": office,
             "first_name_key": name_sort_key(f"เด็กที่{i}"),
             "last_name_key": name_sort_key(f"นามสกุล{i % 97}")} for i in range(n)])
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE child"))
