"""หน้ากรณีเด็กนอกระบบ: one out-of-school child's case (issue 13): where it stands and its
history, the move to a next status (only those the rules allow from here, and only those
the user's roles may make: a case worker is not offered a supervisor's decision; the
service refuses it anyway), the tracing visits with their photos and position
(views/case_trace_tab.py), the needs assessment, the plan with its versions and approval,
the follow-ups and the referrals (views/case_assess_tab.py, case_plan_tab.py,
case_follow_tab.py); the case summary with the plan printed for signatures. Qt only: services/cases*.py hold the rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import (
    NEEDS_PLACE,
    Case,
    CaseStatus,
    outcome_label,
    source_label,
    status_label,
)
from desktop.domain.dates import format_be
from desktop.domain.roles import Action
from desktop.gui.context import AppContext
from desktop.gui.views.case_common import (
    date_edit,
    date_of,
    fill_table,
    may_discard,
    problem_text,
    read_only_table,
)
from desktop.gui.widgets.screen import fit_to_screen


def offered_moves(info: Any, actor: object, self_approval: bool) -> list[CaseStatus]:
    """The next statuses the page offers this user for the case ``info`` (services'
    CaseInfo): the domain's rule (domain/cases.offered_moves), with the user's roles."""
    from desktop.domain.cases import offered_moves as allowed

    case = Case(info.status, info.opened_on, info.status_on, info.requested_from, info.requested_by)
    return allowed(case, getattr(actor, "roles", frozenset()), getattr(actor, "name", ""),
                   self_approval=self_approval)


class CaseDialog(QDialog):
    changed = Signal()  # the case moved or gained a record: the list reloads

    def __init__(self, ctx: AppContext, case_id: int | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: Any = case_id  # the id once read (a uuid may open the page)
        self.detail: Any = None
        self.setObjectName("caseDialog")
        self.setWindowTitle(self.tr("กรณีเด็กนอกระบบ"))
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.title_label)
        head = QGridLayout()
        self.facts: dict[str, QLabel] = {}
        for i, (key, label) in enumerate((("status", self.tr("สถานะ")), ("worker", self.tr("ผู้รับผิดชอบ")),
                                          ("opened", self.tr("เปิดกรณี")), ("follow", self.tr("นิเทศติดตามครั้งถัดไป")),
                                          ("child", self.tr("เด็ก")), ("address", self.tr("ที่อยู่")))):
            name = QLabel(label, self)
            name.setStyleSheet("font-weight: bold;")
            value = QLabel(self)
            value.setWordWrap(True)
            head.addWidget(name, i // 2, (i % 2) * 2)
            if key == "worker":  # a supervisor assigns the case here (the service checks it too)
                head.addLayout(self._worker_row(value), i // 2, (i % 2) * 2 + 1)
            else:
                head.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.facts[key] = value
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 1)
        layout.addLayout(head)
        self.transfer_label = QLabel(self)  # where the case went or came from (issue 13)
        self.transfer_label.setObjectName("transferLabel")
        self.transfer_label.setWordWrap(True)
        self.transfer_label.hide()
        layout.addWidget(self.transfer_label)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._status_tab()
        from desktop.gui.views.case_trace_tab import TraceTab

        self.trace_tab = TraceTab(self)
        self.tabs.addTab(self.trace_tab, self.tr("การติดตามตัว"))
        from desktop.gui.views.case_assess_tab import AssessTab
        from desktop.gui.views.case_follow_tab import FollowTab, ReferralTab
        from desktop.gui.views.case_plan_tab import PlanTab

        self.assess_tab, self.plan_tab = AssessTab(self), PlanTab(self)
        self.follow_tab, self.referral_tab = FollowTab(self), ReferralTab(self)
        self.extra_tabs: list[Any] = [self.assess_tab, self.plan_tab, self.follow_tab, self.referral_tab]
        for tab, title in zip(self.extra_tabs, (self.tr("ประเมินความต้องการ"), self.tr("แผนช่วยเหลือ"),
                                                self.tr("นิเทศติดตาม"), self.tr("การส่งต่อ")), strict=True):
            self.tabs.addTab(tab, title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self.buttons.addButton(self.tr("พิมพ์สรุปกรณีและแผน…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printSummaryButton")
        self.print_button.setToolTip(self.tr("สรุปกรณีพร้อมแผนช่วยเหลือ สำหรับลงนาม (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_summary)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        layout.addWidget(self.buttons)
        from desktop.gui.documents import Documents

        self.documents = Documents(ctx, self, lambda text, _undo: self.say(text))
        self.refresh()
        fit_to_screen(self)

    # ---- the case worker, assigned by a supervisor
    def _worker_row(self, value: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value, 1)
        self.worker_combo = QComboBox(self)
        self.worker_combo.setObjectName("workerCombo")
        self.worker_combo.setToolTip(self.tr("เจ้าหน้าที่ติดตามเด็กนอกระบบที่จะมอบหมายกรณีนี้ให้"))
        self.worker_combo.setMinimumContentsLength(12)
        self.worker_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(self.worker_combo)
        self.assign_button = QPushButton(self.tr("มอบหมาย"), self)
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setToolTip(self.tr("มอบหมายกรณีนี้ให้เจ้าหน้าที่ที่เลือก (หัวหน้างาน)"))
        self.assign_button.clicked.connect(self.assign_worker)
        row.addWidget(self.assign_button)
        may = getattr(self.ctx.db.actor, "may", None)
        self.may_assign = may is not None and bool(may(Action.CASE_SUPERVISE))
        for w in (self.worker_combo, self.assign_button):
            w.setVisible(self.may_assign)
        return row

    def _fill_workers(self, current: str) -> None:
        if not self.may_assign:
            return
        from desktop.services.people import case_workers

        try:
            with self.ctx.db.reader() as session:
                people = case_workers(session)
        except Exception as exc:  # noqa: BLE001 - said in the window
            self.say(problem_text(exc), error=True)
            people = []
        self.worker_combo.clear()
        self.worker_combo.addItem(self.tr("(ไม่มีผู้รับผิดชอบ)"), "")
        for person in people:
            self.worker_combo.addItem(person.full_name, person.login)
            self.worker_combo.setItemData(self.worker_combo.count() - 1, person.login,
                                          Qt.ItemDataRole.ToolTipRole)
        index = self.worker_combo.findData(current)
        self.worker_combo.setCurrentIndex(max(0, index))
        closed = self.detail is not None and self.detail.case.status is CaseStatus.CLOSED
        self.worker_combo.setEnabled(not closed)
        self.assign_button.setEnabled(not closed)

    def assign_worker(self) -> None:
        from desktop.services.cases import assign_worker

        login = self.worker_combo.currentData()
        if login is None or self.detail is None:
            return
        try:
            with self.ctx.db.session() as session:
                assign_worker(session, self.case_id, str(login))
        except Exception as exc:  # noqa: BLE001 - the service's reason, said in the window
            self.say(problem_text(exc), error=True)
            return
        self.refresh()
        who = self.worker_combo.currentText()
        self.say(self.tr("มอบหมายกรณีนี้ให้ %1 แล้ว").replace("%1", who) if login
                 else self.tr("ยกเลิกผู้รับผิดชอบกรณีนี้แล้ว"))
        self.changed.emit()

    # ---- the status and its history
    def _status_tab(self) -> None:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        self.history = read_only_table(tab)
        column.addWidget(self.history, 1)
        self.waiting_label = QLabel(self.tr("รอหัวหน้างานอนุมัติการปิดกรณี"), tab)  # a case worker's view of a request
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.setStyleSheet("font-weight: bold;")
        self.waiting_label.hide()
        column.addWidget(self.waiting_label)
        self.move_panel = QWidget(tab)
        panel = QVBoxLayout(self.move_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.move_title = QLabel(self.tr("เปลี่ยนเป็น"), tab)
        row.addWidget(self.move_title)
        self.move_combo = QComboBox(tab)
        self.move_combo.setObjectName("moveCombo")
        row.addWidget(self.move_combo, 2)
        row.addWidget(QLabel(self.tr("วันที่"), tab))
        self.move_date = date_edit(tab)
        row.addWidget(self.move_date)
        panel.addLayout(row)
        more = QHBoxLayout()
        self.place_edit = QLineEdit(tab)
        self.place_edit.setPlaceholderText(self.tr("สถานที่ (ย้ายไปที่ใด เรียนที่ใด ทำงานที่ใด)"))
        more.addWidget(self.place_edit, 2)
        self.reason_edit = QLineEdit(tab)
        self.reason_edit.setPlaceholderText(self.tr("เหตุผล (ไม่ประสงค์รับความช่วยเหลือ หรือส่งกลับ)"))
        more.addWidget(self.reason_edit, 2)
        self.note_edit = QLineEdit(tab)
        self.note_edit.setPlaceholderText(self.tr("หมายเหตุ"))
        more.addWidget(self.note_edit, 1)
        self.move_button = QPushButton(self.tr("เปลี่ยนสถานะ"), tab)
        self.move_button.setObjectName("moveButton")
        self.move_button.clicked.connect(self.apply_move)
        more.addWidget(self.move_button)
        panel.addLayout(more)
        column.addWidget(self.move_panel)
        self.move_combo.currentIndexChanged.connect(self._target_changed)
        self.tabs.addTab(tab, self.tr("สถานะและประวัติ"))

    def _target_changed(self) -> None:
        target = self.move_combo.currentData()
        deciding = self.detail is not None and self.detail.case.status is CaseStatus.CLOSURE_REQUESTED
        self.place_edit.setEnabled(target is not None and CaseStatus(target) in NEEDS_PLACE and not deciding)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def refresh(self) -> None:
        from desktop.services.cases_lists import case_detail

        try:
            with self.ctx.db.reader() as session:
                self.detail = detail = case_detail(session, self.case_id)
            self.case_id = detail.case.id
        except Exception as exc:  # noqa: BLE001 - said in the window
            self.say(problem_text(exc), error=True)
            self.tabs.setEnabled(False)
            return
        info = detail.case
        self.setWindowTitle(self.tr("กรณีเด็กนอกระบบ: %1").replace("%1", info.child_name))
        self.title_label.setText(info.child_name)
        status = f"{status_label(info.status)} ({format_be(info.status_on)})"
        if info.place:
            status += f" · {info.place}"
        if info.outcome is not None:
            status += f" · {outcome_label(info.outcome)}"
        self.facts["status"].setText(status)
        self.facts["worker"].setText(detail.name(info.worker) or self.tr("ยังไม่มี"))
        self.facts["worker"].setToolTip(info.worker)  # the login
        self._fill_workers(info.worker)
        self.facts["opened"].setText(f"{format_be(info.opened_on)} · {source_label(info.source)}")
        self.facts["follow"].setText(format_be(info.follow_due_on) if info.follow_due_on else "-")
        ident = detail.child.national_id or detail.child.g_code
        self.facts["child"].setText(" · ".join(p for p in (ident, format_be(detail.child.birth_date)) if p))
        self.facts["address"].setText(detail.child.address or "-")
        self._show_transfer(detail.transfer)
        rows = []
        for h in reversed(detail.history):
            move = status_label(h.to_status) if h.from_status is None else \
                f"{status_label(h.from_status)} → {status_label(h.to_status)}"
            extra = " · ".join(p for p in (h.place, h.reason, h.note,
                                            outcome_label(h.outcome) if h.outcome else "",
                                            self.tr("อนุมัติโดย %1").replace("%1", detail.name(h.approved_by))
                                            if h.approved_by else "") if p)
            rows.append([format_be(h.on), move, detail.name(h.by), extra])  # by full name
        fill_table(self.history, [self.tr("วันที่"), self.tr("สถานะ"), self.tr("โดย"), self.tr("รายละเอียด")], rows,
                   fitted=(0, 2))  # the date and who: the move and its detail share the rest
        self._offer_moves(info)
        self.trace_tab.refresh(detail)
        for tab in self.extra_tabs:
            tab.refresh(detail)

    def _offer_moves(self, info: Any) -> None:
        """The moves this user may make; a closure asked for is a supervisor's decision
        (approve, or send back to the status it came from), a case worker waits for it."""
        from desktop.services.cases import self_approval

        actor = self.ctx.db.actor
        deciding = info.status is CaseStatus.CLOSURE_REQUESTED
        allowed = False
        may = getattr(actor, "may", None)
        if deciding and may is not None and may(Action.CASE_SUPERVISE):
            with self.ctx.db.reader() as session:
                allowed = self_approval(session)
        self.move_combo.clear()
        targets = offered_moves(info, actor, allowed)
        if deciding:  # the approval first, then the send-back
            targets.sort(key=lambda t: t is not CaseStatus.CLOSED)
        for target in targets:
            if deciding and target is CaseStatus.CLOSED:
                text = self.tr("อนุมัติปิดกรณี")
            elif deciding:
                text = self.tr("ส่งกลับ (%1)").replace("%1", status_label(target))
            else:
                text = status_label(target)
            self.move_combo.addItem(text, target.value)
        can_move = self.move_combo.count() > 0
        self.move_title.setText(self.tr("การตัดสินใจ") if deciding else self.tr("เปลี่ยนเป็น"))
        self.move_button.setText(self.tr("บันทึกการตัดสินใจ") if deciding else self.tr("เปลี่ยนสถานะ"))
        self.waiting_label.setVisible(deciding and not can_move)
        self.move_panel.setVisible(can_move or not deciding)
        for w in (self.move_combo, self.move_date, self.reason_edit, self.note_edit, self.move_button):
            w.setEnabled(can_move)
        self._target_changed()

    def reject(self) -> None:
        """Esc or Close: what was typed in the move's or a tab's fields is thrown away only
        when the user says so."""
        typed = any(e.text().strip() for e in (self.place_edit, self.reason_edit, self.note_edit,
                                                self.follow_tab.note_edit, self.referral_tab.agency_edit,
                                                self.referral_tab.reason_edit, self.referral_tab.answer_edit))
        if may_discard(self, typed, self.tr("ปิดหน้ากรณี"),
                       self.tr("ข้อความที่พิมพ์ไว้ยังไม่ได้บันทึก ต้องการปิดและทิ้งข้อความนี้หรือไม่?")):
            super().reject()

    def _show_transfer(self, note: Any) -> None:
        if note is None:
            self.transfer_label.hide()
            return
        office = f"{note.office_name} ({note.office_code})"
        if note.kind == "received":
            text = self.tr("รับโอนจาก %1 (ส่งต่อเมื่อ %2) ประวัติเดิมอยู่ที่กรณีเลขที่ %3 (อ่านอย่างเดียว)")
        elif note.kind == "sent":
            text = self.tr("ส่งต่อให้ %1 เมื่อ %2 ผ่านจังหวัด")
        else:
            text = self.tr("กรณีเดิมของ %1 ที่ส่งต่อมาเมื่อ %2 (อ่านอย่างเดียว) กรณีที่เปิดที่นี่: เลขที่ %3")
        self.transfer_label.setText(text.replace("%1", office).replace("%2", format_be(note.on)).replace(
            "%3", str(note.other_case_id or "-")))
        self.transfer_label.show()

    def print_summary(self) -> None:
        from desktop.services.case_print import case_summary_file

        if self.detail is None:
            return
        case_id, name = self.case_id, self.detail.case.child_name
        self.documents.report(
            self.tr("สรุปกรณีเด็กนอกระบบและแผนช่วยเหลือ"), "case-summary",
            lambda session, out, _options, _progress: case_summary_file(session, case_id, out),
            detail=name, parent=self, name=self.tr("สรุปกรณี-%1").replace("%1", name),
            subject_uuid=self.detail.child.uuid)

    def apply_move(self) -> None:
        from desktop.services.cases import move_case

        target = self.move_combo.currentData()
        if target is None:
            return
        try:
            on = date_of(self.move_date)
            with self.ctx.db.session() as session:
                info = move_case(session, self.case_id, CaseStatus(target), on, place=self.place_edit.text(),
                                 reason=self.reason_edit.text(), note=self.note_edit.text())
        except Exception as exc:  # noqa: BLE001 - every problem of the move, said at once
            self.say(problem_text(exc), error=True)
            return
        for edit in (self.place_edit, self.reason_edit, self.note_edit):
            edit.clear()
        self.refresh()
        said = self.tr("เปลี่ยนสถานะเป็น \"%1\" แล้ว").replace("%1", status_label(info.status))
        self.say("\n".join((said, *info.warnings)))
        self.changed.emit()
