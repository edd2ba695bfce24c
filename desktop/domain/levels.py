"""Class levels of child development centres and schools."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.i18n import N_, _, language

from .dates import academic_year_of, academic_year_start, age_on, format_be
from .text import clean_text, to_ascii_digits


class InstitutionKind(StrEnum):
    SCHOOL = "school"
    CDC = "cdc"


# Thai source; on screen through kind_label() (the language in force).
INSTITUTION_KIND_LABELS: dict[InstitutionKind, str] = {
    InstitutionKind.SCHOOL: N_("โรงเรียน"),
    InstitutionKind.CDC: N_("ศูนย์พัฒนาเด็กเล็ก"),
}


def kind_label(kind: InstitutionKind) -> str:
    return _(INSTITUTION_KIND_LABELS[kind])

# How far (in completed years, on 16 May) a child may be from the typical age of a
# level before a warning is shown.
AGE_TOLERANCE_YEARS = 2


@dataclass(frozen=True)
class Level:
    """``label`` is the Thai name (documents, exports, what imports read); ``display_label``
    is the name in the language in force, for screens. ``code`` is what the database keeps."""

    code: str
    label: str
    kind: InstitutionKind
    typical_age: int
    label_en: str = ""

    @property
    def display_label(self) -> str:
        return self.label_en if language() == "en" and self.label_en else self.label


def _make_levels() -> tuple[Level, ...]:
    levels: list[Level] = [
        Level(f"cdc{age}", f"เด็กเล็ก {age} ขวบ", InstitutionKind.CDC, age, f"Nursery age {age}")
        for age in (2, 3, 4)
    ]
    # English as Thai schools write it: K1-K3 (kindergarten), P1-P6 (Prathom), M1-M6 (Mathayom)
    levels += [Level(f"k{n}", f"อ.{n}", InstitutionKind.SCHOOL, 2 + n, f"K{n}") for n in range(1, 4)]
    levels += [Level(f"p{n}", f"ป.{n}", InstitutionKind.SCHOOL, 5 + n, f"P{n}") for n in range(1, 7)]
    levels += [Level(f"m{n}", f"ม.{n}", InstitutionKind.SCHOOL, 11 + n, f"M{n}") for n in range(1, 7)]
    return tuple(levels)


LEVELS: tuple[Level, ...] = _make_levels()
_BY_CODE: dict[str, Level] = {lv.code: lv for lv in LEVELS}
_BY_ENGLISH: dict[str, Level] = {re.sub(r"[\s.]", "", lv.label_en).lower(): lv for lv in LEVELS}


def level_by_code(code: str) -> Level:
    """The level with this code (``"p1"``); KeyError if unknown."""
    try:
        return _BY_CODE[code.strip().lower()]
    except KeyError:
        raise KeyError(_("ไม่รู้จักรหัสชั้นเรียน {code}").format(code=repr(code))) from None


def levels_for(kind: InstitutionKind) -> tuple[Level, ...]:
    return tuple(lv for lv in LEVELS if lv.kind is kind)


_STAGE_CODES: dict[str, str] = {
    "อ": "k",
    "อนุบาล": "k",
    "ป": "p",
    "ประถม": "p",
    "ประถมศึกษา": "p",
    "ม": "m",
    "มัธยม": "m",
    "มัธยมศึกษา": "m",
}
_STAGE_LABEL = re.compile(r"^(?:ชั้น)?(?P<stage>[^\d]+?)(?:ปีที่)?(?P<n>\d{1,2})$")
_CDC_LABEL = re.compile(r"^(?:เด็กเล็ก|ศพด)(?:อายุ)?(?P<n>\d)(?:ขวบ|ปี)?$|^(?P<m>\d)ขวบ$")


def level_from_label(text: str) -> Level | None:
    """The level a person wrote: "ป.1", "ป1", "ประถมศึกษาปีที่ 1", "อนุบาล 1", "อ.1",
    "ม.1", "มัธยมศึกษาปีที่ 1", "เด็กเล็ก 2 ขวบ", a code ("p1"), Thai digits.
    ``None`` if not recognised."""
    key = re.sub(r"[\s.]", "", to_ascii_digits(clean_text(text))).lower()
    if not key:
        return None
    if key in _BY_CODE:
        return _BY_CODE[key]
    if key in _BY_ENGLISH:
        return _BY_ENGLISH[key]
    cdc = _CDC_LABEL.match(key)
    if cdc is not None:
        return _BY_CODE.get(f"cdc{cdc['n'] or cdc['m']}")
    m = _STAGE_LABEL.match(key)
    if m is None:
        return None
    stage = _STAGE_CODES.get(m["stage"])
    if stage is None:
        return None
    return _BY_CODE.get(f"{stage}{int(m['n'])}")


def level_age_problem(level: Level, birth: date, on: date) -> str | None:
    """A Thai warning when the age on 16 May of ``on``'s academic year is more than
    two years from the level's typical age; ``None`` otherwise. Callers decide
    whether to block or only warn."""
    ref = academic_year_start(academic_year_of(on))
    years = age_on(birth, ref)[0] if birth <= ref else 0
    if abs(years - level.typical_age) <= AGE_TOLERANCE_YEARS:
        return None
    return _(
        "เด็กอายุ {years} ปี (ณ {on}) ต่างจากอายุปกติของชั้น {level} "
        "(ประมาณ {typical} ปี) มาก โปรดตรวจสอบวันเกิดหรือชั้นเรียนอีกครั้ง"
    ).format(years=years, on=format_be(ref), level=level.display_label, typical=level.typical_age)
