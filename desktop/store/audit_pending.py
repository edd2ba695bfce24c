"""Audit entries that could not be written at once, kept beside the database until the
next write appends them (issue 9). No Qt.

A login must not wait for another program's long write (an import holds SQLite's write
lock for minutes), yet its entry in the audit log must never vanish. When the write lock
is not free within a moment (services/access.py), the entry goes to
``<name>.db.audit-pending``, one line per entry, flushed to disk before the login goes
on; the next write transaction of any program on this file (store/db.py
``Database.session``) appends the waiting entries to the chain with their own time and
``"queued": true`` in their detail, then empties the file.

Each line carries a random token; the tokens appended are kept in the ``setting`` table
in the same transaction, so a program killed between its commit and emptying the file
does not append them twice. A login's line also moves the user's last login forward (and
starts their lockout count again, unless they were locked since). On an encrypted
database each line is sealed with AES-256-GCM under a key derived from the database's
own key: the file shows nothing that the database would not. No password, and nothing
derived from one, is ever written here (a rehash waits for a login that gets the lock).

Lines are appended and the file rewritten under a lock file made with O_EXCL (the same
pattern as store/unlock_failures.py). A line that cannot be read (damaged, or sealed
with another key) is kept in the file, never dropped silently.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop.store.audit_chain import Entry, append
from desktop.store.file_lock import held
from desktop.store.models import AppUser, Setting, utcnow

SUFFIX = ".audit-pending"
DONE_KEY = "audit.pending_done"
KEEP_DONE = 1000  # tokens remembered (a killed drain leaves at most one file's worth)
SEALED = "s1:"  # a sealed line's prefix


@dataclass(frozen=True)
class Waiting:
    """One entry waiting, as read back from the file."""

    token: str
    entry: Entry
    login_of: str = ""  # a login's user name: their last login moves forward


def path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX + ".lock")


@contextmanager
def _held(db_path: Path) -> Iterator[None]:
    """The queue file's lock (store/file_lock.py): appends are whole lines without it."""
    with held(_lock_path(db_path)):
        yield


def _key(db_path: Path) -> bytes | None:
    from desktop.store.cipher import key_for

    key = key_for(db_path)
    return hashlib.sha256(b"samoe-audit-pending\0" + key).digest() if key is not None else None


def _seal(text: str, key: bytes | None) -> str:
    if key is None:
        return text
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode("utf-8"), b"samoe-audit-pending")
    return SEALED + base64.b64encode(nonce + sealed).decode("ascii")


def _unseal(line: str, key: bytes | None) -> str | None:
    if not line.startswith(SEALED):
        return line
    if key is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(line[len(SEALED):])
        return AESGCM(key).decrypt(raw[:12], raw[12:], b"samoe-audit-pending").decode("utf-8")
    except (ValueError, InvalidTag, UnicodeDecodeError):
        return None


def queue(db_path: Path, entries: list[Entry], *, login_of: str = "") -> None:
    """Keep ``entries`` (each with its time) for the next write; flushed to disk before
    this returns. OSError when the file cannot be written (a read-only or full medium):
    the caller then must not go on as if the entry were safe."""
    key = _key(db_path)
    lines = []
    for e in entries:
        data = {"token": secrets.token_hex(16), "at": (e.at or datetime.now()).isoformat(),
                "action": e.action, "entity": e.entity, "entity_uuid": e.entity_uuid,
                "subject_uuid": e.subject_uuid, "detail": e.detail, "actor": e.actor,
                "login_of": login_of}
        lines.append(_seal(json.dumps(data, ensure_ascii=False), key) + "\n")
    where = path_for(db_path)
    with _held(db_path):
        fd = os.open(where, os.O_CREAT | os.O_APPEND | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.write(fd, "".join(lines).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)


def _read(db_path: Path) -> tuple[list[Waiting], list[str]]:
    """The entries waiting, and the lines that could not be read (kept as they are)."""
    try:
        text = path_for(db_path).read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return [], []
    key = _key(db_path)
    found: list[Waiting] = []
    unread: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        plain = _unseal(line, key)
        try:
            data: Any = json.loads(plain) if plain is not None else None
            at = min(datetime.fromisoformat(str(data["at"])), utcnow())  # never a time to come
            entry = Entry(str(data["action"]), str(data["entity"]), str(data.get("entity_uuid", "")),
                          _queued_detail(str(data.get("detail", ""))), str(data.get("actor", "")),
                          str(data.get("subject_uuid", "")), at)
            found.append(Waiting(str(data["token"]), entry, str(data.get("login_of", ""))))
        except (ValueError, KeyError, TypeError):
            unread.append(line)
    return found, unread


def _queued_detail(detail: str) -> str:
    """The entry's detail with ``"queued": true`` (it was appended after its time)."""
    try:
        data = json.loads(detail) if detail else {}
    except ValueError:
        data = {"text": detail}
    if not isinstance(data, dict):
        data = {"value": data}
    data["queued"] = True
    return json.dumps(data, ensure_ascii=False)


def queued(db_path: Path) -> int:
    """How many entries wait (tests, the doctor)."""
    found, unread = _read(db_path)
    return len(found) + len(unread)


def waiting(db_path: Path | None) -> bool:
    return db_path is not None and path_for(db_path).exists()


def _done(session: Session) -> list[str]:
    setting = session.get(Setting, DONE_KEY)
    try:
        value = json.loads(setting.value) if setting is not None and setting.value else []
    except ValueError:
        value = []
    return [str(t) for t in value] if isinstance(value, list) else []


def drain(session: Session, db_path: Path) -> list[str]:
    """Append the waiting entries in ``session``'s write transaction; the tokens appended
    (give them to :func:`forget` after the commit)."""
    found, _unread = _read(db_path)
    if not found:
        return []
    done = _done(session)
    seen = set(done)
    fresh = [w for w in found if w.token not in seen]
    if fresh:
        fresh.sort(key=lambda w: w.entry.at or datetime.min)
        append(session.connection(), [w.entry for w in fresh])
        for w in fresh:
            if w.login_of and w.entry.at is not None:
                _login_noted(session, w.login_of, w.entry.at)
    tokens = [w.token for w in found]
    kept = (done + [w.token for w in fresh])[-KEEP_DONE:]
    setting = session.get(Setting, DONE_KEY)
    if setting is None:
        session.add(Setting(key=DONE_KEY, value=json.dumps(kept)))
    else:
        setting.value = json.dumps(kept)
    session.flush()
    return tokens


def _login_noted(session: Session, name: str, at: datetime) -> None:
    session.execute(update(AppUser).where(AppUser.name == name,
                                          (AppUser.last_login_at.is_(None)) | (AppUser.last_login_at < at))
                    .values(last_login_at=at).execution_options(synchronize_session=False))
    session.execute(update(AppUser).where(AppUser.name == name,
                                          (AppUser.locked_until.is_(None)) | (AppUser.locked_until <= at))
                    .values(lockouts=0).execution_options(synchronize_session=False))


def forget(db_path: Path, tokens: list[str]) -> None:
    """Remove the lines of ``tokens`` (appended and committed); the file goes when empty.
    A failure here is harmless: the tokens are in the setting table, never appended twice."""
    if not tokens:
        return
    gone = set(tokens)
    try:
        with _held(db_path):
            found, unread = _read(db_path)
            key = _key(db_path)
            left = [w for w in found if w.token not in gone]
            where = path_for(db_path)
            if not left and not unread:
                where.unlink(missing_ok=True)
                return
            lines = list(unread)
            for w in left:
                e = w.entry
                lines.append(_seal(json.dumps({
                    "token": w.token, "at": (e.at or datetime.now()).isoformat(), "action": e.action,
                    "entity": e.entity, "entity_uuid": e.entity_uuid, "subject_uuid": e.subject_uuid,
                    "detail": _unqueued(e.detail), "actor": e.actor, "login_of": w.login_of},
                    ensure_ascii=False), key))
            from desktop.atomic import write_bytes

            write_bytes(where, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError:
        pass


def _unqueued(detail: str) -> str:
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict):
        data.pop("queued", None)
        return json.dumps(data, ensure_ascii=False) if data else ""
    return detail
