"""Out-of-school children's cases (issue 13): open a case, move it, close it, transfer it,
and keep its next follow-up's due date. No Qt.

    case = open_case(session, child_uuid, date(2026, 11, 3), source="teacher", worker="somchai")
    case = move_case(session, case.id, CaseStatus.FOUND, date(2026, 11, 5))
    case = move_case(session, case.uuid, CaseStatus.MOVED_AWAY, on, place="อบต.บ้านนา อ.เมือง จ.ลำปาง")
    move_case(session, case.id, CaseStatus.CLOSURE_REQUESTED, on)    # a case worker asks
    move_case(session, case.id, CaseStatus.CLOSED, on)               # a supervisor approves
    transfer_close(session, case.id, on, office="เทศบาลตำบลบ้านใหม่", office_code="6300202")  # the child moved

Every entry checks the user first (``case.work``; the domain then refuses a
``case.supervise`` move to whoever lacks it, with every other problem of the move at
once: desktop/domain/cases.py ``check_move``). A move writes the case's new status, one
``oos_case_status`` row and an audit entry (``case_move``; ``case_close`` for an approved
closure, ``case_transfer`` for a transfer).

**The follow-up's due date in SQL.** ``oos_case.follow_due_on`` holds
``case_followup.due_on`` of the case with the office's interval (``cases.follow_up_days``),
NULL when the case is not followed up, so the overdue list reads one partial index
(cases_lists.py). ``refresh_follow_due`` sets it; it is called by every write that changes
the status, ``followed_since``, ``last_visit_on`` or ``last_next_on`` (this module's moves,
the follow-ups of case_followups.py), and ``set_follow_up_days`` recomputes every case in
one UPDATE on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, func, literal, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.case_followup import (
    SETTING_KEY as FOLLOW_UP_DAYS_KEY,
)
from desktop.domain.case_followup import (
    Schedule,
    due_on,
    interval_problem,
    parse_interval,
)
from desktop.domain.case_referral import ReferralStatus, open_referrals_warning
from desktop.domain.cases import (
    FOLLOWED_UP,
    MOVES,
    NOTE_MAX,
    Case,
    CaseOutcome,
    CaseSource,
    CaseStatus,
    Fact,
    MoveDetails,
    StatusChange,
    check_move,
    check_transfer,
    make_move,
    make_transfer,
    open_problems,
    text_problem,
)
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.office import normalise_office_code, office_code_problem
from desktop.domain.roles import Action
from desktop.domain.text import clean_text
from desktop.i18n import N_, _
from desktop.services.access import Actor, require, require_any
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.services.people import full_name, is_case_worker
from desktop.store.case_state import (
    OosCase,
    OosCaseStatus,
    OosReferral,
    OosTransfer,
)
from desktop.store.models import AppUser, Child, Setting

SELF_APPROVAL_KEY = "cases.self_approval"
WORKER_MAX = 50


@dataclass(frozen=True)
class CaseInfo:
    """A case as a screen or the command line shows it."""

    id: int
    uuid: str
    child_id: int
    child_uuid: str
    child_name: str
    status: CaseStatus
    status_on: date
    status_by: str
    opened_on: date
    source: CaseSource
    worker: str
    place: str
    requested_from: CaseStatus | None
    requested_by: str
    outcome: CaseOutcome | None
    closed_on: date | None
    approved_by: str
    followed_since: date | None
    last_visit_on: date | None
    follow_due_on: date | None
    note: str
    warnings: tuple[str, ...] = ()  # said after a move that is allowed (a closure with referrals open)


def child_name(c: Child) -> str:
    return f"{c.prefix}{c.first_name} {c.last_name}".strip()


def _info(row: OosCase, child: Child, warnings: tuple[str, ...] = ()) -> CaseInfo:
    return CaseInfo(row.id, row.uuid, child.id, child.uuid, child_name(child), CaseStatus(row.status), row.status_on,
                    row.status_by, row.opened_on, CaseSource(row.source), row.worker, row.place,
                    CaseStatus(row.requested_from) if row.requested_from else None, row.requested_by,
                    CaseOutcome(row.outcome) if row.outcome else None, row.closed_on, row.approved_by,
                    row.followed_since, row.last_visit_on, row.follow_due_on, row.note, warnings)


# --------------------------------------------------------------------------- settings


def _interval(session: Session) -> int:
    setting = session.get(Setting, FOLLOW_UP_DAYS_KEY)
    return parse_interval(setting.value if setting is not None else None)


def _self_approval(session: Session) -> bool:
    setting = session.get(Setting, SELF_APPROVAL_KEY)
    return setting is not None and setting.value.strip() == "1"


def follow_up_days(session: Session) -> int:
    """The office's follow-up interval in days (default 30; a bad stored value reads as 30)."""
    require_any(session, Action.CASE_WORK, Action.SETTINGS_MANAGE)
    return _interval(session)


def self_approval(session: Session) -> bool:
    """Whether a supervisor may approve a closure they asked for (a one-person office)."""
    require_any(session, Action.CASE_WORK, Action.SETTINGS_MANAGE)
    return _self_approval(session)


def _put_setting(session: Session, key: str, value: str) -> None:
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value
    session.flush()
    record(session, "settings", "setting", "", {"key": key, "value": value})


def set_self_approval(session: Session, on: bool) -> None:
    """Change it (an administrator's ``settings.manage`` or a supervisor's ``case.supervise``)."""
    require_any(session, Action.SETTINGS_MANAGE, Action.CASE_SUPERVISE)
    _put_setting(session, SELF_APPROVAL_KEY, "1" if on else "0")


def _plus_days(session: Session, column: Any, days: int) -> ColumnElement[Any]:
    """``column`` + ``days`` in the database's own date arithmetic."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(column, f"+{int(days)} days", type_=OosCase.follow_due_on.type)
    plus: ColumnElement[Any] = column + literal(int(days), Integer)
    return plus


def _due_expression(session: Session, days: int) -> ColumnElement[Any]:
    """``case_followup.due_on`` of each case as SQL (NULL when not followed up)."""
    followed = and_(OosCase.status.in_(sorted(s.value for s in FOLLOWED_UP)), OosCase.followed_since.is_not(None))
    after_visit = func.coalesce(OosCase.last_next_on, _plus_days(session, OosCase.last_visit_on, days))
    return case((~followed, None),
                (OosCase.last_visit_on.is_not(None), after_visit),
                else_=_plus_days(session, OosCase.followed_since, days))


def set_follow_up_days(session: Session, days: int) -> int:
    """Change the follow-up interval and recompute every case's due date in one UPDATE
    (only the rows whose date changes are written); how many changed. ValidationFailed
    outside 7 to 180 days."""
    require_any(session, Action.SETTINGS_MANAGE, Action.CASE_SUPERVISE)
    problem = interval_problem(days)
    if problem:
        raise ValidationFailed([Problem("days", problem)])
    _put_setting(session, FOLLOW_UP_DAYS_KEY, str(int(days)))
    return recompute_follow_due(session)


def recompute_follow_due(session: Session) -> int:
    """Every case's ``follow_due_on`` again with the office's interval (after the setting
    changed, or after cases arrived in bulk); how many rows changed."""
    require_any(session, Action.SETTINGS_MANAGE, Action.CASE_WORK)
    due = _due_expression(session, _interval(session))
    session.flush()  # the caller's pending changes first: the UPDATE reads the stored columns
    result = session.execute(
        update(OosCase)
        .where(or_(OosCase.follow_due_on.is_not(None), OosCase.status.in_(sorted(s.value for s in FOLLOWED_UP))),
               OosCase.follow_due_on.is_distinct_from(due))
        .values(follow_due_on=due)
        .execution_options(synchronize_session=False))
    for obj in list(session.identity_map.values()):  # cases loaded before read the new dates
        if isinstance(obj, OosCase):
            session.expire(obj, ["follow_due_on"])
    return int(getattr(result, "rowcount", 0) or 0)


def refresh_follow_due(session: Session, case: OosCase) -> date | None:
    """Set ``case.follow_due_on`` from its status, ``followed_since``, ``last_visit_on`` and
    ``last_next_on`` with the office's interval; the date (None: not followed up). Call it
    after every write that changes one of them (a move, a follow-up visit)."""
    require(session, Action.CASE_WORK)
    due = due_on(Schedule(case.uuid, CaseStatus(case.status), case.followed_since, case.last_visit_on,
                          case.last_next_on), _interval(session))
    if case.follow_due_on != due:
        case.follow_due_on = due
    return due


# --------------------------------------------------------------------------- reading a case


def _not_found(ref: object) -> ValidationFailed:
    return ValidationFailed([Problem("case", _("ไม่พบกรณี {ref}").format(ref=ref))])


def case_row(session: Session, ref: int | str, *, for_update: bool = False) -> OosCase:
    """The live case by id or uuid (ValidationFailed when there is none)."""
    require(session, Action.CASE_WORK)
    q = select(OosCase).where(OosCase.deleted_at.is_(None))
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isascii() and ref.strip().isdigit()):
        q = q.where(OosCase.id == int(ref))
    else:
        q = q.where(OosCase.uuid == str(ref).strip().lower())
    if for_update:
        q = q.with_for_update()
    row = session.scalars(q).first()
    if row is None:
        raise _not_found(ref)
    return row


def _child(session: Session, row: OosCase) -> Child:
    child = session.get(Child, row.child_id)
    assert child is not None  # a foreign key
    return child


def get_case(session: Session, ref: int | str) -> CaseInfo:
    row = case_row(session, ref)
    return _info(row, _child(session, row))


def _domain_case(session: Session, row: OosCase, target: CaseStatus | None, today: date) -> Case:
    """What the rules need of the stored case (the facts only when the move asks for them:
    case_assess.py and case_plans.py read them, as their own screens do)."""
    from desktop.services.case_assess import assessment_complete
    from desktop.services.case_plans import plan_approved

    rule = MOVES.get((CaseStatus(row.status), target)) if target is not None else None
    return Case(CaseStatus(row.status), row.opened_on, row.status_on,
                CaseStatus(row.requested_from) if row.requested_from else None, row.requested_by,
                assessment_complete=(rule is not None and rule.fact is Fact.ASSESSMENT_COMPLETE
                                     and assessment_complete(session, row.id, today=today)),
                plan_approved=(rule is not None and rule.fact is Fact.PLAN_APPROVED and plan_approved(session, row.id)))


# --------------------------------------------------------------------------- opening


def _worker_problem(session: Session, worker: str) -> Problem | None:
    if not worker:
        return None
    if len(worker) > WORKER_MAX or session.scalar(select(AppUser.id).where(AppUser.name == worker)) is None:
        return Problem("worker", _("ไม่พบผู้ใช้ชื่อ {name} โปรดเลือกเจ้าหน้าที่ผู้รับผิดชอบจากรายชื่อผู้ใช้").format(
            name=worker[:WORKER_MAX]))
    if not is_case_worker(session, worker):
        return Problem("worker", _("ผู้ใช้ {name} ไม่ได้มีบทบาทเจ้าหน้าที่ติดตามเด็กนอกระบบ (หรือถูกระงับ) "
                                   "โปรดเลือกเจ้าหน้าที่ติดตาม หรือให้ผู้ดูแลระบบเพิ่มบทบาทนี้ก่อน").format(
            name=full_name(session, worker)))
    return None


def open_case(session: Session, child_uuid: str, opened_on: date, *, source: CaseSource | str, worker: str = "",
              note: str = "", today: date | None = None) -> CaseInfo:
    """Open a case for a registry child by hand (``case.work``): it starts ``to_trace``.
    ValidationFailed with every problem: no such child, a child with a case still open
    (one open case per child), a date in the future, an unknown source or worker."""
    actor = require(session, Action.CASE_WORK)
    today = today or date.today()
    child = session.scalars(select(Child).where(Child.uuid == child_uuid.strip().lower(),
                                                Child.deleted_at.is_(None))).first()
    if child is None:
        raise ValidationFailed([Problem("child", _("ไม่พบเด็ก {ref} ในทะเบียน").format(ref=child_uuid))])
    statuses = [CaseStatus(s) for s in session.scalars(select(OosCase.status).where(
        OosCase.child_id == child.id, OosCase.deleted_at.is_(None)))]
    worker, note = clean_text(worker), clean_text(note)
    problems = open_problems(opened_on, str(source), statuses, today=today, note=note)
    p = _worker_problem(session, worker)
    if p:
        problems.append(p)
    if problems:
        raise ValidationFailed(problems)
    office = require_local_office(session)
    row = OosCase(child_id=child.id, status=CaseStatus.TO_TRACE.value, status_on=opened_on, status_by=actor.name,
                  opened_on=opened_on, source=CaseSource(source).value, worker=worker, note=note,
                  origin_office_id=office.id)
    try:
        with session.begin_nested():  # another user opened one meanwhile: the partial unique index
            session.add(row)
            session.flush()
    except IntegrityError:
        raise ValidationFailed([Problem("child", _(
            "เด็กคนนี้มีกรณีที่ยังไม่ปิดอยู่แล้ว โปรดเปิดกรณีเดิมแทนการเปิดใหม่"))]) from None
    session.add(OosCaseStatus(case_id=row.id, from_status="", to_status=row.status, changed_on=opened_on,
                              changed_by=actor.name, note=note, origin_office_id=office.id))
    session.flush()
    record(session, "case_open", "oos_case", row.uuid,
           {"opened_on": opened_on.isoformat(), "source": row.source, "worker": worker}, subject_uuid=child.uuid)
    return _info(row, child)


def assign_worker(session: Session, ref: int | str, worker: str) -> CaseInfo:
    """Name the case worker who follows the case ("" for nobody): ``case.supervise``.
    ``worker`` is a login of a user holding the case worker's role, not suspended
    (people.case_workers); ValidationFailed otherwise (field "case": no such case)."""
    require(session, Action.CASE_SUPERVISE)
    row = case_row(session, ref, for_update=True)
    worker = clean_text(worker)
    p = _worker_problem(session, worker)
    if p:
        raise ValidationFailed([p])
    old, row.worker = row.worker, worker
    session.flush()
    child = _child(session, row)
    record(session, "case_assign", "oos_case", row.uuid, {"worker": {"old": old, "new": worker}},
           subject_uuid=child.uuid)
    return _info(row, child)


# --------------------------------------------------------------------------- moving


@dataclass(frozen=True)
class PreparedMove:
    row: OosCase
    child: Child
    case: Case
    target: CaseStatus
    details: MoveDetails
    problems: list[Problem]
    today: date
    self_approval: bool


def prepare_move(session: Session, ref: int | str, to_status: CaseStatus | str, on: date, *, place: str = "",
                 reason: str = "", note: str = "", today: date | None = None) -> PreparedMove:
    """The stored case and every problem of its move (nothing written): move_case's check,
    also asked by a trace visit that moves the case, so that both report at once."""
    actor = require(session, Action.CASE_WORK)
    row = case_row(session, ref, for_update=True)
    child = _child(session, row)
    today = today or date.today()
    try:
        target = CaseStatus(to_status)
    except ValueError:
        raise ValidationFailed([Problem("status", _("ไม่รู้จักสถานะ {code}").format(code=to_status))]) from None
    c = _domain_case(session, row, target, today)
    details = MoveDetails(on=on, by=actor.name, place=place, reason=reason, note=note)
    allowed = _self_approval(session)
    problems = check_move(c, target, actor.roles, details, today=today, self_approval=allowed)
    return PreparedMove(row, child, c, target, details, problems, today, allowed)


def _warnings(session: Session, row: OosCase, target: CaseStatus) -> tuple[str, ...]:
    if target not in (CaseStatus.CLOSURE_REQUESTED, CaseStatus.CLOSED):
        return ()
    statuses = [ReferralStatus(s) for s in session.scalars(select(OosReferral.status).where(
        OosReferral.case_id == row.id, OosReferral.deleted_at.is_(None)))
        if s in {r.value for r in ReferralStatus}]
    warning = open_referrals_warning(statuses)
    return (warning,) if warning else ()


def _apply(session: Session, actor: Actor, move: PreparedMove, change: StatusChange, action: str) -> CaseInfo:
    """Write a change the domain allowed: the case's columns, its history, the audit."""
    row, target = move.row, change.to_status
    old = CaseStatus(row.status)
    warnings = _warnings(session, row, target)
    if target is CaseStatus.CLOSURE_REQUESTED:
        row.requested_from, row.requested_by = old.value, actor.name
    elif old is CaseStatus.CLOSURE_REQUESTED:
        row.requested_from, row.requested_by = "", ""
    if change.place or (target is not CaseStatus.CLOSURE_REQUESTED and old is not CaseStatus.CLOSURE_REQUESTED):
        row.place = change.place  # a closure asked, approved or sent back keeps the status's place
    if target is CaseStatus.CLOSED:
        row.outcome = change.outcome.value if change.outcome else ""
        row.closed_on, row.approved_by = change.on, change.approved_by
    if target is CaseStatus.IN_PLAN and row.followed_since is None:
        row.followed_since = change.on  # the schedule counts from the first day in the plan
    row.status, row.status_on, row.status_by = target.value, change.on, actor.name
    refresh_follow_due(session, row)
    session.add(OosCaseStatus(case_id=row.id, from_status=old.value, to_status=target.value, changed_on=change.on,
                              changed_by=actor.name, place=change.place, reason=change.reason, note=change.note,
                              outcome=change.outcome.value if change.outcome else "",
                              approved_by=change.approved_by, origin_office_id=row.origin_office_id))
    session.flush()
    detail: dict[str, object] = {"from_status": old.value, "to_status": target.value,
                                 "changed_on": change.on.isoformat()}
    for key, value in (("place", change.place), ("reason", change.reason),
                       ("outcome", change.outcome.value if change.outcome else "")):
        if value:
            detail[key] = value
    record(session, action, "oos_case", row.uuid, detail, subject_uuid=move.child.uuid)
    return _info(row, move.child, warnings)


def move_case(session: Session, ref: int | str, to_status: CaseStatus | str, on: date, *, place: str = "",
              reason: str = "", note: str = "", today: date | None = None) -> CaseInfo:
    """Move the case (by id or uuid) to ``to_status`` on ``on``: a trace result, the
    assessment, the plan, a return, asking for closure (a case worker), approving it or
    sending it back with a reason (a supervisor; not the one who asked unless the office
    allows self-approval). ValidationFailed with every problem at once; the move is
    written with its history row and audit entry otherwise. ``warnings`` of the result:
    a closure with referrals still waiting for the agency."""
    actor = require(session, Action.CASE_WORK)
    move = prepare_move(session, ref, to_status, on, place=place, reason=reason, note=note, today=today)
    if move.problems:
        raise ValidationFailed(move.problems)
    change = make_move(move.case, move.target, actor.roles, move.details, today=move.today,
                       self_approval=move.self_approval)
    return _apply(session, actor, move, change, "case_close" if move.target is CaseStatus.CLOSED else "case_move")


def transfer_close(session: Session, ref: int | str, on: date, *, office: str, office_code: str,
                   note: str = "", today: date | None = None) -> CaseInfo:
    """Close an open case as transferred to another municipality: a supervisor's move.
    ``office_code`` is the receiving office's 7-digit code (the province routes the case
    to it), ``office`` its name as the letter gives it. The case's ``oos_transfer`` row
    names them; the next bundle carries it to the province, which writes the case into a
    transfer file for that office (services/case_transfer.py)."""
    actor = require(session, Action.CASE_WORK)
    row = case_row(session, ref, for_update=True)
    child = _child(session, row)
    today = today or date.today()
    c = _domain_case(session, row, None, today)
    details = MoveDetails(on=on, by=actor.name, place=office, note=note)
    problems = check_transfer(c, actor.roles, details, today=today)
    p = text_problem("note", clean_text(note), NOTE_MAX, N_("บันทึกเพิ่มเติม"))
    if p:
        problems.append(p)
    code = normalise_office_code(office_code)
    code_problem = office_code_problem(code)
    if code_problem is None and code == require_local_office(session).code:
        code_problem = _("รหัสนี้เป็นของหน่วยงานนี้เอง โปรดกรอกรหัสของ อปท. ปลายทาง")
    if code_problem:
        problems.append(Problem("office_code", code_problem))
    if problems:
        raise ValidationFailed(problems)
    change = make_transfer(c, actor.roles, details, today=today)
    move = PreparedMove(row, child, c, CaseStatus.CLOSED, details, [], today, False)
    info = _apply(session, actor, move, change, "case_transfer")
    session.add(OosTransfer(case_id=row.id, to_office=code, to_office_name=clean_text(office), transferred_on=on,
                            transferred_by=actor.name, origin_office_id=row.origin_office_id))
    session.flush()
    return info
