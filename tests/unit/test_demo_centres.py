"""``samoe demo`` fills the centres' rooms and a term of attendance (issue 12): every child
enrolled at a demo centre is in a room of their age group, each room has a register for
each weekday but the holidays and the last two, about one absence in twenty; and it stays
fast (a 2,000-child demo's centres in well under a second)."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, select

from desktop.services.centre import centres, rooms
from desktop.services.centre_attendance import room_attendance
from desktop.services.demo import fill_demo
from desktop.services.demo_centres import fill_centres
from desktop.store.centre_state import CentreClosedDay, CentrePlacement, CentreRegister
from desktop.store.db import Database
from desktop.store.models import AcademicYear, Enrollment, Institution

TODAY = date(2026, 12, 1)


def test_the_demo_has_rooms_and_a_term_of_attendance(office_db: Database) -> None:
    fill_demo(office_db.engine, children=2000, seed=4, today=TODAY, screenings=True)
    with office_db.reader() as s:
        found = centres(s)
        assert found
        first = found[0]
        rs = rooms(s, first.id, 2569, on=date(2026, 11, 20))
        enrolled = s.scalar(select(func.count()).select_from(Enrollment).join(AcademicYear)
                            .where(Enrollment.institution_id == first.id, AcademicYear.year_be == 2569))
        report = room_attendance(s, rs[0].id, date(2026, 5, 16), date(2026, 11, 30))
        closed = set(s.scalars(select(CentreClosedDay.day).where(CentreClosedDay.institution_id == first.id)))
        last_taken = s.scalar(select(func.max(CentreRegister.day)))
        placed = s.scalar(select(func.count()).select_from(CentrePlacement))
    assert rs and all(r.name.startswith("ห้อง") for r in rs) and sum(r.children for r in rs) == enrolled
    assert all(0 < r.children <= 30 for r in rs), [r.children for r in rs]  # a caregiver's 20-30
    assert 92 < (report.total.percent or 0) < 98
    assert report.total.not_recorded > 0  # the last two weekdays were left untaken
    assert date(2026, 8, 12) in closed and date(2026, 12, 5) not in closed  # up to yesterday only
    assert last_taken == date(2026, 11, 26)  # 27 and 30 November untaken
    assert placed > 0


def test_filling_the_centres_is_fast_and_once(office_db: Database) -> None:
    fill_demo(office_db.engine, children=2000, seed=5, today=TODAY)  # the registry only
    with office_db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        t0 = time.perf_counter()
        registers = fill_centres(conn, office_id=int(office or 0), year_id=int(year or 0), seed=5, today=TODAY)
        took = time.perf_counter() - t0
        again = fill_centres(conn, office_id=int(office or 0), year_id=int(year or 0), seed=5, today=TODAY)
    print(f"demo centres: {registers} registers in {took * 1000:.0f} ms")
    assert registers > 100 and again == 0
    assert took < 5.0  # 0.8-1.6 s measured at load 11-13 on the 2 shared cores
