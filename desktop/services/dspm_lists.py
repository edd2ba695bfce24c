"""The centres' DSPM lists (issue 12): children due for a check this month, re-checks due and
overdue, referrals waiting for the hospital's outcome. No Qt; every list pages in SQL.

    due = checks_due(session, 2026, 12, institution_id=7)        # who reaches 9/18/30/42/60 months
    rechecks_due(session, today)                                  # suspected delays not re-checked
    referrals_waiting(session)                                    # no outcome from the hospital yet

Which children: those enrolled at a child development centre the user may read (a
caregiver: their own centre), or at the one centre asked. A child reaches a screening
age in the month their birth month plus that many months falls in (dspm_schedule.reaches:
the day is only clamped to the month's length), so "due this month" is five birth-date
ranges in SQL; whether the check was made is an EXISTS beside it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.dspm import Outcome, manual
from desktop.domain.dspm_schedule import reaches
from desktop.domain.levels import InstitutionKind
from desktop.domain.roles import Action
from desktop.services.access import require
from desktop.store.growth_state import DspmCheck, DspmReferral
from desktop.store.models import AcademicYear, Child, Enrollment, Institution

_First = aliased(DspmCheck, name="first_check")


@dataclass(frozen=True)
class ChildCols:
    child_id: int
    uuid: str
    name: str
    birth: date
    centre: str


@dataclass(frozen=True)
class DueRow:
    child: ChildCols
    age_months: int
    reaches_on: date  # the day the child completes the age
    checked_on: date | None  # the first check at that age, when made


@dataclass(frozen=True)
class RecheckRow:
    child: ChildCols
    check_id: int
    age_months: int
    checked_on: date
    due: date
    overdue: bool
    days_left: int  # negative when overdue


@dataclass(frozen=True)
class ReferralRow:
    child: ChildCols
    referral_id: int
    check_id: int
    age_months: int
    hospital: str
    letter_no: str
    sent_on: date
    days_waiting: int


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int
    offset: int


def _centres(session: Session, institution_id: int | None) -> Select[Any] | None:
    """The ids of the centres to list (None: the user may read none)."""
    actor = require(session, Action.GROWTH_READ, institution_id=institution_id)
    allowed = actor.institutions_for(Action.GROWTH_READ)
    if allowed is not None and not allowed:
        return None
    q = select(Institution.id).where(Institution.kind == InstitutionKind.CDC.value, Institution.deleted_at.is_(None))
    if allowed is not None:
        q = q.where(Institution.id.in_(allowed))
    if institution_id is not None:
        q = q.where(Institution.id == institution_id)
    return q


def _centre_name(centres: Select[Any], years: ColumnElement[bool] | None = None) -> Any:
    """The name of the child's centre (the latest year's enrolment at one listed)."""
    q = (select(Institution.name).join(Enrollment, Enrollment.institution_id == Institution.id)
         .where(Enrollment.child_id == Child.id, Enrollment.deleted_at.is_(None),
                Enrollment.institution_id.in_(centres)))
    if years is not None:
        q = q.where(years)
    return q.order_by(Enrollment.academic_year_id.desc()).limit(1).scalar_subquery()


def _enrolled(centres: Select[Any], years: ColumnElement[bool] | None = None) -> ColumnElement[bool]:
    q = select(Enrollment.id).where(Enrollment.child_id == Child.id, Enrollment.deleted_at.is_(None),
                                    Enrollment.institution_id.in_(centres))
    if years is not None:
        q = q.where(years)
    return q.exists()


def _cols(r: Any) -> ChildCols:
    return ChildCols(r.child_id, r.uuid, f"{r.prefix}{r.first_name} {r.last_name}".strip(), r.birth_date,
                     r.centre or "")


_CHILD = (Child.id.label("child_id"), Child.uuid, Child.prefix, Child.first_name, Child.last_name, Child.birth_date)


def _page(session: Session, q: Select[Any], offset: int, limit: int) -> tuple[list[Any], int]:
    total = int(session.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0)
    return list(session.execute(q.offset(offset).limit(limit))), total


def _shift(year: int, month: int, back: int) -> tuple[int, int]:
    total = year * 12 + month - 1 - back
    return total // 12, total % 12 + 1


def checks_due(session: Session, year: int, month: int, *, institution_id: int | None = None,
               offset: int = 0, limit: int = 100) -> Page[DueRow]:
    """Children who reach a screening age in the calendar month (CE year), by centre and
    the day they reach it, with the first check at that age if made."""
    centres = _centres(session, institution_id)
    if centres is None:
        return Page([], 0, offset)
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    years = Enrollment.academic_year_id.in_(select(AcademicYear.id).where(
        AcademicYear.start_date <= last, AcademicYear.end_date >= first))
    ranges = []
    for age in manual().screening_ages:
        y, m = _shift(year, month, age)
        ranges.append(and_(Child.birth_date >= date(y, m, 1),
                           Child.birth_date <= date(y, m, calendar.monthrange(y, m)[1])))
    done = (select(func.min(DspmCheck.checked_on)).where(
        DspmCheck.child_id == Child.id, DspmCheck.deleted_at.is_(None), DspmCheck.first_check_id.is_(None),
        DspmCheck.age_months == _age_expr(year, month)).scalar_subquery())
    q = (select(*_CHILD, _centre_name(centres, years).label("centre"), done.label("checked_on"))
         .where(Child.deleted_at.is_(None), or_(*ranges), _enrolled(centres, years))
         .order_by("centre", extract("day", Child.birth_date), Child.first_name_key, Child.last_name_key,
                   Child.id))  # by the day they reach the age (the birth day, clamped to the month)
    rows, total = _page(session, q, offset, limit)
    out = []
    for r in rows:
        age = (year - r.birth_date.year) * 12 + month - r.birth_date.month
        out.append(DueRow(_cols(r), age, reaches(r.birth_date, age), r.checked_on))
    return Page(out, total, offset)


def _age_expr(year: int, month: int) -> Any:
    """The child's age in months this month, in SQL (the year and month of the birth date)."""
    return (year - extract("year", Child.birth_date)) * 12 + month - extract("month", Child.birth_date)


def rechecks_due(session: Session, today: date, *, institution_id: int | None = None, overdue_only: bool = False,
                 offset: int = 0, limit: int = 100) -> Page[RecheckRow]:
    """Suspected delays not yet re-checked, the soonest due first (overdue ones first of all)."""
    centres = _centres(session, institution_id)
    if centres is None:
        return Page([], 0, offset)
    again = select(DspmCheck.id).where(DspmCheck.first_check_id == _First.id, DspmCheck.deleted_at.is_(None))
    q = (select(*_CHILD, _centre_name(centres).label("centre"), _First.id.label("check_id"), _First.age_months,
                _First.checked_on, _First.recheck_due)
         .join(_First, _First.child_id == Child.id)
         .where(_First.deleted_at.is_(None), _First.first_check_id.is_(None),
                _First.outcome == Outcome.SUSPECTED_DELAY.value, _First.recheck_due.is_not(None),
                ~again.exists(), Child.deleted_at.is_(None), _enrolled(centres))
         .order_by(_First.recheck_due, Child.first_name_key, Child.id))
    if overdue_only:
        q = q.where(_First.recheck_due < today)
    rows, total = _page(session, q, offset, limit)
    return Page([RecheckRow(_cols(r), r.check_id, r.age_months, r.checked_on, r.recheck_due, today > r.recheck_due,
                            (r.recheck_due - today).days) for r in rows], total, offset)


def referrals_waiting(session: Session, today: date, *, institution_id: int | None = None, offset: int = 0,
                      limit: int = 100) -> Page[ReferralRow]:
    """Referrals for TEDA4I with no outcome from the hospital yet, the oldest first."""
    centres = _centres(session, institution_id)
    if centres is None:
        return Page([], 0, offset)
    q = (select(*_CHILD, _centre_name(centres).label("centre"), DspmReferral.id.label("referral_id"),
                DspmReferral.check_id, DspmCheck.age_months, DspmReferral.hospital, DspmReferral.letter_no,
                DspmReferral.sent_on)
         .join(DspmCheck, DspmCheck.id == DspmReferral.check_id)
         .join(Child, Child.id == DspmCheck.child_id)
         .where(DspmReferral.deleted_at.is_(None), DspmReferral.outcome == "", DspmCheck.deleted_at.is_(None),
                Child.deleted_at.is_(None), _enrolled(centres))
         .order_by(DspmReferral.sent_on, DspmReferral.id))
    rows, total = _page(session, q, offset, limit)
    return Page([ReferralRow(_cols(r), r.referral_id, r.check_id, r.age_months, r.hospital, r.letter_no, r.sent_on,
                             (today - r.sent_on).days) for r in rows], total, offset)
