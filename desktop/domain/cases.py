"""An out-of-school child's case (issue 13): its statuses, the moves allowed between them,
who may make each move and what each move needs. No Qt, no SQL: services/cases*.py read
the case and its history, ask here, and write what comes back.

    problems = check_move(Case(...), CaseStatus.MOVED_AWAY, roles, MoveDetails(on=..., place="..."))
    change = make_move(case, CaseStatus.FOUND, roles, details)   # ValidationFailed when refused

The path, written down once (``MOVES`` is the table; docs/cases.md draws it):

- **Tracing.** A case opens ``to_trace``. A trace gives one of: ``found``, ``not_found``,
  ``moved_away`` (where to), ``died``, ``in_education`` (already in education: where),
  ``declined``. A child not found may be traced again, or found later.
- **Help.** ``found`` → ``assessed`` (the needs assessment is complete) → ``in_plan``
  (an individual assistance plan is approved) → ``back_in_school`` / ``in_nfe`` (กศน.) /
  ``in_vocational`` / ``working`` (each: where). From one of these the child may move to
  another, or back to ``in_plan`` when it did not hold.
- **Closing.** A case worker asks for closure from a status that ends a case (every trace
  result but ``found``, and the four outcomes); the outcome follows from that status. A
  supervisor approves (``closed``) or sends it back to the status it came from, with a
  reason. A supervisor may not approve a closure they asked for themselves unless the
  office allows it (``self_approval``; a one-person office). ``closed`` is final: a
  child who leaves education again gets a new case (one open case per child).
- **Transfer.** When the child moves to another municipality, a supervisor closes the
  open case as ``transferred`` (the receiving office named); the exchange carries the
  case to the receiving office.

Moves are dated: not in the future, not before the case opened nor before the last move.
Every ``case.work`` move is open to a clerk, a case worker and a supervisor; the
``case.supervise`` ones to a supervisor only (desktop/domain/roles.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _

from .dates import format_be
from .errors import Problem, ValidationFailed
from .limits import too_long
from .roles import Action, Role, role_allows
from .text import clean_text, thai_marks_problem

PLACE_MAX = 200  # where to / where (a school, a กศน. centre, a workplace, a municipality)
REASON_MAX = 500
NOTE_MAX = 2000


class CaseStatus(StrEnum):
    TO_TRACE = "to_trace"
    FOUND = "found"
    NOT_FOUND = "not_found"
    MOVED_AWAY = "moved_away"
    DIED = "died"
    IN_EDUCATION = "in_education"  # already in education when traced
    DECLINED = "declined"
    ASSESSED = "assessed"
    IN_PLAN = "in_plan"
    BACK_IN_SCHOOL = "back_in_school"
    IN_NFE = "in_nfe"  # กศน.
    IN_VOCATIONAL = "in_vocational"
    WORKING = "working"
    CLOSURE_REQUESTED = "closure_requested"
    CLOSED = "closed"


S = CaseStatus

STATUS_LABELS: Mapping[CaseStatus, str] = MappingProxyType({
    S.TO_TRACE: N_("รอติดตาม"),
    S.FOUND: N_("พบตัว"),
    S.NOT_FOUND: N_("ไม่พบตัว"),
    S.MOVED_AWAY: N_("ย้ายออกนอกพื้นที่"),
    S.DIED: N_("เสียชีวิต"),
    S.IN_EDUCATION: N_("อยู่ในระบบการศึกษาแล้ว"),
    S.DECLINED: N_("ไม่ประสงค์รับความช่วยเหลือ"),
    S.ASSESSED: N_("ประเมินความต้องการแล้ว"),
    S.IN_PLAN: N_("ดำเนินการตามแผนช่วยเหลือ"),
    S.BACK_IN_SCHOOL: N_("กลับเข้าเรียนในโรงเรียน"),
    S.IN_NFE: N_("เรียน กศน."),
    S.IN_VOCATIONAL: N_("ฝึกอาชีพ"),
    S.WORKING: N_("ทำงาน"),
    S.CLOSURE_REQUESTED: N_("รออนุมัติปิดกรณี"),
    S.CLOSED: N_("ปิดกรณีแล้ว"),
})

TRACE_RESULTS = frozenset({S.FOUND, S.NOT_FOUND, S.MOVED_AWAY, S.DIED, S.IN_EDUCATION, S.DECLINED})
RETURNED = frozenset({S.BACK_IN_SCHOOL, S.IN_NFE, S.IN_VOCATIONAL, S.WORKING})  # the plan's outcomes
# the statuses from which a case may be closed (and the outcome each gives)
CLOSABLE = frozenset({S.NOT_FOUND, S.MOVED_AWAY, S.DIED, S.IN_EDUCATION, S.DECLINED} | RETURNED)
# a place must be named: where to, where the child already studies, the plan's destination
NEEDS_PLACE = frozenset({S.MOVED_AWAY, S.IN_EDUCATION} | RETURNED)
NEEDS_REASON = frozenset({S.DECLINED})
OPEN = frozenset(S) - {S.CLOSED}
# statuses whose case is followed up on the plan's schedule (case_followup.py)
FOLLOWED_UP = frozenset({S.IN_PLAN} | RETURNED)


class CaseOutcome(StrEnum):
    """How a closed case ended (what the province counts)."""

    BACK_IN_SCHOOL = "back_in_school"
    IN_NFE = "in_nfe"
    IN_VOCATIONAL = "in_vocational"
    WORKING = "working"
    IN_EDUCATION = "in_education"
    NOT_FOUND = "not_found"
    MOVED_AWAY = "moved_away"
    DIED = "died"
    DECLINED = "declined"
    TRANSFERRED = "transferred"  # to another municipality, through the exchange


OUTCOME_LABELS: Mapping[CaseOutcome, str] = MappingProxyType({
    CaseOutcome.BACK_IN_SCHOOL: N_("กลับเข้าเรียนในโรงเรียน"),
    CaseOutcome.IN_NFE: N_("เรียน กศน."),
    CaseOutcome.IN_VOCATIONAL: N_("ฝึกอาชีพ"),
    CaseOutcome.WORKING: N_("ทำงาน"),
    CaseOutcome.IN_EDUCATION: N_("อยู่ในระบบการศึกษาแล้ว"),
    CaseOutcome.NOT_FOUND: N_("ไม่พบตัว"),
    CaseOutcome.MOVED_AWAY: N_("ย้ายออกนอกพื้นที่"),
    CaseOutcome.DIED: N_("เสียชีวิต"),
    CaseOutcome.DECLINED: N_("ไม่ประสงค์รับความช่วยเหลือ"),
    CaseOutcome.TRANSFERRED: N_("ส่งต่อให้ อปท. อื่น"),
})
# the outcomes that count as "returned to education or work" on the dashboard
RETURNED_OUTCOMES = frozenset({CaseOutcome.BACK_IN_SCHOOL, CaseOutcome.IN_NFE, CaseOutcome.IN_VOCATIONAL,
                               CaseOutcome.WORKING})


def outcome_of(status: CaseStatus) -> CaseOutcome:
    """The outcome a closure from ``status`` records (ValueError for a status not closable)."""
    if status not in CLOSABLE:
        raise ValueError(status)
    return CaseOutcome(status.value)


class CaseSource(StrEnum):
    """How the case came to the office."""

    ZERO_DROPOUT = "zero_dropout"  # the province's list (Thailand Zero Dropout)
    VOLUNTEER_LIST = "volunteer_list"  # a volunteer's or a network's list
    VOLUNTEER = "volunteer"  # spotted by a community education volunteer (อสม.การศึกษา)
    TEACHER = "teacher"
    OTHER = "other"
    TRANSFER = "transfer"  # received from another municipality (services/case_transfer_receive.py)


SOURCE_LABELS: Mapping[CaseSource, str] = MappingProxyType({
    CaseSource.ZERO_DROPOUT: N_("รายชื่อจากจังหวัด (Thailand Zero Dropout)"),
    CaseSource.VOLUNTEER_LIST: N_("รายชื่อจากอาสาสมัครหรือเครือข่าย"),
    CaseSource.VOLUNTEER: N_("อสม.การศึกษาแจ้ง"),
    CaseSource.TEACHER: N_("ครูแจ้ง"),
    CaseSource.OTHER: N_("อื่น ๆ"),
    CaseSource.TRANSFER: N_("รับโอนจาก อปท. อื่น"),
})


def status_label(status: CaseStatus | str) -> str:
    return _(STATUS_LABELS[CaseStatus(status)])


def outcome_label(outcome: CaseOutcome | str) -> str:
    return _(OUTCOME_LABELS[CaseOutcome(outcome)])


def source_label(source: CaseSource | str) -> str:
    return _(SOURCE_LABELS[CaseSource(source)])


def parse_status(text: str) -> CaseStatus | None:
    """A status from its code (``to_trace``) or its Thai label; None when unknown (the
    command line's ``--status``)."""
    value = text.strip()
    for status in CaseStatus:
        if value in (status.value, STATUS_LABELS[status], _(STATUS_LABELS[status])):
            return status
    return None


class Fact(StrEnum):
    """What must be true of the case (not of the move) before a move."""

    ASSESSMENT_COMPLETE = "assessment_complete"  # case_needs.is_complete
    PLAN_APPROVED = "plan_approved"  # case_plan.in_force is not None


@dataclass(frozen=True)
class MoveRule:
    action: Action
    fact: Fact | None = None


W = MoveRule(Action.CASE_WORK)
SUP = MoveRule(Action.CASE_SUPERVISE)


def _moves() -> dict[tuple[CaseStatus, CaseStatus], MoveRule]:
    table: dict[tuple[CaseStatus, CaseStatus], MoveRule] = {}
    for result in TRACE_RESULTS:
        table[(S.TO_TRACE, result)] = W
    table[(S.NOT_FOUND, S.TO_TRACE)] = W  # trace again
    for later in (S.FOUND, S.MOVED_AWAY, S.DIED, S.IN_EDUCATION):
        table[(S.NOT_FOUND, later)] = W  # found on a later visit, or learned of
    for ending in (S.DECLINED, S.MOVED_AWAY, S.DIED, S.IN_EDUCATION):
        for during in (S.FOUND, S.ASSESSED, S.IN_PLAN):
            table[(during, ending)] = W
    table[(S.FOUND, S.ASSESSED)] = MoveRule(Action.CASE_WORK, Fact.ASSESSMENT_COMPLETE)
    table[(S.ASSESSED, S.IN_PLAN)] = MoveRule(Action.CASE_WORK, Fact.PLAN_APPROVED)
    for outcome in RETURNED:
        table[(S.IN_PLAN, outcome)] = W
        table[(outcome, S.IN_PLAN)] = W  # it did not hold: back to the plan
        for other in RETURNED - {outcome}:
            table[(outcome, other)] = W  # e.g. from กศน. to vocational training
        for ending in (S.MOVED_AWAY, S.DIED):
            table[(outcome, ending)] = W
    for closable in CLOSABLE:
        table[(closable, S.CLOSURE_REQUESTED)] = W
        table[(S.CLOSURE_REQUESTED, closable)] = SUP  # sent back (to where it came from)
    table[(S.CLOSURE_REQUESTED, S.CLOSED)] = SUP
    return table


MOVES: Mapping[tuple[CaseStatus, CaseStatus], MoveRule] = MappingProxyType(_moves())


def next_statuses(status: CaseStatus) -> list[CaseStatus]:
    """The statuses a case may move to from ``status``, in the list's order (a screen's
    choices; a transfer is apart: ``check_transfer``)."""
    return [s for s in CaseStatus if (status, s) in MOVES]


@dataclass(frozen=True)
class Case:
    """What the rules need of a case (the service fills it from the database)."""

    status: CaseStatus
    opened_on: date
    last_move_on: date | None = None  # the date of the latest status change
    requested_from: CaseStatus | None = None  # closure_requested: the status it was asked from
    requested_by: str = ""  # closure_requested: who asked (user name)
    assessment_complete: bool = False
    plan_approved: bool = False


@dataclass(frozen=True)
class MoveDetails:
    on: date
    by: str  # the user name of who makes the move
    place: str = ""  # where to / where
    reason: str = ""  # declined; a closure sent back
    note: str = ""


@dataclass(frozen=True)
class StatusChange:
    """One line of a case's status history, as it will be written."""

    from_status: CaseStatus
    to_status: CaseStatus
    on: date
    by: str
    place: str = ""
    reason: str = ""
    note: str = ""
    outcome: CaseOutcome | None = None  # closed: how it ended
    approved_by: str = ""  # closed: the supervisor who approved


def text_problem(field: str, value: str, limit: int, label: str, *, required: str | None = None) -> Problem | None:
    """A free-text field's problem (``value`` cleaned): missing when ``required`` (the
    message to give), too long, or Thai marks with no meaning."""
    if not value:
        return Problem(field, required) if required else None
    message = too_long(value, limit, label) or thai_marks_problem(value, label)
    return Problem(field, message) if message else None


def date_problem(field: str, on: date, today: date, *, not_before: date | None = None,
                 before_label: str = "") -> Problem | None:
    """A recorded date in the future, or before ``not_before`` (``before_label`` names it)."""
    if on > today:
        return Problem(field, _("วันที่ {on} อยู่หลังวันนี้ โปรดตรวจสอบวันที่และปี พ.ศ.").format(on=format_be(on)))
    if not_before is not None and on < not_before:
        return Problem(field, _("วันที่ {on} อยู่ก่อน{what} ({then}) โปรดตรวจสอบวันที่").format(
            on=format_be(on), what=_(before_label), then=format_be(not_before)))
    return None


def may_do(roles: Iterable[Role], action: Action) -> bool:
    return any(role_allows(r, action) for r in roles)


def _place_required(target: CaseStatus) -> str:
    if target is S.MOVED_AWAY:
        return _("โปรดระบุว่าย้ายไปที่ใด (ตำบล อำเภอ จังหวัด หรือ อปท. ปลายทาง)")
    if target is S.IN_EDUCATION:
        return _("โปรดระบุสถานศึกษาที่เด็กเรียนอยู่")
    if target is S.BACK_IN_SCHOOL:
        return _("โปรดระบุโรงเรียนที่เด็กกลับเข้าเรียน")
    if target is S.IN_NFE:
        return _("โปรดระบุ กศน. ที่เด็กเข้าเรียน")
    if target is S.IN_VOCATIONAL:
        return _("โปรดระบุสถานที่ฝึกอาชีพ")
    return _("โปรดระบุสถานที่ทำงาน")


def check_move(case: Case, target: CaseStatus, roles: Iterable[Role], details: MoveDetails, *,
               today: date, self_approval: bool = False) -> list[Problem]:
    """Every reason the move of ``case`` to ``target`` by someone holding ``roles`` is
    refused; empty when it may be made."""
    roles = frozenset(roles)
    rule = MOVES.get((case.status, target))
    if rule is None:
        return [Problem("status", _("เปลี่ยนสถานะจาก \"{old}\" เป็น \"{new}\" ไม่ได้").format(
            old=status_label(case.status), new=status_label(target)))]
    problems: list[Problem] = []
    if not may_do(roles, rule.action):
        if rule.action is Action.CASE_SUPERVISE:
            message = _("การเปลี่ยนสถานะนี้ต้องทำโดยหัวหน้างานติดตามเด็กนอกระบบ")
        else:
            message = _("ผู้ใช้นี้ไม่มีสิทธิ์ติดตามเด็กนอกระบบ")
        problems.append(Problem("actor", message))
    if not clean_text(details.by):  # every change says who made it (and the self-approval rule needs it)
        problems.append(Problem("actor", _("ไม่ทราบว่าใครเปลี่ยนสถานะ โปรดเข้าสู่ระบบก่อน")))
    place, reason, note = clean_text(details.place), clean_text(details.reason), clean_text(details.note)
    reason_required: str | None = None
    if case.status is S.CLOSURE_REQUESTED:
        if target is S.CLOSED:
            if case.requested_from not in CLOSABLE:  # the request's move records it
                problems.append(Problem("status", _("ไม่ทราบสถานะก่อนขอปิดกรณี จึงบอกผลการปิดไม่ได้")))
            if not self_approval and details.by == case.requested_by:
                problems.append(Problem("actor", _(
                    "ผู้ขอปิดกรณีอนุมัติเองไม่ได้ โปรดให้หัวหน้างานอีกคนหนึ่งอนุมัติ")))
        elif target is not case.requested_from:
            problems.append(Problem("status", _("ส่งกลับได้เฉพาะสถานะเดิมก่อนขอปิดกรณี (\"{old}\")").format(
                old=status_label(case.requested_from) if case.requested_from else "-")))
        else:
            reason_required = _("โปรดระบุเหตุผลที่ส่งกลับ")
    else:  # the place and the reason of a status are asked when the case first moves there
        if target in NEEDS_PLACE:
            p = text_problem("place", place, PLACE_MAX, N_("สถานที่"), required=_place_required(target))
            if p:
                problems.append(p)
        if target in NEEDS_REASON:
            reason_required = _("โปรดระบุเหตุผลที่ไม่ประสงค์รับความช่วยเหลือ")
    if rule.fact is Fact.ASSESSMENT_COMPLETE and not case.assessment_complete:
        problems.append(Problem("assessment", _("ยังประเมินความต้องการไม่ครบทุกด้าน โปรดประเมินให้ครบก่อน")))
    if rule.fact is Fact.PLAN_APPROVED and not case.plan_approved:
        problems.append(Problem("plan", _("แผนการช่วยเหลือเด็กรายบุคคลยังไม่ได้รับอนุมัติ")))
    for p in (text_problem("reason", reason, REASON_MAX, N_("เหตุผล"), required=reason_required),
              text_problem("note", note, NOTE_MAX, N_("บันทึกเพิ่มเติม"))):
        if p:
            problems.append(p)
    problems += _dates(case, details.on, today)
    return problems


def _dates(case: Case, on: date, today: date) -> list[Problem]:
    last = case.last_move_on
    if last is not None and last >= case.opened_on:
        p = date_problem("on", on, today, not_before=last, before_label=N_("การเปลี่ยนสถานะครั้งล่าสุด"))
    else:
        p = date_problem("on", on, today, not_before=case.opened_on, before_label=N_("วันที่เปิดกรณี"))
    return [p] if p else []


def make_move(case: Case, target: CaseStatus, roles: Iterable[Role], details: MoveDetails, *,
              today: date, self_approval: bool = False) -> StatusChange:
    """The status change to write (ValidationFailed with every problem when refused). A
    closure records its outcome (from the status it was asked from) and its approver."""
    problems = check_move(case, target, roles, details, today=today, self_approval=self_approval)
    if problems:
        raise ValidationFailed(problems)
    outcome: CaseOutcome | None = None
    approved_by = ""
    if target is S.CLOSED:
        assert case.requested_from is not None  # check_move refused it otherwise
        outcome, approved_by = outcome_of(case.requested_from), details.by
    elif target is S.CLOSURE_REQUESTED:
        outcome = outcome_of(case.status)
    return StatusChange(case.status, target, details.on, details.by, clean_text(details.place),
                        clean_text(details.reason), clean_text(details.note), outcome, approved_by)


def offered_moves(case: Case, roles: Iterable[Role], by: str, *, self_approval: bool = False) -> list[CaseStatus]:
    """The statuses a screen offers ``by`` (holding ``roles``) for ``case``: the moves
    ``check_move`` refuses neither for the status (a closure is approved or sent back to
    the status it was asked from, nothing else) nor for who makes it (a supervisor's
    decision; not one's own closure unless ``self_approval``). What the move still needs
    (a place, a reason, a date, an assessment) is asked when it is made."""
    probe = MoveDetails(on=case.opened_on, by=by)
    return [t for t in next_statuses(case.status)
            if not any(p.field in ("status", "actor")
                       for p in check_move(case, t, roles, probe, today=case.opened_on, self_approval=self_approval))]


def check_transfer(case: Case, roles: Iterable[Role], details: MoveDetails, *, today: date) -> list[Problem]:
    """Closing an open case as transferred to another municipality (``details.place`` names
    it): a supervisor's move from any open status."""
    problems: list[Problem] = []
    if case.status is S.CLOSED:
        problems.append(Problem("status", _("กรณีนี้ปิดแล้ว ส่งต่อให้ อปท. อื่นไม่ได้")))
    if not may_do(roles, Action.CASE_SUPERVISE):
        problems.append(Problem("actor", _("การส่งต่อกรณีให้ อปท. อื่นต้องทำโดยหัวหน้างานติดตามเด็กนอกระบบ")))
    p = text_problem("place", clean_text(details.place), PLACE_MAX, N_("สถานที่"),
                     required=_("โปรดระบุ อปท. ปลายทางที่รับกรณีต่อ"))
    if p:
        problems.append(p)
    problems += _dates(case, details.on, today)
    return problems


def make_transfer(case: Case, roles: Iterable[Role], details: MoveDetails, *, today: date) -> StatusChange:
    problems = check_transfer(case, roles, details, today=today)
    if problems:
        raise ValidationFailed(problems)
    return StatusChange(case.status, S.CLOSED, details.on, details.by, clean_text(details.place),
                        clean_text(details.reason), clean_text(details.note), CaseOutcome.TRANSFERRED, details.by)


def open_case_problem(child_statuses: Iterable[CaseStatus]) -> Problem | None:
    """One open case per child: a new case only when every earlier case of the child is
    closed (a child who leaves education again gets a new case, so the year's figures
    count each return once)."""
    if any(s is not S.CLOSED for s in child_statuses):
        return Problem("child", _("เด็กคนนี้มีกรณีที่ยังไม่ปิดอยู่แล้ว โปรดเปิดกรณีเดิมแทนการเปิดใหม่"))
    return None


def open_problems(opened_on: date, source: CaseSource | str, child_statuses: Iterable[CaseStatus], *,
                  today: date, note: str = "") -> list[Problem]:
    """What keeps a case from being opened (by hand or from a list's row)."""
    problems: list[Problem] = []
    if source not in {s.value for s in CaseSource}:
        problems.append(Problem("source", _("โปรดเลือกที่มาของกรณี")))
    p = date_problem("opened_on", opened_on, today)
    if p:
        problems.append(p)
    p = text_problem("note", clean_text(note), NOTE_MAX, N_("บันทึกเพิ่มเติม"))
    if p:
        problems.append(p)
    p = open_case_problem(child_statuses)
    if p:
        problems.append(p)
    return problems
