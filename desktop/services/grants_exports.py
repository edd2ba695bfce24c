"""The grant rounds' lists as spreadsheets (issue 11), beside the eligible list
(grants.export_eligibility): the rounds, a round's payments, its reconciliation per
institution, the totals per programme and term, and one class's attendance, whose
headers are the ones the attendance import reads (a school fills the days in and the
file comes back). .xlsx or .csv by the suffix; the rows written. No Qt. A file's words
are Thai, as every export's.

Who: as the lists (``grants`` or ``registry.read``; a class's attendance ``grants``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, pinned
from desktop.reports.province_lists import sheet_marks
from desktop.reports.sheets import write_table
from desktop.services.access import require, require_any
from desktop.services.grants import rounds
from desktop.services.grants_attendance import attendance_sheet
from desktop.services.grants_payments import (
    Totals,
    method_label,
    payment_status_label,
    payments,
    programme_totals,
    reconciliation,
)
from desktop.services.office import DEMO_LABEL, is_demo

ROUND_HEADERS = ("รหัส", "ชื่อรอบ", "ประเภททุน", "ภาคเรียน", "กลุ่มที่จ่าย", "เกณฑ์มาเรียน (%)", "สถานะ")
PAYMENT_HEADERS = ("เด็ก", "สถานศึกษา", "จำนวนเงิน (บาท)", "วันที่จ่าย", "วิธีจ่าย", "เลขที่อ้างอิง", "สถานะ",
                   "หมายเหตุ", "ผู้บันทึก")
TOTAL_HEADERS = ("มีสิทธิ์ (คน)", "เงินที่มีสิทธิ์ (บาท)", "รอ (คน)", "เงินที่รอ (บาท)", "จ่ายแล้ว (คน)",
                 "จ่ายแล้ว (บาท)", "คืนเงิน (รายการ)", "คืนเงิน (บาท)", "ยังจ่ายไม่ครบ (คน)")
ATTENDANCE_HEADERS = ("เลขประจำตัวประชาชน", "ชื่อ-สกุล", "มาเรียน", "วันเปิดเรียน")
LEVEL_WORDS = {"extreme": "ยากจนพิเศษ", "poor": "ยากจน"}


def _marks(session: Session, sheet: str) -> dict[str, object]:
    return sheet_marks(sheet, DEMO_LABEL if is_demo(session) else "")


def export_rounds(session: Session, path: Path) -> int:
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    with pinned(SOURCE_LANGUAGE):
        cells = [(r.id, r.name, r.programme_label, r.term,
                  ", ".join(LEVEL_WORDS.get(v, v) for v in r.levels.split(",") if v), r.attendance_percent,
                  "เปิด" if r.status == "open" else r.status) for r in rounds(session)]
        return write_table(Path(path), list(ROUND_HEADERS), cells, total=len(cells), **_marks(session, "รอบทุน"))


def export_payments(session: Session, round_id: int, path: Path) -> int:
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    with pinned(SOURCE_LANGUAGE):
        cells = [(p.child_name, p.institution, p.amount, p.paid_on, method_label(p.method), p.reference,
                  payment_status_label(p.status), p.note, p.recorded_by) for p in payments(session, round_id)]
        return write_table(Path(path), list(PAYMENT_HEADERS), cells, total=len(cells), **_marks(session, "การจ่ายเงิน"))


def _total_cells(rows: list[Totals]) -> list[tuple[object, ...]]:
    return [(t.name, t.eligible, t.eligible_amount, t.held, t.held_amount, t.paid, t.paid_amount, t.returned,
             t.returned_amount, t.unpaid) for t in rows]


def export_reconciliation(session: Session, round_id: int, path: Path) -> int:
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    with pinned(SOURCE_LANGUAGE):
        cells = _total_cells(reconciliation(session, round_id))
        return write_table(Path(path), ["สถานศึกษา", *TOTAL_HEADERS], cells, total=len(cells),
                           **_marks(session, "กระทบยอด"))


def export_programme_totals(session: Session, path: Path) -> int:
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    with pinned(SOURCE_LANGUAGE):
        cells = _total_cells(programme_totals(session))
        return write_table(Path(path), ["ประเภททุน · ภาคเรียน", *TOTAL_HEADERS], cells, total=len(cells),
                           **_marks(session, "ยอดรวมตามประเภททุน"))


def export_class_attendance(session: Session, round_id: int, institution_id: int, level_code: str, classroom: str,
                            path: Path) -> int:
    require(session, Action.GRANTS)
    lines = attendance_sheet(session, round_id, institution_id, level_code, classroom)
    cells = [(a.national_id, a.child_name, "" if a.days_present is None else a.days_present,
              "" if a.days_open is None else a.days_open) for a in lines]
    return write_table(Path(path), list(ATTENDANCE_HEADERS), cells, total=len(cells), text_columns=(0,),
                       **_marks(session, "การมาเรียน"))
