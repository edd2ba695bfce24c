"""Add or correct a measurement (issue 12): the date, weight, length/height (how it was
measured) and head circumference. As the values are typed the z-scores and Thai
categories show at once (the domain's rules); a value no child can have, or a z-score
outside WHO's plausible limits, shows the same Thai message the service refuses it with,
and saving is refused (desktop/services/growth.py decides; nothing is written)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_be
from desktop.domain.errors import ValidationFailed
from desktop.domain.people import Sex
from desktop.gui.context import AppContext
from desktop.gui.views.dspm_check import problem_text, read_date
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted

OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


def number(text: str) -> float | None:
    """A typed number (Thai digits and a comma as the decimal point accepted); None if blank.
    ValueError when not a number."""
    cleaned = text.strip().translate({0x0E50 + i: str(i) for i in range(10)}).replace(",", ".")
    return float(cleaned) if cleaned else None


class MeasurementDialog(QDialog):
    saved = Signal(object)  # the MeasurementView stored

    def __init__(self, ctx: AppContext, child_uuid: str, child_name: str, sex: Sex, birth: date,
                 parent: QWidget | None = None, *, editing: object | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measurementDialog")
        self.ctx, self.child_uuid, self.sex, self.birth = ctx, child_uuid, sex, birth
        self.editing, self.today = editing, today or date.today()
        self.stored: object | None = None
        self.setWindowTitle(self.tr("แก้ไขผลการชั่งน้ำหนักวัดส่วนสูง") if editing else
                            self.tr("บันทึกการชั่งน้ำหนักวัดส่วนสูง"))
        layout = QVBoxLayout(self)
        heading = QLabel(child_name, self)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        e = editing
        self.date_edit = QLineEdit(format_be(getattr(e, "measured_on", None) or self.today), self)
        self.date_edit.setObjectName("measuredOnEdit")
        self.weight_edit = QLineEdit(self._num(getattr(e, "weight_kg", None)), self)
        self.weight_edit.setObjectName("weightEdit")
        self.weight_edit.setPlaceholderText(self.tr("เช่น 14.2"))
        self.height_edit = QLineEdit(self._num(getattr(e, "height_cm", None)), self)
        self.height_edit.setObjectName("heightEdit")
        self.height_edit.setPlaceholderText(self.tr("เช่น 98.5"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("methodCombo")
        from desktop.domain.growth import METHOD_LABELS, Method

        self.method_combo.addItem(self.tr("ตามอายุ (ต่ำกว่า 2 ปีนอนวัด)"), None)
        for method in Method:
            self.method_combo.addItem(_(METHOD_LABELS[method]), method.value)
        method_now = getattr(e, "method", None)
        if method_now is not None:
            self.method_combo.setCurrentIndex(self.method_combo.findData(method_now.value))
        self.head_edit = QLineEdit(self._num(getattr(e, "head_cm", None)), self)
        self.head_edit.setObjectName("headEdit")
        self.by_edit = QLineEdit(getattr(e, "measured_by", ""), self)
        self.by_edit.setObjectName("measuredByEdit")
        self.by_edit.setPlaceholderText(self.tr("ว่างไว้ = ชื่อผู้ใช้ที่เข้าระบบ"))
        self.note_edit = QLineEdit(getattr(e, "note", ""), self)
        self.note_edit.setObjectName("noteEdit")
        form.addRow(self.tr("วันที่ชั่ง/วัด (พ.ศ.)"), self.date_edit)
        form.addRow(self.tr("น้ำหนัก (กก.)"), self.weight_edit)
        form.addRow(self.tr("ความยาว/ส่วนสูง (ซม.)"), self.height_edit)
        form.addRow(self.tr("วิธีวัด"), self.method_combo)
        form.addRow(self.tr("เส้นรอบศีรษะ (ซม.)"), self.head_edit)
        form.addRow(self.tr("ผู้ชั่ง/วัด"), self.by_edit)
        form.addRow(self.tr("หมายเหตุ"), self.note_edit)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("categoryLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumHeight(self.fontMetrics().height() * 4)
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("บันทึก (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        for edit in (self.date_edit, self.weight_edit, self.height_edit, self.head_edit):
            edit.textChanged.connect(lambda _t: self.preview())
            edit.returnPressed.connect(self.save)
        self.method_combo.currentIndexChanged.connect(lambda _i: self.preview())
        self.resize(520, 460)
        fit_to_screen(self)
        self.weight_edit.setFocus()
        self.preview()

    @staticmethod
    def _num(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    def _values(self) -> tuple[date, float | None, float | None, float | None] | str:
        day = read_date(self.date_edit)
        if day is None:
            return self.tr("วันที่ไม่ถูกต้อง: พิมพ์เป็นวัน/เดือน/ปี พ.ศ.")
        try:
            return day, number(self.weight_edit.text()), number(self.height_edit.text()), number(self.head_edit.text())
        except ValueError:
            return self.tr("น้ำหนัก ส่วนสูง และเส้นรอบศีรษะต้องเป็นตัวเลข เช่น 14.2")

    def _method(self) -> object:
        from desktop.domain.growth import Method

        data = self.method_combo.currentData()
        return Method(data) if data else None

    def preview(self) -> bool:
        """The z-scores and categories of what is typed (the domain's rules); whether it would
        be accepted."""
        from desktop.domain.growth import Measurement, assess
        from desktop.domain.growth_categories import INDICATOR_LABELS, Indicator

        values = self._values()
        if isinstance(values, str):
            return self._show(values, False)
        day, weight, height, head = values
        if weight is None and height is None:
            return self._show(self.tr("พิมพ์น้ำหนักและส่วนสูงแล้วผลการแปลผลจะแสดงที่นี่"), True, plain=True)
        try:
            a = assess(Measurement(self.sex, self.birth, day, weight, height, self._method(), head))  # type: ignore[arg-type]
        except ValidationFailed as exc:
            return self._show(problem_text(exc), False)
        lines = []
        for ind in (Indicator.WFA, Indicator.HFA, Indicator.WFH):
            z = a.z.get(ind)
            if z is not None:
                lines.append(f"{_(INDICATOR_LABELS[ind])}: {a.category_label(ind) or '-'} (z {z:+.2f})")
        lines += a.notes
        return self._show("\n".join(lines) or self.tr("ไม่มีเกณฑ์สำหรับอายุนี้"), True)

    def _show(self, text: str, ok: bool, *, plain: bool = False) -> bool:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if plain else OK_STYLE if ok else BAD_STYLE)
        return ok

    def save(self) -> None:
        from desktop.services.growth import add_measurement, edit_measurement

        values = self._values()
        if isinstance(values, str):
            self._show(values, False)
            return
        day, weight, height, head = values
        try:
            with self.ctx.db.session() as s:
                if self.editing is not None:
                    view = edit_measurement(s, self.editing.id, day, weight_kg=weight,  # type: ignore[attr-defined]
                                            height_cm=height, head_cm=head, method=self._method(),  # type: ignore[arg-type]
                                            measured_by=self.by_edit.text(), note=self.note_edit.text(),
                                            today=self.today)
                else:
                    view = add_measurement(s, self.child_uuid, day, weight_kg=weight, height_cm=height, head_cm=head,
                                           method=self._method(), measured_by=self.by_edit.text(),  # type: ignore[arg-type]
                                           note=self.note_edit.text(), today=self.today)
        except (NotPermitted, ValidationFailed) as exc:
            self._show(problem_text(exc), False)  # the service's Thai message; nothing was written
            return
        self.stored = view
        self.saved.emit(view)
        self.accept()
