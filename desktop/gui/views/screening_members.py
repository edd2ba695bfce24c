"""สมาชิกในครัวเรือน: the screening form's members, one row of fields each, typed with the
keyboard alone. Tab (or Enter) on a row's last field adds the next row; the incomes total
as they are typed (``changed``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop.domain.screening_form import MAX_MEMBERS, MAX_MONTHLY_INCOME, Member

RELATIONS = ("ตัวเด็ก", "พ่อ", "แม่", "ปู่", "ย่า", "ตา", "ยาย", "พี่", "น้อง", "ลุง", "ป้า", "น้า", "อา",
             "ผู้ปกครองอื่น")
COLUMNS = ("name", "relation", "age", "occupation", "monthly_income", "disabled", "chronic_illness",
           "unemployed")
ERROR_STYLE = "border: 1px solid #b00020; background: #fff5f5;"


class MemberRow:
    """The fields of one member."""

    def __init__(self, parent: QWidget) -> None:
        self.name = QLineEdit(parent)
        self.relation = QComboBox(parent)
        self.relation.setEditable(True)
        self.relation.addItems(list(RELATIONS))
        self.relation.setCurrentIndex(-1)
        self.age = QSpinBox(parent)
        self.age.setRange(0, 120)
        self.occupation = QLineEdit(parent)
        self.income = QSpinBox(parent)
        self.income.setRange(0, MAX_MONTHLY_INCOME)
        self.income.setGroupSeparatorShown(True)
        self.income.setAlignment(Qt.AlignmentFlag.AlignRight)
        for spin in (self.age, self.income):
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.disabled = QCheckBox(parent)
        self.ill = QCheckBox(parent)
        self.unemployed = QCheckBox(parent)
        self.number = QLabel(parent)
        self.remove = QToolButton(parent)
        self.remove.setText("✕")
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab walks the fields only

    def fields(self) -> list[QWidget]:
        return [self.name, self.relation, self.age, self.occupation, self.income, self.disabled, self.ill,
                self.unemployed]

    def member(self) -> Member:
        return Member(self.name.text().strip(), self.relation.currentText().strip(), self.age.value(),
                      self.occupation.text().strip(), self.income.value(), self.disabled.isChecked(),
                      self.ill.isChecked(), self.unemployed.isChecked())

    def is_blank(self) -> bool:
        m = self.member()
        return not (m.name or m.occupation or m.age or m.monthly_income or m.disabled or m.chronic_illness
                    or m.unemployed) and not self.relation.currentText().strip()

    def show(self, m: Member) -> None:
        self.name.setText(m.name)
        self.relation.setCurrentText(m.relation)
        self.age.setValue(m.age)
        self.occupation.setText(m.occupation)
        self.income.setValue(m.monthly_income)
        self.disabled.setChecked(m.disabled)
        self.ill.setChecked(m.chronic_illness)
        self.unemployed.setChecked(m.unemployed)


class MembersGrid(QWidget):
    """The members' rows under a header, as on the paper form."""

    changed = Signal()
    rows_changed = Signal()  # a row added or the rows replaced: the form's Tab order follows
    left = Signal()  # Tab or Enter on a new blank row's name: the members are done, on to the next section

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersGrid")
        self.rows: list[MemberRow] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        headers = [self.tr("ชื่อ-นามสกุล"), self.tr("ความเกี่ยวข้อง"), self.tr("อายุ (ปี)"), self.tr("อาชีพ"),
                   self.tr("รายได้/เดือน (บาท)"), self.tr("พิการ"), self.tr("ป่วยเรื้อรัง"), self.tr("ว่างงาน")]
        for column, text in enumerate(["#", *headers]):
            label = QLabel(text, self)
            label.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(4, 2)

    def add_row(self, member: Member | None = None) -> MemberRow | None:
        if len(self.rows) >= MAX_MEMBERS:
            return None
        row = MemberRow(self)
        n = len(self.rows) + 1
        row.number.setText(str(n))
        self.grid.addWidget(row.number, n, 0)
        for column, widget in enumerate(row.fields(), start=1):
            self.grid.addWidget(widget, n, column,
                                Qt.AlignmentFlag.AlignCenter if isinstance(widget, QCheckBox) else Qt.AlignmentFlag(0))
            widget.installEventFilter(self)
        self.grid.addWidget(row.remove, n, len(COLUMNS) + 1)
        for widget in (row.number, *row.fields(), row.remove):
            widget.show()  # now, not when the layout gets to it: the new row takes the focus at once
        row.remove.setToolTip(self.tr("ลบสมาชิกคนที่ %1").replace("%1", str(n)))
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_row(r))
        if member is not None:
            row.show(member)
        row.name.textChanged.connect(lambda _t, r=row: self._edited(r))
        row.relation.currentTextChanged.connect(lambda _t, r=row: self._edited(r))
        row.occupation.textChanged.connect(lambda _t, r=row: self._edited(r))
        for spin in (row.age, row.income):
            spin.valueChanged.connect(lambda _v, r=row: self._edited(r))
        for box in (row.disabled, row.ill, row.unemployed):
            box.toggled.connect(lambda _b, r=row: self._edited(r))
        previous = self.rows[-1].fields()[-1] if self.rows else None
        self.rows.append(row)
        if previous is not None:
            QWidget.setTabOrder(previous, row.name)
        for a, b in zip(row.fields(), row.fields()[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.rows_changed.emit()
        return row

    def remove_row(self, row: MemberRow) -> None:
        values = [r.member() for r in self.rows if r is not row]
        self.set_members(values)
        self.changed.emit()

    def set_members(self, members: list[Member] | tuple[Member, ...]) -> None:
        for row in self.rows:
            for widget in (*row.fields(), row.remove, row.number):
                widget.hide()
                self.grid.removeWidget(widget)
                widget.setParent(None)
                widget.deleteLater()
        self.rows = []
        for m in members:
            self.add_row(m)
        if not self.rows:
            self.add_row()
        self.rows_changed.emit()

    def members(self) -> tuple[Member, ...]:
        """The rows typed in; blank rows (a row added by Tab and left) are not members."""
        return tuple(r.member() for r in self.rows if not r.is_blank())

    def total_income(self) -> int:
        return sum(r.income.value() for r in self.rows)

    def mark(self, n: int, column: str, message: str) -> QWidget | None:
        """Mark member ``n``'s (1-based) field red with ``message``; the widget."""
        rows = [r for r in self.rows if not r.is_blank()]
        if not 1 <= n <= len(rows) or column not in COLUMNS:
            return None
        widget = rows[n - 1].fields()[COLUMNS.index(column)]
        widget.setStyleSheet(ERROR_STYLE)
        widget.setToolTip(message)
        return widget

    def clear_marks(self) -> None:
        for row in self.rows:
            for widget in row.fields():
                if widget.styleSheet():
                    widget.setStyleSheet("")
                    widget.setToolTip("")

    def _edited(self, row: MemberRow) -> None:
        for widget in row.fields():
            if widget.styleSheet() and widget.hasFocus():
                widget.setStyleSheet("")
                widget.setToolTip("")
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab or Enter on the last row's last field adds a row (unless that row is blank:
        then the key goes on); on the name of a blank row added so, it leaves the members
        (``left``); Enter elsewhere moves to the next field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if key == Qt.Key.Key_Tab or enter:
                last = self.rows[-1]
                if watched is last.name and len(self.rows) > 1 and last.is_blank():
                    self.left.emit()
                    return True
                if watched is last.fields()[-1]:
                    if last.is_blank() or len(self.rows) >= MAX_MEMBERS:
                        return False
                    row = self.add_row()
                    if row is not None:
                        row.name.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
                if enter and isinstance(watched, QWidget):
                    fields = [w for r in self.rows for w in r.fields()]
                    if watched in fields:
                        fields[fields.index(watched) + 1].setFocus(Qt.FocusReason.TabFocusReason)
                        return True
        return super().eventFilter(watched, event)
