"""Thai shaping with HarfBuzz and the PDF text operators that draw it.

Every glyph is drawn with a code whose ToUnicode entry is the text that glyph stands for
(``glyph_text.py``): a plain character keeps its own code; a substituted glyph
(``uni0E48.small``, ``yoYingthai.less``) or one that stands for other characters than its
own (sara am's parts) gets a private-use code of its own per meaning, which the font's
ToUnicode CMap maps to those characters (``fonts.MappedTTFont``). So readers that read
glyphs (MuPDF, pdf.js, pdfminer) get the original text. Every run that is not
"plain" is also wrapped in a marked-content span with ``/ActualText`` (PDF 32000-1,
14.9.4), which poppler and PDFium read instead. A plain run is one whose glyphs, each the
character's own, drawn one after another at their own widths, spell the text: no glyph
moved, raised, substituted or given a width that is not its advance (a mark widened to
its ink overlaps the next letter, which poppler's word finder cannot order).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from operator import eq

import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.pdf.fonts import FontData, font
from desktop.reports.pdf.glyph_text import glyph_texts

_FEATURES = {"kern": True, "liga": True}
_private_lock = threading.Lock()
_private: dict[str, dict[tuple[int, str], int]] = {}  # font -> (glyph, text) -> its code


@dataclass(frozen=True, slots=True)
class Shaped:
    """One string shaped with one font, in font units (``upem`` per em)."""

    text: str
    gids: tuple[int, ...]
    # what each glyph stands for; joined: ``text`` (``text`` itself when one glyph per
    # character: no tuple of one-character strings kept for most strings)
    texts: tuple[str, ...] | str
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
    gids = [i.codepoint for i in infos]
    texts = _texts(text, gids, [i.cluster for i in infos], data)
    x_adv = [p.x_advance for p in positions]
    x_off = [p.x_offset for p in positions]
    y_off = [p.y_offset for p in positions]
    if not isinstance(texts, str) and "" in texts:
        _whole_sara_am(data, gids, texts, x_adv, x_off, y_off)
    return Shaped(text, tuple(gids), texts if isinstance(texts, str) else tuple(texts),
                  tuple(x_adv), tuple(x_off), tuple(y_off),
                  sum(x_adv), data.upem)


_SAME_PLACE = 25  # font units (of 1000): how far HarfBuzz may nudge a nikhahit


def _whole_sara_am(data: FontData, gids: list[int], texts: list[str], x_adv: list[int],
                   x_off: list[int], y_off: list[int]) -> None:
    """ำ with no tone mark is shaped as nikhahit + sara aa, and the nikhahit then stands
    for no text of its own. Where the font's own ำ glyph draws the same two shapes in the
    same places (Sarabun's is the two glyphs side by side), draw that one glyph instead,
    so that each glyph drawn stands for some text (a glyph with an empty ToUnicode entry
    reads as garbage in pdf.js and MuPDF)."""
    glyphs = _sara_am_glyphs(data.name)
    if glyphs is None:
        return
    am, nikhahit, aa = glyphs
    near = _SAME_PLACE * data.upem // 1000
    i = 0
    while i < len(gids) - 1:
        if (gids[i] == nikhahit and texts[i] == "" and gids[i + 1] == aa
                and texts[i + 1] == "\u0e33" and y_off[i] == y_off[i + 1] == 0
                and abs(x_adv[i] + x_off[i + 1] - x_off[i]) <= near):
            gids[i:i + 2] = [am]
            texts[i:i + 2] = ["\u0e33"]
            x_off[i:i + 2] = [x_adv[i] + x_off[i + 1]]
            x_adv[i:i + 2] = [x_adv[i] + x_adv[i + 1]]
            y_off[i:i + 2] = [0]
        i += 1


@lru_cache(maxsize=8)
def _sara_am_glyphs(font_name: str) -> tuple[int, int, int] | None:
    """(ำ, nikhahit, sara aa) when the font's ำ is exactly nikhahit and sara aa drawn at
    one origin (their ink boxes and advance agree), else None."""
    hb_font = font(font_name).hb_font
    am, nikhahit, aa = (hb_font.get_nominal_glyph(ord(c)) for c in "\u0e33\u0e4d\u0e32")
    if not am or not nikhahit or not aa:
        return None
    e_am, e_n, e_a = (hb_font.get_glyph_extents(g) for g in (am, nikhahit, aa))
    left = min(e_n.x_bearing, e_a.x_bearing)
    right = max(e_n.x_bearing + e_n.width, e_a.x_bearing + e_a.width)
    top = max(e_n.y_bearing, e_a.y_bearing)
    bottom = min(e_n.y_bearing + e_n.height, e_a.y_bearing + e_a.height)
    same = (e_am.x_bearing, e_am.x_bearing + e_am.width, e_am.y_bearing,
            e_am.y_bearing + e_am.height) == (left, right, top, bottom)
    advances = hb_font.get_glyph_h_advance(am) == hb_font.get_glyph_h_advance(aa)
    return (am, nikhahit, aa) if same and advances else None


_one: dict[str, str] = {}  # one shared string object per character


def _texts(text: str, gids: list[int], clusters: list[int], data: FontData) -> list[str] | str:
    """What each glyph stands for, cluster by cluster (HarfBuzz's clusters are code point
    indices into ``text``, rising for left-to-right text)."""
    chars = data.chars
    natural = chars.natural_map
    n = len(gids)
    if n == len(text) and all(map(eq, map(natural.get, gids), text)):
        return text  # each character drawn with its own glyph, in order
    if any(a > b for a, b in zip(clusters, clusters[1:], strict=False)):
        return [text] + [""] * (n - 1)  # right-to-left: not drawn in a Thai registry
    memo = chars.clusters
    out: list[str] = []
    i = 0
    while i < n:
        start = clusters[i]
        j = i + 1
        while j < n and clusters[j] == start:
            j += 1
        end = clusters[j] if j < n else len(text)
        if j == i + 1 and end == start + 1 and natural.get(gids[i]) == text[start]:
            ch = text[start]  # the common case: one character, its own glyph
            out.append(_one.setdefault(ch, ch))
        else:
            key = (text[start:end], tuple(gids[i:j]))
            found = memo.get(key)
            if found is None:
                found = memo[key] = glyph_texts(key[0], [chars.of(g) for g in key[1]])
            out += found
        i = j
    return out


def text_width(text: str, font_name: str, size: float) -> float:
    return shape(text, font_name).width(size)


def _pdf_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


_formatted: dict[float, str] = {}


def pdf_number(v: float) -> str:
    """``v`` to two decimals, no trailing zeros. The first 20,000 values are remembered:
    rows' baselines and columns' left edges repeat on every page."""
    s = _formatted.get(v)
    if s is None:
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        s = "0" if s in ("-0", "") else s
        if len(_formatted) < 20_000:
            _formatted[v] = s
    return s


class _Pen:
    """Collects a glyph's outline as PDF path operators (font units, quadratic curves made
    cubic)."""

    def __init__(self) -> None:
        self.ops: list[str] = []
        self._at = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:  # noqa: N802 (the pen protocol)
        self.ops.append(f"{pdf_number(p[0])} {pdf_number(p[1])} m")
        self._at = p

    def lineTo(self, p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{pdf_number(p[0])} {pdf_number(p[1])} l")
        self._at = p

    def qCurveTo(self, c: tuple[float, float], p: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (cx, cy), (x, y) = self._at, c, p
        self.curveTo((x0 + 2 * (cx - x0) / 3, y0 + 2 * (cy - y0) / 3),
                     (x + 2 * (cx - x) / 3, y + 2 * (cy - y) / 3), p)

    def curveTo(self, c1: tuple[float, float], c2: tuple[float, float],  # noqa: N802
                p: tuple[float, float]) -> None:
        self.ops.append(" ".join(pdf_number(v) for v in (*c1, *c2, *p)) + " c")
        self._at = p

    def closePath(self) -> None:  # noqa: N802
        self.ops.append("h")


@lru_cache(maxsize=256)
def _outline(font_name: str, gid: int) -> str:
    pen = _Pen()
    font(font_name).hb_font.draw_glyph_with_pen(gid, pen)
    return " ".join(pen.ops)


def _outline_at(data: FontData, gid: int, x: int, y: int, size: float) -> str:
    """Path operators filling glyph ``gid`` with its origin at (x, y) font units from the
    run's origin, at ``size`` points."""
    k = size / data.upem
    return f"q {k:.6g} 0 0 {k:.6g} {pdf_number(x * k)} {pdf_number(y * k)} cm " \
           f"{_outline(data.name, gid)} f Q"


class GlyphCodes:
    """(glyph, text) -> (subset, byte) of reportlab's embedded subset, for one document.

    A glyph drawn for the character the font maps to it uses that character's code. Any
    other (glyph, text) pair gets a private-use character of its own in the font's tables,
    the same in every document, whose ToUnicode entry is that text.
    """

    def __init__(self, canvas: Canvas, data: FontData) -> None:
        self._doc = canvas._doc
        self._data = data
        self._codes: dict[tuple[int, str], tuple[int, str, int]] = {}
        self.missing = int(data.ttf.face.charToGlyph.get(ord("?"), 0))

    def _char_for(self, gid: int, text: str) -> str:
        ttf = self._data.ttf
        face = ttf.face
        hb_font = self._data.hb_font
        advance = hb_font.get_glyph_h_advance(gid)
        if len(text) == 1 and face.charToGlyph.get(ord(text)) == gid and advance:
            return text
        key = (gid, text)
        with _private_lock:
            mine = _private.setdefault(ttf.fontName, {})
            code = mine.get(key)
            if code is None:
                code = 0xE000 + len(mine)
                while code in face.charToGlyph:
                    code += 1 if code != 0xF8FF else 0xF0000 - 0xF8FF  # then plane 15
                face.charToGlyph[code] = gid
                # A mark (no advance) gets the width of its ink in the PDF: a text reader
                # that boxes each glyph by its width (pdfminer) then finds the mark on
                # the line of its base instead of starting a line at each zero-width mark.
                # The TJ array makes up the difference, so nothing moves on the page.
                width = advance or hb_font.get_glyph_extents(gid).width
                face.charWidths[code] = round(width * 1000 / self._data.upem)
                ttf.texts[code] = text
                mine[key] = code
            return chr(code)

    def code(self, gid: int, text: str) -> tuple[int, str, int]:
        """(subset, the code as a PDF hex string, its PDF width per 1000 em)."""
        found = self._codes.get((gid, text))
        if found is None:
            ch = self._char_for(gid, text)
            ((subset, raw),) = self._data.ttf.splitString(ch, self._doc)
            width = self._data.ttf.face.charWidths.get(ord(ch), 0)
            found = self._codes[(gid, text)] = (subset, f"<{raw[0]:02X}>", width)
        return found


class TextPainter:
    """Draws shaped text on one canvas; caches each (text, font, size) run's operators."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._codes: dict[str, GlyphCodes] = {}
        self._runs: dict[tuple[str, str, float], tuple[str, float, str]] = {}
        self._moves: dict[tuple[int, int, int, float], tuple[str, str]] = {}

    def _glyph_codes(self, font_name: str) -> GlyphCodes:
        codes = self._codes.get(font_name)
        if codes is None:
            codes = self._codes[font_name] = GlyphCodes(self.canvas, font(font_name))
        return codes

    def _run(self, text: str, font_name: str, size: float) -> tuple[str, float, str]:
        """(text operators, width, path operators of glyphs drawn as outlines)."""
        key = (text, font_name, size)
        found = self._runs.get(key)
        if found is not None:
            return found
        sh = shape(text, font_name)
        codes = self._glyph_codes(font_name)
        code = codes.code
        ttf = codes._data.ttf
        doc = self.canvas._doc
        em = 1000 / sh.upem
        scale = size / sh.upem
        ops: list[str] = []
        arr: list[str] = []
        subset, rise = -1, 0
        texts, x_advance, x_offset, y_offset = sh.texts, sh.x_advance, sh.x_offset, sh.y_offset
        plain = len(sh.gids) == len(text)
        size_s = pdf_number(size)
        pen = 0  # font units from the run's origin, before the current glyph
        line = 0  # where the text line matrix is (moved by Td), font units
        resync = False  # a widened mark was drawn since the line matrix was set
        shapes: list[str] = []
        moves = self._moves

        def flush() -> None:
            if arr:
                ops.append("[" + " ".join(arr) + "] TJ")
                arr.clear()

        for i, gid in enumerate(sh.gids):
            t = texts[i]
            adv = x_advance[i]
            if not t:
                # a glyph that stands for no text (a nikhahit split from ำ over ป): drawn
                # as an outline, outside the text, so no reader reads it as a character
                shapes.append(_outline_at(codes._data, gid, pen + x_offset[i], y_offset[i],
                                          size))
                if adv:
                    arr.append(pdf_number(-adv * em))
                pen += adv
                plain = False
                continue
            if gid == 0:  # a character Sarabun lacks: a visible "?" rather than an empty box
                gid = codes.missing  # (its code still stands for the real character)
                plain = False
            sub, hexcode, pdf_w = code(gid, t)
            if plain and t != text[i]:
                plain = False
            widened = bool(pdf_w) and not adv  # a mark given its ink's width
            if resync and not widened:
                # pdf.js does not advance over a mark's width although the TJ array
                # takes it back: set the pen again where the marks end
                flush()
                ops.append(f"{pdf_number((pen - line) * scale)} 0 Td")
                line, resync = pen, False
            resync = resync or widened
            pen += adv
            y = y_offset[i]
            if sub != subset:
                flush()
                ops.append(f"{ttf.getSubsetInternalName(sub, doc)} {size_s} Tf")
                subset = sub
            if y != rise:
                flush()
                ops.append(f"{pdf_number(y * scale)} Ts")
                rise = y
                plain = False
            x_off = x_offset[i]
            move = moves.get((pdf_w, adv, x_off, em))
            if move is None:
                # TJ numbers around the glyph: to its offset, then to the next glyph
                before = -x_off * em
                after = pdf_w - adv * em + x_off * em
                move = moves[(pdf_w, adv, x_off, em)] = (
                    pdf_number(before) if before else "", pdf_number(after) if abs(after) > 0.004 else "")
            if move[0]:
                arr.append(move[0])
            arr.append(hexcode)
            if move[1]:
                arr.append(move[1])
            if move[0] or move[1]:
                # the glyph's box is not where its neighbours' boxes end: a widened mark
                # starts where the next letter starts. Poppler takes that for a
                # duplicate, makes each its own word and may put one on a line of its
                # own (พิมพ์ผิด read as พิมพ์ผด + ิ), so the run needs its ActualText
                plain = False
        flush()
        if rise:
            ops.append("0 Ts")
        body = " ".join(ops)
        if not plain:
            # the glyphs do not spell the text by themselves: say what they say, once
            body = f"/Span <</ActualText {_pdf_string(text)}>> BDC {body} EMC"
        found = self._runs[key] = (body, sh.width(size), " ".join(shapes))
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
        body, width, shapes = self._run(text, font_name, size)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        self.canvas._code.append(f"BT 1 0 0 1 {pdf_number(x)} {pdf_number(y)} Tm {body} ET")
        if shapes:
            self.canvas._code.append(f"q 1 0 0 1 {pdf_number(x)} {pdf_number(y)} cm {shapes} Q")
        return width
