"""Thai postal addresses."""

from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.i18n import N_, _

from .errors import Problem
from .limits import ADDRESS as ADDRESS_LIMITS
from .limits import ADDRESS_LABELS, too_long
from .text import clean_text, digits_only, thai_marks_problem

BANGKOK = "กรุงเทพมหานคร"
_BANGKOK_NAMES = frozenset({"กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ ฯ", "กรุงเทพ", "กทม", "กทม."})

POSTCODE_MIN_PREFIX = 10  # Bangkok
POSTCODE_MAX_PREFIX = 96  # Narathiwat


@dataclass(frozen=True)
class Address:
    house_no: str = ""
    village_no: str = ""
    village_name: str = ""
    soi: str = ""
    road: str = ""
    subdistrict: str = ""
    district: str = ""
    province: str = ""
    postcode: str = ""


ADDRESS_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Address))


def address_of(record: object) -> Address:
    """The address held in any object with the address attributes (a household row, an
    institution row, a form)."""
    return Address(**{name: str(getattr(record, name) or "") for name in ADDRESS_FIELDS})


def _strip_prefix(value: str, prefixes: tuple[str, ...]) -> str:
    """``value`` cleaned, without one leading word from ``prefixes`` (longest listed first)."""
    v = clean_text(value)
    for p in prefixes:
        if v.startswith(p):
            return clean_text(v[len(p) :])
    return v


def is_bangkok(province: str) -> bool:
    return _strip_prefix(province, ("จังหวัด", "จ.")) in _BANGKOK_NAMES


def format_address(a: Address) -> str:
    """One line, empty parts skipped, e.g.
    ``"12/3 หมู่ 4 บ้านโนนสูง ซ.สุขใจ ถ.มิตรภาพ ต.ในเมือง อ.เมืองนครราชสีมา จ.นครราชสีมา 30000"``.

    Bangkok uses แขวง / เขต and "กรุงเทพมหานคร" without จ. A prefix the user already
    typed (ต./ตำบล, อ./อำเภอ, จ./จังหวัด, หมู่/หมู่ที่/ม., ซ./ซอย, ถ./ถนน) is not doubled.
    """
    bangkok = is_bangkok(a.province)
    sub_prefixes: tuple[str, ...] = ("ตำบล", "ต.", "แขวง")
    dist_prefixes: tuple[str, ...] = ("อำเภอ", "อ.", "เขต")
    if not bangkok:
        sub_prefixes = ("ตำบล", "ต.")
        dist_prefixes = ("อำเภอ", "อ.")

    parts: list[str] = []

    def add(label: str, value: str) -> None:
        if value:
            parts.append(label + value)

    add("", clean_text(a.house_no))
    add("หมู่ ", _strip_prefix(a.village_no, ("หมู่ที่", "หมู่", "ม.")))
    add("", clean_text(a.village_name))
    add("ซ.", _strip_prefix(a.soi, ("ซอย", "ซ.")))
    add("ถ.", _strip_prefix(a.road, ("ถนน", "ถ.")))
    add("แขวง" if bangkok else "ต.", _strip_prefix(a.subdistrict, sub_prefixes))
    add("เขต" if bangkok else "อ.", _strip_prefix(a.district, dist_prefixes))
    if bangkok:
        parts.append(BANGKOK)
    else:
        add("จ.", _strip_prefix(a.province, ("จังหวัด", "จ.")))
    add("", digits_only(a.postcode))
    return " ".join(parts)


def postcode_problem(postcode: str) -> str | None:
    """``None`` for a plausible Thai postcode: 5 digits (Thai digits accepted), starting 10–96."""
    p = digits_only(clean_text(postcode))
    if not p:
        return _("ยังไม่ได้กรอกรหัสไปรษณีย์ โปรดกรอกตัวเลข 5 หลัก เช่น 30000")
    if not (p.isascii() and p.isdigit()):
        return _("รหัสไปรษณีย์ต้องเป็นตัวเลขเท่านั้น โปรดกรอกตัวเลข 5 หลัก เช่น 30000")
    if len(p) != 5:
        return _("รหัสไปรษณีย์ต้องมี 5 หลัก (กรอกมา {typed} หลัก) โปรดตรวจสอบอีกครั้ง").format(typed=len(p))
    if not POSTCODE_MIN_PREFIX <= int(p[:2]) <= POSTCODE_MAX_PREFIX:
        return _(
            "ไม่มีรหัสไปรษณีย์ {postcode} (สองหลักแรกต้องอยู่ระหว่าง "
            "{low} ถึง {high}) โปรดตรวจสอบอีกครั้ง"
        ).format(postcode=p, low=POSTCODE_MIN_PREFIX, high=POSTCODE_MAX_PREFIX)
    return None


def address_problems(
    a: Address, *, required: bool, field_prefix: str = "address."
) -> list[Problem]:
    """Problems of an address. When ``required``, subdistrict, district and province
    must be given; each part given must fit its column and have no Thai mark without
    meaning; the postcode is checked whenever it is given."""
    problems: list[Problem] = []
    if required:
        bangkok = is_bangkok(a.province)
        missing = (
            ("subdistrict", a.subdistrict, N_("แขวง") if bangkok else N_("ตำบล")),
            ("district", a.district, N_("เขต") if bangkok else N_("อำเภอ")),
            ("province", a.province, N_("จังหวัด")),
        )
        for name, value, label in missing:
            if not clean_text(value):
                problems.append(
                    Problem(field_prefix + name, _("ยังไม่ได้กรอก{label} โปรดกรอกชื่อ{label}").format(label=_(label)))
                )
    for name in ADDRESS_FIELDS[:-1]:  # every field but the postcode (its own rule below)
        value = getattr(a, name)
        if value:
            value = clean_text(value)
            label = ADDRESS_LABELS[name]
            message = too_long(value, ADDRESS_LIMITS[name], label) or thai_marks_problem(value, label)
            if message is not None:
                problems.append(Problem(field_prefix + name, message))
    if clean_text(a.postcode):
        message = postcode_problem(a.postcode)
        if message is not None:
            problems.append(Problem(field_prefix + "postcode", message))
    return problems
