"""Record a DSPM check, a re-check or a correction (issue 12), by the keyboard: the items of
the age band one row each; ``ผ`` / ``p`` passed, ``ม`` / ``f`` not passed (the cursor moves
to the next item), Space turns the answer over, Ctrl+S saves. The service works the
outcome out (desktop/services/dspm.py); the dialog shows it and, on a failed item, the
re-check's last day. Also the referral's and the hospital's outcome small forms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import DateParseError, format_be, parse_date
from desktop.domain.dspm import DOMAIN_LABELS, Item, manual
from desktop.domain.errors import ValidationFailed
from desktop.gui.context import AppContext
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted
from desktop.services.dspm import REFERRAL_OUTCOME_LABELS, CheckView, ReferralOutcome

PASS_KEYS = {"ผ", "p", "P"}
FAIL_KEYS = {"ม", "f", "F"}
RESULT = 3  # the answer's column
COLOURS = {True: "#e3f4e1", False: "#f8d7da"}


def problem_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    return str(exc)


def read_date(edit: QLineEdit) -> date | None:
    try:
        return parse_date(edit.text())
    except DateParseError:
        return None


class ItemsGrid(QTableWidget):
    """One row an item: number, domain, skill, answer (None until given)."""

    changed = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("itemsGrid")
        self.setHorizontalHeaderLabels([self.tr("ข้อ"), self.tr("ด้าน"), self.tr("ทักษะ"), self.tr("ผล")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        # each row as tall as its text at the table's width now (sized once at load, while the
        # table was still narrow, a one-line skill took three lines and a netbook showed three items)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.items_: list[Item] = []
        self.answers: dict[int, bool] = {}
        self._texts = {None: self.tr("ยังไม่ได้ประเมิน"), True: self.tr("ผ่าน"), False: self.tr("ไม่ผ่าน")}

    def load(self, items: list[Item], answers: dict[int, bool] | None = None) -> None:
        self.items_ = list(items)
        self.answers = {k: v for k, v in (answers or {}).items() if any(i.no == k for i in items)}
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            self.setItem(row, 0, QTableWidgetItem(str(item.no)))
            self.setItem(row, 1, QTableWidgetItem(_(DOMAIN_LABELS[item.domain])))
            self.setItem(row, 2, QTableWidgetItem(item.skill))
            self.setItem(row, RESULT, QTableWidgetItem())
            self._paint(row)
        self.resizeRowsToContents()
        if items:
            self.setCurrentCell(0, RESULT)

    def answer(self, row: int, passed: bool | None, *, move: bool = True) -> None:
        if not 0 <= row < len(self.items_):
            return
        no = self.items_[row].no
        if passed is None:
            self.answers.pop(no, None)
        else:
            self.answers[no] = passed
        self._paint(row)
        self.changed.emit()
        if move and row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, RESULT)

    def _paint(self, row: int) -> None:
        passed = self.answers.get(self.items_[row].no)
        cell = self.item(row, RESULT)
        assert cell is not None
        cell.setText(self._texts[passed])
        brush = QBrush() if passed is None else QBrush(QColor(COLOURS[passed]))
        for col in range(4):
            c = self.item(row, col)
            if c is not None:
                c.setBackground(brush)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_requested.emit()
            return
        text, row = event.text(), self.currentRow()
        if text in PASS_KEYS:
            self.answer(row, True)
        elif text in FAIL_KEYS:
            self.answer(row, False)
        elif event.key() == Qt.Key.Key_Space and 0 <= row < len(self.items_):
            self.answer(row, not self.answers.get(self.items_[row].no, False), move=False)
        else:
            super().keyPressEvent(event)


class DspmCheckDialog(QDialog):
    """A first check (``first`` None), a re-check of ``first``, or a correction of ``editing``."""

    saved = Signal(object)  # the CheckView stored

    def __init__(self, ctx: AppContext, child_uuid: str, child_name: str, birth: date, parent: QWidget | None = None,
                 *, first: CheckView | None = None, editing: CheckView | None = None,
                 first_of_edit: CheckView | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dspmCheckDialog")
        self.ctx, self.child_uuid, self.birth = ctx, child_uuid, birth
        self.first, self.editing, self.today = first, editing, today or date.today()
        self.first_of_edit = first_of_edit  # a re-check's first check, when correcting a re-check
        self.stored: CheckView | None = None
        recheck = first is not None or (editing is not None and editing.is_recheck)
        self.setWindowTitle(self.tr("แก้ไขผลการประเมินพัฒนาการ") if editing else
                            self.tr("ประเมินพัฒนาการซ้ำ") if recheck else self.tr("ประเมินพัฒนาการ (DSPM)"))
        layout = QVBoxLayout(self)
        heading = QLabel(child_name, self)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.age_combo = QComboBox(self)
        self.age_combo.setObjectName("ageCombo")
        m = manual()
        for band in m.bands:  # the screening ages say so; a surveillance band shows its months
            text = (self.tr("%1 เดือน (อายุคัดกรอง)").replace("%1", str(band.age_months)) if band.screening else
                    self.tr("แรกเกิด - 1 เดือน") if band.age_months == 0 else
                    self.tr("%1 - %2 เดือน").replace("%1", str(band.age_months)).replace("%2", str(band.last_month)))
            self.age_combo.addItem(text, band.age_months)
        self.date_edit = QLineEdit(format_be(editing.checked_on if editing else self.today), self)
        self.date_edit.setObjectName("checkDateEdit")
        self.assessor_edit = QLineEdit(editing.assessor if editing else "", self)
        self.assessor_edit.setObjectName("assessorEdit")
        self.assessor_edit.setPlaceholderText(self.tr("ว่างไว้ = ชื่อผู้ใช้ที่เข้าระบบ"))
        self.refer_check = QCheckBox(self.tr("ส่งต่อทันที (ไม่ต้องส่งเสริมแล้วประเมินซ้ำ)"), self)
        self.refer_check.setObjectName("referNowCheck")
        form.addRow(self.tr("ช่วงอายุ"), self.age_combo)
        form.addRow(self.tr("วันที่ประเมิน (พ.ศ.)"), self.date_edit)
        form.addRow(self.tr("ผู้ประเมิน"), self.assessor_edit)
        layout.addLayout(form)
        layout.addWidget(self.refer_check)
        self.grid = ItemsGrid(self)
        layout.addWidget(self.grid, 1)
        self.band_label = QLabel(self)  # the child's age in no band of the file: what to do meanwhile
        self.band_label.setObjectName("bandNote")
        self.band_label.setWordWrap(True)
        self.band_label.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.band_label)
        self.help_label = QLabel(self.tr("ผ หรือ p = ผ่าน · ม หรือ f = ไม่ผ่าน · เว้นวรรค = สลับ · Ctrl+S บันทึก"), self)
        self.help_label.setWordWrap(True)
        layout.addWidget(self.help_label)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("checkState")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("บันทึก (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.grid.save_requested.connect(self.save)
        self.grid.changed.connect(self._counted)
        self.age_combo.currentIndexChanged.connect(lambda _i: self._load_items())
        self._set_up(recheck)
        self.band_label.setText(self._band_note())
        self.band_label.setVisible(bool(self.band_label.text()))
        self.resize(760, 620)
        fit_to_screen(self)
        self.grid.setFocus()

    def _set_up(self, recheck: bool) -> None:
        m = manual()
        source = self.first or self.first_of_edit
        age = (self.editing.age_months if self.editing else source.age_months if source else self._age_now())
        self.age_combo.setCurrentIndex(max(self.age_combo.findData(age), 0))
        self.age_combo.setEnabled(self.editing is None and not recheck)
        self.refer_check.setVisible(not recheck)
        if self.editing is not None and not recheck:
            self.refer_check.setChecked(self.editing.outcome.value == "refer_now")
        if recheck:
            items = list(source.failed) if source is not None else list(self.editing.failed if self.editing else ())
            answers = {i.no: i not in (self.editing.failed if self.editing else ()) for i in items} \
                if self.editing else {}
            self.grid.load(items, answers)
        else:
            band = m.band(age)
            answers = {i.no: i not in self.editing.failed for i in band.items} if self.editing else {}
            self.grid.load(list(band.items), answers)
        self._counted()

    def _band_note(self) -> str:
        """A first check for a child whose age is in no band of the file: past the manual's
        last band (78 months), or in a band a file leaves out (``Manual.gaps``): say so, what
        to use meanwhile and when the next band with items comes."""
        from desktop.domain.dates import age_on, format_age
        from desktop.domain.dspm_schedule import reaches

        years, months = age_on(self.birth, self.today)
        m = manual()
        if self.first is not None or self.editing is not None or m.band_at(years * 12 + months) is not None:
            return ""
        if years * 12 + months > m.bands[-1].last_month:
            return self.tr("อายุ %1 พ้นช่วงอายุของคู่มือ DSPM (ถึง %2 เดือน) แล้ว: ไม่มีข้อประเมินตามคู่มือนี้").replace(
                "%1", format_age(years, months)).replace("%2", str(m.bands[-1].last_month))
        note = self.tr("อายุ %1: ข้อประเมินของช่วงอายุนี้ยังไม่มีในโปรแกรม "
                       "ใช้คู่มือ DSPM (เล่มกระดาษ) เฝ้าระวังไปก่อน").replace("%1", format_age(years, months))
        coming = [b for b in m.bands if reaches(self.birth, b.age_months) > self.today]
        if coming:
            note += self.tr(" · ช่วงอายุถัดไปที่มีในโปรแกรม %1 ตั้งแต่ %2").replace(
                "%1", coming[0].label.split(" (")[0]).replace("%2", format_be(reaches(self.birth, coming[0].age_months)))
        return note

    def _age_now(self) -> int:
        """The child's current band; in none (an age the file lacks), the screening age
        reached most recently (the first band otherwise)."""
        from desktop.domain.dates import age_on
        from desktop.domain.dspm_schedule import reaches

        years, months = age_on(self.birth, self.today)
        band = manual().band_at(years * 12 + months)
        if band is not None:
            return band.age_months
        ages = [a for a in manual().screening_ages if reaches(self.birth, a) <= self.today]
        return ages[-1] if ages else manual().bands[0].age_months

    def _load_items(self) -> None:
        if self.first is None and self.editing is None:
            self.grid.load(list(manual().band(int(self.age_combo.currentData())).items))
            self._counted()

    def _counted(self) -> None:
        answers, total = self.grid.answers, self.grid.rowCount()
        failed = sum(1 for v in answers.values() if not v)
        self.state_label.setText(self.tr("ประเมินแล้ว %1 จาก %2 ข้อ · ไม่ผ่าน %3 ข้อ").replace(
            "%1", str(len(answers))).replace("%2", str(total)).replace("%3", str(failed)))

    def save(self) -> None:
        from desktop.services.dspm import edit_check, record_check, record_recheck

        day = read_date(self.date_edit)
        if day is None:
            QMessageBox.warning(self, "Samoe", self.tr("วันที่ประเมินไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ."))
            return
        answers = dict(self.grid.answers)
        assessor = self.assessor_edit.text()
        try:
            with self.ctx.db.session() as s:
                if self.editing is not None:
                    view = edit_check(s, self.editing.id, day, answers, assessor=assessor,
                                      refer_now=self.refer_check.isChecked(), today=self.today)
                elif self.first is not None:
                    view = record_recheck(s, self.first.id, day, answers, assessor=assessor, today=self.today)
                else:
                    view = record_check(s, self.child_uuid, int(self.age_combo.currentData()), day, answers,
                                        assessor=assessor, refer_now=self.refer_check.isChecked(), today=self.today)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem_text(exc))
            return
        self.stored = view
        self.saved.emit(view)
        self.accept()


class SmallForm(QDialog):
    """A few fields and Save/Cancel: the referral, and the hospital's outcome (its own words
    under its own context: ``self.tr`` in a subclass would look them up under the subclass's)."""

    def __init__(self, ctx: AppContext, check: CheckView, parent: QWidget | None, today: date,
                 done: Callable[[], None]) -> None:
        super().__init__(parent)
        self.ctx, self.check, self.today, self.after = ctx, check, today, done
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(QCoreApplication.translate("SmallForm", "บันทึก"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("SmallForm", "ยกเลิก"))
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self._save)

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.resize(520, 220)
        fit_to_screen(self)

    def store(self) -> None:
        """Write through the service (raises its refusal)."""

    def day_of(self, edit: QLineEdit) -> date | None:
        day = read_date(edit)
        if day is None:
            QMessageBox.warning(self, "Samoe", QCoreApplication.translate("SmallForm", "วันที่ไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ."))
        return day

    def _save(self) -> None:
        try:
            self.store()
        except LookupError:
            return
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem_text(exc))
            return
        self.after()
        self.accept()


class ReferDialog(SmallForm):
    """Refer the check's child for TEDA4I: the hospital, the day sent, the letter's number."""

    def __init__(self, ctx: AppContext, check: CheckView, parent: QWidget | None, today: date,
                 done: Callable[[], None]) -> None:
        super().__init__(ctx, check, parent, today, done)
        self.setObjectName("referDialog")
        self.setWindowTitle(self.tr("ส่งต่อประเมินพัฒนาการ (TEDA4I)"))
        self.hospital = QLineEdit(self)
        self.hospital.setObjectName("hospitalEdit")
        self.sent = QLineEdit(format_be(today), self)
        self.sent.setObjectName("sentEdit")
        self.letter = QLineEdit(self)
        self.letter.setObjectName("letterEdit")
        self.form.addRow(self.tr("โรงพยาบาล"), self.hospital)
        self.form.addRow(self.tr("วันที่ส่งต่อ (พ.ศ.)"), self.sent)
        self.form.addRow(self.tr("เลขที่หนังสือ"), self.letter)
        self.finish()

    def store(self) -> None:
        from desktop.services.dspm import refer

        day = self.day_of(self.sent)
        if day is None:
            raise LookupError
        with self.ctx.db.session() as s:
            refer(s, self.check.id, self.hospital.text(), day, letter_no=self.letter.text(), today=self.today)


class OutcomeDialog(SmallForm):
    """The hospital's outcome of the check's referral."""

    def __init__(self, ctx: AppContext, check: CheckView, parent: QWidget | None, today: date,
                 done: Callable[[], None]) -> None:
        super().__init__(ctx, check, parent, today, done)
        referral: Any = check.referral
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("ผลการประเมินจากโรงพยาบาล"))
        self.combo = QComboBox(self)
        self.combo.setObjectName("outcomeCombo")
        for o in ReferralOutcome:
            self.combo.addItem(_(REFERRAL_OUTCOME_LABELS[o]), o.value)
        self.on = QLineEdit(format_be(today), self)
        self.on.setObjectName("outcomeDateEdit")
        self.note = QLineEdit(referral.outcome_note if referral else "", self)
        self.note.setObjectName("outcomeNoteEdit")
        if referral is not None and referral.outcome is not None:
            self.combo.setCurrentIndex(max(self.combo.findData(referral.outcome.value), 0))
        self.form.addRow(self.tr("ผล"), self.combo)
        self.form.addRow(self.tr("วันที่ได้รับผล (พ.ศ.)"), self.on)
        self.form.addRow(self.tr("หมายเหตุ"), self.note)
        self.finish()

    def store(self) -> None:
        from desktop.services.dspm import record_referral_outcome

        day = self.day_of(self.on)
        referral = self.check.referral
        if day is None or referral is None:
            raise LookupError
        with self.ctx.db.session() as s:
            record_referral_outcome(s, referral.id, ReferralOutcome(self.combo.currentData()), day,
                                    note=self.note.text(), today=self.today)
