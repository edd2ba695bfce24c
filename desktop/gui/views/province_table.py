"""The province's pages of figures "one row a municipality" (คัดกรองและทุน, ศูนย์พัฒนาเด็กเล็ก,
กรณีเด็กนอกระบบ): the part they share, so that each page says only its columns, its data and
its documents. A title; a bar (the page's own pickers, then the search: a municipality's or
its rows' names, Ctrl+F); a tree a municipality a row (its schools, centres or breakdown
under it), sortable by any column (a click on its header: numbers as numbers, the province's
total row, when there is one, stays last); the province's total and a summary under it;
print (PDF, Ctrl+P) and export (Excel/CSV) through gui/documents.py. A user without the
province's roles is told, not shown figures. No figures are computed here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CODE_ROLE = Qt.ItemDataRole.UserRole  # the municipality's code ("" the province's total)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 2


class FigureItem(QTreeWidgetItem):
    """A row sorted by its values (numbers as numbers); the total row last either way."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        descending = tree is not None and tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        mine_total, theirs_total = bool(self.data(0, TOTAL_ROLE)), bool(other.data(0, TOTAL_ROLE))
        if mine_total != theirs_total:  # Qt flips the answer for a descending sort: flip it first
            return theirs_total != descending
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return bool(mine < theirs)


def _t(text: str) -> str:
    return QCoreApplication.translate("ProvinceTablePage", text)


@dataclass(frozen=True)
class PageWords:
    """What a page says (its own ``self.tr``: PySide looks a text up under the page's class)."""

    name: str  # the object name
    title: str
    search_hint: str
    headers: Sequence[str]  # the first: the rows' names; the rest: figures
    tips: Sequence[str]  # the headers' tooltips ("" none)
    print_tip: str


class ProvinceTablePage(QWidget):
    """The base of a province page of figures; a page says its ``words()``, adds its pickers
    in ``add_pickers()``, and fills the tree with ``row()`` items in ``fill()``."""

    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        words = self.words()
        self.setObjectName(words.name)
        self.ctx = ctx
        self.data: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel(words.title, self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.bar = QHBoxLayout()
        self.add_pickers(self.bar)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(words.search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_search)
        self.bar.addWidget(self.search, 1)
        layout.addLayout(self.bar)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("figuresTree")
        self.tree.setColumnCount(len(words.headers))
        self.tree.setHeaderLabels(list(words.headers))
        header = self.tree.headerItem()
        for column, tip in enumerate(words.tips):
            if tip and header is not None:
                header.setToolTip(column, tip)
            if column and header is not None:
                header.setTextAlignment(column, RIGHT)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # the numbers' columns as wide as their text (ResizeToContents would keep room for a sort
        # arrow in each: the names would not show at 1024 wide); the names take the rest
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        layout.addWidget(self.tree, 1)

        self.total = QLabel(self)
        self.total.setObjectName("totalLabel")
        self.total.setWordWrap(True)
        bold = QFont(self.total.font())
        bold.setBold(True)
        self.total.setFont(bold)
        layout.addWidget(self.total)
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(_t("พิมพ์ (PDF)"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(words.print_tip)
        self.print_button.clicked.connect(self.print_figures)
        self.export_button = QPushButton(_t("ส่งออก Excel/CSV"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.export_figures())
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.documents = Documents(ctx, self, self.status_message.emit)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_figures)

    # -- what a page says -------------------------------------------------------------
    def words(self) -> PageWords:
        raise NotImplementedError

    def add_pickers(self, bar: QHBoxLayout) -> None:
        """The page's own pickers, before the search (none by default)."""

    def refresh(self) -> None:
        raise NotImplementedError

    def fill(self) -> None:
        """The tree from ``self.data`` (rows by ``row()``), the total and the summary."""
        raise NotImplementedError

    def print_figures(self) -> None:
        raise NotImplementedError

    def export_figures(self, path: Any = None) -> None:
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def add_term_picker(self, bar: QHBoxLayout, tip: str) -> None:
        """A term picker (the latest first): ``self.term``; a change calls ``term_changed``."""
        label = QLabel(_t("ภาคเรียน"), self)
        bar.addWidget(label)
        self.term = QComboBox(self)
        self.term.setObjectName("termCombo")
        self.term.setToolTip(tip)
        label.setBuddy(self.term)
        self.term.currentIndexChanged.connect(self.term_changed)
        bar.addWidget(self.term)

    def term_changed(self) -> None:
        """The picked term changed (a page with a term picker says what follows)."""

    def chosen_term(self) -> tuple[int, int] | None:
        value = self.term.currentData()
        return (int(value[0]), int(value[1])) if value else None

    def set_terms(self, terms: Sequence[tuple[int, int]], chosen: tuple[int, int] | None) -> None:
        """The picker's terms (``(year_be, number)``), ``chosen`` picked, quietly."""
        self.term.blockSignals(True)
        self.term.clear()
        for year_be, number in terms:
            self.term.addItem(f"{number}/{year_be}", (year_be, number))
        if chosen is not None and chosen in terms:
            self.term.setCurrentIndex(list(terms).index(chosen))
        self.term.blockSignals(False)

    def not_permitted(self) -> None:
        """A user without the province's roles: said, not a fault."""
        self.data = None
        self.tree.clear()
        self.total.clear()
        self.summary.setText(_t("หน้านี้สำหรับเจ้าหน้าที่จังหวัด: ผู้ใช้นี้ไม่มีบทบาทที่ดูรายการนี้ได้"))
        self.update_buttons()

    def row(self, label: str, texts: Sequence[str], sort_values: Sequence[Any], code: str, *, bold: bool = False,
            total: bool = False, order: str | None = None) -> QTreeWidgetItem:
        """A row: its name, then its figures as shown (right-aligned) and as sorted;
        ``order``: what the name's column sorts it by (default: the name)."""
        item = FigureItem([label, *texts])
        item.setData(0, CODE_ROLE, code)
        item.setData(0, SORT_ROLE, label if order is None else order)
        item.setData(0, TOTAL_ROLE, total)
        for column, value in enumerate(sort_values, start=1):
            item.setData(column, SORT_ROLE, value)
        item.setToolTip(0, label)
        for column in range(1, len(texts) + 1):
            item.setTextAlignment(column, RIGHT)
        if bold:
            font = QFont(item.font(0))
            font.setBold(True)
            for column in range(len(texts) + 1):
                item.setFont(column, font)
        return item

    def show_rows(self, tops: Sequence[QTreeWidgetItem]) -> None:
        """The tree anew from ``tops`` (their rows under them, expanded), sorted as it was."""
        self.tree.clear()
        self.tree.setSortingEnabled(False)
        for top in tops:
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.setSortingEnabled(True)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        item = self.tree.headerItem()
        for column in range(1, self.tree.columnCount()):
            texts = item.text(column).split("\n") if item is not None else []
            width = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            for i in range(self.tree.topLevelItemCount()):
                top = self.tree.topLevelItem(i)
                if top is None:
                    continue
                width = max(width, wide.horizontalAdvance(top.text(column)))
                for j in range(top.childCount()):
                    child = top.child(j)
                    if child is not None:
                        width = max(width, metrics.horizontalAdvance(child.text(column)))
            header.resizeSection(column, width + 18)  # and the sort arrow's room

    def apply_search(self) -> None:
        words = self.search.text().strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None or top.data(0, TOTAL_ROLE):
                continue  # the total stays
            children = [top.child(j) for j in range(top.childCount())]
            names = [top.text(0).lower()] + [c.text(0).lower() for c in children if c is not None]
            top.setHidden(bool(words) and not any(words in n for n in names))
        self.update_buttons()

    def update_buttons(self) -> None:
        for b in (self.print_button, self.export_button):
            b.setEnabled(self.data is not None)
