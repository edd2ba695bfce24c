"""``samoe growth`` and ``samoe dspm``: centre children's growth and DSPM checks from the
command line (issue 12).

    samoe growth add --child ID --date 20/11/2569 --weight 14.2 --height 98.5 [--head 49.5] [--method lying|standing]
    samoe growth show --child ID          each measurement (its number) with its z-scores and Thai categories
    samoe growth edit --measurement N [--date D] [--weight KG] [--height CM] [--head CM|--no-head] [--method M]
                                          correct a measurement: the values not given stay as they are
    samoe growth delete --measurement N   delete a measurement (kept in the audit log)
    samoe growth list [--category ผอม|เตี้ย|อ้วน|ไม่ได้ชั่ง] [--centre C] [--term 2/2569] [--page N]
    samoe dspm due [--month 12/2569] [--centre C] [--page N]
                                          checks due in the month, re-checks due or overdue, referrals waiting

``--child`` is the child's id, national ID, G-code or uuid; ``--centre`` the centre's code
or id. A caregiver sees and records their own centre's children only.

Exit codes: 0 done, 1 a measurement refused (impossible or implausible: the reason said,
nothing saved), 2 wrong arguments (a ``--page`` past the last page of the longest list among
them), 4 the child or the centre not found, 12 not permitted.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any

from desktop.cli_args import month_arg, page_arg, past_last_page

EXIT_INVALID = 1
EXIT_ARGS = 2
EXIT_MISSING = 4
PAGE_SIZE = 100
CATEGORY_WORDS = {"ไม่ได้ชั่ง": "not_measured", "ยังไม่ได้ชั่ง": "not_measured", "ไม่ได้วัด": "not_measured"}


def _size(text: str) -> float:
    """A weight (kg) or a length (cm): a positive number with at most two decimals."""
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ต้องเป็นตัวเลข เช่น 14.2 (ได้รับ {text!r})") from None
    if not 0 < number < 1000 or ("." in value and len(value.split(".")[1]) > 2):
        raise argparse.ArgumentTypeError(f"ต้องเป็นตัวเลขมากกว่า 0 และน้อยกว่า 1000 ทศนิยมไม่เกิน 2 ตำแหน่ง (ได้รับ {text!r})")
    return number


def _number(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"เลขที่ต้องเป็นจำนวนเต็ม เช่น 12 (ได้รับ {text!r})") from None
    if not 1 <= value < 2**62:
        raise argparse.ArgumentTypeError(f"เลขที่ต้องเป็นจำนวนเต็มตั้งแต่ 1 (ได้รับ {text!r})")
    return value


def add_parsers(sub: Any) -> None:
    gr = sub.add_parser("growth", help="ศพด.: น้ำหนัก ส่วนสูง และภาวะโภชนาการของเด็ก")
    gr_sub = gr.add_subparsers(dest="growth_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    add = gr_sub.add_parser("add", help="บันทึกน้ำหนักและส่วนสูง (ตรวจกับเกณฑ์ WHO ก่อนบันทึก)")
    add.add_argument("--child", required=True, help="เลขลำดับ เลขประจำตัวประชาชน รหัส G หรือ uuid ของเด็ก")
    add.add_argument("--date", required=True, help="วันที่ชั่ง/วัด เช่น 20/11/2569")
    add.add_argument("--weight", type=_size, required=True, help="น้ำหนัก (กิโลกรัม) เช่น 14.2")
    add.add_argument("--height", type=_size, required=True, help="ส่วนสูงหรือความยาว (เซนติเมตร) เช่น 98.5")
    add.add_argument("--head", type=_size, help="เส้นรอบศีรษะ (เซนติเมตร)")
    add.add_argument("--method", choices=("lying", "standing"),
                     help="lying นอนวัด, standing ยืนวัด (ไม่ระบุ: ตามที่ WHO กำหนดตามอายุ)")
    show = gr_sub.add_parser("show", help="น้ำหนักและส่วนสูงทุกครั้งของเด็ก พร้อม z-score และภาวะโภชนาการ")
    show.add_argument("--child", required=True, help="เลขลำดับ เลขประจำตัวประชาชน รหัส G หรือ uuid ของเด็ก")
    edit = gr_sub.add_parser("edit", help="แก้ไขผลการชั่ง/วัด (ค่าที่ไม่ระบุคงเดิม ตรวจกับเกณฑ์ WHO ก่อนบันทึก)")
    edit.add_argument("--measurement", type=_number, required=True,
                      help="เลขที่ของผลการชั่ง/วัด (ดูได้จาก samoe growth show --child ID)")
    edit.add_argument("--date", help="วันที่ชั่ง/วัด เช่น 20/11/2569")
    edit.add_argument("--weight", type=_size, help="น้ำหนัก (กิโลกรัม) เช่น 14.2")
    edit.add_argument("--height", type=_size, help="ส่วนสูงหรือความยาว (เซนติเมตร) เช่น 98.5")
    head = edit.add_mutually_exclusive_group()
    head.add_argument("--head", type=_size, help="เส้นรอบศีรษะ (เซนติเมตร)")
    head.add_argument("--no-head", action="store_true", help="ลบค่าเส้นรอบศีรษะ")
    edit.add_argument("--method", choices=("lying", "standing", "auto"),
                      help="lying นอนวัด, standing ยืนวัด, auto ตามที่ WHO กำหนดตามอายุ")
    delete = gr_sub.add_parser("delete", help="ลบผลการชั่ง/วัด (บันทึกไว้ในประวัติการใช้งาน)")
    delete.add_argument("--measurement", type=_number, required=True,
                        help="เลขที่ของผลการชั่ง/วัด (ดูได้จาก samoe growth show --child ID)")
    lst = gr_sub.add_parser("list", help="รายชื่อเด็กผอม เตี้ย อ้วน หรือยังไม่ได้ชั่ง/วัด ในภาคเรียน แยกตามห้อง")
    lst.add_argument("--category", default="", help="ผอม เตี้ย อ้วน หรือ ไม่ได้ชั่ง (ไม่ระบุ: ทุกกลุ่ม)")
    lst.add_argument("--centre", default="", help="รหัสหรือเลขลำดับ (id) ของศูนย์ (ไม่ระบุ: ทุกศูนย์ที่ดูได้)")
    lst.add_argument("--term", default="", help="ภาคเรียน เช่น 2/2569 (ไม่ระบุ: ภาคเรียนปัจจุบัน)")
    lst.add_argument("--page", type=page_arg, default=1, help=f"หน้าที่ (หน้าละ {PAGE_SIZE} คน)")
    ds = sub.add_parser("dspm", help="ศพด.: การเฝ้าระวังพัฒนาการเด็ก (DSPM)")
    ds_sub = ds.add_subparsers(dest="dspm_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    due = ds_sub.add_parser("due", help="เด็กที่ถึงกำหนดประเมินในเดือน ประเมินซ้ำที่ถึง/เลยกำหนด และส่งต่อที่รอผล")
    due.add_argument("--month", type=month_arg, help="เดือน/ปี เช่น 12/2569 (ไม่ระบุ: เดือนนี้)")
    due.add_argument("--centre", default="", help="รหัสหรือเลขลำดับ (id) ของศูนย์ (ไม่ระบุ: ทุกศูนย์ที่ดูได้)")
    due.add_argument("--page", type=page_arg, default=1, help=f"หน้าที่ (หน้าละ {PAGE_SIZE} คน)")


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    return {"add": "บันทึกน้ำหนักและส่วนสูง", "edit": "แก้ไขผลการชั่ง/วัด",
            "delete": "ลบผลการชั่ง/วัด"}.get(getattr(args, "growth_command", ""), "")


def _centre_id(session: Any, text: str) -> int | None:
    from sqlalchemy import or_, select

    from desktop.store.models import Institution

    value = text.strip()
    conditions = [Institution.code == value]
    if value.isascii() and value.isdigit() and len(value) < 9:
        conditions.append(Institution.id == int(value))
    found = session.scalars(select(Institution.id).where(Institution.kind == "cdc", Institution.deleted_at.is_(None),
                                                         or_(*conditions))).all()
    return int(found[0]) if len(found) == 1 else None


def _z(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.errors import ValidationFailed

    try:
        if args.command == "dspm":
            return _due(args, db, out, err)
        if args.growth_command == "add":
            return _add(args, db, out, err)
        if args.growth_command == "show":
            return _show(args, db, out, err)
        if args.growth_command in ("edit", "delete"):
            from desktop.cli_growth_edit import run_edit

            return run_edit(args, db, out, err)
        return _list(args, db, out, err)
    except ValidationFailed as exc:
        for p in exc.problems:
            err(p.message)
        missing = any(p.field in ("child", "centre", "measurement", "term") for p in exc.problems)
        return EXIT_MISSING if missing else EXIT_INVALID


def _add(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import DateParseError, parse_date
    from desktop.domain.growth import Method
    from desktop.services.growth import add_measurement, growth_child

    try:
        on = parse_date(args.date)
    except DateParseError as exc:
        err(f"วันที่ไม่ถูกต้อง: {exc}")
        return EXIT_ARGS
    from desktop.domain.roles import Action

    with db.session() as s:
        child = growth_child(s, args.child, Action.GROWTH_RECORD)
        view = add_measurement(s, child.uuid, on, weight_kg=args.weight, height_cm=args.height, head_cm=args.head,
                               method=Method(args.method) if args.method else None)
    out(f"บันทึกแล้ว: {child.name}")
    print_measurement(view, out)
    return 0


def print_measurement(view: Any, out: Any) -> None:
    from desktop.domain.dates import age_on, format_age, format_be
    from desktop.domain.growth_categories import INDICATOR_LABELS, Indicator
    from desktop.i18n import _

    years, months = age_on(view.measured_on - timedelta(days=view.age_days), view.measured_on)
    sizes = [f"น้ำหนัก {view.weight_kg:g} กก." if view.weight_kg is not None else "",
             f"ส่วนสูง {view.height_cm:g} ซม." if view.height_cm is not None else "",
             f"เส้นรอบศีรษะ {view.head_cm:g} ซม." if view.head_cm is not None else ""]
    out(f"[เลขที่ {view.id}]  {format_be(view.measured_on)}  อายุ {format_age(years, months)}  "
        + "  ".join(s for s in sizes if s))
    for ind in Indicator:
        z = view.z.get(ind)
        if z is None and ind in (Indicator.HCA, Indicator.BMI):
            continue
        label = view.category_label(ind)
        out(f"    {_(INDICATOR_LABELS[ind])}: z = {_z(z)}" + (f"  {label}" if label else ""))
    for note in view.notes:
        out(f"    หมายเหตุ: {note}")


def _show(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import format_be
    from desktop.services.growth import growth_child, measurements

    with db.reader() as s:
        child = growth_child(s, args.child)
        views = measurements(s, child.uuid)
    sex = "ชาย" if child.sex.value == "M" else "หญิง"
    out(f"{child.name} ({sex} เกิด {format_be(child.birth)}) ชั่ง/วัด {len(views)} ครั้ง")
    for view in views:
        print_measurement(view, out)
    return 0


def _list(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import format_be
    from desktop.domain.growth_categories import Indicator
    from desktop.services.growth_lists import (
        LIST_LABELS,
        ListCategory,
        growth_list,
        parse_list_category,
        term_period,
    )
    from desktop.services.years import term_of

    categories = list(ListCategory)
    if args.category.strip():
        chosen = parse_list_category(CATEGORY_WORDS.get(args.category.strip(), args.category))
        if chosen is None:
            err(f"กลุ่ม {args.category!r} ไม่มี: ใช้ ผอม เตี้ย อ้วน หรือ ไม่ได้ชั่ง")
            return EXIT_ARGS
        categories = [chosen]
    term = args.term.strip()
    if term and (len(term.split("/")) != 2 or not all(p.isascii() and p.isdigit() for p in term.split("/"))):
        err(f"ภาคเรียนต้องเป็น ภาคเรียน/ปี พ.ศ. เช่น 2/2569 (ได้รับ {term!r})")
        return EXIT_ARGS
    with db.reader() as s:
        centre = None
        if args.centre.strip():
            centre = _centre_id(s, args.centre)
            if centre is None:
                err(f"ไม่พบศูนย์พัฒนาเด็กเล็ก {args.centre} (ใช้รหัสหรือเลขลำดับของศูนย์)")
                return EXIT_MISSING
        if term:
            number, year = (int(p) for p in term.split("/"))
            t = term_of(s, year, number)
            label, start, end = term, t.start_date, t.end_date
        else:
            period = term_period(s, date.today())
            label, start, end = period.label, period.start, period.end
        offset = (args.page - 1) * PAGE_SIZE
        pages = [growth_list(s, c, start, end, institution_id=centre, offset=offset, limit=PAGE_SIZE)
                 for c in categories]
    past = past_last_page(args.page, max(p.total for p in pages), PAGE_SIZE, "คน")
    if past:
        err(past)
        return EXIT_ARGS
    for page in pages:
        shown = f"{offset + 1:,}-{offset + len(page.rows):,} จาก " if page.rows and page.total > len(page.rows) else ""
        out(f"{LIST_LABELS[page.category]} ภาคเรียน {label}: {shown}{page.total:,} คน")
        for r in page.rows:
            where = f"{r.centre} {r.room or '(ยังไม่ได้จัดห้อง)'}"
            if page.category is ListCategory.NOT_MEASURED:
                out(f"    {r.child_id}  {r.name}  {where}")
                continue
            out(f"    {r.child_id}  {r.name}  {where}  ชั่ง/วัด {format_be(r.measured_on)}  "
                f"น้ำหนัก/อายุ {_z(r.z.get(Indicator.WFA))} {r.category_label(Indicator.WFA)}  "
                f"ส่วนสูง/อายุ {_z(r.z.get(Indicator.HFA))} {r.category_label(Indicator.HFA)}  "
                f"น้ำหนัก/ส่วนสูง {_z(r.z.get(Indicator.WFH))} {r.category_label(Indicator.WFH)}")
    return 0


def _due(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.dates import format_be
    from desktop.domain.dspm import band_text
    from desktop.services.dspm_lists import checks_due, rechecks_due, referrals_waiting

    today = date.today()
    year, month = args.month or (today.year, today.month)
    offset = (args.page - 1) * PAGE_SIZE
    with db.reader() as s:
        centre = None
        if args.centre.strip():
            centre = _centre_id(s, args.centre)
            if centre is None:
                err(f"ไม่พบศูนย์พัฒนาเด็กเล็ก {args.centre} (ใช้รหัสหรือเลขลำดับของศูนย์)")
                return EXIT_MISSING
        due = checks_due(s, year, month, institution_id=centre, offset=offset, limit=PAGE_SIZE)
        again = rechecks_due(s, today, institution_id=centre, offset=offset, limit=PAGE_SIZE)
        waiting = referrals_waiting(s, today, institution_id=centre, offset=offset, limit=PAGE_SIZE)
    past = past_last_page(args.page, max(due.total, again.total, waiting.total), PAGE_SIZE, "คน")
    if past:
        err(past)
        return EXIT_ARGS
    out(f"ถึงกำหนดประเมิน DSPM เดือน {month}/{year + 543}: {due.total:,} คน")
    for r in due.rows:
        done = f"ประเมินแล้ว {format_be(r.checked_on)}" if r.checked_on else "ยังไม่ได้ประเมิน"
        out(f"    {r.child.child_id}  {r.child.name}  {r.child.centre}  อายุครบ {r.age_months} เดือน "
            f"{format_be(r.reaches_on)}  {done}")
    out(f"ประเมินซ้ำที่ถึงกำหนดหรือเลยกำหนด: {again.total:,} คน")
    for a in again.rows:
        when = f"เลยกำหนด {-a.days_left} วัน" if a.overdue else f"อีก {a.days_left} วัน"
        out(f"    {a.child.child_id}  {a.child.name}  {a.child.centre}  ช่วงอายุ {band_text(a.age_months)} "
            f"ประเมิน {format_be(a.checked_on)}  ประเมินซ้ำภายใน {format_be(a.due)} ({when})")
    out(f"ส่งต่อที่รอผลจากโรงพยาบาล: {waiting.total:,} คน")
    for w in waiting.rows:
        out(f"    {w.child.child_id}  {w.child.name}  {w.child.centre}  ส่ง {w.hospital} "
            f"{format_be(w.sent_on)} (รอ {w.days_waiting} วัน)")
    return 0
