"""How long each text field may be: the lengths of its column in the database.

SQLite does not enforce ``VARCHAR(n)``; PostgreSQL refuses a longer value and the whole
save fails. So the form and the import check these lengths first and say which field is
too long. The numbers are those of the store's models (``String(n)``); the domain imports
nothing of ours, so tests (tests/unit/test_thai_marks_and_limits.py, test_form_limits.py)
hold the two equal: change a model's length and they name what to change here.

Lengths count characters (code points), as PostgreSQL does: a Thai tone mark is one.
"""

from __future__ import annotations

CHILD: dict[str, int] = {
    "prefix": 20,
    "first_name": 100,
    "last_name": 100,
    "first_name_en": 100,
    "last_name_en": 100,
    "no_id_reason": 200,
    "nationality": 50,
    "disability": 200,
}
ADDRESS: dict[str, int] = {
    "house_no": 40,
    "village_no": 10,
    "village_name": 100,
    "soi": 100,
    "road": 100,
    "subdistrict": 100,
    "district": 100,
    "province": 100,
    "postcode": 5,
}
GUARDIAN: dict[str, int] = {
    "prefix": 20,
    "first_name": 100,
    "last_name": 100,
    "phone": 40,
    "occupation": 100,
    "relation": 40,
}
ENROLLMENT: dict[str, int] = {"classroom": 20}
INSTITUTION: dict[str, int] = {"code": 20, "name": 200, "phone": 40}  # and ADDRESS
HOUSEHOLD: dict[str, int] = {"house_code": 11, "phone": 40}  # and ADDRESS
OFFICE: dict[str, int] = {"code": 20, "name": 200, "province": 100}

CHILD_LABELS: dict[str, str] = {
    "prefix": "คำนำหน้า",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "first_name_en": "ชื่อภาษาอังกฤษ",
    "last_name_en": "นามสกุลภาษาอังกฤษ",
    "no_id_reason": "เหตุที่ไม่มีเลขประจำตัว",
    "nationality": "สัญชาติ",
    "disability": "ความพิการ",
}
ADDRESS_LABELS: dict[str, str] = {
    "house_no": "บ้านเลขที่",
    "village_no": "หมู่ที่",
    "village_name": "หมู่บ้าน",
    "soi": "ซอย",
    "road": "ถนน",
    "subdistrict": "ตำบล/แขวง",
    "district": "อำเภอ/เขต",
    "province": "จังหวัด",
    "postcode": "รหัสไปรษณีย์",
}
GUARDIAN_LABELS: dict[str, str] = {
    "prefix": "คำนำหน้า",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "phone": "เบอร์โทรศัพท์",
    "occupation": "อาชีพ",
    "relation": "ความเกี่ยวข้องกับเด็ก",
}

INSTITUTION_LABELS: dict[str, str] = {
    "code": "รหัสสถานศึกษา",
    "name": "ชื่อสถานศึกษา",
    "phone": "โทรศัพท์",
}
OFFICE_LABELS: dict[str, str] = {
    "code": "รหัสหน่วยงาน",
    "name": "ชื่อหน่วยงาน",
    "province": "จังหวัด",
}


def too_long(value: str, limit: int, label: str) -> str | None:
    """``None`` when ``value`` fits ``limit`` characters; else a Thai message naming the
    field, how long the text is and how long it may be."""
    if len(value) <= limit:
        return None
    return (f"{label}ยาวเกินไป ({len(value):,} ตัวอักษร) ช่องนี้ใส่ได้ไม่เกิน {limit} ตัวอักษร "
            f"โปรดตัดให้สั้นลง")
