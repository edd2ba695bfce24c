"""The households screen: list, search as you type, the selected household's members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.domain.dates import format_be
from desktop.domain.people import full_name
from desktop.gui.context import AppContext
from desktop.gui.views.households_view import SEARCH_DELAY_MS, HouseholdsView
from desktop.store.models import Child, Household


def double_click(qtbot, widget, pos) -> None:  # type: ignore[no-untyped-def]
    """A real double-click: QTest's mouseDClick alone lacks the first press and release."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def make_view(qtbot, ctx: AppContext) -> HouseholdsView:  # type: ignore[no-untyped-def]
    view = HouseholdsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def live_households(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Household)
                            .where(Household.deleted_at.is_(None))) or 0)


def test_list_shows_every_household(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    total = live_households(ctx)
    assert total > 100
    assert view.model.rowCount() == total
    assert f"{total:,}" in view.ui.countLabel.text()
    # the first household is selected and its detail shown
    assert view.selected_uuid() == view.model.uuid_at(0)
    assert view.member_count() > 0
    assert view.ui.addressLabel.text() == view.model.data(view.model.index(0, 3))
    # a row far down is fetched on demand (pages of 200)
    last = view.model.index(total - 1, 0)
    assert view.model.data(last)


def test_search_narrows_after_debounce(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    total = view.model.rowCount()
    with ctx.db.reader() as s:
        village = s.scalars(select(Household.village_name).order_by(Household.id)).first()
    assert village

    type_text(view.ui.searchEdit, village)
    assert view.model.search == ""  # nothing happens while typing ...
    qtbot.wait(SEARCH_DELAY_MS // 2)
    assert view.model.rowCount() == total
    qtbot.waitUntil(lambda: view.model.search == village, timeout=2000)  # ... then it searches
    shown = [view.model.data(view.model.index(r, 3)) for r in range(view.model.rowCount())]
    assert 0 < len(shown) < total
    assert all(village in address for address in shown)
    assert f"{len(shown):,}" in view.ui.countLabel.text()

    # nothing found: an empty list and a Thai hint instead of a stale detail
    view.ui.searchEdit.setText("ไม่มีบ้านนี้แน่นอน")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=2000)
    assert view.member_count() == 0
    assert "ไม่พบครัวเรือน" in view.ui.addressLabel.text()

    # clearing the box brings back the whole list
    view.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=2000)


def test_search_by_child_name_finds_the_household(qtbot, ctx: AppContext, type_text) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    with ctx.db.reader() as s:
        child = s.scalars(
            select(Child).where(Child.household_id.is_not(None), func.length(Child.first_name) >= 3)
            .order_by(Child.id)
        ).first()
        assert child is not None
        home = s.get_one(Household, child.household_id)
    term = f"{child.first_name} {child.last_name}"
    type_text(view.ui.searchEdit, term)
    qtbot.waitUntil(lambda: view.model.search == term, timeout=2000)
    uuids = [view.model.uuid_at(r) for r in range(view.model.rowCount())]
    assert home.uuid in uuids


def test_selecting_a_row_shows_its_members(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    with ctx.db.reader() as s:
        busiest = s.execute(
            select(Child.household_id, func.count()).where(Child.deleted_at.is_(None))
            .group_by(Child.household_id).order_by(func.count().desc(), Child.household_id)
        ).first()
        assert busiest is not None and busiest[1] >= 2
        home = s.get_one(Household, busiest[0])
        kids = s.scalars(select(Child).where(Child.household_id == home.id,
                                             Child.deleted_at.is_(None))).all()
        expected = {full_name(c.prefix, c.first_name, c.last_name): c for c in kids}

    row = view.model.row_of(home.uuid)
    assert row >= 0
    view.ui.table.selectRow(row)
    assert view.selected_uuid() == home.uuid
    assert home.house_no in view.ui.addressLabel.text()

    members = view.ui.membersTable
    headers = [members.horizontalHeaderItem(c).text() for c in range(members.columnCount())]
    assert headers == ["ชื่อ-นามสกุล", "ประเภท", "ความสัมพันธ์", "วันเกิด", "โทรศัพท์"]
    children_rows = [r for r in range(members.rowCount()) if members.item(r, 1).text() == "เด็ก"]
    shown = {members.item(r, 0).text(): r for r in children_rows}
    assert set(shown) == set(expected)
    for name, r in shown.items():
        assert members.item(r, 3).text() == format_be(expected[name].birth_date)
    guardians = [r for r in range(members.rowCount()) if members.item(r, 1).text() == "ผู้ปกครอง"]
    assert all(members.item(r, 2).text() for r in guardians)  # พ่อ แม่ ยาย ...

    # double-clicking a child asks the main window to open it; a guardian does nothing
    opened: list[str] = []
    view.open_child.connect(opened.append)
    name, r = next(iter(shown.items()))
    rect = members.visualItemRect(members.item(r, 0))
    double_click(qtbot, members.viewport(), rect.center())
    assert opened == [expected[name].uuid]
    if guardians:
        rect = members.visualItemRect(members.item(guardians[0], 0))
        double_click(qtbot, members.viewport(), rect.center())
        assert opened == [expected[name].uuid]


def test_refresh_keeps_the_selection(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, ctx)
    view.ui.table.selectRow(5)
    uuid = view.selected_uuid()
    view.refresh()
    assert view.selected_uuid() == uuid


def test_slow_household_search_runs_on_a_worker(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The households list shares the children list's loading: past the budget, a worker."""
    from desktop.gui.models.households_model import HouseholdsTableModel

    view = HouseholdsView(ctx)
    qtbot.addWidget(view)
    view.show()
    total = view.model.rowCount()
    monkeypatch.setattr(HouseholdsTableModel, "BUDGET_SECONDS", 0.0)
    with qtbot.waitSignal(view.model.counted, timeout=10_000) as blocker:
        view.model.set_search("บ้าน")
        assert view.model.busy and view.ui.countLabel.text() == "กำลังค้นหา…"
    assert 0 < blocker.args[0] == view.model.rowCount() <= total
    assert not view.model.busy
