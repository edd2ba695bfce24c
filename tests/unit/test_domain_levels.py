"""Class levels (desktop.domain.levels)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.levels import (
    INSTITUTION_KIND_LABELS,
    LEVELS,
    InstitutionKind,
    level_age_problem,
    level_by_code,
    level_from_label,
    levels_for,
)


def test_levels_in_order() -> None:
    codes = [lv.code for lv in LEVELS]
    assert codes == [
        "cdc2", "cdc3", "cdc4",
        "k1", "k2", "k3",
        "p1", "p2", "p3", "p4", "p5", "p6",
        "m1", "m2", "m3", "m4", "m5", "m6",
    ]  # fmt: skip
    ages = [lv.typical_age for lv in LEVELS if lv.kind is InstitutionKind.SCHOOL]
    assert ages == list(range(3, 18))


def test_level_fields() -> None:
    assert level_by_code("cdc2").label == "เด็กเล็ก 2 ขวบ"
    assert level_by_code("cdc2").typical_age == 2
    assert level_by_code("cdc2").kind is InstitutionKind.CDC
    assert level_by_code("k1").label == "อ.1" and level_by_code("k1").typical_age == 3
    assert level_by_code("p1").label == "ป.1" and level_by_code("p1").typical_age == 6
    assert level_by_code("m6").label == "ม.6" and level_by_code("m6").typical_age == 17
    with pytest.raises(KeyError):
        level_by_code("p7")


def test_levels_for_kind() -> None:
    assert [lv.code for lv in levels_for(InstitutionKind.CDC)] == ["cdc2", "cdc3", "cdc4"]
    assert len(levels_for(InstitutionKind.SCHOOL)) == 15
    assert INSTITUTION_KIND_LABELS[InstitutionKind.CDC] == "ศูนย์พัฒนาเด็กเล็ก"
    assert INSTITUTION_KIND_LABELS[InstitutionKind.SCHOOL] == "โรงเรียน"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ป.1", "p1"),
        ("ป1", "p1"),
        ("ป. 1", "p1"),
        ("ประถมศึกษาปีที่ 1", "p1"),
        ("ชั้นประถมศึกษาปีที่ ๖", "p6"),
        ("ป.๓", "p3"),
        ("อนุบาล 1", "k1"),
        ("อ.1", "k1"),
        ("อ.3", "k3"),
        ("ม.1", "m1"),
        ("มัธยมศึกษาปีที่ 1", "m1"),
        ("ม.6", "m6"),
        ("เด็กเล็ก 2 ขวบ", "cdc2"),
        ("4 ขวบ", "cdc4"),
        ("p1", "p1"),
        ("CDC3", "cdc3"),
    ],
)
def test_level_from_label(text: str, code: str) -> None:
    level = level_from_label(text)
    assert level is not None
    assert level.code == code


@pytest.mark.parametrize("text", ["", "ป.7", "ม.0", "อนุบาล 4", "ปวช.1", "เด็กเล็ก 6 ขวบ", "abc"])
def test_level_from_label_unknown(text: str) -> None:
    assert level_from_label(text) is None


def test_level_age_problem_uses_16_may() -> None:
    p1 = level_by_code("p1")
    on = date(2025, 11, 20)  # academic year 2568, reference 16 May 2025
    assert level_age_problem(p1, date(2019, 5, 16), on) is None  # 6
    assert level_age_problem(p1, date(2017, 5, 16), on) is None  # 8 = 6 + 2
    message = level_age_problem(p1, date(2016, 5, 16), on)  # 9
    assert message is not None
    assert "9 ปี" in message and "ป.1" in message and "16 พ.ค. 2568" in message
    # one day later the child is still 8 on 16 May
    assert level_age_problem(p1, date(2016, 5, 17), on) is None
    assert level_age_problem(p1, date(2022, 1, 1), on) is not None  # 3, too young


def test_level_age_problem_before_16_may_uses_previous_year() -> None:
    k1 = level_by_code("k1")
    on = date(2025, 3, 1)  # academic year 2567, reference 16 May 2024
    assert level_age_problem(k1, date(2021, 5, 16), on) is None  # 3
    cdc2 = level_by_code("cdc2")
    assert level_age_problem(cdc2, date(2024, 6, 1), on) is None  # born after reference: 0
    assert level_age_problem(level_by_code("m1"), date(2024, 6, 1), on) is not None
