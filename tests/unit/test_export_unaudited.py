"""An export or report of personal data is audited, or not made (issue 9).

A database on a read-only medium (a CD, a read-only share, a copy whose folder cannot be
written) can be read, but no entry can be added to its audit log, nor kept beside it.
Such an export is refused before any file is written, with a Thai message that says to
copy the database to a writable disk first (services/home.py ``check_auditable``, for
the command line and the window alike). An export while another program writes is
recorded: its entry waits beside the file (store/audit_pending.py) instead of being
dropped after the busy timeout."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import run
from fault_files import DROP_CAPS, can_drop_caps

from desktop.services import database as database_service
from desktop.services.home import NotAuditable, check_auditable, note_export
from desktop.store import audit_pending
from desktop.store.db import Database
from desktop.store.faults import EXIT_READ_ONLY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office" / "office.db"
    path.parent.mkdir()
    code, _, err = run(capsys, "--db", str(path), "init", "--office-name", "เทศบาลตำบลทดสอบ",
                       "--office-code", "6300101")
    assert code == 0, err
    assert run(capsys, "--db", str(path), "demo", "--children", "12", "--seed", "4")[0] == 0
    return path


def _exports(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM audit_log WHERE action = 'export'").fetchone()[0])
    finally:
        conn.close()


def test_an_export_from_a_read_only_medium_is_refused_before_any_file_is_written(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database_service, "medium_is_read_only", lambda _p: True)  # as root, modes do not bind
    code, out, err = run(capsys, "--db", str(office), "stats")
    assert code == 0, err  # reading still works
    for args, target in ((("export", "children"), tmp_path / "c.xlsx"),
                         (("report", "children-list", "--out"), tmp_path / "c.pdf")):
        code, out, err = run(capsys, "--db", str(office), *args, str(target))
        assert code == EXIT_READ_ONLY, (args, err)
        assert "คัดลอก" in err and "บันทึกการใช้งาน" in err, err
        assert not target.exists()


def test_the_service_refuses_an_unauditable_database_and_allows_a_writable_one(office: Path) -> None:
    db = Database.open(office, read_only=True)
    try:
        with pytest.raises(NotAuditable) as caught:
            check_auditable(db)
        assert "คัดลอก" in caught.value.message
    finally:
        db.dispose()
    db = Database.open(office)
    try:
        check_auditable(db)
    finally:
        db.dispose()


@pytest.mark.skipif(not can_drop_caps(), reason="needs root and setpriv to obey file modes")
def test_a_read_only_folder_as_a_clerk_meets_it(office: Path, tmp_path: Path) -> None:
    folder = office.parent
    target = tmp_path / "c.csv"
    office.chmod(0o444)
    folder.chmod(0o555)
    try:
        proc = subprocess.run([*DROP_CAPS, sys.executable, "-m", "desktop.cli", "--db", str(office),
                               "export", "children", str(target)], capture_output=True, timeout=120, cwd=ROOT)
    finally:
        folder.chmod(0o755)
        office.chmod(0o644)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == EXIT_READ_ONLY, err[-1500:]
    assert "Traceback" not in err and "คัดลอก" in err
    assert not target.exists()


def test_an_export_while_another_program_writes_is_recorded_later_not_dropped(
        office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMOE_BUSY_TIMEOUT", "2")
    db = Database.open(office)
    before = _exports(office)
    other = sqlite3.connect(office, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET value = value WHERE key = 'nothing'")
        started = time.monotonic()
        note_export(db, "children", "รายชื่อเด็ก", tmp_path / "c.xlsx", rows=12)
        assert time.monotonic() - started < 1.5
        assert audit_pending.queued(office) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    try:
        with db.session():
            pass
        assert _exports(office) == before + 1
    finally:
        db.dispose()
