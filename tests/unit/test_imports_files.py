"""Real files through the whole import: an .xlsx with a Thai sheet name and a title row, a
Windows Thai (cp874) CSV, and the error report read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.domain.identity import make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.reports.sheets import read_sheet
from desktop.services import imports
from desktop.services.children_query import ChildFilter, count_children
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import Child, Enrollment

TODAY = date(2026, 11, 24)
CDC = "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"
NID = [make_national_id(f"1103702071{i:02d}") for i in range(10)]
HEADERS = ["ที่", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเดือนปีเกิด", "เลขประจำตัวประชาชน", "ศพด.",
           "ชั้น", "หมายเหตุ"]


@pytest.fixture
def reg(office_db: Database) -> Database:
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001", name=CDC))
    return office_db


def run_import(db: Database, path: Path) -> tuple[imports.ImportPlan, imports.BatchInfo | None]:
    data = read_sheet(path)
    with db.session() as s:
        plan = imports.plan_import(s, data, imports.suggest_mapping(s, data.headers), today=TODAY)
        batch = imports.commit_import(s, plan, actor="clerk") if plan.valid_count else None
    return plan, batch


def test_xlsx_with_a_thai_sheet_name_and_a_title_row(reg: Database, tmp_path: Path) -> None:
    path = tmp_path / "รายชื่อเด็ก ศพด.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "เด็กเล็ก ปี 2569"
    ws.append(["รายชื่อเด็กศูนย์พัฒนาเด็กเล็กบ้านโนนสูง ปีการศึกษา 2569"])  # a title row
    ws.append(HEADERS)
    ws.append([1, "ด.ญ.", "มานี", "มีนา", "หญิง", "15/08/2565", NID[0], CDC, "เด็กเล็ก 4 ขวบ", ""])
    # a real Excel date cell and an ID typed as a number
    ws.append([2, "ด.ช.", "มานะ", "มีนา", "ชาย", datetime(2023, 3, 1), int(NID[1]), CDC, "3 ขวบ", ""])
    ws.append([3, "ด.ช.", "ปิติ", "ชูใจ", "ชาย", "01/03/2566", NID[2][:-1] + "0" if NID[2][-1] != "0"
               else NID[2][:-1] + "1", CDC, "เด็กเล็ก 3 ขวบ", "เลขผิด"])
    wb.save(path)
    plan, batch = run_import(reg, path)
    assert plan.sheet == "เด็กเล็ก ปี 2569"
    assert [(p.row, p.column, p.field) for p in plan.problems()] == [(5, "เลขประจำตัวประชาชน", "national_id")]
    assert batch is not None and batch.children == 2 and batch.sheet == "เด็กเล็ก ปี 2569"
    with reg.reader() as s:
        kids = {c.first_name: c for c in s.scalars(select(Child))}
        assert kids["มานะ"].birth_date == date(2023, 3, 1) and kids["มานะ"].national_id == NID[1]
        assert s.scalar(select(func.count()).select_from(Enrollment)) == 2
        assert count_children(s, ChildFilter(search="มานะ")) == 1

    report = tmp_path / "ปัญหา.xlsx"
    assert imports.write_error_report(plan, report) == 1
    sheet = load_workbook(report, read_only=True).worksheets[0]
    rows = [[("" if v is None else str(v)) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*HEADERS, "แถวที่", "ชื่อเด็ก (ตามไฟล์)", "ปัญหา"]
    assert rows[1][:7] == ["3", "ด.ช.", "ปิติ", "ชูใจ", "ชาย", "01/03/2566", plan.rows[2].values["national_id"]]
    assert rows[1][-3:-1] == ["5", "ด.ช.ปิติ ชูใจ"]  # the row and the child's name
    assert rows[1][-1].startswith("เลขประจำตัวประชาชน: เลขประจำตัวประชาชนไม่ถูกต้อง")
    assert len(rows) == 2
    # the report's own columns are ignored when the clerk imports the fixed file again
    again = read_sheet(report)
    with reg.reader() as s:
        mapping = imports.suggest_mapping(s, again.headers)
    assert "แถวที่" not in [again.headers[i] for i in mapping]
    assert "ปัญหา" not in [again.headers[i] for i in mapping]
    assert "ชื่อเด็ก (ตามไฟล์)" not in [again.headers[i] for i in mapping]


def test_cp874_csv(reg: Database, tmp_path: Path) -> None:
    lines = [",".join(HEADERS[:7]),
             f"1,เด็กหญิง,ชูใจ,ใจงาม,ญ,๑/๓/๒๕๖๖,{NID[3]}",
             f"2,เด็กชาย,วีระ,ใจงาม,ช,2023-03-01,{NID[4]}"]
    path = tmp_path / "children.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp874"))
    data = read_sheet(path)
    assert data.encoding == "cp874"
    plan, batch = run_import(reg, path)
    assert plan.problems() == []
    assert batch is not None and batch.children == 2
    with reg.reader() as s:
        assert sorted(s.scalars(select(Child.first_name))) == ["ชูใจ", "วีระ"]
        assert count_children(s, ChildFilter(search="ใจงาม")) == 2


@pytest.mark.parametrize(("encoding", "bom", "expected"), [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),  # what Excel writes as "CSV UTF-8"
    ("cp874", b"", "cp874"),
])
def test_csv_encodings_import_the_same_children(reg: Database, tmp_path: Path, encoding: str,
                                                bom: bytes, expected: str) -> None:
    lines = [",".join(HEADERS[:7]),
             f"1,เด็กหญิง,ญาณิศา,ฐิติพร,หญิง,15 ส.ค. 2565,{NID[5]}",
             f"2,เด็กชาย,ปั้นใจ,ฐิติพร,ชาย,15/08/2565,{NID[6]}",
             f"3,เด็กชาย,ผิดวัน,ฐิติพร,ชาย,31/02/2565,{NID[7]}"]
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(bom + "\r\n".join(lines).encode(encoding))
    assert read_sheet(path).encoding == expected
    plan, batch = run_import(reg, path)
    assert [(p.row, p.column, p.field) for p in plan.problems()] == [(4, "วันเดือนปีเกิด", "birth_date")]
    assert batch is not None and batch.children == 2
    with reg.reader() as s:
        assert sorted(s.scalars(select(Child.first_name))) == ["ญาณิศา", "ปั้นใจ"]  # marks intact
