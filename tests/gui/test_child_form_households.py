"""The child form and households: a sibling typed with an existing address joins that
household; the clerk can pick a household instead of retyping; a deleted school shows
as deleted and the form still saves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from desktop.domain.address import address_of
from desktop.gui.context import AppContext
from desktop.gui.views.child_form import ChildFormDialog
from desktop.gui.views.household_picker import HouseholdPicker
from desktop.services.institutions import delete_institution
from desktop.store.models import Child, Enrollment, Household, Institution

TODAY = date(2026, 11, 24)


def click_save(qtbot, dialog: ChildFormDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def live_households(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Household)
                            .where(Household.deleted_at.is_(None))) or 0)


def busy_household(ctx: AppContext) -> Household:
    """A live household with a house number and a child (its address is the sibling's)."""
    with ctx.db.reader() as s:
        h = s.scalars(select(Household).join(Child).where(
            Household.house_no != "", Household.deleted_at.is_(None), Child.deleted_at.is_(None))
            .order_by(Household.id)).first()
        assert h is not None
        return h


def fill_sibling(dialog: ChildFormDialog, type_text, first: str = "ภูผา") -> None:  # type: ignore[no-untyped-def]
    ui = dialog.ui
    ui.prefixCombo.setCurrentText("เด็กชาย")
    type_text(ui.firstNameEdit, first)
    type_text(ui.lastNameEdit, "ทดสอบพี่น้อง")
    ui.sexCombo.setCurrentIndex(ui.sexCombo.findData("M"))
    type_text(ui.birthDateEdit, "15/08/2564")
    ui.idTypeCombo.setCurrentIndex(ui.idTypeCombo.findData("none"))
    type_text(ui.noIdReasonEdit, "ยังไม่ได้แจ้งเกิด")
    ui.enrollmentGroup.setChecked(False)


def saved_household(ctx: AppContext, uuid: str) -> Household:
    with ctx.db.reader() as s:
        hid = s.scalars(select(Child.household_id).where(Child.uuid == uuid)).one()
        return s.get_one(Household, hid)


def save_and_confirm(qtbot, dialog: ChildFormDialog) -> list[str]:  # type: ignore[no-untyped-def]
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    click_save(qtbot, dialog)
    if not saved and dialog.ui.duplicateLabel.text():
        click_save(qtbot, dialog)  # a similar child: confirmed
    assert len(saved) == 1, dialog.ui.errorLabel.text()
    return saved


def test_sibling_typed_with_the_same_address_creates_no_second_household(
        qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    home = busy_household(ctx)
    before = live_households(ctx)
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_sibling(dialog, type_text)
    ui = dialog.ui
    a = address_of(home)
    # typed as a clerk would: "ม." before the village number
    for edit, value in ((ui.houseNoEdit, a.house_no), (ui.villageNoEdit, f"ม.{a.village_no}"),
                        (ui.villageNameEdit, a.village_name), (ui.roadEdit, a.road),
                        (ui.soiEdit, a.soi), (ui.subdistrictEdit, a.subdistrict),
                        (ui.districtEdit, a.district), (ui.provinceEdit, a.province),
                        (ui.postcodeEdit, a.postcode)):
        type_text(edit, value)
    ui.provinceEdit.editingFinished.emit()
    # the form says so before saving
    assert "ตรงกับครัวเรือนที่มีอยู่แล้ว" in ui.householdLabel.text()
    [uuid] = save_and_confirm(qtbot, dialog)
    assert live_households(ctx) == before
    assert saved_household(ctx, uuid).id == home.id


def test_pick_an_existing_household_by_village_and_member_name(
        qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    home = busy_household(ctx)
    with ctx.db.reader() as s:
        member = s.scalars(select(Child).where(Child.household_id == home.id,
                                               Child.deleted_at.is_(None))).first()
        assert member is not None
    before = live_households(ctx)
    dialog = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_sibling(dialog, type_text, "ภูมิ")
    assert dialog.ui.pickHouseholdButton.isVisible()
    assert not dialog.ui.newHouseholdButton.isVisible()  # nothing to leave yet
    qtbot.mouseClick(dialog.ui.pickHouseholdButton, Qt.MouseButton.LeftButton)
    [picker] = [p for p in dialog.findChildren(HouseholdPicker) if p.isVisible()]
    type_text(picker.ui.villageEdit, f"หมู่ {home.village_no}")
    type_text(picker.ui.nameEdit, member.first_name)
    qtbot.keyClick(picker.ui.nameEdit, Qt.Key.Key_Return)  # search now, go to the results
    assert picker.isVisible()
    uuids = [c.uuid for c in picker.results]
    assert home.uuid in uuids
    picker.ui.resultsTable.selectRow(uuids.index(home.uuid))
    qtbot.keyClick(picker.ui.resultsTable, Qt.Key.Key_Return)
    assert not picker.isVisible()

    ui = dialog.ui
    assert ui.houseNoEdit.text() == home.house_no
    assert ui.subdistrictEdit.text() == home.subdistrict
    assert "ใช้ครัวเรือนที่มีอยู่" in ui.householdLabel.text()
    assert ui.newHouseholdButton.isVisible()
    [uuid] = save_and_confirm(qtbot, dialog)
    assert live_households(ctx) == before
    assert saved_household(ctx, uuid).id == home.id


def test_leave_the_household_for_a_new_one(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    home = busy_household(ctx)
    with ctx.db.reader() as s:
        member = s.scalars(select(Child).where(Child.household_id == home.id)).first()
        assert member is not None
    before = live_households(ctx)
    dialog = ChildFormDialog(ctx, member.uuid, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.newHouseholdButton.isVisible()
    qtbot.mouseClick(dialog.ui.newHouseholdButton, Qt.MouseButton.LeftButton)
    assert "ครัวเรือนใหม่" in dialog.ui.householdLabel.text()
    dialog.ui.houseNoEdit.setText("999/99")
    dialog.ui.enrollmentGroup.setChecked(False)
    save_and_confirm(qtbot, dialog)
    assert live_households(ctx) == before + 1
    moved = saved_household(ctx, member.uuid)
    assert moved.id != home.id and moved.house_no == "999/99"
    with ctx.db.reader() as s:  # the others' address did not change
        assert s.get_one(Household, home.id).house_no == home.house_no


def test_a_deleted_school_shows_as_deleted_and_the_child_still_saves(
        qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.reader() as s:
        e = s.scalars(select(Enrollment).join(Child).where(Child.deleted_at.is_(None))
                      .order_by(Enrollment.id)).first()
        assert e is not None
        inst = s.get_one(Institution, e.institution_id)
        child_uuid = s.get_one(Child, e.child_id).uuid
    with ctx.db.session() as s:
        delete_institution(s, inst.uuid)
    dialog = ChildFormDialog(ctx, child_uuid, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.ui.institutionCombo
    assert combo.currentText() == f"{inst.name} (ลบแล้ว)"
    assert combo.currentData() == inst.id
    assert dialog.ui.levelCombo.currentData() == e.level_code  # levels of its kind still shown
    dialog.ui.classroomEdit.clear()
    type_text(dialog.ui.classroomEdit, "2")
    save_and_confirm(qtbot, dialog)
    with ctx.db.reader() as s:
        again = s.get_one(Enrollment, e.id)
        assert (again.institution_id, again.classroom) == (inst.id, "2")

    # a new child cannot be put into the deleted school: it is not offered
    other = ChildFormDialog(ctx, None, today=TODAY)
    qtbot.addWidget(other)
    assert other.ui.institutionCombo.findData(inst.id) == -1


def test_a_slow_household_search_runs_on_a_worker(qtbot, ctx: AppContext, monkeypatch, type_text) -> None:  # type: ignore[no-untyped-def]
    """A member's name scans the guardians (~0.5 s at 1M children): past the budget the
    search moves off the GUI thread and the newest query's answer is the one shown."""
    from sqlalchemy import text

    from desktop.gui.views import household_picker

    real_find = household_picker.find_households

    def slow_find(session, query, **kw):  # type: ignore[no-untyped-def]
        if query.name:  # as a name over 800k guardians would be
            session.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                 "WHERE x < 300000) SELECT count(*) FROM c"))
        return real_find(session, query, **kw)

    home = busy_household(ctx)
    monkeypatch.setattr(household_picker, "find_households", slow_find)
    monkeypatch.setattr(HouseholdPicker, "BUDGET_SECONDS", 0.01)
    picker = HouseholdPicker(ctx, None)
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.searched, timeout=10_000):
        picker.ui.nameEdit.setText("ไม่มีชื่อนี้แน่นอน")  # scans every guardian
        picker.search()
        assert picker.busy and picker.ui.countLabel.text() == "กำลังค้นหา…"
    assert picker.results == [] and "ไม่พบ" in picker.ui.countLabel.text()
    picker.ui.nameEdit.clear()
    picker.ui.houseNoEdit.setText(home.house_no)
    picker.search()
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    # a slow search replaced by a newer one: only the newer answer lands
    picker.ui.nameEdit.setText("ไม่มีชื่อนี้แน่นอน")
    picker.search()
    picker.ui.nameEdit.clear()
    picker.search()
    ctx.tasks.wait(10_000)
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    qtbot.wait(50)
    assert home.uuid in [c.uuid for c in picker.results]
    assert picker.ui.resultsTable.rowCount() == len(picker.results)
