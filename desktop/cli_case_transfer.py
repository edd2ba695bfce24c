"""``samoe exchange transfers`` (the province) and a transfer file given to ``samoe exchange
import`` (the receiving municipality): a case moving to another municipality through the
province (issue 13; services/case_transfer.py, case_transfer_receive.py; docs/cases.md).

    samoe exchange transfers                              every case waiting, by office
    samoe exchange transfers --for 6300202 --out FILE     the signed transfer file for it
    samoe exchange import FILE.samoe-transfer             (at that municipality)

Exit codes as ``samoe exchange``'s: 0 done (also: taken before, nothing changed), 1 refused
or not this office's work (no case for that office, its key card not trusted), 2 wrong
arguments, 11 a wrong password, 12 not permitted.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem

EXIT_ARGS = 2
HOW = {"national_id": "พบในทะเบียนด้วยเลขประจำตัวประชาชน", "name_birth": "พบในทะเบียนด้วยชื่อและวันเกิด",
       "new": "เพิ่มเด็กเข้าทะเบียนใหม่"}


def is_transfer_here(db: Any, path: Path) -> bool:
    """A transfer file given to a municipality (a municipality's bundle goes on to the
    province's import, which says it is not this office's work)."""
    from desktop.exchange.transfer_file import plain_bundle
    from desktop.services.office import local_office

    with db.reader() as s:
        office = local_office(s)
    if office is None or office.role == "province":
        return False
    try:
        return not plain_bundle(path.read_bytes())
    except OSError:
        return False


def receive(args: argparse.Namespace, db: Any, out: Any, password: Callable[[argparse.Namespace, Any], str]) -> int:
    from desktop.services.case_transfer_receive import receive_transfer

    with db.session() as s:
        result = receive_transfer(s, args.file, password=password(args, db))
    for r in result.received:
        if r.already:
            out(f"รับโอนกรณีของ {r.child_name} จาก {r.from_name} ไว้แล้ว ไม่มีอะไรเปลี่ยน")
        else:
            out(f"รับโอนจาก {r.from_name} ({r.from_office}): {r.child_name} ({HOW.get(r.child, r.child)}) "
                f"กรณีเลขที่ {r.case_id}")
    return 0


def run_transfers(args: argparse.Namespace, db: Any, out: Any, err: Any,
                  password: Callable[[argparse.Namespace, Any], str]) -> int:
    from desktop.services.case_transfer import pending_transfers, write_transfer_file

    if (args.office is None) != (args.out is None):
        err("ใส่ --for รหัส อปท. ปลายทาง และ --out ไฟล์ที่จะเขียน คู่กัน (หรือไม่ใส่ทั้งสองเพื่อดูรายการ)")
        return EXIT_ARGS
    if args.out is None:
        with db.reader() as s:
            rows = pending_transfers(s)
        out("กรณีที่ อปท. ส่งต่อให้ อปท. อื่น:" if rows else "ไม่มีกรณีที่ส่งต่อระหว่าง อปท.")
        for r in rows:
            out(f"  ถึง {r.to_office} {r.to_office_name}  จาก {r.from_office} {r.from_name}  {r.child_name}  "
                f"{r.transferred_on:%Y-%m-%d}")
        return 0
    problem = output_problem(args.out)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        written = write_transfer_file(s, args.office, args.out, password=password(args, db))
    out(f"เขียนไฟล์ส่งต่อกรณีถึง {written.office_name} ({written.office_code}) {len(written.transfers)} กรณี "
        f"ลงไฟล์ {args.out} แล้ว: ให้ อปท. ปลายทางสั่ง samoe exchange import กับไฟล์นี้")
    return 0
