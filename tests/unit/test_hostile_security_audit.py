"""A hostile user against the audit chain (issue 9), through the real ``samoe`` command: rows
changed with the triggers dropped must be named by ``samoe audit verify``, also when other
commands ran after the change (every command's login appends an entry of its own)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from fault_files import assert_clean_failure, cli, text

PLAIN = {"SAMOE_NO_ENCRYPTION": "1", "SAMOE_PASSWORD": TEST_PASSWORD}


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    for args in (("init", "--office-name", "เทศบาลตำบลทดสอบ", "--office-code", "6300101"),
                 ("demo", "--children", "5", "--seed", "2"), ("stats",), ("stats",)):
        proc = cli("--db", path, *args, env=PLAIN)
        assert proc.returncode == 0, text(proc.stderr)
    return path


def _tamper(path: Path, sql: str) -> int:
    """Run ``sql`` on the audit log with its triggers dropped; the highest id before."""
    conn = sqlite3.connect(path)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'audit_log'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        last = int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])
        conn.execute(sql, (last,))
        conn.commit()
        return last
    finally:
        conn.close()


def test_an_edited_row_is_named(office: Path) -> None:
    _tamper(office, "UPDATE audit_log SET detail = detail || ' ' WHERE id = 2 AND ? > 0")
    assert_clean_failure(cli("--db", office, "audit", "verify", env=PLAIN), code=5, words=("ลำดับที่ 2",))


@pytest.mark.parametrize("cut", ["tail", "everything"])
def test_a_cut_tail_stays_visible_after_later_logins(office: Path, cut: str) -> None:
    """The tail (or every row) deleted, then commands run: each login appends an entry,
    which must chain on from the stored head, not start a new chain that hides the cut."""
    last = _tamper(office, "DELETE FROM audit_log WHERE id > ? - 2" if cut == "tail"
                   else "DELETE FROM audit_log WHERE ? > 0")
    assert cli("--db", office, "stats", env=PLAIN).returncode == 0
    first_gone = last - 1 if cut == "tail" else 1
    for _ in range(2):  # verify's own login must not hide it either
        assert_clean_failure(cli("--db", office, "audit", "verify", env=PLAIN), code=5,
                             words=(f"ลำดับที่ {first_gone}",))


def test_an_export_and_a_report_of_personal_data_leave_true_entries(office: Path, tmp_path: Path) -> None:
    for args in (("export", "children", tmp_path / "list.csv"),
                 ("report", "children-list", "--out", tmp_path / "list.pdf")):
        proc = cli("--db", office, *args, env=PLAIN)
        assert proc.returncode == 0, text(proc.stderr)
    proc = cli("--db", office, "audit", "log", "--limit", "5", env=PLAIN)
    assert proc.returncode == 0, text(proc.stderr)
    log = text(proc.stdout)
    assert "list.csv" in log and "list.pdf" in log
    assert "จำนวนแถว: 5" in log  # the export's 5 children
    assert "จำนวนแถว: 0" not in log, log  # a report of 5 children is not one of 0 rows


def test_a_caregiver_reads_no_history_of_a_child_outside_their_centre(office: Path, tmp_path: Path) -> None:
    """A child's history is for whoever may read that child: a caregiver of one centre
    asking for a school child's history by uuid or national ID is refused (exit 12), and
    is not told whether the ID is in the registry."""
    conn = sqlite3.connect(office)
    try:
        uuid, national_id = conn.execute(
            "SELECT c.uuid, c.national_id FROM child c JOIN enrollment e ON e.child_id = c.id "
            "JOIN institution i ON i.id = e.institution_id WHERE i.kind = 'school' "
            "AND c.national_id IS NOT NULL LIMIT 1").fetchone()
        centre = conn.execute("SELECT code FROM institution WHERE kind = 'cdc' LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    proc = cli("--db", office, "report", "child-profile", "--child", uuid, "--out", tmp_path / "p.pdf", env=PLAIN)
    assert proc.returncode == 0, text(proc.stderr)  # the child's history has an entry
    proc = cli("--db", office, "users", "add", "care", "--role", f"caregiver@{centre}",
               env={**PLAIN, "SAMOE_NEW_PASSWORD": "care-password-1"})
    assert proc.returncode == 0, text(proc.stderr)
    care = {**PLAIN, "SAMOE_PASSWORD": "care-password-1"}
    missing = cli("--db", office, "--user", "care", "audit", "log", "--child", "1101700203451", env=care)
    assert_clean_failure(missing)
    for child in (uuid, national_id):
        proc = cli("--db", office, "--user", "care", "audit", "log", "--child", child, env=care)
        err = assert_clean_failure(proc, secrets=("p.pdf",))  # (it may echo what was typed)
        assert not text(proc.stdout)
        # told as a child not found: the same as an ID that is in no record
        assert proc.returncode == missing.returncode
        assert err.replace(child, "X") == text(missing.stderr).replace("1101700203451", "X")
