"""The page template and a small flow layout.

A report is a list of :class:`Piece` objects (a table row, a line of a paragraph, a
heading, a signature block) whose heights are known before anything is drawn. The pages
are packed first, so the page count is known when the first footer (``หน้า x/y``) is
drawn, and no reportlab flowable ever has to be split (the slow part of a long table).
A piece may carry pieces to ``repeat`` at the top of a page it starts (a table's header
row and its group heading) and may be kept with the next one.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.dates import format_be
from desktop.reports.pdf.fonts import BOLD, REGULAR, ensure_fonts
from desktop.reports.pdf.shaping import TextPainter, pdf_number
from desktop.reports.pdf.thai_text import wrap

ASCENT = 0.98  # first baseline below the top of a text box, in em
LEADING = 1.3  # line pitch, in em

Check = Callable[[int, int], None]  # (pages done, pages) -> None; may raise to cancel


@dataclass(frozen=True)
class Signature:
    """One signature: ลงชื่อ ............ / (name) / ตำแหน่ง position."""

    name: str = ""
    position: str = ""


class Painter(TextPainter):
    """Shaped text plus the few graphics a report needs, as raw PDF operators."""

    def ops(self, text: str) -> None:
        self.canvas._code.append(text)

    def hline(self, x1: float, x2: float, y: float, width: float = 0.5, gray: float = 0) -> None:
        self.ops(f"q {pdf_number(width)} w {pdf_number(gray)} G {pdf_number(x1)} {pdf_number(y)} m {pdf_number(x2)} {pdf_number(y)} l S Q")

    def fill_rect(self, x: float, y: float, w: float, h: float, gray: float) -> None:
        self.ops(f"q {pdf_number(gray)} g {pdf_number(x)} {pdf_number(y)} {pdf_number(w)} {pdf_number(h)} re f Q")


class Piece:
    """Something of known height drawn at a page position."""

    __slots__ = ("height", "keep_with_next", "repeat", "skip_at_top")

    def __init__(
        self, height: float, *, keep_with_next: bool = False, repeat: tuple[Piece, ...] = (),
        skip_at_top: bool = False,
    ) -> None:
        self.height = height
        self.keep_with_next = keep_with_next
        self.repeat = repeat
        self.skip_at_top = skip_at_top

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        raise NotImplementedError


class Spacer(Piece):
    __slots__ = ()

    def __init__(self, height: float) -> None:
        super().__init__(height, skip_at_top=True)

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        return None


class TextLine(Piece):
    __slots__ = ("align", "font", "size", "text")

    def __init__(self, text: str, font: str = REGULAR, size: float = 11, align: str = "left",
                 *, keep_with_next: bool = False) -> None:
        super().__init__(size * LEADING, keep_with_next=keep_with_next)
        self.text, self.font, self.size, self.align = text, font, size, align

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        at = x + width / 2 if self.align == "center" else x + width if self.align == "right" else x
        p.draw(at, top - ASCENT * self.size, self.text, self.font, self.size, self.align)


def paragraph(text: str, width: float, *, font: str = REGULAR, size: float = 11,
              align: str = "left", keep_with_next: bool = False) -> list[Piece]:
    """A paragraph wrapped at Thai word boundaries, one piece per line."""
    lines = wrap(text, font, size, width)
    return [TextLine(line, font, size, align, keep_with_next=keep_with_next or i < len(lines) - 1)
            for i, line in enumerate(lines)]


def heading(text: str, width: float, size: float = 12.5) -> list[Piece]:
    pieces: list[Piece] = [Spacer(size * 0.5)]
    pieces += paragraph(text, width, font=BOLD, size=size, keep_with_next=True)
    # a lower vowel (ผู้ปกครอง) reaches 0.35 em below the baseline: keep it off the table
    below = Spacer(size * 0.2)
    below.keep_with_next = True
    return [*pieces, below]


class SignatureBlock(Piece):
    """Signatures side by side (three to a row), kept together."""

    __slots__ = ("signatures", "size")
    PER_ROW = 3

    def __init__(self, signatures: Sequence[Signature], size: float = 11) -> None:
        rows = -(-len(signatures) // self.PER_ROW)
        self.signatures, self.size = tuple(signatures), size
        super().__init__(size * 1.5 + rows * self._row_height(size))

    @staticmethod
    def _row_height(size: float) -> float:
        return size * (2.2 + 2 * LEADING + 1.2)

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        size = self.size
        y = top - size * 1.5
        for start in range(0, len(self.signatures), self.PER_ROW):
            row = self.signatures[start:start + self.PER_ROW]
            cell = width / self.PER_ROW
            first = x + width - cell * len(row)  # right-aligned, as on Thai official forms
            for i, sig in enumerate(row):
                cx = first + cell * i + cell / 2
                base = y - size * 2.2
                p.draw(cx, base, "ลงชื่อ " + "." * 40, REGULAR, size, "center")
                name = f"({sig.name})" if sig.name else "(" + "." * 40 + ")"
                p.draw(cx, base - size * LEADING, name, REGULAR, size, "center")
                position = "ตำแหน่ง " + (sig.position or "." * 34)
                p.draw(cx, base - 2 * size * LEADING, position, REGULAR, size, "center")
            y -= self._row_height(size)


@dataclass
class Layout:
    """Page size, margins and the header/footer of every page."""

    office: str
    title: str
    subtitle: str = ""
    landscape: bool = False
    printed: date = field(default_factory=date.today)
    margin_x: float = 36.0  # half an inch: 523 pt of table on A4 portrait
    margin_top: float = 11 * mm
    margin_bottom: float = 10 * mm
    notice: str = ""  # a line under the office on every page: "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"

    def __post_init__(self) -> None:
        self.page_w, self.page_h = landscape(A4) if self.landscape else A4
        self.frame_w = self.page_w - 2 * self.margin_x
        self._sub_lines = wrap(self.subtitle, REGULAR, 10.5, self.frame_w) if self.subtitle else []
        self.header_h = 11 * LEADING + 15 * LEADING + len(self._sub_lines) * 10.5 * LEADING + 6
        if self.notice:
            self.header_h += 10.5 * LEADING
        self.footer_h = 9 * LEADING + 4

    @property
    def frame_h(self) -> float:
        return self.page_h - self.margin_top - self.margin_bottom - self.header_h - self.footer_h

    @property
    def frame_top(self) -> float:
        return self.page_h - self.margin_top - self.header_h

    def draw_page(self, p: Painter, number: int, total: int) -> None:
        x0, x1 = self.margin_x, self.page_w - self.margin_x
        y = self.page_h - self.margin_top
        p.draw(x0, y - ASCENT * 11, self.office, BOLD, 11)
        p.draw(x1, y - ASCENT * 11, f"พิมพ์เมื่อ {format_be(self.printed)}", REGULAR, 10, "right")
        y -= 11 * LEADING
        if self.notice:
            p.draw(self.page_w / 2, y - ASCENT * 10.5, self.notice, BOLD, 10.5, "center")
            y -= 10.5 * LEADING
        p.draw(self.page_w / 2, y - ASCENT * 15, self.title, BOLD, 15, "center")
        y -= 15 * LEADING
        for line in self._sub_lines:
            p.draw(self.page_w / 2, y - ASCENT * 10.5, line, REGULAR, 10.5, "center")
            y -= 10.5 * LEADING
        p.hline(x0, x1, y - 3, 0.8)
        foot = self.margin_bottom + self.footer_h
        p.hline(x0, x1, foot - 2, 0.4, 0.4)
        base = foot - 4 - ASCENT * 9
        p.draw(x0, base, self.title, REGULAR, 9)
        p.draw(x1, base, f"หน้า {number}/{total}", REGULAR, 9, "right")


def paginate(pieces: Iterable[Piece], frame_h: float) -> list[list[tuple[Piece, float]]]:
    """Pack pieces into pages: (piece, offset below the frame top) per page."""
    seq = pieces if isinstance(pieces, list) else list(pieces)
    pages: list[list[tuple[Piece, float]]] = [[]]
    used = 0.0
    content = False  # the page holds more than repeated headers
    n = len(seq)
    for i, piece in enumerate(seq):
        need = piece.height
        j = i
        while seq[j].keep_with_next and j + 1 < n and need <= frame_h:
            j += 1
            need += seq[j].height
        need = min(need, frame_h)
        if content and used + need > frame_h + 0.01:
            pages.append([])
            used, content = 0.0, False
            if piece.skip_at_top:
                continue
            for head in piece.repeat:
                pages[-1].append((head, used))
                used += head.height
        if not content and piece.skip_at_top and not pages[-1]:
            continue
        pages[-1].append((piece, used))
        used += piece.height
        content = True
    return pages


def render(layout: Layout, pieces: Iterable[Piece], *,
           check: Check | None = None) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages. ``check(done, total)`` runs between pages
    (it may raise to cancel)."""
    ensure_fonts()
    # Streams are deflated but not also ASCII85-wrapped: reportlab's pure-Python A85
    # encoder cost ~0.4 s per 300 pages and made the file 25% bigger (process-wide
    # reportlab setting; it only changes how streams are encoded).
    rl_config.useA85 = 0
    pages = paginate(pieces, layout.frame_h)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(layout.page_w, layout.page_h), pageCompression=1,
                    initialFontName=REGULAR, initialFontSize=10)
    canvas.setTitle(layout.title)
    canvas.setAuthor(layout.office)
    canvas.setCreator("Samoe")
    painter = Painter(canvas)
    total = len(pages)
    x, top, w = layout.margin_x, layout.frame_top, layout.frame_w
    for number, page in enumerate(pages, start=1):
        if check is not None and (number == 1 or number % 10 == 0):
            check(number - 1, total)
        layout.draw_page(painter, number, total)
        for piece, offset in page:
            piece.draw(painter, x, top - offset, w)
        canvas.showPage()
    canvas.save()
    return buf.getvalue(), total
