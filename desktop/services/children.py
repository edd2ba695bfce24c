"""A child's record: read it for the form, validate and save it whole, delete and restore.

A save is one transaction: the child, the household address, guardians and the enrolment
are all written or none is. Concurrent edits are caught by the row's version counter.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.address import ADDRESS_FIELDS, Address, address_of
from desktop.domain.child import ChildInput, normalise_child, validate_child
from desktop.domain.dates import academic_year_of
from desktop.domain.duplicates import DuplicateMatch, MatchKind, PersonKey, find_duplicates
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.identity import IdType, national_id_problem, normalise_national_id
from desktop.domain.levels import InstitutionKind, level_by_code
from desktop.domain.limits import ENROLLMENT as ENROLLMENT_LIMITS
from desktop.domain.limits import GUARDIAN as GUARDIAN_LIMITS
from desktop.domain.limits import GUARDIAN_LABELS, too_long
from desktop.domain.people import Sex, normalise_prefix
from desktop.domain.roles import Action
from desktop.domain.text import clean_text, digits_only, thai_marks_problem
from desktop.i18n import N_, _
from desktop.services.access import require, require_any, require_child
from desktop.services.audit import record
from desktop.services.audit_detail import changes, child_snapshot
from desktop.services.household_edit import household_at, live_household, same_guardian
from desktop.services.office import require_local_office
from desktop.services.years import ensure_year
from desktop.store.models import (
    AcademicYear,
    Child,
    ChildGuardian,
    Enrollment,
    Guardian,
    Household,
    Institution,
    utcnow,
)

RELATIONS = ("พ่อ", "แม่", "ปู่", "ย่า", "ตา", "ยาย", "ลุง", "ป้า", "น้า", "อา", "พี่", "ผู้ปกครองอื่น")
ENROLLMENT_STATUSES = {
    "active": N_("กำลังเรียน"),
    "moved": N_("ย้ายออก"),
    "graduated": N_("จบการศึกษา"),
    "dropped": N_("ออกกลางคัน"),
}


class ConcurrentEdit(Exception):
    """Someone else saved this record since it was opened."""

    @property
    def message(self) -> str:
        return _("มีผู้อื่นแก้ไขข้อมูลเด็กคนนี้หลังจากที่ท่านเปิดไว้ โปรดปิดแล้วเปิดใหม่เพื่อดูข้อมูลล่าสุด")


class NotFound(Exception):
    pass


@dataclass
class GuardianForm:
    uuid: str | None = None
    prefix: str = ""
    first_name: str = ""
    last_name: str = ""
    national_id: str = ""
    phone: str = ""
    occupation: str = ""
    relation: str = ""
    is_primary: bool = False


@dataclass
class EnrollmentForm:
    institution_id: int | None = None
    year_be: int | None = None
    level_code: str = ""
    classroom: str = ""
    status: str = "active"


@dataclass
class ChildForm:
    """Everything the child form shows and saves."""

    child: ChildInput = field(default_factory=ChildInput)
    uuid: str | None = None
    version: int | None = None
    household_uuid: str | None = None
    household_member_count: int = 0
    guardians: list[GuardianForm] = field(default_factory=list)
    enrollment: EnrollmentForm | None = None
    deleted: bool = False


def _address_of(h: Household | None) -> Address:
    if h is None:
        return Address()
    return address_of(h)


def load_child(session: Session, uuid: str, *, year_be: int | None = None) -> ChildForm:
    require_child(session, Action.REGISTRY_READ, uuid)
    child = session.scalars(
        select(Child)
        .where(Child.uuid == uuid)
        .options(
            selectinload(Child.guardian_links).selectinload(ChildGuardian.guardian),
            selectinload(Child.enrollments).selectinload(Enrollment.academic_year),
            selectinload(Child.household),
        )
    ).first()
    if child is None:
        raise NotFound(uuid)
    inp = ChildInput(
        prefix=child.prefix,
        first_name=child.first_name,
        last_name=child.last_name,
        first_name_en=child.first_name_en,
        last_name_en=child.last_name_en,
        sex=Sex(child.sex),
        birth_date=child.birth_date,
        id_type=IdType(child.id_type),
        national_id=child.national_id or "",
        g_code=child.g_code or "",
        no_id_reason=child.no_id_reason,
        nationality=child.nationality,
        disability=child.disability,
        address=_address_of(child.household),
    )
    guardians = [
        GuardianForm(
            uuid=link.guardian.uuid,
            prefix=link.guardian.prefix,
            first_name=link.guardian.first_name,
            last_name=link.guardian.last_name,
            national_id=link.guardian.national_id or "",
            phone=link.guardian.phone,
            occupation=link.guardian.occupation,
            relation=link.relation,
            is_primary=link.is_primary,
        )
        for link in child.guardian_links
        if link.deleted_at is None
    ]
    live = [e for e in child.enrollments if e.deleted_at is None]
    live.sort(key=lambda e: e.academic_year.year_be, reverse=True)
    chosen = next((e for e in live if e.academic_year.year_be == year_be), None) if year_be else None
    chosen = chosen or (live[0] if live else None)
    enrollment = (
        EnrollmentForm(
            chosen.institution_id,
            chosen.academic_year.year_be,
            chosen.level_code,
            chosen.classroom,
            chosen.status,
        )
        if chosen
        else None
    )
    members = 0
    if child.household is not None:
        members = len([c for c in child.household.children if c.deleted_at is None]) + len(
            [g for g in child.household.guardians if g.deleted_at is None]
        )
    return ChildForm(
        inp,
        child.uuid,
        child.version,
        child.household.uuid if child.household else None,
        members,
        guardians,
        enrollment,
        child.deleted_at is not None,
    )


def guardian_problems(index: int, g: GuardianForm) -> list[Problem]:
    where = f"guardians[{index}]"
    label = _("ผู้ปกครองคนที่ {n}").format(n=index + 1)
    problems = []
    if not clean_text(g.first_name):
        problems.append(Problem(f"{where}.first_name", _("{who}: โปรดกรอกชื่อ").format(who=label)))
    if not clean_text(g.relation):
        problems.append(
            Problem(f"{where}.relation", _("{who}: โปรดเลือกความเกี่ยวข้องกับเด็ก เช่น แม่ หรือ ยาย").format(who=label))
        )
    if clean_text(g.national_id):
        message = national_id_problem(g.national_id)
        if message:
            problems.append(Problem(f"{where}.national_id", f"{label}: {message}"))
    for name in ("prefix", "first_name", "last_name", "occupation", "relation"):
        value = clean_text(getattr(g, name))
        if value and not any(p.field == f"{where}.{name}" for p in problems):
            text_label = GUARDIAN_LABELS[name]
            message = too_long(value, GUARDIAN_LIMITS[name], text_label) or thai_marks_problem(
                value, text_label)
            if message:
                problems.append(Problem(f"{where}.{name}", f"{label}: {message}"))
    phone = digits_only(g.phone)
    if phone and (len(phone) not in (9, 10) or not phone.startswith("0")):
        problems.append(
            Problem(
                f"{where}.phone",
                _("{who}: เบอร์โทรศัพท์ต้องขึ้นต้นด้วย 0 และมี 9–10 หลัก เช่น 0812345678").format(who=label),
            )
        )
    return problems


def enrollment_problems(session: Session, e: EnrollmentForm, *,
                        child_uuid: str | None = None) -> list[Problem]:
    problems = []
    if e.institution_id is None:
        problems.append(Problem("enrollment.institution_id", _("โปรดเลือกสถานศึกษา")))
        return problems
    inst = session.get(Institution, e.institution_id)
    if inst is None:
        problems.append(Problem("enrollment.institution_id", _("ไม่พบสถานศึกษาที่เลือก โปรดเลือกใหม่")))
        return problems
    if inst.deleted_at is not None and not _enrolled_at(session, child_uuid, inst.id):
        # a deleted school stays on the forms of the children already in it, no others
        problems.append(Problem(
            "enrollment.institution_id",
            _("{name} ถูกลบออกจากรายการสถานศึกษาแล้ว โปรดเลือกสถานศึกษาอื่น หรือกู้คืนที่หน้า "
              "สถานศึกษา (ติ๊ก แสดงที่ลบแล้ว แล้วกด กู้คืน)").format(name=inst.name)))
        return problems
    if e.year_be is None:
        problems.append(Problem("enrollment.year_be", _("โปรดระบุปีการศึกษา เช่น 2569")))
    try:
        level = level_by_code(e.level_code)
    except KeyError:
        problems.append(Problem("enrollment.level_code", _("โปรดเลือกชั้นเรียน")))
        return problems
    if level.kind != InstitutionKind(inst.kind):
        problems.append(
            Problem(
                "enrollment.level_code",
                _("ชั้น {level} ไม่มีใน{name} โปรดเลือกชั้นให้ตรงกับประเภทสถานศึกษา").format(
                    level=level.display_label, name=inst.name),
            )
        )
    if e.status not in ENROLLMENT_STATUSES:
        problems.append(Problem("enrollment.status", _("สถานะการเรียนไม่ถูกต้อง")))
    classroom = too_long(clean_text(e.classroom), ENROLLMENT_LIMITS["classroom"], N_("ห้องเรียน"))
    if classroom:
        problems.append(Problem("enrollment.classroom", classroom))
    return problems


def _enrolled_at(session: Session, child_uuid: str | None, institution_id: int) -> bool:
    if not child_uuid:
        return False
    return session.scalar(
        select(Enrollment.id).join(Child, Child.id == Enrollment.child_id)
        .where(Child.uuid == child_uuid, Enrollment.institution_id == institution_id,
               Enrollment.deleted_at.is_(None)).limit(1)
    ) is not None


def validate_form(session: Session, form: ChildForm, *, today: date) -> list[Problem]:
    problems = validate_child(normalise_child(form.child), today=today)
    for i, g in enumerate(form.guardians):
        problems.extend(guardian_problems(i, g))
    if form.enrollment is not None:
        problems.extend(enrollment_problems(session, form.enrollment, child_uuid=form.uuid))
    return problems


def duplicates_of(session: Session, inp: ChildInput, *, exclude_uuid: str | None) -> list[DuplicateMatch]:
    """Other live children with the same ID, or a near-identical name and the same birth date."""
    require(session, Action.REGISTRY_READ)
    inp = normalise_child(inp)
    conds = []
    if inp.id_type is IdType.NATIONAL_ID and inp.national_id:
        conds.append(Child.national_id == inp.national_id)
    if inp.id_type is IdType.G_CODE and inp.g_code:
        conds.append(Child.g_code == inp.g_code)
    if inp.birth_date is not None:
        conds.append(Child.birth_date == inp.birth_date)
    if not conds:
        return []
    stmt = (
        select(Child.uuid, Child.prefix, Child.first_name, Child.last_name, Child.birth_date,
               Child.national_id, Child.g_code)
        .where(or_(*conds), Child.deleted_at.is_(None))
        .limit(500)
    )
    others = [
        PersonKey(r.uuid, r.first_name, r.last_name, r.birth_date, r.national_id or "", r.g_code or "")
        for r in session.execute(stmt)
    ]
    me = PersonKey(
        exclude_uuid or "", inp.first_name, inp.last_name, inp.birth_date,
        inp.national_id if inp.id_type is IdType.NATIONAL_ID else "",
        inp.g_code if inp.id_type is IdType.G_CODE else "",
    )
    return find_duplicates(me, others)


def save_child(session: Session, form: ChildForm, *, today: date | None = None, actor: str = "") -> str:
    """Validate and write the whole form; returns the child's uuid.

    Raises ValidationFailed (nothing written), ConcurrentEdit, NotFound.
    """
    require_child(session, Action.REGISTRY_WRITE, form.uuid,
                  [form.enrollment.institution_id if form.enrollment else None])
    today = today or date.today()
    inp = normalise_child(form.child)
    problems = validate_form(session, replace(form, child=inp), today=today)
    hard_dups = [
        m for m in duplicates_of(session, inp, exclude_uuid=form.uuid)
        if m.kind in (MatchKind.SAME_NATIONAL_ID, MatchKind.SAME_G_CODE)
    ]
    for m in hard_dups:
        field_name = "national_id" if m.kind is MatchKind.SAME_NATIONAL_ID else "g_code"
        problems.append(
            Problem(
                field_name,
                _("เลขนี้ซ้ำกับ {first} {last} ที่มีอยู่แล้ว "
                  "โปรดตรวจสอบว่าเป็นเด็กคนเดียวกันหรือไม่ (ค้นหาเลขนี้ในรายชื่อ)").format(
                      first=m.other.first_name, last=m.other.last_name),
            )
        )
    if problems:
        raise ValidationFailed(problems)
    office = require_local_office(session)
    try:
        uuid = _write(session, form, inp, office.id, actor)
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEdit() from exc
    return uuid


def _write(session: Session, form: ChildForm, inp: ChildInput, office_id: int, actor: str) -> str:
    if form.uuid:
        child = session.scalars(select(Child).where(Child.uuid == form.uuid)).first()
        if child is None:
            raise NotFound(form.uuid)
        if form.version is not None and child.version != form.version:
            raise ConcurrentEdit()
        action = "update"
    else:
        child = Child(origin_office_id=office_id)
        session.add(child)
        action = "create"
    before = child_snapshot(session, child) if action == "update" else {}
    child.prefix = normalise_prefix(inp.prefix)
    child.first_name, child.last_name = inp.first_name, inp.last_name
    child.first_name_en, child.last_name_en = inp.first_name_en, inp.last_name_en
    assert inp.sex is not None and inp.birth_date is not None
    child.sex, child.birth_date, child.id_type = inp.sex.value, inp.birth_date, inp.id_type.value
    child.national_id = inp.national_id if inp.id_type is IdType.NATIONAL_ID else None
    child.g_code = inp.g_code if inp.id_type is IdType.G_CODE else None
    child.no_id_reason = inp.no_id_reason if inp.id_type is IdType.NONE else ""
    child.nationality, child.disability = inp.nationality, inp.disability
    child.household = _household_for(session, form, inp.address, office_id)
    session.flush()
    _write_guardians(session, child, form.guardians, office_id)
    if form.enrollment is not None:
        _write_enrollment(session, child, form.enrollment, office_id)
    changed = changes(before, child_snapshot(session, child))  # guardians, enrolment too
    record(session, action, "child", child.uuid, changed, actor=actor)
    return child.uuid


def _household_for(
    session: Session, form: ChildForm, address: Address, office_id: int
) -> Household | None:
    household = None
    if form.household_uuid:
        # merged into another since the form was opened: that one, its address as it is
        household = live_household(session, form.household_uuid)
        if household is not None and household.uuid != form.household_uuid:
            return household
    if household is None:
        if address == Address():
            return None
        # a sibling typed with the address of an existing household joins it
        household = household_at(session, address)
        if household is not None:
            return household
        household = Household(origin_office_id=office_id)
        session.add(household)
    for name in ADDRESS_FIELDS:
        value = getattr(address, name)
        if getattr(household, name) != value:
            setattr(household, name, value)
    return household


def _write_guardians(
    session: Session, child: Child, guardians: list[GuardianForm], office_id: int
) -> None:
    links = {link.guardian.uuid: link for link in child.guardian_links}
    kept: set[str] = set()
    for g in guardians:
        guardian = None
        if g.uuid:
            guardian = session.scalars(select(Guardian).where(Guardian.uuid == g.uuid)).first()
        if guardian is None:  # retyped on a sibling's form: the guardian already there
            guardian = same_guardian(session, child.household, g.first_name, g.last_name,
                                     normalise_national_id(g.national_id))
            if guardian is not None and guardian.uuid in kept:  # typed twice on this form
                guardian = None
        if guardian is None:
            guardian = Guardian(origin_office_id=office_id, household=child.household)
            session.add(guardian)
        guardian.prefix = normalise_prefix(g.prefix)
        guardian.first_name, guardian.last_name = clean_text(g.first_name), clean_text(g.last_name)
        guardian.national_id = normalise_national_id(g.national_id) or None
        guardian.phone, guardian.occupation = digits_only(g.phone), clean_text(g.occupation)
        if guardian.household is None and child.household is not None:
            guardian.household = child.household
        session.flush()
        kept.add(guardian.uuid)
        link = links.get(guardian.uuid)
        if link is None:
            link = ChildGuardian(origin_office_id=office_id, child=child, guardian=guardian)
            session.add(link)
        link.relation, link.is_primary = clean_text(g.relation), g.is_primary
        link.deleted_at = None
    for uuid, link in links.items():
        if uuid not in kept and link.deleted_at is None:
            link.deleted_at = utcnow()


def _write_enrollment(session: Session, child: Child, e: EnrollmentForm, office_id: int) -> None:
    assert e.year_be is not None and e.institution_id is not None
    year = ensure_year(session, e.year_be)
    existing = session.scalars(
        select(Enrollment).where(
            Enrollment.child_id == child.id, Enrollment.academic_year_id == year.id
        )
    ).all()
    target = next((x for x in existing if x.institution_id == e.institution_id), None)
    if target is None:
        target = next((x for x in existing if x.deleted_at is None), None)
    if target is None:
        target = Enrollment(origin_office_id=office_id, child=child, academic_year=year)
        session.add(target)
    target.institution_id = e.institution_id
    target.level_code, target.classroom, target.status = e.level_code, clean_text(e.classroom), e.status
    target.deleted_at = None


def delete_child(session: Session, uuid: str, *, actor: str = "") -> None:
    """Soft delete: the row stays (and travels to the province as deleted) until restored."""
    require(session, Action.REGISTRY_DELETE)
    child = session.scalars(select(Child).where(Child.uuid == uuid)).first()
    if child is None:
        raise NotFound(uuid)
    if child.deleted_at is None:
        child.deleted_at = utcnow()
        record(session, "delete", "child", uuid, {}, actor=actor)


def restore_child(session: Session, uuid: str, *, actor: str = "") -> None:
    require(session, Action.REGISTRY_DELETE)
    child = session.scalars(select(Child).where(Child.uuid == uuid)).first()
    if child is None:
        raise NotFound(uuid)
    if child.deleted_at is not None:
        child.deleted_at = None
        record(session, "restore", "child", uuid, {}, actor=actor)


def current_year_be(today: date | None = None) -> int:
    return academic_year_of(today or date.today())


def years_with_enrolments(session: Session) -> list[int]:
    require_any(session, Action.REGISTRY_READ, Action.STATS_READ)
    return list(session.scalars(select(AcademicYear.year_be).order_by(AcademicYear.year_be.desc())))
