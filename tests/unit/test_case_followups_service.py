"""Follow-up visits through the services (issue 13): recorded only while the case is
followed up, after the previous visit; each keeps the case's next due date
(``follow_due_on``) as the domain reckons it, a visit's own next date first; the overdue
count from the column equals the domain's ``overdue`` over the same cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from case_core_kit import case_children
from case_plan_kit import IN_PLAN, TODAY, as_user, case_at
from sqlalchemy import select

from desktop.domain.case_followup import FollowUp, FollowUpResult, Schedule, overdue
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.services.access import NotPermitted
from desktop.services.case_followups import follow_ups, record_follow_up
from desktop.services.cases import set_follow_up_days
from desktop.services.cases_lists import overdue_count
from desktop.store.case_state import OosCase
from desktop.store.db import Database
from desktop.store.models import AuditEntry


def _due(db: Database, case_id: int) -> date | None:
    with db.reader() as s:
        return s.scalar(select(OosCase.follow_due_on).where(OosCase.id == case_id))


def test_a_visit_moves_the_due_date_and_its_own_next_date_wins(office_db: Database) -> None:
    kit = case_children(office_db, 2)
    case_id = case_at(office_db, kit.children[0], CaseStatus.BACK_IN_SCHOOL)
    assert _due(office_db, case_id) == IN_PLAN + timedelta(days=30)  # first: 30 days after in_plan
    with as_user(office_db, "worker1"), office_db.session() as s:
        record_follow_up(s, case_id, FollowUp(date(2026, 10, 20), "", FollowUpResult.ON_TRACK, "เรียนสม่ำเสมอ"),
                         today=TODAY)
    assert _due(office_db, case_id) == date(2026, 11, 19)
    with as_user(office_db, "worker2"), office_db.session() as s:
        record_follow_up(s, case_id, FollowUp(date(2026, 11, 18), "ครูมาลี", FollowUpResult.AT_RISK,
                                              "ขาดเรียนบ่อย นัดคุยกับผู้ปกครอง", date(2026, 11, 25)), today=TODAY)
        visits = follow_ups(s, case_id)
    assert _due(office_db, case_id) == date(2026, 11, 25)
    assert [(v.on, v.by, v.result) for v in visits] == [
        (date(2026, 10, 20), "worker1", FollowUpResult.ON_TRACK),
        (date(2026, 11, 18), "ครูมาลี", FollowUpResult.AT_RISK)]
    with office_db.reader() as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "follow_up")).all() == ["follow_up"] * 2
    with as_user(office_db, "boss1"), office_db.session() as s:  # the interval changed: the own date stands
        set_follow_up_days(s, 14)
    assert _due(office_db, case_id) == date(2026, 11, 25)


def test_a_visit_is_refused_with_every_problem(office_db: Database) -> None:
    kit = case_children(office_db, 2)
    followed = case_at(office_db, kit.children[0], CaseStatus.IN_PLAN)
    found = case_at(office_db, kit.children[1], CaseStatus.FOUND)
    with as_user(office_db, "worker1"), office_db.session() as s:
        with pytest.raises(ValidationFailed) as caught:
            record_follow_up(s, followed, FollowUp(date(2026, 9, 1), "", FollowUpResult.DROPPED, "",
                                                   date(2026, 8, 1)), today=TODAY)
        assert {p.field for p in caught.value.problems} == {"on", "note", "next_on"}
        with pytest.raises(ValidationFailed) as caught:
            record_follow_up(s, found, FollowUp(date(2026, 11, 1), "", FollowUpResult.ON_TRACK), today=TODAY)
        assert [p.field for p in caught.value.problems] == ["status"]
    with as_user(office_db, "worker1"), office_db.reader() as s:
        assert follow_ups(s, followed) == []


def test_someone_without_case_work_records_nothing(office_db: Database) -> None:
    from actors import EVERY_ROLE, actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import sign_in

    kit = case_children(office_db, 1)
    case_id = case_at(office_db, kit.children[0], CaseStatus.IN_PLAN)
    sign_in(office_db, actor_with(Role.CAREGIVER))
    try:
        with office_db.session() as s, pytest.raises(NotPermitted):
            record_follow_up(s, case_id, FollowUp(date(2026, 11, 1), "", FollowUpResult.ON_TRACK), today=TODAY)
    finally:
        sign_in(office_db, EVERY_ROLE)


def test_the_overdue_count_equals_the_domains_list(office_db: Database) -> None:
    kit = case_children(office_db, 8)
    ids = []
    for i, child in enumerate(kit.children):
        status = [CaseStatus.IN_PLAN, CaseStatus.BACK_IN_SCHOOL, CaseStatus.IN_NFE, CaseStatus.FOUND][i % 4]
        ids.append(case_at(office_db, child, status, in_plan=IN_PLAN + timedelta(days=7 * i),
                           back=IN_PLAN + timedelta(days=7 * i + 10)))
    with as_user(office_db, "worker1"), office_db.session() as s:
        record_follow_up(s, ids[1], FollowUp(date(2026, 11, 20), "", FollowUpResult.ON_TRACK), today=TODAY)
        record_follow_up(s, ids[2], FollowUp(date(2026, 11, 2), "", FollowUpResult.NOT_MET, "", date(2026, 12, 5)),
                         today=TODAY)
    with office_db.reader() as s:
        rows = s.scalars(select(OosCase)).all()
        schedules = [Schedule(str(r.id), CaseStatus(r.status), r.followed_since, r.last_visit_on, r.last_next_on)
                     for r in rows]
    for day in (date(2026, 10, 1), date(2026, 11, 1), TODAY, date(2027, 1, 15)):
        with as_user(office_db, "worker1"), office_db.reader() as s:
            assert overdue_count(s, day) == len(overdue(schedules, day)), day
    with as_user(office_db, "worker1"), office_db.reader() as s:
        assert 0 < overdue_count(s, TODAY) < 6
