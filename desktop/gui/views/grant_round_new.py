"""สร้างรอบทุนใหม่: a grant round's programme (EEF equity grant, DLA basic-needs subsidy or
another), term, the screening results it pays, the attendance threshold and the amount
per class level, filled from the rule pack in force (its label shown); each problem the
service finds is said in Thai beside its field. Made through services/grants.create_round
(the clerk's ``grants``; a refusal is said, not raised)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.grants import PROGRAMME_LABELS, Programme
from desktop.domain.levels import LEVELS, level_by_code
from desktop.domain.screening import PovertyLevel
from desktop.gui.context import AppContext
from desktop.gui.views.grant_table import show_problems
from desktop.gui.widgets.error_line import error_line
from desktop.gui.widgets.screen import fit_to_screen
from desktop.i18n import _
from desktop.services.access import NotPermitted

FIELDS = ("name", "programme", "term", "levels", "attendance_percent", "amounts")


class NewRoundDialog(QDialog):
    created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("สร้างรอบทุนใหม่"))
        self.setObjectName("newRoundDialog")
        self.resize(620, 680)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("เช่น ทุนเสมอภาค ภาคเรียน 1/2569"))
        self.programme_combo = QComboBox(self)
        self.programme_combo.setObjectName("programmeCombo")
        for programme in Programme:
            self.programme_combo.addItem(_(PROGRAMME_LABELS[programme]), programme.value)
        self.term_combo = QComboBox(self)
        self.term_combo.setObjectName("termCombo")
        self.pack_label = QLabel(self)
        self.pack_label.setObjectName("packLabel")
        self.pack_label.setWordWrap(True)
        levels = QHBoxLayout()
        self.extreme_check = QCheckBox(self.tr("ยากจนพิเศษ"), self)
        self.extreme_check.setObjectName("extremeCheck")
        self.extreme_check.setChecked(True)
        self.poor_check = QCheckBox(self.tr("ยากจน"), self)
        self.poor_check.setObjectName("poorCheck")
        levels.addWidget(self.extreme_check)
        levels.addWidget(self.poor_check)
        levels.addStretch(1)
        self.percent_spin = QSpinBox(self)
        self.percent_spin.setObjectName("percentSpin")
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix(" %")
        self.amounts = QTableWidget(0, 2, self)
        self.amounts.setObjectName("amountsTable")
        self.amounts.setHorizontalHeaderLabels([self.tr("ชั้น"), self.tr("บาทต่อคน")])
        self.amounts.verticalHeader().hide()
        self.amounts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.amounts.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.amounts.setMinimumHeight(120)
        for label, widget, field in ((self.tr("ชื่อรอบ"), self.name_edit, "name"),
                                     (self.tr("ประเภททุน"), self.programme_combo, "programme"),
                                     (self.tr("ภาคเรียน"), self.term_combo, "term"),
                                     (self.tr("ชุดเกณฑ์คัดกรอง"), self.pack_label, ""),
                                     (self.tr("กลุ่มที่ทุนนี้จ่าย"), levels, "levels"),
                                     (self.tr("เกณฑ์การมาเรียนอย่างน้อย"), self.percent_spin, "attendance_percent"),
                                     (self.tr("จำนวนเงินต่อชั้น"), self.amounts, "amounts")):
            form.addRow(label, widget)
            if field:
                self.errors[field] = error_line(self, f"{field}Error")
                form.addRow("", self.errors[field])
        layout.addLayout(form, 1)
        self.message = error_line(self, "message")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("สร้างรอบทุน"))
        self.ok_button.setObjectName("createButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.make_round)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load(today)
        self.term_combo.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self.programme_combo.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self._suggested = ""
        self._suggest_name()
        fit_to_screen(self)

    def _load(self, today: date | None) -> None:
        from desktop.services.rulepacks import active_pack
        from desktop.services.screening_detail import term_choices

        try:
            with self.ctx.db.reader() as session:
                terms, current = term_choices(session, today)
                pack = active_pack(session, install=False)
        except NotPermitted as exc:
            self.message.setText(str(exc))
            self.message.show()
            self.ok_button.setEnabled(False)
            return
        for year, number in terms:
            self.term_combo.addItem(f"{number}/{year}", year * 10 + number)
        if current is not None:
            self.term_combo.setCurrentIndex(self.term_combo.findData(current[0] * 10 + current[1]))
        note = self.tr(" — ชุดตัวอย่างสำหรับทดลองใช้ ไม่ใช่เกณฑ์จริงของ กสศ.") if pack.illustrative else ""
        self.pack_label.setText(self.tr("%1 (ชุดที่ใช้อยู่ จำนวนเงินและเกณฑ์ด้านล่างมาจากชุดนี้ แก้ได้)%2")
                                .replace("%1", pack.label).replace("%2", note))
        self.percent_spin.setValue(pack.attendance_percent)
        self.amounts.setRowCount(len(pack.grants))
        order = {lv.code: n for n, lv in enumerate(LEVELS)}
        for n, (code, amount) in enumerate(sorted(pack.grants.items(), key=lambda kv: (order.get(kv[0], 999), kv[0]))):
            try:
                label = level_by_code(code).display_label
            except KeyError:
                label = code
            item = QTableWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.amounts.setItem(n, 0, item)
            value = QTableWidgetItem(str(amount))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.amounts.setItem(n, 1, value)

    def _suggest_name(self) -> None:
        term = self.term_combo.currentText()
        suggestion = self.tr("%1 ภาคเรียน %2").replace("%1", self.programme_combo.currentText()).replace("%2", term)
        if not self.name_edit.text().strip() or self.name_edit.text() == self._suggested:
            self.name_edit.setText(suggestion)
        self._suggested = suggestion

    def values(self) -> object:
        """The RoundValues typed in; ValidationFailed (Thai, naming the field) for what
        cannot be read (an amount that is not a whole number)."""
        from desktop.services.grants import RoundValues

        problems: list[Problem] = []
        amounts: dict[str, int] = {}
        for n in range(self.amounts.rowCount()):
            level, cell = self.amounts.item(n, 0), self.amounts.item(n, 1)
            text = (cell.text() if cell is not None else "").replace(",", "").strip() or "0"
            if not text.isdigit():
                problems.append(Problem("amounts", self.tr("จำนวนเงินของชั้น %1 ต้องเป็นจำนวนเต็มบาท (พิมพ์ \"%2\")")
                                        .replace("%1", level.text() if level else "").replace("%2", text)))
                continue
            amounts[str(level.data(Qt.ItemDataRole.UserRole)) if level else ""] = int(text)
        data = self.term_combo.currentData()
        if not data:
            problems.append(Problem("term", self.tr("ไม่มีภาคเรียนในทะเบียน โปรดเพิ่มปีการศึกษาก่อน")))
        if problems:
            raise ValidationFailed(problems)
        year, term = divmod(int(data), 10)
        levels = {lv for check, lv in ((self.extreme_check, PovertyLevel.EXTREME), (self.poor_check, PovertyLevel.POOR))
                  if check.isChecked()}
        return RoundValues(Programme(self.programme_combo.currentData()), self.name_edit.text(), year, term,
                           levels=frozenset(levels), attendance_percent=self.percent_spin.value(), amounts=amounts)

    def show_problems(self, problems: list[Problem]) -> None:
        show_problems(self.errors, self.message, problems)

    def make_round(self) -> None:
        from desktop.services.grants import RoundValues, create_round

        try:
            values = self.values()
            assert isinstance(values, RoundValues)
            with self.ctx.db.session() as session:
                round_id = create_round(session, values)
        except ValidationFailed as exc:
            self.show_problems(list(exc.problems))
            return
        except NotPermitted as exc:
            self.show_problems([Problem("", str(exc))])
            return
        self.created.emit(round_id)
        self.accept()
