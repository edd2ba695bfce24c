"""Made-up rooms and attendance for the demo (issue 12), so the centre page has something to
show: the demo year's child development centres get rooms per age group (as many as keep
each at most ROOM_MAX children, the 20-30 a caregiver has) with their enrolled children
placed from the year's start, and a register for every weekday from
then to today (the last two days left untaken, so "not recorded" shows too), about one
absence in twenty (sick, on leave or absent without word) and the year's public holidays
closed. No Qt.

Capped at MAX_CENTRES centres whatever the demo's size: a million-child demo (the
benchmarks') gets the same few, so its build time barely moves. Written through Core in
a few statements (services/demo.py's connection and transaction).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Connection, insert, select

from desktop.domain.centre import AbsenceReason, days_between
from desktop.domain.levels import level_by_code
from desktop.services.demo import insert_sql
from desktop.store.centre_state import CentreRoom
from desktop.store.models import AcademicYear, Enrollment, Institution, new_uuid, utcnow

MAX_CENTRES = 4
ABSENT_SHARE = 0.05
REASONS = (AbsenceReason.SICK,) * 5 + (AbsenceReason.LEAVE,) * 3 + (AbsenceReason.ABSENT,) * 2
# (month, day) the centres close (public holidays of a Thai academic year)
HOLIDAYS = ((6, 3), (7, 28), (8, 12), (10, 13), (10, 23), (12, 5), (12, 10), (12, 31), (1, 1), (4, 6),
            (4, 13), (4, 14), (4, 15), (5, 1))
UNTAKEN_DAYS = 2  # the last weekdays before today left without a register
ROOM_MAX = 30  # children a room at most: an age group of more is split into rooms of even size


def fill_centres(conn: Connection, *, office_id: int, year_id: int, seed: int, today: date) -> int:
    """Rooms, placements and registers of the demo's centres; the registers written."""
    year = conn.execute(select(AcademicYear.start_date, AcademicYear.end_date, AcademicYear.year_be)
                        .where(AcademicYear.id == year_id)).one()
    centres = conn.scalars(select(Institution.id).where(Institution.kind == "cdc", Institution.deleted_at.is_(None),
                                                        Institution.origin_office_id == office_id)
                           .order_by(Institution.id).limit(MAX_CENTRES)).all()
    if not centres or conn.scalar(select(CentreRoom.id).where(CentreRoom.academic_year_id == year_id).limit(1)):
        return 0
    rng = random.Random(f"samoe-demo-centres-{seed}")
    now = utcnow()
    common = {"version": 1, "created_at": now, "updated_at": now, "origin_office_id": office_id}
    stamp = now.isoformat(sep=" ")
    fixed: dict[str, int | str] = {"version": 1, "created_at": stamp, "updated_at": stamp,
                                   "origin_office_id": office_id}
    last = min(today - timedelta(days=1), year.end_date)
    days = [d for d in days_between(year.start_date, last) if d.weekday() < 5]
    closed = {d for d in days if (d.month, d.day) in HOLIDAYS}
    untaken = set(days[-UNTAKEN_DAYS:]) if days and last >= today - timedelta(days=1) else set()
    taken_days = [d for d in days if d not in closed and d not in untaken]
    registers = 0
    for centre in centres:
        kids = conn.execute(select(Enrollment.child_id, Enrollment.level_code)
                            .where(Enrollment.institution_id == centre, Enrollment.academic_year_id == year_id,
                                   Enrollment.deleted_at.is_(None)).order_by(Enrollment.child_id)).all()
        levels = sorted({lv for _c, lv in kids})
        room_of: dict[int, int] = {}  # child -> room
        position = 0
        for lv in levels:
            try:
                label = level_by_code(lv).label
            except KeyError:
                label = lv
            group = [c for c, level in kids if level == lv]
            n = -(-len(group) // ROOM_MAX)  # rooms of this age group
            for k in range(n):
                position += 1
                name = f"ห้อง{label}" + (f" {k + 1}" if n > 1 else "")
                room = int(conn.execute(insert(CentreRoom).values(
                    uuid=new_uuid(), institution_id=centre, academic_year_id=year_id, name=name,
                    age_group=lv[-1:] if lv[-1:].isdigit() else "", position=position, **common)
                    .returning(CentreRoom.id)).scalar_one())
                room_of.update((c, room) for c in group[k::n])  # even sizes: 71 -> 24, 24, 23
        room_ids = sorted(set(room_of.values()))
        if kids:
            _bulk(conn, "centre_placement", ("child_id", "room_id", "since", "placed_by"),
                  [(c, room_of[c], year.start_date.isoformat(), "demo") for c, _lv in kids], fixed)
        if closed:
            _bulk(conn, "centre_closed_day", ("institution_id", "day", "reason"),
                  [(centre, d.isoformat(), "วันหยุดราชการ") for d in sorted(closed)], fixed)
        if taken_days and room_ids:
            _bulk(conn, "centre_register", ("room_id", "day", "taken_by", "back_dated"),
                  [(r, d.isoformat(), "demo", False) for r in room_ids for d in taken_days], fixed)
            registers += len(room_ids) * len(taken_days)
        _bulk(conn, "centre_absence", ("child_id", "day", "reason"),
              [(c, d.isoformat(), rng.choice(REASONS).value) for c, _lv in kids for d in taken_days
               if rng.random() < ABSENT_SHARE], fixed)
    return registers


def _bulk(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[object, ...]],
          fixed: dict[str, int | str]) -> None:
    """Plain rows through the driver (the demo's way: a few thousand rows in milliseconds),
    each with a new uuid."""
    if rows:
        sql = insert_sql(conn, table, ("uuid", *columns), fixed=fixed)
        conn.exec_driver_sql(sql, [(new_uuid(), *r) for r in rows])
