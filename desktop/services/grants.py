"""Grant rounds (issue 11): make a round, record the term's attendance, see who is
eligible (and why each child is in, held or out), record payments, reconcile. No Qt.

    round_id = create_round(session, RoundValues(Programme.EEF, "ทุนเสมอภาค 1/2569", 2569, 1))
    record_attendance(session, 2569, 1, [(child_uuid, 92, 100), ...])
    rows = eligibility(session, round_id)        # every child of the term's screenings
    record_payment(session, round_id, child_uuid, amount=3000, paid_on=..., method="cash")

Who: ``grants`` (the clerk) for all of it; the eligibility list is also open to
``registry.read``. A round's amounts come from the active rule pack's grants unless given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.grants import (
    PROGRAMME_LABELS,
    ChildFacts,
    Decision,
    Outcome,
    Programme,
    RoundRule,
    decide,
)
from desktop.domain.roles import Action
from desktop.domain.screening import PovertyLevel
from desktop.i18n import _
from desktop.services.access import require, require_any
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.services.rulepacks import active_pack
from desktop.services.years import term_of
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term
from desktop.store.screening_state import Screening

METHODS = ("cash", "transfer")


@dataclass(frozen=True)
class RoundValues:
    programme: Programme
    name: str
    year_be: int
    term: int
    levels: frozenset[PovertyLevel] = frozenset({PovertyLevel.EXTREME})
    attendance_percent: int | None = None  # None: the active pack's
    amounts: Mapping[str, int] = field(default_factory=dict)  # empty: the active pack's


@dataclass(frozen=True)
class RoundInfo:
    id: int
    programme: str
    programme_label: str
    name: str
    term: str  # 1/2569
    levels: str
    attendance_percent: int
    status: str


@dataclass(frozen=True)
class EligibilityRow:
    child_uuid: str
    child_name: str
    institution: str
    class_level: str
    poverty: str
    outcome: Outcome
    amount: int
    reason: str
    paid: int  # baht paid so far in this round (returned ones taken off)


def create_round(session: Session, values: RoundValues) -> int:
    actor = require(session, Action.GRANTS)
    office = require_local_office(session)
    problems = []
    if not values.name.strip():
        problems.append(Problem("name", _("โปรดตั้งชื่อรอบทุน เช่น ทุนเสมอภาค ภาคเรียน 1/2569")))
    if not values.levels:
        problems.append(Problem("levels", _("โปรดเลือกกลุ่มที่ทุนนี้จ่าย (ยากจน และ/หรือ ยากจนพิเศษ)")))
    pack = active_pack(session)
    percent = pack.attendance_percent if values.attendance_percent is None else values.attendance_percent
    if not 0 <= percent <= 100:
        problems.append(Problem("attendance_percent", _("เกณฑ์การมาเรียนต้องอยู่ระหว่าง 0 ถึง 100 เปอร์เซ็นต์")))
    amounts = dict(values.amounts) or dict(pack.grants)
    if any(not isinstance(v, int) or v < 0 for v in amounts.values()):
        problems.append(Problem("amounts", _("จำนวนเงินต่อชั้นต้องเป็นจำนวนเต็มบาทไม่ติดลบ")))
    if problems:
        raise ValidationFailed(problems)
    term = term_of(session, values.year_be, values.term)
    row = GrantRound(programme=values.programme.value, name=values.name.strip(), term_id=term.id,
                     levels=",".join(sorted(lv.value for lv in values.levels)), attendance_percent=percent,
                     amounts=json.dumps(amounts, sort_keys=True), pack=pack.label, created_by=actor.name,
                     origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "grant_round_create", "grant_round", row.uuid,
           {"name": row.name, "term": f"{values.term}/{values.year_be}", "levels": row.levels,
            "attendance_percent": percent, "amounts": amounts})
    return row.id


def rounds(session: Session) -> list[RoundInfo]:
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    out = []
    for r, number, year in session.execute(select(GrantRound, Term.number, AcademicYear.year_be)
                                           .join(Term, Term.id == GrantRound.term_id)
                                           .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                                           .where(GrantRound.deleted_at.is_(None)).order_by(GrantRound.id)):
        known = r.programme in {p.value for p in Programme}
        label = _(PROGRAMME_LABELS[Programme(r.programme)]) if known else r.programme
        out.append(RoundInfo(r.id, r.programme, label, r.name, f"{number}/{year}", r.levels,
                             r.attendance_percent, r.status))
    return out


def record_attendance(session: Session, year_be: int, term: int,
                      rows: Iterable[tuple[str, int, int]]) -> int:
    """Each child's (uuid, days present, days open) for the term, replacing what was there;
    every row is checked first and nothing is saved when one is wrong."""
    actor = require(session, Action.GRANTS)
    office = require_local_office(session)
    t = term_of(session, year_be, term)
    given = list(rows)
    problems = []
    ids: dict[str, int] = {}
    for n, (uuid, present, days) in enumerate(given, start=1):
        child = session.scalar(select(Child.id).where(Child.uuid == uuid, Child.deleted_at.is_(None)))
        if child is None:
            problems.append(Problem(f"row.{n}", _("แถว {n}: ไม่พบเด็กคนนี้ในทะเบียน").format(n=n)))
            continue
        ids[uuid] = int(child)
        if not 0 < days <= 200 or not 0 <= present <= days:
            problems.append(Problem(f"row.{n}", _(
                "แถว {n}: วันมาเรียน {present} วันเปิดเรียน {days} ไม่ถูกต้อง (วันเปิดเรียน 1-200 วัน และวันมาเรียน"
                "ไม่เกินวันเปิดเรียน)").format(n=n, present=present, days=days)))
    if problems:
        raise ValidationFailed(problems)
    for uuid, present, days in given:
        found = session.scalars(select(TermAttendance).where(TermAttendance.child_id == ids[uuid],
                                                             TermAttendance.term_id == t.id,
                                                             TermAttendance.deleted_at.is_(None))).first()
        if found is None:
            session.add(TermAttendance(child_id=ids[uuid], term_id=t.id, days_present=present, days_open=days,
                                       recorded_by=actor.name, origin_office_id=office.id))
        elif (found.days_present, found.days_open) != (present, days):
            found.days_present, found.days_open, found.recorded_by = present, days, actor.name
    session.flush()
    record(session, "attendance_record", "term", str(t.id), {"term": f"{term}/{year_be}", "children": len(given)})
    return len(given)


def _rule(r: GrantRound) -> RoundRule:
    return RoundRule(frozenset(PovertyLevel(v) for v in r.levels.split(",") if v), r.attendance_percent,
                     {str(k): int(v) for k, v in json.loads(r.amounts).items()})


def round_of(session: Session, round_id: int) -> GrantRound:
    found = session.get(GrantRound, round_id)
    if found is None or found.deleted_at is not None:
        raise ValidationFailed([Problem("round", _("ไม่พบรอบทุนที่ {id} (ดูรายการด้วย samoe grants rounds)").format(
            id=round_id))])
    return found


def eligibility(session: Session, round_id: int) -> list[EligibilityRow]:
    """Every child screened in the round's term, in, held or out with the reason (in
    class and name order): a few queries for the whole term, whatever its size."""
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    r = round_of(session, round_id)
    term = session.get(Term, r.term_id)
    assert term is not None
    rule = _rule(r)
    paid = dict(session.execute(
        select(GrantPayment.child_id, func.sum(GrantPayment.amount))
        .where(GrantPayment.round_id == r.id, GrantPayment.status == "paid", GrantPayment.deleted_at.is_(None))
        .group_by(GrantPayment.child_id)).tuples().all())
    stmt = (select(Child.id, Child.uuid, Child.prefix, Child.first_name, Child.last_name, Screening.status,
                   Screening.level, Institution.name, Enrollment.level_code, TermAttendance.days_present,
                   TermAttendance.days_open)
            .join(Screening, and_(Screening.child_id == Child.id, Screening.term_id == r.term_id,
                                  Screening.deleted_at.is_(None)))
            .outerjoin(Enrollment, and_(Enrollment.child_id == Child.id,
                                        Enrollment.academic_year_id == term.academic_year_id,
                                        Enrollment.deleted_at.is_(None)))
            .outerjoin(Institution, Institution.id == Enrollment.institution_id)
            .outerjoin(TermAttendance, and_(TermAttendance.child_id == Child.id, TermAttendance.term_id == r.term_id,
                                            TermAttendance.deleted_at.is_(None)))
            .where(Child.deleted_at.is_(None))
            .order_by(Institution.name, Enrollment.level_key, Child.first_name_key, Child.last_name_key, Child.id))
    out = []
    for cid, uuid, prefix, first, last, status, poverty, inst, level, present, days in session.execute(stmt):
        d: Decision = decide(ChildFacts(status or "", poverty or "", level or "", present, days), rule)
        out.append(EligibilityRow(uuid, f"{prefix}{first} {last}", inst or "", level or "", poverty or "", d.outcome,
                                  d.amount, d.reason, int(paid.get(cid, 0))))
    return out


def record_payment(session: Session, round_id: int, child_uuid: str, *, amount: int, paid_on: date,
                   method: str, reference: str = "") -> str:
    """A payment to an eligible child's guardian; refused for a child the round does not
    pay now, or beyond the child's amount."""
    actor = require(session, Action.GRANTS)
    r = round_of(session, round_id)
    rows = {e.child_uuid: e for e in eligibility(session, round_id)}
    row = rows.get(child_uuid)
    problems = []
    if row is None or row.outcome is not Outcome.ELIGIBLE:
        problems.append(Problem("child", _("เด็กคนนี้ไม่อยู่ในรายชื่อผู้มีสิทธิ์ของรอบนี้: {reason}").format(
            reason=row.reason if row else _("ไม่ได้คัดกรองในภาคเรียนของรอบนี้"))))
    elif not 0 < amount <= row.amount - row.paid:
        problems.append(Problem("amount", _("จ่ายได้ไม่เกิน {left:,} บาท (สิทธิ์ {amount:,} จ่ายแล้ว {paid:,})").format(
            left=row.amount - row.paid, amount=row.amount, paid=row.paid)))
    if method not in METHODS:
        problems.append(Problem("method", _("วิธีจ่ายต้องเป็นเงินสด (cash) หรือโอนเข้าบัญชี (transfer)")))
    if method == "transfer" and not reference.strip():
        problems.append(Problem("reference", _("การโอนเงินต้องมีเลขที่อ้างอิงการโอน")))
    if problems:
        raise ValidationFailed(problems)
    child_id = session.scalar(select(Child.id).where(Child.uuid == child_uuid))
    payment = GrantPayment(round_id=r.id, child_id=int(child_id or 0), amount=amount, paid_on=paid_on, method=method,
                           reference=reference.strip(), recorded_by=actor.name, origin_office_id=r.origin_office_id)
    session.add(payment)
    session.flush()
    record(session, "grant_payment", "grant_round", r.uuid,
           {"payment": payment.uuid, "amount": amount, "method": method, "paid_on": paid_on.isoformat()},
           subject_uuid=child_uuid)
    return payment.uuid


@dataclass(frozen=True)
class Reconciliation:
    eligible: int
    eligible_amount: int
    held: int
    held_amount: int
    paid: int  # children paid
    paid_amount: int
    unpaid_eligible: int


def reconcile(session: Session, round_id: int) -> Reconciliation:
    rows = eligibility(session, round_id)
    eligible = [r for r in rows if r.outcome is Outcome.ELIGIBLE]
    held = [r for r in rows if r.outcome is Outcome.HELD]
    paid = [r for r in rows if r.paid]
    return Reconciliation(len(eligible), sum(r.amount for r in eligible), len(held), sum(r.amount for r in held),
                          len(paid), sum(r.paid for r in paid), sum(1 for r in eligible if r.paid < r.amount))


ELIGIBLE_HEADERS = ("เด็ก", "สถานศึกษา", "ชั้น", "ผลคัดกรอง", "ผล", "จำนวนเงิน (บาท)", "จ่ายแล้ว (บาท)", "เหตุผล", "ลายมือชื่อผู้รับเงิน")
OUTCOME_WORDS = {Outcome.ELIGIBLE: "มีสิทธิ์", Outcome.HELD: "รอ (ยังไม่ผ่านเงื่อนไข)", Outcome.OUT: "ไม่มีสิทธิ์"}


def export_eligibility(session: Session, round_id: int, path: Path) -> int:
    """The round's list as a spreadsheet (.xlsx or .csv), with a column for the guardian's
    signature when paid in cash; the rows written."""
    from desktop.domain.levels import level_by_code
    from desktop.domain.screening import LEVEL_LABELS
    from desktop.i18n import SOURCE_LANGUAGE, pinned
    from desktop.reports.province_lists import sheet_marks
    from desktop.reports.sheets import write_table
    from desktop.services.office import DEMO_LABEL, is_demo

    rows = eligibility(session, round_id)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        cells = []
        for r in rows:
            try:
                level = level_by_code(r.class_level).label if r.class_level else ""
            except KeyError:
                level = r.class_level
            poverty = LEVEL_LABELS[PovertyLevel(r.poverty)] if r.poverty else ""
            cells.append((r.child_name, r.institution, level, poverty, OUTCOME_WORDS[r.outcome], r.amount, r.paid, r.reason, ""))
        return write_table(Path(path), list(ELIGIBLE_HEADERS), cells, total=len(cells),
                           **sheet_marks("รายชื่อผู้มีสิทธิ์", DEMO_LABEL if is_demo(session) else ""))
