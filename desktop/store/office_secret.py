"""The office key's secret, wrapped for the people who may use it (docs/keys.md). No Qt.

In a plain database (or PostgreSQL) the secret from which the office's private keys come
(exchange/keypair.py) never lies in the database in clear. Each user who may use it is a
*holder*: an X25519 key pair whose private half is AES-256-GCM-encrypted under an
Argon2id key of their password (the same construction and cost as the keyring's wraps,
store/cipher.py); the secret is *sealed* to each holder's public key (store/sealing.py:
an ephemeral X25519 exchange, HKDF, AES-256-GCM), the authenticated data binding the
office key's id and the holder's name. So a holder who has opened the secret can give it
to a newly authorised user without knowing their password, and a changed password
rewraps one small private key, never the secret.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.store import cipher, sealing

_HOLDER_AAD = b"samoe/office-key-holder/v1\x00"
_SEAL_AAD = b"samoe/office-key-seal/v1\x00"


@dataclass(frozen=True)
class HolderWrap:
    public: bytes
    salt: bytes
    time_cost: int
    memory_kib: int
    parallelism: int
    nonce: bytes
    wrapped: bytes


def _kek(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
                           parallelism=parallelism, hash_len=32, type=Type.ID)


def new_holder(name: str, password: str) -> HolderWrap:
    """A new X25519 key pair for ``name``, its private half under the password."""
    private = sealing.new_private()
    salt = secrets.token_bytes(16)
    params = (cipher.ARGON2_TIME_COST, cipher.ARGON2_MEMORY_KIB, cipher.ARGON2_PARALLELISM)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_kek(password, salt, *params)).encrypt(nonce, private, _HOLDER_AAD + name.encode("utf-8"))
    return HolderWrap(sealing.public_of(private), salt, *params, nonce, wrapped)


def holder_private(wrap: HolderWrap, name: str, password: str) -> bytes | None:
    """The holder's X25519 private key, or None for a wrong password (or another name)."""
    if not (len(wrap.salt) >= 8 and len(wrap.nonce) == 12 and 1 <= wrap.time_cost <= 64
            and 1 <= wrap.parallelism <= 64 and 8 * wrap.parallelism <= wrap.memory_kib <= 4 * 1024 * 1024):
        return None  # an edited row must not make Argon2id run for hours
    kek = _kek(password, wrap.salt, wrap.time_cost, wrap.memory_kib, wrap.parallelism)
    try:
        return AESGCM(kek).decrypt(wrap.nonce, wrap.wrapped, _HOLDER_AAD + name.encode("utf-8"))
    except InvalidTag:
        return None


def seal_aad(key_id: str, name: str) -> bytes:
    return _SEAL_AAD + key_id.encode("ascii") + b"\x00" + name.encode("utf-8")


def seal_secret(secret: bytes, holder_public: bytes, key_id: str, name: str) -> sealing.Seal:
    return sealing.seal(secret, holder_public, seal_aad(key_id, name))


def unseal_secret(found: sealing.Seal, private: bytes, key_id: str, name: str) -> bytes | None:
    return sealing.unseal(found, private, seal_aad(key_id, name))
