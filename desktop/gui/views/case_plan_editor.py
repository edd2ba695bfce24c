"""The plan editor (issue 13): the draft's goals and actions in one grid, a row per action
(consecutive rows with the same goal make one goal), each with the need it answers, the
responsible agency and person, the due date and the budget; saved as the draft
(services/case_plans.save_plan: after an approved version a new draft version, the
approved one staying in force). And the small dialog that records an action's outcome."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_needs import Area, area_label
from desktop.domain.case_plan import (
    Agency,
    Goal,
    PlanAction,
    PlanContent,
    PlanVersion,
    agency_label,
)
from desktop.domain.dates import format_be, parse_date
from desktop.gui.views.case_common import may_discard, problem_text
from desktop.gui.widgets.screen import fit_to_screen

GOAL, AREA, TEXT, AGENCY, AGENCY_NAME, PERSON, DUE, BUDGET = range(8)


class PlanEditorDialog(QDialog):
    saved = Signal(str)

    def __init__(self, ctx: Any, case_id: int, content: PlanContent | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.setWindowTitle(self.tr("แผนการช่วยเหลือเด็กรายบุคคล (ฉบับร่าง)"))
        self.resize(1100, 520)
        column = QVBoxLayout(self)
        hint = QLabel(self.tr("หนึ่งแถวต่อหนึ่งกิจกรรม แถวที่ติดกันซึ่งเป้าหมายเหมือนกันรวมเป็นเป้าหมายเดียว "
                              "วันที่เป็น พ.ศ. งบประมาณเป็นบาท"), self)
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([self.tr("เป้าหมาย"), self.tr("ด้าน"), self.tr("กิจกรรม"),
                                              self.tr("หน่วยงาน"), self.tr("ชื่อหน่วยงาน"), self.tr("ผู้รับผิดชอบ"),
                                              self.tr("กำหนดเสร็จ"), self.tr("งบประมาณ (บาท)")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the grid (the arrows move within it)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the goal, activity and agency's name
        for c, width in ((AREA, 120), (AGENCY, 150), (PERSON, 120)):  # the choices narrower: full text in tooltips
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, width)
        for c in (DUE, BUDGET):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._tip)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("เพิ่มเป้าหมาย"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.more_button = QPushButton(self.tr("เพิ่มกิจกรรมในเป้าหมายนี้"), self)
        self.more_button.clicked.connect(self.add_action)
        self.remove_button = QPushButton(self.tr("ลบแถว"), self)
        self.remove_button.clicked.connect(self.remove_row)
        for b in (self.add_button, self.more_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        column.addLayout(row)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("บันทึกของแผน"))
        column.addWidget(self.note_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        column.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        if content is not None:
            for goal in content.goals:
                for a in goal.actions or (PlanAction(""),):
                    self.add_row(goal.text, goal.area, a)
            self.note_edit.setText(content.note)
        if self.table.rowCount() == 0:
            self.add_row()
        self._pristine = self._typed()
        fit_to_screen(self)

    @staticmethod
    def _tip(item: QTableWidgetItem) -> None:
        if item.toolTip() != item.text():
            item.setToolTip(item.text())  # a cut cell read in full

    def _typed(self) -> tuple[object, ...]:
        cells = [self._text(r, c) for r in range(self.table.rowCount()) for c in (GOAL, TEXT, AGENCY_NAME, PERSON,
                                                                                  DUE, BUDGET)]
        combos = [self._combo(r, c).currentData() for r in range(self.table.rowCount()) for c in (AREA, AGENCY)]
        return (*cells, *combos, self.note_edit.text())

    def reject(self) -> None:
        """Esc or Cancel: what was typed is thrown away only when the clerk says so."""
        if may_discard(self, self._typed() != self._pristine, self.tr("ยกเลิกการแก้ไขแผน"),
                       self.tr("แผนที่พิมพ์ไว้ยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขนี้หรือไม่?")):
            super().reject()

    def add_row(self, goal: str = "", area: Area | None = None, action: PlanAction | None = None,
                at: int | None = None) -> int:
        a = action or PlanAction("")
        r = self.table.rowCount() if at is None else at
        self.table.insertRow(r)
        for c, text in ((GOAL, goal), (TEXT, a.text), (AGENCY_NAME, a.agency_name), (PERSON, a.person),
                        (DUE, format_be(a.due) if a.due else ""),
                        (BUDGET, f"{a.budget_satang / 100:.2f}" if a.budget_satang else "")):
            self.table.setItem(r, c, QTableWidgetItem(text))
        areas = QComboBox(self.table)
        areas.addItem("", None)
        for x in Area:
            areas.addItem(area_label(x), x.value)
        areas.setCurrentIndex(max(0, areas.findData(area.value if area else None)))
        self.table.setCellWidget(r, AREA, areas)
        agencies = QComboBox(self.table)
        agencies.addItem("", None)
        for g in Agency:
            agencies.addItem(agency_label(g), g.value)
        agencies.setCurrentIndex(max(0, agencies.findData(a.agency.value if a.agency else None)))
        self.table.setCellWidget(r, AGENCY, agencies)
        for combo in (areas, agencies):  # narrow columns: the full choice in the tooltip
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)
        return r

    def add_action(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            self.add_row()
            return
        area = self._combo(r, AREA).currentData()
        self.add_row(self._text(r, GOAL), Area(area) if area else None, at=r + 1)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)

    def _combo(self, r: int, c: int) -> QComboBox:
        combo = self.table.cellWidget(r, c)
        assert isinstance(combo, QComboBox)
        return combo

    def _text(self, r: int, c: int) -> str:
        item = self.table.item(r, c)
        return item.text().strip() if item is not None else ""

    def set_row(self, r: int, *, goal: str = "", area: Area | None = None, text: str = "",
                agency: Agency | None = None, agency_name: str = "", person: str = "", due: str = "",
                budget: str = "") -> None:
        """Fill row ``r`` as the clerk would type it (tests, and a copied row)."""
        for c, typed in ((GOAL, goal), (TEXT, text), (AGENCY_NAME, agency_name), (PERSON, person), (DUE, due),
                         (BUDGET, budget)):
            self.table.setItem(r, c, QTableWidgetItem(typed))
        for c, value in ((AREA, area.value if area else None), (AGENCY, agency.value if agency else None)):
            combo = self._combo(r, c)
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def content(self) -> PlanContent:
        """The grid as a plan; ValueError (a Thai message naming the row) for a date or an
        amount that cannot be read."""
        goals: list[Goal] = []
        for r in range(self.table.rowCount()):
            goal_text, text = self._text(r, GOAL), self._text(r, TEXT)
            area_value = self._combo(r, AREA).currentData()
            agency_value = self._combo(r, AGENCY).currentData()
            if not goal_text and not text:
                continue
            due_text, budget_text = self._text(r, DUE), self._text(r, BUDGET).replace(",", "")
            try:
                due: date | None = parse_date(due_text, era="auto") if due_text else None
            except ValueError as exc:
                raise ValueError(self.tr("แถวที่ %1: %2").replace("%1", str(r + 1)).replace("%2", str(exc))) from None
            try:
                satang = round(float(budget_text) * 100) if budget_text else 0
            except ValueError:
                raise ValueError(self.tr("แถวที่ %1: งบประมาณต้องเป็นตัวเลข (บาท)").replace("%1", str(r + 1))) from None
            area = Area(area_value) if area_value else None
            action = (PlanAction(text, Agency(agency_value) if agency_value else None, self._text(r, AGENCY_NAME),
                                 self._text(r, PERSON), due, satang) if text or agency_value or due else None)
            if goals and goals[-1].text == goal_text and goals[-1].area == area:
                last = goals[-1]
                goals[-1] = Goal(last.text, last.area, (*last.actions, *([action] if action else [])))
            else:
                goals.append(Goal(goal_text, area, (action,) if action else ()))
        return PlanContent(tuple(goals), self.note_edit.text())

    def save(self) -> None:
        from desktop.services.case_plans import save_plan

        try:
            content = self.content()
            with self.ctx.db.session() as session:
                v = save_plan(session, self.case_id, content)
        except Exception as exc:  # noqa: BLE001 - every problem, said at once
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
            return
        self.saved.emit(self.tr("บันทึกร่างแผนฉบับที่ %1 แล้ว").replace("%1", str(v.number)))
        self.accept()


class OutcomeDialog(QDialog):
    """What came of one action of the plan in force."""

    saved = Signal(str)

    def __init__(self, ctx: Any, case_id: int, version: PlanVersion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.setWindowTitle(self.tr("บันทึกผลกิจกรรมตามแผน"))
        self.resize(560, 220)
        form = QFormLayout(self)
        self.action_combo = QComboBox(self)
        for gi, goal in enumerate(version.content.goals, start=1):
            for ai, a in enumerate(goal.actions, start=1):
                self.action_combo.addItem(f"{gi}.{ai} {a.text}", (gi, ai))
        form.addRow(self.tr("กิจกรรม"), self.action_combo)
        self.outcome_edit = QLineEdit(self)
        form.addRow(self.tr("ผลการดำเนินงาน"), self.outcome_edit)
        self.done_edit = QLineEdit(self)
        self.done_edit.setPlaceholderText(self.tr("วันที่เสร็จ (เว้นว่างถ้ายังไม่เสร็จ)"))
        form.addRow(self.tr("เสร็จเมื่อ"), self.done_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        fit_to_screen(self)

    def save(self) -> None:
        from desktop.services.case_plans import record_action_outcome

        pick = self.action_combo.currentData()
        if pick is None:
            return
        try:
            done = parse_date(self.done_edit.text(), era="auto") if self.done_edit.text().strip() else None
            with self.ctx.db.session() as session:
                record_action_outcome(session, self.case_id, pick[0], pick[1], self.outcome_edit.text(), done)
        except Exception as exc:  # noqa: BLE001 - said in the dialog
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
            return
        self.saved.emit(self.tr("บันทึกผลกิจกรรมแล้ว"))
        self.accept()
