"""A forgotten administrator's password, reset with the recovery key
(desktop/services/password_reset.py): the key authorises a new password for an account
that holds the administrator role and is not suspended; the old password stops working,
the new one opens the file and signs in, the lockout is lifted, and the audit trail says
who was reset and that the recovery key did it (never the key). A wrong or mistyped key,
a plain file, an unknown name, a clerk and a suspended administrator are refused."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from actors import TEST_PASSWORD, add_test_admin
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services import access, keys
from desktop.services.access import Grant, LoginRefused, authenticate
from desktop.services.database import open_database
from desktop.services.password_reset import (
    ResetRefused,
    check_reset,
    reset_before_open,
    reset_password,
    reset_unavailable,
    unlock_for_reset,
)
from desktop.services.users import add_user, lock_user
from desktop.store import cipher, unlock_failures
from desktop.store.db import Database
from desktop.store.models import AppUser, AuditEntry, utcnow

NEW = "a-new-password-9"


pytestmark = pytest.mark.usefixtures("cheap_wraps")


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, str]:
    """An encrypted office database with its administrator ``admin`` and a clerk
    ``somchai``; the recovery key; nothing remembered (like a new process)."""
    path = tmp_path / "office.db"
    new = keys.start_encrypted(path)
    db, _ = open_database(path, create=True)
    try:
        add_test_admin(db)
        with db.session() as s:
            add_user(s, "somchai", "somchai-password", roles=[Grant(Role.CLERK)])
    finally:
        db.dispose()
    cipher._keys.clear()
    return path, new.recovery


def mistyped(recovery: str, group: int) -> str:
    groups = recovery.split("-")
    body, check = groups[group][:4], groups[group][4]
    for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
        changed = c + body[1:]
        if changed != body and cipher._check_char(group, changed) != check:
            groups[group] = changed + check
            return "-".join(groups)
    raise AssertionError("no typo found")


def _open(path: Path, recovery: str) -> Database:
    unlock_for_reset(path, recovery)
    db, _ = open_database(path)
    return db


def _entries(db: Database, action: str) -> list[AuditEntry]:
    with db.reader() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_recovery_key_sets_an_administrator_s_new_password(encrypted: tuple[Path, str]) -> None:
    path, recovery = encrypted
    # typed from the paper: spaces instead of dashes, lower case, Thai digits
    typed = recovery.replace("-", " ").lower().translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    db = _open(path, typed)
    try:
        assert reset_password(db, "admin", typed, NEW) == "admin"
        with pytest.raises(LoginRefused):
            authenticate(db, "admin", TEST_PASSWORD)
        assert authenticate(db, "admin", NEW).name == "admin"
        entries = _entries(db, "password")
        assert len(entries) == 1
        entry = entries[0]
        assert entry.actor == "admin"
        detail = json.loads(entry.detail) if isinstance(entry.detail, str) else entry.detail
        assert detail.get("by") == "recovery_key"
        # the key is nowhere in the audit trail, in any spelling
        with db.reader() as s:
            everything = " ".join(f"{e.actor} {e.detail}" for e in s.scalars(select(AuditEntry)))
        assert all(g not in everything.upper() for g in recovery.split("-"))
    finally:
        db.dispose()
    # the keyring: the new password unwraps the key, the old one no longer does
    cipher._keys.clear()
    assert cipher.unwrap(path, "admin", NEW)
    with pytest.raises(cipher.WrongPassword):
        cipher.unwrap(path, "admin", TEST_PASSWORD)
    # the clerk's wrap is untouched
    assert cipher.unwrap(path, "somchai", "somchai-password")


def test_the_reset_lifts_the_lock_of_both_steps(encrypted: tuple[Path, str]) -> None:
    path, recovery = encrypted
    for _ in range(access.MAX_FAILURES):  # the unlock step of the encrypted file locks the name
        with pytest.raises(cipher.CipherError):
            keys.unlock(path, "admin", "not-it")
    assert unlock_failures.read(path)["admin"].locked_until is not None
    db = _open(path, recovery)
    try:
        with db.session() as s:  # and the database's own lockout
            user = s.scalars(select(AppUser).where(AppUser.name == "admin")).one()
            user.locked_until = utcnow() + timedelta(hours=2)
            user.lockouts = 3
        reset_password(db, "admin", recovery, NEW)
        with db.reader() as s:
            user = s.scalars(select(AppUser).where(AppUser.name == "admin")).one()
            assert user.lockouts == 0 and user.locked_until is not None and user.locked_until <= utcnow()
        assert authenticate(db, "admin", NEW).name == "admin"
    finally:
        db.dispose()
    assert "admin" not in unlock_failures.read(path)
    cipher._keys.clear()
    assert keys.unlock(path, "admin", NEW)


def test_the_unlock_step_resets_before_the_file_is_open(encrypted: tuple[Path, str]) -> None:
    path, recovery = encrypted
    assert reset_before_open(path, "admin", recovery, NEW) == "admin"
    cipher._keys.clear()
    assert keys.unlock(path, "admin", NEW)
    db, _ = open_database(path)
    try:
        assert authenticate(db, "admin", NEW).name == "admin"
    finally:
        db.dispose()


def test_a_mistyped_key_names_its_group_and_a_wrong_key_is_refused(encrypted: tuple[Path, str],
                                                                  tmp_path: Path) -> None:
    path, recovery = encrypted
    with pytest.raises(ResetRefused) as typo:
        reset_before_open(path, "admin", mistyped(recovery, 6), NEW)
    assert typo.value.reason == "bad_key" and "กลุ่มที่ 7" in typo.value.message
    assert cipher.key_for(path) is None  # nothing left open by a refusal
    other = keys.start_encrypted(tmp_path / "other.db").recovery  # a real key, of another file
    cipher._keys.clear()
    with pytest.raises(ResetRefused) as wrong:
        reset_before_open(path, "admin", other, NEW)
    assert wrong.value.reason == "bad_key"
    assert cipher.key_for(path) is None
    # a database opened by a password: a key that is not its own is refused too
    keys.unlock(path, "admin", TEST_PASSWORD)
    db, _ = open_database(path)
    try:
        with pytest.raises(ResetRefused) as not_its:
            reset_password(db, "admin", other, NEW)
        assert not_its.value.reason == "bad_key"
        assert authenticate(db, "admin", TEST_PASSWORD).name == "admin"
    finally:
        db.dispose()


def test_a_plain_database_has_no_recovery_key(db: Database) -> None:
    add_test_admin(db)
    assert db.path is not None
    message = reset_unavailable(db.path)
    assert message and "ไม่ได้เข้ารหัส" in message and "ผู้ดูแลระบบ" in message
    with pytest.raises(ResetRefused) as refused:
        reset_password(db, "admin", "0" * 65, NEW)
    assert refused.value.reason == "plain" and refused.value.message == message
    assert authenticate(db, "admin", TEST_PASSWORD).name == "admin"


def test_only_an_administrator_who_is_not_suspended_is_reset(encrypted: tuple[Path, str]) -> None:
    path, recovery = encrypted
    db = _open(path, recovery)
    try:
        with pytest.raises(ResetRefused) as clerk:
            reset_password(db, "somchai", recovery, NEW)
        assert clerk.value.reason == "not_admin" and "ผู้ดูแลระบบ" in clerk.value.message
        with pytest.raises(ResetRefused) as nobody:
            check_reset(db, "nobody", recovery)
        assert nobody.value.reason == "unknown" and "nobody" in nobody.value.message
        with db.session() as s:
            add_user(s, "second", "second-password", roles=[Grant(Role.ADMIN)])
        with db.session() as s:
            lock_user(s, "second")
        with pytest.raises(ResetRefused) as suspended:
            reset_password(db, "second", recovery, NEW)
        assert suspended.value.reason == "suspended" and "ระงับ" in suspended.value.message
        with pytest.raises(ResetRefused) as short:
            reset_password(db, "admin", recovery, "short")
        assert short.value.reason == "password"
        assert authenticate(db, "somchai", "somchai-password").name == "somchai"
        assert _entries(db, "password") == []
    finally:
        db.dispose()
