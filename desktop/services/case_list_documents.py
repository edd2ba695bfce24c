"""The out-of-school cases' list printed (PDF) and exported (.xlsx/.csv) as the window
shows it (issue 13): the same filters and order (services/cases_lists.list_cases:
overdue follow-ups first, or by village for a tracing trip). No Qt.

    q = CaseQuery(status=CaseStatus.TO_TRACE, village="4")
    case_list_pdf(session, q, Path("cases.pdf"), filter_text="รอติดตาม · หมู่ 4")
    export_case_list(session, q, Path("cases.xlsx"))

Who: the list's own right (``case.work``), and ``report`` to print, ``export`` to write a
file. Documents and files are Thai whatever the screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.domain.cases import status_label
from desktop.domain.dates import format_be
from desktop.domain.roles import Action
from desktop.i18n import SOURCE_LANGUAGE, pinned, thai_document
from desktop.reports import case_list as words
from desktop.reports.sheets import write_table
from desktop.services.access import require
from desktop.services.cases_lists import (
    MAX_PAGE,
    CaseOrder,
    CaseQuery,
    CaseRow,
    ListOrder,
    list_cases,
)
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress

if TYPE_CHECKING:
    from desktop.services.reports import ReportOptions

MAX_ROWS = 50_000


def case_rows(session: Session, q: CaseQuery, *, order: ListOrder = CaseOrder.OVERDUE_FIRST,
              today: date | None = None, limit: int = MAX_ROWS) -> tuple[list[CaseRow], int, int]:
    """The list's rows in the window's order (at most ``limit``), its total and overdue."""
    require(session, Action.CASE_WORK)
    rows: list[CaseRow] = []
    total = overdue = 0
    while len(rows) < limit:
        page = list_cases(session, q, today=today, offset=len(rows), limit=min(MAX_PAGE, limit - len(rows)),
                          order=order)
        total, overdue = page.total, page.overdue
        rows += page.rows
        if not page.rows or len(rows) >= total:
            break
    return rows, total, overdue


def _cells(r: CaseRow) -> tuple[str, ...]:
    return (r.child_name, r.national_id, status_label(r.status), format_be(r.status_on), r.worker, r.village_no,
            r.house_no, format_be(r.follow_due_on) if r.follow_due_on else "",
            str(r.days_overdue) if r.days_overdue else "")


@thai_document
def case_list_pdf(session: Session, q: CaseQuery, out: Path, options: ReportOptions | None = None,
                  progress: Progress | None = None, *, order: ListOrder = CaseOrder.OVERDUE_FIRST,
                  filter_text: str = "", today: date | None = None) -> int:
    """Print the list (landscape unless asked otherwise); the pages."""
    from desktop.reports.pdf.document import Layout, render
    from desktop.reports.pdf.table import Column
    from desktop.reports.registry import plain_list
    from desktop.services.reports import ReportOptions, ReportTooLarge, write_atomic

    require(session, Action.REPORT)
    options = options or ReportOptions(landscape=True)
    if progress is not None:
        progress.step(0, 100, "")
    rows, total, overdue = case_rows(session, q, order=order, today=today, limit=MAX_ROWS + 1)
    if len(rows) > MAX_ROWS:
        raise ReportTooLarge(len(rows), words.TOO_MANY)
    columns = tuple(Column(h, w, "right" if i == len(words.HEADERS) - 1 else "left")
                    for i, (h, w) in enumerate(zip(words.HEADERS, words.WEIGHTS, strict=True)))
    width = Layout("", "", landscape=options.landscape).frame_w
    pieces = plain_list(columns, [_cells(r) for r in rows], width, options.signatures, empty=words.EMPTY)
    subtitle = " · ".join(p for p in (filter_text or words.ALL, words.COUNT.format(n=f"{total:,}"),
                                      words.OVERDUE.format(n=f"{overdue:,}") if overdue else "") if p)
    office = local_office(session)
    layout = Layout(office.name if office else "", words.TITLE, subtitle, options.landscape,
                    options.today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")
    data, pages = render(layout, pieces)
    write_atomic(Path(out), data)
    if progress is not None:
        progress.step(100, 100, "")
    return pages


def export_case_list(session: Session, q: CaseQuery, path: Path, *, order: ListOrder = CaseOrder.OVERDUE_FIRST,
                     today: date | None = None, progress: Progress | None = None) -> int:
    """The list as a spreadsheet (.xlsx or .csv); the rows written."""
    from desktop.reports.province_lists import sheet_marks

    require(session, Action.EXPORT)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows, _total, _overdue = case_rows(session, q, order=order, today=today)
        cells = [_cells(r) for r in rows]
        return write_table(Path(path), list(words.HEADERS), cells, total=len(cells), progress=progress,
                           text_columns=[1, 5, 6], **sheet_marks(words.SHEET, DEMO_LABEL if is_demo(session) else ""))
