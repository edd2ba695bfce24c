"""Schools and child development centres of this local government."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.address import (
    ADDRESS_FIELDS,
    Address,
    address_of,
    address_problems,
    format_address,
)
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.levels import INSTITUTION_KIND_LABELS, InstitutionKind
from desktop.domain.text import clean_text
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.store.models import AcademicYear, Enrollment, Institution, utcnow


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

    @property
    def kind_label(self) -> str:
        return INSTITUTION_KIND_LABELS[InstitutionKind(self.kind)]


@dataclass(frozen=True)
class InstitutionChoice:
    id: int
    name: str
    kind: str


def institution_choices(session: Session) -> list[InstitutionChoice]:
    """Live institutions for a filter or a form's combo box (no counts: cheap at any size)."""
    stmt = (
        select(Institution.id, Institution.name, Institution.kind)
        .where(Institution.deleted_at.is_(None))
        .order_by(Institution.kind, Institution.name)
    )
    return [InstitutionChoice(i, n, k) for i, n, k in session.execute(stmt)]


def list_institutions(session: Session, *, year_be: int | None = None) -> list[InstitutionRow]:
    """All live institutions (a municipality has tens, not thousands) with enrolled counts."""
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
    return rows


def load_institution(session: Session, uuid: str) -> InstitutionForm:
    inst = session.scalars(select(Institution).where(Institution.uuid == uuid)).one()
    return InstitutionForm(
        inst.uuid, InstitutionKind(inst.kind), inst.code, inst.name, inst.phone,
        address_of(inst),
    )


def save_institution(session: Session, form: InstitutionForm, *, actor: str = "") -> str:
    office = require_local_office(session)
    code, name = clean_text(form.code), clean_text(form.name)
    problems: list[Problem] = []
    if not code:
        problems.append(Problem("code", "โปรดกรอกรหัสสถานศึกษา (เช่น รหัส 10 หลักของกระทรวง หรือรหัสที่ อปท. กำหนด)"))
    if not name:
        problems.append(Problem("name", "โปรดกรอกชื่อสถานศึกษา"))
    problems.extend(address_problems(form.address, required=False))
    clash = session.scalars(
        select(Institution).where(
            Institution.code == code, Institution.origin_office_id == office.id
        )
    ).first()
    if clash is not None and clash.uuid != form.uuid:
        problems.append(Problem("code", f"รหัส {code} ใช้กับ {clash.name} แล้ว โปรดใช้รหัสอื่น"))
    if problems:
        raise ValidationFailed(problems)
    if form.uuid:
        inst = session.scalars(select(Institution).where(Institution.uuid == form.uuid)).one()
        action = "update"
    else:
        inst = Institution(origin_office_id=office.id)
        session.add(inst)
        action = "create"
    inst.kind, inst.code, inst.name, inst.phone = form.kind.value, code, name, clean_text(form.phone)
    for f in ADDRESS_FIELDS:
        setattr(inst, f, clean_text(getattr(form.address, f)))
    session.flush()
    record(session, action, "institution", inst.uuid, {"code": code, "name": name}, actor=actor)
    return inst.uuid


def delete_institution(session: Session, uuid: str, *, actor: str = "") -> None:
    inst = session.scalars(select(Institution).where(Institution.uuid == uuid)).one()
    inst.deleted_at = utcnow()
    record(session, "delete", "institution", uuid, {}, actor=actor)


def restore_institution(session: Session, uuid: str, *, actor: str = "") -> None:
    inst = session.scalars(select(Institution).where(Institution.uuid == uuid)).one()
    inst.deleted_at = None
    record(session, "restore", "institution", uuid, {}, actor=actor)
