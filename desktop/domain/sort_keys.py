"""Sort keys of what a list shows beside a name: institutions, class levels, rooms.

Stored beside the rows (``enrollment`` and, for the child's current enrolment, ``child``)
so that SQL sorts by a plain binary comparison that an index can serve:

- an institution name or a room in Thai dictionary order (``stored_sort_key``), each run
  of digits by its value ("ห้อง 2" before "ห้อง 10", "โรงเรียนเทศบาล 9" before "... 10");
- a class level in school order (ศพด. 2-4 ขวบ, อ.1-3, ป.1-6, ม.1-6), not by its code
  (where "m1" would come before "p1"); an unknown code after every known one.

An empty value (no enrolment) has the empty key, which sorts first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .levels import LEVELS
from .text import stored_sort_key, to_ascii_digits

INSTITUTION_KEY_LENGTH = 250
LEVEL_KEY_LENGTH = 12
CLASSROOM_KEY_LENGTH = 60
_DIGITS = re.compile(r"\d+")
_LEVEL_KEYS = {lv.code: f"{i:02d}" for i, lv in enumerate(LEVELS)}


def _padded(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    return digits.rjust(8, "0")


@lru_cache(maxsize=1 << 16)  # schools, rooms, villages repeat on every row of an import
def natural_sort_key(text: str, length: int = INSTITUTION_KEY_LENGTH) -> str:
    """Dictionary order with digit runs compared by value (a key, cut to ``length``)."""
    if not text:
        return ""
    plain = _DIGITS.sub(_padded, to_ascii_digits(text))
    return stored_sort_key(plain)[:length]


def level_sort_key(code: str) -> str:
    if not code:
        return ""
    return _LEVEL_KEYS.get(code.strip().lower()) or ("99" + code)[:LEVEL_KEY_LENGTH]


def enrolment_sort_keys(institution_name: str, level_code: str, classroom: str) -> tuple[str, str, str]:
    """(institution, level, classroom) keys of one enrolment."""
    return (natural_sort_key(institution_name), level_sort_key(level_code),
            natural_sort_key(classroom, CLASSROOM_KEY_LENGTH))


PLACE_KEY_LENGTH = 120


def household_sort_keys(subdistrict: str, village_no: str, house_no: str) -> tuple[str, str, str]:
    """(subdistrict, village number, house number) keys of a household's address: the
    households list sorts by them ("12/3" after "12", "9" before "10")."""
    return (natural_sort_key(subdistrict, PLACE_KEY_LENGTH), natural_sort_key(village_no, 40),
            natural_sort_key(house_no, PLACE_KEY_LENGTH))
