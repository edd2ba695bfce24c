"""An office's private keys, from one 32-byte secret (docs/keys.md). No Qt, no database.

The office keeps one random secret per key pair; its Ed25519 signing key and its X25519
key for receiving are derived from it with HKDF-SHA256 under two fixed labels. One secret
is what the store wraps, seals to each user who may use it, or keeps inside an encrypted
database; the two private keys exist only in memory, made from it when needed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.exchange.identity import OfficeKeys

SECRET_SIZE = 32
_SIGN_INFO = b"samoe/office-key/ed25519/v1"
_BOX_INFO = b"samoe/office-key/x25519/v1"
_RAW = serialization.Encoding.Raw


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_SIZE)


def _derive(secret: bytes, info: bytes) -> bytes:
    if len(secret) != SECRET_SIZE:
        raise ValueError("an office key secret is 32 bytes")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


@dataclass(frozen=True)
class PrivateKeys:
    """The office's private keys (in memory only) and the public identity they belong to."""

    keys: OfficeKeys
    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def key_id(self) -> str:
        return self.keys.key_id

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)


def public_keys(secret: bytes) -> tuple[bytes, bytes]:
    """(Ed25519 public, X25519 public), 32 raw bytes each."""
    signing = Ed25519PrivateKey.from_private_bytes(_derive(secret, _SIGN_INFO))
    box = X25519PrivateKey.from_private_bytes(_derive(secret, _BOX_INFO))
    return (signing.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
            box.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))


def private_keys(secret: bytes, office_code: str, office_name: str) -> PrivateKeys:
    signing = Ed25519PrivateKey.from_private_bytes(_derive(secret, _SIGN_INFO))
    box = X25519PrivateKey.from_private_bytes(_derive(secret, _BOX_INFO))
    keys = OfficeKeys(office_code, office_name,
                      signing.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
                      box.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw))
    return PrivateKeys(keys, signing, box)
