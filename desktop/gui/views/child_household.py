"""The child form's household part: which household the child belongs to.

Picks an existing household (search by house number, village, a member's name) instead
of a retyped address, says when the typed address is that of an existing household (the
service then joins it rather than making a second one), and lets a child leave for a
household of its own. The form's ``ChildForm.household_uuid`` is the only state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.address import ADDRESS_FIELDS, Address
from desktop.gui.context import AppContext
from desktop.gui.forms.child_form_ui import Ui_ChildForm
from desktop.gui.views.household_picker import HouseholdPicker
from desktop.services.children import ChildForm
from desktop.services.household_edit import HouseholdChoice, same_address

HINT_STYLE = "color: #2f5d3a;"
WARN_STYLE = "color: #8a5300;"


class ChildHousehold(QObject):
    def __init__(self, ctx: AppContext, ui: Ui_ChildForm, dialog: QWidget,
                 edits: dict[str, QLineEdit]) -> None:
        super().__init__(dialog)
        self.ctx, self.ui, self.dialog, self.edits = ctx, ui, dialog, edits
        self.form = ChildForm()
        self._picked: HouseholdChoice | None = None
        self._left = False
        ui.pickHouseholdButton.clicked.connect(self.pick)
        ui.newHouseholdButton.clicked.connect(self.leave)
        for name in ("house_no", "village_no", "subdistrict", "district", "province", "postcode"):
            edits[name].editingFinished.connect(self.check_address)

    def show(self, form: ChildForm) -> None:
        """The form as loaded (or new): its household as it is."""
        self.form = form
        self._picked, self._left = None, False
        self._show()

    def _show(self, hint: str = "", style: str = HINT_STYLE) -> None:
        f, ui = self.form, self.ui
        ui.newHouseholdButton.setVisible(bool(f.household_uuid))
        text = hint
        if not text and f.household_uuid and self._picked is not None:
            text = self.tr("ใช้ครัวเรือนที่มีอยู่ (สมาชิก: %1) การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน"
                           ).replace("%1", self._picked.members_text or "-")
        elif not text and f.household_uuid and f.household_member_count > 1:
            text = self.tr("ครัวเรือนนี้มีสมาชิก %1 คน การแก้ที่อยู่จะเปลี่ยนที่อยู่ของทุกคนในครัวเรือน"
                           ).replace("%1", str(f.household_member_count))
        elif not text and self._left:
            text = self.tr("กรอกที่อยู่ใหม่ของเด็ก เมื่อบันทึกจะเป็นครัวเรือนใหม่ "
                           "ที่อยู่ของสมาชิกคนอื่นไม่เปลี่ยน")
        ui.householdLabel.setStyleSheet(style if text else "")
        ui.householdLabel.setText(text)

    def address(self) -> Address:
        return Address(**{name: self.edits[name].text() for name in ADDRESS_FIELDS})

    def check_address(self) -> None:
        """Say when the typed address is that of another existing household."""
        with self.ctx.db.reader() as session:
            same = same_address(session, self.address(), exclude_uuid=self.form.household_uuid)
        if not same:
            self._show()
            return
        members = same[0].members_text or "-"
        if self.form.household_uuid is None:
            self._show(self.tr("ที่อยู่นี้ตรงกับครัวเรือนที่มีอยู่แล้ว (สมาชิก: %1) เมื่อบันทึก "
                               "เด็กจะอยู่ในครัวเรือนเดียวกัน ไม่สร้างครัวเรือนซ้ำ").replace("%1", members))
        else:
            self._show(self.tr("ที่อยู่นี้ตรงกับอีกครัวเรือนหนึ่ง (สมาชิก: %1) ถ้าเด็กย้ายไปอยู่บ้านนั้น "
                               "กด เลือกครัวเรือนที่มีอยู่… ถ้าเป็นบ้านเดียวกัน รวมสองครัวเรือนได้ที่หน้า "
                               "ครัวเรือน").replace("%1", members), WARN_STYLE)

    def pick(self) -> HouseholdPicker:
        picker = HouseholdPicker(self.ctx, self.dialog, house_no=self.edits["house_no"].text(),
                                 village=self.edits["village_no"].text(),
                                 exclude_uuid=self.form.household_uuid)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.use)
        picker.open()
        return picker

    def use(self, choice: HouseholdChoice) -> None:
        """The child lives in this household: its address fills the form."""
        self.form.household_uuid = choice.uuid
        self.form.household_member_count = len(choice.children) + len(choice.guardians)
        self._picked, self._left = choice, False
        for name in ADDRESS_FIELDS:
            self.edits[name].setText(getattr(choice.address, name))
        self._show()

    def leave(self) -> None:
        """The child moves out: the typed address becomes a household of its own on save
        (or the existing household at that address, if there is one)."""
        self.form.household_uuid = None
        self.form.household_member_count = 0
        self._picked, self._left = None, True
        self._show()
        self.edits["house_no"].setFocus()
