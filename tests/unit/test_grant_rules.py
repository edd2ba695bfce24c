"""Who a grant round pays: certified and of a paid class only; attendance exactly at the
threshold passes, a day less is held with the rate said; not recorded yet is held."""

from __future__ import annotations

import pytest

from desktop.domain.grants import ChildFacts, Outcome, RoundRule, decide
from desktop.domain.screening import PovertyLevel

RULE = RoundRule(frozenset({PovertyLevel.EXTREME}), 80, {"p3": 3000, "m1": 4000})


def _facts(**over: object) -> ChildFacts:
    fields: dict[str, object] = dict(screening_status="certified", poverty="extreme", class_level="p3",
                                     days_present=80, days_open=100)
    fields.update(over)
    return ChildFacts(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("present", "days", "outcome"), [
    (80, 100, Outcome.ELIGIBLE),  # exactly at 80%
    (81, 100, Outcome.ELIGIBLE),
    (79, 100, Outcome.HELD),
    (4, 5, Outcome.ELIGIBLE),  # 80% of five days
    (95, 119, Outcome.HELD),  # 79.83%: no rounding up to 80
    (96, 119, Outcome.ELIGIBLE),  # 80.67%
])
def test_attendance_at_above_and_below_the_threshold(present: int, days: int, outcome: Outcome) -> None:
    decision = decide(_facts(days_present=present, days_open=days), RULE)
    assert decision.outcome is outcome and decision.amount == 3000
    if outcome is Outcome.HELD:
        assert "ต่ำกว่าเกณฑ์ 80%" in decision.reason and f"{present}/{days}" in decision.reason


def test_who_is_out_and_why() -> None:
    assert decide(_facts(screening_status=""), RULE).reason == "ยังไม่ได้คัดกรองในภาคเรียนนี้"
    assert decide(_facts(screening_status="submitted"), RULE).outcome is Outcome.OUT
    poor = decide(_facts(poverty="poor"), RULE)
    assert poor.outcome is Outcome.OUT and "ยากจน" in poor.reason and poor.amount == 0
    assert decide(_facts(class_level=""), RULE).outcome is Outcome.OUT
    assert "k1" in decide(_facts(class_level="k1"), RULE).reason


def test_attendance_not_recorded_is_held_not_dropped() -> None:
    decision = decide(_facts(days_present=None, days_open=None), RULE)
    assert decision.outcome is Outcome.HELD and decision.amount == 3000 and "ยังไม่ได้บันทึก" in decision.reason
    both = RoundRule(frozenset({PovertyLevel.POOR, PovertyLevel.EXTREME}), 85, {"p3": 1000})
    assert decide(_facts(poverty="poor", days_present=85), both).outcome is Outcome.ELIGIBLE
