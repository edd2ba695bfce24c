"""คัดกรองเด็กคนใหม่: choose the term and the child (typed name, Enter) whose screening to
fill in; only the children the signed-in user may screen are listed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.access import NotPermitted
from desktop.services.screening_detail import ChildChoice, screenable_children, term_choices
from desktop.services.screenings import status_label

SEARCH_DELAY_MS = 200


class ScreeningChildPicker(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, term: tuple[int, int] | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: list[ChildChoice] = []
        self.setWindowTitle(self.tr("คัดกรองเด็กคนใหม่: เลือกเด็ก"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.term_combo = QComboBox(self)
        self.term_combo.setObjectName("pickerTermCombo")
        with ctx.db.reader() as session:
            terms, current = term_choices(session, today)
        for year, number in terms:
            self.term_combo.addItem(f"{number}/{year}", year * 10 + number)  # an int: a tuple comes back a list
        chosen = term or current
        if chosen is not None and self.term_combo.findData(chosen[0] * 10 + chosen[1]) >= 0:
            self.term_combo.setCurrentIndex(self.term_combo.findData(chosen[0] * 10 + chosen[1]))
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("pickerSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("พิมพ์ชื่อหรือนามสกุลของเด็ก แล้วกด Enter"))
        form.addRow(self.tr("ภาคเรียน"), self.term_combo)
        form.addRow(self.tr("ค้นหาเด็ก"), self.search_edit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("pickerTable")
        self.table.setHorizontalHeaderLabels([self.tr("ชื่อ"), self.tr("ชั้น/สถานศึกษา"),
                                              self.tr("การคัดกรองภาคเรียนนี้")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.accept())
        layout.addWidget(self.table)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("กรอกแบบคัดกรอง"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.term_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.search_edit.installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_ok)
        self.resize(720, 460)
        self.search()
        self.search_edit.setFocus()
        fit_to_screen(self)

    def term(self) -> tuple[int, int] | None:
        data = self.term_combo.currentData()
        return divmod(int(data), 10) if data else None

    def search(self) -> None:
        self._timer.stop()
        term = self.term()
        if term is None:
            self.results = []
            self.count_label.setText(self.tr("ยังไม่มีภาคเรียนในทะเบียน โปรดเพิ่มปีการศึกษาก่อน"))
        else:
            try:
                with self.ctx.db.reader() as session:
                    self.results = screenable_children(session, term[0], self.search_edit.text(), term[1])
            except NotPermitted as exc:
                self.results = []
                self.count_label.setText(exc.message)
            else:
                self.count_label.setText(self.tr("พบ %1 คน (แสดงไม่เกิน 50 คน พิมพ์ชื่อเพื่อให้แคบลง)").replace(
                    "%1", str(len(self.results))) if self.results else self.tr("ไม่พบเด็กที่ตรงกันในภาคเรียนนี้"))
        self.table.setRowCount(len(self.results))
        for row, choice in enumerate(self.results):
            for column, text in enumerate((choice.name, choice.class_text,
                                           status_label(choice.screened) if choice.screened else "-")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.results:
            self.table.selectRow(0)
        self._update_ok()

    def current(self) -> ChildChoice | None:
        row = self.table.currentRow()
        return self.results[row] if 0 <= row < len(self.results) and self.table.selectedItems() else None

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.current() is not None)

    def accept(self) -> None:
        if self.current() is not None:
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the search box searches and goes to the results (it never picks unseen);
        # Down too
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.search()
            if self.results:
                self.table.setFocus()
            return True
        return super().eventFilter(watched, event)
