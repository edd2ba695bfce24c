"""``samoe db encrypt`` (store/cipher.encrypt_in_place, services/keys.encrypt_existing):
a plain database of today's schema (the newest committed fixture, upgraded) becomes an
encrypted one holding every record; the plain file is gone after success and untouched
after a failure; a migration of an encrypted file backs it up encrypted."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from sqlalchemy import text

from desktop.services import keys
from desktop.store import cipher, migrate
from desktop.store.db import Database

FIXTURES = Path(__file__).resolve().parents[1] / "migrations" / "fixtures"


pytestmark = pytest.mark.usefixtures("cheap_wraps")


def _newest_fixture() -> Path:
    return sorted(FIXTURES.glob("samoe-0*.db"))[-1]


def _plain_of_today(tmp_path: Path) -> Path:
    """The newest fixture brought to the head revision, plain, with the test admin."""
    path = tmp_path / "office.db"
    shutil.copyfile(_newest_fixture(), path)
    db = Database.open(path)
    try:
        migrate.upgrade(db, backup=False)
        add_test_admin(db)
    finally:
        db.dispose()
    return path


def _digests(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    return cipher.table_digests(conn)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_encrypt_keeps_every_record_and_removes_the_plain_file(tmp_path: Path) -> None:
    path = _plain_of_today(tmp_path)
    conn = sqlite3.connect(path)
    try:
        before = _digests(conn)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        children = conn.execute("SELECT count(*) FROM child").fetchone()[0]
    finally:
        conn.close()
    assert revision == migrate.HEAD_REVISION and children > 0
    assert {"child", "audit_log", "app_user", "child_fts_data"} <= set(before)
    db = Database.open(path)
    new = keys.encrypt_existing(db, "admin", TEST_PASSWORD)
    assert cipher.is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.db", "office.db.keys"]
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM child").fetchall()
    enc = cipher.keyed_connect(path, new.key)
    try:
        assert _digests(enc) == before  # every table: the same rows, the same bytes
        assert enc.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        enc.close()
    cipher.forget(path)
    # the admin opens it with their password; the program works on it as before
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        with db.reader() as s:
            assert s.execute(text("SELECT count(*) FROM child")).scalar() == children
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.dispose()
    # the recovery key is random, the database key derived from it one way (store/sealing.py)
    from desktop.store import sealing

    assert sealing.key_from_recovery(cipher.parse_recovery_key(new.recovery)) == new.key


@pytest.mark.parametrize("stage", ["counted", "exported", "verified", "replacing"])
def test_a_failure_midway_keeps_the_plain_file_as_it_was(tmp_path: Path, stage: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = _plain_of_today(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digests(conn)
    conn.close()
    original = cipher.encrypt_in_place

    def failing(p: Path, key: bytes, step: object = None) -> dict[str, int]:
        def fail(at: str) -> None:
            if at == stage:
                raise OSError(28, "No space left on device")

        return original(p, key, step=fail)

    monkeypatch.setattr(cipher, "encrypt_in_place", failing)
    with pytest.raises(OSError):
        keys.encrypt_existing(Database.open(path), "admin", TEST_PASSWORD)
    assert not cipher.is_encrypted(path)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert names == ["office.db"]  # no temporary copy, no keyring left
    conn = sqlite3.connect(path)
    try:
        assert _digests(conn) == before
    finally:
        conn.close()


def test_a_copy_that_does_not_verify_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _plain_of_today(tmp_path)
    real = cipher.table_digests
    calls: list[int] = []

    def lying(conn: object) -> dict[str, tuple[int, str]]:
        found = real(conn)
        calls.append(1)
        if len(calls) == 2:  # the copy's: one row short
            rows, h = found["child"]
            found["child"] = (rows - 1, h)
        return found

    monkeypatch.setattr(cipher, "table_digests", lying)
    with pytest.raises(cipher.EncryptFailed, match="child"):
        cipher.encrypt_in_place(path, cipher.new_key())
    assert not cipher.is_encrypted(path)
    assert not list(tmp_path.glob(".office.db.*"))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM child").fetchone()[0] > 0
    finally:
        conn.close()


def test_an_encrypted_file_of_an_older_schema_upgrades_with_an_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    older = [f for f in sorted(FIXTURES.glob("samoe-0*.db")) if f.stem.split("-")[1] < migrate.HEAD_REVISION]
    shutil.copyfile(older[-1], path)
    key = cipher.new_key()
    cipher.encrypt_in_place(path, key)
    cipher.remember(path, key)
    db = Database.open(path)
    try:
        result = migrate.upgrade(db)
        assert result.to_revision == migrate.HEAD_REVISION
        assert result.backup is not None and cipher.is_encrypted(Path(result.backup))
        assert cipher.key_opens(Path(result.backup), key)
    finally:
        db.dispose()


def test_db_encrypt_encrypts_the_plain_backups_beside_it(tmp_path: Path) -> None:
    from desktop.services.backup import create_backup
    from desktop.store.backup import backups_of, verify_backup
    from desktop.store.backup import connect_for as backup_connect

    path = _plain_of_today(tmp_path)
    first = create_backup(path).path
    damaged = create_backup(path).path
    with open(damaged, "r+b") as f:  # a copy that cannot be read whole
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096 * 4)
    new = keys.encrypt_existing(Database.open(path), "admin", TEST_PASSWORD)
    done = keys.encrypt_backups(path, new.key)
    assert done.encrypted == [first] and done.left_plain == [damaged]
    assert cipher.is_encrypted(first) and cipher.keyring_path(first).exists()
    check = verify_backup(first, connect=backup_connect(path))
    assert check.ok, check.problems
    assert check.manifest is not None and check.manifest.encrypted
    assert [b for b in backups_of(path) if not cipher.is_encrypted(b)] == [damaged]
