"""The needs assessment of a case (desktop/domain/case_needs.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.case_needs import (
    AREA_LABELS,
    CATALOGUE_VERSION,
    NEEDS,
    REASON_LABELS,
    Area,
    AreaRating,
    Assessment,
    LeaveReason,
    Level,
    check_assessment,
    is_complete,
    missing_areas,
    need_label,
    needs_found,
)
from desktop.domain.identity import IdType

TODAY = date(2026, 12, 1)
OPENED = date(2026, 10, 1)
NONE = AreaRating(Level.NONE)


def full(**areas: AreaRating) -> Assessment:
    rated = {a: NONE for a in Area}
    rated.update({Area(k): v for k, v in areas.items()})
    return Assessment(TODAY, "worker", rated, frozenset({LeaveReason.POVERTY}))


def fields(a: Assessment, **kw: object) -> list[str]:
    return [p.field for p in check_assessment(a, today=TODAY, opened_on=OPENED, **kw)]  # type: ignore[arg-type]


def test_the_lists_have_labels() -> None:
    assert set(AREA_LABELS) == set(Area) == set(NEEDS)
    assert set(REASON_LABELS) == set(LeaveReason)
    assert need_label("legal", "no_id") == "ไม่มีเลขประจำตัวประชาชน"


def test_a_full_assessment_is_complete() -> None:
    a = full(economic=AreaRating(Level.URGENT, frozenset({"must_earn", "low_income"})))
    assert fields(a) == [] and is_complete(a, today=TODAY, opened_on=OPENED)


def test_complete_needs_every_area_and_a_reason() -> None:
    partial = Assessment(TODAY, "worker", {Area.ECONOMIC: NONE}, frozenset({LeaveReason.WORK}))
    assert fields(partial) == []  # a partial assessment may be saved
    assert missing_areas(partial) == [a for a in Area if a is not Area.ECONOMIC]
    assert not is_complete(partial, today=TODAY)
    no_reason = Assessment(TODAY, "worker", {a: NONE for a in Area})
    assert missing_areas(no_reason) == [] and not is_complete(no_reason, today=TODAY)
    unrated = full(health=AreaRating(None))
    assert missing_areas(unrated) == [Area.HEALTH] and not is_complete(unrated, today=TODAY)


def test_a_need_ticked_is_not_rated_none_and_a_need_rated_says_what() -> None:
    assert fields(full(family=AreaRating(Level.NONE, frozenset({"violence"})))) == ["areas.family"]
    assert fields(full(health=AreaRating(Level.SOME))) == ["areas.health"]
    assert fields(full(health=AreaRating(Level.SOME, note="ปวดหลังเรื้อรัง"))) == []
    assert fields(full(health=AreaRating(None, frozenset({"pregnancy"})))) == ["areas.health"]


def test_an_unknown_need_or_one_of_another_area_is_refused() -> None:
    assert fields(full(health=AreaRating(Level.SOME, frozenset({"no_id"})))) == ["areas.health", "areas.health"]
    assert fields(full(legal=AreaRating(Level.SOME, frozenset({"no_id", "typo"})))) == ["areas.legal"]


def test_no_id_cannot_contradict_the_registry() -> None:
    a = full(legal=AreaRating(Level.URGENT, frozenset({"no_id", "migrant", "stateless"})))
    assert fields(a, id_type=IdType.NATIONAL_ID) == ["areas.legal"]
    assert fields(a, id_type=IdType.G_CODE) == []
    assert fields(a, id_type=IdType.NONE) == []
    assert not is_complete(a, today=TODAY, id_type=IdType.NATIONAL_ID)


def test_reasons_other_needs_text_and_never_enrolled_stands_alone() -> None:
    base = full()
    other = Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.OTHER}))
    assert fields(other) == ["other_reason"]
    assert fields(Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.OTHER}), other_reason="ติดเกม")) == []
    stray = Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.WORK}), other_reason="ติดเกม")
    assert fields(stray) == ["other_reason"]
    never = Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.NEVER_ENROLLED, LeaveReason.POVERTY}))
    assert fields(never) == ["reasons"]
    alone = Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.NEVER_ENROLLED}))
    assert fields(alone) == []
    dated = Assessment(TODAY, "w", base.areas, frozenset({LeaveReason.NEVER_ENROLLED}), left_on=date(2025, 3, 1))
    assert fields(dated) == ["left_on"]


def test_dates_not_in_the_future_nor_before_the_case() -> None:
    areas = full().areas
    reasons = frozenset({LeaveReason.WORK})
    assert fields(Assessment(TODAY + timedelta(days=1), "w", areas, reasons)) == ["assessed_on"]
    assert fields(Assessment(OPENED - timedelta(days=1), "w", areas, reasons)) == ["assessed_on"]
    assert fields(Assessment(OPENED, "w", areas, reasons)) == []
    assert fields(Assessment(TODAY, "w", areas, reasons, left_on=TODAY + timedelta(days=1))) == ["left_on"]
    assert fields(Assessment(TODAY, "w", areas, reasons, left_on=date(2024, 5, 16))) == []


def test_an_old_catalogue_version_is_refused() -> None:
    a = full()
    old = Assessment(a.assessed_on, a.by, a.areas, a.reasons, version=CATALOGUE_VERSION + 1)
    assert fields(old) == ["version"]


@pytest.mark.parametrize(("name", "limit"), [("last_school", 200), ("note", 2000)])
def test_text_lengths(name: str, limit: int) -> None:
    a = full()
    ok = Assessment(a.assessed_on, a.by, a.areas, a.reasons, **{name: "ก" * limit})  # type: ignore[arg-type]
    long = Assessment(a.assessed_on, a.by, a.areas, a.reasons, **{name: "ก" * (limit + 1)})  # type: ignore[arg-type]
    assert fields(ok) == [] and fields(long) == [name]


def test_needs_found_are_urgent_first_in_the_forms_order() -> None:
    a = full(economic=AreaRating(Level.SOME, frozenset({"debt", "low_income"})),
             legal=AreaRating(Level.URGENT, frozenset({"no_id"})),
             family=AreaRating(Level.URGENT, frozenset({"violence"})))
    assert needs_found(a) == [(Area.FAMILY, Level.URGENT, ["violence"]), (Area.LEGAL, Level.URGENT, ["no_id"]),
                              (Area.ECONOMIC, Level.SOME, ["low_income", "debt"])]


def test_an_empty_assessment_is_refused_and_one_thing_filled_is_enough() -> None:
    assert fields(Assessment(TODAY, "worker")) == ["areas"]
    assert fields(Assessment(TODAY, "worker", {Area.ECONOMIC: AreaRating(None, frozenset(), "  ")})) == ["areas"]
    assert fields(Assessment(TODAY, "worker", {Area.ECONOMIC: AreaRating(Level.NONE)})) == []
    assert fields(Assessment(TODAY, "worker", reasons=frozenset({LeaveReason.POVERTY}))) == []
    assert fields(Assessment(TODAY, "worker", last_school="โรงเรียนบ้านหนองบัว")) == []
