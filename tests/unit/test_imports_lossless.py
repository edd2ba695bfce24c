"""Imports that lose nothing silently (issue 7): a column of national IDs under an unknown
header, the headers clerks use (เลขที่ is a roll number, not a house number), Thai text and
lengths checked as in the form, rows of one house number with different addresses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.columns import column_for_header, guess_mapping
from desktop.domain.identity import make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.services import imports
from desktop.services.imports.cells import parse_sex
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import Child, Guardian, Household

TODAY = date(2026, 11, 24)
NID = [make_national_id(f"1103702071{i:02d}") for i in range(40)]
G_NID = [make_national_id(f"3301000012{i:02d}") for i in range(40)]
CDC = "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]
    file_name: str = "นักเรียน.xlsx"
    sheet: str = "รายชื่อ"
    sheet_names: list[str] = field(default_factory=lambda: ["รายชื่อ"])
    header_row: int = 1
    encoding: str = ""

    @property
    def row_numbers(self) -> list[int]:
        return list(range(self.header_row + 1, self.header_row + 1 + len(self.rows)))


def sheet(headers: list[str], *rows: list[str]) -> Sheet:
    return Sheet(headers, [r + [""] * (len(headers) - len(r)) for r in rows])


@pytest.fixture
def reg(office_db: Database) -> Database:
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001", name=CDC))
    return office_db


def plan_of(db: Database, sh: Sheet, **kw: object) -> imports.ImportPlan:
    with db.reader() as s:
        mapping = imports.suggest_mapping(s, sh.headers)
        return imports.plan_import(s, sh, mapping, today=TODAY, **kw)  # type: ignore[arg-type]


def commit(db: Database, plan: imports.ImportPlan) -> imports.BatchInfo:
    with db.session() as s:
        return imports.commit_import(s, plan, actor="clerk")


def scalar(db: Database, stmt: object) -> object:
    with db.reader() as s:
        return s.scalar(stmt)  # type: ignore[call-overload]


# ---------------------------------------------------------------------------- headers
@pytest.mark.parametrize(("header", "key"), [
    ("ว/ด/ป เกิด", "birth_date"),
    ("ว.ด.ป.เกิด", "birth_date"),
    ("วันเดือนปีเกิด (พ.ศ.)", "birth_date"),
    ("วัน/เดือน/ปี เกิด (วว/ดด/ปปปป)", "birth_date"),
    ("เลขบัตรประชาชน 13 หลัก", "national_id"),
    ("เลขประจำตัวประชาชน (13 หลัก)", "national_id"),
    ("เพศ (ช/ญ)", "sex"),
    ("เพศ(ชาย/หญิง)", "sex"),
    ("ชื่อผู้ปกครอง", "guardian_first_name"),
    ("หมู่ที่", "village_no"),
    ("ม.", "village_no"),
    ("บ้านเลขที่", "house_no"),
    ("เลขที่บ้าน", "house_no"),
    ("ที่อยู่ เลขที่", "house_no"),
    ("ชื่อ (อังกฤษ)", "first_name_en"),
    ("ชื่อ", "first_name"),
])
def test_the_headers_clerks_use(header: str, key: str) -> None:
    assert column_for_header(header) == key


@pytest.mark.parametrize("header", ["เลขที่", "เลขที่.", "ลำดับ", "ลำดับที่", "ที่", "No.",
                                    "เลขประจำตัวนักเรียน", "รหัสนักเรียน", "อายุ", "ชื่อ (Eng)"])
def test_a_roll_number_or_a_student_number_is_nothing_of_ours(header: str) -> None:
    assert column_for_header(header) is None


def test_a_class_list_with_a_roll_number_keeps_no_house_number(reg: Database) -> None:
    headers = ["เลขที่", "เลขประจำตัวนักเรียน", "ชื่อ", "นามสกุล", "เพศ (ช/ญ)", "ว/ด/ป เกิด",
               "เลขบัตรประชาชน 13 หลัก"]
    assert sorted(guess_mapping(headers).values()) == sorted(
        ["first_name", "last_name", "sex", "birth_date", "national_id"])
    sh = sheet(headers, ["1", "10234", "มานี", "มีนา", "ญ", "15/08/2564", NID[0]],
               ["2", "10235", "มานะ", "มีนา", "ช", "15/08/2563", NID[1]])
    plan = plan_of(reg, sh)
    assert plan.problems() == [] and plan.valid_count == 2
    commit(reg, plan)
    assert scalar(reg, select(func.count()).select_from(Household)) == 0
    assert scalar(reg, select(func.count()).select_from(Child).where(Child.sex == "F")) == 1


@pytest.mark.parametrize(("text", "sex"), [("ช", "M"), ("ญ", "F"), ("ช.", "M"), (" ญ ", "F"),
                                           ("ด.ช.", "M"), ("ด.ญ.", "F"), ("เด็กหญิง", "F")])
def test_sex_written_short(text: str, sex: str) -> None:
    got = parse_sex(text)
    assert got is not None and got.value == sex


# ---------------------------------------------------------------------------- an ID column
BASE = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด"]


def kids(*ids: str) -> list[list[str]]:
    names = ["มานี", "มานะ", "ปิติ", "ชูใจ", "วีระ", "ดวงดี"]
    return [[names[i], "มีนา", "หญิง", "15/08/2564", nid] for i, nid in enumerate(ids)]


def test_an_id_column_under_an_unknown_header_is_mapped_with_a_notice(reg: Database) -> None:
    sh = sheet([*BASE, "เลข ปชช. เด็ก"], *kids(NID[0], NID[1], "", NID[2]))
    plan = plan_of(reg, sh)
    assert plan.mapping[4] == "national_id"
    notices = [p for p in plan.file_problems if p.column == "เลข ปชช. เด็ก"]
    assert [p.severity for p in notices] == ["warning"]
    assert "เลขประจำตัวประชาชน" in notices[0].message
    assert not plan.blocked and plan.valid_count == 4
    commit(reg, plan)
    assert scalar(reg, select(func.count()).select_from(Child).where(Child.national_id.is_not(None))) == 3


def test_a_second_id_column_stops_the_import_until_mapped_or_ignored(reg: Database) -> None:
    headers = [*BASE, "เลขประจำตัวประชาชน", "บัตรแม่"]
    rows = [[*k, G_NID[i]] for i, k in enumerate(kids(NID[0], NID[1], NID[2]))]
    sh = sheet(headers, *rows)
    plan = plan_of(reg, sh)
    assert plan.blocked and plan.valid_count == 0
    errors = [p for p in plan.file_problems if p.severity == "error"]
    assert [p.column for p in errors] == ["บัตรแม่"]
    assert "บัตรแม่" in errors[0].message and "ไม่นำเข้า" in errors[0].message
    # the clerk says: not imported
    ignored = plan_of(reg, sh, ignored_columns={5})
    assert not ignored.blocked and ignored.valid_count == 3 and ignored.file_problems == []
    # or maps it
    with reg.reader() as s:
        mapped = imports.plan_import(s, sh, {**imports.suggest_mapping(s, headers), 5: "guardian_national_id"},
                                     today=TODAY)
    assert not any(p.column == "บัตรแม่" for p in mapped.file_problems)


def test_two_unknown_id_columns_and_no_id_mapped_is_not_guessed(reg: Database) -> None:
    rows = [[*k, G_NID[i]] for i, k in enumerate(kids(NID[0], NID[1]))]
    sh = sheet([*BASE, "เลขเด็ก", "เลขแม่"], *rows)
    plan = plan_of(reg, sh)
    assert plan.blocked and 4 not in plan.mapping and 5 not in plan.mapping
    assert sorted(p.column for p in plan.file_problems if p.severity == "error") == ["เลขเด็ก", "เลขแม่"]


def test_numbers_that_are_not_ids_are_left_alone(reg: Database) -> None:
    barcodes = [f"885{i:010d}" for i in range(1, 7)]  # 13 digits, the check fails for most
    ok = [b for b in barcodes if b == make_national_id(b[:12])]
    assert len(ok) <= 1
    phones = ["0812345678", "0898765432", "021234567", "0811111111", "0822222222", "0833333333"]
    rows = [[*k[:4], NID[i], barcodes[i], phones[i], str(i + 1)] for i, k in enumerate(kids(*NID[:6]))]
    sh = sheet([*BASE, "เลขประจำตัวประชาชน", "รหัสสินค้า", "เบอร์บ้าน", "x"], *rows)
    plan = plan_of(reg, sh)
    assert plan.file_problems == [] and plan.valid_count == 6


def test_the_import_finds_the_id_column_helper_for_the_dialog() -> None:
    from desktop.services.imports import id_like_columns

    sh = sheet([*BASE, "เลขเด็ก", "เลขที่"], *[[*k, str(i)] for i, k in enumerate(kids(NID[0], NID[1]))])
    assert id_like_columns(sh.headers, sh.rows, skip=()) == [4]
    assert id_like_columns(sh.headers, sh.rows, skip=(4,)) == []


# ---------------------------------------------------------------------------- Thai text, lengths
FULL = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "บ้านเลขที่", "หมู่ที่", "ถนน",
        "หมู่บ้าน", "ตำบล", "อำเภอ", "จังหวัด", "สถานศึกษา", "ชั้น", "ห้อง", "ชื่อผู้ปกครอง",
        "ความเกี่ยวข้องกับเด็ก"]


def test_thai_marks_and_lengths_are_checked_as_in_the_form(reg: Database) -> None:
    addr = ["12", "3", "", "", "ในเมือง", "เมือง", "นครราชสีมา", CDC, "เด็กเล็ก 3 ขวบ"]
    sh = sheet(
        FULL,
        ["\u0e40\u0e40ดง", "ก\u0e48\u0e48อง", "ชาย", "01/02/2566", NID[0], *addr, "", "มาลี", "แม่"],
        ["มานี", "ก\u0e48\u0e49อง", "หญิง", "01/02/2566", NID[1], *addr, "", "มาลี", "แม่"],
        ["ก" * 300, "ใจดี", "ชาย", "01/02/2566", NID[2], *addr, "", "มาลี", "แม่"],
        ["ปิติ", "ใจดี", "ชาย", "01/02/2566", NID[3], *addr, "ห้อง" * 10, "มาลี", "แม่"],
        ["วีระ", "ใจดี", "ชาย", "01/02/2566", NID[4], *addr, "", "ม" * 150, "แม่"],
        ["ดวงดี", "ใจดี", "ชาย", "01/02/2566", NID[5], "1" * 41, *addr[1:], "", "มาลี", "แม่"],
    )
    plan = plan_of(reg, sh)
    got = {p.row: (p.column, p.severity, p.message) for p in plan.problems()}
    assert 2 not in got  # แดง ก่อง: normalised, imported
    assert got[3][:2] == ("นามสกุล", "error") and "วรรณยุกต์ซ้อน" in got[3][2]
    assert got[4][:2] == ("ชื่อ", "error") and "300" in got[4][2] and "100" in got[4][2]
    assert got[5][:2] == ("ห้อง", "error") and "20" in got[5][2]
    assert got[6][:2] == ("ชื่อผู้ปกครอง", "error") and "150" in got[6][2]
    assert got[7][:2] == ("บ้านเลขที่", "error") and "40" in got[7][2]
    assert plan.valid_count == 1
    commit(reg, plan)
    with reg.reader() as s:
        assert s.execute(select(Child.first_name, Child.last_name)).one() == ("แดง", "ก่อง")


# ---------------------------------------------------------------------------- households
ADDR_H = ["ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "เลขประจำตัวประชาชน", "รหัสประจำบ้าน", "บ้านเลขที่",
          "หมู่ที่", "หมู่บ้าน", "ถนน", "ตำบล", "อำเภอ", "จังหวัด"]


def row(i: int, house_code: str, house_no: str, moo: str, village: str, road: str) -> list[str]:
    names = ["มานี", "มานะ", "ปิติ", "ชูใจ", "วีระ", "ดวงดี"]
    return [names[i], "ทองดี", "หญิง", "15/08/2564", NID[10 + i], house_code, house_no, moo, village,
            road, "ในเมือง", "เมืองนครราชสีมา", "นครราชสีมา"]


def test_same_house_number_different_road_or_village_is_flagged_and_not_merged(reg: Database) -> None:
    sh = sheet(ADDR_H,
               row(0, "", "12", "3", "บ้านโนน", "มิตรภาพ"),
               row(1, "", "12", "3", "บ้านโนน", "สุรนารี"),  # another road
               row(2, "", "12", "หมู่ 3", "บ้านหนองบัว", "มิตรภาพ"),  # another village
               row(3, "", "12", "ม.3", "บ้านโนน", "มิตรภาพ"),  # the first row again: joins it
               row(4, "", "12", "3", "บ้านโนน", ""))  # the road left out
    plan = plan_of(reg, sh)
    warnings = {p.row: p for p in plan.problems() if p.severity == "warning"}
    assert sorted(warnings) == [3, 4, 6]
    assert "แถวที่ 2" in warnings[3].message and "ถนน" in warnings[3].message
    assert warnings[3].column == "ถนน"
    assert "แถวที่ 2" in warnings[4].message and "หมู่บ้าน" in warnings[4].message
    assert warnings[4].column == "หมู่บ้าน"
    assert "ถนน" in warnings[6].message
    assert plan.valid_count == 5
    commit(reg, plan)
    with reg.reader() as s:
        homes = dict(s.execute(select(Child.first_name, Household.road).join(
            Household, Child.household_id == Household.id)).all())
        assert homes == {"มานี": "มิตรภาพ", "มานะ": "สุรนารี", "ปิติ": "มิตรภาพ", "ชูใจ": "มิตรภาพ",
                         "วีระ": ""}
        assert s.scalar(select(func.count()).select_from(Household)) == 4


def test_same_house_code_with_another_address_is_flagged(reg: Database) -> None:
    code = "30010001234"
    sh = sheet(ADDR_H, row(0, code, "12", "3", "บ้านโนน", "มิตรภาพ"),
               row(1, code, "12", "หมู่ที่ 3", "บ้านโนน", "ถ.มิตรภาพ"),  # same, spelt otherwise
               row(2, code, "14", "3", "บ้านโนน", "มิตรภาพ"))
    plan = plan_of(reg, sh)
    warnings = [(p.row, p.column) for p in plan.problems() if p.severity == "warning"]
    assert warnings == [(4, "บ้านเลขที่")]
    assert any("แถวที่ 2" in p.message for p in plan.problems() if p.row == 4)
    commit(reg, plan)
    assert scalar(reg, select(func.count()).select_from(Household)) == 1  # one house code


def test_guardian_named_in_two_rows_of_different_houses_is_two_guardians(reg: Database) -> None:
    headers = [*ADDR_H, "ชื่อผู้ปกครอง", "ความเกี่ยวข้องกับเด็ก"]
    sh = sheet(headers, [*row(0, "", "12", "3", "บ้านโนน", "มิตรภาพ"), "มาลี", "แม่"],
               [*row(1, "", "12", "3", "บ้านโนน", "สุรนารี"), "มาลี", "แม่"])
    commit(reg, plan_of(reg, sh))
    assert scalar(reg, select(func.count()).select_from(Guardian)) == 2


# ---------------------------------------------------------------------------- the CLI
def test_cli_ignore_column(reg: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.reports.sheets import write_csv

    path = tmp_path / "kids.csv"
    rows = [[*k, G_NID[i]] for i, k in enumerate(kids(NID[20], NID[21]))]
    write_csv(path, [*BASE, "เลขประจำตัวประชาชน", "บัตรแม่"], rows)
    from desktop.store.db import sqlite_path

    db = str(sqlite_path(reg.url))
    code = main(["--db", db, "import", "children", str(path), "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 1 and "บัตรแม่" in err and "--ignore-column" in err
    code = main(["--db", db, "import", "children", str(path), "--dry-run", "--ignore-column", "บัตรแม่"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "ถูกต้อง 2 แถว" in out
    code = main(["--db", db, "import", "children", str(path), "--ignore-column", "ไม่มีคอลัมน์นี้"])
    out, err = capsys.readouterr()
    assert code != 0 and "ไม่มีคอลัมน์นี้" in err and "Traceback" not in err
    # the only ID column under an unknown header: mapped, said, and a dry run that passes
    alone = tmp_path / "alone.csv"
    write_csv(alone, [*BASE, "เลข ปชช."], kids(NID[22], NID[23]))
    code = main(["--db", db, "import", "children", str(alone), "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "เลข ปชช." in err and "[เตือน]" in err and "ถูกต้อง 2 แถว" in out


def test_a_house_code_already_in_the_registry_with_another_address_is_flagged(reg: Database) -> None:
    code = "30010005678"
    commit(reg, plan_of(reg, sheet(ADDR_H, row(0, code, "12", "3", "บ้านโนน", "มิตรภาพ"))))
    same = plan_of(reg, sheet(ADDR_H, row(2, code, "12", "ม.3", "บ้านโนน", "ถนนมิตรภาพ")))
    assert [p for p in same.problems() if p.column in ADDR_H[5:]] == []
    plan = plan_of(reg, sheet(ADDR_H, row(1, code, "12", "3", "บ้านโนน", "สุรนารี")))
    warnings = [p for p in plan.problems() if p.column in ADDR_H[5:]]
    assert [(p.row, p.column, p.severity) for p in warnings] == [(2, "ถนน", "warning")]
    assert "ทะเบียน" in warnings[0].message
    commit(reg, plan)
    with reg.reader() as s:
        assert s.scalars(select(Household.road)).all() == ["มิตรภาพ"]  # one household, kept
