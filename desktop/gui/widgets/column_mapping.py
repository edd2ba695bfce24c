"""The columns' mapping step of a spreadsheet import, on a QTableWidget: a row a column of
the file (its header, an example value, a choice of what it holds). The registry import
(views/import_dialog.py, on its form's table) and the case-list import
(views/case_import_view.py) both map columns through it, each with its own choices.

    mapping = ColumnMapping(table)
    mapping.fill(headers, rows, [(label, key), ...], suggested, undecided=id_like_columns)
    mapping.mapping()          # {column index: key} of the columns mapped
    mapping.undecided()        # columns of national IDs not yet decided (asked, never skipped unasked)
    mapping.ignored_columns()  # the columns the clerk left out
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

SKIP = ""  # the choice "not imported"
UNDECIDED = "?"  # a column of national IDs the clerk has not yet mapped or said not to import
SAMPLE_ROWS = 50  # the example: the first value in the file's first rows


class ColumnMapping(QObject):
    changed = Signal()  # a choice changed

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.setObjectName("columnMapping")
        self.table = table
        table.setColumnCount(3)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def fill(self, headers: Sequence[str], rows: Sequence[Sequence[str]], choices: Sequence[tuple[str, str]],
             mapping: Mapping[int, str], *, undecided: Collection[int] = ()) -> None:
        """A row a column: its header, an example, and its choice (``mapping``'s key, "not
        imported", or for a column in ``undecided`` a choice the clerk must make)."""
        table = self.table
        table.setRowCount(len(headers))
        for i, header in enumerate(headers):
            sample = next((row[i] for row in rows[:SAMPLE_ROWS] if i < len(row) and row[i]), "")
            name = QTableWidgetItem(header or self.tr("(ไม่มีหัวคอลัมน์)"))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            example = QTableWidgetItem(sample)
            example.setFlags(example.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(i, 0, name)
            table.setItem(i, 1, example)
            combo = QComboBox(table)
            if i in undecided:
                combo.addItem(self.tr("— โปรดเลือก: มีเลขประจำตัวประชาชน —"), UNDECIDED)
            combo.addItem(self.tr("— ไม่นำเข้า —"), SKIP)
            for label, key in choices:
                combo.addItem(label, key)
            found = combo.findData(mapping.get(i, UNDECIDED if i in undecided else SKIP))
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            table.setCellWidget(i, 2, combo)

    def choices(self) -> list[str]:
        out = []
        for i in range(self.table.rowCount()):
            combo = self.table.cellWidget(i, 2)
            out.append(combo.currentData() if isinstance(combo, QComboBox) else SKIP)
        return out

    def mapping(self) -> dict[int, str]:
        return {i: key for i, key in enumerate(self.choices()) if key and key != UNDECIDED}

    def undecided(self) -> list[int]:
        """Columns of national IDs the clerk has neither mapped nor said not to import."""
        return [i for i, key in enumerate(self.choices()) if key == UNDECIDED]

    def ignored_columns(self) -> set[int]:
        """Every column not mapped: the clerk saw each one on this step."""
        return {i for i, key in enumerate(self.choices()) if not key}

    def set_mapping(self, column: int, key: str) -> None:
        combo = self.table.cellWidget(column, 2)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(combo.findData(key), 0))
