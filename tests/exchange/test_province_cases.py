"""The province's out-of-school cases per municipality (issue 13), from real bundles of two
municipalities, checked against each municipality's own case rows counted one by one; a
case closed at the municipality moves from open to its outcome at the province with the
next bundle; the PDF reads back in five readers, the spreadsheet's numbers are the
figures; the command prints and writes them; a user who is not a province officer is
refused."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from actors import TEST_PASSWORD
from cli_run import run
from office_kit import TODAY, TOWN_A, TOWN_B, Site
from province_sent_kit import send, two_sent
from sqlalchemy import select

from desktop.domain.cases import outcome_label, status_label
from desktop.domain.roles import Role
from desktop.services.access import Grant, NotPermitted, authenticate, sign_in
from desktop.services.province_cases import (
    CaseFigures,
    export_province_cases,
    province_cases,
    province_cases_pdf,
)
from desktop.services.reports import ReportOptions
from desktop.services.users import add_user
from desktop.store.case_state import OosCase

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from pdf_readers import READERS, read_pages, squeeze  # noqa: E402


@dataclass
class Two:
    a: Site
    b: Site
    p: Site
    tmp: Path


@pytest.fixture
def two(tmp_path: Path, cheap_wraps: None) -> Iterator[Two]:
    a, b, p = two_sent(tmp_path)
    yield Two(a, b, p, tmp_path)
    for site in (a, b, p):
        site.db.dispose()


def _by_hand(site: Site) -> CaseFigures:
    status: Counter[str] = Counter()
    outcome: Counter[str] = Counter()
    overdue = 0
    with site.db.reader() as s:
        for case in s.scalars(select(OosCase).where(OosCase.deleted_at.is_(None))):
            if case.status == "closed":
                outcome[case.outcome] += 1
                continue
            status[case.status] += 1
            overdue += case.follow_due_on is not None and case.follow_due_on < TODAY
    return CaseFigures(sum(status.values()), sum(outcome.values()), overdue, dict(sorted(status.items())),
                       dict(sorted(outcome.items())))


def test_the_figures_are_the_municipalities_cases_counted_by_hand(two: Two) -> None:
    with two.p.db.reader() as s:
        data = province_cases(s, today=TODAY)
    by_code = {m.code: m.figures for m in data.municipalities}
    assert by_code == {TOWN_A[0]: _by_hand(two.a), TOWN_B[0]: _by_hand(two.b)}
    a = by_code[TOWN_A[0]]
    assert a.open > 0 and a.closed > 0 and len(a.by_status) > 1
    assert data.total == by_code[TOWN_A[0]] + by_code[TOWN_B[0]]

    with two.a.db.session() as s:  # a case closed at A: back in school
        case = s.scalars(select(OosCase).where(OosCase.status != "closed").order_by(OosCase.id)).first()
        assert case is not None
        case.status, case.outcome, case.closed_on = "closed", "back_in_school", TODAY
    send(two.a, two.p, two.tmp / "a-2.samoe")
    with two.p.db.reader() as s:
        after = {m.code: m.figures for m in province_cases(s, today=TODAY).municipalities}[TOWN_A[0]]
    assert after == _by_hand(two.a)
    assert (after.open, after.closed) == (a.open - 1, a.closed + 1)
    assert after.outcomes.get("back_in_school", 0) == a.outcomes.get("back_in_school", 0) + 1


def test_the_command_prints_and_refuses(two: Two, capsys: pytest.CaptureFixture[str]) -> None:
    with two.p.db.reader() as s:
        data = province_cases(s)
    code, out, err = run(capsys, "--db", str(two.p.path), "report", "province-cases")
    assert code == 0, err
    assert TOWN_A[1] in out and TOWN_B[1] in out and "รวมทั้งจังหวัด" in out
    assert f"เปิดอยู่ {data.total.open:,} กรณี" in out and "กลับเข้าเรียนในโรงเรียน" in out
    for name in ("cases.pdf", "cases.xlsx", "cases.csv"):
        code, out, err = run(capsys, "--db", str(two.p.path), "report", "province-cases", "--out",
                             str(two.tmp / name))
        assert code == 0 and (two.tmp / name).stat().st_size > 0, err
    code, out, err = run(capsys, "--db", str(two.p.path), "report", "province-cases", "--out",
                         str(two.tmp / "x.doc"))
    assert code == 2 and ".pdf" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", str(two.a.path), "report", "province-cases")
    assert code == 12 and "Traceback" not in err
    with two.p.db.session() as s:
        add_user(s, "clerk", TEST_PASSWORD, roles=[Grant(Role.CLERK)])
    sign_in(two.p.db, authenticate(two.p.db, "clerk", TEST_PASSWORD))
    with two.p.db.reader() as s, pytest.raises(NotPermitted):
        province_cases(s)


def test_the_pdf_reads_back_in_every_reader_and_the_sheet_holds_the_figures(two: Two, tmp_path: Path) -> None:
    pdf, sheet = tmp_path / "cases.pdf", tmp_path / "cases.csv"
    with two.p.db.reader() as s:
        data = province_cases(s, today=TODAY)
        pages = province_cases_pdf(s, pdf, ReportOptions(today=TODAY))
        rows = export_province_cases(s, sheet, today=TODAY)
        assert export_province_cases(s, tmp_path / "cases.xlsx", today=TODAY) == rows
    assert pages >= 1 and rows == len(data.municipalities) + 1
    t = data.total
    labels = [label for _k, label, _n in t.breakdown()]
    assert len(labels) > 2
    words = ["สรุปกรณีเด็กนอกระบบการศึกษารายองค์กรปกครองส่วนท้องถิ่น", TOWN_A[1], TOWN_B[1], "รวมทั้งจังหวัด",
             f"เปิดอยู่{t.open:,}กรณี", f"เลยกำหนดนิเทศติดตาม{t.overdue:,}กรณี", "กลับเข้าเรียนหรือทำงาน",
             "เปิดอยู่ตามสถานะ", "ปิดแล้วตามผล", *labels]
    for reader in READERS:
        text = squeeze("".join(read_pages(reader, pdf)))
        missing = [w for w in words if squeeze(w) not in text]
        assert missing == [], (reader, missing)
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    header, body = table[0], table[1:]
    assert header[:8] == ["ณ วันที่", "รหัส อปท.", "อปท.", "เปิดอยู่ (กรณี)", "เลยกำหนดติดตาม (กรณี)",
                          "ปิดแล้ว (กรณี)", "กลับเข้าเรียนหรือทำงาน (กรณี)", "ปิดด้วยเหตุอื่น (กรณี)"]
    for m in data.municipalities:
        row = next(r for r in body if r[1] == m.code)
        f = m.figures
        assert [int(v) for v in row[3:8]] == list(f.cells())
        for status, n in f.by_status.items():
            assert int(row[header.index(f"เปิดอยู่: {status_label(status)}")]) == n
        for outcome, n in f.outcomes.items():
            column = f"ปิดแล้ว: {outcome_label(outcome) if outcome else 'ไม่ระบุผล'}"
            assert int(row[header.index(column)]) == n
    assert body[-1][2] == "รวมทั้งจังหวัด" and [int(v) for v in body[-1][3:8]] == list(t.cells())
