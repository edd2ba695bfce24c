"""The case page as a new user meets it at 1024x600 (issue 13's walk-through): a referral
sent without choosing the agency's kind is refused, and the letter of one sent asks the
agency by its name; a closure asked for offers the supervisor only the two decisions and
the case worker none; Tab leaves the plan's grid; Esc does not throw away a typed plan or
visit without asking; a visit's problem is said once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import CaseKit, case_children
from modals import answer, press
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.case_plan import Agency
from desktop.domain.cases import CaseStatus, status_label
from desktop.domain.dates import format_be
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.case_page import CaseDialog
from desktop.services.access import sign_in
from desktop.store.db import Database


@pytest.fixture
def case_ctx(qapp, office_db: Database, tmp_path: Path) -> Iterator[tuple[AppContext, CaseKit]]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    kit = case_children(office_db, 3)
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CASE_WORKER, name="worker1"))
    yield context, kit
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def _found_case(ctx: AppContext, child: str, *then: CaseStatus) -> int:
    from desktop.services.cases import move_case, open_case

    with ctx.db.session() as s:
        case_id = open_case(s, child, date.today() - timedelta(days=20), source="volunteer", worker="worker1").id
        move_case(s, case_id, CaseStatus.FOUND, date.today() - timedelta(days=10))
        for status in then:
            move_case(s, case_id, status, date.today(), reason="ครอบครัวไม่ต้องการ")
    return case_id


def _page(qtbot, ctx: AppContext, case_id: int) -> CaseDialog:  # type: ignore[no-untyped-def]
    page = CaseDialog(ctx, case_id)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.documents.ask_options = False
    page.documents.show_preview = False
    return page


def _pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf).replace("\r", "").replace("\n", "")
    finally:
        pdf.close()


def test_a_referral_needs_its_kind_chosen_and_the_letter_asks_the_agency_by_name(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = case_ctx
    page = _page(qtbot, ctx, _found_case(ctx, kit.children[0]))
    refer = page.referral_tab
    assert refer.agency_combo.currentIndex() == -1 and refer.agency_combo.currentData() is None  # no default
    refer.agency_edit.setText("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา")
    refer.reason_edit.setText("ขอรับเงินอุดหนุนเด็กในครอบครัวยากจน")
    qtbot.mouseClick(refer.send_button, Qt.MouseButton.LeftButton)
    assert refer.table.rowCount() == 0
    assert "ประเภทหน่วยงาน" in page.message_label.text(), page.message_label.text()  # the field named
    assert refer.agency_edit.text()  # what was typed stays for the clerk to complete

    refer.agency_combo.setCurrentIndex(refer.agency_combo.findData(Agency.SOCIAL_DEVELOPMENT.value))
    qtbot.mouseClick(refer.send_button, Qt.MouseButton.LeftButton)
    assert refer.table.rowCount() == 1, page.message_label.text()
    assert refer.agency_combo.currentIndex() == -1  # the next referral chooses again
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(refer.letter_button, Qt.MouseButton.LeftButton)
    assert page.documents.last_pdf is not None
    text = _pdf_text(page.documents.last_pdf)
    assert "ความช่วยเหลือที่ขอจากสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา" in text
    assert "ความช่วยเหลือที่ขอจากองค์กรปกครองส่วนท้องถิ่น" not in text


def test_a_closure_asked_offers_the_supervisor_two_decisions_and_the_worker_none(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = case_ctx
    case_id = _found_case(ctx, kit.children[1], CaseStatus.DECLINED, CaseStatus.CLOSURE_REQUESTED)
    worker = _page(qtbot, ctx, case_id)
    assert worker.move_combo.count() == 0
    assert worker.waiting_label.isVisible() and worker.waiting_label.text() == "รอหัวหน้างานอนุมัติการปิดกรณี"
    assert not worker.move_panel.isVisible()

    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    boss = _page(qtbot, ctx, case_id)
    offered = [(boss.move_combo.itemData(i), boss.move_combo.itemText(i)) for i in range(boss.move_combo.count())]
    assert offered == [(CaseStatus.CLOSED.value, "อนุมัติปิดกรณี"),
                       (CaseStatus.DECLINED.value, f"ส่งกลับ ({status_label(CaseStatus.DECLINED)})")]
    assert boss.move_panel.isVisible() and not boss.waiting_label.isVisible()
    assert not boss.place_edit.isEnabled()  # a decision names no place
    boss.move_combo.setCurrentIndex(boss.move_combo.findData(CaseStatus.CLOSED.value))
    qtbot.mouseClick(boss.move_button, Qt.MouseButton.LeftButton)
    assert status_label(CaseStatus.CLOSED) in boss.facts["status"].text(), boss.message_label.text()


def test_tab_leaves_the_plan_grid_and_esc_asks_before_a_typed_plan_is_lost(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = case_ctx
    page = _page(qtbot, ctx, _found_case(ctx, kit.children[2]))
    page.tabs.setCurrentWidget(page.plan_tab)
    qtbot.mouseClick(page.plan_tab.edit_button, Qt.MouseButton.LeftButton)
    editor = page.plan_editor
    qtbot.waitExposed(editor)
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 0)
    for _ in range(12):  # more presses than the grid has columns
        qtbot.keyClick(editor.focusWidget() or editor.table, Qt.Key.Key_Tab)
    focus = editor.focusWidget()
    assert focus is not None and focus is not editor.table and not editor.table.isAncestorOf(focus)

    editor.set_row(0, goal="กลับเข้าเรียน", text="ขอทุนค่าเครื่องแบบ")
    left = answer(press(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not left and editor.isVisible()  # asked; kept
    left = answer(press(QMessageBox.StandardButton.Discard))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not left and not editor.isVisible()

    page.tabs.setCurrentWidget(page.plan_tab)
    qtbot.mouseClick(page.plan_tab.edit_button, Qt.MouseButton.LeftButton)
    untouched = page.plan_editor
    qtbot.waitExposed(untouched)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not untouched.isVisible()


def test_a_visit_says_each_problem_once_and_esc_asks(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.cases import open_case

    ctx, kit = case_ctx
    with ctx.db.session() as s:
        case_id = open_case(s, kit.children[0], date.today() - timedelta(days=5), source="volunteer").id
    page = _page(qtbot, ctx, case_id)
    qtbot.mouseClick(page.trace_tab.record_button, Qt.MouseButton.LeftButton)
    visit = page.visit_dialog
    qtbot.waitExposed(visit)
    future = date.today() + timedelta(days=400)
    visit.date_edit.setText(format_be(future))
    visit.met_edit.setText("มารดา")
    visit.result_combo.setCurrentIndex(visit.result_combo.findData(CaseStatus.FOUND.value))
    qtbot.mouseClick(visit.buttons.button(visit.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    lines = visit.error_label.text().splitlines()
    assert lines and len(lines) == len(set(lines)), lines
    assert sum(format_be(future) in line for line in lines) == 1, lines

    left = answer(press(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(visit, Qt.Key.Key_Escape)
    assert not left and visit.isVisible()
    left = answer(press(QMessageBox.StandardButton.Discard))
    qtbot.keyClick(visit, Qt.Key.Key_Escape)
    assert not left and not visit.isVisible()


def test_the_case_page_asks_before_typed_move_text_is_lost(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = case_ctx
    page = _page(qtbot, ctx, _found_case(ctx, kit.children[1]))
    page.note_edit.setText("โทรนัดผู้ปกครองแล้ว")
    left = answer(press(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not left and page.isVisible()
    page.note_edit.clear()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible()
