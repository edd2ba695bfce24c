"""Dates: Buddhist Era display, tolerant parsing, ages, academic years.

Dates are stored as :class:`datetime.date` (CE) and shown in the Buddhist Era
(BE = CE + 543).

Age rule (:func:`age_on`): a month (or year) is completed on the day whose number
equals the birth day, or on the last day of the month when that month is shorter
(Civil and Commercial Code s. 193/5). So a child born 31 Jan is 1 month old on
28 Feb (29 Feb in a leap year), and a child born 29 Feb has a birthday on 28 Feb in
common years.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Literal

from .text import clean_text, to_ascii_digits

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_ENGLISH_MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

BE_OFFSET = 543
# In era "auto" a 4-digit year at or above this is BE, at or below _CE_MAX is CE.
_BE_MIN = 2400
_CE_MAX = 2200
_CE_MIN = 1800

ACADEMIC_YEAR_START = (5, 16)  # 16 May
TERM_1_END = (10, 31)  # 31 Oct

Era = Literal["auto", "be", "ce"]


def to_be_year(ce: int) -> int:
    return ce + BE_OFFSET


def to_ce_year(be: int) -> int:
    return be - BE_OFFSET


# --------------------------------------------------------------------------- display


def format_be(d: date | None) -> str:
    """``date(2019, 8, 15)`` → ``"15 ส.ค. 2562"``; ``None`` → ``""``."""
    if d is None:
        return ""
    return f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {to_be_year(d.year)}"


def format_be_numeric(d: date | None) -> str:
    """``date(2019, 8, 15)`` → ``"15/08/2562"``; ``None`` → ``""``."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{to_be_year(d.year)}"


def format_be_long(d: date | None) -> str:
    """``date(2019, 8, 15)`` → ``"15 สิงหาคม 2562"``; ``None`` → ``""``."""
    if d is None:
        return ""
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {to_be_year(d.year)}"


def format_be_datetime(dt: datetime | None) -> str:
    """``datetime(2019, 8, 15, 14, 5)`` → ``"15 ส.ค. 2562 14:05 น."``; ``None`` → ``""``."""
    if dt is None:
        return ""
    return f"{format_be(dt)} {dt.hour:02d}:{dt.minute:02d} น."


def utc_to_local(dt: datetime) -> datetime:
    """A stored timestamp (naive UTC, as every one in the database) as naive local time
    on this computer (ICT, UTC+7, in Thailand)."""
    return dt.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_be_local(dt_utc: datetime | None) -> str:
    """A stored (UTC) timestamp as the clerk's clock shows it: ``24 พ.ย. 2569 14:05 น.``."""
    return "" if dt_utc is None else format_be_datetime(utc_to_local(dt_utc))


# --------------------------------------------------------------------------- parsing

ACCEPTED_FORMS = "วว/ดด/ปปปป เช่น 15/08/2562"


class DateParseError(ValueError):
    """A date that cannot be read; ``str()`` is a Thai message for the user."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        super().__init__(self._message())

    def _message(self) -> str:
        if not self.text.strip():
            return f"ยังไม่ได้กรอกวันที่ โปรดกรอกเป็น {ACCEPTED_FORMS}"
        if self.reason:
            return f'วันที่ "{self.text}" ไม่ถูกต้อง: {self.reason} โปรดกรอกเป็น {ACCEPTED_FORMS}'
        return f'อ่านวันที่ "{self.text}" ไม่ได้ โปรดกรอกเป็น {ACCEPTED_FORMS}'

    def __str__(self) -> str:
        return self._message()


def _month_key(s: str) -> str:
    return re.sub(r"[\s.\-/,]", "", s).casefold()


_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_full, _short, _en) in enumerate(
    zip(THAI_MONTHS, THAI_MONTHS_SHORT, _ENGLISH_MONTHS, strict=True), start=1
):
    _MONTH_LOOKUP[_month_key(_full)] = _i
    _MONTH_LOOKUP[_month_key(_short)] = _i
    _MONTH_LOOKUP[_en] = _i
    _MONTH_LOOKUP[_en[:3]] = _i

_SEP = r"\s*[/\-.]\s*"
_NUMERIC = re.compile(rf"^(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})$")
_YEAR_FIRST = re.compile(
    r"^(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_ERA_MARK = r"(?:(?P<era>พ\s*\.?\s*ศ|ค\s*\.?\s*ศ)\s*\.?\s*)?"
_WORDS = re.compile(rf"^(?P<d>\d{{1,2}})\s*(?P<mon>[^\d]+?)\s*{_ERA_MARK}(?P<y>\d{{4}}|\d{{2}})$")
_LEADING_WORD = re.compile(r"^วันที่\s*")


def _resolve_year(ys: str, era: Era) -> tuple[int | None, str]:
    """The CE year for the year text ``ys``, or ``(None, reason)``."""
    y = int(ys)
    if len(ys) == 2:
        if era == "ce":
            # POSIX %y pivot: 69–99 → 19xx, 00–68 → 20xx.
            return (1900 + y if y >= 69 else 2000 + y), ""
        return to_ce_year(2500 + y), ""
    if era == "be":
        if y < _BE_MIN:
            return None, f"ปี {y} ไม่ใช่ปี พ.ศ. (ปี พ.ศ. ปัจจุบันคือ 25xx)"
        return to_ce_year(y), ""
    if era == "ce":
        if y > _CE_MAX:
            return None, f"ปี {y} ดูเป็นปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ."
        if y < _CE_MIN:
            return None, f"ไม่มีปี ค.ศ. {y} ในทะเบียน"
        return y, ""
    if y >= _BE_MIN:
        return to_ce_year(y), ""
    if y <= _CE_MAX:
        if y < _CE_MIN:
            return None, f"ปี {y} ไม่ใช่ปี พ.ศ. หรือ ค.ศ. ที่ใช้ได้"
        return y, ""
    return None, f"ปี {y} ไม่ชัดเจนว่าเป็น พ.ศ. หรือ ค.ศ."


def _build(text: str, day: int, month: int, year_ce: int) -> date:
    if not 1 <= month <= 12:
        raise DateParseError(text, f"ไม่มีเดือนที่ {month} (เดือนต้องเป็น 1 ถึง 12)")
    last = calendar.monthrange(year_ce, month)[1]
    if not 1 <= day <= last:
        raise DateParseError(
            text,
            f"เดือน{THAI_MONTHS[month - 1]} {to_be_year(year_ce)} ไม่มีวันที่ {day} (มี {last} วัน)",
        )
    return date(year_ce, month, day)


def parse_date(text: str, *, era: Era = "auto") -> date:
    """Read a date typed by a person or found in an imported file.

    Accepted: ``15/08/2562``, ``15-08-2562``, ``15.08.2562``, ``15/8/62``,
    ``15 ส.ค. 2562``, ``15 สิงหาคม 2562``, ``15 ส.ค. 62``, ``15 สิงหาคม พ.ศ. 2562``,
    ``2019-08-15``, ``2562-08-15`` (an ISO time part is ignored), Thai digits, and
    English month names (``15 Aug 2019``).

    Years: two digits are BE 25xx (era "auto"/"be") or CE with the POSIX pivot
    (era "ce"). In "auto" a 4-digit year ≥ 2400 is BE and ≤ 2200 is CE. A written
    "พ.ศ." / "ค.ศ." in the text wins over ``era``.

    Raises :class:`DateParseError` with a Thai message.
    """
    original = clean_text(text)
    t = _LEADING_WORD.sub("", to_ascii_digits(original))
    if not t:
        raise DateParseError(original)

    m = _YEAR_FIRST.match(t)
    if m is None:
        m = _NUMERIC.match(t)
    if m is not None:
        day, month = int(m["d"]), int(m["m"])
        year_text = m["y"]
        used_era: Era = era
    else:
        w = _WORDS.match(t)
        if w is None:
            raise DateParseError(original)
        month_no = _MONTH_LOOKUP.get(_month_key(w["mon"]))
        if month_no is None:
            raise DateParseError(original, f'ไม่รู้จักเดือน "{w["mon"].strip()}"')
        day, month = int(w["d"]), month_no
        year_text = w["y"]
        mark = w["era"]
        used_era = era if mark is None else ("be" if mark.startswith("พ") else "ce")

    year_ce, reason = _resolve_year(year_text, used_era)
    if year_ce is None:
        raise DateParseError(original, reason)
    return _build(original, day, month, year_ce)


def parse_date_or_none(text: str | None, *, era: Era = "auto") -> date | None:
    """``None`` for empty or whitespace-only text, else :func:`parse_date`."""
    if text is None or not clean_text(text):
        return None
    return parse_date(text, era=era)


# --------------------------------------------------------------------------- ages


def _anniversary_day(birth_day: int, year: int, month: int) -> int:
    """The day of ``month`` on which a month of age completes for someone born on ``birth_day``."""
    return min(birth_day, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=1 << 14)  # pure; a register or an import asks for the same dates again and again
def age_on(birth: date, on: date) -> tuple[int, int]:
    """Completed (years, months) of age on ``on``.

    A month completes on the birth day's number, or on the last day of a shorter
    month (born 31 Jan → 1 month on 28 Feb; born 29 Feb → 1 year on 28 Feb of a
    common year). Raises ValueError if ``on`` is before ``birth``.
    """
    if on < birth:
        raise ValueError(f"วันเกิด {format_be(birth)} อยู่หลังวันที่ {format_be(on)} จึงคำนวณอายุไม่ได้")
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if on.day < _anniversary_day(birth.day, on.year, on.month):
        months -= 1
    years, rest = divmod(months, 12)
    return years, rest


def format_age(years: int, months: int) -> str:
    """``(4, 3)`` → ``"4 ปี 3 เดือน"``; ``(0, 8)`` → ``"8 เดือน"``; ``(4, 0)`` → ``"4 ปี"``."""
    if years < 0 or months < 0:
        raise ValueError(f"อายุติดลบไม่ได้: {years} ปี {months} เดือน")
    if years == 0:
        return f"{months} เดือน"
    if months == 0:
        return f"{years} ปี"
    return f"{years} ปี {months} เดือน"


# --------------------------------------------------------------------------- academic year


def academic_year_of(d: date) -> int:
    """Thai academic year (BE) of ``d``; the year starts on 16 May."""
    if (d.month, d.day) >= ACADEMIC_YEAR_START:
        return to_be_year(d.year)
    return to_be_year(d.year) - 1


def academic_year_start(academic_year_be: int) -> date:
    """16 May of the academic year (BE)."""
    return date(to_ce_year(academic_year_be), *ACADEMIC_YEAR_START)


def term_of(d: date) -> int:
    """1 for 16 May–31 Oct, 2 otherwise (1 Nov – 15 May)."""
    return 1 if ACADEMIC_YEAR_START <= (d.month, d.day) <= TERM_1_END else 2
