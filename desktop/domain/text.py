"""Text clean-up shared by every rule: Thai digits, whitespace, zero-width characters, Thai
marks typed twice or out of order; and the check that refuses Thai marks with no meaning."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.i18n import _

THAI_DIGITS: dict[int, int] = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Zero-width space, zero-width non-joiner, zero-width joiner, byte-order mark.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
# SARA AM typed as NIKHAHIT + SARA AA, possibly with a tone mark typed after the
# nikhahit (the composed spelling puts the tone mark before SARA AM: น้ำ = น ้ ำ).
_SARA_AM_WITH_TONE = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")
_SARA_AM = re.compile("\u0e4d\u0e32")
_SEPARATORS = re.compile(r"[\s\-.\/\u2010-\u2015\u2212]+")

# Thai marks written above or below a consonant: the vowels ั ิ ี ึ ื ุ ู ฺ, the tone marks
# ่ ้ ๊ ๋, ็ ์ ํ ๎. Canonical order on one consonant: a vowel first, then a tone or ์.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_VOWEL_MARKS = "\u0e31\u0e34-\u0e3a"  # ั ิ ี ึ ื ุ ู ฺ
_TONE_MARKS = "\u0e48-\u0e4c"  # ่ ้ ๊ ๋ ์
# Anything one of the one-meaning fixes below would change (one scan decides).
_THAI_SUSPECT = re.compile(
    f"\u0e40\u0e40|([{_MARKS}])\\1|[{_TONE_MARKS}][{_VOWEL_MARKS}]|\u0e33[\u0e48-\u0e4b]"
)
_DOUBLED_MARK = re.compile(f"([{_MARKS}])\\1+")
_TONE_BEFORE_VOWEL = re.compile(f"([{_TONE_MARKS}]+)([{_VOWEL_MARKS}]+)")
_TONE_AFTER_SARA_AM = re.compile("\u0e33([\u0e48-\u0e4b])")


def _fix_thai(s: str) -> str:
    """The Thai misspellings that have one meaning: เเ (two sara e) is แ; a mark typed twice
    is one; a tone mark typed before its vowel, or after sara am, goes where it belongs
    (ก่ิ -> กิ่, นำ้ -> น้ำ)."""
    for _pass in range(4):  # each fix may make another (ก่ิ่ -> กิ่่ -> กิ่); rarely a second pass
        s = s.replace("\u0e40\u0e40", "\u0e41")
        s = _DOUBLED_MARK.sub("\\1", s)
        s = _TONE_BEFORE_VOWEL.sub("\\2\\1", s)
        s = _TONE_AFTER_SARA_AM.sub("\\1\u0e33", s)
        s = _DOUBLED_MARK.sub("\\1", s)
        if _THAI_SUSPECT.search(s) is None:
            break
    return s


def to_ascii_digits(s: str) -> str:
    """Replace Thai digits ๐–๙ with ASCII 0–9."""
    if s.isascii():  # fast path: nothing to replace
        return s
    return s.translate(THAI_DIGITS)


@lru_cache(maxsize=1 << 16)  # an import cleans the same villages and names again and again
def clean_text(s: str | None) -> str:
    """Normalise typed or imported text.

    Strips, collapses internal whitespace (any Unicode space, tab or newline) to one
    space, removes zero-width characters, writes a decomposed SARA AM as U+0E33, applies
    NFC and fixes the Thai misspellings that have one meaning (see ``_fix_thai``; what has
    none is for :func:`thai_marks_problem` to refuse). ``None`` gives ``""``.
    """
    if s is None:
        return ""
    if s.isascii():
        # Fast path (the same result): NFC, the zero-width and the SARA AM steps cannot
        # change ASCII text.
        return " ".join(s.split())
    s = unicodedata.normalize("NFC", s)
    # Each step only when its characters are there (a plain scan is far cheaper than a
    # regex substitution that finds nothing); the order of the steps is unchanged.
    if "\u200b" in s or "\u200c" in s or "\u200d" in s or "\ufeff" in s:
        s = _ZERO_WIDTH.sub("", s)
    if "\u0e4d" in s:
        s = _SARA_AM_WITH_TONE.sub("\\1\u0e33", s)
        s = _SARA_AM.sub("\u0e33", s)
    if _THAI_SUSPECT.search(s) is not None:
        s = _fix_thai(s)
    return " ".join(s.split())


_THAI_MARK_ANY = re.compile(f"[{_MARKS}]")
_CONSONANT_FIRST, _CONSONANT_LAST = "\u0e01", "\u0e2e"  # ก .. ฮ (ฤ ฦ included)
_ABOVE_BELOW_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e4d")
_TONES_AND_SIGNS = frozenset("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4e")


def thai_marks_problem(value: str, label: str) -> str | None:
    """``None`` when every Thai vowel or tone mark in ``value`` (cleaned text) sits on a
    consonant, at most one vowel mark and one tone mark (or ็ ์) each; else a Thai message
    that names the field ``label`` and where the mark is (not the text itself, which may
    be a name). What has one meaning was already fixed by :func:`clean_text`."""
    if _THAI_MARK_ANY.search(value) is None:  # fast path: no mark at all
        return None
    fault = _mark_fault(value)
    if fault is None:
        return None
    i, ch, orphan, vowel = fault
    shown = f"\u25cc{ch}"
    if orphan:
        return _("{label}มีสระหรือวรรณยุกต์ที่ไม่มีพยัญชนะรองรับ (ตัวที่ {i}: {shown}) "
                 "โปรดตรวจสอบการพิมพ์{label}อีกครั้ง").format(label=_(label), i=i, shown=shown)
    kind = _("สระ") if vowel else _("วรรณยุกต์")
    return _("{label}มี{kind}ซ้อนกันสองตัวบนพยัญชนะเดียวกัน (ตัวที่ {i}: {shown}) "
             "โปรดลบตัวที่เกินแล้วพิมพ์{label}ใหม่").format(label=_(label), kind=kind, i=i, shown=shown)


@lru_cache(maxsize=1 << 16)  # names and places repeat on every row of an import
def _mark_fault(value: str) -> tuple[int, str, bool, bool] | None:
    """The first misplaced mark: (its position from 1, the mark, no consonant under it,
    it is a vowel), or None."""
    on_consonant = has_vowel = has_tone = False
    for i, ch in enumerate(value, start=1):
        if _CONSONANT_FIRST <= ch <= _CONSONANT_LAST:
            on_consonant, has_vowel, has_tone = True, False, False
            continue
        vowel = ch in _ABOVE_BELOW_VOWELS
        if not vowel and ch not in _TONES_AND_SIGNS:
            on_consonant = False  # a spacing character: nothing after it can sit on a consonant
            continue
        if not on_consonant:
            return i, ch, True, vowel
        if (vowel and (has_vowel or has_tone)) or (not vowel and has_tone):
            return i, ch, False, vowel
        if vowel:
            has_vowel = True
        else:
            has_tone = True
    return None


def digits_only(s: str) -> str:
    """Thai digits to ASCII, then drop spaces, dashes, dots and slashes.

    Other characters are kept so that a validator can say which ones are wrong.
    """
    if s.isascii():
        if s.isdigit() or not s:  # fast path: already only ASCII digits (or empty)
            return s
        return _SEPARATORS.sub("", s)
    s = _ZERO_WIDTH.sub("", s.translate(THAI_DIGITS))
    return _SEPARATORS.sub("", s)


_TONES = re.compile("[\u0e47-\u0e4c]")  # ็ ่ ้ ๊ ๋ ์
_LEADING_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")  # เ แ โ ใ ไ + consonant


def thai_sort_key(text: str) -> str:
    """Dictionary (ราชบัณฑิต) order for Thai: a leading vowel sorts after the consonant it
    is written before (เกศินี among the ก words, not after ฮ), tone marks only break ties.
    Python's and SQLite's code-point order put every เ แ โ ใ ไ word after ฮ."""
    plain = _LEADING_VOWEL.sub(r"\2\1", _TONES.sub("", text))
    return plain + "\x00" + "".join(_TONES.findall(text))


# A key to store and sort in SQL: each Thai character (3 bytes in UTF-8) becomes one ASCII
# byte in the same order (U+0E00.. -> "!"..), so two name keys add ~20 bytes to a row
# rather than ~120 (wider rows made a common-prefix search of 1M children 10 ms slower).
# The U+0000 separator, which PostgreSQL text cannot hold, becomes U+0001. For Thai text
# with spaces (what a Thai name may contain) the order is exactly thai_sort_key's; ASCII
# letters, digits and punctuation move above the Thai range, so they sort after Thai.
_COMPACT = {
    0: 1,
    **{cp: 0x21 + cp - 0x0E00 for cp in range(0x0E00, 0x0E80)},
    **{cp: 0x100 + cp for cp in range(0x21, 0x80)},
}


@lru_cache(maxsize=1 << 16)  # first names repeat: a bulk write keys each once
def stored_sort_key(text: str) -> str:
    """``thai_sort_key`` in compact, storable form (the same order for Thai names)."""
    return thai_sort_key(text).translate(_COMPACT)
