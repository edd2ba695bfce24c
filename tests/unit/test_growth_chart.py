"""The growth chart (issue 12): WHO's curves by sex with the child's points, read back in the
five PDF readers (Thai names and categories), drawn where they belong (rendered with
pdftoppm and the curves' colours looked for), and the numbers the window can draw."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from needs import require_tool
from pdf_readers import READERS, read_pages, squeeze
from PIL import Image

from desktop.domain.growth import Measurement, Method, assess
from desktop.domain.growth_categories import Indicator
from desktop.domain.growth_tables import Table
from desktop.domain.people import Sex
from desktop.reports.growth_chart import ChildGrowth, chart_series, growth_pdf, growth_png

BIRTH = date(2022, 3, 14)
DATA = [(400, 8.2, 72.0, Method.LYING), (600, 9.1, 78.5, Method.LYING), (760, 9.8, 82.0, Method.STANDING),
        (900, 10.4, 85.1, None), (1080, 11.0, 88.0, None), (1260, 11.9, 92.3, None), (1450, 12.6, 95.0, None)]
NAME = "เด็กหญิงน้ำผึ้ง ใจดีมาก"


def child() -> ChildGrowth:
    ms = [assess(Measurement(Sex.FEMALE, BIRTH, BIRTH + timedelta(days=d), w, h, m)) for d, w, h, m in DATA]
    return ChildGrowth(NAME, Sex.FEMALE, BIRTH, ms, centre="ศพด.บ้านหนองบัว ห้องอนุบาล 2")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf, pages = growth_pdf(child(), office="เทศบาลตำบลทดสอบ", printed=date(2026, 12, 1))
    assert pages == 2
    out = tmp_path_factory.mktemp("growth") / "growth.pdf"
    out.write_bytes(pdf)
    return out


def test_series_hold_whos_seven_lines_and_the_childs_points() -> None:
    c = child()
    wfa = chart_series(Indicator.WFA, Sex.FEMALE, BIRTH, c.measurements)
    assert sorted(wfa.lines) == [-3, -2, -1, 0, 1, 2, 3] and wfa.table is Table.WFA
    assert len(wfa.points) == 7 and wfa.points[0] == pytest.approx((400 / (365.25 / 12), 8.2))
    # the lines are ordered at every age: -3 below -2 ... below +3
    for i in range(0, len(wfa.x), 50):
        assert [wfa.lines[z][i] for z in range(-3, 4)] == sorted(wfa.lines[z][i] for z in range(-3, 4))
    # the girl of 12 months on WHO's median: 8.9 kg (WHO: 8.9498 at 365 days)
    at_year = min(range(len(wfa.x)), key=lambda i: abs(wfa.x[i] - 12))
    assert wfa.lines[0][at_year] == pytest.approx(8.95, abs=0.05)
    # weight-for-height: the latest measurement is over 2 years, so the standing table and
    # only the standing points (the lying ones under 2 years belong to weight-for-length)
    wfh = chart_series(Indicator.WFH, Sex.FEMALE, BIRTH, c.measurements)
    assert wfh.table is Table.WFH and len(wfh.points) == 5 and wfh.x_range == (65.0, 120.0)
    hfa = chart_series(Indicator.HFA, Sex.FEMALE, BIRTH, c.measurements)
    assert hfa.points[2][1] == 82.0  # standing at 760 days: WHO's way, no adjustment


@pytest.mark.parametrize("reader", list(READERS))
def test_the_chart_reads_back_in_every_reader(printed: Path, reader: str) -> None:
    text = squeeze("".join(read_pages(reader, printed)))
    words = [NAME, "กราฟการเจริญเติบโตของเด็ก", "น้ำหนักตามเกณฑ์อายุ", "ส่วนสูงตามเกณฑ์อายุ",
             "น้ำหนักตามเกณฑ์ส่วนสูง", "ค่อนข้างเตี้ย", "สมส่วน", "ค่อนข้างน้อย", "นอนวัด", "ยืนวัด", "-1.77"]
    missing = [w for w in words if squeeze(w) not in text]
    assert missing == [], (reader, missing)


def test_the_curves_and_points_are_drawn_in_the_plot(printed: Path, tmp_path: Path) -> None:
    require_tool("pdftoppm", "apt-get install poppler-utils")
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(printed), str(tmp_path / "p")],
                   check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = image.size
    px = image.load()
    assert px is not None
    seen = {"green": 0, "red": 0, "blue": 0}
    for y in range(h):
        for x in range(w):
            r, g, b = px[x, y]
            if g > 110 and r < 80 and b < 90:
                seen["green"] += 1  # the median
            elif r > 170 and g < 60 and b < 60:
                seen["red"] += 1  # ±2 SD
            elif b > 150 and r < 60 and g < 110:
                seen["blue"] += 1  # the child's points
    assert all(n > 50 for n in seen.values()), seen


def test_the_chart_is_thai_whatever_the_screen_says(tmp_path: Path) -> None:
    from desktop import i18n

    i18n.set_language("en")
    try:
        pdf, _pages = growth_pdf(child(), office="office", printed=date(2026, 12, 1))
    finally:
        i18n.set_language("th")
    out = tmp_path / "en.pdf"
    out.write_bytes(pdf)
    text = squeeze("".join(read_pages("pdfium", out)))
    assert squeeze("ค่อนข้างเตี้ย") in text and "Stunted" not in text and "Weight-for-age" not in text


def test_the_chart_as_a_picture_for_the_window() -> None:
    import io

    png = growth_png(child(), office="เทศบาลตำบลทดสอบ", dpi=72, printed=date(2026, 12, 1))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert abs(image.size[0] - 595) <= 1 and abs(image.size[1] - 842) <= 1  # A4 at 72 dpi
    colours = {image.getpixel((x, y)) for x in range(0, 595, 3) for y in range(100, 700, 3)}
    assert any(g > 110 and r < 80 and b < 90 for r, g, b in colours)  # WHO's median in green
