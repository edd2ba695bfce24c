"""The daily attendance grid of a room (issue 12): everyone present until marked, by the
keyboard alone.

Keys (the grid has the focus when the register opens):
- a child's number (ที่) jumps to their row: ``7``, ``1`` ``7``; Thai digits and the Thai
  keyboard's number row (ๅ / - ภ ถ ุ ึ ค ต จ) count as the digits under them;
- a reason marks the row: ``ป`` or ``s`` sick, ``ล`` or ``l`` leave, ``ข`` or ``a`` absent
  without word; Space, Delete or Backspace make the child present again;
- arrows and Enter move as usual; the view saves on Ctrl+S.

So a room of 30 with 3 absent is at most 3 × (2 digits + 1 reason) + Ctrl+S = 10 presses.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.centre import AbsenceReason, reason_label

NUMBER_PAUSE_MS = 1500  # a digit typed later than this after the last starts a new number
KEDMANEE_DIGITS = {"ๅ": "1", "/": "2", "-": "3", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9", "จ": "0"}
THAI_DIGITS = {chr(0x0E50 + i): str(i) for i in range(10)}
REASON_KEYS = {"ป": AbsenceReason.SICK, "s": AbsenceReason.SICK, "S": AbsenceReason.SICK,
               "ล": AbsenceReason.LEAVE, "l": AbsenceReason.LEAVE, "L": AbsenceReason.LEAVE,
               "ข": AbsenceReason.ABSENT, "a": AbsenceReason.ABSENT, "A": AbsenceReason.ABSENT}
PRESENT_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
COLOURS = {AbsenceReason.SICK: "#fde2e1", AbsenceReason.LEAVE: "#fff3cd", AbsenceReason.ABSENT: "#f8d7da"}
STATUS = 2  # the status column


def digit_of(text: str) -> str | None:
    if len(text) != 1:
        return None
    if text.isascii() and text.isdigit():
        return text
    return THAI_DIGITS.get(text) or KEDMANEE_DIGITS.get(text)


class AttendanceGrid(QTableWidget):
    """One row per child: number, name, status. ``marks`` maps a row to its absence."""

    changed = Signal()
    save_requested = Signal()  # Ctrl+S while the grid has the focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("attendanceGrid")
        self.setHorizontalHeaderLabels([self.tr("ที่"), self.tr("ชื่อ-สกุล"), self.tr("การมาเรียน"), self.tr("เดือนนี้")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # fixed widths: a column sized to its contents re-measures on every item set (a
        # third of the register's opening time)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        width = self.fontMetrics().horizontalAdvance
        self.setColumnWidth(0, width("000") + 16)
        self.setColumnWidth(2, max(width(self.tr("การมาเรียน")), width(reason_label(AbsenceReason.ABSENT)) * 3) + 24)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(3, max(width(self.tr("เดือนนี้")), width("100.0%")) + 24)
        self.uuids: list[str] = []
        self.marks: dict[int, AbsenceReason] = {}
        self.read_only = False
        self._number = ""
        self._since = QElapsedTimer()
        self._present_text = self.tr("มา")

    def load(self, lines: Sequence[tuple[str, str, AbsenceReason | None]],
             month: Sequence[str] = ()) -> None:
        """(uuid, name, absence) per child, in the register's order; ``month``: each one's
        attendance % of the month so far (as saved)."""
        self.setUpdatesEnabled(False)
        try:
            self.clearContents()
            self.setRowCount(len(lines))
            self.uuids = [uuid for uuid, _name, _reason in lines]
            self.marks = {i: reason for i, (_u, _n, reason) in enumerate(lines) if reason is not None}
            for i, (_uuid, name, _reason) in enumerate(lines):
                number = QTableWidgetItem(str(i + 1))
                number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(i, 0, number)
                self.setItem(i, 1, QTableWidgetItem(name))
                self.setItem(i, STATUS, QTableWidgetItem())
                share = QTableWidgetItem(month[i] if i < len(month) else "")
                share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(i, 3, share)
                self._paint(i)
        finally:
            self.setUpdatesEnabled(True)
        self._number = ""
        if lines:
            self.setCurrentCell(0, STATUS)

    def absences(self) -> dict[str, AbsenceReason]:
        return {self.uuids[row]: reason for row, reason in self.marks.items()}

    def mark(self, row: int, reason: AbsenceReason | None) -> None:
        if self.read_only or not 0 <= row < self.rowCount():
            return
        if reason is None:
            if self.marks.pop(row, None) is None:
                return
        elif self.marks.get(row) == reason:
            return
        else:
            self.marks[row] = reason
        self._paint(row)
        self.changed.emit()

    def _paint(self, row: int) -> None:
        reason = self.marks.get(row)
        item = self.item(row, STATUS)
        assert item is not None
        item.setText(self._present_text if reason is None else reason_label(reason))
        brush = QBrush() if reason is None else QBrush(QColor(COLOURS[reason]))
        for col in range(4):
            cell = self.item(row, col)
            if cell is not None:
                cell.setBackground(brush)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_requested.emit()
            return
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        digit = digit_of(text)
        if digit is not None:
            self._jump(digit)
            return
        self._number = ""
        row = self.currentRow()
        if text in REASON_KEYS:
            self.mark(row, REASON_KEYS[text])
            return
        if event.key() in PRESENT_KEYS:
            self.mark(row, None)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, STATUS)
            return
        super().keyPressEvent(event)

    def _jump(self, digit: str) -> None:
        if self._number and self._since.isValid() and self._since.elapsed() <= NUMBER_PAUSE_MS:
            candidate = self._number + digit
            if not 1 <= int(candidate) <= self.rowCount():
                candidate = digit
        else:
            candidate = digit
        self._number = candidate
        self._since.start()
        n = int(candidate)
        if 1 <= n <= self.rowCount():
            self.setCurrentCell(n - 1, STATUS)
