"""นำเข้ารายชื่อเด็กนอกระบบ: a list of out-of-school children (the province's Zero Dropout
list or a volunteer's) imported as cases (issue 13): the file chosen and read, its columns
recognised as the registry import recognises them and shown on the registry import's own
mapping step (widgets/column_mapping.py): the clerk maps a column whose header is not
known, or leaves it out (a column of national IDs under an unknown header is asked about),
then every row checked and matched against
the registry (services/case_import.py) and shown with what it will become: a case for a
child already known, a new child and a case, a row to look at (the clerk picks the child or
"new child"), an invalid row, a child whose case is open already (a file with no column
naming the child says so once, checks no row and turns to the columns). Then imported in one
transaction (undone from the import history like every import). Checking and importing
run in the background."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseSource, source_label
from desktop.gui.views.case_common import fill_table, problem_text, read_only_table
from desktop.gui.widgets.column_mapping import ColumnMapping
from desktop.gui.widgets.screen import fit_to_screen
from desktop.gui.widgets.sheet_choice import SheetChoice


@dataclass(frozen=True)
class _Unread:
    """A file the reader refused as it is (its Thai reason), with its sheets' names."""

    error: Exception
    names: list[str]


SHOWN_ROWS = 2000  # the table shows the first rows; the counts are the whole file's
PICK, NEW = "", "new"


class CaseImportDialog(QDialog):
    imported = Signal(str)  # what was imported, to say on the page

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.sheet: Any = None  # the file as read: its headers and rows
        self.plan: Any = None
        self.batch: Any = None  # the import written (services.case_import.CaseBatch)
        self.names: dict[str, str] = {}
        self.resolutions: dict[int, str] = {}
        self.setWindowTitle(self.tr("นำเข้ารายชื่อเด็กนอกระบบการศึกษา"))
        self.resize(980, 620)
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("ยังไม่ได้เลือกไฟล์"), self)
        self.file_label.setWordWrap(True)
        top.addWidget(self.file_label, 3)
        self.pick_button = QPushButton(self.tr("เลือกไฟล์…"), self)
        self.pick_button.clicked.connect(self.pick)
        top.addWidget(self.pick_button)
        self.source_combo = QComboBox(self)
        for source in (CaseSource.ZERO_DROPOUT, CaseSource.VOLUNTEER_LIST):
            self.source_combo.addItem(source_label(source), source.value)
        top.addWidget(self.source_combo, 2)
        self.check_button = QPushButton(self.tr("ตรวจสอบ"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.check)
        self.check_button.setEnabled(False)
        top.addWidget(self.check_button)
        column.addLayout(top)
        self.sheet_choice = SheetChoice(self)  # shown once a file is read: a cover sheet, a hidden list
        self.sheet_choice.chosen.connect(self._read_again)
        column.addWidget(self.sheet_choice)
        self.tabs = QTabWidget(self)
        columns_page = QWidget(self.tabs)
        columns_box = QVBoxLayout(columns_page)
        columns_box.setContentsMargins(0, 4, 0, 0)
        self.columns_label = QLabel(columns_page)
        self.columns_label.setObjectName("columnsLabel")
        self.columns_label.setWordWrap(True)
        columns_box.addWidget(self.columns_label)
        self.mapping_table = QTableWidget(columns_page)
        self.mapping_table.setObjectName("mappingTable")
        self.columns = ColumnMapping(self.mapping_table)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("หัวคอลัมน์ในไฟล์"), self.tr("ตัวอย่างข้อมูล"),
                                                      self.tr("นำเข้าเป็น")])  # the registry import's words
        self.columns.changed.connect(self._mapping_changed)
        columns_box.addWidget(self.mapping_table, 1)
        self.tabs.addTab(columns_page, self.tr("คอลัมน์ในไฟล์"))
        rows_page = QWidget(self.tabs)
        rows_box = QVBoxLayout(rows_page)
        rows_box.setContentsMargins(0, 4, 0, 0)
        self.counts_label = QLabel(rows_page)
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        rows_box.addWidget(self.counts_label)
        self.table = read_only_table(rows_page)
        rows_box.addWidget(self.table, 1)
        self.tabs.addTab(rows_page, self.tr("ผลการตรวจสอบ"))
        column.addWidget(self.tabs, 1)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()
        column.addWidget(self.message_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(self.tr("นำเข้า"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        fit_to_screen(self)

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def pick(self) -> None:
        from desktop.gui.widgets.file_pickers import open_file_name

        name, _filter = open_file_name(self, self.tr("เลือกไฟล์รายชื่อ"), "",
                                       self.tr("ตารางข้อมูล (*.xlsx *.xls *.ods *.csv *.txt *.xml *.htm *.html);;ทุกไฟล์ (*)"))
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        """Read the file (in the background), then show its columns to map."""
        self.path = path
        self.file_label.setText(path.name)  # the folder in the tooltip: a long path wrapped over two lines
        self.file_label.setToolTip(str(path))
        self.sheet_choice.hide()
        self._read_again(None, None)

    def _read_again(self, sheet: str | None, header_row: int | None) -> None:
        """Read the file (again: the sheet or the header row the clerk chose), nothing of the
        last reading kept."""
        from desktop.reports.sheets import SheetError, list_sheets, read_sheet

        path = self.path
        if path is None:
            return
        self.sheet, self.plan, self.resolutions = None, None, {}
        self.columns.table.setRowCount(0)  # nothing of the file before stays under this one's name
        self.table.setRowCount(0)
        self.counts_label.setText("")
        self.columns_label.setText("")
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._say("")

        def work(progress: Any) -> Any:
            try:
                return read_sheet(path, sheet=sheet, header_row=header_row, progress=progress)
            except SheetError as exc:  # the sheets to choose from, when it has them
                try:
                    names = list_sheets(path)
                except (SheetError, OSError):
                    names = []
                return _Unread(exc, names)

        self.ctx.tasks.run(work, on_done=self._read, on_error=self._failed,
                           label=self.tr("กำลังอ่าน %1…").replace("%1", path.name))

    def _read(self, sheet: Any) -> None:
        from desktop.services.case_import import case_columns, suggest_list_mapping

        if isinstance(sheet, _Unread):
            self.sheet_choice.show_names(sheet.names if len(sheet.names) > 1 else [])
            more = self.tr("เลือกแผ่นงานที่มีรายชื่อในช่อง \"แผ่นงาน\" ด้านบน") if len(sheet.names) > 1 else ""
            self._say("\n".join(t for t in (str(sheet.error), more) if t))
            return
        self.sheet = sheet
        self.sheet_choice.show_sheet(sheet)
        mapping, undecided = suggest_list_mapping(sheet.headers, sheet.rows)
        self.columns.fill(sheet.headers, sheet.rows, case_columns(), mapping, undecided=undecided)
        self.tabs.setCurrentIndex(0)
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        """What the clerk still has to decide, said; the check waits for it."""
        if self.sheet is None:
            return
        headers = self.sheet.headers
        known, undecided = self.columns.mapping(), self.columns.undecided()
        text = self.tr("จับคู่แล้ว %1 จาก %2 คอลัมน์ คอลัมน์ที่ไม่รู้จักจะไม่นำเข้า "
                       "เลือกว่าเป็นข้อมูลใดได้ในช่อง \"นำเข้าเป็น\"").replace(
            "%1", f"{len(known):,}").replace("%2", f"{len(headers):,}")
        if undecided:
            names = ", ".join(headers[i] or str(i + 1) for i in undecided)
            text += "\n" + self.tr("คอลัมน์ %1 มีเลขประจำตัวประชาชน 13 หลัก โปรดเลือกว่าเป็นข้อมูลใด "
                                   "หรือเลือก 'ไม่นำเข้า'").replace("%1", names)
        notes = list(getattr(self.sheet, "notes", ()))  # the reader's: the sheet and header row, what it left out
        self.columns_label.setText("\n".join([*notes, text]))
        self.check_button.setEnabled(not undecided)
        if self.plan is not None:
            self.import_button.setEnabled(False)  # checked again with the new columns first

    def check(self) -> None:
        """Check and match the file's rows by the columns chosen (in the background); the
        rows shown."""
        from desktop.services.case_import import plan_case_import

        if self.sheet is None or self.columns.undecided():
            return
        sheet, source, resolutions = self.sheet, str(self.source_combo.currentData()), dict(self.resolutions)
        mapping, ignored = self.columns.mapping(), self.columns.ignored_columns()
        self._say("")

        def work(progress: Any) -> Any:
            with self.ctx.db.reader() as session:
                return plan_case_import(session, sheet, mapping, today=date.today(), source=source,
                                        resolutions=resolutions, progress=progress, ignored_columns=ignored,
                                        back_up_ahead=True)

        self.check_button.setEnabled(False)
        self.ctx.tasks.run(work, on_done=self._checked, on_error=self._failed,
                           label=self.tr("กำลังตรวจสอบรายชื่อ…"))

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.check_button.setEnabled(self.sheet is not None and not self.columns.undecided())
        self._say(problem_text(exc))

    def _checked(self, plan: Any) -> None:
        from desktop.services.case_import import RowKind, kind_label

        self.plan = plan
        self.check_button.setEnabled(True)
        counts = plan.counts()
        text = " · ".join(f"{kind_label(k)} {counts[k]:,}" for k in RowKind)
        if plan.unchecked:  # no column names the child (or none to match by): the columns tab, where it is chosen
            text = self.tr("ยังไม่ได้ตรวจ %1 แถว: แก้ปัญหาของทั้งไฟล์ที่แจ้งไว้ด้านล่างก่อน").replace(
                "%1", f"{plan.unchecked:,}")
        self.counts_label.setText(text)
        self.tabs.setCurrentIndex(0 if plan.unchecked else 1)
        self._load_names(plan)
        rows = plan.rows[:SHOWN_ROWS]
        fill_table(self.table, [self.tr("แถว"), self.tr("ผล"), self.tr("ชื่อ"), self.tr("เหตุผล"),
                                self.tr("เลือกเด็ก")],
                   [[str(r.row), kind_label(r.kind), r.name, self._why(r), ""] for r in rows],
                   fitted=(0, 1))  # the row's number and its result whole; the name and the reason share the rest
        for i, r in enumerate(rows):
            if r.kind is RowKind.AMBIGUOUS or r.resolved:
                combo = QComboBox(self.table)
                combo.addItem(self.tr("(เลือก)"), PICK)
                combo.addItem(self.tr("เป็นเด็กใหม่"), NEW)
                for uuid in r.candidates:
                    combo.addItem(self.names.get(uuid, uuid), uuid)
                combo.setCurrentIndex(max(0, combo.findData(self.resolutions.get(r.row, PICK))))
                combo.currentIndexChanged.connect(lambda _i, row=r.row, c=combo: self._resolve(row, c))
                self.table.setCellWidget(i, 4, combo)
            else:
                self.table.setItem(i, 4, QTableWidgetItem(""))
        self._say("\n".join((self.tr("แถว %1: ").replace("%1", str(p.row)) if p.row else "") + p.message
                            for p in plan.file_problems))  # every one, each with its row
        importable = not plan.blocked and any(r.imported for r in plan.rows)
        self.import_button.setEnabled(importable)

    @staticmethod
    def _why(r: Any) -> str:
        """The row's reason; for a row that is not imported its checks' errors first, each
        with its column and value (what to correct, where the cell is cut least)."""
        from desktop.services.imports.model import ERROR

        errors = [(f'{p.column} "{p.value}": ' if p.column and p.value else f"{p.column}: " if p.column else "")
                  + p.message for p in r.problems if p.severity == ERROR]
        return " · ".join([*errors, r.reason]) if errors and not r.imported else r.reason

    def _load_names(self, plan: Any) -> None:
        from desktop.services.children import load_child

        wanted = {u for r in plan.rows for u in r.candidates} - set(self.names)
        if not wanted:
            return
        with self.ctx.db.reader() as session:
            for uuid in list(wanted)[:200]:
                try:
                    c = load_child(session, uuid).child
                except Exception:  # noqa: BLE001 - a name not shown is shown as its id
                    continue
                self.names[uuid] = f"{c.prefix}{c.first_name} {c.last_name} ({c.birth_date})"

    def _resolve(self, row: int, combo: QComboBox) -> None:
        value = combo.currentData()
        if value:
            self.resolutions[row] = value
        else:
            self.resolutions.pop(row, None)
        self.import_button.setEnabled(False)  # checked again with the choices first
        self._say(self.tr("เลือกแล้ว กด \"ตรวจสอบ\" อีกครั้งก่อนนำเข้า"))

    def run_import(self) -> None:
        from desktop.services.case_import import commit_case_import

        plan = self.plan
        if plan is None or not self.import_button.isEnabled() or not self._left_out_accepted(plan):
            return

        def work(progress: Any) -> Any:
            with self.ctx.db.session() as session:
                return commit_case_import(session, plan, progress=progress)

        self.import_button.setEnabled(False)
        self.ctx.tasks.run(work, on_done=self._done, on_error=self._failed, writes=True,
                           label=self.tr("กำลังนำเข้ารายชื่อ…"))

    def _left_out_accepted(self, plan: Any) -> bool:
        """Rows the import leaves out (invalid, to look at, a case open already) are said,
        and the clerk agrees to import the rest (the command line asks for --skip-invalid)."""
        from desktop.services.case_import import RowKind, kind_label

        counts = plan.counts()
        left = [(kind, counts[kind]) for kind in (RowKind.INVALID, RowKind.AMBIGUOUS, RowKind.OPEN_CASE)
                if counts[kind]]
        if not left:
            return True
        importable = counts[RowKind.MATCHED] + counts[RowKind.NEW]
        answer = QMessageBox.question(
            self, self.tr("บางแถวจะไม่นำเข้า"),
            self.tr("แถวต่อไปนี้จะไม่นำเข้า: %1\nดูเหตุผลได้ในแท็บ \"ผลการตรวจสอบ\" "
                    "แก้ในไฟล์หรือเลือกเด็กให้แถวที่ต้องตรวจสอบแล้วตรวจสอบใหม่ได้\n\n"
                    "นำเข้าเฉพาะ %2 แถวที่นำเข้าได้หรือไม่").replace(
                "%1", " · ".join(self.tr("%1 %2 แถว").replace("%1", kind_label(k)).replace("%2", f"{n:,}")
                                 for k, n in left)).replace("%2", f"{importable:,}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, batch: Any) -> None:
        from desktop.services.case_import import RowKind

        counts = self.plan.counts() if self.plan is not None else {}
        text = self.tr("นำเข้าแล้ว: เด็กในทะเบียน %1 คน เด็กใหม่ %2 คน").replace(
            "%1", f"{counts.get(RowKind.MATCHED, 0):,}").replace("%2", f"{counts.get(RowKind.NEW, 0):,}")
        if batch.left_out:
            text += self.tr(" · ไม่ได้นำเข้า %1 แถว").replace("%1", f"{batch.left_out:,}")
        self.batch = batch
        self.imported.emit(text)
        self.accept()

    def reject(self) -> None:
        from desktop.services.backup_ahead import drop_backup_ahead

        drop_backup_ahead(str(self.ctx.db.engine.url))  # closed unwritten: the backup begun for it
        super().reject()
