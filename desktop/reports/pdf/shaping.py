"""Thai shaping with HarfBuzz and the PDF text operators that draw it.

reportlab can shape (``shaping=1``), but what ``pdftotext`` reads back from shaped glyphs
depends on which private-use code a substituted glyph (``uni0E48.small``,
``yoYingthai.less``) happened to get: marks come back as U+E000.. or go missing. Here
every shaped run whose glyphs do not map one-to-one onto its characters is wrapped in a
marked-content span with ``/ActualText`` (PDF 32000-1, 14.9.4): viewers and extractors
(poppler's pdftotext, Acrobat, mupdf) read the original string once, while the glyphs
inside are drawn exactly as HarfBuzz placed them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.pdf.fonts import FontData, font

_FEATURES = {"kern": True, "liga": True}
_private_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Shaped:
    """One string shaped with one font, in font units (``upem`` per em)."""

    text: str
    gids: tuple[int, ...]
    x_advance: tuple[int, ...]
    x_offset: tuple[int, ...]
    y_offset: tuple[int, ...]
    advance: int
    upem: int

    def width(self, size: float) -> float:
        return self.advance * size / self.upem


@lru_cache(maxsize=65536)
def shape(text: str, font_name: str) -> Shaped:
    """Glyphs and positions of ``text`` (cached: names and labels repeat a lot)."""
    data = font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(data.hb_font, buf, _FEATURES)
    infos, positions = buf.glyph_infos, buf.glyph_positions
    x_adv = tuple(p.x_advance for p in positions)
    return Shaped(
        text,
        tuple(i.codepoint for i in infos),
        x_adv,
        tuple(p.x_offset for p in positions),
        tuple(p.y_offset for p in positions),
        sum(x_adv),
        data.upem,
    )


def text_width(text: str, font_name: str, size: float) -> float:
    return shape(text, font_name).width(size)


def _pdf_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _fmt(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class GlyphCodes:
    """Glyph id -> (subset, byte) of reportlab's embedded subset, for one document.

    A glyph with no character of its own (a GSUB variant) gets a private-use character in
    the font's tables, as reportlab's own shaping does; its text comes from ActualText.
    """

    def __init__(self, canvas: Canvas, data: FontData) -> None:
        self._doc = canvas._doc
        self._data = data
        self._codes: dict[int, tuple[int, int, str, int]] = {}
        self.missing = int(data.ttf.face.charToGlyph.get(ord("?"), 0))

    def _char_for(self, gid: int) -> str:
        face = self._data.ttf.face
        chars = face.glyphToChar.get(gid)
        if chars:
            return chr(chars[0])
        with _private_lock:
            chars = face.glyphToChar.get(gid)
            if chars:
                return chr(chars[0])
            code = 0xE000
            while code in face.charToGlyph:
                code += 1
            face.charToGlyph[code] = gid
            face.glyphToChar.setdefault(gid, []).append(code)
            face.charWidths[code] = round(
                self._data.hb_font.get_glyph_h_advance(gid) * 1000 / self._data.upem
            )
            return chr(code)

    def code(self, gid: int) -> tuple[int, int, str, int]:
        """(subset, byte, the character that stands for it, its PDF width per 1000 em)."""
        found = self._codes.get(gid)
        if found is None:
            ch = self._char_for(gid)
            ((subset, raw),) = self._data.ttf.splitString(ch, self._doc)
            width = self._data.ttf.face.charWidths.get(ord(ch), 0)
            found = self._codes[gid] = (subset, raw[0], ch, width)
        return found


class TextPainter:
    """Draws shaped text on one canvas; caches each (text, font, size) run's operators."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._codes: dict[str, GlyphCodes] = {}
        self._runs: dict[tuple[str, str, float], tuple[str, float]] = {}

    def _glyph_codes(self, font_name: str) -> GlyphCodes:
        codes = self._codes.get(font_name)
        if codes is None:
            codes = self._codes[font_name] = GlyphCodes(self.canvas, font(font_name))
        return codes

    def _run(self, text: str, font_name: str, size: float) -> tuple[str, float]:
        key = (text, font_name, size)
        found = self._runs.get(key)
        if found is not None:
            return found
        sh = shape(text, font_name)
        codes = self._glyph_codes(font_name)
        ttf = codes._data.ttf
        doc = self.canvas._doc
        em = 1000 / sh.upem
        ops: list[str] = []
        arr: list[str] = []
        subset, rise = -1, 0
        plain = len(sh.gids) == len(text)
        size_s = _fmt(size)

        def flush() -> None:
            if arr:
                ops.append("[" + " ".join(arr) + "] TJ")
                arr.clear()

        for i, gid in enumerate(sh.gids):
            if gid == 0:  # a character Sarabun lacks: a visible "?" rather than an empty box
                gid = codes.missing  # (ActualText still carries the real character)
                plain = False
            sub, byte, ch, pdf_w = codes.code(gid)
            if plain and ch != text[i]:
                plain = False
            y = sh.y_offset[i]
            if sub != subset:
                flush()
                ops.append(f"{ttf.getSubsetInternalName(sub, doc)} {size_s} Tf")
                subset = sub
            if y != rise:
                flush()
                ops.append(f"{_fmt(y * size / sh.upem)} Ts")
                rise = y
                plain = False
            x_off = sh.x_offset[i] * em
            if x_off:
                arr.append(_fmt(-x_off))
                plain = False
            arr.append(f"<{byte:02X}>")
            after = pdf_w - sh.x_advance[i] * em + x_off
            if abs(after) > 0.004:
                arr.append(_fmt(after))
        flush()
        if rise:
            ops.append("0 Ts")
        body = " ".join(ops)
        if not plain:
            # the glyphs do not spell the text by themselves: say what they say, once
            body = f"/Span <</ActualText {_pdf_string(text)}>> BDC {body} EMC"
        found = self._runs[key] = (body, sh.width(size))
        return found

    def width(self, text: str, font_name: str, size: float) -> float:
        return shape(text, font_name).width(size)

    def draw(
        self, x: float, y: float, text: str, font_name: str, size: float, align: str = "left"
    ) -> float:
        """Draw ``text`` with its baseline at ``y``; ``x`` is its left, centre or right
        end as ``align`` says. Returns the width drawn."""
        if not text:
            return 0.0
        body, width = self._run(text, font_name, size)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        self.canvas._code.append(f"BT 1 0 0 1 {_fmt(x)} {_fmt(y)} Tm {body} ET")
        return width
