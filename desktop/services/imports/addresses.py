"""Which rows of one file are one household, and the rows that look alike but are not.

Rows join one household when their whole address is the same (spacing, case and the words
หมู่/ม., ซ./ซอย, ถ./ถนน, ต./อ./จ. aside), or when they carry the same house code. Rows with
the same house number in the same หมู่ and place but another road, village name, soi or
postcode are not merged (one of them is mistyped, or they are two houses): the later row
gets a warning naming the earlier row and the field that differs. Rows with one house code
but different addresses are one household (the code says so) and are flagged the same way,
as is a row whose house code is a registry household's with another address.
"""

from __future__ import annotations

import re
from operator import itemgetter

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.domain.limits import ADDRESS_LABELS
from desktop.i18n import _

_PREFIXES: dict[str, tuple[str, ...]] = {
    "village_no": ("หมู่ที่", "หมู่", "ม."),
    "soi": ("ซอย", "ซ."),
    "road": ("ถนน", "ถ."),
    "subdistrict": ("ตำบล", "ต.", "แขวง"),
    "district": ("อำเภอ", "อ.", "เขต"),
    "province": ("จังหวัด", "จ."),
}
_SPACES = re.compile(r"\s+")
_PLACE = ("house_no", "village_no", "subdistrict", "district", "province")
_PLACE_AT = tuple(ADDRESS_FIELDS.index(name) for name in _PLACE)
_place_of = itemgetter(*_PLACE_AT)  # a key's house number and place, as a tuple


def _part(name: str, value: str) -> str:
    for prefix in _PREFIXES.get(name, ()):
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    return _SPACES.sub("", value).casefold()


def address_key(a: Address) -> tuple[str, ...]:
    """The address in the form two rows are compared in."""
    return tuple(_part(name, getattr(a, name)) for name in ADDRESS_FIELDS)


def part_key(field: tuple[str, str]) -> str:
    """One ``(field name, value)`` of :func:`address_key` (a plan memoises it by value)."""
    return _part(*field)


class Houses:
    """The addresses seen so far in one file: ``check`` says, for a new row, the earlier
    row it should be compared with and the fields that differ."""

    def __init__(self) -> None:
        self._by_place: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}
        self._by_code: dict[str, tuple[int, tuple[str, ...]]] = {}

    def check(self, row: int, key: tuple[str, ...], house_code: str) -> tuple[int, list[str]] | None:
        """``(earlier row, differing field names)`` when ``key`` shares the house code, or
        the house number and place, of an earlier row but not its whole address."""
        if house_code:
            earlier = self._by_code.setdefault(house_code, (row, key))
        else:
            place = _place_of(key)
            earlier = self._by_place.setdefault(place, (row, key))
        first_row, first_key = earlier
        if first_row == row or first_key == key:
            return None
        return first_row, differing_fields(first_key, key)


def differing_fields(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """The address fields in which two :func:`address_key` forms differ."""
    return [name for name, x, y in zip(ADDRESS_FIELDS, a, b, strict=True) if x != y]


def _labels(fields: list[str]) -> str:
    return " ".join(_(ADDRESS_LABELS[name]) for name in fields)


def difference_message(first_row: int, fields: list[str], *, by_code: bool) -> str:
    if by_code:
        return _("รหัสประจำบ้านเดียวกับแถวที่ {row} แต่ที่อยู่ต่างกัน ({fields}) "
                 "จะนำเข้าเป็นครัวเรือนเดียวกันตามรหัสประจำบ้าน โดยใช้ที่อยู่ของแถวที่ {row} "
                 "โปรดตรวจสอบว่าที่อยู่หรือรหัสประจำบ้านแถวใดถูกต้อง").format(row=first_row, fields=_labels(fields))
    return _("บ้านเลขที่เดียวกับแถวที่ {row} แต่{fields}ต่างกัน จึงนำเข้าเป็นคนละครัวเรือน "
             "ถ้าเป็นบ้านเดียวกัน โปรดแก้ที่อยู่ในไฟล์ให้ตรงกัน (หรือรวมครัวเรือนภายหลัง)"
             ).format(row=first_row, fields=_labels(fields))


def registry_difference_message(fields: list[str]) -> str:
    return _("รหัสประจำบ้านนี้มีครัวเรือนในทะเบียนอยู่แล้ว แต่{fields}ในทะเบียนต่างจากแถวนี้ "
             "จะนำเด็กเข้าครัวเรือนเดิมโดยใช้ที่อยู่ในทะเบียน ถ้าที่อยู่ในไฟล์ถูกต้อง "
             "โปรดแก้ที่อยู่ของครัวเรือนนี้ในทะเบียน").format(fields=_labels(fields))
