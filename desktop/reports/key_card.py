"""The key card on one A4 page (issue 10; docs/keys.md): what the other office files and
reads over the phone before it trusts the card file.

The office's name in Thai, its code and kind; the fingerprint (exchange/identity.py)
in five large boxes of four digits, to read aloud group by group; a QR code holding the
whole card file (segno), so a province with a scanner can take the card from paper; the
key id, the date, and for a rotated key the key it replaces. Each group and id is one
run of text, so a PDF reader gives it back whole. No Qt; an official document: Thai
whatever the screen's language.
"""

from __future__ import annotations

from datetime import UTC, date

from desktop.domain.dates import format_be
from desktop.exchange.key_card import KeyCard
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
from desktop.reports.pdf.shaping import pdf_number
from desktop.reports.pdf.thai_text import measure, wrap

TITLE = "บัตรกุญแจของหน่วยงาน (สำหรับการส่งข้อมูลที่ลงนาม)"
ROLE_NAMES = {"municipality": "องค์กรปกครองส่วนท้องถิ่น",
              "province": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"}
DIGIT_SIZE = 30.0
CELL_H = 62.0
QR_SIZE = 210.0  # points: 0.7-1 mm a module (a card is 500-750 bytes: QR version 15-19)
QR_ERROR = "l"  # a printed page is not scratched like a sticker: the larger modules matter more


class Gap(Piece):
    """Blank space kept at the top of the page too (a Spacer is dropped there)."""

    __slots__ = ()

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        return None


class Fingerprint(Piece):
    """The fingerprint's groups in numbered boxes, on one row."""

    __slots__ = ("groups",)

    def __init__(self, groups: list[str]) -> None:
        self.groups = groups
        super().__init__(CELL_H + 4)

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        gap = 10.0
        n = len(self.groups)
        cell_w = (width - gap * (n - 1)) / n
        widest = max(measure(g, BOLD, DIGIT_SIZE) for g in self.groups)
        size = min(DIGIT_SIZE, DIGIT_SIZE * (cell_w - 12) / widest)
        for i, group in enumerate(self.groups):
            cx = x + i * (cell_w + gap)
            p.fill_rect(cx, top - CELL_H, cell_w, CELL_H, 0.94)
            p.ops(f"q 0.8 w {pdf_number(cx)} {pdf_number(top - CELL_H)} {pdf_number(cell_w)} {pdf_number(CELL_H)} re S Q")
            p.draw(cx + 5, top - ASCENT * 9 - 2, f"ชุดที่ {i + 1}", REGULAR, 9)
            p.draw(cx + cell_w / 2, top - CELL_H + 12, group, BOLD, size, "center")


class QrCode(Piece):
    """A QR code of ``data``, centred: dark modules drawn as one filled path, each row's
    runs of dark modules as one rectangle (no hairline between neighbours)."""

    __slots__ = ("matrix", "side")

    def __init__(self, data: bytes, side: float = QR_SIZE) -> None:
        import segno

        code = segno.make(data, error=QR_ERROR, micro=False)
        self.matrix = [list(row) for row in code.matrix]
        self.side = side
        super().__init__(side + 8)

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        count = len(self.matrix) + 8  # a quiet zone of four modules on each side
        module = self.side / count
        left = x + (width - self.side) / 2 + 4 * module
        first = top - 4 * module
        rects = []
        for r, row in enumerate(self.matrix):
            y = first - (r + 1) * module
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                rects.append(f"{pdf_number(left + start * module)} {pdf_number(y)} {pdf_number((c - start) * module)} "
                             f"{pdf_number(module)} re")
        p.ops("q 0 g " + " ".join(rects) + " f Q")


@thai_document
def key_card_pdf(card: KeyCard, card_bytes: bytes, *, printed: date | None = None) -> tuple[bytes, int]:
    """The page as PDF bytes and its page count (1). ``card_bytes``: the card file, put
    in the QR code."""
    office = card.keys.office_name
    role = ROLE_NAMES.get(card.office_role, card.office_role)
    header = office  # the page's header has one line for it, beside the date: a long name is cut
    if measure(office, BOLD, 11) > 0.6 * 523:
        header = wrap(office, BOLD, 11, 0.6 * 523)[0] + "…"
    layout = Layout(header, TITLE, f"รหัสหน่วยงาน {card.keys.office_code} · {role}", False,
                    printed or date.today())
    w = layout.frame_w
    pieces: list[Piece] = []
    pieces.append(Gap(6))  # the name's upper marks clear of the header's rule
    size = 22.0  # the office's name large: it is what the other office checks first
    while size > 14 and measure(office, BOLD, size) > w:
        size -= 1
    if measure(office, BOLD, size) > w:  # a long name: wrapped at word boundaries
        pieces += paragraph(office, w, font=BOLD, size=size, align="center")
    else:
        pieces.append(TextLine(office, BOLD, size, "center"))
    pieces.append(Spacer(6))
    pieces.append(TextLine("เลขลายนิ้วมือของกุญแจ (อ่านทางโทรศัพท์ทีละชุด):", REGULAR, 12))
    pieces.append(Spacer(4))
    pieces.append(Fingerprint(card.fingerprint.split()))
    pieces.append(Spacer(8))
    pieces.append(QrCode(card_bytes))
    pieces.append(TextLine("รหัส QR นี้คือไฟล์บัตรกุญแจทั้งไฟล์", REGULAR, 9.5, "center"))
    pieces.append(Spacer(4))
    pieces.append(TextLine(f"รหัสกุญแจ: {card.key_id}", REGULAR, 11, "center"))
    created = card.created.astimezone(UTC)
    pieces.append(TextLine(f"ออกบัตรเมื่อ {format_be(created.date())} เวลา {created:%H:%M} UTC",
                           REGULAR, 11, "center"))
    if card.replaces:
        pieces.append(TextLine(f"แทนกุญแจเดิม: {card.replaces} (ลงนามรับรองด้วยกุญแจเดิมแล้ว)",
                               REGULAR, 11, "center"))
    pieces += heading("ตรวจก่อนเชื่อถือบัตรนี้", w)
    pieces += paragraph(
        "ผู้รับบัตรโทรศัพท์ถึงหน่วยงานเจ้าของบัตร (ใช้เบอร์ที่รู้จักอยู่แล้ว ไม่ใช่เบอร์ที่มากับบัตร) "
        "ให้เจ้าของบัตรอ่านเลขลายนิ้วมือทีละชุดจากหน้าจอของตน แล้วเทียบกับกระดาษนี้ "
        "ถ้าตรงกันทุกชุด จึงลงทะเบียนไฟล์บัตรด้วยคำสั่ง", w, keep_with_next=True)
    pieces.append(TextLine("samoe keys trust ไฟล์บัตร.json", BOLD, 11, "center", keep_with_next=True))
    pieces += paragraph(
        "ถ้าไม่ตรงแม้ชุดเดียว อย่าลงทะเบียน และแจ้งหน่วยงานเจ้าของบัตร บัตรนี้มีแต่กุญแจสาธารณะ "
        "ไม่มีความลับ ส่งทางอีเมลหรือแฟลชไดรฟ์ได้ กุญแจส่วนตัวอยู่ในฐานข้อมูลของหน่วยงานเท่านั้น", w)
    pieces.append(Spacer(8))
    pieces.append(SignatureBlock((Signature("", "ผู้ดูแลระบบ"), Signature("", "หัวหน้าหน่วยงาน"))))
    return render(layout, pieces)
