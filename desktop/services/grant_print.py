"""A grant round's printouts (issue 11): the eligible children of each institution with a
column for the guardian's signature when the money is paid in cash, and the round's
summary (per institution: eligible, held, out, amounts, paid). No Qt. Official documents
are Thai.

    grant_list_pdf(session, round_id, Path("list.pdf"))
    grant_summary_pdf(session, round_id, Path("summary.pdf"))

Who: as the eligible list (``grants`` or ``registry.read``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.grants import Outcome
from desktop.domain.levels import level_by_code
from desktop.i18n import thai_document
from desktop.reports.pdf.document import Layout, Piece, Signature, heading, paragraph, render
from desktop.reports.pdf.table import Column, simple_table
from desktop.reports.registry import plain_list
from desktop.services.grants import EligibilityRow, eligibility, round_of, rounds
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.reports import write_atomic

LIST_TITLE = "รายชื่อนักเรียนผู้มีสิทธิ์รับทุน"
SUMMARY_TITLE = "สรุปรอบทุน"
LIST_COLUMNS = (Column("ชื่อ-สกุล", 36), Column("ชั้น", 10), Column("จำนวนเงิน (บาท)", 14, "right"),
                Column("ลายมือชื่อผู้ปกครองผู้รับเงิน", 32), Column("วันที่รับ", 14))


def _level(code: str) -> str:
    try:
        return level_by_code(code).label if code else ""
    except KeyError:
        return code


def _write(session: Session, out: Path, title: str, subtitle: str, pieces: list[Piece], today: date | None) -> int:
    office = local_office(session)
    layout = Layout(office.name if office else "", title, subtitle, printed=today or date.today(),
                    notice=DEMO_LABEL if is_demo(session) else "")
    data, pages = render(layout, pieces)
    write_atomic(Path(out), data)
    return pages


def _by_institution(rows: list[EligibilityRow]) -> dict[str, list[EligibilityRow]]:
    grouped: dict[str, list[EligibilityRow]] = defaultdict(list)
    for r in rows:
        grouped[r.institution or "ไม่ได้ลงทะเบียนเรียน"].append(r)
    return grouped


def _subtitle(session: Session, round_id: int) -> str:
    info = next(i for i in rounds(session) if i.id == round_id)
    return f"{info.name} · {info.programme_label} · ภาคเรียน {info.term} · มาเรียนไม่น้อยกว่า {info.attendance_percent}%"


@thai_document
def grant_list_pdf(session: Session, round_id: int, out: Path, *, today: date | None = None) -> int:
    """The eligible children, an institution a section, each with its signature column."""
    rows = [r for r in eligibility(session, round_id) if r.outcome is Outcome.ELIGIBLE]
    width = Layout("", "").frame_w
    pieces: list[Piece] = []
    for institution, group in _by_institution(rows).items():
        pieces += heading(f"{institution} ({len(group):,} คน รวม {sum(r.amount for r in group):,} บาท)", width)
        cells = [(r.child_name, _level(r.class_level), f"{r.amount:,}", "", "") for r in group]
        pieces += plain_list(LIST_COLUMNS, cells, width,
                             (Signature(position="ผู้จ่ายเงิน"), Signature(position="ผู้อำนวยการสถานศึกษา")))
    if not rows:
        pieces += paragraph("ยังไม่มีนักเรียนผู้มีสิทธิ์ในรอบนี้", width)
    return _write(session, out, LIST_TITLE, _subtitle(session, round_id), pieces, today)


@thai_document
def grant_summary_pdf(session: Session, round_id: int, out: Path, *, today: date | None = None) -> int:
    """Per institution: eligible, held and out (children and baht), paid; then the totals."""
    round_of(session, round_id)
    rows = eligibility(session, round_id)
    width = Layout("", "").frame_w
    table_rows = []
    totals = [0] * 7
    for institution, group in _by_institution(rows).items():
        e = [r for r in group if r.outcome is Outcome.ELIGIBLE]
        h = [r for r in group if r.outcome is Outcome.HELD]
        o = [r for r in group if r.outcome is Outcome.OUT]
        paid = [r for r in group if r.paid]
        values = [len(e), sum(r.amount for r in e), len(h), sum(r.amount for r in h), len(o), len(paid),
                  sum(r.paid for r in paid)]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        table_rows.append((institution, *(f"{v:,}" for v in values)))
    table_rows.append(("รวม", *(f"{v:,}" for v in totals)))
    columns = (Column("สถานศึกษา", 30), Column("มีสิทธิ์ (คน)", 10, "right"), Column("เงิน (บาท)", 12, "right"),
               Column("รอ (คน)", 9, "right"), Column("เงินที่รอ (บาท)", 12, "right"),
               Column("ไม่มีสิทธิ์ (คน)", 11, "right"), Column("จ่ายแล้ว (คน)", 10, "right"),
               Column("จ่ายแล้ว (บาท)", 12, "right"))
    pieces: list[Piece] = paragraph(
        f"นักเรียนที่คัดกรองในภาคเรียนนี้ {len(rows):,} คน: มีสิทธิ์ {totals[0]:,} คน รวม {totals[1]:,} บาท · "
        f"รอการมาเรียนหรือการบันทึก {totals[2]:,} คน · จ่ายแล้ว {totals[5]:,} คน รวม {totals[6]:,} บาท", width, size=11)
    pieces += simple_table(columns, table_rows, width, bold_last=True)
    held = [r for r in rows if r.outcome is Outcome.HELD]
    if held:
        pieces += heading("นักเรียนที่รอ (ยังไม่ผ่านเงื่อนไข)", width)
        pieces += plain_list((Column("ชื่อ-สกุล", 30), Column("สถานศึกษา", 30), Column("เหตุผล", 40)),
                             [(r.child_name, r.institution, r.reason) for r in held], width)
    return _write(session, out, SUMMARY_TITLE, _subtitle(session, round_id), pieces, today)
