"""A grant round's payments as the window works them (issue 11): the round's payments, the
same payment to several children at once (all or none), a payment returned with its
reason, and the reconciliation per institution (eligible, held, paid, returned) and per
programme and term across the rounds. No Qt.

    uuids = record_payments(session, round_id, [child_uuid, ...], paid_on=date(2026, 12, 15),
                            method="cash")          # each child's amount still due
    return_payment(session, payment_uuid, reason="ผู้ปกครองย้ายออกนอกพื้นที่")
    rows = reconciliation(session, round_id)        # per institution, the total last

Who: ``grants`` to pay and return; the lists also ``registry.read`` (as the eligible list).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.grants import Outcome
from desktop.domain.roles import Action
from desktop.i18n import N_, _
from desktop.services.access import require, require_any
from desktop.services.audit import entry, record, record_many
from desktop.services.grants import METHODS, EligibilityRow, eligibility, round_of, rounds
from desktop.store.grant_state import GrantPayment, GrantRound
from desktop.store.models import Child, Enrollment, Institution, Term, new_uuid

METHOD_LABELS = {"cash": N_("เงินสดให้ผู้ปกครอง"), "transfer": N_("โอนเข้าบัญชี")}
STATUS_LABELS = {"paid": N_("จ่ายแล้ว"), "returned": N_("คืนเงินแล้ว")}
TOTAL = N_("รวม")


@dataclass(frozen=True)
class PaymentRow:
    uuid: str
    child_uuid: str
    child_name: str
    institution: str
    amount: int
    paid_on: date
    method: str  # cash, transfer
    reference: str
    status: str  # paid, returned
    note: str  # a return's reason
    recorded_by: str


def method_label(method: str) -> str:
    return _(METHOD_LABELS[method]) if method in METHOD_LABELS else method


def payment_status_label(status: str) -> str:
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def payments(session: Session, round_id: int) -> list[PaymentRow]:
    """The round's payments, paid and returned, newest first."""
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    r = round_of(session, round_id)
    year_id = session.scalar(select(Term.academic_year_id).where(Term.id == r.term_id))
    institution = (select(Institution.name).join(Enrollment, Enrollment.institution_id == Institution.id)
                   .where(Enrollment.child_id == Child.id, Enrollment.academic_year_id == year_id,
                          Enrollment.deleted_at.is_(None)).limit(1).scalar_subquery())
    stmt = (select(GrantPayment, Child.uuid, Child.prefix, Child.first_name, Child.last_name, institution)
            .join(Child, Child.id == GrantPayment.child_id)
            .where(GrantPayment.round_id == r.id, GrantPayment.deleted_at.is_(None))
            .order_by(GrantPayment.paid_on.desc(), GrantPayment.id.desc()))
    return [PaymentRow(p.uuid, uuid, f"{prefix}{first} {last}", inst or "", p.amount, p.paid_on, p.method,
                       p.reference, p.status, p.note, p.recorded_by)
            for p, uuid, prefix, first, last, inst in session.execute(stmt)]


def record_payments(session: Session, round_id: int, child_uuids: Iterable[str], *, paid_on: date, method: str,
                    reference: str = "", amount: int | None = None, today: date | None = None,
                    dry_run: bool = False) -> list[str]:
    """The same payment to each child (``amount`` each, or what is still due to each when
    None): every child checked first, nothing recorded when one is wrong; the payments'
    uuids. Only the eligible, within their amount; a transfer needs its reference.
    ``dry_run``: only the checks (a window asks for confirmation after them)."""
    actor = require(session, Action.GRANTS)
    r = round_of(session, round_id)
    chosen = list(dict.fromkeys(child_uuids))
    problems: list[Problem] = []
    if not chosen:
        problems.append(Problem("child", _("โปรดเลือกเด็กที่จะบันทึกการจ่ายเงิน")))
    if method not in METHODS:
        problems.append(Problem("method", _("วิธีจ่ายต้องเป็นเงินสด (cash) หรือโอนเข้าบัญชี (transfer)")))
    if method == "transfer" and not reference.strip():
        problems.append(Problem("reference", _("การโอนเงินต้องมีเลขที่อ้างอิงการโอน")))
    if paid_on > (today or date.today()):
        problems.append(Problem("paid_on", _("วันที่จ่ายต้องไม่เกินวันนี้")))
    if amount is not None and amount <= 0:
        problems.append(Problem("amount", _("จำนวนเงินต้องมากกว่า 0 บาท")))
    rows = {e.child_uuid: e for e in eligibility(session, round_id)} if chosen else {}
    due: list[tuple[str, int]] = []
    for uuid in chosen:
        row = rows.get(uuid)
        if row is None or row.outcome is not Outcome.ELIGIBLE:
            problems.append(Problem("child", _("{name}: ไม่อยู่ในรายชื่อผู้มีสิทธิ์ของรอบนี้ ({reason})").format(
                name=row.child_name if row else uuid, reason=row.reason if row else _("ไม่ได้คัดกรองในภาคเรียนของรอบนี้"))))
            continue
        left = row.amount - row.paid
        pay = left if amount is None else amount
        if left <= 0:
            problems.append(Problem("child", _("{name}: จ่ายครบ {amount:,} บาทแล้ว").format(
                name=row.child_name, amount=row.amount)))
        elif amount is not None and not 0 < pay <= left:
            problems.append(Problem("amount", _("{name}: จ่ายได้ไม่เกิน {left:,} บาท (สิทธิ์ {amount:,} จ่ายแล้ว {paid:,})")
                                    .format(name=row.child_name, left=left, amount=row.amount, paid=row.paid)))
        else:
            due.append((uuid, pay))
    if problems:
        raise ValidationFailed(problems)
    if dry_run:
        return []
    ids = dict(session.execute(select(Child.uuid, Child.id).where(Child.uuid.in_([u for u, _a in due]))).tuples().all())
    made = [GrantPayment(uuid=new_uuid(), round_id=r.id, child_id=ids[uuid], amount=pay, paid_on=paid_on,
                         method=method, reference=reference.strip(), recorded_by=actor.name,
                         origin_office_id=r.origin_office_id) for uuid, pay in due]
    session.add_all(made)
    session.flush()  # one flush and one audit batch: thousands of children paid at once
    record_many(session, [entry("grant_payment", "grant_round", r.uuid,
                                {"payment": p.uuid, "amount": p.amount, "method": method, "paid_on": paid_on.isoformat()},
                                subject_uuid=uuid) for p, (uuid, _pay) in zip(made, due, strict=True)])
    return [p.uuid for p in made]


def return_payment(session: Session, payment_uuid: str, *, reason: str) -> None:
    """A payment given back (a guardian who moved away, a transfer bounced): kept, marked
    returned with the reason; the child's amount is due again."""
    actor = require(session, Action.GRANTS)
    payment = session.scalars(select(GrantPayment).where(GrantPayment.uuid == payment_uuid,
                                                         GrantPayment.deleted_at.is_(None))).first()
    problems = []
    if payment is None:
        problems.append(Problem("payment", _("ไม่พบรายการจ่ายเงินนี้")))
    elif payment.status == "returned":
        problems.append(Problem("payment", _("รายการนี้บันทึกคืนเงินไว้แล้ว")))
    if not reason.strip():
        problems.append(Problem("reason", _("โปรดระบุเหตุผลที่คืนเงิน")))
    if problems or payment is None:
        raise ValidationFailed(problems)
    r = session.get(GrantRound, payment.round_id)
    payment.status, payment.note = "returned", f"{reason.strip()} ({actor.name})"
    session.flush()
    child = session.scalar(select(Child.uuid).where(Child.id == payment.child_id))
    record(session, "grant_payment_return", "grant_round", r.uuid if r else "",
           {"payment": payment.uuid, "amount": payment.amount, "reason": reason.strip()}, subject_uuid=child)


@dataclass(frozen=True)
class Totals:
    name: str  # the institution (or the programme and term; "รวม" for the total)
    eligible: int
    eligible_amount: int
    held: int
    held_amount: int
    paid: int  # children paid (returned ones taken off)
    paid_amount: int
    returned: int  # payments returned
    returned_amount: int
    unpaid: int  # eligible children not paid in full


def _totals(name: str, rows: list[EligibilityRow], returned: list[tuple[str, int]]) -> Totals:
    eligible = [r for r in rows if r.outcome is Outcome.ELIGIBLE]
    held = [r for r in rows if r.outcome is Outcome.HELD]
    paid = [r for r in rows if r.paid]
    return Totals(name, len(eligible), sum(r.amount for r in eligible), len(held), sum(r.amount for r in held),
                  len(paid), sum(r.paid for r in paid), len(returned), sum(a for _u, a in returned),
                  sum(1 for r in eligible if r.paid < r.amount))


def _returned(session: Session, round_id: int) -> list[tuple[str, int]]:
    return [(str(u), int(a)) for u, a in session.execute(
        select(Child.uuid, GrantPayment.amount).join(Child, Child.id == GrantPayment.child_id)
        .where(GrantPayment.round_id == round_id, GrantPayment.status == "returned",
               GrantPayment.deleted_at.is_(None)))]


def reconciliation(session: Session, round_id: int, rows: list[EligibilityRow] | None = None) -> list[Totals]:
    """Per institution (the eligible list's order), then the round's total (named รวม);
    ``rows``: the round's eligible list when the caller has it already (worked out once)."""
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    rows = eligibility(session, round_id) if rows is None else rows
    returned = _returned(session, round_id)
    where = {r.child_uuid: r.institution for r in rows}
    by_inst: dict[str, list[EligibilityRow]] = defaultdict(list)
    for r in rows:
        by_inst[r.institution or _("ไม่ได้ลงทะเบียนเรียน")].append(r)
    back: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for uuid, amount in returned:
        back[where.get(uuid) or _("ไม่ได้ลงทะเบียนเรียน")].append((uuid, amount))
    out = [_totals(name, by_inst.get(name, []), back.get(name, [])) for name in dict.fromkeys([*by_inst, *back])]
    out.append(_totals(_(TOTAL), rows, returned))
    return out


def programme_totals(session: Session) -> list[Totals]:
    """One line per programme and term over every round (name: "programme · term"), the
    grand total last."""
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    groups: dict[str, tuple[list[EligibilityRow], list[tuple[str, int]]]] = {}
    every: list[EligibilityRow] = []
    every_back: list[tuple[str, int]] = []
    for info in rounds(session):
        rows, back = eligibility(session, info.id), _returned(session, info.id)
        group = groups.setdefault(f"{info.programme_label} · {info.term}", ([], []))
        group[0].extend(rows)
        group[1].extend(back)
        every += rows
        every_back += back
    out = [_totals(name, rows, back) for name, (rows, back) in groups.items()]
    out.append(_totals(_(TOTAL), every, every_back))
    return out

