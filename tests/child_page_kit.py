"""A registry in which one child has something in every module (services/child_page.py's
tests, unit and GUI): the demo's screenings, grant round, centres, growth and DSPM, and an
out-of-school case with its plan written straight into the tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actors import EVERY_ROLE
from sqlalchemy import select

from desktop.services.access import sign_in
from desktop.store.case_state import (
    OosCase,
    OosFollowUp,
    OosPlanAction,
    OosPlanGoal,
    OosPlanVersion,
    OosReferral,
)
from desktop.store.db import Database
from desktop.store.grant_state import GrantPayment
from desktop.store.growth_state import DspmCheck, GrowthMeasurement
from desktop.store.models import Child, Enrollment
from desktop.store.screening_state import Screening


@dataclass(frozen=True)
class Demo:
    db: Database
    small: str  # a centre child with growth, DSPM and a case with its plan
    school: str  # a school child screened and paid
    centre_id: int  # the small child's centre
    other_centre_id: int


def add_case(db: Database, child_uuid: str) -> None:
    """A case in plan with an approved plan, a follow-up and a referral, written straight
    into the tables (the case services have their own tests)."""
    with db.session() as s:
        child = s.scalars(select(Child).where(Child.uuid == child_uuid)).one()
        office = child.origin_office_id
        case = OosCase(child_id=child.id, status="in_plan", status_on=date(2026, 9, 1), opened_on=date(2026, 7, 1),
                       source="volunteer", worker="worker1", followed_since=date(2026, 9, 1),
                       last_visit_on=date(2026, 10, 1), follow_due_on=date(2026, 10, 31), origin_office_id=office)
        s.add(case)
        s.flush()
        version = OosPlanVersion(case_id=case.id, number=1, status="approved", authors="worker1",
                                 edited_on=date(2026, 8, 20), decided_by="boss1", decided_on=date(2026, 8, 25),
                                 origin_office_id=office)
        s.add(version)
        s.flush()
        goal = OosPlanGoal(version_id=version.id, position=1, text="กลับเข้าเรียนชั้นอนุบาล", origin_office_id=office)
        s.add(goal)
        s.flush()
        s.add(OosPlanAction(goal_id=goal.id, position=1, text="ประสานโรงเรียนรับเข้าเรียน", agency="school",
                            agency_name="โรงเรียนบ้านโนนสูง", person="ครูสมใจ", due=date(2027, 1, 15),
                            origin_office_id=office))
        s.add(OosFollowUp(case_id=case.id, visited_on=date(2026, 10, 1), visited_by="worker1", result="on_track",
                          origin_office_id=office))
        s.add(OosReferral(case_id=case.id, agency="health", agency_name="โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัว",
                          reason="ตรวจพัฒนาการ", sent_on=date(2026, 9, 5), sent_by="worker1", status="sent",
                          status_on=date(2026, 9, 5), origin_office_id=office))


def child_page_demo(path: Path, today: date, children: int = 600) -> Demo:
    from desktop.services.demo import fill_demo
    from desktop.services.office import init_office
    from desktop.store import migrate

    db = Database.open(path)
    sign_in(db, EVERY_ROLE)
    migrate.upgrade(db)
    with db.session() as s:
        init_office(s, name="เทศบาลตำบลทดสอบ", code="9999999", province="นครราชสีมา")
    fill_demo(db.engine, children=children, seed=3, today=today, screenings=True, grant_round=True)
    with db.reader() as s:
        grown = set(s.scalars(select(GrowthMeasurement.child_id))) & set(s.scalars(select(DspmCheck.child_id)))
        small_id = min(grown)
        paid = min(set(s.scalars(select(Screening.child_id))) & set(s.scalars(select(GrantPayment.child_id))))
        small, school = (s.get(Child, i).uuid for i in (small_id, paid))  # type: ignore[union-attr]
        centre_id = s.scalars(select(Enrollment.institution_id).where(Enrollment.child_id == small_id)).first()
        others = {i for i in s.scalars(select(Enrollment.institution_id).join(Child, Child.id == Enrollment.child_id)
                                       .where(Child.id.in_(grown))) if i != centre_id}
    add_case(db, small)
    assert centre_id is not None and others
    return Demo(db, small, school, centre_id, min(others))
