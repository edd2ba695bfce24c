"""0017: the centres' tables (rooms, placements, registers, absences, closed days, rates)
on a file of the sixteenth schema (empty), travelling like the registry's rows (an edit
makes a stamped row pending again, a hard delete leaves a tombstone); the live-row unique
indexes refuse a second register or absence for the same day; a downgrade takes them away;
the same upgrade on a throwaway PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from test_upgrade_0015 import _empty, _names

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"centre_room", "centre_placement", "centre_register", "centre_absence", "centre_closed_day",
          "centre_rate"}
STAMP = "'2026-12-01 08:00:00'"


def test_0017_fixture_is_the_seventeenth_schema() -> None:
    assert _names(FIXTURES / "samoe-0017.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0016.db")


def _insert(s: object, table: str, uuid: str, columns: str, values: str) -> None:
    s.execute(text(  # type: ignore[attr-defined]
        f"INSERT INTO {table} (uuid, version, created_at, updated_at, origin_office_id, changed_seq, {columns}) "
        f"VALUES ('{uuid}', 1, {STAMP}, {STAMP}, 1, 5, {values})"))


def _centre_travels(db: Database) -> None:
    with db.session() as s:
        _insert(s, "centre_room", "00000000-0000-4000-8000-000000000c01",
                "institution_id, academic_year_id, name, age_group, position", "1, 1, 'ห้องเด็กกลาง', '3', 1")
        _insert(s, "centre_register", "00000000-0000-4000-8000-000000000c02",
                "room_id, day, taken_by, back_dated", "1, '2026-12-01', 'ครูแดง', false")
        _insert(s, "centre_absence", "00000000-0000-4000-8000-000000000c03",
                "child_id, day, reason", "1, '2026-12-01', 'sick'")
    with db.session() as s, pytest.raises(IntegrityError):
        _insert(s, "centre_absence", "00000000-0000-4000-8000-000000000c04",
                "child_id, day, reason", "1, '2026-12-01', 'leave'")
    with db.session() as s:
        s.execute(text("UPDATE centre_absence SET reason = 'leave'"))
        assert s.execute(text("SELECT changed_seq FROM centre_absence")).scalar() is None
        assert s.execute(text("SELECT changed_seq FROM centre_register")).scalar() == 5
        s.execute(text("DELETE FROM centre_absence"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("centre_absence", "00000000-0000-4000-8000-000000000c03")]


def test_sixteenth_schema_upgrades_with_the_centre_tables(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0016.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _centre_travels(db)
    finally:
        db.dispose()


def test_downgrade_takes_the_centre_tables_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0017.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0016")
            conn.commit()
    finally:
        db.dispose()
    assert not TABLES & _names(path)
    assert not {n for n in _names(path) if n.startswith("centre_")}


def test_postgresql_upgrade_adds_the_centre_tables(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0016", backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text("INSERT INTO academic_year (id, year_be, start_date, end_date) "
                              "VALUES (1, 2569, '2026-05-16', '2027-05-15')"))
            conn.execute(text(
                "INSERT INTO institution (id, uuid, version, created_at, updated_at, origin_office_id, kind, code, "
                "name, phone, house_no, village_no, village_name, soi, road, subdistrict, district, province, "
                "postcode) VALUES (1, '00000000-0000-4000-8000-000000000011', 1, now(), now(), 1, 'cdc', '1', "
                "'ศพด.', '', '', '', '', '', '', '', '', '', '')"))
            conn.execute(text(
                "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, nationality, "
                "disability, no_id_reason, first_name_key, last_name_key) VALUES (1, "
                "'00000000-0000-4000-8000-000000000021', 1, now(), now(), 1, 'ด.ช.', 'ภูผา', 'ศรีสุข', '', '', "
                "'M', '2022-01-01', 'none', 'ไทย', '', '', 'a', 'b')"))
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _centre_travels(db)
    finally:
        db.dispose()
