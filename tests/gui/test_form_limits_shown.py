"""A text longer than its column, typed or pasted into the institution dialog or the office
set-up, is shown under its field with the limit (not cut silently by the widget, not
saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from desktop.gui.context import AppContext
from desktop.gui.views.institution_dialog import InstitutionDialog
from desktop.gui.views.office_dialog import OfficeDialog
from desktop.store.models import Institution


def test_the_institution_dialog_shows_each_long_field(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.reader() as s:
        before = s.scalar(select(func.count()).select_from(Institution))
    dialog = InstitutionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.codeEdit.setText("1" * 21)
    ui.nameEdit.setText("โรงเรียน" + "ก" * 300)  # pasted: the widget keeps it whole
    ui.phoneEdit.setText("0" * 41)
    ui.roadEdit.setText("ถ" * 101)
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != InstitutionDialog.DialogCode.Accepted
    assert dialog.field_error("code").startswith("รหัสสถานศึกษายาวเกินไป") and "20" in dialog.field_error("code")
    assert "308" in dialog.field_error("name") and "200" in dialog.field_error("name")
    assert dialog.field_error("phone").startswith("โทรศัพท์") and "40" in dialog.field_error("phone")
    assert dialog.field_error("address.road").startswith("ถนน")
    assert ui.nameEdit.property("invalid") is True and ui.nameError.isVisible()
    with ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Institution)) == before


def test_the_office_set_up_shows_a_long_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OfficeDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form.ui
    form.nameEdit.setText("เทศบาลตำบล" + "บ" * 300)
    form.codeEdit.setText("6300101")
    form.provinceEdit.setText("น" * 101)
    dialog.save_button.click()
    assert dialog.result_values is None
    assert form.nameError.isVisible() and "200" in form.nameError.text()
    assert form.provinceError.isVisible() and "100" in form.provinceError.text()
