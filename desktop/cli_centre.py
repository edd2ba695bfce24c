"""``samoe centre``: a child development centre's daily attendance from the command line
(issue 12).

    samoe centre attendance export --centre CODE --from 1/11/2569 --to 30/11/2569 --out FILE.xlsx
    samoe centre attendance import FILE --centre CODE [--dry-run]
    samoe centre rates list                              the lunch and milk rates in force
    samoe centre rates set --kind lunch|milk --from 1/10/2569 --baht 21.00 [--source TEXT] [--checked]

``--centre`` is the centre's code or id (samoe report institutions lists them). The file
has one row per child and day: วันที่, ห้อง, รหัสเด็ก, เลขประจำตัว, ชื่อ-สกุล, การมาเรียน
(มา ป่วย ลา ขาด or ปิด); an export is a file the import takes back.

Exit codes: 0 done, 1 invalid rows or an unreadable file (nothing saved; each row's
problem said), 2 wrong arguments, 4 the centre or the file not found, 12 not permitted.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem

EXIT_INVALID = 1
EXIT_ARGS = 2
EXIT_MISSING = 4
LONGEST_EXPORT_DAYS = 400


def add_parsers(sub: Any) -> None:
    ce = sub.add_parser("centre", help="ศูนย์พัฒนาเด็กเล็ก: การมาเรียนประจำวัน")
    ce_sub = ce.add_subparsers(dest="centre_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    at = ce_sub.add_parser("attendance", help="ส่งออกหรือนำเข้าการมาเรียนประจำวัน")
    at_sub = at.add_subparsers(dest="attendance_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    ex = at_sub.add_parser("export", help="ส่งออกการมาเรียนประจำวันของศูนย์เป็นไฟล์ .xlsx หรือ .csv")
    ex.add_argument("--centre", required=True, help="รหัสหรือเลขลำดับ (id) ของศูนย์")
    ex.add_argument("--from", dest="first", required=True, help="วันแรก เช่น 1/11/2569")
    ex.add_argument("--to", dest="last", required=True, help="วันสุดท้าย เช่น 30/11/2569")
    ex.add_argument("--out", type=Path, required=True, help="ไฟล์ที่จะเขียน (.xlsx หรือ .csv)")
    im = at_sub.add_parser("import", help="นำเข้าการมาเรียนประจำวันจากไฟล์ (ตรวจทุกแถวก่อนบันทึก)")
    im.add_argument("file", type=Path, help="ไฟล์ .xlsx หรือ .csv ที่มีคอลัมน์ วันที่ ห้อง รหัสเด็ก/เลขประจำตัว การมาเรียน")
    im.add_argument("--centre", required=True, help="รหัสหรือเลขลำดับ (id) ของศูนย์")
    im.add_argument("--dry-run", action="store_true", help="ตรวจไฟล์เท่านั้น ไม่บันทึก")
    ra = ce_sub.add_parser("rates", help="อัตราค่าอาหารกลางวันและอาหารเสริม (นม) ต่อคนต่อวัน")
    ra_sub = ra.add_subparsers(dest="rates_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    ra_sub.add_parser("list", help="อัตราที่ใช้อยู่ (ของหน่วยงาน หรือที่มากับโปรแกรมซึ่งยังไม่ได้ตรวจสอบ)")
    rs = ra_sub.add_parser("set", help="บันทึกอัตราที่ใช้ตั้งแต่วันที่กำหนด")
    rs.add_argument("--kind", choices=("lunch", "milk"), required=True, help="lunch อาหารกลางวัน, milk อาหารเสริม (นม)")
    rs.add_argument("--from", dest="first", required=True, help="ใช้ตั้งแต่วันที่ เช่น 1/10/2569")
    rs.add_argument("--baht", required=True, help="บาทต่อคนต่อวัน เช่น 21.00")
    rs.add_argument("--source", default="", help="ที่มา เช่น เลขที่หนังสือสั่งการ")
    rs.add_argument("--checked", action="store_true", help="ตรวจกับหนังสือสั่งการแล้ว")


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    if getattr(args, "attendance_command", "") == "import" and not args.dry_run:
        return "นำเข้าการมาเรียนประจำวัน ศพด."
    if getattr(args, "rates_command", "") == "set":
        return "บันทึกอัตราค่าอาหาร ศพด."
    return ""


def _centre_id(session: Any, text: str) -> int | None:
    from sqlalchemy import or_, select

    from desktop.store.models import Institution

    value = text.strip()
    q = select(Institution.id).where(Institution.kind == "cdc", Institution.deleted_at.is_(None))
    conditions = [Institution.code == value]
    if value.isascii() and value.isdigit() and len(value) < 9:
        conditions.append(Institution.id == int(value))
    found = session.scalars(q.where(or_(*conditions))).all()
    return int(found[0]) if len(found) == 1 else None


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import DateParseError, parse_date
    from desktop.domain.errors import ValidationFailed
    from desktop.reports.sheets import SheetError

    if args.centre_command == "rates":
        return _rates(args, db, out, err)
    if args.attendance_command == "export":
        try:
            first, last = parse_date(args.first), parse_date(args.last)
        except DateParseError as exc:
            err(f"วันที่ไม่ถูกต้อง: {exc}")
            return EXIT_ARGS
        if last < first or (last - first).days >= LONGEST_EXPORT_DAYS:
            err(f"ช่วงวันที่ต้องเริ่มก่อนวันสุดท้ายและยาวไม่เกิน {LONGEST_EXPORT_DAYS} วัน")
            return EXIT_ARGS
        if args.out.suffix.lower() not in (".xlsx", ".csv"):
            err("ไฟล์ที่จะเขียนต้องเป็น .xlsx หรือ .csv")
            return EXIT_ARGS
        problem = output_problem(args.out)
        if problem:
            err(problem)
            return EXIT_MISSING
        return _export(args, db, out, err, first, last)
    if not args.file.is_file():
        err(f"ไม่พบไฟล์ {args.file}")
        return EXIT_MISSING
    try:
        return _import(args, db, out, err)
    except SheetError as exc:
        err(str(exc))
        return EXIT_INVALID
    except ValidationFailed as exc:
        for p in exc.problems:
            err(p.message)
        err("ไม่ได้บันทึกข้อมูลใดเลย แก้ไฟล์แล้วนำเข้าใหม่")
        return EXIT_INVALID


def _export(args: argparse.Namespace, db: Any, out: Any, err: Any, first: date, last: date) -> int:
    from desktop.services.centre_files import export_attendance

    with db.session() as s:
        centre = _centre_id(s, args.centre)
        if centre is None:
            err(f"ไม่พบศูนย์พัฒนาเด็กเล็ก {args.centre} (ใช้รหัสหรือเลขลำดับของศูนย์)")
            return EXIT_MISSING
        n = export_attendance(s, centre, first, last, args.out)
    out(f"ส่งออก {n:,} แถวไปที่ {args.out}")
    return 0


def _import(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.centre_files import import_attendance_file

    opener = db.reader if args.dry_run else db.session
    with opener() as s:
        centre = _centre_id(s, args.centre)
        if centre is None:
            err(f"ไม่พบศูนย์พัฒนาเด็กเล็ก {args.centre} (ใช้รหัสหรือเลขลำดับของศูนย์)")
            return EXIT_MISSING
        result = import_attendance_file(s, centre, args.file, dry_run=args.dry_run)
    for note in result.notes:
        out(note)
    what = "ตรวจแล้ว (ยังไม่ได้บันทึก)" if args.dry_run else "บันทึกแล้ว"
    out(f"{what}: การมาเรียน {result.registers:,} ห้อง-วัน ไม่มา {result.absences:,} ครั้ง "
        f"วันที่ศูนย์ปิด {result.closed_days:,} วัน")
    return 0


def _rates(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.centre import MEAL_LABELS, MealKind, baht_text, parse_baht
    from desktop.domain.dates import DateParseError, format_be, parse_date
    from desktop.domain.errors import ValidationFailed
    from desktop.services.centre_meals import rates_in_force, set_rate

    if args.rates_command == "set":
        satang = parse_baht(args.baht)
        if satang is None:
            err(f"--baht {args.baht}: ต้องเป็นจำนวนเงินบาท เช่น 21 หรือ 7.82")
            return EXIT_ARGS
        try:
            first = parse_date(args.first)
        except DateParseError as exc:
            err(f"วันที่ไม่ถูกต้อง: {exc}")
            return EXIT_ARGS
        try:
            with db.session() as s:
                set_rate(s, args.kind, first, satang, source=args.source, checked=args.checked)
        except ValidationFailed as exc:
            for p in exc.problems:
                err(p.message)
            return EXIT_INVALID
        out(f"บันทึกอัตรา{MEAL_LABELS[MealKind(args.kind)]} {baht_text(satang)} บาทต่อคนต่อวัน ตั้งแต่ {format_be(first)}")
        return 0
    with db.reader() as s:
        rates, shipped = rates_in_force(s)
    if shipped:
        out("ใช้อัตราที่มากับโปรแกรม (ยังไม่ได้ตรวจสอบกับหนังสือสั่งการ): บันทึกอัตราของหน่วยงานด้วย samoe centre rates set")
    for r in rates:
        mark = "ตรวจแล้ว" if r.checked else "ยังไม่ได้ตรวจสอบ"
        out(f"{MEAL_LABELS[r.kind]} ({r.kind.value})  ปีงบประมาณ {r.fiscal_year_be}  ตั้งแต่ {format_be(r.valid_from)}  "
            f"{baht_text(r.satang):>8} บาท  {mark}  {r.source}")
    return 0
