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
