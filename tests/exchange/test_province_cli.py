"""``samoe exchange reconcile list|decide`` and ``samoe report province-summary`` at a
province that really imported bundles from two municipalities: Thai output, exit codes,
the decision recorded and audited, the report's Thai read back by poppler."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import run
from office_kit import TOWN_A, TOWN_B
from province_kit import Province, make_province
from sqlalchemy import select

from desktop.domain.identity import format_national_id
from desktop.store.models import AuditEntry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from pdf_checks import assert_clean, needs_poppler, pages_of  # noqa: E402


@pytest.fixture
def province(tmp_path: Path, cheap_wraps: None) -> Iterator[Province]:
    made = make_province(tmp_path / "sites")
    made.p.db.dispose()  # the commands open the file themselves
    yield made
    made.close()


def test_reconcile_list_and_decide(province: Province, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(province.p.path)
    code, out, err = run(capsys, "--db", db, "exchange", "reconcile", "list")
    assert code == 0, err
    assert "รอตรวจสอบ 1 คู่" in out and format_national_id(province.moved_national_id) in out
    assert TOWN_A[1] in out and TOWN_B[1] in out and "ย้ายมา จากบ้านใหม่" in out
    pair = out.split("[", 1)[1].split("]", 1)[0]
    code, out, err = run(capsys, "--db", db, "exchange", "reconcile", "decide", pair, "moved",
                         "--note", "ย้ายไปอยู่กับยาย")
    assert code == 0 and "ย้าย" in out and "ย้ายไปอยู่กับยาย" in out, err
    code, out, _ = run(capsys, "--db", db, "exchange", "reconcile", "list", "--open")
    assert code == 0 and "ไม่มีคู่ที่รอตรวจสอบ" in out
    code, out, _ = run(capsys, "--db", db, "exchange", "reconcile", "list")
    assert "ผล: ย้าย โดย admin" in out and "หมายเหตุ: ย้ายไปอยู่กับยาย" in out
    province.p.reopen()
    with province.p.db.reader() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_reconcile")).one().actor == "admin"


def test_status_says_who_is_quiet(province: Province, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(province.p.path), "exchange", "status")
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.startswith("  ")]
    assert TOWN_B[0] in lines[0] and "[ไม่ได้ส่ง" in lines[0]  # the quiet one first, in words
    assert TOWN_A[0] in lines[1] and "[" not in lines[1] and "ลำดับที่ 2" in lines[1]


def test_reconcile_errors_are_thai_with_their_codes(province: Province, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(province.p.path)
    code, _, err = run(capsys, "--db", db, "exchange", "reconcile", "decide", "999", "moved")
    assert code == 1 and "[exchange.no_pair]" in err and "999" in err
    with pytest.raises(SystemExit) as bad:
        run(capsys, "--db", db, "exchange", "reconcile", "decide", "1", "maybe")
    assert bad.value.code == 2
    with pytest.raises(SystemExit) as bad:
        run(capsys, "--db", db, "exchange", "reconcile", "decide", "x", "moved")
    assert bad.value.code == 2 and "จำนวนเต็มบวก" in capsys.readouterr().err


def test_a_municipality_may_not(tmp_path: Path, office_db: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "samoe.db")  # office_db: a municipality whose admin is also a clerk
    code, _, err = run(capsys, "--db", path, "exchange", "reconcile", "list")
    assert code == 12 and err.strip()


@needs_poppler
def test_province_summary_report(province: Province, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_pdf = tmp_path / "สรุปราย อปท.pdf"
    code, out, err = run(capsys, "--db", str(province.p.path), "report", "province-summary",
                         "--out", str(out_pdf), "--year", "2569")
    assert code == 0 and out_pdf.exists(), err
    pages = pages_of(out_pdf)
    text = "\n".join(pages)
    assert_clean(text)
    assert "สรุปข้อมูลรายองค์กรปกครองส่วนท้องถิ่น" in pages[0] and "ปีการศึกษา 2569" in pages[0]
    for code_, name in (TOWN_A, TOWN_B):
        assert code_ in text and name in text
    assert "ภาพรวมรายองค์กรปกครองส่วนท้องถิ่น" in text and "อปท.) 1 คู่" in text  # one pair, counted once
    assert "เด็กในทะเบียน 30 คน" in text and "เด็กในทะเบียน 21 คน" in text
