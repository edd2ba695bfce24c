"""Users and their roles: add, list, change a password, suspend, unlock, set roles.

Only an administrator (``users.manage``) manages users; a user may change their own
password. The first administrator is made without a login, and only while the database
has no user at all (``create_first_admin``: the set-up wizard, ``samoe init``, or ``samoe
users add`` on a database made before users existed). By default the first administrator
also gets the clerk role (at a province: the provincial officer's), so that a one-person office can work; ``also_clerk=False`` (the
CLI's ``--admin-only``) leaves them administrator only. Every change is in the audit log
(entity "user"). A user is never deleted (the audit log names them): suspend them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import SCOPED_ROLES, Action, Role, role_label
from desktop.i18n import _
from desktop.services.access import Actor, Grant, actor_of, current_actor, hash_password, require
from desktop.services.audit import record
from desktop.services.keys import wrap_on_commit
from desktop.store.models import AppUser, Institution, Office, UserRole, utcnow

if TYPE_CHECKING:
    from desktop.store.db import Database

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_NAME = 50


class UserError(Exception):
    """A user change that cannot be made; ``message`` in Thai."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class UserInfo:
    uuid: str
    name: str
    full_name: str
    grants: tuple[Grant, ...]
    locked_until: datetime | None
    suspended: bool
    last_login_at: datetime | None

    def roles_text(self) -> str:
        return ", ".join(role_label(g.role) + (f" ({g.institution_id})" if g.institution_id else "")
                         for g in self.grants) or _("(ไม่มีบทบาท)")


def password_rule() -> str:
    return _("รหัสผ่านต้องยาวอย่างน้อย {n} ตัวอักษร และไม่ใช่ช่องว่างล้วน").format(n=MIN_PASSWORD)


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be used (the rule in Thai), or None."""
    if len(password) < MIN_PASSWORD or not password.strip():
        return password_rule()
    if len(password) > MAX_PASSWORD:
        return _("รหัสผ่านยาวเกิน {n} ตัวอักษร").format(n=MAX_PASSWORD)
    if any(not c.isprintable() and not c.isspace() or c in "\t\n\r\v\f" for c in password):
        # a newline or tab from a file or script: nobody could type it at the login prompt
        return _("รหัสผ่านมีตัวอักษรที่พิมพ์ไม่ได้ (เช่น ขึ้นบรรทัดใหม่หรือแท็บ) ตั้งรหัสผ่านใหม่โดยไม่มีตัวอักษรเหล่านี้")
    return None


def name_problem(name: str) -> str | None:
    if not name or len(name) > MAX_NAME or any(c.isspace() or not c.isprintable() for c in name):
        return _("ชื่อผู้ใช้ต้องมี 1 ถึง {n} ตัวอักษร ไม่มีช่องว่าง เช่น somchai").format(n=MAX_NAME)
    return None


def _check_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise UserError(problem)


def _info(user: AppUser) -> UserInfo:
    a = actor_of(user)
    return UserInfo(user.uuid, user.name, user.full_name or "", a.grants, user.locked_until,
                    user.disabled_at is not None, user.last_login_at)


def _find(session: Session, name: str) -> AppUser:
    user = session.scalars(select(AppUser).where(AppUser.name == name.strip())
                           .options(selectinload(AppUser.roles))).first()
    if user is None:
        raise UserError(_("ไม่พบผู้ใช้ชื่อ {name}").format(name=name.strip()))
    return user


def _grants(session: Session, grants: Iterable[Grant | Role]) -> list[Grant]:
    out: list[Grant] = []
    for g in grants:
        grant = g if isinstance(g, Grant) else Grant(Role(g))
        if grant.role in SCOPED_ROLES and grant.institution_id is None:
            raise UserError(_("บทบาท{role}ต้องระบุสถานศึกษาหรือศูนย์พัฒนาเด็กเล็กที่ดูแล")
                            .format(role=role_label(grant.role)))
        inst = session.get(Institution, grant.institution_id) if grant.institution_id is not None else None
        if grant.institution_id is not None and inst is None:
            raise UserError(_("ไม่พบสถานศึกษารหัส {id}").format(id=grant.institution_id))
        if grant.role is Role.CAREGIVER and inst is not None and inst.kind != InstitutionKind.CDC:
            raise UserError(_("บทบาท{role}ต้องระบุศูนย์พัฒนาเด็กเล็ก: {name} เป็นโรงเรียน")
                            .format(role=role_label(grant.role), name=inst.name))
        if grant not in out:
            out.append(grant)
    return out


def _roles_detail(grants: Sequence[Grant]) -> list[str]:
    return [g.role.value + (f"@{g.institution_id}" if g.institution_id else "")
            + (f"/{g.level_code}/{g.classroom}" if g.level_code or g.classroom else "") for g in grants]


def _admin_count(session: Session, *, excluding: int | None = None) -> int:
    q = (select(func.count(func.distinct(AppUser.id))).join(UserRole)
         .where(UserRole.role == Role.ADMIN.value, AppUser.disabled_at.is_(None)))
    if excluding is not None:
        q = q.where(AppUser.id != excluding)
    return session.scalar(q) or 0


def _new_user(session: Session, name: str, password: str, full_name: str, grants: list[Grant],
              actor: str) -> AppUser:
    name = name.strip()
    problem = name_problem(name)
    if problem:
        raise UserError(problem)
    _check_password(password)
    # "Admin" beside "admin" would pass for them in every list and audit entry
    if session.scalar(select(AppUser.id).where(func.lower(AppUser.name) == name.lower())) is not None:
        raise UserError(_("มีผู้ใช้ชื่อ {name} อยู่แล้ว").format(name=name))
    now = utcnow()
    user = AppUser(name=name, full_name=full_name.strip()[:200], password_hash=hash_password(password),
                   created_at=now, password_changed_at=now)
    user.roles = [UserRole(role=g.role.value, institution_id=g.institution_id, level_code=g.level_code,
                           classroom=g.classroom) for g in grants]
    session.add(user)
    session.flush()
    record(session, "user_add", "user", user.uuid,
           {"name": name, "roles": _roles_detail(grants)}, actor=actor or name)
    wrap_on_commit(session, name, password)  # an encrypted database: the key for their password
    return user


def add_user(session: Session, name: str, password: str, *, full_name: str = "",
             roles: Iterable[Grant | Role] = ()) -> UserInfo:
    actor = require(session, Action.USERS_MANAGE)
    user = _new_user(session, name, password, full_name, _grants(session, roles), actor.name)
    return _info(user)


def list_users(session: Session) -> list[UserInfo]:
    require(session, Action.USERS_MANAGE)
    users = session.scalars(select(AppUser).options(selectinload(AppUser.roles)).order_by(AppUser.name))
    return [_info(u) for u in users]


def set_password(session: Session, name: str, password: str) -> None:
    """An administrator sets anyone's password; a user their own (signed in as them)."""
    actor = current_actor(session)
    if actor is None or actor.name != name.strip():
        actor = require(session, Action.USERS_MANAGE)
    user = _find(session, name)
    _check_password(password)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    record(session, "password", "user", user.uuid, {"by_self": actor.name == user.name}, actor=actor.name)
    wrap_on_commit(session, user.name, password)  # rewraps the key only: nothing re-encrypted
    from desktop.services.exchange_keys import drop_holder

    drop_holder(session, user.name)  # the old password no longer opens the office's exchange keys


def lock_user(session: Session, name: str) -> None:
    """Suspend a user: no login until an administrator unlocks them."""
    actor = require(session, Action.USERS_MANAGE)
    user = _find(session, name)
    if user.id == actor.user_id:
        raise UserError(_("ระงับบัญชีของตัวเองไม่ได้"))
    if any(r.role == Role.ADMIN.value for r in user.roles) and _admin_count(session, excluding=user.id) == 0:
        raise UserError(_("ระงับผู้ดูแลระบบคนสุดท้ายไม่ได้"))
    user.disabled_at = utcnow()
    record(session, "suspend", "user", user.uuid, {}, actor=actor.name)
    from desktop.services.keys import drop_wrap_on_commit

    drop_wrap_on_commit(session, user.name)  # their password no longer opens an encrypted file
    from desktop.services.exchange_keys import drop_holder

    drop_holder(session, user.name)  # nor the office's exchange keys (a plain database's seals)


def unlock_user(session: Session, name: str) -> None:
    """Lift a lock after failed logins, or a suspension; the failure count starts again."""
    actor = require(session, Action.USERS_MANAGE)
    user = _find(session, name)
    was = {"locked_until": user.locked_until.isoformat(timespec="seconds") if user.locked_until else "",
           "suspended": user.disabled_at is not None}
    user.locked_until = utcnow()  # failures before it no longer count (access.authenticate)
    user.lockouts = 0
    user.disabled_at = None
    record(session, "unlock", "user", user.uuid, was, actor=actor.name)
    from desktop.services.keys import clear_failures_on_commit

    clear_failures_on_commit(session, user.name)  # and the lock at an encrypted file's unlock step


def set_roles(session: Session, name: str, roles: Iterable[Grant | Role]) -> UserInfo:
    """Replace a user's roles. The last administrator keeps theirs."""
    actor = require(session, Action.USERS_MANAGE)
    user = _find(session, name)
    grants = _grants(session, roles)
    if (not any(g.role is Role.ADMIN for g in grants) and any(r.role == Role.ADMIN.value for r in user.roles)
            and _admin_count(session, excluding=user.id) == 0):
        raise UserError(_("ต้องมีผู้ดูแลระบบอย่างน้อยหนึ่งคน: ให้บทบาทผู้ดูแลระบบแก่ผู้อื่นก่อน"))
    before = _roles_detail(actor_of(user).grants)
    user.roles.clear()
    session.flush()
    user.roles.extend(UserRole(role=g.role.value, institution_id=g.institution_id, level_code=g.level_code,
                               classroom=g.classroom) for g in grants)
    session.flush()
    record(session, "roles", "user", user.uuid, {"old": before, "new": _roles_detail(grants)}, actor=actor.name)
    return _info(user)


def first_admin_needed(db: Database) -> bool:
    """The database has no user yet (new, or made before users existed)."""
    with db.reader() as s:
        return (s.scalar(select(func.count()).select_from(AppUser)) or 0) == 0


def working_role(office_role: str) -> Role:
    """The role a one-person office's first administrator also holds: the clerk's at a
    municipality, the provincial officer's at a province (merge, its reports)."""
    return Role.PROVINCE if office_role == "province" else Role.CLERK


def create_first_admin(db: Database, name: str, password: str, full_name: str = "", *,
                       also_clerk: bool = True, office_role: str | None = None) -> Actor:
    """The first administrator, without a login: refused once any user exists. With
    ``also_clerk`` they also get the office's working role (``working_role``) of
    ``office_role``, or of the database's office when not given (a set-up makes the
    administrator before the office)."""
    with db.session() as s:
        if (s.scalar(select(func.count()).select_from(AppUser)) or 0) > 0:
            raise UserError(_("มีผู้ใช้อยู่แล้ว: ให้ผู้ดูแลระบบเข้าสู่ระบบแล้วเพิ่มผู้ใช้"))
        if office_role is None:
            office_role = s.scalar(select(Office.role).where(Office.is_local.is_(True))) or "municipality"
        grants = [Grant(Role.ADMIN)] + ([Grant(working_role(office_role))] if also_clerk else [])
        user = _new_user(s, name, password, full_name, grants, "")
        s.flush()
        return actor_of(user)
