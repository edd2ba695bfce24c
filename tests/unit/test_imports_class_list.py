"""The class list schools send (issue 8) imports every child in it: the clerk gives the
class, room, institution, year and guardian relation once for the whole file; footer,
separator and repeated header rows are skipped with a note; a prefix typed into the name
is split off; each problem carries the child's name beside its row number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from class_list import FOOTER, HEADERS, children, class_list_rows, write_class_list
from sqlalchemy import select

from desktop.domain.identity import make_national_id
from desktop.domain.levels import InstitutionKind
from desktop.services import imports
from desktop.services.institutions import InstitutionForm, save_institution
from desktop.store.db import Database
from desktop.store.models import ChildGuardian, Enrollment

TODAY = date(2026, 11, 24)
SCHOOL = "โรงเรียนเทศบาล 1 (บ้านหนองบัว)"
CDC = "ศูนย์พัฒนาเด็กเล็กบ้านโนนสูง"


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]
    file_name: str = "อ2-1.xlsx"
    sheet: str = "อ.2-1"

    @property
    def row_numbers(self) -> list[int]:
        return list(range(3, 3 + len(self.rows)))  # a title row, then the header


def sheet(*rows: list[str], headers: list[str] | None = None) -> Sheet:
    head = headers or HEADERS
    return Sheet(list(head), [r + [""] * (len(head) - len(r)) for r in rows])


@pytest.fixture
def reg(office_db: Database) -> Database:
    with office_db.session() as s:
        save_institution(s, InstitutionForm(kind=InstitutionKind.SCHOOL, code="1130100001", name=SCHOOL))
        save_institution(s, InstitutionForm(kind=InstitutionKind.CDC, code="3300100001", name=CDC))
    return office_db


def school_id(db: Database, name: str = SCHOOL) -> int:
    from desktop.store.models import Institution

    with db.reader() as s:
        return int(s.scalar(select(Institution.id).where(Institution.name == name)) or 0)


def plan_of(db: Database, sh: Sheet, **kw: object) -> imports.ImportPlan:
    with db.reader() as s:
        mapping = imports.suggest_mapping(s, sh.headers)
        return imports.plan_import(s, sh, mapping, today=TODAY, **kw)  # type: ignore[arg-type]


def whole_file(db: Database) -> dict[str, object]:
    return {"institution_id": school_id(db), "year_be": 2569, "level_code": "k2",
            "classroom": "1", "relation": "แม่"}


def errors(plan: imports.ImportPlan) -> list[imports.CellProblem]:
    return [p for p in plan.problems() if p.severity == "error"]


# ---------------------------------------------------------------------------- the whole list
def test_the_class_list_file_imports_all_thirty_children(reg: Database, tmp_path: Path) -> None:
    from desktop.reports.sheets import read_sheet

    data = read_sheet(write_class_list(tmp_path / "อ2-1.xlsx"))
    plan = plan_of(reg, data, **whole_file(reg))  # type: ignore[arg-type]
    assert errors(plan) == []
    assert plan.valid_count == 30 and plan.error_count == 0
    with reg.session() as s:
        batch = imports.commit_import(s, plan, actor="clerk")
    assert batch.children == 30
    with reg.reader() as s:
        enrolments = s.execute(select(Enrollment.level_code, Enrollment.classroom,
                                      Enrollment.institution_id)).all()
        relations = s.scalars(select(ChildGuardian.relation)).all()
    assert len(enrolments) == 30 and set(enrolments) == {("k2", "1", school_id(reg))}
    assert len(relations) == 30 and set(relations) == {"แม่"}


def test_without_whole_file_values_the_class_list_says_so_once_per_row(reg: Database) -> None:
    """No relation given: each row with a guardian's name is an error that names the row,
    the guardian column and what to do; the footer is still no error."""
    plan = plan_of(reg, sheet(*children(3)))
    problems = [p for p in plan.problems() if p.field == "guardian_relation"]
    assert [p.row for p in problems] == [3, 4, 5]
    assert {p.column for p in problems} == {"ชื่อผู้ปกครอง"}
    assert all("ความเกี่ยวข้อง" in p.message and "ทั้งไฟล์" in p.message for p in problems)
    assert plan.valid_count == 0


def test_a_rows_own_value_wins_over_the_whole_file(reg: Database) -> None:
    head = [*HEADERS, "ชั้น", "ห้อง", "ความสัมพันธ์"]
    rows = children(3)
    rows[0] += ["ป.1", "3", "ยาย"]
    rows[1] += ["", "", ""]
    rows[2] += ["อ.3", "", "ย่า"]
    plan = plan_of(reg, sheet(*rows, headers=head), **whole_file(reg))  # type: ignore[arg-type]
    got = {r.row: (r.parsed.enrollment.level_code, r.parsed.enrollment.classroom,  # type: ignore[union-attr]
                   r.parsed.guardian.relation) for r in plan.rows}  # type: ignore[union-attr]
    assert got == {3: ("p1", "3", "ยาย"), 4: ("k2", "1", "แม่"), 5: ("k3", "1", "ย่า")}


def test_a_row_without_guardian_data_imports_without_a_guardian(reg: Database) -> None:
    rows = children(2)
    rows[1][6] = ""  # no guardian name
    for kw in ({}, whole_file(reg)):
        plan = plan_of(reg, sheet(*rows), **kw)  # type: ignore[arg-type]
        second = next(r for r in plan.rows if r.row == 4)
        assert second.ok and second.parsed is not None and second.parsed.guardian is None


def test_a_whole_file_level_that_the_institution_lacks_is_one_problem_of_the_file(reg: Database) -> None:
    kw = {**whole_file(reg), "institution_id": school_id(reg, CDC)}  # a CDC has no อ.2
    plan = plan_of(reg, sheet(*children(5)), **kw)  # type: ignore[arg-type]
    assert plan.blocked
    file_errors = [p for p in plan.file_problems if p.severity == "error"]
    assert len(file_errors) == 1 and "อ.2" in file_errors[0].message and CDC in file_errors[0].message
    assert not any(p.field == "level" for r in plan.rows for p in r.problems)


def test_whole_file_values_are_checked(reg: Database) -> None:
    with reg.reader() as s:
        assert imports.whole_file_problems(s, level_code="k2") == []
        assert imports.whole_file_problems(s, institution_id=school_id(reg), level_code="k2",
                                           classroom="1/2", relation="แม่") == []
        for kw in ({"level_code": "zz"}, {"classroom": "ห้อง" * 20}, {"relation": "แม่" * 40},
                   {"relation": "แ่ม"}, {"institution_id": school_id(reg, CDC), "level_code": "p1"}):
            found = imports.whole_file_problems(s, **kw)  # type: ignore[arg-type]
            assert len(found) == 1 and any("\u0e01" <= ch <= "\u0e5b" for ch in found[0]), kw


# ---------------------------------------------------------------------------- footers
@pytest.mark.parametrize("footer", [
    ["", "", "", FOOTER],
    [FOOTER],
    ["", "", "", "รวมทั้งสิ้น 30 คน"],
    ["", "", "", "รวม", "30", "คน"],
    ["", "", "", "ชาย 15 คน หญิง 15 คน"],
    ["", "", "", "", "", "", "ลงชื่อ..................................ครูประจำชั้น"],
    ["", "", "", "", "", "", "(ลงชื่อ)...........................ผู้รายงาน"],
    ["", "ผู้จัดทำ นายสมชาย ใจดี"],  # a volunteer's list signed by who made it
    ["", "", "", "ผู้สำรวจ: อสม.การศึกษา หมู่ 3"],
    ["", "-" * 20, "", "-" * 12, "-" * 12],
    ["", "", "", "_" * 30],
    ["", "", "", "=====", "", "", "", "", "", ""],
    ["31", "", "", "", "", "", "", "", "", ""],
    ["32", "-" * 20, "", "-" * 12, "-" * 12],
    ["", "", "", "31"],
    list(HEADERS),  # the header again on page 2 of a printed list
    [" ลำดับที่", "เลขประจําตัวประชาชน", "คํานําหน้า", "ชื่อ", "นามสกุล", "วัน เดือน ปี เกิด"],  # scanned
])
def test_footer_and_separator_rows_are_skipped_with_a_note(reg: Database, footer: list[str]) -> None:
    rows = [*children(2), footer, *children(1, first=2)]
    plan = plan_of(reg, sheet(*rows), **whole_file(reg))  # type: ignore[arg-type]
    assert errors(plan) == [], [p.message for p in errors(plan)]
    assert plan.valid_count == 3 and plan.error_count == 0
    notes = [p for p in plan.problems() if p.row == 5]
    assert len(notes) == 1 and notes[0].severity == "warning" and "ข้าม" in notes[0].message


def test_the_signature_under_the_footer_is_skipped_too(reg: Database) -> None:
    rows = class_list_rows(4)[2:]  # the class, the dashes, the footer, the signature
    plan = plan_of(reg, sheet(*rows), **whole_file(reg))  # type: ignore[arg-type]
    assert errors(plan) == [] and plan.valid_count == 4
    assert sorted(p.row for p in plan.problems() if "ข้าม" in p.message) == [7, 8, 9, 10]


@pytest.mark.parametrize("name", ["รวมใจ", "รวมพร"])
def test_a_child_named_like_a_footer_is_not_skipped(reg: Database, name: str) -> None:
    row = children(1)[0]
    row[3] = name
    plan = plan_of(reg, sheet(row), **whole_file(reg))  # type: ignore[arg-type]
    assert plan.valid_count == 1 and plan.rows[0].parsed.child.first_name == name  # type: ignore[union-attr]
    # ... and with its birth date missing it is an error of the row, not a skipped footer
    row[5] = ""
    plan = plan_of(reg, sheet(row), **whole_file(reg))  # type: ignore[arg-type]
    assert plan.error_count == 1 and not any("ข้าม" in p.message for p in plan.problems())


def test_a_row_with_an_id_and_nothing_else_is_an_error_not_a_separator(reg: Database) -> None:
    plan = plan_of(reg, sheet(["", make_national_id("134990000999")]), **whole_file(reg))  # type: ignore[arg-type]
    assert plan.error_count == 1


# ---------------------------------------------------------------------------- prefixes
@pytest.mark.parametrize(("typed", "prefix", "first"), [
    ("ด.ช.ภูผา", "เด็กชาย", "ภูผา"),
    ("ด.ญ.มะลิ", "เด็กหญิง", "มะลิ"),
    ("ด.ช. ภูผา", "เด็กชาย", "ภูผา"),
    ("ด.ญ มะลิ", "เด็กหญิง", "มะลิ"),
    ("เด็กชายภูผา", "เด็กชาย", "ภูผา"),
    ("เด็กหญิง มะลิ", "เด็กหญิง", "มะลิ"),
    ("เด็กชายไกรสร", "เด็กชาย", "ไกรสร"),
])
def test_a_prefix_typed_into_a_childs_name_is_split(reg: Database, typed: str, prefix: str,
                                                     first: str) -> None:
    row = children(1)[0]
    row[2], row[3] = "", typed
    plan = plan_of(reg, sheet(row), **whole_file(reg))  # type: ignore[arg-type]
    assert plan.valid_count == 1, [p.message for p in plan.problems()]
    child = plan.rows[0].parsed.child  # type: ignore[union-attr]
    assert (child.prefix, child.first_name) == (prefix, first)
    # a prefix column that says the same: the name loses the repeated prefix
    row[2] = "ด.ช." if prefix == "เด็กชาย" else "เด็กหญิง"
    plan = plan_of(reg, sheet(row), **whole_file(reg))  # type: ignore[arg-type]
    child = plan.rows[0].parsed.child  # type: ignore[union-attr]
    assert (child.prefix, child.first_name) == (prefix, first)


def test_adult_titles_are_split_only_when_they_fit_the_age(reg: Database) -> None:
    """นาย/นาง begin real names (นางฟ้า, นางนวล): for a child of 5 they stay the name; a
    pupil of 16 written นายภูผา is นาย ภูผา."""
    from desktop.domain.name_prefix import split_name_prefix

    assert split_name_prefix("นางฟ้า") == ("", "นางฟ้า")
    assert split_name_prefix("นางนวล") == ("", "นางนวล")
    assert split_name_prefix("นายภูผา") == ("", "นายภูผา")
    assert split_name_prefix("นายภูผา", adult=True) == ("นาย", "ภูผา")
    assert split_name_prefix("นางสาวมะลิ") == ("นางสาว", "มะลิ")
    assert split_name_prefix("นางสาวมะลิ", adult=True) == ("นางสาว", "มะลิ")
    assert split_name_prefix("นายิกา", adult=True) == ("", "นายิกา")  # a vowel, not a name, follows
    assert split_name_prefix("เด็กชาย") == ("", "เด็กชาย")  # nothing follows
    assert split_name_prefix("ด.ช.") == ("", "ด.ช.")
    assert split_name_prefix("ด.ช.ก") == ("", "ด.ช.ก")  # one letter is no name
    assert split_name_prefix("เด็กหญิง่มะลิ") == ("", "เด็กหญิง่มะลิ")  # a mark, not a name
    assert split_name_prefix("ภูผา") == ("", "ภูผา")
    assert split_name_prefix("") == ("", "")
    row = children(1)[0]
    row[2], row[3] = "", "นางฟ้า"
    kid = plan_of(reg, sheet(row), **whole_file(reg)).rows[0].parsed.child  # type: ignore[arg-type,union-attr]
    assert (kid.prefix, kid.first_name) == ("", "นางฟ้า")
    row[3], row[5] = "นายภูผา", "01/02/2553"  # 16 years old
    kid = plan_of(reg, sheet(row), **whole_file(reg)).rows[0].parsed.child  # type: ignore[arg-type,union-attr]
    assert (kid.prefix, kid.first_name) == ("นาย", "ภูผา")


def test_the_guardians_full_name_in_one_cell_is_split(reg: Database) -> None:
    rows = children(3)
    rows[1][6] = "นายสมชาย ศรีสุข"
    rows[2][6] = "ทองใบ"  # a name alone
    plan = plan_of(reg, sheet(*rows), **whole_file(reg))  # type: ignore[arg-type]
    got = [(g.prefix, g.first_name, g.last_name) for g in
           (r.parsed.guardian for r in plan.rows) if g is not None]  # type: ignore[union-attr]
    assert got == [("นาง", "สมศรี", "ใจดี"), ("นาย", "สมชาย", "ศรีสุข"), ("", "ทองใบ", "")]


# ---------------------------------------------------------------------------- names beside rows
def test_each_problem_names_the_child_of_its_row(reg: Database, tmp_path: Path) -> None:
    rows = children(3)
    rows[1][5] = "31/02/2564"
    rows[2][3] = "ด.ญ.มะลิ"
    rows[2][2] = ""
    rows[2][1] = "123"
    plan = plan_of(reg, sheet(*rows), **whole_file(reg))  # type: ignore[arg-type]
    named = {(p.row, p.name) for p in errors(plan)}
    assert named == {(4, "ด.ญ.มะลิ ศรีสุข"), (5, "ด.ญ.มะลิ บุญมา")}
    headers, report = imports.error_report_rows(plan)
    assert headers[-3:] == ["แถวที่", "ชื่อเด็ก (ตามไฟล์)", "ปัญหา"]
    assert [r[-3:-1] for r in report if r[-3] != "3"] == [["4", "ด.ญ.มะลิ ศรีสุข"],
                                                          ["5", "ด.ญ.มะลิ บุญมา"]]
    # the extra columns are not read back when the fixed report is imported again
    from desktop.domain.columns import guess_mapping

    assert set(guess_mapping(headers)) == set(guess_mapping(HEADERS))


def test_skipped_rows_are_not_in_the_error_report(reg: Database) -> None:
    plan = plan_of(reg, sheet(*class_list_rows(3)[2:]), **whole_file(reg))  # type: ignore[arg-type]
    assert imports.error_report_rows(plan)[1] == []

