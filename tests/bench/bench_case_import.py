"""Importing a list of out-of-school children into cases (issue 13): a 50k-row list matched
against a 100k-child registry, the whole import (read the file, plan: row checks, the
registry's candidates in bulk and ``match_list``, commit: new children and a case a row in
one transaction, after the verified backup of the registry, begun on its own thread when the
plan began, as the command and the window do) against a bare calamine read of the same file in the same run. Goal:
within 3x.

The registry is ``fill_demo``'s (made once, kept in the work folder, copied for each round:
the copy is not timed). The list is made from it: about 65% of the rows carry a registry
child's national ID, 10% a registry child's name and birth date without an ID, 20% are new
children (new IDs, with an address), 5% a registry child's ID with the surname misspelt.

    .venv/bin/python tests/bench/bench_case_import.py [--registry 100000] [--rows 50000] [--rounds 3]

Prints each round, the medians and the load average (``uptime``) with every figure, and the
floor of any import that writes what this one writes (``write_floor.py``: the rows it added,
written again into a fresh copy of the registry by SQLite alone), plus ``read_sheet``, as a
ratio to the same bare read.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import DEFAULT_WORK, TODAY_ISO, sign_in_bench  # noqa: E402
from write_floor import write_floor  # noqa: E402

T = TypeVar("T")
HEADERS = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "วันเดือนปีเกิด", "เลขประจำตัวประชาชน", "สถานศึกษาล่าสุด",
           "บ้านเลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "หมายเหตุ"]
FIRST = ["ธนกร", "ปิยะพงษ์", "กมลชนก", "ศิริพร", "อนุชา", "วรรณา", "ณัฐพล", "สุภาวดี", "ชยพล", "พิมพ์ชนก"]
LAST = ["วงศ์ใหญ่", "แสงทอง", "บุญเรือง", "ศรีวิไล", "คงสมบูรณ์", "พรหมวงศ์", "ทองดี", "อินทร์แก้ว"]


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()}"


def make_registry(path: Path, children: int, today: date) -> None:
    from desktop.services.demo import fill_demo
    from desktop.services.office import init_office
    from desktop.store import migrate
    from desktop.store.db import Database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database.open(path)
    sign_in_bench(db)
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลบ้านใหม่", code="6300101", province="นครราชสีมา")
    fill_demo(db.engine, children=children, seed=7, today=today)
    db.dispose()


def make_list(registry: Path, xlsx: Path, rows: int, today: date) -> None:
    import sqlite3

    from openpyxl import Workbook

    from desktop.domain.dates import format_be_numeric
    from desktop.domain.identity import make_national_id

    con = sqlite3.connect(registry)
    kids = con.execute("SELECT prefix, first_name, last_name, birth_date, coalesce(national_id, '') "
                       "FROM child WHERE deleted_at IS NULL ORDER BY id").fetchall()
    con.close()
    with_id = [k for k in kids if k[4]]
    rng = random.Random(13)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Zero Dropout")
    ws.append(["รายชื่อเด็กและเยาวชนนอกระบบการศึกษา (Thailand Zero Dropout)"])  # a title row
    ws.append(HEADERS)
    for n in range(rows):
        roll = rng.random()
        school = f"โรงเรียนบ้าน{rng.choice(['หนองบัว', 'โนนสูง', 'ดอนแดง'])}" if rng.random() < 0.7 else ""
        address = ["", "", "", "", ""]
        if roll < 0.70:  # a registry child by ID (5 in 70 with the surname misspelt)
            prefix, first, last, born, nid = rng.choice(with_id)
            if roll >= 0.65:
                last = last[:-1] + "ย"
        elif roll < 0.80:  # by name and birth date
            prefix, first, last, born, _nid = rng.choice(kids)
            nid = ""
        else:  # a new child
            boy = rng.random() < 0.5
            prefix = "เด็กชาย" if boy else "เด็กหญิง"
            first, last = rng.choice(FIRST) + rng.choice(FIRST), rng.choice(LAST) + rng.choice(LAST)
            born = (today - timedelta(days=rng.randrange(3 * 365, 18 * 365))).isoformat()
            nid = make_national_id(f"19{n:010d}")
            address = [str(rng.randrange(1, 300)), str(rng.randrange(1, 12)), "บ้านใหม่", "เมือง", "นครราชสีมา"]
        ws.append([str(n + 1), prefix, first, last, format_be_numeric(date.fromisoformat(str(born)[:10])), nid,
                   school, *address, "ออกกลางคัน" if rng.random() < 0.1 else ""])
    ws.append([])
    ws.append(["", "รวม", f"{rows:,} คน"])  # a footer
    tmp = xlsx.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    os.replace(tmp, xlsx)


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    gc.collect()
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--registry", type=int, default=100_000)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    args = ap.parse_args()
    today = date.fromisoformat(TODAY_ISO)
    args.work.mkdir(parents=True, exist_ok=True)
    registry = args.work / f"case-registry-{args.registry}.db"
    xlsx = args.work / f"case-list-{args.rows}-{args.registry}.xlsx"
    if not registry.exists():
        _, s = timed(lambda: make_registry(registry, args.registry, today))
        print(f"registry of {args.registry:,} children made in {s:.1f} s", file=sys.stderr)
    if not xlsx.exists():
        _, s = timed(lambda: make_list(registry, xlsx, args.rows, today))
        print(f"list of {args.rows:,} rows made in {s:.1f} s", file=sys.stderr)

    import pandas as pd
    from python_calamine import CalamineWorkbook

    from desktop.reports.sheets import read_sheet
    from desktop.services.case_import import (
        RowKind,
        commit_case_import,
        plan_case_import,
        suggest_case_mapping,
    )
    from desktop.services.progress import Progress
    from desktop.store.db import Database

    rounds: list[dict[str, float]] = []
    for n in range(args.rounds):
        bare_rows, bare = timed(lambda: CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python())
        assert len(bare_rows) >= args.rows
        del bare_rows
        frame, bare_pd = timed(lambda: pd.read_excel(xlsx, engine="calamine", dtype=str, header=1))
        del frame
        work = args.work / "case-import-bench.db"
        for suffix in ("-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(registry, work)
        db = Database.open(work)
        sign_in_bench(db)
        try:
            sheet, read_s = timed(lambda: read_sheet(xlsx))  # noqa: B023
            with db.session() as session:
                plan, plan_s = timed(lambda: plan_case_import(  # noqa: B023
                    session, sheet, suggest_case_mapping(sheet.headers), today=today,  # noqa: B023
                    progress=Progress(), back_up_ahead=True))  # as `samoe cases import` and the window do
                t = time.perf_counter()
                batch = commit_case_import(session, plan, actor="bench", progress=Progress())
            commit_s = time.perf_counter() - t  # with the COMMIT
        finally:
            db.dispose()
        floor = write_floor(registry, work, args.work / "case-import-floor.db")
        counts = plan.counts()
        whole = read_s + plan_s + commit_s
        rounds.append({"bare": bare, "bare_pd": bare_pd, "read": read_s, "plan": plan_s, "commit": commit_s,
                       "whole": whole, "floor": floor.seconds, "least": read_s + floor.seconds})
        print(f"round {n + 1}: bare calamine {bare:.2f} s (pandas {bare_pd:.2f} s); read {read_s:.2f} + plan "
              f"{plan_s:.2f} + commit {commit_s:.2f} = {whole:.2f} s = {whole / bare:.2f}x calamine, "
              f"{whole / bare_pd:.2f}x pandas; {uptime()}", flush=True)
        print(f"  rows: matched {counts[RowKind.MATCHED]:,}, new {counts[RowKind.NEW]:,}, to look at "
              f"{counts[RowKind.AMBIGUOUS]:,}, invalid {counts[RowKind.INVALID]:,}, open case "
              f"{counts[RowKind.OPEN_CASE]:,}; cases {batch.cases:,}, new children {batch.new_children:,}",
              flush=True)
        print(f"  floor: SQLite alone writing the same {floor.rows:,} rows {floor.seconds:.2f} s "
              f"({', '.join(f'{t} {n:,}' for t, n in floor.tables.items())}); read_sheet + that = "
              f"{(read_s + floor.seconds) / bare:.2f}x calamine, before a row is checked or matched",
              flush=True)
        sheet = plan = batch = None  # type: ignore[assignment]  # the next round starts as the first did

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    ratios = sorted(r["whole"] / r["bare"] for r in rounds)
    ratios_pd = sorted(r["whole"] / r["bare_pd"] for r in rounds)
    print(f"medians of {args.rounds}: bare calamine {med('bare'):.2f} s, pandas+calamine {med('bare_pd'):.2f} s; "
          f"read_sheet {med('read'):.2f} s, plan {med('plan'):.2f} s, commit {med('commit'):.2f} s, whole "
          f"{med('whole'):.2f} s; whole / bare calamine {statistics.median(ratios):.2f}x "
          f"({', '.join(f'{r:.2f}' for r in ratios)}), / pandas {statistics.median(ratios_pd):.2f}x "
          f"({', '.join(f'{r:.2f}' for r in ratios_pd)}); goal within 3x; {uptime()}")
    least = sorted(r["least"] / r["bare"] for r in rounds)
    print(f"floor (read_sheet + SQLite alone writing the same rows, no check, match, hash or backup): "
          f"{med('floor'):.2f} s of writing; {statistics.median(least):.2f}x calamine "
          f"({', '.join(f'{r:.2f}' for r in least)})")


if __name__ == "__main__":
    main()
