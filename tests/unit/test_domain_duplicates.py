"""Possible duplicate people (desktop.domain.duplicates)."""

from __future__ import annotations

from datetime import date

from desktop.domain.duplicates import (
    SIMILARITY_THRESHOLD,
    DuplicateMatch,
    MatchKind,
    PersonKey,
    duplicate_message,
    find_duplicates,
)

BIRTH = date(2019, 8, 15)
CANDIDATE = PersonKey("new", "สมหญิง", "ใจดี", BIRTH, national_id="1234567890121")


def test_skips_itself() -> None:
    assert find_duplicates(CANDIDATE, [CANDIDATE]) == []


def test_same_national_id_even_with_other_name_and_formatting() -> None:
    other = PersonKey("a", "มานี", "มีนา", date(2018, 1, 1), national_id="1-2345-67890-12-1")
    matches = find_duplicates(CANDIDATE, [other])
    assert matches == [DuplicateMatch(MatchKind.SAME_NATIONAL_ID, other, 1.0)]


def test_empty_ids_never_match() -> None:
    a = PersonKey("a", "สมชาย", "ใจดี", None)
    b = PersonKey("b", "มานี", "มีนา", None)
    assert find_duplicates(a, [b]) == []


def test_same_g_code() -> None:
    cand = PersonKey("new", "อ่อง", "ซอ", BIRTH, g_code="G123456789012")
    other = PersonKey("x", "ออง", "ซอ", None, g_code="g 1234 5678 9012")
    matches = find_duplicates(cand, [other])
    assert [m.kind for m in matches] == [MatchKind.SAME_G_CODE]
    assert matches[0].score == 1.0


def test_similar_name_same_birth() -> None:
    close = PersonKey("b", "สมหญิง", "ใจดีย์", BIRTH)
    other_day = PersonKey("c", "สมหญิง", "ใจดี", date(2019, 8, 16))
    different = PersonKey("d", "มานี", "มีนา", BIRTH)
    matches = find_duplicates(CANDIDATE, [close, other_day, different])
    assert [m.other.ref for m in matches] == ["b"]
    assert matches[0].kind is MatchKind.SIMILAR_NAME_BIRTH
    assert SIMILARITY_THRESHOLD <= matches[0].score < 1.0


def test_tone_mark_typo_is_exact_name_match() -> None:
    typo = PersonKey("b", "สมหญิง", "ใจดี่", BIRTH)
    matches = find_duplicates(CANDIDATE, [typo])
    assert matches[0].score == 1.0


def test_no_birth_date_no_name_match() -> None:
    cand = PersonKey("new", "สมหญิง", "ใจดี", None)
    assert find_duplicates(cand, [PersonKey("b", "สมหญิง", "ใจดี", None)]) == []


def test_sorted_best_first_one_match_per_record() -> None:
    by_name = PersonKey("b", "สมหญิง", "ใจดีย์", BIRTH)
    by_id = PersonKey("a", "สมหญิง", "ใจดี", BIRTH, national_id="1234567890121")
    exact_name = PersonKey("c", "สมหญิง", "ใจดี", BIRTH)
    matches = find_duplicates(CANDIDATE, iter([by_name, exact_name, by_id]))
    assert [m.other.ref for m in matches] == ["a", "c", "b"]
    assert matches[0].kind is MatchKind.SAME_NATIONAL_ID
    assert matches[1].kind is MatchKind.SIMILAR_NAME_BIRTH and matches[1].score == 1.0


def test_messages() -> None:
    similar = DuplicateMatch(
        MatchKind.SIMILAR_NAME_BIRTH, PersonKey("b", "สมหญิง", "ใจดีย์", BIRTH), 0.9
    )
    message = duplicate_message(similar)
    assert message.startswith("อาจซ้ำกับ สมหญิง ใจดีย์ เกิด 15 ส.ค. 2562")
    assert "ชื่อคล้ายกัน วันเกิดเดียวกัน" in message and "ตรวจสอบ" in message

    same_id = DuplicateMatch(
        MatchKind.SAME_NATIONAL_ID,
        PersonKey("a", "มานี", "มีนา", None, national_id="1234567890121"),
        1.0,
    )
    message = duplicate_message(same_id)
    assert "1-2345-67890-12-1" in message and "เกิด" not in message

    same_g = DuplicateMatch(
        MatchKind.SAME_G_CODE, PersonKey("x", "อ่อง", "ซอ", BIRTH, g_code="g123456789012"), 1.0
    )
    assert "รหัส G เดียวกัน G123456789012" in duplicate_message(same_g)


def test_twins_are_not_flagged() -> None:
    # same birth date and surname, different given names: below the threshold
    twin = PersonKey("t", "สมศรี", "ใจดี", BIRTH)
    other_surname = PersonKey("u", "สมหญิง", "ใจงาม", BIRTH)
    assert find_duplicates(CANDIDATE, [twin, other_surname]) == []
