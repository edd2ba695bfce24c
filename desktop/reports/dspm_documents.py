"""DSPM printouts (issue 12): the guardian's activity sheet for the items a child failed, and
the referral letter for TEDA4I assessment at a hospital with a reply slip for the outcome.
Plain data in (domain/dspm.py's results), PDF bytes out; official documents, Thai by
design (built under ``pinned("th")``). No database, no Qt.

    pdf, pages = activity_sheet_pdf(ChildLine(...), result, office="...", assessor="...")
    pdf, pages = referral_letter_pdf(ChildLine(...), first, recheck, Referral(...), office="...")
    pdf, pages = summary_pdf("ศพด. ...", "ภาคเรียน 1/2569", term_summary(rows, start, end, today), office="...")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import age_on, format_age, format_be, format_be_long
from desktop.domain.dspm import (
    DOMAIN_LABELS,
    CheckResult,
    Item,
    Manual,
    Outcome,
    manual,
    outcome_label,
)
from desktop.domain.dspm_summary import BandSummary, totals
from desktop.i18n import _, pinned
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
from desktop.reports.pdf.fonts import BOLD
from desktop.reports.pdf.table import Column, simple_table

ACTIVITY_TITLE = "กิจกรรมส่งเสริมพัฒนาการเด็กสำหรับผู้ปกครอง (DSPM)"
REFERRAL_TITLE = "แบบส่งต่อเด็กเพื่อรับการประเมินพัฒนาการ (TEDA4I)"
SUMMARY_TITLE = "สรุปผลการเฝ้าระวังและส่งเสริมพัฒนาการเด็กปฐมวัย (DSPM)"


@dataclass(frozen=True)
class ChildLine:
    """The child as a document names them."""

    name: str  # with prefix
    birth: date
    id_text: str = ""  # national ID or G-code, formatted
    guardian: str = ""
    phone: str = ""
    address: str = ""
    centre: str = ""  # centre and room


@dataclass(frozen=True)
class Referral:
    hospital: str
    letter_no: str = ""  # ที่ ... (the office's outgoing number)
    sender: str = ""  # who signs
    sender_position: str = ""
    contact: str = ""  # the centre's phone or the caregiver's


def _child_lines(c: ChildLine, on: date, width: float) -> list[Piece]:
    years, months = age_on(c.birth, on)
    text = f"ชื่อเด็ก {c.name}"
    if c.id_text:
        text += f" · เลขประจำตัว {c.id_text}"
    text += f" · เกิด {format_be(c.birth)} · อายุ {format_age(years, months, 'th')}"
    pieces = paragraph(text, width, size=11)
    if c.centre:
        pieces += paragraph(f"สถานศึกษา {c.centre}", width, size=11)
    if c.guardian or c.phone:
        pieces += paragraph(" · ".join(t for t in (f"ผู้ปกครอง {c.guardian}" if c.guardian else "",
                                                      f"โทร. {c.phone}" if c.phone else "") if t), width, size=11)
    if c.address:
        pieces += paragraph(f"ที่อยู่ {c.address}", width, size=11)
    return pieces


def _item_title(item: Item) -> str:
    return f"ข้อ {item.no} {item.skill} ({_(DOMAIN_LABELS[item.domain])})"


def activity_pieces(child: ChildLine, result: CheckResult, width: float, *, assessor: str = "",
                    m: Manual | None = None) -> list[Piece]:
    """One section a failed item: the skill, the steps for home, where the manual has it."""
    m = m or manual()
    band = m.band(result.age_months)
    pieces = _child_lines(child, result.checked_on, width)
    pieces += paragraph(f"ประเมินพัฒนาการช่วงอายุ {band.label} เมื่อ {format_be_long(result.checked_on, 'th')}"
                        + (f" โดย {assessor}" if assessor else ""), width, size=11)
    pieces += paragraph(f"ผลการประเมิน: {outcome_label(result.outcome)}", width, font=BOLD, size=11.5)
    if result.recheck_due is not None:
        pieces += paragraph(f"โปรดฝึกกิจกรรมต่อไปนี้กับเด็กทุกวัน วันละ 10-15 นาที แล้วพาเด็กมาประเมินซ้ำ"
                            f"ไม่เกินวันที่ {format_be_long(result.recheck_due, 'th')}", width, size=11)
    for item in result.failed:
        pieces += heading(_item_title(item), width, size=11.5)
        for n, step in enumerate(item.activity, start=1):
            pieces += paragraph(f"{n}. {step}", width - 12, size=11)
        source = (f"สรุปจากวิธีฝึกทักษะในคู่มือ DSPM ข้อ {item.no}" if item.activity_checked
                  else f"คำแนะนำเบื้องต้น โปรดดูวิธีฝึกทักษะในคู่มือ DSPM ข้อ {item.no} ประกอบ")
        pieces += paragraph(source, width, size=9.5)
    pieces += heading("บันทึกการฝึกของผู้ปกครอง (ทำเครื่องหมายในวันที่ได้ฝึก)", width, size=11)
    days = [str(d) for d in range(1, 31)]
    pieces += simple_table([Column("วันที่", 52)] + [Column(d, (width - 52) / 15, "center") for d in days[:15]],
                           [["ฝึกแล้ว"] + [""] * 15], width, size=9)
    pieces += simple_table([Column("วันที่", 52)] + [Column(d, (width - 52) / 15, "center") for d in days[15:]],
                           [["ฝึกแล้ว"] + [""] * 15], width, size=9)
    pieces.append(Spacer(6))
    pieces.append(SignatureBlock([Signature(assessor, "ผู้ประเมิน"), Signature("", "ผู้ปกครอง")]))
    pieces += paragraph(f"ตามคู่มือ: {m.title} · {m.edition_th or m.edition}", width, size=8.5)
    return pieces


def referral_pieces(child: ChildLine, first: CheckResult, recheck: CheckResult | None, referral: Referral,
                    width: float, *, today: date, m: Manual | None = None) -> list[Piece]:
    """The letter to the hospital: the checks and the items still failed, the request, and a
    reply slip for the assessment's outcome."""
    m = m or manual()
    last = recheck or first
    if not last.needs_referral_letter:
        raise ValueError("no referral: the check's outcome is " + last.outcome.value)
    pieces: list[Piece] = []
    if referral.letter_no:
        pieces += paragraph(f"ที่ {referral.letter_no}", width, size=11)
    pieces += paragraph(f"วันที่ {format_be_long(today, 'th')}", width, size=11, align="right")
    pieces += paragraph("เรื่อง ส่งต่อเด็กเพื่อรับการประเมินพัฒนาการด้วยเครื่องมือ TEDA4I", width, size=11)
    pieces += paragraph(f"เรียน ผู้อำนวยการ{referral.hospital}", width, size=11)
    pieces.append(Spacer(4))
    pieces += _child_lines(child, last.checked_on, width)
    band = m.band(first.age_months)
    rows = [(format_be(first.checked_on), f"ประเมินครั้งแรก ({band.label})",
             ", ".join(str(i.no) for i in first.failed) or "-", outcome_label(first.outcome))]
    if recheck is not None:
        rows.append((format_be(recheck.checked_on), "ประเมินซ้ำหลังส่งเสริมพัฒนาการ",
                     ", ".join(str(i.no) for i in recheck.failed) or "-", outcome_label(recheck.outcome)))
    pieces += heading("ผลการเฝ้าระวังพัฒนาการด้วยคู่มือ DSPM", width, size=11.5)
    pieces += simple_table((Column("วันที่", 70), Column("การประเมิน", 140), Column("ข้อที่ไม่ผ่าน", 80),
                            Column("ผล", width - 290)), rows, width, size=10)
    pieces += heading("ข้อที่ยังไม่ผ่าน", width, size=11.5)
    for item in last.failed:
        pieces += paragraph(_item_title(item), width, size=11)
    reason = ("เด็กได้รับการส่งเสริมพัฒนาการตามคู่มือแล้ว และเมื่อประเมินซ้ำยังไม่ผ่าน"
              if last.outcome is Outcome.REFER_TEDA4I else "ผู้ประเมินเห็นควรส่งต่อทันทีตั้งแต่การประเมินครั้งแรก")
    pieces.append(Spacer(4))
    pieces += paragraph(f"{reason} จึงขอส่งต่อเพื่อรับการประเมินพัฒนาการด้วยเครื่องมือ TEDA4I "
                        "และการกระตุ้นพัฒนาการตามผลการประเมิน และขอความกรุณาแจ้งผลกลับตามส่วนตอบกลับข้างล่างนี้",
                        width, size=11)
    pieces += paragraph("จึงเรียนมาเพื่อโปรดพิจารณา", width, size=11)
    pieces.append(SignatureBlock([Signature(referral.sender, referral.sender_position)]))
    if referral.contact:
        pieces += paragraph(f"ติดต่อกลับ: {referral.contact}", width, size=10)
    pieces.append(Spacer(10))
    pieces += heading("ส่วนตอบกลับ (โรงพยาบาลกรอกแล้วส่งคืน)", width, size=11.5)
    pieces += paragraph(f"ชื่อเด็ก {child.name} ได้รับการประเมินด้วย TEDA4I เมื่อวันที่ ....................", width, size=11)
    pieces += paragraph("ผลการประเมิน  [ ] พัฒนาการสมวัย   [ ] พัฒนาการล่าช้า ด้าน ...............................",
                        width, size=11)
    pieces += paragraph("การดูแลต่อ ............................................................................"
                        "...............", width, size=11)
    pieces.append(SignatureBlock([Signature("", "ผู้ประเมิน")]))
    return pieces


def activity_sheet_pdf(child: ChildLine, result: CheckResult, *, office: str, assessor: str = "",
                       printed: date | None = None) -> tuple[bytes, int]:
    """The guardian's sheet for a suspected delay (or a referral: the same activities help
    while the child waits). PDF bytes and pages."""
    if not result.failed:
        raise ValueError("no failed item: nothing to practise")
    with pinned("th"):
        layout = Layout(office=office, title=ACTIVITY_TITLE, subtitle=child.name, printed=printed or date.today())
        return render(layout, activity_pieces(child, result, layout.frame_w, assessor=assessor))


def referral_letter_pdf(child: ChildLine, first: CheckResult, recheck: CheckResult | None, referral: Referral, *,
                        office: str, today: date | None = None) -> tuple[bytes, int]:
    """The referral for TEDA4I (after a failed re-check, or at once): PDF bytes and pages."""
    day = today or date.today()
    with pinned("th"):
        layout = Layout(office=office, title=REFERRAL_TITLE, subtitle=child.name, printed=day)
        return render(layout, referral_pieces(child, first, recheck, referral, layout.frame_w, today=day))


def _share(line: BandSummary) -> str:
    share = line.on_track_share
    return "-" if share is None else f"{share * 100:.1f}"


def summary_pieces(centre: str, period: str, lines: list[BandSummary], width: float,
                   m: Manual | None = None) -> list[Piece]:
    """The centre's table: one row a screening age and the total."""
    m = m or manual()
    pieces = paragraph(f"{centre} · {period}", width, size=11.5)
    columns = (Column("ช่วงอายุ", 52), Column("ประเมิน (คน)", 46, "right"), Column("สมวัย", 38, "right"),
               Column("สงสัยล่าช้า", 50, "right"), Column("สมวัยหลังกระตุ้น", 62, "right"),
               Column("ส่งต่อทันที", 48, "right"), Column("ส่งต่อ TEDA4I", 72, "right"),
               Column("รอประเมินซ้ำ", 54, "right"), Column("เลยกำหนด", 46, "right"),
               Column("สมวัย %", width - 468, "right"))

    def row(label: str, x: BandSummary) -> tuple[str, ...]:
        return (label, str(x.checked), str(x.on_track), str(x.suspected), str(x.on_track_after),
                str(x.referred_now), str(x.referred_teda4i), str(x.waiting), str(x.overdue), _share(x))

    rows = [row(m.band(x.age_months).label, x) for x in lines]
    rows.append(row("รวม", totals(lines)))
    pieces += simple_table(columns, rows, width, size=9.5, bold_last=True)
    pieces += paragraph("สมวัย % = (สมวัยเมื่อประเมินครั้งแรก + สมวัยหลังกระตุ้นและประเมินซ้ำ) ÷ เด็กที่ได้รับการประเมิน "
                        "· สงสัยล่าช้าให้ผู้ปกครองส่งเสริมพัฒนาการตามคู่มือแล้วประเมินซ้ำภายใน 30 วัน "
                        "· ยังไม่ผ่านเมื่อประเมินซ้ำส่งต่อประเมินด้วย TEDA4I", width, size=9)
    pieces.append(SignatureBlock([Signature("", "ผู้รายงาน"), Signature("", "หัวหน้าศูนย์พัฒนาเด็กเล็ก")]))
    pieces += paragraph(f"ตามคู่มือ: {m.title} · {m.edition_th or m.edition}", width, size=8.5)
    return pieces


def summary_pdf(centre: str, period: str, lines: list[BandSummary], *, office: str,
                printed: date | None = None) -> tuple[bytes, int]:
    """The centre's DSPM summary for a period: PDF bytes and pages."""
    with pinned("th"):
        layout = Layout(office=office, title=SUMMARY_TITLE, subtitle=f"{centre} {period}",
                        printed=printed or date.today())
        return render(layout, summary_pieces(centre, period, lines, layout.frame_w))
