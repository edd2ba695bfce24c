"""The individual assistance plan: content rules, versions and approval
(desktop/domain/case_plan.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.domain.case_needs import Area
from desktop.domain.case_plan import (
    BUDGET_MAX_SATANG,
    Agency,
    Goal,
    PlanAction,
    PlanContent,
    PlanStatus,
    PlanVersion,
    approve,
    check_line,
    content_hash,
    content_problems,
    in_force,
    pending,
    record_outcome,
    return_plan,
    save,
    submit,
    total_budget,
)
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role

TODAY = date(2026, 12, 1)
OPENED = date(2026, 10, 1)
WORKER = frozenset({Role.CASE_WORKER})
SUPERVISOR = frozenset({Role.SUPERVISOR})


def action(**kw: object) -> PlanAction:
    base: dict[str, object] = {"text": "พาไปสมัครเรียน กศน.", "agency": Agency.NFE, "agency_name": "กศน.อำเภอเมือง",
                               "person": "นางสาวมาลี ดีงาม", "due": date(2027, 1, 15), "budget_satang": 150_000}
    base.update(kw)
    return PlanAction(**base)  # type: ignore[arg-type]


def plan(*actions: PlanAction, goal: str = "กลับเข้าเรียน กศน. ภาคเรียนหน้า") -> PlanContent:
    return PlanContent((Goal(goal, Area.LEARNING, actions or (action(),)),))


def problems_of(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [p.field for p in exc.value.problems]


def approved_line() -> tuple[PlanVersion, ...]:
    line = save((), plan(), by="worker", roles=WORKER, on=TODAY, opened_on=OPENED)
    line = submit(line, by="worker", roles=WORKER, on=TODAY, opened_on=OPENED)
    return approve(line, 1, content_hash(line[-1].content), by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)


# --------------------------------------------------------------------------- content


def test_a_complete_plan_has_no_problem_and_sums_its_budget() -> None:
    content = PlanContent((Goal("ก", None, (action(budget_satang=100), action(budget_satang=250))),
                           Goal("ข", Area.ECONOMIC, (action(budget_satang=0),))))
    assert content_problems(content, complete=True, on=TODAY, opened_on=OPENED) == []
    assert total_budget(content) == 350


def test_a_plan_to_submit_needs_goals_actions_agency_person_and_due() -> None:
    assert [p.field for p in content_problems(PlanContent(), complete=True, on=TODAY)] == ["goals"]
    assert content_problems(PlanContent(), complete=False, on=TODAY) == []
    bare = PlanContent((Goal("ก", None, ()), Goal("ข", None, (PlanAction("โทรหาผู้ปกครอง"),))))
    assert [p.field for p in content_problems(bare, complete=True, on=TODAY)] == [
        "goals.1.actions", "goals.2.actions.1.agency", "goals.2.actions.1.person", "goals.2.actions.1.due"]
    assert content_problems(bare, complete=False, on=TODAY) == []


def test_every_goal_and_action_says_what() -> None:
    empty = PlanContent((Goal(" ", None, (action(text=""),)),))
    assert [p.field for p in content_problems(empty, complete=False, on=TODAY)] == [
        "goals.1.text", "goals.1.actions.1.text"]


@pytest.mark.parametrize(("budget", "ok"), [(0, True), (BUDGET_MAX_SATANG, True), (-1, False),
                                            (BUDGET_MAX_SATANG + 1, False)])
def test_budget_bounds(budget: int, ok: bool) -> None:
    found = content_problems(plan(action(budget_satang=budget)), complete=True, on=TODAY)
    assert (found == []) is ok


def test_due_dates_not_before_the_case_nor_a_be_year_typed_as_ce() -> None:
    assert content_problems(plan(action(due=OPENED)), complete=True, on=TODAY, opened_on=OPENED) == []
    early = content_problems(plan(action(due=OPENED - timedelta(days=1))), complete=True, on=TODAY,
                             opened_on=OPENED)
    assert [p.field for p in early] == ["goals.1.actions.1.due"]
    far = content_problems(plan(action(due=date(2569 + 1, 1, 15))), complete=True, on=TODAY)
    assert [p.field for p in far] == ["goals.1.actions.1.due"] and "พ.ศ." in far[0].message
    assert content_problems(plan(action(due=date(2031, 11, 30))), complete=True, on=TODAY) == []


def test_an_outcome_with_a_done_date_and_no_text_is_refused() -> None:
    found = content_problems(plan(action(done_on=TODAY)), complete=True, on=TODAY)
    assert [p.field for p in found] == ["goals.1.actions.1.outcome"]
    future = content_problems(plan(action(done_on=TODAY + timedelta(days=1), outcome="เสร็จ")), complete=True, on=TODAY)
    assert [p.field for p in future] == ["goals.1.actions.1.done_on"]


def test_the_hash_covers_the_plan_not_its_progress_and_ignores_spacing() -> None:
    base = plan()
    assert content_hash(base) == content_hash(plan(action(outcome="สมัครแล้ว", done_on=TODAY)))
    assert content_hash(base) == content_hash(plan(action(person="  นางสาวมาลี   ดีงาม ")))
    for changed in (action(person="นายสมชาย ใจดี"), action(due=date(2027, 1, 16)), action(budget_satang=150_001),
                    action(agency=Agency.SCHOOL), action(agency_name="กศน.ตำบล")):
        assert content_hash(plan(changed)) != content_hash(base)
    assert content_hash(plan(goal="เป้าหมายอื่น")) != content_hash(base)


# --------------------------------------------------------------------------- versions


def test_the_first_save_is_version_one_a_draft_and_saving_again_edits_it() -> None:
    line = save((), plan(), by="worker", roles=WORKER, on=TODAY)
    assert [(v.number, v.status) for v in line] == [(1, PlanStatus.DRAFT)]
    line = save(line, plan(goal="แก้แล้ว"), by="worker2", roles=WORKER, on=TODAY)
    assert [(v.number, v.status) for v in line] == [(1, PlanStatus.DRAFT)]
    assert line[0].content.goals[0].text == "แก้แล้ว" and line[0].authors == {"worker", "worker2"}


def test_a_draft_with_a_broken_field_is_not_saved_but_an_incomplete_one_is() -> None:
    assert save((), PlanContent(), by="worker", roles=WORKER, on=TODAY)[0].status is PlanStatus.DRAFT
    with pytest.raises(ValidationFailed) as caught:
        save((), plan(action(budget_satang=-5)), by="worker", roles=WORKER, on=TODAY)
    assert problems_of(caught) == ["goals.1.actions.1.budget"]


def test_only_case_work_roles_draft() -> None:
    for roles in ({Role.TEACHER}, {Role.ADMIN}, {Role.PROVINCE}):
        with pytest.raises(ValidationFailed) as caught:
            save((), plan(), by="x", roles=roles, on=TODAY)
        assert problems_of(caught) == ["actor"]
    assert save((), plan(), by="clerk", roles={Role.CLERK}, on=TODAY)


def test_submitting_needs_a_complete_draft() -> None:
    line = save((), PlanContent((Goal("ก", None, ()),)), by="worker", roles=WORKER, on=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        submit(line, by="worker", roles=WORKER, on=TODAY)
    assert problems_of(caught) == ["goals.1.actions"]
    with pytest.raises(ValidationFailed):
        submit((), by="worker", roles=WORKER, on=TODAY)
    done = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    assert done[-1].status is PlanStatus.SUBMITTED
    with pytest.raises(ValidationFailed):
        submit(done, by="worker", roles=WORKER, on=TODAY)  # already submitted


def test_a_case_worker_cannot_approve_a_supervisor_can() -> None:
    line = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    seen = content_hash(line[-1].content)
    for roles in (WORKER, frozenset({Role.CLERK}), frozenset({Role.CERTIFIER})):
        with pytest.raises(ValidationFailed) as caught:
            approve(line, 1, seen, by="other", roles=roles, on=TODAY, today=TODAY)
        assert problems_of(caught) == ["actor"]
    approved = approve(line, 1, seen, by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    v = approved[-1]
    assert (v.status, v.decided_by, v.decided_on, v.approved_hash) == (PlanStatus.APPROVED, "boss", TODAY, seen)
    assert in_force(approved) == v and pending(approved) is None


def test_a_draft_not_submitted_is_not_approved() -> None:
    line = save((), plan(), by="worker", roles=WORKER, on=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        approve(line, 1, content_hash(line[-1].content), by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["status"]


def test_the_author_does_not_approve_their_own_plan_unless_allowed() -> None:
    line = submit(save((), plan(), by="boss", roles=SUPERVISOR, on=TODAY), by="boss", roles=SUPERVISOR, on=TODAY)
    seen = content_hash(line[-1].content)
    with pytest.raises(ValidationFailed) as caught:
        approve(line, 1, seen, by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["actor"]
    assert approve(line, 1, seen, by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY,
                   self_approval=True)[-1].status is PlanStatus.APPROVED


def test_an_editor_of_the_version_counts_as_its_author() -> None:
    line = save((), plan(), by="worker", roles=WORKER, on=TODAY)
    line = save(line, plan(goal="แก้"), by="boss", roles=SUPERVISOR, on=TODAY)
    line = submit(line, by="worker", roles=WORKER, on=TODAY)
    with pytest.raises(ValidationFailed):
        approve(line, 1, content_hash(line[-1].content), by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)


def test_the_approver_approves_what_they_saw() -> None:
    line = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    seen = content_hash(line[-1].content)
    edited = submit(save(line, plan(goal="แอบแก้"), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER,
                    on=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        approve(edited, 1, seen, by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["version"]


def test_editing_a_submitted_version_withdraws_it() -> None:
    line = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    line = save(line, plan(goal="แก้"), by="worker", roles=WORKER, on=TODAY)
    assert [(v.number, v.status, v.submitted_on) for v in line] == [(1, PlanStatus.DRAFT, None)]


def test_an_edit_after_approval_makes_a_new_draft_and_the_approved_stays() -> None:
    line = approved_line()
    first = line[0]
    line = save(line, plan(goal="ฉบับปรับปรุง"), by="worker", roles=WORKER, on=TODAY)
    assert [(v.number, v.status) for v in line] == [(1, PlanStatus.APPROVED), (2, PlanStatus.DRAFT)]
    assert line[0] == first and in_force(line) == first and pending(line) == line[1]
    line = submit(line, by="worker", roles=WORKER, on=TODAY)
    line = approve(line, 2, content_hash(line[-1].content), by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert [(v.number, v.status) for v in line] == [(1, PlanStatus.SUPERSEDED), (2, PlanStatus.APPROVED)]
    assert line[0].content == first.content and line[0].approved_hash == first.approved_hash  # still readable
    assert in_force(line) == line[1] and check_line(line) == []
    line = save(line, plan(goal="ฉบับสาม"), by="worker", roles=WORKER, on=TODAY)
    assert [v.number for v in line] == [1, 2, 3] and in_force(line) == line[1]


def test_only_the_latest_submitted_number_is_approved() -> None:
    line = approved_line()
    with pytest.raises(ValidationFailed) as caught:
        approve(line, 1, line[0].approved_hash, by="boss2", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["version"]


def test_a_return_needs_a_supervisor_and_a_reason_and_the_draft_goes_back() -> None:
    line = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        return_plan(line, 1, "", by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["reason"]
    with pytest.raises(ValidationFailed) as caught:
        return_plan(line, 1, "ใส่งบ", by="worker", roles=WORKER, on=TODAY, today=TODAY)
    assert problems_of(caught) == ["actor"]
    back = return_plan(line, 1, "  ใส่ผู้รับผิดชอบให้ชัด ", by="boss", roles=SUPERVISOR, on=TODAY, today=TODAY)
    assert (back[-1].status, back[-1].returned_reason) == (PlanStatus.RETURNED, "ใส่ผู้รับผิดชอบให้ชัด")
    again = submit(save(back, plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    assert [(v.number, v.status, v.returned_reason) for v in again] == [(1, PlanStatus.SUBMITTED, "")]


def test_approval_date_not_before_submission_nor_in_the_future() -> None:
    line = submit(save((), plan(), by="worker", roles=WORKER, on=TODAY), by="worker", roles=WORKER, on=TODAY)
    seen = content_hash(line[-1].content)
    for on in (TODAY - timedelta(days=1), TODAY + timedelta(days=1)):
        with pytest.raises(ValidationFailed) as caught:
            approve(line, 1, seen, by="boss", roles=SUPERVISOR, on=on, today=TODAY)
        assert problems_of(caught) == ["on"]


# --------------------------------------------------------------------------- progress and the stored line


def test_an_outcome_is_recorded_on_the_plan_in_force_without_a_new_version() -> None:
    line = approved_line()
    done = record_outcome(line, 1, 1, "สมัครเรียนแล้ว", TODAY, roles=WORKER, today=TODAY)
    assert len(done) == 1 and done[0].status is PlanStatus.APPROVED
    assert done[0].content.goals[0].actions[0].outcome == "สมัครเรียนแล้ว"
    assert check_line(done) == []  # the approval still stands
    with pytest.raises(ValidationFailed) as caught:
        record_outcome(line, 1, 2, "x", None, roles=WORKER, today=TODAY)
    assert problems_of(caught) == ["action"]
    with pytest.raises(ValidationFailed) as caught:
        record_outcome(line, 1, 1, "", TODAY, roles=WORKER, today=TODAY)
    assert problems_of(caught) == ["goals.1.actions.1.outcome"]
    with pytest.raises(ValidationFailed) as caught:
        record_outcome((), 1, 1, "x", None, roles=WORKER, today=TODAY)
    assert problems_of(caught) == ["plan"]


def test_a_new_draft_does_not_take_the_outcomes_off_the_plan_in_force() -> None:
    line = record_outcome(approved_line(), 1, 1, "สมัครแล้ว", TODAY, roles=WORKER, today=TODAY)
    line = save(line, plan(goal="ปรับ"), by="worker", roles=WORKER, on=TODAY)
    line = record_outcome(line, 1, 1, "เริ่มเรียนแล้ว", TODAY, roles=WORKER, today=TODAY)
    assert line[0].content.goals[0].actions[0].outcome == "เริ่มเรียนแล้ว"
    assert line[1].status is PlanStatus.DRAFT and line[1].content.goals[0].actions[0].outcome == ""


def test_check_line_finds_an_approved_version_changed_afterwards() -> None:
    line = approved_line()
    tampered = (replace(line[0], content=plan(action(budget_satang=9_999_900))),)
    assert [f.number for f in check_line(tampered)] == [1]


def test_check_line_finds_a_broken_order() -> None:
    line = save(approved_line(), plan(goal="สอง"), by="worker", roles=WORKER, on=TODAY)
    assert check_line(line) == []
    assert check_line((line[1], line[0]))  # numbers out of order, a draft before the latest
    two_in_force = (line[0], replace(line[0], number=2))
    assert check_line(two_in_force)
    superseded_after = (line[0], replace(line[0], number=2, status=PlanStatus.SUPERSEDED))
    assert check_line(superseded_after)
