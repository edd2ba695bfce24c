"""A child's development page (issue 12): the measurements with z-scores and Thai
categories, the WHO growth chart on screen (printed through the PDF preview), and the DSPM
checks: record a check, see "re-check due by", record the re-check, refer (letter PDF) and
record the hospital's outcome; correct or delete a measurement or a check (with a
confirmation). Opened from the centre page, the growth lists and the child form
(``attach``). What may not be done is refused by the services (a caregiver sees only
their own centre's children) and said here."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import age_on, format_age, format_be
from desktop.domain.dspm import manual as dspm_manual
from desktop.domain.errors import ValidationFailed
from desktop.domain.people import SEX_LABELS
from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.session_menu import may
from desktop.gui.views.dspm_check import DspmCheckDialog, OutcomeDialog, ReferDialog, problem_text
from desktop.gui.views.growth_chart_view import GrowthChartWidget
from desktop.gui.views.growth_measure import MeasurementDialog
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted
from desktop.services.dspm import CheckView, child_checks
from desktop.services.growth import GrowthChild, MeasurementView, growth_child, measurements

DUE_STYLE = "color: #8a4b00; font-weight: bold;"


class SortItem(QTableWidgetItem):
    """A cell sorted by its value (a date, a number), not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is None or theirs is None:
            return (mine is not None, self.text()) < (theirs is not None, other.text())
        return bool(mine < theirs)


def _item(text: str, sort: Any = None, *, right: bool = False) -> QTableWidgetItem:
    item = SortItem(text)
    if sort is not None:
        item.setData(Qt.ItemDataRole.UserRole, sort)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _z(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


class ChildDevelopmentDialog(QDialog):
    changed = Signal()
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, child_ref: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childDevelopmentDialog")
        self.ctx, self.ref, self.today = ctx, child_ref, today or date.today()
        self.child: GrowthChild | None = None
        self.rows: list[MeasurementView] = []
        self.checks: list[CheckView] = []
        self.series: list[Any] = []
        self.documents = Documents(ctx, self, self.status_message.emit)
        self.setWindowTitle(self.tr("พัฒนาการของเด็ก"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("childHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("developmentTabs")
        self.tabs.addTab(self._growth_tab(), self.tr("น้ำหนักและส่วนสูง"))
        self.tabs.addTab(self._chart_tab(), self.tr("กราฟการเจริญเติบโต"))
        self.tabs.addTab(self._dspm_tab(), self.tr("พัฒนาการ (DSPM)"))
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.dialog: QDialog | None = None
        self.resize(1000, 680)
        fit_to_screen(self)
        self.reload()

    # ---- building
    def _growth_tab(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.measure_table = _table(page, "measurementsTable", [
            self.tr("วันที่"), self.tr("อายุ"), self.tr("น้ำหนัก (กก.)"), self.tr("ส่วนสูง (ซม.)"),
            self.tr("รอบศีรษะ (ซม.)"), "W/A", "H/A", "W/H", self.tr("การแปลผล")])
        self.measure_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # oldest first
        self.measure_table.setSortingEnabled(True)
        box.addWidget(self.measure_table, 1)
        self.latest_label = QLabel(page)
        self.latest_label.setObjectName("latestLabel")
        self.latest_label.setWordWrap(True)
        box.addWidget(self.latest_label)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("เพิ่มการชั่ง/วัด (Ctrl+N)"), page)  # no "…": it read as a label cut short
        self.add_button.setObjectName("addMeasurementButton")
        self.add_button.setToolTip(self.tr("บันทึกน้ำหนัก ส่วนสูง และรอบศีรษะครั้งใหม่ (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("แก้ไข…"), page)
        self.edit_button.setObjectName("editMeasurementButton")
        self.delete_button = QPushButton(self.tr("ลบ…"), page)
        self.delete_button.setObjectName("deleteMeasurementButton")
        for w in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(w)
        bar.addStretch(1)
        box.addLayout(bar)
        self.add_button.clicked.connect(self.add_measurement)
        self.edit_button.clicked.connect(self.edit_measurement)
        self.delete_button.clicked.connect(self.delete_measurement)
        self.measure_table.doubleClicked.connect(lambda _i: self.edit_measurement())
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self._new)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.measure_table, self.delete_measurement)
        return page

    def _chart_tab(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.chart_combo = QComboBox(page)
        self.chart_combo.setObjectName("chartCombo")
        bar.addWidget(self.chart_combo, 1)
        self.print_chart_button = QPushButton(self.tr("พิมพ์กราฟ (Ctrl+P)"), page)
        self.print_chart_button.setObjectName("printChartButton")
        self.print_chart_button.setToolTip(self.tr("ดูตัวอย่างก่อนพิมพ์: กราฟทั้งสามแบบและตารางผลการชั่งวัด (Ctrl+P)"))
        self.print_chart_button.setMinimumWidth(self.print_chart_button.sizeHint().width())
        bar.addWidget(self.print_chart_button)
        box.addLayout(bar)
        self.chart = GrowthChartWidget(page)
        self.chart.empty_text = self.tr("ยังไม่มีผลการชั่งน้ำหนักวัดส่วนสูง")
        box.addWidget(self.chart, 1)
        legend = QLabel(self.tr("เส้นเขียว = ค่ามัธยฐาน · เส้นเหลือง = ±1 SD · เส้นแดง = ±2 SD · เส้นดำ = ±3 SD · "
                                "จุดน้ำเงิน = เด็กคนนี้ (มาตรฐาน WHO 2006)"), page)
        legend.setWordWrap(True)
        box.addWidget(legend)
        self.chart_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.print_chart_button.clicked.connect(self.print_chart)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_chart)
        return page

    def _band(self, age_months: int) -> str:
        """A check's band: "42 เดือน" or a surveillance band "37 - 41 เดือน"."""
        band = next((b for b in dspm_manual().bands if b.age_months == age_months), None)
        if band is None or band.screening:
            return self.tr("%1 เดือน").replace("%1", str(age_months))
        if band.age_months == 0:
            return self.tr("แรกเกิด - 1 เดือน")
        return self.tr("%1 - %2 เดือน").replace("%1", str(band.age_months)).replace("%2", str(band.last_month))

    def _dspm_tab(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.check_table = _table(page, "checksTable", [
            self.tr("วันที่"), self.tr("ช่วงอายุ"), self.tr("การประเมิน"), self.tr("ผล"), self.tr("ข้อที่ไม่ผ่าน"),
            self.tr("ประเมินซ้ำภายใน"), self.tr("ส่งต่อ")])
        box.addWidget(self.check_table, 1)
        self.due_label = QLabel(page)
        self.due_label.setObjectName("recheckDueLabel")
        self.due_label.setWordWrap(True)
        self.due_label.setStyleSheet(DUE_STYLE)
        box.addWidget(self.due_label)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.check_button = QPushButton(self.tr("ประเมินพัฒนาการ…"), page)
        self.check_button.setObjectName("newCheckButton")
        self.recheck_button = QPushButton(self.tr("ประเมินซ้ำ…"), page)
        self.recheck_button.setObjectName("recheckButton")
        self.edit_check_button = QPushButton(self.tr("แก้ไข…"), page)
        self.edit_check_button.setObjectName("editCheckButton")
        self.delete_check_button = QPushButton(self.tr("ลบ…"), page)
        self.delete_check_button.setObjectName("deleteCheckButton")
        self.refer_button = QPushButton(self.tr("ส่งต่อ…"), page)
        self.refer_button.setObjectName("referButton")
        self.outcome_button = QPushButton(self.tr("ผลจากโรงพยาบาล…"), page)
        self.outcome_button.setObjectName("outcomeButton")
        self.sheet_button = QPushButton(self.tr("พิมพ์กิจกรรมสำหรับผู้ปกครอง…"), page)
        self.sheet_button.setObjectName("activitySheetButton")
        self.letter_button = QPushButton(self.tr("พิมพ์หนังสือส่งต่อ…"), page)
        self.letter_button.setObjectName("referralLetterButton")
        for w in (self.check_button, self.recheck_button, self.edit_check_button, self.delete_check_button):
            row1.addWidget(w)
        for w in (self.refer_button, self.outcome_button, self.sheet_button, self.letter_button):
            row2.addWidget(w)
        row1.addStretch(1)
        row2.addStretch(1)
        box.addLayout(row1)
        box.addLayout(row2)
        self.check_button.clicked.connect(self.new_check)
        self.recheck_button.clicked.connect(self.recheck)
        self.edit_check_button.clicked.connect(self.edit_check)
        self.delete_check_button.clicked.connect(self.delete_check)
        self.refer_button.clicked.connect(self.refer)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.sheet_button.clicked.connect(self.print_activity_sheet)
        self.letter_button.clicked.connect(self.print_referral_letter)
        self.check_table.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.check_table, self.delete_check)
        return page

    # ---- loading
    def reload(self) -> None:
        try:
            with self.ctx.db.reader() as s:
                self.child = growth_child(s, self.ref)
                self.ref = self.child.uuid
                self.rows = measurements(s, self.child.uuid)
                self.checks = child_checks(s, self.child.uuid)
        except (NotPermitted, ValidationFailed) as exc:
            self.child, self.rows, self.checks = None, [], []
            self.heading.setText(problem_text(exc))
            self.tabs.setEnabled(False)
            return
        c = self.child
        years, months = age_on(c.birth, self.today)
        self.heading.setText(self.tr("%1 · %2 · เกิด %3 · อายุ %4").replace("%1", c.name).replace(
            "%2", _(SEX_LABELS[c.sex])).replace("%3", format_be(c.birth)).replace("%4", format_age(years, months)))
        self.setWindowTitle(self.tr("พัฒนาการของเด็ก: %1").replace("%1", c.name))
        self._fill_measurements()
        self._fill_checks()
        self._load_chart()
        self._update_buttons()

    def _fill_measurements(self) -> None:
        from desktop.domain.growth_categories import Indicator

        table = self.measure_table
        table.setSortingEnabled(False)
        table.setRowCount(len(self.rows))
        birth = self.child.birth if self.child else date.today()
        for row, m in enumerate(self.rows):
            years, months = age_on(birth, m.measured_on)
            cats = " / ".join(t for t in (m.category_label(i) for i in (Indicator.WFA, Indicator.HFA, Indicator.WFH))
                              if t) or "; ".join(m.notes) or "-"
            first = _item(format_be(m.measured_on), m.measured_on.toordinal())
            first.setData(Qt.ItemDataRole.UserRole + 1, m.id)
            cells = [first, _item(format_age(years, months), m.age_days),
                     _item("-" if m.weight_kg is None else f"{m.weight_kg:g}", m.weight_kg, right=True),
                     _item("-" if m.height_cm is None else f"{m.height_cm:g}", m.height_cm, right=True),
                     _item("-" if m.head_cm is None else f"{m.head_cm:g}", m.head_cm, right=True),
                     _item(_z(m.z.get(Indicator.WFA)), m.z.get(Indicator.WFA), right=True),
                     _item(_z(m.z.get(Indicator.HFA)), m.z.get(Indicator.HFA), right=True),
                     _item(_z(m.z.get(Indicator.WFH)), m.z.get(Indicator.WFH), right=True), _item(cats)]
            for col, cell in enumerate(cells):
                table.setItem(row, col, cell)
        table.setSortingEnabled(True)
        if self.rows:
            latest = self.rows[-1]
            latest_cats = [f"{_(label)}: {latest.category_label(ind)}" for ind, label in self._indicator_labels()
                           if latest.category_label(ind)]
            self.latest_label.setText(self.tr("ล่าสุด %1: %2").replace("%1", format_be(latest.measured_on)).replace(
                "%2", " · ".join(latest_cats) or "-"))
        else:
            self.latest_label.setText(self.tr("ยังไม่มีผลการชั่งน้ำหนักวัดส่วนสูง: กดเพิ่มการชั่ง/วัด"))

    @staticmethod
    def _indicator_labels() -> list[tuple[Any, str]]:
        from desktop.domain.growth_categories import INDICATOR_LABELS, Indicator

        return [(i, INDICATOR_LABELS[i]) for i in (Indicator.WFA, Indicator.HFA, Indicator.WFH)]

    def _fill_checks(self) -> None:
        table = self.check_table
        table.setRowCount(len(self.checks))
        for row, c in enumerate(self.checks):
            kind = self.tr("ประเมินซ้ำ") if c.is_recheck else self.tr("ครั้งแรก")
            if c.late:
                kind += self.tr(" (เลยกำหนด)")
            referral = ""
            if c.referral is not None:
                referral = self.tr("%1 เมื่อ %2").replace("%1", c.referral.hospital).replace(
                    "%2", format_be(c.referral.sent_on))
                referral += " · " + (self.tr("รอผล") if c.referral.outcome is None else
                                     self.tr("ได้รับผลแล้ว %1").replace("%1", format_be(c.referral.outcome_on))
                                     if c.referral.outcome_on else self.tr("ได้รับผลแล้ว"))
            due = format_be(c.recheck_due) if c.recheck_due and c.rechecked_by is None else ""
            cells = [_item(format_be(c.checked_on)), _item(self._band(c.age_months)),
                     _item(kind), _item(c.outcome_label), _item(", ".join(str(i.no) for i in c.failed) or "-"),
                     _item(due), _item(referral)]
            cells[0].setData(Qt.ItemDataRole.UserRole + 1, c.id)
            for col, cell in enumerate(cells):
                table.setItem(row, col, cell)
        waiting = [c for c in self.checks if c.recheck_due is not None and c.rechecked_by is None]
        texts = []
        for c in waiting:
            late = self.today > c.recheck_due  # type: ignore[operator]
            texts.append((self.tr("เลยกำหนดประเมินซ้ำ (ภายใน %1): ประเมินซ้ำโดยเร็ว") if late else
                          self.tr("ต้องประเมินซ้ำภายใน %1 (ข้อ %2)")).replace(
                "%1", format_be(c.recheck_due)).replace("%2", ", ".join(str(i.no) for i in c.failed)))
        refer = [c for c in self.checks if c.outcome.value in ("refer_now", "refer_teda4i") and c.referral is None]
        if refer:
            texts.append(self.tr("ต้องส่งต่อประเมิน TEDA4I: เลือกผลแล้วกดส่งต่อ"))
        self.due_label.setText("\n".join(texts))
        self.due_label.setVisible(bool(texts))
        if self.checks:
            table.selectRow(len(self.checks) - 1)

    def _load_chart(self) -> None:
        from desktop.services.growth_print import (
            chart_set,  # reportlab: when the page opens, not at start-up
        )

        keep = self.chart_combo.currentIndex()
        self.chart_combo.blockSignals(True)
        self.chart_combo.clear()
        for _ind, label in self._indicator_labels():
            self.chart_combo.addItem(_(label))
        self.chart_combo.setCurrentIndex(max(keep, 0))
        self.chart_combo.blockSignals(False)
        try:
            with self.ctx.db.reader() as s:
                self.series = chart_set(s, self.ref) if self.rows else []
        except (NotPermitted, ValidationFailed):
            self.series = []
        self._draw()

    def _draw(self) -> None:
        i = self.chart_combo.currentIndex()
        if not self.series or not 0 <= i < len(self.series):
            self.chart.show_series(None, self.chart_combo.currentText(), "", "")
            return
        s = self.series[i]
        x_label = {"อายุ (เดือน)": self.tr("อายุ (เดือน)"), "ความยาว (ซม.)": self.tr("ความยาว (ซม.)"),
                   "ส่วนสูง (ซม.)": self.tr("ส่วนสูง (ซม.)")}.get(s.x_label, s.x_label)
        y_label = {"น้ำหนัก (กก.)": self.tr("น้ำหนัก (กก.)"), "ส่วนสูง (ซม.)": self.tr("ส่วนสูง (ซม.)")}.get(
            s.y_label, s.y_label)
        self.chart.show_series(s, self.chart_combo.currentText() + self.tr(" (WHO 2006, -3 ถึง +3 SD)"),
                               x_label, y_label)

    def _update_buttons(self) -> None:
        record = may(self.ctx.db, Action.GROWTH_RECORD) and self.child is not None
        check_rights = may(self.ctx.db, Action.DSPM_RECORD) and self.child is not None
        self.add_button.setEnabled(record)
        self.edit_button.setEnabled(record and bool(self.rows))
        self.delete_button.setEnabled(record and bool(self.rows))
        c = self.selected_check()
        self.check_button.setEnabled(check_rights)
        self.recheck_button.setEnabled(check_rights and c is not None and c.recheck_due is not None
                                       and c.rechecked_by is None and not c.is_recheck)
        self.edit_check_button.setEnabled(check_rights and c is not None)
        self.delete_check_button.setEnabled(check_rights and c is not None)
        needs = c is not None and c.outcome.value in ("refer_now", "refer_teda4i")
        self.refer_button.setEnabled(check_rights and needs and c.referral is None)  # type: ignore[union-attr]
        self.outcome_button.setEnabled(check_rights and c is not None and c.referral is not None)
        printing = may(self.ctx.db, Action.REPORT)
        self.sheet_button.setEnabled(printing and c is not None and bool(c.failed))
        self.letter_button.setEnabled(printing and needs)
        self.print_chart_button.setEnabled(printing and bool(self.rows))

    # ---- rows
    def selected_measurement(self) -> MeasurementView | None:
        model = self.measure_table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        item = self.measure_table.item(rows[0].row(), 0) if rows else None
        if item is None:
            return None
        mid = item.data(Qt.ItemDataRole.UserRole + 1)
        return next((m for m in self.rows if m.id == mid), None)

    def selected_check(self) -> CheckView | None:
        rows = self.check_table.selectionModel().selectedRows() if self.check_table.selectionModel() else []
        item = self.check_table.item(rows[0].row(), 0) if rows else None
        if item is None:
            return None
        cid = item.data(Qt.ItemDataRole.UserRole + 1)
        return next((c for c in self.checks if c.id == cid), None)

    def _changed(self, message: str = "") -> None:
        self.reload()
        self.changed.emit()
        if message:
            self.status_message.emit(message, None)

    # ---- measurements
    def _new(self) -> None:
        if self.tabs.currentIndex() == 2:
            self.new_check()
        else:
            self.add_measurement()

    def _measurement_dialog(self, editing: MeasurementView | None) -> None:
        c = self.child
        if c is None or not self.add_button.isEnabled():
            return
        dialog = MeasurementDialog(self.ctx, c.uuid, c.name, c.sex, c.birth, self, editing=editing, today=self.today)
        dialog.saved.connect(lambda view: self._measured(view))
        self.dialog = dialog
        dialog.open()

    def add_measurement(self) -> None:
        self._measurement_dialog(None)

    def edit_measurement(self) -> None:
        m = self.selected_measurement()
        if m is not None:
            self._measurement_dialog(m)

    def _measured(self, view: MeasurementView) -> None:
        self._changed()
        for row in range(self.measure_table.rowCount()):
            item = self.measure_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == view.id:
                self.measure_table.selectRow(row)

    def delete_measurement(self) -> None:
        from desktop.services.growth import delete_measurement

        m = self.selected_measurement()
        if m is None or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(self, "Samoe", self.tr("ลบผลการชั่ง/วัดวันที่ %1 (น้ำหนัก %2 กก. ส่วนสูง %3 ซม.) หรือไม่")
                                      .replace("%1", format_be(m.measured_on))
                                      .replace("%2", "-" if m.weight_kg is None else f"{m.weight_kg:g}")
                                      .replace("%3", "-" if m.height_cm is None else f"{m.height_cm:g}"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.db.session() as s:
                delete_measurement(s, m.id)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem_text(exc))
            return
        self._changed(self.tr("ลบผลการชั่ง/วัดแล้ว"))

    # ---- checks
    def _check_dialog(self, **kw: Any) -> None:
        c = self.child
        if c is None:
            return
        dialog = DspmCheckDialog(self.ctx, c.uuid, c.name, c.birth, self, today=self.today, **kw)
        dialog.saved.connect(lambda view: self._checked(view))
        self.dialog = dialog
        dialog.open()

    def new_check(self) -> None:
        if self.check_button.isEnabled():
            self._check_dialog()

    def recheck(self) -> None:
        c = self.selected_check()
        if c is not None and self.recheck_button.isEnabled():
            self._check_dialog(first=c)

    def edit_check(self) -> None:
        c = self.selected_check()
        if c is None or not self.edit_check_button.isEnabled():
            return
        first = next((x for x in self.checks if x.id == c.first_check_id), None) if c.is_recheck else None
        self._check_dialog(editing=c, first_of_edit=first)

    def _checked(self, view: CheckView) -> None:
        self._changed(view.outcome_label)
        for row in range(self.check_table.rowCount()):
            item = self.check_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == view.id:
                self.check_table.selectRow(row)

    def delete_check(self) -> None:
        from desktop.services.dspm import delete_check

        c = self.selected_check()
        if c is None or not self.delete_check_button.isEnabled():
            return
        answer = QMessageBox.question(self, "Samoe", self.tr("ลบผลการประเมินพัฒนาการวันที่ %1 (%2) หรือไม่")
                                      .replace("%1", format_be(c.checked_on)).replace("%2", c.outcome_label),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.db.session() as s:
                delete_check(s, c.id)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem_text(exc))
            return
        self._changed(self.tr("ลบผลการประเมินแล้ว"))

    def refer(self) -> None:
        c = self.selected_check()
        if c is not None and self.refer_button.isEnabled():
            self.dialog = ReferDialog(self.ctx, c, self, self.today, lambda: self._changed(self.tr("บันทึกการส่งต่อแล้ว")))
            self.dialog.open()

    def record_outcome(self) -> None:
        c = self.selected_check()
        if c is not None and self.outcome_button.isEnabled():
            self.dialog = OutcomeDialog(self.ctx, c, self, self.today,
                                        lambda: self._changed(self.tr("บันทึกผลจากโรงพยาบาลแล้ว")))
            self.dialog.open()

    # ---- printing
    def print_chart(self) -> None:
        from desktop.services.growth_print import growth_chart_pdf

        c = self.child
        if c is None or not self.print_chart_button.isEnabled():
            return
        uuid = c.uuid
        self.documents.report(self.tr("กราฟการเจริญเติบโต %1").replace("%1", c.name), "growth-chart",
                              lambda s, out, o, p: growth_chart_pdf(s, uuid, out, o, p), subject_uuid=uuid)

    def print_activity_sheet(self) -> None:
        from desktop.services.dspm_print import activity_sheet

        c, child = self.selected_check(), self.child
        if c is None or child is None or not self.sheet_button.isEnabled():
            return
        cid = c.id
        self.documents.report(self.tr("กิจกรรมส่งเสริมพัฒนาการ %1").replace("%1", child.name), "dspm-activity",
                              lambda s, out, o, p: activity_sheet(s, cid, out, o, p), subject_uuid=child.uuid)

    def print_referral_letter(self) -> None:
        from desktop.services.dspm_print import referral_letter

        c, child = self.selected_check(), self.child
        if c is None or child is None or not self.letter_button.isEnabled():
            return
        cid = c.id
        self.documents.report(self.tr("หนังสือส่งต่อ %1").replace("%1", child.name), "dspm-referral",
                              lambda s, out, o, p: referral_letter(s, cid, out, o, p), subject_uuid=child.uuid)


def open_development(ctx: AppContext, child_ref: str, parent: QWidget) -> ChildDevelopmentDialog:
    dialog = ChildDevelopmentDialog(ctx, child_ref, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def attach(form: Any, ctx: AppContext, uuid: str | None) -> None:
    """The child form's hook: a พัฒนาการ… button (a saved child, a user who may read growth)."""
    if not uuid or not may(ctx.db, Action.GROWTH_READ):
        return
    button = form.ui.buttonBox.addButton(QCoreApplication.translate("ChildDevelopmentDialog", "พัฒนาการ…"),
                                         QDialogButtonBox.ButtonRole.ActionRole)
    button.setObjectName("developmentButton")
    button.setToolTip(QCoreApplication.translate("ChildDevelopmentDialog",
                                                 "น้ำหนัก ส่วนสูง กราฟการเจริญเติบโต และการประเมินพัฒนาการ (DSPM)"))
    button.clicked.connect(lambda: setattr(form, "development_dialog", open_development(ctx, uuid, form)))
