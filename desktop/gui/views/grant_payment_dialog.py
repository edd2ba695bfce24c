"""บันทึกการจ่ายเงิน: one payment (amount, date, method: cash to the guardian or a bank
transfer, its reference) to one child or to each of the selected children, confirmed
before it is recorded (services/grants_payments.record_payments: all or none); each
problem said in Thai beside its field. คืนเงิน: a payment given back, with the reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be, parse_date
from desktop.domain.errors import Problem, ValidationFailed
from desktop.gui.context import AppContext
from desktop.gui.views.grant_table import show_problems
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.access import NotPermitted
from desktop.services.grants import EligibilityRow
from desktop.services.grants_payments import METHOD_LABELS, method_label

NAMES_SHOWN = 8


class PaymentDialog(QDialog):
    paid = Signal(int, int)  # children, baht

    def __init__(self, ctx: AppContext, round_id: int, children: list[EligibilityRow],
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = round_id
        self.chosen = children
        self.today = today or date.today()
        self.confirm = True  # tests answer the confirmation themselves or turn it off
        self.busy = False  # checking or recording on the task runner
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("บันทึกการจ่ายเงินทุน"))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        names = ", ".join(c.child_name for c in children[:NAMES_SHOWN])
        if len(children) > NAMES_SHOWN:
            names += self.tr(" และอีก %1 คน").replace("%1", f"{len(children) - NAMES_SHOWN:,}")
        due = sum(max(c.amount - c.paid, 0) for c in children)
        who = QLabel(self.tr("จ่ายให้ %1 คน: %2\nยอดที่ยังค้างตามสิทธิ์รวม %3 บาท").replace("%1", f"{len(children):,}")
                     .replace("%2", names).replace("%3", f"{due:,}"), self)
        who.setObjectName("whoLabel")
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        if len(children) == 1:
            self.amount_edit.setText(str(max(children[0].amount - children[0].paid, 0)))
        self.amount_edit.setPlaceholderText(self.tr("ว่างไว้: จ่ายตามสิทธิ์ที่เหลือของแต่ละคน"))
        self.date_edit = QLineEdit(format_be(self.today), self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setPlaceholderText(self.tr("เช่น 15/12/2569"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("methodCombo")
        for method in METHOD_LABELS:
            self.method_combo.addItem(method_label(method), method)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("referenceEdit")
        self.reference_edit.setPlaceholderText(self.tr("เลขที่อ้างอิงการโอน หรือเลขที่ใบสำคัญรับเงิน"))
        self.errors: dict[str, QLabel] = {}
        for label, widget, field in ((self.tr("จำนวนเงินต่อคน (บาท)"), self.amount_edit, "amount"),
                                     (self.tr("วันที่จ่าย"), self.date_edit, "paid_on"),
                                     (self.tr("วิธีจ่าย"), self.method_combo, "method"),
                                     (self.tr("เลขที่อ้างอิง"), self.reference_edit, "reference")):
            form.addRow(label, widget)
            self.errors[field] = error_line(self, f"{field}Error")
            form.addRow("", self.errors[field])
        layout.addLayout(form)
        self.message = error_line(self, "message")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("บันทึกการจ่ายเงิน"))
        self.ok_button.setObjectName("recordButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_screen(self)

    def show_problems(self, problems: list[Problem]) -> None:
        show_problems(self.errors, self.message, problems)

    def _read(self) -> tuple[int | None, date]:
        problems = []
        text = self.amount_edit.text().replace(",", "").strip()
        amount = None
        if text:
            if not text.isdigit():
                problems.append(Problem("amount", self.tr("จำนวนเงินต้องเป็นจำนวนเต็มบาท (พิมพ์ \"%1\")").replace("%1", text)))
            else:
                amount = int(text)
        paid_on = self.today
        try:
            paid_on = parse_date(self.date_edit.text())
        except ValueError as exc:
            problems.append(Problem("paid_on", str(exc) or self.tr("อ่านวันที่จ่ายไม่ออก")))
        if problems:
            raise ValidationFailed(problems)
        return amount, paid_on

    def _pay(self, session: Any, paid_on: date, method: str, amount: int | None, *, dry_run: bool = False) -> list[str]:
        from desktop.services.grants_payments import record_payments

        return record_payments(session, self.round_id, [c.child_uuid for c in self.chosen], paid_on=paid_on,
                               method=method, reference=self.reference_edit.text(), amount=amount, today=self.today,
                               dry_run=dry_run)

    def record(self) -> None:
        """The service's checks (on the task runner: a large round's list takes a second),
        then the question, then the payments (on the task runner too)."""
        try:
            amount, paid_on = self._read()
        except ValidationFailed as exc:
            self.show_problems(list(exc.problems))
            return
        method = str(self.method_combo.currentData())
        total = (amount * len(self.chosen) if amount is not None
                 else sum(max(c.amount - c.paid, 0) for c in self.chosen))

        def check(_progress: Any) -> list[str]:
            with self.ctx.db.reader() as session:
                return self._pay(session, paid_on, method, amount, dry_run=True)

        def checked(_result: Any) -> None:
            if self.confirm and QMessageBox.question(
                    self, self.tr("ยืนยันการจ่ายเงิน"),
                    self.tr("บันทึกการจ่ายเงินให้ %1 คน รวม %2 บาท\nวันที่ %3 วิธีจ่าย: %4\n\nยืนยันหรือไม่")
                    .replace("%1", f"{len(self.chosen):,}").replace("%2", f"{total:,}")
                    .replace("%3", format_be(paid_on)).replace("%4", method_label(method))) \
                    != QMessageBox.StandardButton.Yes:
                self._busy(False)
                return

            def pay(_progress: Any) -> list[str]:
                with self.ctx.db.session() as session:
                    return self._pay(session, paid_on, method, amount)

            self.ctx.tasks.run(pay, on_done=lambda made: self._done(len(made), total), on_error=self._refused,
                               writes=True, label=self.tr("กำลังบันทึกการจ่ายเงิน…"))

        self._busy(True)
        self.ctx.tasks.run(check, on_done=checked, on_error=self._refused, label=self.tr("กำลังตรวจรายการจ่ายเงิน…"))

    def _busy(self, on: bool) -> None:
        self.busy = on
        self.ok_button.setEnabled(not on)

    def _refused(self, exc: BaseException, _tb: str) -> None:
        self._busy(False)
        if isinstance(exc, ValidationFailed):
            self.show_problems(list(exc.problems))
        elif isinstance(exc, NotPermitted):
            self.show_problems([Problem("", str(exc))])
        else:
            from desktop.gui.app import fault_text

            self.show_problems([Problem("", fault_text(exc, None))])

    def _done(self, count: int, total: int) -> None:
        self._busy(False)
        self.paid.emit(count, total)
        self.accept()


class PaymentReturnDialog(QDialog):
    """A payment given back: the reason, then services/grants_payments.return_payment."""

    returned = Signal()

    def __init__(self, ctx: AppContext, payment_uuid: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.payment_uuid = payment_uuid
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("บันทึกการคืนเงิน"))
        self.resize(480, 220)
        layout = QVBoxLayout(self)
        label = QLabel(what, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("เหตุผลที่คืนเงิน เช่น ย้ายออกนอกพื้นที่ โอนไม่สำเร็จ"))
        layout.addWidget(self.reason_edit)
        self.errors = {"reason": error_line(self, "reasonError")}
        layout.addWidget(self.errors["reason"])
        self.message = error_line(self, "message")
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("บันทึกการคืนเงิน"))
        ok.setObjectName("returnButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def record(self) -> None:
        from desktop.services.grants_payments import return_payment

        try:
            with self.ctx.db.session() as session:
                return_payment(session, self.payment_uuid, reason=self.reason_edit.text())
        except ValidationFailed as exc:
            show_problems(self.errors, self.message, list(exc.problems))
            return
        except NotPermitted as exc:
            show_problems(self.errors, self.message, [Problem("", str(exc))])
            return
        self.returned.emit()
        self.accept()
