"""The out-of-school cases' dashboard (issue 13): counts by status, the children returned to
education or work this year, the median days from found to that return, and the overdue
follow-ups. Counts only, no person. No Qt.

    d = case_dashboard(session, today)                    # the fiscal year (ปีงบประมาณ) by default
    d = case_dashboard(session, today, year="academic")   # or the academic year (16 May - 15 May)

**Which year.** A municipality plans, budgets and reports by the government's fiscal year
(1 October to 30 September, named by the Buddhist-era year it ends in: ปีงบประมาณ 2570 is
1 Oct 2026 - 30 Sep 2027), so the dashboard counts by it unless asked for the academic
year (ปีการศึกษา, 16 May to 15 May, the registry's).

**Returned** is a case that moved into one of the four returns (back in school, กศน.,
vocational training, working: ``cases.RETURNED``) during the year, counted once however
often it moved between them (its first such move in the year). **Days from found to
return**: from the case's first move to ``found`` to that first return; the median over
the year's returned cases that were found (a case opened already found has its opening's
row). **Overdue**: a follow-up due before today (``follow_due_on``, the partial index).

Who: ``case.work`` or ``stats.read`` (counts only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.cases import OPEN, RETURNED, CaseStatus
from desktop.domain.dates import academic_year_of, to_be_year
from desktop.domain.roles import Action
from desktop.i18n import _
from desktop.services.access import require_any
from desktop.services.cases_lists import own_cases
from desktop.store.case_state import OosCase, OosCaseStatus

YearKind = Literal["fiscal", "academic"]


def year_of(today: date, kind: YearKind = "fiscal") -> tuple[date, date, str]:
    """The year ``today`` falls in: (first day, last day, its Thai name)."""
    if kind == "academic":
        be = academic_year_of(today)
        ce = be - 543
        return date(ce, 5, 16), date(ce + 1, 5, 15), _("ปีการศึกษา {year}").format(year=be)
    ce = today.year + 1 if today.month >= 10 else today.year
    return date(ce - 1, 10, 1), date(ce, 9, 30), _("ปีงบประมาณ {year}").format(year=to_be_year(ce))


@dataclass(frozen=True)
class Dashboard:
    today: date
    year_name: str
    year_start: date
    year_end: date
    by_status: dict[CaseStatus, int] = field(default_factory=dict)
    returned: int = 0  # cases returned to education or work during the year
    median_days: float | None = None  # found -> return, over the year's returned cases found
    timed: int = 0  # how many returns the median is over
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def open(self) -> int:
        return sum(n for s, n in self.by_status.items() if s in OPEN)


def case_dashboard(session: Session, today: date, *, year: YearKind = "fiscal") -> Dashboard:
    """The dashboard's figures on ``today`` (the year that holds it)."""
    require_any(session, Action.CASE_WORK, Action.STATS_READ)
    start, end, name = year_of(today, year)
    by_status = {CaseStatus(s): int(n) for s, n in session.execute(
        select(OosCase.status, func.count()).where(OosCase.deleted_at.is_(None), own_cases())
        .group_by(OosCase.status))}
    h = OosCaseStatus
    live = select(OosCase.id).where(OosCase.deleted_at.is_(None), own_cases())  # not a received case's sender copy
    in_year = (h.to_status.in_([s.value for s in RETURNED]), h.changed_on >= start, h.changed_on <= min(end, today),
               h.deleted_at.is_(None), h.case_id.in_(live))
    returned = select(h.case_id).where(*in_year)
    first_return: dict[int, date] = {c: d for c, d in session.execute(
        select(h.case_id, func.min(h.changed_on)).where(*in_year).group_by(h.case_id))}
    days: list[int] = []
    if first_return:
        found: dict[int, date] = {c: d for c, d in session.execute(
            select(h.case_id, func.min(h.changed_on)).where(
                h.to_status == CaseStatus.FOUND.value, h.deleted_at.is_(None), h.case_id.in_(returned))
            .group_by(h.case_id))}
        for case_id, back in first_return.items():
            seen = found.get(case_id)
            if seen is not None and seen <= back:
                days.append((back - seen).days)
    return Dashboard(today, name, start, end, by_status, len(first_return),
                     float(median(days)) if days else None, len(days), _overdue(session, today))


def _overdue(session: Session, today: date) -> int:
    """Cases whose follow-up was due before ``today`` (the partial index on ``follow_due_on``
    alone; cases_lists.overdue_count's count, open to ``stats.read`` here)."""
    return int(session.scalar(select(func.count()).select_from(OosCase).where(
        OosCase.deleted_at.is_(None), OosCase.follow_due_on.is_not(None), OosCase.follow_due_on < today)) or 0)
