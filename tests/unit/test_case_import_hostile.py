"""The case-list import against what a clerk really does (issue 13): the same plan imported
twice (a second click, the window left open), a plan older than the registry (another
clerk opened a case for a child on the list, a child moved to the bin, a new child added
by hand meanwhile) and national IDs Excel turned into scientific notation or a program into floats, dates as
Excel's serial numbers, a formula without its value, a duplicate row made a new child, and
the command killed with SIGKILL while it writes. Each ends in a Thai message that names the
row and what to do, and writes nothing (or all)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from cli_run import run
from fault_files import ROOT, cli, make_demo, text
from sqlalchemy import func, select
from test_case_import import HEAD, NID, TODAY, Sheet, add_child, count, plan_of

from desktop.domain.cases import CaseSource
from desktop.domain.errors import ValidationFailed
from desktop.domain.identity import make_national_id
from desktop.services import cases as case_svc
from desktop.services.case_import import RowKind, commit_case_import
from desktop.services.children import delete_child
from desktop.store.case_state import OosCase
from desktop.store.db import Database
from desktop.store.models import Child, ImportBatch

ROWS = [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],
        ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", NID[5]]]


@pytest.fixture
def reg(office_db: Database) -> Database:
    add_child(office_db, "ภูผา", "ใจกล้า", date(2012, 3, 4), nid=NID[0])
    return office_db


def batches(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(ImportBatch)) or 0)


def test_the_same_plan_imported_twice_is_refused_in_thai(reg: Database) -> None:
    plan = plan_of(reg, Sheet(HEAD, ROWS))
    with reg.session() as s:
        commit_case_import(s, plan)
    before = (count(reg, Child), count(reg, OosCase), batches(reg))
    with pytest.raises(ValidationFailed) as caught, reg.session() as s:
        commit_case_import(s, plan)
    text = " ".join(p.message for p in caught.value.problems)
    assert "แถว 2" in text and "ตรวจสอบ" in text, text
    assert (count(reg, Child), count(reg, OosCase), batches(reg)) == before


def test_a_case_opened_after_the_check_stops_the_import(reg: Database) -> None:
    plan = plan_of(reg, Sheet(HEAD, ROWS))
    child = plan.rows[0].child
    assert child is not None
    with reg.session() as s:
        case_svc.open_case(s, child, TODAY, source=CaseSource.TEACHER)
    before = (count(reg, Child), count(reg, OosCase), batches(reg))
    with pytest.raises(ValidationFailed) as caught, reg.session() as s:
        commit_case_import(s, plan)
    assert any("แถว 2" in p.message for p in caught.value.problems), caught.value.problems
    assert (count(reg, Child), count(reg, OosCase), batches(reg)) == before


def test_a_child_moved_to_the_bin_after_the_check_gets_no_case(reg: Database) -> None:
    plan = plan_of(reg, Sheet(HEAD, ROWS))
    child = plan.rows[0].child
    assert child is not None
    with reg.session() as s:
        delete_child(s, child)
    before = (count(reg, Child), count(reg, OosCase), batches(reg))
    with pytest.raises(ValidationFailed) as caught, reg.session() as s:
        commit_case_import(s, plan)
    assert any("แถว 2" in p.message for p in caught.value.problems), caught.value.problems
    assert (count(reg, Child), count(reg, OosCase), batches(reg)) == before


def test_a_new_child_added_by_hand_after_the_check_is_not_added_twice(reg: Database) -> None:
    plan = plan_of(reg, Sheet(HEAD, ROWS))
    assert plan.rows[1].kind is RowKind.NEW
    add_child(reg, "ใหม่", "มาก", date(2014, 1, 2), nid=NID[5])
    before = (count(reg, Child), count(reg, OosCase), batches(reg))
    with pytest.raises(ValidationFailed) as caught, reg.session() as s:
        commit_case_import(s, plan)
    assert any("แถว 3" in p.message for p in caught.value.problems), caught.value.problems
    assert (count(reg, Child), count(reg, OosCase), batches(reg)) == before


def test_the_command_says_each_row_changed_since_its_check(capsys: pytest.CaptureFixture[str], reg: Database,
                                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another clerk opens a case for a child on the list while the command checks it."""
    from desktop.services import case_import

    real = case_import.plan_case_import

    def then_another_clerk(session, *a, **kw):  # type: ignore[no-untyped-def]
        plan = real(session, *a, **kw)
        with reg.session() as s:
            case_svc.open_case(s, str(plan.rows[0].child), date.today(), source=CaseSource.TEACHER)
        return plan

    monkeypatch.setattr(case_import, "plan_case_import", then_another_clerk)
    path = tmp_path / "รายชื่อ เด็กนอกระบบ.csv"
    path.write_text("\n".join(",".join(r) for r in [HEAD[:6], *ROWS]) + "\n", encoding="utf-8")
    before = (count(reg, Child), count(reg, OosCase), batches(reg))
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path))
    assert code == 1 and "Traceback" not in err, err
    assert "แถว 2 (ด.ช.ภูผา ใจกล้า): เด็กคนนี้มีกรณีที่ยังไม่ปิดแล้ว" in err and "ไม่ได้บันทึก" in err, err
    assert (count(reg, Child), count(reg, OosCase) - 1, batches(reg)) == before


def test_a_national_id_excel_showed_as_1_85e_12_says_what_happened(capsys: pytest.CaptureFixture[str],
                                                                  reg: Database, tmp_path: Path) -> None:
    """A list saved as CSV from Excel with the ID column as numbers: 1.85157E+12, its last
    digits gone. The row, the column, the value and what to do in the source file."""
    path = tmp_path / "zero-dropout.csv"
    rows = [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", "1.10370E+12"],
            ["2", "ด.ช.", "ใหม่", "มาก", "2014-01-02", "1.1e12"]]
    path.write_text("\n".join(",".join(r) for r in [HEAD[:6], *rows]) + "\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--dry-run")
    assert code == 1 and "Traceback" not in err, err
    for row, value in ((2, "1.10370E+12"), (3, "1.1e12")):
        line = next(x for x in err.splitlines() if x.startswith(f"แถว {row} "))
        assert "คอลัมน์ เลขประจำตัวประชาชน" in line and value in line and "เลขยกกำลัง" in line, line
        assert "ข้อความ (Text)" in line, line
    assert count(reg, OosCase) == 0


def test_a_row_made_a_new_child_may_not_take_an_id_someone_holds(reg: Database) -> None:
    """The list's duplicate row, or a row whose ID a registry child with another name
    holds, resolved as "new child": the registry refuses a second child with one national
    ID (children.save_child), so the import does too, naming the row and who holds it."""
    from desktop.services.case_import import NEW_CHILD

    rows = [*ROWS[:1],
            ["2", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", NID[0]],  # the list's duplicate row
            ["3", "ด.ช.", "สมศักดิ์", "ต่างคน", "2010-01-01", NID[0]]]  # another child typed with his ID
    plan = plan_of(reg, Sheet(HEAD, rows))
    assert [r.kind for r in plan.rows] == [RowKind.MATCHED, RowKind.AMBIGUOUS, RowKind.AMBIGUOUS]
    plan = plan_of(reg, Sheet(HEAD, rows), resolutions={3: NEW_CHILD, 4: NEW_CHILD})
    assert [r.kind for r in plan.rows] == [RowKind.MATCHED, RowKind.INVALID, RowKind.INVALID]
    for r in plan.rows[1:]:
        found = [p for p in r.problems if p.field == "national_id"]
        assert found and found[0].row == r.row and "ภูผา ใจกล้า" in found[0].message, r.problems
        assert "แก้เลข" in found[0].message
    with reg.session() as s:
        commit_case_import(s, plan)
    with reg.reader() as s:
        assert s.scalar(select(func.count()).select_from(Child).where(Child.national_id == NID[0])) == 1


def test_a_name_from_a_formula_without_its_value_is_said_once(reg: Database) -> None:
    """The name is a formula Excel never calculated (a file written by a program): the row
    says the cell is a formula to recalculate, not also "the first name is not filled in"
    (the clerk sees a name in Excel)."""
    sh = Sheet(HEAD, [["1", "ด.ช.", "", "ใจกล้า", "2012-03-04", NID[0]]])
    sh.bad_cells = {(2, 2): "เซลล์ C2 เป็นสูตรที่ไม่มีค่าที่คำนวณไว้"}  # type: ignore[attr-defined]
    plan = plan_of(reg, sh)
    assert plan.rows[0].kind is RowKind.INVALID
    said = [(p.row, p.column, p.message) for p in plan.errors()]
    assert said == [(2, "ชื่อ", "เซลล์ C2 เป็นสูตรที่ไม่มีค่าที่คำนวณไว้")], said


def test_a_list_written_by_a_program_or_saved_as_csv_from_excel(capsys: pytest.CaptureFixture[str],
                                                               reg: Database, tmp_path: Path) -> None:
    """A national ID as a float (1103702081001.0, a program's export) or with Excel's text
    mark ('1103702081001) is the ID; a birth
    date as Excel's serial number (40972: the date column saved as CSV with a number
    format) says the date it probably is and what to change in the source file."""
    path = tmp_path / "export.csv"
    rows = [["1", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", f"{NID[0]}.0"],
            ["2", "ด.ช.", "ภูผา", "ใจกล้า", "2012-03-04", f"'{NID[0]}"],  # Excel's text mark kept
            ["3", "ด.ช.", "ใหม่", "มาก", "40972", NID[5]]]
    path.write_text("\n".join(",".join(r) for r in [HEAD[:6], *rows]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--dry-run")
    assert code == 1 and "Traceback" not in err, err
    assert "ตรงกับเด็กในทะเบียน 1 แถว" in out and "ต้องตรวจสอบ 1 แถว" in out, out + err  # row 3 repeats row 2
    assert "ซ้ำกับแถวที่ 2" in out, out
    line = next(x for x in err.splitlines() if x.startswith("แถว 4 "))
    assert "คอลัมน์ วันเกิด" in line and "วันที่ของ Excel" in line and "(04/03/2555)" in line, line


@pytest.mark.parametrize("grown", [64 * 1024, 4 * 1024 * 1024])
def test_kill_9_while_the_import_writes_leaves_all_or_none(tmp_path: Path, grown: int) -> None:
    """``samoe cases import`` killed with SIGKILL once its transaction has written ``grown``
    bytes into the WAL (the check only reads: the WAL grows when the commit writes): the
    file passes its checks and holds none of the list (or, had it finished, all of it)."""
    db = make_demo(tmp_path / "office.db", children=20)
    lines = [",".join(HEAD[:6])]
    lines += [f"{i + 1},ด.ช.,ทดสอบ{chr(0x0E01 + i % 40)},นำเข้า{chr(0x0E01 + i // 40 % 40)},"
              f"{1 + i % 28}/{1 + i % 12}/2557,{make_national_id(f'3{i:011d}')}" for i in range(6000)]
    path = tmp_path / "zero dropout ชุดใหญ่.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def counts() -> tuple[int, int, int]:
        with sqlite3.connect(db) as c:
            assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            return tuple(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                         for t in ("child", "oos_case", "oos_case_status"))

    before = counts()
    env = {k: v for k, v in os.environ.items() if k != "SAMOE_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(db), "cases", "import", str(path)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal, deadline = Path(f"{db}-wal"), time.monotonic() + 300
    base = wal.stat().st_size if wal.exists() else 0
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > base + grown:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    assert proc.wait(60) == -signal.SIGKILL, "the import ended before it was killed: make the list longer"
    after = counts()
    assert after == before, (before, after)  # none of it: nothing half-saved
    check = cli("--db", db, "db", "check")
    assert check.returncode == 0, text(check.stderr)


def test_a_two_digit_year_excel_made_a_date_of_1954_says_so(reg: Database) -> None:
    """23/4/54 typed into an Excel date cell is 23 April 1954 (Excel's own pivot): the
    birth-date row says the year was read as CE and to type the BE year in four digits."""
    plan = plan_of(reg, Sheet(HEAD, [["1", "ด.ช.", "ใหม่", "มาก", "1954-04-23", NID[5]]]))
    found = [p for p in plan.errors() if p.field == "birth_date"]
    assert found and found[0].row == 2 and "พ.ศ. 2554" in found[0].message and "ค.ศ. 1954" in found[0].message, found
    assert [p.field for p in plan.errors()] == ["birth_date"], plan.errors()  # not also the prefix for 72 years


def test_an_id_held_only_in_the_bin_may_be_made_new_as_the_registry_allows(reg: Database) -> None:
    from desktop.services.case_import import NEW_CHILD

    gone = add_child(reg, "ใหม่", "มาก", date(2014, 1, 2), nid=NID[5])
    with reg.session() as s:
        delete_child(s, gone)  # an import undone: its new children in the bin
    plan = plan_of(reg, Sheet(HEAD, ROWS[1:]))
    assert [r.kind for r in plan.rows] == [RowKind.AMBIGUOUS] and "ถังขยะ" in plan.rows[0].reason
    plan = plan_of(reg, Sheet(HEAD, ROWS[1:]), resolutions={2: NEW_CHILD})
    assert [r.kind for r in plan.rows] == [RowKind.NEW]


def test_a_list_on_a_hidden_sheet_is_read_with_sheet(capsys: pytest.CaptureFixture[str], reg: Database,
                                                     tmp_path: Path) -> None:
    """The province's workbook with a cover sheet and the list on a hidden sheet: the
    refusal names the hidden sheet and ``--sheet``, and ``--sheet`` reads it (as
    ``samoe import children`` does); a header row below the one found with ``--header-row``."""
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "ปก"
    cover["A1"] = "รายชื่อเด็กนอกระบบการศึกษา ปี 2569"
    data = book.create_sheet("ข้อมูล")
    data.sheet_state = "hidden"
    for row in [HEAD[:6], *ROWS]:
        data.append(row)
    path = tmp_path / "ZD 2569.xlsx"
    book.save(path)
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--dry-run")
    assert code == 1 and "Traceback" not in err, err
    assert "ข้อมูล" in err and "--sheet" in err, err
    code, out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--sheet", "ข้อมูล", "--dry-run")
    assert code == 0, err
    assert "ตรงกับเด็กในทะเบียน 1 แถว เป็นเด็กใหม่ 1 แถว" in out, out
    code, out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--sheet", "2",
                         "--header-row", "1", "--dry-run")
    assert code == 0 and "ตรงกับเด็กในทะเบียน 1 แถว" in out, err
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--sheet", "9")
    assert code == 1 and "Traceback" not in err and err.strip(), err
    assert count(reg, OosCase) == 0


def test_a_dry_run_with_nothing_to_import_says_why_on_stderr(capsys: pytest.CaptureFixture[str], reg: Database,
                                                             tmp_path: Path) -> None:
    """The list was imported already: every row has its open case. The dry run's exit 1 is
    not left without a word on stderr (a script that keeps stderr only saw nothing)."""
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(r) for r in [HEAD[:6], *ROWS]) + "\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path))
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path), "--dry-run")
    assert code == 1 and "ไม่มีกรณีอยู่แล้ว" not in err
    assert "ไม่มีแถวที่นำเข้าได้" in err and "ตรวจอย่างเดียว" in out, (out, err)


def test_a_refusal_for_many_changed_rows_says_the_first_and_a_count(capsys: pytest.CaptureFixture[str],
                                                                     reg: Database, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two clerks import a 25,000-row list at once: the second is refused row by row; the
    command says the first rows and how many more, not 24,674 lines."""
    from desktop.domain.errors import Problem
    from desktop.services import case_import

    def refused(*_a, **_kw):  # type: ignore[no-untyped-def]
        raise ValidationFailed([Problem("row", f"แถว {n}: เด็กคนนี้มีกรณีที่ยังไม่ปิดแล้ว") for n in range(2, 502)])

    monkeypatch.setattr(case_import, "commit_case_import", refused)
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(r) for r in [HEAD[:6], *ROWS]) + "\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(reg.path), "cases", "import", str(path))
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) < 30, len(lines)
    assert "แถว 2:" in err and "แถว 21:" in err and "แถว 22:" not in err, err
    assert "และอีก 480 แถว" in err and "ไม่ได้บันทึก" in err, err
