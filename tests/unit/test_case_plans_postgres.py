"""The plan's services on PostgreSQL (the same throwaway server as test_postgres.py): the
demo's cases load, and the dashboard, the month's report figures and every case's plan
line, assessment, follow-ups and referrals read the same as on SQLite from the same demo;
a plan drafted, submitted and approved there reads back with its hash."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from case_plan_kit import plan
from sqlalchemy import select, text

from desktop.domain.case_plan import PlanStatus, content_hash
from desktop.domain.cases import CaseStatus
from desktop.services.case_assess import latest_assessment
from desktop.services.case_dashboard import case_dashboard
from desktop.services.case_followups import follow_ups
from desktop.services.case_plans import approve_plan, plan_line, save_plan, submit_plan
from desktop.services.case_print import monthly_data
from desktop.services.case_referrals import referrals
from desktop.services.cases import set_self_approval
from desktop.services.demo import fill_demo
from desktop.services.office import init_office
from desktop.store import migrate
from desktop.store.case_state import OosCase
from desktop.store.db import Database

TODAY = date(2026, 12, 1)


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    yield db
    db.dispose()


def _read(db: Database) -> dict[str, object]:
    out: dict[str, object] = {}
    with db.reader() as s:
        ids = s.scalars(select(OosCase.id).order_by(OosCase.id)).all()
        out["dashboard"] = case_dashboard(s, TODAY)
        out["academic"] = case_dashboard(s, TODAY, year="academic")
        out["month"] = monthly_data(s, 2026, 11, today=TODAY)
        for i in ids:  # the rows' own ids and uuids aside (each database numbers its own)
            a = latest_assessment(s, i, today=TODAY)
            out[f"case {i}"] = (plan_line(s, i), a and (a.assessment, a.complete, a.needs),
                                [replace(f, id=0) for f in follow_ups(s, i)],
                                [replace(r, id=0, uuid="") for r in referrals(s, i)])
    return out


def test_the_plans_services_on_postgresql_are_those_on_sqlite(pg: Database, office_db: Database) -> None:
    with pg.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    for db in (pg, office_db):
        fill_demo(db.engine, children=1000, seed=3, today=TODAY, screenings=True)
    on_pg, on_sqlite = _read(pg), _read(office_db)
    assert len(on_sqlite) > 20
    for key, value in on_sqlite.items():
        assert on_pg[key] == value, key
    with pg.reader() as s:  # a new plan on a demo case assessed
        case_id = s.scalars(select(OosCase.id).where(OosCase.status == CaseStatus.FOUND.value)).first()
    assert case_id is not None
    with pg.session() as s:
        set_self_approval(s, True)  # the tests' user writes and approves
        save_plan(s, case_id, plan(), today=TODAY)
        v = submit_plan(s, case_id, today=TODAY)
        approve_plan(s, case_id, v.number, content_hash(v.content), today=TODAY)
    with pg.reader() as s:
        line = plan_line(s, case_id)
    assert [x.status for x in line.versions] == [PlanStatus.APPROVED] and line.faults == []
    assert line.versions[0].content == plan()
