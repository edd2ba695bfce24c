"""Personal identifiers: the 13-digit national ID and the Ministry of Education G-code."""

from __future__ import annotations

import re
from enum import StrEnum
from operator import mul

from desktop.i18n import N_, _

from .text import clean_text, digits_only


class IdType(StrEnum):
    NATIONAL_ID = "national_id"
    G_CODE = "g_code"
    NONE = "none"


ID_TYPE_LABELS: dict[IdType, str] = {
    IdType.NATIONAL_ID: N_("เลขประจำตัวประชาชน"),
    IdType.G_CODE: N_("รหัส G"),
    IdType.NONE: N_("ไม่มีเลขประจำตัว"),
}

NATIONAL_ID_LENGTH = 13
G_CODE_DIGITS = 12
_CHECK_WEIGHTS = tuple(range(13, 1, -1))  # 13 for the first digit ... 2 for the twelfth
_ZERO_WEIGHTED = ord("0") * sum(_CHECK_WEIGHTS)


_FLOAT = re.compile(r"\d{13}\.0+")  # exact: 13 digits are far below a double's 2**53
_SCIENTIFIC = re.compile(r"\d{1,13}[eE]\+?\d{1,2}")  # dots and separators removed


def _bad_chars(s: str) -> str:
    """The distinct non-digit characters of ``s``, in order, for a message."""
    seen: list[str] = []
    for ch in s:
        if not ("0" <= ch <= "9") and ch not in seen:
            seen.append(ch)
    return " ".join(seen)


def national_id_check_digit(first12: str) -> int:
    """Check digit of a national ID: (11 − Σ dᵢ·(14−i) mod 11) mod 10, i = 1..12.

    Raises ValueError unless ``first12`` is exactly 12 ASCII digits.
    """
    if len(first12) != 12 or not first12.isascii() or not first12.isdigit():
        raise ValueError(_("ต้องมีตัวเลข 12 หลัก ได้รับ {got}").format(got=repr(first12)))
    # the digits' character codes times the weights, less what the code of "0" adds
    total: int = sum(map(mul, first12.encode("ascii"), _CHECK_WEIGHTS)) - _ZERO_WEIGHTED
    return (11 - total % 11) % 10


def normalise_national_id(raw: str) -> str:
    """Thai digits to ASCII; spaces, dashes, dots and zero-width characters removed; a
    number written by a program as a float (``1103700012346.0``) loses its ``.0``, and one
    typed with Excel's text mark (``'1103700012346``, kept by some exports) its mark."""
    raw = raw.strip().removeprefix("'")
    if raw.endswith("0") and _FLOAT.fullmatch(raw):
        raw = raw[:raw.index(".")]
    return digits_only(raw)


def national_id_problem(raw: str) -> str | None:
    """``None`` when ``raw`` is a valid national ID, else a Thai message."""
    nid = normalise_national_id(raw)
    if not nid:
        return _("ยังไม่ได้กรอกเลขประจำตัวประชาชน โปรดกรอกเลข 13 หลักจากบัตรประชาชนหรือสูติบัตร")
    bad = "" if nid.isascii() and nid.isdigit() else _bad_chars(nid)
    if bad and _SCIENTIFIC.fullmatch(nid):  # 1.85157E+12: a CSV saved by Excel from a number column
        return _("เลขประจำตัวประชาชน {raw} ถูก Excel แสดงเป็นเลขยกกำลัง ตัวเลขท้าย ๆ จึงหายไปแล้ว "
                 "โปรดเปิดไฟล์ต้นฉบับ จัดรูปแบบคอลัมน์นี้เป็นข้อความ (Text) แล้วกรอกเลข 13 หลักใหม่ "
                 "หรือส่งไฟล์เป็น .xlsx แทน CSV").format(raw=raw.strip())
    if bad:
        return _("เลขประจำตัวประชาชนต้องเป็นตัวเลขเท่านั้น (พบ {bad}) โปรดกรอกเฉพาะตัวเลข 13 หลัก").format(bad=bad)
    if len(nid) != NATIONAL_ID_LENGTH:
        return _("เลขประจำตัวประชาชนต้องมี 13 หลัก (กรอกมา {typed} หลัก) โปรดตรวจสอบอีกครั้ง").format(typed=len(nid))
    if national_id_check_digit(nid[:12]) != int(nid[12]):
        return (
            _("เลขประจำตัวประชาชนไม่ถูกต้อง (เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) "
              "โปรดตรวจสอบเลขอีกครั้งจากบัตรประชาชนหรือสูติบัตร")
        )
    return None


def is_valid_national_id(raw: str) -> bool:
    return national_id_problem(raw) is None


def format_national_id(nid: str) -> str:
    """``"1234567890121"`` → ``"1-2345-67890-12-1"``; anything not 13 digits is returned cleaned."""
    n = normalise_national_id(nid)
    if len(n) != NATIONAL_ID_LENGTH or not n.isascii() or not n.isdigit():
        return clean_text(nid)
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


def make_national_id(first12: str) -> str:
    """The first 12 digits followed by their check digit (ValueError if not 12 digits)."""
    n = normalise_national_id(first12)
    return n + str(national_id_check_digit(n))


def normalise_g_code(raw: str) -> str:
    """Strip, remove spaces/dashes/dots, Thai digits to ASCII, uppercase (``g`` → ``G``)."""
    return digits_only(raw.strip()).upper()


def g_code_problem(raw: str) -> str | None:
    """``None`` when ``raw`` is "G" followed by 12 digits, else a Thai message."""
    code = normalise_g_code(raw)
    if not code:
        return _("ยังไม่ได้กรอกรหัส G โปรดกรอกรหัส G 13 ตัว (G ตามด้วยตัวเลข 12 หลัก) ตามที่โรงเรียนได้รับ")
    if not code.startswith("G"):
        return _("รหัส G ต้องขึ้นต้นด้วยตัวอักษร G แล้วตามด้วยตัวเลข 12 หลัก เช่น G123456789012 โปรดตรวจสอบอีกครั้ง")
    digits = code[1:]
    bad = _bad_chars(digits)
    if bad:
        return _("หลังตัว G ต้องเป็นตัวเลขเท่านั้น (พบ {bad}) โปรดตรวจสอบรหัส G อีกครั้ง").format(bad=bad)
    if len(digits) != G_CODE_DIGITS:
        return _("รหัส G ต้องมีตัวเลข 12 หลักหลังตัว G (กรอกมา {typed} หลัก) โปรดตรวจสอบอีกครั้ง").format(typed=len(digits))
    return None


def is_valid_g_code(raw: str) -> bool:
    return g_code_problem(raw) is None
