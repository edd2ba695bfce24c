"""An out-of-school child's case: statuses, the moves allowed, who may make them and what
each needs (desktop/domain/cases.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain import cases
from desktop.domain.cases import (
    CLOSABLE,
    MOVES,
    RETURNED,
    TRACE_RESULTS,
    Case,
    CaseOutcome,
    CaseSource,
    CaseStatus,
    MoveDetails,
    check_move,
    check_transfer,
    make_move,
    make_transfer,
    next_statuses,
    offered_moves,
    open_case_problem,
    open_problems,
    outcome_of,
    parse_status,
    status_label,
)
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Action, Role

S = CaseStatus
TODAY = date(2026, 12, 1)
OPENED = date(2026, 10, 1)
WORKER = frozenset({Role.CASE_WORKER})
SUPERVISOR = frozenset({Role.SUPERVISOR})
CLERK = frozenset({Role.CLERK})
EVERYONE_ELSE = [frozenset({r}) for r in (Role.ADMIN, Role.TEACHER, Role.CERTIFIER, Role.CAREGIVER,
                                          Role.PROVINCE)]


def case(status: CaseStatus, **kw: object) -> Case:
    return Case(status, OPENED, **kw)  # type: ignore[arg-type]


def details(**kw: object) -> MoveDetails:
    base: dict[str, object] = {"on": TODAY, "by": "worker"}
    base.update(kw)
    return MoveDetails(**base)  # type: ignore[arg-type]


def fields(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [p.field for p in problems]


# --------------------------------------------------------------------------- the table


def test_a_trace_gives_each_result_and_nothing_else() -> None:
    assert set(next_statuses(S.TO_TRACE)) == TRACE_RESULTS
    for target in set(S) - TRACE_RESULTS:
        assert (S.TO_TRACE, target) not in MOVES, target


def test_the_help_path_goes_in_order() -> None:
    assert (S.FOUND, S.ASSESSED) in MOVES
    assert (S.ASSESSED, S.IN_PLAN) in MOVES
    for skipped in [(S.FOUND, S.IN_PLAN), (S.TO_TRACE, S.ASSESSED), (S.FOUND, S.BACK_IN_SCHOOL),
                    (S.ASSESSED, S.WORKING), (S.TO_TRACE, S.CLOSED), (S.IN_PLAN, S.CLOSED)]:
        assert skipped not in MOVES, skipped
    for outcome in RETURNED:
        assert (S.IN_PLAN, outcome) in MOVES and (outcome, S.IN_PLAN) in MOVES


def test_closed_is_final_and_only_a_closure_request_reaches_it() -> None:
    assert next_statuses(S.CLOSED) == []
    assert [a for a, b in MOVES if b is S.CLOSED] == [S.CLOSURE_REQUESTED]
    assert {a for a, b in MOVES if b is S.CLOSURE_REQUESTED} == CLOSABLE
    assert S.FOUND not in CLOSABLE and S.TO_TRACE not in CLOSABLE and S.IN_PLAN not in CLOSABLE


def test_every_status_has_a_label_and_every_closable_an_outcome() -> None:
    assert all(status_label(s) for s in S)
    assert {outcome_of(s) for s in CLOSABLE} == set(CaseOutcome) - {CaseOutcome.TRANSFERRED}
    with pytest.raises(ValueError):
        outcome_of(S.IN_PLAN)
    assert parse_status("to_trace") is S.TO_TRACE
    assert parse_status(" ไม่พบตัว ") is S.NOT_FOUND
    assert parse_status("lost") is None


def test_labels_and_messages_are_english_in_english() -> None:
    from desktop import i18n

    i18n.set_language("en")
    try:
        assert status_label(S.IN_NFE) == "In non-formal education (NFE)"
        assert parse_status("Not found") is S.NOT_FOUND
        refused = check_move(case(S.TO_TRACE), S.MOVED_AWAY, WORKER, details(), today=TODAY)
        assert refused[0].message.startswith("Say where the child moved to")
    finally:
        i18n.set_language("th")
    assert status_label(S.IN_NFE) == "เรียน กศน."


def test_only_closure_decisions_are_a_supervisors() -> None:
    supervised = {k for k, rule in MOVES.items() if rule.action is Action.CASE_SUPERVISE}
    assert supervised == {(S.CLOSURE_REQUESTED, t) for t in CLOSABLE | {S.CLOSED}}


# --------------------------------------------------------------------------- who may move


@pytest.mark.parametrize("roles", [WORKER, SUPERVISOR, CLERK])
def test_case_work_moves_are_open_to_worker_supervisor_and_clerk(roles: frozenset[Role]) -> None:
    assert check_move(case(S.TO_TRACE), S.FOUND, roles, details(), today=TODAY) == []


@pytest.mark.parametrize("roles", EVERYONE_ELSE)
def test_other_roles_may_not_move_a_case(roles: frozenset[Role]) -> None:
    assert fields(check_move(case(S.TO_TRACE), S.FOUND, roles, details(), today=TODAY)) == ["actor"]


def test_a_case_worker_cannot_approve_a_closure_a_supervisor_can() -> None:
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.BACK_IN_SCHOOL, requested_by="worker")
    refused = check_move(waiting, S.CLOSED, WORKER, details(by="worker2"), today=TODAY)
    assert fields(refused) == ["actor"]
    assert "หัวหน้างาน" in refused[0].message
    assert fields(check_move(waiting, S.CLOSED, CLERK, details(by="clerk"), today=TODAY)) == ["actor"]
    assert check_move(waiting, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY) == []


def test_a_supervisor_does_not_approve_their_own_request_unless_the_office_allows() -> None:
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.DIED, requested_by="boss")
    assert fields(check_move(waiting, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY)) == ["actor"]
    assert check_move(waiting, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY, self_approval=True) == []


def test_a_closure_records_the_outcome_and_the_approver() -> None:
    asked = make_move(case(S.IN_NFE), S.CLOSURE_REQUESTED, WORKER, details(), today=TODAY)
    assert asked.outcome is CaseOutcome.IN_NFE and asked.approved_by == ""
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.IN_NFE, requested_by="worker", last_move_on=TODAY)
    closed = make_move(waiting, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY)
    assert (closed.to_status, closed.outcome, closed.approved_by) == (S.CLOSED, CaseOutcome.IN_NFE, "boss")


def test_every_move_says_who_made_it() -> None:
    assert fields(check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(by=" "), today=TODAY)) == ["actor"]
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.DIED, requested_by="")
    assert "actor" in fields(check_move(waiting, S.CLOSED, SUPERVISOR, details(by=""), today=TODAY))


def test_a_closure_whose_request_lost_its_status_is_refused_not_crashed() -> None:
    lost = case(S.CLOSURE_REQUESTED, requested_by="worker")
    assert fields(check_move(lost, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY)) == ["status"]
    with pytest.raises(ValidationFailed):
        make_move(lost, S.CLOSED, SUPERVISOR, details(by="boss"), today=TODAY)


def test_a_closure_is_sent_back_only_to_where_it_came_from_with_a_reason() -> None:
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.NOT_FOUND, requested_by="worker")
    assert fields(check_move(waiting, S.DECLINED, SUPERVISOR, details(by="boss", reason="x"), today=TODAY)) == [
        "status"]
    assert fields(check_move(waiting, S.NOT_FOUND, SUPERVISOR, details(by="boss"), today=TODAY)) == ["reason"]
    assert check_move(waiting, S.NOT_FOUND, SUPERVISOR, details(by="boss", reason="ยังตามไม่ครบ 3 ครั้ง"),
                      today=TODAY) == []
    assert fields(check_move(waiting, S.NOT_FOUND, WORKER, details(reason="x"), today=TODAY)) == ["actor"]


def test_sending_back_does_not_ask_again_for_the_place() -> None:
    waiting = case(S.CLOSURE_REQUESTED, requested_from=S.MOVED_AWAY, requested_by="worker")
    assert check_move(waiting, S.MOVED_AWAY, SUPERVISOR, details(by="boss", reason="ยืนยันที่อยู่ใหม่ก่อน"),
                      today=TODAY) == []


# --------------------------------------------------------------------------- what a move needs


@pytest.mark.parametrize("target", [S.MOVED_AWAY, S.IN_EDUCATION])
def test_moved_away_and_in_education_need_a_place(target: CaseStatus) -> None:
    refused = check_move(case(S.TO_TRACE), target, WORKER, details(place="  "), today=TODAY)
    assert fields(refused) == ["place"]
    assert check_move(case(S.TO_TRACE), target, WORKER, details(place="ต.บ้านใหม่ อ.เมือง จ.ขอนแก่น"),
                      today=TODAY) == []


@pytest.mark.parametrize("target", sorted(RETURNED))
def test_each_return_names_where(target: CaseStatus) -> None:
    assert fields(check_move(case(S.IN_PLAN), target, WORKER, details(), today=TODAY)) == ["place"]
    change = make_move(case(S.IN_PLAN), target, WORKER, details(place="  กศน.อำเภอเมือง "), today=TODAY)
    assert change.place == "กศน.อำเภอเมือง"


def test_declined_needs_a_reason() -> None:
    assert fields(check_move(case(S.FOUND), S.DECLINED, WORKER, details(), today=TODAY)) == ["reason"]
    assert check_move(case(S.FOUND), S.DECLINED, WORKER, details(reason="ครอบครัวย้ายไปทำงานต่างจังหวัด"),
                      today=TODAY) == []


def test_too_long_or_broken_text_is_refused() -> None:
    long_place = "ก" * (cases.PLACE_MAX + 1)
    assert fields(check_move(case(S.TO_TRACE), S.MOVED_AWAY, WORKER, details(place=long_place), today=TODAY)) == [
        "place"]
    assert fields(check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(note="\u0e48ก"), today=TODAY)) == ["note"]


def test_assessed_needs_a_complete_assessment_and_in_plan_an_approved_plan() -> None:
    assert fields(check_move(case(S.FOUND), S.ASSESSED, WORKER, details(), today=TODAY)) == ["assessment"]
    assert check_move(case(S.FOUND, assessment_complete=True), S.ASSESSED, WORKER, details(), today=TODAY) == []
    assert fields(check_move(case(S.ASSESSED), S.IN_PLAN, WORKER, details(), today=TODAY)) == ["plan"]
    assert check_move(case(S.ASSESSED, plan_approved=True), S.IN_PLAN, WORKER, details(), today=TODAY) == []


def test_a_move_not_in_the_table_says_both_statuses() -> None:
    refused = check_move(case(S.TO_TRACE), S.WORKING, SUPERVISOR, details(place="x"), today=TODAY)
    assert fields(refused) == ["status"]
    assert status_label(S.TO_TRACE) in refused[0].message and status_label(S.WORKING) in refused[0].message
    with pytest.raises(ValidationFailed):
        make_move(case(S.CLOSED), S.TO_TRACE, SUPERVISOR, details(), today=TODAY)


# --------------------------------------------------------------------------- dates


def test_a_move_is_not_in_the_future_nor_before_the_opening_or_the_last_move() -> None:
    assert check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(on=TODAY), today=TODAY) == []
    assert fields(check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(on=TODAY + timedelta(days=1)),
                             today=TODAY)) == ["on"]
    assert check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(on=OPENED), today=TODAY) == []
    assert fields(check_move(case(S.TO_TRACE), S.FOUND, WORKER, details(on=OPENED - timedelta(days=1)),
                             today=TODAY)) == ["on"]
    last = date(2026, 11, 10)
    moved = case(S.NOT_FOUND, last_move_on=last)
    assert check_move(moved, S.TO_TRACE, WORKER, details(on=last), today=TODAY) == []
    refused = check_move(moved, S.TO_TRACE, WORKER, details(on=last - timedelta(days=1)), today=TODAY)
    assert fields(refused) == ["on"] and "การเปลี่ยนสถานะครั้งล่าสุด" in refused[0].message


def test_every_problem_is_reported_at_once() -> None:
    refused = check_move(case(S.TO_TRACE), S.MOVED_AWAY, frozenset({Role.TEACHER}),
                         details(on=TODAY + timedelta(days=3)), today=TODAY)
    assert sorted(fields(refused)) == ["actor", "on", "place"]
    with pytest.raises(ValidationFailed) as caught:
        make_move(case(S.TO_TRACE), S.MOVED_AWAY, frozenset({Role.TEACHER}), details(), today=TODAY)
    assert len(caught.value.problems) == 2


# --------------------------------------------------------------------------- transfer and opening


def test_a_transfer_is_a_supervisors_closure_naming_the_receiving_office() -> None:
    assert sorted(fields(check_transfer(case(S.IN_PLAN), WORKER, details(), today=TODAY))) == ["actor", "place"]
    change = make_transfer(case(S.IN_PLAN), SUPERVISOR, details(by="boss", place="เทศบาลตำบลบ้านใหม่"), today=TODAY)
    assert (change.from_status, change.to_status, change.outcome) == (S.IN_PLAN, S.CLOSED, CaseOutcome.TRANSFERRED)
    assert fields(check_transfer(case(S.CLOSED), SUPERVISOR, details(place="x"), today=TODAY)) == ["status"]


def test_one_open_case_per_child() -> None:
    assert open_case_problem([]) is None
    assert open_case_problem([S.CLOSED, S.CLOSED]) is None
    assert open_case_problem([S.CLOSED, S.CLOSURE_REQUESTED]) is not None
    assert open_case_problem([S.TO_TRACE]) is not None


def test_opening_a_case_checks_source_date_and_the_open_case() -> None:
    assert open_problems(TODAY, CaseSource.ZERO_DROPOUT, [], today=TODAY) == []
    assert open_problems(TODAY, "volunteer", [S.CLOSED], today=TODAY) == []
    refused = open_problems(TODAY + timedelta(days=1), "rumour", [S.IN_PLAN], today=TODAY)
    assert fields(refused) == ["source", "opened_on", "child"]


def test_a_closure_asked_is_offered_as_two_decisions_to_a_supervisor_and_none_to_a_worker() -> None:
    asked = case(S.CLOSURE_REQUESTED, last_move_on=TODAY, requested_from=S.DECLINED, requested_by="worker")
    assert offered_moves(asked, SUPERVISOR, "boss") == [S.DECLINED, S.CLOSED]  # sent back, or approved
    assert offered_moves(asked, WORKER, "worker") == []
    assert offered_moves(asked, SUPERVISOR, "worker") == [S.DECLINED]  # not one's own closure ...
    assert offered_moves(asked, SUPERVISOR, "worker", self_approval=True) == [S.DECLINED, S.CLOSED]  # ... unless allowed


def test_the_moves_offered_are_the_rules_moves_the_roles_may_make() -> None:
    found = case(S.FOUND)
    assert offered_moves(found, WORKER, "worker") == next_statuses(S.FOUND)  # the assessment's fact asked later
    assert offered_moves(found, CLERK, "clerk") == next_statuses(S.FOUND)
    for roles in EVERYONE_ELSE:
        assert offered_moves(found, roles, "someone") == []
