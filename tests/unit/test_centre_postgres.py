"""The centre's services and demo on PostgreSQL (the same throwaway server as
test_postgres.py): the demo's rooms and registers load, a register is saved and read
back, attendance and the meal report come out the same way as on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.centre import AbsenceReason
from desktop.services.centre import centres, rooms
from desktop.services.centre_attendance import open_register, room_attendance, save_register
from desktop.services.centre_meals import meal_report
from desktop.services.demo import fill_demo
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    yield db
    db.dispose()


def test_centres_on_postgresql(pg: Database) -> None:
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999")
    fill_demo(pg.engine, children=1000, seed=3, today=date(2026, 12, 1), screenings=True)
    with pg.reader() as s:
        centre = centres(s)[0]
        room = rooms(s, centre.id, 2569, on=date(2026, 11, 20))[0]
        sheet = open_register(s, room.id, date(2026, 11, 27))  # left untaken by the demo
    assert sheet.lines and not sheet.taken_by
    first = sheet.lines[0].child_uuid
    with pg.session() as s:
        saved = save_register(s, room.id, date(2026, 11, 27), {first: AbsenceReason.LEAVE}, today=date(2026, 12, 1))
    assert saved.back_dated_days == 4 and saved.absent == 1
    with pg.reader() as s:
        again = open_register(s, room.id, date(2026, 11, 27))
        report = room_attendance(s, room.id, date(2026, 11, 1), date(2026, 11, 30))
        meals = meal_report(s, centre.id, 2026, 11)
    assert [line.absence for line in again.lines if line.absence] == [AbsenceReason.LEAVE]
    assert 90 < (report.total.percent or 0) < 99 and meals.meals.meals > 0 and meals.shipped_rates
