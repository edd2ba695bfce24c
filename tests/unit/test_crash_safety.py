"""A process killed in the middle of a bulk write leaves the database as it was before:
no half-written rows, and the indexes and search triggers that the bulk load drops for
speed come back with the rollback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.services.children_query import ChildFilter, count_children
from desktop.store import migrate
from desktop.store.db import Database
from desktop.store.integrity import check_database


def schema(db: Database) -> set[tuple[str, str]]:
    with db.engine.connect() as c:
        return {(r[0], r[1]) for r in c.exec_driver_sql(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger', 'table')")}


def test_kill_during_demo_load_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    first = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(path), "demo",
                            "--children", "300"], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    db = Database.open(path)
    before = schema(db)
    db.dispose()

    # an empty second database gets the fast path (indexes and triggers dropped)
    empty = tmp_path / "empty.db"
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(empty), "demo",
                             "--children", "400000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    wal = Path(f"{empty}-wal")
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 20_000_000):
        time.sleep(0.05)  # wait until it is well into writing rows
    assert proc.poll() is None, "the load finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    for target, expected_children in ((empty, 0), (path, 300)):
        db = Database.open(target)
        try:
            migrate.upgrade(db)  # opens as the program would after a crash
            assert check_database(db.engine) == []
            with db.reader() as s:
                assert count_children(s, ChildFilter()) == expected_children
                assert count_children(s, ChildFilter(search="สมชาย")) <= expected_children
            assert schema(db) == before
        finally:
            db.dispose()


def test_kill_during_import_loses_nothing(tmp_path: Path) -> None:
    """The import is one transaction too (with the same dropped-and-rebuilt indexes):
    killed while its commit is being written, the registry is as it was and no batch is
    recorded. The rows sit in SQLite's page cache until the commit writes them to the WAL,
    so the kill is aimed at the moment the WAL starts to grow."""
    import shutil

    from desktop.domain.identity import make_national_id

    pristine = tmp_path / "pristine.db"
    first = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(pristine), "demo",
                            "--children", "300"], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    db = Database.open(pristine)
    before = schema(db)
    db.dispose()

    names = ("สมชาย", "มานี", "ปิติ", "ชูใจ", "วีระ", "ดวงใจ")
    lines = ["คำนำหน้า,ชื่อ,นามสกุล,วันเกิด,เลขประจำตัวประชาชน,บ้านเลขที่,หมู่ที่,ตำบล"]
    for n in range(90_000):
        lines.append(f"{'เด็กชาย' if n % 2 else 'เด็กหญิง'},{names[n % 6]},ทดสอบการตัด,"
                     f"{n % 28 + 1}/{n % 12 + 1}/2563,{make_national_id(f'16{n:010d}')},"
                     f"{n}/1,{n % 15 + 1},บ้านใหม่")
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines), encoding="utf-8")

    killed_mid_write = False
    for _attempt in range(3):  # a fast machine may finish the commit between two polls
        path = tmp_path / "office.db"
        shutil.copyfile(pristine, path)
        wal = Path(f"{path}-wal")
        wal.unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "import",
                                 "children", str(big)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if wal.exists() and wal.stat().st_size > 0:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        proc.wait(timeout=30)
        if proc.returncode == -signal.SIGKILL:
            killed_mid_write = True
            break
    assert killed_mid_write, "the import always finished before it could be killed"

    db = Database.open(path)
    try:
        migrate.upgrade(db)  # opens as the program would after a crash
        assert check_database(db.engine) == []
        with db.reader() as s:
            assert count_children(s, ChildFilter()) == 300
            assert count_children(s, ChildFilter(search="ทดสอบการตัด")) == 0
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM import_batch").scalar() == 0
        assert schema(db) == before
    finally:
        db.dispose()
