"""DSPM (issue 12): the item table as data, the result of a check and of the re-check (the
referral rule), the re-check's due date, and which checks are due in a month at the edges
of the bands."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.dspm import (
    Domain,
    Outcome,
    evaluate,
    evaluate_recheck,
    manual,
    parse_manual,
    recheck_due,
)
from desktop.domain.dspm_schedule import (
    OpenCheck,
    Status,
    due_in_month,
    reaches,
    rechecks,
    screening_status,
    window,
)
from desktop.domain.errors import ValidationFailed

RANGES = {9: range(27, 35), 18: range(50, 60), 30: range(70, 79), 42: range(90, 101), 60: range(117, 125)}


def all_pass(age: int) -> dict[int, bool]:
    return {i.no: True for i in manual().band(age).items}


def test_the_item_table_names_its_edition_and_holds_the_screening_ages() -> None:
    m = manual()
    assert m.screening_ages == (9, 18, 30, 42, 60)
    assert "DSPM" in m.title and "2020" in m.edition
    for age, numbers in RANGES.items():
        band = m.band(age)
        assert [i.no for i in band.items] == list(numbers)
        assert {i.domain for i in band.items} == set(Domain)
        assert all(i.skill and i.activity for i in band.items)
    assert m.item(90).skill == "ยืนขาเดียว 5 วินาที" and m.item(90).domain is Domain.GM
    assert all(i.activity_checked for b in m.bands for i in b.items)  # compared with the manual's transcriptions
    assert m.codes[Outcome.ON_TRACK] == "1B260" and m.recheck_within_days == 30


def test_a_table_with_a_repeated_item_or_a_missing_domain_is_refused() -> None:
    base = {"name": "x", "version": 1, "manual": {"title": "t", "edition": "e"},
            "rules": {"recheck_within_days": 30, "due_window_months": 1, "outcome_codes": {}}}
    item = {"domain": "GM", "skill": "s", "activity": ["a"], "checked": "activity not checked"}
    with pytest.raises(ValueError, match="lacks a domain"):
        parse_manual({**base, "bands": [{"screening_age_months": 9, "label": "9", "items": [{**item, "no": 1}]}]})
    five = [{**item, "no": n, "domain": d} for n, d in enumerate(["GM", "FM", "RL", "EL", "PS"], start=1)]
    with pytest.raises(ValueError, match="twice"):
        parse_manual({**base, "bands": [{"screening_age_months": 9, "label": "9", "items": [*five, five[0]]}]})


def test_passing_every_item_is_on_track() -> None:
    r = evaluate(18, date(2026, 3, 5), all_pass(18))
    assert r.outcome is Outcome.ON_TRACK and r.code == "1B260" and r.recheck_due is None
    assert not r.needs_referral_letter


def test_a_failed_item_is_suspected_delay_with_a_recheck_within_30_days() -> None:
    answers = {**all_pass(30), 74: False, 76: False}
    r = evaluate(30, date(2026, 1, 15), answers)
    assert r.outcome is Outcome.SUSPECTED_DELAY and r.code == "1B261"
    assert [i.no for i in r.failed] == [74, 76] and r.failed_domains == (Domain.RL, Domain.EL)
    assert r.recheck_due == date(2026, 2, 14)  # 30 days later
    assert recheck_due(date(2024, 2, 20)) == date(2024, 3, 21)  # across a leap February
    assert recheck_due(date(2026, 12, 10)) == date(2027, 1, 9)  # across the year
    assert not r.needs_referral_letter


def test_the_assessor_may_refer_at_once() -> None:
    r = evaluate(42, date(2026, 1, 15), {**all_pass(42), 90: False}, refer_now=True)
    assert r.outcome is Outcome.REFER_NOW and r.code == "1B262" and r.needs_referral_letter
    assert r.recheck_due is None
    # passing everything cannot be "referred at once"
    assert evaluate(42, date(2026, 1, 15), all_pass(42), refer_now=True).outcome is Outcome.ON_TRACK


def test_still_failing_at_the_recheck_is_referral_for_teda4i_and_passing_is_on_track() -> None:
    first = evaluate(9, date(2026, 1, 10), {**all_pass(9), 27: False, 33: False})
    worse = evaluate_recheck(first, date(2026, 2, 5), {27: True, 33: False})
    assert worse.outcome is Outcome.REFER_TEDA4I and worse.needs_referral_letter and worse.is_recheck
    assert [i.no for i in worse.failed] == [33] and not worse.late
    better = evaluate_recheck(first, date(2026, 2, 9), {27: True, 33: True})  # day 30: on time
    assert better.outcome is Outcome.ON_TRACK and better.code == "1B260" and not better.late
    late = evaluate_recheck(first, date(2026, 2, 10), {27: True, 33: True})  # day 31
    assert late.late and late.outcome is Outcome.ON_TRACK


def test_a_recheck_must_cover_the_failed_items_and_follow_a_suspected_delay() -> None:
    first = evaluate(9, date(2026, 1, 10), {**all_pass(9), 27: False, 33: False})
    with pytest.raises(ValidationFailed, match="33"):
        evaluate_recheck(first, date(2026, 2, 1), {27: True})
    with pytest.raises(ValidationFailed):
        evaluate_recheck(first, date(2026, 1, 9), {27: True, 33: True})  # before the first check
    with pytest.raises(ValidationFailed):
        evaluate_recheck(evaluate(9, date(2026, 1, 10), all_pass(9)), date(2026, 2, 1), {27: True})
    with pytest.raises(ValidationFailed, match="50"):  # an 18 month item in a 9 month check
        evaluate(9, date(2026, 1, 10), {**all_pass(9), 50: True})
    with pytest.raises(ValidationFailed, match="34"):  # an item without a result
        evaluate(9, date(2026, 1, 10), {n: True for n in range(27, 34)})


def test_due_this_month_at_the_band_edges() -> None:
    # born 1 Feb 2024: 9 months on 1 Nov 2024 (due in November, not October)
    assert due_in_month(date(2024, 2, 1), 2024, 10) == []
    assert due_in_month(date(2024, 2, 1), 2024, 11) == [9]
    # born 31 Jan 2024: 9 months on 31 Oct 2024 (the last day of October)
    assert due_in_month(date(2024, 1, 31), 2024, 10) == [9]
    assert due_in_month(date(2024, 1, 31), 2024, 11) == []
    # born 31 May 2023: 9 months on 29 Feb 2024 (a shorter, leap month), 18 on 30 Nov 2024
    assert reaches(date(2023, 5, 31), 9) == date(2024, 2, 29)
    assert due_in_month(date(2023, 5, 31), 2024, 2) == [9]
    assert reaches(date(2023, 5, 31), 18) == date(2024, 11, 30)
    # 60 months across the year: born 15 Dec 2021 → 15 Dec 2026
    assert due_in_month(date(2021, 12, 15), 2026, 12) == [60]
    assert due_in_month(date(2021, 12, 15), 2027, 1) == []
    # every screening age, once each
    months = [(y, mo) for y in range(2024, 2030) for mo in range(1, 13)]
    found = [a for y, mo in months for a in due_in_month(date(2024, 3, 10), y, mo)]
    assert found == [9, 18, 30, 42, 60]


def test_screening_status_through_the_window() -> None:
    birth = date(2024, 1, 31)
    assert window(birth, 9) == (date(2024, 10, 31), date(2024, 11, 29))
    assert screening_status(birth, 9, [], date(2024, 10, 30)) is Status.NOT_YET
    assert screening_status(birth, 9, [], date(2024, 10, 31)) is Status.DUE
    assert screening_status(birth, 9, [], date(2024, 11, 29)) is Status.DUE
    assert screening_status(birth, 9, [], date(2024, 11, 30)) is Status.OVERDUE
    assert screening_status(birth, 9, [date(2024, 12, 2)], date(2025, 1, 1)) is Status.DONE
    assert screening_status(birth, 9, [date(2024, 3, 1)], date(2024, 11, 1)) is Status.DUE  # an earlier check counts not
    assert screening_status(birth, 9, [], date(2025, 7, 31)) is Status.PASSED  # 18 months reached


def test_rechecks_due_and_overdue() -> None:
    today = date(2026, 3, 1)
    checks = [
        OpenCheck(1, 30, date(2026, 2, 1), Outcome.SUSPECTED_DELAY),  # due 3 Mar: 2 days left
        OpenCheck(2, 30, date(2026, 1, 20), Outcome.SUSPECTED_DELAY),  # due 19 Feb: overdue
        OpenCheck(3, 30, date(2026, 1, 30), Outcome.SUSPECTED_DELAY),  # due 1 Mar: today, not overdue
        OpenCheck(4, 30, date(2026, 1, 2), Outcome.SUSPECTED_DELAY, rechecked_on=date(2026, 1, 30)),
        OpenCheck(5, 30, date(2026, 2, 1), Outcome.ON_TRACK),
        OpenCheck(6, 30, date(2026, 2, 1), Outcome.REFER_NOW),
    ]
    got = [(r.check.child_id, r.due, r.overdue, r.days_left) for r in rechecks(checks, today)]
    assert got == [(2, date(2026, 2, 19), True, -10), (3, date(2026, 3, 1), False, 0),
                   (1, date(2026, 3, 3), False, 2)]
