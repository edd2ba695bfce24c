"""The screening form's widgets, laid out in the paper form's order (นร./กสศ.01): members,
the eight status dimensions, travel, the house's position, photos, note; the live result
and the buttons stay in view under the scrolled form. Widgets only: the dialog
(screening_form.py) fills, reads and checks them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.screening_form import CHOICES, DEPENDANTS, DIMENSION_LABELS, OWNED
from desktop.gui.views.screening_members import MembersGrid
from desktop.gui.widgets.error_line import error_line
from desktop.i18n import _

TRAVEL_MEANS = ("เดิน", "จักรยาน", "รถจักรยานยนต์ (ผู้ปกครองรับส่ง)", "รถยนต์ (ผู้ปกครองรับส่ง)",
                "รถรับส่งนักเรียน", "รถโดยสารประจำทาง", "เรือ")
ERROR_STYLE = "border: 1px solid #b00020; background: #fff5f5;"
RESULT_STYLE = "QFrame#resultFrame { background: #eef5ee; border: 1px solid #9cbf9c; }"


class ScreeningLayout(QObject):
    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        outer = QVBoxLayout(dialog)
        outer.setContentsMargins(8, 8, 8, 8)
        self.header = QLabel(dialog)
        self.header.setObjectName("screeningHeader")
        self.header.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        self.status_label = QLabel(dialog)
        self.status_label.setObjectName("screeningStatus")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        self.voided_label = QLabel(dialog)
        self.voided_label.setObjectName("voidedLabel")
        self.voided_label.setWordWrap(True)
        self.voided_label.setStyleSheet(
            "QLabel { background: #fff0c2; color: #7a3b00; border: 1px solid #d08a00; padding: 4px; font-weight: bold; }")
        self.voided_label.hide()
        outer.addWidget(self.voided_label)

        self.scroll = QScrollArea(dialog)
        self.scroll.setObjectName("screeningScroll")
        self.scroll.setWidgetResizable(True)
        self.content = QWidget()
        self.content.setObjectName("screeningContent")
        body = QVBoxLayout(self.content)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll, 1)
        self.errors: dict[str, QLabel] = {}
        self.targets: dict[str, QWidget] = {}

        # 1. members
        group = QGroupBox(self.tr("1. สมาชิกในครัวเรือน (รวมตัวเด็ก) และรายได้ต่อเดือน"), self.content)
        box = QVBoxLayout(group)
        self.members = MembersGrid(group)
        box.addWidget(self.members)
        row = QHBoxLayout()
        self.add_member_button = QPushButton(self.tr("เพิ่มสมาชิก"), group)
        self.add_member_button.setObjectName("addMemberButton")
        self.add_member_button.setToolTip(self.tr("กด Tab หรือ Enter ที่ช่องสุดท้ายของแถวก็เพิ่มแถวได้"))
        row.addWidget(self.add_member_button)
        self.total_label = QLabel(group)
        self.total_label.setObjectName("incomeTotalLabel")
        self.total_label.setStyleSheet("font-weight: bold;")
        row.addWidget(self.total_label, 1)
        box.addLayout(row)
        self._error(box, group, "members", self.members)
        body.addWidget(group)

        # 2. the eight status dimensions
        group = QGroupBox(self.tr("2. สถานะของครัวเรือน"), self.content)
        self.status_form = form = QFormLayout(group)
        self.single_parent = QCheckBox(_(DEPENDANTS["single_parent"]), group)
        self.single_parent.setObjectName("singleParentCheck")
        self.dependants_label = QLabel(group)
        self.dependants_label.setWordWrap(True)
        dep = QVBoxLayout()
        dep.addWidget(self.dependants_label)
        dep.addWidget(self.single_parent)
        form.addRow(self.tr("2.1 %1").replace("%1", _(DIMENSION_LABELS["dependants"])), dep)
        self.choices: dict[str, QComboBox] = {}
        self.land_rai = QSpinBox(group)
        self.land_rai.setObjectName("landRaiSpin")
        self.land_rai.setRange(0, 100_000)
        self.land_rai.setSuffix(" " + self.tr("ไร่"))
        for n, name in enumerate(CHOICES, start=2):
            combo = QComboBox(group)
            combo.setObjectName(f"{name}Combo")
            for i, (code, label) in enumerate(CHOICES[name].items(), start=1):
                combo.addItem(f"{i}. {_(label)}", code)  # typing the paper form's number picks it
            combo.setCurrentIndex(-1)
            combo.setPlaceholderText(self.tr("เลือก (พิมพ์เลขข้อ)"))
            self.choices[name] = combo
            field: QWidget = combo
            if name == "land":
                field = QWidget(group)
                line = QHBoxLayout(field)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(combo, 1)
                line.addWidget(QLabel(self.tr("จำนวน"), field))
                line.addWidget(self.land_rai)
            form.addRow(f"2.{n} {_(DIMENSION_LABELS[name])}", field)
            self._error_row(form, group, name, combo)
            if name == "land":
                self._error_row(form, group, "land_rai", self.land_rai)
        self.owned: dict[str, dict[str, QCheckBox]] = {}
        for n, name in enumerate(OWNED, start=2 + len(CHOICES)):
            field = QWidget(group)
            line = QHBoxLayout(field)
            line.setContentsMargins(0, 0, 0, 0)
            boxes: dict[str, QCheckBox] = {}
            for code, label in OWNED[name].items():
                check = QCheckBox(_(label), field)
                check.setObjectName(f"{name}_{code}")
                line.addWidget(check)
                boxes[code] = check
            line.addStretch(1)
            self.owned[name] = boxes
            form.addRow(f"2.{n} {_(DIMENSION_LABELS[name])}", field)
            self._error_row(form, group, name, field)
        body.addWidget(group)

        # 3. travel
        group = QGroupBox(self.tr("3. การเดินทางมาโรงเรียน"), self.content)
        line = QHBoxLayout(group)
        self.means_combo = QComboBox(group)
        self.means_combo.setObjectName("travelMeansCombo")
        self.means_combo.setEditable(True)
        self.means_combo.addItems(list(TRAVEL_MEANS))
        self.means_combo.setCurrentIndex(-1)
        self.km_edit = QLineEdit(group)
        self.km_edit.setObjectName("travelKmEdit")
        self.km_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,3}([.,]\d{0,2})?"), group))
        self.km_edit.setMaximumWidth(90)
        self.minutes_edit = QLineEdit(group)
        self.minutes_edit.setObjectName("travelMinutesEdit")
        self.minutes_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), group))
        self.minutes_edit.setMaximumWidth(70)
        line.addWidget(QLabel(self.tr("เดินทางโดย"), group))
        line.addWidget(self.means_combo, 1)
        line.addWidget(QLabel(self.tr("ระยะทาง"), group))
        line.addWidget(self.km_edit)
        line.addWidget(QLabel(self.tr("กม. ใช้เวลา"), group))
        line.addWidget(self.minutes_edit)
        line.addWidget(QLabel(self.tr("นาที"), group))
        body.addWidget(group)

        # 4. the house's position
        group = QGroupBox(self.tr("4. พิกัดที่ตั้งบ้าน (ละติจูด ลองจิจูด เป็นองศาทศนิยม)"), self.content)
        box = QVBoxLayout(group)
        line = QHBoxLayout()
        self.lat_edit = QLineEdit(group)
        self.lat_edit.setObjectName("latEdit")
        self.lat_edit.setPlaceholderText("14.9750")
        self.lon_edit = QLineEdit(group)
        self.lon_edit.setObjectName("lonEdit")
        self.lon_edit.setPlaceholderText("102.1000")
        line.addWidget(QLabel(self.tr("ละติจูด"), group))
        line.addWidget(self.lat_edit)
        line.addWidget(QLabel(self.tr("ลองจิจูด"), group))
        line.addWidget(self.lon_edit)
        line.addStretch(1)
        box.addLayout(line)
        self._error(box, group, "position", self.lat_edit)
        body.addWidget(group)

        # 5. photos: a button for each kind (screening_photos_row.py)
        group = QGroupBox(self.tr("5. รูปถ่ายบ้าน (ภายนอก ภายใน) หรือรูปเด็กกับป้ายโรงเรียน"), self.content)
        group.setObjectName("photosGroup")
        box = QVBoxLayout(group)
        from desktop.gui.views.screening_photos_row import PhotoButtons, PhotoThumbs

        self.photo_buttons = PhotoButtons(group)
        box.addWidget(self.photo_buttons)
        self.photo_thumbs = PhotoThumbs(group)
        box.addWidget(self.photo_thumbs)
        self.photo_state = QLabel(group)
        self.photo_state.setObjectName("photoState")
        box.addWidget(self.photo_state)
        reason = QFormLayout()
        self.no_photo_edit = QLineEdit(group)
        self.no_photo_edit.setObjectName("noPhotoReasonEdit")
        reason.addRow(self.tr("เหตุผลที่ถ่ายรูปบ้านไม่ได้"), self.no_photo_edit)
        box.addLayout(reason)
        self._error(box, group, "photos", self.photo_buttons)
        body.addWidget(group)

        # 6. note
        group = QGroupBox(self.tr("6. หมายเหตุ"), self.content)
        box = QVBoxLayout(group)
        self.note_edit = QPlainTextEdit(group)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)
        box.addWidget(self.note_edit)
        body.addWidget(group)
        body.addStretch(1)

        # the live result, the message and the buttons: always in view
        result = QFrame(dialog)
        result.setObjectName("resultFrame")
        result.setStyleSheet(RESULT_STYLE)
        rbox = QVBoxLayout(result)
        rbox.setContentsMargins(8, 4, 8, 4)
        self.result_label = QLabel(result)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.pack_label = QLabel(result)
        self.pack_label.setObjectName("packLabel")
        self.pack_label.setStyleSheet("color: #555;")
        self.pack_label.setWordWrap(True)
        rbox.addWidget(self.result_label)
        rbox.addWidget(self.pack_label)
        outer.addWidget(result)
        self.message = error_line(dialog, "screeningMessage")
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("บันทึกร่าง"), dialog)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("บันทึกไว้ก่อน กรอกยังไม่ครบก็ได้ (Ctrl+S)"))
        self.submit_button = QPushButton(self.tr("ส่งให้รับรอง"), dialog)
        self.submit_button.setObjectName("submitButton")
        self.certify_button = QPushButton(self.tr("รับรองข้อมูล…"), dialog)
        self.certify_button.setObjectName("certifyButton")
        self.return_button = QPushButton(self.tr("ส่งกลับให้แก้ไข…"), dialog)
        self.return_button.setObjectName("returnButton")
        self.close_button = QPushButton(self.tr("ปิด"), dialog)
        self.close_button.setObjectName("closeButton")
        self.print_button = QPushButton(self.tr("พิมพ์แบบ…"), dialog)
        self.print_button.setObjectName("printFormButton")
        self.print_button.setToolTip(self.tr("พิมพ์แบบที่บันทึกแล้วพร้อมช่องลงชื่อครู ผู้ปกครอง และผู้รับรอง"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.certify_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

    # ---- errors beside the fields
    def _error(self, box: QVBoxLayout, parent: QWidget, field: str, target: QWidget) -> None:
        label = error_line(parent, f"{field}Error")
        box.addWidget(label)
        self.errors[field] = label
        self.targets[field] = target

    def _error_row(self, form: QFormLayout, parent: QWidget, field: str, target: QWidget) -> None:
        label = error_line(parent, f"{field}Error")
        form.addRow("", label)
        self.errors[field] = label
        self.targets[field] = target

    def set_error(self, field: str, message: str) -> QWidget | None:
        """Show ``message`` under ``field`` (its widget marked); the widget, None when the
        form has no place for that field."""
        label = self.errors.get(field)
        if label is None:
            return None
        label.setText(message)
        label.setVisible(bool(message))
        target = self.targets[field]
        if target is not self.members and not isinstance(target, QLabel):
            target.setStyleSheet(ERROR_STYLE if message else "")
        return target

    def clear_errors(self) -> None:
        for field in self.errors:
            self.set_error(field, "")

    def tab_order(self) -> None:
        """The paper form's order for Tab: the members, row by row, then each question."""
        chain: list[QWidget] = [w for r in self.members.rows for w in r.fields()]
        chain += [self.add_member_button, self.single_parent]
        for name, combo in self.choices.items():
            chain.append(combo)
            if name == "land":
                chain.append(self.land_rai)
        chain += [box for boxes in self.owned.values() for box in boxes.values()]
        chain += [self.means_combo, self.km_edit, self.minutes_edit, self.lat_edit, self.lon_edit,
                  self.no_photo_edit, self.note_edit, self.save_button, self.submit_button, self.print_button,
                  self.certify_button,
                  self.return_button, self.close_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
