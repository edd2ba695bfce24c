"""A centre's rooms, registers and meal report through the services (issue 12): a month
saved day by day (some back-dated, one day closed, one not taken) gives the attendance and
the lunch/milk amounts computed by hand; a move keeps the history; a caregiver of one
centre sees and changes nothing of another's; the register's figures feed the grant
rounds' attendance condition."""

from __future__ import annotations

from datetime import date

import pytest
from actors import actor_with
from centre_kit import CLOSED, MONDAYS, NOV, Kit, november, room_of_kit, two_centres
from sqlalchemy import select

from desktop.domain.centre import AbsenceReason, MealKind, baht_text
from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.centre import (
    add_room,
    centres,
    place_child,
    place_from_enrolment,
    placements_of,
    room_children,
    rooms,
)
from desktop.services.centre_attendance import (
    child_attendance,
    close_day,
    feed_grant_attendance,
    open_register,
    room_attendance,
    save_register,
    term_attendance,
)
from desktop.services.centre_meals import meal_report, set_rate
from desktop.store.centre_state import CentreRegister
from desktop.store.db import Database
from desktop.store.grant_state import TermAttendance
from desktop.store.models import AuditEntry

S, L, A = AbsenceReason.SICK, AbsenceReason.LEAVE, AbsenceReason.ABSENT


@pytest.fixture
def kit(office_db: Database) -> Kit:
    return two_centres(office_db)


_room = room_of_kit
_november = november


def test_a_month_of_registers_gives_the_hand_computed_attendance(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    _november(office_db, kit, rid)
    with office_db.reader() as s:
        report = room_attendance(s, rid, NOV[0], NOV[-1])
        one = child_attendance(s, kit.children_a[0], NOV[0], NOV[-1])
        sheet = open_register(s, rid, date(2026, 11, 2))
        closed = open_register(s, rid, CLOSED)
        flags = dict(s.execute(select(CentreRegister.day, CentreRegister.back_dated)).tuples().all())
        entries = [e.detail for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "centre_register"))]
    by = {line.child_uuid: line.tally for line in report.lines}
    first = by[kit.children_a[0]]
    assert (first.present, first.absent_total, first.not_recorded, first.recorded) == (14, 5, 1, 19)
    assert first.percent == pytest.approx(100 * 14 / 19)
    assert (one.present, one.recorded) == (14, 19)
    assert by[kit.children_a[1]].absent == {S: 0, L: 1, A: 0}
    assert (report.total.present, report.total.recorded, report.total.not_recorded) == (563, 570, 30)
    assert report.total.percent == pytest.approx(100 * 563 / 570)
    assert [line.absence for line in sheet.lines if line.absence] == [S, L, A]
    assert sheet.taken_by and closed.closed == "ลอยกระทง"
    assert flags[MONDAYS[-1]] and flags[date(2026, 11, 2)] and not flags[date(2026, 11, 3)]
    assert len(entries) == 20 and sum('"back_dated_days": 29' in e for e in entries) == 1


def test_the_meal_report_of_the_month_against_a_hand_computed_one(office_db: Database, kit: Kit) -> None:
    """Meals: the 2nd 27, the Mondays 9-30 29 each, 14 other taken days 30 each = 563.
    Lunch 21.00 to the 15th (266 meals: 5,586.00), 22.00 from the 16th (297: 6,534.00);
    milk 563 × 7.82 = 4,402.66."""
    rid = _room(office_db, kit)
    _november(office_db, kit, rid)
    with office_db.session() as s:
        set_rate(s, MealKind.LUNCH, date(2026, 10, 1), 2100, source="ทดสอบ", checked=True)
        set_rate(s, MealKind.LUNCH, date(2026, 11, 16), 2200, checked=True)
        set_rate(s, MealKind.MILK, date(2026, 10, 1), 782, checked=True)
    with office_db.reader() as s:
        m = meal_report(s, kit.centre_a, 2026, 11)
    assert (m.meals.served_days, m.meals.meals, m.not_recorded) == (19, 563, 1)
    before = sum(d.present for d in m.meals.days if d.day < date(2026, 11, 16))
    assert before == 266
    assert (baht_text(m.meals.lunch_amount), baht_text(m.meals.milk_amount)) == ("12,120.00", "4,402.66")
    assert not m.shipped_rates and not m.meals.unchecked


def test_the_shipped_rates_serve_until_the_office_records_its_own(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    with office_db.session() as s:
        save_register(s, rid, date(2026, 11, 2), {}, today=date(2026, 11, 2))
    with office_db.reader() as s:
        m = meal_report(s, kit.centre_a, 2026, 11)
    assert m.shipped_rates and m.meals.unchecked and m.meals.meals == 30


def test_a_move_keeps_the_history(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    with office_db.session() as s:
        big = add_room(s, kit.centre_a, 2569, "ห้องเด็กโต", age_group="4")
        place_child(s, kit.children_a[5], big, date(2026, 11, 16))
    with office_db.reader() as s:
        history = placements_of(s, kit.children_a[5])
        small_then = {c.uuid for c in room_children(s, rid, date(2026, 11, 13))}
        small_now = {c.uuid for c in room_children(s, rid, date(2026, 11, 16))}
        counts = {r.name: r.children for r in rooms(s, kit.centre_a, 2569, on=date(2026, 11, 20))}
    assert history == [("ห้องเด็กกลาง", date(2026, 5, 16), date(2026, 11, 15)), ("ห้องเด็กโต", date(2026, 11, 16), None)]
    assert kit.children_a[5] in small_then and kit.children_a[5] not in small_now
    assert counts == {"ห้องเด็กกลาง": 29, "ห้องเด็กโต": 1}


def test_what_a_register_refuses(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    with office_db.session() as s:
        close_day(s, kit.centre_a, CLOSED, "ลอยกระทง")
    for day, absences, field in ((date(2026, 12, 2), {}, "day"), (CLOSED, {}, "day"),
                                 (date(2026, 11, 2), {kit.children_b[0]: S}, "child"),
                                 (date(2026, 11, 2), {kit.children_a[0]: "late"}, "reason")):
        with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
            save_register(s, rid, day, absences, today=date(2026, 12, 1))
        assert [p.field for p in caught.value.problems] == [field]
    with office_db.session() as s, pytest.raises(ValidationFailed):
        place_child(s, kit.children_b[0], rid, date(2026, 11, 2))  # enrolled at the other centre


def test_a_caregiver_sees_only_their_own_centre(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    with office_db.session() as s:
        other = add_room(s, kit.centre_b, 2569, "ห้องรวม")
        place_child(s, kit.children_b[0], other, date(2026, 5, 16))
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    with office_db.reader() as s:
        assert [c.id for c in centres(s)] == [kit.centre_b]
        assert [r.name for r in rooms(s, kit.centre_b, 2569)] == ["ห้องรวม"]
        assert len(open_register(s, other, date(2026, 11, 2)).lines) == 1
        for call in (lambda: rooms(s, kit.centre_a, 2569), lambda: open_register(s, rid, date(2026, 11, 2)),
                     lambda: room_children(s, rid, date(2026, 11, 2)),
                     lambda: room_attendance(s, rid, NOV[0], NOV[-1]),
                     lambda: placements_of(s, kit.children_a[0]),
                     lambda: child_attendance(s, kit.children_a[0], NOV[0], NOV[-1]),
                     lambda: meal_report(s, kit.centre_a, 2026, 11)):
            with pytest.raises(NotPermitted):
                call()
        assert {u for u, _p, _d in term_attendance(s, 2569, 2)} <= set(kit.children_b)
    with office_db.session() as s:
        save_register(s, other, date(2026, 11, 2), {kit.children_b[0]: S}, today=date(2026, 11, 2))
        for call in (lambda: save_register(s, rid, date(2026, 11, 2), {}, today=date(2026, 11, 2)),
                     lambda: close_day(s, kit.centre_a, CLOSED, "x"),
                     lambda: add_room(s, kit.centre_a, 2569, "ห้องใหม่"),
                     lambda: place_child(s, kit.children_a[0], other, date(2026, 11, 2)),
                     lambda: set_rate(s, MealKind.LUNCH, date(2026, 10, 1), 2100)):
            with pytest.raises((NotPermitted, ValidationFailed)) as caught:
                call()
            assert caught.type is NotPermitted or "ลงทะเบียน" in str(caught.value)
    sign_in(office_db, actor_with(Role.TEACHER, institution_id=kit.centre_a))
    with office_db.reader() as s, pytest.raises(NotPermitted):
        centres(s)


def test_the_registers_feed_the_grant_rounds_attendance(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    _november(office_db, kit, rid)
    with office_db.session() as s:
        assert feed_grant_attendance(s, 2569, 2) == 30
    with office_db.reader() as s:
        rows = {r.child_id: (r.days_present, r.days_open) for r in s.scalars(select(TermAttendance))}
    assert sorted(set(rows.values())) == [(14, 19), (18, 19), (19, 19)]
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_a))
    with office_db.session() as s, pytest.raises(NotPermitted):
        feed_grant_attendance(s, 2569, 2)


def test_the_director_manages_rooms_and_rates_and_the_clerk_everything(office_db: Database, kit: Kit) -> None:
    rid = _room(office_db, kit)
    sign_in(office_db, actor_with(Role.CERTIFIER, name="ผอ."))
    with office_db.session() as s:
        add_room(s, kit.centre_b, 2569, "ห้องใหม่")
        set_rate(s, MealKind.MILK, date(2026, 10, 1), 800, checked=True)
    with office_db.reader() as s:
        assert {c.id for c in centres(s)} == {kit.centre_a, kit.centre_b}
        assert meal_report(s, kit.centre_a, 2026, 11).meals.meals == 0
    with office_db.session() as s, pytest.raises(NotPermitted):
        save_register(s, rid, date(2026, 11, 2), {}, today=date(2026, 11, 2))
    sign_in(office_db, actor_with(Role.CLERK, name="clerk"))
    with office_db.session() as s:
        assert save_register(s, rid, date(2026, 11, 2), {}, today=date(2026, 11, 2)).present == 30


def test_children_are_placed_from_their_enrolment(office_db: Database, kit: Kit) -> None:
    """Centre A's 30 children are enrolled at cdc3: into the age-3 room; one moved to cdc4
    goes to the age-4 room; with no room of its age a child goes to the room chosen."""
    from desktop.store.models import Child, Enrollment

    with office_db.session() as s:
        small = add_room(s, kit.centre_a, 2569, "ห้องเด็ก 3 ขวบ", age_group="3")
        big = add_room(s, kit.centre_a, 2569, "ห้องเด็ก 4 ขวบ", age_group="4")
        other = add_room(s, kit.centre_b, 2569, "ห้องรวม")
        first = s.scalars(select(Enrollment).join(Child).where(Child.uuid == kit.children_a[0])).one()
        first.level_code = "cdc4"
    with office_db.session() as s:
        placed = place_from_enrolment(s, kit.centre_a, 2569, date(2026, 6, 1))
        fallback = place_from_enrolment(s, kit.centre_b, 2569, date(2026, 6, 1), fallback_room_id=other)
        again = place_from_enrolment(s, kit.centre_a, 2569, date(2026, 6, 1))
    assert placed == {"ห้องเด็ก 3 ขวบ": 29, "ห้องเด็ก 4 ขวบ": 1} and fallback == {"ห้องรวม": 5} and again == {}
    with office_db.reader() as s:
        assert [c.uuid for c in room_children(s, big, date(2026, 6, 1))] == [kit.children_a[0]]
        assert len(room_children(s, small, date(2026, 6, 1))) == 29
