"""The printed key card (reports/key_card.py): one A4 page whose every string, the Thai
office name and instructions included, reads back exactly in the five readers (poppler
plain and -layout, PDFium, MuPDF, pdfminer, pdf.js); the fingerprint's five groups each
whole; the QR code drawn is the card file's (module by module, rendered by pdftoppm);
a rotated card names the key it replaces."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from needs import require_tool
from pdf_checks import record_drawn
from pdf_readers import READERS, read_pages, squeeze

from desktop.exchange.key_card import KeyCard, make_card
from desktop.exchange.keypair import new_secret, private_keys
from desktop.reports import key_card as page

NAME = "องค์การบริหารส่วนตำบลหนองน้ำใส"  # marks above and below: ์ ำ ใ
NOW = datetime(2026, 11, 30, 8, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KeyCard, Counter[str], list[object]]:
    secret = new_secret()
    old = private_keys(secret, "3300105", NAME)
    card = make_card(private_keys(new_secret(), "3300105", NAME), "municipality", NOW, old=old)
    drawn: Counter[str] = Counter()
    qr: list[object] = []
    with pytest.MonkeyPatch.context() as mp:
        seen = record_drawn(mp)
        original = page.QrCode.draw

        def spy(self: page.QrCode, p: object, x: float, top: float, width: float) -> None:
            qr.append((self.matrix, x, top, width, self.side))
            original(self, p, x, top, width)  # type: ignore[arg-type]

        mp.setattr(page.QrCode, "draw", spy)
        data, pages = page.key_card_pdf(card, card.to_bytes(), printed=date(2026, 11, 30))
        for (text, _font), n in seen.items():
            drawn[text] += n
    assert pages == 1
    path = tmp_path_factory.mktemp("card") / "card.pdf"
    path.write_bytes(data)
    return path, card, drawn, qr


@pytest.mark.parametrize("reader", list(READERS))
def test_every_string_drawn_reads_back(printed: tuple[Path, KeyCard, Counter[str], list[object]],
                                       reader: str) -> None:
    path, card, drawn, _qr = printed
    pages = read_pages(reader, path)
    assert len(pages) == 1
    text = squeeze(pages[0])
    lines = Counter({squeeze(k): v for k, v in drawn.items() if squeeze(k)})
    longer = sorted(lines, key=len)
    missing = []
    for i, line in enumerate(longer):
        expected = lines[line] + sum(lines[o] * o.count(line) for o in longer[i + 1:] if len(o) > len(line))
        if text.count(line) < expected:
            missing.append(line)
    assert not missing, f"{reader} lost {missing[:5]}"
    assert text.count(squeeze(NAME)) >= 2  # the header and the large name
    for group in card.fingerprint.split():
        assert group in drawn  # each group drawn as one run
    assert card.key_id in text and card.replaces in text
    assert "ตรวจก่อนเชื่อถือบัตรนี้" in text and squeeze("samoe keys trust") in text


def _gray(path: Path, dpi: int) -> tuple[int, int, bytes]:
    require_tool("pdftoppm", "apt-get install poppler-utils")
    raw = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(path)], capture_output=True,
                         check=True).stdout
    header, _, rest = raw.partition(b"\n")
    assert header == b"P5"
    size, _, rest = rest.partition(b"\n")
    _max, _, pixels = rest.partition(b"\n")
    w, h = (int(v) for v in size.split())
    return w, h, pixels


def test_the_qr_code_drawn_is_the_card_files(printed: tuple[Path, KeyCard, Counter[str], list[object]]) -> None:
    import segno

    path, card, _drawn, qr = printed
    [(matrix, x, top, width, side)] = qr  # type: ignore[misc]
    assert matrix == [list(r) for r in segno.make(card.to_bytes(), error=page.QR_ERROR, micro=False).matrix]
    dpi = 200
    w, h, pixels = _gray(path, dpi)
    page_h = 841.89  # A4 in points
    count = len(matrix) + 8
    module = side / count
    left = x + (width - side) / 2 + 4 * module
    first = top - 4 * module
    scale = dpi / 72
    wrong = 0
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            px = int((left + (c + 0.5) * module) * scale)
            py = int((page_h - (first - (r + 0.5) * module)) * scale)
            value = pixels[py * w + px]
            wrong += (value < 128) != bool(dark)
    assert wrong == 0, f"{wrong} of {len(matrix) ** 2} modules differ"
    assert module * 25.4 / 72 >= 0.65, len(matrix)  # a phone reads it from the page


def test_a_long_office_name_is_wrapped_not_cut(tmp_path: Path) -> None:
    name = "องค์การบริหารส่วนตำบลหนองน้ำใสพัฒนาชุมชนเข้มแข็ง" * 4
    card = make_card(private_keys(new_secret(), "3300105", name), "municipality", NOW)
    data, pages = page.key_card_pdf(card, card.to_bytes(), printed=date(2026, 11, 30))
    assert pages == 1
    path = tmp_path / "card.pdf"
    path.write_bytes(data)
    text = squeeze("".join(read_pages("poppler", path)))
    assert squeeze(name) in text  # every word, in order
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        width = doc[0].rect.width
        outside = [w[4] for w in doc[0].get_text("words") if w[2] > width - 20 or w[0] < 20]
    assert outside == []  # within the margins, not past the page's edge
