"""The province's child development centres per municipality and centre (issue 12): growth,
DSPM and attendance for one term, as pages and spreadsheet cells. Plain data in
(services/province_centres.py reads it), no database here. Official documents are Thai.

For each municipality, and each of its centres: the children enrolled there in the term's
academic year, those measured in the term, ผอม / เตี้ย / อ้วน (each child's latest
measurement of the term: weight-for-height below −2 SD; height-for-age below −2 SD;
weight-for-height above +2 SD, เริ่มอ้วน and อ้วน), DSPM first checks in the term,
suspected delays among them (stimulate and re-check, or referred at once), re-checks
overdue, referrals waiting for the hospital's outcome, and the attendance % of the period
(present of the recorded child-days)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.dates import format_be
from desktop.reports.pdf.document import Piece, Signature, heading, paragraph
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table
from desktop.reports.province_lists import overview_table
from desktop.reports.registry import with_signatures

TITLE = "สรุปพัฒนาการเด็กในศูนย์พัฒนาเด็กเล็กรายองค์กรปกครองส่วนท้องถิ่น"
SHEET = "ศพด. ราย อปท."
COUNTING = "กำลังนับข้อมูลศูนย์พัฒนาเด็กเล็กราย อปท."
NO_CENTRES = "ยังไม่มีข้อมูลศูนย์พัฒนาเด็กเล็กของ อปท. นี้"

FIGURE_HEADERS = ("เด็ก (คน)", "ชั่ง/วัดแล้ว (คน)", "ผอม (คน)", "เตี้ย (คน)", "อ้วน (คน)",
                  "ประเมิน DSPM (คน)", "สงสัยล่าช้า (คน)", "เลยกำหนดประเมินซ้ำ (คน)", "รอผลส่งต่อ (คน)",
                  "มาเรียน (วันคน)", "บันทึกแล้ว (วันคน)", "มาเรียน (%)")
SHEET_HEADERS = ("ภาคเรียน", "ช่วงวันที่นับการมาเรียน", "รหัส อปท.", "อปท.", "รหัสศูนย์", "ศูนย์พัฒนาเด็กเล็ก",
                 *FIGURE_HEADERS)
_FIGURE_COLUMNS = (Column("เด็ก", 30, "right"), Column("ชั่ง/วัด", 34, "right"), Column("ผอม", 28, "right"),
                   Column("เตี้ย", 28, "right"), Column("อ้วน", 28, "right"), Column("DSPM", 32, "right"),
                   Column("สงสัยล่าช้า", 42, "right"), Column("เลยนัดซ้ำ", 40, "right"),
                   Column("รอผลส่งต่อ", 40, "right"), Column("มาเรียน", 40, "right"))
OVERVIEW_COLUMNS = (Column("อปท.", 181), *_FIGURE_COLUMNS)  # weights: points on A4 portrait (523)
CENTRE_COLUMNS = (Column("ศูนย์พัฒนาเด็กเล็ก", 181), *_FIGURE_COLUMNS)


@dataclass(frozen=True)
class CentreFigures:
    children: int = 0  # enrolled at the centre in the term's academic year
    measured: int = 0  # of them, measured in the term
    thin: int = 0  # ผอม
    short: int = 0  # เตี้ย
    obese: int = 0  # อ้วน (เริ่มอ้วน and อ้วน)
    checked: int = 0  # DSPM first checks in the term (a child and screening age)
    suspected: int = 0  # of them, suspected of delay (to re-check, or referred at once)
    overdue: int = 0  # suspected, not re-checked, past the re-check's due date
    waiting: int = 0  # referrals for TEDA4I waiting for the hospital's outcome
    present: int = 0  # child-days present in the period
    recorded: int = 0  # child-days recorded (present or absent) in the period

    def __add__(self, other: CentreFigures) -> CentreFigures:
        return CentreFigures(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, ...]:
        return (self.children, self.measured, self.thin, self.short, self.obese, self.checked, self.suspected,
                self.overdue, self.waiting, self.present, self.recorded)

    @property
    def percent(self) -> float | None:
        """Attendance % of the recorded child-days (None: none recorded)."""
        return None if not self.recorded else 100.0 * self.present / self.recorded

    def cells(self) -> tuple[object, ...]:
        """The spreadsheet's cells (numbers as numbers; the % rounded to one decimal, "" none)."""
        pct = self.percent
        return (*self.counts(), "" if pct is None else round(pct, 1))


@dataclass(frozen=True)
class Centre:
    code: str
    name: str
    figures: CentreFigures


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    figures: CentreFigures
    centres: Sequence[Centre] = field(default_factory=tuple)


@dataclass(frozen=True)
class ProvinceCentres:
    term: str  # "2/2569"
    first: date  # the attendance period
    last: date
    municipalities: Sequence[Municipality]
    total: CentreFigures


def percent_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def period_text(first: date, last: date) -> str:
    return f"{format_be(first)} – {format_be(last)}"


def subtitle(data: ProvinceCentres) -> str:
    return (f"ภาคเรียนที่ {data.term} · การมาเรียน {period_text(data.first, data.last)} · "
            f"อปท. {len(data.municipalities):,} แห่ง")


def _n(v: int) -> str:
    return f"{v:,}"


def print_cells(f: CentreFigures) -> tuple[str, ...]:
    """A row's figures as printed and shown: counts, then the attendance %."""
    return (_n(f.children), _n(f.measured), _n(f.thin), _n(f.short), _n(f.obese), _n(f.checked), _n(f.suspected),
            _n(f.overdue), _n(f.waiting), percent_text(f.percent))


def sheet_rows(data: ProvinceCentres) -> list[tuple[object, ...]]:
    """One row a municipality's centre (a municipality with none: one row of zeros)."""
    period = period_text(data.first, data.last)
    out: list[tuple[object, ...]] = []
    for m in data.municipalities:
        for c in m.centres or [Centre("", "", CentreFigures())]:
            out.append((data.term, period, m.code, m.name, c.code, c.name, *c.figures.cells()))
    return out


def province_centres_pieces(data: ProvinceCentres, width: float, signatures: Sequence[Signature] = ()) -> list[Piece]:
    """An overview (one row a municipality, the province's total last), then each
    municipality's centres."""
    t = data.total
    pieces: list[Piece] = paragraph(
        f"ภาคเรียนที่ {data.term}: เด็กในศูนย์พัฒนาเด็กเล็ก {_n(t.children)} คน ชั่งน้ำหนักและวัดส่วนสูงแล้ว "
        f"{_n(t.measured)} คน ผอม {_n(t.thin)} คน เตี้ย {_n(t.short)} คน อ้วน {_n(t.obese)} คน "
        f"ประเมินพัฒนาการ (DSPM) {_n(t.checked)} คน สงสัยล่าช้า {_n(t.suspected)} คน "
        f"เลยกำหนดประเมินซ้ำ {_n(t.overdue)} คน รอผลการส่งต่อ {_n(t.waiting)} คน "
        f"มาเรียน {percent_text(t.percent)} ({period_text(data.first, data.last)})", width, size=11)
    pieces += paragraph("ผอม: น้ำหนักตามเกณฑ์ส่วนสูงต่ำกว่า −2 SD · เตี้ย: ส่วนสูงตามเกณฑ์อายุต่ำกว่า −2 SD · "
                        "อ้วน: น้ำหนักตามเกณฑ์ส่วนสูงเกิน +2 SD (เริ่มอ้วนและอ้วน) จากการชั่ง/วัดครั้งล่าสุดในภาคเรียน "
                        "(มาตรฐานการเจริญเติบโตขององค์การอนามัยโลก 2006)", width, size=9.5)
    pieces += overview_table(OVERVIEW_COLUMNS, [(f"{m.name} ({m.code})", print_cells(m.figures))
                                                for m in data.municipalities], print_cells(t), width)
    for m in data.municipalities:
        pieces += heading(f"{m.name} ({m.code})", width)
        if not m.centres:
            pieces += paragraph(NO_CENTRES, width, size=10.5)
            continue
        centres = Table(CENTRE_COLUMNS, width, pad_x=PAD_X, max_row_height=200)
        pieces.append(centres.header())
        for c in m.centres:
            pieces.append(centres.row((c.name, *print_cells(c.figures))))
        pieces.append(centres.row(("รวม", *print_cells(m.figures)), bold=True, shade=GROUP_GRAY))
    return with_signatures(pieces, signatures)
