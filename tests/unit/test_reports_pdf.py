"""The PDF layer: Thai shaped right, broken at word boundaries, read back as the original
text (pdftotext), fonts embedded, header row and page numbers on every page."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pdf_checks import (
    assert_clean,
    assert_drawn_once,
    needs_poppler,
    pages_of,
    pdftotext,
    record_drawn,
)
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.pdf import document as doc
from desktop.reports.pdf.document import Layout, Signature, SignatureBlock, paragraph, render
from desktop.reports.pdf.fonts import BOLD, REGULAR, font
from desktop.reports.pdf.shaping import TextPainter, shape
from desktop.reports.pdf.table import Column, Table
from desktop.reports.pdf.thai_text import break_units, clusters, fit, measure, wrap

MARKS = ["ที่", "นี้", "ปั้น", "ญู", "ฐุ"]
NAMES = [
    "เด็กหญิงปิ่นทิพย์ ศรีสุขสวัสดิ์", "เด็กชายภูผา ศักดิ์พิทักษ์", "นางขวัญข้าว ศักดิ์พิทักษ์",
    "ศูนย์พัฒนาเด็กเล็กบ้านหนองไผ่", "น้ำใจ ผู้ใหญ่ ปู่ ฝั่ง ป่า", "เด็กชายณัฐวุฒิ ปัญญาบุญมา",
]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """Every (string, font) the painter draws."""
    return record_drawn(monkeypatch)


# ------------------------------------------------------------------ shaping


def test_fonts_register_lazily_and_are_sarabun() -> None:
    data = font(REGULAR)
    assert data.ttf.face.name.startswith(b"Sarabun") or "Sarabun" in str(data.ttf.face.name)
    assert font(BOLD).name == BOLD


def test_shaping_places_marks_with_variant_glyphs() -> None:
    """HarfBuzz really runs: a tone mark over a narrow base uses the lowered variant, ญ
    loses its tail over ู, every glyph exists in the font."""
    hb = font(REGULAR).hb_font
    names = {s: [hb.glyph_to_string(g) for g in shape(s, REGULAR).gids] for s in MARKS}
    assert "uni0E48.small" in names["ที่"]
    assert "uni0E49.small" in names["ปั้น"]
    assert names["ญู"][0] == "yoYingthai.less"
    assert names["ฐุ"][0] == "thoThanthai.less"
    for s in MARKS + NAMES:
        assert 0 not in shape(s, REGULAR).gids and 0 not in shape(s, BOLD).gids


# ------------------------------------------------------------------ line breaking


def newmm_boundaries(text: str) -> set[int]:
    from pythainlp.tokenize import word_tokenize

    cuts, pos = {0, len(text)}, 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        pos += len(token)
        cuts.add(pos)
    return cuts


def break_positions(text: str, lines: list[str]) -> list[int]:
    """Where each line ends in ``text`` (lines are text minus whitespace at the breaks)."""
    pos, ends = 0, []
    for line in lines:
        while text[pos].isspace():
            pos += 1
        assert text.startswith(line, pos), (text, lines)
        pos += len(line)
        ends.append(pos)
    assert text[pos:].strip() == ""
    return ends


@pytest.mark.parametrize("width", [40, 60, 90, 130])
@pytest.mark.parametrize("text", NAMES + [
    "ที่อยู่ 323 หมู่ 15 บ้านหัวนา ถ.ราชสีมา-โชคชัย ต.หนองระเวียง อ.เมืองนครราชสีมา",
    "ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลบ้านใหม่ อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา",
])
def test_wrap_breaks_only_at_thai_word_boundaries(text: str, width: float) -> None:
    lines = wrap(text, REGULAR, 10, width)
    cuts = newmm_boundaries(text)
    for end in break_positions(text, lines)[:-1]:
        assert end in cuts or text[end].isspace(), f"split inside a word at {end}: {lines}"
    widest = max(measure(u, REGULAR, 10) for u in break_units(text) if not u.isspace())
    for line in lines:
        assert measure(line, REGULAR, 10) <= max(width, widest) + 0.01


def test_spaces_between_thai_words_are_kept_and_latin_breaks_at_spaces() -> None:
    assert wrap("สมชาย  ใจดี", REGULAR, 10, 500) == ["สมชาย  ใจดี"]
    assert wrap("John Smith-Jones", REGULAR, 10, 40) == ["John", "Smith-Jones"]
    assert break_units("1-2345-67890-12-3") == ("1-2345-67890-12-3",)
    assert "".join(break_units(NAMES[0])) == NAMES[0]


def test_a_word_too_wide_shrinks_the_font_first() -> None:
    word = "สวัสดิ์"
    at10 = measure(word, REGULAR, 10)
    fitted = fit(word, REGULAR, 10, at10 * 0.85, min_size=7)
    assert fitted.lines == (word,) and 7 <= fitted.size < 10 and not fitted.split_words


def test_a_word_too_wide_even_at_the_minimum_splits_at_clusters_only() -> None:
    word = "ผู้ใหญ่บ้านน้ำใจ"
    fitted = fit(word, REGULAR, 10, 20, min_size=7)
    assert fitted.size == 7 and fitted.split_words and len(fitted.lines) > 1
    assert "".join(fitted.lines) == word
    tcc = set()
    pos = 0
    for part in clusters(word):
        pos += len(part)
        tcc.add(pos)
    for end in break_positions(word, list(fitted.lines)):
        assert end in tcc
    for line in fitted.lines:
        assert unicodedata.category(line[0]) != "Mn", f"a mark lost its base: {fitted.lines}"


def test_paragraph_lines_are_the_wrapped_lines() -> None:
    pieces = paragraph(NAMES[0] + " " + NAMES[3], 90)
    assert [p.text for p in pieces] == wrap(NAMES[0] + " " + NAMES[3], REGULAR, 11, 90)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ whole documents


def long_table(rows: int, *, landscape: bool = False, signatures: tuple[Signature, ...] = ()
               ) -> tuple[Layout, list[doc.Piece]]:
    layout = Layout("เทศบาลตำบลที่นี่", "รายชื่อทดสอบ", "ปั้น ญู ฐุ", landscape=landscape,
                    printed=date(2026, 11, 24))
    table = Table([Column("ลำดับ", 8, "right"), Column("ชื่อ-นามสกุล", 40), Column("ที่อยู่", 30),
                   Column("ลายมือชื่อ", 22)], layout.frame_w, min_row_height=20)
    pieces: list[doc.Piece] = [table.header()]
    for i in range(rows):
        name = f"{NAMES[i % len(NAMES)]} รหัส{i:05d}"
        pieces.append(table.row([str(i + 1), name, MARKS[i % len(MARKS)] + f" {i:05d}", ""]))
    if signatures:
        pieces.append(SignatureBlock(signatures))
    return layout, pieces


def write(tmp_path: Path, layout: Layout, pieces: list[doc.Piece]) -> tuple[Path, int]:
    data, pages = render(layout, pieces)
    out = tmp_path / "out.pdf"
    out.write_bytes(data)
    return out, pages


@needs_poppler
def test_text_reads_back_exactly_once(tmp_path: Path, drawn: Counter[tuple[str, str]]) -> None:
    layout = Layout("เทศบาลตำบลที่นี่", "ทดสอบวรรณยุกต์", printed=date(2026, 11, 24))
    table = Table([Column("คำ", 30), Column("ชื่อ", 70)], layout.frame_w)
    pieces: list[doc.Piece] = [table.header()]
    pieces += [table.row([m + "x", n]) for m, n in zip(MARKS, NAMES, strict=False)]
    pieces += paragraph("ข้อความยาว " + " ".join(NAMES), 200)
    out, _ = write(tmp_path, layout, pieces)
    for text in (pdftotext(out), pdftotext(out, "-layout")):
        assert_clean(text)
        for m in MARKS:
            assert text.count(m + "x") == 1
        assert assert_drawn_once(text, drawn) >= 10
    for (s, f) in drawn:
        assert 0 not in shape(s, f).gids, s


@needs_poppler
def test_a_character_the_font_lacks_is_no_empty_box(tmp_path: Path) -> None:
    text = "ชื่อ 中文 ที่"
    assert 0 in shape(text, REGULAR).gids  # Sarabun has no Chinese
    layout = Layout("", "ทดสอบ", printed=date(2026, 11, 24))
    out, _ = write(tmp_path, layout, paragraph(text, 300))
    painter = TextPainter(Canvas(str(tmp_path / "x.pdf")))
    painter.draw(0, 0, text, REGULAR, 10)
    assert all(gid != 0 for gid, _ in painter._glyph_codes(REGULAR)._codes)  # no .notdef
    assert text in pdftotext(out)  # and the text still reads back whole


@needs_poppler
def test_fonts_are_embedded(tmp_path: Path) -> None:
    out, _ = write(tmp_path, *long_table(5))
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:
        assert "Sarabun" in line and re.search(r"\byes\s+yes\s+yes\b", line), line


@needs_poppler
def test_long_table_repeats_its_header_and_numbers_pages(
    tmp_path: Path, drawn: Counter[tuple[str, str]]
) -> None:
    out, pages = write(tmp_path, *long_table(1500, signatures=(Signature("นายที่ นี้", "ปลัด"),)))
    texts = pages_of(out)
    assert pages == len(texts) > 30
    for i, page in enumerate(texts, start=1):
        assert "ลายมือชื่อ" in page and "ชื่อ-นามสกุล" in page, f"no header row on page {i}"
        assert f"หน้า {i}/{pages}" in page
        assert "พิมพ์เมื่อ 24 พ.ย. 2569" in page and "เทศบาลตำบลที่นี่" in page
        assert_clean(page)
    whole = "".join(texts)
    for i in range(1500):
        assert whole.count(f"รหัส{i:05d}") == 1
    assert_drawn_once(whole, drawn)
    last = texts[-1]
    assert "ลงชื่อ" in last and "(นายที่ นี้)" in last and "ตำแหน่ง ปลัด" in last
    assert "รหัส01499" in last  # the signature block does not stand alone


@needs_poppler
def test_landscape_page_size(tmp_path: Path) -> None:
    out, _ = write(tmp_path, *long_table(3, landscape=True))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size and float(size[1]) > float(size[2]) and abs(float(size[1]) - 841.89) < 1


def test_paginate_keeps_headings_with_rows_and_repeats_headers() -> None:
    header = doc.Spacer(10)
    header.skip_at_top = False
    header.keep_with_next = True
    rows = [doc.Piece(30, repeat=(header,)) for _ in range(10)]
    pages = doc.paginate([header, *rows], frame_h=100)
    assert [len(p) for p in pages] == [4, 4, 4, 2]
    for page in pages:
        assert page[0][0] is header
        assert [off for _, off in page] == [0, 10, 40, 70][: len(page)]
