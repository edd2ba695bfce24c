"""A grant round's window (issue 11): its eligible list with each child's reason, the term's
attendance entered class by class (or imported), its payments and the reconciliation, one
tab each; the round's printouts (the list to sign, the summary) in the app's preview and
every list as a spreadsheet. The lists are worked out on the task runner (a 20k-child
round takes over a second) and the tabs filled when they come back; every change reloads
them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.views.grant_attendance_tab import AttendanceTab
from desktop.gui.views.grant_eligible_tab import EligibleTab
from desktop.gui.views.grant_money_tabs import PaymentsTab, ReconcileTab
from desktop.gui.views.grant_rounds_view import levels_text
from desktop.gui.views.grant_table import problem_text
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.grants import EligibilityRow, RoundInfo
from desktop.services.grants_payments import PaymentRow, Totals
from desktop.services.progress import Progress


@dataclass(frozen=True)
class RoundLists:
    eligible: list[EligibilityRow]
    payments: list[PaymentRow]
    totals: list[Totals]


def load_lists(ctx: AppContext, round_id: int) -> RoundLists:
    from desktop.services.grants import eligibility
    from desktop.services.grants_payments import payments, reconciliation

    with ctx.db.reader() as session:
        rows = eligibility(session, round_id)
        return RoundLists(rows, payments(session, round_id), reconciliation(session, round_id, rows))


class GrantRoundWindow(QDialog):
    status_message = Signal(str, object)
    reloaded = Signal()

    def __init__(self, ctx: AppContext, info: RoundInfo, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.today = today
        self.lists: RoundLists | None = None
        self.loading = False
        self._said = ""
        self.setObjectName("grantRoundWindow")
        self.setWindowTitle(self.tr("รอบทุน %1").replace("%1", info.name))
        self.resize(1100, 700)
        self.documents = Documents(ctx, self, self.status_message.emit)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("<b>%1</b> · %2 · ภาคเรียน %3 · จ่ายกลุ่ม %4 · มาเรียนไม่น้อยกว่า %5%")
                      .replace("%1", info.name).replace("%2", info.programme_label).replace("%3", info.term)
                      .replace("%4", levels_text(info.levels)).replace("%5", str(info.attendance_percent)), self)
        head.setObjectName("roundHead")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("roundTabs")
        self.eligible_tab = EligibleTab(ctx, self, today=today)
        self.attendance_tab = AttendanceTab(ctx, self)
        self.payments_tab = PaymentsTab(ctx, self)
        self.reconcile_tab = ReconcileTab(self)
        self.tabs.addTab(self.eligible_tab, self.tr("รายชื่อผู้มีสิทธิ์"))
        self.tabs.addTab(self.attendance_tab, self.tr("การมาเรียน"))
        self.tabs.addTab(self.payments_tab, self.tr("การจ่ายเงิน"))
        self.tabs.addTab(self.reconcile_tab, self.tr("กระทบยอด"))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel(self)
        self.message.setObjectName("windowMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("พิมพ์รายชื่อรับเงิน…"), self)
        self.print_button.setObjectName("printListButton")
        self.print_button.setToolTip(self.tr("รายชื่อผู้มีสิทธิ์แยกตามสถานศึกษา มีช่องลายมือชื่อผู้ปกครอง (Ctrl+P)"))
        self.summary_button = QPushButton(self.tr("พิมพ์สรุปรอบ…"), self)
        self.summary_button.setObjectName("printSummaryButton")
        self.export_button = QPushButton(self.tr("ส่งออกรายการนี้…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(self.tr("ส่งออกรายการของแท็บที่เปิดอยู่เป็นไฟล์ Excel หรือ CSV"))
        self.close_button = QPushButton(self.tr("ปิด"), self)
        self.close_button.setObjectName("closeButton")
        for button in (self.print_button, self.summary_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_list)
        self.summary_button.clicked.connect(self.print_summary)
        self.export_button.clicked.connect(self.export_current)
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_list)
        for tab in (self.eligible_tab, self.attendance_tab, self.payments_tab):
            tab.changed.connect(self.reload)
            tab.status_message.connect(self.say)
        fit_to_screen(self)
        self.reload()

    @property
    def round_id(self) -> int:
        return self.info.id

    def closeEvent(self, event: QCloseEvent) -> None:
        """Days typed in the grid and not saved are not lost without a word."""
        if self.attendance_tab.dirty and QMessageBox.question(
                self, "Samoe", self.tr("การมาเรียนที่พิมพ์ไว้ยังไม่ได้บันทึก ปิดหน้าต่างและทิ้งการแก้ไขนั้นหรือไม่")) \
                != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        super().closeEvent(event)

    def say(self, text: str, _undo: object = None) -> None:
        self.message.setText(text)
        self.status_message.emit(text, None)

    def reload(self) -> None:
        """Work the lists out again on the task runner and fill the tabs."""
        self.loading = True
        if self.message.text() != self.tr("กำลังคิดรายชื่อผู้มีสิทธิ์…"):
            self._said = self.message.text()  # what the last action said comes back after
        self.message.setText(self.tr("กำลังคิดรายชื่อผู้มีสิทธิ์…"))

        def work(_progress: Progress) -> RoundLists:
            return load_lists(self.ctx, self.round_id)

        self.ctx.tasks.run(work, on_done=self._loaded, on_error=self._failed,
                           label=self.tr("กำลังคิดรายชื่อผู้มีสิทธิ์ของรอบ %1…").replace("%1", self.info.name))

    def _loaded(self, lists: Any) -> None:
        assert isinstance(lists, RoundLists)
        self.lists = lists
        self.loading = False
        if self.message.text() == self.tr("กำลังคิดรายชื่อผู้มีสิทธิ์…"):
            self.message.setText(self._said)
        self.eligible_tab.show_rows(lists.eligible)
        self.attendance_tab.set_round(self.info, lists.eligible)
        self.payments_tab.show_rows(self.info, lists.payments)
        self.reconcile_tab.show_rows(lists.totals)
        self.reloaded.emit()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.loading = False
        self.message.setText(problem_text(exc))

    # ---- documents
    def print_list(self) -> None:
        from desktop.services.grant_print import grant_list_pdf

        rid = self.round_id
        self.documents.report(self.tr("รายชื่อนักเรียนผู้มีสิทธิ์รับทุน"), "grant-list",
                              lambda session, out, _options, _progress: grant_list_pdf(session, rid, out),
                              detail=self.info.name, parent=self, name=self.tr("รายชื่อรับทุน-%1").replace("%1", self.info.name))

    def print_summary(self) -> None:
        from desktop.services.grant_print import grant_summary_pdf

        rid = self.round_id
        self.documents.report(self.tr("สรุปรอบทุน"), "grant-summary",
                              lambda session, out, _options, _progress: grant_summary_pdf(session, rid, out),
                              detail=self.info.name, parent=self, name=self.tr("สรุปรอบทุน-%1").replace("%1", self.info.name))

    def export_current(self) -> None:
        """The list of the tab in view (a class's attendance: that class, with the headers
        the import reads back)."""
        from desktop.services.grants import export_eligibility
        from desktop.services.grants_exports import export_payments, export_reconciliation

        rid = self.round_id
        tab = self.tabs.currentWidget()
        if tab is self.attendance_tab:
            self.attendance_tab.export_class(self.documents)
        elif tab is self.payments_tab:
            self.documents.export(self.tr("การจ่ายเงินทุน"), "grant-payments",
                                  lambda session, path, _p: export_payments(session, rid, path), parent=self)
        elif tab is self.reconcile_tab:
            self.documents.export(self.tr("กระทบยอดรอบทุน"), "grant-reconciliation",
                                  lambda session, path, _p: export_reconciliation(session, rid, path), parent=self)
        else:
            self.documents.export(self.tr("รายชื่อผู้มีสิทธิ์รับทุน"), "grant-eligible",
                                  lambda session, path, _p: export_eligibility(session, rid, path), parent=self)
