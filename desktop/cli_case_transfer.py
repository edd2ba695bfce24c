"""``samoe exchange transfers`` (the province) and a transfer file given to ``samoe exchange
import`` (the receiving municipality): a case moving to another municipality through the
province (issue 13; services/case_transfer.py, case_transfer_receive.py; docs/cases.md).

    samoe exchange transfers                              every case waiting, by office, and
                                                          whether it was written into a file
    samoe exchange transfers --for 6300202 --out FILE     the signed transfer file for it
    samoe exchange import FILE.samoe-transfer --dry-run   (at that municipality) each case and
                                                          how its child would be found; nothing written
    samoe exchange import FILE.samoe-transfer [--child CASE=CHILD ...] [--new-child CASE ...]
                                                          take the cases

A case's child found by name and birth date only (no national ID confirms it) is taken
only with the clerk's choice: ``--child 1=2`` (case 1 of the preview is the registry child
listed second under it; CHILD may be that child's whole uuid too) or ``--new-child 1`` (a
new child). CASE is the case's number in the preview (or its transfer's whole uuid). The
numbers, not shortened uuids: uuids made in the same moment share their first characters.
Without a choice for each such case nothing is taken: the preview of those cases is
printed with what to type.

Exit codes as ``samoe exchange``'s: 0 done (also: taken before, nothing changed; a dry
run), 1 refused or not this office's work (no case for that office, its key card not
trusted, a name match without a choice: nothing written), 2 wrong arguments (a choice
naming no case of the file or no child found for it, --child without CASE=CHILD), 11 a
wrong password, 12 not permitted.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.cli_args import output_problem

EXIT_REFUSED = 1
EXIT_ARGS = 2
HOW = {"national_id": "พบในทะเบียนด้วยเลขประจำตัวประชาชน", "name_birth": "พบในทะเบียนด้วยชื่อและวันเกิด",
       "new": "เพิ่มเด็กเข้าทะเบียนใหม่"}


def is_transfer_here(db: Any, path: Path) -> bool:
    """A transfer file given to a municipality (a municipality's bundle goes on to the
    province's import, which says it is not this office's work). A file larger than any
    bundle is not read here: the verifier refuses it by its size."""
    from desktop.exchange.archive import MAX_ARCHIVE_BYTES
    from desktop.exchange.transfer_file import plain_bundle
    from desktop.services.office import local_office

    with db.reader() as s:
        office = local_office(s)
    if office is None or office.role == "province":
        return False
    try:
        return path.stat().st_size > MAX_ARCHIVE_BYTES or not plain_bundle(path.read_bytes())
    except OSError:
        return False


def choosing(args: argparse.Namespace) -> bool:
    """The transfer file's own options were given (a receipt or a bundle has none)."""
    return bool(getattr(args, "dry_run", False) or getattr(args, "child", None) or getattr(args, "new_child", None))


def _case_of(ref: str, cases: Sequence[Any]) -> Any:
    ref = ref.strip().lower()
    if ref.isdigit():
        return next((c for c in cases if c.number == int(ref)), None)
    return next((c for c in cases if c.transfer_uuid == ref), None)


def _choices(args: argparse.Namespace, cases: Sequence[Any]) -> tuple[dict[str, str], str]:
    """The clerk's --child and --new-child as receive_transfer's choices, or what is wrong."""
    from desktop.services.case_transfer_preview import NEW

    given: list[tuple[str, str]] = [(ref, NEW) for ref in args.new_child or []]
    for text in args.child or []:
        ref, sep, child = text.partition("=")
        if not sep or not ref.strip() or not child.strip():
            return {}, f"--child {text}: ใส่เป็น กรณี=เด็ก เช่น --child 1=2 (ลำดับตามที่ --dry-run แสดง)"
        given.append((ref, child.strip().lower()))
    out: dict[str, str] = {}
    for ref, child in given:
        case = _case_of(ref, cases)
        if case is None:
            return {}, f"ไม่มีกรณี {ref} ในไฟล์นี้ (ใส่ลำดับกรณีตามที่ --dry-run แสดง 1-{len(cases)})"
        if case.transfer_uuid in out:
            return {}, f"เลือกเด็กให้กรณีที่ {case.number} มากกว่าหนึ่งครั้ง เลือกได้ครั้งเดียว"
        if child != NEW:
            found = [c.uuid for n, c in enumerate(case.candidates, start=1) if child in (str(n), c.uuid)]
            if len(found) != 1 or case.match != "name_birth":
                return {}, (f"กรณีที่ {case.number} ({case.child_name}): ไม่มีเด็ก {child} ในรายชื่อที่ชื่อและวันเกิด"
                            "ตรงกัน (ดูรายชื่อด้วย --dry-run แล้วใส่ลำดับเด็กตามที่แสดง หรือ --new-child)")
            child = found[0]
        out[case.transfer_uuid] = child
    return out, ""


def _show(case: Any, out: Any) -> None:
    from desktop.domain.dates import format_be

    ident = f" เลขประจำตัว {case.national_id}" if case.national_id else " ไม่มีเลขประจำตัวประชาชน"
    out(f"กรณีที่ {case.number} {case.child_name} เกิด {format_be(case.birth_date)}{ident} "
        f"จาก {case.from_name} ({case.from_office})")
    if case.match == "already":
        out(f"    รับโอนไว้แล้ว (กรณีเลขที่ {case.taken_case_id}) ไม่มีอะไรเปลี่ยน")
        return
    if case.match == "national_id":
        out(f"    {HOW['national_id']}: {case.candidates[0].name}")
        return
    if case.match == "new":
        out(f"    ไม่พบในทะเบียน: {HOW['new']}")
        return
    out(f"    พบเด็กในทะเบียนที่ชื่อและวันเกิดตรงกัน {len(case.candidates)} คน (ไม่มีเลขประจำตัวยืนยัน อาจเป็นคนละคน) "
        "ต้องเลือก:")
    for n, c in enumerate(case.candidates, start=1):
        ident = f"เลขประจำตัว {c.national_id}" if c.national_id else "ไม่มีเลขประจำตัว"
        out(f"      --child {case.number}={n}  {c.name} เกิด {format_be(c.birth_date)} {ident}  "
            f"{c.address or 'ไม่มีที่อยู่ในทะเบียน'}")
    out(f"      --new-child {case.number}  เป็นเด็กคนละคน: เพิ่มเด็กเข้าทะเบียนใหม่")


def receive(args: argparse.Namespace, db: Any, out: Any, err: Any,
            password: Callable[[argparse.Namespace, Any], str]) -> int:
    from desktop.services.case_transfer_preview import check_choices, preview_transfer
    from desktop.services.case_transfer_receive import receive_transfer
    from desktop.services.exchange_outbox import ExchangeError

    secret = password(args, db)
    with db.reader() as s:
        preview = preview_transfer(s, args.file, password=secret)
    choices, problem = _choices(args, preview.cases)
    try:
        check_choices(preview.cases, choices)
    except ExchangeError as exc:  # a new child for one found by its national ID
        problem = problem or exc.message
    if problem:
        err(problem)
        return EXIT_ARGS
    if args.dry_run:
        out(f"ไฟล์ส่งต่อกรณีถูกต้อง {len(preview.cases)} กรณี (ยังไม่ได้รับโอน ไม่มีอะไรเปลี่ยน):")
        for case in preview.cases:
            _show(case, out)
        return 0
    waiting = [c for c in preview.waiting if c.transfer_uuid not in choices]
    if waiting:
        err("ยังไม่ได้รับโอน: เด็กของกรณีต่อไปนี้พบในทะเบียนด้วยชื่อและวันเกิดเท่านั้น อาจเป็นคนละคน "
            "เลือกให้ทุกกรณีแล้วสั่งอีกครั้ง (--child กรณี=เด็ก หรือ --new-child กรณี)")
        for case in waiting:
            _show(case, err)
        return EXIT_REFUSED
    with db.session() as s:
        result = receive_transfer(s, args.file, password=secret, choices=choices)
    for r in result.received:
        if r.already:
            out(f"รับโอนกรณีของ {r.child_name} จาก {r.from_name} ไว้แล้ว ไม่มีอะไรเปลี่ยน")
        else:
            how = HOW.get(r.child, r.child) + (" ตามที่เลือก" if r.chosen else "")
            out(f"รับโอนจาก {r.from_name} ({r.from_office}): {r.child_name} ({how}) กรณีเลขที่ {r.case_id}")
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
                f"{r.transferred_on:%Y-%m-%d}  {written_words(r)}")
        if rows:
            new = sum(1 for r in rows if r.written_at is None)
            out(f"ยังไม่เคยเขียนลงไฟล์ส่งต่อ {new} จาก {len(rows)} กรณี")
        return 0
    problem = output_problem(args.out)
    if problem:
        err(problem)
        return EXIT_ARGS
    with db.session() as s:
        written = write_transfer_file(s, args.office, args.out, password=password(args, db))
    out(f"เขียนไฟล์ส่งต่อกรณีถึง {written.office_name} ({written.office_code}) {len(written.transfers)} กรณี "
        f"ลงไฟล์ {args.out} แล้ว: ให้ อปท. ปลายทางสั่ง samoe exchange import กับไฟล์นี้")
    if written.written_before:
        out(f"ในจำนวนนี้ {len(written.written_before)} กรณีเคยเขียนลงไฟล์ส่งต่อแล้ว (อปท. ปลายทางรับแต่ละกรณีครั้งเดียว):")
        for r in written.written_before:
            out(f"  {r.child_name} จาก {r.from_name}  {written_words(r)}")
    return 0


def written_words(r: Any) -> str:
    """Whether the province wrote a transfer into a file (when, which file), in Thai."""
    from desktop.domain.dates import format_be_local

    if r.written_at is None:
        return "ยังไม่ได้เขียนไฟล์"
    return f"เขียนไฟล์แล้วเมื่อ {format_be_local(r.written_at, 'th')} ({r.written_file})"
