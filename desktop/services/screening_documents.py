"""The screenings page's lists as rows, printed (PDF) and exported (.xlsx/.csv), as the
window shows them: the same filter, search and sort (issue 11). No Qt.

    q = ListQuery("unscreened", year_be=2569, term=1, search="สม", sort=(1, False))
    rows = list_rows(session, q)                # what the page shows
    list_pdf(session, q, Path("list.pdf"))      # the same rows printed
    export_list(session, q, Path("list.xlsx"))  # and as a spreadsheet

The lists: ``screened`` (the term's screenings by status, institution and class),
``unscreened`` (the school children of the year not screened in the term), ``no_photo_gps``
(screened households with no photo, or no reason for none, or no house position) and
``dashboard`` (per institution: enrolled, screened, handed in, certified, poor, extremely
poor, paid; a total row in print and export).

Who: the rows as their services (services/screening_list.py: a teacher sees their own
class's screenings; the follow-up lists and the dashboard need ``registry.read``);
printing needs ``report`` as well, exporting ``export``. Documents and files are Thai.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop.domain.roles import Action
from desktop.domain.sort_keys import natural_sort_key
from desktop.i18n import SOURCE_LANGUAGE, pinned, thai_document
from desktop.reports.sheets import write_table
from desktop.services.access import require, require_any
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress
from desktop.services.screening_list import missing, screening_rows, term_dashboard
from desktop.services.screenings import status_label

if TYPE_CHECKING:  # the document layer (reportlab) loads when a list is printed, not at start-up
    from desktop.services.reports import ReportOptions

MAX_ROWS = 50_000  # services/reports.MAX_ROWS: a printed list's most rows (a test holds them equal)

Cell = str | int | None
KINDS = ("screened", "unscreened", "no_photo_gps", "dashboard")
TITLES = {"screened": "รายชื่อเด็กที่คัดกรองความยากจน", "unscreened": "รายชื่อเด็กที่ยังไม่ได้คัดกรองในภาคเรียน",
          "no_photo_gps": "ครัวเรือนที่ยังไม่มีรูปถ่ายหรือพิกัดบ้าน", "dashboard": "สรุปการคัดกรองของภาคเรียนรายสถานศึกษา"}
SHEETS = {"screened": "คัดกรองแล้ว", "unscreened": "ยังไม่คัดกรอง", "no_photo_gps": "ไม่มีรูปหรือพิกัด",
          "dashboard": "สรุปภาคเรียน"}
HEADERS = {
    "screened": ("ภาคเรียน", "ชื่อ-สกุล", "สถานศึกษา", "ชั้น", "ห้อง", "สถานะ", "ผลคัดกรอง", "คะแนน"),
    "unscreened": ("ชื่อ-สกุล", "สถานศึกษา", "ชั้น", "ห้อง"),
    "no_photo_gps": ("ชื่อ-สกุล", "สถานศึกษา", "ชั้น", "ห้อง", "สิ่งที่ยังขาด"),
    "dashboard": ("สถานศึกษา", "นักเรียน", "คัดกรองแล้ว", "รอรับรอง", "รับรองแล้ว", "ยากจน", "ยากจนพิเศษ",
                  "ได้รับเงินแล้ว"),
}
WEIGHTS = {"screened": (9, 30, 26, 9, 6, 12, 13, 8), "unscreened": (40, 36, 14, 10),
           "no_photo_gps": (30, 28, 11, 7, 30), "dashboard": (30, 9, 12, 10, 11, 8, 11, 13)}
LANDSCAPE = {"screened", "dashboard"}  # wide lists: the window prints them across the page
NUMBERS = {"screened": {7}, "dashboard": {1, 2, 3, 4, 5, 6, 7}}  # right-aligned, numbers in the sheet
SEARCHED = {"screened": 1, "unscreened": 0, "no_photo_gps": 0, "dashboard": 0}  # the column a search reads
TEXT_COLUMNS = {"screened": [4], "unscreened": [3], "no_photo_gps": [3], "dashboard": []}  # rooms stay text


@dataclass(frozen=True)
class ListQuery:
    kind: str
    year_be: int | None = None
    term: int | None = None
    status: str | None = None  # screened: one status
    institution: str = ""  # the institution's name, as shown ("" every one)
    level: str = ""  # the class level's label, as shown
    search: str = ""  # words all in the name (the institution's on the dashboard)
    sort: tuple[int, bool] | None = None  # (column, descending); None the service's order


@dataclass(frozen=True)
class ListRow:
    uuid: str  # the screening's (screened) or the child's; "" on the dashboard
    cells: tuple[Cell, ...]
    poverty: str = ""  # screened: not_poor / poor / extreme / ""


def _screened(session: Session, q: ListQuery, limit: int) -> list[ListRow]:
    return [ListRow(r.uuid, (r.term, r.child_name, r.institution, r.level, r.classroom, r.status_label,
                             r.level_label, r.score), r.poverty)
            for r in screening_rows(session, year_be=q.year_be, term=q.term, status=q.status, limit=limit)]


def _missing(session: Session, q: ListQuery, limit: int) -> list[ListRow]:
    if q.year_be is None or q.term is None:
        return []
    rows = missing(session, q.year_be, q.term, limit=limit)
    if q.kind == "unscreened":
        return [ListRow(r.child_uuid, (r.child_name, r.institution, r.level, r.classroom))
                for r in rows if not r.screened]
    return [ListRow(r.child_uuid, (r.child_name, r.institution, r.level, r.classroom, r.what))
            for r in rows if r.screened]


def _dashboard(session: Session, q: ListQuery) -> list[ListRow]:
    if q.year_be is None or q.term is None:
        return []
    return [ListRow("", (c.institution, c.enrolled, c.screened, c.submitted, c.certified, c.poor, c.extreme,
                         c.paid)) for c in term_dashboard(session, q.year_be, q.term)]


def sort_key(value: Cell) -> tuple[int, object]:
    """Numbers by value (blank first), text in Thai dictionary order."""
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, int):
        return (1, value)
    return (2, natural_sort_key(value))


def list_rows(session: Session, q: ListQuery, *, limit: int = MAX_ROWS) -> list[ListRow]:
    """The rows of list ``q.kind``, filtered, searched and sorted as ``q`` says."""
    if q.kind not in KINDS:
        raise ValueError(q.kind)
    require_any(session, Action.REGISTRY_READ, Action.SCREENING_RECORD)  # each list checks its own too
    if q.kind == "screened":
        rows = _screened(session, q, limit)
    elif q.kind == "dashboard":
        rows = _dashboard(session, q)
    else:
        rows = _missing(session, q, limit)
    return narrow(rows, q)


def narrow(rows: list[ListRow], q: ListQuery) -> list[ListRow]:
    """``rows`` of the list filtered by institution and class, searched and sorted as ``q``
    says (the window narrows the rows it read with this, no new read)."""
    if q.kind != "dashboard":
        place = 2 if q.kind == "screened" else 1
        if q.institution:
            rows = [r for r in rows if r.cells[place] == q.institution]
        if q.level:
            rows = [r for r in rows if r.cells[place + 1] == q.level]
    words = q.search.split()
    if words:
        column = SEARCHED[q.kind]
        rows = [r for r in rows if all(w in str(r.cells[column]) for w in words)]
    if q.sort is not None:
        column, descending = q.sort
        rows = sorted(rows, key=lambda r: sort_key(r.cells[column]), reverse=descending)
    return rows


def totals(rows: list[ListRow]) -> tuple[Cell, ...]:
    """The dashboard's total row."""
    sums = [sum(int(r.cells[i] or 0) for r in rows) for i in range(1, len(HEADERS["dashboard"]))]
    return ("รวม", *sums)


def _subtitle(q: ListQuery, count: int) -> str:
    parts = [f"ภาคเรียน {q.term}/{q.year_be}" if q.term and q.year_be else "ทุกภาคเรียน"]
    if q.status:
        parts.append(f"สถานะ {status_label(q.status)}")
    if q.institution:
        parts.append(q.institution)
    if q.level:
        parts.append(f"ชั้น {q.level}")
    if q.search.strip():
        parts.append(f"คำค้น “{q.search.strip()}”")
    unit = "แห่ง" if q.kind == "dashboard" else "คน"
    parts.append(f"รวม {count:,} {unit}")
    return " · ".join(parts)


def _text(value: Cell, number: bool) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if number and isinstance(value, int) else str(value)


def _check(progress: Progress | None, done: int, message: str) -> None:
    if progress is not None:
        progress.step(done, 100, message)


@thai_document
def list_pdf(session: Session, q: ListQuery, out: Path, options: ReportOptions | None = None,
             progress: Progress | None = None) -> int:
    """Print list ``q`` to ``out`` (atomically): the same rows in the same order as the
    window; the pages."""
    from desktop.reports.pdf.document import Layout, Piece, paragraph, render
    from desktop.reports.pdf.table import Column, simple_table
    from desktop.reports.registry import plain_list
    from desktop.services.reports import ReportOptions, ReportTooLarge, write_atomic

    require(session, Action.REPORT)
    options = options or ReportOptions()
    _check(progress, 0, "กำลังอ่านรายการ")
    rows = list_rows(session, q, limit=MAX_ROWS + 1)
    if len(rows) > MAX_ROWS:
        raise ReportTooLarge(len(rows), "โปรดเลือกภาคเรียน สถานะ หรือสถานศึกษาก่อนพิมพ์")
    _check(progress, 30, "กำลังจัดหน้า")
    numbers = NUMBERS.get(q.kind, set())
    columns = tuple(Column(h, w, "right" if i in numbers else "left")
                    for i, (h, w) in enumerate(zip(HEADERS[q.kind], WEIGHTS[q.kind], strict=True)))
    width = Layout("", "", landscape=options.landscape).frame_w
    cells = [tuple(_text(c, i in numbers) for i, c in enumerate(r.cells)) for r in rows]
    pieces: list[Piece]
    if q.kind == "dashboard":
        if not rows:
            pieces = paragraph("ยังไม่มีข้อมูลของภาคเรียนนี้ (โปรดเลือกภาคเรียน)", width)
        else:
            body = [*cells, tuple(_text(c, True) for c in totals(rows))]
            pieces = simple_table(columns, body, width, bold_last=True)
    else:
        empty = "ไม่มีรายการ" if q.kind == "screened" or q.term else "โปรดเลือกภาคเรียนก่อน"
        pieces = plain_list(columns, cells, width, options.signatures, empty=empty)
    office = local_office(session)
    layout = Layout(office.name if office else "", TITLES[q.kind], _subtitle(q, len(rows)), options.landscape,
                    options.today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")

    def check(done: int, total: int) -> None:
        _check(progress, 30 + 69 * done // max(total, 1), "กำลังสร้างหน้าเอกสาร")

    data, pages = render(layout, pieces, check=check)
    write_atomic(Path(out), data)
    _check(progress, 100, "เสร็จแล้ว")
    return pages


def export_list(session: Session, q: ListQuery, path: Path, *, progress: Progress | None = None) -> int:
    """List ``q`` as a spreadsheet (.xlsx or .csv): the rows written (with the dashboard's
    total row)."""
    from desktop.reports.province_lists import sheet_marks

    require(session, Action.EXPORT)
    with pinned(SOURCE_LANGUAGE):  # a file's words are Thai, as every export's
        rows = list_rows(session, q)
        cells: list[tuple[Cell, ...]] = [r.cells for r in rows]
        if q.kind == "dashboard" and rows:
            cells.append(totals(rows))
        return write_table(Path(path), list(HEADERS[q.kind]), cells, total=len(cells), progress=progress,
                           text_columns=TEXT_COLUMNS[q.kind],
                           **sheet_marks(SHEETS[q.kind], DEMO_LABEL if is_demo(session) else ""))
