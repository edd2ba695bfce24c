"""The children list on a small screen and from the keyboard: the name column keeps a long
Thai name whole, schools with a common prefix stay apart (elided in the middle, full name
as tooltip); Down from the search box goes into the results, Tab leaves the table; a new
school is in the filter at once; a filter restored at start shows it is on and one click
clears it; the schools' counts have thousands separators."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.views.children_view import FILTER_KEY, ChildrenView


def _window(qtbot, ctx: AppContext, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1024, 600))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("children")
    window.show()
    qtbot.waitExposed(window)
    return window


def test_names_stay_whole_at_1024(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, monkeypatch)
    table = window.children_view.ui.table
    metrics = table.fontMetrics()
    names = [window.children_view.model.index(r, 1).data() for r in range(30)]
    widest = max(metrics.horizontalAdvance(n) for n in names)
    assert table.columnWidth(1) >= widest + 8, (table.columnWidth(1), widest)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle  # schools: the differing ending stays
    assert table.columnWidth(5) >= 120  # what is left (children_columns.py): no sideways scroll
    assert table.horizontalScrollBar().maximum() == 0
    school = window.children_view.model.index(0, 5)
    assert school.data(Qt.ItemDataRole.ToolTipRole) == school.data()


def test_down_from_search_and_tab_out_of_the_table(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, monkeypatch)
    view = window.children_view
    view.ui.searchEdit.setFocus()
    QTest.keyClick(view.ui.searchEdit, Qt.Key.Key_Down)
    assert window.focusWidget() is view.ui.table
    assert view.ui.table.currentIndex().row() == 0
    assert not view.ui.table.tabKeyNavigation()


def test_new_institution_in_the_filter_at_once(qtbot, ctx: AppContext, monkeypatch, type_text) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx, monkeypatch)
    window.show_page("institutions")
    dialog = window.institutions_view.new_institution()
    dialog.ui.kindCombo.setCurrentIndex(1)
    type_text(dialog.ui.codeEdit, "3300100099")
    type_text(dialog.ui.nameEdit, "ศูนย์พัฒนาเด็กเล็กบ้านทดสอบใหม่")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    combo = window.children_view.ui.institutionCombo
    assert combo.findText("ศูนย์พัฒนาเด็กเล็กบ้านทดสอบใหม่") >= 0


def test_restored_filter_shows_and_clears_in_one_click(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    probe = ChildrenView(ctx)
    qtbot.addWidget(probe)
    first_school = probe.ui.institutionCombo.itemData(1)
    ctx.settings.setValue(FILTER_KEY, json.dumps({"institution_id": first_school, "year_be": None,
                                                  "level_code": None}))
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.ui.institutionCombo.currentData() == first_school
    assert view.clear_filter_button.isVisible()
    assert view.ui.institutionCombo.styleSheet()
    filtered = view.model.total()
    view.clear_filter_button.click()
    assert view.ui.institutionCombo.currentData() is None
    assert not view.clear_filter_button.isVisible()
    assert view.model.total() > filtered


def test_institution_counts_have_thousands_separators(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.institutions_view import InstitutionsView
    from desktop.services.institutions import list_institutions

    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    with ctx.db.reader() as session:
        row = list_institutions(session)[0]
    view.model.appendRow(view._items(replace(row, enrolled=12345)))
    table = view.ui.table
    index = view.proxy.mapFromSource(view.model.index(view.model.rowCount() - 1, 4))
    delegate = table.itemDelegateForIndex(index)
    assert delegate.displayText(index.data(), table.locale()) == "12,345"


def _window_at(qtbot, ctx: AppContext, monkeypatch, width: int, height: int) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window filling a screen of this size (less a 40 px task bar), as a
    maximised one does; the children page shown."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, width, height - 40))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(width, height - 40)
    window.show_page("home")
    window.show()
    qtbot.waitExposed(window)
    window.show_page("children")  # fitted while hidden, shown later
    qtbot.wait(50)
    return window


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1366, 768)])
def test_columns_fit_without_scrolling_sideways(qtbot, ctx: AppContext, monkeypatch, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = _window_at(qtbot, ctx, monkeypatch, width, height)
    view = window.children_view
    table = view.ui.table
    assert table.horizontalScrollBar().maximum() == 0, "the list scrolls sideways"
    shown = [c for c in range(view.model.columnCount()) if not table.isColumnHidden(c)]
    assert {6, 7} <= set(shown)  # class and room
    right = max(table.columnViewportPosition(c) + table.columnWidth(c) for c in shown)
    assert table.viewport().width() - 2 <= right <= table.viewport().width()  # filled, no gap
    assert table.columnWidth(5) >= (120 if width == 1024 else 300)  # the school, elided in the middle, whole as tooltip
    metrics = table.fontMetrics()
    for column in shown:
        if column == 5:
            continue
        texts = [view.model.index(r, column).data() or "" for r in range(40)]
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert table.columnWidth(column) >= widest + 8, (column, table.columnWidth(column), widest)
    names = [view.model.index(r, 1).data() for r in range(40)]
    tips = [view.model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole) for r in range(40)]
    children = [n for n in names if n.startswith(("ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง"))]
    assert len(children) > 30
    if width == 1024:  # the short prefix, the whole name as tooltip
        assert all(not n.startswith(("เด็กชาย", "เด็กหญิง")) for n in names)
        assert any(t.startswith(("เด็กชาย", "เด็กหญิง")) for t in tips)
    else:
        assert any(n.startswith(("เด็กชาย", "เด็กหญิง")) for n in names)


def test_the_search_box_keeps_room_at_1024_with_a_filter_on(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window_at(qtbot, ctx, monkeypatch, 1024, 600)
    view = window.children_view
    view.ui.levelCombo.setCurrentIndex(3)  # a filter on: the clear button shows too
    qtbot.wait(50)
    assert view.clear_filter_button.isVisible()
    assert view.ui.searchEdit.width() >= 170, view.ui.searchEdit.width()
    right = view.ui.deletedCheck.geometry().right()
    assert right <= view.width(), (right, view.width())
    assert window.width() <= 1024 and window.minimumSizeHint().width() <= 1024, window.width()
