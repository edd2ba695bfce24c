"""The province's mode, clicked through offscreen on a province that really imported
bundles from two municipalities (tests/exchange/province_kit.py): the จังหวัด section and
no spreadsheet import on a province's database, none of it on a municipality's; the
municipalities page (the quiet one in colour and in words, Enter opens its bundles, the
limit in days is kept), the reconcile page decided with the keyboard (the pair moves below,
the decision is audited), and every list printed and exported."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))

from office_kit import TOWN_A, TOWN_B  # noqa: E402
from province_kit import Province, make_province  # noqa: E402

from desktop.gui.context import AppContext  # noqa: E402
from desktop.gui.resources import register_fonts  # noqa: E402
from desktop.gui.tasks import TaskRunner  # noqa: E402
from desktop.store.exchange_state import Reconcile  # noqa: E402
from desktop.store.models import AuditEntry  # noqa: E402


@pytest.fixture
def province(qapp, tmp_path: Path, cheap_wraps: None) -> Iterator[Province]:  # type: ignore[no-untyped-def]
    register_fonts(qapp)
    made = make_province(tmp_path / "sites")
    yield made
    made.close()


def _ctx(db, tmp_path: Path, name: str) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(db, TaskRunner(), QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))


def _shown(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)


def _focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def _nav(window) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """Each page's key → whether its entry shows in the navigation."""
    tree = window.ui.navTree
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            out[child.data(0, Qt.ItemDataRole.UserRole)] = not (child.isHidden() or top.isHidden())
    return out


def test_the_province_mode_and_not_at_a_municipality(qtbot, province: Province, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.main_window import MainWindow

    ctx = _ctx(province.p.db, tmp_path, "p")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    shown = _nav(window)
    assert shown["province-municipalities"] and shown["province-reconcile"] and shown["children"]
    assert not shown["imports"] and not window.ui.importAction.isVisible()
    assert not shown["screenings"]  # the screening form is a school's work
    tree = window.ui.navTree
    assert tree.topLevelItem(1).text(0) == "จังหวัด"  # right under the home page
    window.show_page("province-reconcile")
    assert window.ui.stack.currentWidget() is window.province_mode.reconcile
    ctx.tasks.wait(10_000)

    town = _ctx(province.a.db, tmp_path, "a")
    other = MainWindow(town)
    qtbot.addWidget(other)
    assert "province-municipalities" not in _nav(other) and _nav(other)["imports"] and _nav(other)["screenings"]
    assert other.province_mode.municipalities is None
    town.tasks.wait(10_000)


def test_municipalities_page(qtbot, province: Province, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.province_municipalities import STALE_BRUSH, ProvinceMunicipalitiesView

    ctx = _ctx(province.p.db, tmp_path, "p")
    view = ProvinceMunicipalitiesView(ctx)
    _shown(qtbot, view)
    table = view.table
    assert table.rowCount() == 2
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    b, a = rows[TOWN_B[0]], rows[TOWN_A[0]]
    assert b == 0  # the quiet one first
    assert table.item(b, 2).text().startswith("ไม่ได้ส่ง") and table.item(b, 2).background() == STALE_BRUSH
    assert table.item(a, 2).text() == "ปกติ" and table.item(a, 2).background() != STALE_BRUSH
    assert table.item(a, 1).text() == TOWN_A[1] and table.item(a, 6).text() == "30" and table.item(a, 3).text() == "2"
    assert "1 แห่ง" in view.summary.text()

    _focus(qtbot, table)
    table.selectRow(a)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 0).text() == "2"
    assert TOWN_A[1] in dialog.windowTitle()
    dialog.close()

    view.search.setText("โนน")  # search: only B
    assert [r for r in range(table.rowCount()) if not table.isRowHidden(r)] == [b]
    assert view.filters.button.isVisible()
    view.filters.button.click()
    assert not any(table.isRowHidden(r) for r in range(table.rowCount()))

    view.days.setValue(90)  # the limit: B is no longer quiet enough to stand out
    view.days.editingFinished.emit()
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows[TOWN_B[0]], 2).text() == "ปกติ"
    view2 = ProvinceMunicipalitiesView(ctx)  # kept in the database
    qtbot.addWidget(view2)
    view2.refresh()
    assert view2.days.value() == 90

    view.documents.ask_options = False
    view.documents.show_preview = False
    view.print_list()
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    assert view.documents.last_pdf is not None and view.documents.last_pdf.stat().st_size > 1000
    view.print_summary()
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    assert "province-summary" in view.documents.last_pdf.name
    out = tmp_path / "m.xlsx"
    from desktop.services.province_documents import export_municipalities

    view.documents.export("อปท.", "province-municipalities",
                          lambda session, path, progress: export_municipalities(session, path, progress=progress),
                          path=out)
    ctx.tasks.wait(60_000)
    assert out.exists()


def test_reconcile_page_decided_with_the_keyboard(qtbot, province: Province, tmp_path: Path, type_text) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views.province_reconcile import ProvinceReconcileView

    ctx = _ctx(province.p.db, tmp_path, "p")
    view = ProvinceReconcileView(ctx)
    _shown(qtbot, view)
    table = view.table
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "รอตรวจสอบ"
    assert TOWN_B[1] in table.item(0, 2).text() and table.item(0, 3).text() == "ด.ช.ย้ายมา จากบ้านใหม่"
    assert TOWN_A[1] in table.item(0, 5).text() and table.item(0, 4).text() != "-"
    assert "รอตรวจสอบ 1 คู่" in view.count_label.text()

    _focus(qtbot, table)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_2)  # 2: ข้อมูลผิด, the note next
    assert view.radios["error"].isChecked() and view.note.hasFocus()
    type_text(view.note, "เลขบัตรพิมพ์ผิด")
    messages: list[str] = []
    view.status_message.connect(lambda text, _undo: messages.append(text))
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert table.item(0, 1).text() == "ข้อมูลผิด" and table.item(0, 9).text() == "เลขบัตรพิมพ์ผิด"
    assert messages and "ข้อมูลผิด" in messages[-1]
    assert "รอตรวจสอบ 0 คู่" in view.count_label.text()
    with province.p.db.reader() as s:
        pair = s.scalars(select(Reconcile)).one()
        assert (pair.decision, pair.note, pair.decided_by) == ("error", "เลขบัตรพิมพ์ผิด", "admin")
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_reconcile")).one()

    view.show_combo.setCurrentIndex(1)  # รอตรวจสอบ: none left
    assert all(table.isRowHidden(r) for r in range(table.rowCount())) and not view.save_button.isEnabled()
    view.clear_filter()
    view.search.setText(province.moved_national_id[:6])
    assert not table.isRowHidden(0)

    view.documents.ask_options = False
    view.documents.show_preview = False
    view.print_list()
    ctx.tasks.wait(60_000)
    QApplication.processEvents()
    assert view.documents.last_pdf is not None and "province-reconcile" in view.documents.last_pdf.name


def test_deciding_needs_a_choice_and_the_right_role(qtbot, province: Province, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from actors import actor_with
    from modals import answer

    from desktop.domain.roles import Role
    from desktop.gui.views.province_reconcile import ProvinceReconcileView
    from desktop.services.access import sign_in

    ctx = _ctx(province.p.db, tmp_path, "p")
    view = ProvinceReconcileView(ctx)
    qtbot.addWidget(view)
    view.show()
    messages: list[str] = []
    view.status_message.connect(lambda text, _undo: messages.append(text))
    view.save_button.click()  # no choice yet: said, nothing saved
    assert messages and "เลือกผลก่อน" in messages[-1]
    sign_in(province.p.db, actor_with(Role.CERTIFIER))  # may not merge
    view.radios["moved"].setChecked(True)
    seen: list[str] = []

    def note(box) -> None:  # type: ignore[no-untyped-def]
        seen.append(box.text())
        box.buttons()[0].click()

    left = answer(note)
    view.save_button.click()
    assert not left and seen and seen[0].strip()
    with province.p.db.reader() as s:
        assert s.scalars(select(Reconcile)).one().decision == ""


def test_a_user_without_the_province_roles_is_told(qtbot, province: Province, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.gui.views.province_municipalities import ProvinceMunicipalitiesView
    from desktop.gui.views.province_reconcile import ProvinceReconcileView
    from desktop.services.access import sign_in

    sign_in(province.p.db, actor_with(Role.ADMIN))
    ctx = _ctx(province.p.db, tmp_path, "p")
    municipalities, reconcile = ProvinceMunicipalitiesView(ctx), ProvinceReconcileView(ctx)
    for view in (municipalities, reconcile):
        qtbot.addWidget(view)
        view.show()
        assert view.table.rowCount() == 0
    assert "เจ้าหน้าที่จังหวัด" in municipalities.summary.text()
    assert "เจ้าหน้าที่จังหวัด" in reconcile.count_label.text() and not reconcile.save_button.isEnabled()
