"""0015: the poverty screening's tables on a file of the fourteenth schema (empty), whose
rows travel like the registry's: an edit of a travelling column makes a stamped row
pending again, a local row deleted for good leaves a tombstone; and a downgrade takes
them away. The same on a throwaway PostgreSQL server."""

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
TABLES = {"screening", "screening_member", "screening_certification", "screening_photo", "screening_rulepack"}


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_0015_fixture_is_the_fifteenth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0015.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0015",)]
    finally:
        conn.close()
    assert _names(FIXTURES / "samoe-0015.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0014.db")


def _screening_travels(db: Database) -> None:
    with db.session() as s:
        s.execute(text("INSERT INTO term (id, academic_year_id, number, start_date, end_date) "
                       "VALUES (91, 1, 1, '2026-05-16', '2026-10-10')"))
        s.execute(text(
            "INSERT INTO screening (uuid, version, created_at, updated_at, origin_office_id, child_id, term_id, "
            "status, tenure, housing, land, land_rai, water, electricity, single_parent, vehicles, appliances, "
            "travel_means, no_photo_reason, note, level, members_count, pack, recorded_by, submitted_by, "
            "returned_by, returned_reason, changed_seq) VALUES ('00000000-0000-4000-8000-000000000f01', 1, "
            "'2026-12-01 08:00:00', '2026-12-01 08:00:00', 1, 1, 91, 'draft', 'rent', 'worn', 'none', 0, 'well', "
            "'own_meter', false, '', '', '', '', '', '', 0, '', '', '', '', '', 3)"))
    with db.session() as s:
        s.execute(text("UPDATE screening SET tenure = 'own' WHERE child_id = 1"))
        assert s.execute(text("SELECT changed_seq FROM screening")).scalar() is None
        s.execute(text("DELETE FROM screening"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("screening", "00000000-0000-4000-8000-000000000f01")]


def test_fourteenth_schema_upgrades_with_the_screening(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0014.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert _names(path) >= TABLES
        _screening_travels(db)
    finally:
        db.dispose()


def test_downgrade_takes_the_screening_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0015.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0014")
            conn.commit()
    finally:
        db.dispose()
    names = _names(path)
    assert not TABLES & names
    assert not {n for n in names if n.startswith("screening")}


def test_postgresql_upgrade_adds_the_screening(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0014", backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text("INSERT INTO academic_year (id, year_be, start_date, end_date) "
                              "VALUES (1, 2569, '2026-05-16', '2027-05-15')"))
            conn.execute(text(
                "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, nationality, "
                "disability, no_id_reason, first_name_key, last_name_key) VALUES (1, "
                "'00000000-0000-4000-8000-000000000021', 1, now(), now(), 1, 'ด.ช.', 'ภูผา', 'ศรีสุข', '', '', "
                "'M', '2018-01-01', 'none', 'ไทย', '', '', 'a', 'b')"))
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _screening_travels(db)
    finally:
        db.dispose()
