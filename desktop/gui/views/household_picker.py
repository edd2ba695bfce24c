"""เลือกครัวเรือนที่มีอยู่: find a household by house number, village or a member's name,
so that a sibling's form uses it instead of a retyped (and duplicated) address."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from desktop.gui.context import AppContext
from desktop.gui.forms.household_picker_ui import Ui_HouseholdPicker
from desktop.services.household_edit import HouseholdChoice, HouseholdQuery, find_households
from desktop.store.db import QueryInterrupted, interruptible

SEARCH_DELAY_MS = 200
LIMIT = 50


class HouseholdPicker(QDialog):
    chosen = Signal(object)  # HouseholdChoice
    searched = Signal()  # results shown (after a worker, too)
    BUDGET_SECONDS = 0.08  # a member's name scans the guardians: ~0.5 s at 1M children

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, house_no: str = "",
                 village: str = "", exclude_uuid: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exclude_uuid = exclude_uuid
        self.ui = Ui_HouseholdPicker()
        self.ui.setupUi(self)
        self.results: list[HouseholdChoice] = []
        self.busy = False
        self._generation = 0
        ui = self.ui
        table = ui.resultsTable
        table.setHorizontalHeaderLabels([self.tr("ที่อยู่"), self.tr("สมาชิก")])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("ใช้ครัวเรือนนี้"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        ui.buttonBox.accepted.connect(self.choose)
        ui.buttonBox.rejected.connect(self.reject)
        table.activated.connect(lambda _index: self.choose())  # Enter, double-click
        table.itemSelectionChanged.connect(self._update_ok)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        for edit in (ui.houseNoEdit, ui.villageEdit, ui.nameEdit):
            edit.textChanged.connect(lambda _t: self._timer.start())
            edit.installEventFilter(self)
        ui.houseNoEdit.setText(house_no)
        ui.villageEdit.setText(village)
        self.search()
        ui.nameEdit.setFocus() if house_no else ui.houseNoEdit.setFocus()

    def query(self) -> HouseholdQuery:
        ui = self.ui
        return HouseholdQuery(ui.houseNoEdit.text(), ui.villageEdit.text(), ui.nameEdit.text())

    def search(self) -> None:
        """Within the budget on the GUI thread; past it on a worker (the latest query wins)."""
        self._timer.stop()
        self._generation += 1
        generation, query, exclude = self._generation, self.query(), self.exclude_uuid

        def stale() -> bool:
            return generation != self._generation

        def found(seconds: float | None) -> list[HouseholdChoice]:
            with self.ctx.db.reader() as session, interruptible(session, seconds=seconds, stop=stale):
                return find_households(session, query, limit=LIMIT, exclude_uuid=exclude)

        try:
            results = found(self.BUDGET_SECONDS)
        except QueryInterrupted:
            self.busy = True
            self.ui.countLabel.setText(self.tr("กำลังค้นหา…"))
            self.ctx.tasks.run(lambda _p: found(None), quiet=True,
                               on_done=lambda r: self._show(generation, query, r),
                               on_error=lambda _e, _t: None)
            return
        self._show(generation, query, results)

    def done(self, result: int) -> None:
        self._generation += 1  # a search still on a worker must not touch a closed dialog
        super().done(result)

    def _show(self, generation: int, query: HouseholdQuery, results: list[HouseholdChoice]) -> None:
        if generation != self._generation:
            return  # a newer search replaced this one
        self.busy = False
        self.results = results
        table = self.ui.resultsTable
        table.setRowCount(len(self.results))
        for row, choice in enumerate(self.results):
            address = QTableWidgetItem(choice.address_text or self.tr("(ยังไม่ได้กรอกที่อยู่)"))
            address.setToolTip(choice.address_text)
            members = QTableWidgetItem(choice.members_text or self.tr("(ไม่มีสมาชิก)"))
            members.setToolTip("\n".join((*choice.children, *choice.guardians)))
            table.setItem(row, 0, address)
            table.setItem(row, 1, members)
        if self.results:
            table.selectRow(0)
        if query.is_empty():
            text = self.tr("พิมพ์บ้านเลขที่ หมู่ที่ หรือชื่อสมาชิกเพื่อค้นหา")
        elif not self.results:
            text = self.tr("ไม่พบครัวเรือนที่ตรงกัน ลองค้นด้วยคำอื่น หรือกด ยกเลิก แล้วกรอกที่อยู่ใหม่")
        elif len(self.results) >= LIMIT:
            text = self.tr("แสดง %1 ครัวเรือนแรก กรอกเพิ่มเพื่อให้แคบลง").replace("%1", str(LIMIT))
        else:
            text = self.tr("พบ %1 ครัวเรือน").replace("%1", str(len(self.results)))
        self.ui.countLabel.setText(text)
        self._update_ok()
        self.searched.emit()

    def _search_and_go_to_results(self) -> None:
        self.search()
        if self.busy:
            self.searched.connect(self._go_to_results, Qt.ConnectionType.SingleShotConnection)
        else:
            self._go_to_results()

    def _go_to_results(self) -> None:
        if self.results:
            self.ui.resultsTable.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.current() is not None)

    def current(self) -> HouseholdChoice | None:
        rows = self.ui.resultsTable.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.results):
            return None
        return self.results[rows[0].row()]

    def choose(self) -> None:
        choice = self.current()
        if choice is None:
            return
        self.chosen.emit(choice)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in a search box searches and moves to the results; it must not choose the
        # first row unseen (the dialog's default button). Enter on a result chooses it.
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._search_and_go_to_results()
            return True
        return super().eventFilter(watched, event)
