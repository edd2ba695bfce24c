"""Backups of an encrypted database stay encrypted with its key (the online backup API
between two SQLCipher connections with the same key) and carry its keyring, so a backup
restored elsewhere opens with a user's password and with nothing else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from sqlalchemy import text

from desktop.services import backup as svc
from desktop.services import keys
from desktop.services.database import open_database
from desktop.store import cipher
from desktop.store.backup import backups_of, read_manifest

NAME = "สมศรีสำรองลับ"


pytestmark = pytest.mark.usefixtures("cheap_wraps")


def _encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    try:
        add_test_admin(db)
        with db.session() as s:
            s.execute(text("INSERT INTO setting(key, value) VALUES ('secret.name', :v)"), {"v": NAME})
    finally:
        db.dispose()
    return path  # its key stays remembered, as while the program has it open


def test_a_usb_backup_is_encrypted_and_restores_elsewhere_with_a_password(tmp_path: Path) -> None:
    path = _encrypted(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    info = svc.create_backup(path, folder=usb)
    manifest = read_manifest(info.path)
    assert manifest is not None and manifest.encrypted and manifest.ok
    assert cipher.is_encrypted(info.path) and NAME.encode() not in info.path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(info.path).execute("SELECT count(*) FROM setting").fetchall()
    assert cipher.keyring_path(info.path).exists()  # the key, wrapped by the passwords only

    other = tmp_path / "other" / "office.db"  # another machine
    other.parent.mkdir()
    svc.restore_backup(svc.plan_restore(info.path, other))
    cipher._keys.clear()  # a new start there: nothing remembered
    assert cipher.is_encrypted(other) and cipher.keyring_path(other).exists()
    db = keys.open_for_user(other, "admin", TEST_PASSWORD)
    try:
        with db.reader() as s:
            assert s.execute(text("SELECT value FROM setting WHERE key = 'secret.name'")).scalar() == NAME
    finally:
        db.dispose()
    cipher._keys.clear()
    with pytest.raises(cipher.WrongPassword):
        keys.unlock(other, "admin", "a wrong password")


def test_pruned_backups_take_their_keyring_along(tmp_path: Path) -> None:
    path = _encrypted(tmp_path)
    for _ in range(3):
        svc.create_backup(path, label="daily")
    made = backups_of(path)
    assert all(cipher.keyring_path(p).exists() for p in made)
    removed = svc.prune(path, keep_daily=1)
    assert removed and not any(cipher.keyring_path(p).exists() for p in removed)


def test_the_backup_made_while_a_list_is_checked_is_encrypted_too(tmp_path: Path) -> None:
    """services/backup_ahead.py watches an encrypted database with its key and takes its
    backup as the import would; a write by another connection makes it again."""
    from desktop.services import backup_ahead

    path = _encrypted(tmp_path)
    url = f"sqlite:///{path}"
    backup_ahead.backup_ahead(url, svc.BEFORE_IMPORT)
    first = backup_ahead.take_backup_before(url, svc.BEFORE_IMPORT)
    assert first is not None and cipher.is_encrypted(first.path) and NAME.encode() not in first.path.read_bytes()
    assert [p.name for p in backups_of(path)] == [first.path.name]
    backup_ahead.backup_ahead(url, svc.BEFORE_IMPORT)
    conn = cipher.connect(path)
    try:
        conn.execute("INSERT INTO setting(key, value) VALUES ('another', 'x')")
        conn.commit()
    finally:
        conn.close()
    again = backup_ahead.take_backup_before(url, svc.BEFORE_IMPORT)
    assert again is not None and again.path != first.path
    manifest = read_manifest(again.path)
    before = read_manifest(first.path)
    assert before is not None
    assert manifest is not None and manifest.encrypted and manifest.counts["setting"] == before.counts["setting"] + 1
