"""A forgotten administrator's password, reset with the recovery key. No Qt.

The recovery key (store/cipher.py, printed at set-up) opens the encrypted file without any
password: whoever holds it reads every record of the file already, and it is kept in the
office's safe for the day nobody can get in. So it may authorise the one thing that gets an office going again:
a new password for an account that holds the **administrator** role. That administrator
then sets the other users' passwords on the users page, as always (``users.set_password``):

- only an administrator: a clerk or a teacher who forgot their password goes to an
  administrator, so that who may work on the records stays an administrator's decision
  (and in the log under the administrator's name);
- never a suspended administrator: another administrator suspended them on purpose, and
  there always is one (the last administrator cannot be suspended): they lift it;
- only an encrypted file: a plain file has no recovery key, so nothing proves the right
  to reset; another administrator sets the password (``plain_message``).

The reset sets the new password (Argon2id hash), lifts the account's lockout at the login
and at the encrypted file's unlock step, wraps the file's key for the new password in the
keyring (``keys.wrap_on_commit``: nothing is re-encrypted), and is one audit entry
``password`` by the reset account with ``{"by": "recovery_key"}``: never the key.

Two ways in: ``reset_before_open`` when the file is not open yet (the window's unlock
step, the command line: the recovery key opens it), and ``reset_password`` on a database
already open (the window's login after the unlock step, or a plain file: refused there).
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.roles import Role
from desktop.i18n import _
from desktop.services import keys
from desktop.store import cipher
from desktop.store.models import AppUser, utcnow

if TYPE_CHECKING:
    from desktop.store.db import Database

BY_RECOVERY_KEY = "recovery_key"  # the audit entry's "by"

# why a reset was refused (the command line's exit code follows it)
BAD_KEY = "bad_key"
PLAIN = "plain"
SERVER = "server"
UNKNOWN = "unknown"
NOT_ADMIN = "not_admin"
SUSPENDED = "suspended"
PASSWORD = "password"
READ_ONLY = "read_only"


class ResetRefused(Exception):  # noqa: N818 - the words a clerk sees
    """The reset cannot be made: ``message`` in Thai, ``reason`` one of the names above."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


def plain_message() -> str:
    return _("ฐานข้อมูลนี้ไม่ได้เข้ารหัส จึงไม่มีรหัสกู้คืน: ให้ผู้ดูแลระบบคนอื่นเข้าสู่ระบบ "
             "แล้วตั้งรหัสผ่านใหม่ให้ที่หน้าผู้ใช้")


def server_message() -> str:
    return _("ฐานข้อมูลบนเซิร์ฟเวอร์ไม่มีรหัสกู้คืน: ให้ผู้ดูแลระบบคนอื่นเข้าสู่ระบบ "
             "แล้วตั้งรหัสผ่านใหม่ให้ที่หน้าผู้ใช้")


def lost_keyring_message(path: Path) -> str:
    """The window's unlock step when the key file beside an encrypted database is gone
    (the command line's message names ``samoe --recovery-key`` instead)."""
    return _("ไม่พบไฟล์กุญแจ {path} ของฐานข้อมูลที่เข้ารหัสนี้: ผู้ดูแลระบบกด ลืมรหัสผ่าน… แล้วพิมพ์รหัสกู้คืน "
             "โปรแกรมจะสร้างไฟล์กุญแจใหม่ และตั้งรหัสผ่านใหม่ให้ผู้ดูแลระบบ จากนั้นผู้ดูแลระบบตั้งรหัสผ่านให้ผู้ใช้คนอื่น"
             ).format(path=cipher.keyring_path(path))


def _file(target: str | os.PathLike[str] | None) -> Path:
    """The SQLite file of ``target``; ResetRefused for a server or a plain file."""
    path = keys.file_of(target)
    if path is None:
        raise ResetRefused(server_message(), SERVER)
    if _is_plain(path):
        raise ResetRefused(plain_message(), PLAIN)
    return path


def _is_plain(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == cipher.PLAIN_HEADER
    except OSError:
        return False  # missing or unreadable: opening it says what is wrong


def reset_unavailable(target: str | os.PathLike[str] | None) -> str:
    """Why ``target`` has no recovery key to reset a password with (a plain file, a
    server), in Thai; "" when it has one (an encrypted file, or one not there yet)."""
    try:
        _file(target)
    except ResetRefused as exc:
        return exc.message
    return ""


def _parsed(text: str) -> bytes:
    try:
        return cipher.parse_recovery_key(text)
    except cipher.BadRecoveryKey as exc:
        raise ResetRefused(exc.message, BAD_KEY) from None


def key_problem(text: str) -> str:
    """What is wrong with a typed recovery key before it is tried (Thai: the group with a
    typo is named), or "" when it reads as one."""
    try:
        _parsed(text)
    except ResetRefused as exc:
        return exc.message
    return ""


def _not_this_file() -> ResetRefused:
    return ResetRefused(_("รหัสกู้คืนนี้ไม่ใช่ของฐานข้อมูลนี้ (แต่ละฐานข้อมูลมีรหัสกู้คืนของตัวเอง) "
                          "ตรวจว่าเป็นรหัสของไฟล์นี้"), BAD_KEY)


def unlock_for_reset(target: str | os.PathLike[str] | None, recovery_text: str) -> Path:
    """Before the file is opened: its key from the recovery key (remembered for the file,
    so it can be opened; a lost or damaged keyring is rebuilt). ResetRefused for a plain
    file, a server or a key that is mistyped (its group named) or not this file's;
    store.faults.DatabaseMissing when there is no file."""
    from desktop.store.faults import DatabaseMissing, missing_message

    path = _file(target)
    if not path.exists():
        raise DatabaseMissing(missing_message(path))
    _parsed(recovery_text)  # a typo is named before anything is read
    try:
        keys.unlock_recovery(path, recovery_text)
    except cipher.BadRecoveryKey:
        raise _not_this_file() from None
    except cipher.CipherError as exc:
        raise ResetRefused(exc.message, BAD_KEY) from None
    return path


def _open_key(db: Database, recovery_text: str) -> None:
    """The open ``db`` is an encrypted file, and the recovery key gives the key it is open
    with (through the keyring, as at the unlock step: the recovery key need not be the
    database key itself)."""
    path = db.path
    if path is None:
        raise ResetRefused(server_message(), SERVER)
    key = cipher.key_for(path)
    if key is None:
        if not cipher.is_encrypted(path):
            raise ResetRefused(plain_message(), PLAIN)
        raise _not_this_file()
    _parsed(recovery_text)  # a typo is named first
    try:
        given, _rebuilt = keys.unlock_recovery(path, recovery_text)
    except cipher.BadRecoveryKey:
        raise _not_this_file() from None
    except cipher.CipherError as exc:
        raise ResetRefused(exc.message, BAD_KEY) from None
    if not hmac.compare_digest(given, key):
        cipher.remember(path, key)  # the file stays open with its own key
        raise _not_this_file()


def _administrator(session: Session, name: str) -> AppUser:
    name = name.strip()
    user = session.scalars(select(AppUser).where(AppUser.name == name)
                           .options(selectinload(AppUser.roles))).first()
    if user is None:
        raise ResetRefused(_("ไม่พบผู้ใช้ชื่อ {name}").format(name=name), UNKNOWN)
    if not any(r.role == Role.ADMIN.value for r in user.roles):
        raise ResetRefused(_("{name} ไม่ใช่ผู้ดูแลระบบ: รหัสกู้คืนตั้งรหัสผ่านใหม่ได้เฉพาะบัญชีผู้ดูแลระบบ "
                             "ผู้ใช้อื่นให้ผู้ดูแลระบบตั้งรหัสผ่านให้ที่หน้าผู้ใช้").format(name=user.name),
                           NOT_ADMIN)
    if user.disabled_at is not None:
        raise ResetRefused(_("บัญชีผู้ดูแลระบบ {name} ถูกระงับอยู่ รหัสกู้คืนจึงตั้งรหัสผ่านให้ไม่ได้: "
                             "ให้ผู้ดูแลระบบคนอื่นยกเลิกการระงับแล้วตั้งรหัสผ่านให้").format(name=user.name),
                           SUSPENDED)
    return user


def check_reset(db: Database, name: str, recovery_text: str) -> None:
    """Whether ``reset_password`` would take ``name`` (before a new password is asked
    for): the recovery key is the open file's and ``name`` an administrator who is not
    suspended; else ResetRefused."""
    _open_key(db, recovery_text)
    with db.reader() as session:
        _administrator(session, name)


def reset_password(db: Database, name: str, recovery_text: str, password: str) -> str:
    """Set administrator ``name``'s new ``password`` on the open encrypted ``db``,
    authorised by the recovery key (checked against the key the file is open with):
    the lockout lifted, the key wrapped for the new password, one audit entry. Returns
    the account's name; ResetRefused (Thai) when it cannot be made."""
    from desktop.services.access import hash_password
    from desktop.services.audit import record
    from desktop.services.users import password_problem

    _open_key(db, recovery_text)
    if db.read_only:
        raise ResetRefused(_("ฐานข้อมูลนี้อยู่ในที่ที่เขียนไม่ได้ จึงตั้งรหัสผ่านใหม่ไม่ได้ "
                             "คัดลอกไฟล์ฐานข้อมูลและไฟล์กุญแจ (.keys) ไปไว้ในที่ที่เขียนได้ก่อน"), READ_ONLY)
    problem = password_problem(password)
    if problem:
        raise ResetRefused(problem, PASSWORD)
    with db.session() as session:
        user = _administrator(session, name)
        now = utcnow()
        was_locked = user.locked_until is not None and user.locked_until > now
        user.password_hash = hash_password(password)
        user.password_changed_at = now
        user.locked_until = now  # failures before it no longer count (access.authenticate)
        user.lockouts = 0
        record(session, "password", "user", user.uuid,
               {"by": BY_RECOVERY_KEY, "lock_lifted": was_locked}, actor=user.name)
        keys.wrap_on_commit(session, user.name, password)  # the keyring: nothing re-encrypted
        keys.clear_failures_on_commit(session, user.name)  # and the unlock step's lock
        return user.name


def reset_before_open(target: str | os.PathLike[str] | None, name: str, recovery_text: str,
                      password: str) -> str:
    """The reset when the file is not open yet (the window's unlock step): the recovery
    key opens it (services/database.open_database), the reset is made, it is closed
    again. A refusal leaves the key forgotten, as it was."""
    from desktop.services.database import open_database

    path = _file(target)
    before = cipher.key_for(path)
    try:
        unlock_for_reset(path, recovery_text)
        db, _result = open_database(path)
        try:
            return reset_password(db, name, recovery_text, password)
        finally:
            db.dispose()
    except BaseException:
        if before is None:
            cipher.forget(path)
        raise
