"""Follow-ups: due dates, overdue, a visit's checks (desktop/domain/case_followup.py); and
referrals: what they need, their statuses and moves (desktop/domain/case_referral.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.case_followup import (
    DEFAULT_INTERVAL_DAYS,
    MAX_INTERVAL_DAYS,
    MIN_INTERVAL_DAYS,
    FollowUp,
    FollowUpResult,
    Overdue,
    Schedule,
    check_follow_up,
    days_overdue,
    due_on,
    due_text,
    interval_problem,
    is_overdue,
    overdue,
    parse_interval,
)
from desktop.domain.case_plan import Agency
from desktop.domain.case_referral import (
    REFERRAL_MOVES,
    Referral,
    ReferralStatus,
    check_referral,
    check_referral_move,
    open_referrals_warning,
)
from desktop.domain.cases import FOLLOWED_UP, CaseStatus
from desktop.domain.roles import Role

S = CaseStatus
R = ReferralStatus
TODAY = date(2026, 12, 1)
SINCE = date(2026, 10, 1)
WORKER = frozenset({Role.CASE_WORKER})

# --------------------------------------------------------------------------- the schedule


def test_the_interval_setting_and_its_bounds() -> None:
    assert DEFAULT_INTERVAL_DAYS == 30
    assert interval_problem(MIN_INTERVAL_DAYS) is None and interval_problem(MAX_INTERVAL_DAYS) is None
    assert interval_problem(MIN_INTERVAL_DAYS - 1) and interval_problem(MAX_INTERVAL_DAYS + 1)
    assert parse_interval(None) == 30 and parse_interval("") == 30
    assert parse_interval(" ๔๕ ") == 45 and parse_interval("14") == 14
    assert parse_interval("3") == 30 and parse_interval("abc") == 30 and parse_interval("-20") == 30


def test_the_first_follow_up_is_due_an_interval_after_the_plan_starts() -> None:
    assert due_on(Schedule("c", S.IN_PLAN, SINCE)) == date(2026, 10, 31)
    assert due_on(Schedule("c", S.IN_PLAN, SINCE), interval=14) == date(2026, 10, 15)


def test_later_ones_an_interval_after_the_latest_visit_or_on_its_own_date() -> None:
    assert due_on(Schedule("c", S.BACK_IN_SCHOOL, SINCE, last_visit_on=date(2026, 11, 20))) == date(2026, 12, 20)
    own = Schedule("c", S.IN_NFE, SINCE, last_visit_on=date(2026, 11, 20), last_next_on=date(2026, 11, 27))
    assert due_on(own) == date(2026, 11, 27)


@pytest.mark.parametrize("status", sorted(set(S) - FOLLOWED_UP))
def test_no_follow_up_is_due_outside_the_plan(status: CaseStatus) -> None:
    assert due_on(Schedule("c", status, SINCE)) is None


def test_no_follow_up_without_a_start() -> None:
    assert due_on(Schedule("c", S.IN_PLAN, None)) is None


def test_overdue_from_the_day_after_the_due_day() -> None:
    due = date(2026, 11, 30)
    assert not is_overdue(due, due) and days_overdue(due, due) == 0
    assert is_overdue(due, due + timedelta(days=1)) and days_overdue(due, due + timedelta(days=1)) == 1
    assert not is_overdue(due, due - timedelta(days=5)) and days_overdue(due, due - timedelta(days=5)) == 0
    assert not is_overdue(None, TODAY)


def test_the_overdue_list_is_most_overdue_first_and_leaves_out_the_rest() -> None:
    schedules = [
        Schedule("due-today", S.IN_PLAN, date(2026, 11, 1)),  # due 1 Dec: not yet late
        Schedule("late-1", S.IN_PLAN, date(2026, 10, 31)),  # due 30 Nov
        Schedule("late-31", S.WORKING, date(2026, 9, 1), last_visit_on=date(2026, 10, 1)),  # due 31 Oct
        Schedule("closing", S.CLOSURE_REQUESTED, date(2026, 1, 1)),
        Schedule("tracing", S.TO_TRACE, None),
        Schedule("late-1b", S.IN_VOCATIONAL, date(2026, 10, 31)),
        Schedule("visited", S.IN_PLAN, date(2026, 1, 1), last_visit_on=date(2026, 11, 15),
                 last_next_on=date(2026, 12, 5)),
    ]
    assert overdue(schedules, TODAY) == [Overdue("late-31", date(2026, 10, 31), 31),
                                         Overdue("late-1", date(2026, 11, 30), 1),
                                         Overdue("late-1b", date(2026, 11, 30), 1)]
    # every 60 days: only the visit of 1 Oct is late (due 30 Nov); the visit's own date stands
    assert overdue(schedules, TODAY, interval=60) == [Overdue("late-31", date(2026, 11, 30), 1)]


def test_due_text() -> None:
    assert due_text(None, TODAY) == ""
    assert due_text(TODAY, TODAY) == "ครบกำหนดวันนี้"
    assert due_text(date(2026, 11, 26), TODAY) == "เลยกำหนด 5 วัน (26 พ.ย. 2569)"
    assert due_text(date(2026, 12, 2), TODAY) == "2 ธ.ค. 2569"


# --------------------------------------------------------------------------- a visit


def visit(**kw: object) -> FollowUp:
    base: dict[str, object] = {"on": TODAY, "by": "worker", "result": FollowUpResult.ON_TRACK}
    base.update(kw)
    return FollowUp(**base)  # type: ignore[arg-type]


def visit_fields(f: FollowUp, status: CaseStatus = S.IN_PLAN, **kw: object) -> list[str]:
    args: dict[str, object] = {"today": TODAY, "followed_since": SINCE}
    args.update(kw)
    return [p.field for p in check_follow_up(f, status, **args)]  # type: ignore[arg-type]


def test_a_visit_on_track_needs_nothing_more() -> None:
    assert visit_fields(visit()) == []


def test_a_visit_outside_the_plan_or_without_a_result_is_refused() -> None:
    assert visit_fields(visit(), S.ASSESSED) == ["status"]
    assert visit_fields(visit(), followed_since=None) == ["status"]
    assert visit_fields(visit(result=None)) == ["result"]


def test_a_visit_at_risk_or_dropped_says_what_happened() -> None:
    for result in (FollowUpResult.AT_RISK, FollowUpResult.DROPPED):
        assert visit_fields(visit(result=result)) == ["note"]
        assert visit_fields(visit(result=result, note="ขาดเรียนบ่อย ต้องช่วยค่ารถ")) == []


def test_a_visit_date_not_in_the_future_nor_before_the_last_visit() -> None:
    assert visit_fields(visit(on=TODAY + timedelta(days=1))) == ["on"]
    assert visit_fields(visit(on=SINCE - timedelta(days=1))) == ["on"]
    last = date(2026, 11, 20)
    assert visit_fields(visit(on=last), last_visit_on=last) == []
    assert visit_fields(visit(on=last - timedelta(days=1)), last_visit_on=last) == ["on"]


def test_a_visits_own_next_date_is_after_it_and_not_too_far() -> None:
    assert visit_fields(visit(next_on=TODAY + timedelta(days=7))) == []
    assert visit_fields(visit(next_on=TODAY)) == ["next_on"]
    assert visit_fields(visit(next_on=TODAY + timedelta(days=MAX_INTERVAL_DAYS))) == []
    assert visit_fields(visit(next_on=TODAY + timedelta(days=MAX_INTERVAL_DAYS + 1))) == ["next_on"]


# --------------------------------------------------------------------------- referrals


def referral(**kw: object) -> Referral:
    base: dict[str, object] = {"agency": Agency.SOCIAL_DEVELOPMENT,
                               "agency_name": "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดขอนแก่น",
                               "reason": "ขอเงินสงเคราะห์ครอบครัว", "sent_on": TODAY, "by": "worker"}
    base.update(kw)
    return Referral(**base)  # type: ignore[arg-type]


def referral_fields(r: Referral, status: CaseStatus = S.IN_PLAN, roles: frozenset[Role] = WORKER) -> list[str]:
    return [p.field for p in check_referral(r, status, roles, today=TODAY, opened_on=SINCE)]


def test_a_referral_names_the_agency_and_the_reason() -> None:
    assert referral_fields(referral()) == []
    assert referral_fields(referral(agency=None, agency_name="", reason=" ")) == ["agency", "agency_name", "reason"]
    assert referral_fields(referral(agency=Agency.FAMILY)) == ["agency"]


def test_a_referral_comes_from_a_case_that_found_the_child_and_is_not_closing() -> None:
    for status in (S.FOUND, S.ASSESSED, S.IN_PLAN, S.WORKING):
        assert referral_fields(referral(), status) == []
    for status in (S.TO_TRACE, S.NOT_FOUND, S.DIED, S.MOVED_AWAY, S.CLOSURE_REQUESTED, S.CLOSED):
        assert referral_fields(referral(), status) == ["status"]


def test_a_referral_is_a_case_workers_and_dated() -> None:
    assert referral_fields(referral(), roles=frozenset({Role.TEACHER})) == ["actor"]
    assert referral_fields(referral(sent_on=TODAY + timedelta(days=1))) == ["sent_on"]
    assert referral_fields(referral(sent_on=SINCE - timedelta(days=1))) == ["sent_on"]


def test_the_referral_moves() -> None:
    assert {(R.SENT, R.ACCEPTED), (R.SENT, R.REJECTED), (R.ACCEPTED, R.DONE),
                              (R.ACCEPTED, R.REJECTED)} == REFERRAL_MOVES
    for current in R:
        for target in R:
            found = check_referral_move(current, target, WORKER, on=TODAY, last_change_on=SINCE, answer="รับเรื่องแล้ว",
                                        today=TODAY)
            assert (found == []) is ((current, target) in REFERRAL_MOVES), (current, target)


def test_a_rejection_or_completion_records_the_answer() -> None:
    def move_fields(current: R, target: R, answer: str = "", **kw: object) -> list[str]:
        args: dict[str, object] = {"on": TODAY, "last_change_on": SINCE, "today": TODAY}
        args.update(kw)
        return [p.field for p in check_referral_move(current, target, WORKER, answer=answer, **args)]  # type: ignore[arg-type]

    assert move_fields(R.SENT, R.ACCEPTED) == []
    assert move_fields(R.SENT, R.REJECTED) == ["answer"]
    assert move_fields(R.ACCEPTED, R.DONE) == ["answer"]
    assert move_fields(R.ACCEPTED, R.DONE, "ได้รับเบี้ยแล้ว") == []
    assert move_fields(R.SENT, R.ACCEPTED, on=SINCE - timedelta(days=1)) == ["on"]
    assert move_fields(R.SENT, R.ACCEPTED, on=TODAY + timedelta(days=1)) == ["on"]
    assert [p.field for p in check_referral_move(R.SENT, R.ACCEPTED, frozenset({Role.PROVINCE}), on=TODAY,
                                                 last_change_on=SINCE, answer="", today=TODAY)] == ["actor"]


def test_a_closure_with_referrals_waiting_is_warned() -> None:
    assert open_referrals_warning([R.DONE, R.REJECTED]) is None
    assert open_referrals_warning([]) is None
    warning = open_referrals_warning([R.SENT, R.ACCEPTED, R.DONE])
    assert warning is not None and "2" in warning
