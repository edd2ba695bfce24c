"""First start and set-up: never half done, demo data in its own database, and the
database the window shows switched by File › New, Open and the recent list."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from modals import answer, click, fill_admin, fill_office, reject
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.resources import register_fonts
from desktop.gui.tasks import TaskRunner
from desktop.paths import default_db_path, demo_db_path
from desktop.services.children_query import ChildFilter, count_children
from desktop.services.office import is_demo, local_office
from desktop.store.db import Database, sqlite_path
from desktop.store.models import Institution

REAL, DEMO, LEAVE = "เริ่มฐานข้อมูลจริง", "ทดลองด้วยข้อมูลตัวอย่าง", "ออกจากโปรแกรม"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shell(qapp, settings: QSettings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.gui.shell import Shell

    register_fonts(qapp)
    made = Shell(settings)
    yield made
    made.close()


def _count(path: Path, model: type) -> int:
    db = Database.open(path)
    try:
        with db.reader() as s:
            return int(s.query(model).count())
    finally:
        db.dispose()


def test_cancelling_the_set_up_leaves_no_database_and_asks_again(shell) -> None:  # type: ignore[no-untyped-def]
    questions: list[str] = []
    left = answer(click(REAL, questions), reject, click(LEAVE, questions))
    assert shell.start(None) == 0
    assert not left and len(questions) == 2  # asked again after the cancelled set-up
    assert not default_db_path().exists() and not demo_db_path().exists()
    assert shell.window is None


def test_set_up_checks_each_field_then_makes_the_database(shell) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []

    def bad_code_first(dialog: QWidget) -> None:
        form = dialog.form  # type: ignore[attr-defined]
        assert dialog.isVisible() and form.ui.codeError.isVisible()  # refused, still open
        errors.append(form.ui.codeError.text())
        assert not default_db_path().exists()  # nothing made yet
        fill_office("เทศบาลตำบลบ้านใหม่", "๖๓๐๐๑๐๑", "นครราชสีมา")(dialog)

    left = answer(click(REAL), fill_office("เทศบาลตำบลบ้านใหม่", "63001", then=bad_code_first), fill_admin())
    assert shell.start(None) is None
    assert not left and "7 หลัก" in errors[0]
    window = shell.window
    assert "เทศบาลตำบลบ้านใหม่" in window.windowTitle() and "ตัวอย่าง" not in window.windowTitle()
    with window.ctx.db.reader() as s:
        office = local_office(s)
        assert office is not None and office.code == "6300101" and not is_demo(s)
        from desktop.services.exchange_keys import current_card

        card = current_card(s)  # the set-up made the office's exchange keys
        assert card is not None and card.keys.office_code == "6300101"
    assert sqlite_path(window.ctx.db.url) == default_db_path().resolve()


def test_demo_at_first_start_is_its_own_database(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    answer(click(DEMO), fill_admin())
    assert shell.start(None) is None
    window = shell.window
    qtbot.waitUntil(lambda: not window.ctx.tasks.running, timeout=60_000)
    assert sqlite_path(window.ctx.db.url) == demo_db_path().resolve()
    assert "ข้อมูลตัวอย่าง" in window.windowTitle()
    with window.ctx.db.reader() as s:
        assert is_demo(s) and count_children(s, ChildFilter()) == 2000
    assert not default_db_path().exists()  # the real registry was not touched


def test_new_open_and_recent_switch_databases(qtbot, shell, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answer(click(DEMO), fill_admin())
    assert shell.start(None) is None
    demo_window = shell.window
    qtbot.waitUntil(lambda: not demo_window.ctx.tasks.running, timeout=60_000)

    # File › New: the office first, then the file; the demo database is left as it is
    real = tmp_path / "ทะเบียนจริง.db"
    offered: list[str] = []
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName",
                        lambda _parent, _caption, start, *a, **k: (offered.append(start), (str(real), ""))[1])
    answer(fill_office("เทศบาลตำบลโนนสูง", "6300102", "นครราชสีมา"), fill_admin())
    demo_window.ui.newDbAction.trigger()
    assert offered == [str(default_db_path())]  # the first real one where Samoe looks by default
    real_window = shell.window
    assert real_window is not demo_window
    assert sqlite_path(real_window.ctx.db.url) == real.resolve()
    assert "เทศบาลตำบลโนนสูง" in real_window.windowTitle()
    assert "ตัวอย่าง" not in real_window.windowTitle()
    with real_window.ctx.db.reader() as s:
        assert count_children(s, ChildFilter()) == 0 and not is_demo(s)
    assert _count(real, Institution) == 0

    # the recent list has both; choosing the demo database reopens it
    real_window.ui.recentMenu.aboutToShow.emit()
    entries = {a.data(): a for a in real_window.ui.recentMenu.actions() if a.data()}
    assert set(entries) >= {str(real.resolve()), str(demo_db_path().resolve())}
    assert not entries[str(real.resolve())].isEnabled()  # the open one
    entries[str(demo_db_path().resolve())].trigger()
    assert sqlite_path(shell.window.ctx.db.url) == demo_db_path().resolve()
    assert "ข้อมูลตัวอย่าง" in shell.window.windowTitle()

    # File › Open a file by name
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(real), ""))
    shell.window.ui.openDbAction.trigger()
    assert sqlite_path(shell.window.ctx.db.url) == real.resolve()


def test_open_refuses_missing_damaged_and_newer_files_in_thai(shell, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answer(click(REAL), fill_office("เทศบาลตำบลบ้านใหม่", "6300101"), fill_admin())
    assert shell.start(None) is None
    window = shell.window
    damaged = tmp_path / "เสีย.db"
    damaged.write_bytes(b"this is not a database" * 100)
    newer = tmp_path / "ใหม่กว่า.db"
    conn = sqlite3.connect(default_db_path())
    conn.execute(f"VACUUM INTO '{newer}'")
    conn.close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.commit()
    conn.close()
    for target, words in ((tmp_path / "ไม่มี.db", "ไม่พบไฟล์"), (damaged, "เสียหาย"), (newer, "ใหม่กว่า")):
        messages: list[str] = []
        left = answer(lambda box, messages=messages: (messages.append(box.text()), box.accept()))
        assert shell.open(str(target)) is False
        assert not left and words in messages[0], messages
        assert "samoe" not in messages[0] and "--db" not in messages[0]
        assert shell.window is window  # still on the database it had


def test_demo_menu_on_a_real_database_adds_nothing(qtbot, office_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(office_db, TaskRunner(), settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    said: list[str] = []
    left = answer(click("ยกเลิก", said))
    window.ui.demoAction.trigger()  # triggered(bool): the flag must not become a count
    ctx.tasks.wait(10_000)
    qtbot.wait(50)
    assert not left and "แยก" in said[0]
    with office_db.reader() as s:
        assert s.query(Institution).count() == 0 and not is_demo(s)
    with qtbot.waitSignal(window.demo_requested, timeout=5_000):
        answer(click("เปิดฐานข้อมูลตัวอย่าง"))
        window.ui.demoAction.trigger()
    ctx.tasks.wait(10_000)
    with office_db.reader() as s:
        assert s.query(Institution).count() == 0


def test_demo_menu_on_demo_data_adds_the_count_it_says(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "ข้อมูลตัวอย่าง" in window.windowTitle()
    with qtbot.waitSignal(ctx.tasks.ended, timeout=60_000):
        answer(click("เพิ่มข้อมูลตัวอย่าง"))
        window.ui.demoAction.trigger()
    with ctx.db.reader() as s:
        assert count_children(s, ChildFilter()) == 2300
    assert "2,000 คน" in window.message_label.text()


def test_half_set_database_keeps_asking(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(db, TaskRunner(), settings))
    qtbot.addWidget(window)
    left = answer(reject, click("กลับไปตั้งค่า"), fill_office("อบต.หนองบัว", "3300105", "ขอนแก่น"))
    assert window.ensure_office() is True and not left
    with db.reader() as s:
        office = local_office(s)
        assert office is not None and office.name == "อบต.หนองบัว"
    assert "อบต.หนองบัว" in window.windowTitle()


def test_half_set_database_leave_saves_nothing(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(db, TaskRunner(), settings))
    qtbot.addWidget(window)
    left = answer(reject, click(LEAVE))
    assert window.ensure_office() is False and not left
    with db.reader() as s:
        assert local_office(s) is None


def test_no_window_message_sends_a_clerk_to_the_command_line(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The store's faults name `samoe ...` and `--db` for the terminal; the window says
    them its own way (menus), for every fault a file can have."""
    from desktop.gui.app import fault_text
    from desktop.services.database import check_target
    from desktop.store import faults

    empty = tmp_path / "ว่าง.db"
    empty.write_bytes(b"")
    cases: list[tuple[BaseException, Path | None]] = []
    for path in (tmp_path / "ไม่มี.db", empty, tmp_path):
        try:
            check_target(path)
        except faults.DatabaseFault as exc:
            cases.append((exc, path))
    assert len(cases) == 3
    cases += [
        (faults.DatabaseDamaged(faults.damaged_message(tmp_path / "x.db", "อ่านไม่ได้")), tmp_path / "x.db"),
        (faults.DatabaseReadOnly(faults.read_only_message(tmp_path / "x.db")), tmp_path / "x.db"),
        (faults.DatabaseBusy(faults.busy_message(tmp_path / "x.db")), tmp_path / "x.db"),
        (faults.DiskFull(faults.disk_full_message(tmp_path / "x.db")), tmp_path / "x.db"),
        (faults.DatabaseEncrypted(faults.encrypted_message(tmp_path / "x.db")), tmp_path / "x.db"),
    ]
    import sqlalchemy.exc

    server = faults.classify(sqlalchemy.exc.NoSuchModuleError("x"))
    assert server is not None
    cases.append((server, None))
    for exc, path in cases:
        text = fault_text(exc, path)
        for cli in ("samoe ", "--db", " init", "คำสั่ง"):
            assert cli not in text, (cli, text)


def test_samoe_demo_on_a_database_marks_it_demo(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import main

    path = str(tmp_path / "bench.db")
    assert main(["--db", path, "init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101"]) == 0
    assert main(["--db", path, "demo", "--children", "50"]) == 0
    db = Database.open(path)
    try:
        with db.reader() as s:
            assert is_demo(s) and count_children(s, ChildFilter()) == 50  # filled where it was told
    finally:
        db.dispose()
