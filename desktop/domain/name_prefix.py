"""A prefix (คำนำหน้า) typed into the name cell: ``ด.ช.ภูผา``, ``เด็กหญิงมะลิ``, ``นายภูผา``.

Split only when a prefix is followed by what can start a Thai name (a consonant or a
leading vowel, two characters or more). The abbreviations with dots (ด.ช., ด.ญ., น.ส.) and
the long words (เด็กชาย, เด็กหญิง, นางสาว) begin no name, so they are always split; นาย and
นาง begin real names (นางฟ้า, นางนวล, นายิกา), so they are split only when the caller knows
an adult title fits (``adult=True``: the person's age, or a guardian's full name).
"""

from __future__ import annotations

import re

from .people import normalise_prefix
from .text import clean_text

# Longest first: นางสาว before นาง.
_ALWAYS = re.compile(
    r"^(?P<prefix>เด็กชาย|เด็กหญิง|นางสาว|ด\s*\.\s*ช\s*\.?|ด\s*\.\s*ญ\s*\.?|น\s*\.\s*ส\s*\.?)\s*(?P<rest>.*)$"
)
_ADULT = re.compile(r"^(?P<prefix>นาย|นาง)\s*(?P<rest>.*)$")
# A name starts with a consonant (ก-ฮ) or a leading vowel (เ แ โ ใ ไ), then goes on.
_NAME = re.compile(r"^[\u0e01-\u0e2e\u0e40-\u0e44]\S")


def split_name_prefix(text: str, *, adult: bool = False) -> tuple[str, str]:
    """``"ด.ช.ภูผา"`` → ``("เด็กชาย", "ภูผา")``; ``"นางฟ้า"`` → ``("", "นางฟ้า")`` unless
    ``adult`` (then ``("นาง", "ฟ้า")``); no prefix or no name after it → ``("", text)``
    (the text cleaned)."""
    t = clean_text(text)
    for pattern in (_ALWAYS, _ADULT) if adult else (_ALWAYS,):
        m = pattern.match(t)
        if m is not None and _NAME.match(m["rest"]):
            return normalise_prefix(m["prefix"]), m["rest"]
    return "", t
