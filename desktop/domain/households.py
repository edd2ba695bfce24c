"""Households: when two addresses are the same one, and what merging two households keeps.

Pure rules (no SQL): the services use them to find an existing household for a typed
address instead of creating a second, identical one, and to preview a merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.i18n import N_, _

from .address import ADDRESS_FIELDS, Address
from .limits import ADDRESS_LABELS as FIELD_LABELS
from .text import clean_text, digits_only, to_ascii_digits

# Thai labels of the address fields, for previews and messages.
ADDRESS_LABELS: dict[str, str] = {
    **FIELD_LABELS,
    "house_code": N_("รหัสประจำบ้าน"),
    "phone": N_("โทรศัพท์"),
}

# Words a clerk types before a value, per field (longest first), dropped when comparing.
_PREFIXES: dict[str, tuple[str, ...]] = {
    "house_no": ("บ้านเลขที่", "เลขที่"),
    "village_no": ("หมู่ที่", "หมู่", "ม.", "ม ", "moo", "m."),
    "soi": ("ซอย", "ซ."),
    "road": ("ถนน", "ถ."),
    "subdistrict": ("ตำบล", "แขวง", "ต."),
    "district": ("อำเภอ", "เขต", "อ."),
    "province": ("จังหวัด", "จ."),
}
_BANGKOK = {"กทม", "กทม.", "กรุงเทพ", "กรุงเทพฯ", "กรุงเทพ ฯ"}
_VILLAGE_NUMBER = re.compile(r"^0*(\d{1,3})$")


def _strip(value: str, prefixes: tuple[str, ...]) -> str:
    v = clean_text(value)
    low = v.casefold()
    for p in prefixes:
        if low.startswith(p):
            return clean_text(v[len(p):])
    return v


def village_number(text: str) -> str:
    """``"หมู่ที่ 4"``, ``"ม.4"``, ``"ม. ๔"``, ``"04"``, ``"4"`` → ``"4"``; text that is not a
    village number (a village's name) comes back cleaned, unchanged otherwise."""
    v = to_ascii_digits(_strip(text, _PREFIXES["village_no"]))
    m = _VILLAGE_NUMBER.match(v.replace(" ", ""))
    return m.group(1) if m else v


def village_variants(number: str) -> tuple[str, ...]:
    """The ways a village number may be stored (``"4"``, ``"04"``, ``"หมู่ 4"``, ``"ม.4"``, ...)
    so that SQL can match any of them with ``IN`` (an index can serve it)."""
    thai = number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    forms: list[str] = []
    for n in dict.fromkeys((number, number.zfill(2), thai)):
        forms += [n, f"หมู่ {n}", f"หมู่{n}", f"หมู่ที่ {n}", f"หมู่ที่{n}", f"ม.{n}", f"ม. {n}"]
    return tuple(dict.fromkeys(forms))


def subdistrict_variants(text: str) -> tuple[str, ...]:
    """The ways a subdistrict may be stored ("บ้านใหม่", "ต.บ้านใหม่", "ตำบล บ้านใหม่", ...)."""
    name = _strip(text, _PREFIXES["subdistrict"])
    if not name:
        return ("",)
    return tuple(dict.fromkeys(
        [name] + [p + name for p in ("ต.", "ต. ", "ตำบล", "ตำบล ", "แขวง", "แขวง ")]))


def village_forms(text: str) -> tuple[str, ...]:
    """The stored forms a typed village number may have ("" stays "")."""
    number = village_number(text)
    if not number:
        return ("",)
    return village_variants(number) if number.isdigit() else (clean_text(text), number)


def house_number(text: str) -> str:
    """A house number as compared: ASCII digits, no spaces, no "บ้านเลขที่" before it."""
    return to_ascii_digits(_strip(text, _PREFIXES["house_no"])).replace(" ", "")


def field_key(name: str, value: str) -> str:
    """One address field as compared: prefixes, Thai digits, spacing and case do not count."""
    if name == "house_no":
        return house_number(value)
    if name == "village_no":
        return village_number(value)
    if name == "postcode":
        return digits_only(clean_text(value))
    v = to_ascii_digits(_strip(value, _PREFIXES.get(name, ()))).casefold()
    if name == "province" and v in _BANGKOK:
        return "กรุงเทพมหานคร"
    return v


def address_key(a: Address) -> tuple[str, ...]:
    """Two addresses are the same one when their keys are equal."""
    return tuple(field_key(name, getattr(a, name)) for name in ADDRESS_FIELDS)


def can_match(a: Address) -> bool:
    """Only an address with a house number and a place (subdistrict, district or
    province) identifies a house; a bare "ต.บ้านใหม่" is shared by thousands."""
    return bool(house_number(a.house_no)) and any(
        clean_text(getattr(a, f)) for f in ("subdistrict", "district", "province"))


@dataclass(frozen=True)
class FieldChoice:
    """One field of a merge: the value kept, the other household's value, and whether
    the two disagree (both given, different)."""

    field: str
    label: str
    kept: str
    other: str
    result: str
    conflict: bool


def merge_fields(kept: dict[str, str], other: dict[str, str]) -> list[FieldChoice]:
    """Field by field: the kept household's value wins; where it has none, the other's
    value fills the gap; both given and different is a conflict (the kept value stays)."""
    out: list[FieldChoice] = []
    for name, label in ADDRESS_LABELS.items():
        k, o = clean_text(kept.get(name, "")), clean_text(other.get(name, ""))
        result = k or o
        conflict = bool(k and o and field_key(name, k) != field_key(name, o))
        out.append(FieldChoice(name, _(label), k, o, result, conflict))
    return out
