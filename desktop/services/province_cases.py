"""The province's out-of-school children's cases per municipality (issue 13), from the cases
the municipalities' bundles brought (each kept under the office that sent it). No Qt.

    data = province_cases(session, today=date.today())     # ProvinceCases
    province_cases_pdf(session, out, options, progress)    # pages (reports/province_cases.py)
    export_province_cases(session, path)                   # rows (.xlsx or .csv)

Per municipality, of its live cases: open (not closed) by status, closed by outcome (how
each ended: back in school, in non-formal education ...), and open cases whose next
follow-up is past due as of ``today`` (the municipality's overdue list: ``follow_due_on``).
Who: ``report.province`` (a province officer); the figures name no child.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseStatus
from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, pinned, thai_document
from desktop.reports.province_cases import (
    COUNTING,
    SHEET,
    TITLE,
    CaseFigures,
    MunicipalityCases,
    ProvinceCases,
    province_cases_pieces,
    sheet_headers,
    sheet_rows,
    subtitle,
)
from desktop.reports.province_lists import sheet_marks
from desktop.reports.sheets import write_table
from desktop.services.access import require
from desktop.services.office import DEMO_LABEL, is_demo
from desktop.services.progress import Progress
from desktop.services.province_documents import page_width, write_pdf
from desktop.services.reports import ReportOptions
from desktop.store.case_state import OosCase
from desktop.store.models import Office


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


@thai_document
def province_cases_pdf(session: Session, out: Path, options: ReportOptions = ReportOptions(),  # noqa: B008 (frozen)
                       progress: Progress | None = None, *, today: date | None = None) -> int:
    """The figures as a printable PDF (overview, then each municipality's statuses and
    outcomes); pages."""
    if progress is not None:
        progress.step(0, 100, COUNTING)
    data = province_cases(session, today=today or options.today)
    pieces = province_cases_pieces(data, page_width(options), options.signatures)
    return write_pdf(session, out, TITLE, subtitle(data), pieces, options, progress)


def export_province_cases(session: Session, path: Path, *, today: date | None = None,
                          progress: Progress | None = None) -> int:
    """The figures as a spreadsheet (.xlsx or .csv), one row a municipality, the province's
    total last; rows."""
    data = province_cases(session, today=today)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows = sheet_rows(data)
        return write_table(Path(path), sheet_headers(), rows, total=len(rows), progress=progress,
                           **sheet_marks(SHEET, DEMO_LABEL if is_demo(session) else ""))


__all__ = ["CaseFigures", "MunicipalityCases", "ProvinceCases", "export_province_cases", "province_cases",
           "province_cases_pdf"]
