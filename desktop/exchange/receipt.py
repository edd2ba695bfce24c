"""A receipt: the province's signed word that it accepted a municipality's bundles up to one
sequence number, so the municipality's next incremental export starts after it, and a
municipality that restored a backup learns where its chain stands.

A receipt file is one canonical JSON object (desktop/exchange/canonical.py)::

    {"body":{"bundle":"<uuid of the last bundle accepted>","for":{"key":"..","office":".."},
             "format":1,"issued":<seconds>,"issuer":{"key":"..","office":".."},
             "manifest":"<sha256 hex of that bundle's manifest.json>","sequence":<n>},
     "sig":"<128 hex digits>"}

``sig`` is Ed25519 by the issuer's key over ``RECEIPT_DOMAIN`` followed by the canonical
bytes of ``body``. ``sequence`` and ``manifest`` are the high-water mark: the last
bundle of the ``for`` office's chain that the issuer accepted (what the next bundle's
``sequence - 1`` and ``previous`` must be).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.atomic import write_bytes
from desktop.exchange import canonical
from desktop.exchange.bundle import CLOCK_SKEW, check_sender_office, seconds
from desktop.exchange.identity import OfficeKeys, TrustedKey, TrustList
from desktop.exchange.manifest import (
    FORMAT_VERSION,
    HEX64,
    KEY_ID,
    TEXT,
    UUID,
    ChainState,
    check_signature,
)
from desktop.exchange.reasons import Refusal

RECEIPT_DOMAIN = b"samoe/receipt/v1\x00"
MAX_RECEIPT_BYTES = 64 * 1024
SUFFIX = ".samoe-receipt"
BODY_FIELDS = frozenset({"format", "issuer", "for", "sequence", "manifest", "bundle", "issued"})


@dataclass(frozen=True)
class Receipt:
    issuer_office: str
    issuer_key: str
    for_office: str
    for_key: str
    sequence: int  # the last sequence of the ``for`` office accepted by the issuer
    manifest_hash: str  # that bundle's manifest hash
    bundle: str  # that bundle's UUID
    issued: int  # seconds since the epoch, UTC
    format: int = FORMAT_VERSION

    @property
    def chain_state(self) -> ChainState:
        """Where the ``for`` office's chain stands at the issuer."""
        return ChainState(self.sequence, self.manifest_hash)

    def body(self) -> dict[str, Any]:
        return {"format": self.format,
                "issuer": {"office": self.issuer_office, "key": self.issuer_key},
                "for": {"office": self.for_office, "key": self.for_key},
                "sequence": self.sequence, "manifest": self.manifest_hash,
                "bundle": self.bundle, "issued": self.issued}


def make_receipt(*, issuer: OfficeKeys, sign_private: Ed25519PrivateKey, for_office: OfficeKeys,
                 sequence: int, manifest_hash: str, bundle_id: str,
                 issued: int | datetime) -> bytes:
    """The bytes of a receipt file."""
    receipt = Receipt(issuer.office_code, issuer.key_id, for_office.office_code,
                      for_office.key_id, sequence, manifest_hash, bundle_id, seconds(issued))
    body = canonical.dumps(receipt.body())
    _fields(canonical.loads(body))  # never write what a reader refuses
    signature = sign_private.sign(RECEIPT_DOMAIN + body)
    return canonical.dumps({"body": receipt.body(), "sig": signature.hex()})


def write_receipt(path: Path | str, data: bytes) -> None:
    """Write receipt bytes (``make_receipt``) to ``path`` whole or not at all."""
    write_bytes(Path(path), data)


def _bad(what: str) -> Refusal:
    return Refusal("receipt.bad_field", what)


def _party(value: Any, what: str) -> tuple[str, str]:
    if (type(value) is not dict or set(value) != {"office", "key"}
            or type(value["office"]) is not str or not TEXT.fullmatch(value["office"])
            or type(value["key"]) is not str or not KEY_ID.fullmatch(value["key"])):
        raise _bad(what)
    return value["office"], value["key"]


def _fields(body: Any) -> Receipt:
    if type(body) is dict and type(body.get("format")) is int and body["format"] > FORMAT_VERSION:
        raise Refusal("format.newer", f"receipt format {body['format']}")
    if type(body) is not dict or set(body) != BODY_FIELDS:
        raise _bad("the set of fields")
    if type(body["format"]) is not int or body["format"] < 1:
        raise _bad("format")
    issuer = _party(body["issuer"], "issuer")
    for_office = _party(body["for"], "for")
    sequence, issued = body["sequence"], body["issued"]
    if type(sequence) is not int or sequence < 1:
        raise _bad("sequence")
    if type(issued) is not int or issued < 0:
        raise _bad("issued")
    for name, pattern in (("manifest", HEX64), ("bundle", UUID)):
        if type(body[name]) is not str or not pattern.fullmatch(body[name]):
            raise _bad(name)
    return Receipt(issuer[0], issuer[1], for_office[0], for_office[1], sequence,
                   body["manifest"], body["bundle"], issued, body["format"])


def verify_receipt(source: Path | str | bytes, *, trust: TrustList, me: OfficeKeys,
                   now: int | datetime, skew: int = CLOCK_SKEW) -> Receipt:
    """A receipt's high-water mark, after its checks: size, strict canonical parse
    (``receipt.not_canonical``), fields (``receipt.bad_field``, ``format.newer``), the
    issuer's key known (``key.unknown``), its office (``key.other_office``), not revoked
    when issued (``key.revoked``), the signature (``signature.bad``), addressed to this
    office (``recipient.other_office``; the key id is not checked: a receipt is not
    encrypted, and an office that rotated its key still needs its receipts), not from the
    future (``time.future``). A receipt never expires; which of two receipts is newer is
    the caller's question (the higher ``sequence``)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise Refusal("archive.too_large", str(path))
        data = path.read_bytes()
    if len(data) > MAX_RECEIPT_BYTES:
        raise Refusal("archive.too_large", f"{len(data)} bytes")
    try:
        document = canonical.loads(data, max_bytes=MAX_RECEIPT_BYTES)
    except canonical.NotCanonical as exc:
        raise Refusal("receipt.not_canonical", str(exc)) from exc
    if type(document) is not dict or set(document) != {"body", "sig"}:
        raise Refusal("receipt.not_canonical", "not a receipt")
    receipt = _fields(document["body"])
    signature = document["sig"]
    if type(signature) is not str or not re.fullmatch(r"[0-9a-f]{128}", signature):
        raise Refusal("signature.bad", "sig")
    trusted: TrustedKey | None = trust.find(receipt.issuer_key)
    if trusted is None:
        raise Refusal("key.unknown", receipt.issuer_key)
    check_sender_office(receipt.issuer_office, receipt.issued, trusted)
    check_signature(RECEIPT_DOMAIN, canonical.dumps(document["body"]), bytes.fromhex(signature),
                    trusted.keys.sign_public)
    if receipt.for_office != me.office_code:
        raise Refusal("recipient.other_office", receipt.for_office)
    if receipt.issued > seconds(now) + skew:
        raise Refusal("time.future", f"issued {receipt.issued}")
    return receipt
