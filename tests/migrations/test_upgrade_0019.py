"""0019: growth measurements and DSPM checks (items, re-checks, referrals) on a file of the
eighteenth schema, travelling like the registry's rows (an edit makes a stamped row
pending again, a hard delete leaves a tombstone); the live-row unique index refuses a
second result for the same item of a check; a downgrade takes them away; the same upgrade
on a throwaway PostgreSQL."""

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
TABLES = {"growth_measurement", "dspm_check", "dspm_check_item", "dspm_referral"}
STAMP = "'2026-12-01 08:00:00'"


def test_0019_fixture_is_the_nineteenth_schema() -> None:
    assert _names(FIXTURES / "samoe-0019.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0018.db")


def _insert(s: object, table: str, uuid: str, columns: str, values: str) -> None:
    s.execute(text(  # type: ignore[attr-defined]
        f"INSERT INTO {table} (uuid, version, created_at, updated_at, origin_office_id, changed_seq, {columns}) "
        f"VALUES ('{uuid}', 1, {STAMP}, {STAMP}, 1, 5, {values})"))


def _growth_and_dspm_travel(db: Database) -> None:
    with db.session() as s:
        _insert(s, "growth_measurement", "00000000-0000-4000-8000-000000000d01",
                "child_id, measured_on, weight_g, height_mm, method, head_mm, measured_by, note",
                "1, '2026-11-20', 12100, 861, 'standing', NULL, 'ครูแดง', ''")
        _insert(s, "dspm_check", "00000000-0000-4000-8000-000000000d02",
                "child_id, age_months, checked_on, assessor, first_check_id, outcome, code, recheck_due, manual",
                "1, 42, '2026-11-20', 'ครูแดง', NULL, 'suspected_delay', '1B261', '2026-12-20', "
                "'dspm-screening-items v1'")
        _insert(s, "dspm_check", "00000000-0000-4000-8000-000000000d03",
                "child_id, age_months, checked_on, assessor, first_check_id, outcome, code, recheck_due, manual",
                "1, 42, '2026-12-15', 'ครูแดง', 1, 'refer_teda4i', '', NULL, 'dspm-screening-items v1'")
        _insert(s, "dspm_check_item", "00000000-0000-4000-8000-000000000d04", "check_id, item_no, passed",
                "1, 90, false")
        _insert(s, "dspm_referral", "00000000-0000-4000-8000-000000000d05",
                "check_id, hospital, letter_no, sent_on, outcome, outcome_on, outcome_note",
                "2, 'โรงพยาบาลทดสอบ', '', '2026-12-15', '', NULL, ''")
    with db.session() as s, pytest.raises(IntegrityError):
        _insert(s, "dspm_check_item", "00000000-0000-4000-8000-000000000d06", "check_id, item_no, passed",
                "1, 90, true")
    with db.session() as s:
        s.execute(text("UPDATE dspm_referral SET outcome = 'delayed', outcome_on = '2027-01-10'"))
        assert s.execute(text("SELECT changed_seq FROM dspm_referral")).scalar() is None
        assert s.execute(text("SELECT changed_seq FROM growth_measurement")).scalar() == 5
        s.execute(text("DELETE FROM growth_measurement"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("growth_measurement", "00000000-0000-4000-8000-000000000d01")]


def test_eighteenth_schema_upgrades_with_growth_and_dspm(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0018.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _growth_and_dspm_travel(db)
    finally:
        db.dispose()


def test_downgrade_takes_growth_and_dspm_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0019.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0018")
            conn.commit()
    finally:
        db.dispose()
    assert not TABLES & _names(path)


def test_postgresql_upgrade_adds_growth_and_dspm(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0018", backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text(
                "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, nationality, "
                "disability, no_id_reason, first_name_key, last_name_key) VALUES (1, "
                "'00000000-0000-4000-8000-000000000021', 1, now(), now(), 1, 'ด.ช.', 'ภูผา', 'ศรีสุข', '', '', "
                "'M', '2022-01-01', 'none', 'ไทย', '', '', 'a', 'b')"))
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _growth_and_dspm_travel(db)
    finally:
        db.dispose()
