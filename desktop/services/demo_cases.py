"""Made-up out-of-school children's cases for the demo (issue 13), so the case lists, the
case page, the dashboard and the printouts have something to show: about one school-age
child in forty (at least 15 cases) gets a case, in every status of the case's path
(desktop/domain/cases.py), each with its status history; from ``found`` on a needs
assessment; a draft plan for the assessed, an approved plan from ``in_plan`` on (one
revised: version 1 superseded by an approved version 2, one with a new draft waiting);
follow-ups for the followed cases (some overdue, one at risk with its own next date);
referrals sent, accepted, rejected and done; closures asked for and approved.

Every assessment and plan passes the domain's checks (``check_assessment``,
``content_problems``) and every history the move table (``MOVES``) before it is written;
the plans' approved hashes are the domain's ``content_hash``; each case's
``follow_due_on`` is the domain's ``due_on``. No Qt; through Core on services/demo.py's
connection and transaction.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select

from desktop.domain.case_followup import DEFAULT_INTERVAL_DAYS, FollowUpResult, Schedule, due_on
from desktop.domain.case_needs import (
    Area,
    AreaRating,
    Assessment,
    LeaveReason,
    Level,
    check_assessment,
    is_complete,
)
from desktop.domain.case_plan import (
    Agency,
    Goal,
    PlanAction,
    PlanContent,
    PlanStatus,
    content_hash,
    content_problems,
)
from desktop.domain.case_referral import ReferralStatus
from desktop.domain.cases import (
    FOLLOWED_UP,
    MOVES,
    CaseOutcome,
    CaseSource,
    CaseStatus,
    outcome_of,
)
from desktop.domain.roles import Role
from desktop.services.access import hash_password
from desktop.store.case_state import (
    OosAssessment,
    OosAssessmentArea,
    OosCase,
    OosCaseStatus,
    OosFollowUp,
    OosPlanAction,
    OosPlanGoal,
    OosPlanVersion,
    OosReferral,
)
from desktop.store.models import AppUser, Child, UserRole

S = CaseStatus
PERSON = "เจ้าหน้าที่ติดตาม (ตัวอย่าง)"  # a plan action's person: free text
# the demo's people, made as users (make_people) so that the lists' worker filter, "mine"
# and the assignment name real users; login → full name
WORKERS = {"demo_worker1": "นางสาวใจดี ติดตามเก่ง (ตัวอย่าง)", "demo_worker2": "นายขยัน ลงพื้นที่ (ตัวอย่าง)"}
SUPERVISOR = "demo_head"
PEOPLE = {**WORKERS, SUPERVISOR: "นางกำกับ ดูแลดี (ตัวอย่าง)"}
SHARE = 40  # one school-age child in SHARE gets a case
LEAST = 15
PLACES = {S.MOVED_AWAY: "อบต.หนองบัว อ.เมือง จ.ขอนแก่น (ตัวอย่าง)", S.IN_EDUCATION: "โรงเรียนเมืองใหม่ (ตัวอย่าง)",
          S.BACK_IN_SCHOOL: "โรงเรียนบ้านใหม่วิทยา (ตัวอย่าง)", S.IN_NFE: "กศน.อำเภอเมือง (ตัวอย่าง)",
          S.IN_VOCATIONAL: "วิทยาลัยการอาชีพ (ตัวอย่าง)", S.WORKING: "อู่ซ่อมรถยนต์ในตำบล (ตัวอย่าง)"}
MAIN = [S.FOUND, S.ASSESSED, S.IN_PLAN]
# the path to each status (the last is the status itself); closure_requested and closed from a return
PATHS: dict[CaseStatus, list[CaseStatus]] = {
    S.TO_TRACE: [], S.FOUND: [S.FOUND], S.NOT_FOUND: [S.NOT_FOUND], S.MOVED_AWAY: [S.MOVED_AWAY],
    S.DIED: [S.DIED], S.IN_EDUCATION: [S.IN_EDUCATION], S.DECLINED: [S.FOUND, S.DECLINED],
    S.ASSESSED: MAIN[:2], S.IN_PLAN: MAIN,
    S.BACK_IN_SCHOOL: [*MAIN, S.BACK_IN_SCHOOL], S.IN_NFE: [*MAIN, S.IN_NFE],
    S.IN_VOCATIONAL: [*MAIN, S.IN_VOCATIONAL], S.WORKING: [*MAIN, S.WORKING],
    S.CLOSURE_REQUESTED: [*MAIN, S.BACK_IN_SCHOOL, S.CLOSURE_REQUESTED],
    S.CLOSED: [*MAIN, S.IN_NFE, S.CLOSURE_REQUESTED, S.CLOSED],
}
# how often each status is drawn (the followed ones most, so the lists have work in them)
WEIGHTS: dict[CaseStatus, int] = {S.TO_TRACE: 5, S.FOUND: 3, S.NOT_FOUND: 2, S.MOVED_AWAY: 1, S.DIED: 1,
                                  S.IN_EDUCATION: 1, S.DECLINED: 1, S.ASSESSED: 3, S.IN_PLAN: 5, S.BACK_IN_SCHOOL: 4,
                                  S.IN_NFE: 3, S.IN_VOCATIONAL: 2, S.WORKING: 2, S.CLOSURE_REQUESTED: 1, S.CLOSED: 3}


def _plan(due: date, variant: int) -> PlanContent:
    nfe = variant % 2 == 0
    return PlanContent((
        Goal("กลับเข้าเรียน กศน. ภาคเรียนถัดไป" if nfe else "กลับเข้าเรียนในโรงเรียนเดิม", Area.LEARNING, (
            PlanAction("พาไปสมัครเรียนที่ กศน.อำเภอ" if nfe else "ประสานโรงเรียนรับกลับเข้าเรียน",
                       Agency.NFE if nfe else Agency.SCHOOL, "กศน.อำเภอเมือง" if nfe else "โรงเรียนบ้านใหม่วิทยา",
                       "ครูประจำ (ตัวอย่าง)", due, 0),
            PlanAction("จัดหาชุดนักเรียนและอุปกรณ์การเรียน", Agency.MUNICIPALITY, "กองการศึกษา", PERSON, due,
                       150_000 + 50_000 * (variant % 3)))),
        Goal("ครอบครัวมีรายได้พอส่งเด็กเรียน", Area.ECONOMIC, (
            PlanAction("ส่งต่อขอรับเงินสงเคราะห์ครอบครัว", Agency.SOCIAL_DEVELOPMENT, "พมจ. (ตัวอย่าง)", PERSON, due,
                       300_000),)),
    ), note="ทบทวนแผนทุก 3 เดือน")


def _assessment(on: date, rng: random.Random, by: str) -> Assessment:
    areas = {a: AreaRating(Level.NONE) for a in Area}
    areas[Area.ECONOMIC] = AreaRating(Level.URGENT, frozenset({"low_income", rng.choice(["must_earn", "debt"])}))
    areas[Area.LEARNING] = AreaRating(Level.SOME, frozenset({rng.choice(["behind", "literacy", "over_age"])}))
    if rng.random() < 0.3:
        areas[Area.FAMILY] = AreaRating(Level.SOME, frozenset({"without_parents"}))
    reasons = {LeaveReason.POVERTY, rng.choice([LeaveReason.WORK, LeaveReason.LEARNING, LeaveReason.FAMILY])}
    return Assessment(on, by, areas, frozenset(reasons), last_school="โรงเรียนบ้านใหม่วิทยา (ตัวอย่าง)",
                      left_on=on - timedelta(days=rng.randint(120, 400)))


@dataclass
class _Rows:
    cases: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    next_id: dict[str, int] = field(default_factory=dict)
    worker: str = next(iter(WORKERS))  # the login of the case being made's worker

    def id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]


def _targets(n: int, rng: random.Random) -> list[CaseStatus]:
    """Every status at least once, the rest drawn by weight."""
    statuses = list(WEIGHTS)
    out = statuses[:n] if n < len(statuses) else list(statuses)
    out += rng.choices(statuses, weights=[WEIGHTS[s] for s in statuses], k=max(0, n - len(out)))
    rng.shuffle(out)
    return out


def fill_cases(conn: Connection, *, office_id: int, seed: int, today: date) -> int:
    """Cases of school-age demo children (6 to 17 on ``today``) without an open case; how
    many were made (0 when the database already has cases)."""
    if conn.execute(select(OosCase.id).limit(1)).first() is not None:
        return 0
    young, old = date(today.year - 17, today.month, 1), date(today.year - 6, today.month, 1)
    kids = conn.scalars(select(Child.id).where(Child.deleted_at.is_(None), Child.birth_date > young,
                                               Child.birth_date <= old).order_by(Child.id)).all()
    if not kids:
        return 0
    make_people(conn)
    rng = random.Random(f"samoe-demo-cases-{seed}")
    n = min(len(kids), max(LEAST, len(kids) // SHARE))
    chosen = sorted(rng.sample(list(kids), n))
    rows = _Rows(next_id={t.__tablename__: int(conn.execute(select(t.id).order_by(t.id.desc()).limit(1)).scalar() or 0)
                          for t in (OosCase, OosCaseStatus, OosAssessment, OosAssessmentArea, OosPlanVersion,
                                    OosPlanGoal, OosPlanAction, OosFollowUp, OosReferral)})
    revised = waiting = False
    for i, (child_id, target) in enumerate(zip(chosen, _targets(n, rng), strict=True)):
        kind = "revised" if not revised and target is S.BACK_IN_SCHOOL else (
            "waiting" if not waiting and target is S.IN_PLAN else "")
        revised, waiting = revised or kind == "revised", waiting or kind == "waiting"
        _case(rows, child_id, target, i, rng, today, office_id, kind)
    common = {"origin_office_id": office_id}
    for table, batch in ((OosCase, rows.cases), (OosCaseStatus, rows.history), (OosAssessment, rows.assessments),
                         (OosAssessmentArea, rows.areas), (OosPlanVersion, rows.versions), (OosPlanGoal, rows.goals),
                         (OosPlanAction, rows.actions), (OosFollowUp, rows.visits), (OosReferral, rows.referrals)):
        if batch:
            conn.execute(insert(table), _same_keys(table, [{**common, **r} for r in batch]))
            if conn.dialect.name == "postgresql":  # explicit ids do not move the sequence
                name = table.__tablename__
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608
                                     f"(SELECT coalesce(max(id), 1) FROM {name}))")
    return len(rows.cases)


def make_people(conn: Connection) -> int:
    """The demo's case workers and their supervisor as users (``PEOPLE``), those not there
    yet; how many were made. Their passwords are random and said to nobody: an
    administrator sets one (``samoe users passwd``) to sign in as them; until then they
    are names the cases are assigned to."""
    have = set(conn.scalars(select(AppUser.name).where(AppUser.name.in_(list(PEOPLE)))))
    made = 0
    for login, full in PEOPLE.items():
        if login in have:
            continue
        user_id = conn.execute(insert(AppUser).values(name=login, full_name=full,
                                                      password_hash=hash_password(secrets.token_urlsafe(24)))
                               .returning(AppUser.id)).scalar_one()
        role = Role.SUPERVISOR if login == SUPERVISOR else Role.CASE_WORKER
        conn.execute(insert(UserRole).values(user_id=user_id, role=role.value))
        made += 1
    return made


def _same_keys(table: type[Any], batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with the same columns (one executemany): a column a row leaves out gets its
    default ("" for text, None for a date)."""
    keys = {k for r in batch for k in r}
    columns = table.__table__.c
    fill = {k: (columns[k].default.arg if columns[k].default is not None and columns[k].default.is_scalar else None)
            for k in keys}
    return [{**fill, **r} for r in batch]


def _case(rows: _Rows, child_id: int, target: CaseStatus, i: int, rng: random.Random, today: date, office_id: int,
          kind: str) -> None:
    path = PATHS[target]
    rows.worker = list(WORKERS)[i % len(WORKERS)]  # the demo's case workers share the cases
    # one step every 4-20 days, the last at most a few days ago; a followed case's last move long
    # enough ago for its follow-ups (some overdue)
    gaps = [rng.randint(4, 20) for _ in path]
    last_gap = rng.randint(2, 80) if target in FOLLOWED_UP else rng.randint(1, 25)
    opened = today - timedelta(days=sum(gaps) + last_gap)
    case_id = rows.id("oos_case")
    source = (CaseSource.ZERO_DROPOUT if i % 3 else rng.choice([CaseSource.VOLUNTEER, CaseSource.TEACHER])).value
    case: dict[str, Any] = {"id": case_id, "child_id": child_id, "status": S.TO_TRACE.value, "status_on": opened,
                            "status_by": rows.worker, "opened_on": opened, "source": source, "worker": rows.worker}
    rows.history.append({"id": rows.id("oos_case_status"), "case_id": case_id, "from_status": "",
                         "to_status": S.TO_TRACE.value, "changed_on": opened, "changed_by": rows.worker})
    on, current, requested_from = opened, S.TO_TRACE, None
    for step, gap in zip(path, gaps, strict=True):
        assert (current, step) in MOVES, (current, step)
        on += timedelta(days=gap)
        entry: dict[str, Any] = {"id": rows.id("oos_case_status"), "case_id": case_id, "from_status": current.value,
                                 "to_status": step.value, "changed_on": on, "changed_by": rows.worker,
                                 "place": PLACES.get(step, "")}
        if step is S.DECLINED:
            entry["reason"] = "ผู้ปกครองต้องการให้ช่วยงานที่บ้าน (ตัวอย่าง)"
        if step is S.ASSESSED:
            _assess(rows, case_id, on - timedelta(days=1), rng, today, opened)
        if step is S.IN_PLAN:
            _plans(rows, case_id, on, i, kind, today, opened)
            case["followed_since"] = on
        if step is S.CLOSURE_REQUESTED:
            requested_from = current
            entry["outcome"] = outcome_of(current).value
            case.update(requested_from=current.value, requested_by=rows.worker)
        if step is S.CLOSED:
            assert requested_from is not None
            outcome: CaseOutcome = outcome_of(requested_from)
            entry.update(outcome=outcome.value, approved_by=SUPERVISOR, changed_by=SUPERVISOR)
            case.update(outcome=outcome.value, closed_on=on, approved_by=SUPERVISOR)
        rows.history.append(entry)
        if step in PLACES:
            case["place"] = PLACES[step]
        current = step
        case.update(status=step.value, status_on=on, status_by=entry["changed_by"])
    if target is S.ASSESSED:  # a draft plan in the works
        _version(rows, case_id, 1, PlanStatus.DRAFT, _plan(today + timedelta(days=120), i), on, today)
    if current in FOLLOWED_UP or (current in (S.CLOSURE_REQUESTED, S.CLOSED) and case.get("followed_since")):
        _follow_ups(rows, case, current, rng, today)
    if current in (S.FOUND, S.IN_PLAN, S.BACK_IN_SCHOOL, S.IN_NFE, S.CLOSED) and rng.random() < 0.6:
        _referral(rows, case_id, max(opened, on - timedelta(days=3)) if current is S.FOUND else
                  case.get("followed_since") or on, rng, today)
    rows.cases.append(case)


def _assess(rows: _Rows, case_id: int, on: date, rng: random.Random, today: date, opened: date) -> None:
    a = _assessment(max(on, opened), rng, rows.worker)
    assert not check_assessment(a, today=today, opened_on=opened) and is_complete(a, today=today, opened_on=opened)
    aid = rows.id("oos_assessment")
    rows.assessments.append({"id": aid, "case_id": case_id, "assessed_on": a.assessed_on, "assessed_by": a.by,
                             "catalogue_version": a.version, "reasons": ",".join(sorted(r.value for r in a.reasons)),
                             "last_school": a.last_school, "left_on": a.left_on})
    for area, r in a.areas.items():
        rows.areas.append({"id": rows.id("oos_assessment_area"), "assessment_id": aid, "area": area.value,
                           "level": r.level.value if r.level else "", "needs": ",".join(sorted(r.needs))})


def _plans(rows: _Rows, case_id: int, on: date, i: int, kind: str, today: date, opened: date) -> None:
    """The plan approved on ``on`` (the move to in_plan): version 1, or for the revised case
    version 1 superseded by version 2; the waiting case also has a new draft."""
    due = on + timedelta(days=150)
    if kind == "revised":
        _version(rows, case_id, 1, PlanStatus.SUPERSEDED, _plan(due, i), on - timedelta(days=6), today,
                 decided=on - timedelta(days=5))
        _version(rows, case_id, 2, PlanStatus.APPROVED, _plan(due + timedelta(days=30), i + 1), on - timedelta(days=1),
                 today, decided=on)
        return
    _version(rows, case_id, 1, PlanStatus.APPROVED, _plan(due, i), on - timedelta(days=1), today, decided=on)
    if kind == "waiting":
        _version(rows, case_id, 2, PlanStatus.SUBMITTED, _plan(due + timedelta(days=60), i + 1), today - timedelta(days=2),
                 today)


def _version(rows: _Rows, case_id: int, number: int, status: PlanStatus, content: PlanContent, edited: date,
             today: date, *, decided: date | None = None) -> None:
    complete = status is not PlanStatus.DRAFT
    assert not content_problems(content, complete=complete, on=today), content
    vid = rows.id("oos_plan_version")
    final = status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED)
    rows.versions.append({
        "id": vid, "case_id": case_id, "number": number, "status": status.value, "authors": rows.worker,
        "edited_on": edited,
        "submitted_by": rows.worker if complete else "", "submitted_on": edited if complete else None,
        "decided_by": SUPERVISOR if final else "", "decided_on": decided if final else None,
        "approved_hash": content_hash(content) if final else "", "note": content.note})
    for gi, g in enumerate(content.goals, start=1):
        gid = rows.id("oos_plan_goal")
        rows.goals.append({"id": gid, "version_id": vid, "position": gi, "text": g.text,
                           "area": g.area.value if g.area else ""})
        for ai, a in enumerate(g.actions, start=1):
            rows.actions.append({"id": rows.id("oos_plan_action"), "goal_id": gid, "position": ai, "text": a.text,
                                 "agency": a.agency.value if a.agency else "", "agency_name": a.agency_name,
                                 "person": a.person, "due": a.due, "budget_satang": a.budget_satang})


def _follow_ups(rows: _Rows, case: dict[str, Any], status: CaseStatus, rng: random.Random, today: date) -> None:
    """Visits every 20-35 days from followed_since while they fit before the case's last
    move or today; about a third stop early (the overdue list); one in six at risk."""
    since: date = case["followed_since"]
    end = today if status in FOLLOWED_UP else case["status_on"]
    day, last, next_on = since, None, None
    stop = rng.random() < 0.35
    while True:
        day += timedelta(days=rng.randint(20, 35))
        if day > end or (stop and last is not None):
            break
        risky = rng.random() < 1 / 6
        next_on = day + timedelta(days=14) if risky else None
        rows.visits.append({"id": rows.id("oos_follow_up"), "case_id": case["id"], "visited_on": day,
                            "visited_by": rows.worker,
                            "result": (FollowUpResult.AT_RISK if risky else FollowUpResult.ON_TRACK).value,
                            "note": "ขาดเรียนบ่อย นัดคุยกับผู้ปกครองอีกครั้ง (ตัวอย่าง)" if risky else "",
                            "next_on": next_on})
        last = day
    case["last_visit_on"], case["last_next_on"] = last, next_on if last else None
    case["follow_due_on"] = due_on(Schedule(str(case["id"]), status, since, last, case["last_next_on"]),
                                   DEFAULT_INTERVAL_DAYS)


def _referral(rows: _Rows, case_id: int, sent: date, rng: random.Random, today: date) -> None:
    sent = min(sent, today)
    agency, name = rng.choice([(Agency.SOCIAL_DEVELOPMENT, "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด (ตัวอย่าง)"),
                               (Agency.HEALTH, "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่ (ตัวอย่าง)"),
                               (Agency.LABOUR, "สำนักงานจัดหางานจังหวัด (ตัวอย่าง)"),
                               (Agency.NFE, "กศน.อำเภอเมือง (ตัวอย่าง)")])
    status = rng.choice([ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.DONE, ReferralStatus.REJECTED])
    answered = min(today, sent + timedelta(days=rng.randint(3, 15)))
    answer = {ReferralStatus.SENT: "", ReferralStatus.ACCEPTED: "รับเรื่องไว้พิจารณา",
              ReferralStatus.DONE: "ให้ความช่วยเหลือแล้ว", ReferralStatus.REJECTED: "ไม่อยู่ในเกณฑ์ที่ช่วยเหลือได้"}[status]
    rows.referrals.append({"id": rows.id("oos_referral"), "case_id": case_id, "agency": agency.value,
                           "agency_name": name, "reason": "ขอความช่วยเหลือตามแผนการช่วยเหลือเด็กรายบุคคล",
                           "sent_on": sent, "sent_by": rows.worker, "status": status.value,
                           "status_on": sent if status is ReferralStatus.SENT else answered, "answer": answer,
                           "letter_no": f"ตัวอย่าง {case_id}/2569"})
