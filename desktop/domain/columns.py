"""The columns of a children spreadsheet: what Samoe exports and what it can import.

Each column has a key (the field it fills), the Thai header Samoe writes, and the other
headers people use for it in the files they bring (Thai and English, from DLA/EEF forms and
school systems). Export writes ``label``; import recognises ``label`` and every synonym, so
an exported file imports again unchanged.

Header matching ignores case, spaces, dots, brackets, underscores and hyphens, and reads
Thai digits as ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.i18n import N_, _

from .text import clean_text, to_ascii_digits


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    group: str = "child"  # child / address / enrollment / guardian
    exported: bool = True  # False: read on import only (e.g. a full name in one cell)

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)

    @property
    def display_label(self) -> str:
        """The field's name on screen, in the language in force (``label`` is the Thai
        header files carry and exports write)."""
        return _(self.label)


CHILD_COLUMNS: tuple[Column, ...] = (
    Column("prefix", N_("คำนำหน้าชื่อ"), ("คำนำหน้า", "คำนำหน้านาม", "prefix", "title")),
    Column("first_name", N_("ชื่อ"), ("ชื่อเด็ก", "ชื่อนักเรียน", "ชื่อจริง", "first name", "firstname",
                                  "name", "given name"), required=True),
    Column("last_name", N_("นามสกุล"), ("สกุล", "นามสกุลเด็ก", "นามสกุลนักเรียน", "last name",
                                    "lastname", "surname", "family name"), required=True),
    Column("full_name", N_("ชื่อ-นามสกุล"), ("ชื่อ - นามสกุล", "ชื่อ-สกุล", "ชื่อสกุล",
                                         "ชื่อ นามสกุล", "ชื่อและนามสกุล", "full name"),
           exported=False),
    Column("first_name_en", N_("ชื่อ (อังกฤษ)"), ("ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "first name en",
                                              "english first name")),
    Column("last_name_en", N_("นามสกุล (อังกฤษ)"), ("นามสกุลภาษาอังกฤษ", "นามสกุลอังกฤษ",
                                                "last name en", "english last name")),
    Column("sex", N_("เพศ"), ("sex", "gender"), required=True),
    Column("birth_date", N_("วันเกิด"), ("วันเดือนปีเกิด", "วัน/เดือน/ปีเกิด", "วันเดือนปี เกิด",
                                     "ว/ด/ป เกิด", "ว/ด/ป", "วดป เกิด", "วันที่เกิด", "เกิดวันที่",
                                     "birth date", "birthdate", "date of birth", "dob"),
           required=True),
    Column("national_id", N_("เลขประจำตัวประชาชน"), (
        "เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "เลขประจำตัวประชาชน 13 หลัก",
        "เลขประจำตัว", "บัตรประชาชน", "รหัสประจำตัวประชาชน", "เลขบัตร", "เลขบัตรประชาชนเด็ก",
        "เลขประจำตัวประชาชนเด็ก", "เลขประจำตัวประชาชนนักเรียน", "citizen id", "national id",
        "id card", "pid", "cid")),
    Column("g_code", N_("รหัส G"), ("รหัสจี", "g code", "gcode", "g-code", "เลข g")),
    Column("no_id_reason", N_("เหตุที่ไม่มีเลขประจำตัว"), ("เหตุผลที่ไม่มีเลขประจำตัว",)),
    Column("nationality", N_("สัญชาติ"), ("nationality",)),
    Column("disability", N_("ความพิการ"), ("ประเภทความพิการ", "disability")),
    Column("house_code", N_("รหัสประจำบ้าน"), ("เลขรหัสประจำบ้าน", "house code"), group="address"),
    # Not "เลขที่" alone: in a class list that is the roll number (see IGNORED_HEADERS).
    Column("house_no", N_("บ้านเลขที่"), ("เลขที่บ้าน", "ที่อยู่ เลขที่", "ที่อยู่ บ้านเลขที่",
                                     "house no", "house number"), group="address"),
    Column("village_no", N_("หมู่ที่"), ("หมู่", "ม.", "moo", "village no"), group="address"),
    Column("village_name", N_("หมู่บ้าน"), ("ชื่อหมู่บ้าน", "ชุมชน", "village"), group="address"),
    Column("soi", N_("ซอย"), ("ตรอก/ซอย", "soi", "lane"), group="address"),
    Column("road", N_("ถนน"), ("road", "street"), group="address"),
    Column("subdistrict", N_("ตำบล/แขวง"), ("ตำบล", "แขวง", "ต.", "subdistrict", "tambon"), group="address"),
    Column("district", N_("อำเภอ/เขต"), ("อำเภอ", "เขต", "อ.", "district", "amphoe"), group="address"),
    Column("province", N_("จังหวัด"), ("จ.", "province", "changwat"), group="address"),
    Column("postcode", N_("รหัสไปรษณีย์"), ("ไปรษณีย์", "postcode", "zip", "postal code"),
           group="address"),
    Column("institution", N_("สถานศึกษา"), ("โรงเรียน", "ชื่อโรงเรียน", "ศูนย์พัฒนาเด็กเล็ก", "ศพด",
                                         "ชื่อสถานศึกษา", "รหัสสถานศึกษา", "school",
                                         "institution"), group="enrollment"),
    Column("level", N_("ชั้น"), ("ระดับชั้น", "ชั้นเรียน", "ชั้นปี", "ระดับ", "level", "grade", "class"),
           group="enrollment"),
    Column("classroom", N_("ห้อง"), ("ห้องเรียน", "room", "classroom"), group="enrollment"),
    Column("year_be", N_("ปีการศึกษา"), ("ปีการศึกษา พ.ศ.", "academic year", "year"),
           group="enrollment"),
    Column("guardian_prefix", N_("คำนำหน้าผู้ปกครอง"), ("คำนำหน้าชื่อผู้ปกครอง",), group="guardian"),
    Column("guardian_first_name", N_("ชื่อผู้ปกครอง"), ("ผู้ปกครอง", "ชื่อบิดามารดา",
                                                   "guardian first name", "guardian name",
                                                   "parent name"), group="guardian"),
    Column("guardian_last_name", N_("นามสกุลผู้ปกครอง"), ("guardian last name", "parent surname"),
           group="guardian"),
    Column("guardian_national_id", N_("เลขประจำตัวประชาชนผู้ปกครอง"), (
        "เลขบัตรประชาชนผู้ปกครอง", "guardian national id", "guardian id"), group="guardian"),
    Column("guardian_relation", N_("ความเกี่ยวข้องกับเด็ก"), ("ความสัมพันธ์", "เกี่ยวข้องเป็น",
                                                          "ความสัมพันธ์กับเด็ก", "relation",
                                                          "relationship"), group="guardian"),
    Column("guardian_phone", N_("โทรศัพท์ผู้ปกครอง"), ("เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์",
                                                   "phone", "telephone", "mobile"),
           group="guardian"),
    Column("guardian_occupation", N_("อาชีพผู้ปกครอง"), ("อาชีพ", "occupation"), group="guardian"),
)

COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in CHILD_COLUMNS}

# The extra "ประเภทเลขประจำตัว" is not needed: the type follows from which ID is filled.

_NOISE = re.compile(r"[\s.()\[\]_\-:*/]+")


def header_key(text: object) -> str:
    """The form of a header text used for matching (see the module docstring)."""
    return _NOISE.sub("", to_ascii_digits(clean_text(str(text or "")))).casefold()


# Headers of columns that are nothing of ours: a class list's roll number (เลขที่, ที่,
# ลำดับ), the school's own student number, an age worked out from the birth date.
IGNORED_HEADERS: tuple[str, ...] = (
    "เลขที่", "ที่", "ลำดับ", "ลำดับที่", "no", "no.", "#", "เลขประจำตัวนักเรียน", "รหัสนักเรียน",
    "เลขประจำตัวนักเรียน/รหัสนักเรียน", "student id", "student no", "อายุ", "อายุ (ปี)", "age",
    "หมายเหตุ", "note",
)
# How a header says how its values are written, after the name of the column (matching form,
# so "(พ.ศ.)" is "พศ"): taken off the end, one after another, when the whole header is not
# known: "วันเดือนปีเกิด (พ.ศ.)", "เพศ (ช/ญ)", "เลขบัตรประชาชน 13 หลัก".
_HINTS: tuple[str, ...] = tuple(sorted({header_key(h) for h in (
    "พ.ศ.", "ค.ศ.", "ช/ญ", "ชาย/หญิง", "ชายหญิง", "m/f", "13 หลัก", "ตัวเลข 13 หลัก", "วว/ดด/ปปปป",
    "วว/ดด/ปป", "dd/mm/yyyy", "ถ้ามี", "ถ้ามี)",
)}, key=len, reverse=True))

_BY_NAME: dict[str, str] = {}
for _col in CHILD_COLUMNS:
    for _name in _col.names():
        _BY_NAME.setdefault(header_key(_name), _col.key)
_IGNORED = frozenset(header_key(h) for h in IGNORED_HEADERS)


def column_for_header(header: str) -> str | None:
    """The column key a header names, or ``None`` when it is not recognised (or is one of
    :data:`IGNORED_HEADERS`). A header not known as written is tried again without the
    hints at its end on how the values are written (``พ.ศ.``, ``ช/ญ``, ``13 หลัก``)."""
    key = header_key(header)
    while key and key not in _IGNORED:
        hit = _BY_NAME.get(key)
        if hit is not None:
            return hit
        hint = next((h for h in _HINTS if key.endswith(h) and len(key) > len(h)), None)
        if hint is None:
            return None
        key = key[: -len(hint)]
    return None


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """``{column index: key}`` for every header recognised; the first header wins when two
    name the same column, so nothing is filled twice."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        key = column_for_header(header)
        if key is not None and key not in taken:
            mapping[i] = key
            taken.add(key)
    return mapping


def missing_required(keys: Iterable[str]) -> list[Column]:
    """The required columns not in ``keys``. A full-name column stands for first and last
    name; a prefix (its own column or in the full name) stands for sex, which it implies
    (เด็กชาย/นาย: male; เด็กหญิง/นางสาว/นาง: female)."""
    have = set(keys)
    if "full_name" in have:
        have |= {"first_name", "last_name", "prefix"}
    if "prefix" in have:
        have.add("sex")
    return [c for c in CHILD_COLUMNS if c.required and c.key not in have]


EXPORT_COLUMNS: tuple[Column, ...] = tuple(c for c in CHILD_COLUMNS if c.exported)


def export_headers() -> list[str]:
    return [c.label for c in EXPORT_COLUMNS]
