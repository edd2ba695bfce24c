"""A child's growth chart (an official document: Thai by design, built under
``pinned("th")``, so the domain's labels come out Thai whatever the screen says): WHO's −3 … +3 SD curves by sex (domain/growth_tables.curves)
with the child's measurements on them, and the measurements' table with z-scores and the
Thai categories. Plain data in, pieces and PDF bytes out (no database, no Qt).

    pdf, pages = growth_pdf(ChildGrowth(name, sex, birth, [assess(m) ...]), office="...")
    png = growth_png(child, office="...")   # the chart page as a picture, for the window

The window can draw the same curves from ``chart_series`` (numbers only, no reportlab), or
show ``growth_png`` (the printed page's pixels, drawn by PDFium as the report preview is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.growth import METHOD_LABELS, Assessment, expected_method
from desktop.domain.growth_categories import INDICATOR_LABELS, Indicator
from desktop.domain.growth_tables import LENGTH_UNTIL_DAY, Table, curves
from desktop.domain.people import SEX_LABELS, Sex
from desktop.i18n import _, pinned
from desktop.reports.pdf.document import Layout, Painter, Piece, Spacer, heading, paragraph, render
from desktop.reports.pdf.fonts import BOLD, REGULAR
from desktop.reports.pdf.shaping import pdf_number
from desktop.reports.pdf.table import Column, simple_table

DAYS_PER_MONTH = 365.25 / 12
# line colours (RGB 0-1) and widths by z: WHO's charts draw 0 green, ±2 red, ±3 black
_STYLE = {0: ((0.10, 0.55, 0.20), 1.2), 1: ((0.85, 0.60, 0.10), 0.6), 2: ((0.80, 0.10, 0.10), 0.9),
          3: ((0.15, 0.15, 0.15), 0.9)}
POINT = (0.05, 0.25, 0.75)


@dataclass(frozen=True)
class ChildGrowth:
    name: str
    sex: Sex
    birth: date
    measurements: Sequence[Assessment]  # oldest first
    centre: str = ""


@dataclass(frozen=True)
class Series:
    """One chart as numbers: x (months, or cm for weight-for-height), WHO's lines by z, the
    child's points and the axes' ranges."""

    indicator: Indicator
    table: Table
    x_label: str
    y_label: str
    x: list[float]
    lines: dict[int, list[float]]
    points: list[tuple[float, float]]
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def _nice_range(low: float, high: float, step: float) -> tuple[float, float]:
    return (step * (low // step), step * -(-high // step))


def chart_series(indicator: Indicator, sex: Sex, birth: date, measurements: Sequence[Assessment]) -> Series:
    """The curves and points of one chart (weight-for-age, height-for-age or
    weight-for-length/height; the last by the latest measurement's age)."""
    ms = [a for a in measurements if a.z.get(indicator) is not None]
    if indicator is Indicator.WFH:
        lying = bool(ms) and ms[-1].measurement.age_days <= LENGTH_UNTIL_DAY
        table = Table.WFL if lying else Table.WFH
        ms = [a for a in ms if (a.measurement.age_days <= LENGTH_UNTIL_DAY) == lying]
        first, last = (45.0, 110.0) if lying else (65.0, 120.0)
        c = curves(table, sex, first=first, last=last, step=5)
        x = [float(v) for v in c.x]
        pts = [(float(a.height_used_cm or 0), float(a.measurement.weight_kg or 0)) for a in ms]
        x_label = "ความยาว (ซม.)" if lying else "ส่วนสูง (ซม.)"
        y_label = "น้ำหนัก (กก.)"
        x_range = (first, last)
    else:
        table = Table.WFA if indicator is Indicator.WFA else Table.LHFA
        c = curves(table, sex, step=7)
        x = [float(v) / DAYS_PER_MONTH for v in c.x]
        weight = indicator is Indicator.WFA
        pts = [(a.measurement.age_days / DAYS_PER_MONTH,
                float((a.measurement.weight_kg if weight else a.height_used_cm) or 0)) for a in ms]
        x_label = "อายุ (เดือน)"
        y_label = "น้ำหนัก (กก.)" if indicator is Indicator.WFA else "ส่วนสูง (ซม.)"
        x_range = (0.0, 60.0)
    lines = {z: [float(v) for v in c.lines[z]] for z in c.lines}
    ys = [v for line in lines.values() for v in line] + [p[1] for p in pts]
    step = 2.0 if indicator is not Indicator.HFA else 10.0
    return Series(indicator, table, x_label, y_label, x, lines, pts, x_range, _nice_range(min(ys), max(ys), step))


class GrowthChart(Piece):
    """One WHO chart with the child's points, drawn with raw PDF paths (no reportlab
    chart labels: Thai goes through the shaped painter)."""

    __slots__ = ("series", "title")

    def __init__(self, series: Series, title: str, height: float = 222) -> None:
        super().__init__(height)
        self.series, self.title = series, title

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        s = self.series
        p.draw(x, top - 11, self.title, BOLD, 11)
        left, right = x + 34, x + width - 22
        upper, lower = top - 32, top - self.height + 24
        (x0, x1), (y0, y1) = s.x_range, s.y_range

        def px(v: float) -> float:
            return left + (v - x0) / (x1 - x0) * (right - left)

        def py(v: float) -> float:
            return lower + (v - y0) / (y1 - y0) * (upper - lower)

        x_step = 6.0 if s.table in (Table.WFA, Table.LHFA) else 5.0
        y_step = 10.0 if s.indicator is Indicator.HFA else 2.0
        v = x0
        while v <= x1 + 1e-9:
            p.ops(f"q 0.3 w 0.85 G {pdf_number(px(v))} {pdf_number(lower)} m {pdf_number(px(v))} {pdf_number(upper)} l S Q")
            p.draw(px(v), lower - 10, f"{v:g}", REGULAR, 7.5, "center")
            v += x_step
        v = y0
        while v <= y1 + 1e-9:
            p.ops(f"q 0.3 w 0.85 G {pdf_number(left)} {pdf_number(py(v))} m {pdf_number(right)} {pdf_number(py(v))} l S Q")
            p.draw(left - 3, py(v) - 2.5, f"{v:g}", REGULAR, 7.5, "right")
            v += y_step
        p.ops(f"q 0.8 w 0 G {pdf_number(left)} {pdf_number(lower)} {pdf_number(right - left)} {pdf_number(upper - lower)} re S Q")
        for z, ys in sorted(s.lines.items()):
            (r, g, b), w = _STYLE[abs(z)]
            path = [f"{pdf_number(px(xv))} {pdf_number(py(yv))}" for xv, yv in zip(s.x, ys, strict=True) if y0 <= yv <= y1]
            if len(path) > 1:
                p.ops(f"q {pdf_number(w)} w {pdf_number(r)} {pdf_number(g)} {pdf_number(b)} RG {path[0]} m "
                      + " ".join(f"{pt} l" for pt in path[1:]) + " S Q")
                last_y = next((yv for yv in reversed(ys) if y0 <= yv <= y1), None)
                if last_y is not None:
                    p.draw(right + 2, py(last_y) - 2.5, f"{z:+d}" if z else "0", REGULAR, 7, "left")
        if s.points:
            r, g, b = POINT
            pts = [(px(a), py(c)) for a, c in s.points]
            if len(pts) > 1:
                p.ops(f"q 0.8 w {pdf_number(r)} {pdf_number(g)} {pdf_number(b)} RG {pdf_number(pts[0][0])} {pdf_number(pts[0][1])} m "
                      + " ".join(f"{pdf_number(a)} {pdf_number(c)} l" for a, c in pts[1:]) + " S Q")
            p.canvas.setFillColorRGB(r, g, b)
            for a, c in pts:
                p.canvas.circle(a, c, 2.2, stroke=0, fill=1)
            p.canvas.setFillColorRGB(0, 0, 0)
        p.draw((left + right) / 2, lower - 20, s.x_label, REGULAR, 8.5, "center")
        p.draw(x, upper + 5, s.y_label, REGULAR, 8.5, "left")


def _z(a: Assessment, ind: Indicator) -> str:
    v = a.z.get(ind)
    return "-" if v is None else f"{v:+.2f}"


def growth_pieces(child: ChildGrowth, width: float) -> list[Piece]:
    """The child's line, three charts, and the table of measurements."""
    pieces: list[Piece] = paragraph(
        f"{child.name} · {_(SEX_LABELS[child.sex])} · เกิด {format_be(child.birth)}"
        + (f" · {child.centre}" if child.centre else ""), width, size=11)
    for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH):
        series = chart_series(ind, child.sex, child.birth, child.measurements)
        title = f"{_(INDICATOR_LABELS[ind])} (เกณฑ์ WHO 2006 เส้น -3 ถึง +3 SD)"
        pieces += [Spacer(6), GrowthChart(series, title)]
    pieces += heading("ผลการชั่งน้ำหนักและวัดส่วนสูง", width, size=11.5)
    rows = []
    for a in child.measurements:
        m = a.measurement
        years, months = age_on(m.birth, m.measured_on)
        method = m.method or expected_method(m.age_days)
        cats = " / ".join(c for c in (a.category_label(i) for i in (Indicator.WFA, Indicator.HFA, Indicator.WFH)) if c)
        rows.append((format_be(m.measured_on), format_age(years, months),
                     "-" if m.weight_kg is None else f"{m.weight_kg:g}",
                     "-" if m.height_cm is None else f"{m.height_cm:g} ({_(METHOD_LABELS[method])})",
                     _z(a, Indicator.WFA), _z(a, Indicator.HFA), _z(a, Indicator.WFH), cats or "-"))
    pieces += simple_table((Column("วันที่", 66), Column("อายุ", 62), Column("น้ำหนัก กก.", 40, "right"),
                            Column("ส่วนสูง ซม.", 66), Column("W/A", 34, "right"), Column("H/A", 34, "right"),
                            Column("W/H", 34, "right"), Column("การแปลผล", 187)), rows, width, size=9)
    pieces += paragraph("z-score ตามมาตรฐานการเจริญเติบโตของเด็กองค์การอนามัยโลก (WHO 2006) "
                        "แปลผลตามเกณฑ์ของกรมอนามัย: W/A น้ำหนักตามเกณฑ์อายุ H/A ส่วนสูงตามเกณฑ์อายุ "
                        "W/H น้ำหนักตามเกณฑ์ส่วนสูง", width, size=9)
    return pieces


TITLE = "กราฟการเจริญเติบโตของเด็ก"


def growth_pdf(child: ChildGrowth, *, office: str, printed: date | None = None) -> tuple[bytes, int]:
    """The chart document (Thai whatever the screen's language): PDF bytes and pages."""
    with pinned("th"):
        layout = Layout(office=office, title=TITLE, subtitle=child.name, printed=printed or date.today())
        return render(layout, growth_pieces(child, layout.frame_w))


def growth_png(child: ChildGrowth, *, office: str, dpi: int = 96, page: int = 0,
               printed: date | None = None) -> bytes:
    """One page of the chart document as PNG bytes (PDFium draws it: the same pixels as the
    print preview, Thai shaping included)."""
    import io

    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf_bytes, _pages = growth_pdf(child, office=office, printed=printed)
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        image = doc[page].render(scale=dpi / 72).to_pil()
    finally:
        doc.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
