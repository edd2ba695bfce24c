"""Signed rule packs: the province's signature over a screening rule pack; every byte
changed, a key unknown, revoked or posing, a future time, a newer format: refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from exchange_kit import MUNI2, NOW, PROVINCE, STRANGER, T0, DictTrust

from desktop.domain.rulepack import parse_pack
from desktop.exchange import canonical
from desktop.exchange.bundle import CLOCK_SKEW
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.reasons import Refusal
from desktop.exchange.rulepack_file import sign_pack, verify_signed_pack
from desktop.paths import resource_path

TRUST = DictTrust().add(PROVINCE.keys)
PACK: dict[str, Any] = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())


def _signed(**over: Any) -> bytes:
    kw: dict[str, Any] = dict(issuer=PROVINCE.keys, sign_private=PROVINCE.sign_private, issued=T0 + 60)
    kw.update(over)
    return sign_pack(PACK, **kw)


def _refused(data: bytes, **over: Any) -> str:
    kw: dict[str, Any] = dict(trust=TRUST, now=NOW)
    kw.update(over)
    with pytest.raises(Refusal) as caught:
        verify_signed_pack(data, **kw)
    assert caught.value.message
    return caught.value.code


def test_a_signed_pack_carries_the_pack() -> None:
    got = verify_signed_pack(_signed(), trust=TRUST, now=NOW)
    assert got.pack == PACK and got.issued == T0 + 60
    assert (got.issuer_office, got.issuer_key) == (PROVINCE.keys.office_code, PROVINCE.keys.key_id)
    assert parse_pack(got.pack).label == "samoe-illustrative v1"
    assert verify_signed_pack(_signed(), trust=TRUST, now=datetime.fromtimestamp(NOW, UTC)) == got


def test_every_byte_changed_is_refused() -> None:
    data = _signed()
    codes = set()
    for i in range(len(data)):
        flipped = bytearray(data)
        flipped[i] ^= 0x01
        codes.add(_refused(bytes(flipped)))
    assert codes <= {"rulepack.not_canonical", "rulepack.bad_field", "signature.bad", "key.unknown",
                     "key.other_office", "format.newer", "time.future"}
    assert "signature.bad" in codes


def test_a_pack_edited_or_not_canonical() -> None:
    data = _signed()
    assert _refused(data.replace(b'"income_threshold":3000', b'"income_threshold":9000')) == "signature.bad"
    assert _refused(data + b"\n") == "rulepack.not_canonical"
    assert _refused(b"[]") == "rulepack.not_canonical"
    value = canonical.loads(data)
    value["body"]["issued"] = -1
    assert _refused(canonical.dumps(value)) == "rulepack.bad_field"
    value["body"]["format"] = 2
    assert _refused(canonical.dumps(value)) == "format.newer"
    assert _refused(b"x" * 300_000) == "archive.too_large"


def test_a_pack_from_an_unknown_revoked_or_posing_key_or_the_future() -> None:
    assert _refused(_signed(), trust=DictTrust().add(MUNI2.keys)) == "key.unknown"
    revoked = DictTrust().add(PROVINCE.keys, revoked_at=datetime.fromtimestamp(T0, UTC))
    assert _refused(_signed(), trust=revoked) == "key.revoked"
    posing = OfficeKeys(PROVINCE.keys.office_code, "x", STRANGER.keys.sign_public, STRANGER.keys.box_public)
    trust = DictTrust().add(PROVINCE.keys).add(STRANGER.keys)
    assert _refused(_signed(issuer=posing, sign_private=STRANGER.sign_private), trust=trust) == "key.other_office"
    assert _refused(_signed(issued=NOW + CLOCK_SKEW + 1)) == "time.future"
