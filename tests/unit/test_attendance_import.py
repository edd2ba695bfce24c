"""The term's attendance from the files schools really send: a workbook with a title row
and names instead of IDs, an HTML table saved as .xls, a cp874 CSV without the days-open
column; a wrong row (unknown child, more days present than open, a child twice) saves
nothing and names its row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_run import run
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.domain.errors import ValidationFailed
from desktop.services.attendance_import import import_attendance
from desktop.services.demo import fill_demo
from desktop.store.db import Database
from desktop.store.grant_state import TermAttendance
from desktop.store.models import AcademicYear, Child, Enrollment


@pytest.fixture
def registry(office_db: Database) -> tuple[Database, list[tuple[str, str, str]]]:
    fill_demo(office_db.engine, children=60, seed=6, today=date(2026, 11, 30))
    with office_db.reader() as s:
        kids = s.execute(select(Child.national_id, Child.first_name, Child.last_name)
                         .join(Enrollment, Enrollment.child_id == Child.id)
                         .join(AcademicYear, AcademicYear.id == Enrollment.academic_year_id)
                         .where(AcademicYear.year_be == 2569, Child.national_id.is_not(None))
                         .order_by(Child.id).limit(4)).all()
    return office_db, [(str(n), str(f), str(la)) for n, f, la in kids]


def _count(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(TermAttendance)) or 0)


def test_a_workbook_with_a_title_row_and_names(registry: tuple[Database, list[tuple[str, str, str]]],
                                               tmp_path: Path) -> None:
    db, kids = registry
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["บัญชีเวลาเรียน ภาคเรียนที่ 1/2569 โรงเรียนเทศบาล 1"])
    ws.append([])
    ws.append(["ที่", "ชื่อ-สกุล", "มาเรียน (วัน)", "วันเปิดเรียน"])
    for i, (_nid, first, last) in enumerate(kids, start=1):
        ws.append([i, f"เด็กชาย{first}  {last}" if i == 1 else f"{first} {last}", 90 + i, 100])
    path = tmp_path / "เวลาเรียน.xlsx"
    wb.save(path)
    with db.session() as s:
        result = import_attendance(s, 2569, 1, path)
    assert result.rows == 4 and any("หัวตารางแถวที่ 3" in n for n in result.notes)
    assert _count(db) == 4


def test_html_saved_as_xls_and_a_cp874_csv(registry: tuple[Database, list[tuple[str, str, str]]],
                                           tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, kids = registry
    rows = "".join(f"<tr><td>{n[:1]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12:]}</td><td>{80}</td><td>100</td></tr>"
                   for n, _f, _l in kids[:2])
    html = tmp_path / "attendance.xls"
    html.write_text(f"<html><body><table><tr><th>เลขประจำตัวประชาชน</th><th>มาเรียน</th><th>วันเปิดเรียน</th></tr>"
                    f"{rows}</table></body></html>", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db.path), "grants", "attendance", "--term", "1/2569", str(html))
    assert code == 0 and "บันทึกการมาเรียนแล้ว 2 คน" in out, err
    csv = tmp_path / "attendance.csv"
    csv.write_bytes(("เลขบัตรประชาชน,วันมาเรียน\r\n" + "".join(f"{n},95\r\n" for n, _f, _l in kids[2:])).encode("cp874"))
    code, out, err = run(capsys, "--db", str(db.path), "grants", "attendance", "--term", "1/2569", str(csv))
    assert code == 1 and "วันเปิดเรียน" in err  # no days-open column, none given
    code, out, err = run(capsys, "--db", str(db.path), "grants", "attendance", "--term", "1/2569", str(csv),
                         "--days", "100")
    assert code == 0 and "2 คน" in out, err
    assert _count(db) == 4


def test_one_wrong_row_saves_nothing_and_names_its_row(registry: tuple[Database, list[tuple[str, str, str]]],
                                                       tmp_path: Path) -> None:
    db, kids = registry
    csv = tmp_path / "bad.csv"
    lines = ["เลขประจำตัวประชาชน,มาเรียน,วันเปิดเรียน", f"{kids[0][0]},90,100", "1103702071838,90,100",
             f"{kids[1][0]},101,100", f"{kids[0][0]},80,100", f"{kids[2][0]},สิบ,100"]
    csv.write_text("\n".join(lines), encoding="utf-8")
    with db.session() as s, pytest.raises(ValidationFailed) as caught:
        import_attendance(s, 2569, 1, csv)
    assert [p.field for p in caught.value.problems] == ["row.3", "row.4", "row.5", "row.6"]
    assert "อยู่ในแถว 2 แล้ว" in caught.value.problems[2].message
    assert _count(db) == 0
