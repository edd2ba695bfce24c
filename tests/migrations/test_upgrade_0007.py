"""0007: users, roles and failed logins; the audit log chained by hashes, marked with the
child each entry concerns, and append-only (triggers refuse UPDATE and DELETE)."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from desktop.store import migrate
from desktop.store.db import Database

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = Path(migrate.__file__).parent / "migrations" / "versions"


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("m0007", VERSIONS / "0007_users_and_audit_chain.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_0006_fixture_is_the_sixth_schema() -> None:
    conn = sqlite3.connect(FIXTURES / "samoe-0006.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0006",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()
    finally:
        conn.close()
    assert "child_name_order" in tables and "app_user" not in tables
    assert audit == (1,)


def _upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    shutil.copyfile(FIXTURES / "samoe-0006.db", path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
    finally:
        db.dispose()
    return path


def test_sixth_schema_upgrades_with_the_old_entries_chained(tmp_path: Path) -> None:
    m = _migration()
    conn = sqlite3.connect(_upgraded(tmp_path))
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.HEAD_REVISION,)]
        rows = conn.execute("SELECT id, at, actor, action, entity, entity_uuid, subject_uuid, detail, "
                            "prev_hash, hash FROM audit_log ORDER BY id").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert {"app_user", "user_role", "login_failure"} <= tables
    (row,) = rows
    assert row[6] == "00000000-0000-4000-8000-000000000033"  # the deleted child's entry is its own
    assert row[8] == m.GENESIS
    assert row[9] == m.chain_hash(m.GENESIS, *row[:8])
    assert len(row[9]) == 64


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'someone else'",
    "DELETE FROM audit_log",
])
def test_the_audit_log_refuses_edits(tmp_path: Path, statement: str) -> None:
    conn = sqlite3.connect(_upgraded(tmp_path))
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
        assert conn.execute("SELECT count(*), min(actor) FROM audit_log").fetchone() == (1, "clerk")
    finally:
        conn.close()


def test_the_chain_hash_fixes_every_field() -> None:
    m = _migration()
    base = (m.GENESIS, 1, "2026-11-21 09:00:00.000000", "clerk", "delete", "child", "u", "u", "")
    digest = m.chain_hash(*base)
    for i in range(len(base)):
        changed = list(base)
        changed[i] = 2 if i == 1 else ("2026-11-21 09:00:00.000001" if i == 2 else f"{base[i]}x")
        assert m.chain_hash(*changed) != digest, i
