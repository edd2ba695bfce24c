"""นิเทศติดตาม and การส่งต่อ: a case's follow-up visits (the result, a note, the visit's
own next date; services/case_followups.py keeps the case's next due date) and its
referrals to other agencies (sent, then accepted / rejected / done with the agency's
answer; the referral letter printed through the app's preview: services/case_print.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_followup import FollowUp, FollowUpResult, result_label
from desktop.domain.case_plan import Agency, agency_label
from desktop.domain.case_referral import REFERRAL_MOVES, Referral, ReferralStatus, referral_label
from desktop.domain.cases import FOLLOWED_UP, CaseStatus
from desktop.domain.dates import format_be, parse_date
from desktop.gui.views.case_common import (
    date_edit,
    date_of,
    fill_table,
    problem_text,
    read_only_table,
)


def _run(tab: Any, work: Any, done: str) -> bool:
    try:
        with tab.page.ctx.db.session() as session:
            work(session)
    except Exception as exc:  # noqa: BLE001 - every problem said on the case page
        tab.page.say(problem_text(exc), error=True)
        return False
    tab.page.refresh()
    tab.page.say(done)
    tab.page.changed.emit()
    return True


class FollowTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        column = QVBoxLayout(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        column.addWidget(self.state_label)
        self.table = read_only_table(self)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.date_edit = date_edit(self)
        row.addWidget(self.date_edit)
        self.result_combo = QComboBox(self)
        for r in FollowUpResult:
            self.result_combo.addItem(result_label(r), r.value)
        row.addWidget(self.result_combo, 2)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("สิ่งที่พบและสิ่งที่จะทำต่อ"))
        row.addWidget(self.note_edit, 3)
        self.next_edit = QLineEdit(self)
        self.next_edit.setPlaceholderText(self.tr("นัดครั้งถัดไป (เว้นว่าง: ตามรอบ)"))
        self.next_edit.setMaximumWidth(190)
        row.addWidget(self.next_edit)
        self.record_button = QPushButton(self.tr("บันทึกการนิเทศติดตาม"), self)
        self.record_button.setObjectName("recordFollowUpButton")
        self.record_button.clicked.connect(self.record)
        row.addWidget(self.record_button)
        column.addLayout(row)

    def refresh(self, detail: Any) -> None:
        from desktop.services.case_followups import follow_ups

        with self.page.ctx.db.reader() as session:
            visits = follow_ups(session, detail.case.id)
        fill_table(self.table, [self.tr("วันที่"), self.tr("โดย"), self.tr("ผล"), self.tr("บันทึก"),
                                self.tr("นัดครั้งถัดไป")],
                   [[format_be(v.on), v.by, result_label(v.result), v.note, format_be(v.next_on) if v.next_on else ""]
                    for v in reversed(visits)], fitted=(0, 1, 2, 4))  # the note takes the rest
        followed = detail.case.status in FOLLOWED_UP
        due = detail.case.follow_due_on
        if followed and due is not None:
            self.state_label.setText(self.tr("ครั้งถัดไปภายใน %1").replace("%1", format_be(due)))
        else:
            self.state_label.setText(self.tr("นิเทศติดตามได้เมื่อกรณีอยู่ระหว่างดำเนินการตามแผน "
                                             "หรือเด็กกลับเข้าเรียนหรือทำงานแล้ว"))
        self.record_button.setEnabled(followed)

    def record(self) -> None:
        from desktop.services.case_followups import record_follow_up

        try:
            on = date_of(self.date_edit)
            nxt = parse_date(self.next_edit.text(), era="auto") if self.next_edit.text().strip() else None
        except ValueError as exc:
            self.page.say(str(exc), error=True)
            return
        f = FollowUp(on, "", FollowUpResult(self.result_combo.currentData()), self.note_edit.text(), nxt)
        if _run(self, lambda s: record_follow_up(s, self.page.case_id, f), self.tr("บันทึกการนิเทศติดตามแล้ว")):
            self.note_edit.clear()
            self.next_edit.clear()


class ReferralTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.items: list[Any] = []
        column = QVBoxLayout(self)
        self.table = read_only_table(self)
        self.table.itemSelectionChanged.connect(self._selected)
        column.addWidget(self.table, 1)
        # the selected referral's answer, apart from sending a new one (two boxes, titled)
        answer_box = QGroupBox(self.tr("สถานะของการส่งต่อที่เลือกในตาราง"), self)
        moves = QHBoxLayout(answer_box)
        moves.addWidget(QLabel(self.tr("เปลี่ยนเป็น"), answer_box))
        self.move_combo = QComboBox(answer_box)
        self.move_combo.setObjectName("referralMoveCombo")
        moves.addWidget(self.move_combo, 1)
        moves.addWidget(QLabel(self.tr("คำตอบ"), answer_box))
        self.answer_edit = QLineEdit(answer_box)
        self.answer_edit.setPlaceholderText(self.tr("คำตอบของหน่วยงาน"))
        moves.addWidget(self.answer_edit, 3)
        self.move_button = QPushButton(self.tr("บันทึกสถานะ"), answer_box)
        self.move_button.setToolTip(self.tr("บันทึกสถานะการส่งต่อ"))
        self.move_button.clicked.connect(self.move_referral)
        moves.addWidget(self.move_button)
        self.letter_button = QPushButton(self.tr("พิมพ์หนังสือส่งต่อ…"), answer_box)
        self.letter_button.setObjectName("letterButton")
        self.letter_button.clicked.connect(self.print_letter)
        moves.addWidget(self.letter_button)
        column.addWidget(answer_box)
        send_box = QGroupBox(self.tr("ส่งต่อหน่วยงานใหม่"), self)
        send = QGridLayout(send_box)
        self.agency_combo = QComboBox(send_box)
        self.agency_combo.setObjectName("agencyKindCombo")
        for a in Agency:
            if a is not Agency.FAMILY:
                self.agency_combo.addItem(agency_label(a), a.value)
        self.agency_combo.setPlaceholderText(self.tr("— เลือก —"))
        self.agency_combo.setCurrentIndex(-1)  # no default: the clerk chooses whom the letter asks
        self.agency_edit = QLineEdit(send_box)
        self.agency_edit.setObjectName("agencyNameEdit")
        self.agency_edit.setPlaceholderText(self.tr("ตามที่จะพิมพ์ในหนังสือ"))
        self.reason_edit = QLineEdit(send_box)
        self.reason_edit.setObjectName("referralReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("เด็กต้องการอะไรจากหน่วยงาน"))
        self.letter_edit = QLineEdit(send_box)
        self.letter_edit.setMaximumWidth(120)
        self.date_edit = date_edit(send_box)
        self.send_button = QPushButton(self.tr("ส่งต่อ"), send_box)
        self.send_button.setObjectName("sendReferralButton")
        self.send_button.clicked.connect(self.send)
        for row, col, text, field in ((0, 0, self.tr("ประเภทหน่วยงาน"), self.agency_combo),
                                      (0, 2, self.tr("ชื่อหน่วยงาน"), self.agency_edit),
                                      (1, 0, self.tr("เหตุที่ส่งต่อ"), self.reason_edit),
                                      (1, 2, self.tr("เลขที่หนังสือ"), self.letter_edit),
                                      (1, 4, self.tr("วันที่ส่ง"), self.date_edit)):
            label = QLabel(text, send_box)
            label.setBuddy(field)
            send.addWidget(label, row, col)
            if (row, col) == (0, 2):  # the name as long as the line allows
                send.addWidget(field, row, col + 1, 1, 4)
            else:
                send.addWidget(field, row, col + 1)
        send.addWidget(self.send_button, 0, 7, 2, 1)
        send.setColumnStretch(1, 3)
        send.setColumnStretch(3, 2)
        send.setVerticalSpacing(4)
        column.addWidget(send_box)

    def refresh(self, detail: Any) -> None:
        from desktop.services.case_referrals import referrals

        with self.page.ctx.db.reader() as session:
            self.items = list(reversed(referrals(session, detail.case.id)))
        fill_table(self.table, [self.tr("ส่งเมื่อ"), self.tr("หน่วยงาน"), self.tr("เหตุที่ส่งต่อ"), self.tr("สถานะ"),
                                self.tr("คำตอบ"), self.tr("เลขที่หนังสือ")],
                   [[format_be(r.sent_on), r.agency_name or agency_label(r.agency), r.reason,
                     f"{referral_label(r.status)} ({format_be(r.status_on)})", r.answer, r.letter_no]
                    for r in self.items], fitted=(0, 3, 5))  # the agency, reason and answer share the rest
        self.send_button.setEnabled(detail.case.status not in (CaseStatus.CLOSED, CaseStatus.CLOSURE_REQUESTED))
        if self.items:
            self.table.selectRow(0)
        self._selected()

    def _current(self) -> Any:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected(self) -> None:
        r = self._current()
        self.move_combo.clear()
        if r is not None:
            for target in ReferralStatus:
                if (r.status, target) in REFERRAL_MOVES:
                    self.move_combo.addItem(referral_label(target), target.value)
        self.move_button.setEnabled(self.move_combo.count() > 0)
        self.letter_button.setEnabled(r is not None)

    def send(self) -> None:
        from desktop.services.case_referrals import send_referral

        try:
            on = date_of(self.date_edit)
        except ValueError as exc:
            self.page.say(str(exc), error=True)
            return
        kind = self.agency_combo.currentData()  # None until chosen: the service refuses it
        r = Referral(Agency(kind) if kind else None, self.agency_edit.text(), self.reason_edit.text(), on, "")
        letter = self.letter_edit.text()
        if _run(self, lambda s: send_referral(s, self.page.case_id, r, letter_no=letter),
                self.tr("บันทึกการส่งต่อแล้ว")):
            for edit in (self.agency_edit, self.reason_edit, self.letter_edit):
                edit.clear()
            self.agency_combo.setCurrentIndex(-1)

    def move_referral(self) -> None:
        from datetime import date

        from desktop.services.case_referrals import move_referral

        r, target = self._current(), self.move_combo.currentData()
        if r is None or target is None:
            return
        answer = self.answer_edit.text()
        if _run(self, lambda s: move_referral(s, r.id, ReferralStatus(target), date.today(), answer=answer),
                self.tr("บันทึกสถานะการส่งต่อแล้ว")):
            self.answer_edit.clear()

    def print_letter(self) -> None:
        from desktop.services.case_print import referral_letter_file

        r = self._current()
        if r is None:
            return
        rid = r.id
        self.page.documents.report(
            self.tr("หนังสือส่งต่อ"), "referral-letter",
            lambda session, out, _options, _progress: referral_letter_file(session, rid, out),
            detail=r.agency_name, parent=self.page, name=self.tr("หนังสือส่งต่อ-%1").replace("%1", r.agency_name),
            subject_uuid=self.page.detail.child.uuid if self.page.detail is not None else None)
