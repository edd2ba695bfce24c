"""Lunch and milk for the DLA subsidy claim (issue 12): the dated rates and a centre's
month of counts and amounts. No Qt.

    set_rate(session, MealKind.LUNCH, date(2026, 10, 1), "21.00", source="หนังสือ สถ. ที่ ...")
    month = meal_report(session, centre_id, 2026, 12)

The rates are the office's table (``centre_rate``), one row per kind and start date, each
for the fiscal year of its start; until the office records one, the shipped rates
(resources/centre/subsidy-rates.json, marked unchecked) are used and every report says so.
Who: ``centre.read`` for the report and the rates; setting a rate needs ``centre.manage``
without an institution limit (the rates are the office's, not one centre's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.centre import (
    MealKind,
    MealMonth,
    Rate,
    days_between,
    fiscal_year_be,
    meal_month,
    month_days,
)
from desktop.domain.centre_rates import shipped_rates
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import NotPermitted, require
from desktop.services.audit import record
from desktop.services.centre import centre_of
from desktop.services.centre_attendance import room_data
from desktop.services.office import require_local_office
from desktop.store.centre_state import CentreRate, CentreRoom
from desktop.store.models import utcnow


def stored_rates(session: Session) -> list[Rate]:
    """The office's own rates (empty: none recorded yet)."""
    require(session, Action.CENTRE_READ)
    return [Rate(MealKind(r.kind), r.fiscal_year_be, r.valid_from, r.satang, r.source, r.checked)
            for r in session.scalars(select(CentreRate).where(CentreRate.deleted_at.is_(None))
                                     .order_by(CentreRate.valid_from, CentreRate.kind))]


def rates_in_force(session: Session) -> tuple[list[Rate], bool]:
    """The rates the reports use, and whether they are the shipped (unchecked) ones."""
    own = stored_rates(session)
    return (own, False) if own else (shipped_rates(), True)


def set_rate(session: Session, kind: MealKind | str, valid_from: date, satang: int, *, source: str = "",
             checked: bool = False) -> None:
    """Record the rate of ``kind`` from ``valid_from`` (replacing one from the same day)."""
    actor = require(session, Action.CENTRE_MANAGE)
    if actor.institutions_for(Action.CENTRE_MANAGE) is not None:
        raise NotPermitted(Action.CENTRE_MANAGE, actor)
    office = require_local_office(session)
    problems = []
    try:
        meal = MealKind(kind)
    except ValueError:
        problems.append(Problem("kind", _("ประเภทต้องเป็นอาหารกลางวันหรืออาหารเสริม (นม)")))
    if not 0 < satang <= 100_000:
        problems.append(Problem("rate", _("อัตราต่อคนต่อวันต้องมากกว่า 0 และไม่เกิน 1,000 บาท")))
    if problems:
        raise ValidationFailed(problems)
    now = utcnow()
    for old in session.scalars(select(CentreRate).where(CentreRate.kind == meal.value,
                                                        CentreRate.valid_from == valid_from,
                                                        CentreRate.deleted_at.is_(None))):
        old.deleted_at = now
    row = CentreRate(kind=meal.value, fiscal_year_be=fiscal_year_be(valid_from), valid_from=valid_from,
                     satang=satang, source=" ".join(source.split())[:300], checked=checked,
                     origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "centre_rate", "centre_rate", row.uuid,
           {"kind": meal.value, "from": valid_from.isoformat(), "satang": satang, "checked": checked})


@dataclass(frozen=True)
class MealReport:
    centre: str
    year: int  # Christian era
    month: int
    meals: MealMonth
    shipped_rates: bool  # the program's unchecked rates were used (none of the office's)
    not_recorded: int  # room-days of the month with no register taken (school days)


def present_by_day(session: Session, institution_id: int, first: date, last: date) -> tuple[dict[date, int], int]:
    """Children present at the centre each day in [first, last] (every room of every year
    that overlaps), and how many room school days had no register taken."""
    require(session, Action.CENTRE_READ, institution_id=institution_id)
    centre_of(session, institution_id)
    present: dict[date, int] = {d: 0 for d in days_between(first, last)}
    missing = 0
    for room in session.scalars(select(CentreRoom).where(CentreRoom.institution_id == institution_id,
                                                         CentreRoom.deleted_at.is_(None))):
        data = room_data(session, room, first, last)
        if not data.names:
            continue
        for day in present:
            if not data.days.school_day(day):
                continue
            here = [cid for cid, spans in data.spans.items() if any(s.covers(day) for s in spans)]
            if not here:
                continue
            if day not in data.days.taken:
                missing += 1
                continue
            present[day] += sum(1 for cid in here if day not in data.absences.get(cid, {}))
    return present, missing


def meal_report(session: Session, institution_id: int, year: int, month: int) -> MealReport:
    """The month's lunch and milk: children present per day, the rate of each day, amounts."""
    centre = centre_of(session, institution_id)
    days = month_days(year, month)
    present, missing = present_by_day(session, institution_id, days[0], days[-1])
    rates, shipped = rates_in_force(session)
    return MealReport(centre.name, year, month, meal_month(present, rates), shipped, missing)
