"""A round's attendance, one class at a time, with the keyboard alone: pick the class, give
the term's school days once, then type each child's days present and press Enter to go
down (Left/Right between present and open, Backspace and Delete to correct); Ctrl+S
saves the class in one transaction through services/grants.record_attendance (every row
checked first: nothing half-saved, each problem naming the child). Each child's result in
the round and its reason show beside them once saved. A school's spreadsheet is imported
for the whole term (services/attendance_import: its row-by-row problems shown in Thai)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.grants import Outcome, attendance_text
from desktop.domain.text import digits_only
from desktop.gui.context import AppContext
from desktop.gui.views.grant_eligible_tab import OUTCOME_COLOURS, level_label
from desktop.gui.views.grant_table import problem_text
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.access import NotPermitted
from desktop.services.grants import EligibilityRow, RoundInfo
from desktop.services.grants_attendance import AttendanceLine, ClassChoice

NAME, PRESENT, OPEN, RATE, RESULT = range(5)
MOVE_DOWN = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
BAD = QColor("#fde0e0")


class DaysGrid(QTableWidget):
    """Days typed straight into the cells: the first digit on a cell replaces it, the next
    ones add to it; Enter and Down go to the next child, Up back; Left and Right switch
    between present and open. Tab leaves the grid."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.fresh = True
        self.setObjectName("attendanceGrid")
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.currentCellChanged.connect(lambda *_a: setattr(self, "fresh", True))

    def _set(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        if item is not None and item.text() != text:
            item.setText(text)
            self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, column, key = self.currentRow(), self.currentColumn(), event.key()
        if row < 0:
            super().keyPressEvent(event)
            return
        digit = digits_only(event.text()) if event.text() else ""
        item = self.item(row, column)
        if digit and column in (PRESENT, OPEN) and item is not None:
            text = (digit if self.fresh else item.text() + digit)[-3:]
            self.fresh = False
            self._set(row, column, text)
        elif key == Qt.Key.Key_Backspace and column in (PRESENT, OPEN) and item is not None:
            self.fresh = False
            self._set(row, column, item.text()[:-1])
        elif key == Qt.Key.Key_Delete and column in (PRESENT, OPEN):
            self._set(row, column, "")
        elif key in MOVE_DOWN:
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, column if column in (PRESENT, OPEN) else PRESENT)
        elif key == Qt.Key.Key_Up:
            if row > 0:
                self.setCurrentCell(row - 1, column if column in (PRESENT, OPEN) else PRESENT)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.setCurrentCell(row, OPEN if column == PRESENT and key == Qt.Key.Key_Right else PRESENT)
        else:
            super().keyPressEvent(event)


class ImportProblemsDialog(QDialog):
    """What stopped an attendance import, row by row, in Thai (nothing was saved)."""

    def __init__(self, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProblemsDialog")
        self.setWindowTitle(self.tr("นำเข้าการมาเรียนไม่ได้"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("ไฟล์มีปัญหา %1 จุด จึงยังไม่ได้บันทึกข้อมูลใดเลย โปรดแก้ในไฟล์แล้วนำเข้าอีกครั้ง")
                      .replace("%1", f"{len(problems):,}"), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.text = QPlainTextEdit("\n".join(problems), self)
        self.text.setObjectName("problemsText")
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)


class AttendanceTab(QWidget):
    changed = Signal()
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.classes: list[ClassChoice] = []
        self.lines: list[AttendanceLine] = []
        self.results: dict[str, EligibilityRow] = {}
        self.dirty = False
        self.problems_dialog: ImportProblemsDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("classCombo")
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("daysOpenSpin")
        self.days_spin.setRange(0, 200)
        self.days_spin.setSpecialValueText(self.tr("—"))
        self.days_spin.setSuffix(self.tr(" วัน"))
        self.days_spin.setToolTip(self.tr("วันเปิดเรียนของภาคเรียน ใช้กับแถวที่ช่องวันเปิดเรียนว่าง"))
        bar.addWidget(QLabel(self.tr("ชั้นเรียน"), self))
        bar.addWidget(self.class_combo, 1)
        bar.addWidget(QLabel(self.tr("วันเปิดเรียน"), self))
        bar.addWidget(self.days_spin)
        layout.addLayout(bar)
        hint = QLabel(self.tr("พิมพ์จำนวนวันมาเรียน แล้วกด Enter ไปคนถัดไป · ลูกศรซ้าย/ขวา สลับช่องวันมาเรียนกับวันเปิดเรียน · "
                              "ช่องวันเปิดเรียนที่ว่างใช้ค่าด้านบน · Ctrl+S บันทึกทั้งชั้น"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.grid = DaysGrid(self)
        self.grid.setHorizontalHeaderLabels([self.tr("เด็ก"), self.tr("วันมาเรียน"), self.tr("วันเปิดเรียน"),
                                             self.tr("ร้อยละ"), self.tr("ผลในรอบนี้")])
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.grid, 1)
        self.message = error_line(self, "attendanceMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("บันทึกการมาเรียนของชั้นนี้"), self)
        self.save_button.setObjectName("saveAttendanceButton")
        self.revert_button = QPushButton(self.tr("ยกเลิกการแก้"), self)
        self.revert_button.setObjectName("revertAttendanceButton")
        self.import_button = QPushButton(self.tr("นำเข้าการมาเรียนจากไฟล์…"), self)
        self.import_button.setObjectName("importAttendanceButton")
        for button in (self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.grid.edited.connect(self._edited)
        self.days_spin.valueChanged.connect(lambda _v: self._update_rates())
        self.class_combo.currentIndexChanged.connect(lambda _i: self._class_chosen())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load_class)
        self.import_button.clicked.connect(self.import_file)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._shown_class = -1

    # ---- loading
    def set_round(self, info: RoundInfo, eligible: list[EligibilityRow]) -> None:
        """(Again) after the window's lists came back: the classes once, the class shown
        again unless it has edits not saved."""
        from desktop.services.grants_attendance import attendance_classes

        self.info = info
        self.results = {r.child_uuid: r for r in eligible}
        try:
            with self.ctx.db.reader() as session:
                self.classes = attendance_classes(session, info.id)
        except NotPermitted as exc:
            self._refused(exc)
            return
        keep = self.class_combo.currentData()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        for n, c in enumerate(self.classes):
            room = self.tr(" ห้อง %1").replace("%1", c.classroom) if c.classroom else ""
            self.class_combo.addItem(self.tr("%1 · %2%3 (%4 คน บันทึกแล้ว %5)").replace("%1", c.institution)
                                     .replace("%2", level_label(c.level_code)).replace("%3", room).replace("%4", str(c.children))
                                     .replace("%5", str(c.recorded)), n)
        if keep is not None and keep < len(self.classes):
            self.class_combo.setCurrentIndex(int(keep))
        self.class_combo.blockSignals(False)
        if self.dirty and self._shown_class == self.class_combo.currentData():
            self._show_results()
        else:
            self.load_class()

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(problem_text(exc))
        self.message.show()
        for widget in (self.save_button, self.revert_button, self.import_button, self.class_combo, self.grid):
            widget.setEnabled(False)

    def current_class(self) -> ClassChoice | None:
        data = self.class_combo.currentData()
        return self.classes[int(data)] if data is not None and int(data) < len(self.classes) else None

    def _class_chosen(self) -> None:
        if self.dirty and QMessageBox.question(
                self, "Samoe", self.tr("การมาเรียนของชั้นก่อนหน้ายังไม่ได้บันทึก ทิ้งการแก้ไขนั้นหรือไม่")) \
                != QMessageBox.StandardButton.Yes:
            self.class_combo.blockSignals(True)
            self.class_combo.setCurrentIndex(self.class_combo.findData(self._shown_class))
            self.class_combo.blockSignals(False)
            return
        self.load_class()

    def load_class(self) -> None:
        from desktop.services.grants_attendance import attendance_sheet

        chosen = self.current_class()
        if chosen is None or self.info is None:
            self.lines = []
            self.grid.setRowCount(0)
            return
        try:
            with self.ctx.db.reader() as session:
                self.lines = attendance_sheet(session, self.info.id, chosen.institution_id, chosen.level_code,
                                              chosen.classroom)
        except NotPermitted as exc:
            self._refused(exc)
            return
        self._shown_class = int(self.class_combo.currentData())
        opens = [a.days_open for a in self.lines if a.days_open]
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(max(set(opens), key=opens.count) if opens else 0)  # the class's usual
        self.days_spin.blockSignals(False)
        grid = self.grid
        grid.blockSignals(True)
        grid.setRowCount(len(self.lines))
        for n, a in enumerate(self.lines):
            same = a.days_open == self.days_spin.value()
            cells = (a.child_name, "" if a.days_present is None else str(a.days_present),
                     "" if a.days_open is None or same else str(a.days_open), "", "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (PRESENT, OPEN, RATE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.setItem(n, column, item)
        grid.blockSignals(False)
        self.dirty = False
        self._update_rates()
        self._show_results()
        if self.lines:
            grid.setCurrentCell(0, PRESENT)
        self.message.hide()

    def _show_results(self) -> None:
        words = {Outcome.ELIGIBLE: self.tr("มีสิทธิ์"), Outcome.HELD: self.tr("รอ"), Outcome.OUT: self.tr("ไม่มีสิทธิ์")}
        for n, a in enumerate(self.lines):
            item = self.grid.item(n, RESULT)
            if item is None:
                continue
            r = self.results.get(a.child_uuid)
            if r is None:
                item.setText(self.tr("ไม่ได้คัดกรองในภาคเรียนนี้"))
                item.setForeground(QBrush(QColor("#888888")))
            else:
                item.setText(f"{words[r.outcome]}: {r.reason}")
                item.setForeground(QBrush(QColor(OUTCOME_COLOURS[r.outcome])))

    # ---- editing
    def _edited(self) -> None:
        self.dirty = True
        self._update_rates()

    def _days(self, row: int) -> tuple[str, str]:
        present, days = self.grid.item(row, PRESENT), self.grid.item(row, OPEN)
        given = days.text() if days is not None else ""
        return (present.text() if present is not None else ""), given or (
            str(self.days_spin.value()) if self.days_spin.value() else "")

    def _update_rates(self) -> None:
        for n in range(self.grid.rowCount()):
            present, days = self._days(n)
            item = self.grid.item(n, RATE)
            if item is not None:
                item.setText(attendance_text(int(present), int(days)) if present and days and int(days) else "")

    def _mark(self, rows: set[int]) -> None:
        for n in range(self.grid.rowCount()):
            for column in (PRESENT, OPEN):
                item = self.grid.item(n, column)
                if item is not None:
                    item.setBackground(QBrush(BAD) if n in rows else QBrush())

    def _say(self, problems: list[str], bad: set[int]) -> None:
        self._mark(bad)
        self.message.setText("\n".join(problems[:8]) + (self.tr("\n… และอีก %1 ข้อ").replace(
            "%1", str(len(problems) - 8)) if len(problems) > 8 else ""))
        self.message.setStyleSheet("color: #b00020;")
        self.message.show()

    def save(self) -> None:
        """The class's rows with days present, in one transaction; none saved when one is wrong."""
        from desktop.services.grants import record_attendance

        if self.info is None:
            return
        given: list[tuple[str, int, int]] = []
        where: list[int] = []
        problems: list[str] = []
        bad: set[int] = set()
        for n, a in enumerate(self.lines):
            present, days = self._days(n)
            own = self.grid.item(n, OPEN)
            if not present and not (own is not None and own.text()):
                continue
            if not present:
                problems.append(self.tr("%1: มีวันเปิดเรียนแต่ยังไม่มีวันมาเรียน").replace("%1", a.child_name))
            elif not days:
                problems.append(self.tr("%1: ยังไม่มีวันเปิดเรียน ใส่ในแถวนี้หรือในช่องวันเปิดเรียนด้านบน")
                                .replace("%1", a.child_name))
            else:
                given.append((a.child_uuid, int(present), int(days)))
                where.append(n)
                continue
            bad.add(n)
        if problems:
            self._say(problems, bad)
            return
        if not given:
            self._say([self.tr("ยังไม่มีวันมาเรียนให้บันทึกในชั้นนี้")], set())
            return
        year, term = (int(x) for x in reversed(self.info.term.split("/")))
        try:
            with self.ctx.db.session() as session:
                record_attendance(session, year, term, given)
        except ValidationFailed as exc:
            self._say(*self._rows_of(exc.problems, where))
            return
        except NotPermitted as exc:
            self._say([problem_text(exc)], set())
            return
        self.dirty = False
        self._mark(set())
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("บันทึกการมาเรียนแล้ว %1 คน").replace("%1", f"{len(given):,}"))
        self.message.show()
        self.status_message.emit(self.message.text(), None)
        self.changed.emit()

    def _rows_of(self, problems: tuple[Problem, ...] | list[Problem], where: list[int]) -> tuple[list[str], set[int]]:
        """The service numbers the rows it was given: back to the grid's rows and names."""
        texts, bad = [], set()
        for p in problems:
            number = p.field.removeprefix("row.")
            if number.isdigit() and 0 < int(number) <= len(where):
                n = where[int(number) - 1]
                bad.add(n)
                texts.append(f"{self.lines[n].child_name}: {p.message}")
            else:
                texts.append(p.message)
        return texts, bad

    # ---- files
    def import_file(self, path: str | None = None) -> None:
        """A school's sheet for the whole term (``path``: tests give it, skipping the picker)."""
        from desktop.gui.views.pdf_preview import last_dir, remember_dir
        from desktop.gui.widgets.file_pickers import open_file_name

        if self.info is None:
            return
        if not path:
            path, _chosen = open_file_name(self, self.tr("นำเข้าการมาเรียนจากไฟล์"), last_dir(self.ctx),
                                           self.tr("ตารางข้อมูล (*.xlsx *.xls *.csv);;ทุกไฟล์ (*)"))
            if not path:
                return
            remember_dir(self.ctx, path)
        year, term = (int(x) for x in reversed(self.info.term.split("/")))
        days = self.days_spin.value() or None
        source = Path(path)

        def work(_progress: Any) -> Any:
            from desktop.services.attendance_import import import_attendance

            with self.ctx.db.session() as session:
                return import_attendance(session, year, term, source, days_open=days)

        self.ctx.tasks.run(work, on_done=self._imported, on_error=self._import_failed, writes=True,
                           label=self.tr("กำลังนำเข้าการมาเรียนจาก %1…").replace("%1", source.name))

    def _imported(self, result: Any) -> None:
        self.dirty = False
        self.message.setStyleSheet("color: #1b5e20;")
        notes = " · ".join(getattr(result, "notes", ()))
        self.message.setText(self.tr("นำเข้าการมาเรียนแล้ว %1 คน").replace("%1", f"{int(result.rows):,}")
                             + (f" ({notes})" if notes else ""))
        self.message.show()
        self.status_message.emit(self.message.text(), None)
        self.changed.emit()

    def _import_failed(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, ValidationFailed):
            self.problems_dialog = ImportProblemsDialog([p.message for p in exc.problems], self)
            self.problems_dialog.open()
            return
        if isinstance(exc, NotPermitted):
            self._say([problem_text(exc)], set())
            return
        from desktop.gui.app import fault_text

        self._say([self.tr("นำเข้าไม่สำเร็จ: %1").replace("%1", fault_text(exc, None))], set())

    def export_class(self, documents: Any) -> None:
        """The class shown as a sheet to fill (the import reads it back)."""
        from desktop.services.grants_exports import export_class_attendance

        chosen = self.current_class()
        if chosen is None or self.info is None:
            return
        rid = self.info.id
        title = self.tr("การมาเรียน %1 %2").replace("%1", chosen.institution).replace("%2", level_label(chosen.level_code))
        documents.export(title, "grant-attendance", lambda session, path, _p: export_class_attendance(
            session, rid, chosen.institution_id, chosen.level_code, chosen.classroom, path), parent=self)
