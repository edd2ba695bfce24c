"""Two child development centres with children enrolled in 2569, for the centre tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.centre import AbsenceReason
from desktop.services.centre import add_room, place_child
from desktop.services.centre_attendance import close_day, save_register
from desktop.services.office import require_local_office
from desktop.services.years import ensure_year
from desktop.store.db import Database
from desktop.store.models import Child, Enrollment, Institution

FIRST = ["กมล", "ขวัญ", "คณิน", "จิรา", "ชนิดา", "ญาดา", "ณัฐ", "ดารา", "ธนา", "นภา", "บุญ", "ปรีชา", "พิม", "ภูมิ",
         "มาลี", "ยุพา", "รวี", "ลำดวน", "วิชัย", "ศศิ", "สมใจ", "หทัย", "อรุณ", "ฮานา", "กานต์", "ข้าวหอม", "เจษฎา",
         "ชาลี", "ตะวัน", "ทองใบ", "นที", "ปาริชาต"]


@dataclass(frozen=True)
class Kit:
    centre_a: int
    centre_b: int
    children_a: list[str]  # uuids
    children_b: list[str]


def two_centres(db: Database, n_a: int = 30, n_b: int = 5) -> Kit:
    with db.session() as s:
        office = require_local_office(s)
        year = ensure_year(s, 2569)
        centres = []
        for code, name in (("3300100001", "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"), ("3300100002", "ศูนย์พัฒนาเด็กเล็กวัดใหม่")):
            c = Institution(kind="cdc", code=code, name=name, origin_office_id=office.id)
            s.add(c)
            centres.append(c)
        s.flush()
        out: list[list[str]] = [[], []]
        for k, (centre, n) in enumerate(zip(centres, (n_a, n_b), strict=True)):
            for i in range(n):
                child = Child(prefix="เด็กหญิง" if i % 2 else "เด็กชาย", first_name=FIRST[i % len(FIRST)],
                              last_name=f"ใจดี{k}{i:02d}", sex="F" if i % 2 else "M", birth_date=date(2022, 1, 1 + i % 28),
                              id_type="none", no_id_reason="ยังไม่ได้แจ้งเกิด", origin_office_id=office.id)
                s.add(child)
                s.flush()
                s.add(Enrollment(child_id=child.id, institution_id=centre.id, academic_year_id=year.id,
                                 level_code="cdc3", classroom="1", origin_office_id=office.id))
                out[k].append(child.uuid)
        return Kit(centres[0].id, centres[1].id, out[0], out[1])


NOV = [date(2026, 11, d) for d in range(1, 31)]
CLOSED = date(2026, 11, 13)
NOT_TAKEN = date(2026, 11, 27)
MONDAYS = [date(2026, 11, d) for d in (9, 16, 23, 30)]


def room_of_kit(db: Database, kit: Kit, since: date = date(2026, 5, 16)) -> int:
    """Room ห้องเด็กกลาง of centre A with all its children from ``since``."""
    with db.session() as s:
        rid = add_room(s, kit.centre_a, 2569, "ห้องเด็กกลาง", age_group="3")
        for uuid in kit.children_a:
            place_child(s, uuid, rid, since)
    return rid


def november(db: Database, kit: Kit, rid: int) -> None:
    """Every weekday of November 2026 taken on its day but the 27th (not taken) and the 13th
    (closed); child 0 sick every Monday from the 9th; the 2nd first saved with no absence,
    then corrected on 1 December (back-dated: child 0 sick, 1 on leave, 2 absent)."""
    c = kit.children_a
    with db.session() as s:
        close_day(s, kit.centre_a, CLOSED, "ลอยกระทง")
    for day in NOV:
        if day.weekday() >= 5 or day in (CLOSED, NOT_TAKEN):
            continue
        absent = {c[0]: AbsenceReason.SICK} if day in MONDAYS else {}
        with db.session() as s:
            save_register(s, rid, day, absent, today=day + timedelta(days=1) if day == MONDAYS[-1] else day)
    with db.session() as s:
        saved = save_register(s, rid, date(2026, 11, 2), {c[0]: AbsenceReason.SICK, c[1]: AbsenceReason.LEAVE,
                                                          c[2]: AbsenceReason.ABSENT}, today=date(2026, 12, 1))
    assert (saved.absent, saved.present, saved.back_dated_days) == (3, 27, 29)
