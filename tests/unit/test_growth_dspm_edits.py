"""Correcting and deleting a measurement and a DSPM check (issue 12): the same checks as a
new one (an implausible correction is refused, nothing changed), soft deletes
(``deleted_at``) that leave the lists, each audited; a first check already re-checked is
changed only after its re-check; a caregiver of another centre may do neither."""

from __future__ import annotations

from datetime import date

import pytest
from actors import actor_with
from centre_kit import Kit, two_centres
from sqlalchemy import select

from desktop.domain.dspm import Outcome, manual
from desktop.domain.errors import ValidationFailed
from desktop.domain.growth_categories import Indicator
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.dspm import (
    child_checks,
    delete_check,
    edit_check,
    record_check,
    record_recheck,
    refer,
)
from desktop.services.dspm_lists import rechecks_due
from desktop.services.growth import (
    add_measurement,
    delete_measurement,
    edit_measurement,
    measurements,
)
from desktop.store.db import Database
from desktop.store.growth_state import DspmCheckItem, DspmReferral, GrowthMeasurement
from desktop.store.models import AuditEntry, Child

TODAY = date(2026, 12, 1)
ON = date(2026, 11, 20)


def _all(age: int, failed: tuple[int, ...] = ()) -> dict[int, bool]:
    return {i.no: i.no not in failed for i in manual().band(age).items}


@pytest.fixture
def kit(office_db: Database) -> Kit:
    kit = two_centres(office_db, n_a=4, n_b=2)
    with office_db.session() as s:
        s.scalars(select(Child).where(Child.uuid == kit.children_a[0])).one().birth_date = date(2023, 5, 10)
    return kit


def _actions(db: Database, action: str) -> list[AuditEntry]:
    with db.reader() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_a_measurement_is_corrected_with_the_same_checks_and_deleted_softly(office_db: Database, kit: Kit) -> None:
    boy = kit.children_a[0]
    with office_db.session() as s:
        view = add_measurement(s, boy, ON, weight_kg=14.2, height_cm=109.0, today=TODAY)
    assert view.category_label(Indicator.WFH) == "ผอม"
    with office_db.session() as s, pytest.raises(ValidationFailed, match="ไม่น่าเป็นไปได้"):
        edit_measurement(s, view.id, ON, weight_kg=45.0, height_cm=109.0, today=TODAY)
    with office_db.session() as s:
        fixed = edit_measurement(s, view.id, ON, weight_kg=18.2, height_cm=109.0, today=TODAY)
    assert fixed.id == view.id and fixed.weight_kg == 18.2 and fixed.category_label(Indicator.WFH) == "สมส่วน"
    [edit] = _actions(office_db, "growth_measure_edit")
    assert '"weight_g": 14200' in edit.detail and '"weight_g": 18200' in edit.detail and edit.subject_uuid == boy
    with office_db.session() as s:
        delete_measurement(s, view.id)
    with office_db.reader() as s:
        assert measurements(s, boy) == []
        assert s.scalars(select(GrowthMeasurement)).one().deleted_at is not None  # kept for the exchange
    assert len(_actions(office_db, "growth_measure_delete")) == 1
    with office_db.session() as s, pytest.raises(ValidationFailed, match="ไม่พบ"):
        delete_measurement(s, view.id)


def test_a_check_is_corrected_and_its_outcome_worked_out_again(office_db: Database, kit: Kit) -> None:
    child = kit.children_a[0]
    with office_db.session() as s:
        first = record_check(s, child, 42, date(2026, 11, 12), _all(42, (91,)), today=TODAY)
    assert first.outcome is Outcome.SUSPECTED_DELAY and first.recheck_due == date(2026, 12, 12)
    with office_db.session() as s:
        fixed = edit_check(s, first.id, date(2026, 11, 14), _all(42), today=TODAY)
        assert rechecks_due(s, TODAY).total == 0
    assert fixed.outcome is Outcome.ON_TRACK and fixed.recheck_due is None and fixed.failed == ()
    with office_db.session() as s:
        again = edit_check(s, first.id, date(2026, 11, 14), _all(42, (92, 93)), today=TODAY)
        live = s.scalars(select(DspmCheckItem).where(DspmCheckItem.check_id == first.id,
                                                     DspmCheckItem.deleted_at.is_(None))).all()
    assert [i.no for i in again.failed] == [92, 93] and again.recheck_due == date(2026, 12, 14)
    assert len(live) == len(manual().band(42).items)
    [e1, e2] = _actions(office_db, "dspm_check_edit")
    assert '"failed": [91]' in e1.detail and '"failed": [92, 93]' in e2.detail


def test_a_rechecked_first_check_changes_only_after_its_recheck(office_db: Database, kit: Kit) -> None:
    child = kit.children_a[0]
    with office_db.session() as s:
        first = record_check(s, child, 42, date(2026, 11, 12), _all(42, (91,)), today=TODAY)
        again = record_recheck(s, first.id, date(2026, 11, 25), {91: False}, today=TODAY)
        ref = refer(s, again.id, "โรงพยาบาลโนนสูง", date(2026, 11, 26), today=TODAY)
    for call in (lambda s: delete_check(s, first.id), lambda s: edit_check(s, first.id, ON, _all(42), today=TODAY)):
        with office_db.session() as s, pytest.raises(ValidationFailed, match="ประเมินซ้ำแล้ว"):
            call(s)
    with office_db.session() as s, pytest.raises(ValidationFailed, match="ส่งต่อ"):
        edit_check(s, again.id, date(2026, 11, 25), {91: True}, today=TODAY)  # referred: delete, then record again
    with office_db.session() as s:
        delete_check(s, again.id)
        assert s.get(DspmReferral, ref).deleted_at is not None
        assert [c.id for c in child_checks(s, child)] == [first.id]
        assert [r.check_id for r in rechecks_due(s, TODAY).rows] == [first.id]  # waiting for a re-check again
        delete_check(s, first.id)
        assert child_checks(s, child) == []
    assert len(_actions(office_db, "dspm_check_delete")) == 2


def test_a_caregiver_of_another_centre_may_neither_correct_nor_delete(office_db: Database, kit: Kit) -> None:
    child = kit.children_a[0]
    with office_db.session() as s:
        m = add_measurement(s, child, ON, weight_kg=16.0, height_cm=100.0, today=TODAY)
        c = record_check(s, child, 42, date(2026, 11, 12), _all(42, (91,)), today=TODAY)
    sign_in(office_db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    for call in (lambda s: edit_measurement(s, m.id, ON, weight_kg=16.5, height_cm=100.0, today=TODAY),
                 lambda s: delete_measurement(s, m.id),
                 lambda s: edit_check(s, c.id, ON, _all(42), today=TODAY),
                 lambda s: delete_check(s, c.id)):
        with office_db.session() as s, pytest.raises(NotPermitted):
            call(s)
    sign_in(office_db, actor_with(Role.CERTIFIER))  # reads, does not record
    with office_db.session() as s, pytest.raises(NotPermitted):
        delete_measurement(s, m.id)
