"""Saving a child's whole form: validation, duplicates, households, guardians, enrolment,
concurrency, soft delete and restore, audit."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.domain.errors import ValidationFailed
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.people import Sex
from desktop.services import children as svc
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Child, ChildGuardian, Enrollment, Guardian, Household

TODAY = date(2026, 11, 24)
NID = make_national_id("110370207183")


def child_input(**changes: object) -> ChildInput:
    base = dict(
        prefix="เด็กหญิง", first_name="ปภาวรินทร์", last_name="ศรีสุข", sex=Sex.FEMALE,
        birth_date=date(2021, 8, 15), id_type=IdType.NATIONAL_ID, national_id=NID,
        address=Address(house_no="12/3", village_no="4", subdistrict="บ้านใหม่",
                        district="เมืองนครราชสีมา", province="นครราชสีมา", postcode="30000"),
    )
    base.update(changes)
    return ChildInput(**base)  # type: ignore[arg-type]


def make_cdc(db: Database) -> int:
    from desktop.domain.levels import InstitutionKind
    from desktop.store.models import Institution

    with db.session() as s:
        uuid = save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001",
                                                   name="ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"))
    with db.reader() as s:
        return s.scalars(select(Institution.id).where(Institution.uuid == uuid)).one()


def save(db: Database, form: svc.ChildForm) -> str:
    with db.session() as s:
        return svc.save_child(s, form, today=TODAY)


def test_save_new_child_with_household_guardian_and_enrolment(office_db: Database) -> None:
    cdc = make_cdc(office_db)
    form = svc.ChildForm(
        child=child_input(national_id="1-1037-02071-83-" + NID[-1]),
        guardians=[svc.GuardianForm(prefix="นาง", first_name="มาลี", last_name="ศรีสุข",
                                    relation="แม่", phone="081-234-5678", is_primary=True)],
        enrollment=svc.EnrollmentForm(institution_id=cdc, year_be=2569, level_code="cdc4", classroom="1"),
    )
    uuid = save(office_db, form)
    with office_db.reader() as s:
        loaded = svc.load_child(s, uuid)
        assert loaded.child.national_id == NID  # dashes removed
        assert loaded.child.address.house_no == "12/3"
        assert [(g.first_name, g.relation, g.phone) for g in loaded.guardians] == [("มาลี", "แม่", "0812345678")]
        assert loaded.enrollment is not None and loaded.enrollment.level_code == "cdc4"
        assert loaded.enrollment.year_be == 2569
        assert s.scalar(select(func.count()).select_from(Household)) == 1
        guardian = s.scalars(select(Guardian)).one()
        child = s.scalars(select(Child)).one()
        assert guardian.household_id == child.household_id  # the guardian lives there too
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "child")).one()
        assert audit.action == "create" and json.loads(audit.detail)["first_name"][1] == "ปภาวรินทร์"


def test_bad_national_id_saves_nothing_and_says_why_in_thai(office_db: Database) -> None:
    bad = NID[:-1] + str((int(NID[-1]) + 1) % 10)
    with pytest.raises(ValidationFailed) as info:
        save(office_db, svc.ChildForm(child=child_input(national_id=bad)))
    fields = {p.field for p in info.value.problems}
    assert fields == {"national_id"}
    message = info.value.problems[0].message
    assert "เลขประจำตัวประชาชน" in message
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Child)) == 0
        assert s.scalar(select(func.count()).select_from(Household)) == 0


def test_every_problem_is_reported_at_once(office_db: Database) -> None:
    form = svc.ChildForm(
        child=child_input(first_name="", birth_date=None, sex=None),
        guardians=[svc.GuardianForm(first_name="", relation="", phone="12")],
        enrollment=svc.EnrollmentForm(institution_id=None, year_be=2569),
    )
    with pytest.raises(ValidationFailed) as info:
        save(office_db, form)
    fields = {p.field for p in info.value.problems}
    assert {"first_name", "birth_date", "sex", "guardians[0].first_name",
            "guardians[0].relation", "guardians[0].phone", "enrollment.institution_id"} <= fields
    assert all(p.message and not p.message.isascii() for p in info.value.problems)


def test_level_must_fit_the_institution(office_db: Database) -> None:
    cdc = make_cdc(office_db)
    form = svc.ChildForm(child=child_input(),
                         enrollment=svc.EnrollmentForm(institution_id=cdc, year_be=2569, level_code="p1"))
    with pytest.raises(ValidationFailed) as info:
        save(office_db, form)
    assert [p.field for p in info.value.problems] == ["enrollment.level_code"]


def test_same_national_id_twice_is_refused(office_db: Database) -> None:
    save(office_db, svc.ChildForm(child=child_input()))
    with pytest.raises(ValidationFailed) as info:
        save(office_db, svc.ChildForm(child=child_input(first_name="อีกคน", birth_date=date(2020, 1, 1))))
    assert [p.field for p in info.value.problems] == ["national_id"]
    assert "ซ้ำ" in info.value.problems[0].message


def test_similar_name_and_same_birth_date_is_flagged_not_refused(office_db: Database) -> None:
    save(office_db, svc.ChildForm(child=child_input()))
    other = child_input(first_name="ปภาวริน", id_type=IdType.NONE, national_id="",
                        no_id_reason="ยังไม่ได้แจ้งเกิด")
    with office_db.reader() as s:
        matches = svc.duplicates_of(s, other, exclude_uuid=None)
    assert [m.kind.value for m in matches] == ["similar_name_birth"]
    save(office_db, svc.ChildForm(child=other))  # the clerk may still save a different child


def test_edit_updates_version_and_audit(office_db: Database) -> None:
    uuid = save(office_db, svc.ChildForm(child=child_input()))
    with office_db.reader() as s:
        form = svc.load_child(s, uuid)
    form.child.first_name = "ปภาวดี"
    save(office_db, form)
    with office_db.reader() as s:
        child = s.scalars(select(Child).where(Child.uuid == uuid)).one()
        assert (child.first_name, child.version) == ("ปภาวดี", 2)
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_uuid == uuid).order_by(AuditEntry.id)).all()
        assert actions == ["create", "update"]


def test_concurrent_edit_is_caught(office_db: Database) -> None:
    uuid = save(office_db, svc.ChildForm(child=child_input()))
    with office_db.reader() as s:
        first = svc.load_child(s, uuid)
        second = svc.load_child(s, uuid)
    first.child.first_name = "หนึ่ง"
    save(office_db, first)
    second.child.first_name = "สอง"
    with pytest.raises(svc.ConcurrentEdit):
        save(office_db, second)
    with office_db.reader() as s:
        assert s.scalars(select(Child.first_name)).one() == "หนึ่ง"


def test_removing_a_guardian_soft_deletes_the_link(office_db: Database) -> None:
    form = svc.ChildForm(child=child_input(), guardians=[
        svc.GuardianForm(first_name="มาลี", relation="แม่"), svc.GuardianForm(first_name="สมชาย", relation="พ่อ")])
    uuid = save(office_db, form)
    with office_db.reader() as s:
        loaded = svc.load_child(s, uuid)
    loaded.guardians = [g for g in loaded.guardians if g.relation == "แม่"]
    save(office_db, loaded)
    with office_db.reader() as s:
        assert [g.first_name for g in svc.load_child(s, uuid).guardians] == ["มาลี"]
        links = s.scalars(select(ChildGuardian)).all()
        assert len(links) == 2 and sum(link.deleted_at is not None for link in links) == 1


def test_moving_school_in_the_same_year_updates_the_enrolment(office_db: Database) -> None:
    cdc = make_cdc(office_db)
    from desktop.domain.levels import InstitutionKind

    with office_db.session() as s:
        second_uuid = save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100002",
                                                          name="ศูนย์พัฒนาเด็กเล็กบ้านหนองบัว"))
    with office_db.reader() as s:
        from desktop.store.models import Institution

        second = s.scalars(select(Institution.id).where(Institution.uuid == second_uuid)).one()
    uuid = save(office_db, svc.ChildForm(child=child_input(), enrollment=svc.EnrollmentForm(cdc, 2569, "cdc4")))
    with office_db.reader() as s:
        form = svc.load_child(s, uuid)
    assert form.enrollment is not None
    form.enrollment.institution_id = second
    save(office_db, form)
    with office_db.reader() as s:
        rows = s.scalars(select(Enrollment)).all()
        assert [(e.institution_id, e.deleted_at) for e in rows] == [(second, None)]


def test_delete_and_restore(office_db: Database) -> None:
    uuid = save(office_db, svc.ChildForm(child=child_input()))
    with office_db.session() as s:
        svc.delete_child(s, uuid)
    with office_db.reader() as s:
        assert svc.load_child(s, uuid).deleted
    with office_db.session() as s:
        svc.restore_child(s, uuid)
    with office_db.reader() as s:
        assert not svc.load_child(s, uuid).deleted
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_uuid == uuid).order_by(AuditEntry.id)).all()
        assert actions == ["create", "delete", "restore"]


def test_saving_needs_an_office(db: Database) -> None:
    with pytest.raises(ValidationFailed) as info:
        save(db, svc.ChildForm(child=child_input()))
    assert info.value.problems[0].field == "office"
