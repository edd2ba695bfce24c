"""Which characters each shaped glyph stands for, so the font's ToUnicode CMap can say so.

HarfBuzz draws Thai with glyphs that no character maps to: a lowered tone mark
(``uni0E48.small``), a mark moved left over a tall consonant (``uni0E49.narrow``), ญ
without its tail (``yoYingthai.less``), nikhahit and a tone mark in one glyph
(``uni0E4D0E49``). A glyph's characters come from the font's cmap, from its name with the
variant suffix dropped (``uni0E48.small`` -> U+0E48), or from a ligature's name
(``uni0E4D0E49`` -> U+0E4D U+0E49); a glyph none of these name (``yoYingthai.less``)
stands for what the other glyphs of its cluster leave.

Sara am (ำ) is drawn as nikhahit + sara aa, the nikhahit moved before the tone mark
(น้ำ: น, nikhahit+mai tho, sara aa). Read in drawing order, the glyphs must spell the
text, so the glyph holding the nikhahit stands for what it holds besides (here mai tho, or
nothing) and the sara aa stands for ำ: น + ้ + ำ = น้ำ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import uharfbuzz as hb

SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_UNI = re.compile(r"^uni((?:[0-9A-F]{4})+)$")
_U = re.compile(r"^u([0-9A-F]{4,6})$")


class GlyphChars:
    """The characters of each glyph of one font (from the cmap read at load time)."""

    def __init__(self, hb_font: hb.Font, cmap: dict[int, int]) -> None:
        self._hb = hb_font
        by_glyph: dict[int, list[str]] = {}
        for code, gid in sorted(cmap.items()):
            by_glyph.setdefault(gid, []).append(chr(code))
        self._cmap = {gid: tuple(chars) for gid, chars in by_glyph.items()}
        self._cache: dict[int, tuple[str, ...]] = {}
        # glyph -> the one character it stands for when drawn alone: its cmap character,
        # or a variant's (uni0E48.small: U+0E48)
        self.natural_map = {gid: chars[0] for gid, chars in self._cmap.items()}
        for gid in range(hb_font.face.glyph_count):
            alts = self.of(gid)
            if gid not in self.natural_map and len(alts) == 1 and len(alts[0]) == 1:
                self.natural_map[gid] = alts[0]
        self.clusters: dict[tuple[str, tuple[int, ...]], list[str]] = {}  # glyph_texts memo

    def of(self, gid: int) -> tuple[str, ...]:
        """The strings ``gid`` may stand for (most glyphs: one character), or ()."""
        found = self._cache.get(gid)
        if found is None:
            found = self._cache[gid] = self._find(gid)
        return found

    def _find(self, gid: int) -> tuple[str, ...]:
        if gid in self._cmap:
            return self._cmap[gid]
        name = self._hb.glyph_to_string(gid)
        return self._from_name(name.split(".", 1)[0])

    def _from_name(self, name: str) -> tuple[str, ...]:
        if not name:
            return ()
        if "_" in name:  # a ligature of named glyphs: f_i
            parts = [self._from_name(p) for p in name.split("_")]
            return ("".join(p[0] for p in parts),) if all(parts) else ()
        m = _UNI.match(name)
        if m:
            hexes = m[1]
            return ("".join(chr(int(hexes[i:i + 4], 16)) for i in range(0, len(hexes), 4)),)
        m = _U.match(name)
        if m:
            return (chr(int(m[1], 16)),)
        base = self._hb.glyph_from_string(name)
        return self._cmap.get(base, ()) if base else ()


def _spell(glyphs: Sequence[tuple[str, ...]], target: str, pos: int = 0) -> list[str] | None:
    """One string per glyph, together ``target[pos:]``: each one of the glyph's
    alternatives; a glyph of unknown characters (``()``) stands for one or more of the
    characters the others leave (``yoYingthai.less`` in ญู: ญ)."""
    if not glyphs:
        return [] if pos == len(target) else None
    alts = glyphs[0]
    choices = alts or tuple(target[pos:end] for end in range(pos + 1, len(target) + 1))
    for alt in choices:
        if target.startswith(alt, pos):
            rest = _spell(glyphs[1:], target, pos + len(alt))
            if rest is not None:
                return [alt, *rest]
    return None


def _sara_am_order(segment: str) -> tuple[str, list[int]]:
    """``segment`` as HarfBuzz draws it: each ำ as nikhahit + sara aa, the nikhahit before
    the tone marks in front of it. Also the positions of those nikhahits."""
    chars: list[str] = []
    nikhahits: list[int] = []
    for ch in segment:
        if ch != SARA_AM:
            chars.append(ch)
            continue
        at = len(chars)
        while at and chars[at - 1] in _TONES:
            at -= 1
        chars.insert(at, NIKHAHIT)
        nikhahits = [n + 1 if n >= at else n for n in nikhahits] + [at]
        chars.append(SARA_AA)
    return "".join(chars), nikhahits


def glyph_texts(segment: str, glyphs: Sequence[tuple[str, ...]]) -> list[str]:
    """What each glyph of one cluster stands for, in drawing order; joined they give
    ``segment``. A glyph may stand for several characters or for none."""
    spelled = _spell(glyphs, segment)
    if spelled is not None:
        return spelled
    if SARA_AM in segment:
        drawn, nikhahits = _sara_am_order(segment)
        spelled = _spell(glyphs, drawn)
        if spelled is not None:
            return _sara_am_texts(spelled, nikhahits)
    # no better idea: the first glyph stands for the whole cluster (as for a ligature)
    return [segment] + [""] * (len(glyphs) - 1)


def _sara_am_texts(spelled: list[str], nikhahits: list[int]) -> list[str]:
    """Turn the glyphs' own characters back into the text: drop each nikhahit that came
    from ำ and let the sara aa after it stand for ำ."""
    out: list[str] = []
    pos = 0
    pending = 0  # nikhahits dropped whose sara aa has not come yet
    wanted = set(nikhahits)
    for text in spelled:
        kept = []
        for ch in text:
            if pos in wanted:
                pending += 1
            elif ch == SARA_AA and pending:
                pending -= 1
                kept.append(SARA_AM)
            else:
                kept.append(ch)
            pos += 1
        out.append("".join(kept))
    return out
