"""The province's out-of-school children's cases per municipality (issue 13), from the cases
the municipalities' bundles brought (each kept under the office that sent it). No Qt.

    data = province_cases(session, today=date.today())     # ProvinceCases

Per municipality, of its live cases: open (not closed) by status, closed by outcome (how
each ended: back in school, in non-formal education ...), and open cases whose next
follow-up is past due as of ``today`` (the municipality's overdue list: ``follow_due_on``).
Who: ``report.province`` (a province officer); the figures name no child.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseStatus
from desktop.domain.roles import Action
from desktop.services.access import require
from desktop.store.case_state import OosCase
from desktop.store.models import Office


@dataclass(frozen=True)
class CaseFigures:
    open: int = 0
    closed: int = 0
    overdue: int = 0  # open, the next follow-up past due
    by_status: dict[str, int] = field(default_factory=dict)  # open cases: CaseStatus value → cases
    outcomes: dict[str, int] = field(default_factory=dict)  # closed cases: CaseOutcome value ("" none) → cases

    def __add__(self, other: CaseFigures) -> CaseFigures:
        return CaseFigures(self.open + other.open, self.closed + other.closed, self.overdue + other.overdue,
                           dict(Counter(self.by_status) + Counter(other.by_status)),
                           dict(Counter(self.outcomes) + Counter(other.outcomes)))


@dataclass(frozen=True)
class MunicipalityCases:
    code: str
    name: str
    figures: CaseFigures


@dataclass(frozen=True)
class ProvinceCases:
    today: date
    municipalities: tuple[MunicipalityCases, ...]
    total: CaseFigures


def province_cases(session: Session, *, today: date | None = None) -> ProvinceCases:
    """Every municipality that sent a bundle, with its cases' figures (zeros when none)."""
    require(session, Action.PROVINCE_REPORT)
    today = today or date.today()
    status: dict[int, Counter[str]] = {}
    outcome: dict[int, Counter[str]] = {}
    for office, st, out, n in session.execute(
            select(OosCase.origin_office_id, OosCase.status, OosCase.outcome, func.count())
            .where(OosCase.deleted_at.is_(None))
            .group_by(OosCase.origin_office_id, OosCase.status, OosCase.outcome)).tuples():
        if st == CaseStatus.CLOSED.value:
            outcome.setdefault(int(office), Counter())[out or ""] += int(n)
        else:
            status.setdefault(int(office), Counter())[st] += int(n)
    overdue = dict(session.execute(
        select(OosCase.origin_office_id, func.count())
        .where(OosCase.deleted_at.is_(None), OosCase.follow_due_on.is_not(None), OosCase.follow_due_on < today,
               OosCase.status != CaseStatus.CLOSED.value)
        .group_by(OosCase.origin_office_id)).tuples().all())
    out = []
    for office in session.scalars(select(Office).where(Office.is_local.is_(False), Office.role == "municipality")
                                  .order_by(Office.name, Office.code)):
        st, oc = status.get(office.id, Counter()), outcome.get(office.id, Counter())
        out.append(MunicipalityCases(office.code, office.name, CaseFigures(
            sum(st.values()), sum(oc.values()), int(overdue.get(office.id, 0)), dict(sorted(st.items())),
            dict(sorted(oc.items())))))
    return ProvinceCases(today, tuple(out), sum((m.figures for m in out), CaseFigures()))
