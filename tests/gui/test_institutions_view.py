"""The institutions screen: list, add and edit through the dialog, delete and undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton
from sqlalchemy import func, select

from desktop.gui.context import AppContext
from desktop.gui.views.institution_dialog import InstitutionDialog
from desktop.gui.views.institutions_view import ENROLLED, NAME, InstitutionsView
from desktop.store.models import Institution


def make_view(qtbot, ctx: AppContext) -> InstitutionsView:  # type: ignore[no-untyped-def]
    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def live_institutions(ctx: AppContext) -> list[Institution]:
    with ctx.db.reader() as s:
        return list(s.scalars(select(Institution).where(Institution.deleted_at.is_(None))))


def all_institutions(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Institution)) or 0)


def open_dialogs(view: InstitutionsView) -> list[InstitutionDialog]:
    return [d for d in view.findChildren(InstitutionDialog) if d.isVisible()]


def click_save(qtbot, dialog: InstitutionDialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_confirmation(button_name: str | None, seen: list[str]) -> None:
    """When the delete confirmation appears, note its text and press a button
    ("confirmDeleteButton" to delete, None to cancel with Escape)."""

    def poll(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: poll(tries - 1))
            return
        seen.append(box.text())
        if button_name is None:
            box.reject()
        else:
            box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, poll)


def test_list_shows_all_institutions(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    live = live_institutions(ctx)
    assert len(live) >= 2
    assert view.row_count() == len(live)
    model = view.ui.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["ประเภท", "รหัส", "ชื่อ", "ที่อยู่", "จำนวนเด็ก"]
    names = {model.index(r, NAME).data() for r in range(view.row_count())}
    assert names == {i.name for i in live}
    kinds = {model.index(r, 0).data() for r in range(view.row_count())}
    assert kinds <= {"โรงเรียน", "ศูนย์พัฒนาเด็กเล็ก"}
    assert str(len(live)) in view.ui.countLabel.text()

    # sorting by the count sorts numbers, not text
    view.ui.table.sortByColumn(ENROLLED, Qt.SortOrder.DescendingOrder)
    counts = [model.index(r, ENROLLED).data() for r in range(view.row_count())]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) > 0

    # the filter box narrows the list
    view.ui.filterEdit.setText("ศูนย์พัฒนาเด็กเล็ก")
    shown = [model.index(r, NAME).data() for r in range(view.row_count())]
    assert 0 < len(shown) < len(live)
    assert "แสดง" in view.ui.countLabel.text()
    view.ui.filterEdit.clear()
    assert view.row_count() == len(live)


def test_add_through_the_dialog(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    before = view.row_count()
    messages: list[tuple[str, object]] = []
    view.status_message.connect(lambda text, undo: messages.append((text, undo)))

    qtbot.mouseClick(view.ui.addButton, Qt.MouseButton.LeftButton)
    [dialog] = open_dialogs(view)
    assert dialog.windowTitle() == "เพิ่มสถานศึกษา"
    dialog.ui.kindCombo.setCurrentIndex(1)
    type_text(dialog.ui.codeEdit, "3300100099")
    type_text(dialog.ui.nameEdit, "ศูนย์พัฒนาเด็กเล็กบ้านทดสอบ")
    dialog.ui.villageNoEdit.setText("7")
    dialog.ui.subdistrictEdit.setText("บ้านใหม่")
    dialog.ui.districtEdit.setText("เมืองนครราชสีมา")
    dialog.ui.provinceEdit.setText("นครราชสีมา")
    dialog.ui.postcodeEdit.setText("30000")
    click_save(qtbot, dialog)

    assert dialog.result() == InstitutionDialog.DialogCode.Accepted
    with ctx.db.reader() as s:
        saved = s.scalars(select(Institution).where(Institution.code == "3300100099")).one()
    assert (saved.kind, saved.name, saved.postcode) == ("cdc", "ศูนย์พัฒนาเด็กเล็กบ้านทดสอบ", "30000")
    assert view.row_count() == before + 1
    assert view.selected_uuid() == saved.uuid
    row = view.ui.table.currentIndex().row()
    model = view.ui.table.model()
    assert model.index(row, 0).data() == "ศูนย์พัฒนาเด็กเล็ก"
    assert "หมู่ 7" in model.index(row, 3).data()
    assert model.index(row, ENROLLED).data() == 0
    assert messages and "ศูนย์พัฒนาเด็กเล็กบ้านทดสอบ" in messages[-1][0] and messages[-1][1] is None


def test_missing_name_shows_thai_error_and_saves_nothing(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    before = all_institutions(ctx)
    dialog = view.new_institution()
    type_text(dialog.ui.codeEdit, "1130100098")
    dialog.ui.postcodeEdit.setText("123")
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result() != InstitutionDialog.DialogCode.Accepted
    assert dialog.field_error("name") == "โปรดกรอกชื่อสถานศึกษา"
    assert dialog.ui.nameError.isVisible()
    assert dialog.ui.nameEdit.property("invalid") is True
    assert "5 หลัก" in dialog.field_error("address.postcode")
    assert dialog.ui.postcodeEdit.property("invalid") is True
    assert dialog.field_error("code") == ""
    assert not dialog.ui.codeEdit.property("invalid")
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.focusWidget() is dialog.ui.nameEdit
    assert all_institutions(ctx) == before
    assert view.row_count() == before

    # a code already used is refused too, naming the institution that has it
    existing = live_institutions(ctx)[0]
    dialog.ui.codeEdit.setText(existing.code)
    type_text(dialog.ui.nameEdit, "โรงเรียนซ้ำ")
    assert dialog.field_error("name") == ""  # typing in a field clears its message
    dialog.ui.postcodeEdit.setText("30000")
    click_save(qtbot, dialog)
    assert existing.name in dialog.field_error("code")
    assert all_institutions(ctx) == before

    # fixed: it saves
    dialog.ui.codeEdit.setText("1130100098")
    click_save(qtbot, dialog)
    assert dialog.result() == InstitutionDialog.DialogCode.Accepted
    assert all_institutions(ctx) == before + 1


def test_edit_with_enter_and_new_with_ctrl_n(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    view.activateWindow()
    table = view.ui.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    table.selectRow(1)
    uuid = view.selected_uuid()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    [dialog] = open_dialogs(view)
    assert dialog.windowTitle() == "แก้ไขสถานศึกษา"
    assert dialog.uuid == uuid
    with ctx.db.reader() as s:
        inst = s.scalars(select(Institution).where(Institution.uuid == uuid)).one()
    assert dialog.ui.codeEdit.text() == inst.code
    assert dialog.ui.nameEdit.text() == inst.name
    assert dialog.ui.postcodeEdit.text() == inst.postcode

    dialog.ui.phoneEdit.setText("044 000 111")
    click_save(qtbot, dialog)
    with ctx.db.reader() as s:
        assert s.scalars(select(Institution.phone).where(Institution.uuid == uuid)).one() == "044 000 111"
    assert view.selected_uuid() == uuid

    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = open_dialogs(view)
    assert dialog.uuid is None and dialog.windowTitle() == "เพิ่มสถานศึกษา"
    dialog.reject()


def test_delete_and_undo(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    before = view.row_count()
    messages: list[tuple[str, Callable[[], None] | None]] = []
    view.status_message.connect(lambda text, undo: messages.append((text, undo)))
    view.ui.table.selectRow(0)
    target = view.selected_row()
    assert target is not None

    # cancelling the confirmation changes nothing
    seen: list[str] = []
    answer_confirmation(None, seen)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert seen == [f"ลบ {target.name} ใช่หรือไม่? กู้คืนได้ภายหลัง"]
    assert view.row_count() == before and not messages

    # the Delete key on the list, confirmed
    view.activateWindow()
    view.ui.table.setFocus()
    qtbot.waitUntil(view.ui.table.hasFocus, timeout=2000)
    answer_confirmation("confirmDeleteButton", seen)
    qtbot.keyClick(view.ui.table, Qt.Key.Key_Delete)
    assert len(seen) == 2
    assert view.row_count() == before - 1
    model = view.ui.table.model()
    assert target.name not in {model.index(r, NAME).data() for r in range(view.row_count())}
    with ctx.db.reader() as s:
        gone = s.scalars(select(Institution).where(Institution.uuid == target.uuid)).one()
        assert gone.deleted_at is not None  # soft-deleted, not removed
    text, undo = messages[-1]
    assert target.name in text and callable(undo)

    # เลิกทำ: the main window calls the undo it was given
    assert undo is not None
    undo()
    assert view.row_count() == before
    assert view.selected_uuid() == target.uuid
    with ctx.db.reader() as s:
        back = s.scalars(select(Institution).where(Institution.uuid == target.uuid)).one()
        assert back.deleted_at is None
    assert target.name in messages[-1][0] and messages[-1][1] is None


def answer_box(button_name: str | None, seen: list[tuple[str, str]]) -> None:
    """Like answer_confirmation, noting the box's text and its informative text."""

    def poll(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: poll(tries - 1))
            return
        seen.append((box.text(), box.informativeText()))
        if button_name is None:
            box.reject()
        else:
            box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, poll)


def test_delete_says_how_many_children_and_the_bin_restores(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.institutions import institution_children

    view = make_view(qtbot, ctx)
    before = view.row_count()
    model = view.ui.table.model()
    view.ui.table.sortByColumn(ENROLLED, Qt.SortOrder.DescendingOrder)
    view.ui.table.selectRow(0)
    target = view.selected_row()
    assert target is not None
    with ctx.db.reader() as s:
        children = institution_children(s, target.uuid)
    assert children > 0

    seen: list[tuple[str, str]] = []
    answer_box("confirmDeleteButton", seen)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    [(text, informative)] = seen
    assert target.name in text
    assert f"{children} คน" in informative and "แสดงที่ลบแล้ว" in informative
    assert view.row_count() == before - 1

    # the bin: tick "แสดงที่ลบแล้ว" (keyboard: Space on the box); the button becomes กู้คืน
    messages: list[tuple[str, object]] = []
    view.status_message.connect(lambda text, undo: messages.append((text, undo)))
    view.ui.deletedCheck.setFocus()
    qtbot.keyClick(view.ui.deletedCheck, Qt.Key.Key_Space)
    assert view.ui.deletedCheck.isChecked()
    assert view.row_count() == 1
    assert model.index(0, NAME).data() == target.name
    assert model.index(0, ENROLLED).data() == children
    assert view.ui.deleteButton.text() == "กู้คืน"
    assert "ที่ลบแล้ว 1 แห่ง" in view.ui.countLabel.text()
    assert not view.ui.editButton.isEnabled()  # restore first, then edit

    view.ui.table.selectRow(0)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)  # no question to restore
    assert view.row_count() == 0
    assert messages and target.name in messages[-1][0]
    with ctx.db.reader() as s:
        assert s.scalars(select(Institution.deleted_at).where(Institution.uuid == target.uuid)).one() is None

    view.ui.deletedCheck.setChecked(False)
    assert view.row_count() == before
    assert view.ui.deleteButton.text() == "ลบ"
