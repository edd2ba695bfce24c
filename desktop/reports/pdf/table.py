"""Tables as rows of known height: each cell is wrapped (Thai word boundaries) when the
row is made, so a long table is packed into pages by adding heights, and each page draws
its header row again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.reports.pdf.document import ASCENT, LEADING, Painter, Piece
from desktop.reports.pdf.fonts import BOLD, REGULAR
from desktop.reports.pdf.shaping import pdf_number
from desktop.reports.pdf.thai_text import Fitted, fit

GRID_GRAY = 0.45
PAD_X = 4.5  # points between a cell's text and its left and right borders (1.6 mm)
HEADER_GRAY = 0.86
GROUP_GRAY = 0.93


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table's width
    align: str = "left"  # "left", "center", "right"


class Row(Piece):
    __slots__ = ("cells", "font", "shade", "table")

    def __init__(self, table: Table, cells: list[Fitted], height: float, font: str,
                 shade: float | None, *, keep_with_next: bool, repeat: tuple[Piece, ...]) -> None:
        super().__init__(height, keep_with_next=keep_with_next, repeat=repeat)
        self.table, self.cells, self.font, self.shade = table, cells, font, shade

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        t = self.table
        h = self.height
        bottom = top - h
        grid = f"{pdf_number(x)} {pdf_number(bottom)} {pdf_number(t.width)} {pdf_number(h)} re"
        inner = "".join(
            f" {v} {pdf_number(bottom)} m {v} {pdf_number(top)} l" for v in (pdf_number(x + e) for e in t.edges)
        ) if len(self.cells) > 1 else ""
        fill = f"{pdf_number(self.shade)} g {grid} f " if self.shade is not None else ""
        p.ops(f"q {fill}0.5 w {GRID_GRAY} G {grid}{inner} S Q")
        pad, pad_x = t.pad, t.pad_x
        for i, cell in enumerate(self.cells):
            if not cell.lines or cell.lines == ("",):
                continue
            left = x + (t.starts[i] if len(self.cells) > 1 else 0)
            cw = t.widths[i] if len(self.cells) > 1 else t.width
            align = t.aligns[i] if len(self.cells) > 1 else "left"
            at = left + cw / 2 if align == "center" else left + cw - pad_x if align == "right" \
                else left + pad_x
            size = cell.size
            y = top - pad - ASCENT * size
            for line in cell.lines:
                p.draw(at, y, line, self.font, size, align)
                y -= LEADING * size


class Table:
    """Column geometry and the rows of one table."""

    def __init__(self, columns: Sequence[Column], width: float, *, size: float = 10,
                 pad: float = 2.6, pad_x: float | None = None, min_size: float = 7,
                 min_row_height: float = 0, max_row_height: float | None = None) -> None:
        """``pad``: room above and below a cell's lines; ``pad_x``: left and right (as
        ``pad`` unless given; PAD_X keeps text clear of the borders where the columns
        have room for it)."""
        total = sum(c.weight for c in columns)
        self.columns = tuple(columns)
        self.width = width
        self.widths = [width * c.weight / total for c in columns]
        self.starts = [sum(self.widths[:i]) for i in range(len(columns))]
        self.edges = self.starts[1:]
        self.aligns = [c.align for c in columns]
        self.size, self.pad, self.min_size = size, pad, min_size
        self.pad_x = pad if pad_x is None else pad_x
        self.min_row_height = min_row_height
        self.max_row_height = max_row_height
        self._header: Row | None = None

    def _height(self, cells: Sequence[Fitted]) -> float:
        h = max((len(c.lines) * LEADING * c.size for c in cells), default=0) + 2 * self.pad
        return max(h, self.min_row_height)

    def _fit(self, text: str, width: float, font: str) -> Fitted:
        return fit(text, font, self.size, width - 2 * self.pad_x, self.min_size)

    def _cap(self, cells: list[Fitted]) -> list[Fitted]:
        """A row never grows taller than a page: cut the longest cells' lines."""
        if self.max_row_height is None:
            return cells
        out = []
        for c in cells:
            room = int((self.max_row_height - 2 * self.pad) // (LEADING * c.size))
            out.append(c if len(c.lines) <= room else
                       Fitted(c.lines[:max(1, room - 1)] + ("…",), c.size, c.split_words))
        return out

    def header(self) -> Row:
        """The header row (bold, shaded); kept with the first row, repeated on each page."""
        if self._header is None:
            cells = [self._fit(c.title, w, BOLD) for c, w in zip(self.columns, self.widths,
                                                                 strict=True)]
            self._header = Row(self, cells, self._height(cells), BOLD, HEADER_GRAY,
                               keep_with_next=True, repeat=())
        return self._header

    def row(self, texts: Sequence[str], *, bold: bool = False, shade: float | None = None,
            repeat: tuple[Piece, ...] | None = None, keep_with_next: bool = False) -> Row:
        font = BOLD if bold else REGULAR
        cells = self._cap([self._fit(t, w, font) for t, w in zip(texts, self.widths,
                                                                  strict=True)])
        return Row(self, cells, self._height(cells), font, shade,
                   keep_with_next=keep_with_next,
                   repeat=(self.header(),) if repeat is None else repeat)

    def span(self, text: str, *, bold: bool = True, shade: float | None = GROUP_GRAY,
             repeat: tuple[Piece, ...] | None = None, keep_with_next: bool = True) -> Row:
        """One cell across the whole table (a group heading)."""
        font = BOLD if bold else REGULAR
        cells = self._cap([fit(text, font, self.size, self.width - 2 * self.pad_x,
                               self.min_size)])
        return Row(self, cells, self._height(cells), font, shade,
                   keep_with_next=keep_with_next,
                   repeat=(self.header(),) if repeat is None else repeat)


def simple_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: float,
                 *, size: float = 10, header: bool = True, bold_last: bool = False,
                 max_row_height: float | None = None) -> list[Piece]:
    """A whole small table as pieces (header first, repeated if it runs over a page)."""
    t = Table(columns, width, size=size, pad_x=PAD_X, max_row_height=max_row_height)
    pieces: list[Piece] = [t.header()] if header else []
    for i, r in enumerate(rows):
        last = i == len(rows) - 1
        pieces.append(t.row(r, bold=bold_last and last, shade=GROUP_GRAY if bold_last and last
                            else None, repeat=None if header else ()))
    return pieces
