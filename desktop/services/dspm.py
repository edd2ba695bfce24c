"""A centre child's DSPM checks (issue 12): the first check at a band (a screening age or a
surveillance band: the child's current one), its re-check, the referral for TEDA4I and the
hospital's outcome. No Qt.

    view = record_check(session, child_uuid, 42, date(2026, 11, 20), {90: True, 91: False, ...},
                        assessor="ครูเอ")
    view.outcome, view.recheck_due            # suspected_delay, 20 Dec 2026 (the manual: 30 days)
    again = record_recheck(session, view.id, date(2026, 12, 15), {91: False})
    again.outcome                              # refer_teda4i
    ref = refer(session, again.id, "โรงพยาบาลโนนสูง", date(2026, 12, 16), letter_no="นม 123/2569")
    record_referral_outcome(session, ref, "delayed", date(2027, 1, 10), note="...")
    child_checks(session, child_uuid)          # the child's development page
    edit_check(session, view.id, date(2026, 11, 21), {...})   # a correction: the outcome worked out again
    delete_check(session, again.id)            # soft (deleted_at), audit logged; the re-check before its first

The result is the domain's (desktop/domain/dspm.py ``evaluate`` / ``evaluate_recheck``):
every item passed → on track (1B260); a failure → suspected delay (1B261), re-checked
within 30 days, or referred at once (1B262) when the assessor says so; still failed at
the re-check → referral for TEDA4I. What is stored: each item's pass/fail, the outcome,
its code, the re-check's due date and the item table's name and version.

Who: reading needs ``growth.read``, recording ``dspm.record``; a caregiver only for the
children enrolled at their own centre. The lists (due this month, re-checks, referrals
waiting) are dspm_lists.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_be
from desktop.domain.dspm import (
    CheckResult,
    Item,
    Outcome,
    evaluate,
    evaluate_recheck,
    manual,
    outcome_label,
)
from desktop.domain.dspm_schedule import reaches
from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.i18n import N_, _
from desktop.services.access import require, require_child
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.store.growth_state import DspmCheck, DspmCheckItem, DspmReferral
from desktop.store.models import Child, utcnow

ASSESSOR_MAX = 100
HOSPITAL_MAX = 200
LETTER_MAX = 50
NOTE_MAX = 300


class ReferralOutcome(StrEnum):
    ON_TRACK = "on_track"  # the hospital found the child on track
    DELAYED = "delayed"  # delayed: the hospital's programme follows


REFERRAL_OUTCOME_LABELS: dict[ReferralOutcome, str] = {
    ReferralOutcome.ON_TRACK: N_("โรงพยาบาลประเมินแล้ว: สมวัย"),
    ReferralOutcome.DELAYED: N_("โรงพยาบาลประเมินแล้ว: ล่าช้า รับการกระตุ้นพัฒนาการต่อ"),
}


def parse_referral_outcome(text: str) -> ReferralOutcome | None:
    value = text.strip()
    for o in ReferralOutcome:
        if value in (o.value, REFERRAL_OUTCOME_LABELS[o], _(REFERRAL_OUTCOME_LABELS[o])):
            return o
    return None


@dataclass(frozen=True)
class ReferralView:
    id: int
    hospital: str
    letter_no: str
    sent_on: date
    outcome: ReferralOutcome | None  # None: waiting for the hospital
    outcome_on: date | None
    outcome_note: str


@dataclass(frozen=True)
class CheckView:
    id: int
    uuid: str
    child_uuid: str
    age_months: int
    checked_on: date
    assessor: str
    is_recheck: bool
    first_check_id: int | None
    outcome: Outcome
    code: str
    recheck_due: date | None  # a suspected delay's last day for the re-check
    failed: tuple[Item, ...]
    manual: str
    rechecked_by: int | None = None  # the re-check's id, for a first check re-checked
    referral: ReferralView | None = None
    late: bool = False  # a re-check made after its first check's due date

    @property
    def outcome_label(self) -> str:
        return outcome_label(self.outcome)



def _check_problems(child: Child, checked_on: date, assessor: str, today: date) -> list[Problem]:
    problems = []
    if checked_on > today:
        problems.append(Problem("checked_on", _("วันที่ประเมินอยู่ในอนาคต: โปรดแก้วันที่")))
    if checked_on < child.birth_date:
        problems.append(Problem("checked_on", _("วันที่ประเมินอยู่ก่อนวันเกิดของเด็ก: โปรดแก้วันที่")))
    if len(assessor) > ASSESSOR_MAX:
        problems.append(Problem("assessor", _("ชื่อผู้ประเมินยาวได้ไม่เกิน {n} ตัวอักษร").format(n=ASSESSOR_MAX)))
    return problems


def _child(session: Session, child_uuid: str) -> Child:
    child = session.scalars(select(Child).where(Child.uuid == child_uuid, Child.deleted_at.is_(None))).first()
    if child is None:
        raise ValidationFailed([Problem("child", _("ไม่พบเด็กคนนี้ในทะเบียน"))])
    return child


def _store(session: Session, child: Child, result: CheckResult, answers: Mapping[int, bool], assessor: str,
           first_id: int | None) -> DspmCheck:
    office = require_local_office(session)
    row = DspmCheck(child_id=child.id, age_months=result.age_months, checked_on=result.checked_on, assessor=assessor,
                    first_check_id=first_id, outcome=result.outcome.value, code=result.code or "",
                    recheck_due=result.recheck_due, manual=manual().label, origin_office_id=office.id)
    session.add(row)
    session.flush()
    session.add_all(DspmCheckItem(check_id=row.id, item_no=no, passed=passed, origin_office_id=office.id)
                    for no, passed in sorted(answers.items()))
    session.flush()
    record(session, "dspm_check", "child", child.uuid,
           {"age_months": result.age_months, "checked_on": result.checked_on.isoformat(),
            "outcome": result.outcome.value, "failed": [i.no for i in result.failed], "recheck": first_id is not None},
           subject_uuid=child.uuid)
    return row


def _age_problems(child: Child, age_months: int, checked_on: date) -> list[Problem]:
    """The child's age on ``checked_on`` against the band: at a screening age from the day
    they reach it (a late check stays at that age); in a surveillance band while in it."""
    band = manual().band(age_months)
    reached = reaches(child.birth_date, band.age_months)
    if checked_on < reached:
        return [Problem("checked_on", _("เด็กอายุครบ {age} เดือนวันที่ {on}: ประเมินช่วงอายุนี้ได้ตั้งแต่วันนั้น")
                        .format(age=band.age_months, on=format_be(reached)))]
    past = reaches(child.birth_date, band.last_month + 1)
    if not band.screening and checked_on >= past:
        return [Problem("checked_on", _(
            "วันที่ {on} เด็กพ้นช่วงอายุ {band} แล้ว: ประเมินด้วยข้อของช่วงอายุปัจจุบันของเด็ก").format(
            on=format_be(checked_on), band=band.label))]
    return []


def record_check(session: Session, child_uuid: str, age_months: int, checked_on: date,
                 answers: Mapping[int, bool], *, assessor: str = "", refer_now: bool = False,
                 today: date | None = None) -> CheckView:
    """A first check at the band ``age_months`` (a screening age 9, 18, 30, 42 or 60, or a
    surveillance band's first month, e.g. 37 for 37-41 months): every item of the band
    passed or not. ValidationFailed (Thai) for an age that is no band of the file, a missing
    or foreign item, a date in the future, before the child reached the band or (a
    surveillance band) after the child left it."""
    actor = require_child(session, Action.DSPM_RECORD, child_uuid)
    child = _child(session, child_uuid)
    m = manual()
    if age_months not in {b.age_months for b in m.bands}:
        raise ValidationFailed([Problem("age_months", _(
            "ไม่มีข้อประเมินช่วงอายุที่เริ่มที่ {age} เดือนในโปรแกรม: ช่วงอายุที่มี {bands}").format(
            age=age_months, bands=", ".join(b.label.split(" (")[0] for b in m.bands)))])
    assessor = " ".join(assessor.split()) or actor.full_name or actor.name
    problems = _check_problems(child, checked_on, assessor, today or date.today())
    problems += _age_problems(child, age_months, checked_on)
    if problems:
        raise ValidationFailed(problems)
    result = evaluate(age_months, checked_on, answers, refer_now=refer_now, m=m)
    return _view(session, _store(session, child, result, answers, assessor, None), child)


def _answers(session: Session, check_id: int) -> dict[int, bool]:
    return dict(session.execute(select(DspmCheckItem.item_no, DspmCheckItem.passed).where(
        DspmCheckItem.check_id == check_id, DspmCheckItem.deleted_at.is_(None))).tuples().all())


def _result(session: Session, row: DspmCheck) -> CheckResult:
    """The stored check as the domain's result (its failed items from the stored answers)."""
    m = manual()
    answers = _answers(session, row.id)
    failed = tuple(m.item(no) for no, passed in sorted(answers.items()) if not passed)
    return CheckResult(row.age_months, row.checked_on, row.first_check_id is not None, failed, Outcome(row.outcome),
                       row.code or None, row.recheck_due)


def _live_check(session: Session, check_id: int) -> DspmCheck:
    row = session.get(DspmCheck, check_id)
    if row is None or row.deleted_at is not None:
        raise ValidationFailed([Problem("check", _("ไม่พบผลการประเมินนี้"))])
    return row


def _recheck_of(session: Session, check_id: int) -> DspmCheck | None:
    return session.scalars(select(DspmCheck).where(DspmCheck.first_check_id == check_id,
                                                   DspmCheck.deleted_at.is_(None)).limit(1)).first()


def record_recheck(session: Session, first_check_id: int, checked_on: date, answers: Mapping[int, bool], *,
                   assessor: str = "", today: date | None = None) -> CheckView:
    """The re-check of a suspected delay after stimulation: the items failed at the first
    check assessed again. All passed → on track; any still failed → referral for TEDA4I."""
    require(session, Action.DSPM_RECORD)
    first = _live_check(session, first_check_id)
    child = session.get(Child, first.child_id)
    assert child is not None
    actor = require_child(session, Action.DSPM_RECORD, child.uuid)
    if first.first_check_id is not None:
        raise ValidationFailed([Problem("check", _("ผลนี้เป็นการประเมินซ้ำแล้ว: ประเมินซ้ำจากผลการประเมินครั้งแรก"))])
    if _recheck_of(session, first.id) is not None:
        raise ValidationFailed([Problem("check", _("ผลการประเมินนี้ได้ประเมินซ้ำแล้ว"))])
    assessor = " ".join(assessor.split()) or actor.full_name or actor.name
    problems = _check_problems(child, checked_on, assessor, today or date.today())
    if problems:
        raise ValidationFailed(problems)
    result = evaluate_recheck(_result(session, first), checked_on, answers)
    row = _store(session, child, result, answers, assessor, first.id)
    return _view(session, row, child, late=result.late)


def refer(session: Session, check_id: int, hospital: str, sent_on: date, *, letter_no: str = "",
          today: date | None = None) -> int:
    """The referral for TEDA4I of a check that calls for one (referred at once, or still
    delayed at the re-check); its id. One referral a check."""
    require(session, Action.DSPM_RECORD)
    check = _live_check(session, check_id)
    child = session.get(Child, check.child_id)
    assert child is not None
    require_child(session, Action.DSPM_RECORD, child.uuid)
    hospital, letter_no = " ".join(hospital.split()), " ".join(letter_no.split())
    problems = []
    if check.outcome not in (Outcome.REFER_NOW.value, Outcome.REFER_TEDA4I.value):
        problems.append(Problem("check", _("ส่งต่อได้เฉพาะเด็กที่ผลการประเมินให้ส่งต่อ (ส่งต่อทันที หรือยังล่าช้าเมื่อประเมินซ้ำ)")))
    elif session.scalar(select(DspmReferral.id).where(DspmReferral.check_id == check.id,
                                                      DspmReferral.deleted_at.is_(None)).limit(1)) is not None:
        problems.append(Problem("check", _("ผลการประเมินนี้ได้ส่งต่อแล้ว")))
    if not hospital or len(hospital) > HOSPITAL_MAX:
        problems.append(Problem("hospital", _("โปรดกรอกชื่อโรงพยาบาลที่ส่งต่อ (ไม่เกิน {n} ตัวอักษร)").format(n=HOSPITAL_MAX)))
    if len(letter_no) > LETTER_MAX:
        problems.append(Problem("letter_no", _("เลขที่หนังสือยาวได้ไม่เกิน {n} ตัวอักษร").format(n=LETTER_MAX)))
    if sent_on < check.checked_on or sent_on > (today or date.today()):
        problems.append(Problem("sent_on", _("วันที่ส่งต่อต้องอยู่ระหว่างวันที่ประเมินกับวันนี้")))
    if problems:
        raise ValidationFailed(problems)
    office = require_local_office(session)
    row = DspmReferral(check_id=check.id, hospital=hospital, letter_no=letter_no, sent_on=sent_on,
                       origin_office_id=office.id)
    session.add(row)
    session.flush()
    record(session, "dspm_referral", "dspm_referral", row.uuid,
           {"hospital": hospital, "sent_on": sent_on.isoformat(), "letter_no": letter_no}, subject_uuid=child.uuid)
    return row.id


def record_referral_outcome(session: Session, referral_id: int, outcome: ReferralOutcome, outcome_on: date, *,
                            note: str = "", today: date | None = None) -> None:
    """The hospital's outcome of a referral (a correction replaces it; the audit log keeps both)."""
    require(session, Action.DSPM_RECORD)
    row = session.get(DspmReferral, referral_id)
    if row is None or row.deleted_at is not None:
        raise ValidationFailed([Problem("referral", _("ไม่พบการส่งต่อนี้"))])
    check = session.get(DspmCheck, row.check_id)
    child = session.get(Child, check.child_id) if check is not None else None
    assert child is not None
    require_child(session, Action.DSPM_RECORD, child.uuid)
    note = " ".join(note.split())
    problems = []
    if outcome_on < row.sent_on or outcome_on > (today or date.today()):
        problems.append(Problem("outcome_on", _("วันที่ได้รับผลต้องอยู่ระหว่างวันที่ส่งต่อกับวันนี้")))
    if len(note) > NOTE_MAX:
        problems.append(Problem("outcome_note", _("หมายเหตุยาวได้ไม่เกิน {n} ตัวอักษร").format(n=NOTE_MAX)))
    if problems:
        raise ValidationFailed(problems)
    row.outcome, row.outcome_on, row.outcome_note, row.updated_at = outcome.value, outcome_on, note, utcnow()
    session.flush()
    record(session, "dspm_referral_outcome", "dspm_referral", row.uuid,
           {"outcome": outcome.value, "outcome_on": outcome_on.isoformat()}, subject_uuid=child.uuid)


def _editable(session: Session, check_id: int, *, deleting: bool) -> tuple[DspmCheck, Child]:
    """A live check the user may record for; a first check already re-checked is changed
    only after its re-check is (the re-check's result rests on it)."""
    require(session, Action.DSPM_RECORD)
    row = _live_check(session, check_id)
    child = session.get(Child, row.child_id)
    if child is None or child.deleted_at is not None:
        raise ValidationFailed([Problem("check", _("ไม่พบผลการประเมินนี้"))])
    require_child(session, Action.DSPM_RECORD, child.uuid)
    if row.first_check_id is None and _recheck_of(session, row.id) is not None:
        raise ValidationFailed([Problem("check", _(
            "ผลนี้ได้ประเมินซ้ำแล้ว: แก้ไขหรือลบผลการประเมินซ้ำก่อน"))])
    if not deleting and _referral(session, row.id) is not None:
        raise ValidationFailed([Problem("check", _(
            "ผลนี้ได้ส่งต่อโรงพยาบาลแล้ว: แก้ไขไม่ได้ (ลบผลนี้แล้วบันทึกใหม่หากบันทึกผิด)"))])
    return row, child


def edit_check(session: Session, check_id: int, checked_on: date, answers: Mapping[int, bool], *,
               assessor: str = "", refer_now: bool = False, today: date | None = None) -> CheckView:
    """Correct a stored check or re-check (its date, items, assessor): the outcome and the
    re-check's due date are worked out again as for a new one; the audit entry keeps the
    outcome and failed items before and after."""
    row, child = _editable(session, check_id, deleting=False)
    actor = require_child(session, Action.DSPM_RECORD, child.uuid)
    assessor = " ".join(assessor.split()) or row.assessor or actor.full_name or actor.name
    problems = _check_problems(child, checked_on, assessor, today or date.today())
    first = session.get(DspmCheck, row.first_check_id) if row.first_check_id is not None else None
    if first is None:
        problems += _age_problems(child, row.age_months, checked_on)
    if problems:
        raise ValidationFailed(problems)
    before = _result(session, row)
    if first is None:
        result = evaluate(row.age_months, checked_on, answers, refer_now=refer_now)
    else:
        result = evaluate_recheck(_result(session, first), checked_on, answers)
    row.checked_on, row.assessor, row.outcome = checked_on, assessor, result.outcome.value
    row.code, row.recheck_due, row.updated_at = result.code or "", result.recheck_due, utcnow()
    office = require_local_office(session)
    items = {i.item_no: i for i in session.scalars(select(DspmCheckItem).where(
        DspmCheckItem.check_id == row.id, DspmCheckItem.deleted_at.is_(None)))}
    now = utcnow()
    for no, item in items.items():
        if no not in answers:
            item.deleted_at = item.updated_at = now
        elif item.passed != answers[no]:
            item.passed, item.updated_at = answers[no], now
    session.flush()
    session.add_all(DspmCheckItem(check_id=row.id, item_no=no, passed=passed, origin_office_id=office.id)
                    for no, passed in sorted(answers.items()) if no not in items)
    session.flush()
    record(session, "dspm_check_edit", "child", child.uuid,
           {"age_months": row.age_months, "checked_on": checked_on.isoformat(),
            "before": {"checked_on": before.checked_on.isoformat(), "outcome": before.outcome.value,
                       "failed": [i.no for i in before.failed]},
            "after": {"outcome": result.outcome.value, "failed": [i.no for i in result.failed]}},
           subject_uuid=child.uuid)
    return _view(session, row, child)


def delete_check(session: Session, check_id: int) -> None:
    """Delete a check (or re-check) with its items and referral, kept with ``deleted_at``;
    a first check already re-checked only after its re-check."""
    row, child = _editable(session, check_id, deleting=True)
    now = utcnow()
    row.deleted_at = row.updated_at = now
    for item in session.scalars(select(DspmCheckItem).where(DspmCheckItem.check_id == row.id,
                                                            DspmCheckItem.deleted_at.is_(None))):
        item.deleted_at = item.updated_at = now
    referral = session.scalars(select(DspmReferral).where(DspmReferral.check_id == row.id,
                                                          DspmReferral.deleted_at.is_(None))).first()
    if referral is not None:
        referral.deleted_at = referral.updated_at = now
    session.flush()
    record(session, "dspm_check_delete", "child", child.uuid,
           {"age_months": row.age_months, "checked_on": row.checked_on.isoformat(), "outcome": row.outcome,
            "recheck": row.first_check_id is not None, "referral": referral.uuid if referral else None},
           subject_uuid=child.uuid)


def _referral(session: Session, check_id: int) -> ReferralView | None:
    r = session.scalars(select(DspmReferral).where(DspmReferral.check_id == check_id,
                                                   DspmReferral.deleted_at.is_(None)).limit(1)).first()
    if r is None:
        return None
    return ReferralView(r.id, r.hospital, r.letter_no, r.sent_on, ReferralOutcome(r.outcome) if r.outcome else None,
                        r.outcome_on, r.outcome_note)


def _view(session: Session, row: DspmCheck, child: Child, *, late: bool = False) -> CheckView:
    result = _result(session, row)
    again = _recheck_of(session, row.id) if row.first_check_id is None else None
    if row.first_check_id is not None:
        first = session.get(DspmCheck, row.first_check_id)
        late = bool(first and first.recheck_due and row.checked_on > first.recheck_due)
    return CheckView(row.id, row.uuid, child.uuid, row.age_months, row.checked_on, row.assessor,
                     row.first_check_id is not None, row.first_check_id, result.outcome, row.code, row.recheck_due,
                     result.failed, row.manual, again.id if again else None, _referral(session, row.id), late)


def child_checks(session: Session, child_uuid: str) -> list[CheckView]:
    """The child's checks and re-checks, oldest first, each with its referral."""
    require_child(session, Action.GROWTH_READ, child_uuid)
    child = _child(session, child_uuid)
    rows = session.scalars(select(DspmCheck).where(DspmCheck.child_id == child.id, DspmCheck.deleted_at.is_(None))
                           .order_by(DspmCheck.checked_on, DspmCheck.id))
    return [_view(session, r, child) for r in rows]


def check_result(session: Session, check_id: int) -> CheckResult:
    """A stored check as the domain's result (for the activity sheet and referral letter)."""
    require(session, Action.GROWTH_READ)
    row = _live_check(session, check_id)
    child = session.get(Child, row.child_id)
    assert child is not None
    require_child(session, Action.GROWTH_READ, child.uuid)
    return _result(session, row)
