"""File › Back up… to a chosen folder (progress, cancel), File › Restore… with its
confirmation, the home page's last good backup, and a damaged file at start offered its
newest good backup (offscreen, real widgets; the folder/file dialogs are monkeypatched)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from modals import answer, click
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.gui import app as gui_app
from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.tasks import TaskRunner
from desktop.services import backup as svc
from desktop.store import backup as store_backup
from desktop.store.backup import read_manifest
from desktop.store.db import Database


def _window(qtbot, ctx: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1000, 580)
    window.show()
    return window


def children(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])
    finally:
        conn.close()


def _texts(seen: list[str]):  # type: ignore[no-untyped-def]
    def step(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()
    return step


def test_back_up_to_a_chosen_folder(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    window = _window(qtbot, ctx)
    menu_texts = [a.text() for a in window.ui.fileMenu.actions()]
    assert window.backups.backup_action.text() in menu_texts
    seen: list[str] = []
    left = answer(_texts(seen))
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: not left, timeout=20_000)
    made = list(usb.glob("*.db"))
    assert len(made) == 1 and str(made[0]) in seen[0] and "SHA-256" in seen[0]
    manifest = read_manifest(made[0])
    assert manifest is not None and manifest.ok and manifest.counts["child"] == 300
    assert ctx.settings.value("backup/folder") == str(usb)
    with sqlite3.connect(str(ctx.db.path)) as conn:  # noted in the audit log, as an export is
        details = [r[0] for r in conn.execute("SELECT detail FROM audit_log WHERE action = 'backup'")]
    assert len(details) == 1 and made[0].name in details[0]
    # the home page shows it as the last good backup, with its age
    home = window.home_view
    with qtbot.waitSignal(home.loaded, timeout=10_000):
        home.refresh()
    label = home.ui.backupLabel.text()
    assert made[0].name in label and "วันนี้" in label


def test_a_cancelled_backup_leaves_nothing(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(store_backup, "PAGES_PER_STEP", 1)  # many steps: time to cancel
    window = _window(qtbot, ctx)
    seen: list[str] = []
    left = answer(_texts(seen))
    window.backups.back_up_to(usb)
    assert window.cancel_button.isVisibleTo(window)
    window.cancel_button.click()
    qtbot.waitUntil(lambda: not left, timeout=20_000)
    assert "ยกเลิก" in seen[0]
    assert list(usb.iterdir()) == []


def test_restore_asks_first_then_reopens(qtbot, office_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services.demo import fill_demo

    path = office_db.path
    assert path is not None
    backup = svc.create_backup(path, folder=tmp_path)  # no children yet
    fill_demo(office_db.engine, children=20, seed=1)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(office_db, TaskRunner(), settings)
    window = _window(qtbot, ctx)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup.path), ""))
    # first time: the clerk says no, nothing changes
    seen: list[str] = []
    left = answer(click("ยกเลิก", seen))
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: not left, timeout=10_000)
    assert "ไฟล์ปัจจุบันจะถูกเก็บไว้" in seen[0] and "เด็ก 0 คน" in seen[0]
    assert children(path) == 20
    # then yes: restored, the replaced file kept, the shell asked to open it again
    reopened: list[str] = []
    window.open_requested.connect(reopened.append)
    left = answer(click("กู้คืน", seen), _texts(seen))
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: not left and bool(reopened), timeout=20_000)
    assert reopened == [str(path)] and "กู้คืนแล้ว" in seen[-1]
    assert children(path) == 0
    kept = [b for b in svc.list_backups(path) if b.label == "before-restore"]
    assert len(kept) == 1 and kept[0].children == 20


def _damaged_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    from desktop.services.demo import fill_demo
    from desktop.store import migrate

    path = tmp_path / "office.db"
    db = Database.open(path)
    migrate.upgrade(db)
    fill_demo(db.engine, children=20, seed=1)
    db.dispose()
    good = svc.create_backup(path, label="daily").path
    broken = tmp_path / "broken.db"
    shutil.copyfile(path, broken)
    with open(broken, "r+b") as f:
        f.write(b"\x00garbage header\xff" * 6)
    shutil.move(broken, path)
    return path, good


def test_a_damaged_file_at_start_offers_its_newest_good_backup(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, good = _damaged_with_backup(tmp_path)
    seen: list[str] = []
    left = answer(click("กู้คืนจากไฟล์สำรองนี้", seen))
    db = gui_app.open_db_or_explain(str(path))
    assert not left
    assert "เสียหาย" in seen[0] and str(good) in seen[0]
    assert "samoe backup restore" not in seen[0]  # the window's words, not the command line's
    assert db is not None
    try:
        assert children(path) == 20
    finally:
        db.dispose()
    assert any(b.label == "damaged" and b.state == "bad" for b in svc.list_backups(path))


def test_declining_the_offer_opens_nothing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _good = _damaged_with_backup(tmp_path)
    before = path.read_bytes()
    left = answer(click("ปิด"))
    assert gui_app.open_db_or_explain(str(path)) is None
    assert not left and path.read_bytes() == before


@pytest.fixture
def office_ctx(qapp, office_db: Database, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]
    """A real office's database (a demo one gets no automatic backup: its data is made up)."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return AppContext(office_db, TaskRunner(), settings)


def test_damage_found_by_the_quick_check_after_the_window_opens(qtbot, office_ctx: AppContext,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    from concurrent.futures import Future

    ctx = office_ctx
    path = ctx.db.path
    assert path is not None
    svc.create_backup(path, label="daily")
    window = _window(qtbot, ctx)
    found: Future[list[str]] = Future()
    found.set_result(["*** in database main *** Page 12: btreeInitPage() returns error code 11"])
    ctx.db.damage_check = found
    seen: list[str] = []
    left = answer(click("ปิด", seen))
    window.backups.start_checks()
    qtbot.waitUntil(lambda: not left, timeout=10_000)
    assert "เสียหาย" in seen[0] and "daily" in seen[0]


def test_a_sound_file_gets_its_daily_backup_at_start(qtbot, office_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx = office_ctx
    path = ctx.db.path
    assert path is not None
    window = _window(qtbot, ctx)
    ctx.db.check_in_background()
    window.backups.start_checks()
    qtbot.waitUntil(lambda: any(b.label == "daily" for b in svc.list_backups(path)), timeout=20_000)
    ctx.tasks.wait(10_000)
    assert not svc.daily_due(path)


def test_a_demo_database_gets_no_automatic_backup(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ctx)
    assert window.is_demo
    window.backups.start_checks()
    qtbot.wait(300)
    assert svc.list_backups(ctx.db.path) == []  # type: ignore[arg-type]


def test_only_an_administrator_backs_up(qtbot, ctx: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from actors import actor_with

    from desktop.domain.roles import Role
    from desktop.services.access import sign_in

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append("dir") or "")
    window = _window(qtbot, ctx)
    sign_in(ctx.db, actor_with(Role.CLERK, name="clerk1"))
    seen: list[str] = []
    left = answer(_texts(seen))
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: not left, timeout=10_000)
    assert "clerk1" in seen[0] and "สิทธิ์" in seen[0] and asked == []
