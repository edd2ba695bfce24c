"""The child form as clerks type: Enter moves to the next field (as in a spreadsheet), Ctrl+S
saves, Esc and ยกเลิก ask before edits are thrown away; red marks where the problems are,
and no stale "ยังบันทึกไม่ได้" once they are fixed; the prefix fills in the sex."""

from __future__ import annotations

from modals import answer
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTableWidgetItem

from desktop.gui.context import AppContext
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.children_view import ChildrenView
from desktop.services.children import GuardianForm


def _existing(qtbot, ctx: AppContext) -> ChildFormDialog:  # type: ignore[no-untyped-def]
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    dialog = ChildFormDialog(ctx, view.model.uuid_at(0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def test_enter_moves_to_the_next_field_and_does_not_save(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    dialog.ui.firstNameEdit.setFocus()
    QTest.keyClick(dialog.ui.firstNameEdit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.ui.lastNameEdit
    QTest.keyClick(dialog.ui.lastNameEdit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.focusWidget() is not dialog.ui.lastNameEdit
    assert saved == [] and dialog.isVisible()


def test_ctrl_s_saves(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    dialog.ui.disabilityEdit.setText("ไม่มี")
    dialog.ui.firstNameEdit.setFocus()
    QTest.keyClick(dialog.ui.firstNameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    if not saved:
        dialog.done(0)
    assert saved and not dialog.isVisible()


def test_escape_without_edits_closes_at_once(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    assert not dialog.has_edits()
    QTest.keyClick(dialog.ui.firstNameEdit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_and_cancel_ask_before_edits_are_lost(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    dialog.ui.firstNameEdit.setText(dialog.ui.firstNameEdit.text() + "ก")
    left = answer(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    QTest.keyClick(dialog.ui.firstNameEdit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not left, timeout=3000)
    assert dialog.isVisible()  # kept the edits
    left = answer(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not left, timeout=3000)
    assert not dialog.isVisible()


def test_errors_line_goes_once_the_marked_fields_are_fixed(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    dialog.ui.firstNameEdit.setText("")
    dialog.save()
    assert "ยังบันทึกไม่ได้" in dialog.ui.errorLabel.text()
    type_text(dialog.ui.firstNameEdit, "สมใจ")
    assert dialog.ui.errorLabel.text() == ""
    dialog.done(0)


def test_guardian_id_error_marks_its_cell(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _existing(qtbot, ctx)
    table = dialog.ui.guardianTable
    if table.rowCount() == 0:
        dialog._add_guardian_row(GuardianForm(relation="แม่", first_name="สมศรี"))
    table.setItem(0, 4, QTableWidgetItem("1-2345-67890-12-0"))
    dialog.save()
    item = table.item(0, 4)
    assert item.background().color().name() == "#fff5f5"  # the red mark the message points to
    assert "ผู้ปกครองคนที่ 1" in item.toolTip()
    assert "1 รายการที่ทำเครื่องหมายสีแดง" in dialog.ui.errorLabel.text()
    item.setText("")
    assert dialog.ui.errorLabel.text() == ""
    dialog.done(0)


def test_prefix_fills_in_the_sex(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = ChildFormDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.ui.sexCombo.currentIndex() == -1
    dialog.ui.prefixCombo.setCurrentText("เด็กหญิง")
    assert dialog.ui.sexCombo.currentData() == "F"
    dialog.ui.prefixCombo.setCurrentText("เด็กชาย")
    assert dialog.ui.sexCombo.currentData() == "M"
