"""The case list sorted by a click on a column's header (issue 13), offscreen: the list
opens overdue first; a click on the name's header orders it by name from SQL, a second
click the other way, the village's header by หมู่; choosing an order in the box goes
back to it (overdue first) and the header's arrow goes; the next page fetched as the
clerk scrolls keeps the header's order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import case_children
from PySide6.QtCore import QPoint, QSettings, Qt
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views import cases_view
from desktop.gui.views.cases_view import CasesView
from desktop.services.access import sign_in
from desktop.services.cases_lists import CaseColumn, CaseQuery, CaseSort, list_cases
from desktop.store.case_state import OosCase
from desktop.store.db import Database


@pytest.fixture
def ctx(qapp, office_db: Database, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    from desktop.services.cases import open_case

    register_fonts(qapp)
    kit = case_children(office_db, 9)
    with office_db.session() as s:
        for uuid in kit.children:
            open_case(s, uuid, date(2026, 10, 1), source="teacher")
        last = s.scalars(select(OosCase).order_by(OosCase.id.desc())).first()
        assert last is not None
        last.follow_due_on = date.today() - timedelta(days=3)  # the newest case, overdue: first by default
        first = s.scalars(select(OosCase).order_by(OosCase.id)).first()
        assert first is not None
        first.follow_due_on = date.today() - timedelta(days=9)  # the oldest, more overdue: the very first
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CASE_WORKER, name="worker1"))
    yield context
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def _click(qtbot, view: CasesView, column: int) -> None:  # type: ignore[no-untyped-def]
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _names(view: CasesView) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def test_a_header_click_sorts_from_sql_and_the_box_goes_back_to_overdue_first(
        qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cases_view, "PAGE", 4)  # pages of four: the scroll fetches from SQL in the header's order
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    default = [r.id for r in view.model.rows]
    with ctx.db.reader() as s:
        ids = [r.id for r in list_cases(s, CaseQuery(open_only=True), limit=50).rows]
    assert default == ids[:4] and view.model.rows[0].days_overdue == 9 and view.model.rows[1].days_overdue == 3
    assert view.table.horizontalHeader().sortIndicatorSection() == -1

    _click(qtbot, view, 0)
    while view.model.canFetchMore():
        view.model.fetchMore()
    with ctx.db.reader() as s:
        by_name = [r.child_name for r in list_cases(s, CaseQuery(open_only=True), limit=50,
                                                    order=CaseSort(CaseColumn.NAME)).rows]
    assert _names(view) == by_name and len(by_name) == 9
    assert view.order() == CaseSort(CaseColumn.NAME)  # printed and exported as shown
    _click(qtbot, view, 0)
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert _names(view) == list(reversed(by_name))
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    _click(qtbot, view, 5)  # หมู่: 1, 1, 1, 2, 2 … as numbers
    while view.model.canFetchMore():
        view.model.fetchMore()
    villages = [int(view.model.index(r, 5).data()) for r in range(view.model.rowCount())]
    assert villages == sorted(villages) and len(set(villages)) == 4

    view.order_combo.setCurrentIndex(1)  # by village and house, then overdue first again
    view.order_combo.setCurrentIndex(0)
    assert [r.id for r in view.model.rows] == default
    assert view.table.horizontalHeader().sortIndicatorSection() == -1


def test_the_workers_header_sorts_by_the_full_names_shown(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A click on the worker's header: the column's full names in Thai dictionary order
    (เกศรา before ขวัญใจ, though worker1 comes before worker2), the cases no one follows
    last; the pages fetched on scrolling keep it."""
    from desktop.store.models import AppUser

    with ctx.db.session() as s:
        for login, full in (("worker1", "ขวัญใจ รักงาน"), ("worker2", "เกศรา ดีงาม")):
            s.scalars(select(AppUser).where(AppUser.name == login)).one().full_name = full
        for i, row in enumerate(s.scalars(select(OosCase).order_by(OosCase.id))):
            row.worker = ("worker1", "worker2", "")[i % 3]
    monkeypatch.setattr(cases_view, "PAGE", 4)
    view = CasesView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    _click(qtbot, view, cases_view.WORKER)
    while view.model.canFetchMore():
        view.model.fetchMore()
    shown = [view.model.index(r, cases_view.WORKER).data() for r in range(view.model.rowCount())]
    assert shown == ["เกศรา ดีงาม"] * 3 + ["ขวัญใจ รักงาน"] * 3 + [""] * 3, shown
    assert view.order() == CaseSort(CaseColumn.WORKER)
    _click(qtbot, view, cases_view.WORKER)
    while view.model.canFetchMore():
        view.model.fetchMore()
    shown = [view.model.index(r, cases_view.WORKER).data() for r in range(view.model.rowCount())]
    assert shown == ["ขวัญใจ รักงาน"] * 3 + ["เกศรา ดีงาม"] * 3 + [""] * 3, shown
