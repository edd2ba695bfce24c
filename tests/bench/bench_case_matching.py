"""Out-of-school cases (issue 13), the domain's part of two benchmarks the issue names:

1. matching a 50k-row list against a 100k-child registry in memory
   (``desktop.domain.case_matching.match_list``), against a bare baseline in the same run:
   a dict of the registry by national ID and a lookup of each row's ID (the least any
   matcher must do). The service adds reading the file and the registry's rows; the
   issue's goal (the whole import within 3x of a bare calamine read) is measured there.
2. the overdue list over 100k cases (``case_followup.overdue``) in Python; the service is
   to do it in SQL (goal < 100 ms), this says what the rule costs without a database.

    .venv/bin/python tests/bench/bench_case_matching.py [--registry 100000] [--rows 50000] [--runs 3]

Prints JSON lines with medians, the ratio and the load average. The list is made so that
about 60% of rows match by ID, 15% by name and birth date, 5% are ambiguous, 20% new.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.case_followup import Schedule, overdue  # noqa: E402
from desktop.domain.case_matching import ListRow, MatchKind, RegistryChild, counts, match_list  # noqa: E402
from desktop.domain.cases import CaseStatus  # noqa: E402
from desktop.domain.identity import make_national_id  # noqa: E402

FIRST = ["สมชาย", "สมหญิง", "มาลี", "ภูผา", "ธนา", "กานดา", "อรุณ", "วิภา", "ณัฐ", "ปิยะ", "สุดา", "ชัย"]
LAST = ["ใจดี", "ศรีสุข", "ทองมา", "แก้วใส", "บุญมา", "สายทอง", "ดวงดี", "มีสุข", "พรหมมา", "คำแก้ว"]


def registry(n: int, rng: random.Random) -> list[RegistryChild]:
    start = date(2008, 1, 1)
    out = []
    for i in range(n):
        nid = make_national_id(f"1{i:011d}") if rng.random() < 0.8 else ""
        out.append(RegistryChild(f"c{i}", rng.choice(FIRST) + rng.choice(FIRST), rng.choice(LAST) + rng.choice(LAST),
                                 start + timedelta(days=rng.randrange(6000)), nid))
    return out


def rows(reg: list[RegistryChild], n: int, rng: random.Random) -> list[ListRow]:
    out = []
    with_id = [c for c in reg if c.national_id]
    for r in range(n):
        roll = rng.random()
        if roll < 0.60:
            c = rng.choice(with_id)
            out.append(ListRow(r + 2, c.first_name, c.last_name, c.birth_date, c.national_id))
        elif roll < 0.80:
            c = rng.choice(reg)
            last = c.last_name + ("า" if roll < 0.65 else "")  # a few similar, not the same: ambiguous
            out.append(ListRow(r + 2, c.first_name, last, c.birth_date))
        else:
            out.append(ListRow(r + 2, "ใหม่" + rng.choice(FIRST), rng.choice(LAST), date(2009, 1, 1)
                               + timedelta(days=rng.randrange(5000)), make_national_id(f"2{r:011d}")))
    return out


def baseline(reg: list[RegistryChild], list_rows: list[ListRow]) -> int:
    by_id = {c.national_id: c.ref for c in reg if c.national_id}
    return sum(1 for r in list_rows if r.national_id in by_id)


def median_time(fn, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--registry", type=int, default=100_000)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    rng = random.Random(13)
    reg = registry(a.registry, rng)
    lst = rows(reg, a.rows, rng)
    base_s, _hits = median_time(lambda: baseline(reg, lst), a.runs)
    match_s, results = median_time(lambda: match_list(lst, reg), a.runs)
    tally = counts(results)  # type: ignore[arg-type]
    print(json.dumps({"bench": "case_matching", "registry": a.registry, "rows": a.rows,
                      "match_s": round(match_s, 3), "baseline_s": round(base_s, 4),
                      "ratio": round(match_s / base_s, 1), "per_row_us": round(match_s / a.rows * 1e6, 1),
                      "matched": tally[MatchKind.MATCHED], "new": tally[MatchKind.NEW],
                      "ambiguous": tally[MatchKind.AMBIGUOUS], "load": os.getloadavg()[0]}))
    today = date(2026, 12, 1)
    statuses = list(CaseStatus)
    schedules = [Schedule(f"k{i}", rng.choice(statuses), today - timedelta(days=rng.randrange(400)),
                          today - timedelta(days=rng.randrange(60)) if rng.random() < 0.7 else None)
                 for i in range(a.cases)]
    over_s, late = median_time(lambda: overdue(schedules, today), a.runs)
    print(json.dumps({"bench": "case_overdue_python", "cases": a.cases, "overdue_ms": round(over_s * 1000, 1),
                      "overdue": len(late), "load": os.getloadavg()[0]}))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
