"""A signed rule pack: the province's word that a screening rule pack (issue 11) is the one
to use, so a municipality never scores children with a pack someone else made.

A signed pack file (``.samoe-rulepack``) is one canonical JSON object
(desktop/exchange/canonical.py), like a receipt::

    {"body":{"format":1,"issued":<seconds>,"issuer":{"key":"..","office":".."},
             "pack":{...the pack, desktop/domain/rulepack.py...}},
     "sig":"<128 hex digits>"}

``sig`` is Ed25519 by the issuer's key over ``RULEPACK_DOMAIN`` followed by the canonical
bytes of ``body``. The checks, cheapest first: size, strict canonical parse
(``rulepack.not_canonical``), fields (``rulepack.bad_field``, ``format.newer``), the
issuer's key known to the caller's trust list (``key.unknown``: a municipality trusts its
province's key only), its office (``key.other_office``), not revoked when issued
(``key.revoked``), the signature (``signature.bad``), not issued in the future
(``time.future``). What the pack says is then checked by rulepack.parse_pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.exchange import canonical
from desktop.exchange.bundle import CLOCK_SKEW, check_sender_office, seconds
from desktop.exchange.identity import OfficeKeys, TrustList
from desktop.exchange.manifest import KEY_ID, TEXT, check_signature
from desktop.exchange.reasons import Refusal

RULEPACK_DOMAIN = b"samoe/rulepack/v1\x00"
FORMAT = 1
MAX_PACK_BYTES = 256 * 1024
SUFFIX = ".samoe-rulepack"
BODY_FIELDS = frozenset({"format", "issued", "issuer", "pack"})


@dataclass(frozen=True)
class SignedPack:
    issuer_office: str
    issuer_key: str
    issued: int  # seconds since the epoch, UTC
    pack: dict[str, Any]  # the pack's JSON value, for rulepack.parse_pack
    body: bytes  # the canonical bytes signed (what an installed pack keeps, with sig)
    signature: bytes


def sign_pack(pack: dict[str, Any], *, issuer: OfficeKeys, sign_private: Ed25519PrivateKey,
              issued: int | datetime) -> bytes:
    """The bytes of a signed pack file for ``pack`` (a JSON value without floats)."""
    body = {"format": FORMAT, "issued": seconds(issued),
            "issuer": {"office": issuer.office_code, "key": issuer.key_id}, "pack": pack}
    signed = canonical.dumps(body)
    signature = sign_private.sign(RULEPACK_DOMAIN + signed)
    return canonical.dumps({"body": body, "sig": signature.hex()})


def _bad(what: str) -> Refusal:
    return Refusal("rulepack.bad_field", what)


def _fields(body: Any) -> tuple[str, str, int, dict[str, Any]]:
    if type(body) is dict and type(body.get("format")) is int and body["format"] > FORMAT:
        raise Refusal("format.newer", f"rule pack format {body['format']}")
    if type(body) is not dict or set(body) != BODY_FIELDS:
        raise _bad("the set of fields")
    if type(body["format"]) is not int or body["format"] < 1:
        raise _bad("format")
    issuer = body["issuer"]
    if (type(issuer) is not dict or set(issuer) != {"office", "key"}
            or type(issuer["office"]) is not str or not TEXT.fullmatch(issuer["office"])
            or type(issuer["key"]) is not str or not KEY_ID.fullmatch(issuer["key"])):
        raise _bad("issuer")
    if type(body["issued"]) is not int or body["issued"] < 0:
        raise _bad("issued")
    if type(body["pack"]) is not dict:
        raise _bad("pack")
    return issuer["office"], issuer["key"], body["issued"], body["pack"]


def verify_signed_pack(source: Path | str | bytes, *, trust: TrustList, now: int | datetime,
                       skew: int = CLOCK_SKEW) -> SignedPack:
    """The pack a signed file carries, after the checks in the module's docstring."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        if path.stat().st_size > MAX_PACK_BYTES:
            raise Refusal("archive.too_large", str(path))
        data = path.read_bytes()
    if len(data) > MAX_PACK_BYTES:
        raise Refusal("archive.too_large", f"{len(data)} bytes")
    try:
        document = canonical.loads(data, max_bytes=MAX_PACK_BYTES)
    except canonical.NotCanonical as exc:
        raise Refusal("rulepack.not_canonical", str(exc)) from exc
    if type(document) is not dict or set(document) != {"body", "sig"}:
        raise Refusal("rulepack.not_canonical", "not a signed rule pack")
    office, key, issued, pack = _fields(document["body"])
    signature = document["sig"]
    if type(signature) is not str or not re.fullmatch(r"[0-9a-f]{128}", signature):
        raise Refusal("signature.bad", "sig")
    trusted = trust.find(key)
    if trusted is None:
        raise Refusal("key.unknown", key)
    check_sender_office(office, issued, trusted)
    body = canonical.dumps(document["body"])
    check_signature(RULEPACK_DOMAIN, body, bytes.fromhex(signature), trusted.keys.sign_public)
    if issued > seconds(now) + skew:
        raise Refusal("time.future", f"issued {issued}")
    return SignedPack(office, key, issued, pack, body, bytes.fromhex(signature))
