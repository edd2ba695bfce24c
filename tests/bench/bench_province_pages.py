"""The province's pages at province scale (issue 10): ``municipalities()`` (the page of
municipalities: every bundle record, the live children per office, the open pairs) and
``reconcile_rows()`` on a province database with OFFICES municipalities that sent BUNDLES
bundles each, CHILDREN children spread over them and PAIRS reconcile pairs, against the
raw cost of the same reads in the same run (one SELECT of every bundle record, one
grouped count of the children, one SELECT of the pairs and their children).

    .venv/bin/python tests/bench/bench_province_pages.py --offices 150 --bundles 50 --children 200000

The rows are written straight into the tables (the page only reads them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")


def build(path: Path, offices: int, bundles: int, children: int, pairs: int):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from desktop.domain.roles import Role
    from desktop.services.access import Actor, Grant, sign_in
    from desktop.services.office import init_office
    from desktop.store import migrate
    from desktop.store.db import Database

    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    sign_in(db, Actor(0, "bench", "", tuple(Grant(r) for r in Role)))
    with db.session() as s:
        init_office(s, name="สถจ.ทดสอบ", code="1300000", role="province")
    now = datetime(2026, 11, 30, 9, 0)
    counts = json.dumps({"child": 1000, "household": 400, "guardian": 700, "enrolment": 1000})
    with db.engine.begin() as conn:
        for o in range(offices):
            code = f"63{o:05d}"
            oid = conn.execute(text("INSERT INTO office (uuid, code, name, province, role, is_local, created_at, "
                                    "updated_at) VALUES (:u, :c, :n, '', 'municipality', 0, :t, :t) RETURNING id"),
                               {"u": str(uuid.uuid4()), "c": code, "n": f"เทศบาลตำบลทดสอบที่ {o}", "t": now}).scalar()
            rows = []
            for q in range(1, bundles + 1):
                rows.append({"u": str(uuid.uuid4()), "c": code, "k": "k" * 32, "q": q, "m": "a" * 64,
                             "cr": now - timedelta(days=(o % 60) + bundles - q), "im": now, "n": counts})
            conn.execute(text("INSERT INTO exchange_received (uuid, office_code, key_id, sequence, manifest_hash, "
                              "created_at, imported_at, imported_by, file_name, counts, applied) VALUES "
                              "(:u, :c, :k, :q, :m, :cr, :im, 'bench', '', :n, '{}')"), rows)
            conn.execute(text("INSERT INTO exchange_sender (office_code, office_id, sequence, manifest_hash, "
                              "bundle_uuid, imported_at, restores) VALUES (:c, :o, :q, :m, :u, :im, 0)"),
                         {"c": code, "o": oid, "q": bundles, "m": "a" * 64, "u": rows[-1]["u"], "im": now})
        office_ids = [r[0] for r in conn.execute(text("SELECT id FROM office WHERE is_local = 0 ORDER BY id"))]
        batch = []
        for i in range(children):
            batch.append({"u": str(uuid.uuid4()), "o": office_ids[i % len(office_ids)], "nid": f"1{i:012d}",
                          "t": now, "fn": f"ชื่อ{i}", "ln": f"สกุล{i % 977}"})
            if len(batch) == 10_000 or i == children - 1:
                conn.execute(text("INSERT INTO child (uuid, version, created_at, updated_at, origin_office_id, prefix, "
                                  "first_name, last_name, first_name_en, last_name_en, first_name_key, last_name_key, "
                                  "enrol_institution_key, enrol_level_key, enrol_classroom_key, sex, birth_date, "
                                  "id_type, national_id, no_id_reason, nationality, disability) VALUES "
                                  "(:u, 1, :t, :t, :o, 'ด.ช.', :fn, :ln, '', '', :fn, :ln, '', '', '', 'M', "
                                  "'2020-01-02', 'national_id', :nid, '', 'ไทย', '')"), batch)
                batch = []
        kids = [r[0] for r in conn.execute(text("SELECT uuid FROM child ORDER BY id LIMIT :n"), {"n": 2 * pairs})]
        conn.execute(text("INSERT INTO exchange_reconcile (national_id, child_uuid, office_code, other_child_uuid, "
                          "other_office_code, found_at, bundle_uuid, decision, decided_by, note) VALUES "
                          "(:nid, :a, '6300000', :b, '6300001', :t, '', :d, '', '')"),
                     [{"nid": f"1{i:012d}", "a": kids[2 * i], "b": kids[2 * i + 1], "t": now,
                       "d": "" if i % 3 else "moved"} for i in range(pairs)])
    return db


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=150)
    parser.add_argument("--bundles", type=int, default=50)
    parser.add_argument("--children", type=int, default=200_000)
    parser.add_argument("--pairs", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from sqlalchemy import text

    from desktop.services.province_reconcile import reconcile_rows
    from desktop.services.province_senders import municipalities

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        db = build(Path(tmp) / "p.db", args.offices, args.bundles, args.children, args.pairs)
        print(f"built in {time.perf_counter() - t0:.1f} s: {args.offices} offices × {args.bundles} bundles, "
              f"{args.children:,} children, {args.pairs:,} pairs")

        def page() -> None:
            with db.reader() as s:
                assert len(municipalities(s)) == args.offices

        def raw_page() -> None:
            with db.engine.connect() as c:
                c.execute(text("SELECT * FROM exchange_received")).all()
                c.execute(text("SELECT origin_office_id, count(*) FROM child WHERE deleted_at IS NULL "
                               "GROUP BY origin_office_id")).all()

        def pairs() -> None:
            with db.reader() as s:
                assert len(reconcile_rows(s)) == args.pairs

        def raw_pairs() -> None:
            with db.engine.connect() as c:
                c.execute(text("SELECT r.*, a.first_name, b.first_name FROM exchange_reconcile r "
                               "JOIN child a ON a.uuid = r.child_uuid JOIN child b ON b.uuid = r.other_child_uuid")).all()

        for name, fn, raw in (("municipalities()", page, raw_page), ("reconcile_rows()", pairs, raw_pairs)):
            fn()
            raw()  # warm
            mine, base = timed(fn, args.repeat), timed(raw, args.repeat)
            print(f"{name}: {mine * 1000:.0f} ms, raw {base * 1000:.0f} ms, ratio {mine / base:.1f}×")
        db.dispose()


if __name__ == "__main__":
    main()
