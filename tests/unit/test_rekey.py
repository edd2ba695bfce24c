"""Re-keying an encrypted database (issue 9): after a suspension, a keyring copied before
no longer opens the file; every remaining user and the recovery key still do; v1 keyring
entries become v2 at their user's next login, and a re-key names the users it could not
reach (and replaces a recovery key that was the old database key)."""

from __future__ import annotations

import base64
import json
import re
import secrets
import shutil
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.services import keys
from desktop.store import cipher, rekey, sealing

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")


@pytest.fixture(autouse=True)
def _encrypting(encrypting: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)


def _office(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            *users: str) -> tuple[Path, str]:
    """An encrypted office with 20 demo children and ``users`` (clerks, password NAME-pw)."""
    path = tmp_path / "office.db"
    code, out, err = run(capsys, "--db", str(path), "init", *OFFICE)
    assert code == 0, err
    recovery = RECOVERY.findall(out)[0]
    assert run(capsys, "--db", str(path), "demo", "--children", "20", "--seed", "2")[0] == 0
    for name in users:
        monkeypatch.setenv("SAMOE_NEW_PASSWORD", f"{name}-pw")
        assert run(capsys, "--db", str(path), "users", "add", name, "--role", "clerk")[0] == 0
    cipher._keys.clear()
    return path, recovery


def _opens_as(capsys: pytest.CaptureFixture[str], path: Path, monkeypatch: pytest.MonkeyPatch,
              name: str, password: str) -> tuple[int, str]:
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", password)
    code, out, err = run(capsys, "--db", str(path), "--user", name, "stats")
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    cipher._keys.clear()
    return code, out + err


def test_a_keyring_copied_before_a_suspension_opens_nothing_after_the_rekey(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, recovery = _office(capsys, tmp_path, monkeypatch, "somchai", "somsri")
    stolen = tmp_path / "stolen.keys"
    shutil.copyfile(cipher.keyring_path(path), stolen)  # taken home before the suspension
    old_key = cipher.open_wrap(cipher.read_keyring(path).wrap_of("somchai"), "somchai-pw",  # type: ignore[union-attr]
                               cipher.read_keyring(path).file_id)  # type: ignore[union-attr]
    assert old_key is not None and cipher.key_opens(path, old_key)

    code, out, err = run(capsys, "--db", str(path), "users", "lock", "somchai", "--rekey")
    assert code == 0, err
    assert "เปลี่ยนกุญแจ" in out and "somchai" not in out.split("แล้ว", 1)[1].split("ไฟล์สำรอง")[0]
    assert not RECOVERY.search(out)  # the printed recovery key stays valid: no new one
    assert not cipher.key_opens(path, old_key)

    # the copy taken before, beside the current file: refused, named as an older keyring
    copy = tmp_path / "copy" / "office.db"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    shutil.copyfile(stolen, cipher.keyring_path(copy))
    with pytest.raises(cipher.KeyringOfAnotherFile, match="ไฟล์กุญแจ"):
        cipher.unwrap(copy, "somchai", "somchai-pw")
    cipher._keys.clear()
    code, said = _opens_as(capsys, copy, monkeypatch, "somchai", "somchai-pw")
    assert code == 11 and "ไฟล์กุญแจ" in said and "Traceback" not in said

    # everyone else, and the recovery key printed at init, still open it
    for name, password in (("admin", TEST_PASSWORD), ("somsri", "somsri-pw")):
        code, said = _opens_as(capsys, path, monkeypatch, name, password)
        assert code == 0 and "20" in said, said
    key, _rebuilt = keys.unlock_recovery(path, recovery)
    assert cipher.key_opens(path, key)
    cipher._keys.clear()
    # the re-key is in the audit log, without the key
    code, out, err = run(capsys, "--db", str(path), "audit", "log", "--limit", "5")
    assert code == 0 and ("rekey" in out or "เปลี่ยนกุญแจ" in out), out
    assert key.hex() not in out


def _as_v1(path: Path, key: bytes, passwords: dict[str, str]) -> None:
    """Write the keyring as version 1 made it: the key itself under each password, a
    check value, no file id, no recovery entry."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    users = []
    for name, password in passwords.items():
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = cipher._derive(password, salt, 1, 1024, 1)
        wrapped = AESGCM(kek).encrypt(nonce, key, b"samoe keyring v1\x00" + name.encode())
        users.append({"name": name, "kdf": {"type": "argon2id", "salt": base64.b64encode(salt).decode(),
                                            "time_cost": 1, "memory_kib": 1024, "parallelism": 1},
                      "cipher": "aes-256-gcm", "nonce": base64.b64encode(nonce).decode(),
                      "wrapped": base64.b64encode(wrapped).decode()})
    ring = {"format": "samoe-keyring", "version": 1, "cipher": "sqlcipher4",
            "check": cipher.check_value(key), "users": users}
    cipher.keyring_path(path).write_text(json.dumps(ring), encoding="utf-8")


def _v1_office(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> tuple[Path, bytes]:
    """An office as a v1 database: its key is its recovery key; admin and somchai v1."""
    path, recovery = _office(capsys, tmp_path, monkeypatch, "somchai")
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    v1_key = cipher.new_key()  # a v1 database's key was the recovery key itself
    plan = rekey.RekeyPlan(v1_key, cipher.new_keyring(v1_key), None, ())
    rekey.rekey_in_place(path, key, plan)
    _as_v1(path, v1_key, {"admin": TEST_PASSWORD, "somchai": "somchai-pw"})
    cipher._keys.clear()
    return path, v1_key


def test_a_v1_entry_becomes_v2_at_its_user_s_next_login(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, key = _v1_office(capsys, tmp_path, monkeypatch)
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.v1_names() == ["admin", "somchai"] and ring.recovery is None
    code, said = _opens_as(capsys, path, monkeypatch, "somchai", "somchai-pw")
    assert code == 0, said
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.v1_names() == ["admin"]
    assert ring.file_salt == cipher.file_salt(path)  # and the keyring now knows its file
    assert cipher.unwrap(path, "somchai", "somchai-pw") == key  # the same password, the same key
    # the v1 recovery key (the key itself) gets its entry when it is used
    keys.unlock_recovery(path, cipher.format_recovery_key(key))
    assert cipher.read_keyring(path).recovery is not None  # type: ignore[union-attr]


def test_a_rekey_with_v1_entries_left_names_them_and_replaces_the_v1_recovery_key(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, old_key = _v1_office(capsys, tmp_path, monkeypatch)
    code, out, err = run(capsys, "--db", str(path), "db", "rekey")  # admin's entry upgrades on the way
    assert code == 0, err
    assert "somchai" in out and "ตั้งรหัสผ่านใหม่" in out
    assert "admin" not in out.split("คน):")[1].split("\n")[0]
    found = RECOVERY.findall(out)
    assert len(found) == 1 and "ใช้กับฐานข้อมูลนี้ไม่ได้" in out
    new_recovery = cipher.parse_recovery_key(found[0])
    assert not cipher.key_opens(path, old_key)  # the old printout (the old key) is void here
    new_key = cipher.key_by_recovery_alone(path, new_recovery)  # the new one opens it, keyring or not
    assert new_key is not None
    code, said = _opens_as(capsys, path, monkeypatch, "somchai", "somchai-pw")
    assert code == 11 and "somchai" in said
    code, said = _opens_as(capsys, path, monkeypatch, "admin", TEST_PASSWORD)
    assert code == 0, said
    # given a new password, somchai opens it again
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-new")
    assert run(capsys, "--db", str(path), "users", "passwd", "somchai")[0] == 0
    code, said = _opens_as(capsys, path, monkeypatch, "somchai", "somchai-new")
    assert code == 0, said


def test_rekey_of_a_plain_database_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_NO_ENCRYPTION", "1")
    path = tmp_path / "plain.db"
    assert run(capsys, "--db", str(path), "init", *OFFICE)[0] == 0
    code, out, err = run(capsys, "--db", str(path), "db", "rekey")
    assert code == 2 and "เข้ารหัส" in err


def test_rekey_needs_an_administrator(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path, _recovery = _office(capsys, tmp_path, monkeypatch, "somchai")
    monkeypatch.setenv("SAMOE_PASSWORD", "somchai-pw")
    code, _out, err = run(capsys, "--db", str(path), "--user", "somchai", "db", "rekey")
    assert code == 12, err


@pytest.mark.parametrize("stage", ["counted", "exported", "verified", "keyring written", "file replaced"])
def test_stopped_at_each_stage_a_file_and_a_keyring_that_open_it_are_left(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    path, _recovery = _office(capsys, tmp_path, monkeypatch, "somchai")
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    conn = cipher.keyed_connect(path, key)
    before = cipher.table_digests(conn)
    conn.close()
    ring = cipher.read_keyring(path)
    assert ring is not None
    plan = rekey.plan_rekey(ring, key)

    def stop(at: str) -> None:
        if at == stage:
            raise KeyboardInterrupt  # as a power cut would, but in this process

    with pytest.raises(KeyboardInterrupt):
        rekey.rekey_in_place(path, key, plan, step=stop)
    cipher._keys.clear()
    for name, password in (("admin", TEST_PASSWORD), ("somchai", "somchai-pw")):
        opened = cipher.unwrap(path, name, password)  # puts a waiting .keys.next in place
        assert cipher.key_opens(path, opened)
        assert opened == (plan.key if stage == "file replaced" else key)
    conn = cipher.keyed_connect(path, opened)
    after = cipher.table_digests(conn)
    conn.close()
    after.pop("setting"), before.pop("setting")  # the file id is written before the copy
    assert after == before
    assert not path.with_name(f".{path.name}.rekeying").exists()
    assert not cipher.pending_keyring_path(path).exists()
    assert sealing.key_from_recovery(b"\0" * 32) != key  # (the derivation is one way: a smoke check)


def test_after_a_rekey_that_kept_it_the_recovery_key_opens_through_a_backup_s_keyring(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services.backup import create_backup

    path, recovery = _office(capsys, tmp_path, monkeypatch, "somchai")
    code, out, _err = run(capsys, "--db", str(path), "users", "lock", "somchai")
    assert code == 0 and "samoe db rekey" in out  # without --rekey: the hint
    assert run(capsys, "--db", str(path), "db", "rekey")[0] == 0
    key = cipher.unwrap(path, "admin", TEST_PASSWORD)
    cipher.remember(path, key)
    create_backup(path)  # made after the re-key: the new keyring goes beside it
    cipher._keys.clear()
    cipher.keyring_path(path).unlink()  # the file's own keyring lost
    assert cipher.key_by_recovery_alone(path, cipher.parse_recovery_key(recovery)) is None
    found, rebuilt = keys.unlock_recovery(path, recovery)
    assert found == key and rebuilt
    code, said = _opens_as(capsys, path, monkeypatch, "admin", TEST_PASSWORD)
    assert code == 11  # the rebuilt keyring has no wraps yet ...
    monkeypatch.setenv("SAMOE_RECOVERY_KEY", recovery)  # ... the recovery key gives admin theirs back
    code, _out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0, err


def test_a_keyring_made_by_the_window_s_set_up_knows_its_file(tmp_path: Path) -> None:
    """The window makes a database without any unlock through the keyring (the key is
    in hand): its keyring still learns its file when the first administrator is saved, so
    another database's keyring beside it is named as such."""
    from actors import add_test_admin

    from desktop.services.database import open_database

    path = tmp_path / "office.db"
    keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    add_test_admin(db)
    db.dispose()
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.file_salt == cipher.file_salt(path) is not None
    other = tmp_path / "other" / "office.db"  # another office, made the same way
    other.parent.mkdir()
    keys.start_encrypted(other)
    db, _ = open_database(other, create=True)
    add_test_admin(db)
    db.dispose()
    shutil.copyfile(cipher.keyring_path(other), cipher.keyring_path(path))
    cipher._keys.clear()
    with pytest.raises(cipher.KeyringOfAnotherFile):
        cipher.unwrap(path, "admin", TEST_PASSWORD)
