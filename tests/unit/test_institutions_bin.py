"""Deleted schools: kept in a bin and restored like children; their children's forms still
show and save them; a code of a deleted school is not silently "in use"."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.domain.errors import ValidationFailed
from desktop.domain.identity import IdType
from desktop.domain.levels import InstitutionKind
from desktop.domain.people import Sex
from desktop.services import children as svc
from desktop.services import institutions as inst_svc
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Enrollment, Institution

TODAY = date(2026, 11, 24)


def make(db: Database, code: str, name: str) -> tuple[int, str]:
    with db.session() as s:
        uuid = inst_svc.save_institution(s, inst_svc.InstitutionForm(
            kind=InstitutionKind.CDC, code=code, name=name))
        return s.scalars(select(Institution.id).where(Institution.uuid == uuid)).one(), uuid


def enrol(db: Database, inst_id: int, first: str = "ปภาวรินทร์") -> str:
    form = svc.ChildForm(
        child=ChildInput(prefix="เด็กหญิง", first_name=first, last_name="ศรีสุข", sex=Sex.FEMALE,
                         birth_date=date(2022, 8, 15), id_type=IdType.NONE, no_id_reason="ยังไม่ได้แจ้งเกิด",
                         address=Address(house_no="1", subdistrict="บ้านใหม่")),
        enrollment=svc.EnrollmentForm(institution_id=inst_id, year_be=2569, level_code="cdc3"),
    )
    with db.session() as s:
        return svc.save_child(s, form, today=TODAY)


@pytest.fixture
def school(office_db: Database) -> tuple[int, str]:
    return make(office_db, "3300100001", "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง")


def test_delete_counts_children_and_the_bin_restores(office_db: Database, school: tuple[int, str]) -> None:
    inst_id, uuid = school
    enrol(office_db, inst_id)
    enrol(office_db, inst_id, "ปวีณา")
    with office_db.reader() as s:
        assert inst_svc.institution_children(s, uuid) == 2
        assert inst_svc.list_deleted_institutions(s) == []
    with office_db.session() as s:
        inst_svc.delete_institution(s, uuid, actor="clerk")
        inst_svc.delete_institution(s, uuid, actor="clerk")  # twice: still one delete
    with office_db.reader() as s:
        assert uuid not in {r.uuid for r in inst_svc.list_institutions(s)}
        [row] = inst_svc.list_deleted_institutions(s)
        assert (row.uuid, row.deleted, row.enrolled) == (uuid, True, 2)
        assert s.scalar(select(Enrollment.deleted_at).limit(1)) is None  # enrolments are kept
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity_uuid == uuid)))
        assert actions.count("delete") == 1
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity_uuid == uuid,
                                                           AuditEntry.action == "delete")).one()
        assert json.loads(detail) == {"children": 2}
    with office_db.session() as s:
        inst_svc.restore_institution(s, uuid, actor="clerk")
    with office_db.reader() as s:
        assert uuid in {r.uuid for r in inst_svc.list_institutions(s)}
        assert inst_svc.list_deleted_institutions(s) == []
    with pytest.raises(inst_svc.InstitutionNotFound), office_db.session() as s:
        inst_svc.delete_institution(s, "no-such-uuid")


def test_choices_include_the_deleted_school_a_child_is_in(office_db: Database, school: tuple[int, str]) -> None:
    inst_id, uuid = school
    with office_db.session() as s:
        inst_svc.delete_institution(s, uuid)
    with office_db.reader() as s:
        assert inst_id not in {c.id for c in inst_svc.institution_choices(s)}
        chosen = {c.id: c for c in inst_svc.institution_choices(s, include_ids=[inst_id, None])}
    assert chosen[inst_id].deleted and chosen[inst_id].name == "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"


def test_a_child_of_a_deleted_school_still_saves(office_db: Database, school: tuple[int, str]) -> None:
    inst_id, uuid = school
    child = enrol(office_db, inst_id)
    with office_db.session() as s:
        inst_svc.delete_institution(s, uuid)
    with office_db.reader() as s:
        form = svc.load_child(s, child)
    assert form.enrollment is not None and form.enrollment.institution_id == inst_id
    form.child.first_name = "ปภาวดี"
    with office_db.session() as s:
        svc.save_child(s, form, today=TODAY)  # today: "ไม่พบสถานศึกษาที่เลือก"
    with office_db.reader() as s:
        e = s.scalars(select(Enrollment)).one()
        assert (e.institution_id, e.level_code, e.deleted_at) == (inst_id, "cdc3", None)


def test_a_deleted_school_cannot_be_chosen_for_another_child(office_db: Database,
                                                             school: tuple[int, str]) -> None:
    inst_id, uuid = school
    with office_db.session() as s:
        inst_svc.delete_institution(s, uuid)
    with pytest.raises(ValidationFailed) as failed:
        enrol(office_db, inst_id)
    [problem] = [p for p in failed.value.problems if p.field == "enrollment.institution_id"]
    assert "ถูกลบ" in problem.message and "กู้คืน" in problem.message
    assert "ศรีสุข" not in problem.message


def test_the_code_of_a_deleted_school_says_so(office_db: Database, school: tuple[int, str]) -> None:
    _inst_id, uuid = school
    with office_db.session() as s:
        inst_svc.delete_institution(s, uuid)
    with pytest.raises(ValidationFailed) as failed, office_db.session() as s:
        inst_svc.save_institution(s, inst_svc.InstitutionForm(
            kind=InstitutionKind.CDC, code="3300100001", name="ศูนย์ใหม่"))
    [problem] = failed.value.problems
    assert problem.field == "code" and "ลบแล้ว" in problem.message and "กู้คืน" in problem.message
