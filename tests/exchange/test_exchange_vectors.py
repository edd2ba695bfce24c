"""The committed test vectors (tests/exchange/vectors/v*/, written once per format version by
make_vectors.py): this program reads every format version ever released, and yields the
rows each vector holds. A change to the code that breaks an old vector fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.exchange import archive, canonical
from desktop.exchange.bundle import ChainState, verify_bundle
from desktop.exchange.identity import OfficeKeys, TrustedKey
from desktop.exchange.manifest import FORMAT_VERSION, sign
from desktop.exchange.receipt import verify_receipt

VECTORS = Path(__file__).resolve().parent / "vectors"
VERSIONS = sorted(VECTORS.glob("v*"), key=lambda p: int(p.name[1:]))


class _Trust:
    def __init__(self, *keys: OfficeKeys) -> None:
        from datetime import UTC, datetime

        self.keys = {k.key_id: TrustedKey(k, datetime(2026, 1, 1, tzinfo=UTC)) for k in keys}

    def find(self, key_id: str) -> TrustedKey | None:
        return self.keys.get(key_id)


def _office(entry: dict[str, str]) -> tuple[OfficeKeys, Ed25519PrivateKey, X25519PrivateKey]:
    sign_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(entry["sign_private"]))
    box_key = X25519PrivateKey.from_private_bytes(bytes.fromhex(entry["box_private"]))
    raw = (Encoding.Raw, PublicFormat.Raw)
    keys = OfficeKeys(entry["office_code"], entry["office_name"],
                      sign_key.public_key().public_bytes(*raw), box_key.public_key().public_bytes(*raw))
    assert keys.key_id == entry["key_id"]
    return keys, sign_key, box_key


def _load(folder: Path) -> dict[str, Any]:
    keys = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
    expected = canonical.loads((folder / "expected.json").read_bytes().rstrip(b"\n"))
    return {"keys": keys, "expected": expected}


def test_there_are_vectors_up_to_this_format_version() -> None:
    assert [int(p.name[1:]) for p in VERSIONS] == list(range(1, FORMAT_VERSION + 1))


@pytest.mark.parametrize("folder", VERSIONS, ids=lambda p: p.name)
def test_the_vector_bundle_verifies_and_yields_its_rows(folder: Path) -> None:
    loaded = _load(folder)
    expected = loaded["expected"]
    sender, _sign, _box = _office(loaded["keys"]["sender"])
    me, _psign, my_box = _office(loaded["keys"]["recipient"])
    verified = verify_bundle(folder / "bundle.samoe", trust=_Trust(sender), me=me,
                             box_private=my_box, chain=None, now=expected["now"])
    assert verified.manifest_hash == expected["manifest_hash"]
    assert verified.manifest.counts == expected["counts"]
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, row in verified.rows():
        rows.setdefault(table, []).append(row)
    assert rows == expected["rows"]
    # and it stays one chain: the next verify of the same bundle is a duplicate
    from desktop.exchange.reasons import Refusal
    with pytest.raises(Refusal, match="chain.duplicate"):
        verify_bundle(folder / "bundle.samoe", trust=_Trust(sender), me=me, box_private=my_box,
                      chain=ChainState(1, expected["manifest_hash"]), now=expected["now"])


@pytest.mark.parametrize("folder", VERSIONS, ids=lambda p: p.name)
def test_the_vector_is_canonical_and_its_signature_deterministic(folder: Path) -> None:
    """Rebuilding the archive from its members, and signing its manifest again (Ed25519 is
    deterministic), gives the committed bytes exactly."""
    loaded = _load(folder)
    sender, sign_key, _box = _office(loaded["keys"]["sender"])
    data = (folder / "bundle.samoe").read_bytes()
    members = archive.read(data)
    assert archive.build([(m.name, m.data) for m in members]) == data
    assert sign(members[0].data, sender.key_id, sign_key) == members[1].data


@pytest.mark.parametrize("folder", VERSIONS, ids=lambda p: p.name)
def test_the_vector_receipt_verifies(folder: Path) -> None:
    loaded = _load(folder)
    expected = loaded["expected"]
    sender, _s, _b = _office(loaded["keys"]["sender"])
    province, _ps, _pb = _office(loaded["keys"]["recipient"])
    receipt = verify_receipt(folder / "receipt.samoe-receipt", trust=_Trust(province), me=sender,
                             now=expected["now"])
    assert receipt.chain_state == ChainState(expected["receipt"]["sequence"], expected["manifest_hash"])
    assert receipt.issued == expected["receipt"]["issued"]
