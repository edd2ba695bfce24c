"""A child's filled poverty screening form (แบบ นร./กสศ.01) as pages, for signatures: plain
data in, pieces out (no database here; services/screening_print.py reads it). Official
documents are Thai."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.reports.pdf.document import Piece, Signature, Spacer, heading, paragraph
from desktop.reports.pdf.table import Column, simple_table
from desktop.reports.registry import with_signatures

TITLE = "แบบคัดกรองความยากจน (นร./กสศ.01)"
PHOTO_HEIGHT = 64  # points: three photos side by side, and the whole form on one A4 page


@dataclass(frozen=True)
class MemberLine:
    name: str
    relation: str
    age: int
    occupation: str
    monthly_income: int
    notes: str  # พิการ, ป่วยเรื้อรัง, ว่างงาน


@dataclass(frozen=True)
class AnswerLine:
    dimension: str  # Thai label
    answer: str  # Thai label(s)
    points: int


@dataclass(frozen=True)
class Photo:
    label: str
    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True)
class ScreeningForm:
    term: str  # 1/2569
    child: str  # prefix, name
    child_id: str  # national ID or G-code, formatted
    school: str  # institution, level, room
    address: str
    members: Sequence[MemberLine]
    answers: Sequence[AnswerLine]
    travel: str
    position: str
    no_photo_reason: str
    photos: Sequence[Photo]
    level: str  # Thai label
    reason: str
    per_capita: str  # "2,250.00"
    score: str
    pack: str  # "samoe-illustrative v1 (ชุดเกณฑ์ตัวอย่าง)"
    status: str
    certified: str  # "รับรองโดย ... วันที่ ..." or ""
    voided: Sequence[str]  # earlier certifications voided by an edit


class PhotoRow(Piece):
    """Up to three photos side by side, each scaled into its cell, with its label."""

    __slots__ = ("photos",)

    def __init__(self, photos: Sequence[Photo]) -> None:
        self.photos = tuple(photos[:3])
        super().__init__(PHOTO_HEIGHT + 18)

    def draw(self, p: object, x: float, top: float, width: float) -> None:
        from reportlab.lib.utils import ImageReader

        from desktop.reports.pdf.fonts import REGULAR

        cell = width / 3
        for i, photo in enumerate(self.photos):
            scale = min((cell - 12) / photo.width, PHOTO_HEIGHT / photo.height)
            w, h = photo.width * scale, photo.height * scale
            cx = x + cell * i + cell / 2
            p.canvas.drawImage(ImageReader(io.BytesIO(photo.jpeg)), cx - w / 2,  # type: ignore[attr-defined]
                               top - PHOTO_HEIGHT + (PHOTO_HEIGHT - h), w, h)
            p.draw(cx, top - PHOTO_HEIGHT - 12, photo.label, REGULAR, 9.5, "center")  # type: ignore[attr-defined]


def _baht(v: int) -> str:
    return f"{v:,}"


def screening_form(f: ScreeningForm, width: float, signatures: Sequence[Signature] = ()) -> list[Piece]:
    """The form in the paper's order: the child, the household's members, the eight
    dimensions, travel and position, photos, the result, then the signatures."""
    pieces: list[Piece] = paragraph(
        f"ภาคเรียน {f.term} · {f.child} · {f.child_id} · {f.school}", width, size=11)
    pieces += paragraph(f"ที่อยู่: {f.address}", width, size=10.5)
    pieces += heading("ส่วนที่ 1 สมาชิกในครัวเรือน (รวมตัวนักเรียน)", width, size=11.5)
    rows = [(str(n), m.name, m.relation, str(m.age), m.occupation or "-", _baht(m.monthly_income), m.notes or "-")
            for n, m in enumerate(f.members, start=1)]
    rows.append(("", "รวมรายได้ต่อเดือน", "", "", "", _baht(sum(m.monthly_income for m in f.members)), ""))
    pieces += simple_table((Column("ที่", 18, "right"), Column("ชื่อ-สกุล", 130), Column("ความสัมพันธ์", 58),
                            Column("อายุ", 28, "right"), Column("อาชีพ", 80), Column("รายได้/เดือน", 60, "right"),
                            Column("หมายเหตุ", 70)), rows, width, bold_last=True, size=9.5)
    pieces.append(Spacer(1.5))  # a line's upper marks (ได้, ลี่) clear the table's last rule
    pieces += paragraph(f"รายได้เฉลี่ยต่อคนต่อเดือน {f.per_capita} บาท (สมาชิก {len(f.members)} คน)", width, size=11)
    pieces += heading("ส่วนที่ 2 สถานะครัวเรือน", width, size=11.5)
    pieces += simple_table((Column("ด้าน", 120), Column("คำตอบ", 290), Column("คะแนน", 50, "right")),
                           [(a.dimension, a.answer, str(a.points)) for a in f.answers], width, size=9.5)
    pieces.append(Spacer(1.5))
    pieces += paragraph(f"การเดินทางมาโรงเรียน: {f.travel}", width, size=10.5)
    pieces += paragraph(f"พิกัดที่ตั้งบ้าน: {f.position}", width, size=10.5)
    pieces += heading("ส่วนที่ 3 รูปถ่าย", width, size=11.5)
    if f.photos:
        pieces.append(PhotoRow(f.photos))
    if f.no_photo_reason:
        pieces += paragraph(f"เหตุที่ถ่ายรูปบ้านไม่ได้: {f.no_photo_reason}", width, size=10.5)
    if not f.photos and not f.no_photo_reason:
        pieces += paragraph("ยังไม่มีรูปถ่าย", width, size=10.5)
    pieces += heading("ผลการคัดกรอง", width, size=11.5)
    pieces += paragraph(f"{f.level} · คะแนนสถานะครัวเรือน {f.score} · {f.reason}", width, size=11.5)
    pieces += paragraph(f"ตามชุดเกณฑ์ {f.pack} · สถานะแบบ: {f.status}", width, size=10)
    if f.certified:
        pieces += paragraph(f.certified, width, size=10.5)
    for line in f.voided:
        pieces += paragraph(line, width, size=10)
    return with_signatures(pieces, signatures)
