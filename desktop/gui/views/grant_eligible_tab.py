"""A round's eligible list: every child screened in the term, in, held or out, with the
reason; shown all or only the eligible, held or out, searched by name or school, sorted
by any column. The selected children (or the eligible not yet paid in full, chosen with
one button) are paid through the payment dialog, after a confirmation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.grants import Outcome
from desktop.domain.levels import level_by_code
from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.gui.context import AppContext
from desktop.gui.views.grant_table import RowsModel, fill, make_table, select_keys, selected_keys
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.i18n import _
from desktop.services.grants import EligibilityRow

OUTCOME_COLOURS = {Outcome.ELIGIBLE: "#1b5e20", Outcome.HELD: "#8a4b00", Outcome.OUT: "#666666"}
SEARCH_DELAY_MS = 200


def level_label(code: str) -> str:
    try:
        return level_by_code(code).display_label if code else ""
    except KeyError:
        return code


def poverty_label(code: str) -> str:
    return _(LEVEL_LABELS[PovertyLevel(code)]) if code in {p.value for p in PovertyLevel} else code


class EligibleTab(QWidget):
    changed = Signal()
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.round_window = parent
        self.rows: list[EligibilityRow] = []
        self.shown: list[EligibilityRow] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcomeCombo")
        self.outcome_combo.addItem(self.tr("ทุกคน"), None)
        self.outcome_combo.addItem(self.tr("มีสิทธิ์"), Outcome.ELIGIBLE.value)
        self.outcome_combo.addItem(self.tr("รอ (ยังไม่ผ่านเงื่อนไข)"), Outcome.HELD.value)
        self.outcome_combo.addItem(self.tr("ไม่มีสิทธิ์"), Outcome.OUT.value)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("eligibleSearch")
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อเด็ก สถานศึกษา หรือเหตุผล (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("แสดง"), self))
        bar.addWidget(self.outcome_combo)
        bar.addWidget(self.search_edit, 1)
        self.filters = FilterMark(self, [self.outcome_combo, self.search_edit], self.clear_filter,
                                  self.tr("แสดงทุกคนในรอบนี้"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        self.model = RowsModel([
            self.tr("เด็ก"), self.tr("สถานศึกษา"), self.tr("ชั้น"), self.tr("ผลคัดกรอง"), self.tr("ผล"),
            self.tr("จำนวนเงิน"), self.tr("จ่ายแล้ว"), self.tr("เหตุผล")], self._cells, lambda r: r.child_uuid,
            right=(5, 6), colour=lambda r: OUTCOME_COLOURS[r.outcome])
        self.table = make_table(self, "eligibleTable", self.model, stretch=7, multi=True)
        self.words = {Outcome.ELIGIBLE: self.tr("มีสิทธิ์"), Outcome.HELD: self.tr("รอ"), Outcome.OUT: self.tr("ไม่มีสิทธิ์")}
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("eligibleCount")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.pay_button = QPushButton(self.tr("บันทึกการจ่ายเงินให้ที่เลือก…"), self)
        self.pay_button.setObjectName("payButton")
        self.unpaid_button = QPushButton(self.tr("เลือกผู้มีสิทธิ์ที่ยังจ่ายไม่ครบ"), self)
        self.unpaid_button.setObjectName("selectUnpaidButton")
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.unpaid_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.pay_button.clicked.connect(self.pay_selected)
        self.unpaid_button.clicked.connect(self.select_unpaid)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        list_keys(self, self.search_edit, self.table, open=self.pay_selected)
        self._update_buttons()

    def show_rows(self, rows: list[EligibilityRow]) -> None:
        self.rows = rows
        self.apply_filter()

    def clear_filter(self) -> None:
        self.outcome_combo.setCurrentIndex(0)
        self.search_edit.clear()
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        outcome = self.outcome_combo.currentData()
        words = self.search_edit.text().split()
        self.shown = [r for r in self.rows if (outcome is None or r.outcome.value == outcome)
                      and all(w in f"{r.child_name} {r.institution} {r.reason}" for w in words)]
        fill(self.table, self.shown)
        room = 260 if self.table.viewport().width() > 1000 else 190  # on a netbook the reason gets the room
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), room))
        self.filters.show_state()
        count = {o: 0 for o in Outcome}
        for r in self.rows:
            count[r.outcome] += 1
        eligible = [r for r in self.rows if r.outcome is Outcome.ELIGIBLE]
        self.count_label.setText(
            self.tr("แสดง %1 จาก %2 คน · มีสิทธิ์ %3 คน รวม %4 บาท · รอ %5 คน · ไม่มีสิทธิ์ %6 คน")
            .replace("%1", f"{len(self.shown):,}").replace("%2", f"{len(self.rows):,}")
            .replace("%3", f"{count[Outcome.ELIGIBLE]:,}").replace("%4", f"{sum(r.amount for r in eligible):,}")
            .replace("%5", f"{count[Outcome.HELD]:,}").replace("%6", f"{count[Outcome.OUT]:,}"))
        self._update_buttons()

    def _cells(self, r: EligibilityRow) -> list[tuple[str, object]]:
        return [(r.child_name, None), (r.institution, None), (level_label(r.class_level), None),
                (poverty_label(r.poverty), None), (self.words[r.outcome], None),
                (f"{r.amount:,}" if r.amount else "", r.amount), (f"{r.paid:,}" if r.paid else "", r.paid),
                (r.reason, None)]

    def selected(self) -> list[EligibilityRow]:
        keys = set(selected_keys(self.table))
        return [r for r in self.shown if r.child_uuid in keys]

    def _update_buttons(self) -> None:
        self.pay_button.setEnabled(bool(self.selected()))

    def select_unpaid(self) -> None:
        """The eligible not yet paid in full (the list shows the eligible only first)."""
        if self.outcome_combo.currentData() != Outcome.ELIGIBLE.value:  # the eligible shown together
            self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(Outcome.ELIGIBLE.value))
        keys = {r.child_uuid for r in self.shown if r.outcome is Outcome.ELIGIBLE and r.paid < r.amount}
        select_keys(self.table, keys)
        self._update_buttons()
        if not keys:
            self.status_message.emit(self.tr("ไม่มีผู้มีสิทธิ์ที่ยังจ่ายไม่ครบในรายการที่แสดง"), None)

    def pay_selected(self) -> None:
        from desktop.gui.views.grant_payment_dialog import PaymentDialog

        chosen = self.selected()
        if not chosen:
            return
        window = self.round_window
        round_id = int(getattr(window, "round_id", 0))
        dialog = PaymentDialog(self.ctx, round_id, chosen, self, today=self.today)
        dialog.paid.connect(self._paid)
        self.payment_dialog = dialog  # tests reach it
        dialog.open()

    def _paid(self, count: int, total: int) -> None:
        self.status_message.emit(self.tr("บันทึกการจ่ายเงินแล้ว %1 คน รวม %2 บาท").replace("%1", f"{count:,}")
                                 .replace("%2", f"{total:,}"), None)
        self.changed.emit()
