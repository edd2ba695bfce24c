"""A round's money: its payments (searched, sorted; one returned with its reason) and the
reconciliation per institution (eligible, held, paid, returned, still due; the total
last)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.dates import format_be
from desktop.gui.context import AppContext
from desktop.gui.views.grant_table import RowsModel, fill, make_table, selected_keys
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.services.grants import RoundInfo
from desktop.services.grants_payments import PaymentRow, Totals, method_label, payment_status_label

SEARCH_DELAY_MS = 200


def _payment_cells(p: PaymentRow) -> list[tuple[str, object]]:
    return [(p.child_name, None), (p.institution, None), (f"{p.amount:,}", p.amount),
            (format_be(p.paid_on), p.paid_on.toordinal()), (method_label(p.method), None), (p.reference, None),
            (payment_status_label(p.status), None), (p.note, None), (p.recorded_by, None)]


def _total_cells(t: Totals) -> list[tuple[str, object]]:
    return [(t.name, None), *((f"{v:,}", v) for v in (t.eligible, t.eligible_amount, t.held, t.held_amount, t.paid,
                                                       t.paid_amount, t.returned, t.returned_amount, t.unpaid))]


class PaymentsTab(QWidget):
    changed = Signal()
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PaymentRow] = []
        self.shown: list[PaymentRow] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("paymentsSearch")
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อเด็ก สถานศึกษา หรือเลขที่อ้างอิง (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(self.search_edit, 1)
        self.filters = FilterMark(self, [self.search_edit], self.search_edit.clear, self.tr("แสดงทุกรายการ"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        self.model = RowsModel([
            self.tr("เด็ก"), self.tr("สถานศึกษา"), self.tr("จำนวนเงิน"), self.tr("วันที่จ่าย"), self.tr("วิธีจ่าย"),
            self.tr("เลขที่อ้างอิง"), self.tr("สถานะ"), self.tr("หมายเหตุ"), self.tr("ผู้บันทึก")], _payment_cells,
            lambda p: p.uuid, right=(2,), colour=lambda p: "#666666" if p.status == "returned" else None)
        self.table = make_table(self, "paymentsTable", self.model, stretch=7)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("paymentsCount")
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.return_button = QPushButton(self.tr("บันทึกการคืนเงิน…"), self)
        self.return_button.setObjectName("returnPaymentButton")
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.return_button.clicked.connect(self.return_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        list_keys(self, self.search_edit, self.table, open=self.return_selected)
        self._update_buttons()

    def show_rows(self, _info: RoundInfo, rows: list[PaymentRow]) -> None:
        self.rows = rows
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        words = self.search_edit.text().split()
        self.shown = [p for p in self.rows if all(w in f"{p.child_name} {p.institution} {p.reference}" for w in words)]
        fill(self.table, self.shown)
        self.filters.show_state()
        paid = [p for p in self.rows if p.status == "paid"]
        back = [p for p in self.rows if p.status == "returned"]
        self.count_label.setText(self.tr("%1 รายการ · จ่ายแล้ว %2 บาท · คืนเงิน %3 รายการ %4 บาท")
                                 .replace("%1", f"{len(self.shown):,}").replace("%2", f"{sum(p.amount for p in paid):,}")
                                 .replace("%3", f"{len(back):,}").replace("%4", f"{sum(p.amount for p in back):,}"))
        self._update_buttons()

    def selected(self) -> PaymentRow | None:
        keys = selected_keys(self.table)
        return next((p for p in self.shown if keys and p.uuid == keys[0]), None)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.return_button.setEnabled(row is not None and row.status == "paid")

    def return_selected(self) -> None:
        from desktop.gui.views.grant_payment_dialog import PaymentReturnDialog

        row = self.selected()
        if row is None or row.status != "paid":
            return
        what = self.tr("%1 · %2 บาท · จ่ายวันที่ %3 (%4)").replace("%1", row.child_name).replace(
            "%2", f"{row.amount:,}").replace("%3", format_be(row.paid_on)).replace("%4", method_label(row.method))
        dialog = PaymentReturnDialog(self.ctx, row.uuid, what, self)
        dialog.returned.connect(self._returned)
        self.return_dialog = dialog  # tests reach it
        dialog.open()

    def _returned(self) -> None:
        self.status_message.emit(self.tr("บันทึกการคืนเงินแล้ว ยอดนี้กลับไปค้างจ่ายตามสิทธิ์"), None)
        self.changed.emit()


class ReconcileTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("reconcileSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel([
            self.tr("สถานศึกษา"), self.tr("มีสิทธิ์\n(คน)"), self.tr("เงินที่มีสิทธิ์\n(บาท)"), self.tr("รอ\n(คน)"),
            self.tr("เงินที่รอ\n(บาท)"), self.tr("จ่ายแล้ว\n(คน)"), self.tr("จ่ายแล้ว\n(บาท)"),
            self.tr("คืนเงิน\n(รายการ)"), self.tr("คืนเงิน\n(บาท)"), self.tr("ยังจ่ายไม่ครบ\n(คน)")], _total_cells, lambda t: t.name,
            right=tuple(range(1, 10)), bold_last=True)
        self.table = make_table(self, "reconcileTable", self.model, sortable=False)  # the total stays last
        layout.addWidget(self.table, 1)

    def show_rows(self, rows: list[Totals]) -> None:
        fill(self.table, rows)
        if rows:
            t = rows[-1]
            self.summary.setText(
                self.tr("มีสิทธิ์ %1 คน รวม %2 บาท · จ่ายแล้ว %3 คน รวม %4 บาท · รอ %5 คน · คืนเงิน %6 รายการ "
                        "รวม %7 บาท · ยังจ่ายไม่ครบ %8 คน")
                .replace("%1", f"{t.eligible:,}").replace("%2", f"{t.eligible_amount:,}")
                .replace("%3", f"{t.paid:,}").replace("%4", f"{t.paid_amount:,}").replace("%5", f"{t.held:,}")
                .replace("%6", f"{t.returned:,}").replace("%7", f"{t.returned_amount:,}")
                .replace("%8", f"{t.unpaid:,}"))
