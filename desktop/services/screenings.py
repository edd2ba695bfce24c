"""The poverty screening's workflow (issue 11): record, submit, certify or return; an edit
after certification voids it. No Qt.

    view = save_screening(session, values)         # a teacher or clerk: a draft, scored live
    submit_screening(session, view.uuid)           # the teacher hands it in
    certify_screening(session, view.uuid, name=..., position=...)   # the director
    return_screening(session, view.uuid, "รายได้แม่ไม่ตรงกับ...")

Who: recording and submitting need ``screening.record`` for the child's class in that
year (a teacher: their own class only, services/access.Actor.may_screen); certifying and
returning need ``screening.certify`` at the child's institution. A certification covers
exactly the data hashed (``data_sha256``: the answers, the members, the photos' hashes,
the child and the term); a later save whose data differ voids it (kept, with the time
and reason) and sends the screening back to draft. Every step is in the audit trail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem, ValidationFailed
from desktop.domain.roles import Action
from desktop.domain.screening import classify
from desktop.domain.screening_form import Answers, Member, in_thailand
from desktop.exchange import canonical
from desktop.i18n import N_, _
from desktop.services.access import NotPermitted, require
from desktop.services.audit import record
from desktop.services.office import require_local_office
from desktop.services.rulepacks import active_pack
from desktop.services.screening_rows import answers_of, members_of, stored_codes
from desktop.services.years import term_of
from desktop.store.models import Child, Enrollment, Term, utcnow
from desktop.store.screening_state import Certification, Screening, ScreeningMember, ScreeningPhoto

STATUSES = ("draft", "submitted", "certified", "returned")


class ScreeningError(Exception):
    """A step the screening's state does not allow; ``message`` in Thai says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ScreeningValues:
    """What the form sends."""

    child_uuid: str
    year_be: int
    term: int  # 1 or 2
    answers: Answers
    members: tuple[Member, ...]
    travel_means: str = ""
    travel_metres: int | None = None
    travel_minutes: int | None = None
    lat_e6: int | None = None
    lon_e6: int | None = None
    no_photo_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ScreeningView:
    uuid: str
    status: str
    level: str
    score: int | None
    pack: str
    voided: bool  # this save voided a certification


def class_of(session: Session, child: Child, term: Term) -> tuple[int, str, str] | None:
    row = session.execute(select(Enrollment.institution_id, Enrollment.level_code, Enrollment.classroom)
                          .where(Enrollment.child_id == child.id,
                                 Enrollment.academic_year_id == term.academic_year_id,
                                 Enrollment.deleted_at.is_(None)).order_by(Enrollment.id.desc())).first()
    return None if row is None else (int(row[0]), str(row[1] or ""), str(row[2] or ""))


def require_recorder(session: Session, child: Child, term: Term) -> str:
    actor = require(session, Action.SCREENING_RECORD)
    place = class_of(session, child, term)
    if place is None:
        if actor.institutions_for(Action.SCREENING_RECORD) is not None:
            raise NotPermitted(Action.SCREENING_RECORD, actor)
    elif not actor.may_screen(*place):
        raise NotPermitted(Action.SCREENING_RECORD, actor)
    return actor.name


def child_of(session: Session, uuid: str) -> Child:
    child = session.scalars(select(Child).where(Child.uuid == uuid, Child.deleted_at.is_(None))).first()
    if child is None:
        raise ValidationFailed([Problem("child", _("ไม่พบเด็กคนนี้ในทะเบียน (อาจถูกลบ)"))])
    return child


def live_screening(session: Session, uuid: str) -> Screening:
    found = session.scalars(select(Screening).where(Screening.uuid == uuid, Screening.deleted_at.is_(None))).first()
    if found is None:
        raise ScreeningError(_("ไม่พบแบบคัดกรองนี้ (อาจถูกลบ)"))
    return found


def data_hash(session: Session, screening: Screening) -> str:
    """SHA-256 of exactly what a certification covers."""
    child_uuid = session.scalar(select(Child.uuid).where(Child.id == screening.child_id))
    a = answers_of(screening)
    photos = sorted(f"{k}:{h}" for k, h in session.execute(
        select(ScreeningPhoto.kind, ScreeningPhoto.sha256).where(ScreeningPhoto.screening_id == screening.id,
                                                                 ScreeningPhoto.deleted_at.is_(None))))
    value = {
        "child": child_uuid, "term": screening.term_id, "household": screening.household_id,
        "answers": [a.tenure, a.housing, a.land, a.land_rai, a.water, a.electricity, a.single_parent,
                    sorted(a.vehicles), sorted(a.appliances)],
        "members": [[m.name, m.relation, m.age, m.occupation, m.monthly_income, m.disabled, m.chronic_illness,
                     m.unemployed] for m in members_of(session, screening.id)],
        "travel": [screening.travel_means, screening.travel_metres, screening.travel_minutes],
        "position": [screening.lat_e6, screening.lon_e6], "no_photo_reason": screening.no_photo_reason,
        "photos": photos,
    }
    return hashlib.sha256(canonical.dumps(value)).hexdigest()


def _live_certification(session: Session, screening_id: int) -> Certification | None:
    return session.scalars(select(Certification).where(Certification.screening_id == screening_id,
                                                       Certification.voided_at.is_(None),
                                                       Certification.deleted_at.is_(None))).first()


def void_if_changed(session: Session, screening: Screening, why: str) -> bool:
    """Void the screening's live certification when its data no longer hash the same
    (back to draft, audited); whether it did."""
    cert = _live_certification(session, screening.id)
    if cert is None or cert.data_sha256 == data_hash(session, screening):
        return False
    cert.voided_at = utcnow()
    cert.void_reason = why
    screening.status = "draft"
    record(session, "screening_void", "screening", screening.uuid, {"certification": cert.uuid, "why": why},
           subject_uuid=session.scalar(select(Child.uuid).where(Child.id == screening.child_id)))
    return True


def save_screening(session: Session, values: ScreeningValues) -> ScreeningView:
    """Create or update the child's screening of that term, scored with the active pack
    when the form is complete enough (a draft may be incomplete)."""
    child = child_of(session, values.child_uuid)
    term = term_of(session, values.year_be, values.term)
    who = require_recorder(session, child, term)
    office = require_local_office(session)
    if (values.lat_e6 is None) != (values.lon_e6 is None) or (
            values.lat_e6 is not None and values.lon_e6 is not None and not in_thailand(values.lat_e6, values.lon_e6)):
        raise ValidationFailed([Problem("position", _(
            "พิกัดที่ตั้งบ้านต้องมีทั้งละติจูดและลองจิจูด และอยู่ในประเทศไทย (ละติจูด 5.6 ถึง 20.5 "
            "ลองจิจูด 97.3 ถึง 105.7) โปรดตรวจว่าไม่ได้สลับกัน"))])
    screening = session.scalars(select(Screening).where(Screening.child_id == child.id, Screening.term_id == term.id,
                                                        Screening.deleted_at.is_(None))).first()
    created = screening is None
    if screening is None:
        screening = Screening(child_id=child.id, term_id=term.id, origin_office_id=office.id, recorded_by=who)
        session.add(screening)
    a = values.answers
    screening.household_id = child.household_id
    screening.tenure, screening.housing, screening.land, screening.land_rai = a.tenure, a.housing, a.land, a.land_rai
    screening.water, screening.electricity, screening.single_parent = a.water, a.electricity, a.single_parent
    screening.vehicles, screening.appliances = stored_codes(a.vehicles), stored_codes(a.appliances)
    screening.travel_means, screening.travel_metres = values.travel_means, values.travel_metres
    screening.travel_minutes, screening.lat_e6, screening.lon_e6 = values.travel_minutes, values.lat_e6, values.lon_e6
    screening.no_photo_reason, screening.note = values.no_photo_reason.strip(), values.note.strip()
    session.flush()
    _replace_members(session, screening, values.members, office.id)
    pack = active_pack(session)
    try:
        result = classify(values.members, a, pack)
        screening.level, screening.score, screening.pack = result.level.value, result.score, result.pack
        screening.income_total, screening.members_count = result.income_total, result.members
    except ValidationFailed:
        screening.level, screening.score, screening.pack = "", None, ""
        screening.income_total, screening.members_count = None, len(values.members)
    voided = False if created else void_if_changed(session, screening, _("แก้ไขข้อมูลหลังรับรอง"))
    if screening.status == "submitted":
        screening.status = "draft"  # changed after handing in: hand it in again
    record(session, "screening_save", "screening", screening.uuid,
           {"term": f"{values.term}/{values.year_be}", "level": screening.level, "created": created},
           subject_uuid=child.uuid)
    session.flush()
    return ScreeningView(screening.uuid, screening.status, screening.level, screening.score, screening.pack, voided)


def _replace_members(session: Session, screening: Screening, members: tuple[Member, ...], office_id: int) -> None:
    old = session.scalars(select(ScreeningMember).where(ScreeningMember.screening_id == screening.id,
                                                        ScreeningMember.deleted_at.is_(None))
                          .order_by(ScreeningMember.position)).all()
    for n, member in enumerate(members, start=1):
        row = old[n - 1] if n <= len(old) else ScreeningMember(screening_id=screening.id, position=n,
                                                               origin_office_id=office_id)
        row.name, row.relation, row.age, row.occupation = member.name.strip(), member.relation, member.age, member.occupation
        row.monthly_income, row.disabled = member.monthly_income, member.disabled
        row.chronic_illness, row.unemployed = member.chronic_illness, member.unemployed
        if n > len(old):
            session.add(row)
    for row in old[len(members):]:
        row.deleted_at = utcnow()
    session.flush()


def _complete(session: Session, screening: Screening) -> list[Problem]:
    problems: list[Problem] = []
    members = members_of(session, screening.id)
    try:
        classify(members, answers_of(screening), active_pack(session))
    except ValidationFailed as exc:
        problems += exc.problems
    kinds = set(session.scalars(select(ScreeningPhoto.kind).where(ScreeningPhoto.screening_id == screening.id,
                                                                  ScreeningPhoto.deleted_at.is_(None))))
    if not {"outside", "inside"} <= kinds and not (screening.no_photo_reason and "school_sign" in kinds):
        problems.append(Problem("photos", _(
            "ต้องมีรูปบ้านภายนอกและภายใน หรือระบุเหตุผลที่ถ่ายรูปบ้านไม่ได้พร้อมรูปเด็กกับป้ายโรงเรียน")))
    if screening.lat_e6 is None or screening.lon_e6 is None:
        problems.append(Problem("position", _("ต้องระบุพิกัดที่ตั้งบ้าน (ละติจูด ลองจิจูด)")))
    return problems


def submit_screening(session: Session, uuid: str) -> ScreeningView:
    """Hand a complete draft (or a returned one) in for certification."""
    screening = live_screening(session, uuid)
    child = session.get(Child, screening.child_id)
    term = session.get(Term, screening.term_id)
    assert child is not None and term is not None
    who = require_recorder(session, child, term)
    if screening.status not in ("draft", "returned"):
        raise ScreeningError(_("แบบคัดกรองนี้ส่งแล้ว ไม่ต้องส่งซ้ำ"))
    problems = _complete(session, screening)
    if problems:
        raise ValidationFailed(problems)
    screening.status, screening.submitted_by, screening.submitted_at = "submitted", who, utcnow()
    record(session, "screening_submit", "screening", screening.uuid, {"level": screening.level},
           subject_uuid=child.uuid)
    return ScreeningView(screening.uuid, screening.status, screening.level, screening.score, screening.pack, False)


def _may_certify(session: Session, screening: Screening) -> tuple[str, Child]:
    child = session.get(Child, screening.child_id)
    term = session.get(Term, screening.term_id)
    assert child is not None and term is not None
    place = class_of(session, child, term)
    actor = require(session, Action.SCREENING_CERTIFY, institution_id=None if place is None else place[0])
    return actor.name, child


def certify_screening(session: Session, uuid: str, *, name: str, position: str,
                      on: date | None = None) -> ScreeningView:
    """Certify a submitted screening: the official's name and position, the date, and the
    hash of exactly the data certified."""
    screening = live_screening(session, uuid)
    who, child = _may_certify(session, screening)
    if screening.status != "submitted":
        raise ScreeningError(_("รับรองได้เฉพาะแบบคัดกรองที่ครูส่งแล้ว (สถานะตอนนี้: {status})").format(
            status=status_label(screening.status)))
    problems = [Problem("name", _("โปรดกรอกชื่อผู้รับรอง"))] if not name.strip() else []
    problems += [Problem("position", _("โปรดกรอกตำแหน่งผู้รับรอง"))] if not position.strip() else []
    if problems:
        raise ValidationFailed(problems)
    cert = Certification(screening_id=screening.id, certifier=who, certifier_name=name.strip(),
                         position=position.strip(), certified_on=on or date.today(),
                         data_sha256=data_hash(session, screening), origin_office_id=screening.origin_office_id)
    session.add(cert)
    screening.status = "certified"
    session.flush()
    record(session, "screening_certify", "screening", screening.uuid,
           {"certification": cert.uuid, "sha256": cert.data_sha256, "level": screening.level},
           subject_uuid=child.uuid)
    return ScreeningView(screening.uuid, screening.status, screening.level, screening.score, screening.pack, False)


def return_screening(session: Session, uuid: str, reason: str) -> ScreeningView:
    """Send a submitted screening back to the teacher with the reason."""
    screening = live_screening(session, uuid)
    who, child = _may_certify(session, screening)
    if screening.status != "submitted":
        raise ScreeningError(_("ส่งกลับได้เฉพาะแบบคัดกรองที่ครูส่งแล้ว"))
    if not reason.strip():
        raise ValidationFailed([Problem("reason", _("โปรดระบุเหตุผลที่ส่งกลับ เพื่อให้ครูแก้ไขได้ถูกต้อง"))])
    screening.status, screening.returned_by, screening.returned_at = "returned", who, utcnow()
    screening.returned_reason = reason.strip()
    record(session, "screening_return", "screening", screening.uuid, {"reason": reason.strip()},
           subject_uuid=child.uuid)
    return ScreeningView(screening.uuid, screening.status, screening.level, screening.score, screening.pack, False)


STATUS_LABELS = {"draft": N_("ร่าง"), "submitted": N_("ส่งแล้ว รอรับรอง"), "certified": N_("รับรองแล้ว"),
                 "returned": N_("ส่งกลับให้แก้ไข")}


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status
