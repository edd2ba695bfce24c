"""The home page (first in the navigation) and the office settings page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from sqlalchemy import update

from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.tasks import TaskRunner
from desktop.services.office import local_office
from desktop.store.db import Database
from desktop.store.models import Child


def _window(qtbot, ctx: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1000, 580)
    window.show()
    return window


def _home(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    home = window.home_view
    with qtbot.waitSignal(home.loaded, timeout=10_000):
        if window.ui.stack.currentWidget() is home:
            home.refresh()
        else:
            window.show_page("home")
    return home


def _office_ctx(office_db: Database, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return AppContext(office_db, TaskRunner(), settings)


def test_home_is_the_first_page_and_shows_the_demo_registry(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        ids = [c.id for c in s.query(Child).filter(Child.id_type != "none").limit(5)]
        s.execute(update(Child).where(Child.id.in_(ids)).values(id_type="none", national_id=None, g_code=None))
        without_id = s.query(Child).filter(Child.id_type == "none", Child.deleted_at.is_(None)).count()
    assert without_id >= 5
    window = _window(qtbot, ctx)
    first = window.ui.navTree.topLevelItem(0)
    assert first.data(0, Qt.ItemDataRole.UserRole) == "home"
    assert window.ui.stack.currentWidget() is window.home_view  # the page at start
    home = _home(qtbot, window)
    ui = home.ui
    with ctx.db.reader() as s:
        office = local_office(s)
    assert office is not None and ui.officeLabel.text() == office.name
    assert office.code in ui.officeDetailLabel.text()
    assert "300" in ui.childrenButton.text()
    assert ui.demoBadge.isVisible() and "ไม่ใช่ข้อมูลจริง" in ui.demoBadge.text()
    assert ui.importLabel.text() == "ยังไม่เคยนำเข้า" and ui.exportLabel.text() == "ยังไม่เคยส่งออก"
    assert ui.todoList.isVisible() and ui.todoList.count() >= 1
    todo = ui.todoList.item(0)
    assert "เลขประจำตัว" in todo.text() and todo.text().endswith(f": {without_id:,}")
    home.ui.todoList.itemActivated.emit(todo)
    assert window.ui.stack.currentWidget() is window.children_view
    window.show_page("home")
    qtbot.mouseClick(ui.householdsButton, Qt.MouseButton.LeftButton)
    assert window.ui.stack.currentWidget() is window.households_view


def test_home_of_a_real_registry_has_no_badge_and_shows_the_last_export(qtbot, office_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = _office_ctx(office_db, tmp_path)
    window = _window(qtbot, ctx)
    home = _home(qtbot, window)
    assert not home.ui.demoBadge.isVisible() and "ตัวอย่าง" not in window.windowTitle()
    assert "0" in home.ui.childrenButton.text() and home.ui.noTodoLabel.isVisible()
    # an export made from the window is recorded and shown
    from desktop.services.exports import export_institutions

    out = tmp_path / "สถานศึกษา.xlsx"
    with qtbot.waitSignal(ctx.tasks.ended, timeout=20_000):
        window.institutions_view.documents.export(
            "รายชื่อสถานศึกษา", "institutions",
            lambda session, path, progress: export_institutions(session, path, progress=progress), path=out)
    assert out.exists()
    home = _home(qtbot, window)
    assert "รายชื่อสถานศึกษา" in home.ui.exportLabel.text() and "สถานศึกษา.xlsx" in home.ui.exportLabel.text()


def test_settings_page_refuses_a_bad_code_and_saves_a_good_one(qtbot, office_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = _office_ctx(office_db, tmp_path)
    window = _window(qtbot, ctx)
    window.ui.officeAction.trigger()  # File › ตั้งค่าหน่วยงาน… opens the page
    view = window.office_view
    assert window.ui.stack.currentWidget() is view
    form = view.form.ui
    assert form.codeEdit.text() == "9999999"
    form.nameEdit.setText("เทศบาลตำบลทดสอบใหม่")
    form.codeEdit.setText("99999")
    view.ui.saveButton.click()
    assert form.codeError.isVisible() and "7 หลัก" in form.codeError.text()
    with office_db.reader() as s:
        office = local_office(s)
        assert office is not None and office.code == "9999999" and office.name == "เทศบาลตำบลทดสอบ"
    form.codeEdit.setText("๙๙๙๙๙๙๘")
    form.provinceEdit.setText("บุรีรัมย์")
    view.ui.saveButton.click()
    assert not form.codeError.isVisible()
    with office_db.reader() as s:
        office = local_office(s)
        assert office is not None and (office.name, office.code, office.province) == (
            "เทศบาลตำบลทดสอบใหม่", "9999998", "บุรีรัมย์")
    assert "เทศบาลตำบลทดสอบใหม่" in window.windowTitle()
    assert "บันทึก" in window.message_label.text()
