"""Encryption at rest (store/cipher.py, services/keys.py): an encrypted file reveals
nothing without a password or the recovery key; the keyring changes, the file does not."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from sqlalchemy import text

from desktop.services import keys
from desktop.services.access import authenticate
from desktop.services.database import open_database
from desktop.store import cipher
from desktop.store.faults import DatabaseEncrypted
from desktop.store.integrity import check_file

NAME = "สมศรีทดสอบลับ"  # a name that must not be found in the file's bytes


pytestmark = pytest.mark.usefixtures("cheap_wraps")


def _encrypted(tmp_path: Path) -> tuple[Path, keys.NewKey]:
    """A new encrypted office database with the admin (TEST_PASSWORD) and one child."""
    path = tmp_path / "office.db"
    new = keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    try:
        add_test_admin(db)  # services/users.py wraps the key for them on commit
        with db.session() as s:
            s.execute(text("INSERT INTO setting(key, value) VALUES ('secret.name', :v)"), {"v": NAME})
    finally:
        db.dispose()
    cipher.forget(path)
    return path, new


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_recovery_key_round_trip_and_a_mistyped_group_is_named() -> None:
    key = cipher.new_key()
    written = cipher.format_recovery_key(key)
    groups = written.split("-")
    assert len(groups) == 13 and all(len(g) == 5 for g in groups)
    assert cipher.parse_recovery_key(written) == key
    assert cipher.parse_recovery_key(written.lower().replace("-", " ")) == key
    from test_cipher_cli import mistyped

    with pytest.raises(cipher.BadRecoveryKey, match="กลุ่มที่ 5"):
        cipher.parse_recovery_key(mistyped(written, 4))
    # a typo in any place of any group: its group's check catches 31 in 32 (the others
    # give another key, which the keyring's check value or the file itself refuses)
    caught, named = 0, 0
    for n, group in enumerate(groups):
        for i in range(4):
            for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
                if c == group[i]:
                    continue
                typo = list(groups)
                typo[n] = group[:i] + c + group[i + 1:]
                try:
                    caught += cipher.parse_recovery_key("-".join(typo)) != key
                except cipher.BadRecoveryKey:
                    caught += 1
                    named += 1
    assert caught == 13 * 4 * 31 and named > 0.9 * caught
    with pytest.raises(cipher.BadRecoveryKey):
        cipher.parse_recovery_key(written[:-6])


def test_an_encrypted_file_is_unreadable_by_sqlite3_and_with_a_wrong_key(tmp_path: Path) -> None:
    path, new = _encrypted(tmp_path)
    assert cipher.is_encrypted(path)
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert NAME.encode("utf-8") not in raw and b"child_fts" not in raw
    keyring = cipher.keyring_path(path).read_text("utf-8")
    assert new.key.hex() not in keyring and "admin" in keyring
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()
    tool = shutil.which("sqlite3")
    if tool is not None:
        done = subprocess.run([tool, str(path), "SELECT count(*) FROM child;"],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode != 0 and "not a database" in done.stderr
    assert not cipher.key_opens(path, cipher.new_key())
    conn = cipher.keyed_connect(path, cipher.new_key())
    with pytest.raises(cipher.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()
    # without a key the program says it is encrypted, not damaged
    with pytest.raises(DatabaseEncrypted):
        open_database(path)


def test_it_opens_with_a_users_password_and_not_with_a_wrong_one(tmp_path: Path) -> None:
    path, _new = _encrypted(tmp_path)
    with pytest.raises(cipher.WrongPassword):
        keys.open_for_user(path, "admin", "not-the-password")
    with pytest.raises(cipher.NoWrap):
        keys.open_for_user(path, "nobody", TEST_PASSWORD)
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        actor = authenticate(db, "admin", TEST_PASSWORD)
        assert actor.name == "admin"
        with db.reader() as s:
            assert s.execute(text("SELECT value FROM setting WHERE key = 'secret.name'")).scalar() == NAME
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.dispose()


def test_it_opens_with_the_recovery_key_and_a_lost_keyring_is_rebuilt(tmp_path: Path) -> None:
    path, new = _encrypted(tmp_path)
    cipher.keyring_path(path).unlink()
    with pytest.raises(cipher.NoWrap):
        keys.unlock(path, "admin", TEST_PASSWORD)
    wrong = cipher.format_recovery_key(cipher.new_key())
    with pytest.raises(cipher.BadRecoveryKey):
        keys.unlock_recovery(path, wrong)
    key, rebuilt = keys.unlock_recovery(path, new.recovery)
    assert key == new.key and rebuilt
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.check == cipher.check_value(new.key) and not ring.wraps
    db, _ = open_database(path)
    try:
        authenticate(db, "admin", TEST_PASSWORD)
        assert keys.ensure_wrap(db, "admin", TEST_PASSWORD)  # the login gives the wrap back
    finally:
        db.dispose()
    cipher.forget(path)
    assert keys.unlock(path, "admin", TEST_PASSWORD) == new.key
    # a recovery key is checked against the keyring too
    with pytest.raises(cipher.BadRecoveryKey):
        keys.unlock_recovery(path, wrong)


def test_adding_a_user_or_changing_a_password_rewraps_and_reencrypts_nothing(tmp_path: Path) -> None:
    from desktop.services.users import add_user, set_password

    path, new = _encrypted(tmp_path)
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    db.dispose()  # the -wal folded in: the file alone holds the data
    before = _digest(path)
    cipher.add_wrap(path, new.key, "somchai", "first-password")
    assert _digest(path) == before
    assert cipher.unwrap(path, "somchai", "first-password") == new.key
    cipher.add_wrap(path, new.key, "somchai", "second-password")
    with pytest.raises(cipher.WrongPassword):
        cipher.unwrap(path, "somchai", "first-password")
    assert cipher.unwrap(path, "somchai", "second-password") == new.key
    assert _digest(path) == before
    # through the users service: the wrap follows the commit
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        with db.session() as s:
            add_user(s, "somsri", "somsri-password", roles=[])
        assert cipher.unwrap(path, "somsri", "somsri-password") == new.key
        with db.session() as s:
            set_password(s, "somsri", "somsri-new-password")
        assert cipher.unwrap(path, "somsri", "somsri-new-password") == new.key
        with pytest.raises(RuntimeError), db.session() as s:  # rolled back: no wrap
            add_user(s, "ghost", "ghost-password", roles=[])
            raise RuntimeError("rollback")
        with pytest.raises(cipher.NoWrap):
            cipher.unwrap(path, "ghost", "ghost-password")
    finally:
        db.dispose()


def test_search_wal_check_and_backups_work_encrypted(tmp_path: Path) -> None:
    from desktop.services.backup import create_backup
    from desktop.services.demo import fill_demo
    from desktop.store.backup import connect_for as backup_connect
    from desktop.store.backup import read_manifest, verify_backup

    path, new = _encrypted(tmp_path)
    db = keys.open_for_user(path, "admin", TEST_PASSWORD)
    try:
        fill_demo(db.engine, children=60, seed=5)
        with db.reader() as s:
            name = s.execute(text("SELECT first_name FROM child ORDER BY id LIMIT 1")).scalar()
            assert name
            found = s.execute(text("SELECT count(*) FROM child_fts WHERE child_fts MATCH :q"),
                              {"q": f'"{name[:3]}"'}).scalar()
            assert found and found >= 1
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert Path(f"{path}-wal").exists()
        assert name.encode("utf-8") not in Path(f"{path}-wal").read_bytes()
        report = check_file(path)
        assert report.all == [] and not report.busy
        info = create_backup(path)
        assert cipher.is_encrypted(info.path)
        manifest = read_manifest(info.path)
        assert manifest is not None and manifest.encrypted and manifest.counts["child"] == 60
        assert verify_backup(info.path, connect=backup_connect(path)).ok
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(info.path).execute("SELECT count(*) FROM child").fetchall()
        assert cipher.key_opens(info.path, new.key)
    finally:
        db.dispose()


def test_an_encrypted_file_is_told_from_a_damaged_or_foreign_one(tmp_path: Path) -> None:
    path, _new = _encrypted(tmp_path)
    cipher.keyring_path(path).unlink()
    assert cipher.is_encrypted(path)  # random from its first byte, keyring or not
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(NAME * 20,)] * 50)
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"\x00garbage header\xff" * 6 + plain.read_bytes()[96:])
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for other in (junk, plain, damaged, empty, tmp_path / "missing.db"):
        assert not cipher.is_encrypted(other), other.name
