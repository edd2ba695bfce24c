"""Realistic synthetic Thai registry data (names, valid IDs, G-codes, addresses).

Pure generation, no database: ``generate(n, seed)`` yields chunks of rows as plain tuples
in the column order of ``COLUMNS``; ``desktop.services.demo`` writes them. The same seed
gives the same data (uuids included), so benchmarks and tests are repeatable.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.domain.dates import to_ce_year
from desktop.domain.identity import make_national_id
from desktop.domain.sort_keys import enrolment_sort_keys, household_sort_keys
from desktop.store.models import name_sort_key, uuid7

BOYS = (
    "สมชาย", "สมศักดิ์", "ธนากร", "ณัฐวุฒิ", "ภูมิพัฒน์", "กิตติพงษ์", "อภิชาติ", "ชยพล", "ธีรภัทร",
    "ปัณณวัฒน์", "วรากร", "ศุภกร", "พีรพัฒน์", "ณัฐพล", "ธนวัฒน์", "กฤษดา", "อนุชา", "จักรพันธ์",
    "ภานุวัฒน์", "สิทธิชัย", "ปิยะพงษ์", "วีรยุทธ", "เกียรติศักดิ์", "ธนพล", "พงศกร", "ชนาธิป",
    "ศักดิ์สิทธิ์", "อดิศร", "ไชยา", "บุญมี", "ทองดี", "สมปอง", "ภัทรพล", "รัชชานนท์", "กันตพงศ์",
    "ต้นกล้า", "ภูผา", "ปกรณ์", "ตะวัน", "เจษฎา", "นันทวัฒน์", "อัครพล", "ธนาธิป", "ณภัทร",
)
GIRLS = (
    "สมหญิง", "มาลี", "กัลยา", "ณัฐธิดา", "ปภาวรินทร์", "ชนิดา", "พิมพ์ชนก", "ศิริพร", "อรอุมา",
    "กมลชนก", "ธนพร", "วรรณภา", "สุภาพร", "จิราพร", "ปวีณา", "เบญจวรรณ", "นภัสสร", "ชุติมา",
    "พรทิพย์", "อัญชลี", "รัตนาภรณ์", "ภัทราพร", "ณัฐนิชา", "กานต์ธิดา", "ปัณฑิตา", "อริสรา",
    "ธิดารัตน์", "ขวัญข้าว", "น้ำฝน", "บัวขาว", "ดวงใจ", "สายไหม", "ใบเตย", "ปริยากร", "ศศิธร",
    "พิชญาภา", "กชกร", "นันทิชา", "อนัญญา", "วิมลรัตน์", "ลลิตา", "รุ่งนภา", "ทิพวรรณ", "ชมพู่",
)
SURNAME_HEADS = (
    "ศรี", "แสง", "ทอง", "บุญ", "สุข", "ใจ", "มั่น", "พร", "วงศ์", "ชัย", "คำ", "จันทร์", "แก้ว",
    "ดวง", "พัน", "เพชร", "รัตน", "สม", "อินทร์", "นาค", "ปัญญา", "ทรัพย์", "มณี", "ศักดิ์",
)
SURNAME_TAILS = (
    "สุข", "ดี", "งาม", "เจริญ", "วงศ์", "ทอง", "ศรี", "มณี", "ประเสริฐ", "สวัสดิ์", "พันธ์", "ชัย",
    "กุล", "สกุล", "ภักดี", "รักษา", "นาคา", "บุญมา", "แก้ว", "อินทร์", "พิทักษ์", "ไพศาล",
)
SURNAMES = (
    "ใจดี", "สุขสวัสดิ์", "ทองมา", "ศรีสุข", "แก้วประเสริฐ", "บุญเรือง", "จันทร์หอม", "พรหมมา",
    "นาคสวัสดิ์", "ชัยมงคล", "กาญจนวงศ์", "ประเสริฐศรี", "มีสุข", "วงศ์สวัสดิ์", "สายทอง",
)
VILLAGES = (
    "บ้านโนนสูง", "บ้านหนองบัว", "บ้านโคกสะอาด", "บ้านดอนแดง", "บ้านหนองไผ่", "บ้านนาดี",
    "บ้านสระแก้ว", "บ้านโพธิ์ทอง", "บ้านหัวนา", "บ้านท่าช้าง", "บ้านหนองกระทุ่ม", "บ้านม่วง",
)
SUBDISTRICTS = ("บ้านใหม่", "หนองจะบก", "โคกสูง", "มะเริง", "หนองระเวียง", "พุดซา")
DISTRICT, PROVINCE, POSTCODE = "เมืองนครราชสีมา", "นครราชสีมา", "30000"
ROADS = ("", "", "", "มิตรภาพ", "สุรนารี", "ราชสีมา-โชคชัย")
OCCUPATIONS = (
    "รับจ้างทั่วไป", "เกษตรกร", "ค้าขาย", "แม่บ้าน", "ว่างงาน", "พนักงานบริษัท", "ขับรถรับจ้าง",
    "ก่อสร้าง", "ทำงานต่างจังหวัด",
)
NO_ID_REASONS = ("ยังไม่ได้แจ้งเกิด", "รอพิสูจน์สถานะบุคคล", "ไม่มีเอกสารแสดงตน")
MIGRANT_NATIONALITIES = ("เมียนมา", "กัมพูชา", "ลาว", "ไม่มีสัญชาติ")
DISABILITIES = ("บกพร่องทางการเรียนรู้", "บกพร่องทางการได้ยิน", "ออทิสติก", "บกพร่องทางสติปัญญา")
CLASSROOMS = ("1", "2", "3")

SCHOOL_NAMES = ("โรงเรียนเทศบาล {n} (บ้าน{v})",)
CDC_NAMES = ("ศูนย์พัฒนาเด็กเล็กบ้าน{v}",)

COLUMNS: dict[str, tuple[str, ...]] = {
    "institution": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "kind", "code", "name", "phone", "house_no", "village_no", "village_name", "soi", "road",
        "subdistrict", "district", "province", "postcode",
    ),
    "household": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "house_code", "phone", "note", "house_no", "village_no", "village_name", "soi", "road",
        "subdistrict", "district", "province", "postcode", "subdistrict_key", "village_key",
        "house_key", "child_count", "guardian_count",
    ),
    "child": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "prefix", "first_name", "last_name", "first_name_key", "last_name_key", "first_name_en",
        "last_name_en", "sex", "birth_date", "id_type", "national_id", "g_code", "no_id_reason",
        "nationality", "disability", "household_id", "enrol_institution_key", "enrol_level_key",
        "enrol_classroom_key",
    ),
    "guardian": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "prefix", "first_name", "last_name", "national_id", "phone", "occupation", "household_id",
    ),
    "child_guardian": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "child_id", "guardian_id", "relation", "is_primary",
    ),
    "enrollment": (
        "id", "uuid", "version", "created_at", "updated_at", "deleted_at", "origin_office_id",
        "child_id", "institution_id", "academic_year_id", "level_code", "classroom", "status",
        "institution_key", "level_key", "classroom_key",
    ),
}

Row = tuple[object, ...]


@dataclass
class Chunk:
    household: list[Row] = field(default_factory=list)
    child: list[Row] = field(default_factory=list)
    guardian: list[Row] = field(default_factory=list)
    child_guardian: list[Row] = field(default_factory=list)
    enrollment: list[Row] = field(default_factory=list)
    children: int = 0

    def tables(self) -> list[tuple[str, list[Row]]]:
        return [
            ("household", self.household),
            ("child", self.child),
            ("guardian", self.guardian),
            ("child_guardian", self.child_guardian),
            ("enrollment", self.enrollment),
        ]


@dataclass(frozen=True)
class Institutions:
    """Ids of the institutions the children are enrolled in, by kind."""

    schools: tuple[int, ...]
    cdcs: tuple[int, ...]
    names: dict[int, str] = field(default_factory=dict)  # for the enrolments' sort keys


@dataclass
class Ids:
    """Next free primary key of each table (the generator assigns keys itself)."""

    household: int = 1
    child: int = 1
    guardian: int = 1
    child_guardian: int = 1
    enrollment: int = 1


class UuidSource:
    """Time-ordered uuids (version 7) drawn from ``rng``: repeatable for a seed, and in
    ascending order so a bulk load appends to the uuid indexes."""

    def __init__(self, rng: random.Random, start: int) -> None:
        self._rng = rng
        self._ms = DEMO_EPOCH_MS + start * 16  # later runs in one database sort later

    def __call__(self) -> str:
        self._ms += 1
        return uuid7(self._ms, self._rng.getrandbits(74))


DEMO_EPOCH_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z


def _stamp(now: datetime) -> str:
    return now.isoformat(sep=" ", timespec="microseconds")


def institution_rows(
    n_schools: int, n_cdcs: int, office_id: int, start_id: int, rng: random.Random, now: datetime
) -> list[Row]:
    ts = _stamp(now)
    new_uuid = UuidSource(rng, start_id)
    rows: list[Row] = []
    next_id = start_id
    for i in range(n_schools):
        village = VILLAGES[i % len(VILLAGES)].removeprefix("บ้าน")
        rows.append((
            next_id, new_uuid(), 1, ts, ts, None, office_id, "school", f"11301{i + 1:05d}",
            f"โรงเรียนเทศบาล {i + 1} (บ้าน{village})", f"044{rng.randrange(1000000):06d}",
            str(rng.randint(1, 300)), str(rng.randint(1, 20)), VILLAGES[i % len(VILLAGES)], "", "",
            SUBDISTRICTS[i % len(SUBDISTRICTS)], DISTRICT, PROVINCE, POSTCODE,
        ))
        next_id += 1
    for i in range(n_cdcs):
        village = VILLAGES[(i + 3) % len(VILLAGES)]
        suffix = f" {i // len(VILLAGES) + 1}" if i >= len(VILLAGES) else ""
        rows.append((
            next_id, new_uuid(), 1, ts, ts, None, office_id, "cdc", f"33001{i + 1:05d}",
            f"ศูนย์พัฒนาเด็กเล็ก{village}{suffix}", f"044{rng.randrange(1000000):06d}",
            str(rng.randint(1, 300)), str(rng.randint(1, 20)), village, "", "",
            SUBDISTRICTS[(i + 1) % len(SUBDISTRICTS)], DISTRICT, PROVINCE, POSTCODE,
        ))
        next_id += 1
    return rows


def institution_counts(children: int) -> tuple[int, int]:
    """Schools and centres for a registry of this size (a town has a handful of each)."""
    schools = min(400, max(3, children // 2500))
    cdcs = min(400, max(3, children // 4000))
    return schools, cdcs


def _level_for_age(age: int) -> tuple[str, str]:
    """(kind, level code) a child of this age on 16 May is usually in."""
    if age <= 2:
        return "cdc", "cdc2"
    if age == 3:
        return "cdc", "cdc3"
    if age == 4:
        return "cdc", "cdc4"
    if age == 5:
        return "school", "k3"
    if age <= 11:
        return "school", f"p{age - 5}"
    return "school", f"m{min(age - 11, 6)}"


def generate(
    n_children: int,
    *,
    seed: int,
    office_id: int,
    institutions: Institutions,
    year_id: int,
    year_be: int,
    ids: Ids,
    now: datetime,
    chunk_size: int = 10_000,
) -> Iterator[Chunk]:
    """Households of 1–4 children with 1–2 guardians each, until ``n_children`` are made."""
    # Each table's rows, and each later run into the same database, draw from their own
    # stream: the same seed gives the same data, never the same uuids twice.
    rng = random.Random(f"samoe-demo-{seed}-{ids.child}-{ids.household}")
    new_uuid = UuidSource(rng, ids.child)
    ts = _stamp(now)
    year_start = date(to_ce_year(year_be), 5, 16)
    made = 0
    chunk = Chunk()
    enrolment_keys: dict[tuple[int, str, str], tuple[str, str, str]] = {}
    while made < n_children:
        # --- the household
        hh_id = ids.household
        ids.household += 1
        subdistrict = rng.choice(SUBDISTRICTS)
        village_no = rng.randint(1, 15)
        surname = (
            rng.choice(SURNAMES) if rng.random() < 0.2
            else rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)
        )
        house_no = f"{rng.randint(1, 450)}" + (f"/{rng.randint(1, 30)}" if rng.random() < 0.2 else "")
        chunk.household.append((
            hh_id, new_uuid(), 1, ts, ts, None, office_id,
            "", "", "", house_no, str(village_no), rng.choice(VILLAGES), "", rng.choice(ROADS),
            subdistrict, DISTRICT, PROVINCE, POSTCODE,
            *household_sort_keys(subdistrict, str(village_no), house_no),
        ))
        migrant = rng.random() < 0.07
        # --- the guardians
        guardians: list[tuple[int, str]] = []
        n_guardians = 1 if rng.random() < 0.35 else 2
        relations = rng.choice((("แม่", "พ่อ"), ("ยาย", "ตา"), ("ย่า", "ปู่"), ("แม่", "ยาย"), ("ป้า", "ลุง")))
        for g in range(n_guardians):
            rel = relations[g]
            female = rel in ("แม่", "ยาย", "ย่า", "ป้า", "น้า")
            gid = ids.guardian
            ids.guardian += 1
            nid = None if migrant else make_national_id(
                str(rng.randint(1, 3)) + f"{rng.randrange(10**11):011d}"
            )
            first = rng.choice(GIRLS if female else BOYS)
            prefix = ("นาง" if rng.random() < 0.7 else "นางสาว") if female else "นาย"
            phone = rng.choice(("08", "09", "06")) + f"{rng.randrange(10**8):08d}"
            chunk.guardian.append((
                gid, new_uuid(), 1, ts, ts, None, office_id, prefix, first, surname, nid, phone,
                rng.choice(OCCUPATIONS), hh_id,
            ))
            guardians.append((gid, rel))
        # --- the children
        kids = min(rng.choice((1, 1, 1, 2, 2, 3, 4)), n_children - made)
        # the household's member counts (migration 0008), for a load without their triggers
        chunk.household[-1] = (*chunk.household[-1], kids, n_guardians)
        for k in range(kids):
            cid = ids.child
            ids.child += 1
            made += 1
            boy = rng.random() < 0.51
            age_days = rng.randint(2 * 365 + 30, 15 * 365 + 200)
            birth = year_start - timedelta(days=age_days)
            age = (year_start - birth).days // 365
            prefix = ("เด็กชาย" if boy else "เด็กหญิง") if age < 15 else ("นาย" if boy else "นางสาว")
            if migrant:
                id_type, nid, gcode, reason = "g_code", None, "G" + f"{rng.randrange(10**12):012d}", ""
                if rng.random() < 0.2:
                    id_type, gcode, reason = "none", None, rng.choice(NO_ID_REASONS)
                nationality = rng.choice(MIGRANT_NATIONALITIES)
            else:
                first12 = str(rng.choice((1, 1, 1, 2, 3))) + f"{rng.randrange(10**11):011d}"
                id_type, nid, gcode, reason = "national_id", make_national_id(first12), None, ""
                nationality = "ไทย"
            disability = rng.choice(DISABILITIES) if rng.random() < 0.02 else ""
            child_uuid = new_uuid()  # before the name: the same random stream as ever
            first = rng.choice(BOYS if boy else GIRLS)
            child_row = (
                cid, child_uuid, 1, ts, ts, None, office_id, prefix, first, surname,
                name_sort_key(first), name_sort_key(surname), "", "", "M" if boy else "F",
                birth.isoformat(), id_type, nid, gcode, reason, nationality, disability, hh_id,
            )
            chunk.child.append(child_row)
            for j, (gid, rel) in enumerate(guardians):
                chunk.child_guardian.append((
                    ids.child_guardian, new_uuid(), 1, ts, ts, None, office_id, cid, gid, rel,
                    j == 0,
                ))
                ids.child_guardian += 1
            kind, level = _level_for_age(age)
            pool = institutions.cdcs if kind == "cdc" else institutions.schools
            if pool and (k == 0 or rng.random() < 0.97):
                enrolment_uuid = new_uuid()  # the random stream in the order it always had
                inst_id = pool[(hh_id + rng.randrange(2)) % len(pool)]
                room = rng.choice(CLASSROOMS)
                keys = enrolment_keys.get((inst_id, level, room))
                if keys is None:
                    keys = enrolment_keys[(inst_id, level, room)] = enrolment_sort_keys(
                        institutions.names.get(inst_id, ""), level, room)
                chunk.enrollment.append((
                    ids.enrollment, enrolment_uuid, 1, ts, ts, None, office_id, cid, inst_id,
                    year_id, level, room, "active", *keys,
                ))
                ids.enrollment += 1
                chunk.child[-1] = (*child_row, *keys)  # its current (only) enrolment
            else:
                chunk.child[-1] = (*child_row, "", "", "")
            chunk.children += 1
        if chunk.children >= chunk_size:
            yield chunk
            chunk = Chunk()
    if chunk.children:
        yield chunk
