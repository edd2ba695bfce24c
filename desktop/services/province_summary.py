"""The province's summary report per municipality (PDF; issue 10): each municipality's live
children, those enrolled in the year by level and sex, its last bundle and when it was
made, and its open reconcile pairs. Read through a Session, laid out by
``desktop/reports/province_summary.py``, written atomically. No Qt.

    province_summary_pdf(session, Path("สรุปรายอปท.pdf"), year_be=2569)

Who: ``report.province`` (the report names children's counts only, no person).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.levels import LEVELS, level_by_code
from desktop.domain.people import Sex
from desktop.domain.roles import Action
from desktop.i18n import thai_document
from desktop.reports.province_summary import (
    COUNTING,
    TITLE,
    MunicipalitySummary,
    ProvinceSummary,
    notes,
    province_summary,
    subtitle,
)
from desktop.reports.registry import LevelCount
from desktop.services.access import require
from desktop.services.children import current_year_be
from desktop.services.progress import Progress
from desktop.services.province_documents import page_width, write_pdf
from desktop.services.province_senders import format_gaps, municipalities, quiet_words
from desktop.services.reports import ReportOptions
from desktop.store.exchange_state import Reconcile
from desktop.store.models import AcademicYear, Child, Enrollment, Office

_LEVEL_ORDER = {lv.code: i for i, lv in enumerate(LEVELS)}


def _level_label(code: str) -> str:
    try:
        return level_by_code(code).label
    except KeyError:
        return code


def _by_level(session: Session, year_be: int) -> dict[str, dict[str, list[int]]]:
    """office code → level code → [boys, girls, other] enrolled in the year (live)."""
    out: dict[str, dict[str, list[int]]] = {}
    for code, level, sex, n in session.execute(
            select(Office.code, Enrollment.level_code, Child.sex, func.count(func.distinct(Child.id)))
            .select_from(Enrollment).join(Child, Child.id == Enrollment.child_id)
            .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
            .join(Office, Office.id == Child.origin_office_id)
            .where(Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None), AcademicYear.year_be == year_be)
            .group_by(Office.code, Enrollment.level_code, Child.sex)).tuples():
        col = 0 if sex == Sex.MALE.value else 1 if sex == Sex.FEMALE.value else 2
        out.setdefault(code, {}).setdefault(level, [0, 0, 0])[col] += int(n)
    return out


def _enrolled(session: Session, year_be: int) -> dict[str, int]:
    return {code: int(n) for code, n in session.execute(
        select(Office.code, func.count(func.distinct(Child.id))).select_from(Enrollment)
        .join(Child, Child.id == Enrollment.child_id)
        .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
        .join(Office, Office.id == Child.origin_office_id)
        .where(Enrollment.deleted_at.is_(None), Child.deleted_at.is_(None), AcademicYear.year_be == year_be)
        .group_by(Office.code)).tuples()}


def summary_data(session: Session, year_be: int) -> ProvinceSummary:
    """What the report shows, one entry a municipality (as the municipalities page orders
    them: the quiet ones first)."""
    require(session, Action.PROVINCE_REPORT)
    levels = _by_level(session, year_be)
    enrolled = _enrolled(session, year_be)
    out: list[MunicipalitySummary] = []
    for m in municipalities(session):
        per = levels.get(m.office_code, {})
        rows: list[LevelCount] = [(_level_label(code), c[0], c[1], sum(c)) for code, c in
                                  sorted(per.items(), key=lambda kv: (_LEVEL_ORDER.get(kv[0], 99), kv[0]))]
        out.append(MunicipalitySummary(m.office_code, m.office_name, m.children, enrolled.get(m.office_code, 0),
                                       rows, m.sequence, m.created_at,
                                       m.open_pairs, notes(quiet_words(m), format_gaps(m.gaps), m.restores)))
    open_pairs = int(session.scalar(select(func.count()).select_from(Reconcile).where(Reconcile.decision == "")) or 0)
    return ProvinceSummary(year_be, out, open_pairs)


@thai_document
def province_summary_pdf(session: Session, out: Path, year_be: int | None = None,
                         options: ReportOptions = ReportOptions(),  # noqa: B008 (frozen)
                         progress: Progress | None = None) -> int:
    """Write the report to ``out``; returns the number of pages."""
    year = year_be if year_be is not None else current_year_be(options.today)
    if progress is not None:
        progress.step(0, 100, COUNTING)
    data = summary_data(session, year)
    pieces = province_summary(data, page_width(options), options.signatures)
    return write_pdf(session, out, TITLE, subtitle(year, len(data.municipalities)), pieces, options, progress)
