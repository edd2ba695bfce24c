"""The growth and DSPM lists of the centres (issue 12) as rows, printed (PDF) and exported
(.xlsx/.csv) exactly as the window shows them: the same room filter, search and sort. No Qt.

    q = ListQuery("thin", start=term.start, end=term.end, centre_id=7, room="ห้อง 1", search="สม")
    rows = list_rows(session, q)                # what the window shows
    list_pdf(session, q, Path("thin.pdf"))      # the same rows printed
    export_list(session, q, Path("thin.xlsx"))  # and as a spreadsheet

The lists (each read page by page from growth_lists.py / dspm_lists.py, which page in SQL):
``thin`` ผอม, ``short`` เตี้ย, ``obese`` อ้วน (this term, per room), ``not_measured``,
``dspm_due`` (children reaching a screening age in the month), ``rechecks`` (suspected
delays not re-checked: due and overdue), ``referrals`` (waiting for the hospital's outcome).

Who: ``growth.read`` (a caregiver: their own centre); printing needs ``report`` as well,
exporting ``export``. Thai by design, as screening_documents.py: the rows are what is
printed and exported (pinned Thai); the window translates its own headers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.domain.dates import format_be
from desktop.domain.growth_categories import Indicator
from desktop.domain.roles import Action
from desktop.domain.sort_keys import natural_sort_key
from desktop.i18n import SOURCE_LANGUAGE, pinned, thai_document
from desktop.services.access import require
from desktop.services.dspm_lists import checks_due, rechecks_due, referrals_waiting
from desktop.services.growth_lists import ListCategory, growth_list
from desktop.services.office import DEMO_LABEL, is_demo, local_office
from desktop.services.progress import Progress

if TYPE_CHECKING:  # the document layer (reportlab) loads when a list is printed
    from desktop.services.reports import ReportOptions

MAX_ROWS = 50_000
PAGE = 1_000
Cell = str | int | float | date | None
GROWTH_KINDS = ("thin", "short", "obese", "not_measured")
KINDS = (*GROWTH_KINDS, "dspm_due", "rechecks", "referrals")
_MEASURED = ("ชื่อ-สกุล", "ศูนย์", "ห้อง", "วันที่ชั่ง/วัด", "น้ำหนัก (กก.)", "ส่วนสูง (ซม.)", "W/A", "H/A", "W/H",
             "การแปลผล")
HEADERS: dict[str, tuple[str, ...]] = {
    "thin": _MEASURED, "short": _MEASURED, "obese": _MEASURED,
    "not_measured": ("ชื่อ-สกุล", "ศูนย์", "ห้อง", "วันเกิด"),
    "dspm_due": ("ชื่อ-สกุล", "ศูนย์", "ช่วงอายุ (เดือน)", "อายุครบวันที่", "ประเมินแล้วเมื่อ"),
    "rechecks": ("ชื่อ-สกุล", "ศูนย์", "ช่วงอายุ (เดือน)", "ประเมินเมื่อ", "ประเมินซ้ำภายใน", "เหลือ (วัน)", "สถานะ"),
    "referrals": ("ชื่อ-สกุล", "ศูนย์", "ช่วงอายุ (เดือน)", "โรงพยาบาล", "เลขที่หนังสือ", "ส่งต่อเมื่อ", "รอผล (วัน)"),
}
_MEASURED_W = (26, 20, 10, 11, 8, 8, 7, 7, 7, 20)
WEIGHTS: dict[str, tuple[int, ...]] = {
    "thin": _MEASURED_W, "short": _MEASURED_W, "obese": _MEASURED_W, "not_measured": (40, 34, 14, 12),
    "dspm_due": (36, 30, 10, 12, 12), "rechecks": (30, 26, 9, 11, 11, 8, 10),
    "referrals": (26, 22, 9, 22, 11, 10, 8),
}
TITLES = {"thin": "เด็กผอม (น้ำหนักตามเกณฑ์ส่วนสูงต่ำกว่า -2 SD)", "short": "เด็กเตี้ย (ส่วนสูงตามเกณฑ์อายุต่ำกว่า -2 SD)",
          "obese": "เด็กอ้วน (น้ำหนักตามเกณฑ์ส่วนสูงสูงกว่า +2 SD)", "not_measured": "เด็กที่ยังไม่ได้ชั่งน้ำหนักวัดส่วนสูงในภาคเรียน",
          "dspm_due": "เด็กที่ถึงกำหนดประเมินพัฒนาการ (DSPM) ในเดือน", "rechecks": "เด็กที่ต้องประเมินพัฒนาการซ้ำ",
          "referrals": "เด็กที่ส่งต่อประเมิน TEDA4I และรอผลจากโรงพยาบาล"}
SHEETS = {"thin": "ผอม", "short": "เตี้ย", "obese": "อ้วน", "not_measured": "ยังไม่ได้ชั่งวัด", "dspm_due": "ถึงกำหนดประเมิน",
          "rechecks": "ประเมินซ้ำ", "referrals": "รอผลส่งต่อ"}
LANDSCAPE = {"thin", "short", "obese", "rechecks", "referrals"}
ROOM_COLUMN = 2  # the growth lists' room (the DSPM lists have none)


@dataclass(frozen=True)
class ListQuery:
    kind: str
    start: date | None = None  # the term (growth lists)
    end: date | None = None
    month: tuple[int, int] | None = None  # (CE year, month): dspm_due
    today: date | None = None  # rechecks and referrals: days left / waiting
    centre_id: int | None = None  # None: every centre the user may read
    overdue_only: bool = False  # rechecks
    room: str = ""  # the room's name, as shown ("" every room)
    search: str = ""  # words all in the name
    sort: tuple[int, bool] | None = None  # (column, descending); None: the service's order


@dataclass(frozen=True)
class ListRow:
    uuid: str  # the child's
    cells: tuple[Cell, ...]
    flag: str = ""  # a row to mark: the category code, or "overdue"


def sort_key(value: Cell) -> tuple[int, Any]:
    """Numbers and dates by value (blank first), text in Thai dictionary order."""
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, date):
        return (2, value.toordinal())
    return (3, natural_sort_key(value))


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_be(value)
    if isinstance(value, Z):
        return f"{value:+.2f}"
    if isinstance(value, float):
        return f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


class Z(float):
    """A z-score: sorted as a number, shown with its sign and two decimals."""


def _z(value: float | None) -> Z | None:
    return None if value is None else Z(value)


def _pages(fetch: Callable[[int], Any], limit: int) -> Iterator[Any]:
    offset = 0
    while offset < limit:
        page = fetch(offset)
        yield from page.rows[: limit - offset]
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return


def _growth(session: Session, q: ListQuery, limit: int) -> list[ListRow]:
    if q.start is None or q.end is None:
        return []
    category = ListCategory(q.kind)
    start, end = q.start, q.end
    rows = _pages(lambda off: growth_list(session, category, start, end, institution_id=q.centre_id, offset=off,
                                          limit=PAGE), limit)
    out = []
    for r in rows:
        if category is ListCategory.NOT_MEASURED:
            out.append(ListRow(r.uuid, (r.name, r.centre, r.room, r.birth)))
            continue
        cats = " / ".join(c for c in (r.category_label(i) for i in (Indicator.WFA, Indicator.HFA, Indicator.WFH)) if c)
        out.append(ListRow(r.uuid, (r.name, r.centre, r.room, r.measured_on, r.weight_kg, r.height_cm,
                                    _z(r.z.get(Indicator.WFA)), _z(r.z.get(Indicator.HFA)),
                                    _z(r.z.get(Indicator.WFH)), cats),
                           r.categories.get(Indicator.WFH if q.kind != "short" else Indicator.HFA) or ""))
    return out


def _dspm(session: Session, q: ListQuery, limit: int) -> list[ListRow]:
    today = q.today or date.today()
    if q.kind == "dspm_due":
        year, month = q.month or (today.year, today.month)
        due = _pages(lambda off: checks_due(session, year, month, institution_id=q.centre_id, offset=off,
                                            limit=PAGE), limit)
        return [ListRow(r.child.uuid, (r.child.name, r.child.centre, r.age_months, r.reaches_on, r.checked_on),
                        "" if r.checked_on else "due") for r in due]
    if q.kind == "rechecks":
        again = _pages(lambda off: rechecks_due(session, today, institution_id=q.centre_id,
                                                overdue_only=q.overdue_only, offset=off, limit=PAGE), limit)
        return [ListRow(r.child.uuid, (r.child.name, r.child.centre, r.age_months, r.checked_on, r.due, r.days_left,
                                       "เลยกำหนด" if r.overdue else "ถึงกำหนด"), "overdue" if r.overdue else "")
                for r in again]
    waiting = _pages(lambda off: referrals_waiting(session, today, institution_id=q.centre_id, offset=off,
                                                   limit=PAGE), limit)
    return [ListRow(r.child.uuid, (r.child.name, r.child.centre, r.age_months, r.hospital, r.letter_no, r.sent_on,
                                   r.days_waiting)) for r in waiting]


def list_rows(session: Session, q: ListQuery, *, limit: int = MAX_ROWS) -> list[ListRow]:
    """The rows of list ``q.kind``, filtered, searched and sorted as ``q`` says."""
    if q.kind not in KINDS:
        raise ValueError(q.kind)
    require(session, Action.GROWTH_READ, institution_id=q.centre_id)
    rows = _growth(session, q, limit) if q.kind in GROWTH_KINDS else _dspm(session, q, limit)
    return narrow(rows, q)


def narrow(rows: Sequence[ListRow], q: ListQuery) -> list[ListRow]:
    """``rows`` filtered by room, searched by name and sorted as ``q`` says (the window
    narrows the rows it read with this, no new read)."""
    out = list(rows)
    if q.room and q.kind in GROWTH_KINDS:
        out = [r for r in out if r.cells[ROOM_COLUMN] == q.room]
    words = q.search.split()
    if words:
        out = [r for r in out if all(w in str(r.cells[0]) for w in words)]
    if q.sort is not None:
        column, descending = q.sort
        out = sorted(out, key=lambda r: sort_key(r.cells[column]), reverse=descending)
    return out


def rooms_of(rows: Sequence[ListRow], kind: str) -> list[str]:
    """The rooms named in the rows (the room filter's choices), in dictionary order."""
    if kind not in GROWTH_KINDS:
        return []
    return sorted({str(r.cells[ROOM_COLUMN]) for r in rows if r.cells[ROOM_COLUMN]}, key=natural_sort_key)


def _subtitle(q: ListQuery, count: int) -> str:
    parts = []
    if q.kind in GROWTH_KINDS and q.start and q.end:
        parts.append(f"{format_be(q.start)} - {format_be(q.end)}")
    if q.kind == "dspm_due" and q.month:
        parts.append(f"เดือน {q.month[1]}/{q.month[0] + 543}")
    if q.room:
        parts.append(f"ห้อง {q.room}")
    if q.search.strip():
        parts.append(f"คำค้น “{q.search.strip()}”")
    parts.append(f"รวม {count:,} คน")
    return " · ".join(parts)


@thai_document
def list_pdf(session: Session, q: ListQuery, out: Path, options: ReportOptions | None = None,
             progress: Progress | None = None) -> int:
    """Print list ``q`` to ``out`` (atomically): the rows in the window's order; the pages."""
    from desktop.reports.pdf.document import Layout, render
    from desktop.reports.pdf.table import Column
    from desktop.reports.registry import plain_list
    from desktop.services.reports import ReportOptions, ReportTooLarge, write_atomic

    require(session, Action.REPORT)
    options = options or ReportOptions(landscape=q.kind in LANDSCAPE)
    rows = list_rows(session, q, limit=MAX_ROWS + 1)
    if len(rows) > MAX_ROWS:
        raise ReportTooLarge(len(rows), "โปรดเลือกศูนย์หรือห้องก่อนพิมพ์")
    numbers = {i for i, h in enumerate(HEADERS[q.kind]) if h in ("น้ำหนัก (กก.)", "ส่วนสูง (ซม.)", "W/A", "H/A", "W/H",
                                                                  "เหลือ (วัน)", "รอผล (วัน)", "ช่วงอายุ (เดือน)")}
    columns = tuple(Column(h, w, "right" if i in numbers else "left")
                    for i, (h, w) in enumerate(zip(HEADERS[q.kind], WEIGHTS[q.kind], strict=True)))
    width = Layout("", "", landscape=options.landscape).frame_w
    pieces = plain_list(columns, [tuple(cell_text(c) or "-" for c in r.cells) for r in rows], width,
                        options.signatures, empty="ไม่มีรายการ")
    office = local_office(session)
    title = TITLES[q.kind]
    layout = Layout(office.name if office else "", title, _subtitle(q, len(rows)), options.landscape,
                    options.today or date.today(), notice=DEMO_LABEL if is_demo(session) else "")
    data, pages = render(layout, pieces)
    write_atomic(Path(out), data)
    return pages


def export_list(session: Session, q: ListQuery, path: Path, *, progress: Progress | None = None) -> int:
    """List ``q`` as a spreadsheet (.xlsx or .csv): the rows written."""
    from desktop.reports.province_lists import sheet_marks
    from desktop.reports.sheets import write_table

    require(session, Action.EXPORT)
    with pinned(SOURCE_LANGUAGE):
        rows = list_rows(session, q)
        cells = [tuple(format_be(c) if isinstance(c, date) else float(c) if isinstance(c, Z) else c for c in r.cells)
                 for r in rows]
        return write_table(Path(path), list(HEADERS[q.kind]), cells, total=len(cells), progress=progress,
                           text_columns=[ROOM_COLUMN] if q.kind in GROWTH_KINDS else [],
                           **sheet_marks(SHEETS[q.kind], DEMO_LABEL if is_demo(session) else ""))
