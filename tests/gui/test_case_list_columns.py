"""The cases list is readable on a 1024x600 netbook (issue 13): the clerk planning a
tracing trip reads each child's name, status, its date and the next follow-up whole (the
short columns as wide as their widest value, the name taking the rest), the longest status
there is fits, no header is cut (their whole wording in the header's tooltip), and the
filter boxes show their placeholders whole. On a laptop (1366) the worker's column is
there too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import case_children
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionHeader, QTableView
from sqlalchemy import select

from desktop.domain.cases import CaseStatus, status_label
from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.services.access import sign_in
from desktop.store.case_state import OosCase
from desktop.store.models import Child

NAME, STATUS, SINCE, WORKER, FOLLOW = 0, 2, 3, 4, 7
LONGEST = max((status_label(s) for s in CaseStatus), key=len)


@pytest.fixture
def ctx(qapp, office_db, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    from desktop.services.cases import open_case

    register_fonts(qapp)
    kit = case_children(office_db, 8)
    with office_db.session() as s:
        for uuid in kit.children:
            open_case(s, uuid, date(2026, 10, 1), source="teacher", worker="worker1")
        child = s.scalars(select(Child).order_by(Child.id)).first()
        assert child is not None
        child.prefix, child.first_name, child.last_name = "เด็กชาย", "ปัณณวัฒน์", "ประเสริฐศรี"  # the demo's longest
        cases = list(s.scalars(select(OosCase).order_by(OosCase.id)))
        cases[0].follow_due_on = date.today() - timedelta(days=58)  # overdue: "เลยกำหนด 58 วัน"
        cases[1].follow_due_on = date.today() + timedelta(days=20)
        for case, status in zip(cases[2:], CaseStatus, strict=False):
            case.status = status.value
        # the longest status, first in the list (overdue)
        cases[0].status = next(s.value for s in CaseStatus if status_label(s) == LONGEST)
    context = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    sign_in(office_db, actor_with(Role.CASE_WORKER, name="worker1"))
    yield context
    context.tasks.wait(10_000)
    sign_in(office_db, EVERY_ROLE)


def _window(qtbot, ctx: AppContext, monkeypatch, width: int, height: int):  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("cases")
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.width() <= width
    return window


def _whole(table: QTableView, row: int, column: int) -> bool:
    """The cell shows its text without eliding: the column holds the text and the item's
    margins (the delegate's focus frame margin + 1 each side)."""
    text = table.model().index(row, column).data()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text) + 2 * margin


def _header_whole(table: QTableView, column: int) -> bool:
    header = table.horizontalHeader()
    text = table.model().headerData(column, Qt.Orientation.Horizontal)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, QStyleOptionHeader(), header)
    return header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text) + 2 * margin


def _placeholder_whole(edit: QLineEdit) -> bool:
    # the line edit's frame and its text margins (Qt: 2 px each side, the frame's width)
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    room = edit.width() - 2 * frame - 4
    if edit.isClearButtonEnabled():
        room -= edit.height()  # the clear button's room, when there is text
    return room >= edit.fontMetrics().horizontalAdvance(edit.placeholderText())


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_list_reads_whole_on_a_netbook(qtbot, ctx: AppContext, monkeypatch, size) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, monkeypatch, *size)
    view = window.cases_view
    table, model = view.table, view.model
    assert model.rowCount() == 8
    assert model.index(0, STATUS).data() == LONGEST
    assert model.index(0, FOLLOW).data() == "เลยกำหนด 58 วัน"
    assert any("ประเสริฐศรี" in model.index(r, NAME).data() for r in range(model.rowCount()))
    for row in range(model.rowCount()):
        for column in (NAME, STATUS, SINCE, FOLLOW):
            assert _whole(table, row, column), (size, row, column, model.index(row, column).data(),
                                                table.columnWidth(column))
    # the longest status there is, whatever the rows
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    widest = max(table.fontMetrics().horizontalAdvance(status_label(s)) for s in CaseStatus)
    assert table.columnWidth(STATUS) >= widest + 2 * margin
    for column in range(model.columnCount()):
        if not table.isColumnHidden(column):
            assert _header_whole(table, column), (size, column, model.headerData(column, Qt.Orientation.Horizontal))
            tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert tip, column
    # the table holds its columns: no horizontal scrolling
    assert table.horizontalHeader().length() <= table.viewport().width()
    for edit in (view.search_edit, view.worker_edit, view.village_edit):
        assert _placeholder_whole(edit), (size, edit.placeholderText(), edit.width())
    if size[0] == 1366:
        assert not table.isColumnHidden(WORKER)
    else:  # the worker steps aside for the name, named in its tooltip
        assert table.isColumnHidden(WORKER)
        assert model.index(0, WORKER).data()
        assert model.index(0, WORKER).data() in model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)


def test_keyboard_order_of_the_filters(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, monkeypatch, 1024, 600)
    view = window.cases_view
    order = [view.search_edit, view.status_combo, view.worker_edit, view.village_edit, view.order_combo,
             view.mine_check]
    window.activateWindow()
    view.search_edit.setFocus()
    qtbot.waitUntil(lambda: view.search_edit.hasFocus())
    for after in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, (after, QApplication.focusWidget())
