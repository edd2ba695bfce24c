"""This database's own office: the form of its code.

The Department of Local Administration (กรมส่งเสริมการปกครองท้องถิ่น, DLA) numbers every
local government with a 7-digit code (e.g. 6300101); a provincial office of local
administration uses the same 7-digit form in Samoe, so the two roles follow one rule.
Thai digits are read as digits; spaces and hyphens typed between the digits are dropped.
No check digit exists, so only the form is checked.
"""

from __future__ import annotations

from desktop.domain.limits import OFFICE
from desktop.domain.text import THAI_DIGITS
from desktop.i18n import _

OFFICE_CODE_DIGITS = 7
NAME_LIMIT = OFFICE["name"]
PROVINCE_LIMIT = OFFICE["province"]


def normalise_office_code(text: str | None) -> str:
    """``"๖๓ 001-01"`` -> ``"6300101"``: Thai digits to ASCII, spaces and hyphens out."""
    if not text:
        return ""
    cleaned = text.translate(THAI_DIGITS)
    return "".join(ch for ch in cleaned if not ch.isspace() and ch not in "-‐‑–—")


def office_code_problem(code: str) -> str | None:
    """``None`` when ``code`` (normalised) has the DLA form; else a Thai message."""
    if not code:
        return _("โปรดกรอกรหัสหน่วยงาน (รหัส อปท. 7 หลักของกรมส่งเสริมการปกครองท้องถิ่น เช่น 6300101)")
    if not (code.isascii() and code.isdigit()):
        return _("รหัสหน่วยงานต้องเป็นตัวเลขเท่านั้น (รหัส อปท. 7 หลัก เช่น 6300101)")
    if len(code) != OFFICE_CODE_DIGITS:
        return _("รหัสหน่วยงานต้องมี {digits} หลัก (กรอกมา {typed} หลัก) "
                 "ตรวจรหัส อปท. จากหนังสือของกรมส่งเสริมการปกครองท้องถิ่น").format(
                     digits=OFFICE_CODE_DIGITS, typed=len(code))
    return None
