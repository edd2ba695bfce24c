"""Growth measurements through the services (issue 12): stored after the domain's checks
(an implausible one refused with its Thai message, nothing written), read back with
z-scores and Thai categories, audited; the term's lists (ผอม / เตี้ย / อ้วน per room, not
measured) from SQL in partitions; a caregiver of one centre neither sees nor changes
another centre's child."""

from __future__ import annotations

from datetime import date

import pytest
from actors import actor_with
from centre_kit import Kit, room_of_kit, two_centres
from sqlalchemy import func, select

from desktop.domain.errors import ValidationFailed
from desktop.domain.growth import Measurement, assess
from desktop.domain.growth_categories import Indicator
from desktop.domain.people import Sex
from desktop.domain.roles import Role
from desktop.services import growth_lists
from desktop.services.access import NotPermitted, sign_in
from desktop.services.growth import add_measurement, growth_child, measurements
from desktop.services.growth_lists import (
    ListCategory,
    growth_list,
    parse_list_category,
    term_period,
)
from desktop.store.db import Database
from desktop.store.growth_state import GrowthMeasurement
from desktop.store.models import AuditEntry

TODAY = date(2026, 12, 1)
ON = date(2026, 11, 20)


@pytest.fixture
def kit(office_db: Database) -> Kit:
    return two_centres(office_db, n_a=12, n_b=3)


def _add(db: Database, uuid: str, weight: float, height: float, on: date = ON, **more: object) -> None:
    with db.session() as s:
        add_measurement(s, uuid, on, weight_kg=weight, height_cm=height, today=TODAY, **more)  # type: ignore[arg-type]


def test_a_measurement_is_stored_audited_and_read_back_with_its_zscores(office_db: Database, kit: Kit) -> None:
    boy = kit.children_a[0]  # born 1/1/2022
    with office_db.session() as s:
        view = add_measurement(s, boy, ON, weight_kg=14.2, height_cm=109.0, head_cm=50.2, measured_by="ครูเอ",
                               today=TODAY)
    expected = assess(Measurement(Sex.MALE, date(2022, 1, 1), ON, 14.2, 109.0, None, 50.2))
    assert view.z == expected.z and view.z[Indicator.WFH] == -2.94
    assert view.category_label(Indicator.WFH) == "ผอม" and view.category_label(Indicator.WFA) == "ค่อนข้างน้อย"
    with office_db.reader() as s:
        shown = measurements(s, boy)
        row = s.scalars(select(GrowthMeasurement)).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "growth_measure")).one()
        child = growth_child(s, str(row.child_id))
    assert (row.weight_g, row.height_mm, row.head_mm, row.measured_by) == (14200, 1090, 502, "ครูเอ")
    assert [m.z for m in shown] == [expected.z] and shown[0].head_cm == 50.2
    assert audit.subject_uuid == boy and '"weight_g": 14200' in audit.detail
    assert child.uuid == boy and child.sex is Sex.MALE


def test_an_implausible_or_impossible_measurement_is_refused_and_not_stored(office_db: Database, kit: Kit) -> None:
    boy = kit.children_a[0]
    cases = [
        (dict(weight_kg=45.0, height_cm=109.0), "ไม่น่าเป็นไปได้"),  # weight-for-height far beyond +5 SD
        (dict(weight_kg=180.0, height_cm=109.0), "นอกช่วงที่เป็นไปได้"),  # grams typed as kilograms / 100
        (dict(weight_kg=None, height_cm=None), "อย่างน้อยหนึ่งอย่าง"),
    ]
    for values, words in cases:
        with office_db.session() as s, pytest.raises(ValidationFailed) as caught:
            add_measurement(s, boy, ON, today=TODAY, **values)  # type: ignore[arg-type]
        assert words in str(caught.value)
    with office_db.session() as s, pytest.raises(ValidationFailed, match="อนาคต"):
        add_measurement(s, boy, date(2026, 12, 2), weight_kg=18.0, height_cm=109.0, today=TODAY)
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(GrowthMeasurement)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "growth_measure")) == 0


def _term(db: Database, kit: Kit) -> None:
    """Centre A, room ห้องเด็กกลาง: 0 ผอม, 2 เตี้ย, 4 อ้วน, 1 เริ่มอ้วน, 3 normal; 5 measured in
    term 1 only; 6 ผอม on 1 Nov but normal on the 20th (the latest counts)."""
    room_of_kit(db, kit)
    a = kit.children_a
    _add(db, a[0], 14.2, 109.0)
    _add(db, a[2], 15.0, 97.0)
    _add(db, a[4], 25.0, 109.0)
    _add(db, a[1], 24.0, 108.0)
    _add(db, a[3], 17.5, 108.0)
    _add(db, a[5], 17.5, 108.0, on=date(2026, 8, 1))
    _add(db, a[6], 14.2, 109.0, on=date(2026, 11, 1))
    _add(db, a[6], 18.0, 109.0)
    _add(db, kit.children_b[0], 14.0, 109.0)  # ผอม at centre B


def test_the_terms_lists_per_room(office_db: Database, kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    _term(office_db, kit)
    a = kit.children_a
    with office_db.reader() as s:
        term = term_period(s, ON)
        assert (term.label, term.start, term.end) == ("2/2569", date(2026, 11, 1), date(2027, 5, 15))

        def page(category: ListCategory, **kw: object) -> growth_lists.ListPage:
            return growth_list(s, category, term.start, term.end, **kw)  # type: ignore[arg-type]

        thin = page(ListCategory.THIN, institution_id=kit.centre_a)
        assert [r.uuid for r in thin.rows] == [a[0]] and thin.total == 1
        assert thin.rows[0].room == "ห้องเด็กกลาง" and thin.rows[0].category_label(Indicator.WFH) == "ผอม"
        assert thin.rows[0].z[Indicator.WFH] == -2.94
        assert [r.uuid for r in page(ListCategory.SHORT).rows] == [a[2]]
        obese = page(ListCategory.OBESE)
        assert {r.uuid: r.categories[Indicator.WFH] for r in obese.rows} == {a[1]: "wfh_overweight",
                                                                            a[4]: "wfh_obese"}
        assert {r.uuid for r in page(ListCategory.THIN).rows} == {a[0], kit.children_b[0]}  # every centre
        rest = page(ListCategory.NOT_MEASURED, institution_id=kit.centre_a)
        assert rest.total == 12 - 6 and a[5] in {r.uuid for r in rest.rows}
        first, second = (page(ListCategory.NOT_MEASURED, institution_id=kit.centre_a, offset=o, limit=4)
                         for o in (0, 4))
        assert [r.uuid for r in first.rows + second.rows] == [r.uuid for r in rest.rows]
        assert (len(first.rows), len(second.rows), second.total) == (4, 2, 6)
        one = page(ListCategory.OBESE, offset=1, limit=1)
        assert one.total == 2 and [r.uuid for r in one.rows] == [r.uuid for r in obese.rows[1:]]
        monkeypatch.setattr(growth_lists, "PARTITION", 2)  # read in partitions of two: the same lists
        assert [r.uuid for r in page(ListCategory.OBESE).rows] == [r.uuid for r in obese.rows]
        assert [r.uuid for r in page(ListCategory.THIN).rows] == [a[0], kit.children_b[0]]
    assert parse_list_category("ผอม") is ListCategory.THIN and parse_list_category("obese") is ListCategory.OBESE
    assert parse_list_category("ใหญ่") is None


def test_a_caregiver_of_one_centre_is_refused_another_centres_child(office_db: Database, kit: Kit) -> None:
    _term(office_db, kit)
    theirs, other = kit.children_b[1], kit.children_a[3]
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    _add(office_db, theirs, 16.0, 105.0)
    with office_db.session() as s:
        with pytest.raises(NotPermitted):
            add_measurement(s, other, ON, weight_kg=17.0, height_cm=108.0, today=TODAY)
        with pytest.raises(NotPermitted):
            measurements(s, other)
        with pytest.raises(ValidationFailed, match="ไม่พบเด็ก"):  # not told that the child exists
            growth_child(s, other)
        assert growth_child(s, theirs).uuid == theirs and len(measurements(s, theirs)) == 1
        term = term_period(s, ON)
        assert [r.uuid for r in growth_list(s, ListCategory.THIN, term.start, term.end).rows] == [kit.children_b[0]]
        with pytest.raises(NotPermitted):
            growth_list(s, ListCategory.THIN, term.start, term.end, institution_id=kit.centre_a)
        assert {r.uuid for r in growth_list(s, ListCategory.NOT_MEASURED, term.start, term.end).rows} == {
            kit.children_b[2]}
    sign_in(office_db, actor_with(Role.CERTIFIER))  # a director reads, does not record
    with office_db.session() as s:
        assert len(measurements(s, other)) == 1
        with pytest.raises(NotPermitted):
            add_measurement(s, other, ON, weight_kg=17.0, height_cm=108.0, today=TODAY)


def test_a_second_measurement_of_the_same_day_is_refused(office_db: Database, kit: Kit) -> None:
    """Typed twice (or the command run again), a day's measurement would count twice in
    the child's chart and table: refused with the first one's number to correct instead;
    an edit may not move a measurement onto another's day either, but may keep its own."""
    from desktop.services.growth import edit_measurement

    child = kit.children_a[0]
    _add(office_db, child, 14.2, 109.0)
    with office_db.session() as s, pytest.raises(ValidationFailed) as refused:
        add_measurement(s, child, ON, weight_kg=14.3, height_cm=109.1, today=TODAY)
    with office_db.reader() as s:
        first = s.scalar(select(GrowthMeasurement.id))
    assert refused.value.problems[0].field == "measured_on"
    assert f"เลขที่ {first}" in refused.value.problems[0].message and "แก้ไข" in refused.value.problems[0].message
    _add(office_db, child, 14.0, 108.5, on=date(2026, 11, 1))
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(GrowthMeasurement)) == 2
        second = s.scalar(select(GrowthMeasurement.id).where(GrowthMeasurement.measured_on == date(2026, 11, 1)))
    with office_db.session() as s, pytest.raises(ValidationFailed):
        edit_measurement(s, int(second or 0), ON, weight_kg=14.0, height_cm=108.5, today=TODAY)
    with office_db.session() as s:  # its own day, new values: fine
        edit_measurement(s, int(second or 0), date(2026, 11, 1), weight_kg=14.1, height_cm=108.5, today=TODAY)
