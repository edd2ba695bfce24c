"""The screening's workflow: save (scored live), submit (complete only), certify (a hash of
exactly the data), an edit after certification voids it, return with a reason; a teacher
records only their own class and never certifies; re-scoring with a new pack changes the
classes it predicts."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from actors import EVERY_ROLE, actor_with
from sqlalchemy import select

from desktop.domain.errors import ValidationFailed
from desktop.domain.roles import Role
from desktop.domain.screening_form import Answers, Member
from desktop.services import rulepacks
from desktop.services.access import NotPermitted, sign_in
from desktop.services.screenings import (
    ScreeningError,
    ScreeningValues,
    certify_screening,
    return_screening,
    save_screening,
    submit_screening,
)
from desktop.store.db import Database
from desktop.store.models import AcademicYear, AuditEntry, Child, Enrollment
from desktop.store.screening_state import Certification, RulePackRow, Screening, ScreeningPhoto

ANSWERS = Answers(tenure="rent", housing="worn", land="none", water="well", electricity="own_meter",
                  vehicles=frozenset({"motorcycle"}), appliances=frozenset({"tv", "fridge"}))
MEMBERS = (Member("นางมาลี ใจดี", "แม่", 38, "รับจ้าง", 6000), Member("นายสมชาย ใจดี", "พ่อ", 40, "รับจ้าง", 3000),
           Member("ด.ช.ภูผา ใจดี", "บุตร", 9), Member("นางสม ใจดี", "ยาย", 67))


def _child(db: Database) -> tuple[str, int, int, str, str]:
    """A demo child enrolled in 2569: uuid, id, institution, level, room."""
    with db.reader() as s:
        row = s.execute(select(Child.uuid, Child.id, Enrollment.institution_id, Enrollment.level_code,
                               Enrollment.classroom).join(Enrollment, Enrollment.child_id == Child.id)
                        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                        .where(AcademicYear.year_be == 2569, Child.deleted_at.is_(None))
                        .order_by(Child.id).limit(1)).one()
    return str(row[0]), int(row[1]), int(row[2]), str(row[3]), str(row[4] or "")


def _values(uuid: str, **over: Any) -> ScreeningValues:
    fields: dict[str, Any] = dict(child_uuid=uuid, year_be=2569, term=1, answers=ANSWERS, members=MEMBERS,
                                  lat_e6=14_975_000, lon_e6=102_100_000)
    fields.update(over)
    return ScreeningValues(**fields)


def _photos(db: Database, uuid: str) -> None:
    with db.session() as s:
        screening = s.scalars(select(Screening).where(Screening.uuid == uuid)).one()
        for kind in ("outside", "inside"):
            s.add(ScreeningPhoto(screening_id=screening.id, kind=kind, data=b"jpeg", sha256=kind * 8, width=1,
                                 height=1, origin_office_id=screening.origin_office_id))


def _actions(db: Database, uuid: str) -> list[str]:
    with db.reader() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity_uuid == uuid)
                              .order_by(AuditEntry.id)))


def test_save_submit_certify_then_an_edit_voids_the_certification(demo_db: Database) -> None:
    uuid, *_ = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid))
    assert (view.status, view.level, view.score, view.pack) == ("draft", "poor", 19, "samoe-illustrative v1")
    with demo_db.session() as s, pytest.raises(ValidationFailed) as caught:
        submit_screening(s, view.uuid)
    assert {p.field for p in caught.value.problems} == {"photos"}  # no photos, no reason
    _photos(demo_db, view.uuid)
    with demo_db.session() as s:
        assert submit_screening(s, view.uuid).status == "submitted"
    with demo_db.session() as s, pytest.raises(ValidationFailed):
        certify_screening(s, view.uuid, name="", position="ผู้อำนวยการ")
    with demo_db.session() as s:
        assert certify_screening(s, view.uuid, name="นายใหญ่ ใจกว้าง", position="ผู้อำนวยการ").status == "certified"
    with demo_db.session() as s:  # the same data saved again: still certified
        assert save_screening(s, _values(uuid)).status == "certified"
    with demo_db.session() as s:  # one member's income changed: the certification is voided
        edited = (replace(MEMBERS[0], monthly_income=6500), *MEMBERS[1:])
        again = save_screening(s, _values(uuid, members=edited))
    assert again.voided and again.status == "draft"
    with demo_db.reader() as s:
        cert = s.scalars(select(Certification)).one()
    assert cert.voided_at is not None and cert.void_reason and cert.certifier_name == "นายใหญ่ ใจกว้าง"
    assert _actions(demo_db, view.uuid) == ["screening_save", "screening_submit", "screening_certify",
                                            "screening_save", "screening_void", "screening_save"]


def test_a_returned_screening_says_why_and_goes_back_in(demo_db: Database) -> None:
    uuid, *_ = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid, no_photo_reason="บ้านอยู่ในพื้นที่ห่างไกล"))
    with demo_db.session() as s:
        screening = s.scalars(select(Screening).where(Screening.uuid == view.uuid)).one()
        s.add(ScreeningPhoto(screening_id=screening.id, kind="school_sign", data=b"j", sha256="s" * 64,
                             width=1, height=1, origin_office_id=screening.origin_office_id))
    with demo_db.session() as s:
        submit_screening(s, view.uuid)
    with demo_db.session() as s, pytest.raises(ValidationFailed):
        return_screening(s, view.uuid, "  ")
    with demo_db.session() as s:
        assert return_screening(s, view.uuid, "รายได้ของแม่ไม่ตรงกับที่สอบถาม").status == "returned"
    with demo_db.session() as s, pytest.raises(ScreeningError):
        certify_screening(s, view.uuid, name="ก", position="ข")
    with demo_db.session() as s:
        assert submit_screening(s, view.uuid).status == "submitted"


def test_a_teacher_records_their_own_class_only_and_never_certifies(demo_db: Database) -> None:
    uuid, _id, institution, level, room = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid))
    other_level = "p6" if level != "p6" else "p5"
    sign_in(demo_db, actor_with(Role.TEACHER, institution_id=institution + 1000, name="ครูอื่น"))
    with demo_db.session() as s, pytest.raises(NotPermitted):
        save_screening(s, _values(uuid))
    from desktop.services.access import Actor, Grant

    sign_in(demo_db, Actor(0, "ครูชั้นอื่น", "", (Grant(Role.TEACHER, institution, other_level, ""),)))
    with demo_db.session() as s, pytest.raises(NotPermitted):
        save_screening(s, _values(uuid))
    sign_in(demo_db, Actor(0, "ครูประจำชั้น", "", (Grant(Role.TEACHER, institution, level, room),)))
    with demo_db.session() as s:
        assert save_screening(s, _values(uuid)).uuid == view.uuid
    _photos(demo_db, view.uuid)
    with demo_db.session() as s:
        submit_screening(s, view.uuid)
    with demo_db.session() as s, pytest.raises(NotPermitted):
        certify_screening(s, view.uuid, name="ครู", position="ครู")
    sign_in(demo_db, EVERY_ROLE)


def test_rescore_with_a_new_pack_changes_the_predicted_classes(demo_db: Database) -> None:
    uuid, *_ = _child(demo_db)
    with demo_db.session() as s:
        view = save_screening(s, _values(uuid))  # 19 points: poor under v1
    data = json.loads((rulepacks.resource_path("rulepacks", "samoe-illustrative-v1.json")).read_bytes())
    data |= {"version": 2, "bands": {"poor": 10, "extreme": 19}}
    with demo_db.session() as s:
        row = rulepacks.add_pack(s, rulepacks.parse_pack(data), data)
        assert not row.active
    with demo_db.session() as s:
        preview = rulepacks.rescore_preview(s, "samoe-illustrative v2")
    assert [(c.screening_uuid, c.before, c.after) for c in preview] == [(view.uuid, "poor", "extreme")]
    with demo_db.reader() as s:  # a preview changes nothing
        assert s.scalars(select(Screening.level)).one() == "poor"
    with demo_db.session() as s:
        assert len(rulepacks.rescore(s, "samoe-illustrative v2")) == 1
    with demo_db.reader() as s:
        screening = s.scalars(select(Screening)).one()
        active = s.scalars(select(RulePackRow).where(RulePackRow.active)).one()
    assert (screening.level, screening.pack, active.version) == ("extreme", "samoe-illustrative v2", 2)
