"""The growth and DSPM lists page (issue 12): ผอม per room this term, not measured, DSPM due,
re-checks due and overdue, referrals waiting; each filtered by room, searched, sorted by
a column, printed and exported as shown; Enter opens the child's development page; a
caregiver of one centre sees only their centre's children."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from actors import actor_with
from centre_kit import room_of_kit, two_centres
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop.domain.dspm import manual
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.growth_child import ChildDevelopmentDialog
from desktop.gui.views.growth_lists import GrowthView
from desktop.services.access import sign_in
from desktop.services.dspm import record_check
from desktop.services.growth import add_measurement
from desktop.store.db import Database
from desktop.store.models import Child

TODAY = date(2026, 12, 1)


def _all(age: int, failed: tuple[int, ...] = ()) -> dict[int, bool]:
    return {i.no: i.no not in failed for i in manual().band(age).items}


@pytest.fixture
def ctx_kit(qapp: Any, office_db: Database, tmp_path: Path) -> Any:
    from desktop.gui.resources import register_fonts

    register_fonts(qapp)
    kit = two_centres(office_db, n_a=6, n_b=2)
    room_of_kit(office_db, kit)
    a, b = kit.children_a, kit.children_b
    with office_db.session() as s:
        s.scalars(select(Child).where(Child.uuid == a[5])).one().birth_date = date(2023, 5, 10)
        add_measurement(s, a[0], date(2026, 11, 20), weight_kg=14.2, height_cm=109.0, today=TODAY)  # ผอม
        add_measurement(s, a[2], date(2026, 11, 20), weight_kg=12.4, height_cm=101.0, today=TODAY)  # ผอม
        add_measurement(s, a[1], date(2026, 11, 20), weight_kg=17.0, height_cm=105.0, today=TODAY)
        add_measurement(s, b[0], date(2026, 11, 20), weight_kg=12.0, height_cm=105.0, today=TODAY)  # ผอม, centre B
        record_check(s, a[5], 42, date(2026, 11, 12), _all(42, (91,)), today=TODAY)  # re-check due 12/12
        record_check(s, a[3], 42, date(2026, 10, 20), _all(42, (92,)), today=TODAY)  # overdue 19/11
    ctx = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield ctx, kit
    ctx.tasks.wait(10_000)


def _view(qtbot: Any, ctx: AppContext) -> GrowthView:
    view = GrowthView(ctx, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_the_thin_list_per_room_searched_sorted_printed_and_exported(qtbot: Any, ctx_kit: Any,
                                                                     tmp_path: Path) -> None:
    ctx, _kit = ctx_kit
    view = _view(qtbot, ctx)
    page = view.pages["thin"]
    assert view.centre_combo.currentText() == "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
    assert page.row_count() == 2 and page.cell(0, 2) == "ห้องเด็กกลาง" and "ผอม" in page.cell(0, 9)
    assert page.room_combo.count() == 2  # every room, and the one room
    page.table.horizontalHeader().setSortIndicator(8, Qt.SortOrder.AscendingOrder)  # W/H, the thinnest first
    zs = [float(page.cell(i, 8)) for i in range(page.row_count())]
    assert zs == sorted(zs)
    first_name = page.cell(0, 0).split()[0].removeprefix("เด็กชาย").removeprefix("เด็กหญิง")
    QTest.keyClicks(page.search_edit, "zzz")
    page.apply_filter()
    assert page.row_count() == 0 and page.filters.button.isVisibleTo(page)
    page.clear_filter()
    page.search_edit.setText(first_name)
    page.apply_filter()
    assert page.row_count() >= 1
    from desktop.services.growth_documents import export_list, list_pdf

    with ctx.db.reader() as s:
        assert export_list(s, page.query(), tmp_path / "thin.csv") == page.row_count()
        assert list_pdf(s, page.query(), tmp_path / "thin.pdf") == 1
    assert first_name in (tmp_path / "thin.csv").read_text(encoding="utf-8-sig")
    view.centre_combo.setCurrentIndex(1)
    assert page.row_count() == 1  # centre B's


def test_not_measured_rechecks_and_opening_a_child(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    view = _view(qtbot, ctx)
    view.tabs.setCurrentWidget(view.pages["not_measured"])
    assert view.pages["not_measured"].row_count() == 3  # a3, a4, a5
    view.tabs.setCurrentWidget(view.pages["rechecks"])
    page = view.pages["rechecks"]
    assert page.row_count() == 2 and page.cell(0, 6) == "เลยกำหนด" and page.cell(1, 6) == "ถึงกำหนด"
    page.overdue_check.setChecked(True)
    assert page.row_count() == 1
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert isinstance(dialog, ChildDevelopmentDialog) and dialog.child is not None
    assert dialog.child.uuid == kit.children_a[3] and "เลยกำหนดประเมินซ้ำ" in dialog.due_label.text()
    dialog.close()


def test_a_caregiver_sees_only_their_centre(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    sign_in(ctx.db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    view = _view(qtbot, ctx)
    assert [view.centre_combo.itemText(i) for i in range(view.centre_combo.count())] == ["ศูนย์พัฒนาเด็กเล็กวัดใหม่"]
    assert view.pages["thin"].row_count() == 1 and "ใจดี1" in view.pages["thin"].cell(0, 0)
    view.tabs.setCurrentWidget(view.pages["rechecks"])
    assert view.pages["rechecks"].row_count() == 0
    view.open_child(kit.children_a[0])  # another centre's child: not found, nothing shown
    dialog = view.dialog
    assert isinstance(dialog, ChildDevelopmentDialog) and dialog.child is None and not dialog.tabs.isEnabled()
    dialog.close()
