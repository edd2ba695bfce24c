"""``samoe demo`` fills growth measurements and DSPM checks for the demo centres' children
(issue 12): every list has something to show (ผอม, เตี้ย, อ้วน, not measured this term;
checks due, re-checks due or overdue, one referral waiting), every measurement is one the
services would have accepted, and it stays fast."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, select

from desktop.domain.dspm import Outcome
from desktop.domain.growth import Measurement, Method, assess
from desktop.domain.people import Sex
from desktop.services.demo import fill_demo
from desktop.services.demo_growth import fill_growth
from desktop.services.dspm_lists import checks_due, rechecks_due, referrals_waiting
from desktop.services.growth_lists import ListCategory, growth_list, term_period
from desktop.store.db import Database
from desktop.store.growth_state import DspmCheck, DspmCheckItem, DspmReferral, GrowthMeasurement
from desktop.store.models import AcademicYear, AuditEntry, Child, Institution

TODAY = date(2026, 12, 1)


def test_the_demo_has_growth_and_dspm_to_show(office_db: Database) -> None:
    fill_demo(office_db.engine, children=2000, seed=4, today=TODAY, screenings=True)
    with office_db.reader() as s:
        term = term_period(s, date(2026, 11, 30))
        counts = {c: growth_list(s, c, term.start, term.end, limit=1).total for c in ListCategory}
        outcomes = dict(s.execute(select(DspmCheck.outcome, func.count()).group_by(DspmCheck.outcome)).tuples().all())
        rechecks = rechecks_due(s, TODAY).rows
        waiting = referrals_waiting(s, TODAY).rows
        due = checks_due(s, 2026, 11).total
        sample = s.execute(select(GrowthMeasurement, Child.sex, Child.birth_date)
                           .join(Child, Child.id == GrowthMeasurement.child_id).limit(200)).all()
        items = s.scalar(select(func.count()).select_from(DspmCheckItem))
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "demo")).one()
    print(counts, outcomes, len(rechecks), len(waiting), due)
    assert all(counts[c] > 0 for c in ListCategory), counts
    assert outcomes.get(Outcome.ON_TRACK.value, 0) > outcomes.get(Outcome.SUSPECTED_DELAY.value, 0) > 0
    assert outcomes.get(Outcome.REFER_TEDA4I.value) == 1 and len(waiting) == 1
    assert rechecks  # suspected delays whose re-check is still to come or overdue
    assert due > 0 and items > 0 and '"dspm_checks"' in detail
    for m, sex, birth in sample:  # every one passes the single-measurement path's checks
        assess(Measurement(Sex(sex), birth, m.measured_on, m.weight_g / 1000, m.height_mm / 10,
                           Method(m.method) if m.method else None))


def test_filling_growth_is_fast_and_once(office_db: Database) -> None:
    fill_demo(office_db.engine, children=2000, seed=5, today=TODAY)  # the registry only
    with office_db.engine.begin() as conn:
        office = conn.scalar(select(Institution.origin_office_id).limit(1))
        year = conn.scalar(select(AcademicYear.id).where(AcademicYear.year_be == 2569))
        t0 = time.perf_counter()
        made = fill_growth(conn, office_id=int(office or 0), year_id=int(year or 0), seed=5, today=TODAY)
        took = time.perf_counter() - t0
        again = fill_growth(conn, office_id=int(office or 0), year_id=int(year or 0), seed=5, today=TODAY)
    print(f"demo growth: {made} in {took * 1000:.0f} ms")
    assert made[0] > 100 and made[1] > 10 and again == (0, 0)
    assert took < 5.0


def test_no_demo_record_is_dated_after_today(office_db: Database) -> None:
    """A demo made a few days after the term's measuring day (20 November) must not date a
    measurement, a check or a referral after its own "today": the services refuse a
    future date from a person, and a caregiver would see a measurement not yet taken."""
    today = date(2026, 11, 22)  # the measuring days run 20-26 November
    fill_demo(office_db.engine, children=1500, seed=7, today=today, screenings=True)
    with office_db.reader() as s:
        last_measured = s.scalar(select(func.max(GrowthMeasurement.measured_on)))
        last_checked = s.scalar(select(func.max(DspmCheck.checked_on)))
        last_sent = s.scalar(select(func.max(DspmReferral.sent_on)))
        measured_in_term = s.scalar(select(func.count()).select_from(GrowthMeasurement)
                                    .where(GrowthMeasurement.measured_on >= date(2026, 11, 20)))
    assert last_measured is not None and last_measured <= today, last_measured
    assert last_checked is not None and last_checked <= today, last_checked
    assert last_sent is None or last_sent <= today, last_sent
    assert measured_in_term, "the term's measuring days up to today still have measurements"
