"""``samoe audit``: check the audit log's chain and read it.

    samoe audit verify
    samoe audit log [--child ID|UUID|เลขประจำตัวประชาชน] [--user NAME] [--since DATE] [--limit N]

``verify`` exits 0 when the chain holds, 5 naming the first edited, deleted, inserted or
cut entry otherwise. ``log`` prints the newest entries first, one line each (when, who,
what), then the fields changed (national IDs masked); 4 when the child is not found.
Both need the audit-log permission (a child's own history: the registry's).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli_args import date_arg


def positive(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ต้องเป็นจำนวนเต็มบวก (ได้รับ {text!r})") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"ต้องเป็นจำนวนเต็มบวก (ได้รับ {text!r})")
    return value


def add_parsers(sub: Any) -> None:
    audit = sub.add_parser("audit", help="ตรวจสอบและอ่านบันทึกการใช้งาน (ใครแก้ไข เปิดดู ส่งออกอะไร)")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, title="คำสั่งย่อย",
                                     metavar="คำสั่งย่อย")
    audit_sub.add_parser("verify", help="ตรวจว่าบันทึกการใช้งานไม่ถูกแก้ ลบ แทรก หรือตัดท้าย")
    log = audit_sub.add_parser("log", help="แสดงบันทึกการใช้งาน ล่าสุดก่อน")
    log.add_argument("--child", default="", metavar="ID",
                     help="เฉพาะเด็กคนนี้: รหัส (id), uuid หรือเลขประจำตัวประชาชน")
    # not ``user``: that is who runs the command (``samoe --user NAME audit log ...``)
    log.add_argument("--user", dest="by_user", default="", metavar="NAME", help="เฉพาะผู้ใช้ชื่อนี้")
    log.add_argument("--since", type=date_arg, default=None, metavar="DATE",
                     help="ตั้งแต่วันที่ เช่น 1/11/2569")
    log.add_argument("--limit", type=positive, default=100, metavar="N",
                     help="จำนวนรายการมากที่สุด (ค่าเริ่มต้น 100)")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    if args.audit_command == "verify":
        return _verify(db, out, err)
    return _log(args, db, out, err)


def _verify(db: Any, out: Any, err: Any) -> int:
    from desktop.services.audit_log import check_chain
    from desktop.store.audit_chain import entry_count
    from desktop.store.faults import EXIT_DAMAGED

    with db.reader() as s:
        problem = check_chain(s)
        n = entry_count(s.connection())
    if problem is not None:
        err(problem.message)
        err("บันทึกการใช้งานถูกแก้ไขนอกโปรแกรม โปรดแจ้งผู้ดูแลระบบ และเทียบกับสำเนาที่ส่งให้จังหวัด")
        return EXIT_DAMAGED
    out(f"บันทึกการใช้งานครบถ้วน ไม่ถูกแก้ไข ({n:,} รายการ)")
    return 0


def _log(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.audit_log import LogQuery, page_entries, resolve_child
    from desktop.store.faults import EXIT_NOT_FOUND

    with db.reader() as s:
        subject = None
        if args.child:
            subject = resolve_child(s, args.child)
            if subject is None:
                err(f"ไม่พบเด็ก {args.child!r} (ใช้รหัส uuid หรือเลขประจำตัวประชาชน 13 หลัก)")
                return EXIT_NOT_FOUND
        q = LogQuery(subject_uuid=subject, actor=args.by_user or None, since=args.since)
        entries = page_entries(s, q, limit=args.limit)
    for e in entries:
        out(f"{e.when}  {e.actor or '-'}  {e.what}  #{e.id}")
        for line in e.changes():
            out(f"    {line}")
    out(f"{len(entries):,} รายการ" + (f" (แสดง {args.limit:,} ล่าสุด)" if len(entries) >= args.limit else ""))
    return 0
