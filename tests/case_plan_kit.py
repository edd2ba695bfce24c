"""Cases driven through the services to a status, with a complete assessment and an
approved plan on the way, for the tests of the assessment, plan, follow-up, referral,
dashboard and printout services (tests/unit/test_case_*_service.py, test_case_print.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from actors import EVERY_ROLE, actor_with
from case_core_kit import USERS

from desktop.domain.case_needs import Area, AreaRating, Assessment, LeaveReason, Level
from desktop.domain.case_plan import Agency, Goal, PlanAction, PlanContent, content_hash
from desktop.domain.cases import CaseSource, CaseStatus
from desktop.services.access import sign_in
from desktop.services.case_assess import save_assessment
from desktop.services.case_plans import approve_plan, save_plan, submit_plan
from desktop.services.cases import move_case, open_case
from desktop.store.db import Database

TODAY = date(2026, 12, 1)
OPENED = date(2026, 9, 1)
FOUND = date(2026, 9, 5)
ASSESSED = date(2026, 9, 10)
IN_PLAN = date(2026, 9, 12)
BACK = date(2026, 10, 15)


@contextmanager
def as_user(db: Database, name: str) -> Iterator[None]:
    """Work as one of case_core_kit's users (worker1, boss1, clerk1 ...) in the block."""
    sign_in(db, actor_with(USERS[name], name=name))
    try:
        yield
    finally:
        sign_in(db, EVERY_ROLE)


def assessment(on: date = ASSESSED, by: str = "worker1") -> Assessment:
    """Complete: every area rated, economic and learning needs, reasons given."""
    areas = {a: AreaRating(Level.NONE) for a in Area}
    areas[Area.ECONOMIC] = AreaRating(Level.URGENT, frozenset({"low_income", "must_earn"}), "แม่ป่วย รายได้ไม่พอ")
    areas[Area.LEARNING] = AreaRating(Level.SOME, frozenset({"behind"}))
    return Assessment(on, by, areas, frozenset({LeaveReason.POVERTY, LeaveReason.WORK}),
                      last_school="โรงเรียนบ้านใหม่วิทยา", left_on=date(2026, 6, 1))


def plan(due: date = date(2027, 3, 31), budget: int = 150_000) -> PlanContent:
    return PlanContent((
        Goal("กลับเข้าเรียน กศน. ภาคเรียนที่ 2/2569", Area.LEARNING, (
            PlanAction("พาไปสมัครเรียนที่ กศน.อำเภอเมือง", Agency.NFE, "กศน.อำเภอเมือง", "นางสาวมาลี ครูดี", due, 0),
            PlanAction("จัดหาชุดและอุปกรณ์การเรียน", Agency.MUNICIPALITY, "กองการศึกษา", "นายสมชาย ใจดี", due,
                       budget))),
        Goal("ครอบครัวมีรายได้พอใช้จ่าย", Area.ECONOMIC, (
            PlanAction("ส่งต่อขอรับเงินสงเคราะห์ครอบครัว", Agency.SOCIAL_DEVELOPMENT, "พมจ.นครราชสีมา",
                       "นางสาวมาลี ครูดี", due, 300_000),)),
    ), note="ทบทวนแผนทุก 3 เดือน")


def approved_plan(db: Database, case_id: int, on: date = IN_PLAN) -> None:
    with as_user(db, "worker1"), db.session() as s:
        save_plan(s, case_id, plan(), today=on)
        v = submit_plan(s, case_id, today=on)
    with as_user(db, "boss1"), db.session() as s:
        approve_plan(s, case_id, v.number, content_hash(v.content), today=on)


def case_at(db: Database, child_uuid: str, status: CaseStatus, *, opened: date = OPENED, found: date = FOUND,
            in_plan: date = IN_PLAN, back: date = BACK, place: str = "โรงเรียนบ้านใหม่วิทยา") -> int:
    """A case of the child moved along the main path to ``status`` (found, assessed,
    in_plan or one of the returns); its id."""
    with as_user(db, "worker1"), db.session() as s:
        case_id = open_case(s, child_uuid, opened, source=CaseSource.ZERO_DROPOUT, worker="worker1",
                            today=TODAY).id
    path = [CaseStatus.FOUND, CaseStatus.ASSESSED, CaseStatus.IN_PLAN]
    for step in path:
        if step is CaseStatus.ASSESSED:
            with as_user(db, "worker1"), db.session() as s:
                save_assessment(s, case_id, assessment(min(found + (ASSESSED - FOUND), TODAY)), today=TODAY)
        if step is CaseStatus.IN_PLAN:
            approved_plan(db, case_id, in_plan)
        on = {CaseStatus.FOUND: found, CaseStatus.ASSESSED: min(found + (ASSESSED - FOUND), TODAY),
              CaseStatus.IN_PLAN: in_plan}[step]
        with as_user(db, "worker1"), db.session() as s:
            move_case(s, case_id, step, on, today=TODAY)
        if step is status:
            return case_id
    with as_user(db, "worker1"), db.session() as s:
        move_case(s, case_id, status, back, place=place, today=TODAY)
    return case_id
