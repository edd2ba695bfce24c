"""ศูนย์พัฒนาเด็กเล็ก › ห้องเรียนและการมาเรียน (issue 12): a centre's rooms of the year on
the left, the chosen room's register of the day on the right (everyone present until
marked, by the keyboard: desktop/gui/views/centre_grid.py), Ctrl+S saves; the day can be
marked closed; the month's attendance sheet and meal/milk report are printed from here.
Rooms are added and children placed or moved below the register. What the user may not
do is refused by the services (a caregiver sees only their own centre) and said here."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import AbsenceReason, percent_text, reason_label
from desktop.domain.dates import DateParseError, format_be, parse_date
from desktop.domain.errors import ValidationFailed
from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.views.centre_grid import AttendanceGrid
from desktop.services.access import NotPermitted
from desktop.services.centre import (
    CentreInfo,
    RoomInfo,
    add_room,
    centres,
    place_child,
    place_from_enrolment,
    rooms,
)
from desktop.services.centre_attendance import (
    Register,
    close_day,
    open_register,
    reopen_day,
    room_attendance,
    save_register,
)


def academic_year_of(day: date) -> int:
    """The Buddhist-Era academic year a day falls in (16 May to 15 May)."""
    return day.year + 543 - (1 if (day.month, day.day) < (5, 16) else 0)


def problem(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    return str(exc)


class CentreView(QWidget):
    status_message = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.day = self.today
        self.centres: list[CentreInfo] = []
        self.rooms: list[RoomInfo] = []
        self.register: Register | None = None
        self.month_text = ""
        self.dirty = False
        self.documents = Documents(ctx, self, self.status_message.emit)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ห้องเรียนและการมาเรียนประจำวัน"), self)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        layout.addWidget(title)
        layout.addLayout(self._top_bar())
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.room_list = QListWidget(left)
        self.room_list.setObjectName("roomList")
        left_box.addWidget(self.room_list, 1)
        self._manage_column(left_box)  # rooms, placements and printouts below the rooms: the page fits 1024 px
        right = QWidget(split)
        self._register_panel(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 700])
        layout.addWidget(split, 1)
        self.room_list.currentRowChanged.connect(lambda _r: self.show_register())
        self.grid.changed.connect(self._marked)
        self.grid.save_requested.connect(self.save)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

    # ---- building
    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("ศูนย์:"), self))
        self.centre_combo = QComboBox(self)
        self.centre_combo.setObjectName("centreCombo")
        self.centre_combo.setMinimumContentsLength(18)
        self.centre_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.centre_combo, 1)
        self.prev_button = QPushButton(self.tr("◀ วันก่อน"), self)
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("dayEdit")
        self.date_edit.setMaximumWidth(130)
        self.date_edit.setToolTip(self.tr("พิมพ์วันที่ (พ.ศ.) แล้วกด Enter"))
        self.next_button = QPushButton(self.tr("วันถัดไป ▶"), self)
        self.today_button = QPushButton(self.tr("วันนี้"), self)
        for w in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(w)
        self.centre_combo.currentIndexChanged.connect(lambda _i: self.load_rooms())
        self.prev_button.clicked.connect(lambda: self.set_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.today))
        self.date_edit.returnPressed.connect(self._typed_day)
        return bar

    def _register_panel(self, panel: QWidget) -> None:
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(panel)
        self.state_label.setObjectName("registerState")
        self.state_label.setWordWrap(True)
        box.addWidget(self.state_label)
        self.grid = AttendanceGrid(panel)
        box.addWidget(self.grid, 1)
        self.help_label = QLabel(self.tr(
            "พิมพ์เลขที่ของเด็กแล้วกด ป (ป่วย) ล (ลา) หรือ ข (ขาด) · เว้นวรรค = มา · Ctrl+S บันทึก"), panel)
        self.help_label.setWordWrap(True)
        box.addWidget(self.help_label)
        self.count_label = QLabel(panel)
        self.count_label.setObjectName("registerCount")
        box.addWidget(self.count_label)
        saving = QHBoxLayout()
        self.save_button = QPushButton(self.tr("บันทึกการมาเรียน (Ctrl+S)"), panel)
        self.save_button.setObjectName("saveRegisterButton")
        saving.addWidget(self.save_button)
        saving.addStretch(1)
        box.addLayout(saving)
        buttons = QHBoxLayout()
        self.closed_edit = QLineEdit(panel)
        self.closed_edit.setObjectName("closedReasonEdit")
        self.closed_edit.setPlaceholderText(self.tr("เหตุที่ศูนย์ปิด เช่น วันหยุดราชการ"))
        self.close_button = QPushButton(self.tr("ศูนย์ปิดวันนี้"), panel)
        self.close_button.setObjectName("closeDayButton")
        self.reopen_button = QPushButton(self.tr("ยกเลิกวันปิด"), panel)
        self.reopen_button.setObjectName("reopenDayButton")
        buttons.addWidget(self.closed_edit, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        box.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_today)
        self.reopen_button.clicked.connect(self.reopen_today)

    def _manage_column(self, bar: QVBoxLayout) -> None:
        self.room_edit = QLineEdit(self)
        self.room_edit.setObjectName("newRoomEdit")
        self.room_edit.setPlaceholderText(self.tr("ชื่อห้องใหม่"))
        self.add_room_button = QPushButton(self.tr("เพิ่มห้อง"), self)
        self.add_room_button.setObjectName("addRoomButton")
        self.place_button = QPushButton(self.tr("จัดเด็กที่ยังไม่มีห้องเข้าห้อง"), self)
        self.place_button.setObjectName("placeButton")
        self.move_combo = QComboBox(self)
        self.move_combo.setObjectName("moveCombo")
        self.move_button = QPushButton(self.tr("ย้ายเด็กที่เลือกไปห้อง"), self)
        self.move_button.setObjectName("moveButton")
        self.sheet_button = QPushButton(self.tr("พิมพ์บัญชีลงเวลาประจำเดือน…"), self)
        self.sheet_button.setObjectName("sheetButton")
        self.meal_button = QPushButton(self.tr("รายงานค่าอาหารประจำเดือน…"), self)
        self.meal_button.setObjectName("mealButton")
        self.rates_button = QPushButton(self.tr("อัตราค่าอาหาร…"), self)
        self.rates_button.setObjectName("ratesButton")
        self.rates_dialog: QWidget | None = None
        self.development_button = QPushButton(self.tr("พัฒนาการของเด็กที่เลือก…"), self)
        self.development_button.setObjectName("developmentButton")
        self.development_button.setToolTip(self.tr("น้ำหนัก ส่วนสูง กราฟ และการประเมิน DSPM ของเด็กที่เลือกในตาราง"))
        self.development_button.clicked.connect(self.open_development)
        for w in (self.room_edit, self.add_room_button, self.place_button, self.move_combo, self.move_button,
                  self.sheet_button, self.meal_button, self.rates_button, self.development_button):
            bar.addWidget(w)
        self.add_room_button.clicked.connect(self.add_room)
        self.room_edit.returnPressed.connect(self.add_room)
        self.place_button.clicked.connect(self.place_unplaced)
        self.move_button.clicked.connect(self.move_selected)
        self.sheet_button.clicked.connect(self.print_sheet)
        self.meal_button.clicked.connect(self.print_meals)
        self.rates_button.clicked.connect(self.open_rates)

    # ---- loading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    @property
    def centre_id(self) -> int | None:
        i = self.centre_combo.currentIndex()
        return self.centres[i].id if 0 <= i < len(self.centres) else None

    @property
    def room_id(self) -> int | None:
        i = self.room_list.currentRow()
        return self.rooms[i].id if 0 <= i < len(self.rooms) else None

    def refresh(self) -> None:
        try:
            with self.ctx.db.reader() as s:
                found = centres(s)
        except NotPermitted as exc:
            found = []
            self.state_label.setText(str(exc))
        keep = self.centre_id
        self.centres = found
        self.centre_combo.blockSignals(True)
        self.centre_combo.clear()
        for c in found:
            self.centre_combo.addItem(c.name)
        ids = [c.id for c in found]
        self.centre_combo.setCurrentIndex(ids.index(keep) if keep in ids else (0 if found else -1))
        self.centre_combo.blockSignals(False)
        if not found and not self.state_label.text():
            self.state_label.setText(self.tr("ยังไม่มีศูนย์พัฒนาเด็กเล็กที่ท่านดูแล: เพิ่มศูนย์ในหน้าสถานศึกษา"))
        self.load_rooms()

    def load_rooms(self) -> None:
        keep = self.room_id
        self.date_edit.setText(format_be(self.day))
        self.rooms = []
        if self.centre_id is not None:
            try:
                with self.ctx.db.reader() as s:
                    self.rooms = rooms(s, self.centre_id, academic_year_of(self.day), on=self.day)
            except (NotPermitted, ValidationFailed) as exc:
                self.state_label.setText(problem(exc))
        self.room_list.blockSignals(True)
        self.room_list.clear()
        self.move_combo.clear()
        for r in self.rooms:
            QListWidgetItem(self.tr("%1 (%2 คน)").replace("%1", r.name).replace("%2", str(r.children)), self.room_list)
            self.move_combo.addItem(r.name, r.id)
        ids = [r.id for r in self.rooms]
        self.room_list.setCurrentRow(ids.index(keep) if keep in ids else (0 if self.rooms else -1))
        self.room_list.blockSignals(False)
        self.show_register()

    def show_register(self) -> None:
        """Open the chosen room's register of the day into the grid (focus on it)."""
        self.register = None
        self.dirty = False
        self.month_text = ""
        room = self.room_id
        if room is None:
            self.grid.load([])
            if self.centre_id is not None:
                self.state_label.setText(self.tr("ศูนย์นี้ยังไม่มีห้องในปีการศึกษา %1: พิมพ์ชื่อห้องด้านล่างแล้วกดเพิ่มห้อง")
                                         .replace("%1", str(academic_year_of(self.day))))
            self._update()
            return
        try:
            with self.ctx.db.reader() as s:
                self.register = open_register(s, room, self.day)
                month = room_attendance(s, room, self.day.replace(day=1), self.day)
        except (NotPermitted, ValidationFailed) as exc:
            self.grid.load([])
            self.state_label.setText(problem(exc))
            self._update()
            return
        reg = self.register
        shares = {line.child_uuid: percent_text(line.tally.percent) for line in month.lines}
        self.grid.load([(line.child_uuid, line.name, line.absence) for line in reg.lines],
                       [shares.get(line.child_uuid, "-") for line in reg.lines])
        self.month_text = self.tr("เดือนนี้ทั้งห้อง: มาเรียน %1 · ยังไม่ได้บันทึก %2 วัน-คน").replace(
            "%1", percent_text(month.total.percent)).replace("%2", str(month.total.not_recorded))
        self.grid.read_only = reg.closed is not None
        self._update()
        self.grid.setFocus()

    def _update(self) -> None:
        reg = self.register
        self.save_button.setEnabled(reg is not None and reg.closed is None and bool(reg.lines))
        self.close_button.setEnabled(reg is not None and reg.closed is None)
        self.reopen_button.setEnabled(reg is not None and reg.closed is not None)
        self.place_button.setEnabled(self.room_id is not None)
        self.move_button.setEnabled(self.room_id is not None and len(self.rooms) > 1)
        if reg is None:
            self.count_label.setText("")
            return
        day = format_be(reg.day)
        if reg.closed is not None:
            text = self.tr("%1: ศูนย์ปิด (%2)").replace("%1", day).replace("%2", reg.closed or "-")
        elif self.dirty:
            text = self.tr("%1: ยังไม่ได้บันทึกการแก้ไข (Ctrl+S)").replace("%1", day)
        elif reg.taken_by:
            text = self.tr("%1: บันทึกแล้วโดย %2").replace("%1", day).replace("%2", reg.taken_by)
        else:
            text = self.tr("%1: ยังไม่ได้บันทึก ทุกคนถือว่ามาเรียนจนกว่าจะทำเครื่องหมาย").replace("%1", day)
        self.state_label.setText(text)
        absent = self.grid.marks
        parts = [self.tr("มา %1 คน").replace("%1", str(self.grid.rowCount() - len(absent)))]
        for reason in AbsenceReason:
            n = sum(1 for r in absent.values() if r is reason)
            if n:
                parts.append(f"{reason_label(reason)} {n}")
        self.count_label.setText(" · ".join(parts) + (f"   ({self.month_text})" if self.month_text else ""))

    def _marked(self) -> None:
        self.dirty = True
        self._update()

    # ---- actions
    def set_day(self, day: date) -> None:
        if self.dirty and not self._leave_unsaved():
            self.date_edit.setText(format_be(self.day))
            return
        self.day = day
        self.load_rooms()

    def _typed_day(self) -> None:
        try:
            day = parse_date(self.date_edit.text())
        except DateParseError as exc:
            self.status_message.emit(str(exc), None)
            return
        self.set_day(day)

    def _leave_unsaved(self) -> bool:
        answer = QMessageBox.question(self, "Samoe", self.tr("ยังไม่ได้บันทึกการมาเรียนของวันนี้ บันทึกก่อนหรือไม่"),
                                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                      | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def save(self) -> bool:
        reg = self.register
        if reg is None or reg.closed is not None:
            return False
        try:
            with self.ctx.db.session() as s:
                saved = save_register(s, reg.room_id, reg.day, self.grid.absences(), today=self.today)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return False
        late = self.tr(" (บันทึกย้อนหลัง %1 วัน)").replace("%1", str(saved.back_dated_days)) \
            if saved.back_dated_days else ""
        self.status_message.emit(self.tr("บันทึกการมาเรียน %1 ห้อง %2 แล้ว: มา %3 ไม่มา %4%5")
                                 .replace("%1", format_be(reg.day)).replace("%2", reg.room)
                                 .replace("%3", str(saved.present)).replace("%4", str(saved.absent))
                                 .replace("%5", late), None)
        self.show_register()
        return True

    def close_today(self) -> None:
        if self.centre_id is None:
            return
        try:
            with self.ctx.db.session() as s:
                close_day(s, self.centre_id, self.day, self.closed_edit.text())
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return
        self.closed_edit.clear()
        self.show_register()

    def reopen_today(self) -> None:
        if self.centre_id is None:
            return
        try:
            with self.ctx.db.session() as s:
                reopen_day(s, self.centre_id, self.day)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return
        self.show_register()

    def add_room(self) -> None:
        name = self.room_edit.text().strip()
        if self.centre_id is None or not name:
            return
        try:
            with self.ctx.db.session() as s:
                add_room(s, self.centre_id, academic_year_of(self.day), name)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return
        self.room_edit.clear()
        self.load_rooms()
        self.room_list.setCurrentRow(len(self.rooms) - 1)

    def place_unplaced(self) -> None:
        """Children without a room: into the room of their enrolled age group, the others
        into the room chosen on the left."""
        room, centre = self.room_id, self.centre_id
        if room is None or centre is None:
            return
        try:
            with self.ctx.db.session() as s:
                placed = place_from_enrolment(s, centre, academic_year_of(self.day), self.day, fallback_room_id=room)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return
        self.status_message.emit(self.tr("จัดเด็ก %1 คนเข้าห้องแล้ว").replace("%1", str(sum(placed.values()))), None)
        self.load_rooms()

    def move_selected(self) -> None:
        row, target = self.grid.currentRow(), self.move_combo.currentData()
        if row < 0 or target is None or target == self.room_id:
            return
        try:
            with self.ctx.db.session() as s:
                place_child(s, self.grid.uuids[row], int(target), self.day)
        except (NotPermitted, ValidationFailed) as exc:
            QMessageBox.warning(self, "Samoe", problem(exc))
            return
        self.load_rooms()

    def open_development(self) -> None:
        """The chosen child's development page (issue 12: growth and DSPM)."""
        from desktop.gui.views.growth_child import ChildDevelopmentDialog

        row = self.grid.currentRow()
        if not 0 <= row < len(self.grid.uuids):
            return
        self.development_dialog = ChildDevelopmentDialog(self.ctx, self.grid.uuids[row], self, today=self.today)
        self.development_dialog.status_message.connect(self.status_message.emit)
        self.development_dialog.show()

    def open_rates(self) -> None:
        from desktop.gui.views.centre_rates import RatesDialog

        self.rates_dialog = RatesDialog(self.ctx, self)
        self.rates_dialog.open()

    def print_sheet(self) -> None:
        from desktop.services.centre_print import attendance_sheet_pdf

        room = self.room_id
        if room is None or self.register is None:
            return
        year, month = self.day.year, self.day.month
        title = self.tr("บัญชีลงเวลามาเรียน ห้อง %1").replace("%1", self.register.room)
        self.documents.report(title, "centre-attendance",
                              lambda s, out, _o, _p: attendance_sheet_pdf(s, room, year, month, out),
                              landscape=True)

    def print_meals(self) -> None:
        from desktop.services.centre_print import meal_report_pdf

        centre = self.centre_id
        if centre is None:
            return
        year, month = self.day.year, self.day.month
        self.documents.report(self.tr("รายงานค่าอาหารกลางวันและอาหารเสริม (นม)"), "centre-meals",
                              lambda s, out, o, _p: meal_report_pdf(s, centre, year, month, out, options=o))

