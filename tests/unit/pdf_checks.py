"""What the PDF tests check on every report: text read back by poppler, nothing lost and
nothing doubled. Shared by test_reports_pdf.py and test_report_services.py."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from needs import needs_tool

from desktop.reports.pdf.shaping import TextPainter, shape

needs_poppler = needs_tool("pdftotext", "apt poppler-utils")


def pdftotext(path: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pages_of(path: Path, *args: str) -> list[str]:
    return pdftotext(path, *args).split("\f")[:-1]  # one form feed after every page


def assert_clean(text: str) -> None:
    assert "\ufffd" not in text
    private = [ch for ch in text if "\ue000" <= ch <= "\uf8ff"]
    assert not private, f"private-use characters leaked into the text: {private[:5]}"


def record_drawn(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """Every (string, font) the painter draws from now on."""
    seen: Counter[tuple[str, str]] = Counter()
    original = TextPainter.draw

    def record(self, x, y, text, font_name, size, align="left"):  # type: ignore[no-untyped-def]
        if text:
            seen[(text, font_name)] += 1
        return original(self, x, y, text, font_name, size, align)

    monkeypatch.setattr(TextPainter, "draw", record)
    return seen


def assert_drawn_once(text: str, drawn: Counter[tuple[str, str]], *, min_len: int = 3,
                      glyphs: bool = False) -> int:
    """Each drawn string that is no part of another drawn string is read back exactly as
    often as it was drawn (no lost marks, no second text layer). With ``glyphs``, also
    every character of every drawn string has a glyph. Returns how many were checked."""
    strings: Counter[str] = Counter()
    for (s, f), n in drawn.items():
        strings[s] += n
        if glyphs:
            assert 0 not in shape(s, f).gids, f"no glyph for a character of {s!r}"
    joined = "\x00".join(strings)
    checked = 0
    for s, n in strings.items():
        if len(s) >= min_len and joined.count(s) == 1:
            assert text.count(s) == n, f"{s!r}: drawn {n}, read back {text.count(s)}"
            checked += 1
    return checked
