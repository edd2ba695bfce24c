"""The province's lists printed (PDF) and exported (.xlsx/.csv), as every list of Samoe is:
the municipalities and their chains, and the reconcile list. No Qt; the Thai is
``desktop/reports/province_lists.py``'s.

    municipalities_pdf(session, out, options, progress) / export_municipalities(session, path)
    reconcile_pdf(session, out, options, progress) / export_reconcile(session, path)

Who: the municipalities ``report.province``; the reconcile list names children, so its PDF
also needs ``report`` and its export ``export``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, pinned, thai_document
from desktop.reports.pdf.document import Layout, Piece, render
from desktop.reports.province_lists import (
    MUNICIPALITIES_SHEET,
    MUNICIPALITIES_TITLE,
    MUNICIPALITY_COLUMNS,
    MUNICIPALITY_HEADERS,
    RECONCILE_COLUMNS,
    RECONCILE_HEADERS,
    RECONCILE_SHEET,
    RECONCILE_TITLE,
    municipalities_subtitle,
    municipality_cells,
    municipality_print_cells,
    reconcile_cells,
    reconcile_print_cells,
    reconcile_subtitle,
    sheet_marks,
)
from desktop.reports.province_summary import DONE, PAGING
from desktop.reports.registry import plain_list
from desktop.reports.sheets import write_table
from desktop.services.access import require, require_any
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.services.province_reconcile import decision_label, reconcile_rows
from desktop.services.province_senders import format_gaps, municipalities, quiet_words, stale_days
from desktop.services.reports import ReportOptions, write_atomic


def write_pdf(session: Session, out: Path, title: str, subtitle: str, pieces: list[Piece],
              options: ReportOptions, progress: Progress | None) -> int:
    """Lay ``pieces`` out under the office's header and write ``out`` atomically; pages.
    (Each document checks its own permission first; a document needs a report role.)"""
    require_any(session, Action.PROVINCE_REPORT, Action.REPORT)
    office = local_office(session)
    layout = Layout(office.name if office else "", title, subtitle, options.landscape,
                    options.today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")

    def check(done: int, total: int) -> None:
        if progress is not None:
            progress.step(50 + 49 * done // max(total, 1), 100, PAGING)

    data, pages = render(layout, pieces, check=check)
    write_atomic(out, data)
    if progress is not None:
        progress.step(100, 100, DONE)
    return pages


def page_width(options: ReportOptions) -> float:
    return float(Layout("", "", landscape=options.landscape).frame_w)


def _marks(session: Session, sheet: str) -> dict[str, Any]:
    return sheet_marks(sheet, DEMO_LABEL if is_demo(session) else "")


@thai_document
def municipalities_pdf(session: Session, out: Path, options: ReportOptions = ReportOptions(),  # noqa: B008
                       progress: Progress | None = None) -> int:
    require(session, Action.PROVINCE_REPORT)
    rows = municipalities(session)
    cells = [municipality_print_cells(r, quiet_words(r), format_gaps(r.gaps)) for r in rows]
    pieces = plain_list(MUNICIPALITY_COLUMNS, cells, page_width(options), options.signatures)
    subtitle = municipalities_subtitle(len(rows), sum(1 for r in rows if r.stale), stale_days(session))
    return write_pdf(session, out, MUNICIPALITIES_TITLE, subtitle, pieces, options, progress)


def export_municipalities(session: Session, path: Path, *, progress: Progress | None = None) -> int:
    require(session, Action.PROVINCE_REPORT)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows = [municipality_cells(r, quiet_words(r), format_gaps(r.gaps)) for r in municipalities(session)]
        return write_table(Path(path), list(MUNICIPALITY_HEADERS), rows, total=len(rows), progress=progress,
                           **_marks(session, MUNICIPALITIES_SHEET))


@thai_document
def reconcile_pdf(session: Session, out: Path, options: ReportOptions = ReportOptions(),  # noqa: B008
                  progress: Progress | None = None) -> int:
    require(session, Action.REPORT)
    rows = reconcile_rows(session)
    cells = [reconcile_print_cells(r, decision_label(r.decision)) for r in rows]
    pieces = plain_list(RECONCILE_COLUMNS, cells, page_width(options), options.signatures)
    waiting = sum(1 for r in rows if r.open)
    return write_pdf(session, out, RECONCILE_TITLE, reconcile_subtitle(waiting, len(rows) - waiting), pieces,
                     options, progress)


def export_reconcile(session: Session, path: Path, *, progress: Progress | None = None) -> int:
    require(session, Action.EXPORT)
    with pinned(SOURCE_LANGUAGE):
        rows = [reconcile_cells(r, decision_label(r.decision)) for r in reconcile_rows(session)]
        return write_table(Path(path), list(RECONCILE_HEADERS), rows, total=len(rows), progress=progress,
                           **_marks(session, RECONCILE_SHEET))
