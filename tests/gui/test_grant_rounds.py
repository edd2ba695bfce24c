"""The grant rounds' page (issue 11), clicked and typed as a clerk works it: a round made in
its dialog (a wrong amount named beside its field), the term's attendance typed into the
class grid with the keyboard alone (exactly at, above and below the threshold) and each
child's eligible or held reason shown, a payment to the selected children after a
confirmation, a return, the reconciliation; a user without ``grants`` told in Thai."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from actors import EVERY_ROLE, actor_with
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from desktop.domain.grants import Outcome
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.views.grant_attendance_tab import PRESENT, RESULT
from desktop.gui.views.grant_round_new import NewRoundDialog
from desktop.gui.views.grant_round_window import GrantRoundWindow
from desktop.gui.views.grant_rounds_view import GrantRoundsView
from desktop.gui.views.grant_table import cell_text
from desktop.services.access import sign_in
from desktop.store.db import Database
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import AcademicYear, Child

TODAY = date(2026, 12, 20)


def screen_some(db: Database) -> None:
    """The demo's made-up screenings of term 1/2569 (most certified) on the test's registry."""
    from desktop.services.demo_screenings import fill_screenings

    with db.engine.begin() as conn:
        office = conn.scalar(select(Child.origin_office_id).limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        assert fill_screenings(conn, office_id=int(office or 0), year_id=int(year or 0), seed=5,
                               today=date(2026, 11, 30), children=1000) > 0  # all the school children


def make_round(qtbot: Any, view: GrantRoundsView) -> GrantRoundWindow:
    """สร้างรอบทุนใหม่… → both levels, 80% → the round's window opens."""
    view.new_button.click()
    dialog = view.window_open
    assert isinstance(dialog, NewRoundDialog)
    qtbot.addWidget(dialog)
    dialog.term_combo.setCurrentIndex(dialog.term_combo.findText("1/2569"))  # the screenings' term
    dialog.poor_check.setChecked(True)
    dialog.percent_spin.setValue(80)
    dialog.ok_button.click()
    window = view.window_open
    assert isinstance(window, GrantRoundWindow), dialog.message.text()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.lists is not None, timeout=20_000)
    return window


def _page(qtbot: Any, ctx: AppContext) -> GrantRoundsView:
    view = GrantRoundsView(ctx, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_round_made_in_its_dialog_and_a_wrong_amount_named(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    view = _page(qtbot, ctx)
    assert view.model.rowCount() == 0 and "ยังไม่มีรอบทุน" in view.count_label.text()
    view.new_button.click()
    dialog = view.window_open
    assert isinstance(dialog, NewRoundDialog)
    qtbot.addWidget(dialog)
    assert "samoe-illustrative v1" in dialog.pack_label.text() and dialog.percent_spin.value() == 85
    assert dialog.term_combo.currentText() == "2/2569" or dialog.term_combo.findText("1/2569") >= 0
    dialog.term_combo.setCurrentIndex(dialog.term_combo.findText("1/2569"))
    assert "ภาคเรียน 1/2569" in dialog.name_edit.text()  # the name suggested follows the term
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData("dla_basic"))
    assert dialog.name_edit.text().startswith("เงินอุดหนุนปัจจัยพื้นฐาน")
    p1 = next(n for n in range(dialog.amounts.rowCount()) if dialog.amounts.item(n, 0).text() == "ป.1")
    assert [dialog.amounts.item(n, 0).text() for n in (p1 - 1, p1 + 1)] == ["อ.3", "ป.2"]  # in class order
    dialog.amounts.item(p1, 1).setText("3,000x")
    dialog.extreme_check.setChecked(False)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.errors["amounts"].isVisible()
    assert "ป.1" in dialog.errors["amounts"].text() and "จำนวนเต็มบาท" in dialog.errors["amounts"].text()
    dialog.amounts.item(p1, 1).setText("3,000")
    dialog.ok_button.click()  # no level chosen: the service says so beside the levels
    assert dialog.errors["levels"].isVisible() and "ยากจน" in dialog.errors["levels"].text()
    assert not dialog.errors["amounts"].isVisible()
    dialog.poor_check.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    with ctx.db.reader() as s:
        made = s.scalars(select(GrantRound)).one()
    assert (made.programme, made.levels, made.attendance_percent, made.pack) == (
        "dla_basic", "poor", 85, "samoe-illustrative v1")
    window = view.window_open
    assert isinstance(window, GrantRoundWindow)
    qtbot.addWidget(window)
    assert view.model.rowCount() == 1 and view.selected_id() == made.id
    window.close()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens the round again
    assert isinstance(view.window_open, GrantRoundWindow) and view.window_open is not window
    qtbot.addWidget(view.window_open)
    qtbot.waitUntil(lambda: view.window_open.lists is not None, timeout=20_000)  # type: ignore[union-attr]


def _held_class(window: GrantRoundWindow) -> tuple[int, list[int]]:
    """A class with at least three children held for want of attendance: its index in the
    class box and those children's rows in the grid."""
    tab = window.attendance_tab
    held = {r.child_uuid for r in window.lists.eligible if r.outcome is Outcome.HELD}  # type: ignore[union-attr]
    for n in range(tab.class_combo.count()):
        tab.class_combo.setCurrentIndex(n)
        rows = [i for i, a in enumerate(tab.lines) if a.child_uuid in held]
        if len(rows) >= 3:
            return n, rows[:3]
    raise AssertionError("no class with three held children")


def test_attendance_typed_in_the_grid_at_above_and_below_the_threshold(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.attendance_tab)
    tab = window.attendance_tab
    index, rows = _held_class(window)
    tab.class_combo.setFocus()
    QTest.keyClick(tab.class_combo, Qt.Key.Key_Tab)  # to the term's school days
    assert QApplication.focusWidget() is tab.days_spin
    QTest.keyClicks(tab.days_spin, "100")
    assert tab.days_spin.value() == 100
    QTest.keyClick(tab.days_spin, Qt.Key.Key_Tab)  # into the grid, on the first child's days present
    grid = tab.grid
    assert QApplication.focusWidget() is grid and (grid.currentRow(), grid.currentColumn()) == (0, PRESENT)
    typed = dict(zip(rows, ("80", "95", "79"), strict=True))  # at, above and below 80%
    for n in range(max(rows) + 1):
        if n in typed:
            QTest.keyClicks(grid, typed[n])
        QTest.keyClick(grid, Qt.Key.Key_Return)  # down to the next child
    assert [grid.item(n, PRESENT).text() for n in rows] == ["80", "95", "79"]
    assert grid.item(rows[2], 3).text() == "79.0%"
    QTest.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "บันทึกการมาเรียนแล้ว 3 คน" in tab.message.text(), tab.message.text()
    qtbot.waitUntil(lambda: not window.loading and "ผ่านเงื่อนไข" in grid.item(rows[0], RESULT).text(), timeout=20_000)
    assert tab.class_combo.currentIndex() == index
    assert grid.item(rows[0], RESULT).text().startswith("มีสิทธิ์: ผ่านเงื่อนไข มาเรียน 80.0%")
    assert grid.item(rows[1], RESULT).text().startswith("มีสิทธิ์: ผ่านเงื่อนไข มาเรียน 95.0%")
    assert grid.item(rows[2], RESULT).text() == "รอ: มาเรียน 79.0% (79/100 วัน) ต่ำกว่าเกณฑ์ 80%"
    with ctx.db.reader() as s:
        assert sorted(s.scalars(select(TermAttendance.days_present))) == [79, 80, 95]
    eligible = window.eligible_tab  # the same reasons on the eligible list, filtered to the held
    eligible.outcome_combo.setCurrentIndex(eligible.outcome_combo.findData("held"))
    assert any("79/100" in r.reason for r in eligible.shown) and all(r.outcome is Outcome.HELD for r in eligible.shown)

    # a wrong row: nothing of the class saved, the child named
    QTest.keyClick(grid, Qt.Key.Key_Up)
    grid.setCurrentCell(rows[0], PRESENT)
    QTest.keyClicks(grid, "150")  # more days present than open
    grid.setCurrentCell(rows[1], PRESENT)
    QTest.keyClicks(grid, "90")
    QTest.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tab.lines[rows[0]].child_name in tab.message.text() and "ไม่ถูกต้อง" in tab.message.text()
    with ctx.db.reader() as s:
        assert sorted(s.scalars(select(TermAttendance.days_present))) == [79, 80, 95]  # nothing half-saved
    tab.revert_button.click()  # the days typed dropped: the window closes without a question
    assert not tab.dirty and grid.item(rows[0], PRESENT).text() == "80"


def test_pay_the_selected_confirm_return_and_reconcile(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    held = [r for r in window.lists.eligible if r.outcome is Outcome.HELD][:2]  # type: ignore[union-attr]
    from desktop.services.grants import record_attendance

    with ctx.db.session() as s:
        record_attendance(s, 2569, 1, [(r.child_uuid, 90, 100) for r in held])
    window.reload()
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    tab = window.eligible_tab
    header = tab.table.horizontalHeader()  # a click on จำนวนเงิน sorts by the amount's value
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(5) + 5, 5))
    amounts = [tab.model.rows[n].amount for n in range(tab.model.rowCount())]
    assert amounts in (sorted(amounts), sorted(amounts, reverse=True)) and len(set(amounts)) > 1
    tab.select_unpaid()
    assert {r.child_uuid for r in tab.selected()} == {r.child_uuid for r in held}
    tab.pay_button.click()
    dialog = tab.payment_dialog
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.text() == "" and "2 คน" in dialog.findChild(QWidget, "whoLabel").text()  # type: ignore[union-attr]
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("transfer"))
    dialog.ok_button.click()  # a transfer without its reference: said before any question
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.errors["reference"].isVisible() and "เลขที่อ้างอิง" in dialog.errors["reference"].text()
    with ctx.db.reader() as s:
        assert s.scalars(select(GrantPayment)).first() is None
    dialog.reference_edit.setText("KTB-0001")
    asked: list[str] = []

    def yes() -> None:  # the question comes once the service's checks are back from the task runner
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(15, yes)
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, yes)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert "2 คน" in asked[0]
    qtbot.waitUntil(lambda: not window.loading and len(window.payments_tab.rows) == 2, timeout=20_000)
    assert "บันทึกการจ่ายเงินแล้ว 2 คน" in window.message.text()
    total = window.reconcile_tab.table
    last = total.model().rowCount() - 1
    assert cell_text(total, last, 0) == "รวม" and cell_text(total, last, 5) == "2"
    payments = window.payments_tab
    payments.table.selectRow(0)
    payments.return_button.click()
    back = payments.return_dialog
    qtbot.addWidget(back)
    back.reason_edit.setText("ผู้ปกครองย้ายออกนอกพื้นที่")
    back.findChild(QWidget, "returnButton").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.loading and "คืนเงิน 1 รายการ" in window.reconcile_tab.summary.text(),
                    timeout=20_000)
    with ctx.db.reader() as s:
        assert sorted(s.scalars(select(GrantPayment.status))) == ["paid", "returned"]
    assert "จ่ายแล้ว 1 คน" in window.reconcile_tab.summary.text()


def test_print_and_export_every_list(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    documents = window.documents
    documents.ask_options = False
    documents.show_preview = False
    window.print_list()
    ctx.tasks.wait(20_000)
    qtbot.waitUntil(lambda: documents.last_pdf is not None, timeout=20_000)
    assert documents.last_pdf is not None and documents.last_pdf.read_bytes().startswith(b"%PDF")
    first = documents.last_pdf
    window.print_summary()
    qtbot.waitUntil(lambda: documents.last_pdf != first, timeout=20_000)
    chosen = iter(str(tmp_path / f"{n}.xlsx") for n in range(10))
    monkeypatch.setattr("desktop.gui.documents.save_file_name", lambda *_a, **_k: (next(chosen), ""))
    for n in range(window.tabs.count()):
        window.tabs.setCurrentIndex(n)
        window.export_button.click()
        qtbot.waitUntil(lambda n=n: (tmp_path / f"{n}.xlsx").exists(), timeout=20_000)
    view.export_button.click()
    view.totals_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "5.xlsx").exists(), timeout=20_000)


def test_a_user_without_grants_is_told_in_thai(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    window.close()
    sign_in(ctx.db, actor_with(Role.CERTIFIER, name="director"))  # may read the lists, not pay
    view.refresh()
    assert view.model.rowCount() == 1
    view.new_button.click()
    dialog = view.window_open
    assert isinstance(dialog, NewRoundDialog)
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    assert dialog.message.isVisible() and "ไม่มีสิทธิ์" in dialog.message.text()
    dialog.reject()
    view.select_id(view.rows[0].id)
    view.open_button.click()
    window = view.window_open
    assert isinstance(window, GrantRoundWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.lists is not None, timeout=20_000)
    assert "ไม่มีสิทธิ์" in window.attendance_tab.message.text()  # the grid: the clerk's
    assert not window.attendance_tab.save_button.isEnabled()
    sign_in(ctx.db, EVERY_ROLE)


def test_attendance_imported_from_a_sheet_its_row_problems_in_thai(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch) -> None:
    from openpyxl import Workbook

    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    tab = window.attendance_tab
    held = [r for r in window.lists.eligible if r.outcome is Outcome.HELD][:2]  # type: ignore[union-attr]
    with ctx.db.reader() as s:
        ids = [s.scalar(select(Child.national_id).where(Child.uuid == r.child_uuid)) for r in held]
    assert all(ids)

    def sheet(path: Path, rows: list[tuple[object, ...]]) -> str:
        wb = Workbook()
        wb.active.append(["เลขประจำตัวประชาชน", "ชื่อ-สกุล", "มาเรียน", "วันเปิดเรียน"])
        for r in rows:
            wb.active.append(list(r))
        wb.save(path)
        return str(path)

    bad = sheet(tmp_path / "bad.xlsx", [(ids[0], "", 90, 100), ("1111111111111", "", 90, 100), (ids[1], "", 120, 100)])
    monkeypatch.setattr("desktop.gui.widgets.file_pickers.open_file_name", lambda *_a, **_k: (bad, ""))
    tab.import_button.click()  # through the program's file picker
    qtbot.waitUntil(lambda: tab.problems_dialog is not None and tab.problems_dialog.isVisible(), timeout=20_000)
    text = tab.problems_dialog.text.toPlainText()  # type: ignore[union-attr]
    assert "แถว 3: ไม่พบเด็ก 1111111111111" in text and "แถว 4: วันมาเรียน \"120\"" in text, text
    tab.problems_dialog.reject()  # type: ignore[union-attr]
    with ctx.db.reader() as s:
        assert s.scalars(select(TermAttendance)).first() is None  # nothing of the file saved
    good = sheet(tmp_path / "good.xlsx", [(ids[0], "", 90, 100), (ids[1], "", 70, 100)])
    monkeypatch.setattr("desktop.gui.widgets.file_pickers.open_file_name", lambda *_a, **_k: (good, ""))
    tab.import_button.click()
    qtbot.waitUntil(lambda: "นำเข้าการมาเรียนแล้ว 2 คน" in tab.message.text(), timeout=20_000)
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    outcome = {r.child_uuid: r for r in window.lists.eligible}  # type: ignore[union-attr]
    assert outcome[held[0].child_uuid].outcome is Outcome.ELIGIBLE
    assert outcome[held[1].child_uuid].outcome is Outcome.HELD and "70/100" in outcome[held[1].child_uuid].reason


def test_closing_with_days_not_saved_asks_first(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen_some(ctx.db)
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)
    window.show()
    window.tabs.setCurrentWidget(window.attendance_tab)
    grid = window.attendance_tab.grid
    grid.setFocus()
    QTest.keyClicks(grid, "55")
    asked: list[str] = []
    answers = iter((QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or next(answers))
    window.close()
    assert window.isVisible() and "ยังไม่ได้บันทึก" in asked[0]  # kept open: the days are still there
    window.close()
    assert not window.isVisible() and len(asked) == 2
