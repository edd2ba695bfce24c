"""The province's screening and grant figures per municipality and school for one term, as
pages and spreadsheet cells: plain data in (services/province_screening.py reads it), no
database here. Official documents are Thai.

For each municipality, and each of its schools: the term's screened children, poor,
extremely poor, certified, eligible in the term's grant rounds (children, and the baht
the rounds would pay them), and paid (children, baht)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.reports.pdf.document import Piece, Signature, heading, paragraph
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table
from desktop.reports.province_lists import overview_table
from desktop.reports.registry import with_signatures

TITLE = "สรุปการคัดกรองความยากจนและทุนเสมอภาครายองค์กรปกครองส่วนท้องถิ่น"
SHEET = "คัดกรองราย อปท."
COUNTING = "กำลังนับผลการคัดกรองราย อปท."
NOT_ENROLLED = "ไม่ได้ลงทะเบียนเรียนในปีการศึกษานี้"
NO_SCREENINGS = "ยังไม่มีผลการคัดกรองในภาคเรียนนี้"

FIGURE_HEADERS = ("คัดกรอง (คน)", "ยากจน (คน)", "ยากจนพิเศษ (คน)", "รับรองแล้ว (คน)", "มีสิทธิ์ (คน)",
                  "มีสิทธิ์ (บาท)", "จ่ายแล้ว (คน)", "จ่ายแล้ว (บาท)")
SHEET_HEADERS = ("ภาคเรียน", "รหัส อปท.", "อปท.", "รหัสสถานศึกษา", "สถานศึกษา", *FIGURE_HEADERS)
_FIGURE_COLUMNS = (Column("คัดกรอง", 38, "right"), Column("ยากจน", 35, "right"), Column("ยากจนพิเศษ", 44, "right"),
                   Column("รับรอง", 35, "right"), Column("มีสิทธิ์", 35, "right"), Column("บาท", 48, "right"),
                   Column("จ่ายแล้ว", 38, "right"), Column("บาท", 48, "right"))
OVERVIEW_COLUMNS = (Column("อปท.", 202), *_FIGURE_COLUMNS)  # weights: points on A4 portrait (523)
SCHOOL_COLUMNS = (Column("สถานศึกษา", 202), *_FIGURE_COLUMNS)


@dataclass(frozen=True)
class Figures:
    screened: int = 0
    poor: int = 0
    extreme: int = 0
    certified: int = 0
    eligible: int = 0  # children eligible in at least one of the term's rounds
    eligible_amount: int = 0  # baht the rounds would pay them (every round)
    paid: int = 0  # children paid in the term's rounds
    paid_amount: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(self.cells(), other.cells(), strict=True)))

    def cells(self) -> tuple[int, ...]:
        return (self.screened, self.poor, self.extreme, self.certified, self.eligible, self.eligible_amount,
                self.paid, self.paid_amount)


@dataclass(frozen=True)
class SchoolFigures:
    code: str  # "" when not enrolled this year
    name: str
    figures: Figures


@dataclass(frozen=True)
class MunicipalityFigures:
    code: str
    name: str
    figures: Figures
    schools: Sequence[SchoolFigures] = field(default_factory=tuple)
    rounds: int = 0  # the term's grant rounds of this municipality


@dataclass(frozen=True)
class ProvinceScreening:
    term: str  # "1/2569"
    municipalities: Sequence[MunicipalityFigures]
    total: Figures


def subtitle(term: str, offices: int) -> str:
    return f"ภาคเรียนที่ {term} · อปท. {offices:,} แห่ง"


def _n(v: int) -> str:
    return f"{v:,}"


def sheet_rows(data: ProvinceScreening) -> list[tuple[object, ...]]:
    """One row a municipality's school (a municipality with none: one row of zeros)."""
    out: list[tuple[object, ...]] = []
    for m in data.municipalities:
        schools = m.schools or [SchoolFigures("", "", Figures())]
        for s in schools:
            out.append((data.term, m.code, m.name, s.code, s.name, *s.figures.cells()))
    return out


def province_screening_pieces(data: ProvinceScreening, width: float, signatures: Sequence[Signature] = ()) -> list[Piece]:
    """An overview (one row a municipality, the province's total last), then each
    municipality's schools."""
    t = data.total
    pieces: list[Piece] = paragraph(
        f"ภาคเรียนที่ {data.term}: คัดกรอง {_n(t.screened)} คน ยากจน {_n(t.poor)} คน ยากจนพิเศษ {_n(t.extreme)} คน "
        f"รับรองแล้ว {_n(t.certified)} คน มีสิทธิ์รับทุน {_n(t.eligible)} คน ({_n(t.eligible_amount)} บาท) "
        f"จ่ายแล้ว {_n(t.paid)} คน ({_n(t.paid_amount)} บาท)", width, size=11)
    pieces += overview_table(OVERVIEW_COLUMNS, [(f"{m.name} ({m.code})", [*map(_n, m.figures.cells())])
                                                for m in data.municipalities], [*map(_n, t.cells())], width)
    for m in data.municipalities:
        pieces += heading(f"{m.name} ({m.code})", width)
        pieces += paragraph(f"รอบทุนของภาคเรียนนี้ {_n(m.rounds)} รอบ", width, size=10.5, keep_with_next=True)
        if not m.schools:
            pieces += paragraph(NO_SCREENINGS, width, size=10.5)
            continue
        schools = Table(SCHOOL_COLUMNS, width, pad_x=PAD_X, max_row_height=200)
        pieces.append(schools.header())
        for s in m.schools:
            pieces.append(schools.row((s.name, *map(_n, s.figures.cells()))))
        pieces.append(schools.row(("รวม", *map(_n, m.figures.cells())), bold=True, shade=GROUP_GRAY))
    return with_signatures(pieces, signatures)
