"""How long each text field may be: the lengths of its column in the database.

SQLite does not enforce ``VARCHAR(n)``; PostgreSQL refuses a longer value and the whole
save fails. So the form and the import check these lengths first and say which field is
too long. The numbers are those of the store's models (``String(n)``); the domain imports
nothing of ours, so tests (tests/unit/test_thai_marks_and_limits.py, test_form_limits.py)
hold the two equal: change a model's length and they name what to change here.

Lengths count characters (code points), as PostgreSQL does: a Thai tone mark is one.
"""

from __future__ import annotations

from desktop.i18n import N_, _

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
    "prefix": N_("คำนำหน้า"),
    "first_name": N_("ชื่อ"),
    "last_name": N_("นามสกุล"),
    "first_name_en": N_("ชื่อภาษาอังกฤษ"),
    "last_name_en": N_("นามสกุลภาษาอังกฤษ"),
    "no_id_reason": N_("เหตุที่ไม่มีเลขประจำตัว"),
    "nationality": N_("สัญชาติ"),
    "disability": N_("ความพิการ"),
}
ADDRESS_LABELS: dict[str, str] = {
    "house_no": N_("บ้านเลขที่"),
    "village_no": N_("หมู่ที่"),
    "village_name": N_("หมู่บ้าน"),
    "soi": N_("ซอย"),
    "road": N_("ถนน"),
    "subdistrict": N_("ตำบล/แขวง"),
    "district": N_("อำเภอ/เขต"),
    "province": N_("จังหวัด"),
    "postcode": N_("รหัสไปรษณีย์"),
}
GUARDIAN_LABELS: dict[str, str] = {
    "prefix": N_("คำนำหน้า"),
    "first_name": N_("ชื่อ"),
    "last_name": N_("นามสกุล"),
    "phone": N_("เบอร์โทรศัพท์"),
    "occupation": N_("อาชีพ"),
    "relation": N_("ความเกี่ยวข้องกับเด็ก"),
}

INSTITUTION_LABELS: dict[str, str] = {
    "code": N_("รหัสสถานศึกษา"),
    "name": N_("ชื่อสถานศึกษา"),
    "phone": N_("โทรศัพท์"),
}
OFFICE_LABELS: dict[str, str] = {
    "code": N_("รหัสหน่วยงาน"),
    "name": N_("ชื่อหน่วยงาน"),
    "province": N_("จังหวัด"),
}


def too_long(value: str, limit: int, label: str) -> str | None:
    """``None`` when ``value`` fits ``limit`` characters; else a Thai message naming the
    field, how long the text is and how long it may be."""
    if len(value) <= limit:
        return None
    return _("{label}ยาวเกินไป ({length} ตัวอักษร) ช่องนี้ใส่ได้ไม่เกิน {limit} ตัวอักษร "
             "โปรดตัดให้สั้นลง").format(label=_(label), length=f"{len(value):,}", limit=limit)
