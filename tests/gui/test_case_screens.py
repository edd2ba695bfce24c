"""The out-of-school case screens clicked like a case worker and a supervisor would (issue
13): a case opened from the child's page, found in the cases list, a tracing visit with a
photo and its position that moves the case, a decline and the closure asked by the case
worker (who is not offered the approval), approved by the supervisor; the list filtered,
printed; the page hidden from a role without case work."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import CaseKit, case_children
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.domain.cases import CaseStatus, status_label
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.case_page import CaseDialog
from desktop.gui.views.cases_view import CasesView
from desktop.gui.views.child_page import ChildPageDialog
from desktop.services.access import sign_in
from desktop.store.db import Database


@pytest.fixture
def case_ctx(qapp, office_db: Database, tmp_path: Path) -> Iterator[tuple[AppContext, CaseKit]]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    kit = case_children(office_db, 6)
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CASE_WORKER, name="worker1"))
    yield context, kit
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 160, 200)).save(out, "JPEG")
    return out.getvalue()


def _offered(dialog: CaseDialog) -> list[str]:
    return [dialog.move_combo.itemData(i) for i in range(dialog.move_combo.count())]


def _move(qtbot, dialog: CaseDialog, to: CaseStatus, **edits: str) -> None:  # type: ignore[no-untyped-def]
    dialog.move_combo.setCurrentIndex(dialog.move_combo.findData(to.value))
    for name, text in edits.items():
        getattr(dialog, f"{name}_edit").setText(text)
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)


def test_a_case_from_the_child_page_to_its_approved_closure(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, kit = case_ctx
    uuid = kit.children[0]
    page = ChildPageDialog(ctx, uuid)
    qtbot.addWidget(page)
    assert list(page.sections) == ["registry", "case"]  # a case worker reads the registry and cases
    assert page.case_button.text() == "เปิดกรณีเด็กนอกระบบ…"
    qtbot.mouseClick(page.case_button, Qt.MouseButton.LeftButton)
    opening = page.open_dialog
    opening.note_edit.setPlainText("ครูประจำชั้นแจ้งว่าไม่มาเรียนตั้งแต่เดือนกรกฎาคม")
    qtbot.mouseClick(opening.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    case = page.case_dialog
    assert case is not None and opening.case_id is not None
    qtbot.addWidget(case)
    assert status_label(CaseStatus.TO_TRACE) in case.facts["status"].text()
    assert page.case_button.text() == "หน้ากรณีเด็กนอกระบบ…"  # the child's page shows the open case now

    # a tracing visit with a photo and the house's position, which moves the case to "found"
    qtbot.mouseClick(case.trace_tab.record_button, Qt.MouseButton.LeftButton)
    visit = case.visit_dialog
    visit.met_edit.setText("มารดา")
    visit.result_combo.setCurrentIndex(visit.result_combo.findData(CaseStatus.FOUND.value))
    visit.lat_edit.setText("14.97053")
    visit.lon_edit.setText("102.10021")
    visit.add_photo(_jpeg())
    qtbot.mouseClick(visit.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not visit.error_label.isVisible(), visit.error_label.text()
    assert status_label(CaseStatus.FOUND) in case.facts["status"].text()
    table = case.trace_tab.table
    assert table.rowCount() == 1 and table.item(0, 2).text() == "มารดา"
    assert table.item(0, 4).text() == "14.97053, 102.10021" and table.item(0, 5).text() == "1"
    assert len([w for w in case.trace_tab.findChildren(QLabel) if w.objectName() == "visitPhoto"]) == 1

    # declined needs a reason: refused without one, every problem said; then with it
    _move(qtbot, case, CaseStatus.DECLINED)
    assert case.message_label.isVisible() and "เหตุผล" in case.message_label.text()
    assert status_label(CaseStatus.FOUND) in case.facts["status"].text()
    _move(qtbot, case, CaseStatus.DECLINED, reason="ครอบครัวย้ายไปทำงานต่างจังหวัดตามฤดูกาล")
    _move(qtbot, case, CaseStatus.CLOSURE_REQUESTED)
    assert status_label(CaseStatus.CLOSURE_REQUESTED) in case.facts["status"].text()
    assert _offered(case) == []  # a case worker is not offered the supervisor's decision
    assert not case.move_button.isEnabled()

    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    boss = CaseDialog(ctx, opening.case_id)
    qtbot.addWidget(boss)
    boss.show()
    assert CaseStatus.CLOSED.value in _offered(boss) and CaseStatus.DECLINED.value in _offered(boss)
    _move(qtbot, boss, CaseStatus.CLOSED)
    assert "ปิดกรณีแล้ว" in boss.message_label.text(), boss.message_label.text()
    assert status_label(CaseStatus.CLOSED) in boss.facts["status"].text()
    history = [boss.history.item(r, 1).text() for r in range(boss.history.rowCount())]
    assert history[0].endswith(status_label(CaseStatus.CLOSED)) and len(history) == 5
    assert "อนุมัติโดย boss1" in boss.history.item(0, 3).text()
    assert not boss.trace_tab.record_button.isEnabled()


def test_the_list_filters_opens_and_prints(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop.services.cases import open_case

    ctx, kit = case_ctx
    with ctx.db.session() as s:
        for i, uuid in enumerate(kit.children[:4]):
            open_case(s, uuid, date(2026, 10, 1), source="teacher", worker="worker1" if i % 2 else "")
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.total == 4 and view.model.rowCount() == 4
    view.mine_check.setChecked(True)
    assert view.model.total == 2
    view.mine_check.setChecked(False)
    view.village_edit.setText("2")
    view.refresh()
    assert view.model.total == 1 and view.model.rows[0].village_no == "2"
    assert not view.print_button.isVisible()  # a case worker has no report right
    view.table.selectRow(0)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=2000)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.case_dialog is not None and view.case_dialog.case_id == view.model.rows[0].id
    qtbot.addWidget(view.case_dialog)

    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    boss = CasesView(ctx)
    qtbot.addWidget(boss)
    boss.show()
    boss.documents.ask_options = False
    boss.documents.show_preview = False
    assert boss.print_button.isVisibleTo(boss)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(boss.print_button, Qt.MouseButton.LeftButton)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(boss.documents.last_pdf))
    text = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "รายชื่อกรณีเด็กนอกระบบการศึกษา" in text and "ใจงาม000" in text and "4 กรณี" in text
    # the dashboard tab: counts only, and the month's report printed
    boss.tabs.setCurrentIndex(1)
    board = boss.dashboard
    assert board.figures["open"].text() == "4" and board.figures["returned"].text() == "0"
    assert board.table.item(0, 1).text() == "4"  # รอติดตาม
    from datetime import date

    from desktop.domain.dates import format_be_month
    from desktop.services.case_print import last_month

    assert board.month_combo.currentText() == format_be_month(*last_month(date.today()))  # the month last ended
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(board.month_button, Qt.MouseButton.LeftButton)
    assert boss.documents.last_pdf is not None and boss.documents.last_pdf.name.startswith("cases-month")
    assert "ประจำเดือน" + format_be_month(*last_month(date.today())) in _pdf_text(boss.documents.last_pdf)
    board.month_combo.setCurrentIndex(0)  # this month, so far
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(board.month_button, Qt.MouseButton.LeftButton)
    today = date.today()
    assert "ประจำเดือน" + format_be_month(today.year, today.month) in _pdf_text(boss.documents.last_pdf)


def _pdf_text(path):  # type: ignore[no-untyped-def]
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf).replace("\r", "").replace("\n", "")
    finally:
        pdf.close()


def test_the_cases_page_is_hidden_without_case_work(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow

    ctx, _kit = case_ctx
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert _nav_item(window, "cases") is not None and not _nav_item(window, "cases").isHidden()
    sign_in(ctx.db, actor_with(Role.CAREGIVER, institution_id=1))
    other = MainWindow(ctx)
    qtbot.addWidget(other)
    item = _nav_item(other, "cases")
    assert item is not None and item.isHidden() and item.parent().isHidden()


def _nav_item(window, key: str):  # type: ignore[no-untyped-def]
    tree = window.ui.navTree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, Qt.ItemDataRole.UserRole) == key:
                return top.child(j)
    return None


def test_assess_plan_approve_follow_refer_and_close(qtbot, case_ctx) -> None:  # type: ignore[no-untyped-def]
    """The whole path of a case that ends well: found, needs assessed, a plan drafted and
    submitted by the case worker (who sees no approve button), approved by the supervisor
    as shown, followed up, referred (the letter printed), back in school, closed."""
    from datetime import date, timedelta

    from desktop.domain.case_needs import Area, Level
    from desktop.domain.case_plan import Agency
    from desktop.domain.case_referral import ReferralStatus, referral_label
    from desktop.domain.dates import format_be
    from desktop.services.cases import move_case, open_case

    ctx, kit = case_ctx
    with ctx.db.session() as s:
        case_id = open_case(s, kit.children[1], date.today() - timedelta(days=20), source="volunteer",
                            worker="worker1").id
        move_case(s, case_id, CaseStatus.FOUND, date.today() - timedelta(days=10))
    page = CaseDialog(ctx, case_id)
    qtbot.addWidget(page)
    page.show()
    page.documents.ask_options = False
    page.documents.show_preview = False

    # the needs assessment: every area rated, a need ticked where help is needed, a reason
    assess = page.assess_tab
    for area, row in assess.rows.items():
        row.level.setCurrentIndex(row.level.findData((Level.SOME if area is Area.ECONOMIC else Level.NONE).value))
    assess.rows[Area.ECONOMIC].actions["low_income"].setChecked(True)
    assess.reason_checks[next(iter(assess.reason_checks))].setChecked(True)
    assess.school_edit.setText("โรงเรียนบ้านหนองบัว")
    qtbot.mouseClick(assess.save_button, Qt.MouseButton.LeftButton)
    assert "ครบทุกด้าน" in assess.state_label.text(), page.message_label.text()
    _move(qtbot, page, CaseStatus.ASSESSED)
    assert status_label(CaseStatus.ASSESSED) in page.facts["status"].text(), page.message_label.text()

    # a plan drafted in the editor and submitted; a case worker has no approve button
    plan = page.plan_tab
    assert not plan.approve_button.isVisibleTo(page) and not plan.return_button.isVisibleTo(page)
    qtbot.mouseClick(plan.edit_button, Qt.MouseButton.LeftButton)
    editor = page.plan_editor
    editor.set_row(0, goal="กลับเข้าเรียนชั้น ม.1 ภาคเรียนหน้า", area=Area.ECONOMIC, text="ขอทุนค่าเครื่องแบบและอุปกรณ์",
                   agency=Agency.MUNICIPALITY, agency_name="กองการศึกษา", person="นางสมใจ",
                   due=format_be(date.today() + timedelta(days=60)), budget="1,500")
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not editor.error_label.isVisible(), editor.error_label.text()
    assert plan.table.rowCount() == 1 and plan.table.item(0, 6).text() == "1,500.00"
    qtbot.mouseClick(plan.submit_button, Qt.MouseButton.LeftButton)
    assert "เสนอแล้ว" in plan.state_label.text(), page.message_label.text()
    _move(qtbot, page, CaseStatus.IN_PLAN)  # refused: the plan is not approved yet
    assert page.message_label.isVisible() and status_label(CaseStatus.ASSESSED) in page.facts["status"].text()

    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    boss = CaseDialog(ctx, case_id)
    qtbot.addWidget(boss)
    boss.show()
    boss.documents.ask_options = False
    boss.documents.show_preview = False
    boss.tabs.setCurrentWidget(boss.plan_tab)
    assert boss.plan_tab.approve_button.isVisible() and boss.plan_tab.approve_button.isEnabled()
    qtbot.mouseClick(boss.plan_tab.approve_button, Qt.MouseButton.LeftButton)
    assert "อนุมัติแล้ว" in boss.plan_tab.state_label.text(), boss.message_label.text()

    sign_in(ctx.db, actor_with(Role.CASE_WORKER, name="worker1"))
    page.refresh()
    _move(qtbot, page, CaseStatus.IN_PLAN)
    assert status_label(CaseStatus.IN_PLAN) in page.facts["status"].text(), page.message_label.text()

    # a follow-up visit, and a referral to the social development office, accepted
    follow = page.follow_tab
    assert follow.record_button.isEnabled()
    follow.note_edit.setText("เด็กไปเรียนสม่ำเสมอ")
    qtbot.mouseClick(follow.record_button, Qt.MouseButton.LeftButton)
    assert follow.table.rowCount() == 1, page.message_label.text()
    refer = page.referral_tab
    refer.agency_combo.setCurrentIndex(refer.agency_combo.findData(Agency.SOCIAL_DEVELOPMENT.value))
    refer.agency_edit.setText("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดนครราชสีมา")
    refer.reason_edit.setText("ขอรับเงินอุดหนุนเด็กในครอบครัวยากจน")
    qtbot.mouseClick(refer.send_button, Qt.MouseButton.LeftButton)
    assert refer.table.rowCount() == 1, page.message_label.text()
    assert refer.move_combo.findData("accepted") >= 0
    refer.move_combo.setCurrentIndex(refer.move_combo.findData("accepted"))
    qtbot.mouseClick(refer.move_button, Qt.MouseButton.LeftButton)
    assert refer.table.item(0, 3).text().startswith(referral_label(ReferralStatus.ACCEPTED)), page.message_label.text()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(refer.letter_button, Qt.MouseButton.LeftButton)
    assert page.documents.last_pdf is not None and page.documents.last_pdf.exists()

    # back in school, the closure asked and approved
    _move(qtbot, page, CaseStatus.BACK_IN_SCHOOL, place="โรงเรียนบ้านหนองบัว")
    _move(qtbot, page, CaseStatus.CLOSURE_REQUESTED)
    assert status_label(CaseStatus.CLOSURE_REQUESTED) in page.facts["status"].text(), page.message_label.text()
    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    boss.refresh()
    _move(qtbot, boss, CaseStatus.CLOSED)
    assert status_label(CaseStatus.CLOSED) in boss.facts["status"].text(), boss.message_label.text()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(boss.print_button, Qt.MouseButton.LeftButton)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(boss.documents.last_pdf))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "ขอทุนค่าเครื่องแบบและอุปกรณ์" in text


def test_a_list_imported_as_cases(qtbot, case_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A supervisor imports a province's list: one row a registry child (by national ID),
    one a new child, one with a date that is no date; the rows said, then two cases."""
    from desktop.domain.identity import make_national_id
    from desktop.gui.views.case_import_view import CaseImportDialog

    ctx, kit = case_ctx
    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    head = "ลำดับ,คำนำหน้า,ชื่อ,นามสกุล,วันเกิด,เลขประจำตัวประชาชน,โรงเรียนเดิม,บ้านเลขที่,หมู่ที่,ตำบล,อำเภอ,จังหวัด"
    rows = [f"1,ด.ช.,กมล,ใจงาม,1/1/2555,{kit.national_ids[0]},โรงเรียนบ้านใหม่,1,1,บ้านใหม่,เมือง,นครราชสีมา",
            f"2,ด.ญ.,ใหม่มาก,ดีงาม,8/7/2554,{make_national_id('110370208199')},โรงเรียนบ้านหนองบัว,9,2,บ้านใหม่,"
            "เมือง,นครราชสีมา",
            "3,ด.ช.,ดี,มาก,31/02/2555,,,,,,,"]
    path = tmp_path / "zero-dropout.csv"
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8-sig")
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.import_button.isVisible()  # case.import: the supervisor and the clerk
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    dialog = view.import_dialog
    assert isinstance(dialog, CaseImportDialog)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        dialog.set_file(path)  # read, its columns shown: every header known here
    assert not dialog.columns.undecided() and dialog.check_button.isEnabled()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    reasons = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert kinds == ["ตรงกับเด็กในทะเบียน", "เด็กใหม่", "ข้อมูลไม่ถูกต้อง"], (reasons, dialog.columns_label.text())
    assert '"31/02/2555"' in reasons[2].split(" · ")[0], reasons[2]  # what to correct comes first, with its value
    assert dialog.import_button.isEnabled()
    # the invalid row is left out: said, and the clerk agrees first (No: nothing written)
    from modals import answer, press
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    left = answer(press(QMessageBox.StandardButton.No, said))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not left and "ข้อมูลไม่ถูกต้อง 1 แถว" in said[0] and "นำเข้าเฉพาะ 2 แถว" in said[0]
    assert dialog.batch is None and dialog.isVisible()
    left = answer(press(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not left and dialog.batch is not None and dialog.batch.left_out == 1
    assert view.model.total == 2
    assert sorted(r.child_name for r in view.model.rows) == ["เด็กชายกมล ใจงาม000", "เด็กหญิงใหม่มาก ดีงาม"]

    sign_in(ctx.db, actor_with(Role.CASE_WORKER, name="worker1"))
    worker = CasesView(ctx)
    qtbot.addWidget(worker)
    assert not worker.import_button.isVisibleTo(worker)  # a case worker may not import
