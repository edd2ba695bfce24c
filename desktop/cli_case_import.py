"""``samoe cases import FILE [--dry-run] [--source zero_dropout|volunteer_list] [--skip-invalid]
[--sheet NAME|N] [--header-row N]``:
a list of out-of-school children into cases (issue 13; services/case_import.py). Its
parser is in desktop/cli_cases.py.

Says how many rows matched a child already in the registry, how many become new children,
how many need a look (ambiguous: left out; the window's import lets the clerk pick the
child), how many already have an open case, and every invalid row's problem (row, column
and a Thai message); a file with no column naming the child (or none to match by) says so
once and checks no row. Exit codes: 0 done (or checked with nothing wrong), 1 invalid rows or
file, the file not found, or the registry changed between the check and the write (nothing
written unless ``--skip-invalid``), 6 a read-only database (the command's common codes).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

SOURCES = ("zero_dropout", "volunteer_list")
SAID_ROWS = 20  # the rows a refusal names before it counts the rest
LABEL = "นำเข้ารายชื่อเด็กนอกระบบ"


def add_parser(cases_sub: Any) -> None:
    imp = cases_sub.add_parser("import", help="นำเข้ารายชื่อเด็กนอกระบบ (Thailand Zero Dropout หรือรายชื่อจากอาสาสมัคร) "
                                              "เทียบกับทะเบียนแล้วเปิดเป็นกรณี")
    imp.add_argument("file", type=Path, help="ไฟล์รายชื่อ .xlsx .xls .ods หรือ .csv")
    imp.add_argument("--dry-run", action="store_true", help="ตรวจและเทียบกับทะเบียนอย่างเดียว ไม่บันทึก")
    imp.add_argument("--source", choices=SOURCES, default=SOURCES[0],
                     help="ที่มาของรายชื่อ: zero_dropout (จากจังหวัด) หรือ volunteer_list (จากอาสาสมัครหรือเครือข่าย)")
    imp.add_argument("--skip-invalid", action="store_true", help="นำเข้าเฉพาะแถวที่ถูกต้อง (แถวที่ผิดไม่นำเข้า)")
    imp.add_argument("--sheet", metavar="NAME|N",
                     help="ชื่อหรือลำดับที่ของแผ่นงาน (ค่าเริ่มต้น: แผ่นแรกที่ไม่ซ่อนและมีตาราง)")
    imp.add_argument("--header-row", type=_row_number, metavar="N", help="แถวที่เป็นหัวตาราง (ค่าเริ่มต้น: หาให้เอง)")


def _row_number(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--header-row ต้องเป็นเลขแถว 1 ขึ้นไป (ได้รับ {text!r})")
    return value


def writes(args: argparse.Namespace) -> str:
    return "" if args.dry_run else LABEL


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.cli_errors import exit_code_for_os_error, os_error_message
    from desktop.domain.roles import Action
    from desktop.reports.sheets import SheetError, read_sheet
    from desktop.services.access import require

    with db.reader() as s:
        require(s, Action.CASE_IMPORT)  # refused before a large file is read, not after
    try:
        sheet = read_sheet(args.file, sheet=args.sheet, header_row=args.header_row)
    except SheetError as exc:
        err(str(exc))  # Thai: which file, what is wrong, what to do
        if "แผ่นงาน" in str(exc) or "หัวตาราง" in str(exc):  # the sheet or the header row: how to choose
            err("เลือกแผ่นงานด้วย --sheet ชื่อหรือลำดับที่ และแถวหัวตารางด้วย --header-row เลขแถว")
        return exit_code_for_os_error(exc)
    except OSError as exc:
        err(os_error_message(exc))
        return exit_code_for_os_error(exc)
    for note in sheet.notes:  # the sheet and header row used, and what was left out
        out(f"หมายเหตุ: {note}")
    return _plan_and_write(args, db, sheet, out, err)


def _plan_and_write(args: argparse.Namespace, db: Any, sheet: Any, out: Any, err: Any) -> int:
    from desktop.services.backup_ahead import drop_backup_ahead
    from desktop.services.case_import import (
        RowKind,
        commit_case_import,
        plan_case_import,
        suggest_case_mapping,
    )

    with db.reader() as s:
        plan = plan_case_import(s, sheet, suggest_case_mapping(sheet.headers), today=date.today(),
                                source=args.source, back_up_ahead=not args.dry_run)
    _say_problems(plan, out, err)
    n = plan.counts()
    summary = (f"{sheet.file_name}: ตรงกับเด็กในทะเบียน {n[RowKind.MATCHED]:,} แถว เป็นเด็กใหม่ {n[RowKind.NEW]:,} แถว "
               f"ต้องตรวจสอบ {n[RowKind.AMBIGUOUS]:,} แถว มีกรณีที่ยังไม่ปิดอยู่แล้ว {n[RowKind.OPEN_CASE]:,} แถว "
               f"ข้อมูลผิด {n[RowKind.INVALID]:,} แถว")
    if plan.unchecked:  # the file's problem (said above, once) stops every row: no row is counted as wrong
        summary = f"{sheet.file_name}: ยังไม่ได้ตรวจ {plan.unchecked:,} แถว จนกว่าจะแก้ปัญหาของทั้งไฟล์ที่แจ้งไว้ข้างบน"
    invalid = plan.blocked or n[RowKind.INVALID] > 0
    importable = n[RowKind.MATCHED] + n[RowKind.NEW]
    if args.dry_run or (invalid and not args.skip_invalid) or importable == 0:
        drop_backup_ahead(str(db.engine.url), wait=True)
        out(summary + (" — ตรวจอย่างเดียว ไม่ได้บันทึก" if args.dry_run else " — ไม่ได้บันทึก"))
        if importable == 0 and not plan.blocked:  # a dry run's exit 1 too: said where a script reads it
            err("ไม่มีแถวที่นำเข้าได้: ทุกแถวผิด ต้องตรวจสอบ หรือมีกรณีที่ยังไม่ปิดอยู่แล้ว (ดูรายการข้างบน)")
        elif invalid and not args.dry_run and not plan.blocked:
            err("แก้แถวที่ผิดแล้วนำเข้าใหม่ หรือใช้ --skip-invalid เพื่อนำเข้าเฉพาะแถวที่ถูกต้อง")
        _say_to_look_at(n[RowKind.AMBIGUOUS], err)
        return 1 if invalid or importable == 0 else 0
    from desktop.domain.errors import ValidationFailed

    try:
        with db.session() as s:
            batch = commit_case_import(s, plan)
    except ValidationFailed as exc:  # the registry changed since the check: the rows said, nothing written
        for problem in exc.problems[:SAID_ROWS]:
            err(problem.message)
        if len(exc.problems) > SAID_ROWS:  # two clerks, one big list: not every row of it
            err(f"... และอีก {len(exc.problems) - SAID_ROWS:,} แถว (ตรวจไฟล์นี้อีกครั้งด้วย --dry-run เพื่อดูทุกแถว)")
        err("ไม่ได้บันทึก: สั่งนำเข้าไฟล์นี้อีกครั้ง (แถวที่มีกรณีอยู่แล้วจะไม่นำเข้าซ้ำ)")
        return 1
    except ValueError as exc:  # nothing left to import (Thai)
        err(str(exc))
        return 1
    out(summary)
    _say_to_look_at(n[RowKind.AMBIGUOUS], err)
    out(f"เปิดกรณีแล้ว {batch.cases:,} กรณี (เด็กในทะเบียน {batch.matched:,} คน เพิ่มเด็กใหม่ {batch.new_children:,} คน) "
        f"ชุด {batch.uuid} (ยกเลิกได้: samoe import undo {batch.uuid})")
    return 0


def _say_to_look_at(rows: int, err: Any) -> None:
    """Rows to look at are the clerk's to decide, which the command cannot ask: where."""
    if rows:
        err(f"แถวที่ต้องตรวจสอบ {rows:,} แถวไม่ได้นำเข้า: เลือกเด็กในทะเบียนหรือเด็กใหม่ให้แต่ละแถวได้ในหน้าต่าง "
            "เด็กนอกระบบการศึกษา › นำเข้ารายชื่อ… แล้วนำเข้าไฟล์เดิมอีกครั้ง (แถวที่นำเข้าแล้วจะไม่ซ้ำ)")


def _say_problems(plan: Any, out: Any, err: Any) -> None:
    from desktop.services.case_import import RowKind

    for p in plan.problems():
        where = (f"แถว {p.row}" + (f" ({p.name})" if p.name else "")) if p.row else "ทั้งไฟล์"
        column = f" คอลัมน์ {p.column}" if p.column else ""
        value = f' ("{p.value}")' if p.value else ""
        level = "ผิด" if p.severity == "error" else "เตือน"
        err(f"{where}{column}{value}: [{level}] {p.message}")
    for r in plan.rows:
        if r.kind in (RowKind.AMBIGUOUS, RowKind.OPEN_CASE):
            name = f" ({r.name})" if r.name else ""
            out(f"แถว {r.row}{name}: [{'ต้องตรวจสอบ' if r.kind is RowKind.AMBIGUOUS else 'ไม่นำเข้า'}] {r.reason}")
