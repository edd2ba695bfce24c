"""A bundle's manifest (``manifest.json``) and its signature file (``manifest.sig``).

The manifest is canonical JSON (desktop/exchange/canonical.py); its fields are documented
in docs/exchange-format.md. Times are whole seconds since 1970-01-01 UTC (integers: no
time zone or format to argue about). The signature file is canonical JSON too::

    {"alg":"ed25519","key":"<sender key id>","sig":"<128 hex digits>"}

and ``sig`` is Ed25519 over ``MANIFEST_DOMAIN + <the exact bytes of manifest.json>``. The
key id sits in the signature file so that a verifier finds the sender's key, and checks
the signature, before it parses anything the signature covers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.exchange import canonical
from desktop.exchange.payload import PATH, ROWS_PER_FILE, TABLE
from desktop.exchange.reasons import Refusal

FORMAT_VERSION = 1  # what this program writes; it reads every version from 1 to this
MANIFEST_DOMAIN = b"samoe/bundle-manifest/v1\x00"
SIGNATURE_ALG = "ed25519"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIG_BYTES = 1024
MAX_LIFETIME = 400 * 86_400  # expires - created, at most (seconds)
MAX_FILES = 4000

HEX64 = re.compile(r"[0-9a-f]{64}")
KEY_ID = re.compile(r"[0-9a-f]{32}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TEXT = re.compile(r"[^\x00-\x1f\x7f]{1,64}")

FIELDS = frozenset({"format", "bundle", "sender", "recipient", "sequence", "previous", "base",
                    "created", "expires", "schema", "program", "counts", "audit_head",
                    "restored", "files"})


@dataclass(frozen=True)
class ChainState:
    """A place in a sender's line of bundles: a sequence and that bundle's manifest hash
    (what a verifier last accepted from the sender; what a receipt acknowledges; what a
    manifest's ``base`` names)."""

    sequence: int
    manifest_hash: str


@dataclass(frozen=True)
class PayloadFile:
    path: str
    table: str
    rows: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    bundle: str  # UUID, lower case
    sender_office: str
    sender_key: str  # key id (identity.key_id)
    recipient_office: str
    recipient_key: str
    sequence: int  # 1, 2, 3, ... per sender
    previous: str | None  # SHA-256 (hex) of the previous manifest's bytes; None for 1
    # the last receipt the bundle was built on (it carries every row changed since); None:
    # none yet, it carries every row since the start
    created: int  # seconds since the epoch, UTC
    expires: int
    schema: str  # the database schema revision the rows come from
    program: str  # the writing program's version
    counts: dict[str, int]  # rows per table
    audit_head: dict[str, Any] | None  # {"id": int, "hash": hex64} or None
    restored: dict[str, Any] | None  # {"at": int} when the sender restored a backup
    files: tuple[PayloadFile, ...] = field(default=())
    base: ChainState | None = None
    format: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format, "bundle": self.bundle,
            "sender": {"office": self.sender_office, "key": self.sender_key},
            "recipient": {"office": self.recipient_office, "key": self.recipient_key},
            "sequence": self.sequence, "previous": self.previous,
            "base": None if self.base is None else {"sequence": self.base.sequence,
                                                    "manifest": self.base.manifest_hash},
            "created": self.created, "expires": self.expires,
            "schema": self.schema, "program": self.program,
            "counts": dict(self.counts), "audit_head": self.audit_head,
            "restored": self.restored,
            "files": [{"path": f.path, "table": f.table, "rows": f.rows, "size": f.size,
                       "sha256": f.sha256} for f in self.files],
        }

    def to_bytes(self) -> bytes:
        data = canonical.dumps(self.to_json())
        from_json(canonical.loads(data))  # a writer never writes what a reader refuses
        return data


def manifest_hash(data: bytes) -> str:
    """What the next manifest's ``previous`` and a receipt name a manifest by."""
    return hashlib.sha256(data).hexdigest()


def _bad(what: str) -> Refusal:
    return Refusal("manifest.bad_field", what)


def _int(value: Any, what: str, low: int = 0) -> int:
    if type(value) is not int or value < low:
        raise _bad(what)
    return value


def _str(value: Any, what: str, pattern: re.Pattern[str]) -> str:
    if type(value) is not str or not pattern.fullmatch(value):
        raise _bad(what)
    return value


def _party(value: Any, what: str) -> tuple[str, str]:
    if type(value) is not dict or set(value) != {"office", "key"}:
        raise _bad(what)
    return _str(value["office"], f"{what}.office", TEXT), _str(value["key"], f"{what}.key", KEY_ID)


def format_of(value: Any) -> int | None:
    """The format version a parsed manifest claims, if it has one."""
    if type(value) is dict and type(value.get("format")) is int:
        return int(value["format"])
    return None


def from_json(value: Any) -> Manifest:
    """A parsed manifest, every field checked (``manifest.bad_field``, ``format.newer``)."""
    fmt = format_of(value)
    if fmt is not None and fmt > FORMAT_VERSION:
        raise Refusal("format.newer", f"format {fmt}, this program reads up to {FORMAT_VERSION}")
    if type(value) is not dict or set(value) != FIELDS:
        raise _bad("the set of fields")
    if fmt is None or fmt < 1:
        raise _bad("format")
    sender = _party(value["sender"], "sender")
    recipient = _party(value["recipient"], "recipient")
    sequence = _int(value["sequence"], "sequence", 1)
    previous = value["previous"]
    if sequence == 1:
        if previous is not None:
            raise _bad("previous (the first bundle has none)")
    else:
        previous = _str(previous, "previous", HEX64)
    base = _base(value["base"], sequence, previous)
    created = _int(value["created"], "created")
    expires = _int(value["expires"], "expires")
    if not created < expires <= created + MAX_LIFETIME:
        raise _bad("expires")
    counts = value["counts"]
    if type(counts) is not dict:
        raise _bad("counts")
    for table, count in counts.items():
        _str(table, "counts (table)", TABLE)
        _int(count, f"counts.{table}")
    head = value["audit_head"]
    if head is not None and (type(head) is not dict or set(head) != {"id", "hash"}
                             or type(head["id"]) is not int or head["id"] < 1
                             or type(head["hash"]) is not str or not HEX64.fullmatch(head["hash"])):
        raise _bad("audit_head")
    restored = value["restored"]
    if restored is not None and (type(restored) is not dict or set(restored) != {"at"}
                                 or type(restored["at"]) is not int or restored["at"] < 0):
        raise _bad("restored")
    files = _files(value["files"])
    totals: dict[str, int] = {}
    for f in files:
        totals[f.table] = totals.get(f.table, 0) + f.rows
    if {t: n for t, n in counts.items() if n} != totals:
        raise _bad("counts do not add up to the files' rows")
    return Manifest(
        format=fmt, bundle=_str(value["bundle"], "bundle", UUID),
        sender_office=sender[0], sender_key=sender[1],
        recipient_office=recipient[0], recipient_key=recipient[1],
        sequence=sequence, previous=previous, created=created, expires=expires,
        schema=_str(value["schema"], "schema", TEXT), program=_str(value["program"], "program", TEXT),
        counts=dict(counts), audit_head=head, restored=restored, files=files, base=base)


def _base(value: Any, sequence: int, previous: str | None) -> ChainState | None:
    """``base``: null, or the receipt the bundle was built on, before this bundle; when it
    is the bundle just before, ``previous`` names the same manifest."""
    if value is None:
        return None
    if type(value) is not dict or set(value) != {"sequence", "manifest"}:
        raise _bad("base")
    base = ChainState(_int(value["sequence"], "base.sequence", 1),
                      _str(value["manifest"], "base.manifest", HEX64))
    if base.sequence >= sequence:
        raise _bad("base (not before this bundle)")
    if base.sequence == sequence - 1 and base.manifest_hash != previous:
        raise _bad("base (the bundle before, with another hash than previous)")
    return base


def _files(value: Any) -> tuple[PayloadFile, ...]:
    if type(value) is not list or len(value) > MAX_FILES:
        raise _bad("files")
    out: list[PayloadFile] = []
    for item in value:
        if type(item) is not dict or set(item) != {"path", "table", "rows", "size", "sha256"}:
            raise _bad("files (an entry)")
        path = _str(item["path"], "files.path", PATH)
        match = PATH.fullmatch(path)
        if match is None or match.group(1) != item["table"]:
            raise _bad("files.table")
        rows = _int(item["rows"], "files.rows", 1)
        if rows > ROWS_PER_FILE:
            raise _bad("files.rows")
        out.append(PayloadFile(path, item["table"], rows, _int(item["size"], "files.size"),
                               _str(item["sha256"], "files.sha256", HEX64)))
    paths = [f.path for f in out]
    if paths != sorted(set(paths)):
        raise _bad("files not sorted by path, or a path twice")
    return tuple(out)


# --------------------------------------------------------------------------- the signature


def sign(manifest_bytes: bytes, key_id: str, private: Ed25519PrivateKey) -> bytes:
    """The bytes of ``manifest.sig`` for ``manifest_bytes``."""
    signature = private.sign(MANIFEST_DOMAIN + manifest_bytes)
    return canonical.dumps({"alg": SIGNATURE_ALG, "key": key_id, "sig": signature.hex()})


def signature_key(sig_file: bytes) -> tuple[str, bytes]:
    """The key id and raw signature of a ``manifest.sig`` (``signature.bad`` if malformed)."""
    try:
        value = canonical.loads(sig_file, max_bytes=MAX_SIG_BYTES)
    except canonical.NotCanonical as exc:
        raise Refusal("signature.bad", f"manifest.sig: {exc}") from exc
    if (type(value) is not dict or set(value) != {"alg", "key", "sig"}
            or value["alg"] != SIGNATURE_ALG or type(value["key"]) is not str
            or not KEY_ID.fullmatch(value["key"]) or type(value["sig"]) is not str
            or not re.fullmatch(r"[0-9a-f]{128}", value["sig"])):
        raise Refusal("signature.bad", "manifest.sig: fields")
    return value["key"], bytes.fromhex(value["sig"])


def check_signature(domain: bytes, data: bytes, signature: bytes, sign_public: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, domain + data)
    except (InvalidSignature, ValueError) as exc:
        raise Refusal("signature.bad") from exc
