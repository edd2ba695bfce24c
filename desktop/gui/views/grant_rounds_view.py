"""ทุนเสมอภาค › รอบการจ่ายทุน: the grant rounds (issue 11), searched by name, sorted by any
column; Enter (or a double-click) opens a round's window (its eligible list, the term's
attendance, payments, reconciliation); สร้างรอบทุนใหม่… makes one. The list is exported,
and the totals per programme and term too. What a user may not do is refused by the
services and said in Thai here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.views.grant_table import (
    RowsModel,
    fill,
    make_table,
    problem_text,
    select_keys,
    selected_keys,
)
from desktop.gui.widgets.list_page import FilterMark, list_keys
from desktop.i18n import _
from desktop.services.access import NotPermitted
from desktop.services.grants import RoundInfo, rounds

SEARCH_DELAY_MS = 200


def levels_text(levels: str) -> str:
    """ยากจนพิเศษ, ยากจน from the round's stored levels."""
    known = {lv.value for lv in PovertyLevel}
    return ", ".join(_(LEVEL_LABELS[PovertyLevel(v)]) if v in known else v for v in levels.split(",") if v)


class GrantRoundsView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.rows: list[RoundInfo] = []
        self.shown: list[RoundInfo] = []
        self.window_open: QWidget | None = None  # the round window open last (tests reach it)
        self.documents = Documents(ctx, self, self.status_message.emit)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("รอบการจ่ายทุนเสมอภาคและเงินอุดหนุนนักเรียนยากจน"), self)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อรอบ ประเภททุน หรือภาคเรียน (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        bar.addWidget(self.search_edit, 1)
        self.filters = FilterMark(self, [self.search_edit], self.clear_filter, self.tr("แสดงทุกรอบ"))
        bar.addWidget(self.filters.button)
        layout.addLayout(bar)
        self.model = RowsModel([
            self.tr("รหัส"), self.tr("ชื่อรอบ"), self.tr("ประเภททุน"), self.tr("ภาคเรียน"), self.tr("กลุ่มที่จ่าย"),
            self.tr("เกณฑ์มาเรียน"), self.tr("สถานะ")], self._cells, lambda r: str(r.id), right=(0, 5))
        self.table = make_table(self, "roundsTable", self.model, stretch=1)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("สร้างรอบทุนใหม่…"), self)
        self.new_button.setObjectName("newRoundButton")
        self.open_button = QPushButton(self.tr("เปิดรอบทุน"), self)
        self.open_button.setObjectName("openRoundButton")
        self.export_button = QPushButton(self.tr("ส่งออกรายการรอบ…"), self)
        self.export_button.setObjectName("exportRoundsButton")
        self.totals_button = QPushButton(self.tr("ส่งออกยอดรวมตามประเภททุน…"), self)
        self.totals_button.setObjectName("exportTotalsButton")
        for button in (self.new_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.export_button, self.totals_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.new_button.clicked.connect(self.new_round)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_rounds)
        self.totals_button.clicked.connect(self.export_totals)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        list_keys(self, self.search_edit, self.table, open=self.open_selected)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def clear_filter(self) -> None:
        self.search_edit.clear()
        self.apply_filter()

    def refresh(self) -> None:
        try:
            with self.ctx.db.reader() as session:
                self.rows = rounds(session)
        except NotPermitted as exc:
            self.rows = []
            self._show([])
            self.count_label.setText(problem_text(exc))
            return
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        words = self.search_edit.text().split()
        self.shown = [r for r in self.rows
                      if all(w in f"{r.id} {r.name} {r.programme_label} {r.term}" for w in words)]
        self._show(self.shown)
        self.filters.show_state()
        if not self.rows:
            self.count_label.setText(self.tr("ยังไม่มีรอบทุน กด \"สร้างรอบทุนใหม่…\" เพื่อเริ่ม"))
        else:
            self.count_label.setText(self.tr("%1 รอบ").replace("%1", f"{len(self.shown):,}"))

    def _show(self, rows: list[RoundInfo]) -> None:
        fill(self.table, rows)
        self._update_buttons()

    def _cells(self, r: RoundInfo) -> list[tuple[str, object]]:
        return [(str(r.id), r.id), (r.name, None), (r.programme_label, None),
                (r.term, tuple(int(x) for x in reversed(r.term.split("/")))), (levels_text(r.levels), None),
                (f"{r.attendance_percent}%", r.attendance_percent),
                (self.tr("เปิด") if r.status == "open" else r.status, None)]

    def selected_id(self) -> int | None:
        keys = selected_keys(self.table)
        return int(keys[0]) if keys else None

    def select_id(self, round_id: int) -> None:
        select_keys(self.table, {str(round_id)})

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def new_round(self) -> None:
        from desktop.gui.views.grant_round_new import NewRoundDialog

        dialog = NewRoundDialog(self.ctx, self, today=self.today)
        dialog.created.connect(self._created)
        self.window_open = dialog
        dialog.open()

    def _created(self, round_id: int) -> None:
        self.refresh()
        self.select_id(round_id)
        self.status_message.emit(self.tr("สร้างรอบทุนรหัส %1 แล้ว").replace("%1", str(round_id)), None)
        self.open_round(round_id)

    def open_selected(self) -> None:
        round_id = self.selected_id()
        if round_id is not None:
            self.open_round(round_id)

    def open_round(self, round_id: int) -> None:
        from desktop.gui.views.grant_round_window import GrantRoundWindow

        info = next((r for r in self.rows if r.id == round_id), None)
        if info is None:
            return
        window = GrantRoundWindow(self.ctx, info, self, today=self.today)
        window.status_message.connect(self.status_message.emit)
        self.window_open = window
        window.show()

    def export_rounds(self) -> None:
        from desktop.services.grants_exports import export_rounds

        self.documents.export(self.tr("รอบทุน"), "grant-rounds",
                              lambda session, path, _progress: export_rounds(session, path), parent=self)

    def export_totals(self) -> None:
        from desktop.services.grants_exports import export_programme_totals

        self.documents.export(self.tr("ยอดรวมทุนตามประเภททุน"), "grant-totals",
                              lambda session, path, _progress: export_programme_totals(session, path), parent=self)
