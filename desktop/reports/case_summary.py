"""The case summary of an out-of-school child (issue 13) with the individual assistance plan
(แผนการช่วยเหลือเด็กรายบุคคล) for signatures: the child, the case and its history, the needs
assessment, the plan's goals and actions (agency, person, due date, budget, outcome), the
follow-ups and referrals, and the signatures of the case worker, the guardian and the
supervisor who approves. Plain data in (labels already Thai), PDF bytes out; an official
document, Thai by design. No database, no Qt.

    pdf, pages = case_summary_pdf(SummaryData(...), printed=date(2026, 12, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.centre import baht_text
from desktop.domain.dates import format_be
from desktop.reports.case_letter import CaseChild, child_lines
from desktop.reports.pdf.document import (
    Layout,
    Piece,
    Signature,
    SignatureBlock,
    Spacer,
    heading,
    paragraph,
    render,
)
from desktop.reports.pdf.table import Column, Table, simple_table

SUMMARY_TITLE = "สรุปกรณีและแผนการช่วยเหลือเด็กรายบุคคล"


@dataclass(frozen=True)
class HistoryRow:
    on: date
    status: str  # the label moved to
    by: str
    detail: str = ""  # place, reason


@dataclass(frozen=True)
class AreaRow:
    area: str
    level: str
    needs: str
    note: str = ""


@dataclass(frozen=True)
class AssessmentPart:
    assessed_on: date
    by: str
    areas: tuple[AreaRow, ...]
    reasons: str
    last_school: str = ""
    left_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ActionRow:
    text: str
    agency: str  # kind and name
    person: str
    due: date | None
    budget_satang: int
    outcome: str = ""
    done_on: date | None = None


@dataclass(frozen=True)
class GoalRow:
    text: str
    area: str  # the need it answers ("" none)
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class PlanPart:
    number: int
    status: str
    goals: tuple[GoalRow, ...]
    note: str = ""
    authors: str = ""
    approved_by: str = ""
    approved_on: date | None = None
    hash_short: str = ""  # the approval's hash, first 12 hex digits
    versions: int = 1

    @property
    def budget_satang(self) -> int:
        return sum(a.budget_satang for g in self.goals for a in g.actions)


@dataclass(frozen=True)
class VisitRow:
    on: date
    by: str
    result: str
    note: str = ""
    next_on: date | None = None


@dataclass(frozen=True)
class ReferralRow:
    sent_on: date
    agency: str
    reason: str
    status: str
    answer: str = ""
    letter_no: str = ""


@dataclass(frozen=True)
class SummaryData:
    office: str
    child: CaseChild
    case_ref: str  # the case's number as the office knows it
    opened_on: date
    source: str
    status: str
    status_on: date
    worker: str = ""
    next_follow_up: str = ""  # "ครบกำหนด ...", "เลยกำหนด 5 วัน (...)"
    history: tuple[HistoryRow, ...] = ()
    assessment: AssessmentPart | None = None
    plan: PlanPart | None = None
    follow_ups: tuple[VisitRow, ...] = ()
    referrals: tuple[ReferralRow, ...] = ()
    supervisor: str = ""  # who approved the plan (their name under the signature)
    notice: str = ""
    author: str = ""  # who wrote the plan (their name under the author's signature; "" : the worker)


def _date(d: date | None) -> str:
    return format_be(d) if d else "-"


def case_pieces(d: SummaryData, width: float) -> list[Piece]:
    pieces: list[Piece] = heading("ข้อมูลเด็ก", width, size=12)
    pieces += child_lines(d.child, d.status_on, width)
    pieces += heading("ข้อมูลกรณี", width, size=12)
    pieces += paragraph(f"กรณีเลขที่ {d.case_ref} เปิดเมื่อ {format_be(d.opened_on)} ที่มา {d.source}", width, size=11)
    pieces += paragraph(f"สถานะ {d.status} (ตั้งแต่ {format_be(d.status_on)})"
                        + (f" ผู้รับผิดชอบ {d.worker}" if d.worker else "")
                        + (f" นิเทศติดตามครั้งถัดไป {d.next_follow_up}" if d.next_follow_up else ""), width, size=11)
    if d.history:
        pieces += simple_table((Column("วันที่", 70), Column("สถานะ", 150), Column("โดย", 90),
                                Column("รายละเอียด", width - 310)),
                               [(format_be(h.on), h.status, h.by, h.detail) for h in d.history], width, size=9.5)
    a = d.assessment
    pieces += heading("การประเมินความต้องการ", width, size=12)
    if a is None:
        pieces += paragraph("ยังไม่ได้ประเมิน", width, size=11)
    else:
        pieces += paragraph(f"ประเมินเมื่อ {format_be(a.assessed_on)} โดย {a.by}"
                            + (f" สถานศึกษาเดิม {a.last_school}" if a.last_school else "")
                            + (f" ออกเมื่อประมาณ {format_be(a.left_on)}" if a.left_on else ""), width, size=11)
        pieces += paragraph(f"สาเหตุที่ออกจากการศึกษา: {a.reasons or '-'}", width, size=11)
        pieces += simple_table((Column("ด้าน", 80), Column("ระดับ", 110), Column("ความต้องการ", 190),
                                Column("บันทึก", width - 380)),
                               [(r.area, r.level, r.needs, r.note) for r in a.areas], width, size=9.5)
    pieces += _plan_pieces(d.plan, width)
    if d.follow_ups:
        pieces += heading("การนิเทศติดตาม", width, size=12)
        pieces += simple_table((Column("วันที่", 66), Column("ผู้ไป", 90), Column("ผล", 120),
                                Column("บันทึก", width - 346), Column("นัดครั้งถัดไป", 70)),
                               [(format_be(v.on), v.by, v.result, v.note, _date(v.next_on)) for v in d.follow_ups],
                               width, size=9.5)
    if d.referrals:
        pieces += heading("การส่งต่อหน่วยงานอื่น", width, size=12)
        pieces += simple_table((Column("วันที่ส่ง", 66), Column("หน่วยงาน", 140), Column("เรื่อง", width - 386),
                                Column("สถานะ", 80), Column("คำตอบ", 100)),
                               [(format_be(r.sent_on), r.agency + (f" (ที่ {r.letter_no})" if r.letter_no else ""),
                                 r.reason, r.status, r.answer) for r in d.referrals], width, size=9.5)
    pieces.append(Spacer(6))
    pieces += paragraph("ผู้จัดทำแผน ผู้ปกครอง และหัวหน้างานได้รับทราบและเห็นชอบแผนการช่วยเหลือข้างต้น", width, size=11)
    pieces.append(SignatureBlock([Signature(d.author or d.worker, "ผู้จัดทำแผน"), Signature(d.child.guardian.split(" (")[0], "ผู้ปกครอง"),
                                  Signature(d.supervisor, "หัวหน้างาน (ผู้อนุมัติแผน)")], size=10.5))
    return pieces


def _plan_pieces(p: PlanPart | None, width: float) -> list[Piece]:
    pieces: list[Piece] = heading("แผนการช่วยเหลือเด็กรายบุคคล", width, size=12)
    if p is None:
        return [*pieces, *paragraph("ยังไม่ได้จัดทำแผน", width, size=11)]
    state = f"ฉบับที่ {p.number} ({p.status})"
    if p.versions > 1:
        state += f" จากทั้งหมด {p.versions} ฉบับ"
    if p.approved_by:
        state += f" อนุมัติโดย {p.approved_by} เมื่อ {_date(p.approved_on)}"
    if p.hash_short:
        state += f" รหัสตรวจสอบ {p.hash_short}"
    pieces += paragraph(state, width, size=11)
    if p.authors:
        pieces += paragraph(f"ผู้จัดทำ {p.authors}", width, size=11)
    table = Table((Column("ที่", 24, "right"), Column("กิจกรรม", 150), Column("หน่วยงาน / ผู้รับผิดชอบ", 130),
                   Column("กำหนดเสร็จ", 62), Column("งบประมาณ (บาท)", 66, "right"),
                   Column("ผลการดำเนินงาน", width - 432)), width, size=9.5)
    pieces.append(table.header())
    for gi, g in enumerate(p.goals, start=1):
        pieces.append(table.span(f"เป้าหมายที่ {gi} {g.text}" + (f" (ด้าน{g.area})" if g.area else "")))
        for ai, a in enumerate(g.actions, start=1):
            outcome = a.outcome + (f" ({format_be(a.done_on)})" if a.done_on else "")
            pieces.append(table.row((f"{gi}.{ai}", a.text, f"{a.agency} / {a.person}" if a.person else a.agency,
                                     _date(a.due), baht_text(a.budget_satang), outcome)))
    pieces.append(table.row(("", "รวมงบประมาณ", "", "", baht_text(p.budget_satang), ""), bold=True))
    if p.note:
        pieces += paragraph(f"หมายเหตุ: {p.note}", width, size=10.5)
    return pieces


def case_summary_pdf(d: SummaryData, *, printed: date | None = None) -> tuple[bytes, int]:
    """The case summary with the plan: PDF bytes and pages."""
    layout = Layout(office=d.office, title=SUMMARY_TITLE, subtitle=f"{d.child.name} · กรณีเลขที่ {d.case_ref}",
                    printed=printed or date.today(), notice=d.notice)
    return render(layout, case_pieces(d, layout.frame_w))
