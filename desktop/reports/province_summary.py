"""The province's summary per municipality as pages: plain data in, pieces out (no
database here; services/province_summary.py reads it). Official documents are Thai."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.dates import format_be, format_be_local, utc_to_local
from desktop.reports.pdf.document import Piece, Signature, heading, paragraph
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table, simple_table
from desktop.reports.registry import LevelCount, with_signatures

OVERVIEW_COLUMNS = (  # weights: points on A4 portrait (523 between the margins)
    Column("รหัส", 58),
    Column("อปท.", 170),
    Column("เด็ก (คน)", 52, "right"),
    Column("ชุดที่", 36, "right"),
    Column("ส่งเมื่อ", 70),
    Column("รอตรวจ", 46, "right"),
    Column("หมายเหตุ", 91),
)


TITLE = "สรุปข้อมูลรายองค์กรปกครองส่วนท้องถิ่น"
COUNTING = "กำลังนับจำนวนเด็กราย อปท."
PAGING = "กำลังสร้างหน้าเอกสาร"
DONE = "เสร็จแล้ว"


def subtitle(year_be: int, offices: int) -> str:
    return f"ปีการศึกษา {year_be} · อปท. {offices:,} แห่ง"


def notes(quiet: str, gaps: str, restores: int) -> str:
    """A municipality's remarks: quiet, the bundles never received, its restores."""
    parts = [quiet] if quiet else []
    if gaps:
        parts.append(f"ขาดชุดที่ {gaps}")
    if restores:
        parts.append(f"กู้คืน {restores} ครั้ง")
    return " · ".join(parts)


@dataclass(frozen=True)
class MunicipalitySummary:
    code: str
    name: str
    children: int  # live children from this office
    enrolled: int  # enrolled in the year
    by_level: Sequence[LevelCount]  # level label, boys, girls, total (in the year)
    sequence: int  # the last bundle (0: none)
    sent_at: datetime | None  # when the last bundle was made (UTC; None: never)
    open_pairs: int
    note: str  # "ไม่ได้ส่ง 45 วัน", "ขาดชุดที่ 3–4", ...


@dataclass(frozen=True)
class ProvinceSummary:
    year_be: int
    municipalities: Sequence[MunicipalitySummary]
    open_pairs: int  # pairs not decided (a pair names two municipalities: counted once here)


def _n(v: int) -> str:
    return f"{v:,}"


def province_summary(s: ProvinceSummary, width: float, signatures: Sequence[Signature] = ()) -> list[Piece]:
    """An overview table (one row a municipality, with the totals), then each
    municipality's children by level and sex in the year."""
    rows = s.municipalities
    total_children = sum(m.children for m in rows)
    pieces: list[Piece] = paragraph(
        f"อปท. {_n(len(rows))} แห่ง เด็กในทะเบียนรวม {_n(total_children)} คน ลงทะเบียนเรียนในปีการศึกษา "
        f"{s.year_be} จำนวน {_n(sum(m.enrolled for m in rows))} คน รายการรอตรวจสอบ "
        f"(เด็กเลขประจำตัวเดียวกันจากหลาย อปท.) {_n(s.open_pairs)} คู่", width, size=11)
    pieces += heading("ภาพรวมรายองค์กรปกครองส่วนท้องถิ่น", width)
    table = Table(OVERVIEW_COLUMNS, width, pad_x=PAD_X, max_row_height=200)
    pieces.append(table.header())
    for m in rows:
        sent = format_be(utc_to_local(m.sent_at).date()) if m.sent_at else "-"
        pieces.append(table.row((m.code, m.name, _n(m.children), _n(m.sequence) if m.sequence else "-",
                                 sent, _n(m.open_pairs), m.note or "-")))
    if not rows:
        pieces.append(table.span("ยังไม่ได้รับข้อมูลจาก อปท. ใด", bold=False, shade=None))
    else:
        pieces.append(table.row(("", "รวม", _n(total_children), "", "", _n(s.open_pairs), ""),
                                bold=True, shade=GROUP_GRAY))
    counts = (Column("ชาย", 14, "right"), Column("หญิง", 14, "right"), Column("รวม", 14, "right"))
    for m in rows:
        pieces += heading(f"{m.name} ({m.code})", width)
        pieces += paragraph(
            f"เด็กในทะเบียน {_n(m.children)} คน ลงทะเบียนเรียนปีการศึกษา {s.year_be} {_n(m.enrolled)} คน · "
            + (f"ชุดข้อมูลล่าสุดลำดับที่ {m.sequence} ส่งเมื่อ {format_be_local(m.sent_at)}" if m.sequence else "ยังไม่เคยส่งชุดข้อมูล")
            + f" · รอตรวจสอบ {_n(m.open_pairs)} คู่" + (f" · {m.note}" if m.note else ""),
            width, size=10.5, keep_with_next=True)
        if m.by_level:
            level_rows = [(lbl, _n(b), _n(g), _n(t)) for lbl, b, g, t in m.by_level]
            level_rows.append(("รวม", _n(sum(r[1] for r in m.by_level)), _n(sum(r[2] for r in m.by_level)),
                               _n(sum(r[3] for r in m.by_level))))
            pieces += simple_table((Column("ชั้น", 58), *counts), level_rows, width, bold_last=True)
        else:
            pieces += paragraph("ไม่มีการลงทะเบียนเรียนในปีการศึกษานี้", width, size=10.5)
    return with_signatures(pieces, signatures)
