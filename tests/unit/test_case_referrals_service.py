"""Referrals through the services (issue 13): sent from a case that has found the child,
to an agency (not the family) by the name the letter prints, with the letter's number;
moved sent → accepted → done with the agency's answer; refused moves and fields said all
at once; audited."""

from __future__ import annotations

from datetime import date

import pytest
from case_core_kit import case_children
from case_plan_kit import TODAY, as_user, case_at
from sqlalchemy import select

from desktop.domain.case_plan import Agency
from desktop.domain.case_referral import Referral, ReferralStatus
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.services.access import NotPermitted
from desktop.services.case_referrals import move_referral, referral, referrals, send_referral
from desktop.services.cases import open_case
from desktop.store.db import Database
from desktop.store.models import AuditEntry

PMJ = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา"


def _send(db: Database, case_id: int, on: date = date(2026, 10, 1)) -> int:
    with as_user(db, "worker1"), db.session() as s:
        return send_referral(s, case_id, Referral(Agency.SOCIAL_DEVELOPMENT, PMJ, "ขอรับเงินสงเคราะห์ครอบครัว", on, ""),
                             letter_no="นม 52301/0456", today=TODAY)


def test_sent_accepted_done_with_the_agencys_answer(office_db: Database) -> None:
    kit = case_children(office_db, 2)
    case_id = case_at(office_db, kit.children[0], CaseStatus.IN_PLAN)
    ref = _send(office_db, case_id)
    with as_user(office_db, "worker2"), office_db.session() as s:
        accepted = move_referral(s, ref, ReferralStatus.ACCEPTED, date(2026, 10, 8), answer="รับเรื่องไว้แล้ว",
                                 today=TODAY)
        done = move_referral(s, ref, ReferralStatus.DONE, date(2026, 11, 2), answer="อนุมัติเงินสงเคราะห์ 3,000 บาท",
                             today=TODAY)
        listed = referrals(s, case_id)
    assert accepted.status is ReferralStatus.ACCEPTED and accepted.answer == "รับเรื่องไว้แล้ว"
    assert (done.status, done.status_on, done.answer) == (ReferralStatus.DONE, date(2026, 11, 2),
                                                          "อนุมัติเงินสงเคราะห์ 3,000 บาท")
    [one] = listed
    assert (one.agency, one.agency_name, one.letter_no, one.sent_by) == (Agency.SOCIAL_DEVELOPMENT, PMJ,
                                                                          "นม 52301/0456", "worker1")
    with office_db.reader() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("referral%"))
                            .order_by(AuditEntry.id)).all()
    assert actions == ["referral_send", "referral_move", "referral_move"]


def test_a_referral_refused_says_every_problem(office_db: Database) -> None:
    kit = case_children(office_db, 2)
    with as_user(office_db, "worker1"), office_db.session() as s:
        tracing = open_case(s, kit.children[1], date(2026, 11, 1), source="teacher", today=TODAY).id
        with pytest.raises(ValidationFailed) as caught:
            send_referral(s, tracing, Referral(Agency.FAMILY, "", "", date(2027, 1, 1), ""), letter_no="x" * 60,
                          today=TODAY)
    assert {p.field for p in caught.value.problems} == {"status", "agency", "agency_name", "reason", "sent_on",
                                                        "letter_no"}


def test_a_final_referral_does_not_move_and_a_rejection_needs_the_answer(office_db: Database) -> None:
    kit = case_children(office_db, 1)
    case_id = case_at(office_db, kit.children[0], CaseStatus.FOUND)
    ref = _send(office_db, case_id, date(2026, 9, 20))
    with as_user(office_db, "worker1"), office_db.session() as s:
        with pytest.raises(ValidationFailed) as caught:
            move_referral(s, ref, ReferralStatus.REJECTED, date(2026, 9, 19), today=TODAY)
        assert {p.field for p in caught.value.problems} == {"answer", "on"}
        move_referral(s, ref, ReferralStatus.REJECTED, date(2026, 9, 30), answer="ไม่อยู่ในเกณฑ์", today=TODAY)
        with pytest.raises(ValidationFailed):
            move_referral(s, ref, ReferralStatus.DONE, date(2026, 10, 1), answer="x", today=TODAY)
        assert referral(s, ref).status is ReferralStatus.REJECTED


def test_a_director_neither_sends_nor_reads(office_db: Database) -> None:
    from actors import EVERY_ROLE, actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import sign_in

    kit = case_children(office_db, 1)
    case_id = case_at(office_db, kit.children[0], CaseStatus.FOUND)
    sign_in(office_db, actor_with(Role.CERTIFIER))
    try:
        with office_db.session() as s:
            with pytest.raises(NotPermitted):
                send_referral(s, case_id, Referral(Agency.HEALTH, "โรงพยาบาลโนนสูง", "ตรวจสุขภาพ", TODAY, ""))
            with pytest.raises(NotPermitted):
                referrals(s, case_id)
    finally:
        sign_in(office_db, EVERY_ROLE)
