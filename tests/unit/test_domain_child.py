"""Child record validation (desktop.domain.child, desktop.domain.errors)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.domain.address import Address
from desktop.domain.child import ChildInput, normalise_child, validate_child
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.identity import IdType
from desktop.domain.people import Sex

TODAY = date(2025, 6, 1)


def good_child() -> ChildInput:
    return ChildInput(
        prefix="เด็กชาย",
        first_name="สมชาย",
        last_name="ใจดี",
        first_name_en="Somchai",
        last_name_en="Jaidee",
        sex=Sex.MALE,
        birth_date=date(2019, 8, 15),
        national_id="1234567890121",
        address=Address(subdistrict="ในเมือง", postcode="30000"),
    )


def fields_of(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def test_good_child_has_no_problems() -> None:
    assert validate_child(good_child(), today=TODAY) == []


def test_defaults() -> None:
    c = ChildInput()
    assert c.id_type is IdType.NATIONAL_ID
    assert c.nationality == "ไทย"
    assert c.address == Address()
    assert c.sex is None and c.birth_date is None


def test_empty_child_reports_every_required_field() -> None:
    problems = validate_child(ChildInput(), today=TODAY)
    assert fields_of(problems) == [
        "prefix",
        "first_name",
        "last_name",
        "sex",
        "birth_date",
        "national_id",
    ]
    assert all(p.message and "โปรด" in p.message for p in problems)


def test_normalise_child() -> None:
    raw = replace(
        good_child(),
        prefix=" ด.ช. ",
        first_name="  สม  ชาย ",
        national_id="๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑",
        g_code=" g 1234 ",
        address=Address(house_no="๑๒/๓", postcode=" ๓๐ ๐๐๐ ", subdistrict=" ในเมือง "),
    )
    n = normalise_child(raw)
    assert n.prefix == "เด็กชาย"
    assert n.first_name == "สม ชาย"
    assert n.national_id == "1234567890121"
    assert n.g_code == "G1234"
    assert n.address.house_no == "12/3"
    assert n.address.postcode == "30000"
    assert n.address.subdistrict == "ในเมือง"
    assert raw.prefix == " ด.ช. "  # input not modified


def test_validation_normalises_first() -> None:
    c = replace(good_child(), prefix="ด.ช.", national_id="๑๒๓๔๕๖๗๘๙๐๑๒๑")
    assert validate_child(c, today=TODAY) == []


def test_wrong_national_id() -> None:
    problems = validate_child(replace(good_child(), national_id="1234567890122"), today=TODAY)
    assert fields_of(problems) == ["national_id"]
    problems = validate_child(replace(good_child(), national_id="123456789012"), today=TODAY)
    assert "กรอกมา 12 หลัก" in problems[0].message


def test_g_code_id_type() -> None:
    c = replace(good_child(), id_type=IdType.G_CODE, national_id="", g_code="G123456789012")
    assert validate_child(c, today=TODAY) == []
    bad = replace(c, g_code="123")
    assert fields_of(validate_child(bad, today=TODAY)) == ["g_code"]


def test_no_id_requires_reason() -> None:
    c = replace(good_child(), id_type=IdType.NONE, national_id="")
    problems = validate_child(c, today=TODAY)
    assert fields_of(problems) == ["no_id_reason"]
    assert "เหตุผล" in problems[0].message
    assert validate_child(replace(c, no_id_reason="ยังไม่ได้แจ้งเกิด"), today=TODAY) == []
    assert validate_child(replace(c, no_id_reason="   "), today=TODAY) != []


def test_thai_names_reject_digits_and_latin() -> None:
    problems = validate_child(replace(good_child(), first_name="สมชาย2"), today=TODAY)
    assert fields_of(problems) == ["first_name"] and "ตัวเลข" in problems[0].message
    problems = validate_child(replace(good_child(), last_name="ใจดี๒"), today=TODAY)
    assert fields_of(problems) == ["last_name"]
    problems = validate_child(replace(good_child(), first_name="Somchai"), today=TODAY)
    assert fields_of(problems) == ["first_name"] and "ภาษาอังกฤษ" in problems[0].message
    problems = validate_child(replace(good_child(), first_name="สมชาย!"), today=TODAY)
    assert fields_of(problems) == ["first_name"] and "!" in problems[0].message


def test_thai_names_allow_spaces_and_marks() -> None:
    c = replace(good_child(), first_name="ศักดิ์ชัย", last_name="ณ อยุธยา")
    assert validate_child(c, today=TODAY) == []


def test_english_names() -> None:
    c = replace(good_child(), first_name_en="", last_name_en="")
    assert validate_child(c, today=TODAY) == []
    c = replace(good_child(), first_name_en="Mary-Jane", last_name_en="O'Neil Smith")
    assert validate_child(c, today=TODAY) == []
    problems = validate_child(replace(good_child(), first_name_en="สมชาย"), today=TODAY)
    assert fields_of(problems) == ["first_name_en"]
    problems = validate_child(replace(good_child(), last_name_en="Jaidee2"), today=TODAY)
    assert fields_of(problems) == ["last_name_en"]


def test_birth_date_in_future() -> None:
    problems = validate_child(replace(good_child(), birth_date=date(2025, 6, 2)), today=TODAY)
    assert fields_of(problems) == ["birth_date"]
    assert "2568" in problems[0].message  # shown in BE
    assert validate_child(replace(good_child(), birth_date=TODAY), today=TODAY) == []


def test_birth_date_too_old_states_maximum() -> None:
    # 25 completed years is still accepted; 26 is not
    c = replace(good_child(), prefix="นาย", birth_date=date(1999, 6, 2))
    assert validate_child(c, today=TODAY) == []
    problems = validate_child(replace(c, birth_date=date(1999, 6, 1)), today=TODAY)
    assert fields_of(problems) == ["birth_date"]
    assert "25 ปี" in problems[0].message and "26 ปี" in problems[0].message


def test_birth_year_typed_in_ce_as_be_is_caught() -> None:
    # 2019 read as a BE year is CE 1476
    c = replace(good_child(), birth_date=date(1476, 8, 15))
    assert "birth_date" in fields_of(validate_child(c, today=TODAY))


def test_prefix_must_match_sex_and_age() -> None:
    problems = validate_child(replace(good_child(), prefix="เด็กหญิง"), today=TODAY)
    assert fields_of(problems) == ["prefix"]
    problems = validate_child(replace(good_child(), prefix="นาย"), today=TODAY)
    assert fields_of(problems) == ["prefix"] and "5 ปี" in problems[0].message
    problems = validate_child(replace(good_child(), prefix="คุณ"), today=TODAY)
    assert fields_of(problems) == ["prefix"]


def test_missing_sex() -> None:
    problems = validate_child(replace(good_child(), sex=None), today=TODAY)
    assert fields_of(problems) == ["sex"]


def test_postcode_checked_when_given() -> None:
    c = replace(good_child(), address=Address(postcode="99999"))
    assert fields_of(validate_child(c, today=TODAY)) == ["address.postcode"]
    c = replace(good_child(), address=Address(postcode="๓๐๐๐๐"))
    assert validate_child(c, today=TODAY) == []
    assert validate_child(replace(good_child(), address=Address()), today=TODAY) == []


def test_validation_failed() -> None:
    problems = [Problem("national_id", "ผิด"), Problem("sex", "ไม่ได้เลือก")]
    err = ValidationFailed(problems)
    assert err.problems == problems
    assert str(err) == "national_id: ผิด; sex: ไม่ได้เลือก"
    assert isinstance(err, Exception)
