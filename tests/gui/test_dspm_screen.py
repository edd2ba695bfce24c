"""DSPM on the child's development page (issue 12), by the keyboard: record a check with a
failed item and see "re-check due by" (30 days later), at a screening age or a surveillance band; the re-check still failed calls
for a referral: refer, and record the hospital's outcome; delete a check after a
confirmation; the items' keys (ผ / ม, Space) counted."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from centre_kit import room_of_kit, two_centres
from modals import answer, press
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget, QWidget
from sqlalchemy import select

from desktop.domain.dspm import manual
from desktop.gui.context import AppContext
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.dspm_check import DspmCheckDialog, OutcomeDialog, ReferDialog
from desktop.gui.views.growth_child import ChildDevelopmentDialog
from desktop.store.db import Database
from desktop.store.growth_state import DspmCheck, DspmReferral

TODAY = date(2026, 12, 1)


@pytest.fixture
def ctx_kit(qapp: Any, office_db: Database, tmp_path: Path) -> Any:
    from desktop.gui.resources import register_fonts

    register_fonts(qapp)
    kit = two_centres(office_db, n_a=2, n_b=1)
    room_of_kit(office_db, kit)
    ctx = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield ctx, kit
    ctx.tasks.wait(10_000)


def _type(widget: QWidget, ch: str) -> None:
    """A Thai key as the Thai keyboard sends it (QTest.keyClicks takes ASCII only)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


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
    page.tabs.setCurrentIndex(2)
    return page


def _record(qtbot: Any, page: ChildDevelopmentDialog, day: str, failed: set[int], *, recheck: bool = False,
            age: int | None = None) -> int:
    """Answer every item by the keyboard (ผ passed, ม not passed), Ctrl+S; the keys pressed.
    ``age``: the band to choose (the dialog offers the child's current band)."""
    (page.recheck_button if recheck else page.check_button).click()
    dialog = page.dialog
    assert isinstance(dialog, DspmCheckDialog)
    if age is not None:
        dialog.age_combo.setCurrentIndex(dialog.age_combo.findData(age))
    dialog.date_edit.setText(day)
    dialog.grid.setFocus()
    presses = 0
    for item in dialog.grid.items_:
        _type(dialog.grid, "ม" if item.no in failed else "ผ")
        presses += 1
    QTest.keyClick(dialog.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.state_label.text()
    return presses + 1


def test_a_failed_item_shows_the_recheck_due_then_the_referral(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])  # born 1/1/2565: 58 months, the 42-month check made late
    band = manual().band(42)
    presses = _record(qtbot, page, "12/11/2569", {91}, age=42)
    assert presses == len(band.items) + 1  # one key an item and Ctrl+S
    assert page.check_table.rowCount() == 1
    assert "ต้องประเมินซ้ำภายใน 12 ธ.ค. 2569" in page.due_label.text() and "91" in page.due_label.text()
    assert _cell(page.check_table, 0, 5) == "12 ธ.ค. 2569" and _cell(page.check_table, 0, 4) == "91"
    assert page.recheck_button.isEnabled() and page.sheet_button.isEnabled() and not page.refer_button.isEnabled()
    _record(qtbot, page, "25/11/2569", {91}, recheck=True)  # still not passed
    assert page.check_table.rowCount() == 2 and "TEDA4I" in _cell(page.check_table, 1, 3)
    assert "ส่งต่อ" in page.due_label.text() and page.refer_button.isEnabled() and page.letter_button.isEnabled()
    page.refer_button.click()
    refer = page.dialog
    assert isinstance(refer, ReferDialog)
    refer.hospital.setText("โรงพยาบาลโนนสูง")
    refer.letter.setText("นม 0023/9")
    refer.buttons.accepted.emit()
    assert not refer.isVisible()
    assert "โรงพยาบาลโนนสูง" in _cell(page.check_table, 1, 6) and "รอผล" in _cell(page.check_table, 1, 6)
    page.check_table.selectRow(1)
    page.outcome_button.click()
    outcome = page.dialog
    assert isinstance(outcome, OutcomeDialog)
    outcome.combo.setCurrentIndex(1)
    outcome.buttons.accepted.emit()
    with ctx.db.reader() as s:
        assert s.scalars(select(DspmReferral.outcome)).one() == "delayed"
    assert "ได้รับผลแล้ว" in _cell(page.check_table, 1, 6)


def test_a_check_is_deleted_after_the_confirmation(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])
    _record(qtbot, page, "12/11/2569", set())
    assert _cell(page.check_table, 0, 3) == "สมวัย" and not page.due_label.isVisible()
    page.check_table.selectRow(0)
    left = answer(press(QMessageBox.StandardButton.No))
    page.delete_check_button.click()
    qtbot.waitUntil(lambda: not left)
    assert page.check_table.rowCount() == 1
    left = answer(press(QMessageBox.StandardButton.Yes))
    page.delete_check_button.click()
    qtbot.waitUntil(lambda: not left)
    assert page.check_table.rowCount() == 0
    with ctx.db.reader() as s:
        assert s.scalars(select(DspmCheck)).one().deleted_at is not None


def test_an_unanswered_item_is_refused_with_the_services_message(qtbot: Any, ctx_kit: Any) -> None:
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])
    page.check_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DspmCheckDialog)
    dialog.grid.setFocus()
    _type(dialog.grid, "ม")
    QTest.keyClick(dialog.grid, Qt.Key.Key_Space)  # the cursor moved on: the second item, turned to passed
    QTest.keyClick(dialog.grid, Qt.Key.Key_Space)  # and over again: not passed (Space does not move)
    assert list(dialog.grid.answers.values()) == [False, False]
    seen: list[str] = []
    left = answer(press(QMessageBox.StandardButton.Ok, seen))
    QTest.keyClick(dialog.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not left)
    assert "ยังไม่ได้บันทึกผลข้อ" in seen[0] and dialog.isVisible()
    dialog.reject()


def test_a_check_at_a_surveillance_band_by_the_keyboard(qtbot: Any, ctx_kit: Any) -> None:
    """A child of 58 months is offered their band, 55-59 months (items 112-116), not a
    screening age: a failed item asks for a re-check within 30 days and the activity sheet;
    the re-check all passed is on track."""
    ctx, kit = ctx_kit
    page = _page(qtbot, ctx, kit.children_a[0])  # born 1/1/2565: 58 months on 1/12/2569
    page.check_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DspmCheckDialog)
    assert dialog.age_combo.currentData() == 55 and dialog.age_combo.currentText() == "55 - 59 เดือน"
    assert [i.no for i in dialog.grid.items_] == [112, 113, 114, 115, 116] and not dialog.band_label.isVisible()
    dialog.reject()
    presses = _record(qtbot, page, "12/11/2569", {114})
    assert presses == 6
    with ctx.db.reader() as s:
        row = s.scalars(select(DspmCheck)).one()
        assert (row.age_months, row.outcome, row.code) == (55, "suspected_delay", "")
    assert _cell(page.check_table, 0, 1) == "55 - 59 เดือน" and _cell(page.check_table, 0, 4) == "114"
    assert "ต้องประเมินซ้ำภายใน 12 ธ.ค. 2569" in page.due_label.text() and page.sheet_button.isEnabled()
    _record(qtbot, page, "30/11/2569", set(), recheck=True)
    assert _cell(page.check_table, 1, 3) == "สมวัย"


def test_a_child_whose_band_is_not_in_the_file_is_told_what_to_do(qtbot: Any, ctx_kit: Any,
                                                                  monkeypatch: Any) -> None:
    """A child past 78 months is told the manual ends there; with a band left out of the
    file (as it would be), a child of that age is told to use the paper manual meanwhile
    and the day the next band with items comes. The screening ages say so in the list, the
    surveillance bands show their months; a child in a band sees no note."""
    import json

    from desktop.domain.dspm import parse_manual
    from desktop.gui.views import dspm_check
    from desktop.paths import resource_path

    ctx, kit = ctx_kit
    old = DspmCheckDialog(ctx, kit.children_a[0], "เด็กทดสอบ", date(2020, 1, 1), today=TODAY)  # 6 y 11 m
    qtbot.addWidget(old)
    old.show()
    assert old.band_label.isVisible() and "พ้นช่วงอายุของคู่มือ DSPM (ถึง 78 เดือน)" in old.band_label.text()
    texts = [old.age_combo.itemText(i) for i in range(old.age_combo.count())]
    assert "42 เดือน (อายุคัดกรอง)" in texts and "37 - 41 เดือน" in texts and texts[0] == "แรกเกิด - 1 เดือน"
    assert sum("(อายุคัดกรอง)" in t for t in texts) == 5 and len(texts) == 23
    data = json.loads(resource_path("dspm", "dspm-screening-items.json").read_text(encoding="utf-8"))
    data["bands"] = [b for b in data["bands"] if b.get("from_months") != 25]
    data["not_transcribed"] = [{"from_months": 25, "to_months": 29}]
    monkeypatch.setattr(dspm_check, "manual", lambda: parse_manual(data))
    gap = DspmCheckDialog(ctx, kit.children_a[0], "เด็กทดสอบ", date(2024, 9, 1), today=TODAY)  # 2 y 3 m
    qtbot.addWidget(gap)
    gap.show()
    note = gap.band_label.text()
    assert gap.band_label.isVisible() and "2 ปี 3 เดือน" in note and "คู่มือ DSPM" in note
    assert "30 เดือน ตั้งแต่ 1 มี.ค. 2570" in note
    monkeypatch.undo()
    in_band = DspmCheckDialog(ctx, kit.children_a[0], "เด็กทดสอบ", date(2023, 6, 15), today=TODAY)  # 3 y 5 m
    qtbot.addWidget(in_band)
    in_band.show()
    assert not in_band.band_label.isVisible() and in_band.age_combo.currentData() == 37
