"""Out-of-school cases (issue 13): the overdue list over N cases (default 100k; the issue's
goal: under 100 ms), through the services, against a bare baseline in the same run.

1. ``overdue``: what the overdue screen and ``samoe cases overdue`` wait for: the first page
   (``cases_lists.overdue_cases``, 100 rows with the child's name and village) and the count
   (``overdue_count``), against a bare ``sqlite3`` SELECT of the same 100 ids and dates in
   the same order plus a bare count (the script checks the same rows come back).
2. ``deep page``: the page of 100 at offset 50,000 (``samoe cases overdue --page 501``)
   against the same bare SELECT with that OFFSET; and, checked once, every overdue id the
   service pages out (1,000 at a time) equals the domain's rule in Python
   (``case_followup.overdue`` over the same cases already in memory, its time printed).
3. ``list``: the case list's first page with its counts (``list_cases``, overdue first),
   unfiltered (baseline: a bare count and the newest 100 ids) and filtered by village
   (หมู่ 3; baseline: the bare join of the village's cases), informational.
4. ``interval``: ``set_follow_up_days`` (every case's due date again in one UPDATE), timed
   once each way (30 → 14 → 30), informational.

    .venv/bin/python tests/bench/bench_cases.py [--cases 100000] [--runs 7] [--db PATH | --work DIR]

The database (a migrated file with N children in households of 20 villages and one case
each, statuses mixed, about 59% overdue) is built once into ``--db`` (default
``--work``/cases-N.db, /tmp/samoe-bench) and reused (~60 s at 100k). Prints JSON lines: medians in ms, the ratio to
the baseline, the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SAMOE_HOME", "/tmp/samoe-bench/home")
os.environ.setdefault("SAMOE_NO_ENCRYPTION", "1")

from desktop.domain.case_followup import Schedule, overdue  # noqa: E402
from desktop.domain.cases import CaseStatus  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.services.access import Actor, Grant, sign_in  # noqa: E402
from desktop.store.db import Database  # noqa: E402

TODAY = date(2026, 12, 1)
FIRST = ["สมชาย", "สมหญิง", "มาลี", "ภูผา", "ธนา", "กานดา", "อรุณ", "วิภา", "ณัฐ", "ปิยะ", "สุดา", "ชัย"]
LAST = ["ใจดี", "ศรีสุข", "ทองมา", "แก้วใส", "บุญมา", "สายทอง", "ดวงดี", "มีสุข", "พรหมมา", "คำแก้ว"]
ACTOR = Actor(0, "bench", "bench", (Grant(Role.SUPERVISOR), Grant(Role.ADMIN)))
OVERDUE_SQL = ("SELECT id, follow_due_on FROM oos_case WHERE follow_due_on < ? AND deleted_at IS NULL "
               "AND follow_due_on IS NOT NULL ORDER BY follow_due_on, id LIMIT ? OFFSET ?")
COUNT_SQL = ("SELECT count(*) FROM oos_case WHERE follow_due_on < ? AND deleted_at IS NULL "
             "AND follow_due_on IS NOT NULL")


def build(path: Path, n: int, seed: int = 1) -> None:
    """N children (one household each, 20 villages) and one case each in a mixed state;
    follow_due_on set by the service's own UPDATE (set_follow_up_days)."""
    from sqlalchemy import insert, select

    from desktop.services.cases import set_follow_up_days
    from desktop.services.office import init_office
    from desktop.store import migrate
    from desktop.store.case_state import OosCase
    from desktop.store.models import Child, Household, name_sort_key

    rng = random.Random(seed)
    db = Database.open(path)
    migrate.upgrade(db)
    sign_in(db, ACTOR)
    with db.session() as s:
        office = init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
        oid = office.id if hasattr(office, "id") else 1
    statuses = list(CaseStatus)
    weights = [20 if st in (CaseStatus.IN_PLAN, CaseStatus.BACK_IN_SCHOOL, CaseStatus.IN_NFE, CaseStatus.WORKING)
               else 4 for st in statuses]
    with db.engine.begin() as conn:
        conn.execute(insert(Household), [
            {"house_no": str(i % 300 + 1), "village_no": str(i % 20 + 1), "subdistrict": "บ้านใหม่",
             "origin_office_id": oid} for i in range(n)])
        hids = list(conn.scalars(select(Household.id).order_by(Household.id)))
        children = []
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST) + rng.choice(LAST)
            children.append({"prefix": "เด็กชาย", "first_name": first, "last_name": last, "sex": "M",
                             "first_name_key": name_sort_key(first), "last_name_key": name_sort_key(last),
                             "birth_date": date(2008, 1, 1) + timedelta(days=rng.randrange(5000)),
                             "id_type": "none", "household_id": hids[i], "origin_office_id": oid})
        conn.execute(insert(Child), children)
        cids = list(conn.scalars(select(Child.id).order_by(Child.id)))
        cases = []
        for cid in cids:
            status = rng.choices(statuses, weights)[0]
            opened = date(2025, 6, 1) + timedelta(days=rng.randrange(500))
            since = opened + timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.9 else None
            visit = since + timedelta(days=rng.randrange(1, 60)) if since and rng.random() < 0.6 else None
            nxt = visit + timedelta(days=rng.randrange(1, 45)) if visit and rng.random() < 0.3 else None
            cases.append({"child_id": cid, "status": status.value, "status_on": opened, "opened_on": opened,
                          "source": "zero_dropout", "followed_since": since, "last_visit_on": visit,
                          "last_next_on": nxt, "worker": f"worker{rng.randrange(8)}", "origin_office_id": oid})
        conn.execute(insert(OosCase), cases)
    with db.session() as s:
        set_follow_up_days(s, 30)
    db.dispose()


def _median_ms(fn: Any, runs: int) -> tuple[float, Any]:
    fn()  # warm
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def _raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    for pragma in ("PRAGMA journal_mode = WAL", "PRAGMA cache_size = -65536"):
        conn.execute(pragma)
    return conn


def _emit(name: str, samoe_ms: float, base_ms: float, **more: object) -> None:
    print(json.dumps({"figure": name, "samoe_ms": round(samoe_ms, 2), "baseline_ms": round(base_ms, 3),
                      "ratio": round(samoe_ms / base_ms, 1) if base_ms else None,
                      "load": os.getloadavg()[0], **more}, ensure_ascii=False), flush=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--db", type=Path)
    p.add_argument("--work", type=Path, default=Path("/tmp/samoe-bench"), help="where the database is built")
    args = p.parse_args()
    path = args.db or args.work / f"cases-{args.cases}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    Path(os.environ["SAMOE_HOME"]).mkdir(parents=True, exist_ok=True)
    if not path.exists():
        t = time.perf_counter()
        build(path, args.cases)
        print(json.dumps({"built": str(path), "cases": args.cases, "s": round(time.perf_counter() - t, 1)}), flush=True)

    from desktop.services.cases import set_follow_up_days
    from desktop.services.cases_lists import CaseQuery, list_cases, overdue_cases, overdue_count

    db = Database.open(path)
    sign_in(db, ACTOR)
    raw = _raw(path)
    iso = TODAY.isoformat()

    def service_page() -> tuple[list[int], int]:
        with db.reader() as s:
            rows = overdue_cases(s, TODAY, 0, 100)
            return [r.case_id for r in rows], overdue_count(s, TODAY)

    def bare_page() -> tuple[list[int], int]:
        ids = [r[0] for r in raw.execute(OVERDUE_SQL, (iso, 100, 0))]
        return ids, raw.execute(COUNT_SQL, (iso,)).fetchone()[0]

    samoe_ms, (ids, count) = _median_ms(service_page, args.runs)
    base_ms, (bare_ids, bare_count) = _median_ms(bare_page, args.runs)
    assert (ids, count) == (bare_ids, bare_count), "the service's first page is not the bare SELECT's"
    _emit("overdue first page + count", samoe_ms, base_ms, overdue=count, cases=args.cases, goal_ms=100,
          passed=samoe_ms < 100)

    deep = min(50_000, max(0, count - 100))

    def service_deep() -> list[int]:
        with db.reader() as s:
            return [r.case_id for r in overdue_cases(s, TODAY, deep, 100)]

    samoe_ms, deep_ids = _median_ms(service_deep, args.runs)
    base_ms2, bare_deep = _median_ms(lambda: [r[0] for r in raw.execute(OVERDUE_SQL, (iso, 100, deep))], args.runs)
    assert deep_ids == bare_deep
    _emit(f"overdue page at offset {deep:,}", samoe_ms, base_ms2)

    rows = raw.execute("SELECT id, status, followed_since, last_visit_on, last_next_on FROM oos_case "
                       "WHERE deleted_at IS NULL").fetchall()

    def d(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    schedules = [Schedule(f"{i:09d}", CaseStatus(st), d(a), d(b), d(c)) for i, st, a, b, c in rows]
    t = time.perf_counter()
    expected = overdue(schedules, TODAY, 30)
    domain_ms = (time.perf_counter() - t) * 1000
    all_ids: list[int] = []
    t = time.perf_counter()
    with db.reader() as s:
        while True:
            page = overdue_cases(s, TODAY, len(all_ids), 1000)
            all_ids += [r.case_id for r in page]
            if len(page) < 1000:
                break
    walk_ms = (time.perf_counter() - t) * 1000
    assert sorted(all_ids) == sorted(int(o.ref) for o in expected), "the SQL list is not the domain's"
    print(json.dumps({"figure": "every overdue id: SQL == domain", "rows": len(all_ids),
                      "domain_python_ms": round(domain_ms, 1), "service_pages_of_1000_ms": round(walk_ms, 1),
                      "load": os.getloadavg()[0]}), flush=True)

    from desktop.domain.households import village_variants

    marks = ",".join("?" * len(village_variants("3")))
    bare_lists = {
        "list first page + counts": (CaseQuery(), lambda: (
            raw.execute("SELECT count(*) FROM oos_case WHERE deleted_at IS NULL").fetchone(),
            raw.execute("SELECT id FROM oos_case WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 100").fetchall())),
        "list in หมู่ 3": (CaseQuery(village="3"), lambda: raw.execute(
            "SELECT oos_case.id, oos_case.follow_due_on FROM oos_case JOIN child ON child.id = oos_case.child_id "
            f"JOIN household ON household.id = child.household_id WHERE oos_case.deleted_at IS NULL "
            f"AND household.village_no IN ({marks})", village_variants("3")).fetchall()),
    }
    for label, (query, bare) in bare_lists.items():
        def listed(q: CaseQuery = query) -> int:
            with db.reader() as s:
                return list_cases(s, q, today=TODAY, limit=100).total
        ms, total = _median_ms(listed, args.runs)
        bare_ms, _ = _median_ms(bare, args.runs)
        _emit(label, ms, bare_ms, total=total)

    times = []
    for days in (14, 30):
        t = time.perf_counter()
        with db.session() as s:
            changed = set_follow_up_days(s, days)
        times.append((time.perf_counter() - t) * 1000)
        print(json.dumps({"figure": f"set_follow_up_days({days})", "ms": round(times[-1], 1), "changed": changed,
                          "load": os.getloadavg()[0]}), flush=True)
    raw.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
