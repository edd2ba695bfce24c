"""The exchange's services against the raw cost of the same rows in the same run (issue 10):

1. **export** (services/exchange_export.export_bundle: read the pending rows, build,
   write atomically, stamp, record) of a municipality with N demo children, against
   **raw**: the same wire rows already in memory through exchange/bundle.build_bundle and
   an fsynced write (the format's own cost, no database: canonical rows, zstd, HPKE
   encryption, manifest, signature, archive), and against **bare**: the issue's own
   baseline, orjson + zstd (level 3) + SHA-256 + Ed25519 of the same rows' bytes and an
   fsynced write (no encryption, no manifest: the lower of the two);
2. **import** at the province (services/exchange_import.import_file: verify, decrypt,
   merge by uuid, derived keys, the record, one transaction) against **raw**: one
   ``executemany`` of the same rows' values into the province's empty tables and a COMMIT.

    .venv/bin/python tests/bench/bench_exchange_service.py --children 20000

Prints seconds, rows/s and the ratios (goals: export ≤ 2×, import ≤ 3×).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "exchange"))
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

PW = "samoe-test-password"  # tests/actors.TEST_PASSWORD: the kit's administrator


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=20_000)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=3, help="export rounds, interleaved with the raw (medians)")
    ap.add_argument("--export-only", action="store_true", help="time the export only, not the import")
    args = ap.parse_args()

    from actors import EVERY_ROLE
    from argon2 import PasswordHasher

    from desktop.services import access
    from desktop.store import cipher
    from desktop.store.db import Database

    original = Database.__post_init__

    def post_init(self: Database) -> None:  # as tests/conftest.py: set-up works as every role
        original(self)
        if self.actor is None:
            self.set_actor(EVERY_ROLE)

    Database.__post_init__ = post_init  # type: ignore[method-assign]
    access.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

    cipher.ARGON2_TIME_COST, cipher.ARGON2_MEMORY_KIB = 1, 1024  # the keys' wraps: not what is timed
    from office_kit import PROVINCE, TOWN_A, make_site, trust_each_other
    from sqlalchemy import text

    from desktop.exchange.bundle import build_bundle
    from desktop.services.exchange_export import _Collector, _Scope, export_bundle
    from desktop.services.exchange_import import import_file
    from desktop.services.exchange_keys import office_private_keys
    from desktop.services.exchange_outbox import province_keys
    from desktop.services.exchange_wire import SYNCED, column_values

    work = Path(args.work or tempfile.mkdtemp(prefix="samoe-bench-exchange-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    town = make_site(work / "town.db", *TOWN_A, "municipality", children=args.children, seed=7)
    province = make_site(work / "province.db", *PROVINCE, "province")
    trust_each_other(province, town)
    print(f"set-up {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    # raw export: the same wire rows in memory, then the format's build and an fsynced write
    with town.db.session() as s:
        from desktop.domain.roles import Action

        private = office_private_keys(s, Action.EXPORT_APPROVE, password=PW)
        recipient = province_keys(s)
        office_id = s.scalar(text("SELECT id FROM office WHERE is_local"))
        collector = _Collector()
        scope = _Scope(office_id, 0, True, None)
        rows = {t.wire: list(collector.table_rows(s, t, scope)) for t in SYNCED}
        s.rollback()
    total = sum(len(r) for r in rows.values())
    import gc

    gc.collect()
    gc.freeze()  # the rows held for the baselines are not traversed by every collection (the export holds none)
    def raw_write() -> tuple[float, float]:
        started, cpu = time.perf_counter(), time.process_time()
        built = build_bundle(sender=private.keys, sign_private=private.signing, recipient=recipient, tables=rows,
                             sequence=1, previous=None, created=int(time.time()), schema="0012", program="bench")
        with open(work / "raw.samoe", "wb") as f:
            f.write(built.data)
            f.flush()
            os.fsync(f.fileno())
        return time.perf_counter() - started, time.process_time() - cpu

    def bare_write() -> tuple[float, float]:  # issue 10's baseline: orjson + zstd + SHA-256 + Ed25519 of the payload
        import hashlib

        import orjson
        import zstandard

        started, cpu = time.perf_counter(), time.process_time()
        packed = []
        for t in SYNCED:
            payload = b"\n".join(map(orjson.dumps, rows[t.wire]))
            data = zstandard.ZstdCompressor(level=3).compress(payload)
            digest = hashlib.sha256(data).digest()
            packed.append(data + private.signing.sign(digest))
        with open(work / "bare.bin", "wb") as f:
            f.write(b"".join(packed))
            f.flush()
            os.fsync(f.fileno())
        return time.perf_counter() - started, time.process_time() - cpu

    def export(out: Path) -> tuple[tuple[float, float], Any]:
        started, cpu = time.perf_counter(), time.process_time()
        with town.db.session() as s:
            result = export_bundle(s, out, password=PW, full=True)
        return (time.perf_counter() - started, time.process_time() - cpu), result

    out = work / "1.samoe"
    raws, bares, exports = [raw_write()], [bare_write()], []
    took, result = export(out)  # the first bundle: every row pending, stamped (what the import reads)
    exports.append(took)
    for n in range(2, args.rounds + 1):  # again, whole (full): the same rows read, built, written
        raws.append(raw_write())
        bares.append(bare_write())
        exports.append(export(work / f"{n}.samoe")[0])
    raw_export, export_s = statistics.median(w for w, _c in raws), statistics.median(w for w, _c in exports)
    bare_export = statistics.median(w for w, _c in bares)
    raw_cpu, export_cpu = statistics.median(c for _w, c in raws), statistics.median(c for _w, c in exports)
    bare_cpu = statistics.median(c for _w, c in bares)
    pairs = [e[0] / b[0] for e, b in zip(exports, bares, strict=True)]  # each round's export against its own bare
    load = os.getloadavg()[0]
    print(f"children {args.children:,}, rows {total:,}, bundle {result.size / 1e6:.1f} MB, load {load:.1f}")
    print(f"export (median of {args.rounds})  {export_s:6.2f} s  {total / export_s:9,.0f} rows/s   raw build+write {raw_export:6.2f} s"
          f"   ratio {export_s / raw_export:.2f}x (goal <= 2x)")
    print(f"  against the bare orjson+zstd+SHA-256+Ed25519 {bare_export:6.2f} s   ratio {export_s / bare_export:.2f}x"
          f"   (each round: {', '.join(f'{r:.2f}x' for r in pairs)})")
    print(f"  CPU time: export {export_cpu:.2f} s, raw {raw_cpu:.2f} s ({export_cpu / raw_cpu:.2f}x), "
          f"bare {bare_cpu:.2f} s ({export_cpu / bare_cpu:.2f}x)")
    if not args.export_only:
        # raw import: the rows' values into a copy of the province's empty tables, one executemany each
        from desktop.store import migrate

        raw_db = Database.open(work / "raw-province.db")  # the same schema, empty
        migrate.upgrade(raw_db, backup=False)
        values: dict[str, list[dict[str, Any]]] = {}
        for t in SYNCED:
            listed = []
            for i, row in enumerate(rows[t.wire], 1):
                v = column_values(t, row)
                v["id"] = i
                v["origin_office_id"] = 1
                first = max(1, len(values.get(t.refs[0][2].name, []))) if t.refs else 1
                for k, (_w, column, _target) in enumerate(t.refs):  # rows written before it, pairs unique
                    v[column] = ((i - 1) % first) + 1 if k == 0 else ((i - 1) // first) + 1 if k == 1 else 1
                listed.append(v)
            values[t.name] = listed
        started = time.perf_counter()
        with raw_db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO academic_year (id, year_be, start_date, end_date) "
                                 "VALUES (1, 2569, '2026-05-16', '2027-05-15')")
            conn.exec_driver_sql("INSERT INTO office (id, uuid, code, name, province, role, is_local, created_at, "
                                 "updated_at) VALUES (1, 'o1', '6300101', 'x', '', 'municipality', 0, "
                                 "'2026-11-01 08:00:00', '2026-11-01 08:00:00')")
            for t in SYNCED:
                if values[t.name]:
                    conn.execute(t.table.insert(), values[t.name])
        raw_import = time.perf_counter() - started
        raw_db.dispose()

        started = time.perf_counter()
        with province.db.session() as s:
            imported = import_file(s, out, password=PW)
        import_s = time.perf_counter() - started
        assert not imported.already
        print(f"import  {import_s:6.2f} s  {total / import_s:9,.0f} rows/s   raw executemany {raw_import:6.2f} s"
              f"   ratio {import_s / raw_import:.2f}x (goal <= 3x), load {os.getloadavg()[0]:.1f}")
    town.db.dispose()
    province.db.dispose()
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
