"""``samoe cases``: out-of-school children's cases from the command line (issue 13).

    samoe cases list [--status S] [--worker W] [--village N] [--search T] [--open] [--by-village] [--page N]
    samoe cases overdue [--date 1/12/2569] [--page N]
    samoe cases month --out FILE.pdf [--month 11/2569]   (the month's report for the mayor and
                                province; default: the month last ended)
    samoe cases assign --case N --worker LOGIN   (a supervisor names the case worker;
                                ``--worker -``: nobody)
    samoe cases import FILE [--dry-run] [--source zero_dropout|volunteer_list] [--skip-invalid]
                      [--sheet NAME|N] [--header-row N]
                                (a list into cases: desktop/cli_case_import.py)

``--status`` takes the code (``to_trace``) or the Thai label (``รอติดตาม``); ``--worker`` a
user's login or a part of their full name (``-`` for the cases no worker follows; a name
nobody has, and no case holds, is said: exit 4); ``--village`` the หมู่ of the child's
household (``4``, ``ม.4``, ``หมู่ที่ ๔``) or a village's name. The list shows the overdue
follow-ups first (most overdue first), then the newest case; ``--by-village`` orders it by
village and house instead (a tracing trip's list).

The list shows the worker by full name (people.full_names). ``assign`` takes a login of a
user holding the case worker's role; an unknown user or one who is not a case worker is
exit 1, an unknown case exit 4.

Exit codes: 0 done, 1 refused (the worker), 2 wrong arguments (a ``--page`` past the last
page among them: the pages there are are said; the first page of an empty list is no error),
4 the case (or the ``--worker`` of a list) not found, 12 not permitted.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_args import date_arg, month_arg, output_problem, page_arg, past_last_page

EXIT_INVALID = 1
EXIT_ARGS = 2
EXIT_MISSING = 4
PAGE_SIZE = 100
# sub-command → the label of its write (the import adds itself here)
WRITING: dict[str, str] = {"assign": "มอบหมายเจ้าหน้าที่ผู้รับผิดชอบกรณี"}


def _case_ref(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 2**62:
        raise argparse.ArgumentTypeError(f"เลขที่กรณีต้องเป็นจำนวนเต็มตั้งแต่ 1 (ได้รับ {text!r})")
    return int(value)


def _status(text: str) -> str:
    from desktop.domain.cases import CaseStatus, parse_status

    status = parse_status(text)
    if status is None:
        codes = ", ".join(s.value for s in CaseStatus)
        raise argparse.ArgumentTypeError(f"ไม่รู้จักสถานะ {text!r} ใช้รหัสหรือชื่อภาษาไทย เช่น to_trace หรือ รอติดตาม "
                                         f"(รหัส: {codes})")
    return status.value


def add_parsers(sub: Any) -> None:
    cases = sub.add_parser("cases", help="เด็กนอกระบบการศึกษา: รายชื่อกรณี การนิเทศติดตามที่เลยกำหนด")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    lst = cases_sub.add_parser("list", help="รายชื่อกรณี แยกตามสถานะ เจ้าหน้าที่ และหมู่บ้าน (ที่เลยกำหนดติดตามขึ้นก่อน)")
    lst.add_argument("--status", type=_status, help="สถานะ: รหัสหรือชื่อภาษาไทย เช่น to_trace หรือ รอติดตาม")
    lst.add_argument("--worker", help="ชื่อผู้ใช้ของเจ้าหน้าที่ผู้รับผิดชอบ (- : กรณีที่ยังไม่มีผู้รับผิดชอบ)")
    lst.add_argument("--village", default="", help="หมู่ที่ของบ้านเด็ก (4, ม.4, หมู่ที่ 4) หรือชื่อหมู่บ้าน")
    lst.add_argument("--search", default="", help="ชื่อ นามสกุล เลขประจำตัวประชาชน หรือรหัส G ของเด็ก")
    lst.add_argument("--open", action="store_true", help="เฉพาะกรณีที่ยังไม่ปิด")
    lst.add_argument("--by-village", action="store_true", help="เรียงตามหมู่บ้านและบ้านเลขที่ (วางแผนออกติดตาม)")
    lst.add_argument("--page", type=page_arg, default=1, help=f"หน้าที่ (หน้าละ {PAGE_SIZE} กรณี)")
    over = cases_sub.add_parser("overdue", help="กรณีที่เลยกำหนดนิเทศติดตาม (เลยนานที่สุดขึ้นก่อน)")
    over.add_argument("--date", type=date_arg, help="นับถึงวันที่ เช่น 1/12/2569 (ไม่ระบุ: วันนี้)")
    over.add_argument("--page", type=page_arg, default=1, help=f"หน้าที่ (หน้าละ {PAGE_SIZE} กรณี)")
    month = cases_sub.add_parser("month", help="รายงานกรณีเด็กนอกระบบประจำเดือน (PDF) สำหรับนายกฯ และจังหวัด")
    month.add_argument("--month", type=month_arg, help="เดือน/ปี เช่น 11/2569 (ไม่ระบุ: เดือนที่แล้ว)")
    month.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    assign = cases_sub.add_parser("assign", help="มอบหมายเจ้าหน้าที่ติดตามผู้รับผิดชอบกรณี (หัวหน้างาน)")
    assign.add_argument("--case", type=_case_ref, required=True, help="เลขที่กรณี")
    assign.add_argument("--worker", required=True,
                        help="ชื่อผู้ใช้ (login) ของเจ้าหน้าที่ติดตามเด็กนอกระบบ (- : ยกเลิกผู้รับผิดชอบ)")
    from desktop.cli_case_import import add_parser as add_import_parser

    add_import_parser(cases_sub)  # samoe cases import FILE (desktop/cli_case_import.py)


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    command = getattr(args, "cases_command", "")
    if command == "import":
        from desktop.cli_case_import import writes as import_writes

        return import_writes(args)  # a dry run only reads
    return WRITING.get(command, "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.errors import ValidationFailed

    try:
        if args.cases_command == "import":
            from desktop.cli_case_import import run as run_import

            return run_import(args, db, out, err)
        if args.cases_command == "overdue":
            return _overdue(args, db, out, err)
        if args.cases_command == "month":
            return _month_report(args, db, out, err)
        if args.cases_command == "assign":
            return _assign(args, db, out)
        return _list(args, db, out, err)
    except ValidationFailed as exc:
        for p in exc.problems:
            err(p.message)
        return EXIT_MISSING if any(p.field == "case" for p in exc.problems) else EXIT_INVALID


def _assign(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.cases import assign_worker
    from desktop.services.people import full_name

    worker = "" if args.worker.strip() == "-" else args.worker.strip()
    with db.session() as s:
        info = assign_worker(s, args.case, worker)
        who = full_name(s, info.worker)
    if who:
        out(f"มอบหมายกรณีเลขที่ {info.id} ({info.child_name}) ให้ {who} ({info.worker}) แล้ว")
    else:
        out(f"ยกเลิกผู้รับผิดชอบกรณีเลขที่ {info.id} ({info.child_name}) แล้ว")
    return 0


def _list(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.case_followup import due_text
    from desktop.domain.cases import CaseStatus, status_label
    from desktop.services.cases_lists import CaseOrder, CaseQuery, list_cases
    from desktop.services.people import knows_person

    worker = None if args.worker is None else ("" if args.worker.strip() == "-" else args.worker.strip())
    query = CaseQuery(CaseStatus(args.status) if args.status else None, worker, args.village, args.search,
                      open_only=args.open)
    today = date.today()
    order = CaseOrder.VILLAGE if args.by_village else CaseOrder.OVERDUE_FIRST
    with db.reader() as s:
        page = list_cases(s, query, today=today, offset=(args.page - 1) * PAGE_SIZE, limit=PAGE_SIZE, order=order)
        unknown = bool(worker) and page.total == 0 and not knows_person(s, worker or "")
    if unknown:  # a typo: not "nobody's cases", but nobody by that name
        err(f"ไม่พบผู้ใช้ชื่อ {worker} ระบุชื่อผู้ใช้ (login) หรือชื่อ-นามสกุลของเจ้าหน้าที่ผู้รับผิดชอบ")
        return EXIT_MISSING
    past = past_last_page(args.page, page.total, PAGE_SIZE, "กรณี")
    if past:
        err(past)
        return EXIT_ARGS
    for r in page.rows:
        village = f"ม.{r.village_no}" if r.village_no.isdigit() else r.village_no
        due = due_text(r.follow_due_on, today)
        out("  ".join(x for x in (str(r.id), r.child_name, status_label(r.status), r.worker_name or "-",
                                  f"{r.house_no} {village}".strip(), due) if x))
    _summary(out, page.total, page.overdue, args.page)
    return 0


def _summary(out: Any, total: int, overdue: int, page: int) -> None:
    pages = max(1, -(-total // PAGE_SIZE))
    line = f"ทั้งหมด {total:,} กรณี เลยกำหนดนิเทศติดตาม {overdue:,} กรณี"
    if total > PAGE_SIZE or page > 1:
        line += f" (หน้า {page}/{pages:,})"
    out(line)


def _overdue(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.cases import status_label
    from desktop.domain.dates import format_be
    from desktop.services.cases_lists import overdue_cases, overdue_count

    today = args.date or date.today()
    if abs((today - date.today()).days) > 366:  # a mistyped year (2600 for 2569): 11,334 days overdue
        err(f"วันที่ {format_be(today)} ห่างจากวันนี้เกินหนึ่งปี โปรดตรวจปี พ.ศ. ที่พิมพ์")
        return EXIT_ARGS
    with db.reader() as s:
        rows = overdue_cases(s, today, (args.page - 1) * PAGE_SIZE, PAGE_SIZE)
        total = overdue_count(s, today)
    past = past_last_page(args.page, total, PAGE_SIZE, "กรณี")
    if past:
        err(past)
        return EXIT_ARGS
    for r in rows:
        village = f"ม.{r.village_no}" if r.village_no.isdigit() else r.village_no
        out("  ".join(x for x in (str(r.case_id), r.child_name, status_label(r.status), r.worker_name or "-", village,
                                  f"เลยกำหนด {r.days} วัน (ครบกำหนด {format_be(r.due)})") if x))
    pages = max(1, -(-total // PAGE_SIZE))
    out(f"เลยกำหนดนิเทศติดตาม {total:,} กรณี (นับถึง {format_be(today)})"
        + (f" (หน้า {args.page}/{pages:,})" if total > PAGE_SIZE or args.page > 1 else ""))
    return 0


def _month_report(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import format_be_month
    from desktop.services.case_print import last_month, monthly_report_file
    from desktop.services.home import note_export

    target: Path = args.out
    if target.suffix.lower() != ".pdf":
        err("รายงานประจำเดือนเป็น PDF: ชื่อไฟล์ต้องลงท้ายด้วย .pdf")
        return EXIT_ARGS
    problem = output_problem(target)
    if problem:
        err(problem)
        return EXIT_ARGS
    today = date.today()
    year, month = args.month or last_month(today)
    if (year, month) > (today.year, today.month):
        err(f"เดือน {month}/{year + 543} ยังมาไม่ถึง เลือกเดือนนี้หรือเดือนที่ผ่านมาแล้ว")
        return EXIT_ARGS
    with db.reader() as s:
        pages = monthly_report_file(s, year, month, target, today=today)
    title = f"รายงานกรณีเด็กนอกระบบประจำเดือน{format_be_month(year, month, 'th')}"
    note_export(db, "cases-month", title, target, pages=pages)
    out(f"เขียน {target} แล้ว {pages:,} หน้า ({title})")
    return 0
