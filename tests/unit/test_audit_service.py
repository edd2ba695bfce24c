"""What the audit entries say: a child's edit names old and new values of its fields,
address, guardians and enrolment with national IDs masked; who did it (given, signed in,
else the OS user); openings of a record; an import's undo, one entry per child removed."""

from __future__ import annotations

import getpass
import json
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.domain.address import Address
from desktop.domain.child import ChildInput
from desktop.domain.identity import IdType, make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.domain.people import Sex
from desktop.services import audit
from desktop.services import children as svc
from desktop.services.access import sign_out
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Institution

TODAY = date(2026, 11, 24)
NID = make_national_id("110370207183")
GUARDIAN_NID = make_national_id("310060012345")


def _child() -> ChildInput:
    return ChildInput(prefix="เด็กหญิง", first_name="มานี", last_name="ศรีสุข", sex=Sex.FEMALE,
                      birth_date=date(2021, 8, 15), id_type=IdType.NATIONAL_ID, national_id=NID,
                      address=Address(house_no="12/3", village_no="4", subdistrict="บ้านใหม่",
                                      district="เมืองนครราชสีมา", province="นครราชสีมา", postcode="30000"))


def _entries(db: Database, uuid: str) -> list[AuditEntry]:
    with db.reader() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.subject_uuid == uuid).order_by(AuditEntry.id)))


def test_a_childs_edit_names_old_and_new_values_with_ids_masked(office_db: Database) -> None:
    with office_db.session() as s:
        cdc_uuid = save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001",
                                                       name="ศพด.บ้านโนนสูง"))
    with office_db.reader() as s:
        cdc = s.scalars(select(Institution.id).where(Institution.uuid == cdc_uuid)).one()
    form = svc.ChildForm(child=_child(), guardians=[svc.GuardianForm(
        prefix="นาง", first_name="มาลี", last_name="ศรีสุข", relation="แม่", national_id=GUARDIAN_NID,
        is_primary=True)], enrollment=svc.EnrollmentForm(institution_id=cdc, year_be=2569, level_code="cdc4",
                                                          classroom="1"))
    with office_db.session() as s:
        uuid = svc.save_child(s, form, today=TODAY, actor="somchai")
    with office_db.reader() as s:
        form = svc.load_child(s, uuid)
    form.child.first_name = "มานะ"
    form.child.address = Address(**{**form.child.address.__dict__, "house_no": "99"})
    form.guardians[0].phone = "0812345678"
    assert form.enrollment is not None
    form.enrollment.classroom = "2"
    with office_db.session() as s:
        svc.save_child(s, form, today=TODAY)
    created, edited = _entries(office_db, uuid)
    first = json.loads(created.detail)
    assert first["national_id"] == [None, "x" * 9 + NID[-4:]]
    assert first["guardians"][1][0]["national_id"] == "x" * 9 + GUARDIAN_NID[-4:]
    assert NID not in created.detail and GUARDIAN_NID not in created.detail
    assert (created.action, created.actor, edited.action, edited.actor) == ("create", "somchai", "update", "tester")
    change = json.loads(edited.detail)
    assert set(change) == {"first_name", "address", "guardians", "enrollments"}
    assert change["first_name"] == ["มานี", "มานะ"]
    assert "12/3" in change["address"][0] and "99" in change["address"][1]
    assert [g["phone"] for g in change["guardians"][0]] == [""]
    assert [g["phone"] for g in change["guardians"][1]] == ["0812345678"]
    assert [e["classroom"] for e in change["enrollments"][1]] == ["2"]


def test_who_the_actor_is(office_db: Database) -> None:
    with office_db.session() as s:
        audit.record(s, "view", "child", "c1", {}, actor="given")
        audit.record(s, "view", "child", "c1", {})  # the signed-in user (tests work as "tester")
    sign_out(office_db)
    with office_db.session() as s:
        audit.record(s, "view", "child", "c1", {})  # no one signed in: the OS user
    assert [e.actor for e in _entries(office_db, "c1")] == ["given", "tester", getpass.getuser()]


def test_openings_follow_the_setting_and_a_read_only_file_notes_nothing(office_db: Database, tmp_path: Path) -> None:
    assert audit.record_view(office_db, "c1") is True
    with office_db.session() as s:
        assert audit.views_recorded(s)
        audit.set_views_recorded(s, False)
    assert audit.record_view(office_db, "c1") is False
    assert [e.action for e in _entries(office_db, "c1")] == ["view"]
    with office_db.session() as s:
        audit.set_views_recorded(s, True)
    assert office_db.path is not None
    office_db.dispose()
    copy = tmp_path / "copy.db"
    shutil.copyfile(office_db.path, copy)
    ro = Database.open(copy, read_only=True)
    try:
        assert audit.record_view(ro, "c1") is False
    finally:
        ro.dispose()


def test_masking_keeps_the_last_four_digits_of_any_id_field() -> None:
    detail = {"national_id": ["1234567890123", None], "guardian_national_id": "3100600123456",
              "g_code": "G12345678901", "name": "มานี", "rows": 5}
    assert audit.masked(detail) == {"national_id": ["xxxxxxxxx0123", None],
                                    "guardian_national_id": "xxxxxxxxx3456", "g_code": "xxxxxxxx8901",
                                    "name": "มานี", "rows": 5}


def test_an_import_and_its_undo_give_each_child_an_entry(office_db: Database) -> None:
    from test_imports import CDC, SCHOOL, commit, family_sheet, plan_of  # the import tests' helpers

    from desktop.services import imports

    with office_db.session() as s:
        for kind, code, name in ((InstitutionKind.CDC, "3300100001", CDC),
                                 (InstitutionKind.SCHOOL, "1130100001", SCHOOL)):
            save_institution(s, InstitutionForm(kind=kind, code=code, name=name))
    batch = commit(office_db, plan_of(office_db, family_sheet()))
    with office_db.session() as s:
        removed = imports.undo_batch(s, batch.uuid, actor="clerk2")
    with office_db.reader() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.subject_uuid, AuditEntry.actor)
                         .where(AuditEntry.entity == "child").order_by(AuditEntry.id)).all()
    created = [u for a, u, _ in rows if a == "create"]
    deleted = [(u, who) for a, u, who in rows if a == "delete"]
    assert len(created) == removed == batch.children == 5
    assert deleted == [(u, "clerk2") for u in created]  # one per child, the child its subject


def test_a_file_name_that_is_not_utf8_is_kept_as_its_bytes() -> None:
    """`samoe export ... $'\\xff'.xlsx` came to the chain as a lone surrogate (exit 10)."""
    import os

    from desktop.services.audit import detail_text

    name = os.fsdecode(b"\xe0\xb8\x81-\xff.xlsx")
    text = detail_text({"file": name})
    text.encode()  # storable and hashable
    assert "ก-\\xff.xlsx" in text


def test_an_administrator_who_is_not_a_clerk_sees_no_child_data_in_the_log(office_db: Database) -> None:
    """docs/roles.md: an administrator has no child data unless also given a role; the log
    tells them who did what to which record and when, and withholds the values."""
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import sign_in
    from desktop.services.audit_log import LogQuery, page_entries

    with office_db.session() as s:
        uuid = svc.save_child(s, svc.ChildForm(child=_child()), today=TODAY)
    with office_db.reader() as s:
        seen = page_entries(s, LogQuery())
    assert any("มานี" in line for e in seen for line in e.changes())
    sign_in(office_db, actor_with(Role.ADMIN))
    with office_db.reader() as s:
        withheld = page_entries(s, LogQuery())
    lines = [line for e in withheld for line in e.changes()]
    assert any(e.subject_uuid == uuid and e.action == "create" for e in withheld)
    assert lines and not any("มานี" in line or "ศรีสุข" in line or "12/3" in line for line in lines)
    with office_db.reader() as s:  # nor can they search the values: a name finds nothing
        assert page_entries(s, LogQuery(search="มานี")) == []
