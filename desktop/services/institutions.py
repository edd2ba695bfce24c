"""Schools and child development centres of this local government."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.address import (
    ADDRESS_FIELDS,
    Address,
    address_of,
    address_problems,
    format_address,
)
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.levels import InstitutionKind, kind_label
from desktop.domain.limits import INSTITUTION, INSTITUTION_LABELS, too_long
from desktop.domain.roles import Action
from desktop.domain.sort_keys import natural_sort_key
from desktop.domain.text import clean_text, thai_marks_problem
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, utcnow


class InstitutionNotFound(Exception):  # noqa: N818 (reads as a sentence)
    @property
    def message(self) -> str:
        return _("ไม่พบสถานศึกษานี้ โปรดโหลดรายการใหม่")


@dataclass
class InstitutionForm:
    uuid: str | None = None
    kind: InstitutionKind = InstitutionKind.SCHOOL
    code: str = ""
    name: str = ""
    phone: str = ""
    address: Address = Address()


@dataclass(frozen=True)
class InstitutionRow:
    id: int
    uuid: str
    kind: str
    code: str
    name: str
    address: str
    phone: str
    enrolled: int
    deleted: bool = False

    @property
    def kind_label(self) -> str:
        return kind_label(InstitutionKind(self.kind))


@dataclass(frozen=True)
class InstitutionChoice:
    id: int
    name: str
    kind: str
    deleted: bool = False


def institution_label(name: str, *, deleted: bool) -> str:
    """An institution's name as the screens and documents show it: a deleted one marked
    "(ลบแล้ว)" (the child form, the children list, its filter, printout and export)."""
    return _("{name} (ลบแล้ว)").format(name=name) if deleted and name else name


def institution_choices(session: Session, *, include_ids: Iterable[int | None] = ()) -> list[InstitutionChoice]:
    """Live institutions for a filter or a form's combo box (no counts: cheap at any size),
    and the deleted ones in ``include_ids`` (a child's form shows the school it is in,
    deleted or not), flagged ``deleted``."""
    require(session, Action.REGISTRY_READ)
    wanted = [i for i in include_ids if i is not None]
    shown = Institution.deleted_at.is_(None)
    if wanted:
        shown = or_(shown, Institution.id.in_(wanted))
    stmt = (
        select(Institution.id, Institution.name, Institution.kind, Institution.deleted_at)
        .where(shown)
        .order_by(Institution.kind, Institution.name)
    )
    return [InstitutionChoice(i, n, k, d is not None) for i, n, k, d in session.execute(stmt)]


def list_deleted_institutions(session: Session) -> list[InstitutionRow]:
    """The bin: deleted institutions, most recently deleted first, each with the number of
    live children still enrolled there (any year)."""
    require(session, Action.REGISTRY_READ)
    counts = (
        select(Enrollment.institution_id, func.count(func.distinct(Enrollment.child_id)).label("n"))
        .join(Child, Child.id == Enrollment.child_id)
        .where(Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None))
        .group_by(Enrollment.institution_id)
        .subquery()
    )
    stmt = (
        select(Institution, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.institution_id == Institution.id)
        .where(Institution.deleted_at.is_not(None))
        .order_by(Institution.deleted_at.desc(), Institution.id.desc())
    )
    return [
        InstitutionRow(inst.id, inst.uuid, inst.kind, inst.code, inst.name,
                       format_address(address_of(inst)), inst.phone, int(n), True)
        for inst, n in session.execute(stmt)
    ]


def institution_children(session: Session, uuid: str) -> int:
    """How many live children have a live enrolment (any year) in this institution."""
    require(session, Action.REGISTRY_READ)
    inst = _institution(session, uuid)
    return int(session.scalar(
        select(func.count(func.distinct(Enrollment.child_id)))
        .join(Child, Child.id == Enrollment.child_id)
        .where(Enrollment.institution_id == inst.id, Enrollment.deleted_at.is_(None),
               Child.deleted_at.is_(None))
    ) or 0)


def _institution(session: Session, uuid: str) -> Institution:
    inst = session.scalars(select(Institution).where(Institution.uuid == uuid)).first()
    if inst is None:
        raise InstitutionNotFound(uuid)
    return inst


def list_institutions(session: Session, *, year_be: int | None = None) -> list[InstitutionRow]:
    """All live institutions (a municipality has tens, not thousands) with enrolled counts."""
    require(session, Action.REGISTRY_READ)
    counts = select(Enrollment.institution_id, func.count().label("n")).where(
        Enrollment.deleted_at.is_(None)
    )
    if year_be is not None:
        counts = counts.join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id).where(
            AcademicYear.year_be == year_be
        )
    sub = counts.group_by(Enrollment.institution_id).subquery()
    stmt = (
        select(Institution, func.coalesce(sub.c.n, 0))
        .outerjoin(sub, sub.c.institution_id == Institution.id)
        .where(Institution.deleted_at.is_(None))
        .order_by(Institution.kind, Institution.name)
    )
    rows = []
    for inst, n in session.execute(stmt):
        addr = address_of(inst)
        rows.append(
            InstitutionRow(inst.id, inst.uuid, inst.kind, inst.code, inst.name,
                           format_address(addr), inst.phone, int(n))
        )
    # names in Thai dictionary order, numbers by value (เทศบาล 9 before เทศบาล 10)
    rows.sort(key=lambda r: (r.kind, natural_sort_key(r.name), r.id))
    return rows


def load_institution(session: Session, uuid: str) -> InstitutionForm:
    require(session, Action.REGISTRY_READ)
    inst = session.scalars(select(Institution).where(Institution.uuid == uuid)).one()
    return InstitutionForm(
        inst.uuid, InstitutionKind(inst.kind), inst.code, inst.name, inst.phone,
        address_of(inst),
    )


def save_institution(session: Session, form: InstitutionForm, *, actor: str = "") -> str:
    require(session, Action.REGISTRY_WRITE)
    office = require_local_office(session)
    code, name = clean_text(form.code), clean_text(form.name)
    problems: list[Problem] = []
    if not code:
        problems.append(Problem("code", _("โปรดกรอกรหัสสถานศึกษา (เช่น รหัส 10 หลักของกระทรวง หรือรหัสที่ อปท. กำหนด)")))
    if not name:
        problems.append(Problem("name", _("โปรดกรอกชื่อสถานศึกษา")))
    phone = clean_text(form.phone)
    for field, value in (("code", code), ("name", name), ("phone", phone)):
        label = INSTITUTION_LABELS[field]
        message = too_long(value, INSTITUTION[field], label)
        if message is None and field == "name":
            message = thai_marks_problem(value, label)
        if message:
            problems.append(Problem(field, message))
    problems.extend(address_problems(form.address, required=False))
    clash = session.scalars(
        select(Institution).where(
            Institution.code == code, Institution.origin_office_id == office.id
        )
    ).first()
    if clash is not None and clash.uuid != form.uuid and clash.deleted_at is not None:
        problems.append(Problem("code", _("รหัส {code} เป็นของ {name} ที่ลบแล้ว "
                                  "โปรดกู้คืนสถานศึกษานั้น (ติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน) หรือใช้รหัสอื่น").format(
                                      code=code, name=clash.name)))
    elif clash is not None and clash.uuid != form.uuid:
        problems.append(Problem("code", _("รหัส {code} ใช้กับ {name} แล้ว โปรดใช้รหัสอื่น").format(code=code, name=clash.name)))
    if problems:
        raise ValidationFailed(problems)
    if form.uuid:
        inst = session.scalars(select(Institution).where(Institution.uuid == form.uuid)).one()
        action = "update"
    else:
        inst = Institution(origin_office_id=office.id)
        session.add(inst)
        action = "create"
    inst.kind, inst.code, inst.name, inst.phone = form.kind.value, code, name, phone
    for f in ADDRESS_FIELDS:
        setattr(inst, f, clean_text(getattr(form.address, f)))
    session.flush()
    record(session, action, "institution", inst.uuid, {"code": code, "name": name}, actor=actor)
    return inst.uuid


def delete_institution(session: Session, uuid: str, *, actor: str = "") -> None:
    """Soft delete (into the bin, restorable). Its children keep their enrolments: their
    forms show the institution as deleted and still save."""
    require(session, Action.REGISTRY_DELETE)
    inst = _institution(session, uuid)
    if inst.deleted_at is None:
        children = institution_children(session, uuid)
        inst.deleted_at = utcnow()
        record(session, "delete", "institution", uuid, {"children": children}, actor=actor)


def restore_institution(session: Session, uuid: str, *, actor: str = "") -> None:
    require(session, Action.REGISTRY_DELETE)
    inst = _institution(session, uuid)
    if inst.deleted_at is not None:
        inst.deleted_at = None
        record(session, "restore", "institution", uuid, {}, actor=actor)
