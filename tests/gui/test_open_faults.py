"""Opening a database the program cannot use: a Thai message box, no crash, no window
on top of a bad file, nothing written, and no new empty registry for a mistyped path."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from modals import answer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.gui import app as gui_app
from desktop.services.demo import fill_demo
from desktop.store import migrate
from desktop.store.db import Database


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.db"
    db = Database.open(path)
    migrate.upgrade(db)
    fill_demo(db.engine, children=30, seed=2)
    db.dispose()
    return path


def _damaged(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    shutil.copyfile(good, path)
    with open(path, "r+b") as f:
        f.write(b"\x00garbage\xff" * 10)
    return path


def _newer(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "newer.db"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.commit()
    conn.close()
    return path


def _open_and_read_the_box(qapp, target: str | None) -> tuple[Database | None, list[str]]:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    left = answer(read)
    db = gui_app.open_db_or_explain(target)
    assert not left, "no message box was shown"
    return db, seen


@pytest.mark.parametrize("kind,words", [("damaged", "เสียหาย"), ("newer", "ใหม่กว่า"),
                                        ("missing", "ไม่พบ"), ("empty", "ว่าง")])
def test_a_file_the_program_cannot_use_gets_a_thai_message(qapp, good: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           kind: str, words: str) -> None:
    if kind == "damaged":
        target = _damaged(good, tmp_path)
    elif kind == "newer":
        target = _newer(good, tmp_path)
    elif kind == "missing":
        target = tmp_path / "typo" / "office.db"
    else:
        target = tmp_path / "empty.db"
        target.write_bytes(b"")
    before = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
    db, seen = _open_and_read_the_box(qapp, str(target))
    assert db is None
    assert len(seen) == 1 and words in seen[0], seen
    assert "Traceback" not in seen[0]
    after = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
    assert after == before
    assert not (tmp_path / "typo").exists()


def test_a_read_only_medium_is_called_read_only(qapp, good: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, who may write anywhere: the medium check is what is faked here;
    tests/unit/test_db_faults.py runs the real thing in a process without that power."""
    import desktop.services.database as opening

    monkeypatch.setattr(opening, "medium_is_read_only", lambda _path: True)
    db, seen = _open_and_read_the_box(qapp, str(good))
    assert db is None
    assert "อ่านอย่างเดียว" in seen[0] and "เสียหาย" not in seen[0]


def test_run_gui_on_a_damaged_file_exits_without_a_window(qapp, good: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = _damaged(good, tmp_path)
    left = answer(lambda box: box.accept())  # type: ignore[attr-defined]
    code = gui_app.run_gui(db_target=str(target))
    assert not left
    assert code != 0


SHOW_BOX = """
import sys
from PySide6.QtWidgets import QApplication, QMessageBox
QMessageBox.critical = lambda _parent, _title, text, *a: print("BOX", text, flush=True)
from desktop.gui.app import make_app, open_db_or_explain
make_app([])
print("DB", open_db_or_explain(sys.argv[1]) is not None)
"""


def test_a_real_read_only_folder_in_a_process_that_obeys_file_modes(good: Path) -> None:
    import os
    import subprocess
    import sys

    # root ignores file modes; without these capabilities it obeys them as the owner
    drop_caps = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to obey file modes")
    good.chmod(0o444)
    good.parent.chmod(0o555)
    try:
        proc = subprocess.run([*drop_caps, sys.executable, "-c", SHOW_BOX, str(good)],
                              capture_output=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                              cwd=Path(__file__).resolve().parents[2])
    finally:
        good.parent.chmod(0o755)
        good.chmod(0o644)
    out, err = proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace")
    assert "Traceback" not in err, err[-1500:]
    assert "BOX" in out and "อ่านอย่างเดียว" in out and "เสียหาย" not in out, out
    assert "DB False" in out


def test_a_fault_that_escapes_a_slot_is_a_message_box(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3 as driver

    from sqlalchemy.exc import OperationalError

    from desktop.store.faults import DatabaseDamaged

    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    busy = OperationalError("INSERT INTO child ...", {"first_name": "มานี"},
                            driver.OperationalError("database is locked"))
    for exc in (DatabaseDamaged("ไฟล์ฐานข้อมูลเสียหาย (x.db)"), busy):
        left = answer(read)
        gui_app.show_database_faults(type(exc), exc, None)
        assert not left
    assert "เสียหาย" in seen[0] and "ใช้งาน" in seen[1] and "มานี" not in seen[1]
    others: list[BaseException] = []
    gui_app.show_database_faults(ValueError, ValueError("x"), None,
                                 previous=lambda _k, e, _t: others.append(e))
    assert len(others) == 1
