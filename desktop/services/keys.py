"""The database key and the people who open it: login before the file is open. No Qt.

An encrypted database (store/cipher.py) cannot be read until its key is had, so the
login of a command or of the window runs in two steps:

1. ``unlock(target, name, password)``: the key from ``name``'s wrap in the keyring beside
   the file (Argon2id of the password, AES-GCM), remembered for the file; a plain file
   needs nothing (None). ``unlock_recovery(target, text)`` does the same with the
   recovery key and rebuilds a lost or damaged keyring.
2. open the database as usual (services/database.open_database, Database.open: both take
   the remembered key), then ``access.authenticate`` checks the same password against the
   user's hash in the database (lockout, rehash) as for a plain file.
``open_for_user`` does 1 and the opening.

A new database: ``start_encrypted(path)`` makes the key and an empty keyring before the
file exists; the first administrator's wrap is added when their password is set
(services/users.py calls ``wrap_on_commit`` for every new user and every changed password,
so the keyring changes only once the database has). ``encrypt_existing`` converts a plain
file (``samoe db encrypt``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.services import access
from desktop.store import cipher, unlock_failures
from desktop.store.db import resolve_url, sqlite_path
from desktop.store.models import utcnow

if TYPE_CHECKING:
    from desktop.store.db import Database

RECOVERY_ENV = "SAMOE_RECOVERY_KEY"
_PENDING = "samoe_pending_wraps"


def file_of(target: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file behind ``--db`` / ``SAMOE_DB`` / the default, or None (a server)."""
    return sqlite_path(resolve_url(target))


def is_encrypted(target: str | os.PathLike[str] | None) -> bool:
    path = file_of(target)
    return path is not None and cipher.is_encrypted(path)


def _now() -> datetime:
    return utcnow()


def unlock(target: str | os.PathLike[str] | None, name: str, password: str) -> bytes | None:
    """The key of an encrypted file from ``name``'s password (remembered for the file);
    None for a plain file or a server. Raises cipher.WrongPassword / NoWrap /
    KeyringDamaged / unlock_failures.LockedOut (their ``message`` is Thai).

    Wrong passwords are counted per name beside the keyring (store/unlock_failures.py),
    by the login's rule (services/access.py): 5 within 15 minutes lock the name at this
    step for ``lock_time`` (15 minutes, doubled at each further lock); a success starts
    again. The database's own lockout (``access.authenticate``) is separate."""
    path = file_of(target)
    if path is None or not cipher.is_encrypted(path):
        return None
    now = _now()
    states = unlock_failures.read(path)
    state = states.get(name)
    if state is not None and state.locked_until is not None and state.locked_until > now:
        raise unlock_failures.LockedOut(access.locked_message(state.locked_until), state.locked_until)
    try:
        key = cipher.unwrap(path, name, password)
    except cipher.WrongPassword:
        _count_failure(path, states, name, now)
        raise
    except cipher.NoWrap as exc:
        ring = cipher.read_keyring(path)
        if ring is None:  # no keyring at all: its own message (open with the recovery key)
            raise
        raise cipher.NoWrap(no_wrap_message(name)) from exc
    if state is not None:
        del states[name]
        unlock_failures.write(path, states)
    cipher.remember(path, key)
    return key


def _count_failure(path: Path, states: dict[str, unlock_failures.NameState], name: str,
                   now: datetime) -> None:
    """One more wrong password for ``name``; LockedOut when it makes the fifth within the
    window (counted since the last lock ended, as the login does). Read again and written
    under the failures' lock: another program may have counted since ``states`` was read."""
    with unlock_failures.counting(path):
        _count_failure_held(path, unlock_failures.read(path), name, now)


def _count_failure_held(path: Path, states: dict[str, unlock_failures.NameState], name: str,
                        now: datetime) -> None:
    state = states.setdefault(name, unlock_failures.NameState())
    since = max(t for t in (now - access.FAILURE_WINDOW, state.locked_until) if t is not None)
    state.failures = [t for t in state.failures if t > since] + [now]
    if len(state.failures) >= access.MAX_FAILURES:
        state.lockouts += 1
        state.locked_until = now + access.lock_time(state.lockouts)
        state.failures = []
        unlock_failures.write(path, states)
        raise unlock_failures.LockedOut(access.locked_message(state.locked_until), state.locked_until)
    unlock_failures.write(path, states)


def unlock_recovery(target: str | os.PathLike[str] | None, text: str) -> tuple[bytes, bool]:
    """The key from the recovery key (remembered); True when the keyring was rebuilt
    (it was lost or damaged: each user's wrap comes back as their password is set)."""
    path = file_of(target)
    if path is None:
        raise cipher.CipherError(_("รหัสกู้คืนใช้ได้กับไฟล์ฐานข้อมูล SQLite เท่านั้น"))
    recovery = cipher.parse_recovery_key(text)  # a mistyped group is named here
    try:
        key = cipher.unwrap_recovery(path, text)
    except cipher.KeyringOfAnotherFile:
        raise
    except (cipher.KeyringDamaged, cipher.BadRecoveryKey) as exc:
        found = (cipher.key_by_recovery_alone(path, recovery) if path.exists() else None) \
            or _by_backup_keyrings(path, recovery)
        if found is None:
            if isinstance(exc, cipher.BadRecoveryKey):
                raise
            raise cipher.BadRecoveryKey(_("รหัสกู้คืนนี้เปิดฐานข้อมูลนี้ไม่ได้")) from None
        key = found
    rebuilt = cipher.rebuild_keyring(path, key, recovery) if path.exists() else False
    cipher.remember(path, key)
    return key, rebuilt


def _by_backup_keyrings(path: Path, recovery: bytes) -> bytes | None:
    """The key through the keyring beside one of the file's backups (newest first): after a
    re-key that kept the recovery key, the file's key is only in a keyring of that key."""
    from desktop.store.backup import backups_of

    if not path.exists():
        return None
    for backup in reversed(backups_of(path)):
        try:
            ring = cipher.read_keyring(backup)
        except cipher.KeyringDamaged:
            continue
        key = cipher.key_by_recovery(ring, recovery) if ring is not None else None
        if key is not None and cipher.key_opens(path, key):
            return key
    return None


def open_for_user(target: str | os.PathLike[str] | None, name: str, password: str,
                  **open_args: Any) -> Database:
    """Unlock (when encrypted) and open with services/database.open_database; the caller
    then runs ``access.authenticate(db, name, password)`` as for a plain file."""
    from desktop.services.database import open_database

    unlock(target, name, password)
    db, _result = open_database(target, **open_args)
    return db


@dataclass(frozen=True)
class NewKey:
    key: bytes
    recovery: str  # format_recovery_key(the recovery key): shown once


def start_encrypted(path: Path) -> NewKey:
    """Before a new database is made: its key, an empty keyring beside it, remembered
    so the file is created encrypted (Database.open takes the remembered key)."""
    if path.exists() and path.stat().st_size > 0:
        raise cipher.CipherError(_("มีไฟล์ฐานข้อมูล {path} อยู่แล้ว").format(path=path))
    key, recovery = new_key_pair()
    cipher.create_keyring(path, key, recovery)
    cipher.remember(path, key)
    return NewKey(key, cipher.format_recovery_key(recovery))


def new_key_pair() -> tuple[bytes, bytes]:
    """(a new database key, its recovery key): the recovery key is random, the database key
    derived from it one way (store/sealing.py), so the recovery key alone opens the file
    while nobody who holds the database key learns the recovery key."""
    from desktop.store import sealing

    recovery = sealing.new_recovery()
    return sealing.key_from_recovery(recovery), recovery


def recovery_note() -> str:
    return _("พิมพ์รหัสกู้คืนนี้หรือจดไว้ แล้วเก็บในตู้นิรภัยของสำนักงาน: ใช้ไขไฟล์ฐานข้อมูลเมื่อไฟล์กุญแจ "
             "(.keys) หายหรือเสีย (ยังต้องเข้าสู่ระบบด้วยรหัสผ่านตามปกติ) โปรแกรมจะไม่แสดงรหัสนี้อีก "
             "ผู้ใดมีรหัสนี้และไฟล์ฐานข้อมูลอ่านข้อมูลทั้งหมดได้")


def key_of_session(session: Session) -> tuple[Path, bytes] | None:
    bind = session.get_bind()
    path = sqlite_path(str(bind.engine.url)) if bind is not None else None
    if path is None:
        return None
    key = cipher.key_for(path)
    return None if key is None else (path, key)


def wrap_on_commit(session: Session, name: str, password: str) -> None:
    """Wrap the key for ``name``'s (new) password once ``session`` commits (an encrypted
    database only; re-encrypts nothing). A rollback drops it."""
    if key_of_session(session) is None:
        return
    pending: list[tuple[str, str]] = session.info.setdefault(_PENDING, [])
    if not pending:
        event.listen(session, "after_commit", _write_pending, once=True)
        event.listen(session, "after_rollback", _drop_pending, once=True)
    pending.append((name, password))


def clear_failures_on_commit(session: Session, name: str) -> None:
    """An administrator's unlock (services/users.py ``unlock_user``) also lifts ``name``'s
    lock at the unlock step of an encrypted database, once ``session`` commits."""
    found = key_of_session(session)
    if found is None:
        return

    def clear(_session: Session) -> None:
        states = unlock_failures.read(found[0])
        if states.pop(name, None) is not None:
            unlock_failures.write(found[0], states)

    event.listen(session, "after_commit", clear, once=True)


def drop_wrap_on_commit(session: Session, name: str) -> None:
    """A suspended user's password no longer unwraps the key (an encrypted database), once
    ``session`` commits: their copy of the key is removed from the keyring, so the
    password they knew opens nothing, here or in a copy of the file and keyring made from
    now on. Lifting the suspension needs a new password from an administrator, which
    wraps the key again. (A keyring copied before stays as it was: only a new key would
    help against that, and it would need every other user's password.)"""
    found = key_of_session(session)
    if found is None:
        return

    def drop(_session: Session) -> None:
        cipher.remove_wrap(found[0], name)

    event.listen(session, "after_commit", drop, once=True)


def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _write_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, [])
    found = key_of_session(session)
    if found is None:
        return
    path, key = found
    for name, password in pending:
        try:
            cipher.add_wrap(path, key, name, password)
        except OSError as exc:
            raise cipher.CipherError(_(
                "บันทึกรหัสผ่านของ {name} แล้ว แต่เขียนไฟล์กุญแจ {path} ไม่ได้ ({error}) "
                "ตั้งรหัสผ่านอีกครั้งเมื่อแก้ปัญหาแล้ว").format(
                    name=name, path=cipher.keyring_path(path), error=exc.strerror or exc)) from None


def ensure_wrap(db: Database, name: str, password: str) -> bool:
    """After ``name`` logged in with ``password`` on an encrypted database opened with the
    recovery key: give them back their wrap when the keyring lacks it. True when added."""
    path = db.path
    key = cipher.key_for(path) if path is not None else None
    if path is None or key is None:
        return False
    ring = cipher.read_keyring(path)
    if ring is not None and ring.wrap_of(name) is not None:
        return False
    cipher.add_wrap(path, key, name, password)
    return True


def encrypt_existing(db: Database, name: str, password: str) -> NewKey:
    """``samoe db encrypt``: convert the plain file of ``db`` (disposed here; nobody else
    may have it open) to SQLCipher under a new key, with a keyring holding ``name``'s
    wrap. The keyring is written first and removed again if the conversion fails; the
    other users get their wraps as their passwords are set again."""
    path = db.path
    if path is None:
        raise cipher.EncryptFailed(_("เข้ารหัสได้เฉพาะไฟล์ฐานข้อมูล SQLite (PostgreSQL ใช้การเข้ารหัสดิสก์ของเซิร์ฟเวอร์)"))
    if cipher.is_encrypted(path):
        raise cipher.EncryptFailed(_("ฐานข้อมูลนี้เข้ารหัสอยู่แล้ว"))
    db.dispose()
    key, recovery = new_key_pair()
    ring = cipher.keyring_path(path)
    had_ring = ring.exists()
    if had_ring:  # left by an earlier attempt that failed: a plain file has no keyring
        ring.replace(ring.with_name(ring.name + ".old"))
    cipher.create_keyring(path, key, recovery)
    try:
        cipher.add_wrap(path, key, name, password)
        cipher.encrypt_in_place(path, key)
    except BaseException:
        ring.unlink(missing_ok=True)
        raise
    cipher.note_file(path)
    cipher.remember(path, key)
    return NewKey(key, cipher.format_recovery_key(recovery))


def users_needing_password(db: Database, signed_in: str) -> list[str]:
    """Before ``encrypt_existing``: the users other than ``signed_in`` (suspended ones
    too: they may be reinstated), who will have no wrap after it and so cannot log in
    until an administrator sets their password again (``samoe users passwd NAME``)."""
    from sqlalchemy import select

    from desktop.domain.roles import Action
    from desktop.services.access import require
    from desktop.store.models import AppUser

    with db.reader() as session:
        require(session, Action.SETTINGS_MANAGE)  # the one who encrypts (db encrypt)
        names = session.scalars(select(AppUser.name).order_by(AppUser.name)).all()
    return [str(n) for n in names if n != signed_in]


def no_wrap_message(name: str) -> str:
    """The login of a name the keyring has no wrap for: a mistyped or unknown name, a
    suspended user, or a user whose password was set before the file was encrypted (the
    file cannot be read to tell which): every case and what to do, in Thai."""
    return _("เข้าสู่ระบบด้วยชื่อ {name} ไม่ได้: ตรวจชื่อผู้ใช้อีกครั้ง หากชื่อถูกต้อง ผู้ใช้นี้ยังไม่มีกุญแจของ"
             "ฐานข้อมูลที่เข้ารหัสนี้ (เช่น ฐานข้อมูลถูกเข้ารหัสหลังจากตั้งรหัสผ่าน หรือบัญชีถูกระงับ): "
             "ให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่ให้ (samoe users passwd {name} หรือหน้าผู้ใช้ในโปรแกรม) "
             "แล้วเข้าสู่ระบบด้วยรหัสผ่านใหม่นั้น").format(name=name)


@dataclass(frozen=True)
class BackupsEncrypted:
    encrypted: list[Path]
    left_plain: list[Path]  # could not be converted (a damaged copy): the clerk decides


def encrypt_backups(db_path: Path, key: bytes) -> BackupsEncrypted:
    """After ``encrypt_existing``: the plain backups in ``backups/`` beside the database
    (made before the conversion, among them the one before its upgrade) are encrypted in
    place with the same key, each verified like the database (cipher.encrypt_in_place),
    their manifests given the new hash and size and the keyring put beside them; a copy
    that cannot be converted (damaged) is named, never removed here. Backups already
    taken elsewhere (a USB stick) are out of reach: docs/encryption.md."""
    import dataclasses

    from desktop.services.backup import copy_keyring
    from desktop.store.backup import backups_of, read_manifest, sha256_of, write_manifest

    done: list[Path] = []
    left: list[Path] = []
    skip: tuple[type[Exception], ...] = (cipher.CipherError, OSError, *cipher.Error)
    for backup in backups_of(db_path):
        if cipher.is_encrypted(backup):
            continue
        try:
            cipher.encrypt_in_place(backup, key)
        except skip:
            left.append(backup)
            continue
        manifest = read_manifest(backup)
        if manifest is not None:
            write_manifest(backup, dataclasses.replace(
                manifest, sha256=sha256_of(backup), size=backup.stat().st_size, encrypted=True))
        copy_keyring(db_path, backup)
        done.append(backup)
    return BackupsEncrypted(done, left)
