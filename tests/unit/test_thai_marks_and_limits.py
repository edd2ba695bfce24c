"""Thai text that cannot be right is not stored as typed (issue 7): what has one meaning is
normalised (เเ -> แ, a doubled mark, ํา -> ำ, a tone typed before its vowel), what has none
is refused with a Thai message naming the field (a mark with no consonant, two different
tone marks on one consonant); and no text is longer than its column in the database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import String

from desktop.domain import limits
from desktop.domain.address import Address, address_problems
from desktop.domain.child import ChildInput, normalise_child, validate_child
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.people import Sex
from desktop.domain.text import clean_text, thai_marks_problem

TODAY = date(2026, 11, 24)
NID = make_national_id("110370207100")

TONE1, TONE2, TONE3 = "\u0e48", "\u0e49", "\u0e4a"  # ่ ้ ๊
SARA_I, SARA_U = "\u0e34", "\u0e38"  # ิ ุ


@pytest.mark.parametrize(("typed", "meant"), [
    ("\u0e40\u0e40ดง", "แดง"),  # two sara e for sara ae
    ("ก" + TONE1 + TONE1 + "อง", "ก่อง"),  # doubled tone mark
    ("ก" + TONE1 * 3 + "อง", "ก่อง"),
    ("ส" + SARA_I + SARA_I + "ทธิ์", "สิทธิ์"),  # doubled vowel
    ("ฤทธิ" + "\u0e4c\u0e4c", "ฤทธิ์"),  # doubled silencer
    ("น\u0e4d\u0e32", "นำ"),  # nikhahit + sara aa
    ("น\u0e4d" + TONE2 + "\u0e32", "น้ำ"),
    ("ก" + TONE1 + SARA_I + "ง", "กิ่ง"),  # tone typed before the upper vowel
    ("ท" + TONE1 + SARA_U + "ง", "ทุ่ง"),  # ... before the lower vowel
    ("น\u0e33" + TONE2, "น้ำ"),  # tone typed after sara am
    ("ก" + TONE1 + SARA_I + TONE1 + "ง", "กิ่ง"),
    ("สมชาย", "สมชาย"),
    ("น้ำทิพย์ ศรีสุข", "น้ำทิพย์ ศรีสุข"),
    ("พันธุ์", "พันธุ์"),
])
def test_what_has_one_meaning_is_normalised(typed: str, meant: str) -> None:
    assert clean_text(typed) == meant
    assert thai_marks_problem(meant, "ชื่อ") is None


@pytest.mark.parametrize("typed", [
    TONE1 + "กอง",  # a mark with nothing under it
    "ก " + TONE1 + "อง",  # after a space
    "เ" + TONE1 + "กอง",  # after a leading vowel
    "กา" + SARA_I,  # after sara aa
    "ก" + TONE1 + TONE2 + "อง",  # two different tone marks on one consonant
    "ก" + TONE3 + TONE1,
    "ก" + SARA_I + "\u0e35",  # two different upper vowels
    "Ann" + TONE1,
])
def test_what_has_no_meaning_is_refused_naming_the_field(typed: str) -> None:
    message = thai_marks_problem(clean_text(typed), "นามสกุล")
    assert message is not None and message.startswith("นามสกุล") and "โปรด" in message
    c = ChildInput(prefix="เด็กชาย", first_name="สมชาย", last_name=typed, sex=Sex.MALE,
                   birth_date=date(2020, 1, 1), id_type=IdType.NATIONAL_ID, national_id=NID)
    assert [p.field for p in validate_child(c, today=TODAY)] == ["last_name"]


def test_a_mark_problem_shows_the_mark_and_its_place_not_the_name() -> None:
    message = thai_marks_problem("ก" + TONE1 + TONE2 + "อง", "ชื่อ")
    assert message is not None
    assert "ก่้อง" not in message and "ตัวที่ 3" in message and "\u25cc" + TONE2 in message


def test_every_thai_text_field_of_the_child_is_checked() -> None:
    bad = "ก" + TONE1 + TONE2
    base = ChildInput(prefix="เด็กชาย", first_name="สมชาย", last_name="ใจดี", sex=Sex.MALE,
                      birth_date=date(2020, 1, 1), id_type=IdType.NONE, no_id_reason="รอแจ้งเกิด")
    assert validate_child(base, today=TODAY) == []
    for name in ("no_id_reason", "nationality", "disability"):
        c = ChildInput(**{**base.__dict__, name: bad})
        assert [p.field for p in validate_child(c, today=TODAY)] == [name], name
    for name in ("village_name", "road", "subdistrict"):
        c = ChildInput(**{**base.__dict__, "address": Address(**{name: bad})})
        assert [p.field for p in validate_child(c, today=TODAY)] == [f"address.{name}"], name


def test_normalise_child_writes_the_one_meaning() -> None:
    c = ChildInput(first_name="\u0e40\u0e40ดง", last_name="ก" + TONE1 + TONE1 + "อง",
                   address=Address(road="มิตรภาพ", village_name="บ้าน\u0e40\u0e40ดง"))
    n = normalise_child(c)
    assert (n.first_name, n.last_name, n.address.village_name) == ("แดง", "ก่อง", "บ้านแดง")


# ----------------------------------------------------------------- length limits
def _model_length(model: type, name: str) -> int:
    column_type = model.__table__.c[name].type  # type: ignore[attr-defined]
    assert isinstance(column_type, String) and column_type.length
    return int(column_type.length)


def test_limits_are_the_columns_lengths_in_the_database() -> None:
    from desktop.store.models import Child, ChildGuardian, Enrollment, Guardian, Household

    for name, n in limits.CHILD.items():
        assert _model_length(Child, name) == n, name
    for name, n in limits.ADDRESS.items():
        assert _model_length(Household, name) == n, name
    for name, n in limits.GUARDIAN.items():
        model = ChildGuardian if name == "relation" else Guardian
        assert _model_length(model, name) == n, name
    for name, n in limits.ENROLLMENT.items():
        assert _model_length(Enrollment, name) == n, name


def test_a_name_longer_than_its_column_is_refused_with_the_limit() -> None:
    c = ChildInput(prefix="เด็กชาย", first_name="ก" * 300, last_name="ใจดี", sex=Sex.MALE,
                   birth_date=date(2020, 1, 1), id_type=IdType.NATIONAL_ID, national_id=NID,
                   first_name_en="A" * 101, disability="ข" * 201,
                   address=Address(house_no="1" * 41, village_no="12345678901", road="ถ" * 101))
    problems = {p.field: p.message for p in validate_child(c, today=TODAY)}
    assert set(problems) == {"first_name", "first_name_en", "disability", "address.house_no",
                             "address.village_no", "address.road"}
    assert "300" in problems["first_name"] and "100" in problems["first_name"]
    assert problems["first_name"].startswith("ชื่อ")
    assert problems["address.house_no"].startswith("บ้านเลขที่")
    exact = ChildInput(**{**c.__dict__, "first_name": "ก" * 100, "first_name_en": "A" * 100,
                          "disability": "ข" * 200, "address": Address(house_no="1" * 40)})
    assert validate_child(exact, today=TODAY) == []


def test_address_problems_check_lengths_for_every_address_form() -> None:
    problems = address_problems(Address(village_name="บ" * 101), required=False)
    assert [p.field for p in problems] == ["address.village_name"]


def test_guardian_and_classroom_lengths_in_the_services_rules() -> None:
    from desktop.services.children import GuardianForm, guardian_problems

    g = GuardianForm(first_name="ม" * 101, last_name="ท" + TONE1 + TONE2, relation="แม่",
                     occupation="อ" * 101)
    fields = [p.field for p in guardian_problems(0, g)]
    assert fields == ["guardians[0].first_name", "guardians[0].last_name", "guardians[0].occupation"]
