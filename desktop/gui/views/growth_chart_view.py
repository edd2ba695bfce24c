"""A WHO growth chart on screen (issue 12): the −3 … +3 SD curves by sex and the child's
points, painted with QPainter from the numbers reports/growth_chart.chart_series gives
(the printed chart draws the same series), so it fits any window size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# WHO's charts: 0 green, ±1 amber, ±2 red, ±3 black (as the printed chart)
LINE_COLOURS = {0: QColor(26, 140, 51), 1: QColor(217, 153, 26), 2: QColor(204, 26, 26), 3: QColor(38, 38, 38)}
LINE_WIDTHS = {0: 2.0, 1: 1.0, 2: 1.5, 3: 1.5}
POINT_COLOUR = QColor(13, 64, 191)


class GrowthChartWidget(QWidget):
    """One chart: ``show_series(series, title)``; ``series`` None shows ``empty_text``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("growthChart")
        self.series: Any = None
        self.title = ""
        self.x_label = ""
        self.y_label = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(640, 400)

    def show_series(self, series: Any, title: str, x_label: str, y_label: str) -> None:
        self.series, self.title, self.x_label, self.y_label = series, title, x_label, y_label
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = p.fontMetrics()
        line = fm.height()
        p.setPen(QColor("black"))
        bold = p.font()
        bold.setBold(True)
        p.save()
        p.setFont(bold)
        p.drawText(QRectF(8, 4, self.width() - 16, line + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        p.restore()
        s = self.series
        if s is None:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        left = 14 + fm.horizontalAdvance("000")
        right = self.width() - 14 - fm.horizontalAdvance("+3")
        top = 10 + line * 2
        bottom = self.height() - 10 - line * 2
        if right - left < 40 or bottom - top < 40:
            return
        (x0, x1), (y0, y1) = s.x_range, s.y_range

        def px(v: float) -> float:
            return float(left + (v - x0) / (x1 - x0) * (right - left))

        def py(v: float) -> float:
            return float(bottom - (v - y0) / (y1 - y0) * (bottom - top))

        x_step = 6.0 if s.x_range == (0.0, 60.0) else 5.0
        y_step = 10.0 if (y1 - y0) > 40 else 2.0
        grid = QPen(QColor(215, 215, 215), 1)
        v = x0
        while v <= x1 + 1e-9:
            p.setPen(grid)
            p.drawLine(QPointF(px(v), top), QPointF(px(v), bottom))
            p.setPen(QColor("black"))
            p.drawText(QRectF(px(v) - 20, bottom + 2, 40, line), Qt.AlignmentFlag.AlignHCenter, f"{v:g}")
            v += x_step
        v = y0
        while v <= y1 + 1e-9:
            p.setPen(grid)
            p.drawLine(QPointF(left, py(v)), QPointF(right, py(v)))
            p.setPen(QColor("black"))
            p.drawText(QRectF(0, py(v) - line / 2, left - 4, line),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:g}")
            v += y_step
        p.setPen(QPen(QColor("black"), 1))
        p.drawRect(QRectF(left, top, right - left, bottom - top))
        for z, ys in sorted(s.lines.items()):
            path = QPainterPath()
            started = False
            last_y = None
            for xv, yv in zip(s.x, ys, strict=True):
                if not (y0 <= yv <= y1 and x0 <= xv <= x1):
                    continue
                point = QPointF(px(xv), py(yv))
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    started = True
                last_y = yv
            p.setPen(QPen(LINE_COLOURS[abs(z)], LINE_WIDTHS[abs(z)]))
            p.drawPath(path)
            if last_y is not None:
                p.drawText(QRectF(right + 3, py(last_y) - line / 2, 40, line), Qt.AlignmentFlag.AlignVCenter,
                           f"{z:+d}" if z else "0")
        points = [QPointF(px(a), py(b)) for a, b in s.points]
        if points:
            p.setPen(QPen(POINT_COLOUR, 1.5))
            for a, b in zip(points, points[1:], strict=False):
                p.drawLine(a, b)
            p.setBrush(POINT_COLOUR)
            for point in points:
                p.drawEllipse(point, 4, 4)
        p.setPen(QColor("black"))
        p.drawText(QRectF(left, bottom + line + 2, right - left, line), Qt.AlignmentFlag.AlignHCenter, self.x_label)
        p.drawText(QRectF(left, top - line - 2, right - left, line), Qt.AlignmentFlag.AlignLeft, self.y_label)
