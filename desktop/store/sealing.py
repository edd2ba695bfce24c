"""Keyring v2's public-key parts (store/cipher.py holds the keyring itself). No Qt.

Why: a re-key (a new database key after someone leaves) must give the new key to every
remaining user and to the recovery key, whose secrets the administrator who re-keys
does not know. So each user of a v2 keyring has an **X25519 key pair**: the private half
is wrapped under their password (Argon2id → AES-256-GCM, as a v1 wrap wraps the database
key itself), and the database key is **sealed** to the public half. Anyone may seal a new
key to a public key; only the password opens it.

A seal: an ephemeral X25519 key pair, the shared secret with the recipient's public key,
HKDF-SHA256 of it (salt: both public keys) as an AES-256-GCM key, and the database key
encrypted with it. The authenticated data binds the keyring's file id and the
recipient's name, so a seal cannot be moved to another user or another keyring.

The recovery key (32 random bytes, printed for the office safe) gives its key pair by
HKDF (``recovery_private``), so a re-key seals the new key to it too and the printout
stays valid. A new database's first key is also derived from the recovery key
(``key_from_recovery``, a one-way HKDF): the recovery key alone opens that file even
with its keyring lost, and whoever knows the database key learns nothing of the
recovery key. (A v1 database's recovery key *is* its first key: every user who ever
unwrapped it knows it, so a re-key replaces it: store/rekey.py.)
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_SEAL_INFO = b"samoe keyring seal v2"
_SEAL_AAD = b"samoe seal v2\x00"
_RECOVERY_INFO = b"samoe recovery x25519 v2"
_DERIVED_KEY_INFO = b"samoe database key from recovery v2"
RECOVERY_NAME = "\x00recovery"  # the recovery entry's name in a seal's authenticated data
_RAW = serialization.Encoding.Raw


def _hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def new_private() -> bytes:
    return X25519PrivateKey.generate().private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                                    serialization.NoEncryption())


def public_of(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw)


def recovery_private(recovery: bytes) -> bytes:
    """The recovery key's X25519 private key (deterministic: the printout is enough)."""
    return _hkdf(recovery, _RECOVERY_INFO)


def recovery_public(recovery: bytes) -> bytes:
    return public_of(recovery_private(recovery))


def key_from_recovery(recovery: bytes) -> bytes:
    """A database key that the recovery key opens without any keyring (one-way)."""
    return _hkdf(recovery, _DERIVED_KEY_INFO)


def new_recovery() -> bytes:
    return secrets.token_bytes(32)


def seal_aad(file_id: bytes, name: str) -> bytes:
    return _SEAL_AAD + file_id + b"\x00" + name.encode("utf-8")


@dataclass(frozen=True)
class Seal:
    ephemeral: bytes  # the ephemeral X25519 public key
    nonce: bytes
    sealed: bytes  # AES-256-GCM of the database key (48 bytes)

    def to_json(self) -> dict[str, Any]:
        return {"type": "x25519-hkdf-sha256-aes-256-gcm", "ephemeral": _b64(self.ephemeral),
                "nonce": _b64(self.nonce), "sealed": _b64(self.sealed)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Seal:
        if data.get("type") != "x25519-hkdf-sha256-aes-256-gcm":
            raise ValueError("unknown seal")
        found = cls(_unb64(data["ephemeral"]), _unb64(data["nonce"]), _unb64(data["sealed"]))
        if len(found.ephemeral) != 32 or len(found.nonce) != 12 or len(found.sealed) != 48:
            raise ValueError("seal of a wrong size")
        return found


def seal(key: bytes, public: bytes, aad: bytes) -> Seal:
    """``key`` sealed to the X25519 ``public`` key (only its private key opens it)."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(12)
    box = AESGCM(_hkdf(shared, _SEAL_INFO, eph_public + public))
    return Seal(eph_public, nonce, box.encrypt(nonce, key, aad))


def unseal(found: Seal, private: bytes, aad: bytes) -> bytes | None:
    """The sealed key, or None when ``private`` (or the bound name or file) is not its."""
    mine = X25519PrivateKey.from_private_bytes(private)
    public = mine.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    try:
        shared = mine.exchange(X25519PublicKey.from_public_bytes(found.ephemeral))
        box = AESGCM(_hkdf(shared, _SEAL_INFO, found.ephemeral + public))
        return box.decrypt(found.nonce, found.sealed, aad)
    except (InvalidTag, ValueError):
        return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)
