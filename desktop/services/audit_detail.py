"""What an audit entry of a child's edit says: the child's fields, address, guardians and
enrolments before and after, as plain values (national IDs are masked by
``services.audit.record``), and only the fields that changed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.address import address_of, format_address
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    Institution,
)

CHILD_FIELDS = ("prefix", "first_name", "last_name", "first_name_en", "last_name_en", "sex",
                "birth_date", "id_type", "national_id", "g_code", "no_id_reason", "nationality",
                "disability")


def child_snapshot(session: Session, child: Child) -> dict[str, object]:
    """The child as its history shows it (queried, so pending changes are flushed first)."""
    out: dict[str, object] = {
        n: (str(getattr(child, n)) if getattr(child, n) is not None else None) for n in CHILD_FIELDS}
    household = session.get(Household, child.household_id) if child.household_id else None
    out["address"] = format_address(address_of(household)) if household is not None else ""
    if child.id is None:
        return out
    guardians = session.execute(
        select(Guardian.prefix, Guardian.first_name, Guardian.last_name, Guardian.national_id,
               Guardian.phone, ChildGuardian.relation, ChildGuardian.is_primary)
        .join(ChildGuardian, ChildGuardian.guardian_id == Guardian.id)
        .where(ChildGuardian.child_id == child.id, ChildGuardian.deleted_at.is_(None))
        .order_by(Guardian.id)).all()
    out["guardians"] = [
        {"name": f"{p}{f} {la}".strip(), "national_id": nid or "", "phone": ph or "",
         "relation": rel, "primary": bool(prim)}
        for p, f, la, nid, ph, rel, prim in guardians]
    enrolments = session.execute(
        select(AcademicYear.year_be, Institution.name, Enrollment.level_code, Enrollment.classroom,
               Enrollment.status)
        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
        .join(Institution, Institution.id == Enrollment.institution_id)
        .where(Enrollment.child_id == child.id, Enrollment.deleted_at.is_(None))
        .order_by(AcademicYear.year_be)).all()
    out["enrollments"] = [
        {"year": y, "institution": name, "level": level, "classroom": room, "status": status}
        for y, name, level, room, status in enrolments]
    return out


def changes(before: dict[str, object], after: dict[str, object]) -> dict[str, object]:
    """``{field: [old, new]}`` of the fields that differ."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
