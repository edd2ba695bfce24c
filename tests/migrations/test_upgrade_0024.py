"""0024: the province's transfer rows remember when each was last written into a transfer
file, by whom and the file's name (``written_at``, ``written_by``, ``written_file``) on a
file of the twenty-third schema whose transfer row is kept as it was; the columns are
local: writing them leaves a stamped row stamped (it does not travel again), while a
travelling column still makes it pending; a downgrade takes the columns away and keeps
the row; the same upgrade on a throwaway PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from test_upgrade_0015 import _empty
from test_upgrade_0020 import _case, _insert
from test_upgrade_0023 import COLUMNS

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
WRITTEN = {"written_at", "written_by", "written_file"}
UUID = "00000000-0000-4000-8000-000000000f12"


def _columns(db: Database) -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns("oos_transfer")}


def _fixture_columns(name: str) -> set[str]:
    conn = sqlite3.connect(f"file:{FIXTURES / name}?mode=ro", uri=True)  # the committed file stays as it is
    try:
        return {str(r[1]) for r in conn.execute("PRAGMA table_info(oos_transfer)")}
    finally:
        conn.close()


def test_0024_fixture_is_the_twenty_fourth_schema() -> None:
    assert _fixture_columns("samoe-0024.db") >= WRITTEN
    assert not WRITTEN & _fixture_columns("samoe-0023.db")


def _a_transfer(db: Database) -> None:
    with db.session() as s:
        _case(s, "00000000-0000-4000-8000-000000000f11", "closed")
        _insert(s, "oos_transfer", UUID, COLUMNS, "1, '6300202', 'องค์การบริหารส่วนตำบลโนนสูง', '2026-11-20', 'boss'")


def _written_stays_local(db: Database) -> None:
    with db.session() as s:
        assert s.execute(text("SELECT written_at, written_by, written_file FROM oos_transfer")).one() == \
            (None, None, None)
        s.execute(text("UPDATE oos_transfer SET written_at = '2026-12-01 09:00:00', written_by = 'officer', "
                       "written_file = 'ส่งต่อกรณี-6300202.samoe-transfer'"))
        assert s.execute(text("SELECT changed_seq FROM oos_transfer")).scalar() == 5  # local: stays stamped
        s.execute(text("UPDATE oos_transfer SET to_office_name = 'อบต.โนนสูง'"))
        assert s.execute(text("SELECT changed_seq FROM oos_transfer")).scalar() is None  # still tracked
        row = s.execute(text("SELECT uuid, written_by, written_file FROM oos_transfer")).one()
    assert tuple(row) == (UUID, "officer", "ส่งต่อกรณี-6300202.samoe-transfer")


def test_twenty_third_schema_upgrades_with_written_columns(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0023.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, target="0023", backup=False)
        _a_transfer(db)  # a row written by the twenty-third schema
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _written_stays_local(db)
    finally:
        db.dispose()


def test_downgrade_takes_the_written_columns_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0024.db", path)
    db = Database.open(path)
    try:
        _a_transfer(db)
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0023")
            conn.commit()
        assert not WRITTEN & _columns(db)
        with db.session() as s:
            assert s.execute(text("SELECT uuid FROM oos_transfer")).scalar() == UUID
            assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'oos_transfer_%' "
                                  "AND type = 'trigger'")).scalar() == 2  # the tracking kept
    finally:
        db.dispose()


def test_postgresql_upgrade_adds_the_written_columns(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0023", backup=False)
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                              "updated_at) VALUES (1, '00000000-0000-4000-8000-000000000001', '6300101', 'x', "
                              "'y', 'municipality', true, now(), now())"))
            conn.execute(text(
                "INSERT INTO child (id, uuid, version, created_at, updated_at, origin_office_id, prefix, "
                "first_name, last_name, first_name_en, last_name_en, sex, birth_date, id_type, nationality, "
                "disability, no_id_reason, first_name_key, last_name_key) VALUES (1, "
                "'00000000-0000-4000-8000-000000000021', 1, now(), now(), 1, 'ด.ช.', 'ภูผา', 'ศรีสุข', '', '', "
                "'M', '2010-01-01', 'none', 'ไทย', '', '', 'a', 'b')"))
        _a_transfer(db)
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _written_stays_local(db)
    finally:
        db.dispose()
