"""This database's own office (the local government or provincial office using it)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.text import clean_text
from desktop.store.models import Office

ROLES = ("municipality", "province")
ROLE_LABELS = {"municipality": "องค์กรปกครองส่วนท้องถิ่น", "province": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"}


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
        raise ValidationFailed(
            [Problem("office", "ยังไม่ได้ตั้งค่าหน่วยงาน โปรดใช้คำสั่ง samoe init หรือสร้างข้อมูลตัวอย่างก่อน")]
        )
    return office


def init_office(
    session: Session, *, name: str, code: str, role: str = "municipality", province: str = ""
) -> OfficeInfo:
    """Create (or rename) this database's own office."""
    name, code, province = clean_text(name), clean_text(code), clean_text(province)
    problems = []
    if not name:
        problems.append(Problem("name", "โปรดกรอกชื่อหน่วยงาน เช่น เทศบาลตำบลบ้านใหม่"))
    if not code:
        problems.append(Problem("code", "โปรดกรอกรหัสหน่วยงาน (รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น)"))
    if role not in ROLES:
        problems.append(Problem("role", "บทบาทต้องเป็น municipality หรือ province"))
    if problems:
        raise ValidationFailed(problems)
    existing = local_office(session)
    if existing is not None:
        office = session.get_one(Office, existing.id)
        office.name, office.code, office.role, office.province = name, code, role, province
    else:
        office = session.scalars(select(Office).where(Office.code == code)).first()
        if office is None:
            office = Office(code=code, name=name, role=role, province=province, is_local=True)
            session.add(office)
        else:
            office.name, office.role, office.province, office.is_local = name, role, province, True
    session.flush()
    return _info(office)
