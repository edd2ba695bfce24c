"""This database's own office (the local government or provincial office using it), and
what kind of database this is: the office's real registry, or demo data.

A demo database says so in itself (a ``setting`` row), so that every window, page,
printout and export made from it can say so too, wherever the file is copied.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.limits import too_long
from desktop.domain.office import (
    NAME_LIMIT,
    PROVINCE_LIMIT,
    normalise_office_code,
    office_code_problem,
)
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, thai_marks_problem
from desktop.i18n import N_, _
from desktop.services.access import require
from desktop.store.models import AuditEntry, Office, Setting

ROLES = ("municipality", "province")
ROLE_LABELS = {"municipality": N_("องค์กรปกครองส่วนท้องถิ่น"),  # on screen: _(label)
               "province": N_("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด")}
DEMO_KEY = "database.demo"
DEMO_LABEL = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"  # printed on documents and exports: Thai
NO_OFFICE_MESSAGE = N_("ยังไม่ได้ตั้งค่าหน่วยงานของฐานข้อมูลนี้ "
                       "โปรดกรอกชื่อ รหัส และจังหวัดของหน่วยงานที่หน้า ตั้งค่าหน่วยงาน ก่อน")


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    uuid: str
    code: str
    name: str
    province: str
    role: str


def _info(o: Office) -> OfficeInfo:
    return OfficeInfo(o.id, o.uuid, o.code, o.name, o.province, o.role)


def local_office(session: Session) -> OfficeInfo | None:
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).first()
    return _info(office) if office else None


def require_local_office(session: Session) -> OfficeInfo:
    office = local_office(session)
    if office is None:
        raise ValidationFailed([Problem("office", _(NO_OFFICE_MESSAGE))])
    return office


def office_problems(name: str, code: str, province: str, role: str) -> list[Problem]:
    """Every problem of an office's fields (already cleaned), one Thai message a field."""
    problems = []
    name_problem = (
        _("โปรดกรอกชื่อหน่วยงาน เช่น เทศบาลตำบลบ้านใหม่") if not name
        else thai_marks_problem(name, N_("ชื่อหน่วยงาน")) or too_long(name, NAME_LIMIT, N_("ชื่อหน่วยงาน"))
    )
    if name_problem:
        problems.append(Problem("name", name_problem))
    code_problem = office_code_problem(code)
    if code_problem:
        problems.append(Problem("code", code_problem))
    province_problem = province and (
        thai_marks_problem(province, N_("จังหวัด")) or too_long(province, PROVINCE_LIMIT, N_("จังหวัด")))
    if province_problem:
        problems.append(Problem("province", province_problem))
    if role not in ROLES:
        problems.append(Problem("role", _("โปรดเลือกประเภทหน่วยงาน: {roles}").format(
            roles=_(" หรือ ").join(_(r) for r in ROLE_LABELS.values()))))
    return problems


@dataclass(frozen=True)
class OfficeValues:
    """An office as typed in a set-up or settings form (cleaned by :func:`check_office`)."""

    name: str
    code: str
    province: str = ""
    role: str = "municipality"


def check_office(values: OfficeValues) -> OfficeValues:
    """The values cleaned (code normalised), or ValidationFailed: one message a field.
    Needs no database: a new database's set-up is checked before its file is made."""
    cleaned = OfficeValues(clean_text(values.name), normalise_office_code(clean_text(values.code)),
                           clean_text(values.province), values.role)
    problems = office_problems(cleaned.name, cleaned.code, cleaned.province, cleaned.role)
    if problems:
        raise ValidationFailed(problems)
    return cleaned


def init_office(
    session: Session, *, name: str, code: str, role: str = "municipality", province: str = ""
) -> OfficeInfo:
    """Create (or change) this database's own office; raises ValidationFailed with one
    Thai message for each wrong field and changes nothing then."""
    require(session, Action.SETTINGS_MANAGE)
    name, province = clean_text(name), clean_text(province)
    code = normalise_office_code(clean_text(code))
    problems = office_problems(name, code, province, role)
    existing = local_office(session)
    other = session.scalars(select(Office).where(Office.code == code)).first() if code else None
    if other is not None and existing is not None and other.id != existing.id:
        problems.append(Problem("code", _("รหัสนี้เป็นของหน่วยงานอื่นที่อยู่ในฐานข้อมูลนี้แล้ว "
                                          "โปรดตรวจรหัส อปท. ของหน่วยงานนี้อีกครั้ง")))
    if problems:
        raise ValidationFailed(problems)
    if existing is not None:
        office = session.get_one(Office, existing.id)
        office.name, office.code, office.role, office.province = name, code, role, province
    elif other is None:
        office = Office(code=code, name=name, role=role, province=province, is_local=True)
        session.add(office)
    else:
        office = other
        office.name, office.role, office.province, office.is_local = name, role, province, True
    session.flush()
    return _info(office)


def is_demo(session: Session) -> bool:
    """Whether this database holds demo data (fictional children), not an office's own:
    marked so, or filled by a Samoe that did not mark yet (its audit log says so)."""
    setting = session.get(Setting, DEMO_KEY)
    if setting is not None:
        return setting.value == "1"
    filled = session.scalar(
        select(AuditEntry.id).where(AuditEntry.entity == "demo", AuditEntry.action == "import").limit(1))
    return filled is not None


def mark_demo(conn: Connection) -> None:
    """Mark this database as demo data (inside the caller's transaction; idempotent)."""
    table = Setting.__table__
    if conn.execute(select(table.c.key).where(table.c.key == DEMO_KEY)).first() is None:
        conn.execute(table.insert().values(key=DEMO_KEY, value="1"))
    else:
        conn.execute(table.update().where(table.c.key == DEMO_KEY).values(value="1"))
