"""The office code's form: the DLA's 7 digits, Thai digits and separators accepted."""

from __future__ import annotations

import pytest

from desktop.domain.office import normalise_office_code, office_code_problem


@pytest.mark.parametrize(("typed", "code"), [
    ("6300101", "6300101"),
    ("๖๓๐๐๑๐๑", "6300101"),
    (" 63-001 01 ", "6300101"),
    ("", ""),
    (None, ""),
])
def test_normalise(typed: str | None, code: str) -> None:
    assert normalise_office_code(typed) == code


def test_seven_digits_pass() -> None:
    assert office_code_problem("6300101") is None
    assert office_code_problem(normalise_office_code("๑๒๓๔๕๖๗")) is None


@pytest.mark.parametrize(("code", "words"), [
    ("", "โปรดกรอกรหัส"),
    ("630010", "7 หลัก"),
    ("63001011", "7 หลัก"),
    ("1", "กรอกมา 1 หลัก"),
    ("63A0101", "ตัวเลข"),
    ("๖๓๐๐๑๐๑", "ตัวเลข"),  # not normalised first: the caller's job
    ("²³⁴⁵⁶⁷⁸", "ตัวเลข"),  # str.isdigit() takes superscripts: not a code
    ("'; DROP", "ตัวเลข"),
])
def test_bad_codes_are_named(code: str, words: str) -> None:
    problem = office_code_problem(code)
    assert problem is not None and words in problem
