"""The window refuses an export or report from a database on a read-only medium: its
audit log cannot record it (services/home.py ``check_auditable``, as the command line);
the clerk is told to copy the database to a writable disk first, and no file is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.gui.context import AppContext
from desktop.gui.documents import Documents
from desktop.gui.tasks import TaskRunner
from desktop.store.db import Database


def test_the_window_refuses_an_export_and_a_report_it_cannot_audit(qtbot, office_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                    monkeypatch) -> None:
    assert office_db.path is not None
    read_only = Database.open(office_db.path, read_only=True)
    try:
        ctx = AppContext(read_only, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = QWidget()
        qtbot.addWidget(window)
        warned: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *args, **_kw: warned.append(str(args[2])))
        started: list[Any] = []
        monkeypatch.setattr(ctx.tasks, "run", lambda *args, **kw: started.append(args))
        documents = Documents(ctx, window, lambda _text, _then: None)
        documents.ask_options = False
        out = tmp_path / "x.xlsx"
        documents.export("รายชื่อสถานศึกษา", "institutions", lambda _s, _p, _g: 0, path=out)
        documents.report("รายชื่อสถานศึกษา", "institutions-list", lambda _s, _p, _o, _g: 0)
        assert len(warned) == 2 and all("คัดลอก" in w and "บันทึกการใช้งาน" in w for w in warned), warned
        assert started == [] and not out.exists()
    finally:
        read_only.dispose()
