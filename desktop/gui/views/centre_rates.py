"""อัตราค่าอาหาร (issue 12): the lunch and milk rates per child per day, dated, as the
reports use them (the office's own, or those shipped with the program marked unchecked),
and a form to record one from a date (services/centre_meals.set_rate: a clerk or director;
refused to a caregiver, and said here)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import MEAL_LABELS, MealKind, baht_text, parse_baht
from desktop.domain.dates import DateParseError, format_be, parse_date
from desktop.domain.errors import ValidationFailed
from desktop.gui.context import AppContext
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted
from desktop.services.centre_meals import rates_in_force, set_rate


class RatesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("อัตราค่าอาหารกลางวันและอาหารเสริม (นม)"))
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setObjectName("ratesNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels([self.tr("ประเภท"), self.tr("ปีงบประมาณ"), self.tr("ใช้ตั้งแต่"),
                                              self.tr("บาท/คน/วัน"), self.tr("ตรวจแล้ว"), self.tr("ที่มา")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        form = QGridLayout()
        self.kind_combo = QComboBox(self)
        for kind in MealKind:
            self.kind_combo.addItem(_(MEAL_LABELS[kind]), kind.value)
        self.from_edit = QLineEdit(self)
        self.from_edit.setPlaceholderText(self.tr("เช่น 1/10/2569"))
        self.baht_edit = QLineEdit(self)
        self.baht_edit.setPlaceholderText(self.tr("เช่น 21.00"))
        self.source_edit = QLineEdit(self)
        self.source_edit.setPlaceholderText(self.tr("เลขที่หนังสือสั่งการ"))
        self.checked_box = QCheckBox(self.tr("ตรวจกับหนังสือสั่งการแล้ว"), self)
        for row, (label, widget) in enumerate(((self.tr("ประเภท"), self.kind_combo),
                                               (self.tr("ใช้ตั้งแต่"), self.from_edit),
                                               (self.tr("บาทต่อคนต่อวัน"), self.baht_edit),
                                               (self.tr("ที่มา"), self.source_edit))):
            form.addWidget(QLabel(label, self), row, 0)
            form.addWidget(widget, row, 1)
        form.addWidget(self.checked_box, 4, 1)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("ratesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("บันทึกอัตรา"), self)
        self.save_button.setObjectName("saveRateButton")
        self.close_button = QPushButton(self.tr("ปิด"), self)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        self.resize(760, 520)
        fit_to_screen(self)
        self.reload()

    def reload(self) -> None:
        try:
            with self.ctx.db.reader() as s:
                rates, shipped = rates_in_force(s)
        except NotPermitted as exc:
            self.note.setText(str(exc))
            self.table.setRowCount(0)
            return
        self.note.setText(self.tr("ยังไม่ได้บันทึกอัตราของหน่วยงาน: ใช้อัตราที่มากับโปรแกรมซึ่งยังไม่ได้ตรวจสอบกับ"
                                  "หนังสือสั่งการของกรมส่งเสริมการปกครองท้องถิ่น") if shipped else
                          self.tr("อัตราของหน่วยงาน วันใดใช้อัตราที่เริ่มใช้ล่าสุดก่อนหรือในวันนั้น"))
        self.table.setRowCount(len(rates))
        for i, r in enumerate(rates):
            cells = (_(MEAL_LABELS[r.kind]), str(r.fiscal_year_be), format_be(r.valid_from), baht_text(r.satang),
                     self.tr("ใช่") if r.checked else self.tr("ยังไม่ได้ตรวจ"), r.source)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in (1, 3):  # the year and the baht: numbers, right-aligned as on paper
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def save(self) -> None:
        satang = parse_baht(self.baht_edit.text())
        if satang is None:
            self.message.setText(self.tr("อัตราต้องเป็นจำนวนเงินบาท เช่น 21 หรือ 7.82"))
            return
        try:
            first = parse_date(self.from_edit.text())
        except DateParseError as exc:
            self.message.setText(str(exc))
            return
        try:
            with self.ctx.db.session() as s:
                set_rate(s, str(self.kind_combo.currentData()), first, satang, source=self.source_edit.text(),
                         checked=self.checked_box.isChecked())
        except NotPermitted as exc:
            self.message.setText(str(exc))
            return
        except ValidationFailed as exc:
            self.message.setText("\n".join(p.message for p in exc.problems))
            return
        self.message.clear()
        self.baht_edit.clear()
        self.reload()
