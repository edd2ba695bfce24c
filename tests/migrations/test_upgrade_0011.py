"""0011: the exchange's key tables (office_key, office_key_holder, office_key_seal,
trusted_key) on a file of the tenth schema: they come empty, the records stay, they take
rows through the models, and a downgrade takes them away."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.exchange_keys import OfficeKey, TrustEntry
from desktop.store.integrity import check_database
from desktop.store.models import Child

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"office_key", "office_key_holder", "office_key_seal", "trusted_key"}


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_0010_fixture_is_the_tenth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0010.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0010",)]
    finally:
        conn.close()
    assert "search_head" in _names(FIXTURES / "samoe-0010.db")
    assert not TABLES & _names(FIXTURES / "samoe-0010.db")


def test_0011_fixture_is_the_eleventh_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0011.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0011",)]
    finally:
        conn.close()
    assert _names(FIXTURES / "samoe-0011.db") >= TABLES


def test_tenth_schema_upgrades_with_the_key_tables(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0010.db", path)
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
            assert s.scalars(select(OfficeKey)).all() == []  # made on first need
            s.add(OfficeKey(key_id="a" * 32, sign_public=b"\x01" * 32, box_public=b"\x02" * 32,
                            card="{}", created_by="admin"))
            s.add(TrustEntry(key_id="b" * 32, office_code="6300101", office_name="เทศบาลตำบลบ้านใหม่",
                             office_role="municipality", sign_public=b"\x03" * 32, box_public=b"\x04" * 32,
                             card_created_at=datetime(2026, 11, 30, 8, 0)))
        with db.reader() as s:
            key = s.scalars(select(OfficeKey)).one()
            assert key.secret is None and key.retired_at is None and key.replaced_by == ""
            entry = s.scalars(select(TrustEntry)).one()
            assert entry.office_name == "เทศบาลตำบลบ้านใหม่" and entry.revoked_at is None
            assert bytes(entry.box_public) == b"\x04" * 32
    finally:
        db.dispose()


def test_downgrade_takes_the_key_tables_away(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0011.db", path)
    db = Database.open(path)
    try:
        cfg = migrate._config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")
            conn.commit()
    finally:
        db.dispose()
    assert not TABLES & _names(path)
