"""The crash test: a child process saves children through the services in a loop (one
transaction each, ``tests/unit/backup_writer.py``) and reports each commit on stdout; it
is killed with SIGKILL at random moments. After each kill the file passes
``PRAGMA integrity_check``, every commit the process reported is there, and none is
half-written (each child has its household, its one guardian linked and its audit entry;
no guardian of the series is left without its child), and the audit hash chain verifies.

The normal run kills 15 times (about 20 s). The long run, for the issue's "at least 100":

    SAMOE_CRASH_KILLS=100 .venv/bin/pytest -q tests/unit/test_crash_kill_writes.py

(measured here: 100 kills, 346 commits, in 234 s; the normal run of 15 kills about 22 s). ``SAMOE_CRASH_SEED`` repeats a run's moments.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.db import Database

WRITER = Path(__file__).with_name("backup_writer.py")
ROOT = Path(__file__).resolve().parents[2]
MARK = "บันทึกต่อเนื่อง"
KILLS = int(os.environ.get("SAMOE_CRASH_KILLS", "15"))


def make_office_db(path: Path) -> Path:
    """A new database with its office and the test administrator (tests/actors.py), so
    that ``samoe`` commands on it log in as admin with the tests' SAMOE_PASSWORD."""
    from actors import EVERY_ROLE, add_test_admin

    db = Database.open(path)
    try:
        db.set_actor(EVERY_ROLE)
        migrate.upgrade(db)
        with db.session() as s:
            init_office(s, name="เทศบาลตำบลทดสอบ", code="6300101", province="นครราชสีมา")
        add_test_admin(db)
    finally:
        db.dispose()
    return path


class Writer:
    """The writing process and the commits it has reported (read on a thread)."""

    def __init__(self, path: Path, first: int, *, count: int | None = None, pause: float = 0.0) -> None:
        argv = [sys.executable, str(WRITER), str(path), str(first)]
        if count is not None or pause:
            argv += [str(count if count is not None else 10**9), str(pause)]
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.committed: list[int] = []
        self.ready = threading.Event()
        self.first_commit = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("ready"):
                self.ready.set()
            elif line.startswith("committed "):
                self.committed.append(int(line.split()[1]))
                self.first_commit.set()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)

    def finish(self, timeout: float = 120) -> None:
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=30)
        assert self.proc.returncode == 0, self.proc.stderr.read() if self.proc.stderr else ""


def written(path: Path) -> tuple[list[str], set[int], list[str]]:
    """(integrity problems, the numbers of the series' children in the file, half-written)."""
    from backup_writer import SERIES

    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        rows = conn.execute(
            "SELECT c.national_id, c.household_id IS NOT NULL,"
            " (SELECT count(*) FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id"
            "   WHERE cg.child_id = c.id),"
            " (SELECT count(*) FROM audit_log a WHERE a.entity = 'child' AND a.entity_uuid = c.uuid)"
            " FROM child c WHERE c.last_name = ?", (MARK,)).fetchall()
        half = [f"{nid}: household {h}, guardians {g}, audit {a}" for nid, h, g, a in rows
                if not (h and g == 1 and a == 1)]
        orphans = conn.execute(
            "SELECT count(*) FROM guardian g WHERE g.last_name = ? AND NOT EXISTS "
            "(SELECT 1 FROM child_guardian cg WHERE cg.guardian_id = g.id)", (MARK,)).fetchone()[0]
        if orphans:
            half.append(f"{orphans} guardians without their child")
        numbers = {int(nid[len(SERIES):12]) for nid, *_ in rows}
    finally:
        conn.close()
    return problems, numbers, half


def audit_chain_verifier() -> Callable[[Path], list[str]]:
    """The audit chain's own check (store/audit_chain.py ``verify``): after a kill the
    chain of every committed entry holds, and its head (kept in the same transaction)
    names the last of them."""
    from desktop.store.audit_chain import verify

    def check(path: Path) -> list[str]:
        db = Database.open(path)
        try:
            with db.engine.connect() as conn:
                problem = verify(conn)
        finally:
            db.dispose()
        return [] if problem is None else [problem.message]

    return check


def test_sigkill_at_random_moments_loses_no_reported_commit(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    path = make_office_db(tmp_path / "office.db")
    seed = int(os.environ.get("SAMOE_CRASH_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    verify_chain = audit_chain_verifier()
    reported: set[int] = set()
    first = 1
    started = time.monotonic()
    for kill in range(KILLS):
        writer = Writer(path, first)
        assert writer.ready.wait(60), "the writer did not start"
        assert writer.first_commit.wait(60), "the writer made no commit"
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere inside a transaction or between two
        writer.kill()
        reported |= set(writer.committed)
        problems, found, half = written(path)
        where = f"kill {kill + 1} (seed {seed})"
        assert problems == [], f"{where}: integrity {problems[:3]}"
        assert half == [], f"{where}: half-written {half[:3]}"
        lost = reported - found
        assert not lost, f"{where}: reported commits missing {sorted(lost)[:5]}"
        # at most the one commit that was durable but not yet reported
        assert len(found - reported) <= 1, f"{where}: unexpected rows {sorted(found - reported)}"
        assert verify_chain(path) == [], f"{where}: audit chain"
        first = max(found | {first - 1}) + 1
        reported |= found  # the unreported one is now known to be there
    assert len(reported) >= KILLS
    print(f"{KILLS} kills, {len(reported)} commits, {time.monotonic() - started:.1f} s, seed {seed}")


@pytest.mark.parametrize("n", [1])
def test_the_check_sees_a_half_written_child(tmp_path: Path, n: int) -> None:
    """The check can fail: a child whose guardian link is gone is reported."""
    sys.path.insert(0, str(Path(__file__).parent))
    path = make_office_db(tmp_path / "office.db")
    writer = Writer(path, n, count=3)
    writer.finish()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("DELETE FROM child_guardian WHERE id = (SELECT max(id) FROM child_guardian)")
    conn.close()
    problems, found, half = written(path)
    assert problems == [] and found == {1, 2, 3}
    assert len(half) == 2  # the child without its guardian, the guardian without its child


def test_the_chain_check_sees_an_edited_entry(tmp_path: Path) -> None:
    """The audit chain check can fail: an entry edited in the file (triggers dropped)."""
    sys.path.insert(0, str(Path(__file__).parent))
    path = make_office_db(tmp_path / "office.db")
    Writer(path, 1, count=2).finish()
    check = audit_chain_verifier()
    assert check(path) == []
    conn = sqlite3.connect(str(path), isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = (SELECT max(id) FROM audit_log)")
    conn.close()
    assert check(path) != []
