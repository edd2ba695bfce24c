"""Roles and what each may do: deny by default (no Qt, no database).

``ALLOWED`` is the one table of permissions; docs/roles.md shows it (a test compares the
two) and the services check it (``desktop/services/access.py`` ``require``). A user holds
one or more roles, each optionally limited to an institution (a teacher: to a class), so
a later module adds its actions here and to the table in docs/roles.md.

The administrator manages users, settings and backups and sees no child's data unless
also given a role that does (``samoe init`` and the set-up wizard give the first
administrator the clerk role too, so a one-person office works).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _


class Role(StrEnum):
    ADMIN = "administrator"
    CLERK = "clerk"
    TEACHER = "teacher"
    CERTIFIER = "certifier"
    CAREGIVER = "caregiver"
    CASE_WORKER = "case_worker"
    SUPERVISOR = "supervisor"
    PROVINCE = "province_officer"


class Action(StrEnum):
    REGISTRY_READ = "registry.read"  # children, households, institutions, years: look at them
    REGISTRY_WRITE = "registry.write"  # add, edit, merge households
    REGISTRY_DELETE = "registry.delete"  # move to the bin, bring back
    IMPORT = "import"  # import a file, undo an import
    EXPORT = "export"  # export personal data to a file
    EXPORT_APPROVE = "export.approve"  # approve an export leaving the office (exchange issue)
    REPORT = "report"  # PDF reports with personal data
    PROVINCE_REPORT = "report.province"  # the province's reports over many offices
    MERGE = "merge"  # merge offices' bundles at the province (exchange issue)
    STATS_READ = "stats.read"  # counts only, no person
    DEMO = "demo"  # fill the registry with made-up children
    USERS_MANAGE = "users.manage"
    SETTINGS_MANAGE = "settings.manage"  # the office, the settings
    BACKUP_MANAGE = "backup.manage"
    AUDIT_READ = "audit.read"  # the audit log and its verification
    KEYS_MANAGE = "keys.manage"  # the office's exchange keys, key cards and trust list (exchange issue)
    SCREENING_RECORD = "screening.record"  # a teacher: own classes only (screening issue)
    SCREENING_CERTIFY = "screening.certify"
    GRANTS = "grants"  # grant rounds, the term's attendance, payments (screening issue)
    CENTRE_READ = "centre.read"  # a centre's rooms, attendance and meal reports (centre issue)
    CENTRE_ATTENDANCE = "centre.attendance"  # the daily register, closed days (a caregiver: own centre)
    CENTRE_MANAGE = "centre.manage"  # rooms and placements (own centre); the rates (unlimited roles only)
    GROWTH_READ = "growth.read"  # a centre's children's growth and DSPM checks, their lists (a caregiver: own centre)
    GROWTH_RECORD = "growth.record"  # weight, height and head circumference (a caregiver: own centre)
    DSPM_RECORD = "dspm.record"  # DSPM checks, re-checks, referrals and their outcome (a caregiver: own centre)
    CASE_WORK = "case.work"  # out-of-school cases (case issue)
    CASE_SUPERVISE = "case.supervise"
    CASE_IMPORT = "case.import"  # import a list of out-of-school children into cases (creates children)


A = Action
ALLOWED: Mapping[Role, frozenset[Action]] = MappingProxyType({
    Role.ADMIN: frozenset({A.USERS_MANAGE, A.SETTINGS_MANAGE, A.BACKUP_MANAGE, A.AUDIT_READ,
                           A.KEYS_MANAGE, A.STATS_READ, A.DEMO}),
    Role.CLERK: frozenset({A.REGISTRY_READ, A.REGISTRY_WRITE, A.REGISTRY_DELETE, A.IMPORT, A.EXPORT,
                           A.REPORT, A.STATS_READ, A.DEMO, A.SCREENING_RECORD, A.GRANTS, A.CASE_WORK,
                           A.CASE_IMPORT,
                           A.CENTRE_READ, A.CENTRE_ATTENDANCE, A.CENTRE_MANAGE, A.GROWTH_READ, A.GROWTH_RECORD,
                           A.DSPM_RECORD}),
    Role.TEACHER: frozenset({A.SCREENING_RECORD}),
    Role.CERTIFIER: frozenset({A.REGISTRY_READ, A.SCREENING_CERTIFY, A.EXPORT_APPROVE, A.STATS_READ,
                               A.CENTRE_READ, A.CENTRE_MANAGE, A.GROWTH_READ}),
    Role.CAREGIVER: frozenset({A.REGISTRY_READ, A.REGISTRY_WRITE, A.CENTRE_READ, A.CENTRE_ATTENDANCE,
                               A.CENTRE_MANAGE, A.GROWTH_READ, A.GROWTH_RECORD, A.DSPM_RECORD}),
    Role.CASE_WORKER: frozenset({A.REGISTRY_READ, A.CASE_WORK}),
    Role.SUPERVISOR: frozenset({A.REGISTRY_READ, A.CASE_WORK, A.CASE_SUPERVISE, A.CASE_IMPORT, A.REPORT,
                                A.STATS_READ}),
    Role.PROVINCE: frozenset({A.REGISTRY_READ, A.IMPORT, A.EXPORT, A.REPORT, A.PROVINCE_REPORT, A.MERGE,
                              A.STATS_READ}),
})

# Roles that must be limited to an institution (a caregiver's centre, a teacher's school).
SCOPED_ROLES = frozenset({Role.TEACHER, Role.CAREGIVER})

ROLE_LABELS: Mapping[Role, str] = MappingProxyType({
    Role.ADMIN: N_("ผู้ดูแลระบบ"),
    Role.CLERK: N_("เจ้าหน้าที่ทะเบียน"),
    Role.TEACHER: N_("ครู"),
    Role.CERTIFIER: N_("ผู้รับรอง/ผู้อำนวยการ"),
    Role.CAREGIVER: N_("ผู้ดูแลเด็ก ศพด."),
    Role.CASE_WORKER: N_("เจ้าหน้าที่ติดตามเด็กนอกระบบ"),
    Role.SUPERVISOR: N_("หัวหน้างานติดตามเด็กนอกระบบ"),
    Role.PROVINCE: N_("เจ้าหน้าที่จังหวัด"),
})

ACTION_LABELS: Mapping[Action, str] = MappingProxyType({
    A.REGISTRY_READ: N_("ดูข้อมูลทะเบียน"),
    A.REGISTRY_WRITE: N_("เพิ่มหรือแก้ไขข้อมูลทะเบียน"),
    A.REGISTRY_DELETE: N_("ลบหรือกู้คืนข้อมูลทะเบียน"),
    A.IMPORT: N_("นำเข้าหรือยกเลิกการนำเข้า"),
    A.EXPORT: N_("ส่งออกข้อมูลบุคคล"),
    A.EXPORT_APPROVE: N_("อนุมัติการส่งข้อมูลออกนอกหน่วยงาน"),
    A.REPORT: N_("พิมพ์รายงาน"),
    A.PROVINCE_REPORT: N_("รายงานระดับจังหวัด"),
    A.MERGE: N_("รวมข้อมูลจากหน่วยงาน"),
    A.STATS_READ: N_("ดูจำนวนสรุป"),
    A.DEMO: N_("สร้างข้อมูลตัวอย่าง"),
    A.USERS_MANAGE: N_("จัดการผู้ใช้"),
    A.SETTINGS_MANAGE: N_("ตั้งค่าหน่วยงานและโปรแกรม"),
    A.BACKUP_MANAGE: N_("สำรองและกู้คืนข้อมูล"),
    A.AUDIT_READ: N_("ดูบันทึกการใช้งาน"),
    A.KEYS_MANAGE: N_("จัดการกุญแจของหน่วยงานและบัตรกุญแจที่เชื่อถือ"),
    A.SCREENING_RECORD: N_("บันทึกผลคัดกรอง"),
    A.SCREENING_CERTIFY: N_("รับรองผลคัดกรอง"),
    A.GRANTS: N_("จัดรอบทุน บันทึกการมาเรียนและการจ่ายเงิน"),
    A.CENTRE_READ: N_("ดูการมาเรียนและรายงานค่าอาหารของ ศพด."),
    A.CENTRE_ATTENDANCE: N_("บันทึกการมาเรียนประจำวันของ ศพด."),
    A.CENTRE_MANAGE: N_("จัดห้องเรียนและอัตราค่าอาหารของ ศพด."),
    A.GROWTH_READ: N_("ดูการเจริญเติบโตและพัฒนาการ (DSPM) ของเด็ก ศพด."),
    A.GROWTH_RECORD: N_("บันทึกน้ำหนัก ส่วนสูง และเส้นรอบศีรษะของเด็ก ศพด."),
    A.DSPM_RECORD: N_("บันทึกผลประเมินพัฒนาการ (DSPM) และการส่งต่อ"),
    A.CASE_WORK: N_("ติดตามเด็กนอกระบบ"),
    A.CASE_SUPERVISE: N_("กำกับงานติดตามเด็กนอกระบบ"),
    A.CASE_IMPORT: N_("นำเข้ารายชื่อเด็กนอกระบบ"),
})


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


def action_label(action: Action) -> str:
    return _(ACTION_LABELS[action])


def role_allows(role: Role, action: Action) -> bool:
    return action in ALLOWED.get(role, frozenset())


def parse_role(text: str) -> Role | None:
    """A role from its code (``clerk``) or its Thai label; None when unknown."""
    value = text.strip()
    for role in Role:
        if value in (role.value, ROLE_LABELS[role], _(ROLE_LABELS[role])):
            return role
    return None
