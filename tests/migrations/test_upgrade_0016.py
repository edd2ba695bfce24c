"""0016: the grant rounds' tables on a file of the fifteenth schema (empty), travelling like
the registry's rows (an edit makes a stamped round pending again, a hard delete leaves a
tombstone); a downgrade takes them away; the same upgrade on a throwaway PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text
from test_upgrade_0015 import _empty, _names

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"grant_round", "term_attendance", "grant_payment"}


def test_0016_fixture_is_the_sixteenth_schema() -> None:
    assert _names(FIXTURES / "samoe-0016.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0015.db")


def _round_travels(db: Database) -> None:
    with db.session() as s:
        s.execute(text("INSERT INTO term (id, academic_year_id, number, start_date, end_date) "
                       "VALUES (92, 1, 2, '2026-11-01', '2027-03-31')"))
        s.execute(text(
            "INSERT INTO grant_round (uuid, version, created_at, updated_at, origin_office_id, programme, name, "
            "term_id, levels, attendance_percent, amounts, pack, status, created_by, changed_seq) VALUES "
            "('00000000-0000-4000-8000-000000000e01', 1, '2026-12-01 08:00:00', '2026-12-01 08:00:00', 1, "
            "'eef_equity', 'ทุนเสมอภาค 2/2569', 92, 'extreme', 80, :amounts, '', 'open', '', 4)"),
                  {"amounts": '{"p1": 3000}'})
    with db.session() as s:
        s.execute(text("UPDATE grant_round SET attendance_percent = 85"))
        assert s.execute(text("SELECT changed_seq FROM grant_round")).scalar() is None
        s.execute(text("DELETE FROM grant_round"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("grant_round", "00000000-0000-4000-8000-000000000e01")]


def test_fifteenth_schema_upgrades_with_the_grant_rounds(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0015.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _round_travels(db)
    finally:
        db.dispose()


def test_downgrade_takes_the_grant_rounds_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0016.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0015")
            conn.commit()
    finally:
        db.dispose()
    assert not TABLES & _names(path)


def test_postgresql_upgrade_adds_the_grant_rounds(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text("INSERT INTO academic_year (id, year_be, start_date, end_date) "
                              "VALUES (1, 2569, '2026-05-16', '2027-05-15')"))
        _round_travels(db)
    finally:
        db.dispose()
