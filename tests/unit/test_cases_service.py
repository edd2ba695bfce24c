"""Cases through the services (services/cases.py): opening by hand (one open case per
child), moves allowed and refused by role (a case worker cannot approve a closure, a
supervisor can; not their own request unless the office allows self-approval), the
history row and audit entry of each move, a transfer, the follow-up schedule starting
with the plan, the lists (status, worker, village, search; overdue first) and the page."""

from __future__ import annotations

from datetime import date

import pytest
from actors import actor_with
from case_core_kit import CaseKit, case_children
from sqlalchemy import func, select

from desktop.domain.case_needs import Area, LeaveReason, Level
from desktop.domain.cases import CaseOutcome, CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.cases import (
    assign_worker,
    get_case,
    move_case,
    open_case,
    set_self_approval,
    transfer_close,
)
from desktop.services.cases_lists import CaseOrder, CaseQuery, case_counts, case_detail, list_cases
from desktop.store.case_state import (
    OosAssessment,
    OosAssessmentArea,
    OosCase,
    OosCaseStatus,
    OosPlanVersion,
    OosTransfer,
)
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Child

TODAY = date(2026, 12, 1)
S = CaseStatus


@pytest.fixture
def kit(office_db: Database) -> CaseKit:
    return case_children(office_db, 12)


def _as(db: Database, role: Role, name: str) -> None:
    sign_in(db, actor_with(role, name=name))


def _open(db: Database, uuid: str, on: date = date(2026, 10, 1), **more: str) -> int:
    with db.session() as s:
        return open_case(s, uuid, on, source="teacher", today=TODAY, **more).id


def _move(db: Database, case_id: int, to: CaseStatus, on: date, **more: str) -> None:
    with db.session() as s:
        move_case(s, case_id, to, on, today=TODAY, **more)


def _assess_and_plan(db: Database, case_id: int) -> None:
    """A complete assessment and an approved plan, written as helper services will."""
    with db.session() as s:
        row = s.get(OosCase, case_id)
        assert row is not None
        a = OosAssessment(case_id=case_id, assessed_on=date(2026, 10, 6), assessed_by="worker1", catalogue_version=1,
                          reasons=LeaveReason.POVERTY.value, origin_office_id=row.origin_office_id)
        s.add(a)
        s.flush()
        for area in Area:
            s.add(OosAssessmentArea(assessment_id=a.id, area=area.value, level=Level.NONE.value,
                                    origin_office_id=row.origin_office_id))
        s.add(OosPlanVersion(case_id=case_id, number=1, status="approved", authors="worker1",
                             edited_on=date(2026, 10, 8), origin_office_id=row.origin_office_id))


def test_a_case_opens_to_trace_with_its_history_and_audit_and_one_open_case_per_child(
        office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[0], worker="worker1", note="ครูแจ้งว่าไม่มาเรียนสามเดือน")
    with office_db.reader() as s:
        info = get_case(s, case_id)
        history = s.scalars(select(OosCaseStatus)).all()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "case_open")).one()
    assert (info.status, info.worker, info.opened_on, info.child_uuid) == (S.TO_TRACE, "worker1", date(2026, 10, 1),
                                                                            kit.children[0])
    assert [(h.from_status, h.to_status) for h in history] == [("", "to_trace")]
    assert audit.subject_uuid == kit.children[0] and audit.entity == "oos_case"
    with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        open_case(s, kit.children[0], date(2026, 12, 2), source="nowhere", worker="nobody", today=TODAY)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"child", "opened_on", "source", "worker"}  # every problem at once
    # closed: a new case may open (a child who leaves again)
    _move(office_db, case_id, S.DIED, date(2026, 10, 2))
    _move(office_db, case_id, S.CLOSURE_REQUESTED, date(2026, 10, 2))
    _as(office_db, Role.SUPERVISOR, "boss1")
    _move(office_db, case_id, S.CLOSED, date(2026, 10, 3))
    second = _open(office_db, kit.children[0], date(2026, 11, 1))
    assert second != case_id


def test_the_database_keeps_one_open_case_per_child_even_past_the_check(
        office_db: Database, kit: CaseKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two users opening a case for the same child at once both pass the check; the
    partial unique index refuses the second, with the same Thai message, and the session
    goes on (the insert ran in a savepoint)."""
    from desktop.services import cases

    case_id = _open(office_db, kit.children[1])
    monkeypatch.setattr(cases, "open_problems", lambda *_a, **_k: [])  # as if it had not seen the first
    with office_db.session() as s:
        with pytest.raises(ValidationFailed) as caught:
            open_case(s, kit.children[1], date(2026, 11, 1), source="teacher", today=TODAY)
        assert [p.field for p in caught.value.problems] == ["child"] and "ยังไม่ปิด" in str(caught.value)
        assert s.scalar(select(func.count()).select_from(OosCase)) == 1  # the session still works
    with office_db.reader() as s:
        assert s.scalars(select(OosCase.id)).all() == [case_id]


def test_a_case_worker_cannot_approve_a_closure_a_supervisor_can(office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[2])
    _as(office_db, Role.CASE_WORKER, "worker1")
    _move(office_db, case_id, S.MOVED_AWAY, date(2026, 10, 5), place="อบต.บ้านนา อ.เมือง จ.ลำปาง")
    _move(office_db, case_id, S.CLOSURE_REQUESTED, date(2026, 10, 6))
    with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        move_case(s, case_id, S.CLOSED, date(2026, 12, 9), today=TODAY)
    assert {p.field for p in caught.value.problems} == {"actor", "on"}  # the role and the date, at once
    assert "หัวหน้างาน" in str(caught.value)
    _as(office_db, Role.SUPERVISOR, "boss1")
    with office_db.session() as s:
        info = move_case(s, case_id, S.CLOSED, date(2026, 10, 7), today=TODAY)
    assert (info.status, info.outcome, info.approved_by, info.closed_on) == (
        S.CLOSED, CaseOutcome.MOVED_AWAY, "boss1", date(2026, 10, 7))
    assert info.place == "อบต.บ้านนา อ.เมือง จ.ลำปาง"  # the status's place kept through the closure
    with office_db.reader() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "oos_case")
                            .order_by(AuditEntry.id)).all()
    assert actions == ["case_open", "case_move", "case_move", "case_close"]


def test_a_supervisor_approves_their_own_request_only_when_the_office_allows_it(
        office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[3])
    _as(office_db, Role.SUPERVISOR, "boss1")
    _move(office_db, case_id, S.DECLINED, date(2026, 10, 5), reason="ครอบครัวย้ายไปทำงานต่างจังหวัด")
    _move(office_db, case_id, S.CLOSURE_REQUESTED, date(2026, 10, 6))
    with office_db.session() as s, pytest.raises(ValidationFailed, match="อนุมัติเองไม่ได้"):
        move_case(s, case_id, S.CLOSED, date(2026, 10, 7), today=TODAY)
    with office_db.session() as s:
        set_self_approval(s, True)
    _move(office_db, case_id, S.CLOSED, date(2026, 10, 7))
    with office_db.reader() as s:
        assert get_case(s, case_id).outcome is CaseOutcome.DECLINED


def test_a_closure_sent_back_needs_a_reason_and_returns_where_it_came_from(office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[4])
    _move(office_db, case_id, S.NOT_FOUND, date(2026, 10, 5))
    _move(office_db, case_id, S.CLOSURE_REQUESTED, date(2026, 10, 6))
    _as(office_db, Role.SUPERVISOR, "boss2")
    with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        move_case(s, case_id, S.IN_EDUCATION, date(2026, 10, 7), place="โรงเรียนบ้านใหม่", today=TODAY)
    assert "สถานะเดิม" in str(caught.value)
    with office_db.session() as s, pytest.raises(ValidationFailed, match="เหตุผลที่ส่งกลับ"):
        move_case(s, case_id, S.NOT_FOUND, date(2026, 10, 7), today=TODAY)
    _move(office_db, case_id, S.NOT_FOUND, date(2026, 10, 7), reason="ยังไม่ได้ถามผู้นำชุมชน")
    with office_db.reader() as s:
        info = get_case(s, case_id)
        last = s.scalars(select(OosCaseStatus).order_by(OosCaseStatus.id.desc()).limit(1)).one()
    assert (info.status, info.requested_from, info.requested_by) == (S.NOT_FOUND, None, "")
    assert (last.from_status, last.to_status, last.reason) == ("closure_requested", "not_found",
                                                               "ยังไม่ได้ถามผู้นำชุมชน")


def test_the_plan_path_starts_the_follow_up_schedule(office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[5])
    _move(office_db, case_id, S.FOUND, date(2026, 10, 5))
    with office_db.session() as s, pytest.raises(ValidationFailed, match="ประเมินความต้องการไม่ครบ"):
        move_case(s, case_id, S.ASSESSED, date(2026, 10, 6), today=TODAY)
    _assess_and_plan(office_db, case_id)
    _move(office_db, case_id, S.ASSESSED, date(2026, 10, 6))
    _move(office_db, case_id, S.IN_PLAN, date(2026, 10, 9))
    with office_db.reader() as s:
        info = get_case(s, case_id)
    assert (info.followed_since, info.follow_due_on) == (date(2026, 10, 9), date(2026, 11, 8))
    _move(office_db, case_id, S.BACK_IN_SCHOOL, date(2026, 10, 20), place="โรงเรียนบ้านใหม่")
    _move(office_db, case_id, S.CLOSURE_REQUESTED, date(2026, 11, 20))
    with office_db.reader() as s:
        info = get_case(s, case_id)
    assert info.follow_due_on is None  # waiting for closure: not followed up
    assert info.place == "โรงเรียนบ้านใหม่"


def test_a_transfer_is_a_supervisors_and_names_the_receiving_office(office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[6])
    _move(office_db, case_id, S.FOUND, date(2026, 10, 5))
    _as(office_db, Role.CASE_WORKER, "worker1")
    with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        transfer_close(s, case_id, date(2026, 10, 9), office="", office_code="63-001", today=TODAY)
    assert {p.field for p in caught.value.problems} == {"actor", "place", "office_code"}
    _as(office_db, Role.SUPERVISOR, "boss1")
    with office_db.session() as s:
        info = transfer_close(s, case_id, date(2026, 10, 9), office="เทศบาลตำบลบ้านใหม่", office_code="๖๓๐๐ ๒๐๒",
                              today=TODAY)
    assert (info.status, info.outcome, info.place) == (S.CLOSED, CaseOutcome.TRANSFERRED, "เทศบาลตำบลบ้านใหม่")
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "case_transfer")) == 1
        sent = s.scalars(select(OosTransfer)).one()  # the receiving office by its code: it travels
        assert (sent.case_id, sent.to_office, sent.to_office_name) == (case_id, "6300202", "เทศบาลตำบลบ้านใหม่")


def test_who_may_do_what(office_db: Database, kit: CaseKit) -> None:
    case_id = _open(office_db, kit.children[7])
    for role in (Role.TEACHER, Role.CERTIFIER, Role.ADMIN, Role.CAREGIVER, Role.PROVINCE):
        _as(office_db, role, "x")
        with office_db.session() as s, pytest.raises(NotPermitted):
            open_case(s, kit.children[8], date(2026, 10, 1), source="teacher", today=TODAY)
        with office_db.session() as s, pytest.raises(NotPermitted):
            move_case(s, case_id, S.FOUND, date(2026, 10, 2), today=TODAY)
        with office_db.reader() as s, pytest.raises(NotPermitted):
            list_cases(s, today=TODAY)
    _as(office_db, Role.CASE_WORKER, "worker1")
    with office_db.session() as s, pytest.raises(NotPermitted):
        assign_worker(s, case_id, "worker2")
    _as(office_db, Role.SUPERVISOR, "boss1")
    with office_db.session() as s:
        assert assign_worker(s, case_id, "worker2").worker == "worker2"
    _as(office_db, Role.CLERK, "clerk1")  # a clerk works cases (case.work) but does not supervise
    _move(office_db, case_id, S.FOUND, date(2026, 10, 2))


def test_the_lists_filter_by_status_worker_village_and_name_with_the_overdue_first(
        office_db: Database, kit: CaseKit) -> None:
    ids = [_open(office_db, uuid, worker="worker1" if i < 6 else "") for i, uuid in enumerate(kit.children)]
    with office_db.session() as s:  # two cases followed up, one overdue (due 8/11), one not (due 30/12)
        for case_id, since in ((ids[9], date(2026, 10, 9)), (ids[10], date(2026, 11, 30))):
            row = s.get(OosCase, case_id)
            assert row is not None
            row.status, row.status_on, row.followed_since = "in_plan", since, since
            row.follow_due_on = date.fromordinal(since.toordinal() + 30)
        child = s.get(Child, s.get(OosCase, ids[11]).child_id)  # type: ignore[union-attr]
        assert child is not None
        child.g_code = "G640000000011"
    with office_db.reader() as s:
        everything = list_cases(s, today=TODAY)
        assert (everything.total, everything.overdue) == (12, 1)
        assert everything.rows[0].id == ids[9] and everything.rows[0].days_overdue == 23
        assert [r.id for r in everything.rows[1:]] == sorted(set(ids) - {ids[9]}, reverse=True)
        page2 = list_cases(s, today=TODAY, offset=1, limit=3)
        assert [r.id for r in page2.rows] == [r.id for r in everything.rows[1:4]]
        assert list_cases(s, CaseQuery(worker="worker1"), today=TODAY).total == 6
        assert list_cases(s, CaseQuery(worker=""), today=TODAY).total == 6
        village = list_cases(s, CaseQuery(village="ม.2"), today=TODAY)  # children 1, 5, 9
        assert sorted(r.id for r in village.rows) == [ids[1], ids[5], ids[9]] and village.overdue == 1
        assert list_cases(s, CaseQuery(village="หมู่ที่ ๒"), today=TODAY).total == 3
        assert list_cases(s, CaseQuery(status=S.IN_PLAN), today=TODAY).total == 2
        assert [r.id for r in list_cases(s, CaseQuery(search=kit.national_ids[4]), today=TODAY).rows] == [ids[4]]
        assert [r.id for r in list_cases(s, CaseQuery(search="ใจงาม003"), today=TODAY).rows] == [ids[3]]
        assert [r.id for r in list_cases(s, CaseQuery(search="g6400 0000 0011"), today=TODAY).rows] == [ids[11]]
        assert list_cases(s, CaseQuery(search="1234567890abc"), today=TODAY).total == 0
        trip = list_cases(s, CaseQuery(status=S.TO_TRACE), today=TODAY, order=CaseOrder.VILLAGE)
        assert [r.village_no for r in trip.rows] == sorted(r.village_no for r in trip.rows)
        counts = case_counts(s, TODAY)
        assert (counts.by_status[S.TO_TRACE], counts.by_status[S.IN_PLAN], counts.open, counts.overdue) == (10, 2, 12, 1)
        detail = case_detail(s, ids[9])
        assert detail.child.village_no == "2" and "หมู่ 2" in detail.child.address
        assert [h.to_status for h in detail.history] == [S.TO_TRACE]
