"""Login (Argon2id, lockout, rehash), the signed-in actor on every session, and the check."""

from __future__ import annotations

from datetime import timedelta

import pytest
from actors import TEST_PASSWORD, actor_with, add_test_admin
from argon2 import PasswordHasher
from sqlalchemy import select

from desktop.domain.roles import Action, Role
from desktop.services import access
from desktop.services.access import (
    FAILURE_WINDOW,
    MAX_FAILURES,
    Actor,
    LoginRefused,
    NotPermitted,
    authenticate,
    current_actor,
    lock_time,
    require,
    sign_in,
    sign_out,
)
from desktop.services.users import unlock_user
from desktop.store.db import Database
from desktop.store.models import AppUser, AuditEntry, utcnow


@pytest.fixture
def real_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """The production settings (conftest makes them cheap for the other tests)."""
    hasher = PasswordHasher(time_cost=access.TIME_COST, memory_cost=access.MEMORY_KIB,
                            parallelism=access.PARALLELISM, hash_len=32, salt_len=16)
    monkeypatch.setattr(access, "HASHER", hasher)
    return hasher


def _hash_of(db: Database, name: str) -> str:
    with db.reader() as s:
        return s.scalars(select(AppUser.password_hash).where(AppUser.name == name)).one()


def test_settings_are_argon2id_at_or_above_owasp() -> None:
    assert access.MEMORY_KIB >= 19 * 1024 and access.TIME_COST >= 2 and access.PARALLELISM >= 1


def test_login_with_the_right_password_gives_the_actor_and_its_roles(db: Database, real_hasher: PasswordHasher) -> None:
    add_test_admin(db)
    stored = _hash_of(db, "admin")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    actor = authenticate(db, "admin", TEST_PASSWORD)
    assert actor.name == "admin" and actor.roles == {Role.ADMIN, Role.CLERK}
    with db.reader() as s:
        user = s.scalars(select(AppUser)).one()
        assert user.last_login_at is not None
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.entity_uuid == user.uuid)
                        .order_by(AuditEntry.id.desc()).limit(1)) == "login"


@pytest.mark.parametrize("name,password", [("admin", "wrong-password"), ("nobody", TEST_PASSWORD),
                                           ("admin", ""), ("", "")])
def test_a_wrong_password_or_unknown_name_is_refused_alike(db: Database, name: str, password: str) -> None:
    add_test_admin(db)
    with pytest.raises(LoginRefused) as refused:
        authenticate(db, name, password)
    assert refused.value.message == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" and refused.value.locked_until is None


def test_an_unknown_name_costs_a_hash_check(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    add_test_admin(db)
    checked: list[str] = []
    real = access.verify_password
    def counting(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(access, "verify_password", counting)
    with pytest.raises(LoginRefused):
        authenticate(db, "nobody", "x" * 10)
    assert len(checked) == 1 and checked[0].startswith("$argon2id$")


def test_an_old_hash_is_redone_at_login_when_the_settings_rise(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "HASHER", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    add_test_admin(db)
    old = _hash_of(db, "admin")
    assert "m=8192,t=1" in old
    stronger = PasswordHasher(time_cost=access.TIME_COST, memory_cost=access.MEMORY_KIB, parallelism=1)
    monkeypatch.setattr(access, "HASHER", stronger)
    authenticate(db, "admin", TEST_PASSWORD)
    new = _hash_of(db, "admin")
    assert new != old and "m=65536,t=3,p=1" in new and stronger.verify(new, TEST_PASSWORD)
    authenticate(db, "admin", TEST_PASSWORD)  # the new one works, and is kept
    assert _hash_of(db, "admin") == new


def test_five_failures_in_fifteen_minutes_lock_for_a_growing_time(db: Database) -> None:
    add_test_admin(db)
    t0 = utcnow()
    for i in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused) as r:
            authenticate(db, "admin", "wrong-one", now=t0 + timedelta(minutes=i))
        assert r.value.locked_until is None
    with pytest.raises(LoginRefused) as r:
        authenticate(db, "admin", "wrong-one", now=t0 + timedelta(minutes=4))
    first_lock = r.value.locked_until
    assert first_lock == t0 + timedelta(minutes=4) + timedelta(minutes=15)
    assert "ล็อก" in r.value.message
    # locked: even the right password is refused until the lock ends
    with pytest.raises(LoginRefused) as r:
        authenticate(db, "admin", TEST_PASSWORD, now=first_lock - timedelta(seconds=1))
    assert r.value.locked_until == first_lock
    # after it, five more failures lock for twice as long
    t1 = first_lock + timedelta(seconds=1)
    for i in range(MAX_FAILURES):
        with pytest.raises(LoginRefused) as r:
            authenticate(db, "admin", "wrong-one", now=t1 + timedelta(seconds=i))
    assert r.value.locked_until == t1 + timedelta(seconds=MAX_FAILURES - 1) + timedelta(minutes=30)
    assert lock_time(3) == timedelta(minutes=60) and lock_time(40) == timedelta(hours=24)


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(db: Database) -> None:
    add_test_admin(db)
    t0 = utcnow()
    for i in range(MAX_FAILURES * 2):
        with pytest.raises(LoginRefused) as r:
            authenticate(db, "admin", "wrong-one", now=t0 + i * (FAILURE_WINDOW / 4 + timedelta(seconds=1)))
        assert r.value.locked_until is None


def test_a_success_starts_the_count_again(db: Database) -> None:
    add_test_admin(db)
    t0 = utcnow()
    for i in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            authenticate(db, "admin", "wrong-one", now=t0 + timedelta(seconds=i))
    authenticate(db, "admin", TEST_PASSWORD, now=t0 + timedelta(seconds=10))
    with pytest.raises(LoginRefused) as r:
        authenticate(db, "admin", "wrong-one", now=t0 + timedelta(seconds=11))
    assert r.value.locked_until is None


def test_an_administrator_unlocks_and_it_is_logged(db: Database) -> None:
    from desktop.services.users import add_user

    add_test_admin(db)
    sign_in(db, authenticate(db, "admin", TEST_PASSWORD))
    with db.session() as s:
        add_user(s, "somchai", "somchai-pass", roles=[Role.CLERK])
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            authenticate(db, "somchai", "wrong-one")
    with pytest.raises(LoginRefused) as r:
        authenticate(db, "somchai", "somchai-pass")
    assert r.value.locked_until is not None
    with db.session() as s:
        unlock_user(s, "somchai")
    assert authenticate(db, "somchai", "somchai-pass").name == "somchai"
    with db.reader() as s:
        uuid = s.scalars(select(AppUser.uuid).where(AppUser.name == "somchai")).one()
        entries = s.execute(select(AuditEntry.action, AuditEntry.actor).where(AuditEntry.entity == "user",
                                                                              AuditEntry.entity_uuid == uuid)).all()
    assert ("unlock", "admin") in entries and ("lock", "somchai") in entries


def test_a_clerk_cannot_unlock(db: Database) -> None:
    add_test_admin(db)
    sign_in(db, actor_with(Role.CLERK))
    with pytest.raises(NotPermitted), db.session() as s:
        unlock_user(s, "admin")


def test_every_session_carries_the_signed_in_actor_and_none_after_sign_out(db: Database) -> None:
    clerk = actor_with(Role.CLERK, name="clerk1")
    sign_in(db, clerk)
    with db.session() as s:
        assert current_actor(s) is clerk and require(s, Action.REGISTRY_WRITE) is clerk
    with db.reader() as s:
        assert current_actor(s) is clerk
    with db.sessions() as s:
        assert current_actor(s) is clerk
    sign_out(db)
    with db.reader() as s:
        assert current_actor(s) is None
        with pytest.raises(NotPermitted) as refused:
            require(s, Action.REGISTRY_READ)
    assert "เข้าสู่ระบบ" in refused.value.message


def test_a_fresh_database_has_no_actor_outside_the_tests_fixture(tmp_path: object) -> None:
    # the conftest signs every test Database in; the class itself starts with no one
    assert Database.__dataclass_fields__["actor"].default is None


def test_scope_of_a_caregiver_and_a_teacher() -> None:
    caregiver = actor_with(Role.CAREGIVER, institution_id=7)
    assert caregiver.may(Action.REGISTRY_READ) and caregiver.may(Action.REGISTRY_READ, 7)
    assert not caregiver.may(Action.REGISTRY_READ, 8) and not caregiver.may(Action.EXPORT)
    assert caregiver.institutions_for(Action.REGISTRY_READ) == frozenset({7})
    assert actor_with(Role.CLERK).institutions_for(Action.REGISTRY_READ) is None
    assert actor_with(Role.ADMIN).institutions_for(Action.REGISTRY_READ) == frozenset()
    teacher = Actor(1, "t", "", (access.Grant(Role.TEACHER, 3, "p1", "1"),))
    assert teacher.may_screen(3, "p1", "1")
    assert not teacher.may_screen(3, "p1", "2") and not teacher.may_screen(4, "p1", "1")
    assert not teacher.may(Action.REGISTRY_READ)
