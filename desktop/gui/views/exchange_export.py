"""แฟ้ม › ส่งข้อมูลให้จังหวัด…: the municipality's export of a signed bundle (issue 10;
docs/exchange.md). Shows what will go (counts per kind from services/exchange_export.
plan_export), whole or only what changed, all data or chosen institutions; offers the
removable drives (services/drives.py) as the destination with a file name ready; writes
on the app's task runner with progress and cancel; says where the file went and opens
its folder. Every failure ends in a Thai message that says what to do; nothing is
written to the database unless the file was written and verified."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.gui.context import AppContext
from desktop.gui.views.exchange_common import (
    ExchangeText,
    PasswordRow,
    ask_for_keys,
    key_problem,
    needs_password,
    open_folder,
)
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.file_pickers import existing_directory
from desktop.gui.widgets.screen import fit_to_screen
from desktop.services import drives
from desktop.services.progress import Progress

FOLDER_KEY = "exchange/export_folder"


def qt_volumes() -> list[tuple[str, str, str]]:
    """(root, device, label) of every mounted, ready, writable volume Qt sees."""
    out = []
    for volume in QStorageInfo.mountedVolumes():
        if volume.isValid() and volume.isReady() and not volume.isReadOnly():
            device = bytes(volume.device().data()).decode("utf-8", "replace")
            out.append((volume.rootPath(), device, volume.displayName()))
    return out


def _institution_rows(session: Any) -> list[tuple[str, str]]:
    """(name, code) of the institutions an export may be limited to (with a code, live)."""
    from desktop.services.institutions import list_institutions

    try:
        return [(r.name, r.code) for r in list_institutions(session) if r.code and not r.deleted]
    except Exception:  # noqa: BLE001 - the plan says what is wrong (a user who may not read)
        return []


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    for unit, step in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= step:
            return f"{n / step:.1f} {unit}"
    return f"{n} B"


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = ExchangeText(self)
        self.today = today or date.today()
        self.plan: Any = None
        self.result: Any = None
        self.handle: Any = None
        self.planning = False  # a plan is being counted
        self.plan_round = 0
        self.institutions_loaded = False
        self.setWindowTitle(self.tr("ส่งข้อมูลให้จังหวัด"))
        self.setMinimumWidth(560)
        self.resize(720, 640)
        self._build()
        self.find_drives()
        self.refresh_plan()
        fit_to_screen(self)

    # ---- layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(body)
        self.heading.setObjectName("headingLabel")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; color: #102a43;")
        layout.addWidget(self.heading)

        kinds = QHBoxLayout()
        self.changed_radio = QRadioButton(self.tr("เฉพาะที่เปลี่ยนตั้งแต่ใบตอบรับล่าสุด"), body)
        self.changed_radio.setObjectName("changedRadio")
        self.full_radio = QRadioButton(self.tr("ข้อมูลทั้งหมด"), body)
        self.full_radio.setObjectName("fullRadio")
        self.changed_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.changed_radio, self.full_radio):
            group.addButton(radio)
            kinds.addWidget(radio)
            radio.toggled.connect(lambda on: self.refresh_plan() if on else None)
        kinds.addStretch(1)
        layout.addLayout(kinds)

        chosen = QLabel(self.tr("เฉพาะสถานศึกษาที่เลือก (ไม่เลือกเลย = ทุกสถานศึกษา):"), body)
        layout.addWidget(chosen)
        self.institution_list = QListWidget(body)
        self.institution_list.setObjectName("institutionList")
        self.institution_list.setMaximumHeight(96)
        chosen.setBuddy(self.institution_list)
        self.institution_list.itemChanged.connect(lambda _item: self.refresh_plan())
        layout.addWidget(self.institution_list)

        what = QLabel(self.tr("สิ่งที่จะส่ง (จำนวนรายการ):"), body)
        layout.addWidget(what)
        self.counts_grid = QGridLayout()
        self.counts_grid.setHorizontalSpacing(18)
        self.counts_grid.setVerticalSpacing(2)
        self.counts_grid.setColumnMinimumWidth(2, 24)  # between the two pairs of columns
        self.counts_grid.setColumnStretch(5, 1)  # the numbers stay beside their names
        layout.addLayout(self.counts_grid)
        self.note = QLabel(body)
        self.note.setObjectName("noteLabel")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #486581;")
        layout.addWidget(self.note)

        form = QFormLayout()
        where = QHBoxLayout()
        self.drive_combo = QComboBox(body)
        self.drive_combo.setObjectName("driveCombo")
        self.drive_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.drive_combo.setMinimumContentsLength(20)
        where.addWidget(self.drive_combo, 1)
        self.rescan_button = QPushButton(self.tr("ค้นหาแฟลชไดรฟ์อีกครั้ง"), body)
        self.rescan_button.setObjectName("rescanButton")
        self.rescan_button.clicked.connect(lambda _c=False: self.find_drives())
        where.addWidget(self.rescan_button)
        self.folder_button = QPushButton(self.tr("เลือกโฟลเดอร์…"), body)
        self.folder_button.setObjectName("folderButton")
        self.folder_button.clicked.connect(lambda _c=False: self.choose_folder())
        where.addWidget(self.folder_button)
        where_label = QLabel(self.tr("บันทึกลงใน"), body)
        where_label.setBuddy(self.drive_combo)
        form.addRow(where_label, where)
        self.name_edit = QLineEdit(body)
        self.name_edit.setObjectName("nameEdit")
        name_label = QLabel(self.tr("ชื่อไฟล์"), body)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        self.password = PasswordRow(form, body, needs_password(self.ctx))
        layout.addLayout(form)
        self.drive_note = QLabel(body)
        self.drive_note.setObjectName("driveNote")
        self.drive_note.setWordWrap(True)
        self.drive_note.setStyleSheet("color: #486581;")
        layout.addWidget(self.drive_note)

        layout.addStretch(1)
        outer.addWidget(scroll, 1)
        # the outcome stays in view under the scrolled choices, above the buttons
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progressBar")
        self.progress.hide()
        outer.addWidget(self.progress)
        self.error = error_line(self, "errorLabel")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.error)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.setStyleSheet("color: #1b5e20;")
        self.done_label.hide()
        outer.addWidget(self.done_label)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("ส่งออก"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.open_button = self.buttons.addButton(self.tr("เปิดโฟลเดอร์"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openFolderButton")
        self.open_button.hide()
        self.close_button = self.buttons.addButton(self.tr("ปิด"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda _c=False: self.start())
        self.open_button.clicked.connect(lambda _c=False: self.open_result_folder())
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(self.buttons)

    def _fill_institutions(self, rows: list[tuple[str, str]]) -> None:
        """The institutions that may be chosen: (name, code) of this office's live ones."""
        self.institution_list.blockSignals(True)  # filling is no choice: no new plan
        for name, code in rows:
            item = QListWidgetItem(f"{name} ({code})", self.institution_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.institution_list.blockSignals(False)
        self.institution_list.setVisible(bool(rows))
        self.institutions_loaded = True

    # ---- what will go
    def chosen_institutions(self) -> tuple[str, ...]:
        out = []
        for i in range(self.institution_list.count()):
            item = self.institution_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)

    def refresh_plan(self, *, keep_message: bool = False) -> None:
        """Count what would go with the choices made, on the task runner (a quiet job: at
        100k children the counts take ~0.3 s); the newest request wins."""
        from desktop.services.exchange_export import plan_export

        if self.handle is not None:
            return
        self.plan_round += 1
        round_, first = self.plan_round, not self.institutions_loaded
        full, institutions, db = self.full_radio.isChecked(), self.chosen_institutions(), self.ctx.db

        def work(_progress: Progress) -> object:
            with db.reader() as session:
                rows = _institution_rows(session) if first else None
                return rows, plan_export(session, full=full, institutions=institutions)

        self.planning = True
        self.export_button.setEnabled(False)
        self.note.setText(self.tr("กำลังนับข้อมูลที่จะส่ง…"))
        self.ctx.tasks.run(work, on_done=lambda got: self._planned(round_, got, keep_message),
                           on_error=lambda exc, _tb: self._not_planned(round_, exc), quiet=True)

    def _current(self, round_: int) -> bool:
        """Whether a plan's answer is still wanted (the dialog open, no newer request)."""
        if not isValid(self) or round_ != self.plan_round:
            return False
        self.planning = False
        return True

    def _not_planned(self, round_: int, exc: BaseException) -> None:
        if not self._current(round_):
            return
        if not self.institutions_loaded:
            self._fill_institutions([])
        self.plan = None
        self.heading.setText(self.tr("ยังส่งข้อมูลให้จังหวัดไม่ได้"))
        self._show_counts({})
        self.note.setText("")
        self.say(self.text.failure(exc))
        self.export_button.setEnabled(False)

    def _planned(self, round_: int, got: Any, keep_message: bool) -> None:
        if not self._current(round_):
            return
        rows, plan = got
        if rows is not None:
            self._fill_institutions(rows)
        self.plan = plan
        if not keep_message:
            self.error.hide()
        self.heading.setText(self.tr("ชุดข้อมูลลำดับที่ %1 ถึง %2 (%3)").replace("%1", str(plan.sequence))
                             .replace("%2", plan.recipient_name).replace("%3", plan.recipient_code))
        self._show_counts(plan.counts)
        notes = []
        if plan.restored:
            notes.append(self.tr("ฐานข้อมูลนี้ถูกกู้คืนจากไฟล์สำรอง: ชุดนี้ส่งข้อมูลทั้งหมด ต่อจากใบตอบรับล่าสุด "
                                 "และแจ้งจังหวัดว่ากู้คืนแล้ว"))
        notes.append(self.tr("รวม %1 รายการ").replace("%1", f"{plan.total:,}"))
        self.note.setText("  ".join(notes))
        self.export_button.setEnabled(self.result is None)
        self._default_name()

    def _show_counts(self, counts: dict[str, int]) -> None:
        grid = self.counts_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for n, (kind, number) in enumerate(self.text.counts(counts)):
            row, col = divmod(n, 2)
            name = QLabel(kind, self)
            value = QLabel(number, self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setObjectName(f"count_{n}")
            grid.addWidget(name, row, col * 3)
            grid.addWidget(value, row, col * 3 + 1)

    def _default_name(self) -> None:
        if self.plan is None or self.name_edit.isModified():
            return
        name = self.tr("ส่งจังหวัด-%1-ชุดที่%2-%3.samoe").replace("%1", self._office_code()).replace(
            "%2", str(self.plan.sequence)).replace("%3", self.today.isoformat())
        self.name_edit.setText(name)

    def _office_code(self) -> str:
        from desktop.services.office import local_office

        with self.ctx.db.reader() as session:
            office = local_office(session)
        return office.code if office is not None else "samoe"

    # ---- where it goes
    def find_drives(self) -> None:
        """The removable drives first, then the folder used last time."""
        combo = self.drive_combo
        previous = combo.currentData()
        combo.clear()
        found = drives.removable_drives(qt_volumes())
        for drive in found:
            combo.addItem(self.tr("แฟลชไดรฟ์ %1 (%2) ว่าง %3").replace("%1", drive.label).replace(
                "%2", str(drive.root)).replace("%3", _size(drive.free)), str(drive.root))
        last = str(self.ctx.settings.value(FOLDER_KEY, "") or "")
        if last and Path(last).is_dir() and combo.findData(last) < 0:
            combo.addItem(self.tr("โฟลเดอร์ %1").replace("%1", last), last)
        if combo.count() == 0:
            home = str(Path.home())
            combo.addItem(self.tr("โฟลเดอร์ %1").replace("%1", home), home)
        at = combo.findData(previous) if previous else -1
        combo.setCurrentIndex(max(at, 0))
        self.drive_note.setText("" if found else self.tr(
            "ไม่พบแฟลชไดรฟ์ เสียบแฟลชไดรฟ์แล้วกด ค้นหาแฟลชไดรฟ์อีกครั้ง หรือเลือกโฟลเดอร์อื่น"))
        self.drive_note.setVisible(not found)

    def choose_folder(self) -> None:
        start = str(self.drive_combo.currentData() or Path.home())
        chosen = existing_directory(self, self.tr("เลือกโฟลเดอร์ที่จะบันทึกชุดข้อมูล"), start)
        if not chosen:
            return
        at = self.drive_combo.findData(chosen)
        if at < 0:
            self.drive_combo.addItem(self.tr("โฟลเดอร์ %1").replace("%1", chosen), chosen)
            at = self.drive_combo.count() - 1
        self.drive_combo.setCurrentIndex(at)

    def target(self) -> Path | None:
        folder = self.drive_combo.currentData()
        name = self.name_edit.text().strip()
        if not folder or not name:
            return None
        if not name.lower().endswith(".samoe"):
            name += ".samoe"
        return Path(str(folder)) / name

    # ---- the work
    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _problem(self, target: Path | None) -> str:
        if self.planning:
            return self.tr("รอให้นับข้อมูลที่จะส่งเสร็จก่อน")
        if self.plan is None:
            return self.error.text()
        if target is None:
            return self.tr("เลือกที่บันทึกและใส่ชื่อไฟล์ก่อน")
        if not target.parent.is_dir():
            return self.tr("ไม่พบโฟลเดอร์ %1 (แฟลชไดรฟ์อาจถูกดึงออก) เสียบแฟลชไดรฟ์แล้วกด "
                           "ค้นหาแฟลชไดรฟ์อีกครั้ง").replace("%1", str(target.parent))
        if target.exists():
            return self.tr("มีไฟล์ %1 อยู่แล้ว เปลี่ยนชื่อไฟล์หรือเลือกที่อื่น").replace("%1", str(target))
        if self.password.missing():
            return self.tr("ใส่รหัสผ่านของคุณเพื่อเปิดกุญแจของหน่วยงาน (ใช้ลงนามชุดข้อมูล)")
        return ""

    def start(self) -> None:
        from desktop.services.exchange_export import export_bundle

        target = self._problem_free_target()
        if target is None:
            return
        full = self.full_radio.isChecked()
        institutions = self.chosen_institutions()
        password = self.password.value()
        db = self.ctx.db

        def work(progress: Progress) -> object:
            with db.session() as session:
                return export_bundle(session, target, password=password, full=full, institutions=institutions,
                                     progress=lambda done, total: progress.step(done, total))

        self._running(True)
        self.handle = self.ctx.tasks.run(
            work, on_done=self._done, on_error=lambda exc, _tb: self._failed(exc, target, password),
            on_cancel=self._cancelled, writes=True, label=self.tr("กำลังเขียนชุดข้อมูลถึงจังหวัด…"))
        self.ctx.tasks.progressed.connect(self._progressed)

    def _problem_free_target(self) -> Path | None:
        target = self.target()
        problem = self._problem(target)
        if problem:
            self.say(problem)
            return None
        self.error.hide()
        return target

    def _progressed(self, handle: object, done: int, total: int, _message: str) -> None:
        if handle is self.handle and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _running(self, on: bool) -> None:
        for widget in (self.changed_radio, self.full_radio, self.institution_list, self.drive_combo,
                       self.rescan_button, self.folder_button, self.name_edit, self.password.edit,
                       self.export_button):
            widget.setEnabled(not on)
        self.progress.setVisible(on)
        self.progress.setRange(0, 0)
        self.close_button.setText(self.tr("ยกเลิก") if on else self.tr("ปิด"))

    def _finish(self) -> None:
        if self.handle is not None:
            self.ctx.tasks.progressed.disconnect(self._progressed)
        self.handle = None
        self._running(False)

    def _done(self, result: Any) -> None:
        self._finish()
        self.result = result
        self.ctx.settings.setValue(FOLDER_KEY, str(result.path.parent))
        for widget in (self.changed_radio, self.full_radio, self.institution_list, self.name_edit,
                       self.export_button, self.rescan_button, self.folder_button, self.drive_combo,
                       self.password.edit):
            widget.setEnabled(False)
        self.export_button.hide()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.done_label.setText(self.tr(
            "เขียนชุดข้อมูลลำดับที่ %1 ลงไฟล์ %2 แล้ว (%3) ตรวจอ่านกลับแล้วว่าถูกต้อง\n"
            "ส่งไฟล์นี้ให้จังหวัด เมื่อได้ใบตอบรับกลับมา ให้นำเข้าที่เมนู แฟ้ม › นำเข้าใบตอบรับจากจังหวัด…")
            .replace("%1", str(result.plan.sequence)).replace("%2", str(result.path)).replace("%3", _size(result.size)))
        self.done_label.show()
        self.exported.emit(result)

    def _failed(self, exc: BaseException, target: Path, password: str | None) -> None:
        self._finish()
        problem = key_problem(exc)
        text = self.text.failure(exc, target)
        if problem == "keys.password":
            self.password.set_shown(True)
            self.password.edit.clear()
            self.password.edit.setFocus()
        elif problem == "keys.not_shared" and ask_for_keys(self.ctx, password):
            text += "\n" + self.tr("บันทึกคำขอแล้ว: เมื่อผู้ดูแลระบบที่ถือกุญแจสั่ง samoe keys share "
                                   "ผู้ใช้นี้จะส่งข้อมูลได้")
        self.say(text)
        self.refresh_plan(keep_message=True)  # the counts as they are now; the message stays


    def _cancelled(self) -> None:
        self._finish()
        self.say(self.tr("ยกเลิกแล้ว ไม่ได้เขียนไฟล์ และข้อมูลในฐานข้อมูลไม่เปลี่ยน"))

    def open_result_folder(self) -> None:
        if self.result is not None:
            open_folder(self.result.path)

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()  # the dialog stays until the work has stopped
            return
        super().reject()
