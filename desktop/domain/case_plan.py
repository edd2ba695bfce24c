"""The individual assistance plan (แผนการช่วยเหลือเด็กรายบุคคล) of an out-of-school child's
case (issue 13): goals and actions, its versions and their approval. No Qt, no SQL.

A plan is a line of versions, numbered from 1; every operation takes the line (oldest
first) and gives the new line, or raises ValidationFailed saying why not:

    line = save(line, content, by="somchai", roles={Role.CASE_WORKER}, on=today)
    line = submit(line, by="somchai", roles=..., on=today)
    line = approve(line, 1, content_hash(line[-1].content), by="boss", roles={Role.SUPERVISOR}, on=today)

The rules:
- A case worker (``case.work``) drafts, edits and submits; a supervisor
  (``case.supervise``) approves or returns a submitted version, with a reason.
- Only the latest version may change. Editing a draft or a returned version changes it
  in place; editing a submitted one withdraws it (a draft again), so a supervisor never
  approves something edited after it was submitted. **Editing after approval makes a new
  draft version**; the approved one stays in force, unchanged and readable, until the new
  one is approved, when it becomes ``superseded``. At most one version is not final.
- The approver approves exactly what they saw: ``approve`` takes the content's hash as
  shown to them and refuses when the version has changed since. The hash of the approved
  content is kept; ``check_line`` finds an approved version changed afterwards.
- The approver may not be one of the version's authors unless the office allows it
  (``self_approval``, for a one-person office).
- An action's outcome (what happened, the day it was done) is progress, not the plan:
  it is recorded on the version in force without a new version and is outside the hash.
- A plan to submit or approve has at least one goal, each with at least one action, and
  each action its responsible agency and person and a due date; budgets are whole satang,
  0 or more.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from desktop.i18n import N_, _

from .case_needs import Area
from .cases import NOTE_MAX, REASON_MAX, date_problem, may_do, text_problem
from .dates import format_be
from .errors import Problem, ValidationFailed
from .roles import Action, Role
from .text import clean_text

TEXT_MAX = 500  # a goal's or an action's text
NAME_MAX = 200  # an agency's or a person's name
OUTCOME_MAX = 1000
BUDGET_MAX_SATANG = 1_000_000 * 100  # one action's budget
DUE_YEARS_AHEAD = 5  # a due date further ahead is a typo (a BE year typed as CE ...)


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


PLAN_STATUS_LABELS: Mapping[PlanStatus, str] = MappingProxyType({
    PlanStatus.DRAFT: N_("ร่าง"),
    PlanStatus.SUBMITTED: N_("เสนอแล้ว รออนุมัติ"),
    PlanStatus.RETURNED: N_("ส่งกลับให้แก้ไข"),
    PlanStatus.APPROVED: N_("อนุมัติแล้ว (ใช้อยู่)"),
    PlanStatus.SUPERSEDED: N_("อนุมัติแล้ว (ฉบับเก่า)"),
})
EDITABLE = frozenset({PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED})


class Agency(StrEnum):
    """Who is responsible for an action, or to whom a case is referred."""

    MUNICIPALITY = "municipality"
    SCHOOL = "school"
    NFE = "nfe"
    VOCATIONAL = "vocational"
    SOCIAL_DEVELOPMENT = "social_development"
    HEALTH = "health"
    LABOUR = "labour"
    DISTRICT = "district"
    FAMILY = "family"
    OTHER = "other"


AGENCY_LABELS: Mapping[Agency, str] = MappingProxyType({
    Agency.MUNICIPALITY: N_("องค์กรปกครองส่วนท้องถิ่น"),
    Agency.SCHOOL: N_("โรงเรียน"),
    Agency.NFE: N_("กศน."),
    Agency.VOCATIONAL: N_("สถานศึกษาหรือศูนย์ฝึกอาชีพ"),
    Agency.SOCIAL_DEVELOPMENT: N_("พัฒนาสังคมและความมั่นคงของมนุษย์ (พมจ.)"),
    Agency.HEALTH: N_("สาธารณสุขหรือโรงพยาบาล"),
    Agency.LABOUR: N_("แรงงานจังหวัดหรือจัดหางาน"),
    Agency.DISTRICT: N_("อำเภอ (ทะเบียนราษฎร)"),
    Agency.FAMILY: N_("ครอบครัว"),
    Agency.OTHER: N_("อื่น ๆ"),
})


def plan_status_label(status: PlanStatus | str) -> str:
    return _(PLAN_STATUS_LABELS[PlanStatus(status)])


def agency_label(agency: Agency | str) -> str:
    return _(AGENCY_LABELS[Agency(agency)])


@dataclass(frozen=True)
class PlanAction:
    text: str
    agency: Agency | None = None
    agency_name: str = ""  # e.g. กศน.อำเภอเมือง (optional; the kind is required)
    person: str = ""  # the responsible person
    due: date | None = None
    budget_satang: int = 0
    # progress (outside the approval's hash)
    outcome: str = ""
    done_on: date | None = None


@dataclass(frozen=True)
class Goal:
    text: str
    area: Area | None = None  # the need it answers (case_needs.Area)
    actions: tuple[PlanAction, ...] = ()


@dataclass(frozen=True)
class PlanContent:
    goals: tuple[Goal, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class PlanVersion:
    number: int
    status: PlanStatus
    content: PlanContent
    authors: frozenset[str]  # who drafted or edited this version
    edited_on: date
    submitted_by: str = ""
    submitted_on: date | None = None
    decided_by: str = ""  # the supervisor who approved or returned it
    decided_on: date | None = None
    returned_reason: str = ""
    approved_hash: str = ""  # content_hash of the content approved


def content_hash(content: PlanContent) -> str:
    """SHA-256 of exactly what an approval covers: goals, actions and the note (an action's
    outcome and done date are progress and left out)."""
    data = {
        "note": clean_text(content.note),
        "goals": [{"text": clean_text(g.text), "area": g.area.value if g.area else None,
                   "actions": [{"text": clean_text(a.text), "agency": a.agency.value if a.agency else None,
                                "agency_name": clean_text(a.agency_name), "person": clean_text(a.person),
                                "due": a.due.isoformat() if a.due else None, "budget": a.budget_satang}
                               for a in g.actions]}
                  for g in content.goals],
    }
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def total_budget(content: PlanContent) -> int:
    """Satang over every action."""
    return sum(a.budget_satang for g in content.goals for a in g.actions)


def content_problems(content: PlanContent, *, complete: bool, on: date,
                     opened_on: date | None = None) -> list[Problem]:
    """The content's problems; ``complete``: what a version needs to be submitted or
    approved (a goal, an action each, each action's agency, person and due date)."""
    problems: list[Problem] = []
    if complete and not content.goals:
        problems.append(Problem("goals", _("แผนยังไม่มีเป้าหมาย โปรดเพิ่มเป้าหมายอย่างน้อย 1 ข้อ")))
    for gi, goal in enumerate(content.goals, start=1):
        where = f"goals.{gi}"
        p = text_problem(f"{where}.text", clean_text(goal.text), TEXT_MAX, N_("เป้าหมาย"),
                         required=_("เป้าหมายข้อที่ {n}: ยังไม่ได้เขียนเป้าหมาย").format(n=gi))
        if p:
            problems.append(p)
        if complete and not goal.actions:
            problems.append(Problem(f"{where}.actions", _("เป้าหมายข้อที่ {n}: ยังไม่มีกิจกรรม "
                                                          "โปรดเพิ่มกิจกรรมอย่างน้อย 1 รายการ").format(n=gi)))
        for ai, action in enumerate(goal.actions, start=1):
            problems += _action_problems(action, f"{where}.actions.{ai}", f"{gi}.{ai}", complete, on, opened_on)
    p = text_problem("note", clean_text(content.note), NOTE_MAX, N_("บันทึกเพิ่มเติม"))
    if p:
        problems.append(p)
    return problems


def _action_problems(a: PlanAction, where: str, label: str, complete: bool, on: date,
                     opened_on: date | None) -> list[Problem]:
    out: list[Problem] = []

    def add(p: Problem | None) -> None:
        if p:
            out.append(p)

    add(text_problem(f"{where}.text", clean_text(a.text), TEXT_MAX, N_("กิจกรรม"),
                     required=_("กิจกรรม {n}: ยังไม่ได้เขียนว่าจะทำอะไร").format(n=label)))
    if complete and a.agency is None:
        out.append(Problem(f"{where}.agency", _("กิจกรรม {n}: โปรดเลือกหน่วยงานที่รับผิดชอบ").format(n=label)))
    add(text_problem(f"{where}.agency_name", clean_text(a.agency_name), NAME_MAX, N_("ชื่อหน่วยงานที่รับผิดชอบ")))
    add(text_problem(f"{where}.person", clean_text(a.person), NAME_MAX, N_("ผู้รับผิดชอบ"),
                     required=_("กิจกรรม {n}: โปรดระบุผู้รับผิดชอบ").format(n=label) if complete else None))
    if a.due is None:
        if complete:
            out.append(Problem(f"{where}.due", _("กิจกรรม {n}: โปรดกำหนดวันที่ต้องเสร็จ").format(n=label)))
    elif opened_on is not None and a.due < opened_on:
        out.append(Problem(f"{where}.due", _("กิจกรรม {n}: วันที่ต้องเสร็จ {due} อยู่ก่อนวันที่เปิดกรณี").format(
            n=label, due=format_be(a.due))))
    elif a.due > on + timedelta(days=365 * DUE_YEARS_AHEAD + 1):
        out.append(Problem(f"{where}.due", _("กิจกรรม {n}: วันที่ต้องเสร็จ {due} ไกลเกิน {years} ปี "
                                             "โปรดตรวจสอบปี พ.ศ.").format(
                                                 n=label, due=format_be(a.due), years=DUE_YEARS_AHEAD)))
    if not 0 <= a.budget_satang <= BUDGET_MAX_SATANG:
        out.append(Problem(f"{where}.budget", _("กิจกรรม {n}: งบประมาณต้องอยู่ระหว่าง 0 ถึง {most:,} บาท").format(
            n=label, most=BUDGET_MAX_SATANG // 100)))
    add(text_problem(f"{where}.outcome", clean_text(a.outcome), OUTCOME_MAX, N_("ผลการดำเนินงาน")))
    if a.done_on is not None:
        add(date_problem(f"{where}.done_on", a.done_on, on))
        if not clean_text(a.outcome):
            out.append(Problem(f"{where}.outcome", _("กิจกรรม {n}: บันทึกวันที่เสร็จแล้ว โปรดบันทึกผลด้วย").format(
                n=label)))
    return out


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def _may(roles: Iterable[Role], action: Action) -> list[Problem]:
    if may_do(roles, action):
        return []
    if action is Action.CASE_SUPERVISE:
        return [Problem("actor", _("แผนการช่วยเหลือต้องได้รับอนุมัติจากหัวหน้างานติดตามเด็กนอกระบบ"))]
    return [Problem("actor", _("ผู้ใช้นี้ไม่มีสิทธิ์จัดทำแผนการช่วยเหลือเด็กรายบุคคล"))]


def in_force(line: Sequence[PlanVersion]) -> PlanVersion | None:
    """The approved version in force (the latest approved), or None."""
    return next((v for v in reversed(line) if v.status is PlanStatus.APPROVED), None)


def pending(line: Sequence[PlanVersion]) -> PlanVersion | None:
    """The version being drafted, submitted or returned (only ever the latest), or None."""
    return line[-1] if line and line[-1].status in EDITABLE else None


def save(line: Sequence[PlanVersion], content: PlanContent, *, by: str, roles: Iterable[Role], on: date,
         opened_on: date | None = None) -> tuple[PlanVersion, ...]:
    """Save ``content`` as the draft: the first version, the draft edited in place (a
    submitted one withdrawn), or a new version after an approved one."""
    _refuse(_may(roles, Action.CASE_WORK) + content_problems(content, complete=False, on=on, opened_on=opened_on))
    current = pending(line)
    if current is not None:
        edited = replace(current, status=PlanStatus.DRAFT, content=content, authors=current.authors | {by},
                         edited_on=on, submitted_by="", submitted_on=None)
        return (*line[:-1], edited)
    number = line[-1].number + 1 if line else 1
    return (*line, PlanVersion(number, PlanStatus.DRAFT, content, frozenset({by}), on))


def submit(line: Sequence[PlanVersion], *, by: str, roles: Iterable[Role], on: date,
           opened_on: date | None = None) -> tuple[PlanVersion, ...]:
    """Hand the draft (or the returned version) to a supervisor."""
    problems = _may(roles, Action.CASE_WORK)
    current = pending(line)
    if current is None or current.status is PlanStatus.SUBMITTED:
        problems.append(Problem("status", _("ไม่มีร่างแผนที่จะเสนอ") if current is None
                                else _("แผนฉบับนี้เสนอแล้ว รออนุมัติ")))
        raise ValidationFailed(problems)
    problems += content_problems(current.content, complete=True, on=on, opened_on=opened_on)
    # ``on`` is the day it is handed in (today): not before the draft's last edit
    p = date_problem("on", on, on, not_before=current.edited_on, before_label=N_("วันที่แก้ไขแผน"))
    if p:
        problems.append(p)
    _refuse(problems)
    return (*line[:-1], replace(current, status=PlanStatus.SUBMITTED, submitted_by=by, submitted_on=on,
                                returned_reason=""))


def _submitted(line: Sequence[PlanVersion], number: int) -> tuple[PlanVersion | None, list[Problem]]:
    current = pending(line)
    if current is None or current.number != number:
        return None, [Problem("version", _("แผนฉบับที่ {n} ไม่ใช่ฉบับล่าสุดที่รออนุมัติ").format(n=number))]
    if current.status is not PlanStatus.SUBMITTED:
        return None, [Problem("status", _("แผนฉบับที่ {n} ยังไม่ได้เสนอเพื่ออนุมัติ").format(n=number))]
    return current, []


def approve(line: Sequence[PlanVersion], number: int, seen_hash: str, *, by: str, roles: Iterable[Role],
            on: date, today: date, opened_on: date | None = None,
            self_approval: bool = False) -> tuple[PlanVersion, ...]:
    """Approve submitted version ``number`` as shown to the approver (``seen_hash``); the
    version in force before it becomes superseded."""
    problems = _may(roles, Action.CASE_SUPERVISE)
    current, found = _submitted(line, number)
    problems += found
    if current is None:
        raise ValidationFailed(problems)
    if content_hash(current.content) != seen_hash:
        problems.append(Problem("version", _("แผนฉบับนี้ถูกแก้ไขหลังจากที่เปิดดู โปรดเปิดดูฉบับล่าสุดแล้วอนุมัติอีกครั้ง")))
    if not self_approval and by in current.authors:
        problems.append(Problem("actor", _("ผู้จัดทำแผนอนุมัติแผนของตนเองไม่ได้ โปรดให้หัวหน้างานอีกคนหนึ่งอนุมัติ")))
    problems += content_problems(current.content, complete=True, on=on, opened_on=opened_on)
    p = date_problem("on", on, today, not_before=current.submitted_on, before_label=N_("วันที่เสนอแผน"))
    if p:
        problems.append(p)
    _refuse(problems)
    older = tuple(replace(v, status=PlanStatus.SUPERSEDED) if v.status is PlanStatus.APPROVED else v
                  for v in line[:-1])
    return (*older, replace(current, status=PlanStatus.APPROVED, decided_by=by, decided_on=on,
                            approved_hash=content_hash(current.content)))


def return_plan(line: Sequence[PlanVersion], number: int, reason: str, *, by: str, roles: Iterable[Role],
                on: date, today: date) -> tuple[PlanVersion, ...]:
    """Send submitted version ``number`` back to be corrected, saying why."""
    problems = _may(roles, Action.CASE_SUPERVISE)
    current, found = _submitted(line, number)
    problems += found
    if current is None:
        raise ValidationFailed(problems)
    p = text_problem("reason", clean_text(reason), REASON_MAX, N_("เหตุผล"),
                     required=_("โปรดระบุสิ่งที่ต้องแก้ไขในแผน"))
    if p:
        problems.append(p)
    p = date_problem("on", on, today, not_before=current.submitted_on, before_label=N_("วันที่เสนอแผน"))
    if p:
        problems.append(p)
    _refuse(problems)
    return (*line[:-1], replace(current, status=PlanStatus.RETURNED, decided_by=by, decided_on=on,
                                returned_reason=clean_text(reason)))


def record_outcome(line: Sequence[PlanVersion], goal: int, action: int, outcome: str, done_on: date | None, *,
                   roles: Iterable[Role], today: date) -> tuple[PlanVersion, ...]:
    """Record what came of action ``action`` (1-based) of goal ``goal`` on the version in
    force: progress, so no new version and the approval stands."""
    problems = _may(roles, Action.CASE_WORK)
    plan = in_force(line)
    if plan is None:
        raise ValidationFailed([*problems, Problem("plan", _("ยังไม่มีแผนที่อนุมัติแล้ว"))])
    if not (1 <= goal <= len(plan.content.goals) and 1 <= action <= len(plan.content.goals[goal - 1].actions)):
        raise ValidationFailed([*problems, Problem("action", _("ไม่พบกิจกรรม {n} ในแผน").format(
            n=f"{goal}.{action}"))])
    g = plan.content.goals[goal - 1]
    updated = replace(g.actions[action - 1], outcome=clean_text(outcome), done_on=done_on)
    problems += _action_problems(updated, f"goals.{goal}.actions.{action}", f"{goal}.{action}", False, today, None)
    _refuse(problems)
    actions = (*g.actions[: action - 1], updated, *g.actions[action:])
    goals = (*plan.content.goals[: goal - 1], replace(g, actions=actions), *plan.content.goals[goal:])
    new = replace(plan, content=replace(plan.content, goals=goals))
    return tuple(new if v is plan else v for v in line)


@dataclass(frozen=True)
class LineFault:
    number: int
    message: str


def check_line(line: Sequence[PlanVersion]) -> list[LineFault]:
    """What is wrong with a stored line of versions (the service checks it on reading):
    numbers 1..n in order, only the latest may be unfinished, one version in force at most
    and none superseded after it, every approved version's content still hashing as
    approved (an edit made outside the rules shows here)."""
    faults: list[LineFault] = []
    approved_seen = False
    for i, v in enumerate(line):
        if v.number != i + 1:
            faults.append(LineFault(v.number, _("ลำดับฉบับของแผนไม่ต่อเนื่อง (ฉบับที่ {n})").format(n=v.number)))
        if v.status in EDITABLE and i != len(line) - 1:
            faults.append(LineFault(v.number, _("แผนฉบับที่ {n} ยังไม่เสร็จ แต่มีฉบับใหม่กว่า").format(n=v.number)))
        if v.status is PlanStatus.APPROVED:
            if approved_seen:
                faults.append(LineFault(v.number, _("มีแผนที่ใช้อยู่มากกว่าหนึ่งฉบับ")))
            approved_seen = True
        if v.status is PlanStatus.SUPERSEDED and approved_seen:
            faults.append(LineFault(v.number, _("แผนฉบับเก่า (ฉบับที่ {n}) อยู่หลังฉบับที่ใช้อยู่").format(n=v.number)))
        if v.status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED) and v.approved_hash != content_hash(v.content):
            faults.append(LineFault(v.number, _("แผนฉบับที่ {n} ถูกแก้ไขหลังจากอนุมัติแล้ว").format(n=v.number)))
    return faults
