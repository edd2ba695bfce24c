"""Academic years and terms (Buddhist Era)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import to_ce_year
from desktop.domain.roles import Action
from desktop.services.access import require_any
from desktop.store.models import AcademicYear, Term


@dataclass(frozen=True)
class YearInfo:
    id: int
    year_be: int
    start_date: date
    end_date: date


def year_bounds(year_be: int) -> tuple[date, date, list[tuple[int, date, date]]]:
    """The usual calendar of a Thai academic year: 16 May to 15 May; terms 1 and 2."""
    ce = to_ce_year(year_be)
    start, end = date(ce, 5, 16), date(ce + 1, 5, 15)
    terms = [(1, start, date(ce, 10, 31)), (2, date(ce, 11, 1), end)]
    return start, end, terms


def ensure_year(session: Session, year_be: int) -> AcademicYear:
    year = session.scalars(select(AcademicYear).where(AcademicYear.year_be == year_be)).first()
    if year is not None:
        return year
    start, end, terms = year_bounds(year_be)
    year = AcademicYear(year_be=year_be, start_date=start, end_date=end)
    session.add(year)
    for number, t_start, t_end in terms:
        session.add(Term(academic_year=year, number=number, start_date=t_start, end_date=t_end))
    session.flush()
    return year


def list_years(session: Session) -> list[YearInfo]:
    require_any(session, Action.REGISTRY_READ, Action.STATS_READ)
    rows = session.scalars(select(AcademicYear).order_by(AcademicYear.year_be.desc()))
    return [YearInfo(y.id, y.year_be, y.start_date, y.end_date) for y in rows]


def term_of(session: Session, year_be: int, number: int) -> Term:
    """Term ``number`` of ``year_be``; ValidationFailed (Thai) when the registry has no such
    term (the screening's and the grant rounds' services: they check the user)."""
    from desktop.domain.errors import Problem, ValidationFailed
    from desktop.i18n import _

    term = session.scalars(select(Term).join(AcademicYear).where(AcademicYear.year_be == year_be,
                                                                Term.number == number)).first()
    if term is None:
        raise ValidationFailed([Problem("term", _("ไม่มีภาคเรียน {term}/{year} ในทะเบียน โปรดเพิ่มปีการศึกษาก่อน").format(
            term=number, year=year_be))])
    return term
