"""A centre's daily register, closed days and attendance % (issue 12). No Qt.

    sheet = open_register(session, room_id, day)          # everyone present unless marked
    save_register(session, room_id, day, {child_uuid: AbsenceReason.SICK, ...})
    close_day(session, centre_id, day, "วันรัฐธรรมนูญ")
    report = room_attendance(session, room_id, first, last)      # per child and the room
    rows = term_attendance(session, 2569, 2)                     # (uuid, present, recorded)
    feed_grant_attendance(session, 2569, 2)                      # into the grant rounds

Saving a register writes the day's register row (taken, by whom, back-dated or not) and
the absences: present is the default, so only absences are rows. A register saved after
its day is back-dated: allowed, flagged on the row and in the audit entry (with how many
days late). Who: ``centre.read`` to read, ``centre.attendance`` to save or close a day,
both at the room's centre (a caregiver: their own centre only). Feeding the grant rounds
also needs ``grants`` (grants.record_attendance checks it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.centre import AbsenceReason, RoomDays, Span, Tally, child_tally, days_between
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.centre import centre_of, child_name, room_of, year_of_room
from desktop.services.office import require_local_office
from desktop.services.years import term_of
from desktop.store.centre_state import (
    CentreAbsence,
    CentreClosedDay,
    CentrePlacement,
    CentreRegister,
    CentreRoom,
)
from desktop.store.models import AcademicYear, Child, utcnow


@dataclass(frozen=True)
class RegisterLine:
    child_uuid: str
    name: str
    absence: AbsenceReason | None  # None: present


@dataclass(frozen=True)
class Register:
    room_id: int
    room: str
    centre: str
    institution_id: int
    day: date
    closed: str | None  # the reason the centre is closed that day; None: open
    taken_by: str  # "" : not taken yet
    lines: tuple[RegisterLine, ...]


@dataclass(frozen=True)
class Saved:
    absent: int
    present: int
    back_dated_days: int  # 0: saved on its day


def _closed_reason(session: Session, institution_id: int, day: date) -> str | None:
    row = session.scalars(select(CentreClosedDay).where(
        CentreClosedDay.institution_id == institution_id, CentreClosedDay.day == day,
        CentreClosedDay.deleted_at.is_(None))).first()
    return None if row is None else (row.reason or "")


def _register_row(session: Session, room_id: int, day: date) -> CentreRegister | None:
    return session.scalars(select(CentreRegister).where(
        CentreRegister.room_id == room_id, CentreRegister.day == day, CentreRegister.deleted_at.is_(None))).first()


def _placed_children(session: Session, room_id: int, day: date) -> list[tuple[int, str, str]]:
    """(id, uuid, name) of the children in the room on ``day``, in name order (one query)."""
    q = (select(Child.id, Child.uuid, Child.prefix, Child.first_name, Child.last_name)
         .join(CentrePlacement, CentrePlacement.child_id == Child.id)
         .where(CentrePlacement.room_id == room_id, CentrePlacement.deleted_at.is_(None),
                CentrePlacement.since <= day,
                (CentrePlacement.until.is_(None)) | (CentrePlacement.until >= day), Child.deleted_at.is_(None))
         .order_by(Child.first_name_key, Child.last_name_key, Child.id))
    return [(r.id, r.uuid, f"{r.prefix}{r.first_name} {r.last_name}".strip()) for r in session.execute(q)]


def placed_in_room(session: Session, room_id: int, day: date) -> dict[str, str]:
    """uuid → name of the children in the room on ``day`` (an import checks each row's
    child is there before anything is saved)."""
    require(session, Action.CENTRE_READ)
    return {uuid: name for _id, uuid, name in _placed_children(session, room_id, day)}


def open_register(session: Session, room_id: int, day: date) -> Register:
    """The room's register of ``day``: its children, each present unless an absence is kept."""
    require(session, Action.CENTRE_READ)
    room = room_of(session, room_id)
    centre = centre_of(session, room.institution_id)
    children = _placed_children(session, room_id, day)
    absent = dict(session.execute(select(CentreAbsence.child_id, CentreAbsence.reason).where(
        CentreAbsence.child_id.in_([c[0] for c in children]), CentreAbsence.day == day,
        CentreAbsence.deleted_at.is_(None))).tuples().all())
    taken = _register_row(session, room_id, day)
    lines = tuple(RegisterLine(uuid, name, AbsenceReason(absent[cid]) if cid in absent else None)
                  for cid, uuid, name in children)
    return Register(room.id, room.name, centre.name, room.institution_id, day,
                    _closed_reason(session, room.institution_id, day), taken.taken_by if taken else "", lines)


def save_register(session: Session, room_id: int, day: date, absences: Mapping[str, AbsenceReason | str], *,
                  today: date | None = None) -> Saved:
    """Save the room's day: ``absences`` (child uuid → reason) are every absence of the day,
    everyone else placed there is present. Nothing is saved when anything is wrong."""
    room = room_of(session, room_id, Action.CENTRE_ATTENDANCE)
    actor = require(session, Action.CENTRE_ATTENDANCE, institution_id=room.institution_id)
    office = require_local_office(session)
    today = today or date.today()
    year = year_of_room(session, room)
    problems: list[Problem] = []
    if day > today:
        problems.append(Problem("day", _("บันทึกการมาเรียนล่วงหน้าไม่ได้: วันที่ต้องไม่เกินวันนี้")))
    if not year.start_date <= day <= year.end_date:
        problems.append(Problem("day", _("วันที่ต้องอยู่ในปีการศึกษา {year} ของห้องนี้").format(year=year.year_be)))
    if _closed_reason(session, room.institution_id, day) is not None:
        problems.append(Problem("day", _("วันนี้ศูนย์ปิด: เปิดวันนี้ก่อนจึงบันทึกการมาเรียนได้")))
    children = {uuid: cid for cid, uuid, _name in _placed_children(session, room_id, day)}
    wanted: dict[int, AbsenceReason] = {}
    for uuid, reason in absences.items():
        if uuid not in children:
            problems.append(Problem("child", _("เด็กที่ทำเครื่องหมายไม่ได้อยู่ในห้องนี้ในวันนั้น")))
            continue
        try:
            wanted[children[uuid]] = AbsenceReason(reason)
        except ValueError:
            problems.append(Problem("reason", _("เหตุที่ไม่มาต้องเป็น ป่วย ลา หรือ ขาด")))
    if problems:
        raise ValidationFailed(problems)
    kept = {a.child_id: a for a in session.scalars(select(CentreAbsence).where(
        CentreAbsence.child_id.in_(list(children.values())), CentreAbsence.day == day,
        CentreAbsence.deleted_at.is_(None)))}
    changed = 0
    now = utcnow()
    for cid, a in kept.items():
        if cid not in wanted:
            a.deleted_at = now
            changed += 1
        elif a.reason != wanted[cid].value:
            a.reason = wanted[cid].value
            changed += 1
    new = [CentreAbsence(child_id=cid, day=day, reason=r.value, origin_office_id=office.id)
           for cid, r in wanted.items() if cid not in kept]
    session.add_all(new)
    changed += len(new)
    late = (today - day).days
    register = _register_row(session, room_id, day)
    first_time = register is None
    if register is None:
        session.add(CentreRegister(room_id=room_id, day=day, taken_by=actor.name, back_dated=late > 0,
                                   origin_office_id=office.id))
    elif changed:
        register.taken_by, register.back_dated = actor.name, register.back_dated or late > 0
    session.flush()
    if first_time or changed:
        record(session, "centre_register", "centre_room", room.uuid,
               {"day": day.isoformat(), "absent": len(wanted), "present": len(children) - len(wanted),
                "changed": changed, "back_dated_days": late, "first": first_time})
    return Saved(len(wanted), len(children) - len(wanted), late)


def close_day(session: Session, institution_id: int, day: date, reason: str) -> None:
    """Mark the centre closed on ``day`` (a holiday): no one is counted that day."""
    require(session, Action.CENTRE_ATTENDANCE, institution_id=institution_id)
    centre_of(session, institution_id, Action.CENTRE_ATTENDANCE)
    office = require_local_office(session)
    reason = " ".join(reason.split())[:200]
    if _closed_reason(session, institution_id, day) is not None:
        return
    row = CentreClosedDay(institution_id=institution_id, day=day, reason=reason, origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "centre_closed", "centre", row.uuid, {"day": day.isoformat(), "reason": reason})


def reopen_day(session: Session, institution_id: int, day: date) -> None:
    """The centre was open on ``day`` after all."""
    require(session, Action.CENTRE_ATTENDANCE, institution_id=institution_id)
    centre_of(session, institution_id, Action.CENTRE_ATTENDANCE)
    for row in session.scalars(select(CentreClosedDay).where(
            CentreClosedDay.institution_id == institution_id, CentreClosedDay.day == day,
            CentreClosedDay.deleted_at.is_(None))):
        row.deleted_at = utcnow()
        session.flush()
        record(session, "centre_opened", "centre", row.uuid, {"day": day.isoformat()})


def closed_days(session: Session, institution_id: int, first: date, last: date) -> dict[date, str]:
    require(session, Action.CENTRE_READ, institution_id=institution_id)
    centre_of(session, institution_id)
    return dict(session.execute(select(CentreClosedDay.day, CentreClosedDay.reason).where(
        CentreClosedDay.institution_id == institution_id, CentreClosedDay.day.between(first, last),
        CentreClosedDay.deleted_at.is_(None))).tuples().all())


# --- the period's figures ----------------------------------------------------------------

@dataclass
class RoomData:
    """What a room's records say over a period: enough for the domain's arithmetic."""

    room: CentreRoom
    days: RoomDays
    names: dict[int, tuple[str, str]] = field(default_factory=dict)  # child id → (uuid, name)
    spans: dict[int, list[Span]] = field(default_factory=dict)
    absences: dict[int, dict[date, AbsenceReason]] = field(default_factory=dict)


def room_data(session: Session, room: CentreRoom, first: date, last: date) -> RoomData:
    """The room's placements, registers, the centre's closed days and the absences in
    [first, last] in four queries."""
    require(session, Action.CENTRE_READ, institution_id=room.institution_id)
    taken = frozenset(session.scalars(select(CentreRegister.day).where(
        CentreRegister.room_id == room.id, CentreRegister.day.between(first, last),
        CentreRegister.deleted_at.is_(None))))
    closed = frozenset(session.scalars(select(CentreClosedDay.day).where(
        CentreClosedDay.institution_id == room.institution_id, CentreClosedDay.day.between(first, last),
        CentreClosedDay.deleted_at.is_(None))))
    data = RoomData(room, RoomDays(taken, closed))
    for p, c in session.execute(
            select(CentrePlacement, Child).join(Child, Child.id == CentrePlacement.child_id)
            .where(CentrePlacement.room_id == room.id, CentrePlacement.deleted_at.is_(None),
                   CentrePlacement.since <= last,
                   (CentrePlacement.until.is_(None)) | (CentrePlacement.until >= first), Child.deleted_at.is_(None))
            .order_by(Child.first_name_key, Child.last_name_key, Child.id, CentrePlacement.since)).tuples():
        data.names[c.id] = (c.uuid, child_name(c))
        data.spans.setdefault(c.id, []).append(Span(p.since, p.until))
    for cid, day, reason in session.execute(select(CentreAbsence.child_id, CentreAbsence.day, CentreAbsence.reason)
                                            .where(CentreAbsence.child_id.in_(list(data.names)),
                                                   CentreAbsence.day.between(first, last),
                                                   CentreAbsence.deleted_at.is_(None))).tuples():
        data.absences.setdefault(cid, {})[day] = AbsenceReason(reason)
    return data


def tallies(data: RoomData, first: date, last: date) -> dict[int, Tally]:
    days = list(days_between(first, last))
    return {cid: child_tally(days, data.spans[cid], data.days, data.absences.get(cid, {})) for cid in data.names}


@dataclass(frozen=True)
class ChildLine:
    child_uuid: str
    name: str
    tally: Tally


@dataclass(frozen=True)
class RoomReport:
    room: str
    centre: str
    first: date
    last: date
    lines: tuple[ChildLine, ...]
    total: Tally


def room_attendance(session: Session, room_id: int, first: date, last: date) -> RoomReport:
    """Each child's and the room's attendance over [first, last]."""
    require(session, Action.CENTRE_READ)
    room = room_of(session, room_id)
    centre = centre_of(session, room.institution_id)
    data = room_data(session, room, first, last)
    total = Tally()
    lines = []
    for cid, t in tallies(data, first, last).items():
        total.add(t)
        lines.append(ChildLine(data.names[cid][0], data.names[cid][1], t))
    return RoomReport(room.name, centre.name, first, last, tuple(lines), total)


def child_attendance(session: Session, child_uuid: str, first: date, last: date) -> Tally:
    """One child's attendance over [first, last], across the rooms they were in (only
    rooms of centres the user may see: a caregiver of another centre gets NotPermitted)."""
    require(session, Action.CENTRE_READ)
    rooms = session.scalars(select(CentreRoom).join(CentrePlacement, CentrePlacement.room_id == CentreRoom.id)
                            .join(Child, Child.id == CentrePlacement.child_id)
                            .where(Child.uuid == child_uuid, CentrePlacement.deleted_at.is_(None)).distinct()).all()
    total = Tally()
    for room in rooms:
        require(session, Action.CENTRE_READ, institution_id=room.institution_id)
        data = room_data(session, room, first, last)
        for cid, t in tallies(data, first, last).items():
            if data.names[cid][0] == child_uuid:
                total.add(t)
    return total


def term_attendance(session: Session, year_be: int, term: int,
                    institution_id: int | None = None) -> list[tuple[str, int, int]]:
    """Each placed child's (uuid, days present, recorded school days) in the term, over
    every room of the year (of one centre, or of every centre the user may see); children
    with no recorded day are left out."""
    actor = require(session, Action.CENTRE_READ, institution_id=institution_id)
    t = term_of(session, year_be, term)
    allowed = actor.institutions_for(Action.CENTRE_READ)
    q = select(CentreRoom).join(AcademicYear, AcademicYear.id == CentreRoom.academic_year_id).where(
        AcademicYear.year_be == year_be, CentreRoom.deleted_at.is_(None))
    if institution_id is not None:
        q = q.where(CentreRoom.institution_id == institution_id)
    if allowed is not None:
        q = q.where(CentreRoom.institution_id.in_(allowed))
    sums: dict[str, Tally] = defaultdict(Tally)
    for room in session.scalars(q.order_by(CentreRoom.id)):
        data = room_data(session, room, t.start_date, t.end_date)
        for cid, tally in tallies(data, t.start_date, t.end_date).items():
            sums[data.names[cid][0]].add(tally)
    return [(uuid, s.present, s.recorded) for uuid, s in sums.items() if s.recorded > 0]


def feed_grant_attendance(session: Session, year_be: int, term: int, institution_id: int | None = None) -> int:
    """The term's attendance from the registers into the grant rounds' condition
    (grants.record_attendance: days present and days open per child, replacing what was
    there). Needs ``centre.read`` and ``grants``; returns the children written."""
    from desktop.services.grants import record_attendance

    require(session, Action.GRANTS)
    rows = term_attendance(session, year_be, term, institution_id)
    if not rows:
        return 0
    n = record_attendance(session, year_be, term, rows)
    record(session, "centre_feed_grants", "term", f"{term}/{year_be}", {"children": n})
    return n
