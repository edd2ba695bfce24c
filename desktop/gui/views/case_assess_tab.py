"""ประเมินความต้องการ: a case's needs assessment (issue 13): the six areas, each rated with
its needs ticked from the fixed list and a note, the reasons for leaving school, the last
school and about when the child left. A partial one may be saved; the tab says whether it
is complete (the move to "assessed" asks). services/case_assess.py checks and stores."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_needs import (
    LEVEL_LABELS,
    NEEDS,
    Area,
    AreaRating,
    Assessment,
    LeaveReason,
    Level,
    area_label,
    need_label,
    reason_label,
)
from desktop.domain.dates import format_be
from desktop.gui.views.case_common import date_edit, date_of, problem_text
from desktop.i18n import _

REASON_COLUMNS = 3


class AreaRow:
    """One area's widgets: the level, the needs (a menu of ticks), the note."""

    def __init__(self, tab: QWidget, area: Area, grid: QGridLayout, row: int) -> None:
        self.area = area
        grid.addWidget(QLabel(area_label(area), tab), row, 0)
        self.level = QComboBox(tab)
        self.level.addItem(QCoreApplication.translate("AssessTab", "ยังไม่ประเมิน"), None)
        for level in Level:
            self.level.addItem(_(LEVEL_LABELS[level]), level.value)
        grid.addWidget(self.level, row, 1)
        self.needs_button = QToolButton(tab)
        self.needs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.needs_button)
        self.actions = {}
        for code in NEEDS[area]:
            action = menu.addAction(need_label(area, code))
            action.setCheckable(True)
            action.toggled.connect(lambda _on: self._show_needs())
            self.actions[code] = action
        self.needs_button.setMenu(menu)
        grid.addWidget(self.needs_button, row, 2)
        self.note = QLineEdit(tab)
        self.note.setPlaceholderText(QCoreApplication.translate("AssessTab", "บันทึก"))
        grid.addWidget(self.note, row, 3)
        self.tab = tab
        self._show_needs()

    def _show_needs(self) -> None:
        ticked = [a.text() for a in self.actions.values() if a.isChecked()]
        self.needs_button.setText(QCoreApplication.translate("AssessTab", "ความต้องการ %1 ข้อ")
                                  .replace("%1", str(len(ticked))))
        self.needs_button.setToolTip("\n".join(ticked))
        widest = self.needs_button.fontMetrics().horizontalAdvance(
            QCoreApplication.translate("AssessTab", "ความต้องการ %1 ข้อ").replace("%1", "00"))
        self.needs_button.setMinimumWidth(widest + 36)  # the menu's arrow beside the text, not over it

    def rating(self) -> AreaRating | None:
        value = self.level.currentData()
        needs = frozenset(code for code, a in self.actions.items() if a.isChecked())
        if value is None and not needs and not self.note.text().strip():
            return None
        return AreaRating(Level(value) if value else None, needs, self.note.text())

    def show(self, rating: AreaRating | None) -> None:
        self.level.setCurrentIndex(max(0, self.level.findData(rating.level.value if rating and rating.level
                                                               else None)))
        for code, action in self.actions.items():
            action.setChecked(rating is not None and code in rating.needs)
        self.note.setText(rating.note if rating else "")


class AssessTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        self.state_label = QLabel(body)
        self.state_label.setObjectName("assessmentState")
        self.state_label.setWordWrap(True)
        column.addWidget(self.state_label)
        areas = QGroupBox(self.tr("ความต้องการ 6 ด้าน"), body)
        grid = QGridLayout(areas)
        grid.setColumnStretch(3, 1)
        self.rows = {area: AreaRow(self, area, grid, i) for i, area in enumerate(Area)}
        column.addWidget(areas)
        reasons = QGroupBox(self.tr("สาเหตุที่ออกจากการศึกษา"), body)
        rgrid = QGridLayout(reasons)
        self.reason_checks: dict[LeaveReason, QCheckBox] = {}
        for i, reason in enumerate(LeaveReason):
            check = QCheckBox(reason_label(reason), reasons)
            rgrid.addWidget(check, i // REASON_COLUMNS, i % REASON_COLUMNS)
            self.reason_checks[reason] = check
        self.other_edit = QLineEdit(reasons)
        self.other_edit.setPlaceholderText(self.tr("เหตุผลอื่น (เมื่อเลือก \"อื่น ๆ\")"))
        rgrid.addWidget(self.other_edit, len(LeaveReason) // REASON_COLUMNS + 1, 0, 1, REASON_COLUMNS)
        column.addWidget(reasons)
        more = QHBoxLayout()
        more.addWidget(QLabel(self.tr("สถานศึกษาเดิม"), body))
        self.school_edit = QLineEdit(body)
        more.addWidget(self.school_edit, 2)
        more.addWidget(QLabel(self.tr("ออกเมื่อ"), body))
        self.left_edit = QLineEdit(body)
        self.left_edit.setPlaceholderText(self.tr("เช่น 1/7/2569 (เว้นว่างได้)"))
        self.left_edit.setMaximumWidth(140)
        more.addWidget(self.left_edit)
        column.addLayout(more)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("วันที่ประเมิน"), body))
        self.date_edit = date_edit(body)
        bottom.addWidget(self.date_edit)
        self.note_edit = QLineEdit(body)
        self.note_edit.setPlaceholderText(self.tr("บันทึกเพิ่มเติม"))
        bottom.addWidget(self.note_edit, 1)
        self.save_button = QPushButton(self.tr("บันทึกการประเมิน"), body)
        self.save_button.setObjectName("saveAssessmentButton")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        column.addLayout(bottom)
        column.addStretch(1)

    def refresh(self, detail: Any) -> None:
        from desktop.domain.cases import CaseStatus
        from desktop.services.case_assess import latest_assessment
        from desktop.services.people import full_name

        with self.page.ctx.db.reader() as session:
            view = latest_assessment(session, detail.case.id)
            by = full_name(session, view.assessment.by) if view is not None else ""  # by name, not login
        a = view.assessment if view is not None else None
        for area, row in self.rows.items():
            row.show(a.areas.get(area) if a else None)
        for reason, check in self.reason_checks.items():
            check.setChecked(a is not None and reason in a.reasons)
        self.other_edit.setText(a.other_reason if a else "")
        self.school_edit.setText(a.last_school if a else "")
        self.left_edit.setText(format_be(a.left_on) if a and a.left_on else "")
        self.note_edit.setText(a.note if a else "")
        if view is None:
            self.state_label.setText(self.tr("ยังไม่ได้ประเมินความต้องการ"))
        elif view.complete:
            self.state_label.setText(self.tr("ประเมินครบทุกด้านแล้ว (%1 โดย %2)")
                                     .replace("%1", format_be(a.assessed_on) if a else "")
                                     .replace("%2", by))
        else:
            self.state_label.setText(self.tr("บันทึกไว้แต่ยังไม่ครบ: ประเมินให้ครบทุกด้านและระบุสาเหตุ "
                                             "จึงจะเปลี่ยนสถานะเป็น \"ประเมินความต้องการแล้ว\" ได้"))
        self.save_button.setEnabled(detail.case.status is not CaseStatus.CLOSED)

    def assessment(self) -> Assessment:
        from desktop.domain.dates import parse_date

        areas = {area: r for area, row in self.rows.items() if (r := row.rating()) is not None}
        left = parse_date(self.left_edit.text(), era="auto") if self.left_edit.text().strip() else None
        return Assessment(date_of(self.date_edit), "", areas,
                          frozenset(r for r, c in self.reason_checks.items() if c.isChecked()),
                          self.other_edit.text(), self.school_edit.text(), left, self.note_edit.text())

    def save(self) -> None:
        from desktop.services.case_assess import save_assessment

        try:
            a = self.assessment()
            with self.page.ctx.db.session() as session:
                save_assessment(session, self.page.case_id, a)
        except Exception as exc:  # noqa: BLE001 - every problem, said at once
            self.page.say(problem_text(exc), error=True)
            return
        self.page.refresh()
        self.page.say(self.tr("บันทึกการประเมินความต้องการแล้ว"))
        self.page.changed.emit()
