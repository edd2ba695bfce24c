"""รวมครัวเรือน: the preview of merging two households, then the merge.

Shows which household is kept (swap with Ctrl+R), who moves, the address after the merge
and each field where the two disagree; nothing is written until the clerk presses the
merge button (one transaction, audited; the main window's undo brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from desktop.gui.context import AppContext
from desktop.gui.forms.household_merge_ui import Ui_HouseholdMerge
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.household_edit import (
    HouseholdChoice,
    HouseholdError,
    MergePreview,
    MergeResult,
    merge_households,
    merge_preview,
)

CONFLICT = QColor("#fff4d6")


class HouseholdMergeDialog(QDialog):
    merged = Signal(object)  # MergeResult

    def __init__(self, ctx: AppContext, first_uuid: str, second_uuid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HouseholdMerge()
        self.ui.setupUi(self)
        ui = self.ui
        ui.fieldsTable.setHorizontalHeaderLabels([
            self.tr("ช่อง"), self.tr("ครัวเรือนที่เก็บไว้"), self.tr("ครัวเรือนที่รวมเข้ามา"), self.tr("หลังรวม")])
        ui.fieldsTable.verticalHeader().hide()
        ui.fieldsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.fieldsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.merge_button = ui.buttonBox.addButton(self.tr("รวมครัวเรือน"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("ยกเลิก"))
        cancel.setDefault(True)  # a merge is never one stray Enter away
        ui.buttonBox.accepted.connect(self.merge)
        ui.buttonBox.rejected.connect(self.reject)
        ui.swapButton.clicked.connect(self.swap)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.swap)
        self.keep_uuid, self.drop_uuid = first_uuid, second_uuid
        self.preview: MergePreview | None = None
        self.result_: MergeResult | None = None
        self.load()
        cancel.setFocus()
        fit_to_screen(self)

    def swap(self) -> None:
        self.keep_uuid, self.drop_uuid = self.drop_uuid, self.keep_uuid
        self.load()

    def _side(self, choice: HouseholdChoice) -> str:
        lines = [choice.address_text or self.tr("(ยังไม่ได้กรอกที่อยู่)")]
        if choice.children:
            lines.append(self.tr("เด็ก: %1").replace("%1", ", ".join(choice.children)))
        if choice.guardians:
            lines.append(self.tr("ผู้ปกครอง: %1").replace("%1", ", ".join(choice.guardians)))
        if not (choice.children or choice.guardians):
            lines.append(self.tr("(ไม่มีสมาชิก)"))
        return "\n".join(lines)

    def load(self) -> None:
        ui = self.ui
        try:
            with self.ctx.db.reader() as session:
                p = merge_preview(session, self.keep_uuid, self.drop_uuid)
        except HouseholdError as exc:
            self.preview = None
            ui.errorLabel.setText(exc.message)
            self.merge_button.setEnabled(False)
            ui.swapButton.setEnabled(False)
            return
        self.preview = p
        ui.keepLabel.setText(self._side(p.keep))
        ui.dropLabel.setText(self._side(p.drop))
        ui.summaryLabel.setText(
            self.tr("สมาชิก %1 คนจะย้ายจากครัวเรือนทางขวาไปอยู่ในครัวเรือนทางซ้าย แล้วครัวเรือนทางขวาจะถูกลบ "
                    "ที่อยู่หลังรวม: %2").replace("%1", str(p.moving)).replace("%2", p.result_address or "-"))
        table = ui.fieldsTable
        rows = [f for f in p.fields if f.kept or f.other]
        table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            for c, text in enumerate((f.label, f.kept, f.other, f.result)):
                item = QTableWidgetItem(text)
                if f.conflict:
                    item.setBackground(QBrush(CONFLICT))
                    item.setToolTip(self.tr("ไม่ตรงกัน: เก็บค่าของครัวเรือนทางซ้าย"))
                table.setItem(r, c, item)
        if p.conflicts:
            ui.conflictLabel.setText(
                self.tr("ข้อมูลไม่ตรงกัน %1 ช่อง (แถบสีเหลือง): จะเก็บค่าของครัวเรือนทางซ้าย "
                        "ถ้าต้องการค่าของอีกครัวเรือน กด สลับ หรือแก้ที่อยู่หลังรวม")
                .replace("%1", str(len(p.conflicts))))
            ui.conflictLabel.show()
        else:
            ui.conflictLabel.hide()
        ui.errorLabel.clear()
        self.merge_button.setEnabled(True)

    def merge(self) -> None:
        if self.preview is None:
            return
        try:
            with self.ctx.db.session() as session:
                result = merge_households(session, self.keep_uuid, self.drop_uuid)
        except HouseholdError as exc:
            self.ui.errorLabel.setText(exc.message)
            self.merge_button.setEnabled(False)
            return
        self.result_ = result
        self.merged.emit(result)
        self.accept()

    def conflict_rows(self) -> list[str]:
        """Labels of the rows marked as conflicts (for tests)."""
        table = self.ui.fieldsTable
        return [table.item(r, 0).text() for r in range(table.rowCount())
                if table.item(r, 0).background().color() == CONFLICT]

