"""``samoe screening`` and ``samoe rulepack``: the poverty screening from the command line
(issue 11).

    samoe screening list [--term 1/2569] [--status draft|submitted|certified|returned]
    samoe screening rescore [--pack LABEL] [--dry-run]   who changes class, then re-score
    samoe screening print UUID --out FILE.pdf           the filled form, for signatures
    samoe screening dashboard --term 1/2569             per school: screened, certified, poor, paid
    samoe screening missing --term 1/2569               not screened, no photo, no house position
    samoe grants rounds                                  one line per round, its id first
    samoe grants create --name N --term 1/2569 [--programme eef_equity|dla_basic|other] [--levels extreme,poor]
    samoe grants eligible --round ID [--out FILE.xlsx]   who is in, held or out, and why
    samoe grants print --round ID --out FILE.pdf [--summary]   the list to sign, or the summary
    samoe grants attendance --term 1/2569 FILE [--days N] [--dry-run]   the term's attendance from a sheet
    samoe rulepack list                                  the packs installed, the active one
    samoe rulepack install FILE                          a pack the province signed
    samoe rulepack sign PACK.json --out FILE             at the province: sign a pack

Exit codes: 0 done, 1 refused (the file's reason code and a Thai message say why; a
pack that is not valid), 2 wrong arguments, 11 a wrong password for the office's keys,
12 not permitted.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem

STATUSES = ("draft", "submitted", "certified", "returned")
EXIT_REFUSED = 1
EXIT_ARGS = 2


def add_parsers(sub: Any) -> None:
    sc = sub.add_parser("screening", help="แบบคัดกรองความยากจน (นร./กสศ.01)")
    sc_sub = sc.add_subparsers(dest="screening_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    ls = sc_sub.add_parser("list", help="รายชื่อแบบคัดกรอง")
    ls.add_argument("--term", default="", help="ภาคเรียน เช่น 1/2569")
    ls.add_argument("--status", choices=STATUSES, help="สถานะ")
    rs = sc_sub.add_parser("rescore", help="คิดผลใหม่ทุกแบบด้วยชุดเกณฑ์ (แสดงเด็กที่ผลเปลี่ยนก่อน)")
    rs.add_argument("--pack", default="", help="ชุดเกณฑ์ที่ติดตั้งแล้ว เช่น 'samoe-illustrative v2' (ไม่ใส่: ที่ใช้อยู่)")
    rs.add_argument("--dry-run", action="store_true", help="แสดงเด็กที่ผลจะเปลี่ยนเท่านั้น ไม่บันทึก")
    for name, text in (("dashboard", "สรุปการคัดกรองของภาคเรียนรายโรงเรียน"),
                       ("missing", "เด็กที่ยังไม่ได้คัดกรอง ไม่มีรูปถ่าย หรือไม่มีพิกัดบ้าน")):
        sc_sub.add_parser(name, help=text).add_argument("--term", required=True, help="ภาคเรียน เช่น 1/2569")
    pr = sc_sub.add_parser("print", help="พิมพ์แบบคัดกรองที่กรอกแล้วเป็น PDF สำหรับลงนาม")
    pr.add_argument("uuid", help="รหัสแบบคัดกรอง (จาก samoe screening list)")
    pr.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    gr = sub.add_parser("grants", help="รอบทุนเสมอภาคและเงินอุดหนุนนักเรียนยากจน")
    gr_sub = gr.add_subparsers(dest="grants_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    gr_sub.add_parser("rounds", help="รายการรอบทุน (รหัสรอบขึ้นต้นบรรทัด)")
    make = gr_sub.add_parser("create", help="สร้างรอบทุน")
    make.add_argument("--name", required=True, help="ชื่อรอบ เช่น 'ทุนเสมอภาค 1/2569'")
    make.add_argument("--term", required=True, help="ภาคเรียน เช่น 1/2569")
    make.add_argument("--programme", choices=("eef_equity", "dla_basic", "other"), default="eef_equity")
    make.add_argument("--levels", default="extreme", help="กลุ่มที่จ่าย: extreme, poor หรือ extreme,poor")
    make.add_argument("--attendance", type=int, default=None, help="เกณฑ์การมาเรียน (%%) ไม่ใส่: ตามชุดเกณฑ์")
    el = gr_sub.add_parser("eligible", help="รายชื่อผู้มีสิทธิ์ รอ และไม่มีสิทธิ์ พร้อมเหตุผล")
    el.add_argument("--round", type=int, required=True, help="รหัสรอบ (จาก samoe grants rounds)")
    el.add_argument("--out", type=Path, default=None, help="บันทึกเป็นไฟล์ .xlsx หรือ .csv")
    at = gr_sub.add_parser("attendance", help="นำเข้าจำนวนวันมาเรียนของภาคเรียนจากไฟล์ (xlsx, xls, csv)")
    at.add_argument("--term", required=True, help="ภาคเรียน เช่น 1/2569")
    at.add_argument("file", type=Path, help="ไฟล์ที่มีเลขประจำตัวหรือชื่อ-สกุล วันมาเรียน และวันเปิดเรียน")
    at.add_argument("--days", type=int, default=None, help="วันเปิดเรียนของภาคเรียน (เมื่อไฟล์ไม่มีคอลัมน์นี้)")
    at.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก")
    gp = gr_sub.add_parser("print", help="พิมพ์รายชื่อผู้มีสิทธิ์สำหรับลงนามรับเงิน หรือสรุปรอบทุน")
    gp.add_argument("--round", type=int, required=True, help="รหัสรอบ (จาก samoe grants rounds)")
    gp.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    gp.add_argument("--summary", action="store_true", help="พิมพ์สรุปรอบทุนแทนรายชื่อ")
    rp = sub.add_parser("rulepack", help="ชุดเกณฑ์คัดกรองความยากจน")
    rp_sub = rp.add_subparsers(dest="rulepack_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    rp_sub.add_parser("list", help="ชุดเกณฑ์ที่ติดตั้งแล้ว")
    install = rp_sub.add_parser("install", help="ติดตั้งชุดเกณฑ์ที่จังหวัดลงนาม")
    install.add_argument("file", type=Path, help="ไฟล์ .samoe-rulepack")
    sign = rp_sub.add_parser("sign", help="ลงนามชุดเกณฑ์ (สำนักงานจังหวัด)")
    sign.add_argument("pack", type=Path, help="ไฟล์ชุดเกณฑ์ (JSON)")
    sign.add_argument("--out", type=Path, required=True, help="ไฟล์ .samoe-rulepack ที่จะเขียน")


def writes(args: argparse.Namespace) -> str:
    if args.command == "grants":
        if args.grants_command == "attendance":
            return "" if args.dry_run else "นำเข้าการมาเรียน"
        return "สร้างรอบทุน" if args.grants_command == "create" else ""
    if args.command == "screening":
        return "คิดผลคัดกรองใหม่" if args.screening_command == "rescore" and not args.dry_run else ""
    return {"install": "ติดตั้งชุดเกณฑ์", "sign": "ลงนามชุดเกณฑ์"}.get(args.rulepack_command, "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.exchange.reasons import Refusal
    from desktop.services.exchange_keys import OfficeKeyError
    from desktop.services.exchange_outbox import ExchangeError
    from desktop.services.screenings import ScreeningError

    try:
        if args.command == "grants":
            return _grants(args, db, out, err)
        if args.command == "screening":
            if args.screening_command == "print":
                return _print(args, db, out, err)
            if args.screening_command in ("dashboard", "missing"):
                return _term_lists(args, db, out, err)
            return _list(args, db, out, err) if args.screening_command == "list" else _rescore(args, db, out)
        if args.rulepack_command == "list":
            return _packs(db, out)
        if args.rulepack_command == "install":
            return _install(args, db, out, err)
        return _sign(args, db, out, err)
    except Refusal as exc:
        err(f"ไม่รับไฟล์ [{exc.code}]: {exc.message}")
        return EXIT_REFUSED
    except (ExchangeError, ScreeningError) as exc:
        err(f"[{getattr(exc, 'code', 'screening')}] {exc.message}")
        return EXIT_REFUSED
    except OfficeKeyError as exc:
        err(exc.message)
        return 11 if exc.code == "keys.password" else 12 if exc.code == "keys.not_shared" else EXIT_REFUSED


def _term_of(text: str, err: Any) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*([12])\s*/\s*(25\d\d)\s*", text)
    if match is None:
        err(f"ภาคเรียน {text!r} ไม่ถูกต้อง ใส่เป็น ภาคเรียน/ปีการศึกษา เช่น 1/2569")
        return None
    return int(match.group(1)), int(match.group(2))


def _grants(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.grants import Programme
    from desktop.domain.screening import PovertyLevel
    from desktop.services.grants import (
        RoundValues,
        create_round,
        eligibility,
        export_eligibility,
        rounds,
    )

    if args.grants_command == "rounds":
        with db.reader() as s:
            found = rounds(s)
        for info in found:
            out(f"{info.id}  {info.term}  {info.programme_label}  {info.name}  จ่าย {info.levels}  มาเรียน ≥ {info.attendance_percent}%")
        out(f"รอบทุน {len(found)} รอบ")
        return 0
    if args.grants_command == "create":
        term = _term_of(args.term, err)
        levels = {v.strip() for v in args.levels.split(",") if v.strip()}
        if term is None:
            return EXIT_ARGS
        if not levels or not levels <= {p.value for p in PovertyLevel} - {"not_poor"}:
            err(f"--levels {args.levels!r} ไม่ถูกต้อง ใช้ extreme, poor หรือ extreme,poor")
            return EXIT_ARGS
        with db.session() as s:
            rid = create_round(s, RoundValues(Programme(args.programme), args.name, term[1], term[0],
                                              frozenset(PovertyLevel(v) for v in levels), args.attendance))
        out(f"สร้างรอบทุนรหัส {rid} แล้ว ดูรายชื่อด้วย samoe grants eligible --round {rid}")
        return 0
    if args.grants_command == "attendance":
        return _attendance(args, db, out, err)
    if args.out is not None:
        problem = output_problem(args.out)
        if problem:
            err(problem)
            return EXIT_ARGS
    if args.grants_command == "print":
        from desktop.services.grant_print import grant_list_pdf, grant_summary_pdf

        with db.reader() as s:
            pages = (grant_summary_pdf if args.summary else grant_list_pdf)(s, args.round, args.out)
        out(f"เขียน{'สรุปรอบทุน' if args.summary else 'รายชื่อผู้มีสิทธิ์'} {pages} หน้า ลงไฟล์ {args.out} แล้ว")
        return 0
    with db.reader() as s:
        rows = eligibility(s, args.round)
        if args.out is not None:
            export_eligibility(s, args.round, args.out)
    words = {"eligible": "มีสิทธิ์", "held": "รอ", "out": "ไม่มีสิทธิ์"}
    for r in rows:
        out(f"{r.child_uuid}  {r.child_name}  {r.class_level}  {words[r.outcome.value]}  {r.amount:,}  {r.reason}")
    counts = {k: sum(1 for r in rows if r.outcome.value == k) for k in words}
    out(f"มีสิทธิ์ {counts['eligible']:,} คน รอ {counts['held']:,} คน ไม่มีสิทธิ์ {counts['out']:,} คน"
        + (f" บันทึกลงไฟล์ {args.out} แล้ว" if args.out is not None else ""))
    return 0


def _attendance(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.domain.errors import ValidationFailed
    from desktop.reports.sheets import SheetError
    from desktop.services.attendance_import import import_attendance

    given = _term_of(args.term, err)
    if given is None:
        return EXIT_ARGS
    if not args.file.is_file():
        err(f"ไม่พบไฟล์ {args.file} (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์")
        return EXIT_ARGS
    try:
        with db.session() as s:
            result = import_attendance(s, given[1], given[0], args.file, days_open=args.days, dry_run=args.dry_run)
    except SheetError as exc:
        err(str(exc))
        return EXIT_REFUSED
    except ValidationFailed as exc:
        for p in exc.problems:
            err(p.message)
        err(f"ไม่ได้บันทึก: พบปัญหา {len(exc.problems):,} รายการ แก้ไฟล์แล้วนำเข้าใหม่")
        return EXIT_REFUSED
    for note in result.notes:
        out(note)
    out(f"{'ตรวจแล้ว' if args.dry_run else 'บันทึกการมาเรียนแล้ว'} {result.rows:,} คน"
        + (" (ยังไม่บันทึก)" if args.dry_run else ""))
    return 0


def _list(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.screening_list import screening_rows

    term = year = None
    if args.term:
        given = _term_of(args.term, err)
        if given is None:
            return EXIT_ARGS
        term, year = given
    with db.reader() as s:
        rows = screening_rows(s, term=term, year_be=year, status=args.status)
    for r in rows:
        out(f"{r.uuid}  {r.term}  {r.child_name}  {r.institution} {r.level} {r.classroom}  "
            f"{r.status_label}  {r.level_label}")
    out(f"แบบคัดกรอง {len(rows):,} แบบ")
    return 0


def _term_lists(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.screening_list import missing, term_dashboard

    given = _term_of(args.term, err)
    if given is None:
        return EXIT_ARGS
    term, year = given
    with db.reader() as s:
        if args.screening_command == "missing":
            rows = missing(s, year, term)
            for m in rows:
                out(f"{m.child_uuid}  {m.child_name}  {m.institution} {m.level} {m.classroom}  {m.what}")
            out(f"ต้องตามต่อ {len(rows):,} คน")
            return 0
        counts = term_dashboard(s, year, term)
    out("โรงเรียน | นักเรียน | คัดกรองแล้ว | ส่งแล้ว | รับรองแล้ว | ยากจน | ยากจนพิเศษ | ได้รับเงิน")
    for c in counts:
        out(f"{c.institution} | {c.enrolled:,} | {c.screened:,} | {c.submitted:,} | {c.certified:,} | {c.poor:,} | "
            f"{c.extreme:,} | {c.paid:,}")
    out(f"รวม | {sum(c.enrolled for c in counts):,} | {sum(c.screened for c in counts):,} | "
        f"{sum(c.submitted for c in counts):,} | {sum(c.certified for c in counts):,} | "
        f"{sum(c.poor for c in counts):,} | {sum(c.extreme for c in counts):,} | {sum(c.paid for c in counts):,}")
    return 0


def _print(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.screening_print import screening_pdf

    problem = output_problem(args.out)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.reader() as s:
        pages = screening_pdf(s, args.uuid, args.out)
    out(f"เขียนแบบคัดกรอง {pages} หน้า ลงไฟล์ {args.out} แล้ว")
    return 0


def _rescore(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.rulepacks import active_pack, rescore, rescore_preview

    with db.session() as s:
        label = args.pack or active_pack(s).label
        changes = rescore_preview(s, label) if args.dry_run else rescore(s, label)
    for c in changes:
        out(f"{c.screening_uuid}  {c.before or '-'} → {c.after}")
    verb = "จะเปลี่ยน" if args.dry_run else "เปลี่ยน"
    out(f"ชุดเกณฑ์ {label}: ผลคัดกรอง{verb} {len(changes):,} แบบ" + (" (ยังไม่บันทึก)" if args.dry_run else ""))
    return 0


def _packs(db: Any, out: Any) -> int:
    from desktop.services.rulepacks import pack_list

    with db.session() as s:
        packs = pack_list(s)
    for p in packs:
        mark = "* " if p.active else "  "
        source = f"ลงนามโดย {p.signed_by}" if p.signed_by else "มากับโปรแกรม"
        note = " (ตัวอย่าง ไม่ใช่เกณฑ์จริง)" if p.illustrative else ""
        out(f"{mark}{p.label}  {p.title}{note}  {source}")
    return 0


def _install(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.rulepacks import install_signed_pack, rescore_preview

    if not args.file.is_file():
        err(f"ไม่พบไฟล์ {args.file} (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์")
        return EXIT_ARGS
    with db.session() as s:
        info = install_signed_pack(s, args.file)
    with db.reader() as s:
        changes = rescore_preview(s, info.label)
    out(f"ติดตั้งชุดเกณฑ์ {info.label} ({info.title}) ลงนามโดย {info.signed_by}")
    out(f"ถ้าใช้ชุดนี้ ผลคัดกรองจะเปลี่ยน {len(changes):,} แบบ: ดูรายชื่อด้วย "
        f"samoe screening rescore --pack '{info.label}' --dry-run แล้วสั่งโดยไม่มี --dry-run เพื่อใช้")
    return 0


def _sign(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.cli_exchange_keys import keys_password
    from desktop.services.rulepacks import sign_pack_file

    if not args.pack.is_file():
        err(f"ไม่พบไฟล์ {args.pack} (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์")
        return EXIT_ARGS
    problem = output_problem(args.out)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        label = sign_pack_file(s, args.pack, args.out, password=keys_password(args, db))
    out(f"ลงนามชุดเกณฑ์ {label} ลงไฟล์ {args.out} แล้ว ส่งไฟล์นี้ให้เทศบาลติดตั้งด้วย samoe rulepack install")
    return 0
