"""The households screen: edit a household's address, merge two households (select two,
preview, confirm, undo), all reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import func, select

from desktop.gui.context import AppContext
from desktop.gui.views.household_dialog import HouseholdDialog
from desktop.gui.views.household_merge import HouseholdMergeDialog
from desktop.gui.views.households_view import HouseholdsView
from desktop.store.models import Child, Guardian, Household


def make_view(qtbot, ctx: AppContext) -> HouseholdsView:  # type: ignore[no-untyped-def]
    view = HouseholdsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.ui.table.setFocus()
    qtbot.waitUntil(view.ui.table.hasFocus, timeout=2000)
    return view


def open_dialog(view: HouseholdsView, kind: type) -> list:  # type: ignore[type-arg]
    return [d for d in view.findChildren(kind) if d.isVisible()]


def members(ctx: AppContext, uuid: str) -> tuple[int, int]:
    with ctx.db.reader() as s:
        hid = s.scalars(select(Household.id).where(Household.uuid == uuid)).one()
        kids = s.scalar(select(func.count()).select_from(Child).where(Child.household_id == hid))
        adults = s.scalar(select(func.count()).select_from(Guardian).where(Guardian.household_id == hid))
        return int(kids or 0), int(adults or 0)


def test_edit_the_address_with_f2(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    view.select_row(2)
    uuid = view.selected_uuid()
    assert uuid
    qtbot.keyClick(view.ui.table, Qt.Key.Key_F2)
    [dialog] = open_dialog(view, HouseholdDialog)
    with ctx.db.reader() as s:
        h = s.scalars(select(Household).where(Household.uuid == uuid)).one()
    assert dialog.ui.houseNoEdit.text() == h.house_no
    assert "สมาชิก" in dialog.ui.membersLabel.text()

    # a bad postcode: the message under the field, nothing saved
    dialog.ui.postcodeEdit.setText("123")
    dialog.ui.roadEdit.clear()
    type_text(dialog.ui.roadEdit, "ถ.สุขสวัสดิ์")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "5 หลัก" in dialog.field_error("address.postcode")
    with ctx.db.reader() as s:
        assert s.scalars(select(Household.road).where(Household.uuid == uuid)).one() == h.road

    dialog.ui.postcodeEdit.setText("30000")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ctx.db.reader() as s:
        assert s.scalars(select(Household.road).where(Household.uuid == uuid)).one() == "ถ.สุขสวัสดิ์"
    assert view.selected_uuid() == uuid
    assert "ถ.สุขสวัสดิ์" in view.ui.addressLabel.text()


def test_merge_needs_two_households(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    messages: list[str] = []
    view.status_message.connect(lambda text, _undo: messages.append(text))
    view.select_row(0)
    qtbot.keyClick(view.ui.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not open_dialog(view, HouseholdMergeDialog)
    assert messages and "สอง" in messages[-1]


def test_select_two_preview_merge_and_undo(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    total = view.model.rowCount()
    messages: list[tuple[str, Callable[[], None] | None]] = []
    view.status_message.connect(lambda text, undo: messages.append((text, undo)))
    # the keyboard way: Down to row 3, then Shift+Down selects row 4 too
    view.select_row(0)
    for _ in range(3):
        qtbot.keyClick(view.ui.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.ui.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    first, second = view.model.uuid_at(3), view.model.uuid_at(4)
    assert first and second and set(view.selected_uuids()) == {first, second}
    before_first, before_second = members(ctx, first), members(ctx, second)

    qtbot.keyClick(view.ui.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    [dialog] = open_dialog(view, HouseholdMergeDialog)
    p = dialog.preview
    assert p is not None and p.keep.uuid == first and p.drop.uuid == second
    assert f"{p.moving} คน" in dialog.ui.summaryLabel.text()
    assert p.drop.address_text in dialog.ui.dropLabel.text()
    for name in p.drop.children:
        assert name in dialog.ui.dropLabel.text()
    assert "บ้านเลขที่" in dialog.conflict_rows()  # two demo houses: different numbers
    assert "ไม่ตรงกัน" in dialog.ui.conflictLabel.text()

    # swap which one is kept (Ctrl+R), and back
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialog.preview is not None and dialog.preview.keep.uuid == second
    qtbot.mouseClick(dialog.ui.swapButton, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.keep.uuid == first
    # Enter does not merge: Cancel is the default
    assert QApplication.focusWidget() is not dialog.merge_button
    assert members(ctx, second) == before_second

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert members(ctx, first) == (before_first[0] + before_second[0], before_first[1] + before_second[1])
    assert members(ctx, second) == (0, 0)
    assert view.model.rowCount() == total - 1
    assert view.selected_uuid() == first
    text, undo = messages[-1]
    assert "รวม" in text and callable(undo)

    assert undo is not None
    undo()
    assert members(ctx, first) == before_first and members(ctx, second) == before_second
    assert view.model.rowCount() == total
    assert "ยกเลิก" in messages[-1][0]


def test_merge_dialog_refuses_a_household_merged_meanwhile(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.household_edit import merge_households

    view = make_view(qtbot, ctx)
    a, b = view.model.uuid_at(5), view.model.uuid_at(6)
    assert a and b
    sel = view.ui.table.selectionModel()
    view.select_row(5)
    sel.select(view.model.index(6, 0), QItemSelectionModel.SelectionFlag.Select
               | QItemSelectionModel.SelectionFlag.Rows)
    dialog = view.merge_selected()
    assert isinstance(dialog, HouseholdMergeDialog)
    with ctx.db.session() as s:  # another clerk merges b first
        merge_households(s, a, b)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "ถูกลบหรือถูกรวม" in dialog.ui.errorLabel.text()
    assert not dialog.merge_button.isEnabled()
