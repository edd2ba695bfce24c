"""A transfer file from the province, seen before it is taken (issue 13; docs/cases.md,
"Transfer to another municipality"): แฟ้ม › นำเข้าใบตอบรับจากจังหวัด… opens it here after
services/case_transfer_preview.preview_transfer (nothing written). A table of its cases:
the case, the child as sent, the sending office, how the child was found in this
registry, and for a child found by name and birth date only a choice: one of the
registry's children of that name (named with birth date, ID and address below the
table), or เด็กใหม่. รับโอน stays off until every such case has a choice, then
receive_transfer takes the file with the choices (all or nothing). Thin: the services
decide and check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be
from desktop.gui.context import AppContext
from desktop.gui.views.exchange_common import ExchangeText
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen


class TransferReceiveDialog(QDialog):
    """The cases of one transfer file and the clerk's choice of child for each name match."""

    def __init__(self, ctx: AppContext, path: Path, preview: Any, password: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.preview, self.password = ctx, path, preview, password
        self.text = ExchangeText(self)
        self.result: Any = None
        self.combos: dict[str, QComboBox] = {}  # transfer uuid → its choice
        self.setWindowTitle(self.tr("รับโอนกรณีจากจังหวัด"))
        self.resize(1120, 620)
        self._build()
        self._update()
        fit_to_screen(self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        cases = self.preview.cases
        senders = sorted({c.from_name for c in cases})
        intro = QLabel(self.tr("ไฟล์ส่งต่อกรณีจากจังหวัด %1 กรณี (จาก %2) ยังไม่ได้รับโอน ตรวจเด็กของแต่ละกรณีก่อน "
                               "เด็กที่พบด้วยชื่อและวันเกิดเท่านั้นอาจเป็นคนละคน เลือกว่าเป็นเด็กคนใดในทะเบียน "
                               "หรือเป็นเด็กใหม่").replace("%1", str(len(cases))).replace("%2", ", ".join(senders)), self)
        intro.setWordWrap(True)
        intro.setObjectName("introLabel")
        layout.addWidget(intro)
        table = QTableWidget(len(cases), 5, self)
        table.setObjectName("casesTable")
        table.setHorizontalHeaderLabels([self.tr("กรณี"), self.tr("เด็ก (ตามไฟล์)"), self.tr("จาก อปท."),
                                         self.tr("พบในทะเบียน"), self.tr("เด็กของกรณีนี้")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab goes on to each row's choice, then the buttons
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        for row, case in enumerate(cases):
            born = format_be(case.birth_date)
            ident = case.national_id or self.tr("ไม่มีเลขประจำตัว")
            chosen = "" if case.needs_choice else self._fixed(case)
            cells = (str(case.number), case.child_name + "\n" + self.tr("เกิด %1  %2").replace("%1", born)
                     .replace("%2", ident),
                     f"{case.from_name}\n{case.from_office}", self._how(case), chosen)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, col, item)
            if case.needs_choice:
                combo = QComboBox(table)
                combo.setObjectName(f"childChoice{case.number}")
                combo.setAccessibleName(self.tr("เด็กของกรณีที่ %1").replace("%1", str(case.number)))
                combo.addItem(self.tr("— เลือก —"), "")
                for n, c in enumerate(case.candidates, start=1):
                    combo.addItem(self.tr("%1. %2").replace("%1", str(n)).replace("%2", c.name), c.uuid)
                combo.addItem(self.tr("เด็กใหม่"), "new")
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(16)
                combo.currentIndexChanged.connect(lambda _i: self._update())
                table.setCellWidget(row, 4, combo)
                self.combos[case.transfer_uuid] = combo
        table.resizeRowsToContents()
        table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_details(row))
        self.table = table
        layout.addWidget(table, 1)
        self.details = QLabel(self)
        self.details.setObjectName("detailsLabel")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.hint = QLabel(self)
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.hint)
        self.error = error_line(self, "errorLabel")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.take_button = self.buttons.addButton(self.tr("รับโอน"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_button.setObjectName("takeButton")
        self.cancel_button = self.buttons.addButton(self.tr("ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.take_button.clicked.connect(lambda _c=False: self.take())
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        previous: QWidget = table
        for combo in self.combos.values():  # the keyboard: the table, each choice, the buttons
            QWidget.setTabOrder(previous, combo)
            previous = combo
        QWidget.setTabOrder(previous, self.take_button)
        if cases:
            first = next((i for i, c in enumerate(cases) if c.needs_choice), 0)
            table.setCurrentCell(first, 0)
            self._show_details(first)
        (next(iter(self.combos.values())) if self.combos else self.take_button).setFocus()

    def _how(self, case: Any) -> str:
        return {"national_id": self.tr("เลขประจำตัวประชาชนตรงกัน"),
                "name_birth": self.tr("ชื่อและวันเกิดตรงกัน %1 คน (ไม่มีเลขประจำตัวยืนยัน)")
                .replace("%1", str(len(case.candidates))),
                "new": self.tr("ไม่พบ"),
                "already": self.tr("รับโอนไว้แล้ว")}.get(case.match, str(case.match))

    def _fixed(self, case: Any) -> str:
        if case.match == "national_id":
            return str(case.candidates[0].name)
        if case.match == "already":
            return self.tr("กรณีเลขที่ %1 (ไม่มีอะไรเปลี่ยน)").replace("%1", str(case.taken_case_id))
        return self.tr("เพิ่มเด็กเข้าทะเบียนใหม่")

    def _show_details(self, row: int) -> None:
        cases = self.preview.cases
        if not 0 <= row < len(cases):
            return
        case = cases[row]
        lines = [self.tr("กรณีที่ %1: %2 เกิด %3 %4 จาก %5").replace("%1", str(case.number))
                 .replace("%2", case.child_name).replace("%3", format_be(case.birth_date))
                 .replace("%4", case.national_id or self.tr("ไม่มีเลขประจำตัว")).replace("%5", case.from_name)]
        if case.match in ("national_id", "name_birth"):
            for n, c in enumerate(case.candidates, start=1):
                lines.append(self.tr("  %1. ในทะเบียน: %2 เกิด %3 %4 %5").replace("%1", str(n)).replace("%2", c.name)
                             .replace("%3", format_be(c.birth_date))
                             .replace("%4", c.national_id or self.tr("ไม่มีเลขประจำตัว"))
                             .replace("%5", c.address or self.tr("ไม่มีที่อยู่ในทะเบียน")))
        self.details.setText("\n".join(lines))

    # ---- the choices
    def choices(self) -> dict[str, str]:
        return {uuid: str(combo.currentData()) for uuid, combo in self.combos.items() if combo.currentData()}

    def choose(self, number: int, value: str) -> None:
        """Choose for case ``number``: a candidate's uuid, or "new" (tests, screenshots)."""
        case = next(c for c in self.preview.cases if c.number == number)
        combo = self.combos[case.transfer_uuid]
        combo.setCurrentIndex(combo.findData(value))

    def _update(self) -> None:
        chosen = self.choices()
        waiting = [c for c in self.preview.waiting if c.transfer_uuid not in chosen]
        self.take_button.setEnabled(not waiting)  # all taken before: taking again says so, changes nothing
        self.take_button.setDefault(True)
        if waiting:
            self.hint.setText(self.tr("เลือกเด็กให้กรณีที่ %1 ก่อนรับโอน").replace(
                "%1", ", ".join(str(c.number) for c in waiting)))
        elif all(c.match == "already" for c in self.preview.cases):
            self.hint.setText(self.tr("รับโอนทุกกรณีในไฟล์นี้ไว้แล้ว ไม่มีอะไรเปลี่ยน"))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    def take(self) -> bool:
        from desktop.services.case_transfer_receive import receive_transfer

        try:
            with self.ctx.db.session() as session:
                self.result = receive_transfer(session, self.path, password=self.password, choices=self.choices())
        except Exception as exc:  # noqa: BLE001 - said in the dialog, never a traceback
            self.error.setText(self.text.failure(exc, self.path))
            self.error.show()
            return False
        self.accept()
        return True
