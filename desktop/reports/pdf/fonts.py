"""Sarabun, registered with reportlab once and lazily (never at import time).

The embedded subsets' ToUnicode CMaps map every code to the text its glyph stands for,
including the private-use codes that shaped glyphs (tone-mark variants, sara am's parts)
are drawn with: see :class:`MappedTTFont` and ``glyph_text.py``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from desktop.paths import fonts_dir
from desktop.reports.pdf.glyph_text import GlyphChars

REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
_FILES = {REGULAR: "Sarabun-Regular.ttf", BOLD: "Sarabun-Bold.ttf"}
_lock = threading.Lock()


class FontMissing(RuntimeError):
    """The bundled Thai font is not where the program expects it."""


@dataclass(frozen=True)
class FontData:
    """A registered font: reportlab's TTFont (for embedding) and a HarfBuzz font (shaping)."""

    name: str
    ttf: MappedTTFont
    hb_font: hb.Font
    upem: int
    chars: GlyphChars


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, subset: list[int], texts: dict[int, str]) -> str:
    """A ToUnicode CMap for one subset: code ``i`` is ``subset[i]``, or the text of a
    private code (which may be several characters, or none)."""
    pairs = [f"<{i:02X}> <{_utf16(texts.get(c, chr(c)))}>"
             for i, c in enumerate(subset)]
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", "<00> <FF>", "endcodespacerange",
    ]
    for start in range(0, len(pairs), 100):  # at most 100 entries per block
        chunk = pairs[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class MappedTTFont(TTFont):
    """reportlab's TTFont whose ToUnicode gives each private-use code (a shaped glyph no
    character maps to) the characters it stands for (``texts``: code -> text)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=True)
        self.texts: dict[int, str] = {}

    def addObjects(self, doc):  # type: ignore[no-untyped-def]  # noqa: N802 (reportlab's name)
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        texts = self.texts
        for n, subset in enumerate(subsets):
            if not any(c in texts for c in subset):
                continue
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)
                            ).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, subset, texts)


@cache
def _load(name: str) -> FontData:
    path = fonts_dir() / _FILES[name]
    if not path.is_file():
        raise FontMissing(f"ไม่พบแบบอักษร {path.name} ที่ {path.parent} โปรดติดตั้งโปรแกรมใหม่")
    ttf = MappedTTFont(name, str(path))
    cmap = dict(ttf.face.charToGlyph)  # before any private-use code is added
    pdfmetrics.registerFont(ttf)
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    hb_font = hb.Font(face)
    return FontData(name, ttf, hb_font, face.upem, GlyphChars(hb_font, cmap))


def font(name: str = REGULAR) -> FontData:
    """The font, registered on first use (thread-safe: reports run on a worker thread)."""
    if name not in _FILES:
        raise KeyError(name)
    with _lock:
        return _load(name)


def ensure_fonts() -> None:
    for name in _FILES:
        font(name)
