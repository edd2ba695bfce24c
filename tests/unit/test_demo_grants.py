"""The demo's grant round (issue 11): ``samoe demo`` and the window's demo (fill_demo with
screenings and ``grant_round``) make one round of term 1 whose eligible list has children
in, held and out, attendance at and below the threshold, and a few children paid within
their amount; the tests' demo registries (no ``grant_round``) have none."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.domain.grants import Outcome
from desktop.services.demo import fill_demo
from desktop.services.grants import eligibility, rounds
from desktop.services.grants_payments import reconciliation
from desktop.store.db import Database
from desktop.store.grant_state import GrantPayment, TermAttendance


def test_the_demo_has_a_round_with_every_outcome_and_some_paid(office_db: Database) -> None:
    fill_demo(office_db.engine, children=600, seed=4, today=date(2026, 11, 30), screenings=True, grant_round=True)
    with office_db.reader() as s:
        made = rounds(s)
        assert [(r.term, r.programme, r.attendance_percent) for r in made] == [("1/2569", "eef_equity", 80)]
        rows = eligibility(s, made[0].id)
        total = reconciliation(s, made[0].id, rows)[-1]
        days = s.scalars(select(TermAttendance.days_present)).all()
        paid = s.scalars(select(GrantPayment.amount)).all()
    assert {r.outcome for r in rows} == set(Outcome)
    assert any("ต่ำกว่าเกณฑ์" in r.reason for r in rows) and any("ยังไม่ได้บันทึก" in r.reason for r in rows)
    assert min(days) < 80 <= max(days)
    assert paid and 0 < total.paid < total.eligible and total.paid_amount == sum(paid)
    assert all(r.paid <= r.amount for r in rows)


def test_no_round_unless_asked(office_db: Database) -> None:
    fill_demo(office_db.engine, children=200, seed=4, today=date(2026, 11, 30), screenings=True)
    with office_db.reader() as s:
        assert rounds(s) == []
