"""A successful login does not wait for another writer (issue 9): the password is checked
in a read transaction, and the login's record (last login, the audit entry, a rehash)
is written at once when the write lock is free within a moment, else kept in a queue
beside the database (store/audit_pending.py) and appended by the next write of any
program. A failed login is still counted (it waits for the lock, as before)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from argon2 import PasswordHasher
from cli_run import run

from desktop.services import access
from desktop.services.access import LoginRefused, authenticate
from desktop.store import audit_pending
from desktop.store.db import Database


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.db"
    code, _, err = run(capsys, "--db", str(path), "init", "--office-name", "เทศบาลตำบลทดสอบ",
                       "--office-code", "6300101")
    assert code == 0, err
    assert run(capsys, "--db", str(path), "demo", "--children", "20", "--seed", "2")[0] == 0
    return path


@contextmanager
def another_writer(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a long write (an import): it holds the write lock."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE setting SET value = value WHERE key = 'nothing'")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def _logins(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(
            "SELECT at, actor, detail FROM audit_log WHERE action = 'login' ORDER BY id")]
    finally:
        conn.close()


def _failures(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM login_failure WHERE user_name = ?", (name,)).fetchone()[0])
    finally:
        conn.close()


def test_a_reading_command_logs_in_and_runs_while_another_program_writes(
        office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_BUSY_TIMEOUT", "5")
    before = _logins(office)
    with another_writer(office):
        started = time.monotonic()
        code, out, err = run(capsys, "--db", str(office), "stats")
        took = time.monotonic() - started
        assert code == 0, err  # was exit 7 after SAMOE_BUSY_TIMEOUT
        assert "20" in out
        assert took < 3, took
        code, out, err = run(capsys, "--db", str(office), "audit", "log", "--limit", "3")
        assert code == 0, err
        assert time.monotonic() - started < 6
        assert _logins(office) == before  # nothing written yet: the lock is held
        assert audit_pending.queued(office) == 2  # kept beside the file, not lost
    # the writer is done: the next command's login (a write that gets the lock) appends both
    assert run(capsys, "--db", str(office), "stats")[0] == 0
    after = _logins(office)
    assert len(after) == len(before) + 3
    late = [row for row in after[len(before):] if "queued" in row[2]]
    assert len(late) == 2 and all(r[1] == "admin" for r in late)
    assert audit_pending.queued(office) == 0
    code, out, err = run(capsys, "--db", str(office), "audit", "verify")
    assert code == 0, err + out


def test_a_queued_login_keeps_its_own_time_and_any_write_appends_it(office: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(office)
    try:
        with another_writer(office):
            actor = authenticate(db, "admin", TEST_PASSWORD)
            assert actor.name == "admin"
        at = json.loads(audit_pending.path_for(office).read_text("utf-8").splitlines()[0])["at"]
        before = len(_logins(office))
        with db.session() as s:  # any write of this program, not only a login
            from desktop.services.audit import record

            record(s, "test", "user", "", {})
        rows = _logins(office)
        assert len(rows) == before + 1
        assert rows[-1][0].replace(" ", "T").startswith(at[:19])
        assert not audit_pending.path_for(office).exists()
        conn = sqlite3.connect(office)
        try:
            last = conn.execute("SELECT last_login_at FROM app_user WHERE name = 'admin'").fetchone()[0]
        finally:
            conn.close()
        assert last.replace(" ", "T").startswith(at[:19])
    finally:
        db.dispose()


def test_a_queue_appended_twice_is_recorded_once(office: Path) -> None:
    """A program killed after its commit and before it emptied the queue: the next one
    skips what was already appended (its token is in the setting table)."""
    db = Database.open(office)
    try:
        with another_writer(office):
            authenticate(db, "admin", TEST_PASSWORD)
        kept = audit_pending.path_for(office).read_bytes()
        before = len(_logins(office))
        with db.session():
            pass
        assert len(_logins(office)) == before + 1
        audit_pending.path_for(office).write_bytes(kept)  # as if the file had not been emptied
        with db.session():
            pass
        assert len(_logins(office)) == before + 1
        assert not audit_pending.path_for(office).exists()
    finally:
        db.dispose()


def test_a_wrong_password_while_another_program_writes_is_still_counted(
        office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_BUSY_TIMEOUT", "10")
    monkeypatch.setenv("SAMOE_PASSWORD", "not-the-password")
    with another_writer(office) as other:
        timer = threading.Timer(0.7, lambda: other.execute("COMMIT"))
        timer.start()
        try:
            code, _, err = run(capsys, "--db", str(office), "stats")
        finally:
            timer.join()
    assert code == 11, err
    assert _failures(office, "admin") == 1  # it waited for the lock and counted


def test_a_rehash_is_deferred_to_a_login_that_gets_the_lock(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(office)
    try:
        def stored() -> str:
            conn = sqlite3.connect(office)
            try:
                return str(conn.execute("SELECT password_hash FROM app_user WHERE name = 'admin'").fetchone()[0])
            finally:
                conn.close()

        old = stored()
        monkeypatch.setattr(access, "HASHER", PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1))
        with another_writer(office):
            authenticate(db, "admin", TEST_PASSWORD)
        assert stored() == old  # no hash of the password waits in a file beside the database
        authenticate(db, "admin", TEST_PASSWORD)
        assert stored() != old and "t=2" in stored()
        with pytest.raises(LoginRefused):
            authenticate(db, "admin", "not-the-password")
    finally:
        db.dispose()


def test_the_queue_of_an_encrypted_database_is_not_readable_text(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMOE_NO_ENCRYPTION", raising=False)
    path = tmp_path / "secret.db"
    code, out, err = run(capsys, "--db", str(path), "init", "--office-name", "เทศบาลตำบลทดสอบ",
                         "--office-code", "6300101")
    assert code == 0, err
    from desktop.store.cipher import is_encrypted, key_for, keyed_connect

    assert is_encrypted(path)
    key = key_for(path)
    assert key is not None
    other = keyed_connect(path, key, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE setting SET value = value WHERE key = 'nothing'")
    try:
        code, out, err = run(capsys, "--db", str(path), "stats")
        assert code == 0, err
        raw = audit_pending.path_for(path).read_bytes()
        assert b"admin" not in raw and b"login" not in raw
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert run(capsys, "--db", str(path), "stats")[0] == 0
    assert not audit_pending.path_for(path).exists()
    code, out, err = run(capsys, "--db", str(path), "audit", "log", "--limit", "5")
    assert code == 0 and out.count("login") + out.count("เข้าสู่ระบบ") >= 2, out
    assert "queued" in out, out


def test_opening_a_childs_record_while_another_program_writes_is_noted_later(
        office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window notes each opening of a child's record (a write): it waited the whole
    busy timeout on the GUI thread, then the entry was dropped."""
    from desktop.services.audit import record_view

    monkeypatch.setenv("SAMOE_BUSY_TIMEOUT", "3")
    conn = sqlite3.connect(office)
    uuid = str(conn.execute("SELECT uuid FROM child LIMIT 1").fetchone()[0])
    conn.close()

    def views() -> int:
        c = sqlite3.connect(office)
        try:
            return int(c.execute("SELECT count(*) FROM audit_log WHERE action = 'view' AND entity_uuid = ?",
                                 (uuid,)).fetchone()[0])
        finally:
            c.close()

    db = Database.open(office)
    try:
        with another_writer(office):
            started = time.monotonic()
            assert record_view(db, uuid)
            assert time.monotonic() - started < 1.5
        assert views() == 0 and audit_pending.queued(office) == 1
        with db.session():
            pass
        assert views() == 1
    finally:
        db.dispose()


def test_a_login_that_cannot_queue_its_entry_waits_for_the_lock(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No place beside the file for the entry (a full disk, say): the login waits for the
    write lock as before, rather than going on with its entry nowhere."""
    def full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit_pending, "queue", full)
    monkeypatch.setenv("SAMOE_BUSY_TIMEOUT", "10")
    db = Database.open(office)
    try:
        before = len(_logins(office))
        with another_writer(office) as other:
            timer = threading.Timer(0.8, lambda: other.execute("COMMIT"))
            timer.start()
            started = time.monotonic()
            try:
                authenticate(db, "admin", TEST_PASSWORD)
            finally:
                timer.join()
            assert time.monotonic() - started >= 0.7
        assert len(_logins(office)) == before + 1
    finally:
        db.dispose()


def test_a_line_that_cannot_be_read_is_kept_not_dropped(office: Path) -> None:
    """A damaged line, or one sealed under another database's key, is neither appended
    nor thrown away: it stays in the file for someone to look at."""
    where = audit_pending.path_for(office)
    where.write_text('s1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA\n{"token": "x", "half a line\n', encoding="utf-8")
    db = Database.open(office)
    try:
        before = len(_logins(office))
        with another_writer(office):
            authenticate(db, "admin", TEST_PASSWORD)  # queued beside the two
        assert audit_pending.queued(office) == 3
        with db.session():
            pass
        assert len(_logins(office)) == before + 1
        left = where.read_text("utf-8").splitlines()
        assert left == ["s1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA", '{"token": "x", "half a line']
    finally:
        db.dispose()
