"""Who signs a bundle and who may read it: an office's public keys, their id and fingerprint.

No Qt, no database. The format layer (bundle writing and verification) and the key
registry (the office's own keys, the province's trust list) meet here:

- an office has an **Ed25519** key that signs its bundles and receipts, and an **X25519**
  key that payloads sent to it are encrypted to (HPKE);
- its **key id** names the pair on the wire (manifests, receipts, the trust list): the
  first 16 bytes of a domain-separated SHA-256 of both public keys, in hex;
- its **fingerprint** is what two people read to each other over the phone before a
  key card is trusted: 20 decimal digits in five groups (Thai clerks read digits aloud
  more surely than letters), from another domain-separated hash of the same keys.

A verifier asks a ``TrustList`` for the sender's key by id; the store's trust list (the
province's enrolled cards, the municipality's province card) implements it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

KEY_ID_DOMAIN = b"samoe/key-id/v1\x00"
FINGERPRINT_DOMAIN = b"samoe/fingerprint/v1\x00"
PUBLIC_KEY_SIZE = 32


def key_id(sign_public: bytes, box_public: bytes) -> str:
    """The pair's id: 32 lowercase hex characters."""
    _check_sizes(sign_public, box_public)
    return hashlib.sha256(KEY_ID_DOMAIN + sign_public + box_public).hexdigest()[:32]


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """Twenty decimal digits in five groups of four, e.g. ``0412 9981 3307 5526 1190``."""
    _check_sizes(sign_public, box_public)
    digest = hashlib.sha256(FINGERPRINT_DOMAIN + sign_public + box_public).digest()
    digits = f"{int.from_bytes(digest[:16], 'big') % 10**20:020d}"
    return " ".join(digits[i:i + 4] for i in range(0, 20, 4))


def _check_sizes(sign_public: bytes, box_public: bytes) -> None:
    if len(sign_public) != PUBLIC_KEY_SIZE or len(box_public) != PUBLIC_KEY_SIZE:
        raise ValueError("an office's public keys are 32 raw bytes each")


@dataclass(frozen=True)
class OfficeKeys:
    """An office's public identity: what its key card carries."""

    office_code: str
    office_name: str
    sign_public: bytes  # Ed25519, 32 raw bytes
    box_public: bytes  # X25519, 32 raw bytes

    @property
    def key_id(self) -> str:
        return key_id(self.sign_public, self.box_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


@dataclass(frozen=True)
class TrustedKey:
    """A key in this office's trust list, as the verifier needs it."""

    keys: OfficeKeys
    enrolled_at: datetime  # aware, UTC
    revoked_at: datetime | None = None  # bundles created at or after this are refused
    replaced_by: str | None = None  # the key id of its rotated successor, if any


class TrustList(Protocol):
    """What a verifier asks: the trusted key with this id, or None when unknown."""

    def find(self, key_id: str) -> TrustedKey | None: ...
