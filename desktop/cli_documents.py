"""``samoe report``, ``samoe import`` and ``samoe export``: the document layer from a terminal.

    samoe report children-list --out list.pdf [--institution X] [--year 2569] [--level ป.1]
                                [--search TEXT] [--office CODE] [--landscape]
                                [--sign "ชื่อ|ตำแหน่ง"]...   (--office: at the province)
    samoe report child-profile --child 1103700012345 --out profile.pdf
    samoe report registry-summary --out summary.pdf [--year 2569]
    samoe report households-list|institutions-list|import-batches --out FILE.pdf
    samoe report province-summary --out FILE.pdf [--year 2569]   (the province: per municipality)
    samoe report province-screening [--term 1/2569] [--out FILE.pdf|.xlsx|.csv]
                                (the province: screenings and grants; desktop/cli_province_screening.py)
    samoe report province-centres [--term 2/2569] [--from D --to D] [--out FILE.pdf|.xlsx|.csv]
                                (the province: centres' growth, DSPM, attendance; desktop/cli_province_centres.py)
    samoe report province-cases [--out FILE.pdf|.xlsx|.csv]
                                (the province: out-of-school cases per municipality; desktop/cli_province_cases.py)
    samoe import children FILE [--dry-run] [--sheet NAME|N] [--header-row N] [--institution X]
                               [--year 2569] [--level อ.2] [--room 1] [--relation แม่]
                               [--errors problems.xlsx] [--skip-invalid]
    samoe import batches | samoe import undo BATCH_UUID
    samoe export children|households|institutions|import-batches FILE.xlsx|FILE.csv [filters]

Exit codes: 0 done, 1 invalid rows (nothing written) or a file that cannot be read,
2 wrong arguments.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_args import be_year, date_arg, output_problem

REPORT_NAMES = ("children-list", "child-profile", "registry-summary", "households-list",
                "institutions-list", "import-batches", "province-summary", "province-screening",
                "province-centres", "province-cases")
EXPORT_NAMES = ("children", "households", "institutions", "import-batches")


def add_parsers(sub: Any) -> None:
    report = sub.add_parser("report", help="สร้างรายงาน PDF")
    report.add_argument("name", choices=REPORT_NAMES)
    report.add_argument("--out", type=Path,
                        help="ไฟล์ PDF ที่จะเขียน (ต้องระบุ ยกเว้น province-screening province-centres และ province-cases)")
    report.add_argument("--term", type=_term, metavar="1/2569",
                        help="province-screening: ภาคเรียน/ปีการศึกษา (ค่าเริ่มต้น: ภาคเรียนล่าสุดที่มีผลคัดกรอง)")
    report.add_argument("--from", dest="first", type=date_arg, metavar="1/11/2569",
                        help="province-centres: วันแรกที่นับการมาเรียน (ค่าเริ่มต้น: วันเปิดภาคเรียน)")
    report.add_argument("--to", dest="last", type=date_arg, metavar="30/11/2569",
                        help="province-centres: วันสุดท้ายที่นับการมาเรียน (ค่าเริ่มต้น: วันนี้หรือวันปิดภาคเรียน)")
    report.add_argument("--child", help="child-profile: เลขประจำตัวประชาชน รหัส G หรือ uuid")
    report.add_argument("--landscape", action="store_true", help="กระดาษแนวนอน")
    report.add_argument("--sign", action="append", default=[], metavar="ชื่อ|ตำแหน่ง",
                        help="ช่องลงชื่อท้ายรายงาน (ใส่ได้หลายครั้ง)")
    _filters(report)

    imp = sub.add_parser("import", help="นำเข้าข้อมูลจาก Excel/CSV")
    imp_sub = imp.add_subparsers(dest="import_command", required=True)
    children = imp_sub.add_parser("children", help="นำเข้ารายชื่อเด็ก (.xlsx .xls .ods .csv .txt)")
    children.add_argument("file", type=Path)
    children.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")
    children.add_argument("--sheet", metavar="NAME|N",
                          help="ชื่อหรือลำดับที่ของแผ่นงาน (ค่าเริ่มต้น: แผ่นแรกที่ไม่ซ่อนและมีตาราง)")
    children.add_argument("--header-row", type=int, metavar="N",
                          help="แถวที่เป็นหัวตาราง (ค่าเริ่มต้น: หาให้เอง)")
    children.add_argument("--institution", help="สถานศึกษา (ชื่อหรือรหัส) สำหรับแถวที่ไม่ระบุ")
    children.add_argument("--year", type=be_year, help="ปีการศึกษา (พ.ศ.) สำหรับแถวที่ไม่ระบุ")
    children.add_argument("--level", help="ชั้น (เช่น อ.2 ป.1 เด็กเล็ก 3 ขวบ) สำหรับแถวที่ไม่ระบุ")
    children.add_argument("--room", help="ห้องเรียน สำหรับแถวที่ไม่ระบุ")
    children.add_argument("--relation",
                          help="ความเกี่ยวข้องของผู้ปกครองกับเด็ก (เช่น แม่) สำหรับแถวที่มีผู้ปกครองแต่ไม่ระบุ")
    children.add_argument("--errors", type=Path, help="บันทึกรายงานข้อผิดพลาดเป็น .xlsx")
    children.add_argument("--skip-invalid", action="store_true",
                          help="นำเข้าเฉพาะแถวที่ถูกต้อง (ค่าเริ่มต้น: ไม่บันทึกเลยถ้ามีแถวผิด)")
    children.add_argument("--ignore-column", action="append", default=[], metavar="หัวคอลัมน์",
                          help="ไม่นำเข้าคอลัมน์นี้ แม้มีเลขประจำตัวประชาชน (ใส่ได้หลายครั้ง)")
    imp_sub.add_parser("batches", help="ประวัติการนำเข้า")
    undo = imp_sub.add_parser("undo", help="ยกเลิกการนำเข้าทั้งชุด")
    undo.add_argument("batch", help="uuid ของชุดการนำเข้า (ดูจาก samoe import batches)")

    export = sub.add_parser("export", help="ส่งออกรายการเป็น .xlsx หรือ .csv")
    export.add_argument("name", choices=EXPORT_NAMES)
    export.add_argument("file", type=Path)
    _filters(export)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--institution", help="ชื่อหรือรหัสสถานศึกษา")
    p.add_argument("--year", type=be_year, help="ปีการศึกษา (พ.ศ.)")
    p.add_argument("--level", help="ชั้น เช่น อ.1 ป.1 หรือรหัส p1")
    p.add_argument("--search", default="", help="คำค้น (ชื่อ นามสกุล เลขประจำตัว)")
    p.add_argument("--office", help="ที่จังหวัด: เฉพาะเด็กที่ อปท. นี้ส่งมา (ชื่อหรือรหัสหน่วยงาน)")


def _term(text: str) -> tuple[int, int]:
    from desktop.cli_province_screening import term_arg

    return term_arg(text)


class UsageError(Exception):
    """A wrong argument; str() says what to type instead."""


def _institution_id(session: Any, text: str | None) -> int | None:
    if not text:
        return None
    from sqlalchemy import or_, select

    from desktop.domain.text import clean_text
    from desktop.store.models import Institution

    wanted = clean_text(text)
    found = session.execute(
        select(Institution.id, Institution.name).where(
            Institution.deleted_at.is_(None),
            or_(Institution.code == wanted, Institution.name == wanted),
        )
    ).all()
    if len(found) != 1:
        names = session.scalars(select(Institution.name).where(Institution.deleted_at.is_(None))
                                .order_by(Institution.name)).all()
        raise UsageError(f'ไม่พบสถานศึกษา "{text}" ที่มีอยู่: ' + ", ".join(names))
    return int(found[0].id)


def _child_filter(session: Any, args: argparse.Namespace) -> Any:
    from desktop.domain.levels import level_from_label
    from desktop.services.children_query import ChildFilter

    level_code = None
    if args.level:
        level = level_from_label(args.level)
        if level is None:
            raise UsageError(f'ไม่รู้จักชั้น "{args.level}" ตัวอย่างที่ใช้ได้: อ.1 ป.1 ม.1 หรือ p1')
        level_code = level.code
    return ChildFilter(search=args.search, institution_id=_institution_id(session, args.institution),
                       year_be=args.year, level_code=level_code,
                       office_id=_office_id(session, getattr(args, "office", None)))


def _office_id(session: Any, text: str | None) -> int | None:
    """``--office``: a municipality the province received children from, by code or name."""
    if not text:
        return None
    from desktop.domain.text import clean_text
    from desktop.services.children_offices import office_filter_choices

    wanted = clean_text(text)
    offices = office_filter_choices(session)
    found = [o.id for o in offices if wanted in (o.code, o.name)]
    if len(found) != 1:
        known = ", ".join(f"{o.name} ({o.code})" for o in offices) or "ไม่มี (ใช้ได้ที่จังหวัดเท่านั้น)"
        raise UsageError(f'ไม่พบ อปท. "{wanted}" ที่ส่งข้อมูลมา (--office) ที่มีอยู่: {known}')
    return found[0]


def run(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    try:
        _check_outputs(args)
        if args.command in ("report", "export"):
            from desktop.services.home import check_auditable

            check_auditable(db)  # personal data leaves only with its audit entry
        if args.command == "report":
            return _report(args, db, out, err, progress)
        if args.command == "export":
            return _export(args, db, out, progress)
        return _import(args, db, out, err, progress)
    except UsageError as exc:
        err(str(exc))
        return 2
    except OSError as exc:
        from desktop.cli_errors import exit_code_for_os_error, os_error_message

        err(os_error_message(exc))
        return exit_code_for_os_error(exc)
    except Exception as exc:
        from desktop.reports.sheets import SheetError

        if not isinstance(exc, SheetError):
            raise
        from desktop.cli_errors import exit_code_for_os_error

        err(str(exc))  # Thai, says which file and what to do
        return exit_code_for_os_error(exc)


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output whose folder is missing, or that is not a plain file (a device such
    as /dev/full would be replaced by the atomic rename), before any work is done."""
    outputs = {"report": "out", "export": "file"}.get(args.command)
    names = [outputs] if outputs else []
    if args.command == "import" and getattr(args, "import_command", "") == "children":
        names.append("errors")
    problem = output_problem(*[t for t in (getattr(args, n, None) for n in names) if t is not None])
    if problem:
        raise UsageError(problem)


def _report(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.services import reports

    if args.name == "province-screening":  # prints, or writes .pdf/.xlsx/.csv
        from desktop.cli_province_screening import report

        return report(args, db, out, err, progress)
    if args.name == "province-centres":  # prints, or writes .pdf/.xlsx/.csv
        from desktop.cli_province_centres import report as centres_report

        return centres_report(args, db, out, err, progress)
    if args.name == "province-cases":  # prints, or writes .pdf/.xlsx/.csv
        from desktop.cli_province_cases import report as cases_report

        return cases_report(args, db, out, err, progress)
    if args.out is None:
        raise UsageError(f"{args.name} ต้องระบุ --out ไฟล์ PDF ที่จะเขียน")

    signatures = tuple(
        reports.Signature(name=s.split("|", 1)[0].strip(),
                          position=s.split("|", 1)[1].strip() if "|" in s else "")
        for s in args.sign
    )
    options = reports.ReportOptions(landscape=args.landscape, signatures=signatures)
    target: Path = args.out
    try:
        pages = _make_report(args, db, target, options, progress)
    except (reports.ReportTooLarge, reports.ChildNotFound) as exc:
        err(str(exc))
        return 1
    _note(db, args.name, REPORT_TITLES, target, pages=pages,
          subject_uuid=getattr(args, "samoe_child_uuid", None))  # the profile: in its child's history
    out(f"เขียน {target} แล้ว {pages:,} หน้า")
    return 0


# what the window calls each document (the home page's "last export" says it)
REPORT_TITLES = {"children-list": "รายชื่อเด็ก", "child-profile": "ประวัติเด็ก",
                 "registry-summary": "สรุปทะเบียนเด็ก", "households-list": "รายการครัวเรือน",
                 "institutions-list": "รายการสถานศึกษา", "import-batches": "ประวัติการนำเข้า",
                 "province-summary": "สรุปข้อมูลรายองค์กรปกครองส่วนท้องถิ่น"}
EXPORT_TITLES = {"children": "รายชื่อเด็ก", "households": "รายการครัวเรือน",
                 "institutions": "รายการสถานศึกษา", "import-batches": "ประวัติการนำเข้า"}


def _note(db: Any, name: str, titles: dict[str, str], target: Path, *, rows: int = 0,
          pages: int = 0, subject_uuid: str | None = None) -> None:
    """The audit log's note of a document written, as the window makes it."""
    from desktop.services.home import note_export

    note_export(db, name, titles.get(name, name), target, rows=rows, pages=pages,
                subject_uuid=subject_uuid)


def _make_report(args: argparse.Namespace, db: Any, target: Path, options: Any, progress: Any) -> int:
    from desktop.services import reports

    with db.reader() as session:
        if args.name == "children-list":
            pages = reports.children_list_pdf(session, target, _child_filter(session, args),
                                              options, progress)
        elif args.name == "child-profile":
            if not args.child:
                raise UsageError("child-profile ต้องระบุ --child เลขประจำตัวประชาชน รหัส G หรือ uuid")
            uuid = reports.find_child(session, args.child)
            args.samoe_child_uuid = uuid
            pages = reports.child_profile_pdf(session, target, uuid, options, progress)
        elif args.name == "registry-summary":
            pages = reports.registry_summary_pdf(session, target, args.year, options, progress)
        elif args.name == "households-list":
            pages = reports.households_list_pdf(session, target, args.search, options, progress)
        elif args.name == "institutions-list":
            pages = reports.institutions_list_pdf(session, target, args.year, options, progress)
        elif args.name == "province-summary":
            from desktop.services.province_summary import province_summary_pdf

            pages = province_summary_pdf(session, target, args.year, options, progress)
        else:
            pages = reports.import_batches_pdf(session, target, options, progress)
    return int(pages)


def _export(args: argparse.Namespace, db: Any, out: Any, progress: Any) -> int:
    from desktop.services import exports

    target: Path = args.file
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError("ไฟล์ต้องลงท้ายด้วย .xlsx หรือ .csv")
    with db.reader() as session:
        if args.name == "children":
            rows = exports.export_children(session, target, _child_filter(session, args),
                                           progress=progress)
        elif args.name == "households":
            rows = exports.export_households(session, target, args.search, progress=progress)
        elif args.name == "institutions":
            rows = exports.export_institutions(session, target, args.year, progress=progress)
        else:
            rows = exports.export_import_batches(session, target, progress=progress)
    _note(db, args.name, EXPORT_TITLES, target, rows=rows)
    out(f"ส่งออก {rows:,} แถวไปที่ {target}")
    return 0


def _import(args: argparse.Namespace, db: Any, out: Any, err: Any, progress: Any) -> int:
    from desktop.services import imports

    if args.import_command == "batches":
        from desktop.domain.dates import format_be_local

        with db.reader() as session:
            batches = imports.list_batches(session, limit=1000)
        for b in batches:
            state = f"ยกเลิกแล้ว {format_be_local(b.undone_at)}" if b.undone_at else "ใช้งานอยู่"
            whole = _whole_words(b.whole)
            out(f"{b.uuid}  {format_be_local(b.at)}  {b.children:>7,} คน  {b.file_name}  {state}"
                + (f"  ค่าทั้งไฟล์: {whole}" if whole else ""))
        return 0
    if args.import_command == "undo":
        try:
            with db.session() as session:
                removed = imports.undo_batch(session, args.batch)
        except (ValueError, LookupError) as exc:
            err(str(exc))
            return 1
        out(f"ยกเลิกการนำเข้าแล้ว ลบเด็ก {removed:,} คน (กู้คืนได้จากรายชื่อที่ลบแล้ว)")
        return 0

    from desktop.reports.sheets import SheetError, read_sheet
    from desktop.services.backup_ahead import drop_backup_ahead

    if args.header_row is not None and args.header_row < 1:
        raise UsageError(f"--header-row ต้องเป็นเลขแถว 1 ขึ้นไป (ได้ {args.header_row})")
    whole = _whole_file(db, args)
    try:
        sheet = read_sheet(args.file, sheet=args.sheet, header_row=args.header_row,
                           progress=progress)
    except SheetError as exc:
        err(str(exc))
        return 1
    _end_progress()
    for note in sheet.notes:  # the sheet and header row used, and what was left out
        out(f"หมายเหตุ: {note}")
    ignored = _ignored_columns(sheet.headers, args.ignore_column)
    with db.reader() as session:
        mapping = imports.suggest_mapping(session, sheet.headers)
        # columns left out for this layout in the window are left out here too
        ignored |= imports.remembered_ignored(session, sheet.headers) - set(mapping)
        mapping = {i: key for i, key in mapping.items() if i not in ignored}
        plan = imports.plan_import(session, sheet, mapping, today=date.today(),
                                   institution_id=whole.institution_id, year_be=args.year,
                                   level_code=whole.level_code, classroom=whole.classroom,
                                   relation=whole.relation, progress=progress,
                                   ignored_columns=ignored, back_up_ahead=not args.dry_run)
    _end_progress()
    problems = plan.problems()
    for p in problems:
        where = (f"แถว {p.row}" + (f" ({p.name})" if p.name else "")) if p.row else "ทั้งไฟล์"
        column = f" คอลัมน์ {p.column}" if p.column else ""
        value = f' ("{p.value}")' if p.value else ""
        level = "ผิด" if p.severity == "error" else "เตือน"
        err(f"{where}{column}{value}: [{level}] {p.message}")
    for p in problems:
        if p.row == 0 and p.field == "national_id" and p.severity == "error" and p.column:
            err(f'ถ้าคอลัมน์ "{p.column}" ไม่ต้องนำเข้า ให้สั่งใหม่พร้อม --ignore-column "{p.column}"')
    _whole_file_hints(problems, err)
    if args.errors and problems:
        imports.write_error_report(plan, args.errors)
        err(f"บันทึกรายงานข้อผิดพลาดไว้ที่ {args.errors}")
    summary = (f"{sheet.file_name}: ถูกต้อง {plan.valid_count:,} แถว ผิด {plan.error_count:,} แถว "
               f"คำเตือน {plan.warning_count:,} รายการ")
    blocked = plan.error_count > 0 and not args.skip_invalid
    if args.dry_run or blocked or plan.valid_count == 0:
        drop_backup_ahead(str(db.engine.url), wait=True)
        out(summary + (" — ตรวจอย่างเดียว ไม่ได้บันทึก" if args.dry_run else " — ไม่ได้บันทึก"))
        if blocked and not args.dry_run:
            err("แก้แถวที่ผิดแล้วนำเข้าใหม่ หรือใช้ --skip-invalid เพื่อนำเข้าเฉพาะแถวที่ถูกต้อง")
        return 1 if plan.error_count or plan.blocked or plan.valid_count == 0 else 0
    with db.session() as session:
        batch = imports.commit_import(session, plan, progress=progress)
    _end_progress()
    out(summary)
    out(f"นำเข้าแล้ว {batch.children:,} คน ชุด {batch.uuid} (ยกเลิกได้: samoe import undo {batch.uuid})")
    return 0


def _whole_words(whole: Any) -> str:
    """A batch's whole-file values (imports.batch_whole.BatchWhole) in words, as the
    history page says them: "โรงเรียน… · ปีการศึกษา 2569 · อ.2 · ห้อง 1 · ผู้ปกครอง: แม่"."""
    from desktop.domain.levels import level_by_code

    parts = [whole.institution] if whole.institution else []
    if whole.year_be:
        parts.append(f"ปีการศึกษา {whole.year_be}")
    if whole.level_code:
        try:
            parts.append(level_by_code(whole.level_code).label)
        except KeyError:
            parts.append(whole.level_code)
    if whole.classroom:
        parts.append(f"ห้อง {whole.classroom}")
    if whole.relation:
        parts.append(f"ผู้ปกครอง: {whole.relation}")
    return " · ".join(parts)


def _whole_file(db: Any, args: argparse.Namespace) -> Any:
    """``--institution``, ``--level``, ``--room`` and ``--relation`` checked before the file
    is read: a bad one is a wrong argument (exit 2), said in Thai."""
    from desktop.domain.levels import level_from_label
    from desktop.domain.text import clean_text
    from desktop.services.imports import WholeFile, whole_file_problems

    level_code = ""
    if args.level is not None:
        level = level_from_label(args.level)
        if level is None:
            raise UsageError(f'ไม่รู้จักชั้น "{clean_text(args.level)}" (--level) '
                             "ตัวอย่างที่ใช้ได้: อ.2 ป.1 ม.1 เด็กเล็ก 3 ขวบ หรือรหัส p1")
        level_code = level.code
    texts: dict[str, str] = {}
    for name, label in (("room", "ห้องเรียน"), ("relation", "ความเกี่ยวข้องของผู้ปกครองกับเด็ก")):
        value = getattr(args, name)
        if value is not None and not clean_text(value):
            raise UsageError(f"--{name} ว่างอยู่ โปรดระบุ{label} เช่น "
                             + ("1" if name == "room" else "แม่") + f" หรือไม่ต้องใส่ --{name}")
        texts[name] = clean_text(value or "")
    with db.reader() as session:
        institution_id = _institution_id(session, args.institution)
        found = whole_file_problems(session, institution_id=institution_id, level_code=level_code,
                                    classroom=texts["room"], relation=texts["relation"])
    if found:
        raise UsageError("\n".join(found))
    return WholeFile(institution_id, args.year, level_code, texts["room"], texts["relation"])


def _whole_file_hints(problems: list[Any], err: Any) -> None:
    """How to give from the command line what every row lacks (the window's message says
    "เลือก...สำหรับทั้งไฟล์")."""
    fields = {p.field for p in problems if p.row and p.severity == "error"}
    if "guardian_relation" in fields:
        err("ถ้าผู้ปกครองในไฟล์เกี่ยวข้องกับเด็กแบบเดียวกันทุกแถว ให้สั่งใหม่พร้อม --relation เช่น "
            "--relation แม่")
    if "level" in fields:
        err("ถ้าเด็กทุกแถวในไฟล์เรียนชั้นเดียวกัน ให้สั่งใหม่พร้อม --level เช่น --level อ.2 "
            "(และ --room สำหรับห้องเรียน)")


def _ignored_columns(headers: list[str], names: list[str]) -> set[int]:
    """The columns named by ``--ignore-column`` (header as written; spacing and dots aside)."""
    from desktop.domain.columns import header_key

    found: set[int] = set()
    for name in names:
        hits = {i for i, h in enumerate(headers) if h == name or header_key(h) == header_key(name)}
        if not hits or not header_key(name):
            raise UsageError(f'ไม่พบคอลัมน์ "{name}" ในไฟล์ คอลัมน์ที่มี: '
                             + ", ".join(f'"{h}"' for h in headers if h))
        found |= hits
    return found


def _end_progress() -> None:
    if sys.stderr is not None and sys.stderr.isatty():
        sys.stderr.write("\n")
