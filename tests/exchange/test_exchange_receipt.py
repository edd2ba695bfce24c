"""Receipts: the province's signed high-water mark of a municipality's chain."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from exchange_kit import MUNI, MUNI2, NOW, PROVINCE, STRANGER, T0, DictTrust, small_bundle

from desktop.exchange import canonical
from desktop.exchange.bundle import CLOCK_SKEW, ChainState
from desktop.exchange.identity import OfficeKeys
from desktop.exchange.reasons import Refusal
from desktop.exchange.receipt import RECEIPT_DOMAIN, make_receipt, verify_receipt, write_receipt

MUNI_TRUST = DictTrust().add(PROVINCE.keys)


BUILT = small_bundle()


def _receipt(**over: Any) -> bytes:
    built = BUILT
    fields: dict[str, Any] = dict(issuer=PROVINCE.keys, sign_private=PROVINCE.sign_private,
                                  for_office=MUNI.keys, sequence=1,
                                  manifest_hash=built.manifest_hash, bundle_id=built.manifest.bundle,
                                  issued=T0 + 600)
    fields.update(over)
    return make_receipt(**fields)


def _refused(data: bytes, **over: Any) -> str:
    kw: dict[str, Any] = dict(trust=MUNI_TRUST, me=MUNI.keys, now=NOW)
    kw.update(over)
    with pytest.raises(Refusal) as caught:
        verify_receipt(data, **kw)
    assert caught.value.message
    return caught.value.code


def test_a_receipt_carries_the_high_water_mark(tmp_path: Path) -> None:
    built = BUILT
    data = _receipt()
    receipt = verify_receipt(data, trust=MUNI_TRUST, me=MUNI.keys, now=NOW)
    assert receipt.chain_state == ChainState(1, built.manifest_hash)
    assert (receipt.issuer_office, receipt.for_office, receipt.bundle, receipt.issued) == (
        PROVINCE.keys.office_code, MUNI.keys.office_code, built.manifest.bundle, T0 + 600)
    path = tmp_path / "r.samoe-receipt"
    write_receipt(path, data)
    assert path.read_bytes() == data
    assert verify_receipt(path, trust=MUNI_TRUST, me=MUNI.keys,
                          now=datetime.fromtimestamp(NOW, UTC)) == receipt
    document = canonical.loads(data)  # signed: the domain and the body's canonical bytes
    Ed25519PublicKey.from_public_bytes(PROVINCE.keys.sign_public).verify(
        bytes.fromhex(document["sig"]), RECEIPT_DOMAIN + canonical.dumps(document["body"]))


def test_a_receipt_edited_or_not_canonical() -> None:
    data = _receipt()
    assert _refused(data.replace(b'"sequence":1', b'"sequence":9')) == "signature.bad"
    assert _refused(data + b" ") == "receipt.not_canonical"
    assert _refused(data.replace(b'"sequence":1', b'"sequence":1.0')) == "receipt.not_canonical"
    assert _refused(b"{}") == "receipt.not_canonical"
    assert _refused(small_bundle().data) == "receipt.not_canonical"
    value = canonical.loads(data)
    value["body"]["sequence"] = 0
    assert _refused(canonical.dumps(value)) == "receipt.bad_field"
    value["body"]["format"] = 2
    assert _refused(canonical.dumps(value)) == "format.newer"
    assert _refused(b"x" * 70_000) == "archive.too_large"


def test_a_receipt_from_an_unknown_revoked_or_posing_key() -> None:
    assert _refused(_receipt(), trust=DictTrust().add(MUNI2.keys)) == "key.unknown"
    revoked = DictTrust().add(PROVINCE.keys, revoked_at=datetime.fromtimestamp(T0, UTC))
    assert _refused(_receipt(), trust=revoked) == "key.revoked"
    posing = OfficeKeys(PROVINCE.keys.office_code, "x", STRANGER.keys.sign_public,
                        STRANGER.keys.box_public)
    trust = DictTrust().add(PROVINCE.keys).add(STRANGER.keys)
    assert _refused(_receipt(issuer=posing, sign_private=STRANGER.sign_private), trust=trust) \
        == "key.other_office"


def test_a_receipt_for_another_office_or_from_the_future() -> None:
    assert _refused(_receipt(for_office=MUNI2.keys)) == "recipient.other_office"
    assert _refused(_receipt(issued=NOW + CLOCK_SKEW + 1)) == "time.future"
