"""Spreadsheet header recognition (the columns shared by import and export)."""

from __future__ import annotations

from desktop.domain.columns import (
    CHILD_COLUMNS,
    EXPORT_COLUMNS,
    column_for_header,
    export_headers,
    guess_mapping,
    missing_required,
)


def test_every_exported_header_reads_back_as_its_own_column() -> None:
    assert [column_for_header(h) for h in export_headers()] == [c.key for c in EXPORT_COLUMNS]


def test_no_header_name_points_at_two_columns() -> None:
    seen: dict[str, str] = {}
    for col in CHILD_COLUMNS:
        for name in col.names():
            key = column_for_header(name)
            assert key == col.key, f"{name!r} reads as {key}, not {col.key}"
            seen[name] = col.key


def test_thai_and_english_synonyms_with_noise() -> None:
    headers = ["ลำดับ", "คำนำหน้า", "ชื่อ - สกุล", "เลขประจำตัวประชาชน (13 หลัก)",
               "วัน/เดือน/ปี เกิด", "เพศ", " Date of Birth ", "ต.", "อ.", "จ.", "หมายเหตุ"]
    assert guess_mapping(headers) == {
        1: "prefix", 2: "full_name", 3: "national_id", 4: "birth_date", 5: "sex",
        7: "subdistrict", 8: "district", 9: "province",
    }  # the second birth-date header (index 6) is not mapped twice


def test_required_columns_and_full_name() -> None:
    assert {c.key for c in missing_required([])} == {"first_name", "last_name", "sex", "birth_date"}
    assert [c.key for c in missing_required(["full_name", "sex"])] == ["birth_date"]


def test_unknown_and_blank_headers() -> None:
    assert column_for_header("") is None
    assert column_for_header("คะแนนสอบ") is None
