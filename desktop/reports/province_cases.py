"""The province's out-of-school children's cases per municipality (issue 13), as pages and
spreadsheet cells: plain data in (services/province_cases.py reads it), no database here.
Official documents are Thai (the labels come through ``_()`` under ``thai_document``).

For each municipality: open cases (not closed), of them those whose next follow-up is past
due, closed cases, of them those back in education or work (the outcomes the dashboard
counts as returned) and those closed otherwise; then open cases by status and closed
cases by outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.cases import (
    RETURNED_OUTCOMES,
    CaseOutcome,
    CaseStatus,
    outcome_label,
    status_label,
)
from desktop.domain.dates import format_be
from desktop.reports.pdf.document import Piece, Signature, heading, paragraph
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table
from desktop.reports.province_lists import overview_table
from desktop.reports.registry import with_signatures

TITLE = "สรุปกรณีเด็กนอกระบบการศึกษารายองค์กรปกครองส่วนท้องถิ่น"
SHEET = "กรณีเด็กนอกระบบราย อปท."
COUNTING = "กำลังนับกรณีเด็กนอกระบบการศึกษาราย อปท."
NO_CASES = "ยังไม่มีกรณีเด็กนอกระบบการศึกษาของ อปท. นี้"
NO_OUTCOME = "ไม่ระบุผล"

OPEN_STATUSES = tuple(s for s in CaseStatus if s is not CaseStatus.CLOSED)
FIGURE_HEADERS = ("เปิดอยู่ (กรณี)", "เลยกำหนดติดตาม (กรณี)", "ปิดแล้ว (กรณี)", "กลับเข้าเรียนหรือทำงาน (กรณี)",
                  "ปิดด้วยเหตุอื่น (กรณี)")
_FIGURE_COLUMNS = (Column("เปิดอยู่", 50, "right"), Column("เลยกำหนด", 52, "right"), Column("ปิดแล้ว", 50, "right"),
                   Column("กลับเข้าเรียน/ทำงาน", 90, "right"), Column("ปิดด้วยเหตุอื่น", 70, "right"))
OVERVIEW_COLUMNS = (Column("อปท.", 211), *_FIGURE_COLUMNS)  # weights: points on A4 portrait (523)
BREAKDOWN_COLUMNS = (Column("สถานะหรือผล", 300), Column("กรณี", 60, "right"))


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

    @property
    def returned(self) -> int:
        """Closed back in school, non-formal education, vocational training or work."""
        return sum(n for k, n in self.outcomes.items() if k in {o.value for o in RETURNED_OUTCOMES})

    def cells(self) -> tuple[int, ...]:
        """The figures' columns: open, overdue, closed, returned, closed otherwise."""
        return (self.open, self.overdue, self.closed, self.returned, self.closed - self.returned)

    def breakdown(self) -> list[tuple[str, str, int]]:
        """("open" | "closed", label, cases): open by status, then closed by outcome, the
        statuses and outcomes in the program's order, those with no case left out."""
        out = [("open", status_label(s), self.by_status[s.value]) for s in OPEN_STATUSES
               if self.by_status.get(s.value)]
        out += [("closed", outcome_label(o), self.outcomes[o.value]) for o in CaseOutcome
                if self.outcomes.get(o.value)]
        if self.outcomes.get(""):
            out.append(("closed", NO_OUTCOME, self.outcomes[""]))
        return out


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


def subtitle(data: ProvinceCases) -> str:
    return f"ณ วันที่ {format_be(data.today)} · อปท. {len(data.municipalities):,} แห่ง"


def sheet_headers() -> list[str]:
    """The date, the municipality, the five figures, then each open status and each outcome."""
    return ["ณ วันที่", "รหัส อปท.", "อปท.", *FIGURE_HEADERS,
            *(f"เปิดอยู่: {status_label(s)}" for s in OPEN_STATUSES),
            *(f"ปิดแล้ว: {outcome_label(o)}" for o in CaseOutcome), f"ปิดแล้ว: {NO_OUTCOME}"]


def sheet_rows(data: ProvinceCases) -> list[tuple[object, ...]]:
    """One row a municipality (numbers as numbers), the province's total last."""
    def cells(f: CaseFigures) -> tuple[object, ...]:
        return (*f.cells(), *(f.by_status.get(s.value, 0) for s in OPEN_STATUSES),
                *(f.outcomes.get(o.value, 0) for o in CaseOutcome), f.outcomes.get("", 0))

    day = format_be(data.today)
    out: list[tuple[object, ...]] = [(day, m.code, m.name, *cells(m.figures)) for m in data.municipalities]
    out.append((day, "", "รวมทั้งจังหวัด", *cells(data.total)))
    return out


def _n(v: int) -> str:
    return f"{v:,}"


def _breakdown_table(f: CaseFigures, width: float) -> list[Piece]:
    table = Table(BREAKDOWN_COLUMNS, width, pad_x=PAD_X, max_row_height=200)
    pieces: list[Piece] = [table.header()]
    lines = f.breakdown()
    for kind, title, n in (("open", "เปิดอยู่ตามสถานะ", f.open), ("closed", "ปิดแล้วตามผล", f.closed)):
        pieces.append(table.row((title, _n(n)), bold=True, shade=GROUP_GRAY))
        pieces += [table.row((label, _n(cases))) for k, label, cases in lines if k == kind]
    return pieces


def province_cases_pieces(data: ProvinceCases, width: float, signatures: Sequence[Signature] = ()) -> list[Piece]:
    """An overview (one row a municipality, the province's total last), then the province's
    and each municipality's open cases by status and closed cases by outcome."""
    t = data.total
    pieces: list[Piece] = paragraph(
        f"ณ วันที่ {format_be(data.today)}: กรณีเด็กนอกระบบการศึกษาที่เปิดอยู่ {_n(t.open)} กรณี "
        f"(เลยกำหนดนิเทศติดตาม {_n(t.overdue)} กรณี) ปิดแล้ว {_n(t.closed)} กรณี "
        f"กลับเข้าเรียนหรือทำงาน {_n(t.returned)} กรณี ปิดด้วยเหตุอื่น {_n(t.closed - t.returned)} กรณี", width, size=11)
    pieces += paragraph("เลยกำหนด: กรณีที่เปิดอยู่ซึ่งวันนิเทศติดตามครั้งถัดไปผ่านไปแล้ว · "
                        "กลับเข้าเรียนหรือทำงาน: ปิดกรณีเพราะกลับเข้าเรียนในโรงเรียน เรียน กศน. ฝึกอาชีพ หรือทำงาน",
                        width, size=9.5)
    pieces += overview_table(OVERVIEW_COLUMNS, [(f"{m.name} ({m.code})", [*map(_n, m.figures.cells())])
                                                for m in data.municipalities], [*map(_n, t.cells())], width)
    if not data.municipalities:
        return with_signatures(pieces, signatures)
    pieces += heading("รวมทั้งจังหวัด: สถานะและผลการปิดกรณี", width)
    pieces += _breakdown_table(t, width)
    for m in data.municipalities:
        pieces += heading(f"{m.name} ({m.code})", width)
        if not (m.figures.open or m.figures.closed):
            pieces += paragraph(NO_CASES, width, size=10.5)
            continue
        pieces += _breakdown_table(m.figures, width)
    return with_signatures(pieces, signatures)
