"""The cases' dashboard (issue 13) against figures worked out by hand: counts by status,
the children returned this fiscal year (1 Oct - 30 Sep) or academic year (16 May -
15 May), each counted once however often they moved between returns, the median days
from found to the first return, the overdue follow-ups; counts only, for stats.read too."""

from __future__ import annotations

from datetime import date

import pytest
from actors import EVERY_ROLE, actor_with
from case_core_kit import case_children
from case_plan_kit import TODAY, as_user, case_at

from desktop.domain.cases import CaseSource, CaseStatus
from desktop.domain.roles import Role
from desktop.services.access import NotPermitted, sign_in
from desktop.services.case_dashboard import case_dashboard, year_of
from desktop.services.cases import move_case, open_case
from desktop.store.db import Database


def test_the_years() -> None:
    assert year_of(date(2026, 12, 1)) == (date(2026, 10, 1), date(2027, 9, 30), "ปีงบประมาณ 2570")
    assert year_of(date(2026, 9, 30))[2] == "ปีงบประมาณ 2569"
    assert year_of(date(2026, 12, 1), "academic") == (date(2026, 5, 16), date(2027, 5, 15), "ปีการศึกษา 2569")
    assert year_of(date(2026, 5, 15), "academic")[2] == "ปีการศึกษา 2568"


@pytest.fixture
def cases(office_db: Database) -> Database:
    kit = case_children(office_db, 6)
    c = kit.children
    case_at(office_db, c[0], CaseStatus.BACK_IN_SCHOOL, back=date(2026, 10, 15))  # found 5 Sep: 40 days
    case_at(office_db, c[1], CaseStatus.IN_NFE, back=date(2026, 11, 4), place="กศน.อำเภอเมือง")  # 60 days
    moved = case_at(office_db, c[2], CaseStatus.IN_NFE, back=date(2026, 10, 25), place="กศน.อำเภอเมือง")  # 50
    with as_user(office_db, "worker1"), office_db.session() as s:
        move_case(s, moved, CaseStatus.IN_VOCATIONAL, date(2026, 11, 10), place="วิทยาลัยการอาชีพ", today=TODAY)
    case_at(office_db, c[3], CaseStatus.WORKING, back=date(2026, 9, 20), place="อู่ซ่อมรถ")  # last fiscal year: 15
    case_at(office_db, c[4], CaseStatus.FOUND)
    with as_user(office_db, "worker1"), office_db.session() as s:
        open_case(s, c[5], date(2026, 11, 20), source=CaseSource.VOLUNTEER, today=TODAY)
    return office_db


def test_the_figures_by_hand(cases: Database) -> None:
    with as_user(cases, "worker1"), cases.reader() as s:
        fiscal = case_dashboard(s, TODAY)
        academic = case_dashboard(s, TODAY, year="academic")
    assert fiscal.by_status == {CaseStatus.BACK_IN_SCHOOL: 1, CaseStatus.IN_NFE: 1, CaseStatus.IN_VOCATIONAL: 1,
                                CaseStatus.WORKING: 1, CaseStatus.FOUND: 1, CaseStatus.TO_TRACE: 1}
    assert (fiscal.total, fiscal.open) == (6, 6)
    assert (fiscal.year_name, fiscal.returned, fiscal.median_days, fiscal.timed) == ("ปีงบประมาณ 2570", 3, 50.0, 3)
    assert (academic.year_name, academic.returned, academic.median_days) == ("ปีการศึกษา 2569", 4, 45.0)
    # followed since 12 Sep, none visited: due 12 Oct, overdue on 1 Dec for the four followed
    assert fiscal.overdue == 4
    with as_user(cases, "worker1"), cases.reader() as s:
        assert case_dashboard(s, date(2026, 10, 12)).overdue == 0


def test_counts_only_for_stats_read_and_nothing_for_a_caregiver(cases: Database) -> None:
    sign_in(cases, actor_with(Role.CERTIFIER))  # stats.read
    try:
        with cases.reader() as s:
            assert case_dashboard(s, TODAY).total == 6
        sign_in(cases, actor_with(Role.CAREGIVER))
        with cases.reader() as s, pytest.raises(NotPermitted):
            case_dashboard(s, TODAY)
    finally:
        sign_in(cases, EVERY_ROLE)
