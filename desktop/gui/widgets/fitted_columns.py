"""Tables whose short, bounded columns (a date, a 13-digit ID, a status) are as wide as
their content and whose free text takes the rest, eliding at the right (issue 13: the
cases list at 1024x600 read "เด็กชา...ญญาสุข", "10451...82649").

``CompactHeader`` keeps the room of the sort arrow for the sorted column only: Qt's own
header adds it to every column that is sized by its content (some 30 px each, a whole
column's worth on a netbook), where the styles we ship (Fusion, Windows) draw the arrow
above the text anyway."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

PADDING = 2  # between one fitted column's text and the next one's


class CompactHeader(QHeaderView):
    """A horizontal header that sizes an unsorted section by its text alone; a column of
    bounded values may be given the width of the widest (``least``), so that it neither
    elides it nor changes width as the rows change (a status, a date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.least: dict[int, int] = {}
        self.padding = PADDING

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N802, N803 - Qt's names
        size = super().sectionSizeFromContents(logicalIndex)
        if self.isSortIndicatorShown() and logicalIndex != self.sortIndicatorSection():
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, QStyleOptionHeader(), self)
            size.setWidth(max(size.width() - size.height() - margin, 0))
        size.setWidth(max(size.width(), self.least.get(logicalIndex, 0)) + self.padding)
        return size


def fit_columns(view: QTableView, fitted: Iterable[int], stretched: Iterable[int] | None = None) -> None:
    """The ``fitted`` columns as wide as their content (and header), the ``stretched`` ones
    (all the others when None) sharing the rest; text that still does not fit elides at
    the right, its whole in the cell's tooltip (the model's or fill_table's)."""
    header = view.horizontalHeader()
    fitted = set(fitted)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    for column in range(header.count()):
        if column in fitted:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        elif stretched is None or column in stretched:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def compact_header(view: QAbstractItemView) -> CompactHeader:
    """The view's horizontal header replaced by a CompactHeader (before its model is set
    or after: Qt hands the model on)."""
    if not isinstance(view, QTableView):
        raise TypeError(view)
    header = CompactHeader(view)
    view.setHorizontalHeader(header)
    return header


def cell_room(view: QTableView, text: str) -> int:
    """The width a cell needs to show ``text`` whole: the text and the item's margins
    (the delegate's focus frame on each side) and the grid line."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin + (1 if view.showGrid() else 0)
