"""Prefixes, full names and name matching (desktop.domain.people)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.people import (
    CHILD_PREFIX_AGE,
    PREFIXES,
    SEX_LABELS,
    Sex,
    expected_prefixes,
    full_name,
    name_key,
    name_similarity,
    normalise_prefix,
    prefix_problem,
)
from desktop.domain.text import clean_text

TODAY = date(2025, 6, 1)
BORN_8_YEARS_AGO = date(2017, 3, 1)
BORN_15_TODAY = date(2010, 6, 1)
BORN_15_TOMORROW = date(2010, 6, 2)


def test_sex_values() -> None:
    assert Sex("M") is Sex.MALE and Sex.FEMALE.value == "F"
    assert SEX_LABELS == {Sex.MALE: "ชาย", Sex.FEMALE: "หญิง"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ด.ช.", "เด็กชาย"),
        ("ดช", "เด็กชาย"),
        ("ด.ช", "เด็กชาย"),
        (" ด. ญ. ", "เด็กหญิง"),
        ("ดญ", "เด็กหญิง"),
        ("น.ส.", "นางสาว"),
        ("นส", "นางสาว"),
        ("นาย", "นาย"),
        ("นาง", "นาง"),
        ("เด็กชาย", "เด็กชาย"),
        ("  พระ  ภิกษุ ", "พระ ภิกษุ"),
    ],
)
def test_normalise_prefix(raw: str, expected: str) -> None:
    assert normalise_prefix(raw) == expected


def test_expected_prefixes_by_age_and_sex() -> None:
    assert CHILD_PREFIX_AGE == 15
    assert expected_prefixes(Sex.MALE, BORN_8_YEARS_AGO, TODAY) == ("เด็กชาย",)
    assert expected_prefixes(Sex.FEMALE, BORN_8_YEARS_AGO, TODAY) == ("เด็กหญิง",)
    assert expected_prefixes(Sex.MALE, BORN_15_TOMORROW, TODAY) == ("เด็กชาย",)
    assert expected_prefixes(Sex.MALE, BORN_15_TODAY, TODAY) == ("นาย",)
    assert expected_prefixes(Sex.FEMALE, BORN_15_TODAY, TODAY) == ("นางสาว", "นาง")


def test_prefix_ok() -> None:
    assert prefix_problem("เด็กชาย", Sex.MALE, BORN_8_YEARS_AGO, TODAY) is None
    assert prefix_problem("ด.ญ.", Sex.FEMALE, BORN_8_YEARS_AGO, TODAY) is None
    assert prefix_problem("นาง", Sex.FEMALE, date(2005, 1, 1), TODAY) is None
    # nothing known but the prefix itself
    for p in PREFIXES:
        assert prefix_problem(p, None, None, TODAY) is None


def test_adult_prefix_for_child() -> None:
    message = prefix_problem("นาย", Sex.MALE, BORN_8_YEARS_AGO, TODAY)
    assert message is not None
    assert "'นาย'" in message and "8 ปี" in message and "'เด็กชาย'" in message
    # known age but unknown sex still checks the age
    message = prefix_problem("นางสาว", None, BORN_8_YEARS_AGO, TODAY)
    assert message is not None and "'เด็กหญิง'" in message


def test_child_prefix_at_fifteen() -> None:
    # a pupil of 15-17 may still be written เด็กหญิง (records are not re-titled at once) ...
    assert prefix_problem("เด็กหญิง", Sex.FEMALE, BORN_15_TODAY, TODAY) is None
    assert prefix_problem("เด็กหญิง", Sex.FEMALE, date(2008, 6, 2), TODAY) is None  # 16
    # ... but not an adult of 18 or more
    message = prefix_problem("เด็กหญิง", Sex.FEMALE, date(2007, 6, 1), TODAY)
    assert message is not None
    assert "18 ปี" in message and "'นางสาว'" in message
    assert prefix_problem("เด็กหญิง", Sex.FEMALE, BORN_15_TOMORROW, TODAY) is None


def test_prefix_sex_mismatch() -> None:
    message = prefix_problem("เด็กหญิง", Sex.MALE, BORN_8_YEARS_AGO, TODAY)
    assert message is not None
    assert "เพศชาย" in message and "'เด็กชาย'" in message
    message = prefix_problem("นาย", Sex.FEMALE, None, TODAY)
    assert message is not None and "'นางสาว'" in message


def test_unknown_and_empty_prefix() -> None:
    message = prefix_problem("ดร.", Sex.MALE, None, TODAY)
    assert message is not None and "ดร." in message
    message = prefix_problem("", None, None, TODAY)
    assert message is not None and "คำนำหน้า" in message


def test_future_birth_skips_age_check() -> None:
    assert prefix_problem("เด็กชาย", Sex.MALE, date(2030, 1, 1), TODAY) is None


def test_full_name() -> None:
    assert full_name("เด็กชาย", "สมชาย", "ใจดี") == "เด็กชายสมชาย ใจดี"
    assert full_name(" นางสาว ", " สมหญิง ", " ณ  อยุธยา ") == "นางสาวสมหญิง ณ อยุธยา"
    assert full_name("", "สมชาย", "ใจดี") == "สมชาย ใจดี"
    assert full_name("เด็กหญิง", "มะลิ", "") == "เด็กหญิงมะลิ"


def test_clean_text_sara_am() -> None:
    decomposed = "น\u0e49\u0e4d\u0e32ฝน"  # น ้ ํ า ฝ น
    assert clean_text(decomposed) == "น\u0e49\u0e33ฝน"
    assert clean_text("ท\u0e4d\u0e32") == "ท\u0e33"
    assert clean_text("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"  # nikhahit typed before tone


def test_name_key() -> None:
    assert name_key("สมชาย", "ใจดี") == name_key(" สม ชาย ", "ใจ\u200bดี")
    # tone marks and the silencer are ignored
    assert name_key("ศักดิ์ชัย", "แก้วกล้า") == name_key("ศักดิชัย", "แกวกลา")
    assert name_key("John", "O'Neil") == "johnoneil"
    assert name_key("น\u0e49\u0e4d\u0e32", "") == name_key("น\u0e49\u0e33", "")


def test_name_similarity() -> None:
    assert name_similarity("สมชาย", "ใจดี", "สมชาย", "ใจดี") == 1.0
    assert name_similarity("สมชาย", "ใจดี", "สมชาย", "ใจดีย์") >= 0.85
    assert name_similarity("สมชาย", "ใจดี", "มานี", "มีนา") < 0.5
    assert name_similarity("", "", "", "") == 0.0
    score = name_similarity("สมศักดิ์", "รักไทย", "สมศักด", "รักไทย")
    assert 0.85 <= score <= 1.0
