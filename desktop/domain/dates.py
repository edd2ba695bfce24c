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
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from desktop.i18n import _, language

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

# English display: the year stays Buddhist Era (a clerk's records and papers are BE);
# the long form says so ("15 August 2562 BE"), the short form is for lists whose column
# header says "(BE)".
ENGLISH_MONTHS_SHORT: tuple[str, ...] = tuple(m[:3].title() for m in _ENGLISH_MONTHS)
ENGLISH_MONTHS: tuple[str, ...] = tuple(m.title() for m in _ENGLISH_MONTHS)

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


def _lang(lang: str | None) -> str:
    return lang or language()


def format_be(d: date | None, lang: str | None = None) -> str:
    """``date(2019, 8, 15)`` → ``"15 ส.ค. 2562"`` (English: ``"15 Aug 2562"``);
    ``None`` → ``""``. ``lang`` None: the language in force (desktop.i18n)."""
    if d is None:
        return ""
    months = ENGLISH_MONTHS_SHORT if _lang(lang) == "en" else THAI_MONTHS_SHORT
    return f"{d.day} {months[d.month - 1]} {to_be_year(d.year)}"


def format_be_numeric(d: date | None) -> str:
    """``date(2019, 8, 15)`` → ``"15/08/2562"``; ``None`` → ``""``."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{to_be_year(d.year)}"


def format_be_long(d: date | None, lang: str | None = None) -> str:
    """``date(2019, 8, 15)`` → ``"15 สิงหาคม 2562"`` (English: ``"15 August 2562 BE"``);
    ``None`` → ``""``."""
    if d is None:
        return ""
    if _lang(lang) == "en":
        return f"{d.day} {ENGLISH_MONTHS[d.month - 1]} {to_be_year(d.year)} BE"
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {to_be_year(d.year)}"


def format_be_month(year: int, month: int, lang: str | None = None) -> str:
    """``(2026, 11)`` → ``"พฤศจิกายน 2569"`` (English: ``"November 2569 BE"``)."""
    if _lang(lang) == "en":
        return f"{ENGLISH_MONTHS[month - 1]} {to_be_year(year)} BE"
    return f"{THAI_MONTHS[month - 1]} {to_be_year(year)}"


def format_be_datetime(dt: datetime | None, lang: str | None = None) -> str:
    """``datetime(2019, 8, 15, 14, 5)`` → ``"15 ส.ค. 2562 14:05 น."`` (English:
    ``"15 Aug 2562 14:05"``); ``None`` → ``""``."""
    if dt is None:
        return ""
    if _lang(lang) == "en":
        return f"{format_be(dt, 'en')} {dt.hour:02d}:{dt.minute:02d}"
    return f"{format_be(dt, 'th')} {dt.hour:02d}:{dt.minute:02d} น."


def utc_to_local(dt: datetime) -> datetime:
    """A stored timestamp (naive UTC, as every one in the database) as naive local time
    on this computer (ICT, UTC+7, in Thailand)."""
    return dt.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_be_local(dt_utc: datetime | None, lang: str | None = None) -> str:
    """A stored (UTC) timestamp as the clerk's clock shows it: ``24 พ.ย. 2569 14:05 น.``."""
    return "" if dt_utc is None else format_be_datetime(utc_to_local(dt_utc), lang)


# --------------------------------------------------------------------------- parsing

ACCEPTED_FORMS = "วว/ดด/ปปปป เช่น 15/08/2562"  # Thai source; accepted_forms() says it per language


def accepted_forms() -> str:
    return _("วว/ดด/ปปปป เช่น 15/08/2562")


class DateParseError(ValueError):
    """A date that cannot be read; ``str()`` is a Thai message for the user."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        super().__init__(self._message())

    def _message(self) -> str:
        forms = accepted_forms()
        if not self.text.strip():
            return _("ยังไม่ได้กรอกวันที่ โปรดกรอกเป็น {forms}").format(forms=forms)
        if self.reason:
            return _('วันที่ "{text}" ไม่ถูกต้อง: {reason} โปรดกรอกเป็น {forms}').format(
                text=self.text, reason=self.reason, forms=forms)
        return _('อ่านวันที่ "{text}" ไม่ได้ โปรดกรอกเป็น {forms}').format(text=self.text, forms=forms)

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
            return None, _("ปี {year} ไม่ใช่ปี พ.ศ. (ปี พ.ศ. ปัจจุบันคือ 25xx)").format(year=y)
        return to_ce_year(y), ""
    if era == "ce":
        if y > _CE_MAX:
            return None, _("ปี {year} ดูเป็นปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ.").format(year=y)
        if y < _CE_MIN:
            return None, _("ไม่มีปี ค.ศ. {year} ในทะเบียน").format(year=y)
        return y, ""
    if y >= _BE_MIN:
        return to_ce_year(y), ""
    if y <= _CE_MAX:
        if y < _CE_MIN:
            return None, _("ปี {year} ไม่ใช่ปี พ.ศ. หรือ ค.ศ. ที่ใช้ได้").format(year=y)
        return y, ""
    return None, _("ปี {year} ไม่ชัดเจนว่าเป็น พ.ศ. หรือ ค.ศ.").format(year=y)


def _build(text: str, day: int, month: int, year_ce: int) -> date:
    if not 1 <= month <= 12:
        raise DateParseError(text, _("ไม่มีเดือนที่ {month} (เดือนต้องเป็น 1 ถึง 12)").format(month=month))
    last = calendar.monthrange(year_ce, month)[1]
    if not 1 <= day <= last:
        raise DateParseError(
            text,
            _("เดือน{month} {year} ไม่มีวันที่ {day} (มี {last} วัน)").format(
                month=(ENGLISH_MONTHS if language() == "en" else THAI_MONTHS)[month - 1],
                year=to_be_year(year_ce), day=day, last=last),
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
    if len(t) == 5 and t.isdigit():  # 40656: a date column of Excel saved as CSV with the number format
        serial = date(1899, 12, 30) + timedelta(days=int(t))
        raise DateParseError(original, _(
            "ตัวเลขนี้น่าจะเป็นวันที่ของ Excel ในรูปตัวเลข ({day}) เพราะคอลัมน์ถูกจัดรูปแบบเป็นตัวเลข "
            "โปรดจัดรูปแบบคอลัมน์เป็นวันที่ในไฟล์ต้นฉบับแล้วบันทึกใหม่ หรือส่งเป็นไฟล์ .xlsx").format(day=format_be_numeric(serial)))

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
            raise DateParseError(original, _('ไม่รู้จักเดือน "{month}"').format(month=w["mon"].strip()))
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
        raise ValueError(_("วันเกิด {birth} อยู่หลังวันที่ {on} จึงคำนวณอายุไม่ได้").format(
            birth=format_be(birth), on=format_be(on)))
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if on.day < _anniversary_day(birth.day, on.year, on.month):
        months -= 1
    years, rest = divmod(months, 12)
    return years, rest


def _english_age(years: int, months: int) -> str:
    def unit(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    if years == 0:
        return unit(months, "month")
    if months == 0:
        return unit(years, "year")
    return f"{unit(years, 'year')} {unit(months, 'month')}"


def format_age(years: int, months: int, lang: str | None = None) -> str:
    """``(4, 3)`` → ``"4 ปี 3 เดือน"``; ``(0, 8)`` → ``"8 เดือน"``; ``(4, 0)`` → ``"4 ปี"``.
    English: ``"4 years 3 months"``, ``"8 months"``, ``"1 year"``."""
    if years < 0 or months < 0:
        raise ValueError(f"negative age: {years}, {months}")
    if _lang(lang) == "en":
        return _english_age(years, months)
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
