"""Scoring a poverty screening with the shipped (illustrative) rule pack, against cases
computed by hand from resources/rulepacks/samoe-illustrative-v1.json; the pack's checks."""

from __future__ import annotations

import json
from dataclasses import replace
from fractions import Fraction
from typing import Any

import pytest

from desktop.domain.errors import ValidationFailed
from desktop.domain.rulepack import RulePackError, parse_pack, shipped_packs
from desktop.domain.screening import PovertyLevel, classify
from desktop.domain.screening_form import Answers, Member
from desktop.paths import resource_path

PACK = shipped_packs()[0]


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("rulepacks", "samoe-illustrative-v1.json").read_bytes())
    return data


def _family(*incomes: int, ages: tuple[int, ...] = ()) -> tuple[Member, ...]:
    ages = ages or tuple(40 if i < 2 else 9 for i in range(len(incomes)))
    return tuple(Member(f"คนที่ {n}", "บุตร", age, monthly_income=inc) for n, (inc, age) in
                 enumerate(zip(incomes, ages, strict=True), start=1))


MODEST = Answers(tenure="rent", housing="worn", land="none", water="well", electricity="own_meter",
                 vehicles=frozenset({"motorcycle"}), appliances=frozenset({"tv", "fridge"}))


def test_a_poor_family_of_four_by_hand() -> None:
    members = (*_family(6000, 3000, 0), Member("ยาย", "ยาย", 67))
    result = classify(members, MODEST, PACK)
    # elderly 4; rent 6, worn 5, no land 6, well 3, own meter 0, motorcycle -2, tv+fridge -3
    assert [p for _d, _a, p in result.breakdown] == [4, 6, 5, 6, 3, 0, -2, -3]
    assert result.score == 19
    assert result.level is PovertyLevel.POOR
    assert result.per_capita == Fraction(9000, 4) and result.per_capita_baht == "2,250.00"
    assert result.pack == "samoe-illustrative v1"


def test_income_exactly_at_the_threshold_is_within_and_one_baht_more_is_not() -> None:
    at = classify(_family(6000, 0), MODEST, PACK)
    assert at.per_capita == 3000 and at.level is PovertyLevel.POOR
    over = classify(_family(6001, 0), MODEST, PACK)
    assert over.level is PovertyLevel.NOT_POOR and "3,000" in over.reason
    assert over.per_capita_baht == "3,000.50"


def test_a_single_member_with_no_income_in_the_worst_conditions_is_extremely_poor() -> None:
    worst = Answers(tenure="with_others", housing="dilapidated", land="none", water="natural",
                    electricity="none", single_parent=True)
    result = classify(_family(0, ages=(12,)), worst, PACK)
    # single parent 6; with others 8, dilapidated 10, no land 6, natural 6, none 8, no vehicle 6, nothing 5
    assert result.score == 55 and result.members == 1 and result.per_capita == 0
    assert result.level is PovertyLevel.EXTREME


def test_owning_everything_never_scores_below_zero() -> None:
    rich = Answers(tenure="own", housing="good", land="owned", water="tap", electricity="own_meter",
                   land_rai=40, vehicles=frozenset({"car", "pickup", "tractor", "motorcycle"}),
                   appliances=frozenset({"air_conditioner", "computer", "fridge", "washing_machine", "tv"}))
    result = classify(_family(1000, 1000), rich, PACK)
    assert result.score == 0 and result.level is PovertyLevel.NOT_POOR
    assert "ต่ำกว่าเกณฑ์ยากจน" in result.reason


def test_dependants_are_counted_from_the_members_and_capped() -> None:
    members = (Member("ก", "พ่อ", 15, unemployed=True), Member("ข", "แม่", 65, unemployed=True),
               Member("ค", "ลุง", 66, unemployed=True), Member("ง", "ป้า", 14, unemployed=True))
    one = classify(members, MODEST, PACK)
    # unemployed: 15 and 65 (not 14, not 66); over 60: 65 and 66 (a 65-year-old out of work is both)
    assert one.breakdown[0] == ("dependants", "elderly=2,unemployed=2", 18)
    many = (*members, Member("จ", "บุตร", 9, disabled=True))
    assert classify(many, MODEST, PACK).breakdown[0][2] == 20  # 18 + 6, capped


def test_owned_land_below_the_packs_rai_scores_as_small() -> None:
    small = replace(MODEST, land="owned", land_rai=4)
    assert classify(_family(0, 0), small, PACK).breakdown[3] == ("land", "owned_small", 2)
    assert classify(_family(0, 0), replace(small, land_rai=5), PACK).breakdown[3] == ("land", "owned", 0)


def test_a_new_pack_changes_the_classes_as_predicted() -> None:
    members = (*_family(6000, 3000, 0), Member("ยาย", "ยาย", 67))
    assert classify(members, MODEST, PACK).level is PovertyLevel.POOR  # 19
    data = _raw() | {"version": 2, "bands": {"poor": 10, "extreme": 19}}
    newer = parse_pack(data)
    result = classify(members, MODEST, newer)
    assert result.level is PovertyLevel.EXTREME and result.pack == "samoe-illustrative v2"
    lower = parse_pack(_raw() | {"version": 3, "income_threshold": 2000})
    assert classify(members, MODEST, lower).level is PovertyLevel.NOT_POOR  # 2,250 a member


def test_a_form_that_cannot_be_scored_names_its_fields() -> None:
    with pytest.raises(ValidationFailed) as caught:
        classify((), replace(MODEST, tenure="", vehicles=frozenset({"boat"})), PACK)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"members", "tenure", "vehicles"}
    with pytest.raises(ValidationFailed) as caught:
        classify((Member("", "บุตร", 130, monthly_income=-5),), MODEST, PACK)
    assert {p.field for p in caught.value.problems} == {"members.1.name", "members.1.age",
                                                       "members.1.monthly_income"}


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["points"]["water"].pop("well"), "points.water.well"),
    (lambda d: d["points"]["water"].update(river=3), "points.water.river"),
    (lambda d: d["points"].update(pets={}), "points.pets"),
    (lambda d: d["points"]["tenure"].update(rent=6.5), "points.tenure.rent"),
    (lambda d: d["points"]["tenure"].update(rent=True), "points.tenure.rent"),
    (lambda d: d.update(bands={"poor": 30, "extreme": 20}), "bands.extreme"),
    (lambda d: d.update(format="samoe-rulepack/2"), "format"),
    (lambda d: d.update(version=0), "version"),
    (lambda d: d["grants"].update(x9=100), "grants.x9"),
    (lambda d: d.update(attendance_percent=101), "attendance_percent"),
    (lambda d: d.update(colour="red"), "colour"),
    (lambda d: d.update(illustrative="yes"), "illustrative"),
])
def test_a_pack_with_a_fault_is_refused_naming_the_field(change: Any, field: str) -> None:
    data = _raw()
    change(data)
    with pytest.raises(RulePackError) as caught:
        parse_pack(data)
    assert field in {p.field for p in caught.value.problems}
    assert all(p.message for p in caught.value.problems)


def test_the_shipped_pack_says_it_is_illustrative() -> None:
    assert PACK.illustrative and "ตัวอย่าง" in PACK.title
    assert PACK.income_threshold == 3000 and PACK.attendance_percent == 85
