"""Users: the first administrator, adding, roles, passwords, suspending, and the audit log."""

from __future__ import annotations

import pytest
from actors import TEST_PASSWORD, actor_with, add_test_admin
from sqlalchemy import select

from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Role
from desktop.services.access import Grant, LoginRefused, NotPermitted, authenticate, sign_in
from desktop.services.users import (
    UserError,
    add_user,
    create_first_admin,
    first_admin_needed,
    list_users,
    lock_user,
    password_problem,
    set_password,
    set_roles,
    unlock_user,
)
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Institution


def _as_admin(db: Database) -> None:
    if first_admin_needed(db):
        add_test_admin(db)
    sign_in(db, authenticate(db, "admin", TEST_PASSWORD))


def test_the_first_administrator_is_also_a_clerk_unless_asked_not(db: Database, tmp_path: object) -> None:
    assert first_admin_needed(db)
    actor = create_first_admin(db, "admin", TEST_PASSWORD, "ผู้ดูแล")
    assert actor.roles == {Role.ADMIN, Role.CLERK}
    assert not first_admin_needed(db)
    with pytest.raises(UserError, match="มีผู้ใช้อยู่แล้ว"):
        create_first_admin(db, "second", TEST_PASSWORD)


def test_an_admin_only_first_administrator(db: Database) -> None:
    assert create_first_admin(db, "boss", TEST_PASSWORD, also_clerk=False).roles == {Role.ADMIN}


@pytest.mark.parametrize("password", ["", "short", "       ", "1234567"])
def test_a_short_or_empty_password_is_refused_with_the_rule(db: Database, password: str) -> None:
    assert password_problem(password) == "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร และไม่ใช่ช่องว่างล้วน"
    with pytest.raises(UserError, match="อย่างน้อย 8"):
        create_first_admin(db, "admin", password)
    assert first_admin_needed(db)


def test_add_list_roles_password_lock_unlock(db: Database) -> None:
    _as_admin(db)
    with db.session() as s:
        add_user(s, "somchai", "password-1", full_name="สมชาย ใจดี", roles=[Role.CLERK])
        with pytest.raises(UserError, match="มีผู้ใช้ชื่อ somchai อยู่แล้ว"):
            add_user(s, "somchai", "password-1")
        with pytest.raises(UserError, match="ชื่อผู้ใช้"):
            add_user(s, "two words", "password-1")
    with db.reader() as s:
        users = {u.name: u for u in list_users(s)}
    assert set(users) == {"admin", "somchai"} and users["somchai"].full_name == "สมชาย ใจดี"
    assert [g.role for g in users["somchai"].grants] == [Role.CLERK]
    with db.session() as s:
        set_roles(s, "somchai", [Role.CLERK, Role.SUPERVISOR])
        set_password(s, "somchai", "password-2")
        lock_user(s, "somchai")
    with pytest.raises(LoginRefused, match="ระงับ"):
        authenticate(db, "somchai", "password-2")
    with db.session() as s:
        unlock_user(s, "somchai")
    assert authenticate(db, "somchai", "password-2").roles == {Role.CLERK, Role.SUPERVISOR}
    with db.reader() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "user",
                                                            AuditEntry.actor == "admin")).all()
    assert {"user_add", "roles", "password", "suspend", "unlock"} <= set(actions)


def test_a_user_changes_their_own_password_but_not_anothers(db: Database) -> None:
    _as_admin(db)
    with db.session() as s:
        add_user(s, "somchai", "password-1", roles=[Role.CLERK])
    sign_in(db, authenticate(db, "somchai", "password-1"))
    with db.session() as s:
        set_password(s, "somchai", "password-new")
        with pytest.raises(NotPermitted):
            set_password(s, "admin", "password-new")
    assert authenticate(db, "somchai", "password-new").name == "somchai"


def test_the_last_administrator_keeps_the_role_and_no_one_suspends_themselves(db: Database) -> None:
    _as_admin(db)
    with db.session() as s:
        with pytest.raises(UserError, match="อย่างน้อยหนึ่งคน"):
            set_roles(s, "admin", [Role.CLERK])
        with pytest.raises(UserError, match="ของตัวเอง"):
            lock_user(s, "admin")
        add_user(s, "second", "password-1", roles=[Role.ADMIN])
        set_roles(s, "second", [Role.CLERK])  # admin is still an administrator
        with pytest.raises(UserError, match="อย่างน้อยหนึ่งคน"):
            set_roles(s, "admin", [Role.CLERK])


def test_a_caregiver_needs_a_centre(office_db: Database) -> None:
    from desktop.services.institutions import InstitutionForm, save_institution

    db = office_db
    with db.session() as s:
        uuid = save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="C1", name="ศพด.บ้านใหม่"))
        school = save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code="S1", name="โรงเรียนบ้านใหม่"))
    _as_admin(db)
    with db.session() as s:
        with pytest.raises(UserError, match="ต้องระบุสถานศึกษา"):
            add_user(s, "care", "password-1", roles=[Role.CAREGIVER])
        a_school = s.scalars(select(Institution).where(Institution.uuid == school)).one()
        with pytest.raises(UserError, match="ต้องระบุศูนย์พัฒนาเด็กเล็ก: โรงเรียนบ้านใหม่ เป็นโรงเรียน"):
            add_user(s, "care", "password-1", roles=[Grant(Role.CAREGIVER, a_school.id)])
        centre = s.scalars(select(Institution).where(Institution.uuid == uuid)).one()
        info = add_user(s, "care", "password-1", roles=[Grant(Role.CAREGIVER, centre.id)])
    assert info.grants == (Grant(Role.CAREGIVER, centre.id),)


def test_only_an_administrator_manages_users(db: Database) -> None:
    add_test_admin(db)
    sign_in(db, actor_with(Role.CLERK, Role.PROVINCE, Role.SUPERVISOR))
    with db.session() as s:
        for call in (lambda: list_users(s), lambda: add_user(s, "x", "password-1"),
                     lambda: lock_user(s, "admin"), lambda: set_roles(s, "admin", [Role.CLERK])):
            with pytest.raises(NotPermitted, match="ไม่มีสิทธิ์จัดการผู้ใช้"):
                call()
