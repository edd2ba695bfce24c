"""Line breaking for Thai (and mixed Latin) text.

Thai has no spaces between words: lines may break only between the words pythainlp's
``newmm`` engine finds. Runs of Latin letters, digits and punctuation break only at
spaces (an ID ``1-2345-67890-12-3`` or ``ป.1/2`` stays whole). A Thai name joined by
hyphens (``ถ.ราชสีมา-โชคชัย-เดชอุดม``) breaks only after its hyphens: the dictionary
does not know such place names and would split โชค|ชัย. Lines are packed greedily by
width. A single unit wider than its box first shrinks the box's font (down to a minimum)
and only then splits, at dictionary words and, inside a word still too wide, at Thai
character clusters (``tcc``), which never separate a mark from its base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.paths import use_app_dir_for_pythainlp
from desktop.reports.pdf.fonts import font

_THAI = re.compile("[\u0e00-\u0e7f]")
_SPACES = re.compile(r"(\s+)")
_AFTER_HYPHEN = re.compile("(?<=[-\u2010\u2013])(?=[\u0e01-\u0e4f])")  # a hyphen, then Thai


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@lru_cache(maxsize=131072)
def break_units(text: str) -> tuple[str, ...]:
    """``text`` cut into units a line may break between; whitespace runs are units of
    their own. ``"".join(break_units(t)) == t``."""
    if not text:
        return ()
    if not _THAI.search(text):  # no Thai: break at whitespace only (no dictionary needed)
        return tuple(u for u in _SPACES.split(text) if u)
    units: list[str] = []
    for chunk in _SPACES.split(text):
        if not chunk:
            continue
        if chunk.isspace() or not _THAI.search(chunk):
            units.append(chunk)
            continue
        pieces = _AFTER_HYPHEN.split(chunk)
        units.extend(pieces if len(pieces) > 1 else _words(chunk))
    return tuple(units)


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """Dictionary words of ``text``; Latin, digits and punctuation stick to their
    neighbours (no break inside ``ต.ในเมือง`` or ``ป.1/2``)."""
    use_app_dir_for_pythainlp()
    from pythainlp.tokenize import word_tokenize  # heavy: loaded on first use

    units: list[str] = []
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if not token:
            continue
        if token.isspace():
            if units and units[-1].isspace():
                units[-1] += token
            else:
                units.append(token)
            continue
        prev = units[-1] if units else ""
        if prev and not prev.isspace() and not (_is_thai(prev[-1]) and _is_thai(token[0])):
            units[-1] = prev + token  # Latin, digits, punctuation: no break inside
        else:
            units.append(token)
    return tuple(units)


@lru_cache(maxsize=32768)
def clusters(word: str) -> tuple[str, ...]:
    """Thai character clusters (a base with all its marks stays one piece)."""
    use_app_dir_for_pythainlp()
    from pythainlp.tokenize import subword_tokenize

    parts = [p for p in subword_tokenize(word, engine="tcc") if p]
    return tuple(parts) if "".join(parts) == word else tuple(word)


@lru_cache(maxsize=131072)
def _width1000(text: str, font_name: str) -> float:
    # pdfmetrics.stringWidth of the registered TTFont (registered here on first use)
    return float(font(font_name).ttf.stringWidth(text, 1000))


def measure(text: str, font_name: str, size: float) -> float:
    return _width1000(text, font_name) * size / 1000


def wrap(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Greedy lines no wider than ``width`` (a unit wider than that gets a line of its
    own). Whitespace inside a line is kept as written, dropped at a break; ``\\n`` breaks."""
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(_wrap_para(para, font_name, size, width))
    return lines


def _wrap_para(text: str, font_name: str, size: float, width: float) -> list[str]:
    if not text.strip() or measure(text, font_name, size) <= width:
        return [text.strip()]
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0.0
    space = ""
    for unit in break_units(text):
        if unit.isspace():
            space = unit if cur else ""
            continue
        w = measure(unit, font_name, size)
        gap = measure(space, font_name, size) if space else 0.0
        if cur and cur_w + gap + w > width:
            lines.append("".join(cur))
            cur, cur_w = [unit], w
        else:
            if space:
                cur.append(space)
            cur.append(unit)
            cur_w += gap + w
        space = ""
    if cur or not lines:
        lines.append("".join(cur))
    return lines


@dataclass(frozen=True, slots=True)
class Fitted:
    lines: tuple[str, ...]
    size: float
    split_words: bool = False  # True: a word wider than the box was cut at clusters


def widest_unit(text: str, font_name: str, size: float) -> float:
    return max(
        (measure(u, font_name, size) for u in break_units(text) if not u.isspace()), default=0.0
    )


def fit(text: str, font_name: str, size: float, width: float, min_size: float = 7.0) -> Fitted:
    """Lines for a box ``width`` wide: wrap at words; a word too wide even alone shrinks
    the font (0.5 pt steps, not below ``min_size``), then is cut at Thai clusters."""
    if not text:
        return Fitted(("",), size)
    if "\n" not in text and measure(text, font_name, size) <= width:
        return Fitted((text.strip(),), size)
    if widest_unit(text, font_name, size) <= width:
        return Fitted(tuple(wrap(text, font_name, size, width)), size)
    while size > min_size and widest_unit(text, font_name, size) > width:
        size = max(min_size, size - 0.5)
    if widest_unit(text, font_name, size) <= width:
        return Fitted(tuple(wrap(text, font_name, size, width)), size)
    lines: list[str] = []
    for line in wrap(text, font_name, size, width):
        if measure(line, font_name, size) <= width:
            lines.append(line)
        else:
            lines.extend(_split_clusters(line, font_name, size, width))
    return Fitted(tuple(lines), size, True)


def _split_clusters(word: str, font_name: str, size: float, width: float) -> list[str]:
    """Lines of a unit wider than ``width``: at dictionary words where they fit, and at
    Thai character clusters inside a word that is too wide by itself."""
    parts: list[str] = []
    for w in _words(word) if _THAI.search(word) else (word,):
        parts.extend(clusters(w) if measure(w, font_name, size) > width else (w,))
    lines: list[str] = []
    cur, cur_w = "", 0.0
    for part in parts:
        w = measure(part, font_name, size)
        if cur and cur_w + w > width:
            lines.append(cur)
            cur, cur_w = part, w
        else:
            cur += part
            cur_w += w
    if cur:
        lines.append(cur)
    return lines
