"""Dates, BE display, parsing, ages and academic years (desktop.domain.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.dates import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    DateParseError,
    academic_year_of,
    age_on,
    format_age,
    format_be,
    format_be_datetime,
    format_be_long,
    format_be_numeric,
    parse_date,
    parse_date_or_none,
    term_of,
    to_be_year,
    to_ce_year,
)

AUG_15_2019 = date(2019, 8, 15)


def test_month_names() -> None:
    assert len(THAI_MONTHS) == 12 and len(THAI_MONTHS_SHORT) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert THAI_MONTHS_SHORT[7] == "ส.ค." and THAI_MONTHS_SHORT[3] == "เม.ย."


def test_year_conversion() -> None:
    assert BE_OFFSET == 543
    assert to_be_year(2019) == 2562
    assert to_ce_year(2568) == 2025


def test_formatting() -> None:
    assert format_be(AUG_15_2019) == "15 ส.ค. 2562"
    assert format_be(None) == ""
    assert format_be_numeric(date(2019, 8, 5)) == "05/08/2562"
    assert format_be_numeric(None) == ""
    assert format_be_long(AUG_15_2019) == "15 สิงหาคม 2562"
    assert format_be_long(date(2024, 1, 1)) == "1 มกราคม 2567"
    assert format_be_datetime(datetime(2019, 8, 15, 14, 5)) == "15 ส.ค. 2562 14:05 น."
    assert format_be_datetime(datetime(2019, 8, 15, 9, 0)) == "15 ส.ค. 2562 09:00 น."


@pytest.mark.parametrize(
    "text",
    [
        "15/08/2562",
        "15-08-2562",
        "15.08.2562",
        "15/8/62",
        "15/8/2562",
        "15 ส.ค. 2562",
        "15 ส.ค.2562",
        "15 สค 2562",
        "15 สิงหาคม 2562",
        "15 ส.ค. 62",
        "15 สิงหาคม พ.ศ. 2562",
        "วันที่ 15 สิงหาคม 2562",
        "2019-08-15",
        "2562-08-15",
        "2019-08-15 00:00:00",
        "๑๕/๐๘/๒๕๖๒",
        "๑๕ ส.ค. ๒๕๖๒",
        "  15 / 08 / 2562 ",
        "15/08/2019",
        "15 Aug 2019",
    ],
)
def test_parse_accepted_forms(text: str) -> None:
    assert parse_date(text) == AUG_15_2019


def test_parse_every_short_month() -> None:
    for month, short in enumerate(THAI_MONTHS_SHORT, start=1):
        assert parse_date(f"1 {short} 2567") == date(2024, month, 1)
    for month, full in enumerate(THAI_MONTHS, start=1):
        assert parse_date(f"1 {full} 2567") == date(2024, month, 1)


def test_parse_era() -> None:
    assert parse_date("15/08/62", era="be") == AUG_15_2019
    assert parse_date("15/08/19", era="ce") == AUG_15_2019
    assert parse_date("15/08/85", era="ce") == date(1985, 8, 15)
    assert parse_date("15/08/2019", era="ce") == AUG_15_2019
    assert parse_date("15/08/2562", era="be") == AUG_15_2019
    with pytest.raises(DateParseError):
        parse_date("15/08/2019", era="be")
    with pytest.raises(DateParseError):
        parse_date("15/08/2562", era="ce")
    # a written era marker wins
    assert parse_date("15 ส.ค. พ.ศ. 2562", era="ce") == AUG_15_2019


def test_parse_ambiguous_year() -> None:
    with pytest.raises(DateParseError) as err:
        parse_date("15/08/2300")
    assert "2300" in str(err.value)


def test_parse_nonexistent_day_says_so() -> None:
    with pytest.raises(DateParseError) as err:
        parse_date("31/02/2562")
    message = str(err.value)
    assert "31/02/2562" in message
    assert "กุมภาพันธ์" in message and "ไม่มีวันที่ 31" in message
    with pytest.raises(DateParseError, match="ไม่มีวันที่ 29"):
        parse_date("29/02/2562")  # 2019 is not a leap year
    assert parse_date("29/02/2563") == date(2020, 2, 29)
    with pytest.raises(DateParseError, match="ไม่มีวันที่ 31"):
        parse_date("31 เม.ย. 2567")


def test_parse_bad_month() -> None:
    with pytest.raises(DateParseError, match="เดือนที่ 13"):
        parse_date("15/13/2562")
    with pytest.raises(DateParseError, match="ไม่รู้จักเดือน"):
        parse_date("15 ฟฟ 2562")


def test_parse_error_message_shows_text_and_form() -> None:
    with pytest.raises(DateParseError) as err:
        parse_date("พรุ่งนี้")
    message = str(err.value)
    assert "พรุ่งนี้" in message
    assert "วว/ดด/ปปปป" in message and "15/08/2562" in message
    assert isinstance(err.value, ValueError)


def test_parse_empty() -> None:
    with pytest.raises(DateParseError, match="ยังไม่ได้กรอกวันที่"):
        parse_date("   ")
    assert parse_date_or_none("") is None
    assert parse_date_or_none("  \t") is None
    assert parse_date_or_none("15/08/2562") == AUG_15_2019
    with pytest.raises(DateParseError):
        parse_date_or_none("32/01/2562")


def test_age_simple() -> None:
    birth = date(2020, 2, 10)
    assert age_on(birth, birth) == (0, 0)
    assert age_on(birth, date(2020, 3, 9)) == (0, 0)
    assert age_on(birth, date(2020, 3, 10)) == (0, 1)
    assert age_on(birth, date(2024, 5, 9)) == (4, 2)
    assert age_on(birth, date(2024, 5, 10)) == (4, 3)
    assert age_on(birth, date(2025, 2, 9)) == (4, 11)
    assert age_on(birth, date(2025, 2, 10)) == (5, 0)


def test_age_month_end_counts_on_last_day_of_shorter_month() -> None:
    born = date(2023, 1, 31)
    assert age_on(born, date(2023, 2, 27)) == (0, 0)
    assert age_on(born, date(2023, 2, 28)) == (0, 1)
    assert age_on(born, date(2023, 3, 30)) == (0, 1)
    assert age_on(born, date(2023, 3, 31)) == (0, 2)
    assert age_on(born, date(2023, 4, 30)) == (0, 3)
    # leap year: February has a 29th, so the month completes then
    assert age_on(date(2024, 1, 31), date(2024, 2, 28)) == (0, 0)
    assert age_on(date(2024, 1, 31), date(2024, 2, 29)) == (0, 1)


def test_age_leap_day_birthday() -> None:
    born = date(2020, 2, 29)
    assert age_on(born, date(2021, 2, 27)) == (0, 11)
    assert age_on(born, date(2021, 2, 28)) == (1, 0)
    assert age_on(born, date(2023, 3, 1)) == (3, 0)
    assert age_on(born, date(2024, 2, 28)) == (3, 11)
    assert age_on(born, date(2024, 2, 29)) == (4, 0)


def test_age_before_birth_raises() -> None:
    with pytest.raises(ValueError):
        age_on(date(2020, 1, 2), date(2020, 1, 1))


def test_format_age() -> None:
    assert format_age(4, 3) == "4 ปี 3 เดือน"
    assert format_age(0, 8) == "8 เดือน"
    assert format_age(0, 0) == "0 เดือน"
    assert format_age(5, 0) == "5 ปี"
    with pytest.raises(ValueError):
        format_age(-1, 0)


def test_academic_year_and_term() -> None:
    assert academic_year_of(date(2025, 5, 15)) == 2567
    assert academic_year_of(date(2025, 5, 16)) == 2568
    assert academic_year_of(date(2025, 12, 31)) == 2568
    assert academic_year_of(date(2026, 1, 1)) == 2568
    assert academic_year_of(date(2026, 5, 15)) == 2568
    assert term_of(date(2025, 5, 15)) == 2
    assert term_of(date(2025, 5, 16)) == 1
    assert term_of(date(2025, 10, 31)) == 1
    assert term_of(date(2025, 11, 1)) == 2
    assert term_of(date(2026, 3, 1)) == 2


def test_stored_utc_timestamps_show_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from desktop.domain.dates import format_be_local, utc_to_local

    monkeypatch.setenv("TZ", "Asia/Bangkok")
    time.tzset()
    try:
        stored = datetime(2026, 11, 24, 20, 30)  # 20:30 UTC is 03:30 the next day in Bangkok
        assert utc_to_local(stored) == datetime(2026, 11, 25, 3, 30)
        assert format_be_local(stored) == "25 พ.ย. 2569 03:30 น."
        assert format_be_local(None) == ""
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
