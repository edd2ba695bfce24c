"""``samoe users passwd NAME --recovery-key``: the only administrator forgot their password;
the recovery key (SAMOE_RECOVERY_KEY or typed) sets a new one (SAMOE_NEW_PASSWORD or typed
twice) without a login. Refused in Thai with an exit code: a mistyped key names its
group (11), another file's key (11), a plain database (2), an unknown name (2), a clerk
or a suspended administrator (12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.store import cipher

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
RECOVERY = re.compile(r"(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}")
NEW = "the-new-admin-password"


@pytest.fixture(autouse=True)
def _encrypting(encrypting: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMOE_NEW_PASSWORD", raising=False)


def _init(capsys: pytest.CaptureFixture[str], path: Path, *more: str) -> str:
    code, out, err = run(capsys, "--db", str(path), "init", *OFFICE, *more)
    assert code == 0, err
    cipher._keys.clear()
    return RECOVERY.findall(out)[0] if RECOVERY.search(out) else ""


def mistyped(recovery: str, group: int) -> str:
    groups = recovery.split("-")
    body, check = groups[group][:4], groups[group][4]
    for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
        changed = c + body[1:]
        if changed != body and cipher._check_char(group, changed) != check:
            groups[group] = changed + check
            return "-".join(groups)
    raise AssertionError("no typo found")


def _reset(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: Path, name: str,
           recovery: str, password: str = NEW) -> tuple[int, str, str]:
    monkeypatch.setenv("SAMOE_PASSWORD", "nobody-remembers-this")  # the forgotten one: not used
    monkeypatch.setenv("SAMOE_RECOVERY_KEY", recovery)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", password)
    cipher._keys.clear()
    try:
        return run(capsys, "--db", str(path), "users", "passwd", name, "--recovery-key")
    finally:
        monkeypatch.delenv("SAMOE_RECOVERY_KEY")
        monkeypatch.delenv("SAMOE_NEW_PASSWORD")
        cipher._keys.clear()


def _as(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: Path, password: str,
        *args: str, user: str = "admin") -> tuple[int, str, str]:
    monkeypatch.setenv("SAMOE_PASSWORD", password)
    cipher._keys.clear()
    return run(capsys, "--db", str(path), "--user", user, *args)


def test_the_recovery_key_resets_the_forgotten_administrator_password(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = _init(capsys, path)
    code, out, err = _reset(capsys, monkeypatch, path, "admin", recovery.replace("-", " "))
    assert code == 0, err
    assert "admin" in out and "รหัสกู้คืน" in out and "Traceback" not in err
    assert recovery not in out + err
    code, _out, err = _as(capsys, monkeypatch, path, TEST_PASSWORD, "stats")
    assert code == 11, err  # the old password opens nothing
    code, _out, err = _as(capsys, monkeypatch, path, NEW, "stats")
    assert code == 0, err
    code, out, err = _as(capsys, monkeypatch, path, NEW, "audit", "log", "--user", "admin")
    assert code == 0, err
    assert "recovery_key" in out or "รหัสกู้คืน" in out, out
    assert all(group not in out for group in recovery.split("-"))


def test_a_locked_administrator_is_unlocked_by_the_reset(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = _init(capsys, path)
    for _ in range(5):
        code, _out, _err = _as(capsys, monkeypatch, path, "a-wrong-guess", "stats")
        assert code == 11
    code, _out, err = _as(capsys, monkeypatch, path, TEST_PASSWORD, "stats")
    assert code == 11 and "ล็อก" in err  # locked: even the right password waits
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", recovery)
    assert code == 0, err
    code, _out, err = _as(capsys, monkeypatch, path, NEW, "stats")
    assert code == 0, err


def test_a_mistyped_or_foreign_key_is_refused(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = _init(capsys, path)
    other = _init(capsys, tmp_path / "other.db")
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", mistyped(recovery, 3))
    assert code == 11 and "กลุ่มที่ 4" in err and "Traceback" not in err, err
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", other)
    assert code == 11 and "ไม่ใช่ของฐานข้อมูลนี้" in err, err
    code, _out, err = _as(capsys, monkeypatch, path, TEST_PASSWORD, "stats")
    assert code == 0, err  # nothing changed


def test_who_may_be_reset(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = _init(capsys, path)
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-password")
    assert run(capsys, "--db", str(path), "users", "add", "somchai", "--role", "clerk")[0] == 0
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "second-password")
    assert run(capsys, "--db", str(path), "users", "add", "second", "--role", "administrator")[0] == 0
    cipher._keys.clear()
    assert run(capsys, "--db", str(path), "users", "lock", "second")[0] == 0
    monkeypatch.delenv("SAMOE_NEW_PASSWORD")
    code, _out, err = _reset(capsys, monkeypatch, path, "somchai", recovery)
    assert code == 12 and "ไม่ใช่ผู้ดูแลระบบ" in err, err
    code, _out, err = _reset(capsys, monkeypatch, path, "second", recovery)
    assert code == 12 and "ระงับ" in err, err
    code, _out, err = _reset(capsys, monkeypatch, path, "nobody", recovery)
    assert code == 2 and "ไม่พบผู้ใช้" in err, err
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", recovery, password="short")
    assert code == 2 and "อย่างน้อย" in err, err
    code, _out, err = _as(capsys, monkeypatch, path, "somchai-password", "stats", user="somchai")
    assert code == 0, err


def test_a_plain_database_says_what_to_do_instead(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plain.db"
    _init(capsys, path, "--no-encryption")
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", "0" * 65)
    assert code == 2 and "ไม่ได้เข้ารหัส" in err and "ผู้ดูแลระบบคนอื่น" in err, err
    assert "Traceback" not in err


def test_no_key_and_no_terminal_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    _init(capsys, path)
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", NEW)
    code, _out, err = run(capsys, "--db", str(path), "users", "passwd", "admin", "--recovery-key")
    assert code == 2 and "SAMOE_RECOVERY_KEY" in err, err


def test_a_lost_keyring_is_rebuilt_and_the_reset_still_works(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.db"
    recovery = _init(capsys, path)
    cipher.keyring_path(path).unlink()
    code, _out, err = _reset(capsys, monkeypatch, path, "admin", recovery)
    assert code == 0, err
    code, _out, err = _as(capsys, monkeypatch, path, NEW, "stats")
    assert code == 0, err


def test_bad_database_files_are_refused_in_thai(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """In real processes, as tests/unit/test_cli_sweep.py runs every command (it does not
    pass flags that take no value, so this mode is swept here)."""
    from fault_files import DROP_CAPS, can_drop_caps, cli, garbage_header, text

    good = tmp_path / "good.db"
    recovery = _init(capsys, good)
    code, _out, err = run(capsys, "--db", str(good), "demo", "--children", "40")
    assert code == 0, err
    cipher._keys.clear()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    middle = tmp_path / "middle.db"  # a bad sector: SQLCipher's page HMAC catches it
    middle.write_bytes(good.read_bytes())
    with open(middle, "r+b") as f:
        for page in range(middle.stat().st_size // 4096 // 3, middle.stat().st_size // 4096, 7):
            f.seek(page * 4096)
            f.write(bytes((page * 37 + i * 11) % 251 for i in range(4096)))
    header = garbage_header(good, tmp_path / "header.db")
    for copy in (middle, header):
        cipher.keyring_path(copy).write_bytes(cipher.keyring_path(good).read_bytes())
    env = {"SAMOE_RECOVERY_KEY": recovery, "SAMOE_NEW_PASSWORD": NEW}
    cases = [(tmp_path / "typo" / "office.db", 4), (empty, None), (header, None), (middle, None)]
    for where, expected in cases:
        proc = cli("--db", where, "users", "passwd", "admin", "--recovery-key", env=env)
        err = text(proc.stderr)
        assert "Traceback" not in err and proc.returncode != 0 and re.search("[ก-๛]", err), (where, err)
        assert expected is None or proc.returncode == expected, (where, proc.returncode, err)
    assert not (tmp_path / "typo").exists()
    if can_drop_caps():  # a read-only folder: refused before anything is written
        folder = tmp_path / "ro"
        folder.mkdir()
        ro = folder / "office.db"
        ro.write_bytes(good.read_bytes())
        cipher.keyring_path(ro).write_bytes(cipher.keyring_path(good).read_bytes())
        ro.chmod(0o444)
        folder.chmod(0o555)
        try:
            proc = cli("--db", ro, "users", "passwd", "admin", "--recovery-key", env=env, prefix=DROP_CAPS)
        finally:
            folder.chmod(0o755)
            ro.chmod(0o644)
        err = text(proc.stderr)
        assert proc.returncode == 6 and "Traceback" not in err, (proc.returncode, err)
