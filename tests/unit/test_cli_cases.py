"""``samoe cases list`` and ``samoe cases overdue`` (desktop/cli_cases.py): filters by
status (code or Thai), worker and village, the overdue first, pages; bad arguments end
in a Thai message and exit 2."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from case_core_kit import case_children
from cli_run import run

from desktop.services.cases import open_case
from desktop.store.case_state import OosCase
from desktop.store.db import Database


@pytest.fixture
def cases_db(office_db: Database) -> str:
    kit = case_children(office_db, 8)
    today = date.today()
    with office_db.session() as s:
        ids = [open_case(s, uuid, today - timedelta(days=90), source="teacher",
                         worker="worker1" if i % 2 else "").id for i, uuid in enumerate(kit.children)]
        row = s.get(OosCase, ids[2])  # child 2 lives in หมู่ 3: followed up, 20 days overdue
        assert row is not None
        row.status, row.followed_since = "in_plan", today - timedelta(days=50)
        row.follow_due_on = today - timedelta(days=20)
    return str(office_db.path)


def test_list_filters_and_shows_the_overdue_first(capsys: pytest.CaptureFixture[str], cases_db: str) -> None:
    code, out, err = run(capsys, "--db", cases_db, "cases", "list")
    lines = out.splitlines()
    assert code == 0, err
    assert "ใจงาม002" in lines[0] and "เลยกำหนด 20 วัน" in lines[0]
    assert lines[-1] == "ทั้งหมด 8 กรณี เลยกำหนดนิเทศติดตาม 1 กรณี"
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--status", "รอติดตาม", "--worker", "worker1")
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 4 กรณี")
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--village", "ม.3", "--by-village")
    assert code == 0 and "ใจงาม002" in out and "ใจงาม006" in out and out.splitlines()[-1].startswith("ทั้งหมด 2 กรณี")
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--status", "in_plan")
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 1 กรณี")


def test_overdue_lists_the_late_follow_ups(capsys: pytest.CaptureFixture[str], cases_db: str) -> None:
    code, out, err = run(capsys, "--db", cases_db, "cases", "overdue")
    assert code == 0, err
    assert "ใจงาม002" in out and "เลยกำหนด 20 วัน" in out and "เลยกำหนดนิเทศติดตาม 1 กรณี" in out
    later = (date.today() + timedelta(days=30))
    code, out, _ = run(capsys, "--db", cases_db, "cases", "overdue", "--date", later.strftime("%d/%m/") +
                       str(later.year + 543))
    assert code == 0 and "เลยกำหนด 50 วัน" in out
    code, _out, err = run(capsys, "--db", cases_db, "cases", "overdue", "--date", "1/12/2600")  # 2600 for 2569
    assert code == 2 and "เกินหนึ่งปี" in err


@pytest.mark.parametrize("args", [("list", "--status", "lost"), ("list", "--page", "0"), ("overdue", "--date", "31/02/2569"),
                                  ("overdue", "--page", "x"), ("month", "--month", "2569-11", "--out", "m.pdf")])
def test_bad_arguments_say_so_in_thai(capsys: pytest.CaptureFixture[str], cases_db: str, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, "--db", cases_db, "cases", *args)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and any("\u0e00" <= ch <= "\u0e7f" for ch in err) and "Traceback" not in err


def test_the_month_report_is_for_the_month_last_ended_by_default(capsys: pytest.CaptureFixture[str], cases_db: str,
                                                                   tmp_path: Path) -> None:
    """On 1-5 December the clerk reports November: the month last ended, unless --month says."""
    from desktop.domain.dates import THAI_MONTHS
    from desktop.services.case_print import last_month

    out_pdf = tmp_path / "month.pdf"
    code, out, err = run(capsys, "--db", cases_db, "cases", "month", "--out", str(out_pdf))
    assert code == 0, err
    year, month = last_month(date.today())
    assert f"ประจำเดือน{THAI_MONTHS[month - 1]} {year + 543}" in out
    assert out_pdf.read_bytes().startswith(b"%PDF")
    today = date.today()
    code, out, err = run(capsys, "--db", cases_db, "cases", "month", "--month", f"{today.month}/{today.year + 543}",
                         "--out", str(out_pdf))
    assert code == 0 and f"ประจำเดือน{THAI_MONTHS[today.month - 1]} {today.year + 543}" in out


def test_month_report_refusals_are_thai(capsys: pytest.CaptureFixture[str], cases_db: str, tmp_path: Path) -> None:
    code, _out, err = run(capsys, "--db", cases_db, "cases", "month", "--out", str(tmp_path / "month.xlsx"))
    assert code == 2 and "ลงท้ายด้วย .pdf" in err
    ahead = date.today() + timedelta(days=40)
    code, _out, err = run(capsys, "--db", cases_db, "cases", "month", "--month", f"{ahead.month}/{ahead.year + 543}",
                          "--out", str(tmp_path / "month.pdf"))
    assert code == 2 and "ยังมาไม่ถึง" in err
    missing = tmp_path / "no-such-folder" / "month.pdf"
    code, _out, err = run(capsys, "--db", cases_db, "cases", "month", "--out", str(missing))
    assert code == 2 and "no-such-folder" in err and ".tmp" not in err  # the folder asked for


def _head_and_worker(path: str) -> None:
    """A supervisor and a case worker who can sign in (the kit's users have no password)."""
    from actors import TEST_PASSWORD

    from desktop.domain.roles import Role
    from desktop.services.users import add_user

    db = Database.open(Path(path))
    try:
        from actors import EVERY_ROLE

        from desktop.services.access import sign_in

        sign_in(db, EVERY_ROLE)
        with db.session() as s:
            add_user(s, "head", TEST_PASSWORD, full_name="นางหัวหน้า ดูแลดี", roles=[Role.SUPERVISOR])
            add_user(s, "worker", TEST_PASSWORD, full_name="นายทำงาน ขยันดี", roles=[Role.CASE_WORKER])
    finally:
        db.dispose()


def test_a_supervisor_assigns_a_case_by_login(capsys: pytest.CaptureFixture[str], cases_db: str) -> None:
    _head_and_worker(cases_db)
    code, out, err = run(capsys, "--db", cases_db, "--user", "head", "cases", "assign", "--case", "1",
                         "--worker", "worker")
    assert code == 0, err
    assert "มอบหมายกรณีเลขที่ 1" in out and "นายทำงาน ขยันดี (worker)" in out
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--worker", "ขยันดี")  # by a part of the name
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 1 กรณี") and "นายทำงาน ขยันดี" in out
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--worker", "worker")  # by the login
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 1 กรณี")
    code, out, _ = run(capsys, "--db", cases_db, "--user", "head", "cases", "assign", "--case", "1", "--worker", "-")
    assert code == 0 and "ยกเลิกผู้รับผิดชอบกรณีเลขที่ 1" in out
    code, out, _ = run(capsys, "--db", cases_db, "audit", "log")
    assert code == 0 and out.count("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบกรณี") >= 2


@pytest.mark.parametrize(("user", "args", "code", "said"), [
    ("head", ("--case", "999", "--worker", "worker"), 4, "ไม่พบกรณี 999"),
    ("head", ("--case", "1", "--worker", "nobody"), 1, "ไม่พบผู้ใช้ชื่อ nobody"),
    ("head", ("--case", "1", "--worker", "head"), 1, "ไม่ได้มีบทบาทเจ้าหน้าที่ติดตาม"),
    ("worker", ("--case", "1", "--worker", "worker"), 12, ""),  # a case worker does not assign
])
def test_assign_refusals_are_thai(capsys: pytest.CaptureFixture[str], cases_db: str, user: str,
                                  args: tuple[str, ...], code: int, said: str) -> None:
    _head_and_worker(cases_db)
    got, _out, err = run(capsys, "--db", cases_db, "--user", user, "cases", "assign", *args)
    assert got == code and said in err and "Traceback" not in err
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in err)


@pytest.mark.parametrize("args", [("assign", "--case", "x", "--worker", "w"), ("assign", "--worker", "w"),
                                  ("assign", "--case", "1"), ("assign", "--case", "0", "--worker", "w")])
def test_assign_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], cases_db: str, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, "--db", cases_db, "cases", *args)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and any("\u0e00" <= ch <= "\u0e7f" for ch in err) and "Traceback" not in err


def test_a_worker_nobody_is_called_is_said(capsys: pytest.CaptureFixture[str], cases_db: str) -> None:
    code, _out, err = run(capsys, "--db", cases_db, "cases", "list", "--worker", "nobody")
    assert code == 4 and "ไม่พบผู้ใช้ชื่อ nobody" in err
    code, out, _ = run(capsys, "--db", cases_db, "cases", "list", "--worker", "worker2")  # a user without cases
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 0 กรณี")


@pytest.mark.parametrize("command", ["list", "overdue"])
def test_a_page_past_the_last_is_refused_naming_the_pages(capsys: pytest.CaptureFixture[str], cases_db: str,
                                                         monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """``--page 999`` of a one-page list is a wrong argument (exit 2, on stderr, the pages
    there are named), not an empty page that exits 0."""
    code, out, err = run(capsys, "--db", cases_db, "cases", command, "--page", "999")
    assert code == 2 and "มีเพียง 1 หน้า" in err and "999" in err and out == ""
    import desktop.cli_cases as cli_cases

    monkeypatch.setattr(cli_cases, "PAGE_SIZE", 3)  # 8 cases: 3 pages
    code, out, err = run(capsys, "--db", cases_db, "cases", "list", "--page", "3")
    assert code == 0 and out.splitlines()[-1].endswith("(หน้า 3/3)") and len(out.splitlines()) == 3
    code, out, err = run(capsys, "--db", cases_db, "cases", "list", "--page", "4")
    assert code == 2 and "มีเพียง 3 หน้า" in err and out == ""


def test_an_empty_list_is_no_error_on_its_first_page(capsys: pytest.CaptureFixture[str], office_db: Database) -> None:
    db = str(office_db.path)
    code, out, err = run(capsys, "--db", db, "cases", "list")
    assert code == 0 and out.splitlines()[-1].startswith("ทั้งหมด 0 กรณี") and err == ""
    code, out, err = run(capsys, "--db", db, "cases", "overdue", "--page", "1")
    assert code == 0 and "เลยกำหนดนิเทศติดตาม 0 กรณี" in out and err == ""
    code, out, err = run(capsys, "--db", db, "cases", "list", "--page", "2")
    assert code == 2 and "ไม่มีกรณี" in err and out == ""
