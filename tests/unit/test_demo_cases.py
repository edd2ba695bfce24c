"""``samoe demo`` fills out-of-school cases (issue 13): every status of the case's path, each
history one the move table allows, assessments complete, plans approved and in draft (one
revised: version 1 superseded, still as approved), follow-ups with some overdue, referrals
in every status; the services read every case back without a fault, the kept due dates
equal the domain's, the printouts print; and it stays fast."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from desktop.domain.case_followup import Schedule, due_on
from desktop.domain.case_plan import PlanStatus
from desktop.domain.case_referral import ReferralStatus
from desktop.domain.cases import MOVES, CaseStatus
from desktop.services.case_assess import latest_assessment
from desktop.services.case_dashboard import case_dashboard
from desktop.services.case_plans import plan_line
from desktop.services.case_print import case_summary_file, monthly_report_file
from desktop.services.demo import fill_demo
from desktop.services.demo_cases import fill_cases
from desktop.store.case_state import OosCase, OosCaseStatus, OosReferral
from desktop.store.db import Database
from desktop.store.models import AuditEntry, Institution

TODAY = date(2026, 12, 1)


def test_the_demo_has_cases_in_every_status(office_db: Database, tmp_path: Path) -> None:
    fill_demo(office_db.engine, children=1000, seed=4, today=TODAY, screenings=True)
    with office_db.reader() as s:
        cases = s.scalars(select(OosCase).order_by(OosCase.id)).all()
        history = s.execute(select(OosCaseStatus.case_id, OosCaseStatus.from_status, OosCaseStatus.to_status,
                                   OosCaseStatus.changed_on).order_by(OosCaseStatus.id)).all()
        referrals = set(s.scalars(select(OosReferral.status)))
        lines = {c.id: plan_line(s, c.id) for c in cases}
        assessed = [latest_assessment(s, c.id, today=TODAY) for c in cases if c.status == CaseStatus.ASSESSED]
        dash = case_dashboard(s, TODAY)
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "demo")).one()
        assert case_summary_file(s, next(c.id for c in cases if c.status == CaseStatus.BACK_IN_SCHOOL),
                                 tmp_path / "case.pdf", today=TODAY) >= 1
        assert monthly_report_file(s, 2026, 11, tmp_path / "month.pdf", today=TODAY) >= 1
    assert {CaseStatus(c.status) for c in cases} == set(CaseStatus)
    assert referrals == {r.value for r in ReferralStatus}
    last: dict[int, tuple[str, date]] = {}
    for case_id, old, new, on in history:  # every move one the table allows, in date order
        if old:
            assert (CaseStatus(old), CaseStatus(new)) in MOVES and last[case_id][0] == old
            assert on >= last[case_id][1]
        last[case_id] = (new, on)
    assert all(last[c.id][0] == c.status for c in cases)
    assert all(not line.faults for line in lines.values())
    statuses = [tuple(v.status for v in line.versions) for line in lines.values()]
    assert (PlanStatus.SUPERSEDED, PlanStatus.APPROVED) in statuses
    assert (PlanStatus.APPROVED, PlanStatus.SUBMITTED) in statuses and (PlanStatus.DRAFT,) in statuses
    assert assessed and all(a is not None and a.complete for a in assessed)
    for c in cases:  # the kept due date is the domain's
        assert c.follow_due_on == due_on(Schedule(str(c.id), CaseStatus(c.status), c.followed_since, c.last_visit_on,
                                                  c.last_next_on))
    assert 0 < dash.overdue < sum(1 for c in cases if c.follow_due_on) and dash.returned > 0
    assert '"oos_cases"' in detail
    print(f"demo cases: {len(cases)}, overdue {dash.overdue}, returned {dash.returned}, median {dash.median_days}")


def test_filling_cases_is_fast_and_once(office_db: Database) -> None:
    fill_demo(office_db.engine, children=2000, seed=5, today=TODAY)  # the registry only
    with office_db.engine.begin() as conn:
        office = int(conn.scalar(select(Institution.origin_office_id).limit(1)) or 0)
        t0 = time.perf_counter()
        made = fill_cases(conn, office_id=office, seed=5, today=TODAY)
        took = time.perf_counter() - t0
        again = fill_cases(conn, office_id=office, seed=5, today=TODAY)
        rows = conn.scalar(select(func.count()).select_from(OosCaseStatus))
    print(f"demo cases: {made} cases, {rows} status rows in {took * 1000:.0f} ms")
    assert made >= 15 and again == 0
    assert took < 2.0


def test_the_demo_cases_are_assigned_to_demo_case_workers(office_db: Database) -> None:
    """The demo's cases name real users (case workers holding the role, a supervisor who
    approved), so the list's worker filter and "mine" find them; made once."""
    from desktop.domain.cases import CaseStatus as S
    from desktop.services.cases_lists import CaseQuery, list_cases
    from desktop.services.demo_cases import PEOPLE, SUPERVISOR, WORKERS, make_people
    from desktop.services.people import case_workers, full_names
    from desktop.store.models import AppUser

    fill_demo(office_db.engine, children=1000, seed=4, today=TODAY, screenings=True)
    with office_db.reader() as s:
        workers = set(s.scalars(select(OosCase.worker)))
        approvers = set(s.scalars(select(OosCase.approved_by).where(OosCase.status == S.CLOSED.value)))
        assert {p.login for p in case_workers(s)} >= set(WORKERS)
        assert workers == set(WORKERS)
        assert approvers <= {SUPERVISOR, ""} and SUPERVISOR in approvers
        assert full_names(s, PEOPLE) == PEOPLE
        for login in WORKERS:
            assert list_cases(s, CaseQuery(worker=login), today=TODAY).total > 0
            assert list_cases(s, CaseQuery(worker=PEOPLE[login].split()[0]), today=TODAY).total > 0
        users = s.scalar(select(func.count()).select_from(AppUser))
    with office_db.engine.begin() as conn:
        assert make_people(conn) == 0  # already there
    with office_db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AppUser)) == users
