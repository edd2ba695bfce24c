"""The exchange bundle's format layer (desktop/exchange/bundle.py), each against the raw cost
of the same bytes in the same run. No database: synthetic child-like rows (about 25 fields,
Thai names), with households (a third as many) and guardians (as many as children).

The baseline is issue 10's: orjson + zstd + SHA-256 + Ed25519 of the same payload bytes.

- **write**: ``write_bundle`` (canonical rows, zstd, HPKE per file of 10,000 rows, the
  signed manifest, the canonical ZIP, written atomically: temp file, fsync, read back and
  checked, rename) against the raw cost of the same payload: ``orjson.dumps`` (sorted keys)
  per row, joined in files of 10,000 rows, each compressed by zstd at the same level + its
  SHA-256, one Ed25519 signature over the hashes, one plain write with fsync. Goal: within 2×.
- **verify**: ``verify_bundle`` without decryption (read, archive and name checks, the
  canonical layout, signature, strict manifest parse, every check up to the file hashes)
  against the raw hash and signature check: reading the file + SHA-256 of all of it + one
  Ed25519 verify. Goal: within 2×.
- **verify + rows**: ``verify_bundle`` with every payload file decrypted, decompressed and
  every row parsed and checked, against the raw verify + zstd decompression of every file
  + ``orjson.loads`` of every line.

    python tests/bench/bench_exchange_format.py [--rows 100000] [--runs 3] [--work DIR]

Peak memory (tracemalloc) of a write and of a verify that reads every row is printed
last: one payload file's rows at a time, not the whole table. Each figure is the best of ``--runs`` (of ten times as many for the verify without rows,
which takes milliseconds), Samoe's and the raw runs taken in turn. Measured here: see docs/exchange-format.md
("Cost") for the figures at 100k children.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

DEFAULT_WORK = Path("/tmp/samoe-bench")


def _rows(n: int) -> dict[str, list[dict[str, Any]]]:
    first = ["สมชาย", "สมหญิง", "ณัฐวุฒิ", "กนกวรรณ", "ธนากร", "พิมพ์ชนก", "จันทร์เพ็ญ"]
    last = ["ใจดี", "แก้วอินทร์", "จันทร์พิทักษ์", "ศรีสุข", "บุญมา", "ทองคำ"]
    children = [{
        "uuid": f"00000000-0000-4000-8000-{i:012d}", "national_id": f"1{i:012d}",
        "g_code": None, "prefix": "เด็กหญิง" if i % 2 else "เด็กชาย",
        "first_name": first[i % 7], "last_name": last[i % 6] + str(i % 50),
        "nickname": "น้อง" + first[(i + 3) % 7][:2], "birth_date": f"20{10 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "sex": "F" if i % 2 else "M", "nationality": "ไทย", "religion": "พุทธ",
        "household_uuid": f"00000000-0000-4000-9000-{i // 3:012d}",
        "house_no": f"{i % 300}/{i % 7}", "village_no": 1 + i % 12, "village": "บ้านหนองบัว",
        "subdistrict": "ในเมือง", "district": "เมือง", "province": "นครราชสีมา", "postcode": "30000",
        "institution": f"{1030000000 + i % 40}", "level": "ป.3", "disabled": i % 17 == 0,
        "version": 1 + i % 3, "updated_at": 1_796_000_000 + i, "deleted": False,
    } for i in range(n)]
    households = [{"uuid": f"00000000-0000-4000-9000-{i:012d}", "house_no": f"{i % 300}/{i % 7}",
                   "village_no": 1 + i % 12, "members": 3 + i % 4, "income": 30000 + i % 9000,
                   "version": 1, "deleted": i % 50 == 49} for i in range(n // 3)]
    guardians = [{"uuid": f"00000000-0000-4000-a000-{i:012d}",
                  "child_uuid": f"00000000-0000-4000-8000-{i:012d}", "relation": "มารดา",
                  "first_name": first[(i + 1) % 7], "last_name": last[i % 6],
                  "phone": f"08{i % 100000000:08d}", "occupation": "รับจ้างทั่วไป", "version": 1}
                 for i in range(n)]
    return {"children": children, "guardians": guardians, "households": households}


def _best(runs: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t)
    return best, value


def _pair(runs: int, samoe: Callable[[], Any], raw: Callable[[], Any]) -> tuple[float, Any, float, Any]:
    """Best of ``runs`` of each, run in turn (samoe, raw, samoe, ...): on a shared machine
    both sides meet the same moments of load."""
    t_s, t_r, v_s, v_r = float("inf"), float("inf"), None, None
    for _ in range(runs):
        t, v_s = _best(1, samoe)
        t_s = min(t_s, t)
        t, v_r = _best(1, raw)
        t_r = min(t_r, t)
    return t_s, v_s, t_r, v_r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="children (default 100000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)

    from exchange_kit import MUNI, NOW, PROVINCE, T0, province_trust

    from desktop.exchange.bundle import verify_bundle, write_bundle
    from desktop.exchange.payload import LEVEL, ROWS_PER_FILE

    tables = _rows(args.rows)
    total_rows = sum(len(r) for r in tables.values())
    bundle_path = args.work / "bench.samoe"
    raw_path = args.work / "bench.raw"

    def samoe_write() -> Any:
        return write_bundle(bundle_path, sender=MUNI.keys, sign_private=MUNI.sign_private,
                            recipient=PROVINCE.keys, tables=tables, sequence=1, previous=None,
                            created=T0, schema="0010", program="bench")

    frames: list[int] = []  # the raw file's frame sizes, for raw_verify_rows

    def raw_write() -> int:
        parts, hashes = [], []
        cctx = zstandard.ZstdCompressor(level=LEVEL, write_content_size=True,
                                        write_checksum=False, write_dict_id=False)
        for table in sorted(tables):
            rows = tables[table]
            for start in range(0, len(rows), ROWS_PER_FILE):
                body = bytearray()  # not a list of orjson's bytes: each holds about 8 KB
                for r in rows[start:start + ROWS_PER_FILE]:
                    body += orjson.dumps(r, option=orjson.OPT_SORT_KEYS)
                    body += b"\n"
                packed = cctx.compress(body)
                parts.append(packed)
                hashes.append(hashlib.sha256(packed).digest())
        signature = MUNI.sign_private.sign(b"".join(hashes))
        with open(raw_path, "wb") as out:
            for p in parts:
                out.write(p)
            out.write(signature)
            out.flush()
            os.fsync(out.fileno())
        frames[:] = [len(p) for p in parts]
        return sum(len(p) for p in parts)

    # a first untimed pass of each warms the caches and imports
    raw_write()
    built = samoe_write()
    t_samoe_w, built, t_raw_w, raw_size = _pair(args.runs, samoe_write, raw_write)

    kwargs: dict[str, Any] = dict(trust=province_trust(), me=PROVINCE.keys,
                                  box_private=PROVINCE.box_private, chain=None, now=NOW)
    public = MUNI.sign_private.public_key()
    signature = MUNI.sign_private.sign(hashlib.sha256(bundle_path.read_bytes()).digest())

    def raw_verify() -> str:  # the whole file hashed, one signature checked
        digest = hashlib.sha256(bundle_path.read_bytes()).digest()
        public.verify(signature, digest)
        return digest.hex()

    def raw_verify_rows() -> int:
        raw_verify()
        count = 0
        with open(raw_path, "rb") as f:
            data = f.read()
        dctx = zstandard.ZstdDecompressor()
        pos = 0
        for size in frames:
            body = dctx.decompress(data[pos:pos + size])
            pos += size
            for line in body.split(b"\n")[:-1]:
                orjson.loads(line)
                count += 1
        return count

    def samoe_verify() -> Any:
        return verify_bundle(bundle_path, read_rows=False, **kwargs)

    def samoe_verify_rows() -> Any:
        return verify_bundle(bundle_path, **kwargs)

    samoe_verify_rows()
    quick = max(10, 10 * args.runs)  # milliseconds each: more runs, less noise from the load
    t_samoe_v, _, t_raw_v, _ = _pair(quick, samoe_verify, raw_verify)
    t_samoe_vr, verified, t_raw_vr, counted = _pair(args.runs, samoe_verify_rows, raw_verify_rows)
    assert counted == total_rows, (counted, total_rows)
    assert sum(verified.manifest.counts.values()) == total_rows

    load = os.getloadavg()
    size = bundle_path.stat().st_size
    print(f"rows: {args.rows:,} children, {total_rows:,} rows in all; bundle {size / 1e6:.1f} MB "
          f"({len(built.manifest.files)} payload files), raw {raw_size / 1e6:.1f} MB; "
          f"best of {args.runs}; load {load[0]:.2f}")
    lines = [("write", t_samoe_w, t_raw_w), ("verify", t_samoe_v, t_raw_v),
             ("verify + rows", t_samoe_vr, t_raw_vr)]
    for name, samoe, raw in lines:
        print(f"{name:14s} samoe {samoe * 1000:9.1f} ms   raw {raw * 1000:9.1f} ms   "
              f"{samoe / raw:5.2f}x")
    print(f"peak memory (tracemalloc, beyond the input rows): write {_peak(samoe_write):.1f} MB, "
          f"verify + every row read {_peak(lambda: sum(1 for _ in samoe_verify_rows().rows())):.1f} MB")
    return 0


def _peak(fn: Callable[[], Any]) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


if __name__ == "__main__":
    sys.exit(main())
