"""A child's development page (issue 12), worked as a caregiver does: enter a measurement and
see its Thai category at once; an implausible one is refused with the service's Thai
message and nothing is stored; delete a measurement after a confirmation (No keeps it);
the chart shows WHO's curves and the child's points; a caregiver of one centre cannot open
another centre's child."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from actors import actor_with
from centre_kit import room_of_kit, two_centres
from modals import answer, press
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QTableWidget
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.growth_child import ChildDevelopmentDialog
from desktop.gui.views.growth_measure import MeasurementDialog
from desktop.services.access import sign_in
from desktop.services.growth import add_measurement
from desktop.store.db import Database
from desktop.store.growth_state import GrowthMeasurement

TODAY = date(2026, 12, 1)


@pytest.fixture
def ctx_kit(qapp: Any, office_db: Database, tmp_path: Path) -> Any:
    from desktop.gui.resources import register_fonts

    register_fonts(qapp)
    kit = two_centres(office_db, n_a=4, n_b=2)
    room_of_kit(office_db, kit)
    ctx = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield ctx, kit
    ctx.tasks.wait(10_000)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _page(qtbot: Any, ctx: AppContext, uuid: str) -> ChildDevelopmentDialog:
    page = ChildDevelopmentDialog(ctx, uuid, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _measure(qtbot: Any, page: ChildDevelopmentDialog, weight: str, height: str) -> MeasurementDialog:
    QTest.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, MeasurementDialog)
    dialog.date_edit.setText("20/11/2569")
    dialog.weight_edit.setFocus()
    QTest.keyClicks(dialog.weight_edit, weight)
    QTest.keyClicks(dialog.height_edit, height)
    return dialog


def test_enter_a_measurement_and_see_the_category(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])  # a boy born 1/1/2565
    assert page.measure_table.rowCount() == 0
    dialog = _measure(qtbot, page, "14.2", "109")
    assert "ผอม" in dialog.result_label.text() and "-2.94" in dialog.result_label.text()  # at once, before saving
    QTest.keyClick(dialog.height_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.measure_table.rowCount() == 1
    assert "ผอม" in _cell(page.measure_table, 0, 8) and _cell(page.measure_table, 0, 7) == "-2.94"
    assert "น้ำหนักตามเกณฑ์ส่วนสูง: ผอม" in page.latest_label.text()
    assert page.series and len(page.series[0].points) == 1  # the chart has the child's point
    with ctx.db.reader() as s:
        assert s.scalars(select(GrowthMeasurement.weight_g)).all() == [14200]


def test_an_implausible_measurement_is_refused_with_the_services_message(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])
    dialog = _measure(qtbot, page, "45", "109")  # weight-for-height far beyond +5 SD
    assert "ไม่น่าเป็นไปได้" in dialog.result_label.text()
    dialog.save_button.click()
    assert dialog.isVisible() and "ไม่น่าเป็นไปได้" in dialog.result_label.text()
    dialog.date_edit.setText("2/12/2569")  # and a day in the future, refused by the service
    dialog.weight_edit.setText("18")
    dialog.save_button.click()
    assert dialog.isVisible() and "อนาคต" in dialog.result_label.text()
    with ctx.db.reader() as s:
        assert s.scalars(select(GrowthMeasurement)).all() == []
    assert page.measure_table.rowCount() == 0


def test_delete_a_measurement_after_the_confirmation(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    with ctx.db.session() as s:
        add_measurement(s, kit.children_a[0], date(2026, 6, 1), weight_kg=15.0, height_cm=100.0, today=TODAY)
        add_measurement(s, kit.children_a[0], date(2026, 11, 20), weight_kg=16.0, height_cm=103.0, today=TODAY)
    page = _page(qtbot, ctx, kit.children_a[0])
    page.measure_table.selectRow(1)
    seen: list[str] = []
    left = answer(press(QMessageBox.StandardButton.No, seen))
    page.delete_button.click()
    qtbot.waitUntil(lambda: not left)
    assert page.measure_table.rowCount() == 2 and "20 พ.ย. 2569" in seen[0]
    page.measure_table.selectRow(1)
    left = answer(press(QMessageBox.StandardButton.Yes))
    page.delete_button.click()
    qtbot.waitUntil(lambda: not left)
    assert page.measure_table.rowCount() == 1
    with ctx.db.reader() as s:
        assert len(s.scalars(select(GrowthMeasurement).where(GrowthMeasurement.deleted_at.is_not(None))).all()) == 1


def test_a_caregiver_cannot_open_another_centres_child(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    sign_in(ctx.db, actor_with(Role.CAREGIVER, institution_id=kit.centre_b, name="ครูบี"))
    page = _page(qtbot, ctx, kit.children_a[0])
    assert not page.tabs.isEnabled() and page.child is None
    assert "ไม่พบเด็ก" in page.heading.text() and "ใจดี0" not in page.heading.text()
    own = _page(qtbot, ctx, kit.children_b[0])
    assert own.tabs.isEnabled() and own.child is not None and own.add_button.isEnabled()
