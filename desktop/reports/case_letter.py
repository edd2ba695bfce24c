"""The referral letter of an out-of-school child's case (issue 13): the municipality's
letter to another agency (พมจ., health, กศน., labour ...) asking for help with the child,
with the municipality's header, the signature block of who signs for it, the case
worker to contact, and a reply slip for the agency's answer. Plain data in, PDF bytes
out; an official document, Thai by design (``i18n.thai_document`` at the service). No
database, no Qt.

    pdf, pages = referral_letter_pdf(LetterData(...), printed=date(2026, 12, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import age_on, format_age, format_be, format_be_long
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

LETTER_TITLE = "หนังสือส่งต่อเด็กและเยาวชนนอกระบบการศึกษา"
SUBJECT = "ขอส่งต่อเด็กและเยาวชนนอกระบบการศึกษาเพื่อรับความช่วยเหลือ"


@dataclass(frozen=True)
class CaseChild:
    """The child as a case document names them."""

    name: str  # with prefix
    birth: date
    id_text: str = ""  # national ID or G-code, formatted
    address: str = ""
    guardian: str = ""  # name and relation
    phone: str = ""


@dataclass(frozen=True)
class LetterData:
    office: str  # the municipality (header, sender)
    province: str
    child: CaseChild
    agency_name: str  # to whom: as the letter addresses it
    agency_kind: str  # its kind's label (พมจ. ...)
    reason: str  # what the child needs from the agency
    sent_on: date
    letter_no: str = ""
    needs: tuple[str, ...] = ()  # the assessment's needs found ("ด้านเศรษฐกิจ (ต้องช่วยเหลือเร่งด่วน): ...")
    left_school: str = ""  # last school and the reasons for leaving
    status: str = ""  # the case's status label
    signer: str = ""  # who signs for the office
    signer_position: str = ""
    worker: str = ""  # the case worker to contact
    contact: str = ""  # their unit and phone
    addressee: str = ""  # to whom (เรียน ...): by default the head of the agency
    notice: str = ""  # demo data


def head_title(office: str) -> str:
    """The position of the office's head as a letter signs it: เทศบาลตำบลบ้านใหม่ →
    นายกเทศมนตรีตำบลบ้านใหม่; องค์การบริหารส่วนตำบลนาดี → นายกองค์การบริหารส่วนตำบลนาดี."""
    name = office.strip()
    if name.startswith("เทศบาล"):
        return "นายกเทศมนตรี" + name[len("เทศบาล"):]
    return "นายก" + name if name else ""


def addressee(d: LetterData) -> str:
    """To whom the letter is addressed: as given, else the head of the agency."""
    if d.addressee:
        return d.addressee
    if d.agency_name.startswith(("ผู้", "นาย", "หัวหน้า", "พัฒนาสังคม")):
        return d.agency_name
    return f"ผู้อำนวยการ{d.agency_name}"


def child_lines(c: CaseChild, on: date, width: float, size: float = 11) -> list[Piece]:
    years, months = age_on(c.birth, on)
    text = f"ชื่อ {c.name}"
    if c.id_text:
        text += f" เลขประจำตัว {c.id_text}"
    text += f" เกิดวันที่ {format_be_long(c.birth, 'th')} อายุ {format_age(years, months, 'th')}"
    pieces = paragraph(text, width, size=size)
    if c.address:
        pieces += paragraph(f"ที่อยู่ {c.address}", width, size=size)
    if c.guardian or c.phone:
        pieces += paragraph(" ".join(t for t in (f"ผู้ปกครอง {c.guardian}" if c.guardian else "",
                                                   f"โทร. {c.phone}" if c.phone else "") if t), width, size=size)
    return pieces


def letter_pieces(d: LetterData, width: float) -> list[Piece]:
    pieces: list[Piece] = []
    pieces += paragraph(f"ที่ {d.letter_no or '.' * 20}", width, size=11)
    pieces += paragraph(d.office, width, size=11, align="right")
    pieces += paragraph(f"จังหวัด{d.province}" if d.province and not d.province.startswith("จังหวัด") else d.province,
                        width, size=11, align="right")
    pieces.append(Spacer(4))
    pieces += paragraph(f"{format_be_long(d.sent_on, 'th')}", width, size=11, align="center")
    pieces.append(Spacer(4))
    pieces += paragraph(f"เรื่อง  {SUBJECT}", width, size=11)
    pieces += paragraph(f"เรียน  {addressee(d)}", width, size=11)
    pieces.append(Spacer(6))
    pieces += paragraph(f"ด้วย{d.office} ได้ค้นหาและติดตามเด็กและเยาวชนนอกระบบการศึกษาในพื้นที่ "
                        "เพื่อช่วยเหลือให้กลับเข้าสู่ระบบการศึกษาหรือได้รับการพัฒนาตามความต้องการ "
                        "และพบเด็กซึ่งต้องการความช่วยเหลือจากหน่วยงานของท่าน ดังนี้", width, size=11)
    pieces += child_lines(d.child, d.sent_on, width)
    if d.left_school:
        pieces += paragraph(f"การศึกษา: {d.left_school}", width, size=11)
    if d.status:
        pieces += paragraph(f"สถานะการช่วยเหลือปัจจุบัน: {d.status}", width, size=11)
    if d.needs:
        pieces += heading("ความต้องการจากการประเมิน", width, size=11)
        for n in d.needs:
            pieces += paragraph(f"- {n}", width, size=11)
    asked = d.agency_name.strip() or d.agency_kind  # the agency the letter is addressed to, by its name
    pieces += heading(f"ความช่วยเหลือที่ขอจาก{asked}" if asked else "ความช่วยเหลือที่ขอ", width, size=11)
    pieces += paragraph(d.reason, width, size=11)
    pieces.append(Spacer(6))
    pieces += paragraph(f"จึงเรียนมาเพื่อโปรดพิจารณาให้ความช่วยเหลือตามที่เห็นสมควร และแจ้งผลการดำเนินการกลับไปยัง"
                        f"{d.office} ตามส่วนตอบกลับท้ายหนังสือนี้ จะขอบคุณยิ่ง", width, size=11)
    pieces += paragraph("ขอแสดงความนับถือ", width, size=11, align="center")
    pieces.append(SignatureBlock([Signature(d.signer, d.signer_position or head_title(d.office))]))
    if d.worker or d.contact:
        pieces += paragraph(" ".join(t for t in (f"ผู้ประสานงาน {d.worker}" if d.worker else "", d.contact) if t),
                            width, size=10)
    pieces.append(Spacer(10))
    pieces += heading("ส่วนตอบกลับ (หน่วยงานกรอกแล้วส่งคืน)", width, size=11.5)
    pieces += paragraph(f"เรียน  {head_title(d.office) or d.office}", width, size=11)
    pieces += paragraph(f"ตามหนังสือที่ {d.letter_no or '.' * 20} ลงวันที่ {format_be(d.sent_on)} "
                        "เรื่องการส่งต่อเด็กและเยาวชนนอกระบบการศึกษา", width, size=11)
    pieces += paragraph(f"ชื่อเด็ก {d.child.name}", width, size=11)
    pieces += paragraph("[ ] รับไว้ดำเนินการแล้ว   [ ] ดำเนินการเสร็จแล้ว   [ ] ไม่อาจให้ความช่วยเหลือได้ เพราะ "
                        + "." * 40, width, size=11)
    pieces += paragraph("ผลการดำเนินการ " + "." * 110, width, size=11)
    pieces.append(SignatureBlock([Signature("", "ผู้ตอบ")]))
    pieces[-1].keep_with_next = False
    return pieces


def referral_letter_pdf(d: LetterData, *, printed: date | None = None) -> tuple[bytes, int]:
    """The referral letter: PDF bytes and pages."""
    layout = Layout(office=d.office, title=LETTER_TITLE, subtitle=f"ถึง {d.agency_name}",
                    printed=printed or date.today(), notice=d.notice)
    return render(layout, letter_pieces(d, layout.frame_w))

