"""นำเข้ารายชื่อเด็ก: choose a file, match its columns, see every problem, then import.

Nothing is written until the last button; reading, checking and importing run on the
background helper. The import is one transaction recorded as a batch, which the status
bar's Undo (or the import history) takes back as a whole.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.columns import CHILD_COLUMNS, COLUMN_BY_KEY, missing_required
from desktop.domain.levels import LEVELS, InstitutionKind, levels_for
from desktop.gui.app import fault_text
from desktop.gui.context import AppContext
from desktop.gui.forms.import_dialog_ui import Ui_ImportDialog
from desktop.gui.models.import_problems_model import ProblemsModel
from desktop.gui.views.pdf_preview import last_dir, remember_dir
from desktop.gui.widgets.column_mapping import ColumnMapping
from desktop.gui.widgets.file_pickers import open_file_name, save_file_name
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.children import RELATIONS, current_year_be
from desktop.services.institutions import institution_choices
from desktop.services.progress import Progress

FILE, MAPPING, PREVIEW = 0, 1, 2
Index = QModelIndex | QPersistentModelIndex


class ImportDialog(QDialog):
    imported = Signal(str, object)  # message, undo callable

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.path: Path | None = None
        self.sheet: Any = None  # SheetData
        self._id_note = ""  # an ID column mapped for the clerk: said on the mapping step
        self.plan: Any = None  # ImportPlan
        self.busy = False
        ui = self.ui
        self._steps = {
            FILE: self.tr("ขั้นที่ 1 จาก 3: เลือกไฟล์"),
            MAPPING: self.tr("ขั้นที่ 2 จาก 3: จับคู่คอลัมน์"),
            PREVIEW: self.tr("ขั้นที่ 3 จาก 3: ตรวจสอบก่อนนำเข้า"),
        }
        with ctx.db.reader() as session:
            choices = institution_choices(session)
        ui.institutionCombo.addItem(self.tr("ไม่กำหนด (ใช้คอลัมน์ในไฟล์ หรือไม่ลงทะเบียนเรียน)"), None)
        self._kinds: dict[int, str] = {}
        for inst in choices:
            ui.institutionCombo.addItem(inst.name, inst.id)
            ui.institutionCombo.setItemData(ui.institutionCombo.count() - 1, inst.name,
                                            Qt.ItemDataRole.ToolTipRole)
            self._kinds[inst.id] = str(inst.kind)
        ui.yearSpin.setValue(current_year_be())
        self._fill_levels()
        ui.relationCombo.addItem("")
        ui.relationCombo.addItems(list(RELATIONS))
        ui.relationCombo.setCurrentIndex(0)
        ui.institutionCombo.currentIndexChanged.connect(self._fill_levels)
        for changed in (ui.institutionCombo.currentIndexChanged, ui.levelCombo.currentIndexChanged,
                        ui.relationCombo.currentTextChanged):
            changed.connect(self._update_missing)
        self.columns = ColumnMapping(ui.mappingTable)  # the mapping step, shared with the case-list import
        self.columns.changed.connect(self._update_missing)
        self.problems = ProblemsModel(self)
        ui.problemTable.setModel(self.problems)
        # Fixed sizes: a file of 100k bad rows must not be measured row by row (14 s)
        header = ui.problemTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 190), (1, 150), (2, 140), (4, 95)):
            ui.problemTable.setColumnWidth(column, width)
        rows = ui.problemTable.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * ui.problemTable.fontMetrics().lineSpacing() + 10)
        rows.hide()
        ui.problemTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        ui.problemFilter.textChanged.connect(self._filter_problems)
        ui.errorsOnlyCheck.toggled.connect(self._filter_problems)
        ui.errorReportButton.clicked.connect(self.save_error_report)
        ui.browseButton.clicked.connect(self.browse)
        ui.sheetCombo.activated.connect(self._sheet_chosen)
        ui.headerRowSpin.valueChanged.connect(self._header_chosen)
        ui.headerRowSpin.setEnabled(False)
        ui.previewTable.cellDoubleClicked.connect(lambda row, _col: self._preview_row_chosen(row))
        ui.backButton.clicked.connect(self.back)
        ui.nextButton.clicked.connect(self.next)
        ui.cancelButton.clicked.connect(self.reject)
        ui.progressBar.hide()
        ctx.tasks.progressed.connect(self._progressed)
        self._go(FILE)
        fit_to_screen(self)

    # ---- steps
    def _go(self, step: int) -> None:
        ui = self.ui
        ui.stack.setCurrentIndex(step)
        ui.stepLabel.setText(self._steps[step])
        ui.backButton.setEnabled(step > FILE and not self.busy)
        if step == FILE:
            ui.nextButton.setText(self.tr("ถัดไป ▶"))
            ui.nextButton.setEnabled(self.sheet is not None and not self.busy)
        elif step == MAPPING:
            ui.nextButton.setText(self.tr("ตรวจสอบข้อมูล ▶"))
            self._update_missing()
        else:
            valid = self.plan.valid_count if self.plan is not None else 0
            ui.nextButton.setText(self.tr("นำเข้า %1 คน").replace("%1", f"{valid:,}"))
            ui.nextButton.setEnabled(valid > 0 and not self.busy)

    def back(self) -> None:
        self._go(max(self.ui.stack.currentIndex() - 1, FILE))

    def next(self) -> None:
        step = self.ui.stack.currentIndex()
        if step == FILE and self.sheet is not None:
            self._fill_mapping()
            self._go(MAPPING)
        elif step == MAPPING:
            self.check()
        elif step == PREVIEW:
            self.commit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._go(self.ui.stack.currentIndex())
        self.ui.browseButton.setEnabled(not busy)
        self.ui.progressBar.setVisible(busy)
        self.ui.progressBar.setRange(0, 0)  # busy until the first step says how far
        if not busy:
            self.ui.busyLabel.clear()

    def _progressed(self, _handle: object, done: int, total: int, message: str) -> None:
        """The job this dialog started reports here too (the main window's bar is behind
        this dialog)."""
        if not self.busy:
            return
        if total > 0:
            self.ui.progressBar.setRange(0, total)
            self.ui.progressBar.setValue(done)
        if message:
            self.ui.busyLabel.setText(message)

    # ---- 1: the file
    def browse(self) -> None:
        path, _ = open_file_name(
            self, self.tr("เลือกไฟล์รายชื่อเด็ก"), last_dir(self.ctx),
            self.tr("ตารางข้อมูล (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;ทุกไฟล์ (*)"))
        if path:
            remember_dir(self.ctx, path)
            self.open_file(Path(path))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        self.path = path
        self.ui.fileEdit.setText(str(path))
        self._read(path, sheet)

    def _sheet_chosen(self, index: int) -> None:
        name = self.ui.sheetCombo.itemData(index)
        self._read(self.path, name if isinstance(name, str) and name else None)

    def _header_chosen(self, number: int) -> None:
        data = self.sheet
        if data is not None and number != data.header_row and not self.busy:
            self._read(self.path, data.sheet or None, number)

    def _preview_row_chosen(self, row: int) -> None:
        item = self.ui.previewTable.verticalHeaderItem(row)
        if item is not None and item.text().isdigit():
            self.ui.headerRowSpin.setValue(int(item.text()))

    def _show_file(self, data: Any) -> None:
        """The sheet read, its first rows (the header row in bold) and what the reader said."""
        ui = self.ui
        combo = ui.sheetCombo
        combo.clear()
        hidden = set(data.hidden_sheets)
        for name in data.sheet_names:
            combo.addItem(name + (self.tr(" (ซ่อนอยู่)") if name in hidden else ""), name)
        combo.setCurrentIndex(max(combo.findData(data.sheet), 0))
        combo.setEnabled(len(data.sheet_names) > 1)
        spin = ui.headerRowSpin
        spin.blockSignals(True)
        spin.setValue(data.header_row)
        spin.blockSignals(False)
        spin.setEnabled(True)
        ui.notesLabel.setText("\n".join(data.notes))
        table = ui.previewTable
        rows = list(data.preview)
        width = max((len(cells) for _, cells in rows), default=0)
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(width)
        bold = table.font()
        bold.setBold(True)
        for r, (number, cells) in enumerate(rows):
            table.setVerticalHeaderItem(r, QTableWidgetItem(str(number)))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if number == data.header_row:
                    item.setFont(bold)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _read(self, path: Path | None, sheet: str | None, header_row: int | None = None) -> None:
        if path is None:
            return
        from desktop.reports.sheets import read_sheet

        self.sheet = None
        self.plan = None
        self.ui.fileInfoLabel.setText(self.tr("กำลังอ่านไฟล์…"))
        self._set_busy(True)

        def done(data: Any) -> None:
            self._set_busy(False)
            self.sheet = data
            self._show_file(data)
            info = self.tr("พบ %1 แถว %2 คอลัมน์ (หัวตารางอยู่แถวที่ %3)").replace(
                "%1", f"{len(data.rows):,}").replace("%2", str(len(data.headers))).replace(
                "%3", str(data.header_row))
            if data.encoding:
                info += " · " + self.tr("รหัสอักขระ %1").replace("%1", data.encoding)
            self.ui.fileInfoLabel.setText(info)
            self._go(FILE)

        def failed(exc: BaseException, _tb: str) -> None:
            self._set_busy(False)
            self.ui.fileInfoLabel.setText("")
            self.ui.notesLabel.setText("")
            self.ui.previewTable.setRowCount(0)
            QMessageBox.warning(self, self.tr("อ่านไฟล์ไม่ได้"), fault_text(exc, None))

        self.ctx.tasks.run(lambda p: read_sheet(path, sheet=sheet, header_row=header_row,
                                                progress=p), on_done=done,
                           on_error=failed, on_cancel=lambda: self._set_busy(False),
                           label=self.tr("กำลังอ่าน %1…").replace("%1", path.name))

    # ---- 2: the columns
    def _fill_mapping(self) -> None:
        from desktop.services.imports import id_like_columns, remembered_ignored, suggest_mapping
        from desktop.services.imports.batch_whole import remembered_whole_file

        data = self.sheet
        with self.ctx.db.reader() as session:
            mapping = suggest_mapping(session, data.headers)
            # what the clerk left out for this layout last time is not asked about again
            left_out = remembered_ignored(session, data.headers) - set(mapping)
            # and the values given for the whole file last time are given again
            self._offer_whole_file(remembered_whole_file(session, data.headers))
        # a column of national IDs under a header not known is never left out unasked: the
        # only one, with no ID column mapped, is mapped (and said); others wait for the clerk
        id_like = id_like_columns(data.headers, data.rows, skip=set(mapping) | left_out)
        self._id_note = ""
        if len(id_like) == 1 and "national_id" not in mapping.values():
            mapping[id_like[0]] = "national_id"
            self._id_note = self.tr(
                "คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก จึงจับคู่เป็นเลขประจำตัวประชาชนของเด็กให้ "
                "ถ้าไม่ใช่ โปรดเลือกใหม่").replace("%1", self._column_name(id_like[0]))
            id_like = []
        self.columns.fill(data.headers, data.rows,
                          [(col.display_label + (" *" if col.required else ""), col.key) for col in CHILD_COLUMNS],
                          mapping, undecided=id_like)

    def _offer_whole_file(self, whole: Any) -> None:
        """The whole-file values of the last import of a file with these headers (a
        WholeFile; nothing given: the clerk's current choices stay)."""
        ui = self.ui
        if whole.institution_id is not None and ui.institutionCombo.findData(whole.institution_id) >= 0:
            ui.institutionCombo.setCurrentIndex(ui.institutionCombo.findData(whole.institution_id))
        if whole.year_be:
            ui.yearSpin.setValue(whole.year_be)
        if whole.level_code and ui.levelCombo.findData(whole.level_code) >= 0:
            ui.levelCombo.setCurrentIndex(ui.levelCombo.findData(whole.level_code))
        if whole.classroom:
            ui.roomEdit.setText(whole.classroom)
        if whole.relation:
            ui.relationCombo.setCurrentText(whole.relation)

    def _fill_levels(self) -> None:
        """The classes of the institution chosen for the whole file (all when none)."""
        combo = self.ui.levelCombo
        kept = combo.currentData()
        kind = self._kinds.get(self.ui.institutionCombo.currentData() or 0)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("ไม่กำหนด (ใช้คอลัมน์ในไฟล์)"), "")
        for level in levels_for(InstitutionKind(kind)) if kind else LEVELS:
            combo.addItem(level.display_label, level.code)
        combo.setCurrentIndex(max(combo.findData(kept), 0))
        combo.blockSignals(False)

    def whole_file(self) -> dict[str, Any]:
        """The clerk's values for the whole file, as plan_import takes them."""
        ui = self.ui
        return {"institution_id": ui.institutionCombo.currentData(), "year_be": ui.yearSpin.value(),
                "level_code": ui.levelCombo.currentData() or "", "classroom": ui.roomEdit.text(),
                "relation": ui.relationCombo.currentText()}

    def _whole_file_hints(self, keys: list[str]) -> list[str]:
        """What every row would lack that the whole-file values can give (said before the
        check, so that the clerk is not shown the same error on every row)."""
        lines = []
        ui = self.ui
        has_guardian = any(k.startswith("guardian_") for k in keys)
        if has_guardian and "guardian_relation" not in keys and not ui.relationCombo.currentText().strip():
            lines.append(self.tr("ไฟล์มีข้อมูลผู้ปกครองแต่ไม่มีคอลัมน์ความเกี่ยวข้องกับเด็ก โปรดเลือก "
                                 "'ผู้ปกครองเป็น' ด้านล่าง (เช่น แม่) มิฉะนั้นแถวที่มีผู้ปกครองจะนำเข้าไม่ได้"))
        enrolled = ui.institutionCombo.currentData() is not None or "institution" in keys
        if enrolled and "level" not in keys and not ui.levelCombo.currentData():
            lines.append(self.tr("ไฟล์ไม่มีคอลัมน์ชั้น โปรดเลือกชั้นด้านล่าง (เช่น อ.2) "
                                 "มิฉะนั้นเด็กจะนำเข้าไม่ได้"))
        return lines

    def _column_name(self, i: int) -> str:
        header = self.sheet.headers[i] if self.sheet is not None else ""
        return f"'{header}'" if header else self.tr("ที่ %1").replace("%1", str(i + 1))

    def mapping(self) -> dict[int, str]:
        return self.columns.mapping()

    def undecided(self) -> list[int]:
        """Columns of national IDs the clerk has neither mapped nor said not to import."""
        return self.columns.undecided()

    def ignored_columns(self) -> set[int]:
        """Every column not mapped: the clerk saw each one (and had to decide on an ID
        column) on this step."""
        return self.columns.ignored_columns()

    def set_mapping(self, column: int, key: str) -> None:
        self.columns.set_mapping(column, key)

    def _update_missing(self) -> None:
        mapping = self.mapping()
        keys = list(mapping.values())
        twice = sorted({COLUMN_BY_KEY[k].display_label for k in keys if keys.count(k) > 1})
        missing = [c.display_label for c in missing_required(keys)]
        lines = []
        undecided = self.undecided()
        if undecided:
            lines.append(self.tr("คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก โปรดเลือกว่าเป็นข้อมูลใด "
                                 "(เช่น เลขประจำตัวประชาชนผู้ปกครอง) หรือเลือก 'ไม่นำเข้า'").replace(
                "%1", ", ".join(self._column_name(i) for i in undecided)))
        elif self._id_note and "national_id" in keys:
            lines.append(self._id_note)
        lines += self._whole_file_hints(keys)
        if missing:
            lines.append(self.tr("ยังไม่ได้จับคู่ข้อมูลที่จำเป็น: %1").replace("%1", ", ".join(missing)))
        if twice:
            lines.append(self.tr("เลือกซ้ำกันมากกว่าหนึ่งคอลัมน์: %1").replace("%1", ", ".join(twice)))
        self.ui.missingLabel.setText("\n".join(lines))
        if self.ui.stack.currentIndex() == MAPPING:
            self.ui.nextButton.setEnabled(not missing and not twice and not undecided
                                          and not self.busy)

    # ---- 3: check, then import
    def check(self) -> None:
        from desktop.services.imports import plan_import, remember_mapping

        data, mapping, ignored = self.sheet, self.mapping(), self.ignored_columns()
        whole = self.whole_file()
        with self.ctx.db.session() as session:
            remember_mapping(session, data.headers, mapping, ignored)
        from datetime import date

        today = date.today()

        def work(progress: Progress) -> Any:
            with self.ctx.db.reader() as session:
                return plan_import(session, data, mapping, today=today, **whole,
                                   progress=progress, ignored_columns=ignored, back_up_ahead=True)

        def done(plan: Any) -> None:
            self._set_busy(False)
            self.show_plan(plan)

        def failed(exc: BaseException, _tb: str) -> None:
            self._set_busy(False)
            QMessageBox.warning(self, self.tr("ตรวจสอบข้อมูลไม่สำเร็จ"), fault_text(exc, None))

        self._set_busy(True)
        self.ctx.tasks.run(work, on_done=done, on_error=failed,
                           on_cancel=lambda: self._set_busy(False),
                           label=self.tr("กำลังตรวจสอบข้อมูลที่จะนำเข้า…"))

    def show_plan(self, plan: Any) -> None:
        self.plan = plan
        problems = plan.problems()  # sorts every problem: once
        self.problems.set_problems(problems)
        parts = [self.tr("พร้อมนำเข้า %1 คน").replace("%1", f"{plan.valid_count:,}")]
        if plan.error_count:
            parts.append(self.tr("มีข้อผิดพลาด %1 แถว (จะไม่นำเข้า)").replace("%1", f"{plan.error_count:,}"))
        if plan.warning_count:
            parts.append(self.tr("มีคำเตือน %1 รายการ (นำเข้าได้ โปรดตรวจดู)").replace(
                "%1", f"{plan.warning_count:,}"))
        summary = " · ".join(parts)
        if not problems:
            summary += "\n" + self.tr("ไม่พบปัญหา")
        self.ui.summaryLabel.setText(summary)
        self.ui.errorReportButton.setEnabled(plan.error_count + plan.warning_count > 0)
        self._go(PREVIEW)

    def _filter_problems(self) -> None:
        self.problems.set_filter(self.ui.problemFilter.text(), self.ui.errorsOnlyCheck.isChecked())

    def save_error_report(self, path: Path | None = None) -> None:
        from desktop.services.imports import write_error_report

        if not path:
            stem = Path(self.plan.file_name).stem
            start = os.path.join(last_dir(self.ctx), self.tr("%1-ปัญหา.xlsx").replace("%1", stem))
            chosen, _ = save_file_name(self, self.tr("บันทึกรายงานข้อผิดพลาด"), start,
                                       self.tr("สมุดงาน Excel (*.xlsx)"))
            if not chosen:
                return
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            remember_dir(self.ctx, chosen)
            path = Path(chosen)
        plan, target = self.plan, path

        def done(rows: Any) -> None:
            self.ui.summaryLabel.setText(self.ui.summaryLabel.text().split("\n")[0] + "\n" + self.tr(
                "บันทึกรายงานข้อผิดพลาด %1 แถวไว้ที่ %2").replace("%1", f"{int(rows):,}").replace(
                "%2", str(target)))

        self.ctx.tasks.run(lambda _p: write_error_report(plan, target), on_done=done,
                           on_error=lambda exc, _tb: QMessageBox.warning(self, "Samoe", fault_text(exc, None)),
                           label=self.tr("กำลังบันทึกรายงานข้อผิดพลาด…"))

    def commit(self) -> None:
        from desktop.services.imports import commit_import, undo_batch

        plan = self.plan
        if plan.error_count:
            answer = QMessageBox.question(
                self, self.tr("ยืนยันการนำเข้า"),
                self.tr("มี %1 แถวที่มีข้อผิดพลาดและจะไม่ถูกนำเข้า\n"
                        "ต้องการนำเข้าเฉพาะ %2 คนที่ถูกต้องหรือไม่?").replace(
                    "%1", f"{plan.error_count:,}").replace("%2", f"{plan.valid_count:,}"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return

        def work(progress: Progress) -> Any:
            with self.ctx.db.session() as session:
                return commit_import(session, plan, progress=progress)

        def done(batch: Any) -> None:
            self._set_busy(False)

            def undo() -> None:
                with self.ctx.db.session() as session:
                    undo_batch(session, batch.uuid)

            self.imported.emit(
                self.tr("นำเข้าจาก %1 แล้ว %2 คน").replace("%1", plan.file_name)
                .replace("%2", f"{batch.children:,}"), undo)
            self.accept()

        def failed(exc: BaseException, _tb: str) -> None:
            self._set_busy(False)
            QMessageBox.critical(self, self.tr("นำเข้าไม่สำเร็จ"),
                                 self.tr("ไม่มีข้อมูลใดถูกบันทึก\n\n%1").replace("%1", fault_text(exc, None)))

        self._set_busy(True)
        self.ctx.tasks.run(work, on_done=done, on_error=failed, writes=True,
                           on_cancel=lambda: (self._set_busy(False), QMessageBox.information(
                               self, "Samoe", self.tr("ยกเลิกแล้ว ไม่มีข้อมูลใดถูกบันทึก"))),
                           label=self.tr("กำลังนำเข้ารายชื่อเด็ก…"))

    def reject(self) -> None:
        from desktop.services.backup_ahead import drop_backup_ahead

        if self.busy:
            self.ctx.tasks.cancel_all()
        drop_backup_ahead(str(self.ctx.db.engine.url))  # closed unwritten: the backup begun for it
        super().reject()
