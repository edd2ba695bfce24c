"""A click on a list's column header sorts the list by that column, in both directions,
as the service (or a plain Python sort) says; Thai text in dictionary order."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.models.children_model import COLUMNS as CHILD_COLUMNS
from desktop.gui.models.households_model import SORTS as HOUSEHOLD_SORTS
from desktop.services.children_query import ChildFilter, ChildSort, page_children
from desktop.services.households import page_households
from desktop.store.models import ImportBatch, Institution


def click(qtbot, table, column: int) -> None:  # type: ignore[no-untyped-def]
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def settle(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)


def test_children_headers_sort_by_their_column(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.children_view import ChildrenView

    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view.model)
    wanted = {"ident": ChildSort.IDENT, "name": ChildSort.NAME, "sex": ChildSort.SEX,
              "birth": ChildSort.BIRTH_DATE, "age": ChildSort.AGE,
              "institution": ChildSort.INSTITUTION, "level": ChildSort.LEVEL,
              "room": ChildSort.CLASSROOM}
    assert {key: sort for key, sort in CHILD_COLUMNS} == wanted
    header = view.ui.table.horizontalHeader()
    for column, (_key, sort) in enumerate(CHILD_COLUMNS):
        for descending in (False, True):
            if header.sortIndicatorSection() != column or descending:
                click(qtbot, view.ui.table, column)
            settle(qtbot, view.model)
            assert header.sortIndicatorOrder() == (
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            with ctx.db.reader() as s:
                want = [r.uuid for r in page_children(s, ChildFilter(), offset=0, limit=40,
                                                      sort=sort, descending=descending)]
            assert [view.model.uuid_at(r) for r in range(40)] == want, (sort, descending)


def test_households_headers_sort_in_sql(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.households_view import HouseholdsView

    view = HouseholdsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view.model)
    with ctx.db.reader() as s:  # the address order to begin with
        assert [view.model.uuid_at(r) for r in range(30)] == [
            r.uuid for r in page_households(s, "", offset=0, limit=30)]
    for column, sort in enumerate(HOUSEHOLD_SORTS):
        click(qtbot, view.ui.table, column)
        if view.ui.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            click(qtbot, view.ui.table, column)  # the address column was sorted already
        for descending in (False, True):
            settle(qtbot, view.model)
            with ctx.db.reader() as s:
                want = [r.uuid for r in page_households(s, "", offset=0, limit=30, sort=sort,
                                                        descending=descending)]
            assert [view.model.uuid_at(r) for r in range(30)] == want, (sort, descending)
            if not descending:
                click(qtbot, view.ui.table, column)


def test_institutions_headers_sort_in_thai_order(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.institutions_view import NAME, InstitutionsView

    with ctx.db.session() as s:
        office = s.scalar(select(Institution.origin_office_id))
        s.add_all([Institution(origin_office_id=office, kind="school", code=f"Z{i}", name=n)
                   for i, n in enumerate(("แม่ระมาด", "กุดจับ", "โรงเรียนเทศบาล 9"))])
    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for descending in (False, True):
        click(qtbot, view.ui.table, NAME)
        if (view.ui.table.horizontalHeader().sortIndicatorOrder()
                == Qt.SortOrder.DescendingOrder) != descending:
            click(qtbot, view.ui.table, NAME)
        shown = [view.proxy.index(r, NAME).data() for r in range(view.proxy.rowCount())]
        assert shown == sorted(shown, key=natural_sort_key, reverse=descending)
        assert (shown.index("กุดจับ") < shown.index("แม่ระมาด")) != descending


def test_import_history_headers_sort_in_thai_order(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.import_history_view import ImportHistoryView

    names = ("แบบสำรวจ.xlsx", "กองการศึกษา.xlsx", "เด็ก 10.csv", "เด็ก 9.csv")
    with ctx.db.session() as s:
        for i, n in enumerate(names):
            s.add(ImportBatch(file_name=n, at=datetime(2026, 11, 1) - timedelta(days=i),
                              row_count=(i * 7) % 5))
    view = ImportHistoryView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    table = view.ui.table
    for column, key in ((1, natural_sort_key), (3, lambda t: int(t.replace(",", ""))),
                        (0, None)):
        click(qtbot, table, column)
        if table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            click(qtbot, table, column)
        shown = [table.item(r, column).text() for r in range(table.rowCount())]
        if key is None:  # dates: the oldest first
            files = [table.item(r, 1).text() for r in range(table.rowCount())]
            assert files == list(reversed(names))
        else:
            assert shown == sorted(shown, key=key)
