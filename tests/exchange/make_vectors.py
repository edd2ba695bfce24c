"""Write the exchange format's test vectors for the current format version:

    .venv/bin/python tests/exchange/make_vectors.py

into ``tests/exchange/vectors/v<FORMAT_VERSION>/`` (it refuses to overwrite a version that
exists: the vectors of a released version never change; a newer program must still read
them, tests/exchange/test_exchange_vectors.py). Each folder holds:

- ``keys.json``: the test-only keys (raw private keys in hex, from fixed seeds) and offices;
- ``bundle.samoe``: a small bundle from the municipality to the province (fixed bundle id,
  fixed time; HPKE's encryption is randomised, so the bytes are committed, not rebuilt);
- ``receipt.samoe-receipt``: the province's receipt for it;
- ``expected.json``: the time to verify at, the manifest hash and every row expected.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat  # noqa: E402
from exchange_kit import BUNDLE_ID, MUNI, NOW, PROVINCE, T0, Office, small_bundle, small_tables  # noqa: E402

from desktop.exchange import canonical  # noqa: E402
from desktop.exchange.manifest import FORMAT_VERSION  # noqa: E402
from desktop.exchange.receipt import make_receipt  # noqa: E402


def _private(office: Office) -> dict[str, str]:
    raw = (Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return {"office_code": office.keys.office_code, "office_name": office.keys.office_name,
            "sign_private": office.sign_private.private_bytes(*raw).hex(),
            "box_private": office.box_private.private_bytes(*raw).hex(),
            "key_id": office.keys.key_id}


def main() -> int:
    folder = HERE / "vectors" / f"v{FORMAT_VERSION}"
    if folder.exists() and "--force" not in sys.argv:
        print(f"{folder} exists: vectors of a released format never change", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    built = small_bundle()
    assert built.manifest.bundle == BUNDLE_ID
    receipt = make_receipt(issuer=PROVINCE.keys, sign_private=PROVINCE.sign_private,
                           for_office=MUNI.keys, sequence=built.manifest.sequence,
                           manifest_hash=built.manifest_hash, bundle_id=BUNDLE_ID, issued=T0 + 600)
    (folder / "bundle.samoe").write_bytes(built.data)
    (folder / "receipt.samoe-receipt").write_bytes(receipt)
    keys = {"sender": _private(MUNI), "recipient": _private(PROVINCE),
            "note": "test-only keys from fixed seeds: never trust them"}
    (folder / "keys.json").write_text(json.dumps(keys, indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    tables = {t: rows for t, rows in small_tables().items() if rows}
    expected = {"format": FORMAT_VERSION, "now": NOW, "manifest_hash": built.manifest_hash,
                "counts": built.manifest.counts, "rows": tables,
                "receipt": {"sequence": 1, "issued": T0 + 600}}
    (folder / "expected.json").write_bytes(canonical.dumps(expected) + b"\n")
    print(f"wrote {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
