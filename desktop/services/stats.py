"""Counts of each kind of record (``samoe stats``, the status bar)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import N_
from desktop.services.access import require
from desktop.store.case_state import OosCase, OosFollowUp, OosPlanVersion, OosReferral
from desktop.store.centre_state import CentreAbsence, CentrePlacement, CentreRegister, CentreRoom
from desktop.store.grant_state import GrantPayment, GrantRound
from desktop.store.growth_state import DspmCheck, DspmReferral, GrowthMeasurement
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

# the modules' records (``samoe stats`` prints them after the registry's)
MODULE_LABELS = {
    "screenings": N_("แบบคัดกรองความยากจน"),
    "certifications": N_("การรับรองแบบคัดกรอง"),
    "grant_rounds": N_("รอบการจ่ายทุน"),
    "grant_payments": N_("การจ่ายทุน"),
    "centre_rooms": N_("ห้องเรียนของศูนย์พัฒนาเด็กเล็ก"),
    "centre_placements": N_("การจัดเด็กเข้าห้อง"),
    "centre_registers": N_("ทะเบียนการมาเรียนรายวันของห้อง"),
    "centre_absences": N_("การขาดเรียน"),
    "growth_measurements": N_("การชั่งน้ำหนักวัดส่วนสูง"),
    "dspm_checks": N_("การตรวจพัฒนาการ DSPM"),
    "dspm_referrals": N_("การส่งต่อจากการตรวจพัฒนาการ"),
    "cases": N_("กรณีเด็กนอกระบบการศึกษา"),
    "cases_open": N_("กรณีที่ยังไม่ปิด"),
    "case_plans": N_("แผนช่วยเหลือรายบุคคล (ทุกฉบับ)"),
    "case_follow_ups": N_("การติดตามกรณี"),
    "case_referrals": N_("การส่งต่อกรณี"),
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


def module_counts(session: Session) -> dict[str, int]:
    """The live records of each module past the registry (MODULE_LABELS' keys)."""
    require(session, Action.STATS_READ)
    from desktop.store.screening_state import Certification, Screening

    def live(model: type, *where: object) -> int:
        return int(session.scalar(
            select(func.count()).select_from(model).where(
                model.deleted_at.is_(None), *where)  # type: ignore[attr-defined]
        ) or 0)

    return {
        "screenings": live(Screening), "certifications": live(Certification),
        "grant_rounds": live(GrantRound), "grant_payments": live(GrantPayment),
        "centre_rooms": live(CentreRoom), "centre_placements": live(CentrePlacement),
        "centre_registers": live(CentreRegister), "centre_absences": live(CentreAbsence),
        "growth_measurements": live(GrowthMeasurement), "dspm_checks": live(DspmCheck),
        "dspm_referrals": live(DspmReferral),
        "cases": live(OosCase), "cases_open": live(OosCase, OosCase.status != "closed"),
        "case_plans": live(OosPlanVersion), "case_follow_ups": live(OosFollowUp),
        "case_referrals": live(OosReferral),
    }
