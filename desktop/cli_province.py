"""``samoe exchange reconcile``: the province's list of one child with records from two
municipalities (the same national ID), and the officer's decision on each pair (issue 10;
docs/exchange.md "The province's pages").

    samoe exchange reconcile list [--open]        open pairs first, then the decided ones
    samoe exchange reconcile decide ID moved|error|same [--note TEXT]
                                                  moved: the child moved between the offices;
                                                  error: one record is wrong; same: kept both

The province's summary per municipality is a report: ``samoe report province-summary
--out FILE.pdf`` (desktop/cli_documents.py).

Exit codes: 0 done, 1 the work cannot be done (no such pair), 2 wrong arguments, 12 not
permitted (listing needs ``merge`` or ``report.province``, deciding ``merge``).
"""

from __future__ import annotations

import argparse
from typing import Any

DECIDE_LABEL = "บันทึกผลการตรวจสอบเด็กเลขเดียวกัน"
DECISION_CHOICES = ("moved", "error", "same")


def add_parsers(ex_sub: Any) -> None:
    """``reconcile`` under ``samoe exchange``."""
    rec = ex_sub.add_parser("reconcile", help="เด็กเลขประจำตัวเดียวกันจากหลาย อปท. และผลการตรวจสอบ (ที่จังหวัด)")
    rec_sub = rec.add_subparsers(dest="reconcile_command", required=True, title="คำสั่งย่อย", metavar="คำสั่งย่อย")
    listing = rec_sub.add_parser("list", help="รายการคู่ที่ต้องตรวจสอบ (รอตรวจสอบก่อน แล้วจึงที่ตรวจแล้ว)")
    listing.add_argument("--open", action="store_true", help="เฉพาะคู่ที่ยังรอตรวจสอบ")
    decide = rec_sub.add_parser("decide", help="บันทึกผลการตรวจสอบคู่หนึ่ง")
    decide.add_argument("pair", type=_pair_id, metavar="ID", help="เลขที่ของคู่ (จาก samoe exchange reconcile list)")
    decide.add_argument("decision", choices=DECISION_CHOICES,
                        help="moved (เด็กย้าย อปท.) error (ข้อมูลผิดหนึ่งรายการ) same (คงไว้ทั้งสอง)")
    decide.add_argument("--note", default="", metavar="TEXT", help="หมายเหตุ (เช่น ย้ายไปอยู่กับยาย)")


def _pair_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"เลขที่ของคู่ต้องเป็นจำนวนเต็มบวก ไม่ใช่ {text!r}")
    return value


def writes(args: argparse.Namespace) -> str:
    return DECIDE_LABEL if getattr(args, "reconcile_command", "") == "decide" else ""


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    if args.reconcile_command == "decide":
        return _decide(args, db, out)
    return _list(args, db, out)


def _list(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.domain.dates import format_be, format_be_local
    from desktop.domain.identity import format_national_id
    from desktop.services.province_reconcile import decision_label, reconcile_rows

    with db.reader() as s:
        rows = reconcile_rows(s, open_only=args.open)
    waiting = sum(1 for r in rows if r.open)
    if not rows:
        out("ไม่มีคู่ที่รอตรวจสอบ" if args.open else "ยังไม่พบเด็กเลขประจำตัวเดียวกันจากหลาย อปท.")
        return 0
    out(f"เด็กเลขประจำตัวเดียวกันจากหลาย อปท.: รอตรวจสอบ {waiting} คู่" +
        ("" if args.open else f" ตรวจแล้ว {len(rows) - waiting} คู่"))
    for r in rows:
        out(f"[{r.id}] {format_national_id(r.national_id)}  {decision_label(r.decision)}"
            f"  พบเมื่อ {format_be_local(r.found_at)}")
        for side, label in ((r.incoming, "เข้ามาใหม่"), (r.existing, "มีอยู่แล้ว")):
            name = side.name or "(ไม่มีรายการนี้แล้ว)"
            born = f" เกิด {format_be(side.birth_date)}" if side.birth_date else ""
            out(f"    {label}: {side.office_name} ({side.office_code}) {name}{born}"
                + (" (ลบแล้ว)" if side.deleted and side.name else ""))
        if not r.open:
            out(f"    ผล: {decision_label(r.decision)} โดย {r.decided_by}"
                + (f" เมื่อ {format_be_local(r.decided_at)}" if r.decided_at else "")
                + (f" หมายเหตุ: {r.note}" if r.note else ""))
    return 0


def _decide(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.province_reconcile import decide, decision_label

    with db.session() as s:
        item = decide(s, args.pair, args.decision, note=args.note)
    out(f"บันทึกผลคู่ที่ {item.id} ({item.national_id}): {decision_label(item.decision)}"
        + (f" หมายเหตุ: {item.note}" if item.note else ""))
    return 0
