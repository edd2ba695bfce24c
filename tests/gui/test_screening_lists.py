"""The screenings page's four lists (issue 11), clicked through offscreen: the tabs (the
screenings, who is not screened yet, households with no photo or no position, the term's
dashboard), each searched, sorted by its header and printed (the preview opens) or exported
in the order shown; Enter on a child not yet screened opens a new form for the term."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from needs import require_tool
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select
from test_screening_form import type_in
from test_screening_list import _children, _screen, _view

from desktop.domain.sort_keys import natural_sort_key
from desktop.gui.context import AppContext
from desktop.gui.views.screening_lists import ScreeningListPage
from desktop.gui.views.screenings_view import ScreeningsView
from desktop.services.screening_list import term_dashboard
from desktop.store.models import Institution
from desktop.store.screening_state import Screening


def _tab(qtbot: Any, view: ScreeningsView, kind: str) -> ScreeningListPage:
    """Click the list's tab."""
    page = view.pages[kind]
    bar = view.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(view.tabs.indexOf(page)).center())
    assert view.tabs.currentWidget() is page and page.isVisible()
    return page


def _click_header(page: ScreeningListPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _column(page: ScreeningListPage, column: int) -> list[str]:
    return [page.cell(n, column) for n in range(page.row_count())]


def _uuids(page: ScreeningListPage) -> list[str]:
    return [page.uuid_at(n) for n in range(page.row_count())]


def _quiet(page: ScreeningListPage, preview: bool = False) -> None:
    page.documents.ask_options = False
    page.documents.show_preview = preview


@pytest.fixture
def screened(ctx: AppContext) -> list[str]:
    with ctx.db.reader() as s:  # the follow-up lists and the dashboard are of school children
        schools = set(s.scalars(select(Institution.id).where(Institution.kind == "school")))
    children = [c for c in _children(ctx, 60) if c[2] in schools]
    uuids = [_screen(ctx, c[0], c[1]) for c in children[:3]]
    with ctx.db.session() as s:  # the three have no photo; the first has its position
        first = s.scalars(select(Screening).where(Screening.uuid == uuids[0])).one()
        first.lat_e6, first.lon_e6 = 14_975_000, 102_100_000
    return [c[0] for c in children[:3]]


def test_not_screened_yet_searched_sorted_and_opened(qtbot, ctx: AppContext, screened: list[str]) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, ctx)
    page = _tab(qtbot, view, "unscreened")
    with ctx.db.reader() as s:
        counts = term_dashboard(s, 2569, 1)
    assert page.row_count() == sum(c.enrolled - c.screened for c in counts) > 0
    assert set(_uuids(page)).isdisjoint(screened)
    assert "ยังไม่ได้คัดกรอง" in page.count_label.text()
    _click_header(page, 0)
    _click_header(page, 0)  # twice: descending
    names = _column(page, 0)
    assert names == sorted(names, key=natural_sort_key, reverse=True)
    assert page.sort == (0, True)
    word = names[0].split()[-1]
    type_in(word, page.search_edit)
    qtbot.waitUntil(lambda: page.row_count() < len(names))
    assert all(word in n for n in _column(page, 0)) and page.filters.button.isVisible()
    page.institution_combo.setCurrentIndex(1)
    school = page.institution_combo.currentText()
    assert set(_column(page, 1)) <= {school}
    page.filters.button.click()
    assert page.row_count() == len(names) and page.search_edit.text() == ""
    page.table.setFocus()
    page.table.selectRow(0)
    child = _uuids(page)[0]
    assert view.open_button.text() == "คัดกรองเด็กคนนี้" and view.open_button.isEnabled()
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter: a new form for the child this term
    form = view.form
    assert form is not None and form.isVisible() and form.detail.child_uuid == child and not form.detail.uuid
    form.close()


def test_no_photo_or_position_and_the_dashboard(qtbot, ctx: AppContext, screened: list[str]) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, ctx)
    page = _tab(qtbot, view, "no_photo_gps")
    assert sorted(_uuids(page)) == sorted(screened)
    what = dict(zip(_uuids(page), _column(page, 4), strict=True))
    assert "ไม่มีรูปถ่าย" in what[screened[0]] and "พิกัด" not in what[screened[0]]
    assert "ไม่มีพิกัดบ้าน" in what[screened[1]]
    dash = _tab(qtbot, view, "dashboard")
    with ctx.db.reader() as s:
        counts = term_dashboard(s, 2569, 1)
    assert _column(dash, 0) == [c.institution for c in counts]
    assert sum(int(x.replace(",", "")) for x in _column(dash, 2)) == 3
    assert "คัดกรองแล้ว 3" in dash.count_label.text()
    assert not view.open_button.isEnabled()


def test_the_screened_list_prints_in_the_preview_as_shown(qtbot, ctx: AppContext, screened: list[str]) -> None:  # type: ignore[no-untyped-def]
    require_tool("pdftotext", "apt-get install poppler-utils")
    view = _view(qtbot, ctx)
    page = view.pages["screened"]
    _quiet(page, preview=True)
    _click_header(page, 1)
    _click_header(page, 1)
    names = _column(page, 1)
    assert len(names) == 3 and names == sorted(names, key=natural_sort_key, reverse=True)
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        page.print_button.click()
    pdf = page.documents.last_pdf
    assert pdf is not None and pdf.exists()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)  # the order shown
    preview = page.documents.last_preview
    assert preview is not None and preview.isVisible()
    preview.close()


def test_each_list_exports_what_it_shows(qtbot, ctx: AppContext, screened: list[str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, ctx)
    for kind in ("unscreened", "dashboard"):
        page = _tab(qtbot, view, kind)
        _click_header(page, 1)  # the school (unscreened), the children (dashboard)
        target = tmp_path / f"{kind}.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), "สมุดงาน Excel (*.xlsx)"))
        with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
            page.export_button.click()
        sheet = load_workbook(target, read_only=True).active
        assert sheet is not None
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        start = next(i for i, r in enumerate(values) if r[0] in ("ชื่อ-สกุล", "สถานศึกษา")) + 1
        body = values[start:]
        if kind == "dashboard":
            assert body[-1][0] == "รวม"
            body = body[:-1]
        assert [str(r[0]) for r in body] == _column(page, 0)


def test_a_teacher_has_no_print_or_export(qtbot, ctx: AppContext, screened: list[str]) -> None:  # type: ignore[no-untyped-def]
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import sign_in

    sign_in(ctx.db, actor_with(Role.TEACHER))
    view = _view(qtbot, ctx)
    page = view.pages["screened"]
    assert not page.print_button.isEnabled() and not page.export_button.isEnabled()
    assert [view.tabs.isTabVisible(view.tabs.indexOf(view.pages[k])) for k in view.pages] == [True, False, False, False]
    dash = view.pages["dashboard"]
    dash.refresh()  # reached anyway: the service refuses
    assert dash.row_count() == 0 and dash.count_label.text()
