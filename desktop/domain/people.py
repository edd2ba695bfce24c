"""People: sex, name prefixes (คำนำหน้า), full names and name matching."""

from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

from desktop.i18n import N_, _

from .dates import age_on
from .text import clean_text


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


SEX_LABELS: dict[Sex, str] = {Sex.MALE: N_("ชาย"), Sex.FEMALE: N_("หญิง")}  # on screen: _(label)

BOY = "เด็กชาย"
GIRL = "เด็กหญิง"
MR = "นาย"
MISS = "นางสาว"
MRS = "นาง"
PREFIXES: tuple[str, ...] = (BOY, GIRL, MR, MISS, MRS)

# Under this age (completed years) a child is เด็กชาย / เด็กหญิง.
CHILD_PREFIX_AGE = 15

_PREFIX_SEX: dict[str, Sex] = {
    BOY: Sex.MALE,
    MR: Sex.MALE,
    GIRL: Sex.FEMALE,
    MISS: Sex.FEMALE,
    MRS: Sex.FEMALE,
}
_CHILD_PREFIXES = frozenset({BOY, GIRL})

# Keys are written without dots or spaces.
_PREFIX_ALIASES: dict[str, str] = {
    "ดช": BOY,
    "ดญ": GIRL,
    "นส": MISS,
    **{p: p for p in PREFIXES},
}


_PREFIX_KEY_IGNORED = re.compile(r"[\s.]")


def _normalise_prefix(raw: str) -> str:
    cleaned = clean_text(raw)
    key = _PREFIX_KEY_IGNORED.sub("", cleaned)
    return _PREFIX_ALIASES.get(key, cleaned)


# Fast path: the exact spellings that come back unchanged from cleaning (the full prefixes
# and the dotless abbreviations) map straight to their result; so does "".
_PREFIX_EXACT: dict[str, str] = {
    raw: _normalise_prefix(raw) for raw in ("", *_PREFIX_ALIASES) if clean_text(raw) == raw
}


def normalise_prefix(raw: str) -> str:
    """ด.ช./ดช → เด็กชาย, ด.ญ./ดญ → เด็กหญิง, น.ส./นส → นางสาว; unknown text is returned cleaned."""
    hit = _PREFIX_EXACT.get(raw) if type(raw) is str else None
    return hit if hit is not None else _normalise_prefix(raw)


def sex_of_prefix(prefix: str) -> Sex | None:
    """The sex a prefix says (เด็กชาย, ด.ช., นาย → male), ``None`` for an unknown one."""
    return _PREFIX_SEX.get(normalise_prefix(prefix))


@lru_cache(maxsize=1 << 14)  # an import asks for each birth date of its file ~twice a child
def _age_years(birth: date, on: date) -> int:
    """Completed years, 0 when ``on`` is before ``birth``."""
    return age_on(birth, on)[0] if on >= birth else 0


def expected_prefixes(sex: Sex, birth: date, on: date) -> tuple[str, ...]:
    """The prefixes that fit ``sex`` and the age on ``on``."""
    if _age_years(birth, on) < CHILD_PREFIX_AGE:
        return (BOY,) if sex is Sex.MALE else (GIRL,)
    return (MR,) if sex is Sex.MALE else (MISS, MRS)


def _quoted_choices(prefixes: tuple[str, ...]) -> str:
    return _(" หรือ ").join(f"'{p}'" for p in prefixes)


CHILD_PREFIX_GRACE_YEARS = 3


def prefix_problem(prefix: str, sex: Sex | None, birth: date | None, on: date) -> str | None:
    """``None`` when ``prefix`` is known and fits the sex and the age on ``on``.

    Checks what is known: with no sex and no birth date only membership of
    :data:`PREFIXES` is checked. A birth date after ``on`` skips the age check
    (the birth date itself is reported elsewhere).
    """
    p = normalise_prefix(prefix)
    if not p:
        return _("ยังไม่ได้เลือกคำนำหน้า โปรดเลือก เช่น {boy} หรือ {girl}").format(boy=f"'{BOY}'", girl=f"'{GIRL}'")
    if p not in _PREFIX_SEX:
        return _("ไม่รู้จักคำนำหน้า '{prefix}' โปรดเลือก {choices} อย่างใดอย่างหนึ่ง").format(
            prefix=p, choices=" ".join(PREFIXES))
    prefix_sex = _PREFIX_SEX[p]
    age_known = birth is not None and birth <= on
    if sex is not None and sex is not prefix_sex:
        if birth is not None and age_known:
            fits = expected_prefixes(sex, birth, on)
        elif p in _CHILD_PREFIXES:
            fits = (BOY,) if sex is Sex.MALE else (GIRL,)
        else:
            fits = (MR,) if sex is Sex.MALE else (MISS, MRS)
        return _(
            "คำนำหน้า '{prefix}' ไม่ตรงกับเพศ{sex} "
            "โปรดใช้ {choices} หรือแก้ไขเพศให้ถูกต้อง"
        ).format(prefix=p, sex=_(SEX_LABELS[sex]), choices=_quoted_choices(fits))
    if birth is not None and age_known:
        fits = expected_prefixes(prefix_sex, birth, on)
        years = _age_years(birth, on)
        if p in _CHILD_PREFIXES and years < CHILD_PREFIX_AGE + CHILD_PREFIX_GRACE_YEARS:
            # School records are not re-titled on the 15th birthday: a pupil of 15-17 still
            # written เด็กชาย/เด็กหญิง is normal, and refusing every other edit until the
            # clerk re-titles the child would be hostile. Under 15, adult titles are wrong.
            return None
        if p not in fits:
            rule = (
                _("เด็กอายุต่ำกว่า {age} ปีใช้")
                if years < CHILD_PREFIX_AGE
                else _("ผู้ที่อายุ {age} ปีขึ้นไปใช้")
            ).format(age=CHILD_PREFIX_AGE)
            return _(
                "คำนำหน้า '{prefix}' ไม่ตรงกับอายุ {years} ปี: {rule} {choices} "
                "โปรดแก้คำนำหน้าหรือตรวจสอบวันเกิด"
            ).format(prefix=p, years=years, rule=rule, choices=_quoted_choices(fits))
    return None


def full_name(prefix: str, first: str, last: str) -> str:
    """``("เด็กชาย", "สมชาย", "ใจดี")`` → ``"เด็กชายสมชาย ใจดี"`` (prefix joined to the first name)."""
    given = clean_text(prefix) + clean_text(first)
    return " ".join(part for part in (given, clean_text(last)) if part)


# Tone marks ่ ้ ๊ ๋ (U+0E48–U+0E4B) and the silencer ์ (U+0E4C, ทัณฑฆาต/การันต์)
# are the marks most often missed or misplaced when a name is retyped.
_IGNORED_IN_KEY = re.compile(r"[\u0e48-\u0e4c\s.\-']")


def name_key(first: str, last: str) -> str:
    """First and last name as one key for matching.

    clean_text, then remove whitespace, dots, hyphens, apostrophes, the Thai tone
    marks U+0E48–U+0E4B and the silencer U+0E4C, then casefold.
    """
    text = clean_text(first) + clean_text(last)
    return _IGNORED_IN_KEY.sub("", text).casefold()


def name_similarity(a_first: str, a_last: str, b_first: str, b_last: str) -> float:
    """Similarity of two names in [0, 1] (difflib ratio of :func:`name_key`); 0 if either is empty."""
    a = name_key(a_first, a_last)
    b = name_key(b_first, b_last)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
