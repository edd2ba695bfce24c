"""The recovery key on one A4 page, for the office safe (issue 9; docs/encryption.md).

The key's 13 groups are drawn large, each in its own numbered box (a mistyped group is
named by its number when the key is typed back), and once more on one line as it is
typed. Each group is one run of text, so a PDF reader or ``pdftotext`` gives it back
whole. The page says what the key is for and where to keep it. No Qt; an official
document: Thai whatever the screen's language.
"""

from __future__ import annotations

from datetime import date

from desktop.i18n import thai_document
from desktop.reports.pdf.document import (
    ASCENT,
    Layout,
    Painter,
    Piece,
    Signature,
    SignatureBlock,
    Spacer,
    TextLine,
    heading,
    paragraph,
    render,
)
from desktop.reports.pdf.fonts import BOLD, REGULAR
from desktop.reports.pdf.thai_text import measure

TITLE = "รหัสกู้คืนฐานข้อมูล (เก็บในตู้นิรภัย)"
PER_ROW = 5
KEY_SIZE = 26.0  # points: read from across a desk, typed without mistakes
LABEL_SIZE = 9.0
CELL_H = 58.0


class KeyGroups(Piece):
    """The groups in numbered boxes, ``PER_ROW`` to a row."""

    __slots__ = ("groups",)

    def __init__(self, groups: list[str]) -> None:
        self.groups = groups
        rows = -(-len(groups) // PER_ROW)
        super().__init__(rows * (CELL_H + 8))

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        gap = 8.0
        cell_w = (width - gap * (PER_ROW - 1)) / PER_ROW
        widest = max(measure(g, BOLD, KEY_SIZE) for g in self.groups)
        size = min(KEY_SIZE, KEY_SIZE * (cell_w - 10) / widest)  # the same size for every group
        for n, group in enumerate(self.groups):
            row, col = divmod(n, PER_ROW)
            cx = x + col * (cell_w + gap)
            cy = top - row * (CELL_H + gap)
            p.fill_rect(cx, cy - CELL_H, cell_w, CELL_H, 0.94)
            p.hline(cx, cx + cell_w, cy, 0.6)
            p.hline(cx, cx + cell_w, cy - CELL_H, 0.6)
            p.ops(f"q 0.6 w {cx:.2f} {cy:.2f} m {cx:.2f} {cy - CELL_H:.2f} l S "
                  f"{cx + cell_w:.2f} {cy:.2f} m {cx + cell_w:.2f} {cy - CELL_H:.2f} l S Q")
            p.draw(cx + 5, cy - ASCENT * LABEL_SIZE - 2, f"กลุ่มที่ {n + 1}", REGULAR, LABEL_SIZE)
            p.draw(cx + cell_w / 2, cy - CELL_H + 12, group, BOLD, size, "center")


@thai_document
def recovery_key_pdf(recovery: str, *, office: str, database: str,
                     printed: date | None = None) -> tuple[bytes, int]:
    """The page as PDF bytes and its page count (1). ``recovery`` as
    store/cipher.format_recovery_key writes it (groups joined by dashes)."""
    groups = recovery.split("-")
    layout = Layout(office, TITLE, f"ฐานข้อมูล: {database}", False, printed or date.today())
    w = layout.frame_w
    pieces: list[Piece] = []
    pieces += paragraph(
        f"รหัสกู้คืนของฐานข้อมูลนี้มี {len(groups)} กลุ่ม กลุ่มละ 5 ตัวอักษร "
        "(ตัวเลข 0-9 และอักษรอังกฤษตัวใหญ่ ไม่มีตัว I L O U: ตัว 0 ในรหัสคือเลขศูนย์) "
        "พิมพ์ทีละกลุ่มตามลำดับ ตัวพิมพ์เล็กใหญ่และขีดคั่นไม่มีผล "
        "ตัวสุดท้ายของแต่ละกลุ่มใช้ตรวจการพิมพ์ผิด", w, size=11.5)
    pieces.append(Spacer(10))
    pieces.append(KeyGroups(groups))
    pieces.append(Spacer(6))
    pieces.append(TextLine("รหัสกู้คืนทั้งชุด (พิมพ์ได้ทั้งบรรทัด):", REGULAR, 10.5))
    size = 13.5  # the whole key on one line, within the page's width
    while size > 8 and measure(recovery, BOLD, size) > w:
        size -= 0.5
    pieces.append(TextLine(recovery, BOLD, size, "center"))
    pieces += heading("ใช้ทำอะไร", w)
    pieces += paragraph(
        "รหัสนี้ไขไฟล์ฐานข้อมูลที่เข้ารหัสได้โดยไม่ต้องใช้ไฟล์กุญแจ: ใช้เมื่อไฟล์กุญแจที่อยู่คู่กับ"
        "ฐานข้อมูล (ชื่อลงท้ายด้วย .keys) หายหรือเสียหาย "
        "หรือเมื่อต้องเปิดไฟล์สำรองบนเครื่องอื่น โดยสั่งจากเทอร์มินัลด้วยคำสั่ง", w, keep_with_next=True)
    pieces.append(TextLine("samoe --recovery-key", BOLD, 11, "center", keep_with_next=True))
    pieces += paragraph(
        "แล้วพิมพ์รหัสเมื่อถูกถาม โปรแกรมจะสร้างไฟล์กุญแจใหม่ ยังต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน"
        "ตามปกติ (รหัสนี้ไม่ใช่รหัสผ่านของผู้ใช้) ผู้ใช้อื่นที่ยังเข้าไม่ได้ ให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่ให้ "
        "เมื่อผู้ดูแลระบบลืมรหัสผ่าน: กด ลืมรหัสผ่าน… ที่หน้าเข้าสู่ระบบของโปรแกรม แล้วพิมพ์รหัสนี้ "
        "เพื่อตั้งรหัสผ่านใหม่ของผู้ดูแลระบบ (ใช้ได้เฉพาะบัญชีผู้ดูแลระบบ)", w)
    pieces += heading("เก็บไว้ที่ไหน", w)
    pieces += paragraph(
        "ผู้ใดมีรหัสนี้อ่านข้อมูลเด็กทั้งหมดในฐานข้อมูลได้ (ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล "
        "ต้องเก็บรักษาอย่างปลอดภัย) ใส่ซองปิดผนึก เก็บในตู้นิรภัยของสำนักงาน "
        "อย่าเก็บไว้ข้างเครื่องคอมพิวเตอร์ อย่าถ่ายรูป สแกน ส่งอีเมลหรือแชต "
        "และอย่าบันทึกไฟล์นี้ไว้ในเครื่อง โปรแกรมจะไม่แสดงรหัสนี้อีก "
        "หากรหัสนี้หายหรือมีผู้อื่นเห็น ให้แจ้งผู้ดูแลระบบทันที", w)
    pieces.append(Spacer(8))
    pieces.append(SignatureBlock((Signature("", "ผู้ดูแลระบบ"), Signature("", "ผู้รับเก็บรักษา"))))
    return render(layout, pieces)
