"""A bulk load's COMMIT does not wait for the WAL's copy into the database file
(store/db.py ``checkpoint_after_commit``): the load is durable at COMMIT (the WAL written
and fsynced, synchronous=FULL), the copy runs after on a thread of its own, and the load's
connection gets its automatic checkpoint back."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from test_imports import Sheet  # the import tests' stand-in for a read sheet

from desktop.domain.identity import make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.services import imports
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store import db as db_mod
from desktop.store.db import Database

TODAY = date(2026, 11, 24)
CDC = "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
HEADERS = ["ลำดับ", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน",
           "บ้านเลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "สถานศึกษา", "ชั้น", "ปีการศึกษา"]
FIRST = ["มานะ", "มานี", "ปิติ", "ชูใจ", "วีระ", "ดวงดี", "สมชาย", "สมหญิง"]
LAST = ["ใจดี", "มีสุข", "รักเรียน", "ทองดี", "แก้วใส", "ศรีสุข", "บุญมา", "สายทอง", "คงมั่น"]


def children_sheet(n: int) -> Sheet:
    rows = []
    for i in range(n):
        boy = i % 2 == 0
        rows.append([str(i + 1), "ด.ช." if boy else "ด.ญ.", FIRST[i % len(FIRST)],
                     LAST[i // len(FIRST) % len(LAST)] + LAST[i // 72 % len(LAST)],
                     "ชาย" if boy else "หญิง", f"{i % 28 + 1}/08/2564", make_national_id(f"11037{i:07d}"),
                     str(i // 3 + 1), "2", "โนนสูง", "เมือง", "นครราชสีมา", CDC, "เด็กเล็ก 4 ขวบ", "2569"])
    return Sheet(HEADERS, rows)


def with_centre(db: Database) -> None:
    with db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001", name=CDC))


def import_children(db: Database, n: int) -> int:
    """Plan and commit ``n`` children; the number written."""
    sheet = children_sheet(n)
    with db.reader() as s:
        plan = imports.plan_import(s, sheet, imports.suggest_mapping(s, sheet.headers), today=TODAY)
    assert plan.error_count == 0, [p.message for p in plan.problems()][:3]
    with db.session() as s:
        return imports.commit_import(s, plan, actor="clerk").children


def children_in_file_alone(path: Path) -> int:
    """The children the database file holds without its WAL (immutable: the WAL unread)."""
    conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])
    finally:
        conn.close()


def children_read(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.exec_driver_sql("SELECT count(*) FROM child").scalar() or 0)


def test_an_import_commits_before_the_wal_is_copied_and_the_copy_follows(
        office_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with_centre(office_db)
    path = office_db.path
    assert path is not None
    seen: list[tuple[Any, int, int]] = []  # each COMMIT's raw connection and its settings

    def at_commit(conn: Any) -> None:
        raw = conn.connection.driver_connection
        seen.append((raw, raw.execute("PRAGMA synchronous").fetchone()[0],
                     raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))

    event.listen(office_db.engine, "commit", at_commit)
    release = threading.Event()
    real_checkpoint = db_mod.checkpoint

    def held_checkpoint(engine: Any) -> None:
        assert release.wait(30)
        real_checkpoint(engine)

    monkeypatch.setattr(db_mod, "checkpoint", held_checkpoint)
    with office_db.session() as s:  # the file's pages on disk before the import
        s.connection().exec_driver_sql("SELECT 1")
    real_checkpoint(office_db.engine)
    # enough children for a WAL past the automatic checkpoint's 1,000 pages
    assert import_children(office_db, 3000) == 3000
    raw, synchronous, during = seen[-1]  # the import's COMMIT
    assert synchronous == 2 and during == 0  # FULL: the WAL is fsynced at COMMIT
    # committed and readable, though the database file alone does not hold it yet
    assert children_read(office_db) == 3000
    assert children_in_file_alone(path) == 0
    assert Path(f"{path}-wal").stat().st_size > 1000 * 4096
    assert int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]) == 1000  # given back
    release.set()
    assert db_mod.settle_checkpoint(office_db.engine, timeout=30)
    assert children_in_file_alone(path) == 3000  # copied by the background checkpoint


def test_a_failed_import_gives_its_connection_the_automatic_checkpoint_back(
        office_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with_centre(office_db)
    from desktop.services.imports import commit as commit_mod

    raws: list[Any] = []
    event.listen(office_db.engine, "rollback",
                 lambda conn: raws.append(conn.connection.driver_connection))
    def failing(*_a: Any, **_k: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(commit_mod, "record_per_child", failing)  # after the load, before COMMIT
    with pytest.raises(RuntimeError, match="disk full"):
        import_children(office_db, 20)
    assert db_mod.settle_checkpoint(office_db.engine, timeout=30)
    assert raws, "the import did not roll back"
    assert int(raws[-1].execute("PRAGMA wal_autocheckpoint").fetchone()[0]) == 1000
    assert children_read(office_db) == 0


CHILD = r"""
import os, signal, sys, threading
sys.path[:0] = [sys.argv[2], sys.argv[3]]
from desktop.domain.roles import Role
from desktop.services.access import Actor, Grant, sign_in
from desktop.store import db as db_mod
from desktop.store.db import Database
import test_bulk_checkpoint as t

db_mod.checkpoint = lambda engine: threading.Event().wait()  # never copies: killed first
db = Database.open(sys.argv[1])
sign_in(db, Actor(0, "clerk", "", tuple(Grant(r) for r in Role)))
print("committed", t.import_children(db, int(sys.argv[4])), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_an_import_killed_right_after_its_commit_keeps_every_row(office_db: Database) -> None:
    """The process is killed after COMMIT returned and before any checkpoint: the rows are
    in the WAL only, and the next opening has them all, whole."""
    with_centre(office_db)
    path = office_db.path
    assert path is not None
    db_mod.checkpoint(office_db.engine)
    office_db.dispose()
    unit = Path(__file__).resolve().parent
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), str(unit.parents[1]), str(unit), "80"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(unit.parents[1])})
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert proc.stdout.split() == ["committed", "80"]
    assert children_in_file_alone(path) == 0  # nothing was copied into the file
    again = Database.open(path)
    try:
        assert children_read(again) == 80
        with again.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.exec_driver_sql("PRAGMA foreign_key_check").first() is None
            from desktop.store import audit_chain

            assert audit_chain.verify(c) is None
            assert c.exec_driver_sql("SELECT count(*) FROM audit_log WHERE action = 'create' "
                                     "AND entity = 'child'").scalar() == 80
    finally:
        again.dispose()
