"""Issue 11 end to end, in the window: a teacher copies a paper screening form with the
keyboard and hands it in (and may neither certify it nor open another class's); a
certifier, another user, certifies it; the clerk makes a grant round and finds the child
held until the term's attendance is typed in the class grid, then on the round's eligible
list."""

from __future__ import annotations

from typing import Any

from actors import actor_with
from modals import answer
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import select
from test_grant_rounds import _page, make_round
from test_screening_form import TERM, _child, _fill_with_keys, _open, focused, key, type_in

from desktop.domain.grants import Outcome
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.views.grant_attendance_tab import PRESENT, RESULT
from desktop.gui.views.grant_table import cell_text
from desktop.gui.views.screening_form import open_screening_form
from desktop.services.access import Actor, Grant, sign_in
from desktop.store.screening_state import Screening, ScreeningPhoto


def test_teacher_screens_certifier_certifies_and_the_child_is_on_the_round(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                                           monkeypatch: Any) -> None:
    uuid, institution, level, room = _child(ctx.db)
    sign_in(ctx.db, Actor(0, "ครูประจำชั้น", "", (Grant(Role.TEACHER, institution, level, room),)))
    form = _open(qtbot, ctx, child_uuid=uuid, term=TERM)
    _fill_with_keys(form)
    key(Qt.Key.Key_S, modifier=Qt.KeyboardModifier.ControlModifier)
    assert "ร่าง" in form.ui.status_label.text(), form.ui.message.text()
    assert "ยากจน (คะแนน 19)" in form.ui.result_label.text()
    with ctx.db.session() as s:  # the photos (their own tests): two rows straight in the database
        screening = s.scalars(select(Screening)).one()
        for kind in ("outside", "inside"):
            s.add(ScreeningPhoto(screening_id=screening.id, kind=kind, data=b"jpeg", sha256=kind * 8, width=1,
                                 height=1, origin_office_id=screening.origin_office_id))
    form.ui.submit_button.setFocus(Qt.FocusReason.TabFocusReason)
    key(Qt.Key.Key_Return)  # Enter on ส่ง hands it in
    assert "ส่งแล้ว รอรับรอง" in form.ui.status_label.text(), form.ui.message.text()
    assert not form.ui.certify_button.isVisible()  # a teacher never certifies
    child_name, screening_uuid = form.detail.child_name, form.detail.uuid
    form.close()

    told: list[str] = []  # a teacher of another class may not open it
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: told.append(text))
    sign_in(ctx.db, Actor(0, "ครูชั้นอื่น", "", (Grant(Role.TEACHER, institution, "p6" if level != "p6" else "p5", ""),)))
    assert open_screening_form(ctx, None, uuid=screening_uuid) is None
    assert told and "ไม่มีสิทธิ์" in told[0]
    monkeypatch.undo()

    sign_in(ctx.db, actor_with(Role.CERTIFIER, name="director"))
    director = _open(qtbot, ctx, uuid=screening_uuid)

    def certify(box: QWidget) -> None:
        box.name_edit.setText("นายใหญ่ ใจกว้าง")  # type: ignore[attr-defined]
        type_in("ผู้อำนวยการ", box.position_edit)  # type: ignore[attr-defined]
        QTest.keyClick(box.position_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        if box.isVisible():
            box.reject()  # type: ignore[attr-defined]

    left = answer(certify)
    director.ui.certify_button.click()
    assert not left and "รับรองแล้ว" in director.ui.status_label.text(), director.ui.message.text()
    director.close()

    sign_in(ctx.db, actor_with(Role.CLERK, name="clerk"))
    view = _page(qtbot, ctx)
    window = make_round(qtbot, view)  # term 1/2569, poor and extremely poor, 80%
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    eligible = window.eligible_tab
    eligible.search_edit.setText(child_name.split()[0])
    eligible.apply_filter()
    assert [r.child_uuid for r in eligible.shown] == [uuid]
    assert eligible.shown[0].outcome is Outcome.HELD and "ยังไม่ได้บันทึกการมาเรียน" in eligible.shown[0].reason

    window.tabs.setCurrentWidget(window.attendance_tab)
    tab = window.attendance_tab
    at = next(n for n, c in enumerate(tab.classes)
              if (c.institution_id, c.level_code, c.classroom) == (institution, level, room))
    tab.class_combo.setCurrentIndex(at)
    row = next(n for n, a in enumerate(tab.lines) if a.child_uuid == uuid)
    tab.class_combo.setFocus()
    QTest.keyClick(tab.class_combo, Qt.Key.Key_Tab)
    QTest.keyClicks(tab.days_spin, "100")
    QTest.keyClick(tab.days_spin, Qt.Key.Key_Tab)
    grid = tab.grid
    assert focused() is grid
    for _ in range(row):
        QTest.keyClick(grid, Qt.Key.Key_Return)
    assert (grid.currentRow(), grid.currentColumn()) == (row, PRESENT)
    QTest.keyClicks(grid, "95")
    QTest.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "บันทึกการมาเรียนแล้ว 1 คน" in tab.message.text(), tab.message.text()
    qtbot.waitUntil(lambda: not window.loading and grid.item(row, RESULT).text().startswith("มีสิทธิ์"),
                    timeout=20_000)
    eligible.outcome_combo.setCurrentIndex(eligible.outcome_combo.findData("eligible"))
    assert [r.child_uuid for r in eligible.shown] == [uuid]
    shown = eligible.shown[0]
    assert shown.poverty == "poor" and shown.amount > 0 and "95.0%" in shown.reason
    assert cell_text(eligible.table, 0, 4) == "มีสิทธิ์" and cell_text(eligible.table, 0, 0) == child_name
