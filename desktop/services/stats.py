"""Counts of each kind of record (``samoe stats``, the status bar)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import N_
from desktop.services.access import require
from desktop.store.models import (
    AcademicYear,
    AuditEntry,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    Institution,
    Office,
)

LABELS = {
    "offices": N_("หน่วยงาน"),
    "institutions": N_("สถานศึกษา"),
    "academic_years": N_("ปีการศึกษา"),
    "households": N_("ครัวเรือน"),
    "children": N_("เด็ก"),
    "children_deleted": N_("เด็กที่ลบแล้ว (กู้คืนได้)"),
    "guardians": N_("ผู้ปกครอง"),
    "guardian_links": N_("ความสัมพันธ์เด็ก-ผู้ปกครอง"),
    "enrollments": N_("การลงทะเบียนเรียน"),
    "audit_entries": N_("บันทึกการแก้ไข"),
}


def registry_counts(session: Session) -> dict[str, int]:
    require(session, Action.STATS_READ)
    def live(model: type) -> int:
        return int(session.scalar(
            select(func.count()).select_from(model).where(model.deleted_at.is_(None))  # type: ignore[attr-defined]
        ) or 0)

    def every(model: type) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return {
        "offices": every(Office),
        "institutions": live(Institution),
        "academic_years": every(AcademicYear),
        "households": live(Household),
        "children": live(Child),
        "children_deleted": int(session.scalar(
            select(func.count()).select_from(Child).where(Child.deleted_at.is_not(None))
        ) or 0),
        "guardians": live(Guardian),
        "guardian_links": live(ChildGuardian),
        "enrollments": live(Enrollment),
        "audit_entries": every(AuditEntry),
    }
