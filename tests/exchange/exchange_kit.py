"""Fixed keys, offices, a trust list and a small bundle for the exchange format's tests, the
committed vectors (make_vectors.py) and the benchmark. Keys come from fixed seeds: never
use them for anything but tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.exchange.bundle import BuiltBundle, build_bundle
from desktop.exchange.identity import OfficeKeys, TrustedKey

T0 = 1_796_000_000  # 2026-11-28 ~ 21:33 UTC: the vectors' "created"
NOW = T0 + 3600
BUNDLE_ID = "5a1d0e5e-0000-4000-8000-000000000001"
SCHEMA = "0010"
PROGRAM = "0.1.0"


def _seed(label: str) -> bytes:
    return hashlib.sha256(b"samoe-test-only/" + label.encode()).digest()


@dataclass(frozen=True)
class Office:
    keys: OfficeKeys
    sign_private: Ed25519PrivateKey
    box_private: X25519PrivateKey


def office(code: str, name: str, label: str | None = None) -> Office:
    label = label or code
    sign = Ed25519PrivateKey.from_private_bytes(_seed(f"{label}/sign"))
    box = X25519PrivateKey.from_private_bytes(_seed(f"{label}/box"))
    raw = (Encoding.Raw, PublicFormat.Raw)
    keys = OfficeKeys(code, name, sign.public_key().public_bytes(*raw),
                      box.public_key().public_bytes(*raw))
    return Office(keys, sign, box)


MUNI = office("6430101", "เทศบาลตำบลตัวอย่าง")
MUNI2 = office("6430202", "องค์การบริหารส่วนตำบลทดลอง")
PROVINCE = office("6400000", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดตัวอย่าง")
STRANGER = office("6430101", "เทศบาลตำบลตัวอย่าง", label="stranger")  # same code, other key


@dataclass
class DictTrust:
    """A TrustList in memory."""

    keys: dict[str, TrustedKey] = field(default_factory=dict)

    def add(self, office_keys: OfficeKeys, revoked_at: datetime | None = None) -> DictTrust:
        self.keys[office_keys.key_id] = TrustedKey(
            office_keys, datetime(2026, 1, 1, tzinfo=UTC), revoked_at)
        return self

    def find(self, key_id: str) -> TrustedKey | None:
        return self.keys.get(key_id)


def province_trust() -> DictTrust:
    return DictTrust().add(MUNI.keys).add(MUNI2.keys)


def children(n: int, start: int = 0) -> list[dict[str, Any]]:
    out = []
    for i in range(start, start + n):
        out.append({
            "uuid": f"00000000-0000-4000-8000-{i:012d}",
            "national_id": f"1{i:012d}",
            "first_name": "เด็กหญิงสมใจ" if i % 2 else "เด็กชายสมชาย",
            "last_name": f"ใจดี{i % 97}",
            "birth_date": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "sex": "F" if i % 2 else "M",
            "household_uuid": f"00000000-0000-4000-9000-{i // 3:012d}",
            "school": None if i % 5 == 0 else "โรงเรียนบ้านตัวอย่าง",
            "disabled": i % 17 == 0,
            "version": 1 + i % 3,
            "note": "ย้ายมาจาก \"ตำบลอื่น\"\nบรรทัดที่สอง" if i % 11 == 0 else "",
        })
    return out


def households(n: int) -> list[dict[str, Any]]:
    return [{"uuid": f"00000000-0000-4000-9000-{i:012d}", "house_no": f"{i % 300}/{i % 7}",
             "village": 1 + i % 12, "deleted": i % 50 == 49} for i in range(n)]


def small_tables() -> dict[str, list[dict[str, Any]]]:
    return {"children": children(25), "households": households(9), "guardians": []}


def small_bundle(**over: Any) -> BuiltBundle:
    fields: dict[str, Any] = dict(
        sender=MUNI.keys, sign_private=MUNI.sign_private, recipient=PROVINCE.keys,
        tables=small_tables(), sequence=1, previous=None, created=T0, schema=SCHEMA,
        program=PROGRAM, audit_head={"id": 42, "hash": "ab" * 32}, restored=None,
        bundle_id=BUNDLE_ID, rows_per_file=10)
    fields.update(over)
    return build_bundle(**fields)


def verify_kwargs(**over: Any) -> dict[str, Any]:
    kw: dict[str, Any] = dict(trust=province_trust(), me=PROVINCE.keys,
                              box_private=PROVINCE.box_private, chain=None, now=NOW)
    kw.update(over)
    return kw



def members_of(data: bytes) -> list[tuple[str, bytes]]:
    from desktop.exchange import archive

    return [(m.name, m.data) for m in archive.read(data)]


def rezip(data: bytes, edit: Any = None, *, manifest: bytes | None = None,
          resign: Office | None = None) -> bytes:
    """``data``'s members, edited (``edit(list) -> list``), with ``manifest`` in place of
    manifest.json, and signed again by ``resign`` (what only the sender's key can do)."""
    from desktop.exchange import archive
    from desktop.exchange.manifest import sign

    members = members_of(data)
    if manifest is not None:
        members[0] = ("manifest.json", manifest)
    if resign is not None:
        members[1] = ("manifest.sig", sign(members[0][1], resign.keys.key_id, resign.sign_private))
    if edit is not None:
        members = edit(members)
    return archive.build(members)


def manifest_value(data: bytes) -> dict[str, Any]:
    from desktop.exchange import canonical

    value: dict[str, Any] = canonical.loads(members_of(data)[0][1])
    return value
