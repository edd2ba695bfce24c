"""``samoe households``: find households and merge two that are one house.

    samoe households find [--house-no 12/3] [--village ม.4] [--name มาลี]
    samoe households merge KEEP_UUID OTHER_UUID [--yes]   (a preview unless --yes)
    samoe households unmerge OTHER_UUID                    (bring a merged household back)

Exit codes: 0 done (or previewed), 1 refused (the same household twice, one not found or
already merged), 2 wrong arguments.
"""

from __future__ import annotations

import argparse
from typing import Any

WRITING = {"merge": "รวมครัวเรือน", "unmerge": "ยกเลิกการรวมครัวเรือน"}


def add_parsers(sub: Any) -> None:
    hh = sub.add_parser("households", help="ค้นหาและรวมครัวเรือน")
    hh_sub = hh.add_subparsers(dest="households_command", required=True, title="คำสั่งย่อย",
                               metavar="คำสั่งย่อย")
    find = hh_sub.add_parser("find", help="ค้นหาครัวเรือนจากบ้านเลขที่ หมู่ที่ หรือชื่อสมาชิก")
    find.add_argument("--house-no", default="", help="บ้านเลขที่ เช่น 12/3")
    find.add_argument("--village", default="", help="หมู่ที่ (4, ม.4, หมู่ 4) หรือชื่อหมู่บ้าน")
    find.add_argument("--name", default="", help="ชื่อหรือนามสกุลของสมาชิก (เด็กหรือผู้ปกครอง)")
    merge = hh_sub.add_parser("merge", help="รวมครัวเรือนที่สองเข้ากับครัวเรือนแรก (แสดงตัวอย่างก่อน)")
    merge.add_argument("keep", help="uuid ของครัวเรือนที่เก็บไว้")
    merge.add_argument("other", help="uuid ของครัวเรือนที่จะรวมเข้ามาแล้วลบ")
    merge.add_argument("--yes", action="store_true", help="รวมจริง (ไม่ใส่: แสดงตัวอย่างเท่านั้น)")
    unmerge = hh_sub.add_parser("unmerge", help="ยกเลิกการรวม: คืนครัวเรือนที่ถูกรวมพร้อมสมาชิก")
    unmerge.add_argument("other", help="uuid ของครัวเรือนที่ถูกรวมไป")


def writes(args: argparse.Namespace) -> str:
    """The label of the write this command makes ("" for a read)."""
    command = getattr(args, "households_command", "")
    if command == "merge" and not args.yes:
        return ""
    return WRITING.get(command, "")


def run(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.household_edit import HouseholdError

    try:
        if args.households_command == "find":
            return _find(args, db, out, err)
        if args.households_command == "merge":
            return _merge(args, db, out)
        return _unmerge(args, db, out)
    except HouseholdError as exc:
        err(exc.message)
        return 1


def _find(args: argparse.Namespace, db: Any, out: Any, err: Any) -> int:
    from desktop.services.household_edit import HouseholdQuery, find_households

    query = HouseholdQuery(args.house_no, args.village, args.name)
    if query.is_empty():
        err("ระบุ --house-no, --village หรือ --name อย่างน้อยหนึ่งอย่าง เช่น --house-no 12/3")
        return 2
    with db.reader() as s:
        found = find_households(s, query)
    for c in found:
        out(f"{c.uuid}  {c.address_text}  (เด็ก {len(c.children)} คน ผู้ปกครอง {len(c.guardians)} คน)")
    out(f"พบ {len(found)} ครัวเรือน" + (" (แสดง 50 แรก)" if len(found) >= 50 else ""))
    return 0


def _merge(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.household_edit import merge_households, merge_preview

    with db.reader() as s:
        p = merge_preview(s, args.keep, args.other)
    out(f"เก็บไว้: {p.keep.address_text}")
    out(f"รวมเข้ามาแล้วลบ: {p.drop.address_text}")
    out(f"ย้ายเด็ก {len(p.drop.children)} คน ผู้ปกครอง {len(p.drop.guardians)} คน")
    out(f"ที่อยู่หลังรวม: {p.result_address}")
    for f in p.filled:
        out(f"  เติม{f.label}จากครัวเรือนที่รวมเข้ามา: {f.result}")
    for f in p.conflicts:
        out(f"  ไม่ตรงกัน {f.label}: เก็บ \"{f.kept}\" (อีกครัวเรือน \"{f.other}\")")
    if not args.yes:
        out("ยังไม่ได้รวม: ตรวจตัวอย่างข้างบน แล้วสั่งอีกครั้งพร้อม --yes")
        return 0
    with db.session() as s:
        result = merge_households(s, args.keep, args.other)
    out(f"รวมครัวเรือนแล้ว ย้ายสมาชิก {len(result.children) + len(result.guardians)} คน "
        f"(ยกเลิกได้: samoe households unmerge {result.drop_uuid})")
    return 0


def _unmerge(args: argparse.Namespace, db: Any, out: Any) -> int:
    from desktop.services.household_edit import HouseholdError, last_merge, undo_merge

    with db.session() as s:
        merged = last_merge(s, args.other)
        if merged is None:
            raise HouseholdError("ครัวเรือนนี้ไม่ได้ถูกรวมกับครัวเรือนอื่น จึงไม่มีอะไรให้ยกเลิก")
        undo_merge(s, merged)
    out("ยกเลิกการรวมครัวเรือนแล้ว")
    return 0
