"""The follow-up's due date kept in SQL (services/cases.py): ``follow_due_on`` equals the
domain's ``case_followup.due_on`` after ``refresh_follow_due`` and after a change of the
interval (one UPDATE), and the overdue list read from the partial index equals the
domain's ``case_followup.overdue``, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from case_core_kit import case_children, random_states
from sqlalchemy import select, text

from desktop.domain.case_followup import Schedule, due_on, overdue
from desktop.domain.cases import CaseStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.cases import follow_up_days, refresh_follow_due, set_follow_up_days
from desktop.services.cases_lists import (
    CaseOrder,
    CaseQuery,
    list_cases,
    overdue_cases,
    overdue_count,
)
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.case_state import OosCase
from desktop.store.db import Database

TODAY = date(2026, 12, 1)


def _schedules(db: Database) -> list[tuple[int, Schedule, date | None]]:
    with db.reader() as s:
        rows = s.scalars(select(OosCase).order_by(OosCase.id)).all()
        return [(r.id, Schedule(str(r.id), CaseStatus(r.status), r.followed_since, r.last_visit_on, r.last_next_on),
                 r.follow_due_on) for r in rows]


def _check_equal(db: Database, days: int) -> None:
    rows = _schedules(db)
    assert rows and [stored for _i, _s, stored in rows] == [due_on(s, days) for _i, s, _d in rows]
    expected = overdue([s for _i, s, _d in rows], TODAY, days)
    with db.reader() as s:
        listed = overdue_cases(s, TODAY, 0, 1000)
        count = overdue_count(s, TODAY)
        page2 = overdue_cases(s, TODAY, 3, 4)
    # the domain breaks ties by ref (text); the list by id: compare as sets of (due, id) in due order
    assert [(o.due, o.days) for o in listed] == [(o.due, o.days) for o in expected]
    assert sorted((o.due, o.case_id) for o in listed) == sorted((o.due, int(o.ref)) for o in expected)
    assert count == len(expected) > 5
    assert [o.case_id for o in page2] == [o.case_id for o in listed[3:7]]


def _scenario(db: Database) -> None:
    kit = case_children(db, 160)
    random_states(db, kit)
    with db.session() as s:  # every case once through refresh_follow_due (what each write does)
        for row in s.scalars(select(OosCase)):
            refresh_follow_due(s, row)
    _check_equal(db, 30)
    with db.session() as s:
        changed = set_follow_up_days(s, 14)
    assert changed > 0
    _check_equal(db, 14)
    with db.session() as s:
        assert set_follow_up_days(s, 14) == 0  # nothing changes: nothing written
        assert follow_up_days(s) == 14
    with db.session() as s:
        set_follow_up_days(s, 45)
    _check_equal(db, 45)
    with db.reader() as s:  # the lists' SQL on this backend: filters, the overdue first, by village
        everything = list_cases(s, today=TODAY, limit=1000)
        late = [r for r in everything.rows if r.days_overdue]
        assert everything.total == 160 and len(late) == everything.overdue == overdue_count(s, TODAY)
        assert everything.rows[:len(late)] == late and [r.follow_due_on for r in late] == sorted(
            r.follow_due_on for r in late if r.follow_due_on)
        village = list_cases(s, CaseQuery(village="หมู่ 2"), today=TODAY, limit=1000)
        assert village.total == 40 and {r.village_no for r in village.rows} == {"2"}
        assert village.overdue == sum(1 for r in village.rows if r.days_overdue)
        trip = list_cases(s, CaseQuery(), today=TODAY, limit=1000, order=CaseOrder.VILLAGE)
        assert [r.village_no for r in trip.rows] == sorted(r.village_no for r in trip.rows)
        assert list_cases(s, CaseQuery(search="ใจงาม007"), today=TODAY).total == 1


def test_follow_due_on_and_the_overdue_list_equal_the_domain_on_sqlite(office_db: Database) -> None:
    _scenario(office_db)


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    yield db
    db.dispose()


def test_follow_due_on_and_the_overdue_list_equal_the_domain_on_postgresql(pg: Database) -> None:
    _scenario(pg)


def test_the_interval_is_checked_and_only_an_administrator_or_a_supervisor_sets_it(office_db: Database) -> None:
    with office_db.session() as s, pytest.raises(ValidationFailed, match="7 ถึง 180"):
        set_follow_up_days(s, 200)
    from actors import actor_with

    sign_in(office_db, actor_with(Role.CASE_WORKER))
    with office_db.session() as s, pytest.raises(NotPermitted):
        set_follow_up_days(s, 20)
    sign_in(office_db, actor_with(Role.SUPERVISOR))
    with office_db.session() as s:
        set_follow_up_days(s, 20)
        assert follow_up_days(s) == 20


def test_a_case_loaded_before_the_interval_changes_reads_its_new_date_and_keeps_its_edits(
        office_db: Database) -> None:
    kit = case_children(office_db, 2)
    random_states(office_db, kit)
    with office_db.session() as s:
        row = s.scalars(select(OosCase).where(OosCase.status == "in_plan")).first() or s.scalars(select(OosCase)).first()
        assert row is not None
        row.status, row.followed_since, row.last_visit_on, row.last_next_on = "in_plan", date(2026, 11, 1), None, None
        row.note = "แก้ไขก่อนเปลี่ยนระยะ"  # pending, not flushed
        set_follow_up_days(s, 20)
        assert row.follow_due_on == date(2026, 11, 21)
    with office_db.reader() as s:
        stored = s.get(OosCase, row.id)
        assert stored is not None and (stored.note, stored.follow_due_on) == ("แก้ไขก่อนเปลี่ยนระยะ", date(2026, 11, 21))
