"""``samoe exchange``: the signed files between a municipality and its province (issue 10;
docs/exchange.md; the format: docs/exchange-format.md).

At a municipality (a user whose role may approve exports, e.g. ผู้รับรอง/ผู้อำนวยการ):

    samoe exchange export --to FILE [--full] [--institution CODE ...]
                                    the next bundle: what changed since the province's last
                                    receipt (--full: every record; --institution: only
                                    those schools/centres); prints the counts first
    samoe exchange import RECEIPT   record the province's receipt (the next export starts
                                    after the bundle it acknowledges)
    samoe exchange import TRANSFER [--dry-run] [--child CASE=CHILD] [--new-child CASE]
                                    take the cases the province handed on to this office
                                    (a .samoe-transfer file; the same file again changes nothing;
                                    --dry-run: each case and how its child would be found;
                                    a child found by name and birth date only is chosen by the
                                    clerk: desktop/cli_case_transfer.py)
    samoe exchange status           where this office's line of bundles stands

At the province (a provincial officer, ``merge``):

    samoe exchange verify FILE      every check of a bundle; nothing is written
    samoe exchange import FILE      verify, then import in one transaction (the same file
                                    again changes nothing)
    samoe exchange receipt --for FILE --out RECEIPT
                                    the signed receipt for the municipality that sent FILE
    samoe exchange transfers [--for CODE --out FILE]
                                    the cases municipalities transferred to another one; with
                                    --for and --out the signed transfer file for that office
    samoe exchange reconcile list [--open] | reconcile decide ID moved|error|same [--note TEXT]
                                    one child from two municipalities (desktop/cli_province.py)

``import`` tells a bundle (a ZIP archive) from a receipt (JSON) by its first bytes; at a
municipality a bundle is a transfer file (services/case_transfer_receive.py).
A plain database asks the user's password again to open the office's keys (the same one).

Exit codes: 0 done (also: the file was imported before, nothing changed), 1 the file is
refused (the reason code and the Thai message say why) or the work cannot be done here
(no province enrolled, not this office's kind of work), 2 wrong arguments or a file that
cannot be read, 9 disk full, 11 a wrong password for the office's keys, 12 not permitted
or the keys not shared with this user yet.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem
from desktop.cli_exchange_keys import keys_password

WRITING = {"export": "ส่งออกชุดข้อมูลถึงจังหวัด", "import": "นำเข้าชุดข้อมูลแลกเปลี่ยน",
           "receipt": "ออกใบตอบรับ", "transfers": "เขียนไฟล์ส่งต่อกรณีเด็กนอกระบบ"}
EXIT_REFUSED = 1
EXIT_ARGS = 2
EXIT_LOGIN = 11
EXIT_NOT_PERMITTED = 12
KIND_LABELS = {"institution": "สถานศึกษา", "household": "ครัวเรือน", "child": "เด็ก", "guardian": "ผู้ปกครอง",
               "guardianship": "ความสัมพันธ์เด็ก-ผู้ปกครอง", "enrolment": "การลงทะเบียนเรียน",
               "academic_year": "ปีการศึกษา", "term": "ภาคเรียน", "screening": "แบบคัดกรอง",
               "screening_member": "สมาชิกครัวเรือนในแบบคัดกรอง", "certification": "การรับรองแบบคัดกรอง",
               "screening_photo": "รูปถ่ายแบบคัดกรอง (เฉพาะรหัสตรวจสอบ)", "grant_round": "รอบทุน",
               "term_attendance": "การมาเรียนรายภาคเรียน", "grant_payment": "การจ่ายเงินทุน",
               "tombstone": "รายการที่ลบถาวร"}
OUTCOME_LABELS = {"inserted": "เพิ่ม", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยน", "deleted": "ลบ",
                  "unknown": "ไม่พบ", "other_office": "เป็นของหน่วยงานอื่น", "unresolved": "อ้างถึงรายการที่ไม่มี",
                  "older": "เก่ากว่าที่มีอยู่"}


def add_parsers(sub: Any) -> None:
    ex = sub.add_parser("exchange", help="ส่งและรับชุดข้อมูลที่ลงนามระหว่าง อปท. กับจังหวัด")
    ex_sub = ex.add_subparsers(dest="exchange_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    export = ex_sub.add_parser("export", help="ส่งออกชุดข้อมูลถึงจังหวัด (เฉพาะที่เปลี่ยนตั้งแต่ใบตอบรับล่าสุด)")
    export.add_argument("--to", dest="to", type=Path, required=True, metavar="FILE",
                        help="ไฟล์ชุดข้อมูล (.samoe) เช่น บนแฟลชไดรฟ์")
    export.add_argument("--full", action="store_true", help="ส่งข้อมูลทั้งหมด ไม่ใช่เฉพาะที่เปลี่ยน")
    export.add_argument("--institution", action="append", default=[], metavar="CODE",
                        help="ส่งเฉพาะสถานศึกษารหัสนี้ (ใส่ได้หลายครั้ง)")
    verify = ex_sub.add_parser("verify", help="ตรวจชุดข้อมูลจาก อปท. โดยไม่นำเข้า (ที่จังหวัด)")
    verify.add_argument("file", type=Path, metavar="FILE", help="ไฟล์ชุดข้อมูล (.samoe)")
    imp = ex_sub.add_parser("import", help="นำเข้าชุดข้อมูล (ที่จังหวัด) หรือใบตอบรับ (ที่ อปท.)")
    imp.add_argument("file", type=Path, metavar="FILE",
                     help="ไฟล์ชุดข้อมูล (.samoe), ใบตอบรับ (.samoe-receipt) หรือไฟล์ส่งต่อกรณี (.samoe-transfer)")
    imp.add_argument("--dry-run", action="store_true",
                     help="ไฟล์ส่งต่อกรณี: แสดงแต่ละกรณีและเด็กที่พบในทะเบียน โดยยังไม่รับโอน")
    imp.add_argument("--child", action="append", default=[], metavar="CASE=CHILD",
                     help="ไฟล์ส่งต่อกรณี: เด็กของกรณีที่ CASE คือเด็กรหัส CHILD ในทะเบียน (ชื่อและวันเกิดตรงกัน)")
    imp.add_argument("--new-child", action="append", default=[], metavar="CASE",
                     help="ไฟล์ส่งต่อกรณี: เด็กของกรณีที่ CASE เป็นเด็กใหม่ (ไม่ใช่เด็กที่ชื่อตรงกันในทะเบียน)")
    rec = ex_sub.add_parser("receipt", help="ออกใบตอบรับที่ลงนามให้ อปท. ที่ส่งชุดข้อมูลนี้ (ที่จังหวัด)")
    rec.add_argument("--for", dest="bundle", type=Path, required=True, metavar="FILE",
                     help="ไฟล์ชุดข้อมูลที่นำเข้าแล้ว")
    rec.add_argument("--out", type=Path, required=True, metavar="RECEIPT", help="ไฟล์ใบตอบรับที่จะเขียน")
    tr = ex_sub.add_parser("transfers", help="กรณีเด็กนอกระบบที่ อปท. ส่งต่อให้ อปท. อื่น และเขียนไฟล์ส่งต่อ (ที่จังหวัด)")
    tr.add_argument("--for", dest="office", metavar="CODE", help="รหัส อปท. ปลายทาง (7 หลัก)")
    tr.add_argument("--out", type=Path, metavar="FILE", help="ไฟล์ส่งต่อกรณี (.samoe-transfer) ที่จะเขียน")
    ex_sub.add_parser("status", help="สถานะการส่งข้อมูลถึงจังหวัด (ที่ อปท.) หรือรายการ อปท. ที่ส่งมา (ที่จังหวัด)")
    from desktop.cli_province import add_parsers as add_province_parsers

    add_province_parsers(ex_sub)  # samoe exchange reconcile list|decide (desktop/cli_province.py)


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    if getattr(args, "exchange_command", "") == "transfers" and getattr(args, "out", None) is None:
        return ""
    if getattr(args, "exchange_command", "") == "import" and getattr(args, "dry_run", False):
        return ""
    if getattr(args, "exchange_command", "") == "reconcile":
        from desktop.cli_province import writes as province_writes

        return province_writes(args)
    return WRITING.get(getattr(args, "exchange_command", ""), "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.exchange.reasons import Refusal
    from desktop.services.exchange_keys import OfficeKeyError
    from desktop.services.exchange_outbox import ExchangeError

    try:
        command = args.exchange_command
        if command == "export":
            return _export(args, db, out, err)
        if command == "verify":
            return _verify(args, db, out, err)
        if command == "import":
            return _import(args, db, out, err)
        if command == "receipt":
            return _receipt(args, db, out, err)
        if command == "transfers":
            from desktop.cli_case_transfer import run_transfers

            return run_transfers(args, db, out, err, keys_password)
        if command == "reconcile":
            from desktop.cli_province import run as run_reconcile

            return run_reconcile(args, db, out, err)
        return _status(db, out)
    except Refusal as exc:
        err(f"ไม่รับไฟล์ [{exc.code}]: {exc.message}")
        return EXIT_REFUSED
    except ExchangeError as exc:
        err(f"[{exc.code}] {exc.message}")
        return EXIT_REFUSED
    except OfficeKeyError as exc:
        err(exc.message)
        if exc.code == "keys.not_shared":
            from desktop.cli_exchange_keys import ask_for_keys

            ask_for_keys(args, db, err)  # noted as waiting: ``samoe keys share`` gives them the keys
            return EXIT_NOT_PERMITTED
        return EXIT_LOGIN if exc.code == "keys.password" else EXIT_REFUSED




def _input_problem(path: Path) -> str:
    if not path.is_file():
        return f"ไม่พบไฟล์ {path} (หรือไม่ใช่ไฟล์ธรรมดา) โปรดตรวจชื่อและที่อยู่ของไฟล์"
    return ""


def _counts(counts: dict[str, int], out: Any) -> None:
    for kind, n in sorted(counts.items(), key=lambda kv: list(KIND_LABELS).index(kv[0]) if kv[0] in KIND_LABELS
                          else 99):
        out(f"  {KIND_LABELS.get(kind, kind)}: {n:,}")


def _export(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.exchange_export import export_bundle, plan_export

    problem = output_problem(args.to)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        plan = plan_export(s, full=args.full, institutions=args.institution)
        kind = "ทั้งหมด" if plan.full else "เฉพาะที่เปลี่ยนตั้งแต่ใบตอบรับล่าสุด"
        out(f"ชุดข้อมูลลำดับที่ {plan.sequence} ถึง {plan.recipient_name} ({plan.recipient_code}) ข้อมูล{kind}:")
        _counts(plan.counts, out)
        if plan.restored:
            out("ฐานข้อมูลนี้ถูกกู้คืนจากไฟล์สำรอง: ชุดนี้ต่อจากใบตอบรับล่าสุดและแจ้งจังหวัดว่ากู้คืนแล้ว")
        result = export_bundle(s, args.to, password=keys_password(args, db), full=args.full,
                               institutions=args.institution)
    out(f"เขียนชุดข้อมูลลงไฟล์ {result.path} แล้ว ({result.size:,} ไบต์) รหัสชุด {result.bundle_id}")
    out("ส่งไฟล์นี้ให้จังหวัด เมื่อได้ใบตอบรับกลับมา สั่ง samoe exchange import ใบตอบรับ")
    return 0


def _verify(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.exchange_import import verify_file

    problem = _input_problem(args.file)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.reader() as s:
        check = verify_file(s, args.file, password=keys_password(args, db))
    m = check.manifest
    out(f"ไฟล์ถูกต้อง: ชุดข้อมูลลำดับที่ {m.sequence} จาก {check.sender_name} ({m.sender_office}) รหัสชุด {m.bundle}")
    _counts(dict(m.counts), out)
    if check.already:
        out("นำเข้าชุดนี้แล้ว นำเข้าอีกก็ไม่มีอะไรเปลี่ยน")
    if check.restored:
        out("ผู้ส่งแจ้งว่ากู้คืนฐานข้อมูลจากไฟล์สำรอง"
            + (f" ชุดนี้ต่อจากลำดับที่ {check.fork_from} ที่รับไว้" if check.fork_from is not None else ""))
    if check.superseded:
        out(_superseded(check))
    return 0


def _superseded(check: Any) -> str:
    """A lost bundle's gap: the sequences this bundle stands in for."""
    first, last = check.superseded[0], check.superseded[-1]
    numbers = f"ลำดับที่ {first}" if first == last else f"ลำดับที่ {first}-{last}"
    return (f"ไม่ได้รับชุดข้อมูล{numbers} (ไฟล์อาจหาย) ชุดนี้สร้างต่อจากใบตอบรับลำดับที่ {check.continued_from} "
            "จึงมีข้อมูลทุกรายการที่เปลี่ยนหลังจากนั้น รับแทนชุดที่ขาดได้")


def _is_receipt(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"{\""


def _import(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    problem = _input_problem(args.file)
    if problem:
        err(problem)
        return EXIT_ARGS
    from desktop.cli_case_transfer import choosing, is_transfer_here, receive

    transfer = not _is_receipt(args.file) and is_transfer_here(db, args.file)
    if choosing(args) and not transfer:
        err("--dry-run, --child และ --new-child ใช้กับไฟล์ส่งต่อกรณี (.samoe-transfer) ที่ อปท. ปลายทางเท่านั้น "
            "(ตรวจชุดข้อมูลที่จังหวัดโดยไม่นำเข้า: samoe exchange verify FILE)")
        return EXIT_ARGS
    if transfer:
        return receive(args, db, out, err, keys_password)
    if _is_receipt(args.file):
        from desktop.services.exchange_outbox import import_receipt

        with db.session() as s:
            got = import_receipt(s, args.file)
        r = got.receipt
        if not got.changed:
            out(f"บันทึกใบตอบรับนี้ (หรือฉบับที่ใหม่กว่า) ไว้แล้ว: จังหวัดรับถึงลำดับที่ {r.sequence}")
            return 0
        out(f"บันทึกใบตอบรับแล้ว: {r.issuer_office} รับชุดข้อมูลถึงลำดับที่ {r.sequence} "
            "การส่งครั้งต่อไปจะส่งเฉพาะที่เปลี่ยนหลังจากนั้น")
        if got.restored:
            out("ใบตอบรับนี้ใหม่กว่าฐานข้อมูลนี้ (กู้คืนจากไฟล์สำรอง): ชุดต่อไปจะส่งข้อมูลทั้งหมดและแจ้งจังหวัด")
        return 0
    from desktop.services.access import NotPermitted
    from desktop.services.exchange_import import import_file
    from desktop.services.office import local_office

    try:
        with db.session() as s:
            result = import_file(s, args.file, password=keys_password(args, db))
    except NotPermitted as exc:
        with db.reader() as s:
            office = local_office(s)
        if office is None or office.role == "province":
            raise
        err(exc.message)  # a municipality given a bundle: what it takes, and what to do
        err("ไฟล์ชุดข้อมูล (.samoe) ที่ อปท. ส่ง นำเข้าได้ที่สำนักงานจังหวัดเท่านั้น ที่ อปท. นำเข้าได้เฉพาะ"
            "ใบตอบรับ (.samoe-receipt) และไฟล์ส่งต่อกรณี (.samoe-transfer) จากจังหวัด: "
            "ส่งไฟล์นี้ให้จังหวัด หรือขอไฟล์ที่ถูกต้องจากจังหวัด")
        return 12
    m = result.check.manifest
    if result.already:
        out(f"นำเข้าชุดข้อมูลนี้แล้ว (ลำดับที่ {m.sequence} จาก {result.check.sender_name}) ไม่มีอะไรเปลี่ยน")
        return 0
    out(f"นำเข้าชุดข้อมูลลำดับที่ {m.sequence} จาก {result.check.sender_name} ({m.sender_office}) แล้ว:")
    for kind, outcomes in result.applied.items():
        text = ", ".join(f"{OUTCOME_LABELS.get(k, k)} {n:,}" for k, n in outcomes.items())
        out(f"  {KIND_LABELS.get(kind, kind)}: {text}")
    if result.check.restored:
        out("ผู้ส่งกู้คืนฐานข้อมูลจากไฟล์สำรอง: บันทึกไว้แล้ว")
    if result.check.superseded:
        out(_superseded(result.check) + ": บันทึกช่วงที่ขาดไว้แล้ว")
    if result.reconcile:
        out(f"พบเด็กเลขประจำตัวเดียวกันจากหลายหน่วยงาน {result.reconcile} ราย: รอตรวจสอบ")
    out(f"ออกใบตอบรับให้ผู้ส่ง: samoe exchange receipt --for {args.file} --out ใบตอบรับ.samoe-receipt")
    return 0


def _receipt(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.exchange_province import write_receipt_for

    problem = _input_problem(args.bundle) or output_problem(args.out)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        sequence, office = write_receipt_for(s, args.bundle, args.out, password=keys_password(args, db))
    out(f"เขียนใบตอบรับถึง {office} (รับถึงลำดับที่ {sequence}) ลงไฟล์ {args.out} แล้ว")
    return 0


def _status(db: Any, out: Any) -> int:
    from desktop.services.office import local_office

    with db.reader() as s:
        office = local_office(s)
        if office is not None and office.role == "province":
            from desktop.services.exchange_province import reconcile_list
            from desktop.services.province_senders import format_gaps, municipalities, quiet_words

            rows = municipalities(s)  # as the province's page: the quiet ones first
            waiting = len(reconcile_list(s, open_only=True))
            out("อปท. ที่ส่งข้อมูลมาหรือลงทะเบียนไว้:" if rows else "ยังไม่ได้รับชุดข้อมูลจาก อปท. ใด")
            for r in rows:
                sent = (f"  ลำดับที่ {r.sequence}  รับเมื่อ {r.imported_at:%Y-%m-%d %H:%M}  {r.bundles} ชุด"
                        if r.imported_at is not None else "")
                out(f"  {r.office_code} {r.office_name}{sent}" + (f"  กู้คืน {r.restores} ครั้ง" if r.restores else "")
                    + (f"  ขาดชุดที่ {format_gaps(r.gaps)}" if r.gaps else "")
                    + (f"  [{quiet_words(r)}]" if quiet_words(r) else ""))
            out(f"รายการรอตรวจสอบ (เด็กเลขเดียวกันจากหลายหน่วยงาน): {waiting}")
            return 0
        from desktop.services.exchange_outbox import outbox_state

        state = outbox_state(s)
    if state is None:
        out("ยังไม่ได้ลงทะเบียนบัตรกุญแจของจังหวัด (samoe keys trust FILE)")
        return 0
    out(f"ส่งถึง {state.recipient_name} ({state.recipient_code}): ส่งแล้ว {state.sent} ชุด "
        f"ชุดต่อไปลำดับที่ {state.next_sequence}")
    out(f"จังหวัดตอบรับถึงลำดับที่ {state.acked_sequence}"
        + (f" เมื่อ {state.acked_at:%Y-%m-%d %H:%M}" if state.acked_at else ""))
    if state.restored_at is not None:
        out(f"กู้คืนฐานข้อมูลเมื่อ {state.restored_at:%Y-%m-%d %H:%M}: ชุดต่อไปจะแจ้งจังหวัด")
    return 0
