"""The case page's assignment (issue 13): a supervisor picks a case worker by full name and
assigns the case, by keyboard; the page, the history and the cases list name people by
full name (the login in a tooltip); a case worker sees no assignment at all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import CaseKit, case_children
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.case_page import CaseDialog
from desktop.services.access import sign_in
from desktop.store.db import Database
from desktop.store.models import AppUser

NAMES = {"worker1": "นายทำงาน ขยันดี", "worker2": "นางสาวใจดี มีสุข", "boss1": "นางหัวหน้า ดูแลดี"}


@pytest.fixture
def assign_ctx(qapp, office_db: Database, tmp_path: Path) -> Iterator[tuple[AppContext, CaseKit, int]]:  # type: ignore[no-untyped-def]
    from desktop.services.cases import open_case

    register_fonts(qapp)
    kit = case_children(office_db, 3)
    with office_db.session() as s:
        for user in s.scalars(select(AppUser).where(AppUser.name.in_(list(NAMES)))):
            user.full_name = NAMES[user.name]
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CASE_WORKER, name="worker1"))
    with office_db.session() as s:
        case_id = open_case(s, kit.children[0], date.today() - timedelta(days=5), source="teacher").id
    yield context, kit, case_id
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def test_a_supervisor_assigns_the_case_by_keyboard(qtbot, assign_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, _kit, case_id = assign_ctx
    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    page = CaseDialog(ctx, case_id)
    qtbot.addWidget(page)
    page.show()
    assert page.worker_combo.isVisibleTo(page) and page.assign_button.isVisibleTo(page)
    assert page.facts["worker"].text() == "ยังไม่มี"
    names = [page.worker_combo.itemText(i) for i in range(page.worker_combo.count())]
    assert names == ["(ไม่มีผู้รับผิดชอบ)", "นางสาวใจดี มีสุข", "นายทำงาน ขยันดี"]  # case workers only, by name
    page.worker_combo.setFocus()
    qtbot.keyClick(page.worker_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.worker_combo, Qt.Key.Key_Down)
    assert page.worker_combo.currentData() == "worker1"
    qtbot.keyClick(page.assign_button, Qt.Key.Key_Space)
    assert page.facts["worker"].text() == "นายทำงาน ขยันดี", page.message_label.text()
    assert page.facts["worker"].toolTip() == "worker1"
    assert "มอบหมายกรณีนี้ให้ นายทำงาน ขยันดี แล้ว" in page.message_label.text()
    assert page.history.item(0, 2).text() == "นายทำงาน ขยันดี"  # opened by worker1: by name
    # back to nobody
    page.worker_combo.setCurrentIndex(0)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.facts["worker"].text() == "ยังไม่มี"
    from desktop.services.cases import get_case

    with ctx.db.reader() as s:
        assert get_case(s, case_id).worker == ""


def test_a_case_worker_cannot_assign(qtbot, assign_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, _kit, case_id = assign_ctx
    page = CaseDialog(ctx, case_id)
    qtbot.addWidget(page)
    page.show()
    assert not page.worker_combo.isVisibleTo(page) and not page.assign_button.isVisibleTo(page)
    page.worker_combo.addItem("x", "worker1")  # even pushed by hand, the service refuses
    page.assign_worker()
    assert page.message_label.isVisible() and page.message_label.text()
    from desktop.services.cases import get_case

    with ctx.db.reader() as s:
        assert get_case(s, case_id).worker == ""


def test_the_list_shows_workers_by_name(qtbot, assign_ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.cases_view import WORKER, CasesView
    from desktop.services.cases import assign_worker

    ctx, _kit, case_id = assign_ctx
    sign_in(ctx.db, actor_with(Role.SUPERVISOR, name="boss1"))
    with ctx.db.session() as s:
        assign_worker(s, case_id, "worker2")
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    index = view.model.index(0, WORKER)
    assert view.model.data(index) == "นางสาวใจดี มีสุข"
    assert view.model.data(index, Qt.ItemDataRole.ToolTipRole) == "นางสาวใจดี มีสุข (worker2)"
    for typed, rows in (("worker1", 0), ("ใจดี", 1), ("worker2", 1), ("ขยันดี", 0)):  # a login, or a part of a name
        view.worker_edit.setText(typed)  # (QTest types no Thai)
        qtbot.keyClick(view.worker_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda rows=rows: view.model.rowCount() == rows, timeout=10_000)
