"""The child page's sections after the registry's (services/child_page.py decides which
the user may read; each function here only reads, through the module's own services where
they give what the page needs). No Qt."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from desktop.domain.cases import CaseStatus, source_label, status_label
from desktop.domain.centre import Tally, percent_text
from desktop.domain.dates import format_be
from desktop.domain.dspm import band_text
from desktop.domain.growth_categories import Indicator
from desktop.domain.roles import Action
from desktop.domain.screening import LEVEL_LABELS, PovertyLevel
from desktop.i18n import _
from desktop.services.access import Actor, require, require_any, require_child
from desktop.services.centre_attendance import room_data, tallies
from desktop.services.child_page import Section
from desktop.services.dspm import REFERRAL_OUTCOME_LABELS, child_checks
from desktop.services.grants_payments import method_label, payment_status_label
from desktop.services.growth import measurements
from desktop.services.screenings import status_label as screening_status_label
from desktop.store.case_state import (
    OosCase,
    OosFollowUp,
    OosPlanAction,
    OosPlanGoal,
    OosPlanVersion,
    OosReferral,
)
from desktop.store.centre_state import CentrePlacement, CentreRoom
from desktop.store.grant_state import GrantPayment, GrantRound, TermAttendance
from desktop.store.models import AcademicYear, Child, Enrollment, Institution, Term
from desktop.store.screening_state import Certification, Screening

GROWTH_ROWS = 6  # the latest measurements shown (the growth page has them all)
DSPM_ROWS = 8


def _term_text(year_be: int, number: int) -> str:
    return f"{number}/{year_be}"


def _baht(amount: int) -> str:
    return _("{amount} บาท").format(amount=f"{amount:,}")


# --- poverty screenings --------------------------------------------------------------------

def screenings(session: Session, actor: Actor, child: Child, today: date) -> Section:
    """The child's screenings, newest term first (a role limited to institutions: the terms
    the child was enrolled at one of them)."""
    require_any(session, Action.SCREENING_RECORD, Action.SCREENING_CERTIFY)
    q = (select(Screening, AcademicYear.year_be, Term.number)
         .join(Term, Term.id == Screening.term_id)
         .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
         .where(Screening.child_id == child.id, Screening.deleted_at.is_(None))
         .order_by(AcademicYear.year_be.desc(), Term.number.desc()))
    scopes = [actor.institutions_for(a) for a in (Action.SCREENING_RECORD, Action.SCREENING_CERTIFY)
              if actor.may(a)]
    if all(s is not None for s in scopes):
        allowed = set().union(*(s for s in scopes if s is not None))
        q = q.where(select(Enrollment.id).where(
            Enrollment.child_id == child.id, Enrollment.academic_year_id == AcademicYear.id,
            Enrollment.institution_id.in_(allowed), Enrollment.deleted_at.is_(None)).exists())
    rows = []
    for s, year_be, number in session.execute(q).tuples():
        level = _(LEVEL_LABELS[PovertyLevel(s.level)]) if s.level in set(PovertyLevel) else _("ยังไม่คิดผล")
        cert = session.scalars(select(Certification).where(
            Certification.screening_id == s.id, Certification.deleted_at.is_(None),
            Certification.voided_at.is_(None)).order_by(Certification.id.desc())).first()
        certified = (_("{name} เมื่อ {date}").format(name=cert.certifier_name, date=format_be(cert.certified_on))
                     if cert is not None else "-")
        rows.append((_term_text(year_be, number), screening_status_label(s.status), level,
                     "" if s.score is None else str(s.score), certified))
    return Section("screening", _("การคัดกรองความยากจน"),
                   columns=(_("ภาคเรียน"), _("สถานะ"), _("ผลคัดกรอง"), _("คะแนน"), _("รับรองโดย")),
                   rows=tuple(rows), weights=(12, 22, 20, 10, 36), empty=_("ยังไม่เคยคัดกรอง"))


# --- grants --------------------------------------------------------------------------------

def grants(session: Session, actor: Actor, child: Child, today: date) -> Section:
    """The payments to the child, newest first, and each term's attendance as recorded for
    the grants."""
    require(session, Action.GRANTS)
    rows = []
    for p, name, year_be, number in session.execute(
            select(GrantPayment, GrantRound.name, AcademicYear.year_be, Term.number)
            .join(GrantRound, GrantRound.id == GrantPayment.round_id)
            .join(Term, Term.id == GrantRound.term_id)
            .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
            .where(GrantPayment.child_id == child.id, GrantPayment.deleted_at.is_(None))
            .order_by(GrantPayment.paid_on.desc(), GrantPayment.id.desc())).tuples():
        status = payment_status_label(p.status)
        if p.status == "returned" and p.note:
            status = f"{status}: {p.note}"
        rows.append((name, _term_text(year_be, number), _baht(p.amount), format_be(p.paid_on),
                     method_label(p.method), status))
    fields = []
    for present, open_days, year_be, number in session.execute(
            select(TermAttendance.days_present, TermAttendance.days_open, AcademicYear.year_be, Term.number)
            .join(Term, Term.id == TermAttendance.term_id)
            .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
            .where(TermAttendance.child_id == child.id, TermAttendance.deleted_at.is_(None))
            .order_by(AcademicYear.year_be.desc(), Term.number.desc()).limit(2)).tuples():
        pct = percent_text(100.0 * present / open_days) if open_days else "-"
        fields.append((_("มาเรียน ภาคเรียน {term}").format(term=_term_text(year_be, number)),
                       _("{present} จาก {open} วัน ({percent})").format(present=present, open=open_days, percent=pct)))
    return Section("grants", _("ทุนและการจ่ายเงิน"), tuple(fields),
                   columns=(_("รอบทุน"), _("ภาคเรียน"), _("จำนวนเงิน"), _("วันที่จ่าย"), _("วิธีจ่าย"), _("สถานะ")),
                   rows=tuple(rows), weights=(30, 10, 13, 15, 17, 15), empty=_("ยังไม่เคยได้รับทุน"))


# --- the child development centre ----------------------------------------------------------

def _term_around(session: Session, on: date) -> tuple[int, int, date, date] | None:
    """(year_be, number, start, end) of the term ``on`` falls in, else the latest begun."""
    rows = session.execute(select(AcademicYear.year_be, Term.number, Term.start_date, Term.end_date)
                           .join(AcademicYear, AcademicYear.id == Term.academic_year_id)
                           .where(Term.start_date <= on)
                           .order_by(Term.start_date.desc()).limit(1)).tuples().all()
    return rows[0] if rows else None


def centre(session: Session, actor: Actor, child: Child, today: date) -> Section:
    """The child's rooms (a caregiver: those of their own centres) and the attendance of
    the current term so far, from the centre's daily registers."""
    require(session, Action.CENTRE_READ)
    allowed = actor.institutions_for(Action.CENTRE_READ)
    q = (select(CentreRoom, Institution.name, CentrePlacement.since, CentrePlacement.until)
         .join(CentrePlacement, CentrePlacement.room_id == CentreRoom.id)
         .join(Institution, Institution.id == CentreRoom.institution_id)
         .where(CentrePlacement.child_id == child.id, CentrePlacement.deleted_at.is_(None))
         .order_by(CentrePlacement.since.desc()))
    if allowed is not None:
        q = q.where(CentreRoom.institution_id.in_(allowed))
    placed = session.execute(q).tuples().all()
    rows = tuple((room.name, centre_name, format_be(since), format_be(until) if until else _("ปัจจุบัน"))
                 for room, centre_name, since, until in placed)
    fields: list[tuple[str, str]] = []
    term = _term_around(session, today)
    if placed and term is not None:
        year_be, number, start, end = term
        last = min(today, end)
        total = Tally()
        for room in {r.id: r for r, *_rest in placed}.values():
            data = room_data(session, room, start, last)
            for cid, t in tallies(data, start, last).items():
                if cid == child.id:
                    total.add(t)
        if total.recorded:
            value = _("{percent} (มา {present} จาก {days} วันที่บันทึก)").format(
                percent=percent_text(total.percent), present=total.present, days=total.recorded)
        else:
            value = _("ยังไม่มีการบันทึกการมาเรียน")
        fields.append((_("การมาเรียน ภาคเรียน {term}").format(term=_term_text(year_be, number)), value))
    return Section("centre", _("ศูนย์พัฒนาเด็กเล็ก"), tuple(fields),
                   columns=(_("ห้อง"), _("ศูนย์"), _("ตั้งแต่"), _("ถึง")), rows=rows,
                   weights=(25, 45, 15, 15), empty=_("ไม่ได้อยู่ในห้องของศูนย์พัฒนาเด็กเล็ก"))


# --- growth and DSPM -----------------------------------------------------------------------

def _number(value: float | None, unit: str) -> str:
    return "-" if value is None else f"{value:.1f} {unit}"


def growth(session: Session, actor: Actor, child: Child, today: date) -> Section:
    """The latest measurements, newest first, with their Thai categories."""
    require_child(session, Action.GROWTH_READ, child.uuid)
    views = measurements(session, child.uuid)
    rows = tuple((format_be(v.measured_on), _number(v.weight_kg, _("กก.")), _number(v.height_cm, _("ซม.")),
                  v.category_label(Indicator.WFA) or "-", v.category_label(Indicator.HFA) or "-",
                  v.category_label(Indicator.WFH) or "-")
                 for v in reversed(views[-GROWTH_ROWS:]))
    fields = ((_("ชั่งน้ำหนักวัดส่วนสูง"), _("{n} ครั้ง").format(n=len(views))),) if views else ()
    return Section("growth", _("การเจริญเติบโต"), fields,
                   columns=(_("วันที่"), _("น้ำหนัก"), _("ส่วนสูง"), _("น้ำหนักตามอายุ"), _("ส่วนสูงตามอายุ"),
                            _("น้ำหนักตามส่วนสูง")),
                   rows=rows, weights=(16, 12, 12, 20, 20, 20), empty=_("ยังไม่มีการชั่งน้ำหนักวัดส่วนสูง"))


def dspm(session: Session, actor: Actor, child: Child, today: date) -> Section:
    """The DSPM checks, newest first, with the re-check due and the referral's answer."""
    require_child(session, Action.GROWTH_READ, child.uuid)
    checks = child_checks(session, child.uuid)
    rows = []
    for c in reversed(checks[-DSPM_ROWS:]):
        kind = _("ตรวจซ้ำ") if c.is_recheck else _("ตรวจครั้งแรก")
        note = ""
        if c.recheck_due is not None and c.rechecked_by is None:
            note = _("นัดตรวจซ้ำภายใน {date}").format(date=format_be(c.recheck_due))
        if c.referral is not None:
            answer = (_(REFERRAL_OUTCOME_LABELS[c.referral.outcome]) if c.referral.outcome is not None
                      else _("รอผลจากโรงพยาบาล"))
            note = _("ส่งต่อ {hospital}: {answer}").format(hospital=c.referral.hospital, answer=answer)
        rows.append((format_be(c.checked_on), band_text(c.age_months), kind,
                     f"{c.outcome_label} ({c.code})" if c.code else c.outcome_label, note or "-"))
    return Section("dspm", _("พัฒนาการ (DSPM)"),
                   columns=(_("วันที่"), _("ช่วงอายุ"), _("การประเมิน"), _("ผล"), _("ติดตาม")),
                   rows=tuple(rows), weights=(14, 11, 13, 28, 34), empty=_("ยังไม่มีการประเมินพัฒนาการ"))


# --- the out-of-school case ----------------------------------------------------------------

def oos_cases(session: Session, actor: Actor, child: Child, today: date) -> list[Section]:
    """Every case of the child, open and closed, newest first (a child has at most one open
    case: it is the newest), each a section: its status, worker, follow-up and referrals,
    its outcome when closed, and the actions of its plan in force (else of the latest
    draft). No case: one section that says so."""
    require(session, Action.CASE_WORK)
    found = session.scalars(select(OosCase).where(OosCase.child_id == child.id, OosCase.deleted_at.is_(None))
                            .order_by(sql_case((OosCase.status == CaseStatus.CLOSED.value, 1), else_=0),
                                      OosCase.opened_on.desc(), OosCase.id.desc())).all()
    if not found:
        return [Section("case", _("เด็กนอกระบบการศึกษา"), empty=_("ไม่มีกรณีเด็กนอกระบบการศึกษา"))]
    return [_case_section(session, c, today, len(found)) for c in found]


def _case_section(session: Session, found: OosCase, today: date, cases: int) -> Section:
    title = _("เด็กนอกระบบการศึกษา")
    if cases > 1:
        title = _("เด็กนอกระบบการศึกษา: กรณีเปิดเมื่อ {date}").format(date=format_be(found.opened_on))
        if found.status == CaseStatus.CLOSED:
            title += " " + _("(ปิดแล้ว)")
    fields: list[tuple[str, str]] = [
        (_("สถานะ"), _("{status} ตั้งแต่ {date}").format(status=status_label(found.status),
                                                       date=format_be(found.status_on))),
        (_("เปิดกรณี"), _("{date} ({source})").format(date=format_be(found.opened_on),
                                                     source=source_label(found.source))),
    ]
    if found.worker:
        fields.append((_("ผู้รับผิดชอบ"), found.worker))
    if found.place:
        fields.append((_("สถานที่"), found.place))
    if found.follow_due_on is not None:
        due = format_be(found.follow_due_on)
        if found.follow_due_on < today:
            due = _("{date} (เลยกำหนด {days} วัน)").format(date=due, days=(today - found.follow_due_on).days)
        fields.append((_("นิเทศติดตามครั้งถัดไป"), due))
    last = session.scalars(select(OosFollowUp).where(OosFollowUp.case_id == found.id, OosFollowUp.deleted_at.is_(None))
                           .order_by(OosFollowUp.visited_on.desc(), OosFollowUp.id.desc())).first()
    if last is not None:
        from desktop.domain.case_followup import result_label

        fields.append((_("นิเทศติดตามล่าสุด"), f"{format_be(last.visited_on)} · {result_label(last.result)}"))
    referrals = session.scalars(select(OosReferral).where(OosReferral.case_id == found.id,
                                                         OosReferral.deleted_at.is_(None))
                                .order_by(OosReferral.sent_on, OosReferral.id)).all()
    if referrals:
        from desktop.domain.case_referral import referral_label

        fields.append((_("การส่งต่อ"), "; ".join(f"{r.agency_name} ({referral_label(r.status)})" for r in referrals)))
    if found.status == CaseStatus.CLOSED and found.outcome:
        from desktop.domain.cases import outcome_label

        fields.append((_("ปิดกรณี"), _("{outcome} เมื่อ {date}").format(
            outcome=outcome_label(found.outcome), date=format_be(found.closed_on) if found.closed_on else "-")))
    rows = _plan_rows(session, found.id, fields)
    return Section("case", title, tuple(fields),
                   columns=(_("เป้าหมาย"), _("กิจกรรม"), _("หน่วยงาน/ผู้รับผิดชอบ"), _("กำหนด"), _("ผล")),
                   rows=rows, weights=(22, 24, 22, 12, 20), ref=found.uuid,
                   active=found.status != CaseStatus.CLOSED.value)


def _plan_rows(session: Session, case_id: int, fields: list[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    from desktop.domain.case_plan import plan_status_label

    versions = session.scalars(select(OosPlanVersion).where(OosPlanVersion.case_id == case_id,
                                                           OosPlanVersion.deleted_at.is_(None))
                               .order_by(OosPlanVersion.number.desc())).all()
    if not versions:
        return ()
    shown = next((v for v in versions if v.status == "approved"), versions[0])
    text = _("ฉบับที่ {n} {status}").format(n=shown.number, status=plan_status_label(shown.status))
    if shown is not versions[0]:
        text += " · " + _("ฉบับที่ {n} {status}").format(n=versions[0].number,
                                                          status=plan_status_label(versions[0].status))
    fields.append((_("แผนช่วยเหลือรายบุคคล"), text))
    rows = []
    for goal, action in session.execute(
            select(OosPlanGoal, OosPlanAction)
            .join(OosPlanAction, and_(OosPlanAction.goal_id == OosPlanGoal.id, OosPlanAction.deleted_at.is_(None)))
            .where(OosPlanGoal.version_id == shown.id, OosPlanGoal.deleted_at.is_(None))
            .order_by(OosPlanGoal.position, OosPlanAction.position)).tuples():
        who = " · ".join(p for p in (action.agency_name, action.person) if p)
        outcome = action.outcome
        if action.done_on is not None:
            outcome = _("{outcome} (เสร็จ {date})").format(outcome=outcome, date=format_be(action.done_on))
        rows.append((goal.text, action.text, who or "-", format_be(action.due) if action.due else "-",
                     outcome or "-"))
    return tuple(rows)
