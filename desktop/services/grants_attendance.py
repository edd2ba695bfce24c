"""A grant round's attendance, one class at a time (issue 11): the classes enrolled in the
round's year and how many of each have the term's attendance recorded, and one class's
children with what is recorded, for the window's keyboard grid. Saving goes through
``grants.record_attendance`` (every row checked first, nothing half-saved). No Qt.

    classes = attendance_classes(session, round_id)
    lines = attendance_sheet(session, round_id, classes[0].institution_id, "p1", "1")

Who: ``grants`` (the clerk who records it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.domain.levels import level_by_code
from desktop.domain.roles import Action
from desktop.services.access import require, require_any
from desktop.services.grants import round_of
from desktop.store.grant_state import TermAttendance
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term


@dataclass(frozen=True)
class ClassChoice:
    institution_id: int
    institution: str
    level_code: str
    level: str  # its label (ป.1)
    classroom: str
    children: int
    recorded: int  # of them, with the term's attendance


@dataclass(frozen=True)
class AttendanceLine:
    child_uuid: str
    child_name: str
    national_id: str  # or the G-code (what the attendance import finds a child by)
    days_present: int | None  # None: not recorded for the term
    days_open: int | None


def _label(code: str) -> str:
    try:
        return level_by_code(code).label
    except KeyError:
        return code


def round_term(session: Session, round_id: int) -> tuple[int, int, int]:
    """The round's (year_be, term number, term id)."""
    require_any(session, Action.GRANTS, Action.REGISTRY_READ)
    r = round_of(session, round_id)
    number, year = session.execute(select(Term.number, AcademicYear.year_be)
                                   .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                                   .where(Term.id == r.term_id)).one()
    return int(year), int(number), r.term_id


def attendance_classes(session: Session, round_id: int) -> list[ClassChoice]:
    """Every class enrolled in the round's year (institution, level and room order)."""
    require(session, Action.GRANTS)
    _year, _number, term_id = round_term(session, round_id)
    year_id = session.scalar(select(Term.academic_year_id).where(Term.id == term_id))
    stmt = (select(Institution.id, Institution.name, Enrollment.level_code, Enrollment.classroom,
                   func.count(Child.id), func.count(TermAttendance.id))
            .join(Enrollment, Enrollment.institution_id == Institution.id)
            .join(Child, Child.id == Enrollment.child_id)
            .outerjoin(TermAttendance, and_(TermAttendance.child_id == Child.id, TermAttendance.term_id == term_id,
                                            TermAttendance.deleted_at.is_(None)))
            .where(Enrollment.academic_year_id == year_id, Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None))
            .group_by(Institution.id, Institution.name, Enrollment.level_code, Enrollment.classroom,
                      Enrollment.institution_key, Enrollment.level_key, Enrollment.classroom_key)
            .order_by(Enrollment.institution_key, Institution.id, Enrollment.level_key, Enrollment.classroom_key))
    return [ClassChoice(int(i), name, code, _label(code), room or "", int(n), int(done))
            for i, name, code, room, n, done in session.execute(stmt)]


def attendance_sheet(session: Session, round_id: int, institution_id: int, level_code: str,
                     classroom: str) -> list[AttendanceLine]:
    """One class's children (name order) with the term's attendance recorded so far."""
    require(session, Action.GRANTS)
    _year, _number, term_id = round_term(session, round_id)
    year_id = session.scalar(select(Term.academic_year_id).where(Term.id == term_id))
    stmt = (select(Child.uuid, Child.prefix, Child.first_name, Child.last_name, Child.national_id,
                   Child.g_code, TermAttendance.days_present, TermAttendance.days_open)
            .join(Enrollment, Enrollment.child_id == Child.id)
            .outerjoin(TermAttendance, and_(TermAttendance.child_id == Child.id, TermAttendance.term_id == term_id,
                                            TermAttendance.deleted_at.is_(None)))
            .where(Enrollment.academic_year_id == year_id, Enrollment.institution_id == institution_id,
                   Enrollment.level_code == level_code, Enrollment.classroom == classroom,
                   Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None))
            .order_by(Child.first_name_key, Child.last_name_key, Child.id))
    return [AttendanceLine(uuid, f"{prefix}{first} {last}", national_id or g_code or "", present, days)
            for uuid, prefix, first, last, national_id, g_code, present, days in session.execute(stmt)]
