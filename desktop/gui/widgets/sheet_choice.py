"""The sheet and the header row a file is read from, for the clerk to choose when the reader's
own choice is wrong: a cover sheet in front of the list, the list on a hidden sheet, a title
taken for the header. The list imports use it (the case list's window; the registry import's
file page has the same two fields in its .ui)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

MAX_HEADER_ROW = 1000


class SheetChoice(QWidget):
    """แผ่นงาน [sheets, the hidden ones said] แถวหัวตาราง [n]; ``chosen`` says the file must
    be read again so (the sheet's name, or None for the reader's own choice; the header
    row, or None to find it)."""

    chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        sheet_label = self.sheet_label = QLabel(self.tr("แผ่นงาน"), self)
        row.addWidget(sheet_label)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setMinimumContentsLength(12)
        sheet_label.setBuddy(self.sheet_combo)
        row.addWidget(self.sheet_combo, 2)
        header_label = QLabel(self.tr("แถวหัวตาราง"), self)
        row.addWidget(header_label)
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("headerRowSpin")
        self.header_spin.setRange(1, MAX_HEADER_ROW)
        self.header_spin.setKeyboardTracking(False)  # typed "12": read once, not at "1" then "12"
        header_label.setBuddy(self.header_spin)
        row.addWidget(self.header_spin)
        row.addStretch(1)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.header_spin.valueChanged.connect(self._header_chosen)
        self._shown_header = 0
        self.hide()  # until a file is read (or cannot be, and has sheets to choose from)

    def _names(self, names: list[str], hidden: set[str], current: str) -> None:
        combo = self.sheet_combo
        combo.clear()
        for name in names:
            combo.addItem(name + (self.tr(" (ซ่อนอยู่)") if name in hidden else ""), name)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else -1)
        combo.setEnabled(len(names) > 1 or not current)
        for part in (self.sheet_label, combo):  # a CSV or a web page's table has no sheets
            part.setVisible(bool(names))

    def show_sheet(self, data: Any) -> None:
        """The file as read (reports.sheets.SheetData): its sheets and the header row used."""
        self._names(list(data.sheet_names), set(data.hidden_sheets), data.sheet)
        self._set_header(int(data.header_row))
        self.header_spin.setEnabled(True)
        self.show()

    def show_names(self, names: list[str]) -> None:
        """The file could not be read as it is: its sheets to choose from (none chosen)."""
        if not names:
            self.hide()
            return
        self._names(names, set(), "")
        self.header_spin.setEnabled(False)  # a sheet first; its header row is found again
        self.show()

    def _set_header(self, number: int) -> None:
        self._shown_header = number
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(number)
        self.header_spin.blockSignals(False)

    def sheet(self) -> str | None:
        name = self.sheet_combo.currentData()
        return name if isinstance(name, str) and name else None

    def _sheet_chosen(self, _index: int) -> None:
        self.chosen.emit(self.sheet(), None)

    def _header_chosen(self, number: int) -> None:
        if number != self._shown_header:
            self._shown_header = number
            self.chosen.emit(self.sheet(), number)
