"""The province's two lists as printed and exported (the municipalities and their chains;
the reconcile list): their Thai headers and cells from plain rows. Official documents and
exported files are Thai whatever the screen (services/province_documents.py pins it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.domain.dates import format_be, format_be_local
from desktop.domain.identity import format_national_id
from desktop.reports.pdf.document import Piece, heading
from desktop.reports.pdf.table import GROUP_GRAY, PAD_X, Column, Table

MUNICIPALITIES_TITLE = "อปท. ที่ส่งข้อมูลถึงจังหวัด"
RECONCILE_TITLE = "เด็กเลขประจำตัวเดียวกันจากหลาย อปท."

MUNICIPALITIES_SHEET = "อปท. ที่ส่งข้อมูล"  # a sheet's name: at most 31 characters
RECONCILE_SHEET = "เด็กเลขประจำตัวเดียวกัน"


def sheet_marks(sheet: str, demo_notice: str) -> dict[str, Any]:
    """The sheet's name, and a demo database's export says so (as services/exports.py)."""
    return {"sheet_name": sheet} if not demo_notice else {"sheet_name": f"{sheet} (ตัวอย่าง)", "notice": demo_notice}


def overview_table(columns: Sequence[Column], rows: Sequence[tuple[str, Sequence[str]]], total: Sequence[str],
                   width: float) -> list[Piece]:
    """The province's figures' overview: a row a municipality (its name, its figures as
    printed), the province's total last (none when no municipality sent a bundle)."""
    pieces = heading("ภาพรวมรายองค์กรปกครองส่วนท้องถิ่น", width)
    table = Table(columns, width, pad_x=PAD_X, max_row_height=200)
    pieces.append(table.header())
    pieces += [table.row((label, *cells)) for label, cells in rows]
    if not rows:
        pieces.append(table.span("ยังไม่ได้รับข้อมูลจาก อปท. ใด", bold=False, shade=None))
    else:
        pieces.append(table.row(("รวมทั้งจังหวัด", *total), bold=True, shade=GROUP_GRAY))
    return pieces


MUNICIPALITY_HEADERS = ("รหัส", "อปท.", "สถานะ", "ชุดล่าสุด", "ส่งเมื่อ", "นำเข้าเมื่อ", "แถวในชุดล่าสุด",
                        "เด็ก (คน)", "ชุดที่ได้รับ", "ชุดที่ขาด", "กู้คืน (ครั้ง)", "รอตรวจสอบ (คู่)")
MUNICIPALITY_COLUMNS = (Column("รหัส", 44), Column("อปท.", 118), Column("สถานะ", 66), Column("ชุด", 24, "right"),
                        Column("ส่งเมื่อ", 56), Column("แถว", 40, "right"), Column("เด็ก", 36, "right"),
                        Column("ได้รับ", 32, "right"), Column("ชุดที่ขาด", 46), Column("กู้คืน", 30, "right"),
                        Column("รอตรวจ", 31, "right"))

RECONCILE_HEADERS = ("เลขที่", "เลขประจำตัวประชาชน", "ผล", "อปท. ที่ส่งเข้ามาใหม่", "ชื่อ (เข้ามาใหม่)",
                     "วันเกิด (เข้ามาใหม่)", "อปท. ที่มีอยู่แล้ว", "ชื่อ (มีอยู่แล้ว)", "วันเกิด (มีอยู่แล้ว)",
                     "พบเมื่อ", "ผู้ตรวจ", "ตรวจเมื่อ", "หมายเหตุ")
RECONCILE_COLUMNS = (Column("เลขประจำตัว", 78), Column("เข้ามาใหม่", 150), Column("มีอยู่แล้ว", 150),
                     Column("ผล", 60), Column("หมายเหตุ", 85))


def municipality_cells(r: Any, status: str, gaps: str) -> list[object]:
    """A ``province_senders.MunicipalityRow`` as the export's row (numbers as numbers)."""
    return [r.office_code, r.office_name, status or "ปกติ", r.sequence or "",
            format_be_local(r.created_at) if r.created_at else "", format_be_local(r.imported_at) if r.imported_at else "",
            r.rows if r.sequence else "", r.children, r.bundles, gaps, r.restores, r.open_pairs]


def municipality_print_cells(r: Any, status: str, gaps: str) -> Sequence[str]:
    return (r.office_code, r.office_name, status or "ปกติ", str(r.sequence) if r.sequence else "-",
            format_be(r.created_at.date()) if r.created_at else "-", f"{r.rows:,}" if r.sequence else "-",
            f"{r.children:,}", f"{r.bundles:,}", gaps or "-", str(r.restores), str(r.open_pairs))


def _side(side: Any) -> str:
    name = side.name or "(ไม่มีรายการนี้แล้ว)"
    born = f" เกิด {format_be(side.birth_date)}" if side.birth_date else ""
    return f"{side.office_name} ({side.office_code}): {name}{born}" + (" (ลบแล้ว)" if side.deleted and side.name else "")


def reconcile_cells(r: Any, decision: str) -> list[object]:
    """A ``province_reconcile.ReconcileRow`` as the export's row."""
    return [r.id, format_national_id(r.national_id), decision,
            f"{r.incoming.office_name} ({r.incoming.office_code})", r.incoming.name,
            format_be(r.incoming.birth_date) if r.incoming.birth_date else "",
            f"{r.existing.office_name} ({r.existing.office_code})", r.existing.name,
            format_be(r.existing.birth_date) if r.existing.birth_date else "",
            format_be_local(r.found_at), r.decided_by, format_be_local(r.decided_at) if r.decided_at else "", r.note]


def reconcile_print_cells(r: Any, decision: str) -> Sequence[str]:
    who = f" ({r.decided_by})" if r.decided_by else ""
    return (format_national_id(r.national_id), _side(r.incoming), _side(r.existing), decision + who, r.note or "-")


def municipalities_subtitle(n: int, stale: int, days: int) -> str:
    return f"รวม {n:,} แห่ง · ไม่ได้ส่งเกิน {days} วันหรือยังไม่เคยส่ง {stale:,} แห่ง"


def reconcile_subtitle(waiting: int, decided: int) -> str:
    return f"รอตรวจสอบ {waiting:,} คู่ · ตรวจแล้ว {decided:,} คู่"
