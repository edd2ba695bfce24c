"""0023: a case closed as transferred names the receiving office by its code
(``oos_transfer``) on a file of the twenty-second schema; the row travels like the case's
(an edit makes a stamped row pending again, a hard delete leaves a tombstone), while the
receiving office's own columns (the case opened for it) do not make it travel; a
downgrade takes the table away; the same upgrade on a throwaway PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text
from test_upgrade_0015 import _empty, _names
from test_upgrade_0020 import _case, _insert

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database

FIXTURES = Path(__file__).parent / "fixtures"
COLUMNS = "case_id, to_office, to_office_name, transferred_on, transferred_by"


def test_0023_fixture_is_the_twenty_third_schema() -> None:
    assert "oos_transfer" in _names(FIXTURES / "samoe-0023.db")
    assert "oos_transfer" not in _names(FIXTURES / "samoe-0022.db")


def _transfer_travels(db: Database) -> None:
    with db.session() as s:
        _case(s, "00000000-0000-4000-8000-000000000f01", "closed")
        _insert(s, "oos_transfer", "00000000-0000-4000-8000-000000000f02", COLUMNS,
                "1, '6300202', 'องค์การบริหารส่วนตำบลโนนสูง', '2026-11-20', 'boss'")
        s.execute(text("UPDATE oos_transfer SET received_case_id = 1, received_at = '2026-12-01 09:00:00'"))
        assert s.execute(text("SELECT changed_seq FROM oos_transfer")).scalar() == 5  # local columns: stays
        s.execute(text("UPDATE oos_transfer SET to_office = '6300303'"))
        assert s.execute(text("SELECT changed_seq FROM oos_transfer")).scalar() is None
        s.execute(text("UPDATE oos_transfer SET changed_seq = 6"))
        s.execute(text("DELETE FROM oos_transfer"))
        tomb = s.execute(text("SELECT wire_table, uuid FROM exchange_tombstone")).all()
    assert [tuple(t) for t in tomb] == [("oos_transfer", "00000000-0000-4000-8000-000000000f02")]


def test_twenty_second_schema_upgrades_with_transfers(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0022.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        _transfer_travels(db)
    finally:
        db.dispose()


def test_downgrade_takes_transfers_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0023.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0022")
            conn.commit()
    finally:
        db.dispose()
    assert "oos_transfer" not in _names(path)


def test_postgresql_upgrade_adds_transfers(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        _empty(db)
        migrate.upgrade(db, target="0022", backup=False)
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
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        _transfer_travels(db)
    finally:
        db.dispose()
