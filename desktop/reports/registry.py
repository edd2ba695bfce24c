"""The registry reports as pages: plain data in, pieces out (no database here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from desktop.reports.pdf.chart import BarChart
from desktop.reports.pdf.document import (
    Piece,
    Signature,
    SignatureBlock,
    Spacer,
    heading,
    paragraph,
)
from desktop.reports.pdf.fonts import BOLD
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table, simple_table

ChildCells = tuple[str, str, str, str, str, str, str]  # name, ID, sex, born, age, room, sign

CHILD_COLUMNS = (  # weights are points on A4 portrait (523 pt between the margins);
    # each fits its longest value at 10 pt besides the cell's padding: "หญิง", "17 ปี 11 เดือน"
    Column("ลำดับ", 34, "right"),
    Column("ชื่อ-นามสกุล", 135),
    Column("เลขประจำตัวประชาชน", 96),
    Column("เพศ", 30, "center"),
    Column("วันเกิด", 67),
    Column("อายุ", 68),
    Column("ห้อง", 28, "center"),
    Column("ลายมือชื่อ", 65),
)
SIGN_ROW_HEIGHT = 20.0  # room to sign in the last column


def with_signatures(pieces: list[Piece], signatures: Sequence[Signature]) -> list[Piece]:
    if signatures:
        if pieces:
            pieces[-1].keep_with_next = True  # the block never stands alone on a page
        pieces.append(SignatureBlock(signatures))
    return pieces


def children_list(groups: Iterable[tuple[str, Sequence[ChildCells]]], width: float,
                  signatures: Sequence[Signature] = (),
                  on_row: Callable[[int], None] | None = None) -> list[Piece]:
    """One table: a heading row per institution/level group, numbered from 1 in each
    group; the header row and the group's heading (ต่อ) repeat on every page."""
    table = Table(CHILD_COLUMNS, width, pad_x=PAD_X, min_row_height=SIGN_ROW_HEIGHT,
                  max_row_height=200)
    header = table.header()
    pieces: list[Piece] = [header]
    done = 0
    for title, rows in groups:
        group = table.span(f"{title} ({len(rows):,} คน)", repeat=(header,))
        more = table.span(f"{title} (ต่อ)", keep_with_next=False, repeat=(header,))
        pieces.append(group)
        repeat = (header, more)
        for i, cells in enumerate(rows, start=1):
            pieces.append(table.row((str(i), *cells), repeat=repeat))
            done += 1
            if on_row is not None and done % 500 == 0:
                on_row(done)
    if len(pieces) == 1:
        pieces.append(table.span("ไม่มีรายชื่อเด็กตามเงื่อนไขที่เลือก", bold=False, shade=None))
    return with_signatures(pieces, signatures)


@dataclass(frozen=True)
class ChildProfile:
    name: str
    fields: Sequence[tuple[str, str]]  # (label, value) in order
    guardians: Sequence[tuple[str, str, str, str]] = ()  # name, relation, phone, occupation
    enrolments: Sequence[tuple[str, str, str, str, str]] = ()  # year, inst, level, room, status
    note: str = ""


def child_profile(profile: ChildProfile, width: float,
                  signatures: Sequence[Signature] = ()) -> list[Piece]:
    pieces: list[Piece] = []
    if profile.note:
        pieces += paragraph(profile.note, width, font=BOLD, size=11)
    pieces += heading("ข้อมูลเด็ก", width)
    pieces += simple_table((Column("", 28), Column("", 72)), list(profile.fields), width,
                           size=11, header=False)
    pieces += heading("ผู้ปกครอง", width)
    if profile.guardians:
        pieces += simple_table(
            (Column("ชื่อ-นามสกุล", 38), Column("ความสัมพันธ์", 17), Column("โทรศัพท์", 20),
             Column("อาชีพ", 25)), profile.guardians, width, size=10.5)
    else:
        pieces += paragraph("ไม่มีข้อมูลผู้ปกครอง", width, size=10.5)
    pieces += heading("ประวัติการศึกษา", width)
    if profile.enrolments:
        pieces += simple_table(
            (Column("ปีการศึกษา", 14, "center"), Column("สถานศึกษา", 44), Column("ชั้น", 14),
             Column("ห้อง", 10), Column("สถานะ", 18)), profile.enrolments, width, size=10.5)
    else:
        pieces += paragraph("ยังไม่มีการลงทะเบียนเรียน", width, size=10.5)
    return with_signatures(pieces, signatures)


LevelCount = tuple[str, int, int, int]  # level label, boys, girls, total


@dataclass(frozen=True)
class RegistrySummary:
    year_be: int
    children: int  # live children in the registry
    enrolled: int  # distinct children enrolled in the year
    by_sex: Sequence[tuple[str, int]]
    by_id_type: Sequence[tuple[str, int]]
    by_level: Sequence[LevelCount]
    by_institution: Sequence[tuple[str, Sequence[LevelCount]]] = field(default_factory=tuple)


def _n(v: int) -> str:
    return f"{v:,}"


BARS_PER_CHART = 18  # a chart always fits a page, even A4 landscape


def bar_charts(title: str, labels: Sequence[str], values: Sequence[int],
               band: float = 20) -> list[Piece]:
    """Bar charts of at most BARS_PER_CHART bars each, all on the same scale."""
    pieces: list[Piece] = []
    top = max(values, default=0)
    for start in range(0, len(labels), BARS_PER_CHART):
        part = title if start == 0 else f"{title} (ต่อ)"
        pieces.append(Spacer(8))
        pieces.append(BarChart(part, labels[start:start + BARS_PER_CHART],
                               values[start:start + BARS_PER_CHART], band=band, top=top))
    return pieces


def registry_summary(s: RegistrySummary, width: float,
                     signatures: Sequence[Signature] = ()) -> list[Piece]:
    pieces: list[Piece] = paragraph(
        f"เด็กในทะเบียนทั้งหมด {_n(s.children)} คน ลงทะเบียนเรียนในปีการศึกษา {s.year_be} "
        f"จำนวน {_n(s.enrolled)} คน", width, size=11)
    pct = (lambda v: f"{v * 100 / s.enrolled:.1f}%") if s.enrolled else (lambda v: "-")
    pieces += heading("จำแนกตามเพศ และประเภทเลขประจำตัว", width)
    rows = [(f"เพศ{label}", _n(v), pct(v)) for label, v in s.by_sex]
    rows += [(label, _n(v), pct(v)) for label, v in s.by_id_type]
    rows.append(("รวม", _n(s.enrolled), pct(s.enrolled)))
    pieces += simple_table((Column("รายการ", 60), Column("จำนวน (คน)", 20, "right"),
                            Column("ร้อยละ", 20, "right")), rows, width, bold_last=True)
    pieces += bar_charts(f"จำนวนเด็กแยกตามสถานศึกษา ปีการศึกษา {s.year_be}",
                         [name for name, _ in s.by_institution],
                         [sum(r[3] for r in levels) for _, levels in s.by_institution])
    counts = (Column("ชาย", 14, "right"), Column("หญิง", 14, "right"), Column("รวม", 14, "right"))
    pieces += heading("จำแนกตามชั้นเรียน", width)
    level_rows = [(lbl, _n(b), _n(g), _n(t)) for lbl, b, g, t in s.by_level]
    level_rows.append(("รวม", _n(sum(r[1] for r in s.by_level)),
                       _n(sum(r[2] for r in s.by_level)), _n(sum(r[3] for r in s.by_level))))
    pieces += simple_table((Column("ชั้น", 58), *counts), level_rows, width, bold_last=True)
    pieces += bar_charts(f"จำนวนเด็กแยกตามชั้นเรียน ปีการศึกษา {s.year_be}",
                         [r[0] for r in s.by_level], [r[3] for r in s.by_level], band=16)
    pieces += heading("จำแนกตามสถานศึกษาและชั้นเรียน", width)
    table = Table((Column("สถานศึกษา / ชั้น", 58), *counts), width, pad_x=PAD_X)
    pieces.append(table.header())
    for name, levels in s.by_institution:
        total = (sum(r[1] for r in levels), sum(r[2] for r in levels), sum(r[3] for r in levels))
        pieces.append(table.row((name, *map(_n, total)), bold=True, shade=GROUP_GRAY,
                                keep_with_next=True))
        more = table.row((f"{name} (ต่อ)", "", "", ""), bold=True, shade=GROUP_GRAY)
        pieces += [table.row((f"– {lbl}", _n(b), _n(g), _n(t)), repeat=(table.header(), more))
                   for lbl, b, g, t in levels]
    if not s.by_institution:
        pieces.append(table.span("ไม่มีการลงทะเบียนเรียนในปีการศึกษานี้", bold=False, shade=None))
    return with_signatures(pieces, signatures)


def plain_list(columns: Sequence[Column], rows: Iterable[Sequence[str]], width: float,
               signatures: Sequence[Signature] = (), empty: str = "ไม่มีข้อมูล") -> list[Piece]:
    """A numbered list table (households, institutions)."""
    table = Table((Column("ลำดับ", 6.5, "right"), *columns), width, pad_x=PAD_X, max_row_height=200)
    pieces: list[Piece] = [table.header()]
    for i, row in enumerate(rows, start=1):
        pieces.append(table.row((str(i), *row)))
    if len(pieces) == 1:
        pieces.append(table.span(empty, bold=False, shade=None))
    return with_signatures(pieces, signatures)
