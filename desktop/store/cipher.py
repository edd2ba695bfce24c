"""Encryption at rest with SQLCipher (the ``sqlcipher3`` package). No Qt.

The database key is 32 random bytes. Every connection gets it as a *raw* key
(``PRAGMA key = "x'<64 hex>'"``, measured 0.2 ms an open, where a passphrase runs SQLCipher's
PBKDF2 on each connection: 150-340 ms), set before anything else reads the file.

The key must be known before the database is open, so it lives wrapped in a small JSON
*keyring* beside the database (``<name>.db.keys``, written atomically): for each user a key
derived from their password with Argon2id (salt and parameters kept) encrypts the database
key with AES-256-GCM (the user's name is authenticated with it). The keyring also holds a
*check value* (an HMAC of a fixed text under the key) so a recovery key can be verified
without opening the database; never the key itself. Adding a user or changing a password
writes the keyring only: the database's bytes do not change.

The *recovery key* is the database key itself, written once at set-up for the office's
safe: 13 groups of 5 characters (4 base32 characters of the key and one check character
each, so a mistyped group is named). It opens the database without any keyring, and a
lost keyring is rebuilt from it.

The key of each open encrypted file is kept in this process (``remember``) so that the
short raw connections of the integrity check, the pre-flight of a migration and the
backups (``connect``) open it too; ``forget`` drops it.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import hmac
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.atomic import fsync_dir, write_bytes
from desktop.i18n import _
from desktop.store import sealing
from desktop.store.cipher_errors import BadRecoveryKey as BadRecoveryKey
from desktop.store.cipher_errors import CipherError as CipherError
from desktop.store.cipher_errors import EncryptFailed as EncryptFailed
from desktop.store.cipher_errors import KeyringDamaged as KeyringDamaged
from desktop.store.cipher_errors import KeyringOfAnotherFile as KeyringOfAnotherFile
from desktop.store.cipher_errors import NoWrap as NoWrap
from desktop.store.cipher_errors import WrongPassword as WrongPassword
from desktop.store.keyring import KEYRING_FORMAT as KEYRING_FORMAT
from desktop.store.keyring import KEYRING_VERSION as KEYRING_VERSION
from desktop.store.keyring import Keyring as Keyring
from desktop.store.keyring import RecoveryEntry as RecoveryEntry
from desktop.store.keyring import Wrap as Wrap
from desktop.store.recovery_key import _check_char as _check_char
from desktop.store.recovery_key import format_recovery_key as format_recovery_key
from desktop.store.recovery_key import parse_recovery_key as parse_recovery_key

KEY_BYTES = 32
KEYRING_SUFFIX = ".keys"
PLAIN_HEADER = b"SQLite format 3\x00"
# Argon2id for wrapping, the same cost as the login's password hashes (services/access.py):
# measured 0.1-0.2 s here, once per login.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 1
_CHECK_TEXT = b"samoe database key check v1"

sqlcipher: Any  # the sqlcipher3.dbapi2 module (None without it: plain databases still run)
try:
    import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-untyped, no-redef]
except ImportError:  # pragma: no cover - pyproject.toml requires it
    sqlcipher = None

# What a raw connection of either driver may raise.
Error: tuple[type[Exception], ...] = (sqlite3.Error,) + ((sqlcipher.Error,) if sqlcipher else ())
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,) + (
    (sqlcipher.DatabaseError,) if sqlcipher else ())


# -- the file --------------------------------------------------------------------------

def is_encrypted(path: Path) -> bool:
    """The file is SQLCipher's: its first 16 bytes are not SQLite's plain header, and it
    has a keyring beside it or, without one (lost?), looks random from its first byte as
    an encrypted page does (a plain file whose header is damaged, or any other file, does
    not: its first page holds zeros and the schema's text)."""
    try:
        with open(path, "rb") as f:
            header = f.read(1024)
    except OSError:
        return False
    if not header or header[:16] == PLAIN_HEADER:
        return False
    if keyring_path(path).exists():
        return True
    # 1024 random bytes hold ~250 of the 256 values; text, zeros and a b-tree page far fewer
    return len(header) == 1024 and len(set(header)) >= 160


def keyring_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + KEYRING_SUFFIX)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


# -- keys of the open files ------------------------------------------------------------

_keys: dict[str, bytes] = {}


def _where(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def remember(path: Path, key: bytes) -> None:
    """Raw connections to ``path`` (and its temporary copies' sources) use ``key``."""
    _keys[_where(path)] = bytes(key)


def forget(path: Path) -> None:
    _keys.pop(_where(path), None)


def key_for(path: Path) -> bytes | None:
    return _keys.get(_where(path))


def connect(database: Path | str, *, key: bytes | None = None, uri: bool = False,
            file: Path | None = None, **kwargs: Any) -> Any:
    """A DB-API connection to ``database`` (a path, or a ``file:`` URI with ``uri``):
    plain ``sqlite3`` when no key is given or remembered for ``file`` (the path behind
    a URI), else ``sqlcipher3`` with the raw key set before anything reads the file."""
    if key is None:
        key = key_for(file if file is not None else Path(os.fspath(database)))
    if key is None:
        return sqlite3.connect(os.fspath(database), uri=uri, **kwargs)
    return keyed_connect(database, key, uri=uri, **kwargs)


def keyed_connect(database: Path | str, key: bytes, *, uri: bool = False, **kwargs: Any) -> Any:
    if sqlcipher is None:  # pragma: no cover
        raise CipherError(_("โปรแกรมนี้ไม่มีส่วนถอดรหัสฐานข้อมูล (sqlcipher3) ติดตั้งใหม่"))
    conn = sqlcipher.connect(os.fspath(database), uri=uri, **kwargs)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to say, not stderr's
        conn.execute(key_pragma(key))
    except BaseException:
        conn.close()
        raise
    return conn


def key_opens(path: Path, key: bytes) -> bool:
    """``key`` reads ``path`` (SQLCipher checks the first page's HMAC)."""
    try:
        conn = keyed_connect(f"{Path(path).resolve().as_uri()}?mode=ro", key, uri=True)
    except DatabaseError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()


# -- keyring (its contents: store/keyring.py; the public-key seals: store/sealing.py) ------

def check_value(key: bytes) -> str:
    return base64.b64encode(hmac.new(key, _CHECK_TEXT, hashlib.sha256).digest()[:16]).decode()


def _derive(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=parallelism, hash_len=32,
                           type=Type.ID)


def _wrap_v2(kek: bytes, salt: bytes, params: tuple[int, int, int], key: bytes, name: str,
             file_id: bytes, private: bytes | None = None) -> Wrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    private = private or sealing.new_private()
    public = sealing.public_of(private)
    shell = Wrap(name, salt, *params, b"", b"", public, sealing.seal(key, public, sealing.seal_aad(file_id, name)))
    nonce = secrets.token_bytes(12)
    return dataclasses.replace(shell, nonce=nonce, wrapped=AESGCM(kek).encrypt(nonce, private, shell.aad()))


def make_wrap(key: bytes, name: str, password: str, file_id: bytes = b"") -> Wrap:
    """A version 2 wrap: ``name``'s new key pair, its private half under the password's
    Argon2id key, ``key`` sealed to its public half (bound to ``file_id`` and the name)."""
    salt = secrets.token_bytes(16)
    params = (ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
    return _wrap_v2(_derive(password, salt, *params), salt, params, key, name, file_id)


def _open(wrap: Wrap, password: str, file_id: bytes) -> tuple[bytes | None, bytes]:
    """(the key or None, the password's Argon2id key)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _derive(password, wrap.salt, wrap.time_cost, wrap.memory_kib, wrap.parallelism)
    try:
        inner = AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, wrap.aad())
    except InvalidTag:
        return None, kek
    if wrap.seal is None:
        return inner, kek
    return sealing.unseal(wrap.seal, inner, sealing.seal_aad(file_id, wrap.name)), kek


def open_wrap(wrap: Wrap, password: str, file_id: bytes = b"") -> bytes | None:
    """The key, or None when ``password`` is not the one it was wrapped with."""
    return _open(wrap, password, file_id)[0]


def private_of(wrap: Wrap, password: str) -> bytes | None:
    """A v2 wrap's X25519 private key (None: a wrong password, or a v1 wrap)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if wrap.seal is None:
        return None
    kek = _derive(password, wrap.salt, wrap.time_cost, wrap.memory_kib, wrap.parallelism)
    try:
        return AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, wrap.aad())
    except InvalidTag:
        return None


def pending_keyring_path(path: Path) -> Path:
    """A re-key's new keyring, waiting for its file (store/rekey.py)."""
    ring = keyring_path(path)
    return ring.with_name(ring.name + ".next")


def _parse(where: Path) -> Keyring | None:
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyringDamaged(_("อ่านไฟล์กุญแจ {path} ไม่ได้: {error}").format(path=where, error=exc)) from None
    try:
        return Keyring.from_bytes(raw)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise KeyringDamaged(_("ไฟล์กุญแจ {path} เสียหาย เปิดด้วยรหัสกู้คืนแล้วโปรแกรมจะสร้างใหม่")
                             .format(path=where)) from None


def read_keyring(path: Path) -> Keyring | None:
    """The keyring beside database ``path``; None when there is none; KeyringDamaged."""
    return _parse(keyring_path(path))


def write_keyring(path: Path, ring: Keyring) -> None:
    write_bytes(keyring_path(path), ring.to_json())


def _checked(ring: Keyring | None, key: bytes) -> None:
    if ring is not None and not hmac.compare_digest(ring.check, check_value(key)):
        raise BadRecoveryKey(_("กุญแจนี้ไม่ใช่กุญแจของฐานข้อมูลนี้"))


def file_salt(path: Path) -> bytes | None:
    """SQLCipher's salt: the first 16 bytes of an encrypted file (None: none, or plain)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None
    return head if len(head) == 16 and head != PLAIN_HEADER else None


def _recovery_entry(key: bytes, recovery: bytes, file_id: bytes) -> RecoveryEntry:
    public = sealing.recovery_public(recovery)
    return RecoveryEntry(public, sealing.seal(key, public, sealing.seal_aad(file_id, sealing.RECOVERY_NAME)))


def new_keyring(key: bytes, recovery: bytes | None = None, file_id: bytes | None = None) -> Keyring:
    fid = file_id if file_id is not None else secrets.token_bytes(16)
    return Keyring(check_value(key), (), fid, None,
                   _recovery_entry(key, recovery, fid) if recovery is not None else None)


def create_keyring(path: Path, key: bytes, recovery: bytes | None = None) -> Keyring:
    """A new keyring for ``key`` with no user yet (replaces any there was); with the
    recovery key's entry when it is given."""
    ring = new_keyring(key, recovery)
    write_keyring(path, ring)
    return ring


def add_wrap(path: Path, key: bytes, name: str, password: str) -> None:
    """Wrap ``key`` for ``name`` (replacing their wrap: a changed password). Only the
    keyring is written; a missing keyring is made."""
    ring = read_keyring(path) or new_keyring(key)
    _checked(ring, key)
    wraps = tuple(w for w in ring.wraps if w.name != name) + (make_wrap(key, name, password, ring.file_id),)
    salt = file_salt(path)  # the file exists once its first user is saved: note which it is
    write_keyring(path, dataclasses.replace(ring, wraps=wraps, file_salt=salt or ring.file_salt))


def remove_wrap(path: Path, name: str) -> bool:
    ring = read_keyring(path)
    if ring is None or ring.wrap_of(name) is None:
        return False
    write_keyring(path, dataclasses.replace(ring, wraps=tuple(w for w in ring.wraps if w.name != name)))
    return True


def _quietly_write(path: Path, ring: Keyring) -> None:
    with contextlib.suppress(OSError):  # a read-only medium: it is done at a later unlock
        write_keyring(path, ring)


def note_file(path: Path) -> None:
    """Record in the keyring which encrypted file it opens (its salt): after the file is
    made (init, db encrypt, a re-key)."""
    ring, salt = read_keyring(path), file_salt(path)
    if ring is not None and salt is not None and ring.file_salt != salt:
        _quietly_write(path, dataclasses.replace(ring, file_salt=salt))


def _settle(path: Path, ring: Keyring, key: bytes, from_next: Callable[[Keyring], bytes | None]) -> bytes:
    """``key`` (from ``ring``) against the file itself. A re-key stopped between replacing
    the file and its keyring left the new keyring as ``.keys.next``: it is put in place
    when its key (``from_next``) opens the file. A key that opens nothing, from a keyring
    that was last seen with another file (its salt), is another database's keyring (or an
    older one), not a damaged file. The file's salt is noted when the key opens it."""
    salt = file_salt(path)
    if salt is None:  # no file yet, or a plain one
        return key
    if key_opens(path, key):
        if ring.file_salt != salt:
            _quietly_write(path, dataclasses.replace(ring, file_salt=salt))
        return key
    try:
        pending = _parse(pending_keyring_path(path))
    except KeyringDamaged:
        pending = None
    newer = from_next(pending) if pending is not None else None
    if newer is not None and key_opens(path, newer):
        pending_keyring_path(path).replace(keyring_path(path))
        if pending is not None and pending.file_salt != salt:
            _quietly_write(path, dataclasses.replace(pending, file_salt=salt))
        return newer
    if ring.file_salt is not None and ring.file_salt != salt:
        raise KeyringOfAnotherFile(_(
            "ไฟล์กุญแจ {path} ไม่ใช่ของไฟล์ฐานข้อมูลนี้ (เป็นของฐานข้อมูลอื่น หรือเป็นไฟล์กุญแจเก่าก่อนเปลี่ยนกุญแจ) "
            "วางไฟล์กุญแจที่มากับฐานข้อมูลนี้ไว้ข้างไฟล์ หรือเปิดด้วยรหัสกู้คืน").format(path=keyring_path(path)))
    return key  # the file itself is damaged: opening it says so


def unwrap(path: Path, name: str, password: str) -> bytes:
    """The database key from ``name``'s password; WrongPassword, NoWrap, KeyringDamaged
    or KeyringOfAnotherFile. A v1 wrap is made v2 on the way (the password is known now;
    the same Argon2id key, so no second derivation)."""
    ring = read_keyring(path)
    if ring is None:
        raise NoWrap(_("ไม่พบไฟล์กุญแจ {path} ของฐานข้อมูลที่เข้ารหัสนี้ เปิดด้วยรหัสกู้คืน "
                       "(samoe --recovery-key) แล้วโปรแกรมจะสร้างไฟล์กุญแจใหม่")
                     .format(path=keyring_path(path)))
    wrap = ring.wrap_of(name)
    if wrap is None:
        # the same Argon2id work as a wrong password: the time does not tell a name apart
        _derive(password, secrets.token_bytes(16), ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
        raise NoWrap(_("ผู้ใช้ {name} ยังไม่มีกุญแจของฐานข้อมูลนี้ ให้ผู้ดูแลระบบตั้งรหัสผ่านให้ใหม่ "
                       "หรือเปิดด้วยรหัสกู้คืน").format(name=name))
    key, kek = _open(wrap, password, ring.file_id)
    if key is None:
        raise WrongPassword(_("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"))
    _checked(ring, key)

    def from_next(pending: Keyring) -> bytes | None:
        other = pending.wrap_of(name)
        return open_wrap(other, password, pending.file_id) if other is not None else None

    opened = _settle(path, ring, key, from_next)
    if opened == key and wrap.seal is None:
        ring = read_keyring(path) or ring
        upgraded = _wrap_v2(kek, wrap.salt, (wrap.time_cost, wrap.memory_kib, wrap.parallelism),
                            key, name, ring.file_id)
        _quietly_write(path, dataclasses.replace(
            ring, wraps=tuple(upgraded if w.name == name else w for w in ring.wraps)))
    return opened


def key_by_recovery(ring: Keyring, recovery: bytes) -> bytes | None:
    """The key ``ring`` gives the recovery key: its seal (v2), else the recovery key itself
    (v1: it is the database key) or the key derived from it, when the check value agrees."""
    candidates: list[bytes] = []
    if ring.recovery is not None:
        found = sealing.unseal(ring.recovery.seal, sealing.recovery_private(recovery),
                               sealing.seal_aad(ring.file_id, sealing.RECOVERY_NAME))
        if found is not None:
            candidates.append(found)
    candidates += [recovery, sealing.key_from_recovery(recovery)]
    return next((k for k in candidates if hmac.compare_digest(ring.check, check_value(k))), None)


def key_by_recovery_alone(path: Path, recovery: bytes) -> bytes | None:
    """Without a keyring: the recovery key (v1) or its derived key (v2), if it opens ``path``."""
    return next((k for k in (sealing.key_from_recovery(recovery), recovery) if key_opens(path, k)), None)


def unwrap_recovery(path: Path, text: str) -> bytes:
    """The key from a typed recovery key, checked against the keyring when there is one
    (else against the database file itself). A keyring without a recovery entry (v1)
    gets one (the recovery key is known now)."""
    recovery = parse_recovery_key(text)
    ring = read_keyring(path)
    if ring is None:
        if not Path(path).exists():
            return sealing.key_from_recovery(recovery)
        key = key_by_recovery_alone(path, recovery)
        if key is None:
            raise BadRecoveryKey(_("รหัสกู้คืนนี้เปิดฐานข้อมูลนี้ไม่ได้"))
        return key
    key = key_by_recovery(ring, recovery)
    if key is None:
        raise BadRecoveryKey(_("กุญแจนี้ไม่ใช่กุญแจของฐานข้อมูลนี้"))
    opened = _settle(path, ring, key, lambda pending: key_by_recovery(pending, recovery))
    if opened == key and ring.recovery is None:
        ring = read_keyring(path) or ring
        _quietly_write(path, dataclasses.replace(ring, recovery=_recovery_entry(key, recovery, ring.file_id)))
    return opened


def rebuild_keyring(path: Path, key: bytes, recovery: bytes | None = None) -> bool:
    """A keyring for ``key`` when there is none (lost), or a damaged one; True when made.
    Users get their wraps back as each password is set again (``add_wrap``)."""
    try:
        if read_keyring(path) is not None:
            return False
    except KeyringDamaged:
        keyring_path(path).replace(keyring_path(path).with_name(keyring_path(path).name + ".damaged"))
    ring = new_keyring(key, recovery)
    write_keyring(path, dataclasses.replace(ring, file_salt=file_salt(path)))
    return True


# -- converting a plain file -----------------------------------------------------------

def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_digests(conn: Any) -> dict[str, tuple[int, str]]:
    """Per ordinary table: (rows, SHA-256 of its rows in rowid order)."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    out: dict[str, tuple[int, str]] = {}
    for name in names:
        digest, rows = hashlib.sha256(), 0
        try:
            cursor = conn.execute(f"SELECT * FROM {_quote(name)} ORDER BY rowid")
        except DatabaseError:  # WITHOUT ROWID: every column in order
            width = len(conn.execute(f"SELECT * FROM {_quote(name)} LIMIT 0").description)
            order = ", ".join(str(i + 1) for i in range(width))
            cursor = conn.execute(f"SELECT * FROM {_quote(name)} ORDER BY {order}")
        for row in cursor:
            digest.update(repr(row).encode("utf-8"))
            rows += 1
        out[name] = (rows, digest.hexdigest())
    return out


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


Hook = Callable[[str], None]


def encrypt_in_place(path: Path, key: bytes, *, step: Hook | None = None) -> dict[str, int]:
    """Convert the plain SQLite file ``path`` to SQLCipher under ``key``; returns the rows
    per table. Nobody else may have it open (the switch out of WAL fails otherwise).

    1. The plain file is brought out of WAL (``journal_mode=DELETE``: every committed page
       in the main file, no -wal left) and its rows counted and hashed per table.
    2. ``sqlcipher_export`` writes an encrypted copy to a temporary file beside it
       (schema, rows, triggers, the search index; ``user_version`` copied after).
    3. The copy is opened with the key: ``integrity_check`` must say ok and every table
       hold the same rows with the same hash; then it is fsynced.
    4. ``os.replace`` puts the verified copy in the plain file's place (the plain file is
       removed by that rename and not before), and the folder is fsynced.
    Any failure before 4 removes the copy and leaves the plain file untouched.
    ``step(name)`` is called at each stage (tests simulate a failure with it)."""
    path = Path(path)
    if is_encrypted(path):
        raise EncryptFailed(_("ฐานข้อมูลนี้เข้ารหัสอยู่แล้ว"))
    if sqlcipher is None:  # pragma: no cover
        raise EncryptFailed(_("โปรแกรมนี้ไม่มีส่วนเข้ารหัสฐานข้อมูล (sqlcipher3) ติดตั้งใหม่"))
    tmp = path.with_name(f".{path.name}.encrypting")
    tmp.unlink(missing_ok=True)

    def at(stage: str) -> None:
        if step is not None:
            step(stage)

    try:
        src = sqlcipher.connect(os.fspath(path), isolation_level=None, timeout=10)
        try:
            src.execute("PRAGMA cipher_log_level = NONE")
            mode = src.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise EncryptFailed(_("มีโปรแกรมอื่นเปิดฐานข้อมูลนี้อยู่ ปิดก่อนแล้วสั่งอีกครั้ง"))
            src.execute("BEGIN IMMEDIATE")  # nobody writes while it is counted and copied
            expected = table_digests(src)
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
            at("counted")
            src.execute("COMMIT")
            src.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (os.fspath(tmp),))
            src.execute("BEGIN IMMEDIATE")
            src.execute("SELECT sqlcipher_export('enc')")
            src.execute(f"PRAGMA enc.user_version = {version}")
            src.execute("COMMIT")
            src.execute("DETACH DATABASE enc")
            at("exported")
        finally:
            src.close()
        out = keyed_connect(tmp, key, isolation_level=None)
        try:
            problems = [str(r[0]) for r in out.execute("PRAGMA integrity_check(20)")]
            if problems != ["ok"]:
                raise EncryptFailed(_("สำเนาที่เข้ารหัสตรวจไม่ผ่าน: {problem}").format(problem=problems[0]))
            found = table_digests(out)
            at("verified")
        finally:
            out.close()
        if found != expected:
            differ = sorted(t for t in set(found) | set(expected) if found.get(t) != expected.get(t))
            raise EncryptFailed(_("สำเนาที่เข้ารหัสมีข้อมูลไม่ตรงกับต้นฉบับ (ตาราง {tables})")
                                .format(tables=", ".join(differ[:5])))
        _fsync(tmp)
        at("replacing")
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # none in DELETE mode
            leftover.unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
    return {name: rows for name, (rows, _digest) in expected.items()}
