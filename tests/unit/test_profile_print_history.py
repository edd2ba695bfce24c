"""Printing a child's profile is an entry in that child's own history (issue 9): the
report's audit entry carries the child's subject_uuid, from the command line and the
window's documents path alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import run


def _child_uuid(path: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT uuid FROM child ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def _history(path: str, uuid: str) -> list[str]:
    from desktop.services.audit_log import LogQuery, page_entries
    from desktop.store.db import Database

    db = Database.open(path)  # signed in with every role (tests/conftest.py)
    try:
        with db.reader() as s:
            return [e.what if e.action == "export" else e.action
                    for e in page_entries(s, LogQuery(subject_uuid=uuid))]
    finally:
        db.dispose()


def test_cli_profile_print_shows_in_the_childs_history(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "office.db")
    assert run(capsys, "--db", path, "demo", "--children", "10", "--seed", "3")[0] == 0
    uuid = _child_uuid(path)
    before = _history(path, uuid)
    code, _out, err = run(capsys, "--db", path, "report", "child-profile", "--child", uuid,
                          "--out", str(tmp_path / "p.pdf"))
    assert code == 0, err
    after = _history(path, uuid)
    assert len(after) == len(before) + 1 and after[0] == "ส่งออก ประวัติเด็ก (พิมพ์)"  # Thai in the panel


def test_window_documents_path_links_the_entry(office_db: object, tmp_path: Path) -> None:
    from desktop.services.audit_log import LogQuery, page_entries
    from desktop.services.home import note_export

    note_export(office_db, "child-profile", "ประวัติเด็ก", tmp_path / "x.pdf", pages=1,  # type: ignore[arg-type]
                subject_uuid="abc-123")
    with office_db.reader() as s:  # type: ignore[attr-defined]
        entries = page_entries(s, LogQuery(subject_uuid="abc-123"))
    assert [e.action for e in entries] == ["export"]
