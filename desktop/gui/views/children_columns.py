"""The children list's columns fitted to the window, so that it never scrolls sideways.

Each column is as wide as the widest text it shows (a long Thai name, a date, an age, a
class), measured in the table's font; the school takes what is left, elided in the middle
("ศูนย์พัฒนา…บ้านหนองบัว": a common prefix stays apart) with the whole name as tooltip.
When that leaves the school too little (a 1024×600 netbook), the list narrows step by
step: the prefix is written short (ด.ช./ด.ญ.; the whole name is the tooltip), the row
numbers go (the count is below the list), then the sex column (the prefix says it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

from desktop.domain.dates import format_age, format_be
from desktop.domain.identity import format_national_id
from desktop.domain.levels import LEVELS
from desktop.domain.people import full_name
from desktop.gui.models.children_model import COLUMNS, SHORT_PREFIXES, ChildrenTableModel

IDENT, NAME, SEX, BIRTH, AGE, SCHOOL, LEVEL, ROOM = range(len(COLUMNS))
CELL_PADDING = 10  # the text's margins and the grid line
HEADER_PADDING = 22  # the header's margins and its sort arrow
SCHOOL_WIDE = 180  # the school's width before the list narrows
SCHOOL_MIN = 110
# a long name (wider than 99 in 100 of a demo registry's); a longer one is elided in the
# middle, its prefix and the end of its surname kept
LONG_NAME = ("เด็กหญิง", "นันทิชา", "อินทร์ประเสริฐ")


class ChildrenColumns(QObject):
    """Sets the widths of ``table``'s columns each time its viewport is resized."""

    def __init__(self, table: QTableView, model: ChildrenTableModel) -> None:
        super().__init__(table)
        self.table = table
        self.model = model
        self.narrowing = 0  # 0 wide, 1 short prefix, 2 no row numbers, 3 no sex column
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _samples(self, short: bool) -> dict[int, list[str]]:
        prefix = SHORT_PREFIXES[LONG_NAME[0]] if short else LONG_NAME[0]
        return {
            IDENT: [format_national_id("3571248756649"), self.model.tr("(ไม่มีเลข)")],
            NAME: [full_name(prefix, *LONG_NAME[1:])],
            SEX: [self.model.tr("ชาย"), self.model.tr("หญิง")],
            BIRTH: [format_be(date(2019, m, 27)) for m in range(1, 13)],
            AGE: [format_age(15, 10), format_age(5, 11)],
            LEVEL: [level.display_label for level in LEVELS],
            ROOM: ["10/12"],
        }

    def widths(self, short: bool) -> dict[int, int]:
        """The width of every column but the school's, for its widest text and its header."""
        cells = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        out: dict[int, int] = {}
        for column, texts in self._samples(short).items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            out[column] = max(max(cells.horizontalAdvance(t) for t in texts) + CELL_PADDING,
                              header.horizontalAdvance(title) + HEADER_PADDING)
        return out

    def fit(self) -> None:
        table = self.table
        rows = table.verticalHeader()
        # isHidden, not isVisible: a page not shown yet is fitted too (nothing of it is visible)
        room = table.viewport().width() + (0 if rows.isHidden() else rows.width())
        row_numbers = rows.sizeHint().width()
        wide, short = self.widths(False), self.widths(True)
        steps = (  # what each narrowing step leaves for the school
            room - row_numbers - sum(wide.values()),
            room - row_numbers - sum(short.values()),
            room - sum(short.values()),
            room - sum(short.values()) + short[SEX],
        )
        step = next((i for i, school in enumerate(steps) if school >= SCHOOL_WIDE), None)
        if step is None:
            step = next((i for i, school in enumerate(steps) if school >= SCHOOL_MIN), len(steps) - 1)
        self.narrowing = step
        self.model.set_short_prefix(step >= 1)
        rows.setVisible(step < 2)
        table.setColumnHidden(SEX, step >= 3)
        widths = wide if step == 0 else short
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        table.setColumnWidth(SCHOOL, max(SCHOOL_MIN, steps[step]))

