"""The audit chain (issue 9): ``audit verify`` of N entries against a bare hashlib chain
over the same bytes, in the same run.

1. build: a fresh migrated file gets N entries through ``audit_chain.append`` in chunks
   (the bulk path the demo and the import use): views, edits with a Thai detail, import
   entries. Its rate is reported (informational).
2. samoe: ``audit_chain.verify`` on a new connection (what ``samoe audit verify`` runs):
   streams the table, rebuilds each row's canonical bytes, hashes, checks the links and
   the head.
3. baseline: a bare hashlib chain over the same bytes read from the same file: a bare
   ``sqlite3`` read of the columns (fetchmany) plus ``hashlib.sha256`` chained in a bare
   loop over ``prev\\nbody`` of every row, each hash feeding the next (the canonical bytes
   are made untimed). That is the least work any verifier does, so the ratio is measured
   against it. The last hash must equal the stored head: the proof that both hashed the
   same bytes. The hashing alone is reported too (informational): verify = read + bytes +
   hashing + the checks.

    .venv/bin/python tests/bench/bench_audit.py --entries 1000000 --work /tmp/samoe-bench
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import DEFAULT_WORK, Recorder, peak_rss_mb, raw_connect  # noqa: E402

CHUNK = 20_000
GOAL = 2.0


def build(path: Path, n: int) -> float:
    """N entries through the chain; returns seconds spent appending."""
    from desktop.store import audit_chain, migrate
    from desktop.store.db import Database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database.open(path)
    migrate.upgrade(db, backup=False)
    rng = random.Random(9)
    start = datetime(2026, 1, 5, 8, 0)
    names = ["มานี", "มานะ", "ปิติ", "ชูใจ", "วีระ", "ดวงดี", "สมศรี", "ประเสริฐ"]
    spent = 0.0
    done = 0
    try:
        while done < n:
            take = min(CHUNK, n - done)
            entries = []
            for i in range(done, done + take):
                child = f"01a2{i:08x}-0000-7000-8000-{rng.getrandbits(48):012x}"
                kind = i % 10
                if kind < 6:
                    action, detail = "view", ""
                elif kind < 9:
                    action = "update"
                    detail = json.dumps({"first_name": [rng.choice(names), rng.choice(names)],
                                         "national_id": [None, f"xxxxxxxxx{rng.randrange(10_000):04d}"]},
                                        ensure_ascii=False)
                else:
                    action, detail = "create", json.dumps({"import_batch": child})
                entries.append(audit_chain.Entry(action, "child", child, detail, f"clerk{i % 7}", child,
                                                 start + timedelta(seconds=i * 7, microseconds=i % 999_983)))
            t = time.perf_counter()
            with db.engine.begin() as conn:
                audit_chain.append(conn, entries)
            spent += time.perf_counter() - t
            done += take
    finally:
        db.dispose()
    return spent


def samoe_verify(path: Path) -> tuple[float, object]:
    from desktop.store import audit_chain
    from desktop.store.db import Database

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            t = time.perf_counter()
            problem = audit_chain.verify(conn)
            return time.perf_counter() - t, problem
    finally:
        db.dispose()


def bare(path: Path) -> tuple[float, float, str, str]:
    """(hashing seconds, read seconds, last hash, stored head hash)."""
    from desktop.store.audit_chain import GENESIS, canonical_body

    conn = raw_connect(path)
    cur = conn.execute("SELECT id, at, actor, action, entity, entity_uuid, subject_uuid, detail "
                       "FROM audit_log ORDER BY id")
    cur.arraysize = 50_000
    sha = hashlib.sha256
    prev = GENESIS
    hashing = reading = 0.0
    while True:
        t = time.perf_counter()
        rows = cur.fetchmany()
        reading += time.perf_counter() - t
        if not rows:
            break
        bodies = [b"\n" + canonical_body(*r).encode() for r in rows]  # untimed: the bytes
        t = time.perf_counter()
        for body in bodies:
            prev = sha(prev.encode() + body).hexdigest()
        hashing += time.perf_counter() - t
    head = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    return hashing, reading, prev, head[0] if head else GENESIS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--result", default=None)
    parser.add_argument("--runs", type=int, default=3, help="verify and baseline, alternating; medians")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SAMOE_HOME", str(args.work / "home"))
    record = Recorder(args.result)
    path = args.work / f"audit-{args.entries}.db"
    append_s = build(path, args.entries)
    verifies, bares, hashes = [], [], []
    for _ in range(max(1, args.runs)):
        seconds, problem = samoe_verify(path)
        if problem is not None:
            raise SystemExit(f"the chain did not verify: {problem}")
        verifies.append(seconds)
        hashing, reading, last, head = bare(path)
        if last != head:
            raise SystemExit("the bare chain hashed other bytes than the stored chain")
        bares.append(reading + hashing)
        hashes.append(hashing)
    verify_s, bare_s, hash_s = sorted(verifies)[len(verifies) // 2], sorted(bares)[len(bares) // 2], \
        sorted(hashes)[len(hashes) // 2]
    record(kind="audit_verify", entries=args.entries, verify_s=verify_s, bare_s=bare_s, hash_s=hash_s,
           ratio=verify_s / bare_s if bare_s else None, goal=GOAL, append_s=append_s,
           append_rate=args.entries / append_s if append_s else None, verifies=verifies, bares=bares,
           rss_mb=peak_rss_mb(), db_bytes=path.stat().st_size)
    if args.result:
        print(f"audit verify of {args.entries:,} entries: {verify_s:.2f} s; bare sqlite3 read + hashlib chain "
              f"over the same bytes {bare_s:.2f} s ({verify_s / bare_s:.2f}×, goal ≤ {GOAL:g}×); of which "
              f"hashing {hash_s:.2f} s; append {args.entries / append_s:,.0f} entries/s")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
