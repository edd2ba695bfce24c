"""The individual assistance plan (แผนการช่วยเหลือเด็กรายบุคคล) of an out-of-school child's
case (issue 13): the domain's operations (desktop/domain/case_plan.py) on the stored line
of versions. No Qt.

    save_plan(session, case_id, PlanContent(goals=(Goal(...),)))         # a draft (case.work)
    submit_plan(session, case_id)                                        # to a supervisor
    line = plan_line(session, case_id)                                   # what the approver sees
    approve_plan(session, case_id, line.pending.number, content_hash(line.pending.content))
    return_plan(session, case_id, number, "งบประมาณไม่ตรงกับ ...")       # case.supervise
    record_action_outcome(session, case_id, 1, 1, "เข้าเรียนแล้ว", date(...))

Every write reads the line, asks the domain for the new line and writes the difference:
a version's row is updated in place; a draft's goals and actions edited are replaced
(the old rows marked deleted, so the exchange carries the change); an approved or
superseded version's goals and actions change only in ``outcome`` and ``done_on``
(``_write`` refuses anything else, and ``plan_line`` reports a stored line that
``check_line`` finds broken). Approving needs ``case.supervise``: a case worker is
refused before anything is read. Audited: ``plan_save``, ``plan_submit``,
``plan_approve``, ``plan_return``, ``plan_outcome``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_plan
from desktop.domain.case_needs import Area
from desktop.domain.case_plan import (
    Agency,
    Goal,
    LineFault,
    PlanAction,
    PlanContent,
    PlanStatus,
    PlanVersion,
    check_line,
    content_hash,
    in_force,
    pending,
    total_budget,
)
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.services.access import require
from desktop.services.audit import record
from desktop.services.case_records import case_for, child_of, open_case_for
from desktop.services.cases import self_approval
from desktop.services.office import require_local_office
from desktop.store.case_state import OosCase, OosPlanAction, OosPlanGoal, OosPlanVersion
from desktop.store.models import utcnow

FINAL = frozenset({PlanStatus.APPROVED, PlanStatus.SUPERSEDED})


@dataclass(frozen=True)
class PlanLine:
    """A case's plan: its versions (oldest first) and what ``check_line`` finds wrong."""

    versions: tuple[PlanVersion, ...]
    faults: list[LineFault] = field(default_factory=list)

    @property
    def in_force(self) -> PlanVersion | None:
        return in_force(self.versions)

    @property
    def pending(self) -> PlanVersion | None:
        return pending(self.versions)

    def version(self, number: int) -> PlanVersion | None:
        return next((v for v in self.versions if v.number == number), None)


def _names(text: str) -> frozenset[str]:
    return frozenset(n for n in (text or "").split(",") if n)


def _read(session: Session, case: OosCase) -> tuple[dict[int, OosPlanVersion], tuple[PlanVersion, ...]]:
    rows = list(session.scalars(select(OosPlanVersion).where(OosPlanVersion.case_id == case.id,
                                                             OosPlanVersion.deleted_at.is_(None))
                                .order_by(OosPlanVersion.number)))
    ids = [r.id for r in rows]
    goals: dict[int, list[OosPlanGoal]] = {i: [] for i in ids}
    actions: dict[int, list[OosPlanAction]] = {}
    if ids:
        for g in session.scalars(select(OosPlanGoal).where(OosPlanGoal.version_id.in_(ids),
                                                           OosPlanGoal.deleted_at.is_(None))
                                 .order_by(OosPlanGoal.position, OosPlanGoal.id)):
            goals[g.version_id].append(g)
            actions[g.id] = []
        if actions:
            for a in session.scalars(select(OosPlanAction).where(OosPlanAction.goal_id.in_(list(actions)),
                                                                 OosPlanAction.deleted_at.is_(None))
                                     .order_by(OosPlanAction.position, OosPlanAction.id)):
                actions[a.goal_id].append(a)
    line = []
    for r in rows:
        content = PlanContent(tuple(
            Goal(g.text, Area(g.area) if g.area else None, tuple(
                PlanAction(a.text, Agency(a.agency) if a.agency else None, a.agency_name, a.person, a.due,
                           a.budget_satang, a.outcome, a.done_on) for a in actions[g.id]))
            for g in goals[r.id]), r.note)
        line.append(PlanVersion(r.number, PlanStatus(r.status), content, _names(r.authors), r.edited_on,
                                r.submitted_by, r.submitted_on, r.decided_by, r.decided_on, r.returned_reason,
                                r.approved_hash))
    return {r.number: r for r in rows}, tuple(line)


def plan_line(session: Session, case_id: int) -> PlanLine:
    """The case's plan versions, oldest first, each readable as it was approved, with the
    faults of a line changed outside these services."""
    require(session, Action.CASE_WORK)
    case = case_for(session, case_id, Action.CASE_WORK)
    _rows, line = _read(session, case)
    return PlanLine(line, check_line(line))


def plan_approved(session: Session, case_id: int) -> bool:
    """Whether an approved plan is in force (the move to ``in_plan`` asks)."""
    require(session, Action.CASE_WORK)
    return plan_line(session, case_id).in_force is not None


def _insert_content(session: Session, version_id: int, content: PlanContent, office_id: int) -> None:
    for gi, g in enumerate(content.goals, start=1):
        goal = OosPlanGoal(version_id=version_id, position=gi, text=clean_text(g.text),
                           area=g.area.value if g.area else "", origin_office_id=office_id)
        session.add(goal)
        session.flush()
        for ai, a in enumerate(g.actions, start=1):
            session.add(OosPlanAction(goal_id=goal.id, position=ai, text=clean_text(a.text),
                                      agency=a.agency.value if a.agency else "",
                                      agency_name=clean_text(a.agency_name),
                                      person=clean_text(a.person), due=a.due,
                                      budget_satang=a.budget_satang, outcome=clean_text(a.outcome),
                                      done_on=a.done_on, origin_office_id=office_id))


def _drop_content(session: Session, version_id: int) -> None:
    now = utcnow()
    goals = list(session.scalars(select(OosPlanGoal).where(OosPlanGoal.version_id == version_id,
                                                           OosPlanGoal.deleted_at.is_(None))))
    if not goals:
        return
    for a in session.scalars(select(OosPlanAction).where(OosPlanAction.goal_id.in_([g.id for g in goals]),
                                                         OosPlanAction.deleted_at.is_(None))):
        a.deleted_at = now
    for g in goals:
        g.deleted_at = now


def _progress(session: Session, version_id: int, content: PlanContent) -> None:
    """An approved version: write each action's outcome and done date, nothing else."""
    goals = list(session.scalars(select(OosPlanGoal).where(OosPlanGoal.version_id == version_id,
                                                           OosPlanGoal.deleted_at.is_(None))
                                 .order_by(OosPlanGoal.position, OosPlanGoal.id)))
    for g_row, goal in zip(goals, content.goals, strict=True):
        rows = list(session.scalars(select(OosPlanAction).where(OosPlanAction.goal_id == g_row.id,
                                                                OosPlanAction.deleted_at.is_(None))
                                    .order_by(OosPlanAction.position, OosPlanAction.id)))
        for a_row, action in zip(rows, goal.actions, strict=True):
            if (a_row.outcome, a_row.done_on) != (action.outcome, action.done_on):
                a_row.outcome, a_row.done_on = action.outcome, action.done_on


def _write(session: Session, case: OosCase, rows: dict[int, OosPlanVersion], old: Sequence[PlanVersion],
           new: Sequence[PlanVersion]) -> None:
    office = require_local_office(session)
    before = {v.number: v for v in old}
    for v in new:  # first, before anything is written: an approved version's content stays
        was = before.get(v.number)
        if was is not None and was.status in FINAL and content_hash(was.content) != content_hash(v.content):
            raise RuntimeError(f"plan version {v.number}: an approved version's content would change")
    for v in new:
        was = before.get(v.number)
        if was == v:
            continue
        row = rows.get(v.number)
        if row is None:
            row = OosPlanVersion(case_id=case.id, number=v.number, status=v.status.value, edited_on=v.edited_on,
                                 origin_office_id=office.id)
            session.add(row)
        row.status = v.status.value
        row.authors = ",".join(sorted(v.authors))[:500]
        row.edited_on = v.edited_on
        row.submitted_by, row.submitted_on = v.submitted_by, v.submitted_on
        row.decided_by, row.decided_on = v.decided_by, v.decided_on
        row.returned_reason, row.approved_hash = v.returned_reason, v.approved_hash
        row.note = clean_text(v.content.note)
        session.flush()
        if was is None:
            _insert_content(session, row.id, v.content, office.id)
        elif was.content != v.content:
            if was.status in FINAL:  # outcomes only (checked above)
                _progress(session, row.id, v.content)
            else:
                _drop_content(session, row.id)
                _insert_content(session, row.id, v.content, office.id)
    session.flush()


def _audit(session: Session, what: str, case: OosCase, v: PlanVersion, **extra: object) -> None:
    record(session, what, "oos_case", case.uuid,
           {"plan_version": v.number, "status": v.status.value, "hash": content_hash(v.content),
            "goals": len(v.content.goals), "budget_satang": total_budget(v.content), **extra},
           subject_uuid=child_of(session, case).uuid)


def save_plan(session: Session, case_id: int, content: PlanContent, *, today: date | None = None) -> PlanVersion:
    """Save ``content`` as the draft (a new version after an approved one; a submitted one
    withdrawn to a draft); the version saved."""
    actor = require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    rows, line = _read(session, case)
    new = case_plan.save(line, content, by=actor.name, roles=actor.roles, on=today or date.today(),
                         opened_on=case.opened_on)
    _write(session, case, rows, line, new)
    _audit(session, "plan_save", case, new[-1])
    return new[-1]


def submit_plan(session: Session, case_id: int, *, today: date | None = None) -> PlanVersion:
    """Hand the draft (or the returned version) to a supervisor."""
    actor = require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    rows, line = _read(session, case)
    new = case_plan.submit(line, by=actor.name, roles=actor.roles, on=today or date.today(),
                           opened_on=case.opened_on)
    _write(session, case, rows, line, new)
    _audit(session, "plan_submit", case, new[-1])
    return new[-1]


def approve_plan(session: Session, case_id: int, number: int, seen_hash: str, *, on: date | None = None,
                 today: date | None = None) -> PlanVersion:
    """Approve submitted version ``number`` exactly as shown (``seen_hash``:
    ``content_hash`` of what the approver saw); a supervisor only (``case.supervise``)."""
    actor = require(session, Action.CASE_SUPERVISE)
    case = open_case_for(session, case_id, Action.CASE_SUPERVISE)
    day = today or date.today()
    rows, line = _read(session, case)
    new = case_plan.approve(line, number, seen_hash, by=actor.name, roles=actor.roles, on=on or day, today=day,
                            opened_on=case.opened_on, self_approval=self_approval(session))
    _write(session, case, rows, line, new)
    _audit(session, "plan_approve", case, new[-1])
    return new[-1]


def return_plan(session: Session, case_id: int, number: int, reason: str, *, on: date | None = None,
                today: date | None = None) -> PlanVersion:
    """Send submitted version ``number`` back to be corrected, saying why (a supervisor)."""
    actor = require(session, Action.CASE_SUPERVISE)
    case = open_case_for(session, case_id, Action.CASE_SUPERVISE)
    day = today or date.today()
    rows, line = _read(session, case)
    new = case_plan.return_plan(line, number, reason, by=actor.name, roles=actor.roles, on=on or day, today=day)
    _write(session, case, rows, line, new)
    _audit(session, "plan_return", case, new[-1], reason=new[-1].returned_reason)
    return new[-1]


def record_action_outcome(session: Session, case_id: int, goal: int, action: int, outcome: str,
                          done_on: date | None, *, today: date | None = None) -> PlanVersion:
    """What came of action ``goal``.``action`` of the plan in force: progress, written on the
    approved version without a new version (its approval stands)."""
    actor = require(session, Action.CASE_WORK)
    case = open_case_for(session, case_id, Action.CASE_WORK)
    rows, line = _read(session, case)
    new = case_plan.record_outcome(line, goal, action, outcome, done_on, roles=actor.roles,
                                   today=today or date.today())
    _write(session, case, rows, line, new)
    done = in_force(new)
    assert done is not None  # record_outcome refused otherwise
    _audit(session, "plan_outcome", case, done, action=f"{goal}.{action}",
           done_on=done_on.isoformat() if done_on else None)
    return done
