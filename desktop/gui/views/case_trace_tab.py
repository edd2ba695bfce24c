"""การติดตามตัว: a case's tracing visits (issue 13): the list, newest first (who went,
whom they met, what they found, the position, the photos), a selected visit's photos,
and a visit recorded (services/case_trace.record_visit: the photos handled as the
screening's, a photo's position used when none is typed; with "change the status" the
visit's result moves the case, every problem of both said at once)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import NEEDS_PLACE, TRACE_RESULTS, CaseStatus, status_label
from desktop.domain.dates import format_be
from desktop.gui.views.case_common import (
    date_edit,
    date_of,
    fill_table,
    may_discard,
    problem_text,
    read_only_table,
)
from desktop.gui.widgets.screen import fit_to_screen

THUMB = 120
MAX_PHOTOS = 5


def position_text(lat_e6: int | None, lon_e6: int | None) -> str:
    return "-" if lat_e6 is None or lon_e6 is None else f"{lat_e6 / 1e6:.5f}, {lon_e6 / 1e6:.5f}"


def _micro(text: str) -> int | None:
    """Degrees as typed (14.97053) in micro-degrees; None when blank. ValueError otherwise."""
    t = text.strip()
    return None if not t else round(float(t) * 1_000_000)


class TraceTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.visits: list[Any] = []
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.count_label = QLabel(self)
        top.addWidget(self.count_label, 1)
        self.record_button = QPushButton(self.tr("บันทึกการติดตามตัว…"), self)
        self.record_button.setObjectName("recordVisitButton")
        self.record_button.clicked.connect(self.record)
        top.addWidget(self.record_button)
        column.addLayout(top)
        self.table = read_only_table(self)
        self.table.itemSelectionChanged.connect(self._show_photos)
        column.addWidget(self.table, 1)
        self.photo_row = QHBoxLayout()
        self.photo_row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        column.addLayout(self.photo_row)

    def refresh(self, detail: Any) -> None:
        self.visits = list(detail.visits)
        self.count_label.setText(self.tr("ติดตามตัวแล้ว %1 ครั้ง").replace("%1", str(len(self.visits))))
        rows = [[format_be(v.visited_on), v.visitors, v.met or "-", status_label(v.result) if v.result else "-",
                 position_text(v.lat_e6, v.lon_e6), str(len(v.photos)), v.note] for v in self.visits]
        fill_table(self.table, [self.tr("วันที่"), self.tr("ผู้ไปติดตาม"), self.tr("ผู้ที่พบ"), self.tr("ผล"),
                                self.tr("พิกัด"), self.tr("รูป"), self.tr("หมายเหตุ")], rows,
                   fitted=(0, 3, 4, 5))  # who went, who was met and the note share the rest
        self.record_button.setEnabled(detail.case.status not in (CaseStatus.CLOSED, CaseStatus.CLOSURE_REQUESTED))
        if self.visits:
            self.table.selectRow(0)
        else:
            self._show_photos()

    def _show_photos(self) -> None:
        from desktop.services.case_trace import photo_data

        while self.photo_row.count():
            item = self.photo_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        row = self.table.currentRow()
        if not 0 <= row < len(self.visits):
            return
        with self.page.ctx.db.reader() as session:
            images = [photo_data(session, uuid) for uuid in self.visits[row].photos]
        for data in images:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            label = QLabel(self)
            label.setObjectName("visitPhoto")
            label.setPixmap(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
            self.photo_row.addWidget(label)

    def record(self) -> None:
        dialog = TraceVisitDialog(self.page.ctx, self.page.case_id, self.page)
        self.page.visit_dialog = dialog
        dialog.recorded.connect(self._recorded)
        dialog.open()

    def _recorded(self, text: str) -> None:
        self.page.refresh()
        self.page.say(text)
        self.page.changed.emit()


class TraceVisitDialog(QDialog):
    recorded = Signal(str)  # what to say on the case page

    def __init__(self, ctx: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.photos: list[bytes] = []
        self.setWindowTitle(self.tr("บันทึกการติดตามตัว"))
        self.resize(560, 460)
        form = QFormLayout(self)
        self.date_edit = date_edit(self)
        form.addRow(self.tr("วันที่ไปติดตาม"), self.date_edit)
        actor = ctx.db.actor
        self.visitors_edit = QLineEdit(getattr(actor, "full_name", "") or getattr(actor, "name", "") or "", self)
        self.visitors_edit.setPlaceholderText(self.tr("ชื่อผู้ที่ไปติดตาม"))
        form.addRow(self.tr("ผู้ไปติดตาม"), self.visitors_edit)
        self.met_edit = QLineEdit(self)
        self.met_edit.setPlaceholderText(self.tr("เช่น ตัวเด็ก มารดา ผู้ใหญ่บ้าน"))
        form.addRow(self.tr("ผู้ที่พบ"), self.met_edit)
        self.result_combo = QComboBox(self)
        for status in (s for s in CaseStatus if s in TRACE_RESULTS):
            self.result_combo.addItem(status_label(status), status.value)
        form.addRow(self.tr("ผลการติดตาม"), self.result_combo)
        self.move_check = QCheckBox(self.tr("เปลี่ยนสถานะของกรณีเป็นผลนี้ด้วย"), self)
        self.move_check.setChecked(True)
        form.addRow(self.move_check)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("ย้ายไปที่ใด หรือเรียนอยู่ที่ใด"))
        form.addRow(self.tr("สถานที่"), self.place_edit)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("เหตุที่ไม่ประสงค์รับความช่วยเหลือ"))
        form.addRow(self.tr("เหตุผล"), self.reason_edit)
        where = QHBoxLayout()
        self.lat_edit, self.lon_edit = QLineEdit(self), QLineEdit(self)
        self.lat_edit.setPlaceholderText(self.tr("ละติจูด เช่น 14.97053"))
        self.lon_edit.setPlaceholderText(self.tr("ลองจิจูด เช่น 102.10021"))
        where.addWidget(self.lat_edit)
        where.addWidget(self.lon_edit)
        form.addRow(self.tr("พิกัด"), where)
        self.note_edit = QLineEdit(self)
        form.addRow(self.tr("หมายเหตุ"), self.note_edit)
        pics = QHBoxLayout()
        self.photos_label = QLabel(self)
        pics.addWidget(self.photos_label, 1)
        self.photo_button = QPushButton(self.tr("เพิ่มรูป…"), self)
        self.photo_button.clicked.connect(self.pick_photo)
        pics.addWidget(self.photo_button)
        form.addRow(self.tr("รูปถ่าย"), pics)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.result_combo.currentIndexChanged.connect(self._result_changed)
        self._result_changed()
        self._show_photo_count()
        self._pristine = self._typed()
        fit_to_screen(self)

    def _typed(self) -> tuple[object, ...]:
        return (*(e.text() for e in (self.date_edit, self.visitors_edit, self.met_edit, self.place_edit,
                                     self.reason_edit, self.lat_edit, self.lon_edit, self.note_edit)),
                self.result_combo.currentIndex(), len(self.photos))

    def reject(self) -> None:
        """Esc or Cancel: a typed visit is thrown away only when the clerk says so."""
        if may_discard(self, self._typed() != self._pristine, self.tr("ยกเลิกการบันทึกการติดตามตัว"),
                       self.tr("การติดตามตัวที่กรอกไว้ยังไม่ได้บันทึก ต้องการทิ้งข้อมูลนี้หรือไม่?")):
            super().reject()

    def _result_changed(self) -> None:
        value = self.result_combo.currentData()
        self.place_edit.setEnabled(value is not None and CaseStatus(value) in NEEDS_PLACE)
        self.reason_edit.setEnabled(value == CaseStatus.DECLINED.value)

    def _show_photo_count(self) -> None:
        self.photos_label.setText(self.tr("%1 รูป (ไม่เกิน 5 รูป)").replace("%1", str(len(self.photos))))
        self.photo_button.setEnabled(len(self.photos) < MAX_PHOTOS)

    def add_photo(self, data: bytes) -> None:
        self.photos.append(data)
        self._show_photo_count()

    def pick_photo(self) -> None:
        from desktop.gui.widgets.file_pickers import open_file_name

        name, _filter = open_file_name(self, self.tr("เลือกรูปถ่าย"), "", self.tr("รูปภาพ (*.jpg *.jpeg *.png)"))
        if name:
            try:
                self.add_photo(Path(name).read_bytes())
            except OSError as exc:
                self.error_label.setText(str(exc))
                self.error_label.show()

    def save(self) -> None:
        from desktop.services.case_trace import record_visit

        try:
            lat, lon = _micro(self.lat_edit.text()), _micro(self.lon_edit.text())
        except ValueError:
            self.error_label.setText(self.tr("พิกัดต้องเป็นตัวเลของศา เช่น 14.97053 และ 102.10021 (หรือเว้นว่างทั้งคู่)"))
            self.error_label.show()
            return
        try:
            on = date_of(self.date_edit)
            with self.ctx.db.session() as session:
                done = record_visit(session, self.case_id, on, visitors=self.visitors_edit.text(),
                                    result=str(self.result_combo.currentData()), met=self.met_edit.text(),
                                    lat_e6=lat, lon_e6=lon, note=self.note_edit.text(), photos=list(self.photos),
                                    move=self.move_check.isChecked(), place=self.place_edit.text(),
                                    reason=self.reason_edit.text())
        except Exception as exc:  # noqa: BLE001 - every problem of the visit (and its move), at once
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
            return
        text = self.tr("บันทึกการติดตามตัวแล้ว")
        if done.position_problem:
            text += " · " + done.position_problem
        self.recorded.emit(text)
        self.accept()
