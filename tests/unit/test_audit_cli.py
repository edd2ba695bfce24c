"""``samoe audit verify`` and ``samoe audit log`` from a terminal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import run


@pytest.fixture
def demo_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "office.db")
    assert run(capsys, "--db", path, "demo", "--children", "30", "--seed", "5")[0] == 0
    return path


def _child(path: str) -> tuple[int, str, str]:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id, uuid, national_id FROM child WHERE national_id IS NOT NULL "
                           "ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    return int(row[0]), str(row[1]), str(row[2])


def test_verify_holds_then_names_the_row_edited_outside(demo_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_path, "audit", "verify")
    assert (code, err) == (0, "") and "ครบถ้วน" in out
    conn = sqlite3.connect(demo_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 7")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", demo_path, "audit", "verify")
    assert code == 5 and "ลำดับที่ 7" in err and "Traceback" not in err


def test_log_of_a_child_by_id_uuid_or_national_id(demo_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.services import children as svc
    from desktop.store.db import Database

    child_id, uuid, nid = _child(demo_path)
    db = Database.open(demo_path)
    try:
        with db.reader() as s:
            form = svc.load_child(s, uuid)
        form.child.first_name = "ทดสอบแก้ชื่อ"
        with db.session() as s:
            svc.save_child(s, form, actor="somchai")
    finally:
        db.dispose()
    for ref in (str(child_id), uuid, nid):
        code, out, err = run(capsys, "--db", demo_path, "audit", "log", "--child", ref)
        assert code == 0, err
        lines = out.splitlines()
        assert "somchai" in lines[0] and "แก้ไข เด็ก" in lines[0]  # newest first
        assert any("→ ทดสอบแก้ชื่อ" in line for line in lines)
        assert "เพิ่ม เด็ก" in out and lines[-1].startswith("2 รายการ")
    code, out, _ = run(capsys, "--db", demo_path, "audit", "log", "--user", "somchai")
    assert code == 0 and out.splitlines()[-1].startswith("1 รายการ")
    code, out, _ = run(capsys, "--db", demo_path, "audit", "log", "--since", "1/1/2600", "--limit", "5")
    assert code == 0 and out.splitlines()[-1].startswith("0 รายการ")
    code, out, _ = run(capsys, "--db", demo_path, "audit", "log", "--limit", "3")
    assert code == 0 and "แสดง 3 ล่าสุด" in out


@pytest.mark.parametrize("args", [
    ("audit",), ("audit", "log", "--limit", "0"), ("audit", "log", "--since", "เมื่อวาน"),
    ("audit", "nothing"),
])
def test_bad_arguments_exit_2_in_thai(demo_path: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(capsys, "--db", demo_path, *args)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "ผิดพลาด" in err and "Traceback" not in err


def test_an_unknown_child_exits_4(demo_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", demo_path, "audit", "log", "--child", "999999")
    assert code == 4 and "ไม่พบเด็ก" in err
