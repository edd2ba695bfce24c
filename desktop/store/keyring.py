"""The keyring file's contents (``<name>.db.keys``): its entries and their JSON. No Qt.

store/cipher.py reads, writes and uses it (unwrap, add a user, recovery); store/sealing.py
holds the public-key sealing of version 2; docs/encryption.md explains both versions.

Version 1: per user, the database key AES-256-GCM-encrypted under an Argon2id key of the
password (``wrapped``). Version 2 adds, per user, an X25519 key pair (``public``; the
private half is what ``wrapped`` holds now) and the database key *sealed* to it
(``seal``), so that a re-key can give a new key to a user without their password; a
recovery entry (the recovery key's public key and a seal); the keyring's ``file_id``
(random, kept across re-keys, also in the database's ``setting`` table, bound into every
seal) and ``file_salt`` (the first 16 bytes of the encrypted file it was last seen to
open: SQLCipher's random salt, readable without the key), which tells a keyring of
another database (or an older keyring) from a damaged file before anything is opened.
A v1 entry in a v2 keyring keeps working; it becomes v2 at its user's next unlock.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from desktop.store.sealing import Seal

KEYRING_FORMAT = "samoe-keyring"
KEYRING_VERSION = 2
_WRAP_AAD_V1 = b"samoe keyring v1\x00"
_WRAP_AAD_V2 = b"samoe keyring v2 private key\x00"
_MAX_TIME_COST = 64
_MAX_PARALLELISM = 64
_MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


@dataclass(frozen=True)
class Wrap:
    name: str
    salt: bytes
    time_cost: int
    memory_kib: int
    parallelism: int
    nonce: bytes
    wrapped: bytes  # v1: the database key; v2: the user's X25519 private key
    public: bytes | None = None  # v2: the user's X25519 public key
    seal: Seal | None = None  # v2: the database key sealed to ``public``

    @property
    def version(self) -> int:
        return 1 if self.seal is None else 2

    def aad(self) -> bytes:
        return (_WRAP_AAD_V1 if self.seal is None else _WRAP_AAD_V2) + self.name.encode("utf-8")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "kdf": {
            "type": "argon2id", "salt": b64(self.salt), "time_cost": self.time_cost,
            "memory_kib": self.memory_kib, "parallelism": self.parallelism},
            "cipher": "aes-256-gcm", "nonce": b64(self.nonce), "wrapped": b64(self.wrapped)}
        if self.seal is not None and self.public is not None:
            data["version"] = 2
            data["public"] = b64(self.public)
            data["seal"] = self.seal.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrap:
        kdf = data["kdf"]
        if kdf.get("type") != "argon2id" or data.get("cipher") != "aes-256-gcm":
            raise ValueError("unknown kdf or cipher")
        v2 = int(data.get("version", 1)) == 2
        wrap = cls(str(data["name"]), unb64(kdf["salt"]), int(kdf["time_cost"]),
                   int(kdf["memory_kib"]), int(kdf["parallelism"]), unb64(data["nonce"]),
                   unb64(data["wrapped"]), unb64(data["public"]) if v2 else None,
                   Seal.from_json(data["seal"]) if v2 else None)
        # an edited keyring must not crash Argon2id or AES-GCM, nor make a login take hours
        if not (len(wrap.salt) >= 8 and len(wrap.nonce) == 12 and 1 <= wrap.time_cost <= _MAX_TIME_COST
                and 1 <= wrap.parallelism <= _MAX_PARALLELISM
                and 8 * wrap.parallelism <= wrap.memory_kib <= _MAX_MEMORY_KIB
                and (wrap.public is None or len(wrap.public) == 32)):
            raise ValueError("kdf parameters out of range")
        return wrap


@dataclass(frozen=True)
class RecoveryEntry:
    public: bytes  # sealing.recovery_public(recovery key)
    seal: Seal

    def to_json(self) -> dict[str, Any]:
        return {"public": b64(self.public), "seal": self.seal.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoveryEntry:
        found = cls(unb64(data["public"]), Seal.from_json(data["seal"]))
        if len(found.public) != 32:
            raise ValueError("recovery public key of a wrong size")
        return found


@dataclass(frozen=True)
class Keyring:
    check: str
    wraps: tuple[Wrap, ...]
    file_id: bytes = b""  # v1 keyrings have none
    file_salt: bytes | None = None
    recovery: RecoveryEntry | None = None

    def to_json(self) -> bytes:
        data: dict[str, Any] = {"format": KEYRING_FORMAT, "version": KEYRING_VERSION, "cipher": "sqlcipher4",
                                "file_id": b64(self.file_id), "check": self.check}
        if self.file_salt is not None:
            data["file_salt"] = self.file_salt.hex()
        if self.recovery is not None:
            data["recovery"] = self.recovery.to_json()
        data["users"] = [w.to_json() for w in self.wraps]
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Keyring:
        """ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError: damaged."""
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != KEYRING_FORMAT or int(data.get("version", 0)) > KEYRING_VERSION:
            raise ValueError("not a keyring")
        salt = data.get("file_salt")
        ring = cls(str(data["check"]), tuple(Wrap.from_json(w) for w in data["users"]),
                   unb64(data.get("file_id", "")), bytes.fromhex(salt) if salt else None,
                   RecoveryEntry.from_json(data["recovery"]) if data.get("recovery") else None)
        if ring.file_salt is not None and len(ring.file_salt) != 16:
            raise ValueError("file salt of a wrong size")
        return ring

    def wrap_of(self, name: str) -> Wrap | None:
        return next((w for w in self.wraps if w.name == name), None)

    def v1_names(self) -> list[str]:
        """Users whose wrap is still version 1 (a re-key cannot give them the new key)."""
        return [w.name for w in self.wraps if w.seal is None]
