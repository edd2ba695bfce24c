"""ชุดเกณฑ์คัดกรอง (issue 11): the office's rule packs, which one scores the screenings,
which are illustrative; installing a pack the province signed (a file: refused with the
Thai reason when unsigned, altered or signed by another office); and the re-score offer:
a preview of who changes class (name, school, class, old → new) before it is confirmed.
Installing, the preview and the re-score run on the task runner (progress and cancel in
the status bar); the rules are the services' (services/rulepacks.py,
services/screening_rescore.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services.access import NotPermitted
from desktop.services.progress import Progress
from desktop.services.rulepacks import PackInfo, pack_list
from desktop.services.screening_rescore import ChangeRow

OK_STYLE = "color: #2f5d3a;"
WARN_STYLE = "color: #b00020;"
LEVEL_COLOURS = {"extreme": "#b00020", "poor": "#8a4b00"}


class RulePackDialog(QDialog):
    rescored = Signal()  # the screenings' classes changed
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.packs: list[PackInfo] = []
        self.changes: list[ChangeRow] = []
        self.preview_label = ""  # the pack the preview is of
        self.busy = False
        self.setWindowTitle(self.tr("ชุดเกณฑ์คัดกรอง"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "ชุดเกณฑ์กำหนดเส้นรายได้ คะแนนของแต่ละคำตอบ และช่วงคะแนนของยากจนและยากจนพิเศษ "
            "ชุดใหม่ต้องเป็นไฟล์ที่สำนักงานจังหวัดลงนามแล้ว ติดตั้งแล้วยังไม่ใช้จนกว่าจะยืนยันคิดผลใหม่"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("packsTable")
        self.table.setHorizontalHeaderLabels([self.tr("ชุดเกณฑ์"), self.tr("สถานะ"), self.tr("ที่มา"),
                                              self.tr("ติดตั้งเมื่อ"), self.tr("ชื่อ")])
        self._table(self.table, stretch=4)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.install_button = QPushButton(self.tr("ติดตั้งจากไฟล์…"), self)
        self.install_button.setObjectName("installPackButton")
        self.preview_button = QPushButton(self.tr("ดูผลถ้าใช้ชุดนี้…"), self)
        self.preview_button.setObjectName("previewPackButton")
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = error_line(self, "packMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.preview = QGroupBox(self.tr("ผลถ้าคิดใหม่ด้วยชุดนี้"), self)
        self.preview.setObjectName("previewGroup")
        box = QVBoxLayout(self.preview)
        self.summary = QLabel(self.preview)
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.changes_table = QTableWidget(0, 5, self.preview)
        self.changes_table.setObjectName("changesTable")
        self.changes_table.setHorizontalHeaderLabels([self.tr("ชื่อ"), self.tr("สถานศึกษา"), self.tr("ชั้น"),
                                                      self.tr("ผลเดิม"), self.tr("ผลใหม่")])
        self._table(self.changes_table, stretch=0)
        box.addWidget(self.changes_table, 1)
        row = QHBoxLayout()
        self.rescore_button = QPushButton(self.preview)
        self.rescore_button.setObjectName("rescoreButton")
        self.cancel_preview_button = QPushButton(self.tr("ยังไม่ใช้ชุดนี้"), self.preview)
        self.cancel_preview_button.setObjectName("cancelPreviewButton")
        row.addStretch(1)
        row.addWidget(self.cancel_preview_button)
        row.addWidget(self.rescore_button)
        box.addLayout(row)
        self.preview.hide()
        layout.addWidget(self.preview, 1)
        close = QHBoxLayout()
        close.addStretch(1)
        self.close_button = QPushButton(self.tr("ปิด"), self)
        self.close_button.setObjectName("closeButton")
        close.addWidget(self.close_button)
        layout.addLayout(close)
        self.install_button.clicked.connect(self.install)
        self.preview_button.clicked.connect(lambda: self.show_preview(self.selected_label()))
        self.cancel_preview_button.clicked.connect(self._hide_preview)
        self.rescore_button.clicked.connect(self.rescore)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(900, 620)
        fit_to_screen(self)
        self.refresh()

    @staticmethod
    def _table(table: QTableWidget, *, stretch: int) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # ---- the packs
    def refresh(self, select: str = "") -> None:
        keep = select or self.selected_label()
        try:
            with self.ctx.db.session() as session:  # the first look installs the shipped pack
                self.packs = pack_list(session)
        except NotPermitted as exc:
            self.packs = []
            self.say(exc.message, WARN_STYLE)
        self.table.setRowCount(len(self.packs))
        for n, p in enumerate(self.packs):
            state = self.tr("ใช้อยู่") if p.active else self.tr("ไม่ได้ใช้")
            if p.illustrative:
                state += " · " + self.tr("ชุดตัวอย่าง ไม่ใช่เกณฑ์จริง")
            source = (self.tr("ลงนามโดยสำนักงาน %1").replace("%1", p.signed_by) if p.signed_by
                      else self.tr("มากับโปรแกรม"))
            cells = (p.label, state, source, p.installed_at.strftime("%d/%m/%Y %H:%M"), p.title)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.label)
                item.setToolTip(p.title)
                if p.active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == 1 and p.illustrative:
                    item.setForeground(QBrush(QColor("#8a4b00")))
                self.table.setItem(n, column, item)
        rows = max(len(self.packs), 2)  # every pack in view: a list of a few, never scrolled
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 4
                                  + sum(self.table.rowHeight(n) for n in range(len(self.packs)))
                                  + max(0, rows - len(self.packs)) * self.table.verticalHeader().defaultSectionSize())
        wanted = keep or next((p.label for p in self.packs if p.active), "")
        for n, p in enumerate(self.packs):
            if p.label == wanted:
                self.table.selectRow(n)
        self._update_buttons()

    def selected_label(self) -> str:
        item = self.table.item(self.table.currentRow(), 0) if self.table.selectedItems() else None
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        label = self.selected_label()
        active = next((p.active for p in self.packs if p.label == label), True)
        self.preview_button.setEnabled(bool(label) and not active and not self.busy)
        self.install_button.setEnabled(not self.busy)
        self.rescore_button.setEnabled(bool(self.preview_label) and not self.busy)

    def say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _run(self, work: Any, done: Any, label: str, *, writes: bool) -> None:
        """``work(progress)`` on the task runner; its refusal said here in Thai."""
        self.busy = True
        self._update_buttons()

        def finished(result: object) -> None:
            self.busy = False
            done(result)
            self._update_buttons()

        def failed(exc: BaseException, _tb: str) -> None:
            self.busy = False
            self.say(self.refusal_text(exc), WARN_STYLE)
            self._update_buttons()

        def cancelled() -> None:
            self.busy = False
            self.say(self.tr("ยกเลิกแล้ว ไม่มีอะไรเปลี่ยน"), OK_STYLE)
            self._update_buttons()

        self.ctx.tasks.run(work, on_done=finished, on_error=failed, on_cancel=cancelled, label=label, writes=writes)

    # ---- install
    def choose_pack_file(self) -> str:
        """The signed pack file the administrator picks ("" when none); a test replaces it."""
        from desktop.gui.widgets.file_pickers import open_file_name

        path, _filter = open_file_name(self, self.tr("เลือกไฟล์ชุดเกณฑ์ที่จังหวัดลงนาม"), "",
                                       self.tr("ชุดเกณฑ์ที่ลงนามแล้ว (*.samoe-rulepack);;ทุกไฟล์ (*)"))
        return str(path)

    def install(self) -> None:
        path = self.choose_pack_file()
        if not path:
            return
        from desktop.services.rulepacks import install_signed_pack

        def work(progress: Progress) -> PackInfo:
            progress.step(0, 0, "")
            with self.ctx.db.session() as session:
                return install_signed_pack(session, Path(path))

        def done(info: object) -> None:
            assert isinstance(info, PackInfo)
            self.refresh(select=info.label)
            self.say(self.tr("ติดตั้งชุดเกณฑ์ %1 แล้ว (ยังไม่ได้ใช้) ดูผลที่จะเปลี่ยนด้านล่างก่อนยืนยัน")
                     .replace("%1", info.label), OK_STYLE)
            self.status_message.emit(self.tr("ติดตั้งชุดเกณฑ์ %1 แล้ว").replace("%1", info.label), None)
            if not info.active:
                self.show_preview(info.label)  # the re-score offer

        self.say("", OK_STYLE)
        self._run(work, done, self.tr("กำลังตรวจลายมือชื่อและติดตั้งชุดเกณฑ์…"), writes=True)

    # ---- the preview and the re-score
    def show_preview(self, label: str) -> None:
        if not label:
            return
        from desktop.services.screening_rescore import change_rows

        def work(progress: Progress) -> list[ChangeRow]:
            with self.ctx.db.reader() as session:
                return change_rows(session, label, progress)

        def done(rows: object) -> None:
            assert isinstance(rows, list)
            self._show_changes(label, rows)

        self._run(work, done, self.tr("กำลังคิดผลตัวอย่างด้วยชุดเกณฑ์ %1…").replace("%1", label), writes=False)

    def _show_changes(self, label: str, rows: list[ChangeRow]) -> None:
        self.changes, self.preview_label = rows, label
        self.preview.setTitle(self.tr("ผลถ้าคิดใหม่ด้วยชุดเกณฑ์ %1").replace("%1", label))
        up = sum(1 for r in rows if r.after_code in ("poor", "extreme"))
        self.summary.setText(
            self.tr("ผลคัดกรองจะเปลี่ยน %1 แบบ (ยากจนหรือยากจนพิเศษ %2 แบบ) ยังไม่มีอะไรเปลี่ยนจนกว่าจะกดยืนยัน")
            .replace("%1", f"{len(rows):,}").replace("%2", f"{up:,}") if rows
            else self.tr("ไม่มีแบบคัดกรองใดเปลี่ยนผล ใช้ชุดนี้แล้วทุกแบบจะบันทึกว่าคิดด้วยชุดนี้"))
        table = self.changes_table
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            for column, text in enumerate((r.child_name, r.institution, r.level, r.before, "→ " + r.after)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.screening_uuid)
                if column == 4 and r.after_code in LEVEL_COLOURS:
                    item.setForeground(QBrush(QColor(LEVEL_COLOURS[r.after_code])))
                table.setItem(n, column, item)
        table.setSortingEnabled(True)
        self.rescore_button.setText(self.tr("ใช้ชุดนี้และคิดผลใหม่ (%1 แบบเปลี่ยน)").replace("%1", f"{len(rows):,}"))
        self.preview.show()
        self._update_buttons()

    def _hide_preview(self) -> None:
        self.preview.hide()
        self.changes, self.preview_label = [], ""
        self._update_buttons()

    def rescore(self) -> None:
        label = self.preview_label
        if not label:
            return
        from desktop.services.rulepacks import rescore

        def work(progress: Progress) -> int:
            progress.step(0, 0, "")
            with self.ctx.db.session() as session:
                return len(rescore(session, label))

        def done(changed: object) -> None:
            self._hide_preview()
            self.refresh(select=label)
            text = self.tr("ใช้ชุดเกณฑ์ %1 แล้ว คิดผลใหม่ทุกแบบ เปลี่ยน %2 แบบ").replace("%1", label).replace(
                "%2", f"{changed if isinstance(changed, int) else 0:,}")
            self.say(text, OK_STYLE)
            self.status_message.emit(text, None)
            self.rescored.emit()

        self._run(work, done, self.tr("กำลังคิดผลคัดกรองใหม่ด้วยชุดเกณฑ์ %1…").replace("%1", label), writes=True)


    def refusal_text(self, exc: BaseException) -> str:
        """A refused pack's or a missing right's Thai reason; anything else as the app says it."""
        from desktop.exchange.reasons import Refusal
        from desktop.services.exchange_outbox import ExchangeError

        if isinstance(exc, Refusal):
            return self.tr("ไม่รับไฟล์ชุดเกณฑ์นี้: %1").replace("%1", exc.message)
        if isinstance(exc, (ExchangeError, NotPermitted)):
            return exc.message
        from desktop.gui.app import fault_text

        return fault_text(exc, None)
