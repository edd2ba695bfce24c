"""A grant round from the demo's screenings: who is in, held or out and why; attendance
exactly at the threshold pays and a day less holds; payments only to the eligible and
within their amount, a transfer with its reference; the reconciliation adds up; the
round's work needs the clerk's ``grants``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actors import EVERY_ROLE, actor_with
from cli_run import run
from pdf_checks import assert_clean, needs_poppler, pages_of
from sqlalchemy import select

from desktop.domain.errors import ValidationFailed
from desktop.domain.grants import Outcome, Programme
from desktop.domain.roles import Role
from desktop.domain.screening import PovertyLevel
from desktop.services.access import NotPermitted, sign_in
from desktop.services.demo import fill_demo
from desktop.services.grants import (
    RoundValues,
    create_round,
    eligibility,
    reconcile,
    record_attendance,
    record_payment,
    rounds,
)
from desktop.store.db import Database
from desktop.store.models import AuditEntry

PAID = date(2026, 12, 15)


@pytest.fixture
def screened(office_db: Database) -> Database:
    fill_demo(office_db.engine, children=600, seed=4, today=date(2026, 11, 30), screenings=True)
    return office_db


def test_a_round_from_screening_to_payment(screened: Database) -> None:
    with screened.session() as s:
        rid = create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค 1/2569", 2569, 1,
                                          levels=frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR}),
                                          attendance_percent=80))
    with screened.reader() as s:
        assert [(r.id, r.term, r.levels, r.attendance_percent) for r in rounds(s)] == [(rid, "1/2569", "extreme,poor", 80)]
        rows = eligibility(s, rid)
    assert {r.outcome for r in rows} == {Outcome.HELD, Outcome.OUT}  # no attendance recorded yet
    waiting = [r for r in rows if r.outcome is Outcome.HELD]
    assert waiting and all("ยังไม่ได้บันทึกการมาเรียน" in r.reason for r in waiting)
    out = [r for r in rows if r.outcome is Outcome.OUT]
    assert any("ยังไม่ได้รับรอง" in r.reason for r in out) and any("ไม่ผ่านเกณฑ์ยากจน" in r.reason for r in out)
    at, below = waiting[0], waiting[1]
    with screened.session() as s:
        record_attendance(s, 2569, 1, [(at.child_uuid, 80, 100), (below.child_uuid, 79, 100)])
    with screened.reader() as s:
        now = {r.child_uuid: r for r in eligibility(s, rid)}
    assert now[at.child_uuid].outcome is Outcome.ELIGIBLE
    assert now[below.child_uuid].outcome is Outcome.HELD and "79/100" in now[below.child_uuid].reason
    amount = now[at.child_uuid].amount
    with screened.session() as s, pytest.raises(ValidationFailed) as caught:
        record_payment(s, rid, below.child_uuid, amount=100, paid_on=PAID, method="cash")
    assert caught.value.problems[0].field == "child"
    with screened.session() as s, pytest.raises(ValidationFailed) as caught:
        record_payment(s, rid, at.child_uuid, amount=amount + 1, paid_on=PAID, method="transfer")
    assert {p.field for p in caught.value.problems} == {"amount", "reference"}
    with screened.session() as s:
        record_payment(s, rid, at.child_uuid, amount=amount, paid_on=PAID, method="transfer", reference="TX-001")
    with screened.session() as s, pytest.raises(ValidationFailed):  # paid in full already
        record_payment(s, rid, at.child_uuid, amount=1, paid_on=PAID, method="cash")
    with screened.reader() as s:
        total = reconcile(s, rid)
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("grant%"))).all()
    assert (total.eligible, total.paid, total.paid_amount, total.unpaid_eligible) == (1, 1, amount, 0)
    assert total.held == len(waiting) - 1
    assert sorted(actions) == ["grant_payment", "grant_round_create"]


def test_attendance_is_checked_whole_before_anything_is_saved(screened: Database) -> None:
    with screened.session() as s:
        rid = create_round(s, RoundValues(Programme.DLA, "ปัจจัยพื้นฐาน 1/2569", 2569, 1))
    with screened.reader() as s:
        uuid = eligibility(s, rid)[0].child_uuid
    with screened.session() as s, pytest.raises(ValidationFailed) as caught:
        record_attendance(s, 2569, 1, [(uuid, 90, 100), ("no-such-child", 1, 2), (uuid, 120, 100)])
    assert [p.field for p in caught.value.problems] == ["row.2", "row.3"]
    with screened.session() as s, pytest.raises(ValidationFailed):
        create_round(s, RoundValues(Programme.EEF, " ", 2569, 1, levels=frozenset()))


def test_only_the_clerk_runs_a_round(screened: Database) -> None:
    for role in (Role.TEACHER, Role.CERTIFIER, Role.ADMIN):
        sign_in(screened, actor_with(role, institution_id=1 if role is Role.TEACHER else None))
        with screened.session() as s, pytest.raises(NotPermitted):
            create_round(s, RoundValues(Programme.EEF, "x", 2569, 1))
    sign_in(screened, EVERY_ROLE)


def test_samoe_grants_commands(screened: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(screened.path)
    code, out, err = run(capsys, "--db", db, "grants", "create", "--name", "ทุนเสมอภาค 1/2569", "--term", "1/2569",
                         "--levels", "extreme,poor", "--attendance", "80")
    assert code == 0 and "รหัส 1" in out, err
    code, out, err = run(capsys, "--db", db, "grants", "rounds")
    assert code == 0 and out.startswith("1  1/2569  ทุนเสมอภาค (กสศ.)") and "รอบทุน 1 รอบ" in out
    sheet = tmp_path / "eligible.xlsx"
    code, out, err = run(capsys, "--db", db, "grants", "eligible", "--round", "1", "--out", str(sheet))
    assert code == 0 and "รอ " in out and sheet.stat().st_size > 3000, err
    import openpyxl

    rows = list(openpyxl.load_workbook(sheet).worksheets[0].iter_rows(values_only=True))
    assert "ลายมือชื่อผู้รับเงิน" in [c for r in rows[:6] for c in r if c]
    for args, expected in ((("grants", "create", "--name", "x", "--term", "3/69"), "1/2569"),
                           (("grants", "create", "--name", "x", "--term", "1/2569", "--levels", "rich"), "--levels"),
                           (("grants", "eligible", "--round", "99"), "ไม่พบรอบทุน")):
        code, _out, err = run(capsys, "--db", db, *args)
        assert code == 2 and expected in err, (args, err)


def test_the_terms_dashboard_and_who_to_follow_up(screened: Database, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.services.screening_list import missing, term_dashboard
    from desktop.store.screening_state import Screening

    with screened.reader() as s:
        counts = term_dashboard(s, 2569, 1)
        rows = missing(s, 2569, 1)
        screened_n = s.query(Screening).count()
        no_position = s.query(Screening).filter(Screening.lat_e6.is_(None)).count()
    assert sum(c.screened for c in counts) == screened_n and all(c.enrolled >= c.screened for c in counts)
    assert sum(c.certified for c in counts) > 0 and sum(c.paid for c in counts) == 0
    not_screened = [r for r in rows if r.what == "ยังไม่ได้คัดกรอง"]
    assert len(not_screened) == sum(c.enrolled - c.screened for c in counts)
    assert len(rows) == len(not_screened) + no_position  # the demo's all have a photo or a reason
    code, out, _err = run(capsys, "--db", str(screened.path), "screening", "dashboard", "--term", "1/2569")
    assert code == 0 and out.splitlines()[-1].startswith("รวม |")
    code, out, _err = run(capsys, "--db", str(screened.path), "screening", "missing", "--term", "1/2569")
    assert code == 0 and f"ต้องตามต่อ {len(rows):,} คน" in out


@needs_poppler
def test_the_rounds_printouts(screened: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with screened.session() as s:
        rid = create_round(s, RoundValues(Programme.EEF, "ทุนเสมอภาค 1/2569", 2569, 1,
                                          levels=frozenset({PovertyLevel.EXTREME, PovertyLevel.POOR})))
    with screened.session() as s:
        rows = eligibility(s, rid)
        record_attendance(s, 2569, 1, [(r.child_uuid, 90, 100) for r in rows if r.outcome is Outcome.HELD])
    with screened.reader() as s:
        eligible = [r for r in eligibility(s, rid) if r.outcome is Outcome.ELIGIBLE]
    code, out, err = run(capsys, "--db", str(screened.path), "grants", "print", "--round", str(rid), "--out",
                         str(tmp_path / "list.pdf"))
    assert code == 0, err
    text = "\n".join(pages_of(tmp_path / "list.pdf"))
    assert_clean(text)
    assert "ลายมือชื่อผู้ปกครองผู้รับเงิน" in text and all(r.child_name in text for r in eligible)
    code, out, err = run(capsys, "--db", str(screened.path), "grants", "print", "--round", str(rid), "--summary",
                         "--out", str(tmp_path / "summary.pdf"))
    assert code == 0, err
    summary = "\n".join(pages_of(tmp_path / "summary.pdf"))
    assert f"มีสิทธิ์ {len(eligible):,} คน" in summary and f"{sum(r.amount for r in eligible):,}" in summary
