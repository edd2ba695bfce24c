"""A wrong password at the unlock step of an encrypted file counts for the lockout
(issue 9): the database is not open yet, so the failures are kept in a small file beside
the keyring (``<name>.db.keys.failures``, written atomically), per user name with their
times. Five failures within 15 minutes lock that name at the unlock step for 15 minutes,
doubled at each further lock (the rule of services/access.py); the database's own
lockout is untouched."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run

from desktop.services import access, keys
from desktop.store import cipher, unlock_failures
from desktop.store.models import utcnow

OFFICE = ("--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101")
TIME = re.compile(r"\d\d:\d\d")


pytestmark = pytest.mark.usefixtures("encrypting")


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(keys, "_now", c)
    return c


@pytest.fixture
def encrypted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    code, _out, err = run(capsys, "--db", str(path), "init", *OFFICE)
    assert code == 0, err
    cipher._keys.clear()
    return path


def _stats(capsys: pytest.CaptureFixture[str], path: Path, monkeypatch: pytest.MonkeyPatch,
           password: str, user: str = "admin") -> tuple[int, str]:
    cipher._keys.clear()  # each command is a new process
    monkeypatch.setenv("SAMOE_PASSWORD", password)
    code, _out, err = run(capsys, "--db", str(path), "--user", user, "stats")
    assert "Traceback" not in err
    return code, err


def test_five_wrong_passwords_lock_the_name_at_the_unlock_step(
        capsys: pytest.CaptureFixture[str], encrypted: Path, monkeypatch: pytest.MonkeyPatch,
        clock: Clock) -> None:
    for _ in range(4):
        code, err = _stats(capsys, encrypted, monkeypatch, "wrong-password")
        assert code == 11 and "ไม่ถูกต้อง" in err
    code, err = _stats(capsys, encrypted, monkeypatch, "wrong-password")
    until = clock.now + access.FIRST_LOCK
    assert code == 11 and "ล็อก" in err, err
    assert access.locked_message(until) in err  # the same words and time as the login's lock
    assert TIME.search(err)
    # locked: even the right password is refused, without unwrapping
    code, err = _stats(capsys, encrypted, monkeypatch, TEST_PASSWORD)
    assert code == 11 and "ล็อก" in err
    sidecar = unlock_failures.failures_path(encrypted)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["users"]["admin"]["lockouts"] == 1
    assert TEST_PASSWORD not in sidecar.read_text(encoding="utf-8")
    # the lock ends; the database's own lockout was never touched
    clock.now += access.FIRST_LOCK + timedelta(seconds=1)
    code, err = _stats(capsys, encrypted, monkeypatch, TEST_PASSWORD)
    assert code == 0, err


def test_the_lock_grows_like_the_logins_and_a_success_starts_again(
        capsys: pytest.CaptureFixture[str], encrypted: Path, monkeypatch: pytest.MonkeyPatch,
        clock: Clock) -> None:
    def fail(times: int) -> str:
        err = ""
        for _ in range(times):
            _code, err = _stats(capsys, encrypted, monkeypatch, "wrong-password")
        return err

    fail(5)
    clock.now += access.FIRST_LOCK + timedelta(seconds=1)
    err = fail(5)
    assert access.locked_message(clock.now + access.lock_time(2)) in err  # 30 minutes
    clock.now += access.lock_time(2) - timedelta(minutes=1)
    assert _stats(capsys, encrypted, monkeypatch, TEST_PASSWORD)[0] == 11
    clock.now += timedelta(minutes=2)
    assert _stats(capsys, encrypted, monkeypatch, TEST_PASSWORD)[0] == 0
    state = unlock_failures.read(encrypted)
    assert "admin" not in state  # a success starts again
    err = fail(5)
    assert access.locked_message(clock.now + access.FIRST_LOCK) in err


def test_old_failures_and_other_names_do_not_count(
        capsys: pytest.CaptureFixture[str], encrypted: Path, monkeypatch: pytest.MonkeyPatch,
        clock: Clock) -> None:
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-first")
    assert run(capsys, "--db", str(encrypted), "users", "add", "somchai", "--role", "clerk")[0] == 0
    for _ in range(4):
        assert _stats(capsys, encrypted, monkeypatch, "wrong-password")[0] == 11
    clock.now += access.FAILURE_WINDOW + timedelta(seconds=1)
    code, err = _stats(capsys, encrypted, monkeypatch, "wrong-password")
    assert code == 11 and "ล็อก" not in err  # the four were more than 15 minutes ago
    for _ in range(5):
        _stats(capsys, encrypted, monkeypatch, "wrong-password", user="somchai")
    assert "ล็อก" in _stats(capsys, encrypted, monkeypatch, "somchai-first", user="somchai")[1]
    assert _stats(capsys, encrypted, monkeypatch, TEST_PASSWORD)[0] == 0  # admin is not locked


def test_the_sidecar_is_tolerant_and_a_plain_file_has_none(
        capsys: pytest.CaptureFixture[str], encrypted: Path, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    unlock_failures.failures_path(encrypted).write_text("not json", encoding="utf-8")
    assert _stats(capsys, encrypted, monkeypatch, "wrong-password")[0] == 11
    assert unlock_failures.read(encrypted)["admin"].failures  # rewritten, counting again
    plain = tmp_path / "plain.db"
    assert run(capsys, "--db", str(plain), "init", *OFFICE, "--no-encryption")[0] == 0
    _stats(capsys, plain, monkeypatch, "wrong-password")
    assert not unlock_failures.failures_path(plain).exists()


def test_an_administrators_unlock_lifts_the_lock(
        capsys: pytest.CaptureFixture[str], encrypted: Path, monkeypatch: pytest.MonkeyPatch,
        clock: Clock) -> None:
    monkeypatch.setenv("SAMOE_NEW_PASSWORD", "somchai-first")
    assert run(capsys, "--db", str(encrypted), "users", "add", "somchai", "--role", "clerk")[0] == 0
    for _ in range(5):
        _stats(capsys, encrypted, monkeypatch, "wrong-password", user="somchai")
    assert _stats(capsys, encrypted, monkeypatch, "somchai-first", user="somchai")[0] == 11
    cipher._keys.clear()
    monkeypatch.setenv("SAMOE_PASSWORD", TEST_PASSWORD)
    code, _out, err = run(capsys, "--db", str(encrypted), "users", "unlock", "somchai")
    assert code == 0, err
    assert "somchai" not in unlock_failures.read(encrypted)
    assert _stats(capsys, encrypted, monkeypatch, "somchai-first", user="somchai")[0] == 0


def test_times_with_an_offset_and_odd_entries_are_read_safely(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    where = unlock_failures.failures_path(db)
    where.write_text(json.dumps({"format": "samoe-unlock-failures", "version": 1, "users": {
        "admin": {"failures": ["2026-11-30T13:00:00+07:00"], "lockouts": 2,
                  "locked_until": "2026-11-30T14:00:00+07:00"}}}), encoding="utf-8")
    state = unlock_failures.read(db)["admin"]
    assert state.failures == [datetime(2026, 11, 30, 6, 0)] and state.lockouts == 2
    assert state.locked_until == datetime(2026, 11, 30, 7, 0)
    where.write_text(json.dumps({"format": "samoe-unlock-failures", "users": {"admin": {"failures": 5}}}),
                     encoding="utf-8")
    assert unlock_failures.read(db) == {}
