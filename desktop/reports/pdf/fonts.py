"""Sarabun, registered with reportlab once and lazily (never at import time)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import fonts_dir

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
    ttf: TTFont
    hb_font: hb.Font
    upem: int


@cache
def _load(name: str) -> FontData:
    path = fonts_dir() / _FILES[name]
    if not path.is_file():
        raise FontMissing(f"ไม่พบแบบอักษร {path.name} ที่ {path.parent} โปรดติดตั้งโปรแกรมใหม่")
    ttf = TTFont(name, str(path), shapable=True)
    pdfmetrics.registerFont(ttf)
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return FontData(name, ttf, hb.Font(face), face.upem)


def font(name: str = REGULAR) -> FontData:
    """The font, registered on first use (thread-safe: reports run on a worker thread)."""
    if name not in _FILES:
        raise KeyError(name)
    with _lock:
        return _load(name)


def ensure_fonts() -> None:
    for name in _FILES:
        font(name)
