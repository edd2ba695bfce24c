"""``samoe report``, ``samoe export`` and ``samoe import`` from a terminal."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from cli_run import run
from needs import needs_tool
from openpyxl import load_workbook

from desktop.domain.identity import format_national_id, make_national_id

needs_pdftotext = needs_tool("pdftotext", "apt poppler-utils")




@pytest.fixture
def demo_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "office.db")
    assert run(capsys, "--db", path, "demo", "--children", "120", "--seed", "5")[0] == 0
    return path


def _children(path: str, where: str = "deleted_at IS NULL") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM child WHERE {where}").fetchone()[0])
    finally:
        conn.close()


@needs_pdftotext
def test_reports_from_the_terminal(demo_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_path)
    first, last, nid, institution = conn.execute(
        "SELECT c.first_name, c.last_name, c.national_id, i.name FROM child c "
        "JOIN enrollment e ON e.child_id = c.id JOIN institution i ON i.id = e.institution_id "
        "WHERE c.national_id IS NOT NULL ORDER BY c.id LIMIT 1").fetchone()
    conn.close()
    out = tmp_path / "list.pdf"
    code, text, _ = run(capsys, "--db", demo_path, "report", "children-list", "--out", str(out),
                        "--institution", institution, "--landscape", "--sign", "นางสาวมานี ใจดี|ครู")
    assert code == 0 and "หน้า" in text
    pdf = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert first in pdf and institution in pdf and "นางสาวมานี ใจดี" in pdf
    profile = tmp_path / "profile.pdf"
    code, _, _ = run(capsys, "--db", demo_path, "report", "child-profile",
                     "--child", format_national_id(nid), "--out", str(profile))
    assert code == 0
    pdf = subprocess.run(["pdftotext", str(profile), "-"], capture_output=True, text=True, check=True).stdout
    assert f"{first} {last}" in pdf
    code, _, _ = run(capsys, "--db", demo_path, "report", "registry-summary", "--out", str(tmp_path / "s.pdf"))
    assert code == 0 and (tmp_path / "s.pdf").stat().st_size > 1000


def test_report_errors_are_thai_and_write_nothing(demo_path: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "none.pdf"
    code, _, err = run(capsys, "--db", demo_path, "report", "child-profile", "--child", "1234567890123",
                       "--out", str(out))
    assert code == 1 and "ไม่พบ" in err and not out.exists()
    code, _, err = run(capsys, "--db", demo_path, "report", "children-list", "--institution",
                       "โรงเรียนที่ไม่มีจริง", "--out", str(out))
    assert code == 2 and "ไม่พบสถานศึกษา" in err and not out.exists()
    code, _, err = run(capsys, "--db", demo_path, "report", "children-list", "--level", "ชั้นพิเศษ",
                       "--out", str(out))
    assert code == 2 and "ไม่รู้จักชั้น" in err


def test_export_children_xlsx_and_csv(demo_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text, _ = run(capsys, "--db", demo_path, "export", "children", str(tmp_path / "c.xlsx"))
    assert code == 0
    rows = list(load_workbook(tmp_path / "c.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert len(rows) - 1 == _children(demo_path) and f"{len(rows) - 1:,}" in text
    code, _, _ = run(capsys, "--db", demo_path, "export", "households", str(tmp_path / "h.csv"))
    assert code == 0 and (tmp_path / "h.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, err = run(capsys, "--db", demo_path, "export", "children", str(tmp_path / "c.txt"))
    assert code == 2 and ".xlsx" in err


def _csv(path: Path, bad_row: bool) -> Path:
    ids = [make_national_id(f"13037{n:07d}") for n in range(1, 4)]
    lines = ["คำนำหน้า,ชื่อ,นามสกุล,เพศ,วันเกิด,เลขประจำตัวประชาชน",
             f"เด็กชาย,ก้องภพ,ทดสอบคำสั่ง,ชาย,15/08/2563,{ids[0]}",
             f"เด็กหญิง,ญาดา,ทดสอบคำสั่ง,หญิง,1 มี.ค. 2564,{ids[1]}",
             f"เด็กชาย,ฐิติ,ทดสอบคำสั่ง,ชาย,2020-05-01,{ids[2]}"]
    if bad_row:
        lines.append("เด็กหญิง,ผิดพลาด,ทดสอบคำสั่ง,หญิง,31/02/2564,1234567890123")
    path.write_bytes("\r\n".join(lines).encode("cp874"))  # a Thai Windows file
    return path


def test_import_dry_run_refuses_invalid_rows_then_skip_invalid_and_undo(
        demo_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _children(demo_path)
    path = _csv(tmp_path / "เด็ก.csv", bad_row=True)
    code, out, err = run(capsys, "--db", demo_path, "import", "children", str(path), "--dry-run",
                         "--errors", str(tmp_path / "problems.xlsx"))
    assert code == 1 and "แถว 5" in err and "วันเกิด" in err and "ตรวจอย่างเดียว" in out
    assert (tmp_path / "problems.xlsx").exists()
    assert _children(demo_path) == before
    code, _, err = run(capsys, "--db", demo_path, "import", "children", str(path))
    assert code == 1 and "--skip-invalid" in err and _children(demo_path) == before
    code, out, _ = run(capsys, "--db", demo_path, "import", "children", str(path), "--skip-invalid")
    assert code == 0 and "นำเข้าแล้ว 3 คน" in out
    assert _children(demo_path) == before + 3
    code, out, _ = run(capsys, "--db", demo_path, "import", "batches")
    assert code == 0 and "เด็ก.csv" in out
    batch = out.split()[0]
    code, out, _ = run(capsys, "--db", demo_path, "import", "undo", batch)
    assert code == 0 and _children(demo_path) == before
    code, _, err = run(capsys, "--db", demo_path, "import", "undo", batch)
    assert code == 1 and err.strip()


def test_import_clean_file_and_unreadable_file(demo_path: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = _children(demo_path)
    code, _, _ = run(capsys, "--db", demo_path, "import", "children", str(_csv(tmp_path / "ok.csv", bad_row=False)),
                     "--dry-run")
    assert code == 0 and _children(demo_path) == before
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "--db", demo_path, "import", "children", str(garbage))
    assert code == 1 and err.strip() and _children(demo_path) == before
