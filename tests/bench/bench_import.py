"""Spreadsheet import of children: how much a validated, one-transaction import costs on top
of just reading the file.

Generates a children workbook (openpyxl ``write_only``; realistic Thai names, national IDs
with valid check digits, households of siblings, guardians, schools and centres) with a
share of deliberately bad rows, then times in one process, on the same file:

1. bare read: ``pandas.read_excel(engine="calamine", dtype=str)`` (the baseline)
2. ``read_sheet`` (desktop.reports.sheets)
3. ``plan_import`` (map, parse, validate, duplicates in the file and against the registry)
4. ``commit_import`` into a fresh migrated database with the file's institutions
5. the plan's lookup of registry households at the file's addresses, against the registry
   the import filled (every address found), and the child form's lookup one by one

and prints a table: seconds, and ratios to the bare read. Goals: plan + commit < 2x the
bare read; read + plan + commit (the whole import) <= 3x.

    .venv/bin/python tests/bench/bench_import.py                 # 50k rows
    .venv/bin/python tests/bench/bench_import.py --rows 10000 --bad 0.05 --work /tmp/x
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import (  # noqa: E402
    DEFAULT_WORK,
    SEED,
    TODAY_ISO,
    Recorder,
    Row,
    peak_rss_mb,
    sign_in_bench,
    text_table,
)

HEADERS = [
    "ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเดือนปีเกิด", "เลขประจำตัวประชาชน", "รหัส G",
    "บ้านเลขที่", "หมู่ที่", "หมู่บ้าน", "ถนน", "ตำบล", "อำเภอ", "จังหวัด", "รหัสไปรษณีย์",
    "สถานศึกษา", "ชั้น", "ห้อง", "ปีการศึกษา",
    "คำนำหน้าผู้ปกครอง", "ชื่อผู้ปกครอง", "นามสกุลผู้ปกครอง", "เลขประจำตัวประชาชนผู้ปกครอง",
    "ความเกี่ยวข้องกับเด็ก", "โทรศัพท์ผู้ปกครอง", "อาชีพผู้ปกครอง",
]
LEVEL_LABELS = {**{f"cdc{n}": f"เด็กเล็ก {n} ขวบ" for n in (2, 3, 4)},
                **{f"k{n}": f"อ.{n}" for n in (1, 2, 3)},
                **{f"p{n}": f"ป.{n}" for n in range(1, 7)},
                **{f"m{n}": f"ม.{n}" for n in range(1, 7)}}
SCHOOLS, CDCS = 12, 8


def institution_names() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, name) of the schools and centres the file names and the database holds."""
    from desktop.services.demo_data import VILLAGES

    schools = [(f"11301{i + 1:05d}", f"โรงเรียนเทศบาล {i + 1} ({VILLAGES[i % len(VILLAGES)]})")
               for i in range(SCHOOLS)]
    cdcs = [(f"33001{i + 1:05d}", f"ศูนย์พัฒนาเด็กเล็ก{VILLAGES[i % len(VILLAGES)]}") for i in range(CDCS)]
    return schools, cdcs


def spoil(row: list[str], rng: random.Random) -> str:
    """Make one row invalid in one of the ways clerks' files are; returns the kind."""
    kind = rng.choice(("check_digit", "date", "level", "first_name", "institution"))
    if kind == "check_digit" and row[6]:
        row[6] = row[6][:-1] + str((int(row[6][-1]) + 1) % 10)
    elif kind == "date":
        row[5] = "31/02/" + row[5][-4:]
    elif kind == "level":
        row[17] = "ป.9"
    elif kind == "institution":
        row[16] = "โรงเรียนที่ไม่มีในทะเบียน"
    else:
        row[2] = ""
        kind = "first_name"
    return kind


def generate_rows(n: int, *, seed: int, bad: float, today: date) -> tuple[list[list[str]], int]:
    """``n`` rows of the children file (text cells) and how many were spoiled."""
    from desktop.domain.dates import academic_year_of, format_be_numeric
    from desktop.services import demo_data

    schools, cdcs = institution_names()
    year_be = academic_year_of(today)
    inst = demo_data.Institutions(schools=tuple(range(1, SCHOOLS + 1)),
                                  cdcs=tuple(range(SCHOOLS + 1, SCHOOLS + CDCS + 1)))
    names = {i + 1: name for i, (_c, name) in enumerate(schools + cdcs)}
    rng = random.Random(f"bench-import-{seed}")
    rows: list[list[str]] = []
    spoiled = 0
    cols = demo_data.COLUMNS

    def named(table: str, rows: list[tuple[object, ...]]) -> list[dict[str, object]]:
        """The generator's rows by column name (its tuples gain columns over time)."""
        return [dict(zip(cols[table], r, strict=True)) for r in rows]

    for chunk in demo_data.generate(n, seed=seed, office_id=1, institutions=inst, year_id=1,
                                    year_be=year_be, ids=demo_data.Ids(), now=demo_data.datetime(2026, 11, 24)):
        households = {h["id"]: h for h in named("household", chunk.household)}
        guardians = {g["id"]: g for g in named("guardian", chunk.guardian)}
        primary = {link["child_id"]: (link["guardian_id"], link["relation"])
                   for link in named("child_guardian", chunk.child_guardian) if link["is_primary"]}
        enrolled = {e["child_id"]: e for e in named("enrollment", chunk.enrollment)}
        for c in named("child", chunk.child):
            h = households[c["household_id"]]
            gid, relation = primary[c["id"]]
            g = guardians[gid]
            e = enrolled.get(c["id"])
            birth = date.fromisoformat(str(c["birth_date"]))
            row = [
                str(len(rows) + 1), str(c["prefix"]), str(c["first_name"]), str(c["last_name"]),
                "ชาย" if c["sex"] == "M" else "หญิง", format_be_numeric(birth),
                str(c["national_id"] or ""), str(c["g_code"] or ""),
                *(str(h[k]) for k in ("house_no", "village_no", "village_name", "road",
                                      "subdistrict", "district", "province", "postcode")),
                names[int(str(e["institution_id"]))] if e else "",
                LEVEL_LABELS[str(e["level_code"])] if e else "",
                str(e["classroom"]) if e else "", str(year_be) if e else "",
                *(str(g[k] or "") for k in ("prefix", "first_name", "last_name", "national_id")),
                str(relation), str(g["phone"]), str(g["occupation"]),
            ]
            if c["id_type"] == "none":  # the generator's no-ID children: say why, as a clerk would
                row[7] = ""
            if rng.random() < bad:
                spoil(row, rng)
                spoiled += 1
            rows.append(row)
    return rows[:n], spoiled


def write_workbook(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("รายชื่อนักเรียน")
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    os.replace(tmp, path)


def fresh_database(path: Path):  # type: ignore[no-untyped-def]
    from desktop.domain.levels import InstitutionKind
    from desktop.services.institutions import InstitutionForm, save_institution
    from desktop.services.office import init_office
    from desktop.store import migrate
    from desktop.store.db import Database

    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
    db = Database.open(path)
    sign_in_bench(db)
    migrate.upgrade(db)
    schools, cdcs = institution_names()
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลบ้านใหม่", code="6300101", province="นครราชสีมา")
        for kind, items in ((InstitutionKind.SCHOOL, schools), (InstitutionKind.CDC, cdcs)):
            for code, name in items:
                save_institution(s, InstitutionForm(kind=kind, code=code, name=name))
    return db


def households_lookup(db, plan) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """The import's lookup of registry households at the file's addresses (rows without a
    house code join them), against the registry this import has just filled, so that every
    address is found: the bulk ``households_at`` the plan runs, and, as the baseline, the
    child form's ``household_at`` once per address (the same answers, checked)."""
    from desktop.domain.households import address_key
    from desktop.services.household_edit import household_at
    from desktop.services.imports.joins import households_at

    addresses = list({address_key(r.parsed.address): r.parsed.address for r in plan.rows
                      if r.parsed is not None and r.parsed.household_key is not None}.values())
    with db.reader() as session:
        gc.collect()
        t = time.perf_counter()
        found = households_at(session, addresses)
        bulk = time.perf_counter() - t
        gc.collect()
        t = time.perf_counter()
        one_by_one = {}
        for a in addresses:
            h = household_at(session, a)
            if h is not None:
                one_by_one[address_key(a)] = h.id
        single = time.perf_counter() - t
    assert found == one_by_one, (len(found), len(one_by_one))
    return bulk, single, len(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--bad", type=float, default=0.02, help="share of spoiled rows")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--result", default=None, help="append JSON lines here (the runner's)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="read, plan and commit this many times (a fresh database each); the "
                         "figures are the rounds' medians (a shared machine's noise)")
    args = ap.parse_args()
    record = Recorder(args.result)
    today = date.fromisoformat(TODAY_ISO)
    args.work.mkdir(parents=True, exist_ok=True)
    xlsx = args.work / f"import-{args.rows}-{args.seed}-{args.bad:g}.xlsx"

    if not xlsx.exists():
        t = time.perf_counter()
        rows, spoiled = generate_rows(args.rows, seed=args.seed, bad=args.bad, today=today)
        write_workbook(xlsx, rows)
        print(f"generated {xlsx} ({len(rows):,} rows, {spoiled:,} spoiled) in "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)

    import pandas as pd

    from desktop.reports.sheets import read_sheet
    from desktop.services import imports
    from desktop.services.progress import Progress
    try:
        from desktop.store.db import settle_checkpoint
    except ImportError:  # the code before the background checkpoint (an A/B run)
        def settle_checkpoint(_engine: object, timeout: float | None = None) -> bool:
            return True

    def timed(fn):  # type: ignore[no-untyped-def]
        """(result, wall seconds, CPU seconds of this process) of ``fn()``."""
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        return out, time.perf_counter() - t, time.process_time() - c

    rounds: list[dict[str, float]] = []
    for n in range(args.rounds):
        frame, bare, bare_cpu = timed(lambda: pd.read_excel(xlsx, engine="calamine", dtype=str))
        assert len(frame) == args.rows, len(frame)
        del frame
        sheet, read_s, read_cpu = timed(lambda: read_sheet(xlsx))  # noqa: B023
        assert len(sheet.rows) == args.rows
        db = fresh_database(args.work / "import-bench.db")
        try:
            with db.session() as session:
                gc.collect()
                t, c = time.perf_counter(), time.process_time()
                mapping = imports.suggest_mapping(session, sheet.headers)
                plan = imports.plan_import(session, sheet, mapping, today=today, progress=Progress())
                plan_s, plan_cpu = time.perf_counter() - t, time.process_time() - c
                t, c = time.perf_counter(), time.process_time()
                batch = imports.commit_import(session, plan, actor="bench", progress=Progress())
                commit_body = time.perf_counter() - t
            # with the COMMIT itself (the WAL written and fsynced: durable from here; its copy
            # into the database file runs after, on a thread of its own: store/db.py)
            commit_s, commit_cpu = time.perf_counter() - t, time.process_time() - c
            settle_checkpoint(db.engine)  # not timed: nobody waits for it (nor the lookups)
            if n == args.rounds - 1:
                join_s, one_by_one_s, joined = households_lookup(db, plan)
        finally:
            db.dispose()
        rounds.append({"bare": bare, "read": read_s, "plan": plan_s, "commit": commit_s,
                       "body": commit_body, "bare_cpu": bare_cpu,
                       "cpu": read_cpu + plan_cpu + commit_cpu})
        whole = read_s + plan_s + commit_s
        if n < args.rounds - 1:  # the next round starts as the first did: nothing of this one alive
            del sheet, plan, batch
        print(f"round {n + 1}: bare {bare:.2f} s, read {read_s:.2f} + plan {plan_s:.2f} + commit "
              f"{commit_s:.2f} = {whole:.2f} s ({whole / bare:.2f}x); CPU {rounds[-1]['cpu']:.2f} "
              f"s against {bare_cpu:.2f} s ({rounds[-1]['cpu'] / bare_cpu:.2f}x); load "
              f"{os.getloadavg()[0]:.1f}", file=sys.stderr)

    def median(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    bare, read_s, plan_s, commit_s, commit_body = (median(k) for k in ("bare", "read", "plan", "commit", "body"))
    ratios = sorted((r["read"] + r["plan"] + r["commit"]) / r["bare"] for r in rounds)
    cpu_ratios = sorted(r["cpu"] / r["bare_cpu"] for r in rounds)

    # Where plan time goes: the child form's own rule (validate_child, shared with the form
    # and not the import's to change) over the same rows, measured alone.
    from desktop.domain.child import validate_child

    kids = [r.parsed.child for r in plan.rows if r.parsed is not None]
    gc.collect()
    t = time.perf_counter()
    for kid in kids:
        validate_child(kid, today=today)
    rules_s = time.perf_counter() - t

    total = read_s + plan_s + commit_s
    record(kind="import", rows=args.rows, rounds=args.rounds, whole_ratios=ratios, cpu_ratios=cpu_ratios,
           bare_read_s=bare, read_sheet_s=read_s, plan_s=plan_s,
           commit_s=commit_s, commit_body_s=commit_body, households_at_s=join_s,
           household_at_each_s=one_by_one_s, validate_child_s=rules_s, valid=plan.valid_count,
           errors=plan.error_count, warnings=plan.warning_count, children=batch.children,
           peak_rss_mb=peak_rss_mb())
    table = [
        Row(args.rows, "bare pandas.read_excel (calamine, dtype=str)", bare, bare, "s",
            note=f"baseline; medians of {args.rounds} rounds"),
        Row(args.rows, "read_sheet", read_s, bare, "s"),
        Row(args.rows, "plan_import", plan_s, bare, "s"),
        Row(args.rows, "  of which validate_child (the form's rule)", rules_s, bare, "s"),
        Row(args.rows, "commit_import (+ COMMIT)", commit_s, bare, "s"),
        Row(args.rows, "the plan's registry-household lookup, every address found", join_s,
            one_by_one_s, "s", note=f"{joined:,} addresses; baseline: household_at one by one"),
        Row(args.rows, "plan + commit", plan_s + commit_s, bare, "s", goal="< 2x",
            passed=(plan_s + commit_s) < 2 * bare),
        Row(args.rows, "whole import: read + plan + commit", total, bare, "s", goal="<= 3x",
            passed=total <= 3 * bare),
        Row(args.rows, "whole import / bare read, median of the rounds' own ratios",
            round(statistics.median(ratios), 2), None, "×", goal="<= 3x",
            passed=statistics.median(ratios) <= 3,
            note=f"{len(ratios)} rounds: {', '.join(f'{r:.2f}' for r in ratios)}; CPU time "
                 f"{', '.join(f'{r:.2f}' for r in cpu_ratios)}"),
    ]
    print(text_table(table))
    print(f"\nrows {args.rows:,}: valid {plan.valid_count:,}, errors {plan.error_count:,}, "
          f"warnings {plan.warning_count:,}; children written {batch.children:,}; "
          f"peak RSS {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
