"""The encrypted flows on the command line (desktop/cli_keys.py): ``samoe init`` encrypts
by default and prints the recovery key once; every command unlocks with the user's
password; users add/passwd give wraps; --recovery-key opens and rebuilds a lost keyring;
``db encrypt`` converts a plain database; db check and backups work on the encrypted file."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.store import cipher

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")


pytestmark = pytest.mark.usefixtures("encrypting")


def mistyped(recovery: str, group: int) -> str:
    """``recovery`` with one character of ``group`` (0-based) changed so that the group's
    check character catches it (a change has a 1 in 32 chance of passing the check)."""
    groups = recovery.split("-")
    body, check = groups[group][:4], groups[group][4]
    for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
        changed = c + body[1:]
        if changed != body and cipher._check_char(group, changed) != check:
            groups[group] = changed + check
            return "-".join(groups)
    raise AssertionError("no typo found")


def _init(capsys: pytest.CaptureFixture[str], path: Path, *more: str) -> str:
    code, out, err = run(capsys, "--db", str(path), "init", *OFFICE, *more)
    assert code == 0, err
    cipher._keys.clear()  # each command below starts like a new process
    return out


def test_init_encrypts_prints_the_recovery_key_once_and_every_command_unlocks(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new folder" / "office.db"
    out = _init(capsys, path)
    found = RECOVERY.findall(out)
    assert len(found) == 1 and "ตู้นิรภัย" in out
    key = cipher.key_by_recovery_alone(path, cipher.parse_recovery_key(found[0]))  # no keyring needed
    assert cipher.is_encrypted(path) and key is not None and cipher.key_opens(path, key)
    code, out, err = run(capsys, "--db", str(path), "demo", "--children", "20")
    assert code == 0, err
    assert not RECOVERY.search(out + err)  # never printed again
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0 and "20" in out, err
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", "a-wrong-password")
    for args in (("stats",), ("db", "check"), ("demo", "--children", "1"), ("backup", "list")):
        cipher._keys.clear()
        code, out, err = run(capsys, "--db", str(path), *args)
        assert code == 11 and "รหัสผ่าน" in err and "Traceback" not in err, (args, code, err)
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "db", "check")
    assert code == 0, err
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM child").fetchall()


def test_users_add_and_passwd_give_the_user_a_key(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    _init(capsys, path)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-first")
    code, _out, err = run(capsys, "--db", str(path), "users", "add", "somchai", "--role", "clerk")
    assert code == 0, err
    assert cipher.unwrap(path, "somchai", "somchai-first")
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", "somchai-first")
    code, out, err = run(capsys, "--db", str(path), "--user", "somchai", "stats")
    assert code == 0, err
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-second")
    code, _out, err = run(capsys, "--db", str(path), "users", "passwd", "somchai")
    assert code == 0, err
    with pytest.raises(cipher.WrongPassword):
        cipher.unwrap(path, "somchai", "somchai-first")
    assert cipher.unwrap(path, "somchai", "somchai-second")


def test_the_recovery_key_opens_and_rebuilds_a_lost_keyring(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = RECOVERY.findall(_init(capsys, path))[0]
    cipher.keyring_path(path).unlink()
    code, _out, err = run(capsys, "--db", str(path), "stats")
    assert code == 11 and "รหัสกู้คืน" in err, err
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_RECOVERY_KEY", mistyped(recovery, 1))
    code, _out, err = run(capsys, "--db", str(path), "stats")
    assert code == 11 and "กลุ่มที่ 2" in err, err
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_RECOVERY_KEY", recovery.lower())
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0 and "ไฟล์กุญแจใหม่" in err, err
    ring = cipher.read_keyring(path)
    assert ring is not None and ring.wrap_of("admin") is not None  # the login gave it back
    monkeypatch.delenv("SAMOE_RECOVERY_KEY")
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0, err


def test_db_encrypt_converts_a_plain_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    out = _init(capsys, path, "--no-encryption")
    assert not RECOVERY.search(out) and not cipher.is_encrypted(path)
    assert not cipher.keyring_path(path).exists()
    code, out, err = run(capsys, "--db", str(path), "demo", "--children", "30")
    assert code == 0, err
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "db", "encrypt")
    assert code == 0, err
    assert len(RECOVERY.findall(out)) == 1
    assert cipher.is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.is_dir()) == ["office.db", "office.db.keys"]
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0 and "30" in out, err
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "db", "encrypt")
    assert code == 0 and "อยู่แล้ว" in out, err
    cipher._keys.clear()
    code, out, err = run(capsys, "--db", str(path), "backup", "create", str(tmp_path / "usb"))
    assert code == 0, err
    copies = list((tmp_path / "usb").glob("*.db"))
    assert len(copies) == 1 and cipher.is_encrypted(copies[0])


def test_a_failed_init_leaves_no_file_nobody_could_open(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    monkeypatch.setenv("SAMOE_PASSWORD", "short")  # the password rule refuses the first admin
    code, out, err = run(capsys, "--db", str(path), "init", *OFFICE)
    assert code != 0 and not RECOVERY.search(out)
    assert not path.exists() and not cipher.keyring_path(path).exists()
