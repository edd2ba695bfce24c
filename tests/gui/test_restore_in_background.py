"""File › Restore runs on the background helper (issue 9): the window keeps painting and
answering while the backup is checked and copied (progress in the status bar), no one
uses the database meanwhile (it is closed; a query is refused, not run against a file
being replaced), and the end is said in a box before the database opens again."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from modals import answer, click
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy import text

from desktop.gui.context import AppContext
from desktop.gui.main_window import MainWindow
from desktop.gui.tasks import TaskRunner
from desktop.services import backup as svc
from desktop.store.db import Database
from desktop.store.faults import DatabaseBusy


def _children(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])
    finally:
        conn.close()


def test_the_event_loop_runs_while_a_slow_restore_works(qtbot, office_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services.demo import fill_demo

    path = office_db.path
    assert path is not None
    backup = svc.create_backup(path, folder=tmp_path)  # no children yet
    fill_demo(office_db.engine, children=15, seed=1)
    ctx = AppContext(office_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup.path), ""))

    span: dict[str, float] = {}
    refused: list[BaseException] = []
    original = svc.restore_backup

    def slow_restore(plan: Any, **kw: Any) -> Any:
        span["start"] = time.monotonic()
        time.sleep(1.2)  # a large file on a slow USB stick
        try:
            return original(plan, **kw)
        finally:
            span["end"] = time.monotonic()

    monkeypatch.setattr(svc, "restore_backup", slow_restore)
    ticks: list[float] = []

    def tick() -> None:
        ticks.append(time.monotonic())
        if "start" in span and "end" not in span and not refused:
            try:  # the window must not use the database while the file is replaced
                with ctx.db.reader() as s:
                    s.execute(text("SELECT count(*) FROM child"))
            except BaseException as exc:  # noqa: BLE001
                refused.append(exc)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    reopened: list[str] = []
    window.open_requested.connect(reopened.append)
    labels: list[str] = []
    ctx.tasks.started.connect(lambda handle: labels.append(handle.label))
    steps: list[int] = []
    ctx.tasks.progressed.connect(lambda _handle, done, _total, _text: steps.append(done))
    seen: list[str] = []

    def told(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    left = answer(click("กู้คืน", seen), told)
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: not left and bool(reopened), timeout=30_000)
    timer.stop()
    during = [t for t in ticks if span["start"] <= t <= span["end"]]
    assert len(during) >= 10, f"{len(during)} ticks in {span['end'] - span['start']:.2f} s of restore"
    assert refused and isinstance(refused[0], DatabaseBusy), refused
    assert "กู้คืน" in str(refused[0])
    assert "กู้คืนแล้ว" in seen[-1]
    assert any("กำลังกู้คืน" in label for label in labels) and steps  # the status bar's progress
    assert reopened == [str(path)] and _children(path) == 0


def test_the_offer_at_start_restores_off_the_gui_thread_too(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged file at start (no window yet): the offered backup is restored with a
    progress box while the event loop runs, not under a frozen wait cursor."""
    import shutil

    from desktop.gui import app as gui_app
    from desktop.services.demo import fill_demo
    from desktop.store import migrate

    path = tmp_path / "office.db"
    db = Database.open(path)
    migrate.upgrade(db)
    fill_demo(db.engine, children=20, seed=1)
    db.dispose()
    svc.create_backup(path, label="daily")
    broken = tmp_path / "broken.db"
    shutil.copyfile(path, broken)
    with open(broken, "r+b") as f:
        f.write(b"\x00garbage header\xff" * 6)
    shutil.move(broken, path)

    span: dict[str, float] = {}
    original = svc.restore_backup

    def slow_restore(plan: Any, **kw: Any) -> Any:
        span["start"] = time.monotonic()
        time.sleep(1.2)
        try:
            return original(plan, **kw)
        finally:
            span["end"] = time.monotonic()

    monkeypatch.setattr(svc, "restore_backup", slow_restore)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    left = answer(click("กู้คืนจากไฟล์สำรองนี้"))
    opened = gui_app.open_db_or_explain(str(path))
    timer.stop()
    assert not left and opened is not None
    try:
        assert _children(path) == 20
    finally:
        opened.dispose()
    during = [t for t in ticks if span["start"] <= t <= span["end"]]
    assert len(during) >= 10, f"{len(during)} ticks in {span['end'] - span['start']:.2f} s of restore"
