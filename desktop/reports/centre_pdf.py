"""A centre's monthly printouts (issue 12), from plain data: the room's attendance sheet
for signature (landscape A4, one row per child, one column per day) and the month's lunch
and milk report for the DLA subsidy claim. No Qt, no SQL; services/centre_print.py reads
the records. Official documents: Thai (built under ``i18n.thai_document``).

Cells of the sheet: "/" present, ป ป่วย, ล ลา, ข ขาด (no word), "-" closed or weekend,
blank: not recorded (left for a hand entry) or not in the room that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.centre import MealMonth, baht_text
from desktop.domain.dates import THAI_MONTHS, format_be, to_be_year
from desktop.reports.pdf.document import (
    Layout,
    Piece,
    Signature,
    SignatureBlock,
    Spacer,
    paragraph,
    render,
)
from desktop.reports.pdf.table import GROUP_GRAY, Column, Table, simple_table

SHEET_TITLE = "บัญชีลงเวลามาเรียนของเด็ก ประจำเดือน"
MEAL_TITLE = "รายงานจำนวนเด็กและค่าอาหารกลางวัน อาหารเสริม (นม) ประจำเดือน"
LEGEND = ("เครื่องหมาย: / มาเรียน · ป ป่วย · ล ลา · ข ขาดเรียนไม่แจ้ง · - วันหยุดหรือศูนย์ปิด · "
          "ช่องว่าง: ยังไม่ได้บันทึก หรือยังไม่ได้อยู่ในห้องนี้")
UNCHECKED = ("หมายเหตุ: อัตราค่าอาหารในรายงานนี้ยังไม่ได้ตรวจสอบกับหนังสือสั่งการของกรมส่งเสริมการปกครองท้องถิ่น "
             "โปรดตรวจและบันทึกอัตราที่ถูกต้องก่อนใช้เบิกจ่าย")
SHIPPED = "ใช้อัตราที่มากับโปรแกรม (ยังไม่ได้ตรวจสอบ) เพราะหน่วยงานยังไม่ได้บันทึกอัตราของตนเอง"


def month_text(year: int, month: int) -> str:
    return f"{THAI_MONTHS[month - 1]} {to_be_year(year)}"


@dataclass(frozen=True)
class SheetRow:
    name: str
    marks: tuple[str, ...]  # one per day of the month
    present: int
    absent: int
    percent: str


@dataclass(frozen=True)
class Sheet:
    office: str
    centre: str
    room: str
    year_be: int
    year: int  # the month's Christian-era year
    month: int
    days: tuple[date, ...]
    rows: tuple[SheetRow, ...]
    per_day: tuple[str, ...]  # present count under each day ("" when not a school day)
    not_recorded: int  # school days of the room with no register taken
    notice: str = ""


def sheet_pieces(sheet: Sheet, width: float) -> list[Piece]:
    day_w = 1.45
    columns = [Column("ที่", 1.6, "right"), Column("ชื่อ-สกุล", 11.5)]
    columns += [Column(str(d.day), day_w, "center") for d in sheet.days]
    columns += [Column("มา", 2.0, "right"), Column("ไม่มา", 2.2, "right"), Column("ร้อยละ", 3.0, "right")]
    table = Table(columns, width, size=7.5, pad=1.0, pad_x=2.0, min_size=6.5)
    pieces: list[Piece] = [table.header()]
    for i, row in enumerate(sheet.rows, start=1):
        pieces.append(table.row((str(i), row.name, *row.marks, str(row.present), str(row.absent), row.percent)))
    if not sheet.rows:
        pieces.append(table.span("ไม่มีเด็กในห้องนี้ในเดือนนี้", bold=False, shade=None))
    else:
        pieces.append(table.row(("", "มาเรียน (คน)", *sheet.per_day, "", "", ""), bold=True, shade=GROUP_GRAY))
    pieces.append(Spacer(4))
    missing = f" · วันเรียนที่ยังไม่ได้บันทึก {sheet.not_recorded:,} วัน" if sheet.not_recorded else ""
    pieces += paragraph(LEGEND + missing, width, size=8.5)
    pieces[-1].keep_with_next = True
    pieces.append(SignatureBlock((Signature(position="ครูผู้ดูแลเด็ก"), Signature(position="หัวหน้าศูนย์พัฒนาเด็กเล็ก"),
                                  Signature(position="ผู้ตรวจสอบ")), size=9))
    return pieces


def attendance_sheet(sheet: Sheet, *, printed: date | None = None) -> tuple[bytes, int]:
    """The PDF bytes and pages of a room's monthly attendance sheet."""
    subtitle = (f"{sheet.centre} · ห้อง {sheet.room} · ปีการศึกษา {sheet.year_be} · "
                f"เดือน{month_text(sheet.year, sheet.month)}")
    layout = Layout(sheet.office, f"{SHEET_TITLE}{month_text(sheet.year, sheet.month)}", subtitle,
                    landscape=True, printed=printed or date.today(), notice=sheet.notice)
    return render(layout, sheet_pieces(sheet, layout.frame_w))


@dataclass(frozen=True)
class MealSheet:
    office: str
    centre: str
    year: int
    month: int
    meals: MealMonth
    shipped_rates: bool
    not_recorded: int
    notice: str = ""


def meal_pieces(m: MealSheet, width: float, signatures: Sequence[Signature]) -> list[Piece]:
    meals = m.meals
    pieces: list[Piece] = paragraph(
        f"วันที่จัดอาหาร {meals.served_days:,} วัน · จำนวนมื้อรวม {meals.meals:,} มื้อ · "
        f"ค่าอาหารกลางวัน {baht_text(meals.lunch_amount)} บาท · ค่าอาหารเสริม (นม) {baht_text(meals.milk_amount)} บาท · "
        f"รวม {baht_text(meals.lunch_amount + meals.milk_amount)} บาท", width, size=11)
    columns = (Column("วันที่", 16), Column("เด็กที่มาเรียน (คน)", 12, "right"),
               Column("อัตราอาหารกลางวัน (บาท/คน)", 14, "right"), Column("ค่าอาหารกลางวัน (บาท)", 14, "right"),
               Column("อัตราอาหารเสริม (นม) (บาท/คน)", 14, "right"), Column("ค่าอาหารเสริม (นม) (บาท)", 14, "right"))
    rows = [(format_be(d.day), f"{d.present:,}", baht_text(d.lunch_satang), baht_text(d.lunch_amount),
             baht_text(d.milk_satang), baht_text(d.milk_amount)) for d in meals.days]
    rows.append(("รวม", f"{meals.meals:,}", "", baht_text(meals.lunch_amount), "", baht_text(meals.milk_amount)))
    pieces += simple_table(columns, rows, width, bold_last=True)
    notes = []
    if meals.unchecked or m.shipped_rates:
        notes.append(UNCHECKED)
    if m.shipped_rates:
        notes.append(SHIPPED)
    if meals.missing_rate:
        notes.append("บางวันไม่มีอัตราที่ใช้บังคับ (คิดเป็น 0 บาท): โปรดบันทึกอัตราของปีงบประมาณนั้น")
    if m.not_recorded:
        notes.append(f"ห้องเรียนที่ยังไม่ได้บันทึกการมาเรียน {m.not_recorded:,} ห้อง-วัน: ยังไม่นับในรายงานนี้")
    pieces.append(Spacer(4))
    for note in notes:
        pieces += paragraph(note, width, size=10)
    pieces[-1].keep_with_next = True
    pieces.append(SignatureBlock(tuple(signatures) or (Signature(position="ผู้จัดทำ"),
                                                      Signature(position="หัวหน้าศูนย์พัฒนาเด็กเล็ก")), size=10))
    return pieces


def meal_report(m: MealSheet, *, printed: date | None = None, landscape: bool = False,
                signatures: Sequence[Signature] = ()) -> tuple[bytes, int]:
    layout = Layout(m.office, f"{MEAL_TITLE}{month_text(m.year, m.month)}", m.centre, landscape=landscape,
                    printed=printed or date.today(), notice=m.notice)
    return render(layout, meal_pieces(m, layout.frame_w, signatures))

