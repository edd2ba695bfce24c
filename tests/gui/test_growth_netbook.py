"""The growth and DSPM screens on a 1024×600 netbook (issue 12), as a caregiver sees them:
every button shows its whole label (none cut, none that reads as cut off), and the growth
lists fit the page's width without a sideways scroll bar, the full column names and the
full cell texts still there as tooltips."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from test_small_screens import _child_development, _growth_page

from desktop.gui.context import AppContext
from desktop.services.growth_documents import ListRow, Z

# the widest rows a centre's list shows: a long name, room, reading and hospital
NAME = "เด็กหญิงณัฐธิดาพรรณ ศรีสุวรรณวงศ์ไพศาล"
MEASURED = ListRow("u1", (NAME, "ศูนย์พัฒนาเด็กเล็กบ้านดอนแดง", "ห้องเด็กเล็ก 2 ขวบ", date(2026, 11, 24), 107.5, 112.5,
                          Z(-1.64), Z(-1.59), Z(-2.18), "ค่อนข้างน้อย / ค่อนข้างเตี้ย / ค่อนข้างผอม"), "wfh_wasted")
WIDE = {"thin": MEASURED, "short": MEASURED, "obese": MEASURED,
        "referrals": ListRow("u2", (NAME, "ศูนย์", 42, "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่ (ตัวอย่าง)", "ตัวอย่าง 1/2569",
                                    date(2026, 11, 2), 29))}

NETBOOK = (1024, 600)


@pytest.fixture
def netbook(monkeypatch: Any) -> tuple[int, int]:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, *NETBOOK))
    return NETBOOK


def clipped_buttons(widget: QWidget) -> list[str]:
    """Buttons narrower than their label needs (Qt then cuts the text), and labels that end
    in "…" right before a shortcut, which reads as a label cut short."""
    QApplication.processEvents()
    found = []
    for b in widget.findChildren(QPushButton):
        if not b.isVisibleTo(widget):
            continue
        if b.width() < b.sizeHint().width():
            found.append(f"{b.text()} ({b.width()} < {b.sizeHint().width()})")
        elif "… (" in b.text() or "... (" in b.text():
            found.append(f"{b.text()} (reads as cut off)")
    return found


def test_the_growth_chart_print_button_shows_its_label(qtbot: Any, ctx: AppContext, tmp_path: Any,
                                                       netbook: tuple[int, int]) -> None:
    dialog = _child_development(ctx, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert clipped_buttons(dialog) == [], dialog.tabs.tabText(tab)
    dialog.tabs.setCurrentIndex(1)
    button = dialog.print_chart_button
    assert "Ctrl+P" in button.toolTip()


def test_the_growth_lists_fit_without_a_sideways_scroll(qtbot: Any, ctx: AppContext, tmp_path: Any,
                                                        netbook: tuple[int, int]) -> None:
    window = _growth_page(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    view = window.growth_view
    assert clipped_buttons(view) == []
    edit = view.child_edit  # what to type to open a child: the whole placeholder shows
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()), edit.width()
    for kind, page in view.pages.items():
        view.tabs.setCurrentWidget(page)
        page.refresh()
        if kind in WIDE:
            page.rows = [WIDE[kind]] * 3
            page.apply_filter()
        QApplication.processEvents()
        bar = page.table.horizontalScrollBar()
        assert bar.maximum() == 0, (kind, bar.maximum())
        model = page.model
        for column in range(model.columnCount()):  # every short header says in full what it is
            full = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert full, (kind, model.headers[column])
        if model.rowCount():  # a cell cut short by the stretched name column is whole in its tooltip
            assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == model.texts[0][0]
        if kind in WIDE:  # the name and the long text share the width, neither squeezed out
            assert page.table.columnWidth(0) >= 150 and page.table.columnWidth(page.flex or 0) >= 150, kind


def test_the_dspm_check_shows_its_items_at_their_own_height(qtbot: Any, ctx: AppContext, tmp_path: Any,
                                                            netbook: tuple[int, int]) -> None:
    """The items were sized while the table was still narrow: a one-line skill took three
    lines' height and three items showed on a netbook; each row is now as tall as its text."""
    from test_small_screens import _dspm_check

    dialog = _dspm_check(ctx, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    grid = dialog.grid
    line = grid.fontMetrics().height()
    for row in range(grid.rowCount()):
        skill = grid.item(row, 2).text()
        if grid.fontMetrics().horizontalAdvance(skill) < grid.columnWidth(2) - 16:  # fits one line
            assert grid.rowHeight(row) < 2 * line + 4, (skill, grid.rowHeight(row), line)
