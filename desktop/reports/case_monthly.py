"""The monthly report of out-of-school children's cases (issue 13) for the mayor and the
province: the cases by status at the month's end, what happened in the month (cases
opened, children found, returned to education or work by kind, closed by outcome,
follow-ups made, referrals sent and answered), the year so far (returned, the median days
from found to return), the children returned in the month, and the follow-ups overdue at
the month's end; signed by the reporter, the supervisor and the head of the office.
Plain data in (labels already Thai), PDF bytes out; Thai by design. No database, no Qt.

    pdf, pages = monthly_report_pdf(MonthData(...), printed=date(2026, 12, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import format_be, format_be_month
from desktop.reports.case_letter import head_title
from desktop.reports.pdf.document import (
    Layout,
    Piece,
    Signature,
    SignatureBlock,
    Spacer,
    heading,
    paragraph,
    render,
)
from desktop.reports.pdf.table import Column, simple_table

MONTHLY_TITLE = "รายงานการช่วยเหลือเด็กนอกระบบการศึกษา ประจำเดือน"


@dataclass(frozen=True)
class ReturnedRow:
    name: str
    village: str  # หมู่
    status: str  # back in school / กศน. / ...
    place: str
    on: date


@dataclass(frozen=True)
class OverdueRow:
    name: str
    village: str
    worker: str
    due: date
    days: int


@dataclass(frozen=True)
class MonthData:
    office: str
    province: str
    year: int  # Christian era
    month: int
    as_of: date  # the month's last day, or today within the month
    by_status: tuple[tuple[str, int], ...]  # at the month's end (label, cases), in the statuses' order
    in_month: tuple[tuple[str, int], ...]  # what happened in the month (label, count)
    year_name: str  # ปีงบประมาณ 2570
    year_returned: int
    year_median_days: float | None
    returned: tuple[ReturnedRow, ...]
    overdue: tuple[OverdueRow, ...]
    overdue_total: int  # may be more than the rows listed
    reporter: str = ""
    notice: str = ""


def month_name(year: int, month: int) -> str:
    return format_be_month(year, month, "th")  # a Thai document, whatever the screen's language


def _n(n: int) -> str:
    return f"{n:,}"


def month_pieces(d: MonthData, width: float) -> list[Piece]:
    half = width / 2 - 6
    pieces: list[Piece] = heading(f"1. จำนวนกรณีจำแนกตามสถานะ ณ วันที่ {format_be(d.as_of)}", width, size=12)
    rows = [(label, _n(n)) for label, n in d.by_status]
    rows.append(("รวม", _n(sum(n for _l, n in d.by_status))))
    pieces += simple_table((Column("สถานะ", half * 0.75), Column("กรณี", half * 0.25, "right")), rows, width,
                           size=10, bold_last=True)
    pieces += heading(f"2. ผลการดำเนินงานในเดือน{month_name(d.year, d.month)}", width, size=12)
    pieces += simple_table((Column("รายการ", half * 0.75), Column("จำนวน", half * 0.25, "right")),
                           [(label, _n(n)) for label, n in d.in_month], width, size=10)
    median = "-" if d.year_median_days is None else f"{d.year_median_days:,.0f} วัน"
    pieces += heading(f"3. ตั้งแต่ต้น{d.year_name}", width, size=12)
    pieces += paragraph(f"เด็กกลับเข้าสู่การศึกษาหรือการทำงาน {_n(d.year_returned)} คน · "
                        f"ระยะเวลาตั้งแต่พบตัวจนกลับเข้าสู่การศึกษา (ค่ามัธยฐาน) {median}", width, size=11)
    pieces += heading(f"4. เด็กที่กลับเข้าสู่การศึกษาหรือการทำงานในเดือนนี้ ({_n(len(d.returned))} คน)", width, size=12)
    if d.returned:
        pieces += simple_table((Column("ที่", 24, "right"), Column("ชื่อ-สกุล", 150), Column("หมู่", 34, "center"),
                                Column("กลับเข้าสู่", 110), Column("สถานที่", width - 388), Column("วันที่", 70)),
                               [(str(i), r.name, r.village, r.status, r.place, format_be(r.on))
                                for i, r in enumerate(d.returned, start=1)], width, size=9.5)
    else:
        pieces += paragraph("ไม่มี", width, size=11)
    pieces += heading(f"5. การนิเทศติดตามที่เลยกำหนด ณ วันที่ {format_be(d.as_of)} ({_n(d.overdue_total)} กรณี)",
                      width, size=12)
    if d.overdue:
        pieces += simple_table((Column("ที่", 24, "right"), Column("ชื่อ-สกุล", 160), Column("หมู่", 34, "center"),
                                Column("ผู้รับผิดชอบ", width - 368), Column("ครบกำหนด", 80),
                                Column("เกิน (วัน)", 70, "right")),
                               [(str(i), r.name, r.village, r.worker, format_be(r.due), _n(r.days))
                                for i, r in enumerate(d.overdue, start=1)], width, size=9.5)
        if d.overdue_total > len(d.overdue):
            pieces += paragraph(f"แสดง {_n(len(d.overdue))} กรณีที่เลยกำหนดนานที่สุดจากทั้งหมด {_n(d.overdue_total)} กรณี",
                                width, size=9.5)
    else:
        pieces += paragraph("ไม่มี", width, size=11)
    pieces.append(Spacer(6))
    pieces.append(SignatureBlock([Signature(d.reporter, "ผู้รายงาน"), Signature("", "หัวหน้างานติดตามเด็กนอกระบบ"),
                                  Signature("", head_title(d.office))], size=10.5))
    return pieces


def monthly_report_pdf(d: MonthData, *, printed: date | None = None) -> tuple[bytes, int]:
    """The month's report: PDF bytes and pages."""
    province = f" จังหวัด{d.province}" if d.province and not d.province.startswith("จังหวัด") else d.province
    layout = Layout(office=d.office, title=f"{MONTHLY_TITLE}{month_name(d.year, d.month)}",
                    subtitle=f"ผลการค้นหา ติดตาม และช่วยเหลือเด็กและเยาวชนนอกระบบการศึกษา · {d.office}{province} · "
                             "เสนอผู้บริหารท้องถิ่นและสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
                    printed=printed or date.today(), notice=d.notice)
    return render(layout, month_pieces(d, layout.frame_w))
