"""Attendance % and meal counts, by hand (issue 12): December 2026 at a centre.

December 2026 has 23 weekdays (1 December is a Tuesday). The centre is closed on the
10th (Constitution Day) and the 31st: 21 school days. The register was taken on each but
the 18th (not recorded: in neither part of the percentage).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.centre import (
    AbsenceReason,
    MealKind,
    Rate,
    RoomDays,
    Span,
    Tally,
    baht_text,
    child_tally,
    day_mark,
    fiscal_year_be,
    meal_month,
    month_days,
    parse_baht,
    parse_reason,
    rate_on,
)
from desktop.domain.centre_rates import shipped_rates

DEC = month_days(2026, 12)
CLOSED = frozenset({date(2026, 12, 10), date(2026, 12, 31)})
TAKEN = frozenset(d for d in DEC if d.weekday() < 5 and d not in CLOSED and d != date(2026, 12, 18))
ROOM = RoomDays(TAKEN, CLOSED)
S, L, A = AbsenceReason.SICK, AbsenceReason.LEAVE, AbsenceReason.ABSENT


def test_december_has_the_school_days_counted_by_hand() -> None:
    assert sum(1 for d in DEC if d.weekday() < 5) == 23
    assert sum(1 for d in DEC if ROOM.school_day(d)) == 21


def test_a_child_there_all_month() -> None:
    t = child_tally(DEC, [Span(date(2026, 5, 16))], ROOM,
                    {date(2026, 12, 2): S, date(2026, 12, 3): L, date(2026, 12, 22): A})
    assert (t.present, t.absent_total, t.not_recorded, t.recorded) == (17, 3, 1, 20)
    assert t.absent == {S: 1, L: 1, A: 1}
    assert t.percent == pytest.approx(85.0)


def test_a_child_moved_in_mid_month_counts_only_from_the_move() -> None:
    # an absence before the placement (in another room) is not this room's
    t = child_tally(DEC, [Span(date(2026, 12, 14))], ROOM, {date(2026, 12, 3): A, date(2026, 12, 28): S})
    assert (t.present, t.absent_total, t.not_recorded) == (11, 1, 1)
    assert t.percent == pytest.approx(100 * 11 / 12)


def test_a_child_moved_out_counts_until_the_last_day_there() -> None:
    t = child_tally(DEC, [Span(date(2026, 5, 16), date(2026, 12, 4))], ROOM, {})
    assert (t.present, t.recorded) == (4, 4)


def test_a_closed_day_is_no_school_day_even_with_an_absence_or_a_register() -> None:
    room = RoomDays(TAKEN | {date(2026, 12, 10)}, CLOSED)
    t = child_tally(DEC, [Span(date(2026, 12, 1))], room, {date(2026, 12, 10): S})
    assert (t.present, t.absent_total) == (20, 0)


def test_a_back_dated_register_counts_like_one_taken_that_day() -> None:
    # the 18th taken later (back-dated): the not-recorded day becomes present
    room = RoomDays(TAKEN | {date(2026, 12, 18)}, CLOSED)
    t = child_tally(DEC, [Span(date(2026, 12, 1))], room, {date(2026, 12, 2): S})
    assert (t.present, t.recorded, t.not_recorded) == (20, 21, 0)


def test_a_saturday_counts_only_when_its_register_was_taken() -> None:
    sat = date(2026, 12, 12)
    assert child_tally([sat], [Span(sat)], ROOM, {}).recorded == 0
    assert child_tally([sat], [Span(sat)], RoomDays(TAKEN | {sat}, CLOSED), {}).present == 1


def test_a_room_is_the_sum_of_its_children_and_no_days_gives_no_percent() -> None:
    room = Tally()
    room.add(child_tally(DEC, [Span(date(2026, 5, 16))], ROOM,
                         {date(2026, 12, 2): S, date(2026, 12, 3): L, date(2026, 12, 22): A}))
    room.add(child_tally(DEC, [Span(date(2026, 12, 14))], ROOM, {date(2026, 12, 28): S}))
    assert (room.present, room.recorded) == (28, 32)
    assert room.percent == pytest.approx(87.5)
    assert Tally().percent is None


def test_the_printed_marks() -> None:
    spans = [Span(date(2026, 12, 1))]
    absences = {date(2026, 12, 2): S}
    assert [day_mark(date(2026, 12, d), spans, ROOM, absences) for d in (1, 2, 5, 10, 18)] == ["/", "ป", "", "", ""]


def test_rates_in_force_and_fiscal_years() -> None:
    rates = [Rate(MealKind.LUNCH, 2570, date(2026, 10, 1), 2100), Rate(MealKind.LUNCH, 2570, date(2026, 12, 16), 2250)]
    assert rate_on(rates, MealKind.LUNCH, date(2026, 12, 15)).satang == 2100  # type: ignore[union-attr]
    assert rate_on(rates, MealKind.LUNCH, date(2026, 12, 16)).satang == 2250  # type: ignore[union-attr]
    assert rate_on(rates, MealKind.LUNCH, date(2026, 9, 30)) is None
    assert (fiscal_year_be(date(2026, 9, 30)), fiscal_year_be(date(2026, 10, 1))) == (2569, 2570)


def test_meal_counts_and_amounts_of_a_hand_computed_month() -> None:
    """Lunch 21.00 to the 15th, 22.50 from the 16th; milk 7.82 (unchecked).
    15th: 20 present, 16th: 18, 17th: none (no meal line).
    Lunch 20 × 21.00 + 18 × 22.50 = 420.00 + 405.00 = 825.00; milk 38 × 7.82 = 297.16."""
    rates = [Rate(MealKind.LUNCH, 2570, date(2026, 10, 1), 2100, checked=True),
             Rate(MealKind.LUNCH, 2570, date(2026, 12, 16), 2250, checked=True),
             Rate(MealKind.MILK, 2570, date(2026, 10, 1), 782)]
    m = meal_month({date(2026, 12, 15): 20, date(2026, 12, 16): 18, date(2026, 12, 17): 0}, rates)
    assert (m.served_days, m.meals) == (2, 38)
    assert (baht_text(m.lunch_amount), baht_text(m.milk_amount)) == ("825.00", "297.16")
    assert m.unchecked and not m.missing_rate
    assert meal_month({date(2026, 9, 1): 3}, rates).missing_rate


def test_money_and_reasons_parse() -> None:
    assert [parse_baht(t) for t in ("21", "21.5", "7.82", "1,234.05", "7.825", "-1", "๒๑")] == \
        [2100, 2150, 782, 123405, None, None, None]
    assert baht_text(123405) == "1,234.05"
    assert [parse_reason(t) for t in ("sick", "ลา", "ข", "x")] == [S, L, A, None]


def test_the_shipped_rates_are_data_marked_unchecked() -> None:
    rates = shipped_rates()
    assert rates and not any(r.checked for r in rates)
    assert {r.kind for r in rates} == set(MealKind)
    for r in rates:
        assert r.fiscal_year_be == fiscal_year_be(r.valid_from)
