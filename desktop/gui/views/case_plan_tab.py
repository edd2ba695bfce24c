"""แผนช่วยเหลือรายบุคคล: a case's individual assistance plan (issue 13): its versions (the
approved ones stay readable), the one chosen shown goal by goal; the case worker drafts
(views/case_plan_editor.py) and submits; a supervisor approves exactly what is shown (the
content's hash as displayed) or returns it with a reason: those two buttons are hidden
from a role without ``case.supervise`` (services/case_plans.py refuses anyway). Progress
(an action's outcome) is recorded on the plan in force without a new version."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_needs import area_label
from desktop.domain.case_plan import (
    PlanStatus,
    agency_label,
    content_hash,
    plan_status_label,
    total_budget,
)
from desktop.domain.dates import format_be
from desktop.domain.roles import Action
from desktop.gui.session_menu import may
from desktop.gui.views.case_common import fill_table, problem_text, read_only_table


def baht(satang: int) -> str:
    return f"{satang / 100:,.2f}"


class PlanTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.line: Any = None
        self.names: dict[str, str] = {}  # login → full name (who decided a version)
        self.shown: Any = None  # the version on screen
        self.shown_hash = ""
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("ฉบับ"), self))
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("versionCombo")
        self.version_combo.currentIndexChanged.connect(self._show_version)
        top.addWidget(self.version_combo, 2)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        top.addWidget(self.state_label, 3)
        column.addLayout(top)
        self.table = read_only_table(self)
        column.addWidget(self.table, 1)
        self.total_label = QLabel(self)
        column.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("ร่าง/แก้ไขแผน…"), self)
        self.edit_button.setObjectName("editPlanButton")
        self.submit_button = QPushButton(self.tr("เสนออนุมัติ"), self)
        self.submit_button.setObjectName("submitPlanButton")
        self.outcome_button = QPushButton(self.tr("บันทึกผลกิจกรรม…"), self)
        self.approve_button = QPushButton(self.tr("อนุมัติแผนฉบับนี้"), self)
        self.approve_button.setObjectName("approvePlanButton")
        self.return_button = QPushButton(self.tr("ส่งกลับให้แก้ไข…"), self)
        self.return_button.setObjectName("returnPlanButton")
        for b in (self.edit_button, self.submit_button, self.outcome_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.approve_button, self.return_button):
            buttons.addWidget(b)
        column.addLayout(buttons)
        self.supervisor = may(page.ctx.db, Action.CASE_SUPERVISE)
        self.approve_button.setVisible(self.supervisor)
        self.return_button.setVisible(self.supervisor)
        self.edit_button.clicked.connect(self.edit)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.send_back)
        self.outcome_button.clicked.connect(self.record_outcome)

    def refresh(self, detail: Any) -> None:
        from desktop.domain.cases import CaseStatus
        from desktop.services.case_plans import plan_line
        from desktop.services.people import full_names

        with self.page.ctx.db.reader() as session:
            self.line = plan_line(session, detail.case.id)
            self.names = full_names(session, [v.decided_by for v in self.line.versions])  # by name, not login
        self.closed = detail.case.status is CaseStatus.CLOSED
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for v in reversed(self.line.versions):
            self.version_combo.addItem(self.tr("ฉบับที่ %1 · %2").replace("%1", str(v.number))
                                       .replace("%2", plan_status_label(v.status)), v.number)
        self.version_combo.blockSignals(False)
        self._show_version()

    def _show_version(self) -> None:
        number = self.version_combo.currentData()
        v = self.line.version(number) if self.line is not None and number is not None else None
        self.shown = v
        rows = []
        if v is not None:
            for goal in v.content.goals:
                for a in goal.actions or ((None),):
                    if a is None:
                        rows.append([goal.text, area_label(goal.area) if goal.area else "", "", "", "", "", "", ""])
                        continue
                    who = " · ".join(p for p in (agency_label(a.agency) if a.agency else "", a.agency_name) if p)
                    done = a.outcome + (f" ({format_be(a.done_on)})" if a.done_on else "")
                    rows.append([goal.text, area_label(goal.area) if goal.area else "", a.text, who, a.person,
                                 format_be(a.due) if a.due else "", baht(a.budget_satang) if a.budget_satang else "",
                                 done])
        fill_table(self.table, [self.tr("เป้าหมาย"), self.tr("ด้าน"), self.tr("กิจกรรม"), self.tr("หน่วยงาน"),
                                self.tr("ผู้รับผิดชอบ"), self.tr("กำหนด"), self.tr("งบประมาณ (บาท)"),
                                self.tr("ผล")], rows,
                   fitted=(1, 5, 6))  # area, due, budget: as wide as their values; the texts share the rest
        self.shown_hash = content_hash(v.content) if v is not None else ""
        if v is None:
            self.state_label.setText(self.tr("ยังไม่มีแผนช่วยเหลือ"))
            self.total_label.setText("")
        else:
            state = plan_status_label(v.status)
            if v.decided_by:
                state += " · " + self.tr("โดย %1 เมื่อ %2").replace("%1", self.names.get(v.decided_by, v.decided_by)).replace(
                    "%2", format_be(v.decided_on))
            if v.returned_reason and v.status is PlanStatus.RETURNED:
                state += " · " + v.returned_reason
            if self.line.faults:
                state += " · " + self.tr("พบการแก้ไขแผนที่อนุมัติแล้วนอกโปรแกรม")
            self.state_label.setText(state)
            self.total_label.setText(self.tr("งบประมาณรวม %1 บาท").replace("%1", baht(total_budget(v.content))))
        pending = self.line.pending if self.line is not None else None
        waiting = v is not None and v.status is PlanStatus.SUBMITTED
        open_ = not self.closed
        self.edit_button.setEnabled(open_)
        self.submit_button.setEnabled(open_ and pending is not None and pending.status in
                                      (PlanStatus.DRAFT, PlanStatus.RETURNED))
        self.approve_button.setEnabled(open_ and waiting)
        self.return_button.setEnabled(open_ and waiting)
        self.outcome_button.setEnabled(open_ and self.line is not None and self.line.in_force is not None)

    def _run(self, work: Any, done: str) -> bool:
        try:
            with self.page.ctx.db.session() as session:
                work(session)
        except Exception as exc:  # noqa: BLE001 - every problem said on the case page
            self.page.say(problem_text(exc), error=True)
            return False
        self.page.refresh()
        self.page.say(done)
        self.page.changed.emit()
        return True

    def edit(self) -> None:
        from desktop.gui.views.case_plan_editor import PlanEditorDialog

        base = None
        if self.line is not None:
            base = self.line.pending or self.line.in_force
        dialog = PlanEditorDialog(self.page.ctx, self.page.case_id, base.content if base else None, self.page)
        self.page.plan_editor = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, text: str) -> None:
        self.page.refresh()
        self.page.say(text)
        self.page.changed.emit()

    def submit(self) -> None:
        from desktop.services.case_plans import submit_plan

        self._run(lambda s: submit_plan(s, self.page.case_id), self.tr("เสนอแผนให้หัวหน้างานอนุมัติแล้ว"))

    def approve(self) -> None:
        from desktop.services.case_plans import approve_plan

        v, seen = self.shown, self.shown_hash  # exactly what is on screen
        if v is None:
            return
        self._run(lambda s: approve_plan(s, self.page.case_id, v.number, seen),
                  self.tr("อนุมัติแผนฉบับที่ %1 แล้ว").replace("%1", str(v.number)))

    def send_back(self) -> None:
        from desktop.services.case_plans import return_plan

        v = self.shown
        if v is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("ส่งกลับให้แก้ไข"), self.tr("เหตุผลที่ส่งกลับ"))
        if ok:
            self._run(lambda s: return_plan(s, self.page.case_id, v.number, reason),
                      self.tr("ส่งแผนกลับให้แก้ไขแล้ว"))

    def record_outcome(self) -> None:
        from desktop.gui.views.case_plan_editor import OutcomeDialog

        if self.line is None or self.line.in_force is None:
            return
        dialog = OutcomeDialog(self.page.ctx, self.page.case_id, self.line.in_force, self.page)
        self.page.outcome_dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()
