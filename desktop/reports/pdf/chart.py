"""A horizontal bar chart: bars and value axis from reportlab.graphics, Thai category
labels and bar values drawn with the shaped-text painter (reportlab's chart labels are
plain ``drawString``: unshaped, so tone marks would collide)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from desktop.reports.pdf.document import ASCENT, LEADING, Painter, Piece
from desktop.reports.pdf.fonts import BOLD, REGULAR
from desktop.reports.pdf.thai_text import fit

BAR_COLOR = colors.HexColor("#3a6ea5")


class BarChart(Piece):
    """``labels[i]`` with a bar of ``values[i]``; first label at the top."""

    __slots__ = ("band", "label_size", "labels", "title", "top", "values")

    def __init__(self, title: str, labels: Sequence[str], values: Sequence[int], *,
                 band: float = 20, label_size: float = 9.5, top: int | None = None) -> None:
        self.title, self.labels, self.values = title, tuple(labels), tuple(values)
        self.band, self.label_size = band, label_size
        self.top = max(values, default=0) if top is None else top  # the scale's top value
        super().__init__(self._top_space() + band * max(1, len(labels)) + 24)

    def _top_space(self) -> float:
        return 12 * LEADING + 6

    def draw(self, p: Painter, x: float, top: float, width: float) -> None:
        p.draw(x, top - ASCENT * 12, self.title, BOLD, 12)
        n = max(1, len(self.labels))
        label_w = width * 0.36
        plot_top = top - self._top_space()
        plot_h = self.band * n
        plot_w = width - label_w - 40
        drawing = Drawing(width, plot_h + 20)
        # reportlab's renderer starts every drawing by selecting its default font
        # (Helvetica, which is not embedded): start it with the embedded Sarabun instead
        drawing.initialFontName, drawing.initialFontSize = REGULAR, 8
        chart = HorizontalBarChart()
        chart.x, chart.y, chart.width, chart.height = label_w, 20, plot_w, plot_h
        chart.data = [list(self.values) or [0]]
        chart.bars[0].fillColor = BAR_COLOR
        chart.bars[0].strokeColor = None
        chart.barSpacing, chart.groupSpacing = 0, self.band * 0.25
        chart.categoryAxis.categoryNames = [""] * n  # labels are drawn below, shaped
        chart.categoryAxis.visibleLabels = False
        chart.categoryAxis.labels.fontName = REGULAR
        chart.categoryAxis.reverseDirection = 1  # first category at the top
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max(5, int(self.top * 1.1) + 1)
        chart.valueAxis.labels.fontName = REGULAR  # digits only: extract as themselves
        chart.valueAxis.labels.fontSize = 8
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
        drawing.add(chart)
        bottom = plot_top - plot_h - 20
        renderPDF.draw(drawing, p.canvas, x, bottom)
        scale = plot_w / chart.valueAxis.valueMax
        size = self.label_size
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            mid = plot_top - (i + 0.5) * self.band
            fitted = fit(label, REGULAR, size, label_w - 6, min_size=7)
            lines = fitted.lines[:2]
            # centre the label lines on the bar
            y = mid + (len(lines) - 1) * LEADING * fitted.size / 2 - 0.35 * fitted.size
            for line in lines:
                p.draw(x + label_w - 6, y, line, REGULAR, fitted.size, "right")
                y -= LEADING * fitted.size
            p.draw(x + label_w + value * scale + 3, mid - 0.35 * size, f"{value:,}", REGULAR,
                   size)
