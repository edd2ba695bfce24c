"""Who is working: login (Argon2id, lockout), the signed-in actor, and the permission check.

Every service that reads or changes records starts with ``require(session, Action.X)``:
deny by default, also when no one signed in. ``sign_in(db, actor)`` puts the actor on the
Database, so every session it opens from then on carries it in ``session.info["actor"]``
(the store holds it as an opaque object and knows nothing of roles).

Passwords: Argon2id, 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended setting,
above OWASP's minimum of 19 MiB / 2 passes); a hash made with weaker settings is redone at
the next login. Lockout: 5 failed logins within 15 minutes lock the account for 15 minutes,
doubled at each further lock (30, 60 ... at most 24 hours); a successful login or an
administrator's unlock starts the count again. A name that does not exist costs the same
work as a wrong password (a dummy hash is checked) and gets the same message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.roles import ALLOWED, Action, Role, action_label
from desktop.i18n import _
from desktop.store.models import AppUser, Child, Enrollment, LoginFailure, utcnow

if TYPE_CHECKING:
    from desktop.store.db import Database

# Argon2id settings (argon2-cffi's own defaults are RFC 9106's low-memory ones: the same).
TIME_COST = 3
MEMORY_KIB = 64 * 1024
PARALLELISM = 1
HASHER = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM,
                        hash_len=32, salt_len=16, type=Type.ID)

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
FIRST_LOCK = timedelta(minutes=15)
LONGEST_LOCK = timedelta(hours=24)

_dummy_hash: dict[str, str] = {}


@dataclass(frozen=True)
class Grant:
    """One role, optionally limited to an institution and (a teacher) a level and room."""

    role: Role
    institution_id: int | None = None
    level_code: str = ""
    classroom: str = ""

    def covers(self, institution_id: int | None) -> bool:
        return self.institution_id is None or institution_id is None or self.institution_id == institution_id


@dataclass(frozen=True)
class Actor:
    """The person signed in, with what their roles let them do."""

    user_id: int
    name: str
    full_name: str
    grants: tuple[Grant, ...]

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)

    def may(self, action: Action, institution_id: int | None = None) -> bool:
        """Any of the actor's roles allows ``action`` (at ``institution_id`` when given;
        without one, a limited role passes and its scope is applied to the query)."""
        return any(action in ALLOWED.get(g.role, frozenset()) and g.covers(institution_id)
                   for g in self.grants)

    def institutions_for(self, action: Action) -> frozenset[int] | None:
        """The institutions the actor may do ``action`` at: None means every one (a role
        that allows it without a limit), an empty set none."""
        out: set[int] = set()
        for g in self.grants:
            if action in ALLOWED.get(g.role, frozenset()):
                if g.institution_id is None:
                    return None
                out.add(g.institution_id)
        return frozenset(out)

    def may_screen(self, institution_id: int, level_code: str, classroom: str) -> bool:
        """A screening of this class may be recorded by the actor: a teacher only in their
        own institution and class (an empty level or room in the grant: all of them)."""
        for g in self.grants:
            if Action.SCREENING_RECORD not in ALLOWED.get(g.role, frozenset()):
                continue
            if g.institution_id is not None and g.institution_id != institution_id:
                continue
            if g.level_code and g.level_code != level_code:
                continue
            if g.classroom and g.classroom != classroom:
                continue
            return True
        return False


class LoginRefused(Exception):  # noqa: N818 (the contract's name)
    """A login that did not succeed: ``message`` in Thai; ``locked_until`` (UTC) when locked."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.locked_until = locked_until


class NotPermitted(Exception):  # noqa: N818 (the contract's name)
    """The signed-in user (or no one) may not do this."""

    def __init__(self, action: Action, actor: Actor | None = None) -> None:
        if actor is None:
            message = _("ต้องเข้าสู่ระบบก่อนจึงจะ{action}ได้").format(action=action_label(action))
        else:
            message = _("ผู้ใช้ {name} ไม่มีสิทธิ์{action}").format(name=actor.name, action=action_label(action))
        super().__init__(message)
        self.message = message
        self.action = action
        self.actor = actor


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def _dummy() -> str:
    key = f"{HASHER.time_cost}/{HASHER.memory_cost}/{HASHER.parallelism}"
    if key not in _dummy_hash:
        _dummy_hash[key] = HASHER.hash("samoe-dummy-password")
    return _dummy_hash[key]


def verify_password(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def actor_of(user: AppUser) -> Actor:
    grants = []
    for r in user.roles:
        try:
            role = Role(r.role)
        except ValueError:  # a role from a newer Samoe: grants nothing here
            continue
        grants.append(Grant(role, r.institution_id, r.level_code or "", r.classroom or ""))
    return Actor(user.id, user.name, user.full_name or "", tuple(grants))


def _user(session: Session, name: str) -> AppUser | None:
    return session.scalars(select(AppUser).where(AppUser.name == name)
                           .options(selectinload(AppUser.roles))).first()


def lock_time(lockouts: int) -> timedelta:
    """How long the ``lockouts``-th lock (1, 2, ...) lasts: 15 min, doubled each time."""
    longer: timedelta = FIRST_LOCK * (2 ** min(max(0, lockouts - 1), 10))
    return min(longer, LONGEST_LOCK)


def _time_text(at: datetime) -> str:
    """A UTC time as the local clock shows it (hh:mm, with the date when not today)."""
    from datetime import UTC

    local = at.replace(tzinfo=UTC).astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d/%m/%Y %H:%M")


def locked_message(until: datetime) -> str:
    return _("บัญชีนี้ถูกล็อกเพราะใส่รหัสผ่านผิดหลายครั้ง ลองใหม่ได้หลังเวลา {time} "
             "หรือให้ผู้ดูแลระบบปลดล็อก").format(time=_time_text(until))


def wrong_password_message() -> str:
    return _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")


QUICK_WAIT = 0.25  # seconds a successful login waits for another writer before queueing


@dataclass(frozen=True)
class _Seen:
    """A user as the login's read transaction found them."""

    name: str
    uuid: str
    password_hash: str
    locked_until: datetime | None
    disabled: bool
    actor: Actor


def authenticate(db: Database, name: str, password: str, *, now: datetime | None = None) -> Actor:
    """The actor of ``name`` when ``password`` is theirs; else LoginRefused (unknown name,
    wrong password, locked or suspended account). Failures are counted and logged; a
    success on an old hash stores a new one.

    The password is checked in a read transaction, which never waits for a writer. A
    success then records itself (last login, audit entry, a rehash) if the write lock is
    free within ``QUICK_WAIT``; else its entry waits beside the database
    (store/audit_pending.py) for the next write, and the rehash for the next login: a
    command that only reads does not wait behind another program's import. A failure
    waits for the lock as long as any write does: every wrong password is counted."""
    now = now or utcnow()
    name = name.strip()
    with db.reader() as s:
        user = _user(s, name)
        seen = (_Seen(user.name, user.uuid, user.password_hash, user.locked_until, user.disabled_at is not None,
                      actor_of(user)) if user is not None else None)
    if seen is None:
        verify_password(_dummy(), password)  # the same work as a real user's check
        verified = False
    elif seen.locked_until is not None and seen.locked_until > now:
        verified = False
    else:
        verified = verify_password(seen.password_hash, password)
    if db.read_only:  # a read-only copy: check, record nothing (nothing can be written)
        if seen is not None and seen.locked_until is not None and seen.locked_until > now:
            raise LoginRefused(locked_message(seen.locked_until), seen.locked_until)
        if seen is None or not verified:
            raise LoginRefused(wrong_password_message())
        if seen.disabled:
            raise LoginRefused(suspended_message())
        return seen.actor
    if seen is not None and verified and not seen.disabled:
        actor = _note_login(db, seen, password, now)
        if actor is not None:
            return actor
    return _refuse_or_admit(db, name, password, seen, verified, now)


def _note_login(db: Database, seen: _Seen, password: str, now: datetime) -> Actor | None:
    """Record a checked login without waiting long for the write lock; the actor, or
    None when the user changed meanwhile (locked, suspended, a new password: the
    careful path decides)."""
    from desktop.services.audit import entry, record
    from desktop.store import audit_pending
    from desktop.store.faults import DatabaseBusy, classify

    try:
        with db.session(wait=QUICK_WAIT) as s:
            user = _user(s, seen.name)
            if (user is None or user.password_hash != seen.password_hash or user.disabled_at is not None
                    or (user.locked_until is not None and user.locked_until > now)):
                return None
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.last_login_at = now
            user.lockouts = 0
            record(s, "login", "user", user.uuid, {}, actor=user.name)
            return actor_of(user)
    except Exception as exc:
        if not isinstance(classify(exc), DatabaseBusy) or db.path is None:
            raise
    # another program writes: the entry waits beside the file (never lost: queue() has
    # flushed it to disk or raised), appended by the next write of any program
    try:
        audit_pending.queue(db.path, [entry("login", "user", seen.uuid, {}, actor=seen.name, at=now)],
                            login_of=seen.name)
    except OSError:  # nowhere to keep it: wait for the lock as any write does
        return None
    return seen.actor


def _refuse_or_admit(db: Database, name: str, password: str, seen: _Seen | None, verified: bool,
                     now: datetime) -> Actor:
    """The login's verdict written under the write lock (waits for another writer): a
    failure is counted and logged, a success recorded."""
    from desktop.services.audit import record

    refused: LoginRefused | None = None
    actor: Actor | None = None
    with db.session() as s:
        user = _user(s, name)
        if user is not None and (seen is None or user.password_hash != seen.password_hash):
            verified = verify_password(user.password_hash, password)  # changed meanwhile
        if user is None:
            s.add(LoginFailure(user_name=name[:50], at=now))
            record(s, "login_failed", "user", "", {"reason": "unknown"}, actor=name[:50])
            refused = LoginRefused(wrong_password_message())
        elif user.locked_until is not None and user.locked_until > now:
            record(s, "login_failed", "user", user.uuid, {"reason": "locked"}, actor=user.name)
            refused = LoginRefused(locked_message(user.locked_until), user.locked_until)
        elif not verified:
            s.add(LoginFailure(user_name=user.name, at=now))
            s.flush()
            since = max(t for t in (now - FAILURE_WINDOW, user.locked_until, user.last_login_at)
                        if t is not None)
            failures = s.scalar(select(func.count()).select_from(LoginFailure)
                                .where(LoginFailure.user_name == user.name, LoginFailure.at > since)) or 0
            record(s, "login_failed", "user", user.uuid, {"failures": failures}, actor=user.name)
            if failures >= MAX_FAILURES:
                user.lockouts = (user.lockouts or 0) + 1
                user.locked_until = now + lock_time(user.lockouts)
                record(s, "lock", "user", user.uuid,
                       {"until": user.locked_until.isoformat(timespec="seconds"), "lockouts": user.lockouts},
                       actor=user.name)
                refused = LoginRefused(locked_message(user.locked_until), user.locked_until)
            else:
                refused = LoginRefused(wrong_password_message())
        elif user.disabled_at is not None:
            record(s, "login_failed", "user", user.uuid, {"reason": "suspended"}, actor=user.name)
            refused = LoginRefused(suspended_message())
        else:
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.last_login_at = now
            user.lockouts = 0
            record(s, "login", "user", user.uuid, {}, actor=user.name)
            actor = actor_of(user)
    if refused is not None or actor is None:
        raise refused or LoginRefused(wrong_password_message())
    return actor


def suspended_message() -> str:
    return _("บัญชีนี้ถูกระงับโดยผู้ดูแลระบบ ติดต่อผู้ดูแลระบบเพื่อเปิดใช้อีกครั้ง")


def sign_in(db: Database, actor: Actor) -> None:
    """From now on every session ``db`` opens works as ``actor``."""
    db.set_actor(actor)


def sign_out(db: Database) -> None:
    db.set_actor(None)


def current_actor(session: Session) -> Actor | None:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None


def require(session: Session, action: Action, *, institution_id: int | None = None) -> Actor:
    """The session's actor, when they may do ``action``; NotPermitted otherwise (also when
    no one signed in: deny by default)."""
    actor = current_actor(session)
    if actor is None or not actor.may(action, institution_id):
        raise NotPermitted(action, actor)
    return actor


def require_any(session: Session, *actions: Action) -> Actor:
    """``require`` of the first of ``actions`` unless the actor may do one of them."""
    actor = current_actor(session)
    if actor is None or not any(actor.may(a) for a in actions):
        raise NotPermitted(actions[0], actor)
    return actor


def require_whole(session: Session, action: Action) -> Actor:
    """``require`` for work on records that no institution scope can filter (households,
    whose members may be enrolled anywhere): refused to a role limited to institutions."""
    actor = require(session, action)
    if actor.institutions_for(action) is not None:
        raise NotPermitted(action, actor)
    return actor


def require_child(session: Session, action: Action, child_uuid: str | None,
                  institution_ids: Iterable[int | None] = ()) -> Actor:
    """``require``, and for a role limited to institutions (a caregiver's centre): the
    child is enrolled in one of them, and so is every institution the change names."""
    actor = require(session, action)
    allowed = actor.institutions_for(action)
    if allowed is None:
        return actor
    if child_uuid and session.scalar(
            select(Enrollment.id).join(Child, Child.id == Enrollment.child_id)
            .where(Child.uuid == child_uuid, Enrollment.institution_id.in_(allowed),
                   Enrollment.deleted_at.is_(None)).limit(1)) is None:
        raise NotPermitted(action, actor)
    if any(i not in allowed for i in institution_ids):
        raise NotPermitted(action, actor)
    return actor


def require_actor(actor: object | None, action: Action) -> Actor:
    """``require`` for work that holds no session (a bulk writer given an engine)."""
    if not isinstance(actor, Actor) or not actor.may(action):
        raise NotPermitted(action, actor if isinstance(actor, Actor) else None)
    return actor


def actor_name(session: Session, given: str = "") -> str:
    """The name the audit log records: ``given`` when a caller names one, else the actor's."""
    if given:
        return given
    actor = current_actor(session)
    return actor.name if actor is not None else ""
