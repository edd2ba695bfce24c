"""ภาพรวมเด็ก clicked like a clerk would (issue 13): opened from the children list (button
and Ctrl+Enter), a section per module with the child's data, printed as a PDF through the
app's report path; a case worker sees no screening, grant or centre section; a caregiver
of another centre is refused (said in the window, nothing shown)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from child_page_kit import Demo, child_page_demo
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from desktop.domain.roles import Role
from desktop.gui.context import AppContext
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.child_page import ChildPageDialog
from desktop.gui.views.children_view import ChildrenView
from desktop.services.access import sign_in

TODAY = date(2026, 12, 1)


@pytest.fixture
def page_ctx(qapp, tmp_path: Path) -> Iterator[tuple[AppContext, Demo]]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    demo = child_page_demo(tmp_path / "samoe.db", TODAY)
    context = AppContext(demo.db, TaskRunner(), QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield context, demo
    context.tasks.wait(10_000)
    demo.db.dispose()


def _texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    out = [label.text() for label in [widget, *widget.findChildren(QLabel)] if isinstance(label, QLabel)]
    for table in widget.findChildren(QTableWidget):
        out += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    return out


def _select(view: ChildrenView, uuid: str) -> None:
    view.select_uuid(uuid)
    assert view.selected_uuid() == uuid


def test_the_page_opens_from_the_list_with_every_module(qtbot, page_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, demo = page_ctx
    view = ChildrenView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    _select(view, demo.small)
    qtbot.mouseClick(view.overview_button, Qt.MouseButton.LeftButton)
    dialog = view.overview
    qtbot.addWidget(dialog)
    assert list(dialog.sections) == ["registry", "screening", "grants", "centre", "growth", "dspm", "case"]
    case = _texts(dialog.sections["case"])
    assert "ประสานโรงเรียนรับเข้าเรียน" in case and "ฉบับที่ 1 อนุมัติแล้ว (ใช้อยู่)" in case
    assert any("1B26" in t for t in _texts(dialog.sections["dspm"]))
    assert any(t.startswith("ห้อง") for t in _texts(dialog.sections["centre"]))
    assert "ยังไม่เคยคัดกรอง" in " ".join(_texts(dialog.sections["screening"]))  # may read it, nothing recorded
    assert dialog.name in dialog.windowTitle()
    # the keyboard: Ctrl+Enter on the list opens the page of the selected child
    dialog.close()
    _select(view, demo.school)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.ui.table.setFocus()
    qtbot.waitUntil(view.ui.table.hasFocus, timeout=2000)
    qtbot.keyClick(view.ui.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.overview is not dialog, timeout=2000)
    school = view.overview
    qtbot.addWidget(school)
    assert "รับรองแล้ว" in _texts(school.sections["screening"])
    assert any(t.endswith("บาท") for t in _texts(school.sections["grants"]))


def test_the_page_prints_through_the_report_path(qtbot, page_ctx) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2

    ctx, demo = page_ctx
    dialog = ChildPageDialog(ctx, demo.small)
    qtbot.addWidget(dialog)
    dialog.documents.ask_options = False
    dialog.documents.show_preview = False
    with qtbot.waitSignal(ctx.tasks.ended, timeout=30_000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pdf = dialog.documents.last_pdf
    assert pdf is not None and pdf.exists()
    doc = pypdfium2.PdfDocument(str(pdf))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    assert "ภาพรวมข้อมูลเด็กรายบุคคล" in text and "ประสานโรงเรียนรับเข้าเรียน" in text


def test_a_case_worker_sees_no_screening_and_cannot_print(qtbot, page_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, demo = page_ctx
    sign_in(ctx.db, actor_with(Role.CASE_WORKER))
    try:
        dialog = ChildPageDialog(ctx, demo.small)
        qtbot.addWidget(dialog)
        dialog.show()
        assert list(dialog.sections) == ["registry", "case"]
        assert not dialog.print_button.isVisible()
        assert "การคัดกรองความยากจน" not in _texts(dialog)
    finally:
        sign_in(ctx.db, EVERY_ROLE)


def test_a_caregiver_of_another_centre_is_refused(qtbot, page_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, demo = page_ctx
    sign_in(ctx.db, actor_with(Role.CAREGIVER, institution_id=demo.other_centre_id, name="krunok"))
    try:
        dialog = ChildPageDialog(ctx, demo.small)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.sections == {}
        assert dialog.note_label.isVisible() and "krunok" in dialog.note_label.text()
        assert dialog.name == ""
    finally:
        sign_in(ctx.db, EVERY_ROLE)
    sign_in(ctx.db, actor_with(Role.CAREGIVER, institution_id=demo.centre_id))
    try:
        dialog = ChildPageDialog(ctx, demo.small)
        qtbot.addWidget(dialog)
        assert list(dialog.sections) == ["registry", "centre", "growth", "dspm"]
    finally:
        sign_in(ctx.db, EVERY_ROLE)
