"""A child development centre's rooms and who is in them (issue 12). No Qt.

    centres(session)                                     # the centres the user may see
    room_id = add_room(session, centre_id, 2569, "ห้องเด็กกลาง", age_group="3")
    place_child(session, child_uuid, room_id, since=date(2026, 5, 16))
    room_children(session, room_id, on=date(2026, 12, 1))

A room belongs to a centre and an academic year. A child is placed in a room from a date;
moving them to another room that year ends the old placement the day before and opens a
new one, so the history stays (``placements_of``). A child can be placed only where they
are enrolled that year.

Who: reading needs ``centre.read``, rooms and placements ``centre.manage``, at the centre
(a caregiver's role names their centre: they see and change only its rooms and children).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import NotPermitted, require
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.services.years import ensure_year
from desktop.store.centre_state import CentrePlacement, CentreRoom
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, utcnow


@dataclass(frozen=True)
class CentreInfo:
    id: int
    uuid: str
    code: str
    name: str


@dataclass(frozen=True)
class RoomInfo:
    id: int
    uuid: str
    institution_id: int
    centre: str
    year_be: int
    name: str
    age_group: str
    children: int  # placed there on the day asked


@dataclass(frozen=True)
class PlacedChild:
    child_id: int
    uuid: str
    name: str
    since: date
    until: date | None


def child_name(c: Child) -> str:
    return f"{c.prefix}{c.first_name} {c.last_name}".strip()


def centres(session: Session) -> list[CentreInfo]:
    """The centres (ศพด.) the user may see, by name."""
    actor = require(session, Action.CENTRE_READ)
    allowed = actor.institutions_for(Action.CENTRE_READ)
    q = (select(Institution).where(Institution.kind == InstitutionKind.CDC.value, Institution.deleted_at.is_(None))
         .order_by(Institution.name, Institution.id))
    if allowed is not None:
        q = q.where(Institution.id.in_(allowed))
    return [CentreInfo(i.id, i.uuid, i.code, i.name) for i in session.scalars(q)]


def centre_of(session: Session, institution_id: int, action: Action = Action.CENTRE_READ) -> Institution:
    """The centre, when the user may do ``action`` there; NotPermitted / ValidationFailed."""
    require(session, action, institution_id=institution_id)
    centre = session.get(Institution, institution_id)
    if centre is None or centre.deleted_at is not None or centre.kind != InstitutionKind.CDC.value:
        raise ValidationFailed([Problem("centre", _("ไม่พบศูนย์พัฒนาเด็กเล็กนี้ในทะเบียน"))])
    return centre


def room_of(session: Session, room_id: int, action: Action = Action.CENTRE_READ) -> CentreRoom:
    """The room, when the user may do ``action`` at its centre."""
    require(session, action)
    room = session.get(CentreRoom, room_id)
    if room is None or room.deleted_at is not None:
        raise ValidationFailed([Problem("room", _("ไม่พบห้องเรียนนี้"))])
    require(session, action, institution_id=room.institution_id)
    return room


def year_of_room(session: Session, room: CentreRoom) -> AcademicYear:
    require(session, Action.CENTRE_READ, institution_id=room.institution_id)
    year = session.get(AcademicYear, room.academic_year_id)
    assert year is not None
    return year


def rooms(session: Session, institution_id: int, year_be: int, *, on: date | None = None) -> list[RoomInfo]:
    """The centre's rooms of an academic year, with how many children are in each on ``on``
    (default: today, or the year's last day when it has ended)."""
    centre = centre_of(session, institution_id)
    year = session.scalars(select(AcademicYear).where(AcademicYear.year_be == year_be)).first()
    if year is None:
        return []
    day = on or min(date.today(), year.end_date)
    counts: dict[int, int] = dict(session.execute(
        select(CentrePlacement.room_id, func.count()).where(*_placed_on(day))
        .group_by(CentrePlacement.room_id)).tuples().all())
    q = (select(CentreRoom).where(CentreRoom.institution_id == institution_id, CentreRoom.academic_year_id == year.id,
                                  CentreRoom.deleted_at.is_(None)).order_by(CentreRoom.position, CentreRoom.name))
    return [RoomInfo(r.id, r.uuid, r.institution_id, centre.name, year_be, r.name, r.age_group,
                     int(counts.get(r.id, 0))) for r in session.scalars(q)]


def _placed_on(day: date) -> tuple[ColumnElement[bool], ...]:
    return (CentrePlacement.deleted_at.is_(None), CentrePlacement.since <= day,
            or_(CentrePlacement.until.is_(None), CentrePlacement.until >= day))


def add_room(session: Session, institution_id: int, year_be: int, name: str, *, age_group: str = "") -> int:
    """A new room of the centre in ``year_be``; its id."""
    centre_of(session, institution_id, Action.CENTRE_MANAGE)
    office = require_local_office(session)
    name = " ".join(name.split())
    problems = []
    if not name or len(name) > 60:
        problems.append(Problem("name", _("ชื่อห้องต้องมี 1-60 ตัวอักษร")))
    if age_group and (not age_group.isascii() or not age_group.isdigit() or not 0 <= int(age_group) <= 6):
        problems.append(Problem("age_group", _("กลุ่มอายุเป็นตัวเลขอายุ 0-6 ปี")))
    year = ensure_year(session, year_be)
    if name and session.scalar(select(CentreRoom.id).where(
            CentreRoom.institution_id == institution_id, CentreRoom.academic_year_id == year.id,
            CentreRoom.name == name, CentreRoom.deleted_at.is_(None))) is not None:
        problems.append(Problem("name", _("ศูนย์นี้มีห้อง {name} ในปีการศึกษา {year} แล้ว").format(
            name=name, year=year_be)))
    if problems:
        raise ValidationFailed(problems)
    position = session.scalar(select(func.count()).select_from(CentreRoom).where(
        CentreRoom.institution_id == institution_id, CentreRoom.academic_year_id == year.id)) or 0
    room = CentreRoom(institution_id=institution_id, academic_year_id=year.id, name=name, age_group=age_group,
                      position=int(position) + 1, origin_office_id=office.id)
    session.add(room)
    session.flush()
    record(session, "centre_room", "centre_room", room.uuid, {"name": name, "year": year_be})
    return room.id


def _child(session: Session, child_uuid: str) -> Child:
    child = session.scalars(select(Child).where(Child.uuid == child_uuid, Child.deleted_at.is_(None))).first()
    if child is None:
        raise ValidationFailed([Problem("child", _("ไม่พบเด็กคนนี้ในทะเบียน"))])
    return child


def place_child(session: Session, child_uuid: str, room_id: int, since: date) -> None:
    """Put the child in the room from ``since``; a placement that year in another room ends
    the day before (kept), one starting on or after ``since`` is replaced."""
    room = room_of(session, room_id, Action.CENTRE_MANAGE)
    actor = require(session, Action.CENTRE_MANAGE, institution_id=room.institution_id)
    office = require_local_office(session)
    year = year_of_room(session, room)
    child = _child(session, child_uuid)
    if session.scalar(select(Enrollment.id).where(
            Enrollment.child_id == child.id, Enrollment.institution_id == room.institution_id,
            Enrollment.academic_year_id == room.academic_year_id, Enrollment.deleted_at.is_(None))) is None:
        raise ValidationFailed([Problem("child", _(
            "{name} ไม่ได้ลงทะเบียนเรียนที่ศูนย์นี้ในปีการศึกษา {year}: ลงทะเบียนก่อนจึงจัดเข้าห้องได้").format(
            name=child_name(child), year=year.year_be))])
    if not year.start_date <= since <= year.end_date:
        raise ValidationFailed([Problem("since", _("วันที่เข้าห้องต้องอยู่ในปีการศึกษา {year}").format(
            year=year.year_be))])
    same_year = select(CentreRoom.id).where(CentreRoom.academic_year_id == room.academic_year_id)
    moved_from = None
    for p in session.scalars(select(CentrePlacement).where(
            CentrePlacement.child_id == child.id, CentrePlacement.room_id.in_(same_year),
            CentrePlacement.deleted_at.is_(None))):
        if p.since >= since:
            p.deleted_at = utcnow()  # a correction: the later placement is replaced
        elif p.until is None or p.until >= since:
            p.until = since - timedelta(days=1)
            before = session.get(CentreRoom, p.room_id)
            moved_from = before.name if before is not None else None
    session.add(CentrePlacement(child_id=child.id, room_id=room.id, since=since, placed_by=actor.name,
                                origin_office_id=office.id))
    session.flush()
    record(session, "centre_place", "child", child.uuid,
           {"room": room.name, "since": since.isoformat(), "moved_from": moved_from}, subject_uuid=child.uuid)


def room_children(session: Session, room_id: int, on: date) -> list[PlacedChild]:
    """The children in the room on ``on``, in name order."""
    room_of(session, room_id)
    return _placed(session, room_id, on)


def _placed(session: Session, room_id: int, on: date) -> list[PlacedChild]:
    q = (select(Child, CentrePlacement.since, CentrePlacement.until)
         .join(CentrePlacement, CentrePlacement.child_id == Child.id)
         .where(CentrePlacement.room_id == room_id, *_placed_on(on), Child.deleted_at.is_(None))
         .order_by(Child.first_name_key, Child.last_name_key, Child.id))
    return [PlacedChild(c.id, c.uuid, child_name(c), since, until) for c, since, until in session.execute(q)]


def placements_of(session: Session, child_uuid: str) -> list[tuple[str, date, date | None]]:
    """A child's rooms over time (room, since, until), oldest first: the history a move keeps."""
    child = _child(session, child_uuid)
    rows = session.execute(select(CentreRoom.name, CentreRoom.institution_id, CentrePlacement.since,
                                  CentrePlacement.until)
                           .join(CentreRoom, CentreRoom.id == CentrePlacement.room_id)
                           .where(CentrePlacement.child_id == child.id, CentrePlacement.deleted_at.is_(None))
                           .order_by(CentrePlacement.since)).all()
    actor = require(session, Action.CENTRE_READ)
    allowed = actor.institutions_for(Action.CENTRE_READ)
    if allowed is not None and any(r.institution_id not in allowed for r in rows):
        raise NotPermitted(Action.CENTRE_READ, actor)
    if allowed is not None and not rows:
        raise NotPermitted(Action.CENTRE_READ, actor)
    return [(r.name, r.since, r.until) for r in rows]


def unplaced_children(session: Session, institution_id: int, year_be: int, on: date) -> list[PlacedChild]:
    """Children enrolled at the centre that year who are in no room of it on ``on``."""
    centre_of(session, institution_id)
    year = session.scalars(select(AcademicYear).where(AcademicYear.year_be == year_be)).first()
    if year is None:
        return []
    placed = (select(CentrePlacement.child_id).join(CentreRoom, CentreRoom.id == CentrePlacement.room_id)
              .where(CentreRoom.academic_year_id == year.id, *_placed_on(on)))
    q = (select(Child).join(Enrollment, Enrollment.child_id == Child.id)
         .where(Enrollment.institution_id == institution_id, Enrollment.academic_year_id == year.id,
                Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None), Child.id.not_in(placed))
         .order_by(Child.first_name_key, Child.last_name_key, Child.id))
    return [PlacedChild(c.id, c.uuid, child_name(c), on, None) for c in session.scalars(q)]


def place_from_enrolment(session: Session, institution_id: int, year_be: int, on: date,
                         fallback_room_id: int | None = None) -> dict[str, int]:
    """Place every child enrolled at the centre that year and in no room on ``on``: in the
    room whose age group is their enrolment's age (cdc3 → a room of age group "3"), else in
    ``fallback_room_id`` (none: left unplaced). Returns {room name: children placed}."""
    centre_of(session, institution_id, Action.CENTRE_MANAGE)
    year = session.scalars(select(AcademicYear).where(AcademicYear.year_be == year_be)).first()
    if year is None:
        return {}
    by_age = {r.age_group: r for r in session.scalars(select(CentreRoom).where(
        CentreRoom.institution_id == institution_id, CentreRoom.academic_year_id == year.id,
        CentreRoom.deleted_at.is_(None)).order_by(CentreRoom.position)) if r.age_group}
    fallback = room_of(session, fallback_room_id, Action.CENTRE_MANAGE) if fallback_room_id is not None else None
    levels = dict(session.execute(select(Enrollment.child_id, Enrollment.level_code).where(
        Enrollment.institution_id == institution_id, Enrollment.academic_year_id == year.id,
        Enrollment.deleted_at.is_(None))).tuples().all())
    placed: dict[str, int] = {}
    for child in unplaced_children(session, institution_id, year_be, on):
        level = levels.get(child.child_id, "")
        room = by_age.get(level[-1:]) if level.startswith("cdc") else None
        room = room or fallback
        if room is None:
            continue
        place_child(session, child.uuid, room.id, on)
        placed[room.name] = placed.get(room.name, 0) + 1
    return placed
