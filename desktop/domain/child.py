"""Validation of a child record as typed in the form or found in an imported file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date

from desktop.i18n import _

from .address import Address, address_problems
from .dates import accepted_forms, age_on, format_be
from .errors import Problem
from .identity import (
    IdType,
    g_code_problem,
    national_id_problem,
    normalise_g_code,
    normalise_national_id,
)
from .limits import CHILD as CHILD_LIMITS
from .limits import CHILD_LABELS, too_long
from .people import Sex, normalise_prefix, prefix_problem
from .text import clean_text, digits_only, thai_marks_problem, to_ascii_digits

MAX_CHILD_AGE = 25  # completed years on the day of validation

# Thai consonants, vowels and marks (U+0E01–U+0E3A, U+0E40–U+0E4E); not ฿, ๏, digits, ๚ ๛.
_THAI_NAME = re.compile(r"^[\u0e01-\u0e3a\u0e40-\u0e4e ]+$")
_DIGIT = re.compile(r"[0-9\u0e50-\u0e59]")
_ENGLISH_NAME = re.compile(r"^[A-Za-z][A-Za-z '\-]*$")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class ChildInput:
    prefix: str = ""
    first_name: str = ""
    last_name: str = ""
    first_name_en: str = ""
    last_name_en: str = ""
    sex: Sex | None = None
    birth_date: date | None = None
    id_type: IdType = IdType.NATIONAL_ID
    national_id: str = ""
    g_code: str = ""
    no_id_reason: str = ""
    nationality: str = "ไทย"
    disability: str = ""
    address: Address = field(default_factory=Address)


_EMPTY_ADDRESS = Address()
NO_ADDRESS = _EMPTY_ADDRESS  # one shared empty address (frozen): a bulk caller's children


def _normalise_address(a: Address) -> Address:
    if a == _EMPTY_ADDRESS:  # fast path: nothing to clean (Address is frozen: safe to share)
        return a
    changes = {f.name: to_ascii_digits(clean_text(getattr(a, f.name))) for f in fields(a)}
    changes["postcode"] = digits_only(changes["postcode"])
    return replace(a, **changes)


def normalise_child(c: ChildInput) -> ChildInput:
    """A cleaned copy: clean_text on all text, full prefix, ids without separators and
    with ASCII digits, address with ASCII digits."""
    n = _normalised_fields(c)
    if type(c) is not ChildInput:  # a subclass may carry more fields: keep them
        return replace(c, **{f.name: getattr(n, f.name) for f in fields(ChildInput)})
    return n


def _normalised_fields(c: ChildInput) -> ChildInput:
    # One constructor call (not dataclasses.replace, which looks the fields up every time);
    # empty text stays empty without a clean_text call. Same values as before.
    return ChildInput(
        prefix=normalise_prefix(c.prefix),
        first_name=clean_text(c.first_name) if c.first_name else "",
        last_name=clean_text(c.last_name) if c.last_name else "",
        first_name_en=clean_text(c.first_name_en) if c.first_name_en else "",
        last_name_en=clean_text(c.last_name_en) if c.last_name_en else "",
        sex=c.sex,
        birth_date=c.birth_date,
        id_type=c.id_type,
        national_id=normalise_national_id(clean_text(c.national_id)) if c.national_id else "",
        g_code=normalise_g_code(clean_text(c.g_code)) if c.g_code else "",
        no_id_reason=clean_text(c.no_id_reason) if c.no_id_reason else "",
        nationality=clean_text(c.nationality) if c.nationality else "",
        disability=clean_text(c.disability) if c.disability else "",
        address=_normalise_address(c.address),
    )


def _thai_name_problem(value: str, label: str) -> str | None:
    if not value:
        return _("ยังไม่ได้กรอก{label} โปรดกรอก{label}เป็นภาษาไทย").format(label=_(label))
    if _THAI_NAME.match(value):  # fast path: only Thai letters and spaces, so no digit or A-Z
        return None
    if _DIGIT.search(value):
        return _("{label}ต้องไม่มีตัวเลข โปรดตรวจสอบ{label}อีกครั้ง").format(label=_(label))
    if _LATIN.search(value):
        return _("{label}ต้องเป็นภาษาไทย ถ้ามีชื่อภาษาอังกฤษ โปรดกรอกในช่องภาษาอังกฤษ").format(label=_(label))
    if not _THAI_NAME.match(value):
        bad = " ".join(dict.fromkeys(ch for ch in value if not _THAI_NAME.match(ch)))
        return _("{label}มีอักขระที่ใช้ไม่ได้ ({bad}) โปรดกรอกเฉพาะตัวอักษรไทย").format(label=_(label), bad=bad)
    return None


def _text_problem(value: str, name: str) -> str | None:
    """Too long for its column, or Thai marks with no meaning (``value`` cleaned)."""
    if not value:
        return None
    label = CHILD_LABELS[name]
    return too_long(value, CHILD_LIMITS[name], label) or thai_marks_problem(value, label)


def _english_name_problem(value: str, label: str) -> str | None:
    if not value or _ENGLISH_NAME.match(value):
        return None
    return _("{label}ใช้ได้เฉพาะตัวอักษร A–Z ช่องว่าง - และ ' โปรดตรวจสอบอีกครั้ง").format(label=_(label))


def _birth_date_problem(birth: date | None, today: date) -> str | None:
    if birth is None:
        return _("ยังไม่ได้กรอกวันเกิด โปรดกรอกเป็น {forms}").format(forms=accepted_forms())
    if birth > today:
        return _("วันเกิด {birth} อยู่หลังวันนี้ โปรดตรวจสอบวันเกิดและปี พ.ศ. อีกครั้ง").format(birth=format_be(birth))
    years = age_on(birth, today)[0]
    if years > MAX_CHILD_AGE:
        message = _(
            "วันเกิด {birth} ทำให้อายุ {years} ปี เกินอายุสูงสุด "
            "{most} ปีของทะเบียนเด็ก โปรดตรวจสอบวันเกิดและปี พ.ศ. อีกครั้ง"
        ).format(birth=format_be(birth), years=years, most=MAX_CHILD_AGE)
        meant = 2500 + birth.year % 100  # 23/4/54 typed into Excel is 1954: BE 2554 was meant
        if 1900 <= birth.year <= 1999 and 0 <= today.year - (meant - 543) <= MAX_CHILD_AGE:
            message += " " + _("(Excel อ่านปี 2 หลัก {yy} เป็น ค.ศ. {year} ถ้าหมายถึง พ.ศ. {meant} "
                               "โปรดพิมพ์ปี พ.ศ. 4 หลักในไฟล์)").format(
                yy=f"{birth.year % 100:02d}", year=birth.year, meant=meant)
        return message
    return None


class ChildRules:
    """The rules of ``validate_child`` that look at one field value (a name or other text,
    the prefix with the sex and birth date, the birth date). A bulk caller (an import's
    plan) memoises them by value: the same names, prefixes and birth dates repeat down a
    file. The national ID is checked by ``validate_child`` itself (each one differs)."""

    def text(self, name: str, value: str) -> str | None:
        """A text field's problem: a Thai name, an English name, or other text."""
        if name in _THAI_NAMES:
            return _thai_name_problem(value, CHILD_LABELS[name]) or _text_problem(value, name)
        if name in _ENGLISH_NAMES:
            return _english_name_problem(value, CHILD_LABELS[name]) or _text_problem(value, name)
        return _text_problem(value, name)

    def prefix(self, prefix: str, sex: Sex | None, birth: date | None, today: date) -> str | None:
        return prefix_problem(prefix, sex, birth, today)

    def birth(self, birth: date | None, today: date) -> str | None:
        return _birth_date_problem(birth, today)


_THAI_NAMES = frozenset(("first_name", "last_name"))
_ENGLISH_NAMES = frozenset(("first_name_en", "last_name_en"))
RULES = ChildRules()


def validate_child(c: ChildInput, *, today: date, normalised: bool = False,
                   rules: ChildRules = RULES) -> list[Problem]:
    """Every problem of ``c`` (normalised first), in form order; empty when it can be saved.

    Field names are the ChildInput attribute names, ``"address.<name>"`` for the address.
    ``normalised``: the caller built ``c`` from normalised values (``normalise_child(c) ==
    c``; an import's plan does, tests/unit/test_imports.py checks it), so it is not done again.
    ``rules``: the field rules (``ChildRules``; an import's plan memoises them).
    """
    n = c if normalised else normalise_child(c)
    text = rules.text
    found: list[tuple[str, str | None]] = []
    birth_problem = rules.birth(n.birth_date, today)
    # a birth date that is wrong (in the future, a child of 72) says so once; the prefix is
    # checked against the age only when the birth date is right
    found.append(("prefix", rules.prefix(n.prefix, n.sex, None if birth_problem else n.birth_date, today)))
    found.append(("first_name", text("first_name", n.first_name)))
    found.append(("last_name", text("last_name", n.last_name)))
    found.append(("first_name_en", text("first_name_en", n.first_name_en)))
    found.append(("last_name_en", text("last_name_en", n.last_name_en)))
    if n.sex is None:
        found.append(("sex", _("ยังไม่ได้เลือกเพศ โปรดเลือกชายหรือหญิง")))
    found.append(("birth_date", birth_problem))
    if n.id_type is IdType.NATIONAL_ID:
        found.append(("national_id", national_id_problem(n.national_id)))
    elif n.id_type is IdType.G_CODE:
        found.append(("g_code", g_code_problem(n.g_code)))
    elif not n.no_id_reason:
        found.append(
            (
                "no_id_reason",
                _("ยังไม่ได้ระบุเหตุผลที่ไม่มีเลขประจำตัว โปรดระบุเหตุผล เช่น ยังไม่ได้แจ้งเกิด หรือกำลังขอรหัส G"),
            )
        )
    for name in ("no_id_reason", "nationality", "disability"):
        if name != "no_id_reason" or n.id_type is IdType.NONE:
            found.append((name, text(name, getattr(n, name))))
    problems = [Problem(name, message) for name, message in found if message is not None]
    if n.address is not _EMPTY_ADDRESS:  # the empty address has no problem (not required)
        problems += address_problems(n.address, required=False)
    return problems
