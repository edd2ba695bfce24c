"""The screenings page (issue 11): a term's screenings filtered by status, searched by name,
sorted; Enter opens one in the form; คัดกรองเด็กคนใหม่ chooses a child with the keyboard;
a teacher sees their own class's only; the page is in the main window's menu."""

from __future__ import annotations

from typing import Any

from modals import answer
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from test_screening_form import MEMBERS, TERM, type_in

from desktop.domain.roles import Role
from desktop.domain.screening_form import Answers, Member
from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.views.screenings_view import ScreeningsView
from desktop.services.access import Actor, Grant, sign_in
from desktop.services.screenings import ScreeningValues, save_screening
from desktop.store.models import AcademicYear, Child, Enrollment

ANSWERS = Answers(tenure="rent", housing="worn", land="none", water="well", electricity="own_meter")


def _children(ctx: AppContext, n: int) -> list[tuple[str, str, int, str, str]]:
    with ctx.db.reader() as s:
        rows = s.execute(select(Child.uuid, Child.first_name, Enrollment.institution_id, Enrollment.level_code,
                                Enrollment.classroom)
                         .join(Enrollment, Enrollment.child_id == Child.id)
                         .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                         .where(AcademicYear.year_be == 2569).order_by(Child.id).limit(n)).all()
    return [(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4] or "")) for r in rows]


def _screen(ctx: AppContext, uuid: str, name: str) -> str:
    members = tuple(Member(m[0], m[1], int(m[2]), m[3], int(m[4])) for m in MEMBERS[:-1]) + (Member(name, "ตัวเด็ก", 9),)
    with ctx.db.session() as s:
        return save_screening(s, ScreeningValues(uuid, TERM[0], TERM[1], ANSWERS, members)).uuid


def _view(qtbot: Any, ctx: AppContext) -> ScreeningsView:
    view = ScreeningsView(ctx)
    qtbot.addWidget(view)
    view.term_combo.setCurrentIndex(view.term_combo.findData(TERM[0] * 10 + TERM[1]))
    assert view.term() == TERM
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_filter_search_sort_and_open(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    children = _children(ctx, 3)
    uuids = [_screen(ctx, c[0], c[1]) for c in children[:2]]
    view = _view(qtbot, ctx)
    assert view.pages["screened"].row_count() == 2 and "2 แบบ" in view.count_label.text()
    view.status_combo.setCurrentIndex(view.status_combo.findData("submitted"))
    assert view.pages["screened"].row_count() == 0 and view.filters.button.isVisible()
    view.status_combo.setCurrentIndex(view.status_combo.findData("draft"))
    assert view.pages["screened"].row_count() == 2
    view.filters.button.click()  # clears the filter
    assert view.status_combo.currentData() is None and view.pages["screened"].row_count() == 2
    view.search_edit.setText(children[1][1])
    view.apply_filter()
    assert view.pages["screened"].row_count() == 1 and view.pages["screened"].uuid_at(0) == uuids[1]
    view.search_edit.clear()
    view.apply_filter()
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    names = [view.pages["screened"].cell(n, 1) for n in range(view.pages["screened"].row_count())]
    assert names == sorted(names, key=natural_sort_key, reverse=True)
    view.table.setFocus()
    view.table.selectRow(0)
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens the form
    assert view.form is not None and view.form.isVisible()
    assert view.form.detail.uuid == view.pages["screened"].uuid_at(0)
    assert "ร่าง" in view.form.ui.status_label.text()
    view.form.close()


def test_new_screening_chooses_a_child_with_the_keyboard(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    uuid, first, *_ = _children(ctx, 1)[0]
    view = _view(qtbot, ctx)
    assert view.pages["screened"].row_count() == 0

    def pick(picker: QWidget) -> None:
        try:
            choose(picker)
        finally:  # a failed step leaves no modal behind (the test fails, it does not hang)
            if picker.isVisible():
                picker.reject()  # type: ignore[attr-defined]

    def choose(picker: QWidget) -> None:
        assert picker.term() == TERM  # type: ignore[attr-defined]
        type_in(first, picker.search_edit)  # type: ignore[attr-defined]
        QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]  # to the results
        assert picker.current() is not None  # type: ignore[attr-defined]
        picker.table.selectRow(next(n for n, c in enumerate(picker.results)  # type: ignore[attr-defined]
                                    if c.uuid == uuid))
        QTest.keyClick(picker.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]  # Enter picks the child

    left = answer(pick)
    view.new_button.click()
    assert not left
    form = view.form
    assert form is not None and form.isVisible() and form.detail.child_uuid == uuid and not form.detail.uuid
    form.ui.members.rows[0].name.setText("ด.ช.ทดสอบ")
    assert form.save()
    assert view.pages["screened"].row_count() == 1  # the page shows what the form saved
    form.close()


def test_a_teacher_sees_their_own_class_only(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    children = _children(ctx, 40)
    first = children[0]
    other = next(c for c in children if (c[2], c[3], c[4]) != first[2:])
    _screen(ctx, first[0], first[1])
    _screen(ctx, other[0], other[1])
    sign_in(ctx.db, Actor(0, "ครูประจำชั้น", "", (Grant(Role.TEACHER, first[2], first[3], first[4]),)))
    view = _view(qtbot, ctx)
    view.refresh()
    assert view.pages["screened"].row_count() == 1 and first[1] in view.pages["screened"].cell(0, 1)


def test_the_page_is_in_the_main_window(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("screenings")
    assert window.ui.stack.currentWidget() is window.screenings_view
    assert window.pages["screenings"].section == "คัดกรองความยากจน"
