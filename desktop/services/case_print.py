"""The case module's printouts (issue 13): the referral letter, the case summary with the
individual assistance plan for signatures, and the monthly report of cases for the mayor
and the province. The records are read through the checked services and drawn by
desktop/reports/case_letter.py, case_summary.py and case_monthly.py. No Qt.

    referral_letter_file(session, referral_id, Path("letter.pdf"), signer="นายสมศักดิ์ รักถิ่น")
    case_summary_file(session, case_id, Path("case.pdf"))
    monthly_report_file(session, 2026, 11, Path("month.pdf"))

Official documents: Thai whatever the screen's language (every entry ``@thai_document``;
this file is listed as Thai by design in tests/unit/test_core_i18n.py).

Who: ``case.work`` (the letter and the summary name the child; so does the monthly report's
list of children returned and overdue).
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.case_followup import Schedule, due_on, due_text, result_label
from desktop.domain.case_needs import LEVEL_LABELS, Area, area_label, need_label, reason_label
from desktop.domain.case_plan import (
    Agency,
    PlanVersion,
    agency_label,
    content_hash,
    plan_status_label,
)
from desktop.domain.case_referral import referral_label
from desktop.domain.cases import (
    FOLLOWED_UP,
    RETURNED,
    CaseOutcome,
    CaseStatus,
    outcome_label,
    source_label,
    status_label,
)
from desktop.domain.identity import format_national_id
from desktop.domain.roles import Action
from desktop.i18n import thai_document
from desktop.reports import case_letter, case_monthly, case_summary
from desktop.services.access import require
from desktop.services.case_assess import latest_assessment
from desktop.services.case_dashboard import case_dashboard
from desktop.services.case_followups import follow_ups
from desktop.services.case_plans import plan_line
from desktop.services.case_records import case_for, child_of
from desktop.services.case_referrals import referral, referrals
from desktop.services.cases import follow_up_days
from desktop.services.cases_lists import case_detail
from desktop.services.office import DEMO_LABEL, is_demo, require_local_office
from desktop.services.people import full_name, full_names, names_text
from desktop.services.reports import write_atomic
from desktop.store.case_state import OosCase, OosCaseStatus, OosFollowUp, OosReferral
from desktop.store.models import Child, ChildGuardian, Guardian, Household

OVERDUE_LISTED = 40  # the monthly report lists the most overdue; the total is said


def _notice(session: Session) -> str:
    return DEMO_LABEL if is_demo(session) else ""


def _guardian(session: Session, child: Child) -> tuple[str, str]:
    """The primary guardian's name with the relation, and their phone."""
    row = session.execute(select(Guardian.prefix, Guardian.first_name, Guardian.last_name, ChildGuardian.relation,
                                 Guardian.phone)
                          .join(ChildGuardian, ChildGuardian.guardian_id == Guardian.id)
                          .where(ChildGuardian.child_id == child.id, ChildGuardian.deleted_at.is_(None),
                                 Guardian.deleted_at.is_(None))
                          .order_by(ChildGuardian.is_primary.desc(), ChildGuardian.id).limit(1)).first()
    if row is None:
        return "", ""
    prefix, first, last, relation, phone = row
    name = f"{prefix}{first} {last}".strip()
    return (f"{name} ({relation})" if relation else name), phone or ""


def _case_child(session: Session, case: OosCase) -> case_letter.CaseChild:
    detail = case_detail(session, case.id)
    c = detail.child
    child = child_of(session, case)
    guardian, phone = _guardian(session, child)
    id_text = format_national_id(c.national_id) if c.national_id else c.g_code
    return case_letter.CaseChild(c.name, c.birth_date, id_text, c.address, guardian, phone)


def _needs(session: Session, case_id: int, today: date) -> tuple[tuple[str, ...], str, str]:
    """The assessment's needs as lines ("ด้านเศรษฐกิจ (ต้องช่วยเหลือเร่งด่วน): ..."), the
    schooling line (last school, reasons) and the reasons alone."""
    view = latest_assessment(session, case_id, today=today)
    if view is None:
        return (), "", ""
    lines = []
    for area, level, codes in view.needs:
        what = ", ".join(need_label(area, c) for c in codes) or view.assessment.areas[area].note
        lines.append(f"ด้าน{area_label(area)} ({LEVEL_LABELS[level]}): {what}")
    a = view.assessment
    reasons = ", ".join(reason_label(r) for r in sorted(a.reasons))
    if a.other_reason:
        reasons += f" ({a.other_reason})"
    school = (f"สถานศึกษาเดิม {a.last_school} " if a.last_school else "") + f"สาเหตุที่ออก: {reasons or '-'}"
    return tuple(lines), school, reasons


@thai_document
def referral_letter_data(session: Session, referral_id: int, *, signer: str = "", signer_position: str = "",
                         contact: str = "", addressee: str = "", today: date | None = None) -> case_letter.LetterData:
    """What the referral letter prints (the municipality's header; ``signer`` and
    ``signer_position``: who signs for the office, by default the head of the office;
    ``addressee``: to whom, by default the head of the agency)."""
    require(session, Action.CASE_WORK)
    r = referral(session, referral_id)
    case = case_for(session, r.case_id)
    office = require_local_office(session)
    needs, school, _reasons = _needs(session, case.id, today or date.today())
    worker = full_name(session, case.worker or r.sent_by)  # the person to contact, by name
    return case_letter.LetterData(
        office.name, office.province, _case_child(session, case), r.agency_name, agency_label(r.agency), r.reason,
        r.sent_on, r.letter_no, needs, school, status_label(case.status), signer, signer_position, worker,
        contact, addressee, _notice(session))


@thai_document
def referral_letter_file(session: Session, referral_id: int, out: Path, *, signer: str = "",
                         signer_position: str = "", contact: str = "", addressee: str = "",
                         today: date | None = None) -> int:
    """Write the referral letter to ``out``; its pages."""
    data = referral_letter_data(session, referral_id, signer=signer, signer_position=signer_position,
                                contact=contact, addressee=addressee, today=today)
    pdf, pages = case_letter.referral_letter_pdf(data, printed=today)
    write_atomic(Path(out), pdf)
    return pages


def _agency(kind: Agency | None, name: str) -> str:
    """An action's agency: its name, after its kind unless the name says it already."""
    label = agency_label(kind) if kind else ""
    if not name or not label:
        return name or label
    return name if name.startswith(label.split(" ")[0]) else f"{label} {name}"


def _history_detail(place: str, reason: str, outcome: str) -> str:
    parts = [place, reason]
    if outcome:
        parts.append(f"ผล: {outcome_label(outcome)}")
    return " · ".join(p for p in parts if p)


@thai_document
def case_summary_data(session: Session, case_id: int, *, today: date | None = None) -> case_summary.SummaryData:
    """What the case summary prints: the plan in force (else the latest version)."""
    require(session, Action.CASE_WORK)
    day = today or date.today()
    case = case_for(session, case_id)
    detail = case_detail(session, case.id)
    office = require_local_office(session)
    view = latest_assessment(session, case.id, today=day)
    line = plan_line(session, case.id)
    shown = line.in_force or (line.versions[-1] if line.versions else None)
    # who is named, by login as stored: printed by full name (people.full_names, one query)
    names = full_names(session, [case.worker, *(h.by for h in detail.history),
                                 view.assessment.by if view is not None else "",
                                 *((*shown.authors, shown.submitted_by, shown.decided_by) if shown else ())])
    assessment = None
    if view is not None:
        a = view.assessment
        rows = tuple(case_summary.AreaRow(area_label(area), LEVEL_LABELS[r.level] if r.level else "ยังไม่ประเมิน",
                                          ", ".join(need_label(area, c) for c in sorted(r.needs)) or "-", r.note)
                     for area in Area if (r := a.areas.get(area)) is not None)
        _lines, _school, reasons = _needs(session, case.id, day)
        assessment = case_summary.AssessmentPart(a.assessed_on, names.get(a.by, a.by), rows, reasons,
                                                 a.last_school, a.left_on, a.note)
    plan = None
    if shown is not None:
        goals = tuple(case_summary.GoalRow(g.text, area_label(g.area) if g.area else "", tuple(
            case_summary.ActionRow(x.text, _agency(x.agency, x.agency_name),
                                   x.person, x.due, x.budget_satang, x.outcome, x.done_on) for x in g.actions))
            for g in shown.content.goals)
        plan = case_summary.PlanPart(shown.number, plan_status_label(shown.status), goals, shown.content.note,
                                     names_text(names, sorted(shown.authors)),
                                     names.get(shown.decided_by, shown.decided_by) if shown.approved_hash else "",
                                     shown.decided_on if shown.approved_hash else None,
                                     shown.approved_hash[:12] if shown.approved_hash else content_hash(
                                         shown.content)[:12], len(line.versions))
    visits = tuple(case_summary.VisitRow(v.on, v.by, result_label(v.result), v.note, v.next_on)
                   for v in follow_ups(session, case.id))
    refs = tuple(case_summary.ReferralRow(r.sent_on, r.agency_name, r.reason, referral_label(r.status), r.answer,
                                          r.letter_no) for r in referrals(session, case.id))
    history = tuple(case_summary.HistoryRow(h.on, status_label(h.to_status), names.get(h.by, h.by),
                                            _history_detail(h.place, h.reason, h.outcome))
                    for h in detail.history)
    due = case.follow_due_on
    return case_summary.SummaryData(
        office.name, _case_child(session, case), str(case.id), case.opened_on, source_label(case.source),
        status_label(case.status), case.status_on, names.get(case.worker, case.worker), due_text(due, day), history,
        assessment, plan, visits, refs, plan.approved_by if plan else "", _notice(session), _author(names, shown, case))


def _author(names: dict[str, str], shown: PlanVersion | None, case: OosCase) -> str:
    """Who signs as the plan's author: who submitted the plan shown, else its authors, else
    the case's worker (no plan yet), by full name."""
    if shown is not None and shown.submitted_by:
        return names.get(shown.submitted_by, shown.submitted_by)
    if shown is not None and shown.authors:
        return names_text(names, sorted(shown.authors))
    return names.get(case.worker, case.worker)


@thai_document
def case_summary_file(session: Session, case_id: int, out: Path, *, today: date | None = None) -> int:
    """Write the case summary with the plan to ``out``; its pages."""
    pdf, pages = case_summary.case_summary_pdf(case_summary_data(session, case_id, today=today), printed=today)
    write_atomic(Path(out), pdf)
    return pages


def _status_at(session: Session, end: date) -> dict[int, tuple[str, str]]:
    """Each live case opened by ``end``: its status that day and the place of that status."""
    h = OosCaseStatus
    out: dict[int, tuple[str, str]] = {}
    for case_id, status, place in session.execute(
            select(h.case_id, h.to_status, h.place).join(OosCase, OosCase.id == h.case_id)
            .where(h.changed_on <= end, h.deleted_at.is_(None), OosCase.deleted_at.is_(None))
            .order_by(h.case_id, h.changed_on, h.id)):
        out[case_id] = (status, place)
    return out


@thai_document
def monthly_data(session: Session, year: int, month: int, *, today: date | None = None) -> case_monthly.MonthData:
    """The month's report as of the month's last day (or today, in the month itself)."""
    require(session, Action.CASE_WORK)
    day = today or date.today()
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    as_of = min(last, day)
    office = require_local_office(session)
    at_end = _status_at(session, as_of)
    counts: dict[str, int] = {}
    for status, _place in at_end.values():
        counts[status] = counts.get(status, 0) + 1
    by_status = tuple((status_label(s), counts[s.value]) for s in CaseStatus if counts.get(s.value))
    h = OosCaseStatus
    moves = session.execute(select(h.case_id, h.to_status, h.changed_on, h.place, h.outcome).join(
        OosCase, OosCase.id == h.case_id).where(h.changed_on >= first, h.changed_on <= as_of, h.deleted_at.is_(None),
                                                OosCase.deleted_at.is_(None)).order_by(h.changed_on, h.id)).all()
    opened = int(session.scalar(select(func.count()).select_from(OosCase).where(
        OosCase.deleted_at.is_(None), OosCase.opened_on >= first, OosCase.opened_on <= as_of)) or 0)
    in_month: list[tuple[str, int]] = [("เปิดกรณีใหม่", opened),
                                       ("พบตัวเด็ก", len({m.case_id for m in moves if m.to_status == "found"}))]
    for s in (CaseStatus.BACK_IN_SCHOOL, CaseStatus.IN_NFE, CaseStatus.IN_VOCATIONAL, CaseStatus.WORKING):
        in_month.append((f"กลับเข้าสู่: {status_label(s)}",
                         len({m.case_id for m in moves if m.to_status == s.value})))
    for o in CaseOutcome:
        n = len({m.case_id for m in moves if m.to_status == CaseStatus.CLOSED.value and m.outcome == o.value})
        if n:
            in_month.append((f"ปิดกรณี: {outcome_label(o)}", n))
    visits = int(session.scalar(select(func.count()).select_from(OosFollowUp).where(
        OosFollowUp.deleted_at.is_(None), OosFollowUp.visited_on >= first, OosFollowUp.visited_on <= as_of)) or 0)
    sent = int(session.scalar(select(func.count()).select_from(OosReferral).where(
        OosReferral.deleted_at.is_(None), OosReferral.sent_on >= first, OosReferral.sent_on <= as_of)) or 0)
    answered = int(session.scalar(select(func.count()).select_from(OosReferral).where(
        OosReferral.deleted_at.is_(None), OosReferral.status != "sent", OosReferral.status_on >= first,
        OosReferral.status_on <= as_of)) or 0)
    in_month += [("นิเทศติดตาม (ครั้ง)", visits), ("ส่งต่อหน่วยงานอื่น", sent),
                 ("หน่วยงานตอบกลับการส่งต่อ", answered)]
    returned_ids = {}
    for m in moves:
        if m.to_status in {s.value for s in RETURNED} and m.case_id not in returned_ids:
            returned_ids[m.case_id] = m
    people = _people(session, set(returned_ids) | set(at_end))
    returned = tuple(case_monthly.ReturnedRow(people[c][0], people[c][1], status_label(m.to_status), m.place,
                                              m.changed_on) for c, m in returned_ids.items())
    overdue = _overdue_at(session, at_end, as_of, people)
    dash = case_dashboard(session, as_of)
    return case_monthly.MonthData(
        office.name, office.province, year, month, as_of, by_status, tuple(in_month), dash.year_name, dash.returned,
        dash.median_days, returned, tuple(overdue[:OVERDUE_LISTED]), len(overdue), "", _notice(session))


def _people(session: Session, case_ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """case id -> (the child's name, หมู่, the worker's full name)."""
    out: dict[int, tuple[str, str, str]] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 900):
        for cid, prefix, first, last, village, worker in session.execute(
                select(OosCase.id, Child.prefix, Child.first_name, Child.last_name, Household.village_no,
                       OosCase.worker).join(Child, Child.id == OosCase.child_id)
                .outerjoin(Household, Household.id == Child.household_id)
                .where(OosCase.id.in_(ids[start:start + 900]))):
            out[cid] = (f"{prefix}{first} {last}".strip(), village or "", worker)
    names = full_names(session, [w for _n, _v, w in out.values()])  # the worker by full name
    return {cid: (n, v, names.get(w, w)) for cid, (n, v, w) in out.items()}


def _overdue_at(session: Session, at_end: dict[int, tuple[str, str]], as_of: date,
                people: dict[int, tuple[str, str, str]]) -> list[case_monthly.OverdueRow]:
    """The follow-ups overdue on ``as_of`` as the domain reckons them from that day's status
    and the visits made by then, most overdue first."""
    followed = {c for c, (s, _p) in at_end.items() if CaseStatus(s) in FOLLOWED_UP}
    if not followed:
        return []
    interval = follow_up_days(session)
    since = dict(session.execute(select(OosCase.id, OosCase.followed_since).where(
        OosCase.id.in_(followed))).tuples().all())
    last: dict[int, tuple[date, date | None]] = {}
    for cid, on, next_on in session.execute(
            select(OosFollowUp.case_id, OosFollowUp.visited_on, OosFollowUp.next_on)
            .where(OosFollowUp.case_id.in_(followed), OosFollowUp.visited_on <= as_of,
                   OosFollowUp.deleted_at.is_(None)).order_by(OosFollowUp.visited_on, OosFollowUp.id)):
        last[cid] = (on, next_on)
    rows = []
    for cid in followed:
        visit = last.get(cid)
        due = due_on(Schedule(str(cid), CaseStatus(at_end[cid][0]), since.get(cid),
                              visit[0] if visit else None, visit[1] if visit else None), interval)
        if due is not None and due < as_of:
            name, village, worker = people[cid]
            rows.append(case_monthly.OverdueRow(name, village, worker, due, (as_of - due).days))
    rows.sort(key=lambda r: (r.due, r.name))
    return rows


def last_month(today: date) -> tuple[int, int]:
    """(year, month) of the month last ended: the month a monthly report is usually for."""
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


@thai_document
def monthly_report_file(session: Session, year: int, month: int, out: Path, *, today: date | None = None) -> int:
    """Write the month's report of cases to ``out``; its pages."""
    pdf, pages = case_monthly.monthly_report_pdf(monthly_data(session, year, month, today=today), printed=today)
    write_atomic(Path(out), pdf)
    return pages
