"""Referrals (ส่งต่อ) of an out-of-school child's case to other agencies (issue 13): sent
after the domain's checks (desktop/domain/case_referral.py), moved with the agency's
answer. No Qt; the letter is printed by services/case_print.py.

    ref = send_referral(session, case_id, Referral(Agency.SOCIAL_DEVELOPMENT, "สำนักงาน...", "ขอทุน ...",
                        date(2026, 11, 20), ""), letter_no="นม 52301/123")
    move_referral(session, ref, ReferralStatus.ACCEPTED, date(2026, 11, 25), answer="รับเรื่องแล้ว")
    referrals(session, case_id)                      # the case's, oldest first

Who: ``case.work``. Audited: ``referral_send``, ``referral_move``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_plan import Agency
from desktop.domain.case_referral import (
    Referral,
    ReferralStatus,
    check_referral,
    check_referral_move,
)
from desktop.domain.cases import CaseStatus, text_problem
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.i18n import N_, _
from desktop.services.access import actor_name, require
from desktop.services.audit import record
from desktop.services.case_records import case_for, child_of, open_case_for
from desktop.services.office import require_local_office
from desktop.store.case_state import OosCase, OosReferral

LETTER_NO_MAX = 50


@dataclass(frozen=True)
class ReferralView:
    id: int
    uuid: str
    case_id: int
    agency: Agency
    agency_name: str
    reason: str
    sent_on: date
    sent_by: str
    status: ReferralStatus
    status_on: date
    answer: str
    letter_no: str
    note: str


def _view(r: OosReferral) -> ReferralView:
    return ReferralView(r.id, r.uuid, r.case_id, Agency(r.agency), r.agency_name, r.reason, r.sent_on, r.sent_by,
                        ReferralStatus(r.status), r.status_on, r.answer, r.letter_no, r.note)


def send_referral(session: Session, case_id: int, r: Referral, *, letter_no: str = "",
                  today: date | None = None) -> int:
    """Record a referral sent (ValidationFailed with every problem); its id. ``r.by``
    empty: the signed-in user."""
    actor = require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    office = require_local_office(session)
    r = replace(r, by=clean_text(r.by) or actor_name(session))
    letter_no = clean_text(letter_no)
    problems = check_referral(r, CaseStatus(case.status), actor.roles, today=today or date.today(),
                              opened_on=case.opened_on)
    p = text_problem("letter_no", letter_no, LETTER_NO_MAX, N_("เลขที่หนังสือ"))
    if p:
        problems.append(p)
    if problems:
        raise ValidationFailed(problems)
    assert r.agency is not None  # check_referral refused otherwise
    row = OosReferral(case_id=case.id, agency=r.agency.value, agency_name=clean_text(r.agency_name),
                      reason=clean_text(r.reason), sent_on=r.sent_on, sent_by=r.by[:50],
                      status=ReferralStatus.SENT.value, status_on=r.sent_on, letter_no=letter_no,
                      note=clean_text(r.note), origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "referral_send", "oos_referral", row.uuid,
           {"agency": row.agency, "agency_name": row.agency_name, "sent_on": row.sent_on.isoformat(),
            "letter_no": letter_no}, subject_uuid=child_of(session, case).uuid)
    return row.id


def _referral(session: Session, referral_id: int) -> tuple[OosReferral, OosCase]:
    require(session, Action.CASE_WORK)
    row = session.get(OosReferral, referral_id)
    if row is None or row.deleted_at is not None:
        raise ValidationFailed([Problem("referral", _("ไม่พบการส่งต่อเลขที่ {id}").format(id=referral_id))])
    return row, case_for(session, row.case_id, Action.CASE_WORK)


def move_referral(session: Session, referral_id: int, target: ReferralStatus, on: date, *, answer: str = "",
                  today: date | None = None) -> ReferralView:
    """Move the referral to ``target`` on ``on`` with the agency's answer (required for a
    rejection and a completion)."""
    actor = require(session, Action.CASE_WORK)
    row, case = _referral(session, referral_id)
    problems = check_referral_move(ReferralStatus(row.status), target, actor.roles, on=on,
                                   last_change_on=row.status_on, answer=answer, today=today or date.today())
    if problems:
        raise ValidationFailed(problems)
    old = row.status
    row.status, row.status_on = target.value, on
    if clean_text(answer):
        row.answer = clean_text(answer)
    session.flush()
    record(session, "referral_move", "oos_referral", row.uuid,
           {"status": [old, target.value], "on": on.isoformat(), "answer": row.answer},
           subject_uuid=child_of(session, case).uuid)
    return _view(row)


def referrals(session: Session, case_id: int) -> list[ReferralView]:
    """The case's referrals, oldest first."""
    require(session, Action.CASE_WORK)
    case = case_for(session, case_id, Action.CASE_WORK)
    rows = session.scalars(select(OosReferral).where(OosReferral.case_id == case.id,
                                                     OosReferral.deleted_at.is_(None))
                           .order_by(OosReferral.sent_on, OosReferral.id))
    return [_view(r) for r in rows]


def referral(session: Session, referral_id: int) -> ReferralView:
    """One referral (its letter)."""
    row, _case = _referral(session, referral_id)
    return _view(row)
