"""The fast paths of the text, name, prefix and ID rules give exactly what the plain
implementations they replaced gave (kept here as the reference), over random tricky text."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import fields, replace
from datetime import date

import pytest

from desktop.domain import child as child_rules
from desktop.domain.address import Address
from desktop.domain.child import ChildInput, normalise_child
from desktop.domain.identity import (
    IdType,
    national_id_check_digit,
    national_id_problem,
    normalise_g_code,
    normalise_national_id,
)
from desktop.domain.people import _PREFIX_ALIASES, Sex, normalise_prefix
from desktop.domain.text import clean_text, digits_only, to_ascii_digits

# ----------------------------------------------------------------- the reference versions
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
_SARA_AM_WITH_TONE = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")
_SARA_AM = re.compile("\u0e4d\u0e32")
_SEPARATORS = re.compile(r"[\s\-.\/\u2010-\u2015\u2212]+")


def ref_to_ascii_digits(s: str) -> str:
    return s.translate(_THAI_DIGITS)


def ref_clean_text(s: str | None) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", s)
    s = _ZERO_WIDTH.sub("", s)
    s = _SARA_AM_WITH_TONE.sub("\\1\u0e33", s)
    s = _SARA_AM.sub("\u0e33", s)
    return " ".join(ref_fix_thai(s).split())


_REF_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                       + "".join(map(chr, range(0x0E47, 0x0E4F))))
_REF_VOWELS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))))
_REF_TONES = frozenset(map(chr, range(0x0E48, 0x0E4D)))


def ref_fix_thai(s: str) -> str:
    """Character by character: เเ -> แ; a run of one mark -> one; tones (and ์) typed
    before a vowel mark move after it; a tone typed after ำ moves before it."""
    s = s.replace("\u0e40\u0e40", "\u0e41")
    for _ in range(4):  # until nothing changes (each pass may enable another)
        out: list[str] = []
        for ch in s:
            if out and ch in _REF_MARKS and out[-1] == ch:
                continue
            if ch in _REF_VOWELS and out and out[-1] in _REF_TONES:
                k = len(out)
                while k > 0 and out[k - 1] in _REF_TONES:
                    k -= 1
                out.insert(k, ch)
                continue
            if ch in "\u0e48\u0e49\u0e4a\u0e4b" and out and out[-1] == "\u0e33":
                out.insert(len(out) - 1, ch)
                continue
            out.append(ch)
        s = "".join(out)
    return s


def ref_digits_only(s: str) -> str:
    s = _ZERO_WIDTH.sub("", ref_to_ascii_digits(s))
    return _SEPARATORS.sub("", s)


def ref_national_id(s: str) -> str:
    """As ``ref_digits_only`` of the stripped text, less Excel's text mark (a leading ') and
    a program's float ending (13 digits then .0) first."""
    raw = s.strip()
    if raw.startswith("'"):
        raw = raw[1:]
    if re.fullmatch(r"\d{13}\.0+", raw):
        raw = raw.split(".")[0]
    return ref_digits_only(raw)


def ref_normalise_prefix(raw: str) -> str:
    cleaned = ref_clean_text(raw)
    return _PREFIX_ALIASES.get(re.sub(r"[\s.]", "", cleaned), cleaned)


def ref_check_digit(first12: str) -> int:
    return (11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10


def ref_normalise_child(c: ChildInput) -> ChildInput:
    a = c.address
    changes = {f.name: ref_to_ascii_digits(ref_clean_text(getattr(a, f.name))) for f in fields(a)}
    changes["postcode"] = ref_digits_only(changes["postcode"])
    return replace(
        c,
        prefix=ref_normalise_prefix(c.prefix),
        first_name=ref_clean_text(c.first_name),
        last_name=ref_clean_text(c.last_name),
        first_name_en=ref_clean_text(c.first_name_en),
        last_name_en=ref_clean_text(c.last_name_en),
        national_id=ref_national_id(ref_clean_text(c.national_id)),
        g_code=ref_digits_only(ref_clean_text(c.g_code).strip()).upper(),
        no_id_reason=ref_clean_text(c.no_id_reason),
        nationality=ref_clean_text(c.nationality),
        disability=ref_clean_text(c.disability),
        address=replace(a, **changes),
    )


_DIGIT = re.compile(r"[0-9\u0e50-\u0e59]")
_THAI_NAME = re.compile(r"^[\u0e01-\u0e3a\u0e40-\u0e4e ]+$")


def ref_thai_name_problem(value: str, label: str) -> str | None:
    if not value:
        return f"ยังไม่ได้กรอก{label} โปรดกรอก{label}เป็นภาษาไทย"
    if _DIGIT.search(value):
        return f"{label}ต้องไม่มีตัวเลข โปรดตรวจสอบ{label}อีกครั้ง"
    if re.search(r"[A-Za-z]", value):
        return f"{label}ต้องเป็นภาษาไทย ถ้ามีชื่อภาษาอังกฤษ โปรดกรอกในช่องภาษาอังกฤษ"
    if not _THAI_NAME.match(value):
        bad = " ".join(dict.fromkeys(ch for ch in value if not _THAI_NAME.match(ch)))
        return f"{label}มีอักขระที่ใช้ไม่ได้ ({bad}) โปรดกรอกเฉพาะตัวอักษรไทย"
    return None


# ----------------------------------------------------------------- random tricky text
PIECES = [
    "สมชาย", "ใจดี", "น้ำ", "ก", "ข", "า", "ะ", "เ", "ไ", "ฯ", "ๆ", "฿", "๏", "๚",
    "\u0e4d", "\u0e32", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e4c", "\u0e47", "\u0e38",
    "\u0e39", "\u0e3a", "\u0e31", "\u0e34", "\u0e40\u0e40", "\u0e48\u0e48", "\u0e33", "\u0e4e", "น\u0e4d\u0e32", "น\u0e4d\u0e49\u0e32", "น\u0e49\u0e4d\u0e32",
    "๐", "๑", "๕", "๙", "0", "1", "9", "1234567890123", "G", "g", "A", "z", "'", "-", ".", "/",
    " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\u00a0", "\u2003", "\u3000",
    "\u2028", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2010", "\u2013", "\u2212",
    "e\u0301", "\u00e9", "A\u030a", "\u212b", "\u1e0b\u0323", "ﬁ", "ด.ช.", "ด. ญ.", "น.ส.",
    "เด็กชาย", "นาง", "นางสาว", "นาย", "ดช", "ดญ", "นส", "x", "é", "😀",
]


def random_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = ["", " ", "\u200b", "\u00a0", "ด.ช.", "เด็กหญิง", "1-2345-67890-12-1", "๑๒๓"]
    for _ in range(n):
        out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))))
    return out


TEXTS = random_texts(20261124, 6000)


def test_clean_text_matches_the_reference() -> None:
    assert clean_text(None) == ref_clean_text(None) == ""
    for s in TEXTS:
        assert clean_text(s) == ref_clean_text(s), repr(s)


def test_to_ascii_digits_and_digits_only_match_the_reference() -> None:
    for s in TEXTS:
        assert to_ascii_digits(s) == ref_to_ascii_digits(s), repr(s)
        assert digits_only(s) == ref_digits_only(s), repr(s)


def test_normalise_prefix_matches_the_reference() -> None:
    for s in [*TEXTS, *_PREFIX_ALIASES, "", " นาย ", "ด.ช", "นางสาว\u200b"]:
        assert normalise_prefix(s) == ref_normalise_prefix(s), repr(s)


def test_thai_name_rule_matches_the_reference() -> None:
    for s in TEXTS:
        for v in (s, clean_text(s)):
            assert child_rules._thai_name_problem(v, "ชื่อ") == ref_thai_name_problem(v, "ชื่อ"), repr(v)


def test_national_id_rules_match_the_reference() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        first12 = "".join(rng.choice("0123456789") for _ in range(12))
        assert national_id_check_digit(first12) == ref_check_digit(first12)
    for s in TEXTS:
        nid = normalise_national_id(s)
        assert nid == ref_national_id(s)
        assert normalise_g_code(s) == ref_digits_only(s.strip()).upper()
        if nid and not nid.isdigit() and nid.isascii():  # (1.85E+12: said as Excel's notation)
            said = national_id_problem(s) or ""
            assert "ตัวเลขเท่านั้น" in said or "เลขยกกำลัง" in said, said
    assert normalise_national_id(" '1103700012346 ") == "1103700012346"
    assert normalise_national_id("1103700012346.00") == "1103700012346"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_normalise_child_matches_the_reference(seed: int) -> None:
    rng = random.Random(seed)

    def text() -> str:
        return rng.choice(("", "", rng.choice(TEXTS)))

    for _ in range(1500):
        address = (Address() if rng.random() < 0.4
                   else Address(**{f.name: text() for f in fields(Address)}))
        c = ChildInput(
            prefix=text(), first_name=text(), last_name=text(), first_name_en=text(),
            last_name_en=text(), sex=rng.choice((None, Sex.MALE, Sex.FEMALE)),
            birth_date=rng.choice((None, date(2019, 2, 28))), id_type=rng.choice(list(IdType)),
            national_id=text(), g_code=text(), no_id_reason=text(), nationality=text(),
            disability=text(), address=address,
        )
        before = replace(c)
        n = normalise_child(c)
        assert n == ref_normalise_child(c)
        assert n is not c and c == before  # a copy; the input is left alone


def test_thai_sort_key_is_dictionary_order() -> None:
    from desktop.domain.text import thai_sort_key

    words = ["ศูนย์พัฒนาเด็กเล็ก", "ไก่", "ขวัญ", "กอ", "เกศินี", "ก้อ", "กมล", "ก่อ", "โรงเรียน"]
    assert sorted(words, key=thai_sort_key) == [
        "กมล", "กอ", "ก่อ", "ก้อ", "เกศินี", "ไก่", "ขวัญ", "โรงเรียน", "ศูนย์พัฒนาเด็กเล็ก"]
    assert sorted(words) != sorted(words, key=thai_sort_key)  # code points get it wrong


def test_stored_sort_key_keeps_the_order_in_one_byte_per_thai_character() -> None:
    import random

    from desktop.domain.text import stored_sort_key, thai_sort_key

    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x0E01, 0x0E5C)] + [" "]  # what a Thai name may hold
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    words += ["เกศินี", "กมล", "ก่อ", "กอ", "ไก่", "ขวัญ"]
    assert sorted(words, key=stored_sort_key) == sorted(words, key=thai_sort_key)
    assert sorted(["Anna", "กมล", "ฮูก"], key=stored_sort_key) == ["กมล", "ฮูก", "Anna"]
    key = stored_sort_key("ศิริพร ใจกุล")
    assert "\x00" not in key and len(key.encode("utf-8")) == len(key) <= len("ศิริพร ใจกุล") + 1
