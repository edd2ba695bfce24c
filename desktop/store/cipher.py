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
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.atomic import fsync_dir, write_bytes
from desktop.i18n import _

KEY_BYTES = 32
KEYRING_SUFFIX = ".keys"
KEYRING_FORMAT = "samoe-keyring"
KEYRING_VERSION = 1
PLAIN_HEADER = b"SQLite format 3\x00"
# Argon2id for wrapping, the same cost as the login's password hashes (services/access.py):
# measured 0.1-0.2 s here, once per login.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 1
_CHECK_TEXT = b"samoe database key check v1"
_WRAP_AAD = b"samoe keyring v1\x00"
# Crockford's base32: no I, L, O, U; typed O is read as 0 and I, L as 1.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUP = 4
_GROUPS = 13  # 52 characters: 260 bits, the key's 256 and 4 zero bits

sqlcipher: Any  # the sqlcipher3.dbapi2 module (None without it: plain databases still run)
try:
    import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-untyped, no-redef]
except ImportError:  # pragma: no cover - pyproject.toml requires it
    sqlcipher = None

# What a raw connection of either driver may raise.
Error: tuple[type[Exception], ...] = (sqlite3.Error,) + ((sqlcipher.Error,) if sqlcipher else ())
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,) + (
    (sqlcipher.DatabaseError,) if sqlcipher else ())


class CipherError(Exception):
    """The key could not be had; ``message`` is Thai, for the screen."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassword(CipherError):  # noqa: N818 - the words a clerk sees
    pass


class NoWrap(CipherError):  # noqa: N818
    """The keyring holds nothing for this user (or there is no keyring)."""


class KeyringDamaged(CipherError):
    pass


class BadRecoveryKey(CipherError):
    pass


class EncryptFailed(CipherError):
    """``encrypt_in_place`` did not finish; the plain file is as it was."""


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


# -- recovery key ----------------------------------------------------------------------

def _check_char(index: int, group: str) -> str:
    digest = hashlib.sha256(f"{index}:{group}".encode("ascii")).digest()
    return _ALPHABET[digest[0] % 32]


def format_recovery_key(key: bytes) -> str:
    """``XXXXC-XXXXC-...``: 13 groups, each 4 base32 characters and a check character."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    bits = int.from_bytes(key, "big") << 4  # 260 bits
    chars = "".join(_ALPHABET[(bits >> (5 * (51 - i))) & 31] for i in range(52))
    groups = [chars[i:i + _GROUP] for i in range(0, 52, _GROUP)]
    return "-".join(g + _check_char(n, g) for n, g in enumerate(groups))


def parse_recovery_key(text: str) -> bytes:
    """The key from a typed recovery key (spaces, dashes and case do not matter);
    BadRecoveryKey names the first group that does not check."""
    # Thai or full-width digits and letters (a Thai keyboard, an IME) read as the ASCII ones
    folded = unicodedata.normalize("NFKC", text).upper()
    cleaned = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded if c.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    size = _GROUP + 1
    if len(cleaned) != _GROUPS * size or any(c not in _ALPHABET for c in cleaned):
        raise BadRecoveryKey(_("รหัสกู้คืนต้องมี {n} กลุ่ม กลุ่มละ {m} ตัวอักษร (ตัวเลขและอักษรอังกฤษ)")
                             .format(n=_GROUPS, m=size))
    bits = 0
    for n in range(_GROUPS):
        chunk = cleaned[n * size:(n + 1) * size]
        group, check = chunk[:_GROUP], chunk[_GROUP]
        if _check_char(n, group) != check:
            raise BadRecoveryKey(_("รหัสกู้คืนกลุ่มที่ {n} ({group}) พิมพ์ผิด โปรดตรวจอีกครั้ง")
                                 .format(n=n + 1, group=chunk))
        for c in group:
            bits = (bits << 5) | _ALPHABET.index(c)
    if bits & 0xF:
        raise BadRecoveryKey(_("รหัสกู้คืนไม่ถูกต้อง โปรดตรวจอีกครั้ง"))
    return (bits >> 4).to_bytes(KEY_BYTES, "big")


# -- keyring ---------------------------------------------------------------------------

def check_value(key: bytes) -> str:
    return base64.b64encode(hmac.new(key, _CHECK_TEXT, hashlib.sha256).digest()[:16]).decode()


@dataclass(frozen=True)
class Wrap:
    name: str
    salt: bytes
    time_cost: int
    memory_kib: int
    parallelism: int
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kdf": {
            "type": "argon2id", "salt": _b64(self.salt), "time_cost": self.time_cost,
            "memory_kib": self.memory_kib, "parallelism": self.parallelism},
            "cipher": "aes-256-gcm", "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrap:
        kdf = data["kdf"]
        if kdf.get("type") != "argon2id" or data.get("cipher") != "aes-256-gcm":
            raise ValueError("unknown kdf or cipher")
        wrap = cls(str(data["name"]), _unb64(kdf["salt"]), int(kdf["time_cost"]),
                   int(kdf["memory_kib"]), int(kdf["parallelism"]), _unb64(data["nonce"]),
                   _unb64(data["wrapped"]))
        # an edited keyring must not crash Argon2id or AES-GCM, nor make a login take hours
        if not (len(wrap.salt) >= 8 and len(wrap.nonce) == 12 and 1 <= wrap.time_cost <= _MAX_TIME_COST
                and 1 <= wrap.parallelism <= _MAX_PARALLELISM
                and 8 * wrap.parallelism <= wrap.memory_kib <= _MAX_MEMORY_KIB):
            raise ValueError("kdf parameters out of range")
        return wrap


@dataclass(frozen=True)
class Keyring:
    check: str
    wraps: tuple[Wrap, ...]

    def to_json(self) -> bytes:
        data = {"format": KEYRING_FORMAT, "version": KEYRING_VERSION, "cipher": "sqlcipher4",
                "check": self.check, "users": [w.to_json() for w in self.wraps]}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def wrap_of(self, name: str) -> Wrap | None:
        return next((w for w in self.wraps if w.name == name), None)


_MAX_TIME_COST = 64
_MAX_PARALLELISM = 64
_MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def _derive(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=parallelism, hash_len=32,
                           type=Type.ID)


def _aad(name: str) -> bytes:
    return _WRAP_AAD + name.encode("utf-8")


def make_wrap(key: bytes, name: str, password: str) -> Wrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = _derive(password, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
    wrapped = AESGCM(kek).encrypt(nonce, key, _aad(name))
    return Wrap(name, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM, nonce, wrapped)


def open_wrap(wrap: Wrap, password: str) -> bytes | None:
    """The key, or None when ``password`` is not the one it was wrapped with."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _derive(password, wrap.salt, wrap.time_cost, wrap.memory_kib, wrap.parallelism)
    try:
        return AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, _aad(wrap.name))
    except InvalidTag:
        return None


def read_keyring(path: Path) -> Keyring | None:
    """The keyring beside database ``path``; None when there is none; KeyringDamaged."""
    where = keyring_path(path)
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyringDamaged(_("อ่านไฟล์กุญแจ {path} ไม่ได้: {error}").format(path=where, error=exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != KEYRING_FORMAT or int(data.get("version", 0)) > KEYRING_VERSION:
            raise ValueError("not a keyring")
        return Keyring(str(data["check"]), tuple(Wrap.from_json(w) for w in data["users"]))
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise KeyringDamaged(_("ไฟล์กุญแจ {path} เสียหาย เปิดด้วยรหัสกู้คืนแล้วโปรแกรมจะสร้างใหม่")
                             .format(path=where)) from None


def write_keyring(path: Path, ring: Keyring) -> None:
    write_bytes(keyring_path(path), ring.to_json())


def _checked(ring: Keyring | None, key: bytes) -> None:
    if ring is not None and not hmac.compare_digest(ring.check, check_value(key)):
        raise BadRecoveryKey(_("กุญแจนี้ไม่ใช่กุญแจของฐานข้อมูลนี้"))


def create_keyring(path: Path, key: bytes) -> Keyring:
    """A new keyring for ``key`` with no user yet (replaces any there was)."""
    ring = Keyring(check_value(key), ())
    write_keyring(path, ring)
    return ring


def add_wrap(path: Path, key: bytes, name: str, password: str) -> None:
    """Wrap ``key`` for ``name`` (replacing their wrap: a changed password). Only the
    keyring is written; a missing keyring is made."""
    ring = read_keyring(path) or Keyring(check_value(key), ())
    _checked(ring, key)
    wraps = tuple(w for w in ring.wraps if w.name != name) + (make_wrap(key, name, password),)
    write_keyring(path, Keyring(ring.check, wraps))


def remove_wrap(path: Path, name: str) -> bool:
    ring = read_keyring(path)
    if ring is None or ring.wrap_of(name) is None:
        return False
    write_keyring(path, Keyring(ring.check, tuple(w for w in ring.wraps if w.name != name)))
    return True


def unwrap(path: Path, name: str, password: str) -> bytes:
    """The database key from ``name``'s password; WrongPassword, NoWrap or KeyringDamaged."""
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
    key = open_wrap(wrap, password)
    if key is None:
        raise WrongPassword(_("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"))
    _checked(ring, key)
    return key


def unwrap_recovery(path: Path, text: str) -> bytes:
    """The key from a typed recovery key, checked against the keyring when there is one
    (else against the database file itself)."""
    key = parse_recovery_key(text)
    ring = read_keyring(path)
    if ring is not None:
        _checked(ring, key)
    elif Path(path).exists() and not key_opens(path, key):
        raise BadRecoveryKey(_("รหัสกู้คืนนี้เปิดฐานข้อมูลนี้ไม่ได้"))
    return key


def rebuild_keyring(path: Path, key: bytes) -> bool:
    """A keyring for ``key`` when there is none (lost), or a damaged one; True when made.
    Users get their wraps back as each password is set again (``add_wrap``)."""
    try:
        if read_keyring(path) is not None:
            return False
    except KeyringDamaged:
        keyring_path(path).replace(keyring_path(path).with_name(keyring_path(path).name + ".damaged"))
    create_keyring(path, key)
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
