"""0012: the exchange's change tracking on a file of the eleventh schema: every record
comes pending (``changed_seq`` NULL: the first export is whole), the bookkeeping tables come
empty, a stamped row goes back to pending when a travelling column changes (not when a
derived one does), a hard delete of a local row leaves a tombstone, and a downgrade takes
it all away."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import func, select, text

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.exchange_state import Outbox, Tombstone
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"exchange_tombstone", "exchange_outbox", "exchange_sent", "exchange_sender", "exchange_received",
          "exchange_reconcile"}
SYNCED = ("institution", "household", "child", "guardian", "child_guardian", "enrollment")


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_0012_fixture_is_the_twelfth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0012.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0012",)]
        assert conn.execute("SELECT count(*) FROM child WHERE changed_seq IS NULL").fetchone()[0] > 0
    finally:
        conn.close()
    assert _names(FIXTURES / "samoe-0012.db") >= TABLES
    assert not TABLES & _names(FIXTURES / "samoe-0011.db")


def test_eleventh_schema_upgrades_with_change_tracking(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0011.db", path)
    db = Database.open(path)
    try:
        with db.reader() as s:
            children = s.scalar(select(func.count()).select_from(Child))
        migrate.upgrade(db, backup=False)
        assert migrate.current_revision(db.engine) == migrate.HEAD_REVISION
        assert check_database(db.engine) == []
        assert _names(path) >= TABLES
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Child)) == children
            for table in SYNCED:  # every record pending
                assert s.scalar(text(f"SELECT count(*) FROM {table} WHERE changed_seq IS NOT NULL")) == 0
            assert s.scalars(select(Outbox)).all() == []
            s.execute(text("UPDATE child SET changed_seq = 3"))
        with db.session() as s:
            s.execute(text("UPDATE child SET first_name_key = 'x', enrol_level_key = 'y', "
                           "updated_at = '2026-12-01 08:00:00' WHERE id = 1"))
            s.execute(text("UPDATE child SET disability = 'ตาบอด' WHERE id = 2"))
            s.execute(text("UPDATE child SET deleted_at = '2026-12-01 08:00:00' WHERE id = 4"))
        with db.reader() as s:
            pending = s.scalars(text("SELECT id FROM child WHERE changed_seq IS NULL ORDER BY id")).all()
            assert pending == [2, 4]  # derived columns (sort keys, with updated_at) do not make a row travel
        with db.session() as s:
            uuid = s.scalar(text("SELECT uuid FROM enrollment ORDER BY id LIMIT 1"))
            s.execute(text("DELETE FROM enrollment WHERE uuid = :u"), {"u": uuid})
        with db.reader() as s:
            [stone] = s.scalars(select(Tombstone)).all()
            assert (stone.wire_table, stone.uuid, stone.changed_seq) == ("enrolment", uuid, None)
    finally:
        db.dispose()


def test_a_row_of_another_office_leaves_no_tombstone(tmp_path: Path) -> None:
    path = tmp_path / "province.db"
    shutil.copyfile(FIXTURES / "samoe-0012.db", path)
    db = Database.open(path)
    try:
        with db.session() as s:
            s.execute(text("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                           "updated_at) VALUES (9, 'o9', '6300999', 'อื่น', '', 'municipality', 0, "
                           "'2026-11-01 08:00:00', '2026-11-01 08:00:00')"))
            s.execute(text("UPDATE enrollment SET origin_office_id = 9"))
            s.execute(text("DELETE FROM enrollment"))
        with db.reader() as s:
            assert s.scalars(select(Tombstone)).all() == []
    finally:
        db.dispose()


def test_downgrade_takes_change_tracking_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0012.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0011")
            conn.commit()
    finally:
        db.dispose()
    names = _names(path)
    assert not TABLES & names
    assert not {n for n in names if "changed" in n or "tombstone" in n}
    raw = sqlite3.connect(path)
    try:
        assert "changed_seq" not in {r[1] for r in raw.execute("PRAGMA table_info(child)")}
    finally:
        raw.close()
