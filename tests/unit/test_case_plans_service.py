"""The individual assistance plan and the needs assessment through the services (issue 13):
a case worker drafts and submits, a supervisor approves exactly the content seen (a case
worker is refused), returns with a reason; an edit after approval is a new version while
the approved one stays readable and unchanged; outcomes are written on the approved
version without touching its approval; a line changed behind the services' back is
reported; every step is audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from case_core_kit import case_children
from case_plan_kit import IN_PLAN, TODAY, as_user, assessment, case_at, plan
from sqlalchemy import select

from desktop.domain.case_needs import Area, AreaRating, Level
from desktop.domain.case_plan import PlanStatus, content_hash
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.services.access import NotPermitted
from desktop.services.case_assess import assessment_complete, latest_assessment, save_assessment
from desktop.services.case_plans import (
    approve_plan,
    plan_approved,
    plan_line,
    record_action_outcome,
    return_plan,
    save_plan,
    submit_plan,
)
from desktop.services.cases import set_self_approval
from desktop.store.case_state import OosAssessment, OosPlanAction, OosPlanVersion
from desktop.store.db import Database
from desktop.store.models import AuditEntry


@pytest.fixture
def found_case(office_db: Database) -> tuple[Database, int]:
    kit = case_children(office_db, 3)
    return office_db, case_at(office_db, kit.children[0], CaseStatus.FOUND)


def _actions(db: Database) -> list[str]:
    with db.reader() as s:
        return [a for a in s.scalars(select(AuditEntry.action).order_by(AuditEntry.id))
                if a.startswith(("plan_", "assessment_"))]


def test_a_partial_assessment_is_saved_and_the_latest_one_counts(found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    partial = replace(assessment(date(2026, 9, 6)), areas={Area.ECONOMIC: AreaRating(Level.SOME, frozenset({"debt"}))})
    with as_user(db, "worker1"), db.session() as s:
        first = save_assessment(s, case_id, partial, today=TODAY)
        assert not assessment_complete(s, case_id, today=TODAY)
        second = save_assessment(s, case_id, assessment(), today=TODAY)
        view = latest_assessment(s, case_id, today=TODAY)
    assert view is not None and view.id == second != first and view.complete
    assert view.assessment.by == "worker1" and view.assessment.last_school == "โรงเรียนบ้านใหม่วิทยา"
    assert [(a, lv) for a, lv, _codes in view.needs] == [(Area.ECONOMIC, Level.URGENT), (Area.LEARNING, Level.SOME)]
    with db.reader() as s:
        assert s.scalar(select(OosAssessment.id).where(OosAssessment.id == first)) == first  # older kept
    assert _actions(db).count("assessment_save") == 2


def test_a_wrong_assessment_is_refused_with_every_problem(found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    bad = replace(assessment(), areas={Area.LEGAL: AreaRating(Level.NONE, frozenset({"no_id"}))},
                  assessed_on=date(2027, 1, 1))
    with as_user(db, "worker1"), db.session() as s, pytest.raises(ValidationFailed) as caught:
        save_assessment(s, case_id, bad, today=TODAY)
    fields = {p.field for p in caught.value.problems}
    assert {"assessed_on", "areas.legal"} <= fields


def test_draft_submit_approve_then_a_new_version_and_the_old_stays(found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    with as_user(db, "worker1"), db.session() as s:
        v1 = save_plan(s, case_id, plan(), today=IN_PLAN)
        assert (v1.number, v1.status) == (1, PlanStatus.DRAFT)
        submitted = submit_plan(s, case_id, today=IN_PLAN)
        assert submitted.status is PlanStatus.SUBMITTED
    seen = content_hash(submitted.content)
    with as_user(db, "worker2"), db.session() as s, pytest.raises(NotPermitted):
        approve_plan(s, case_id, 1, seen, today=TODAY)  # a case worker cannot
    with as_user(db, "clerk1"), db.session() as s, pytest.raises(NotPermitted):
        return_plan(s, case_id, 1, "ไม่ผ่าน", today=TODAY)
    with as_user(db, "boss1"), db.session() as s:
        approved = approve_plan(s, case_id, 1, seen, today=TODAY)
        assert plan_approved(s, case_id)
    assert (approved.status, approved.decided_by, approved.approved_hash) == (PlanStatus.APPROVED, "boss1", seen)
    # an edit after approval: a new draft version; the approved one in force, unchanged
    changed = replace(plan(), note="เพิ่มการติดตามที่บ้านทุกเดือน")
    with as_user(db, "worker2"), db.session() as s:
        v2 = save_plan(s, case_id, changed, today=TODAY)
        line = plan_line(s, case_id)
    assert (v2.number, v2.status, v2.authors) == (2, PlanStatus.DRAFT, frozenset({"worker2"}))
    assert line.in_force is not None and line.in_force.number == 1 and line.in_force.content == plan()
    assert line.pending == v2 and line.faults == []
    # submitted, returned with a reason, corrected, approved: v1 superseded, still readable
    with as_user(db, "worker2"), db.session() as s:
        submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss1"), db.session() as s:
        returned = return_plan(s, case_id, 2, "โปรดระบุงบประมาณค่าเดินทาง", today=TODAY)
    assert (returned.status, returned.returned_reason) == (PlanStatus.RETURNED, "โปรดระบุงบประมาณค่าเดินทาง")
    fixed = replace(changed, note="เพิ่มค่าเดินทาง 500 บาท")
    with as_user(db, "worker2"), db.session() as s:
        save_plan(s, case_id, fixed, today=TODAY)
        v2 = submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss2"), db.session() as s:
        approve_plan(s, case_id, 2, content_hash(v2.content), today=TODAY)
        line = plan_line(s, case_id)
    assert [(v.number, v.status) for v in line.versions] == [(1, PlanStatus.SUPERSEDED), (2, PlanStatus.APPROVED)]
    assert line.versions[0].content == plan() and line.versions[1].content.note == "เพิ่มค่าเดินทาง 500 บาท"
    assert line.faults == []
    assert _actions(db)[-9:] == ["plan_save", "plan_submit", "plan_approve", "plan_save", "plan_submit",
                                 "plan_return", "plan_save", "plan_submit", "plan_approve"]


def test_the_approver_approves_what_they_saw(found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    with as_user(db, "worker1"), db.session() as s:
        save_plan(s, case_id, plan(), today=TODAY)
        first = submit_plan(s, case_id, today=TODAY)
        save_plan(s, case_id, plan(budget=999_900), today=TODAY)  # edited: withdrawn, a draft again
        submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss1"), db.session() as s, pytest.raises(ValidationFailed) as caught:
        approve_plan(s, case_id, 1, content_hash(first.content), today=TODAY)
    assert [p.field for p in caught.value.problems] == ["version"]


def test_a_supervisor_does_not_approve_their_own_plan_unless_the_office_allows(
        found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    with as_user(db, "boss1"), db.session() as s:
        save_plan(s, case_id, plan(), today=TODAY)
        v = submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss1"), db.session() as s, pytest.raises(ValidationFailed) as caught:
        approve_plan(s, case_id, 1, content_hash(v.content), today=TODAY)
    assert [p.field for p in caught.value.problems] == ["actor"]
    with as_user(db, "boss1"), db.session() as s:
        set_self_approval(s, True)
        assert approve_plan(s, case_id, 1, content_hash(v.content), today=TODAY).status is PlanStatus.APPROVED


def test_an_outcome_changes_the_approved_version_only_in_its_progress(found_case: tuple[Database, int]) -> None:
    db, case_id = found_case
    with as_user(db, "worker1"), db.session() as s:
        save_plan(s, case_id, plan(), today=TODAY)
        v = submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss1"), db.session() as s:
        approve_plan(s, case_id, 1, content_hash(v.content), today=TODAY)
    with as_user(db, "worker1"), db.session() as s:
        done = record_action_outcome(s, case_id, 1, 1, "สมัครเรียนแล้ว เริ่มเรียน 1 พ.ย.", date(2026, 11, 1),
                                     today=TODAY)
        line = plan_line(s, case_id)
    assert (done.number, done.status) == (1, PlanStatus.APPROVED) and len(line.versions) == 1
    action = line.versions[0].content.goals[0].actions[0]
    assert (action.outcome, action.done_on) == ("สมัครเรียนแล้ว เริ่มเรียน 1 พ.ย.", date(2026, 11, 1))
    assert line.versions[0].approved_hash == content_hash(line.versions[0].content) and line.faults == []
    with db.reader() as s:  # the rows updated in place: no new version, no replaced actions
        assert s.scalar(select(OosPlanVersion.id).where(OosPlanVersion.number == 2)) is None
        assert len(s.scalars(select(OosPlanAction).where(OosPlanAction.deleted_at.is_not(None))).all()) == 0
    # an approved action's text changed behind the services' back: the line says so
    with db.session() as s:
        row = s.scalars(select(OosPlanAction).order_by(OosPlanAction.id)).first()
        assert row is not None
        row.text = "อย่างอื่น"
    with as_user(db, "worker1"), db.reader() as s:
        faults = plan_line(s, case_id).faults
    assert [f.number for f in faults] == [1] and "แก้ไขหลังจากอนุมัติ" in faults[0].message


def test_a_closed_case_takes_no_plan_and_a_missing_one_is_said(office_db: Database) -> None:
    case_children(office_db, 1)
    with as_user(office_db, "worker1"), office_db.session() as s, pytest.raises(ValidationFailed):
        save_plan(s, 999, plan(), today=TODAY)
    with as_user(office_db, "boss1"), office_db.session() as s, pytest.raises(ValidationFailed):
        submit_plan(s, 999, today=TODAY)


def test_an_approved_versions_content_is_never_rewritten(found_case: tuple[Database, int],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the domain ever to hand back an approved version with other goals or actions
    (not only outcomes), the service refuses to write it and nothing changes."""
    from desktop.domain import case_plan

    db, case_id = found_case
    with as_user(db, "worker1"), db.session() as s:
        save_plan(s, case_id, plan(), today=TODAY)
        v = submit_plan(s, case_id, today=TODAY)
    with as_user(db, "boss1"), db.session() as s:
        approve_plan(s, case_id, 1, content_hash(v.content), today=TODAY)

    def rewrite(line: tuple[case_plan.PlanVersion, ...], *_a: object, **_k: object) -> tuple[case_plan.PlanVersion, ...]:
        return (replace(line[0], content=replace(line[0].content, note="แก้หลังอนุมัติ")),)

    monkeypatch.setattr(case_plan, "record_outcome", rewrite)
    with as_user(db, "worker1"), db.session() as s, pytest.raises(RuntimeError):
        record_action_outcome(s, case_id, 1, 1, "x", None, today=TODAY)
    with as_user(db, "worker1"), db.reader() as s:
        line = plan_line(s, case_id)
    assert line.versions[0].content == plan() and line.faults == []


def test_a_closed_case_takes_no_plan(office_db: Database) -> None:
    from desktop.services.cases import move_case, open_case

    kit = case_children(office_db, 1)
    with as_user(office_db, "worker1"), office_db.session() as s:
        case_id = open_case(s, kit.children[0], date(2026, 11, 1), source="teacher", today=TODAY).id
        move_case(s, case_id, CaseStatus.NOT_FOUND, date(2026, 11, 5), today=TODAY)
        move_case(s, case_id, CaseStatus.CLOSURE_REQUESTED, date(2026, 11, 6), today=TODAY)
    with as_user(office_db, "boss1"), office_db.session() as s:
        move_case(s, case_id, CaseStatus.CLOSED, date(2026, 11, 7), today=TODAY)
    with as_user(office_db, "worker1"), office_db.session() as s, pytest.raises(ValidationFailed) as caught:
        save_plan(s, case_id, plan(), today=TODAY)
    assert [p.field for p in caught.value.problems] == ["status"]
